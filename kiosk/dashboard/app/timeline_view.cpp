// The timeline tab: booths (one row per seat) by the day's slots, each interview a block coloured
// by its status, the now-line, and on the right the selected interview with its move and cancel
// forms. Only the rows and blocks inside the clip rectangle are drawn (the model's
// visible_rows / visible_in_row), so a day of ~2500 interviews costs a few hundred rectangles.
//
// Index: draw_timeline · toolbar and axis · grid · side panel
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "kiosk/dashboard/app/dashboard_view.hpp"
#include "kiosk/dashboard/app/palette.hpp"

namespace jobfair::dashboard::app {

namespace {

constexpr float kLabelWidth = 150;
constexpr float kAxisHeight = 34;
constexpr float kSideWidth = 440;

void status_chip(Frame& frame, InterviewStatus status) {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float side = frame.fonts.small->FontSize;
    const BlockColours colours = status_colours(status);
    list.AddRectFilled(ImVec2(at.x, at.y + 2), ImVec2(at.x + side * 1.4f, at.y + side + 2),
                       colours.fill, 4);
    list.AddRect(ImVec2(at.x, at.y + 2), ImVec2(at.x + side * 1.4f, at.y + side + 2),
                 packed(rgb(0x8A93A0)), 4);
    const std::string words = status_words(status, frame.language);
    draw_text(list, frame.fonts.small, ImVec2(at.x + side * 1.4f + 8, at.y + 1), text_colour(),
              words);
    ImGui::Dummy(ImVec2(side * 1.4f + 12 + text_size(frame.fonts.small, words).x, side + 4));
}

// --- Toolbar and axis ----------------------------------------------------------------------------
void toolbar(Frame& frame) {
    const DashboardState& state = frame.state;
    const Timeline& timeline = *state.timeline;
    ImGui::SetCursorScreenPos(ImVec2(kMargin, ImGui::GetCursorScreenPos().y + 2));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(
        frame
            .fill(DashText::timeline_summary,
                  {std::to_string(timeline.booths.size()),
                   format_count(static_cast<long long>(state.layout.interviews_shown),
                                frame.language),
                   std::to_string(timeline.slot_minutes)})
            .c_str());
    ImGui::SameLine(0, 32);
    bool show_cancelled = state.show_cancelled;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 4));
    if (ImGui::Checkbox(frame.text(DashText::timeline_show_cancelled), &show_cancelled))
        frame.ask(intent::ToggleCancelled{});
    ImGui::PopStyleVar();
    frame.targets.add_last_item("timeline:show_cancelled");
    ImGui::SameLine(0, 40);
    ImGui::PushFont(frame.fonts.small);
    const float chips_y =
        ImGui::GetCursorPosY() + (ImGui::GetFrameHeight() - frame.fonts.small->FontSize) / 2;
    for (const auto& [status, code] : kInterviewStatusCodes) {
        ImGui::SetCursorPosY(chips_y);
        status_chip(frame, status);
        ImGui::SameLine(0, 18);
    }
    ImGui::PopFont();
    ImGui::NewLine();
}

void axis(Frame& frame, const Timeline& timeline, const TimeScale& scale, ImVec2 from,
          float width) {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    ImFont* small = frame.fonts.small;
    list.AddRectFilled(from, ImVec2(from.x + width, from.y + kAxisHeight),
                       packed(rgb(palette::kTimelineAxis)), 6);
    // The now label first, so the time labels it would cover are left out.
    float now_from = 0;
    float now_to = 0;
    if (timeline.now >= timeline.day_start && timeline.now <= timeline.day_end) {
        const float x = scale.x_of(timeline.now);
        const std::string now = frame.fill(DashText::timeline_now, {timeline.now.str()});
        const ImVec2 size = pill_size(small, now);
        now_from = std::clamp(x - size.x / 2, from.x + kLabelWidth, from.x + width - size.x);
        now_to = now_from + size.x;
        draw_pill(list, small, ImVec2(now_from, from.y + (kAxisHeight - size.y) / 2),
                  ui::Tone::danger, now);
    }
    const int step = scale.pixels_per_minute() * 30 >= 64 ? 30 : 60;
    for (int minute = timeline.day_start.minutes(); minute <= timeline.day_end.minutes();
         minute += step) {
        const float x = scale.x_of(TimeOfDay(minute));
        list.AddLine(ImVec2(x, from.y + kAxisHeight - 8), ImVec2(x, from.y + kAxisHeight),
                     packed(rgb(0x4F5866)), 1.5f);
        const std::string label = TimeOfDay(minute).str();
        const float label_width = text_size(small, label).x;
        const float label_x = std::clamp(x - label_width / 2, from.x + kLabelWidth - 4,
                                         from.x + width - label_width - 4);
        if (label_x + label_width + 6 > now_from && label_x < now_to + 6) continue;
        draw_text(list, small, ImVec2(label_x, from.y + 4), text_colour(), label);
    }
}

// --- Grid ----------------------------------------------------------------------------------------
void grid(Frame& frame, ImVec2 size) {
    const DashboardState& state = frame.state;
    const Timeline& timeline = *state.timeline;
    const TimelineLayout& layout = state.layout;
    const ImVec2 axis_at = ImGui::GetCursorScreenPos();
    const float scrollbar = ImGui::GetStyle().ScrollbarSize;
    const TimeScale scale{timeline.day_start, timeline.day_end, axis_at.x + kLabelWidth,
                          size.x - kLabelWidth - scrollbar - 8};
    axis(frame, timeline, scale, axis_at, size.x - scrollbar);
    ImGui::SetCursorScreenPos(ImVec2(axis_at.x, axis_at.y + kAxisHeight + 4));

    const float grid_height = size.y - kAxisHeight - 4;
    const float row_height = std::clamp(
        std::floor(grid_height / std::max<std::size_t>(1, layout.rows.size())), 25.0f, 40.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("grid", ImVec2(size.x, grid_height), false, ImGuiWindowFlags_NoBackground);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    // Square blocks without anti-aliased fringes: two triangles each, which llvmpipe fills fast.
    list.Flags &= ~(ImDrawListFlags_AntiAliasedFill | ImDrawListFlags_AntiAliasedLines);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();  // row 0, scrolled
    const ImVec2 clip_min = list.GetClipRectMin();
    const ImVec2 clip_max = list.GetClipRectMax();
    frame.timeline = TimelineGeometry{true, scale, top_left.y, row_height, clip_min.y, clip_max.y};

    const auto [first_row, last_row] =
        visible_rows(layout.rows.size(), top_left.y, row_height, clip_min.y, clip_max.y);
    const int from_minute = scale.minute_at(clip_min.x);
    const int to_minute = scale.minute_at(clip_max.x) + 1;
    ImFont* small = frame.fonts.small;
    const ImU32 stripe = packed(rgb(palette::kTimelineStripe));
    const ImU32 closed = packed(rgb(0xDADFE6));
    const ImU32 slot_line = packed(rgb(0xE3E7EC));
    const ImU32 hour_line = packed(rgb(0xB4BCC8));
    const float right = scale.x0 + scale.width;

    for (std::size_t index = first_row; index < last_row; ++index) {
        const TimelineRow& row = layout.rows[index];
        const TimelineBooth& booth = timeline.booths[row.booth];
        const float y = top_left.y + static_cast<float>(index) * row_height;
        if (index % 2 == 1)
            list.AddRectFilled(ImVec2(top_left.x, y), ImVec2(right, y + row_height), stripe);
        // Outside the booth's hours.
        if (booth.open > timeline.day_start)
            list.AddRectFilled(ImVec2(scale.x0, y), ImVec2(scale.x_of(booth.open), y + row_height),
                               closed);
        if (booth.close < timeline.day_end)
            list.AddRectFilled(ImVec2(scale.x_of(booth.close), y), ImVec2(right, y + row_height),
                               closed);
        // The row's label: the booth, and the seat when it has more than one.
        const bool first_seat = row.seat == 0;
        const bool several = booth.seats > 1 || (index + 1 < layout.rows.size() &&
                                                 layout.rows[index + 1].booth == row.booth);
        const std::string label = several ? frame.fill(DashText::timeline_row,
                                                       {booth.booth, std::to_string(row.seat + 1)})
                                          : booth.booth;
        const ImU32 label_colour =
            booth.paused ? packed(rgb(palette::kPausedLabel)) : text_colour();
        draw_text(list, first_seat ? frame.fonts.body_bold : frame.fonts.body,
                  ImVec2(top_left.x + 8, y + (row_height - frame.fonts.body->FontSize) / 2),
                  label_colour, label);
        if (booth.paused && first_seat) {
            const char* paused = frame.text(DashText::phase_paused);
            const ImVec2 pill = pill_size(small, paused);
            if (pill.y < row_height)
                draw_pill(list, small, ImVec2(scale.x0 - pill.x - 6, y + (row_height - pill.y) / 2),
                          ui::Tone::warning, paused);
        }
        if (first_seat) list.AddLine(ImVec2(top_left.x, y), ImVec2(right, y), hour_line, 1.0f);

        const auto [first, last] = visible_in_row(timeline, row, from_minute, to_minute);
        for (std::size_t place = first; place < last; ++place) {
            const TimelineInterview& interview = timeline.interviews[row.interviews[place]];
            const float x0 = scale.x_of(interview.start) + 1.5f;
            const float x1 = scale.x_of(interview.end) - 1.5f;
            const float y0 = y + 3;
            const float y1 = y + row_height - 3;
            const BlockColours colours = status_colours(interview.status);
            if (interview.status == InterviewStatus::cancelled) {
                list.AddRect(ImVec2(x0, y0), ImVec2(x1, y1), colours.text, 0, 0, 1.5f);
                list.AddLine(ImVec2(x0 + 2, y1 - 2), ImVec2(x1 - 2, y0 + 2), colours.text, 1.5f);
            } else {
                list.AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), colours.fill);
            }
            if (state.selection && state.selection->interview == interview.id) {
                list.AddRect(ImVec2(x0 - 2, y0 - 2), ImVec2(x1 + 2, y1 + 2), packed(rgb(0x111418)),
                             0, 0, 3.0f);
            }
            const float label_width = text_size(small, interview.ticket_label).x;
            if (label_width + 8 <= x1 - x0 && small->FontSize <= y1 - y0 &&
                interview.status != InterviewStatus::cancelled) {
                draw_text(list, small,
                          ImVec2((x0 + x1 - label_width) / 2, (y0 + y1 - small->FontSize) / 2),
                          colours.text, interview.ticket_label);
            }
        }
    }
    // Slot and hour lines, then the now-line over everything.
    for (int minute = timeline.day_start.minutes(); minute <= timeline.day_end.minutes();
         minute += timeline.slot_minutes) {
        const float x = scale.x_of(TimeOfDay(minute));
        list.AddLine(ImVec2(x, clip_min.y), ImVec2(x, clip_max.y),
                     minute % 60 == 0 ? hour_line : slot_line, 1.0f);
    }
    if (timeline.now >= timeline.day_start && timeline.now <= timeline.day_end) {
        const float x = scale.x_of(timeline.now);
        list.AddLine(ImVec2(x, clip_min.y), ImVec2(x, clip_max.y),
                     packed(ui::tone_colours(ui::Tone::danger).fill), 3.0f);
    }

    // The whole grid as one invisible button: a click selects the interview under the mouse.
    ImGui::SetCursorScreenPos(top_left);
    const float content_height = static_cast<float>(layout.rows.size()) * row_height;
    ImGui::InvisibleButton(
        "##grid", ImVec2(std::max(1.0f, size.x - scrollbar), std::max(1.0f, content_height)));
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered && mouse.x >= scale.x0) {
        const auto row =
            static_cast<std::size_t>(std::max(0.0f, (mouse.y - top_left.y) / row_height));
        const std::optional<std::size_t> under =
            row < layout.rows.size()
                ? interview_at(timeline, layout.rows[row], scale.minute_at(mouse.x))
                : std::nullopt;
        if (under) {
            const TimelineInterview& interview = timeline.interviews[*under];
            ImGui::BeginTooltip();
            ImGui::PushFont(frame.fonts.body_bold);
            ImGui::TextUnformatted(
                frame.fill(DashText::selected_title, {interview.ticket_label}).c_str());
            ImGui::PopFont();
            ImGui::TextUnformatted(frame
                                       .fill(DashText::selected_place,
                                             {interview.booth, std::to_string(interview.seat + 1),
                                              interview.start.str(), interview.end.str()})
                                       .c_str());
            ImGui::TextUnformatted(frame
                                       .fill(DashText::selected_status,
                                             {status_words(interview.status, frame.language)})
                                       .c_str());
            ImGui::EndTooltip();
        }
        if (clicked) {
            if (under)
                frame.ask(intent::SelectInterview{timeline.interviews[*under].id});
            else
                frame.ask(intent::ClearSelection{});
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// --- Side panel ----------------------------------------------------------------------------------
// The ticket label of interview `id`: what the organizer knows an interview by.
std::string ticket_label_of(const Frame& frame, std::int64_t id) {
    for (const TimelineInterview& interview : frame.state.timeline->interviews)
        if (interview.id == id) return interview.ticket_label;
    return frame.text(DashText::no_value);
}

void move_form(Frame& frame, const MoveForm& form) {
    const Timeline& timeline = *frame.state.timeline;
    ImGui::PushFont(frame.fonts.body_bold);
    ImGui::TextUnformatted(
        frame.fill(DashText::move_title, {ticket_label_of(frame, form.interview)}).c_str());
    ImGui::PopFont();
    const float width = ImGui::GetContentRegionAvail().x;

    ImGui::TextUnformatted(frame.text(DashText::move_booth));
    ImGui::SetNextItemWidth(width);
    const auto booth_words = [&](const TimelineBooth& booth) {
        return booth.booth + "  " + booth.enterprise;
    };
    std::string preview = form.booth;
    for (const TimelineBooth& booth : timeline.booths)
        if (booth.booth == form.booth) preview = booth_words(booth);
    preview = fit_text(frame.fonts.body, preview, width - 60, frame.language);
    if (ImGui::BeginCombo("##move_booth", preview.c_str())) {
        for (const TimelineBooth& booth : timeline.booths) {
            ImGui::PushID(booth.booth.c_str());
            if (ImGui::Selectable(
                    fit_text(frame.fonts.body, booth_words(booth), width, frame.language).c_str(),
                    booth.booth == form.booth))
                frame.ask(intent::ChooseMoveBooth{booth.booth});
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    frame.targets.add_last_item("move:booth");

    ImGui::TextUnformatted(frame.text(DashText::move_seat));
    ImGui::SetNextItemWidth(width);
    const std::string seat = frame.fill(DashText::seat_number, {std::to_string(form.seat + 1)});
    if (ImGui::BeginCombo("##move_seat", seat.c_str())) {
        for (int choice = 0; choice < seats_of(timeline, form.booth); ++choice) {
            ImGui::PushID(choice);
            if (ImGui::Selectable(
                    frame.fill(DashText::seat_number, {std::to_string(choice + 1)}).c_str(),
                    choice == form.seat))
                frame.ask(intent::ChooseMoveSeat{choice});
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }

    const std::vector<TimeOfDay> starts = move_start_choices(timeline, form.booth);
    ImGui::TextUnformatted(frame.text(DashText::move_start));
    if (starts.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::tone_colours(ui::Tone::danger).fill);
        ImGui::TextWrapped("%s", frame.text(DashText::move_no_slots));
        ImGui::PopStyleColor();
    } else {
        ImGui::SetNextItemWidth(width);
        const std::string start =
            seat_taken(timeline, form.booth, form.seat, form.start, form.interview)
                ? frame.fill(DashText::move_start_taken, {form.start.str()})
                : form.start.str();
        if (ImGui::BeginCombo("##move_start", start.c_str(), ImGuiComboFlags_HeightLarge)) {
            for (const TimeOfDay choice : starts) {
                ImGui::PushID(choice.minutes());
                const bool taken =
                    seat_taken(timeline, form.booth, form.seat, choice, form.interview);
                const std::string words =
                    taken ? frame.fill(DashText::move_start_taken, {choice.str()}) : choice.str();
                if (ImGui::Selectable(words.c_str(), choice == form.start))
                    frame.ask(intent::ChooseMoveStart{choice});
                frame.targets.add_last_item("move:start:" + choice.str());
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        frame.targets.add_last_item("move:start");  // End() gives back the combo as last item
    }
    ImGui::Spacing();
    const bool online = frame.state.connection == Connection::online;
    if (button(frame, frame.text(DashText::move_confirm), "move:confirm", ui::Tone::primary,
               ImVec2(0, 0), online && !starts.empty()))
        frame.ask(intent::ConfirmMove{});
    ImGui::SameLine();
    if (button(frame, frame.text(DashText::form_back), "form:back")) frame.ask(intent::CloseForm{});
}

void cancel_form(Frame& frame, const CancelForm& form) {
    ImGui::PushFont(frame.fonts.body_bold);
    ImGui::TextUnformatted(
        frame.fill(DashText::cancel_title, {ticket_label_of(frame, form.interview)}).c_str());
    ImGui::PopFont();
    ImGui::TextUnformatted(frame.text(DashText::cancel_reason));
    std::string reason = form.reason;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##reason", &reason);
    frame.targets.add_last_item("cancel:reason");
    if (reason != form.reason) frame.ask(intent::CancelReasonTyped{reason});
    ImGui::Spacing();
    if (button(frame, frame.text(DashText::cancel_confirm), "cancel:confirm", ui::Tone::danger,
               ImVec2(0, 0), frame.state.connection == Connection::online))
        frame.ask(intent::ConfirmCancel{});
    ImGui::SameLine();
    if (button(frame, frame.text(DashText::form_back), "form:back")) frame.ask(intent::CloseForm{});
}

void side_panel(Frame& frame, ImVec2 size) {
    const DashboardState& state = frame.state;
    ImGui::BeginChild("timeline_side", size, true);
    ImGui::PushTextWrapPos(0);
    const TimelineInterview* interview = selected_interview(state);
    if (!interview) {
        ImGui::TextDisabled("%s", frame.text(DashText::timeline_hint));
        ImGui::Spacing();
        for (const auto& [status, code] : kInterviewStatusCodes) {
            status_chip(frame, status);
            if (state.overview) {
                const auto& by_status = state.overview->interviews_by_status;
                const auto found = by_status.find(status);
                ImGui::SameLine(size.x - 110);
                ImGui::TextUnformatted(
                    format_count(found == by_status.end() ? 0 : found->second, frame.language)
                        .c_str());
            }
        }
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        return;
    }
    ImGui::PushFont(frame.fonts.large);
    ImGui::TextUnformatted(frame.fill(DashText::selected_title, {interview->ticket_label}).c_str());
    ImGui::PopFont();
    const BlockColours colours = status_colours(interview->status);
    {
        ImDrawList& list = *ImGui::GetWindowDrawList();
        const std::string words = status_words(interview->status, frame.language);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 pill = pill_size(frame.fonts.body_bold, words);
        list.AddRectFilled(at, ImVec2(at.x + pill.x, at.y + pill.y), colours.fill, pill.y / 2);
        list.AddRect(at, ImVec2(at.x + pill.x, at.y + pill.y), packed(rgb(0x8A93A0)), pill.y / 2);
        draw_text(list, frame.fonts.body_bold, ImVec2(at.x + 10, at.y + 3), colours.text, words);
        ImGui::Dummy(pill);
    }
    ImGui::TextUnformatted(
        frame
            .fill(DashText::selected_place, {interview->booth, std::to_string(interview->seat + 1),
                                             interview->start.str(), interview->end.str()})
            .c_str());
    if (interview->outcome)
        ImGui::TextUnformatted(frame
                                   .fill(DashText::selected_outcome,
                                         {outcome_words(*interview->outcome, frame.language)})
                                   .c_str());
    if (!interview->reason.empty())
        ImGui::TextUnformatted(frame.fill(DashText::selected_reason, {interview->reason}).c_str());
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    if (interview_is_over(interview->status)) {
        ImGui::TextDisabled("%s", frame.text(DashText::selected_over));
    } else if (state.move_form) {
        move_form(frame, *state.move_form);
    } else if (state.cancel_form) {
        cancel_form(frame, *state.cancel_form);
    } else {
        const bool online = state.connection == Connection::online;
        if (interview_can_move(interview->status)) {
            if (button(frame, frame.text(DashText::button_move), "timeline:move", ui::Tone::primary,
                       ImVec2(0, 0), online))
                frame.ask(intent::BeginMove{});
            ImGui::SameLine();
        }
        if (button(frame, frame.text(DashText::button_cancel_interview), "timeline:cancel",
                   ui::Tone::danger, ImVec2(0, 0), online))
            frame.ask(intent::BeginCancel{});
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace

void draw_timeline(Frame& frame) {
    const DashboardState& state = frame.state;
    const ImGuiIO& io = ImGui::GetIO();
    if (!state.timeline) {
        ImGui::SetCursorScreenPos(ImVec2(kMargin, ImGui::GetCursorScreenPos().y + 4));
        ImGui::TextDisabled("%s", frame.text(DashText::loading));
        return;
    }
    toolbar(frame);
    const ImVec2 top(kMargin, ImGui::GetCursorScreenPos().y + 2);
    const float height = io.DisplaySize.y - top.y - kMargin;
    const float grid_width = io.DisplaySize.x - 2 * kMargin - kSideWidth - 16;
    ImGui::SetCursorScreenPos(top);
    grid(frame, ImVec2(grid_width, height));
    ImGui::SetCursorScreenPos(ImVec2(kMargin + grid_width + 16, top.y));
    side_panel(frame, ImVec2(kSideWidth, height));
}

}  // namespace jobfair::dashboard::app
