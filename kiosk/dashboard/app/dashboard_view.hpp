// The organizer dashboard's view: it only reads the DashboardState and appends Intents (STYLE.md
// rule 3); every word comes from the model's string table. Landscape desk layout, 1920x1080:
// a header (fair, clock, connection, language, re-plan), the tabs, an offline banner when the
// server cannot be reached, then the tab's panel: overview (booth tiles coloured by health, alerts,
// a booth's detail), timeline (booths x slots, now-line, move/cancel), figures and charts,
// student search, exports. Confirmations are modal dialogs; notices fade at the bottom.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/dashboard/app/view_kit.hpp"
#include "kiosk/dashboard/model/pulse.hpp"

namespace jobfair::dashboard::app {

class DashboardView {
  public:
    DashboardView(const ui::FontSet& fonts, std::string server_url)
        : fonts_(fonts), server_url_(std::move(server_url)) {}

    // Draws one frame of `state`; what the user asked for is appended to `intents`.
    void draw(const DashboardState& state, Clock::time_point now, std::vector<Intent>& intents);

    // Where a target was drawn in the last frame, for scripted clicks.
    std::optional<ImVec2> target_centre(const std::string& id) const { return targets_.centre(id); }
    std::vector<std::string> targets_starting_with(std::string_view prefix) const {
        return targets_.ids_starting_with(prefix);
    }
    // The centre of interview `id`'s block on the timeline drawn last, when it is on screen.
    std::optional<ImVec2> interview_centre(const DashboardState& state, std::int64_t id) const;

  private:
    const ui::FontSet& fonts_;
    std::string server_url_;
    Targets targets_;
    TimelineGeometry timeline_;
};

// The panels, one file each (overview_view.cpp, timeline_view.cpp, figures_view.cpp) or in
// dashboard_view.cpp; each draws inside the current window from the cursor down to `bottom`.
void draw_login(Frame& frame, const std::string& server_url);
void draw_overview(Frame& frame);
void draw_timeline(Frame& frame);
void draw_figures(Frame& frame);
void draw_students(Frame& frame);
void draw_exports(Frame& frame);
void draw_dialogs(Frame& frame);

}  // namespace jobfair::dashboard::app
