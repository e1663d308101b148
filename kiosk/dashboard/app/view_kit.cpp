#include "kiosk/dashboard/app/view_kit.hpp"

#include <cfloat>

#include "kiosk/dashboard/app/palette.hpp"

namespace jobfair::dashboard::app {

void Targets::add_last_item(const std::string& id) {
    add(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

std::optional<ImVec2> Targets::centre(const std::string& id) const {
    const auto found = rects_.find(id);
    if (found == rects_.end()) return std::nullopt;
    const auto& [min, max] = found->second;
    return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2);
}

std::vector<std::string> Targets::ids_starting_with(std::string_view prefix) const {
    std::vector<std::string> ids;
    for (const auto& [id, rect] : rects_)
        if (std::string_view(id).starts_with(prefix)) ids.push_back(id);
    return ids;
}

// The dashboard's own ink, not the theme's: its panels are light and tinted, and the palette's
// test holds these against every tint (palette.hpp).
ImU32 text_colour() {
    return packed(rgb(palette::kInk));
}

ImU32 muted_colour() {
    return packed(rgb(palette::kMuted));
}

ImVec4 rgb(unsigned hex, float alpha) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

BlockColours status_colours(InterviewStatus status) {
    const ImU32 ink = packed(rgb(palette::kInk));
    const ImU32 white = packed(rgb(palette::kWhite));
    switch (status) {
        case InterviewStatus::planned:
            return {packed(rgb(palette::kPlanned)), ink};
        case InterviewStatus::promised:
            return {packed(rgb(palette::kPromised)), ink};
        case InterviewStatus::called:
            return {packed(rgb(palette::kCalled)), ink};
        case InterviewStatus::in_progress:
            return {packed(rgb(palette::kInProgress)), white};
        case InterviewStatus::done:
            return {packed(rgb(palette::kDone)), white};
        case InterviewStatus::no_show:
            return {packed(rgb(palette::kNoShow)), white};
        case InterviewStatus::cancelled:
            return {white, packed(rgb(palette::kCancelledText))};
    }
    return {packed(rgb(palette::kUnknownStatus)), ink};
}

ui::Tone health_tone(Health health) {
    switch (health) {
        case Health::ok:
            return ui::Tone::ok;
        case Health::warning:
            return ui::Tone::warning;
        case Health::danger:
            return ui::Tone::danger;
        case Health::quiet:
            break;
    }
    return ui::Tone::neutral;
}

ImU32 health_stripe(Health health) {
    if (health == Health::quiet) return packed(rgb(0x8A93A0));
    return packed(ui::tone_colours(health_tone(health)).fill);
}

ImU32 health_tint(Health health) {
    switch (health) {
        case Health::ok:
            return packed(rgb(palette::kTintOk));
        case Health::warning:
            return packed(rgb(palette::kTintWarning));
        case Health::danger:
            return packed(rgb(palette::kTintDanger));
        case Health::quiet:
            break;
    }
    return packed(rgb(palette::kTintQuiet));
}

ui::Tone notice_tone(NoticeTone tone) {
    switch (tone) {
        case NoticeTone::ok:
            return ui::Tone::ok;
        case NoticeTone::warning:
            return ui::Tone::warning;
        case NoticeTone::danger:
            return ui::Tone::danger;
        case NoticeTone::info:
            break;
    }
    return ui::Tone::info;
}

ui::Tone severity_tone(Severity severity) {
    return severity == Severity::danger ? ui::Tone::danger : ui::Tone::warning;
}

ImVec2 text_size(ImFont* font, std::string_view text, float wrap_width) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width, text.data(),
                               text.data() + text.size());
}

void draw_text(ImDrawList& list, ImFont* font, ImVec2 at, ImU32 colour, std::string_view text) {
    list.AddText(font, font->FontSize, at, colour, text.data(), text.data() + text.size());
}

std::string fit_text(ImFont* font, const std::string& text, float width, Language language) {
    if (text_size(font, text).x <= width) return text;
    const std::string ellipsis = tr(DashText::ellipsis, language);
    const float room = width - text_size(font, ellipsis).x;
    // Cut at code-point boundaries until it fits.
    std::size_t end = text.size();
    while (end > 0) {
        do {
            --end;
        } while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
        if (text_size(font, std::string_view(text).substr(0, end)).x <= room) break;
    }
    std::string cut = text.substr(0, end);
    while (!cut.empty() && cut.back() == ' ')
        cut.pop_back();
    return cut + ellipsis;
}

ImVec2 pill_size(ImFont* font, std::string_view text) {
    const ImVec2 size = text_size(font, text);
    return ImVec2(size.x + 20, size.y + 6);
}

ImVec2 draw_pill(ImDrawList& list, ImFont* font, ImVec2 at, ui::Tone tone, std::string_view text) {
    const ui::ToneColours colours = ui::tone_colours(tone);
    const ImVec2 size = pill_size(font, text);
    list.AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), packed(colours.fill), size.y / 2);
    draw_text(list, font, ImVec2(at.x + 10, at.y + 3), packed(colours.text), text);
    return size;
}

bool button(Frame& frame, const std::string& label, const std::string& target, ui::Tone tone,
            ImVec2 size, bool enabled) {
    // A disabled button takes the theme's readable disabled colours (AA), not its tone dimmed.
    ui::begin_disabled(!enabled);
    if (enabled) {
        const ui::ToneColours colours = ui::tone_colours(tone);
        ImGui::PushStyleColor(ImGuiCol_Button, colours.fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colours.hovered);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colours.pressed);
        ImGui::PushStyleColor(ImGuiCol_Text, colours.text);
    }
    const std::string id = label + "##" + target;
    const bool clicked = ImGui::Button(id.c_str(), size);
    if (enabled) ImGui::PopStyleColor(4);
    ui::end_disabled(!enabled);
    frame.targets.add_last_item(target);
    return clicked && enabled;
}

std::optional<ImVec2> overview_tab_top(const Frame& frame) {
    const ImVec2 top(kMargin, ImGui::GetCursorScreenPos().y + 4);
    ImGui::SetCursorScreenPos(top);
    if (!frame.state.overview) {
        ImGui::TextDisabled("%s", frame.text(DashText::loading));
        return std::nullopt;
    }
    return top;
}

void setup_columns(const Frame& frame, std::initializer_list<Column> columns) {
    for (const Column& column : columns)
        ImGui::TableSetupColumn(frame.text(column.title), column.flags, column.size);
}

}  // namespace jobfair::dashboard::app
