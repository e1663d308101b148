#include "kiosk/board/app/board_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "common/fair_date.hpp"

namespace jobfair::board::app {

namespace {

ImU32 packed(Rgb colour) {
    return IM_COL32((colour >> 16) & 0xFF, (colour >> 8) & 0xFF, colour & 0xFF, 0xFF);
}

ImVec2 text_size(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
}

void text_at(ImDrawList& list, ImFont* font, ImVec2 at, Rgb colour, const std::string& text) {
    list.AddText(font, font->FontSize, at, packed(colour), text.c_str());
}

// `text` wrapped to `width`, from `at`; returns the height it took.
float wrapped_text(ImDrawList& list, ImFont* font, ImVec2 at, float width, Rgb colour,
                   const std::string& text) {
    list.AddText(font, font->FontSize, at, packed(colour), text.c_str(), nullptr, width);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str()).y;
}

// A rounded pill with `text` centred, its left edge at `from`; returns its width.
float pill(ImDrawList& list, ImFont* font, ImVec2 from, float height, Rgb fill, Rgb colour,
           const std::string& text) {
    const ImVec2 size = text_size(font, text);
    const float width = size.x + height * 0.8f;
    list.AddRectFilled(from, ImVec2(from.x + width, from.y + height), packed(fill), height / 2);
    text_at(list, font, ImVec2(from.x + (width - size.x) / 2, from.y + (height - size.y) / 2),
            colour, text);
    return width;
}

struct StatusLook {
    Rgb fill;
    Rgb text;
};

StatusLook status_look(InterviewStatus status) {
    switch (status) {
        case InterviewStatus::called:
            return {palette::called_fill, palette::on_tile};
        case InterviewStatus::in_progress:
            return {palette::interviewing_fill, palette::on_tile};
        case InterviewStatus::done:
            return {palette::done_fill, palette::on_tile};
        case InterviewStatus::no_show:
        case InterviewStatus::cancelled:
            return {palette::missed_fill, palette::on_tile};
        case InterviewStatus::planned:
        case InterviewStatus::promised:
            break;
    }
    return {palette::waiting_fill, palette::ink};
}

}  // namespace

bool BoardView::draw(const BoardState& state) const {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, packed(palette::background));
    ImGui::Begin("board", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    header(state);
    const float margin = layout_.margin;
    const float top = layout_.header_height;
    const float height = layout_.tiles_bottom - top;
    const float tiles_width = std::round((io.DisplaySize.x - 2 * margin - layout_.gap) * 0.64f);
    if (fair_over(state)) {
        fair_ended_panel(state, ImVec2(margin, top), ImVec2(tiles_width, height));
    } else {
        now_calling_tiles(state, ImVec2(margin, top), ImVec2(tiles_width, height));
    }
    const float list_left = margin + tiles_width + 2 * layout_.gap;
    recent_calls_list(state, ImVec2(list_left, top),
                      ImVec2(io.DisplaySize.x - margin - list_left, height));
    const bool voice_tapped = footer(state);
    ImGui::End();
    ImGui::PopStyleColor();
    return voice_tapped;
}

void BoardView::header(const BoardState& state) const {
    const ImGuiIO& io = ImGui::GetIO();
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float margin = layout_.margin;
    text_at(list, fonts_.large, ImVec2(margin, margin), palette::text,
            tr(BoardText::title, language_));
    const float second_row = margin + fonts_.large->FontSize + layout_.gap / 2;
    // Under the title, the fair as the server names it, with its own date (or that it has none:
    // the machine's date is not the fair's) and venue.
    // The fair clock as the server last said it: never this machine's clock.
    float right = io.DisplaySize.x - margin;
    float line_end = right;
    if (state.fair_now) {
        const std::string clock = state.fair_now->str();
        const float clock_width = text_size(fonts_.large, clock).x;
        text_at(list, fonts_.large, ImVec2(right - clock_width, margin), palette::text, clock);
        const std::string label = tr(BoardText::fair_clock, language_);
        const float label_width = text_size(fonts_.body, label).x;
        text_at(list, fonts_.body, ImVec2(right - label_width, second_row), palette::muted, label);
        right -= clock_width + 2 * layout_.gap;
        line_end -= label_width + 2 * layout_.gap;
    }
    if (state.fair) {
        std::string line = state.fair->name;
        line += (line.empty() ? "" : "  ·  ") + fair_date_text(state.fair->date, language_);
        if (state.fair->venue && !state.fair->venue->empty()) line += "  ·  " + *state.fair->venue;
        // A long venue is cut before the clock's label rather than run under it.
        list.PushClipRect(ImVec2(margin, second_row),
                          ImVec2(line_end, second_row + fonts_.body->FontSize + 8), true);
        text_at(list, fonts_.body, ImVec2(margin, second_row), palette::muted, line);
        list.PopClipRect();
    }
    const BoardText connection_text =
        state.connection == Connection::online    ? BoardText::connection_online
        : state.connection == Connection::offline ? BoardText::connection_offline
                                                  : BoardText::connection_connecting;
    const Rgb connection_fill = state.connection == Connection::online    ? palette::done_fill
                                : state.connection == Connection::offline ? palette::missed_fill
                                                                          : palette::called_fill;
    const std::string connection = tr(connection_text, language_);
    const float pill_height = fonts_.body_bold->FontSize + 20;
    const float pill_width = text_size(fonts_.body_bold, connection).x + pill_height * 0.8f;
    pill(list, fonts_.body_bold,
         ImVec2(right - pill_width, margin + (fonts_.large->FontSize - pill_height) / 2),
         pill_height, connection_fill, palette::on_tile, connection);
}

void BoardView::now_calling_tiles(const BoardState& state, ImVec2 origin, ImVec2 size) const {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const TilePage page = current_page(state);
    text_at(list, fonts_.body_bold, origin, palette::text, tr(BoardText::now_calling, language_));
    if (page.count > 1) {
        // Which page, in words and as dots: the tiles turn by themselves.
        const std::string which =
            tr_fill(BoardText::page_of, language_,
                    {std::to_string(page.index + 1), std::to_string(page.count)});
        const float dot = fonts_.body->FontSize * 0.35f;
        const float dots_width = page.count * dot * 2.6f;
        const float right = origin.x + size.x;
        for (std::size_t index = 0; index < page.count; ++index) {
            const ImVec2 centre(right - dots_width + index * dot * 2.6f + dot,
                                origin.y + fonts_.body->FontSize / 2);
            if (index == page.index) {
                list.AddCircleFilled(centre, dot, packed(palette::text));
            } else {
                list.AddCircle(centre, dot - 1, packed(palette::muted), 0, 2);
            }
        }
        const float which_width = text_size(fonts_.body_bold, which).x;
        text_at(list, fonts_.body_bold,
                ImVec2(right - dots_width - layout_.gap - which_width, origin.y), palette::text,
                which);
    }
    const float top = layout_.tiles_top;
    if (page.calls.empty()) {
        // Before the first answer the board does not know who is called: it says it is
        // connecting (or that it cannot), not that nobody is called.
        const BoardText empty = state.calls_loaded ? BoardText::nobody_called
                                : state.connection == Connection::offline
                                    ? BoardText::no_calls_offline
                                    : BoardText::connection_connecting;
        wrapped_text(list, fonts_.large, ImVec2(origin.x, top + layout_.gap), size.x,
                     palette::muted, tr(empty, language_));
        return;
    }
    const float pad = layout_.gap * 1.5f;
    for (std::size_t index = 0; index < page.calls.size(); ++index) {
        const Call& call = page.calls[index];
        const ImVec2 from(origin.x, top + index * (layout_.tile_height + layout_.gap));
        const ImVec2 to(origin.x + size.x, from.y + layout_.tile_height);
        const bool newest = page.index == 0 && index == 0;
        list.AddRectFilled(from, to, packed(newest ? palette::tile_newest : palette::tile_other),
                           24);
        const float ticket_top = from.y + layout_.gap;
        text_at(list, fonts_.huge, ImVec2(from.x + pad, ticket_top), palette::on_tile,
                call.ticket_label);
        // Right of the ticket: how long ago on the fair clock, and the recall mark.
        float right = to.x - pad;
        const float line_middle = ticket_top + fonts_.huge->FontSize / 2;
        if (const auto minutes = minutes_since(state, call)) {
            const std::string ago = *minutes == 0 ? tr(BoardText::called_just_now, language_)
                                                  : tr_fill(BoardText::called_minutes_ago,
                                                            language_, {std::to_string(*minutes)});
            const ImVec2 ago_size = text_size(fonts_.body, ago);
            text_at(list, fonts_.body, ImVec2(right - ago_size.x, line_middle + 8),
                    palette::on_tile, ago);
        }
        if (call.recall) {
            const std::string mark = tr(BoardText::recall_mark, language_);
            const float mark_height = fonts_.body_bold->FontSize + 16;
            const float mark_width = text_size(fonts_.body_bold, mark).x + mark_height * 0.8f;
            pill(list, fonts_.body_bold, ImVec2(right - mark_width, line_middle - mark_height - 4),
                 mark_height, palette::recall_fill, palette::ink, mark);
        }
        // Where to go, at least 1/15 of the screen's height (board_layout).
        text_at(list, fonts_.large,
                ImVec2(from.x + pad, ticket_top + fonts_.huge->FontSize + layout_.gap / 2),
                palette::on_tile,
                tr_fill(BoardText::please_go_to, language_,
                        {call.booth, std::to_string(call.seat + 1)}));
    }
}

void BoardView::fair_ended_panel(const BoardState& state, ImVec2 origin, ImVec2 size) const {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float top = layout_.tiles_top;
    const ImVec2 to(origin.x + size.x, origin.y + size.y);
    list.AddRectFilled(ImVec2(origin.x, top), to, packed(palette::ended_fill), 24);
    const float pad = layout_.gap * 2;
    float y = top + pad;
    y += wrapped_text(list, fonts_.large, ImVec2(origin.x + pad, y), size.x - 2 * pad,
                      palette::text, tr(BoardText::fair_ended_title, language_));
    y += layout_.gap;
    y += wrapped_text(list, fonts_.body, ImVec2(origin.x + pad, y), size.x - 2 * pad, palette::text,
                      tr(BoardText::fair_ended_body, language_));
    if (state.fair && !state.fair->name.empty()) {
        wrapped_text(list, fonts_.body, ImVec2(origin.x + pad, y + layout_.gap), size.x - 2 * pad,
                     palette::muted, state.fair->name);
    }
}

void BoardView::recent_calls_list(const BoardState& state, ImVec2 origin, ImVec2 size) const {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    text_at(list, fonts_.body_bold, origin, palette::text, tr(BoardText::recent_calls, language_));
    float y = layout_.tiles_top;
    // Columns: time (fair clock), ticket, booth, status.
    const float ticket_x = origin.x + size.x * 0.16f;
    const float booth_x = origin.x + size.x * 0.41f;
    const float status_x = origin.x + size.x * 0.56f;
    ImFont* head = fonts_.small;
    text_at(list, head, ImVec2(origin.x, y), palette::muted, tr(BoardText::column_time, language_));
    text_at(list, head, ImVec2(ticket_x, y), palette::muted,
            tr(BoardText::column_ticket, language_));
    text_at(list, head, ImVec2(booth_x, y), palette::muted, tr(BoardText::column_booth, language_));
    text_at(list, head, ImVec2(status_x, y), palette::muted,
            tr(BoardText::column_status, language_));
    y += head->FontSize + 12;
    if (state.calls.empty()) {
        text_at(list, fonts_.body, ImVec2(origin.x, y + 12), palette::muted,
                tr(BoardText::no_calls_yet, language_));
        return;
    }
    const float row_height =
        std::min(76.0f, (origin.y + size.y - y) / static_cast<float>(state.calls.size()));
    for (std::size_t index = 0; index < state.calls.size(); ++index) {
        const Call& call = state.calls[index];
        const float row_top = y + index * row_height;
        if (index % 2 == 0)
            list.AddRectFilled(ImVec2(origin.x - 12, row_top),
                               ImVec2(origin.x + size.x, row_top + row_height - 4),
                               packed(palette::stripe), 10);
        const float text_y = row_top + (row_height - 4 - fonts_.body->FontSize) / 2;
        text_at(list, fonts_.body, ImVec2(origin.x, text_y), palette::muted, call.time.str());
        text_at(list, fonts_.body_bold, ImVec2(ticket_x, text_y), palette::text, call.ticket_label);
        text_at(list, fonts_.body_bold, ImVec2(booth_x, text_y), palette::text, call.booth);
        const StatusLook look = status_look(call.status);
        const std::string status = status_words(call.status, language_);
        const ImVec2 status_size = text_size(fonts_.body, status);
        list.AddRectFilled(ImVec2(status_x - 10, text_y - 4),
                           ImVec2(status_x + status_size.x + 10, text_y + status_size.y + 4),
                           packed(look.fill), 10);
        text_at(list, fonts_.body, ImVec2(status_x, text_y), look.text, status);
    }
}

bool BoardView::footer(const BoardState& state) const {
    const ImGuiIO& io = ImGui::GetIO();
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float margin = layout_.margin;
    const float height = layout_.footer_height;
    const float top = io.DisplaySize.y - margin / 2 - height;

    // The voice switch, bottom right: an organizer taps it; without espeak-ng it says so.
    const bool installed = state.config.voice_installed;
    const std::string label = !installed       ? tr(BoardText::voice_missing, language_)
                              : state.voice_on ? tr(BoardText::voice_on, language_)
                                               : tr(BoardText::voice_off, language_);
    const float width = text_size(fonts_.body_bold, label).x + 2 * layout_.gap + height / 2;
    const ImVec2 from(io.DisplaySize.x - margin - width, top);
    const ImVec2 to(from.x + width, top + height);
    ImGui::SetCursorScreenPos(from);
    const bool tapped = ImGui::InvisibleButton("voice", ImVec2(width, height)) && installed;
    const Rgb fill = !installed || state.voice_on ? palette::button_fill : palette::button_off_fill;
    list.AddRectFilled(from, to, packed(fill), height / 2);
    list.AddRect(from, to, packed(palette::muted), height / 2, 0, 2);
    // A speaker: a small box and cone, with waves when on.
    const float icon = fonts_.body_bold->FontSize * 0.5f;
    const ImVec2 icon_at(from.x + layout_.gap, top + height / 2);
    const Rgb ink = installed ? palette::text : palette::muted;
    list.AddRectFilled(ImVec2(icon_at.x, icon_at.y - icon * 0.35f),
                       ImVec2(icon_at.x + icon * 0.4f, icon_at.y + icon * 0.35f), packed(ink));
    list.AddTriangleFilled(ImVec2(icon_at.x + icon * 0.4f, icon_at.y - icon * 0.35f),
                           ImVec2(icon_at.x + icon, icon_at.y - icon),
                           ImVec2(icon_at.x + icon, icon_at.y + icon), packed(ink));
    list.AddTriangleFilled(ImVec2(icon_at.x + icon * 0.4f, icon_at.y - icon * 0.35f),
                           ImVec2(icon_at.x + icon, icon_at.y + icon),
                           ImVec2(icon_at.x + icon * 0.4f, icon_at.y + icon * 0.35f), packed(ink));
    text_at(
        list, fonts_.body_bold,
        ImVec2(from.x + layout_.gap + height / 2, top + (height - fonts_.body_bold->FontSize) / 2),
        ink, label);

    // Left: the offline banner when the server cannot be reached, else the privacy note.
    const float left_width = from.x - margin - layout_.gap;
    if (state.connection == Connection::offline) {
        list.AddRectFilled(ImVec2(margin, top), ImVec2(margin + left_width, top + height),
                           packed(palette::missed_fill), 12);
        wrapped_text(list, fonts_.body_bold,
                     ImVec2(margin + layout_.gap, top + (height - fonts_.body_bold->FontSize) / 2),
                     left_width - 2 * layout_.gap, palette::on_tile,
                     tr(BoardText::offline_explained, language_));
    } else {
        text_at(list, fonts_.small, ImVec2(margin, top + (height - fonts_.small->FontSize) / 2),
                palette::muted, tr(BoardText::privacy_note, language_));
    }
    return tapped;
}

}  // namespace jobfair::board::app
