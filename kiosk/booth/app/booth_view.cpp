#include "kiosk/booth/app/booth_view.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string_view>

#include "common/fair_date.hpp"
#include "common/level.hpp"
#include "common/occupations.hpp"
#include "common/protocol.hpp"
#include "kiosk/booth/app/booth_frame.hpp"
#include "kiosk/booth/app/draw_kit.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace jobfair::booth::app {

namespace {

using ui::packed;
using ui::ScopedFont;

ui::Tone notice_tone(Notice::Kind kind) {
    switch (kind) {
        case Notice::Kind::ok:
            return ui::Tone::ok;
        case Notice::Kind::warning:
            return ui::Tone::warning;
        case Notice::Kind::danger:
            return ui::Tone::danger;
        case Notice::Kind::info:
            break;
    }
    return ui::Tone::info;
}

std::string level_words(std::string_view code, Language language) {
    const std::optional<Level> level = parse_level(code);
    if (!level) return std::string(code);
    return std::string(language == Language::vi ? level_name_vi(*level) : level_name_en(*level));
}

// The trade of the list, or "Ngành khác: <typed name>" for a student with Other trade.
std::string trade_words(const Person& person, Language language) {
    return student_trade_display_name(person.occupation, person.occupation_text,
                                      language == Language::vi);
}

std::string rank_words(int rank, Language language) {
    return rank > 0 ? tr_fill(BoothText::rank_choice, language, {std::to_string(rank)})
                    : tr(BoothText::rank_unknown, language);
}

struct WhereaboutsWords {
    std::string words;
    ui::Tone tone = ui::Tone::neutral;
};

WhereaboutsWords whereabouts_of(const QueuedInterview& interview, Language language) {
    switch (interview.whereabouts) {
        case Whereabouts::checked_in:
            return {tr(BoothText::whereabouts_checked_in, language), ui::Tone::ok};
        case Whereabouts::busy:
            return {tr_fill(BoothText::whereabouts_busy, language, {interview.busy_at}),
                    ui::Tone::warning};
        case Whereabouts::away:
            return {tr_fill(BoothText::whereabouts_away, language, {interview.away_until}),
                    ui::Tone::warning};
        case Whereabouts::not_arrived:
            break;
    }
    return {tr(BoothText::whereabouts_not_arrived, language), ui::Tone::neutral};
}

}  // namespace

// --- draw ----------------------------------------------------------------------------------------

void BoothView::draw(const BoothState& state, Clock::time_point now, std::vector<Intent>& asked) {
    targets_.clear();
    const ImGuiIO& io = ImGui::GetIO();
    Frame frame{state, now, asked, language_of(state), io.DisplaySize};
    const bool tablet = io.DisplaySize.y < 1000;
    frame.margin = tablet ? 20 : 32;
    frame.gap = tablet ? 16 : 24;
    frame.button_height = tablet ? 76 : 92;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // No background: the frame is cleared in the window colour already, and on llvmpipe every
    // full-screen layer costs milliseconds (the frame time is fill rate, not ImGui).
    ImGui::Begin("booth", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
    if (state.screen == Screen::login) {
        login(frame);
        ImGui::End();
        dialog_was_open_ = false;
        return;
    }
    float y = header(frame);
    const bool mismatch = state.ticket_check && !state.ticket_check->match;
    if (!state.online)
        y = banner(frame, y, frame.text(BoothText::offline_explained), ui::Tone::danger, nullptr);
    if (state.queue && state.queue->paused)
        y = banner(frame, y, frame.text(BoothText::booth_paused), ui::Tone::warning, nullptr);
    else if (state.queue && !state.queue->break_until.empty())
        y = banner(frame, y, frame.fill(BoothText::booth_on_break, {state.queue->break_until}),
                   ui::Tone::warning, nullptr);
    if (state.notice && !mismatch)
        y = banner(frame, y, state.notice->text(frame.language), notice_tone(state.notice->kind),
                   "dismiss_notice");

    const float width = frame.display.x - 2 * frame.margin;
    const float height = frame.display.y - y - frame.margin;
    if (!state.queue) {
        ScopedFont font(fonts_.large);
        const char* loading = frame.text(BoothText::loading_queue);
        ImGui::SetCursorScreenPos(
            ImVec2((frame.display.x - text_width(fonts_.large, loading)) / 2, y + height / 3));
        ImGui::TextColored(ImGui::GetStyle().Colors[ImGuiCol_TextDisabled], "%s", loading);
    } else {
        const float left_width = std::round((width - frame.gap) * 0.58f);
        const int seats = seat_count(state);
        const float seat_height = (height - frame.gap * (seats - 1)) / static_cast<float>(seats);
        for (int seat = 0; seat < seats; ++seat)
            seat_card(frame, seat, ImVec2(frame.margin, y + seat * (seat_height + frame.gap)),
                      ImVec2(left_width, seat_height));
        const float right_x = frame.margin + left_width + frame.gap;
        const float right_width = frame.display.x - frame.margin - right_x;
        const float next_height = std::round((height - frame.gap) * 0.5f);
        next_list(frame, ImVec2(right_x, y), ImVec2(right_width, next_height));
        standby_list(frame, ImVec2(right_x, y + next_height + frame.gap),
                     ImVec2(right_width, height - next_height - frame.gap));
    }
    ImGui::End();

    if (state.finishing) {
        finish_dialog(frame);
    } else {
        dialog_was_open_ = false;
        note_keyboard_ = note_shift_ = note_digits_ = false;  // each dialog opens without it
    }
    if (mismatch) ticket_mismatch(frame);
}

// --- login (PIN pad) -----------------------------------------------------------------------------

void BoothView::login(Frame& frame) {
    const BoothState& state = frame.state;
    const float centre_x = frame.display.x / 2;
    // The language switch, top right.
    {
        ScopedFont font(fonts_.body);
        const std::string label = labelled(frame.text(BoothText::other_language), "language");
        const float button_width = ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
                                   2 * ImGui::GetStyle().FramePadding.x;
        ImGui::SetCursorScreenPos(
            ImVec2(frame.display.x - frame.margin - button_width, frame.margin));
        if (ui::touch_button(label.c_str())) frame.asked.push_back(intent::SwitchLanguage{});
        remember("language");
    }
    const bool tablet = frame.display.y < 1000;
    float y = frame.margin + (tablet ? 8 : 48);
    const auto centred = [&](ImFont* font, const std::string& text, ImU32 colour) {
        const std::string shown = fitted(font, text, frame.display.x - 2 * frame.margin);
        text_at(font, ImVec2(centre_x - text_width(font, shown) / 2, y), colour, shown);
        y += font->FontSize + frame.gap / 2;
    };
    centred(fonts_.large, frame.fill(BoothText::login_title, {state.booth}), ink());
    if (!state.fair_name.empty()) {
        centred(fonts_.body, state.fair_name, muted());
        centred(fonts_.small, fair_date_text(state.fair_date, frame.language), muted());
    }
    centred(fonts_.body, frame.text(BoothText::login_prompt), ink());
    y += frame.gap / 2;

    // Six boxes, a dot for each digit typed.
    const float box = tablet ? 64 : 84;
    const float box_gap = tablet ? 12 : 16;
    const float boxes_width = kPinLength * box + (kPinLength - 1) * box_gap;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ui::ToneColours neutral = ui::tone_colours(ui::Tone::neutral);
    for (std::size_t index = 0; index < kPinLength; ++index) {
        const ImVec2 from(centre_x - boxes_width / 2 + index * (box + box_gap), y);
        const ImVec2 to(from.x + box, from.y + box);
        list.AddRectFilled(from, to, packed(ImGui::GetStyle().Colors[ImGuiCol_FrameBg]), 14);
        list.AddRect(from, to,
                     packed(index == state.pin.size() ? ui::tone_colours(ui::Tone::primary).fill
                                                      : neutral.pressed),
                     14, 0, index == state.pin.size() ? 4.0f : 2.0f);
        if (index < state.pin.size())
            list.AddCircleFilled(ImVec2((from.x + to.x) / 2, (from.y + to.y) / 2), box * 0.16f,
                                 ink());
    }
    y += box + frame.gap;

    // Status under the boxes: checking, a refusal, or the server's state.
    std::optional<std::pair<std::string, ui::Tone>> status;
    if (state.logging_in)
        status.emplace(frame.text(BoothText::login_checking), ui::Tone::info);
    else if (state.protocol_mismatch)
        status.emplace(
            frame.fill(BoothText::protocol_mismatch, {std::to_string(*state.protocol_mismatch),
                                                      std::to_string(protocol::kVersion)}),
            ui::Tone::danger);
    else if (state.login_problem)
        status.emplace(state.login_problem->text(frame.language),
                       notice_tone(state.login_problem->kind));
    else if (state.server_reachable == false)
        status.emplace(frame.text(BoothText::login_server_unreachable), ui::Tone::danger);
    const float status_height = fonts_.body_bold->FontSize * 2 + 28;
    if (status) {
        const ui::ToneColours colours = ui::tone_colours(status->second);
        const float max_width = std::min(frame.display.x - 2 * frame.margin, 1200.0f);
        const float wrap = max_width - 48;
        const ImVec2 size = fonts_.body_bold->CalcTextSizeA(fonts_.body_bold->FontSize, FLT_MAX,
                                                            wrap, status->first.c_str());
        const ImVec2 from(centre_x - (size.x + 48) / 2, y);
        list.AddRectFilled(from, ImVec2(from.x + size.x + 48, from.y + size.y + 24),
                           packed(colours.fill), 14);
        list.AddText(fonts_.body_bold, fonts_.body_bold->FontSize, ImVec2(from.x + 24, y + 12),
                     packed(colours.text), status->first.c_str(), nullptr, wrap);
    }
    y += status_height + frame.gap / 2;

    // The pad: 1-9, then Clear, 0, Delete.
    const float pad_height = frame.display.y - y - frame.margin;
    const float key_gap = tablet ? 12 : 16;
    const float key_height =
        std::clamp((pad_height - 3 * key_gap) / 4, ui::kMinTouchTarget, 120.0f);
    const float key_width = std::round(key_height * 1.9f);
    const float pad_left = centre_x - (3 * key_width + 2 * key_gap) / 2;
    ScopedFont font(fonts_.large);
    const bool logging_in = state.logging_in;
    ui::begin_disabled(logging_in);
    for (int index = 0; index < 12; ++index) {
        const int row = index / 3;
        const int column = index % 3;
        ImGui::SetCursorScreenPos(
            ImVec2(pad_left + column * (key_width + key_gap), y + row * (key_height + key_gap)));
        const ImVec2 size(key_width, key_height);
        if (index < 9 || index == 10) {
            const char digit = index == 10 ? '0' : static_cast<char>('1' + index);
            const char label[] = {digit, '\0'};
            ImGui::PushID(digit);
            if (ui::touch_button(label, ui::Tone::neutral, size))
                frame.asked.push_back(intent::PinDigit{digit});
            ImGui::PopID();
            remember(std::string("pin:") + digit);
        } else if (index == 9) {
            ScopedFont small(fonts_.body_bold);
            if (ui::touch_button(labelled(frame.text(BoothText::pin_clear), "pin_clear").c_str(),
                                 ui::Tone::neutral, size))
                frame.asked.push_back(intent::PinClear{});
            remember("pin:clear");
        } else {
            ScopedFont small(fonts_.body_bold);
            if (ui::touch_button(labelled(frame.text(BoothText::pin_delete), "pin_delete").c_str(),
                                 ui::Tone::neutral, size))
                frame.asked.push_back(intent::PinBackspace{});
            remember("pin:delete");
        }
    }
    ui::end_disabled(logging_in);
}

// --- header and banners --------------------------------------------------------------------------

float BoothView::header(Frame& frame) {
    const BoothState& state = frame.state;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float top = frame.margin * 0.75f;
    const float row_height = std::max(ui::kMinTouchTarget, fonts_.large->FontSize + 16);
    float right = frame.display.x - frame.margin;

    // Right to left: log out, the language switch, the connection, the fair clock.
    ScopedFont font(fonts_.body);
    const auto button = [&](BoothText words, const char* id, Intent intent) {
        const std::string label = labelled(frame.text(words), id);
        const float width =
            ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * style.FramePadding.x;
        right -= width;
        ImGui::SetCursorScreenPos(ImVec2(right, top));
        if (ui::touch_button(label.c_str(), ui::Tone::neutral, ImVec2(width, row_height)))
            frame.asked.push_back(std::move(intent));
        remember(id);
        right -= frame.gap;
    };
    button(BoothText::log_out, "log_out", intent::LogOut{});
    button(BoothText::other_language, "language", intent::SwitchLanguage{});

    const std::string connection =
        frame.text(state.online ? BoothText::connection_online : BoothText::connection_offline);
    const float connection_width = pill_width(fonts_.body_bold, connection);
    right -= connection_width;
    pill_at(fonts_.body_bold,
            ImVec2(right, top + (row_height - fonts_.body_bold->FontSize * 1.6f) / 2), connection,
            state.online ? ui::Tone::ok : ui::Tone::danger);
    right -= frame.gap;

    if (state.queue && !state.queue->now.empty()) {
        const std::string& clock = state.queue->now;
        const float clock_width = text_width(fonts_.large, clock);
        right -= clock_width;
        text_at(fonts_.large, ImVec2(right, top + (row_height - fonts_.large->FontSize) / 2), ink(),
                clock);
        const char* label = frame.text(BoothText::fair_clock);
        right -= text_width(fonts_.small, label) + 12;
        text_at(fonts_.small, ImVec2(right, top + (row_height - fonts_.small->FontSize) / 2 + 4),
                muted(), label);
        right -= frame.gap;
    }

    // Left: the booth, then the enterprise in what room is left.
    const std::string booth = frame.fill(BoothText::title, {state.booth});
    const float booth_width = text_width(fonts_.large, booth);
    const float title_y = top + (row_height - fonts_.large->FontSize) / 2;
    text_at(fonts_.large, ImVec2(frame.margin, title_y), ink(), booth);
    if (state.queue && !state.queue->enterprise.empty()) {
        const float left = frame.margin + booth_width + frame.gap;
        const std::string enterprise = fitted(fonts_.body, state.queue->enterprise, right - left);
        text_at(fonts_.body, ImVec2(left, top + (row_height - fonts_.body->FontSize) / 2 + 4),
                muted(), enterprise);
    }
    const float bottom = top + row_height + frame.margin * 0.5f;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(0, bottom - 1), ImVec2(frame.display.x, bottom - 1),
                                        packed(ui::tone_colours(ui::Tone::neutral).pressed), 2);
    return bottom + frame.gap * 0.75f;
}

float BoothView::banner(Frame& frame, float y, const std::string& text, ui::Tone tone,
                        const char* dismiss_id) {
    const ui::ToneColours colours = ui::tone_colours(tone);
    const float width = frame.display.x - 2 * frame.margin;
    ImFont* font = fonts_.body_bold;
    float button_width = 0;
    std::string dismiss;
    if (dismiss_id) {
        dismiss = labelled(frame.text(BoothText::dismiss), dismiss_id);
        ScopedFont scoped(fonts_.body);
        button_width = ImGui::CalcTextSize(dismiss.c_str(), nullptr, true).x +
                       2 * ImGui::GetStyle().FramePadding.x;
    }
    const float padding = 16;
    const float wrap = width - 2 * padding - (dismiss_id ? button_width + frame.gap : 0);
    const ImVec2 text_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.c_str());
    const float height =
        std::max(text_size.y + 2 * padding, dismiss_id ? ui::kMinTouchTarget + 16 : 0.0f);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    list.AddRectFilled(ImVec2(frame.margin, y), ImVec2(frame.margin + width, y + height),
                       packed(colours.fill), 14);
    list.AddText(font, font->FontSize,
                 ImVec2(frame.margin + padding, y + (height - text_size.y) / 2),
                 packed(colours.text), text.c_str(), nullptr, wrap);
    if (dismiss_id) {
        ScopedFont scoped(fonts_.body);
        ImGui::SetCursorScreenPos(ImVec2(frame.margin + width - 8 - button_width,
                                         y + (height - ui::kMinTouchTarget) / 2));
        if (ui::touch_button(dismiss.c_str(), ui::Tone::neutral,
                             ImVec2(button_width, ui::kMinTouchTarget)))
            frame.asked.push_back(intent::DismissNotice{});
        remember(dismiss_id);
    }
    return y + height + frame.gap * 0.75f;
}

// --- seat card -----------------------------------------------------------------------------------

void BoothView::seat_card(Frame& frame, int seat, ImVec2 origin, ImVec2 size) {
    const BoothState& state = frame.state;
    const QueuedInterview* interview = current_interview(state, seat);
    const bool compact = size.y < (frame.display.y < 1000 ? 480 : 600);
    const float padding = frame.margin;
    ImGui::SetCursorScreenPos(origin);
    ImGui::PushID(seat);
    card_outline(origin, size);
    ImGui::BeginChild("seat", size, false, kCardFlags);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float left = origin.x + padding;
    const float right = origin.x + size.x - padding;
    const float inner = right - left;
    float y = origin.y + padding * 0.75f;

    // Line 1: seat, status, timer.
    const std::string seat_words = frame.fill(BoothText::seat_number, {std::to_string(seat + 1)});
    const float line_height = fonts_.large->FontSize;
    text_at(fonts_.body_bold, ImVec2(left, y + (line_height - fonts_.body_bold->FontSize) / 2),
            muted(), seat_words);
    float x = left + text_width(fonts_.body_bold, seat_words) + frame.gap;
    if (interview) {
        const bool called = interview->status == InterviewStatus::called;
        const std::string status =
            frame.text(called ? BoothText::status_called : BoothText::status_in_progress);
        pill_at(fonts_.body_bold,
                ImVec2(x, y + (line_height - fonts_.body_bold->FontSize * 1.6f) / 2), status,
                called ? ui::Tone::warning : ui::Tone::info);
        if (const auto running = running_for(state, *interview, frame.now)) {
            const std::string timer = clock_text(*running);
            const float timer_width = text_width(fonts_.large, timer);
            text_at(fonts_.large, ImVec2(right - timer_width, y), ink(), timer);
            const char* caption =
                frame.text(called ? BoothText::called_for : BoothText::interviewing_for);
            const float caption_width = text_width(fonts_.small, caption);
            text_at(fonts_.small,
                    ImVec2(right - timer_width - 12 - caption_width,
                           y + line_height - fonts_.small->FontSize - 4),
                    muted(), caption);
        }
    }
    y += line_height + frame.gap;

    const float bottom = origin.y + size.y - padding;
    if (!interview) {
        text_at(fonts_.large, ImVec2(left, y), muted(), frame.text(BoothText::seat_free));
        y += fonts_.large->FontSize + frame.gap / 2;
        // A booth of three seats has short cards: the button keeps a touch target's height and
        // the hint shows only where it does not run under the button.
        const char* hint = frame.text(BoothText::seat_free_hint);
        const float hint_height =
            fonts_.body->CalcTextSizeA(fonts_.body->FontSize, FLT_MAX, inner, hint).y;
        const float button_height = std::max(
            ui::kMinTouchTarget,
            std::min(frame.button_height * 1.25f, bottom - y - hint_height - frame.gap / 2));
        if (y + hint_height + frame.gap / 2 <= bottom - button_height)
            list.AddText(fonts_.body, fonts_.body->FontSize, ImVec2(left, y), muted(), hint,
                         nullptr, inner);
        std::vector<RowButton> buttons;
        const auto stopped = call_next_blocked(state, frame.language);
        buttons.push_back({labelled(frame.text(BoothText::call_next), "call_next"),
                           "call_next:" + std::to_string(seat), ui::Tone::primary,
                           intent::CallNext{seat}, !stopped, stopped.value_or("")});
        {
            ScopedFont font(fonts_.large);
            button_rows(
                buttons, ImVec2(left, bottom), inner, button_height, frame.gap, frame.asked,
                [this](const std::string& id) { remember(id); }, fonts_.small);
        }
        ImGui::EndChild();
        ImGui::PopID();
        return;
    }

    // What fits: the seat line, the name, the slot line and the actions always; then, while
    // there is room, the full name, the trade row and the school. A booth of three seats has
    // cards a third of the screen high: its actions share one row of touch-target height.
    const Person& person = interview->person;
    ImFont* name_font = compact ? fonts_.large : fonts_.huge;
    const bool called_now = interview->status == InterviewStatus::called;
    const float field_height = fonts_.small->FontSize + 2 + fonts_.body_bold->FontSize;
    const float slot_height = fonts_.body_bold->FontSize * 1.6f;
    float room = bottom - y - (name_font->FontSize + 4) - (slot_height + frame.gap);
    bool one_row = !called_now;
    float action_height = frame.button_height;
    if (called_now && room < 2 * frame.button_height + frame.gap) one_row = true;
    if (one_row) action_height = std::max(ui::kMinTouchTarget, std::min(frame.button_height, room));
    room -= one_row ? action_height : 2 * frame.button_height + frame.gap;
    if (room < 0) {  // still short: closer lines
        y -= frame.gap / 2;
        room += frame.gap / 2;
    }
    const auto take = [&room](float height) {
        if (room < height) return false;
        room -= height;
        return true;
    };
    const bool show_full_name = take(fonts_.body->FontSize + frame.gap - 4);
    const bool show_fields = show_full_name && take(field_height + frame.gap / 2);
    const bool show_school = show_fields && take(field_height + frame.gap);
    const float label_width = text_width(fonts_.large, person.ticket_label);
    text_at(fonts_.large,
            ImVec2(right - label_width, y + name_font->FontSize - fonts_.large->FontSize - 4),
            ink(), person.ticket_label);
    text_at(name_font, ImVec2(left, y), ink(),
            fitted(name_font, person.given_name, inner - label_width - frame.gap));
    y += name_font->FontSize + 4;
    if (show_full_name) {
        text_at(fonts_.body, ImVec2(left, y), muted(),
                fitted(fonts_.body, person.full_name, inner));
        y += fonts_.body->FontSize + frame.gap - 4;
    }

    // Trade, level, rank; then the school.
    const auto field = [&](BoothText label, const std::string& value, float at_x, float width) {
        const std::string caption = frame.text(label);
        text_at(fonts_.small, ImVec2(at_x, y), muted(), caption);
        text_at(fonts_.body_bold, ImVec2(at_x, y + fonts_.small->FontSize + 2), ink(),
                fitted(fonts_.body_bold, value, width));
    };
    if (show_fields) {
        const std::string rank = rank_words(person.rank, frame.language);
        const float rank_width = pill_width(fonts_.body_bold, rank);
        const float column = (inner - rank_width - frame.gap) / 2;
        field(BoothText::label_trade, trade_words(person, frame.language), left,
              column - frame.gap);
        field(BoothText::label_level, level_words(person.level, frame.language), left + column,
              column - frame.gap);
        pill_at(fonts_.body_bold,
                ImVec2(right - rank_width, y + field_height - fonts_.body_bold->FontSize * 1.6f),
                rank, person.rank == 1 ? ui::Tone::ok : ui::Tone::info);
        y += field_height + frame.gap / 2;
    }
    if (show_school) {
        field(BoothText::label_school,
              person.school.empty() ? std::string(frame.text(BoothText::school_unknown))
                                    : person.school,
              left, inner);
        y += field_height + frame.gap;
    }

    // The slot, where the student is (when called), and the ticket check.
    const std::string slot = frame.fill(BoothText::slot_time, {interview->start, interview->end});
    text_at(fonts_.body,
            ImVec2(left, y + (fonts_.body_bold->FontSize * 1.6f - fonts_.body->FontSize) / 2),
            muted(), slot);
    x = left + text_width(fonts_.body, slot) + frame.gap;
    if (interview->status == InterviewStatus::called) {
        const WhereaboutsWords where = whereabouts_of(*interview, frame.language);
        x += pill_at(fonts_.body_bold, ImVec2(x, y), where.words, where.tone) + frame.gap;
    }
    const bool checked = state.ticket_check && state.ticket_check->interview == interview->id &&
                         state.ticket_check->match;
    if (checked) {
        pill_at(fonts_.body_bold, ImVec2(x, y), frame.text(BoothText::ticket_checked),
                ui::Tone::ok);
    } else if (interview == interview_to_verify(state)) {
        const std::string hint = frame.text(BoothText::scan_hint);
        const float room = right - x;
        if (text_width(fonts_.small, hint) <= room)
            text_at(fonts_.small,
                    ImVec2(x, y + (fonts_.body_bold->FontSize * 1.6f - fonts_.small->FontSize) / 2),
                    muted(), hint);
        else if (show_fields)
            text_at(fonts_.small, ImVec2(left, y + fonts_.body_bold->FontSize * 1.6f + 6), muted(),
                    fitted(fonts_.small, hint, inner));
    }

    // The actions, at the bottom of the card.
    std::vector<RowButton> buttons;
    const bool can = !frame.busy();
    const std::int64_t id = interview->id;
    if (interview->status == InterviewStatus::called) {
        buttons.push_back({labelled(frame.text(BoothText::start), "start"), "start",
                           ui::Tone::primary, intent::Start{id}, can});
        buttons.push_back({labelled(frame.text(BoothText::recall), "recall"), "recall",
                           ui::Tone::neutral, intent::Recall{id}, can});
        buttons.push_back({labelled(frame.text(BoothText::skip), "skip"), "skip", ui::Tone::neutral,
                           intent::Skip{id}, can});
        buttons.push_back({labelled(frame.text(BoothText::no_show), "no_show"), "no_show",
                           ui::Tone::danger, intent::NoShow{id}, can});
    } else {
        buttons.push_back({labelled(frame.text(BoothText::finish), "finish"), "finish",
                           ui::Tone::primary, intent::OpenFinish{id}, can});
    }
    {
        ScopedFont font(fonts_.body_bold);
        // The primary action alone on the first row when the others share the second; all on
        // one row in a short card.
        if (buttons.size() > 1 && !one_row) {
            std::vector<RowButton> first(buttons.begin(), buttons.begin() + 1);
            std::vector<RowButton> rest(buttons.begin() + 1, buttons.end());
            button_rows(rest, ImVec2(left, bottom), inner, frame.button_height, frame.gap,
                        frame.asked, [this](const std::string& target) { remember(target); });
            button_rows(first, ImVec2(left, bottom - frame.button_height - frame.gap), inner,
                        frame.button_height, frame.gap, frame.asked,
                        [this](const std::string& target) { remember(target); });
        } else {
            button_rows(buttons, ImVec2(left, bottom), inner, action_height, frame.gap, frame.asked,
                        [this](const std::string& target) { remember(target); });
        }
    }
    ImGui::EndChild();
    ImGui::PopID();
}

// --- next list -----------------------------------------------------------------------------------

void BoothView::next_list(Frame& frame, ImVec2 origin, ImVec2 size) {
    const BoothState& state = frame.state;
    ImGui::SetCursorScreenPos(origin);
    card_outline(origin, size);
    ImGui::BeginChild("next", size, false, kCardFlags);
    const float padding = frame.gap;
    const float left = origin.x + padding;
    const float width = size.x - 2 * padding - ImGui::GetStyle().ScrollbarSize;
    float y = origin.y + padding * 0.75f;
    text_at(fonts_.large, ImVec2(left, y), ink(), frame.text(BoothText::next_title));
    y += fonts_.large->FontSize + frame.gap / 2;
    const auto next = next_interviews(state, 12);
    if (next.empty()) {
        text_at(fonts_.body, ImVec2(left, y), muted(), frame.text(BoothText::next_empty));
        ImGui::EndChild();
        return;
    }
    // The rows scroll under the heading.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::BeginChild("rows", ImVec2(size.x - 2, origin.y + size.y - y - 2), false,
                      ImGuiWindowFlags_NoBackground);
    const ImVec2 rows_origin = ImGui::GetCursorScreenPos();
    float row_y = rows_origin.y;
    const float pill_height = fonts_.small->FontSize * 1.6f;
    const float row_height = fonts_.body_bold->FontSize + 8 + pill_height + frame.gap;
    const bool several_seats = seat_count(state) > 1;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImVec2 visible_from = ImGui::GetWindowPos();
    const float visible_to = visible_from.y + ImGui::GetWindowHeight();
    for (std::size_t index = 0; index < next.size(); ++index, row_y += row_height) {
        if (row_y + row_height < visible_from.y || row_y > visible_to) continue;  // scrolled away
        const QueuedInterview& interview = *next[index];
        if (index % 2 == 1)
            list.AddRectFilled(
                ImVec2(origin.x + 4, row_y - frame.gap / 4),
                ImVec2(origin.x + size.x - 4, row_y + row_height - frame.gap * 0.75f),
                packed(ImGui::GetStyle().Colors[ImGuiCol_TableRowBgAlt]));
        // Line 1: time, ticket, name.
        float x = left;
        text_at(fonts_.body_bold, ImVec2(x, row_y), ink(), interview.start);
        x += text_width(fonts_.body_bold, "00:00") + frame.gap;
        text_at(fonts_.body_bold, ImVec2(x, row_y), ink(), interview.person.ticket_label);
        x += text_width(fonts_.body_bold, "A-0000") + frame.gap;
        text_at(fonts_.body, ImVec2(x, row_y), ink(),
                fitted(fonts_.body, interview.person.full_name, left + width - x));
        // Line 2: where the student is, the status, the seat.
        const float line2 = row_y + fonts_.body_bold->FontSize + 8;
        x = left + text_width(fonts_.body_bold, "00:00") + frame.gap;
        const WhereaboutsWords where = whereabouts_of(interview, frame.language);
        x += pill_at(fonts_.small, ImVec2(x, line2), where.words, where.tone) + frame.gap;
        std::string detail =
            frame.text(interview.status == InterviewStatus::promised ? BoothText::status_promised
                                                                     : BoothText::status_planned);
        if (several_seats)
            detail +=
                " · " + frame.fill(BoothText::seat_number, {std::to_string(interview.seat + 1)});
        detail += " · " + rank_words(interview.person.rank, frame.language);
        text_at(fonts_.small, ImVec2(x, line2 + (pill_height - fonts_.small->FontSize) / 2),
                muted(), fitted(fonts_.small, detail, left + width - x));
    }
    ImGui::SetCursorScreenPos(ImVec2(rows_origin.x, row_y));
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
    ImGui::EndChild();
}

// --- standby list --------------------------------------------------------------------------------

void BoothView::standby_list(Frame& frame, ImVec2 origin, ImVec2 size) {
    const BoothState& state = frame.state;
    const auto& standby = state.queue->standby;
    ImGui::SetCursorScreenPos(origin);
    card_outline(origin, size);
    ImGui::BeginChild("standby", size, false, kCardFlags);
    const float padding = frame.gap;
    const float left = origin.x + padding;
    const float width = size.x - 2 * padding - ImGui::GetStyle().ScrollbarSize;
    float y = origin.y + padding * 0.75f;
    text_at(fonts_.large, ImVec2(left, y), ink(),
            frame.fill(BoothText::standby_title, {std::to_string(standby.size())}));
    y += fonts_.large->FontSize + 4;
    text_at(fonts_.small, ImVec2(left, y), muted(),
            fitted(fonts_.small, frame.text(BoothText::standby_explained), width));
    y += fonts_.small->FontSize + frame.gap / 2;
    if (standby.empty()) {
        text_at(fonts_.body, ImVec2(left, y), muted(), frame.text(BoothText::standby_empty));
        ImGui::EndChild();
        return;
    }
    // Free seats: a standby student can be taken into any of them.
    std::vector<int> free_seats;
    for (int seat = 0; seat < seat_count(state); ++seat)
        if (!current_interview(state, seat)) free_seats.push_back(seat);
    if (free_seats.empty()) free_seats.push_back(0);  // shown, but disabled while the seat is busy
    // Why the "Call to seat" buttons are greyed is the same on every row: said once, above them,
    // so that each row keeps its room for the name and the wait.
    std::string greyed_because;
    for (int seat : free_seats) {
        const auto why = take_walk_in_blocked(state, seat, frame.language);
        if (!why || greyed_because.find(*why) != std::string::npos) continue;
        greyed_because += (greyed_because.empty() ? "" : " · ") + *why;
    }
    if (!greyed_because.empty()) {
        text_at(fonts_.small, ImVec2(left, y), muted(),
                fitted(fonts_.small, greyed_because, width));
        y += fonts_.small->FontSize + frame.gap / 2;
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::BeginChild("rows", ImVec2(size.x - 2, origin.y + size.y - y - 2), false,
                      ImGuiWindowFlags_NoBackground);
    const ImVec2 rows_origin = ImGui::GetCursorScreenPos();
    float row_y = rows_origin.y;
    const float row_height =
        std::max(fonts_.body_bold->FontSize + 6 + fonts_.small->FontSize, ui::kMinTouchTarget) +
        frame.gap;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    ImGui::PushFont(fonts_.body_bold);  // the buttons' font
    const ImVec2 visible_from = ImGui::GetWindowPos();
    const float visible_to = visible_from.y + ImGui::GetWindowHeight();
    for (std::size_t index = 0; index < standby.size(); ++index, row_y += row_height) {
        if (row_y + row_height < visible_from.y || row_y > visible_to) continue;  // scrolled away
        const StandbyStudent& student = standby[index];
        if (index % 2 == 1)
            list.AddRectFilled(
                ImVec2(origin.x + 4, row_y - frame.gap / 4),
                ImVec2(origin.x + size.x - 4, row_y + row_height - frame.gap * 0.75f),
                packed(ImGui::GetStyle().Colors[ImGuiCol_TableRowBgAlt]));
        ImGui::PushID(student.person.student.c_str());
        // Right: one button per free seat, or where the student is busy.
        float buttons_left = left + width;
        const float button_top = row_y + (row_height - frame.gap - ui::kMinTouchTarget) / 2;
        if (!student.busy_at.empty()) {
            const std::string busy = frame.fill(BoothText::whereabouts_busy, {student.busy_at});
            buttons_left -= pill_width(fonts_.small, busy);
            pill_at(fonts_.small, ImVec2(buttons_left, button_top + 12), busy, ui::Tone::warning);
        } else if (const auto why = standby_block_words(*state.queue, student, frame.language)) {
            const std::string& words = *why;
            buttons_left -= pill_width(fonts_.small, words);
            pill_at(fonts_.small, ImVec2(buttons_left, button_top + 12), words, ui::Tone::neutral);
        } else {
            for (auto seat = free_seats.rbegin(); seat != free_seats.rend(); ++seat) {
                const std::string target =
                    "take:" + student.person.student + ":" + std::to_string(*seat);
                const std::string label = labelled(
                    frame.fill(BoothText::take_walk_in_to_seat, {std::to_string(*seat + 1)}),
                    target);
                const float button_width = ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
                                           2 * ImGui::GetStyle().FramePadding.x;
                buttons_left -= button_width;
                ImGui::SetCursorScreenPos(ImVec2(buttons_left, button_top));
                const auto blocked = take_walk_in_blocked(state, *seat, frame.language);
                ui::begin_disabled(blocked.has_value());
                if (ui::touch_button(label.c_str(), ui::Tone::primary,
                                     ImVec2(button_width, ui::kMinTouchTarget)))
                    frame.asked.push_back(intent::TakeWalkIn{student.person.student, *seat});
                ui::end_disabled(blocked.has_value());
                remember(target);
                buttons_left -= 12;
            }
        }
        // Left: ticket and name; arrival, choice, trade and level under them.
        const float text_room = buttons_left - frame.gap - left;
        const float label_width = text_width(fonts_.body_bold, "A-0000") + 16;
        text_at(fonts_.body_bold, ImVec2(left, row_y), ink(), student.person.ticket_label);
        text_at(fonts_.body, ImVec2(left + label_width, row_y), ink(),
                fitted(fonts_.body, student.person.full_name, text_room - label_width));
        std::string arrived = frame.fill(BoothText::arrived_at, {student.arrived});
        if (const auto waited = minutes_waited(student.arrived, state.queue->now))
            arrived += " (" + waited_words(*waited, frame.language) + ")";
        const std::string detail = arrived + " · " +
                                   rank_words(student.person.rank, frame.language) + " · " +
                                   trade_words(student.person, frame.language) + " · " +
                                   level_words(student.person.level, frame.language);
        text_at(fonts_.small, ImVec2(left, row_y + fonts_.body_bold->FontSize + 6), muted(),
                fitted(fonts_.small, detail, text_room));
        ImGui::PopID();
    }
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(rows_origin.x, row_y));
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
    ImGui::EndChild();
}

// --- targets -------------------------------------------------------------------------------------

void BoothView::remember(const std::string& id) {
    targets_[id] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

std::optional<ImVec2> BoothView::target_centre(const std::string& id) const {
    const auto found = targets_.find(id);
    if (found == targets_.end()) return std::nullopt;
    const auto& [min, max] = found->second;
    return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2);
}

}  // namespace jobfair::booth::app
