// What the dashboard's panels share: the frame's context (state, fonts, language, the intents
// being collected, the click targets for scripts), colours for statuses and health, and small
// drawing helpers. Nothing here holds state between frames except the targets, rebuilt each frame.
#pragma once

#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/dashboard/model/dashboard.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace jobfair::dashboard::app {

// Where each clickable thing was drawn in the last frame ("tab:timeline", "tile:B07", ...).
class Targets {
  public:
    void clear() { rects_.clear(); }
    void add(const std::string& id, ImVec2 min, ImVec2 max) { rects_[id] = {min, max}; }
    void add_last_item(const std::string& id);  // the ImGui item just drawn
    std::optional<ImVec2> centre(const std::string& id) const;
    std::vector<std::string> ids_starting_with(std::string_view prefix) const;

  private:
    std::map<std::string, std::pair<ImVec2, ImVec2>, std::less<>> rects_;
};

// Where the timeline was drawn in the last frame, so a script can find an interview's block.
struct TimelineGeometry {
    bool drawn = false;
    TimeScale scale;
    float rows_top = 0;  // screen y of row 0 (scrolled)
    float row_height = 1;
    float clip_top = 0;
    float clip_bottom = 0;
};

// Space between the window's edge and what is drawn, in pixels.
inline constexpr float kMargin = 20;

struct Frame {
    const DashboardState& state;
    const ui::FontSet& fonts;
    Language language;
    Clock::time_point now;
    std::vector<Intent>& intents;
    Targets& targets;
    TimelineGeometry& timeline;

    const char* text(DashText id) const { return tr(id, language); }
    std::string fill(DashText id, std::initializer_list<std::string_view> values) const {
        return tr_fill(id, language, values);
    }
    void ask(Intent intent) const { intents.push_back(std::move(intent)); }
};

using ui::packed;
ImU32 text_colour();   // the style's text colour
ImU32 muted_colour();  // the style's disabled-text colour
ImVec4 rgb(unsigned hex, float alpha = 1.0f);

struct BlockColours {
    ImU32 fill;
    ImU32 text;
};
// The colours of an interview's status on the timeline and in tables.
BlockColours status_colours(InterviewStatus status);
ui::Tone health_tone(Health health);
ImU32 health_stripe(Health health);  // the tile's left edge
ImU32 health_tint(Health health);    // the tile's background
ui::Tone notice_tone(NoticeTone tone);
ui::Tone severity_tone(Severity severity);

ImVec2 text_size(ImFont* font, std::string_view text, float wrap_width = -1.0f);
void draw_text(ImDrawList& list, ImFont* font, ImVec2 at, ImU32 colour, std::string_view text);
// `text` cut to fit `width` in `font`, ending with the table's ellipsis when cut.
std::string fit_text(ImFont* font, const std::string& text, float width, Language language);
// A rounded label (pill) drawn at `at`; returns its size.
ImVec2 draw_pill(ImDrawList& list, ImFont* font, ImVec2 at, ui::Tone tone, std::string_view text);
ImVec2 pill_size(ImFont* font, std::string_view text);

// A button with `label` and a hidden id, recorded as target `target`. True when clicked.
bool button(Frame& frame, const std::string& label, const std::string& target,
            ui::Tone tone = ui::Tone::neutral, ImVec2 size = ImVec2(0, 0), bool enabled = true);

// Where a tab drawn from the overview starts (under the tab bar), or nullopt, with "loading"
// said, while the overview has not come yet.
std::optional<ImVec2> overview_tab_top(const Frame& frame);

// A table column headed by a string of the table: a fixed width in pixels, or a share of what
// the fixed ones leave.
struct Column {
    DashText title;
    ImGuiTableColumnFlags flags;
    float size;
};
inline Column fixed_column(DashText title, float width) {
    return {title, ImGuiTableColumnFlags_WidthFixed, width};
}
inline Column stretch_column(DashText title, float weight) {
    return {title, ImGuiTableColumnFlags_WidthStretch, weight};
}
void setup_columns(const Frame& frame, std::initializer_list<Column> columns);

}  // namespace jobfair::dashboard::app
