#include "kiosk/board/app/board_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <ctime>
#include <string>

#include "common/fair_date.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace jobfair::board::app {

namespace {

constexpr float kMargin = 40;
constexpr float kGap = 28;

ImU32 packed(const ImVec4& colour) {
    return ImGui::ColorConvertFloat4ToU32(colour);
}

// "HH:MM" of `time` on this machine's clock (the hall's local time).
std::string local_clock(WallTime time) {
    const std::time_t seconds = WallClock::to_time_t(time);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[8];
    std::strftime(text, sizeof text, "%H:%M", &local);
    return text;
}

// Draws `text` in `font` with its centre at `centre`.
void centred_text(ImDrawList& list, ImFont* font, ImVec2 centre, ImU32 colour,
                  const std::string& text) {
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
    list.AddText(font, font->FontSize, ImVec2(centre.x - size.x / 2, centre.y - size.y / 2), colour,
                 text.c_str());
}

ui::Tone status_tone(InterviewStatus status) {
    switch (status) {
        case InterviewStatus::called:
            return ui::Tone::primary;
        case InterviewStatus::in_progress:
            return ui::Tone::info;
        case InterviewStatus::done:
            return ui::Tone::ok;
        case InterviewStatus::no_show:
        case InterviewStatus::cancelled:
            return ui::Tone::danger;
        case InterviewStatus::planned:
        case InterviewStatus::promised:
            break;
    }
    return ui::Tone::warning;
}

}  // namespace

void BoardView::draw(const BoardState& state, WallTime now) const {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("board", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const float header_height = header(state, now);
    const float top = header_height + kGap;
    const float footer_height = fonts_.small->FontSize + kGap;
    const float body_height = io.DisplaySize.y - top - footer_height - kMargin / 2;
    const float tiles_width = std::round((io.DisplaySize.x - 2 * kMargin - kGap) * 0.6f);
    now_calling_tiles(state, now, ImVec2(kMargin, top), ImVec2(tiles_width, body_height));
    const float list_left = kMargin + tiles_width + kGap;
    recent_calls_list(state, ImVec2(list_left, top),
                      ImVec2(io.DisplaySize.x - kMargin - list_left, body_height));

    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImVec4 muted = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
    list.AddText(fonts_.small, fonts_.small->FontSize,
                 ImVec2(kMargin, io.DisplaySize.y - footer_height), packed(muted),
                 tr(BoardText::privacy_note, language_));
    ImGui::End();
}

float BoardView::header(const BoardState& state, WallTime now) const {
    const ImGuiIO& io = ImGui::GetIO();
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImU32 text_colour = packed(ImGui::GetStyle().Colors[ImGuiCol_Text]);
    float height = kMargin + fonts_.large->FontSize + kGap / 2;
    list.AddText(fonts_.large, fonts_.large->FontSize, ImVec2(kMargin, kMargin), text_colour,
                 tr(BoardText::title, language_));
    // Under the title, the fair as the server names it, with its own date (or that it has none:
    // the machine's date is not the fair's) and venue.
    if (state.fair) {
        std::string line = state.fair->name;
        line += (line.empty() ? "" : "  ·  ") + fair_date_text(state.fair->date, language_);
        if (state.fair->venue && !state.fair->venue->empty()) line += "  ·  " + *state.fair->venue;
        const ImVec4 muted = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
        list.AddText(fonts_.body, fonts_.body->FontSize, ImVec2(kMargin, height), packed(muted),
                     line.c_str());
        height += fonts_.body->FontSize + kGap / 2;
    }

    const std::string clock = local_clock(now);
    const ImVec2 clock_size =
        fonts_.large->CalcTextSizeA(fonts_.large->FontSize, FLT_MAX, 0, clock.c_str());
    list.AddText(fonts_.large, fonts_.large->FontSize,
                 ImVec2(io.DisplaySize.x - kMargin - clock_size.x, kMargin), text_colour,
                 clock.c_str());

    const BoardText connection_text =
        state.connection == Connection::online    ? BoardText::connection_online
        : state.connection == Connection::offline ? BoardText::connection_offline
                                                  : BoardText::connection_connecting;
    const ui::Tone connection_tone = state.connection == Connection::online    ? ui::Tone::ok
                                     : state.connection == Connection::offline ? ui::Tone::danger
                                                                               : ui::Tone::info;
    ImGui::PushFont(fonts_.body_bold);
    const float pill_width = ImGui::CalcTextSize(tr(connection_text, language_)).x +
                             2 * ImGui::GetStyle().FramePadding.x + 24;
    ImGui::SetCursorPos(
        ImVec2(io.DisplaySize.x - 2 * kMargin - clock_size.x - pill_width, kMargin + 4));
    ui::status_pill(tr(connection_text, language_), connection_tone);
    ImGui::PopFont();

    if (state.connection == Connection::offline) {
        const ui::ToneColours danger = ui::tone_colours(ui::Tone::danger);
        const float banner_height = fonts_.body_bold->FontSize + 32;
        const ImVec2 from(kMargin, height);
        const ImVec2 to(io.DisplaySize.x - kMargin, height + banner_height);
        list.AddRectFilled(from, to, packed(danger.fill), 12);
        centred_text(list, fonts_.body_bold, ImVec2((from.x + to.x) / 2, (from.y + to.y) / 2),
                     packed(danger.text), tr(BoardText::offline_explained, language_));
        height += banner_height + kGap / 2;
    }
    return height;
}

void BoardView::now_calling_tiles(const BoardState& state, WallTime now, ImVec2 origin,
                                  ImVec2 size) const {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImGuiStyle& style = ImGui::GetStyle();
    list.AddText(fonts_.large, fonts_.large->FontSize, origin, packed(style.Colors[ImGuiCol_Text]),
                 tr(BoardText::now_calling, language_));
    const float top = origin.y + fonts_.large->FontSize + kGap;
    const float height = origin.y + size.y - top;

    const std::vector<Call> calling = now_calling(state, now);
    if (calling.empty()) {
        ImGui::SetCursorPos(ImVec2(origin.x, top + kGap));
        ImGui::PushFont(fonts_.large);
        ImGui::PushTextWrapPos(origin.x + size.x);
        ImGui::TextColored(style.Colors[ImGuiCol_TextDisabled], "%s",
                           tr(BoardText::nobody_called, language_));
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        return;
    }
    // One big tile when one call, two columns otherwise; rows share the height.
    const int columns = calling.size() == 1 ? 1 : 2;
    const int rows = static_cast<int>((calling.size() + columns - 1) / columns);
    const int shown_rows = std::max(rows, calling.size() == 1 ? 1 : 2);
    const float tile_width = (size.x - kGap * (columns - 1)) / columns;
    const float tile_height = std::min(360.0f, (height - kGap * (shown_rows - 1)) / shown_rows);
    const ui::ToneColours newest = ui::tone_colours(ui::Tone::primary);
    const ui::ToneColours older = ui::tone_colours(ui::Tone::neutral);
    for (std::size_t index = 0; index < calling.size(); ++index) {
        const Call& call = calling[index];
        const int column = static_cast<int>(index) % columns;
        const int row = static_cast<int>(index) / columns;
        const ImVec2 from(origin.x + column * (tile_width + kGap),
                          top + row * (tile_height + kGap));
        const ImVec2 to(from.x + tile_width, from.y + tile_height);
        const ui::ToneColours& colours = index == 0 ? newest : older;
        list.AddRectFilled(from, to, packed(colours.fill), 24);
        const float centre_x = (from.x + to.x) / 2;
        const float label_y = from.y + tile_height * 0.42f;
        centred_text(list, fonts_.huge, ImVec2(centre_x, label_y), packed(colours.text),
                     call.ticket_label);
        centred_text(list, fonts_.large, ImVec2(centre_x, from.y + tile_height * 0.8f),
                     packed(colours.text),
                     tr_fill(BoardText::please_go_to, language_,
                             {call.booth, std::to_string(call.seat + 1)}));
        if (call.recall) {
            const ui::ToneColours warning = ui::tone_colours(ui::Tone::warning);
            const char* mark = tr(BoardText::recall_mark, language_);
            const ImVec2 mark_size =
                fonts_.body_bold->CalcTextSizeA(fonts_.body_bold->FontSize, FLT_MAX, 0, mark);
            const ImVec2 mark_from(to.x - mark_size.x - 48, from.y + 16);
            list.AddRectFilled(mark_from, ImVec2(to.x - 16, mark_from.y + mark_size.y + 12),
                               packed(warning.fill), 12);
            list.AddText(fonts_.body_bold, fonts_.body_bold->FontSize,
                         ImVec2(mark_from.x + 16, mark_from.y + 6), packed(warning.text), mark);
        }
    }
}

void BoardView::recent_calls_list(const BoardState& state, ImVec2 origin, ImVec2 size) const {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImU32 text_colour = packed(style.Colors[ImGuiCol_Text]);
    const ImU32 muted = packed(style.Colors[ImGuiCol_TextDisabled]);
    list.AddText(fonts_.large, fonts_.large->FontSize, origin, text_colour,
                 tr(BoardText::recent_calls, language_));
    float y = origin.y + fonts_.large->FontSize + kGap;
    // Columns: time, ticket, booth, status.
    const float ticket_x = origin.x + size.x * 0.17f;
    const float booth_x = origin.x + size.x * 0.44f;
    const float status_x = origin.x + size.x * 0.62f;
    ImFont* head = fonts_.small;
    list.AddText(head, head->FontSize, ImVec2(origin.x, y), muted,
                 tr(BoardText::column_time, language_));
    list.AddText(head, head->FontSize, ImVec2(ticket_x, y), muted,
                 tr(BoardText::column_ticket, language_));
    list.AddText(head, head->FontSize, ImVec2(booth_x, y), muted,
                 tr(BoardText::column_booth, language_));
    list.AddText(head, head->FontSize, ImVec2(status_x, y), muted,
                 tr(BoardText::column_status, language_));
    y += head->FontSize + 12;
    if (state.calls.empty()) {
        list.AddText(fonts_.body, fonts_.body->FontSize, ImVec2(origin.x, y + 12), muted,
                     tr(BoardText::no_calls_yet, language_));
        return;
    }
    const float row_height =
        std::min(76.0f, (origin.y + size.y - y) / static_cast<float>(state.calls.size()));
    const ImU32 stripe = packed(ImGui::GetStyle().Colors[ImGuiCol_FrameBg]);
    for (std::size_t index = 0; index < state.calls.size(); ++index) {
        const Call& call = state.calls[index];
        const float row_top = y + index * row_height;
        if (index % 2 == 0)
            list.AddRectFilled(ImVec2(origin.x - 12, row_top),
                               ImVec2(origin.x + size.x, row_top + row_height - 4), stripe, 10);
        const float text_y = row_top + (row_height - 4 - fonts_.large->FontSize) / 2;
        const float body_y = row_top + (row_height - 4 - fonts_.body->FontSize) / 2;
        list.AddText(fonts_.body, fonts_.body->FontSize, ImVec2(origin.x, body_y), text_colour,
                     local_clock(call.at).c_str());
        list.AddText(fonts_.large, fonts_.large->FontSize, ImVec2(ticket_x, text_y), text_colour,
                     call.ticket_label.c_str());
        list.AddText(fonts_.large, fonts_.large->FontSize, ImVec2(booth_x, text_y), text_colour,
                     call.booth.c_str());
        const ui::ToneColours tone = ui::tone_colours(status_tone(call.status));
        const std::string status = status_words(call.status, language_);
        const ImVec2 status_size =
            fonts_.body_bold->CalcTextSizeA(fonts_.body_bold->FontSize, FLT_MAX, 0, status.c_str());
        list.AddRectFilled(ImVec2(status_x - 10, body_y - 6),
                           ImVec2(status_x + status_size.x + 10, body_y + status_size.y + 6),
                           packed(tone.fill), 10);
        list.AddText(fonts_.body_bold, fonts_.body_bold->FontSize, ImVec2(status_x, body_y),
                     packed(tone.text), status.c_str());
    }
}

}  // namespace jobfair::board::app
