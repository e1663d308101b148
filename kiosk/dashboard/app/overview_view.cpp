// The overview tab: one tile per booth coloured by health, and on the right either the alerts or
// the detail of the booth clicked (its queue, standby list and actions).
//
// Index: draw_overview · tiles · alerts · booth detail
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "common/occupations.hpp"
#include "kiosk/dashboard/app/dashboard_view.hpp"
#include "kiosk/dashboard/app/palette.hpp"

namespace jobfair::dashboard::app {

namespace {

constexpr float kGap = 12;

ui::Tone condition_tone(const BoothCondition& condition) {
    if (condition.phase == BoothPhase::paused) return ui::Tone::warning;
    if (condition.phase != BoothPhase::open) return ui::Tone::neutral;
    return health_tone(condition.health);
}

// --- Tiles ---------------------------------------------------------------------------------------
void tile(Frame& frame, const BoothSummary& booth, TimeOfDay now, ImVec2 from, ImVec2 size) {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const BoothCondition condition = booth_condition(booth, now, frame.state.config.alerts);
    const bool open = frame.state.open_booth == booth.booth;

    ImGui::SetCursorScreenPos(from);
    ImGui::PushID(booth.booth.c_str());
    if (ImGui::InvisibleButton("##tile", size)) {
        if (open)
            frame.ask(intent::CloseBooth{});
        else
            frame.ask(intent::OpenBooth{booth.booth});
    }
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    frame.targets.add("tile:" + booth.booth, from, ImVec2(from.x + size.x, from.y + size.y));

    // Square tiles: two triangles each. llvmpipe pays for every triangle and pixel, and 30 tiles
    // with rounded, anti-aliased corners and outlines cost more than the rest of the screen.
    const ImVec2 to(from.x + size.x, from.y + size.y);
    list.AddRectFilled(from, to, health_tint(condition.health));
    list.AddRectFilled(from, ImVec2(from.x + 8, to.y), health_stripe(condition.health));
    if (open || hovered) {
        const ImU32 edge =
            open ? packed(ui::tone_colours(ui::Tone::primary).fill) : packed(rgb(0x4F5866));
        list.AddRect(from, to, edge, 0, 0, open ? 4.0f : 2.0f);
    }

    ImFont* bold = frame.fonts.body_bold;
    ImFont* small = frame.fonts.small;
    const float left = from.x + 20;
    const float inner = size.x - 34;
    // Tighter when the offline banner leaves less room, so all the tiles still fit.
    const float gap = size.y >= 144 ? 8.0f : 4.0f;
    float y = from.y + gap + 2;
    draw_text(list, bold, ImVec2(left, y), text_colour(), booth.booth);
    const std::string words = condition_words(condition, booth.open, frame.language);
    const ImVec2 pill = pill_size(small, words);
    draw_pill(list, small, ImVec2(to.x - 12 - pill.x, y), condition_tone(condition), words);
    y += bold->FontSize + 4;
    draw_text(list, small, ImVec2(left, y), muted_colour(),
              fit_text(small, booth.enterprise, inner, frame.language));
    y += small->FontSize + gap;

    // Who is at the desks now: a chip per call, coloured by its status.
    float x = left;
    const float chip_height = frame.fonts.body->FontSize + 4;
    if (booth.current.empty()) {
        draw_text(list, small, ImVec2(left, y + 3), muted_colour(),
                  frame.text(DashText::tile_nobody));
    }
    for (std::size_t index = 0; index < booth.current.size(); ++index) {
        const CurrentCall& call = booth.current[index];
        const BlockColours colours = status_colours(call.status);
        const float width = text_size(frame.fonts.body, call.ticket_label).x + 16;
        if (x + width > from.x + size.x - 12) {
            draw_text(
                list, small, ImVec2(x, y + 3), muted_colour(),
                frame.fill(DashText::tile_more, {std::to_string(booth.current.size() - index)}));
            break;
        }
        list.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + chip_height), colours.fill, 6);
        draw_text(list, frame.fonts.body, ImVec2(x + 8, y + 2), colours.text, call.ticket_label);
        x += width + 8;
    }
    y += chip_height + gap;

    // The counts, two by two.
    const float half = left + inner / 2;
    draw_text(list, small, ImVec2(left, y), text_colour(),
              frame.fill(DashText::tile_waiting, {std::to_string(booth.waiting)}));
    draw_text(list, small, ImVec2(half, y), text_colour(),
              frame.fill(DashText::tile_standby, {std::to_string(booth.standby)}));
    y += small->FontSize + 4;
    draw_text(list, small, ImVec2(left, y), text_colour(),
              frame.fill(DashText::tile_done, {std::to_string(booth.done)}));
    draw_text(list, small, ImVec2(half, y),
              booth.no_shows > 0 ? packed(rgb(palette::kNoShowRed)) : text_colour(),
              frame.fill(DashText::tile_no_shows, {std::to_string(booth.no_shows)}));
}

void tiles(Frame& frame, ImVec2 size) {
    const Overview& overview = *frame.state.overview;
    ImGui::BeginChild("tiles", size, false, ImGuiWindowFlags_NoBackground);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const std::size_t count = overview.booths.size();
    const int columns = std::max(1, static_cast<int>((width + kGap) / (262 + kGap)));
    const int rows = static_cast<int>((count + columns - 1) / columns);
    const float tile_width = (width - kGap * (columns - 1)) / columns;
    const float fitted = (size.y - kGap * std::max(0, rows - 1)) / std::max(1, rows);
    const float tile_height = std::clamp(fitted, 128.0f, 190.0f);
    const TimeOfDay now = TimeOfDay::parse(overview.now).value_or(TimeOfDay());
    for (std::size_t index = 0; index < count; ++index) {
        const int column = static_cast<int>(index) % columns;
        const int row = static_cast<int>(index) / columns;
        tile(frame, overview.booths[index], now,
             ImVec2(origin.x + column * (tile_width + kGap), origin.y + row * (tile_height + kGap)),
             ImVec2(tile_width, tile_height));
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, rows * (tile_height + kGap) - kGap));
    ImGui::EndChild();
}

// --- The fair's pulse ---------------------------------------------------------------------------
// One card: a stripe coloured by health, a title, the figure large, a line that explains it.
// The title and the line wrap rather than being cut when the card is narrow (the booth panel
// open beside the tiles): every card of the strip is as tall as the tallest needs.
struct PulseCard {
    Health health;
    std::string title;
    std::string figure;
    std::string detail;
};

float wrapped_height(ImFont* font, const std::string& text, float width) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str()).y;
}

float pulse_card_height(const Frame& frame, const PulseCard& card, float inner) {
    return wrapped_height(frame.fonts.body_bold, card.title, inner) + frame.fonts.large->FontSize +
           wrapped_height(frame.fonts.small, card.detail, inner) + 24;
}

void pulse_card(Frame& frame, ImVec2 from, ImVec2 size, const PulseCard& card) {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImVec2 to(from.x + size.x, from.y + size.y);
    list.AddRectFilled(from, to, health_tint(card.health), 8);
    list.AddRectFilled(from, ImVec2(from.x + 8, to.y), health_stripe(card.health), 8,
                       ImDrawFlags_RoundCornersLeft);
    const float left = from.x + 20;
    const float inner = size.x - 32;
    float y = from.y + 8;
    const auto wrapped = [&](ImFont* font, const std::string& text) {
        list.AddText(font, font->FontSize, ImVec2(left, y), text_colour(), text.c_str(), nullptr,
                     inner);
        y += wrapped_height(font, text, inner) + 2;
    };
    wrapped(frame.fonts.body_bold, card.title);
    draw_text(list, frame.fonts.large, ImVec2(left, y), text_colour(),
              fit_text(frame.fonts.large, card.figure, inner, frame.language));
    y += frame.fonts.large->FontSize + 2;
    wrapped(frame.fonts.small, card.detail);
}

// The first thing an organizer reads: students without an interview, waits, idle seats,
// no-shows, no-show seats refilled, each coloured by how well it goes; under them, why students
// have no interview. Returns the height drawn.
float pulse_strip(Frame& frame, ImVec2 from, float width) {
    const Overview& overview = *frame.state.overview;
    const FairPulse pulse = pulse_of(overview, frame.state.config.alerts);
    const Language language = frame.language;
    const float card = (width - 4 * kGap) / 5;
    const auto at = [&](int index) { return ImVec2(from.x + index * (card + kGap), from.y); };

    const PulseCard cards[] = {
        {pulse.without_interview_health, frame.text(DashText::pulse_without_interview),
         format_count(pulse.without_interview, language),
         frame.fill(DashText::pulse_without_interview_of,
                    {format_count(pulse.checked_in, language)})},
        {pulse.wait_health, frame.text(DashText::pulse_wait),
         pulse.wait_nine_in_ten
             ? frame.fill(DashText::minutes_value, {std::to_string(*pulse.wait_nine_in_ten)})
             : frame.text(DashText::no_value),
         frame.fill(DashText::pulse_waiting_long, {std::to_string(pulse.waiting_long),
                                                   std::to_string(pulse.waiting_long_minutes)})},
        {pulse.seats_health, frame.text(DashText::pulse_seats_idle),
         frame.fill(DashText::pulse_seats_idle_of,
                    {std::to_string(pulse.seats_idle), std::to_string(pulse.seats_open)}),
         frame.fill(DashText::pulse_seats_idle_waiting,
                    {std::to_string(pulse.seats_idle_while_waiting)})},
        {pulse.no_shows_health, frame.text(DashText::pulse_no_shows),
         format_count(pulse.no_shows, language),
         frame.fill(DashText::pulse_no_shows_of,
                    {format_count(pulse.no_shows + pulse.interviews_done, language)})},
        {pulse.refill_health, frame.text(DashText::pulse_refilled), refill_figure(pulse, language),
         frame.text(DashText::pulse_refilled_note)},
    };
    float height = 0;
    for (const PulseCard& each : cards)
        height = std::max(height, pulse_card_height(frame, each, card - 32));
    for (int index = 0; index < 5; ++index)
        pulse_card(frame, at(index), ImVec2(card, height), cards[index]);
    const std::string why = reasons_text(pulse, language);
    if (why.empty()) return height;
    draw_text(*ImGui::GetWindowDrawList(), frame.fonts.body, ImVec2(from.x, from.y + height + 6),
              text_colour(), fit_text(frame.fonts.body, why, width, language));
    return height + 6 + frame.fonts.body->FontSize;
}

// --- Alerts --------------------------------------------------------------------------------------
void legend_chip(Frame& frame, ImU32 colour, const std::string& words) {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float side = frame.fonts.small->FontSize;
    list.AddRectFilled(ImVec2(at.x, at.y + 2), ImVec2(at.x + side, at.y + side + 2), colour, 4);
    draw_text(list, frame.fonts.small, ImVec2(at.x + side + 8, at.y + 1), text_colour(), words);
    ImGui::Dummy(ImVec2(side + 12 + text_size(frame.fonts.small, words).x, side + 4));
}

void alerts_panel(Frame& frame, ImVec2 size) {
    const std::vector<Alert>& alerts = frame.state.alerts;
    ImGui::BeginChild("alerts", size, true);
    ImGui::PushFont(frame.fonts.large);
    ImGui::TextUnformatted(
        frame.fill(DashText::alerts_title, {std::to_string(alerts.size())}).c_str());
    ImGui::PopFont();
    // The legend: two rows of colour chips and the hint that explains the tiles' words.
    const float hint_height = text_size(frame.fonts.small, frame.text(DashText::overview_hint),
                                        ImGui::GetContentRegionAvail().x)
                                  .y;
    const float legend_height = 2 * (frame.fonts.small->FontSize + 8) + hint_height + 30;
    ImGui::BeginChild("alert_list", ImVec2(0, -legend_height), false,
                      ImGuiWindowFlags_NoBackground);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 6));
    if (alerts.empty()) ImGui::TextDisabled("%s", frame.text(DashText::no_alerts));
    const float width = ImGui::GetContentRegionAvail().x;
    for (std::size_t index = 0; index < alerts.size(); ++index) {
        const Alert& alert = alerts[index];
        const std::string text = alert_text(alert, frame.language);
        const float wrap = width - 28;
        const ImVec2 text_extent = text_size(frame.fonts.body, text, wrap);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 size_here(width, text_extent.y + 10);
        ImGui::PushID(static_cast<int>(index));
        const bool clicked = ImGui::InvisibleButton("##alert", size_here);
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        frame.targets.add("alert:" + std::to_string(index), at,
                          ImVec2(at.x + size_here.x, at.y + size_here.y));
        if (clicked && !alert.booth.empty()) frame.ask(intent::OpenBooth{alert.booth});
        ImDrawList& list = *ImGui::GetWindowDrawList();
        const ui::ToneColours tone = ui::tone_colours(severity_tone(alert.severity));
        list.AddRectFilled(at, ImVec2(at.x + size_here.x, at.y + size_here.y),
                           hovered && !alert.booth.empty() ? packed(rgb(palette::kAlertRowHovered))
                                                           : packed(rgb(palette::kAlertRow)));
        list.AddRectFilled(at, ImVec2(at.x + 8, at.y + size_here.y), packed(tone.fill));
        list.AddText(frame.fonts.body, frame.fonts.body->FontSize, ImVec2(at.x + 20, at.y + 5),
                     text_colour(), text.c_str(), nullptr, wrap);
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
    ImGui::Separator();
    ImGui::PushFont(frame.fonts.small);
    legend_chip(frame, health_stripe(Health::ok), health_words(Health::ok, frame.language));
    ImGui::SameLine(0, 24);
    legend_chip(frame, health_stripe(Health::warning),
                health_words(Health::warning, frame.language));
    legend_chip(frame, health_stripe(Health::danger), health_words(Health::danger, frame.language));
    ImGui::SameLine(0, 24);
    legend_chip(frame, health_stripe(Health::quiet), health_words(Health::quiet, frame.language));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", frame.text(DashText::overview_hint));
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::EndChild();
}

// --- Booth detail --------------------------------------------------------------------------------
void queue_tables(Frame& frame, const booth::BoothQueue& queue) {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const float available = ImGui::GetContentRegionAvail().y;
    const float title = frame.fonts.body_bold->FontSize + ImGui::GetStyle().ItemSpacing.y;
    const float standby_height =
        queue.standby.empty()
            ? title + frame.fonts.body->FontSize + 10
            : std::max(available * 0.32f, 3.5f * (frame.fonts.body->FontSize + 12));
    const float queue_height = available - standby_height - 2 * title - 8;

    ImGui::PushFont(frame.fonts.body_bold);
    ImGui::TextUnformatted(
        frame.fill(DashText::queue_title, {std::to_string(queue.queue.size())}).c_str());
    ImGui::PopFont();
    if (queue.queue.empty()) {
        ImGui::TextDisabled("%s", frame.text(DashText::queue_empty));
        ImGui::Dummy(ImVec2(0, std::max(0.0f, queue_height - frame.fonts.body->FontSize - 10)));
    } else if (ImGui::BeginTable("queue", 6, flags, ImVec2(0, queue_height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        // The status column fits the longest words a queue can show ("Đang phỏng vấn").
        float status_width = 0;
        for (const InterviewStatus status : {InterviewStatus::planned, InterviewStatus::promised,
                                             InterviewStatus::called, InterviewStatus::in_progress})
            status_width = std::max(
                status_width, text_size(frame.fonts.body, status_words(status, frame.language)).x);
        setup_columns(
            frame,
            {fixed_column(DashText::column_time, 74), fixed_column(DashText::column_seat, 56),
             fixed_column(DashText::column_ticket, 96), stretch_column(DashText::column_name, 1.4f),
             fixed_column(DashText::column_status, status_width + 8),
             stretch_column(DashText::column_where, 1.0f)});
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(queue.queue.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const booth::QueuedInterview& entry = queue.queue[static_cast<std::size_t>(row)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(entry.start.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%d", entry.seat + 1);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(entry.person.ticket_label.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(fit_text(frame.fonts.body, entry.person.full_name,
                                                ImGui::GetContentRegionAvail().x, frame.language)
                                           .c_str());
                ImGui::TableNextColumn();
                const BlockColours colours = status_colours(entry.status);
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, colours.fill);
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colours.text));
                ImGui::TextUnformatted(status_words(entry.status, frame.language).c_str());
                ImGui::PopStyleColor();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(
                    whereabouts_words(entry.whereabouts, entry.busy_at, frame.language).c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::PushFont(frame.fonts.body_bold);
    ImGui::TextUnformatted(
        frame.fill(DashText::standby_title, {std::to_string(queue.standby.size())}).c_str());
    ImGui::PopFont();
    if (queue.standby.empty()) {
        ImGui::TextDisabled("%s", frame.text(DashText::standby_empty));
        return;
    }
    if (!ImGui::BeginTable("standby", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    setup_columns(
        frame,
        {fixed_column(DashText::column_ticket, 96), stretch_column(DashText::column_name, 1.4f),
         stretch_column(DashText::column_trade, 1.2f), fixed_column(DashText::column_arrived, 90),
         fixed_column(DashText::column_choice, 120)});
    ImGui::TableHeadersRow();
    for (const booth::StandbyStudent& student : queue.standby) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(student.person.ticket_label.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(fit_text(frame.fonts.body, student.person.full_name,
                                        ImGui::GetContentRegionAvail().x, frame.language)
                                   .c_str());
        ImGui::TableNextColumn();
        // Other trade by the name the student typed; "—" where the trade is not known.
        const std::string trade =
            student_trade_display_name(student.person.occupation, student.person.occupation_text,
                                       frame.language == Language::vi);
        ImGui::TextUnformatted(trade.empty()
                                   ? frame.text(DashText::no_value)
                                   : fit_text(frame.fonts.body, trade,
                                              ImGui::GetContentRegionAvail().x, frame.language)
                                         .c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(student.arrived.c_str());
        ImGui::TableNextColumn();
        if (student.person.rank > 0) ImGui::Text("%d", student.person.rank);
    }
    ImGui::EndTable();
}

void booth_detail(Frame& frame, const BoothSummary& booth, ImVec2 size) {
    const DashboardState& state = frame.state;
    ImGui::BeginChild("detail", size, true);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushFont(frame.fonts.large);
    ImGui::TextUnformatted(
        frame.fill(DashText::detail_title, {booth.booth, booth.enterprise}).c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    const TimeOfDay now = TimeOfDay::parse(state.overview->now).value_or(TimeOfDay());
    const BoothCondition condition = booth_condition(booth, now, state.config.alerts);
    const std::string words = condition_words(condition, booth.open, frame.language);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImVec2 pill = draw_pill(list, frame.fonts.body_bold, ImGui::GetCursorScreenPos(),
                                  condition_tone(condition), words);
    ImGui::Dummy(pill);
    ImGui::SameLine(0, 16);
    ImGui::TextUnformatted(
        frame
            .fill(DashText::detail_hours,
                  {booth.open.empty() ? frame.text(DashText::no_value) : booth.open, booth.close,
                   std::to_string(booth.seats)})
            .c_str());
    const std::string spacer = "    ";
    ImGui::TextUnformatted(
        (frame.fill(DashText::tile_waiting, {std::to_string(booth.waiting)}) + spacer +
         frame.fill(DashText::tile_standby, {std::to_string(booth.standby)}) + spacer +
         frame.fill(DashText::tile_done, {std::to_string(booth.done)}) + spacer +
         frame.fill(DashText::tile_no_shows, {std::to_string(booth.no_shows)}) + spacer +
         frame.fill(DashText::tile_remaining, {std::to_string(booth.remaining)}) + spacer +
         frame.fill(DashText::tile_next,
                    {booth.next ? *booth.next : std::string(frame.text(DashText::no_value))}))
            .c_str());
    ImGui::Spacing();

    // Actions.
    const bool online = state.connection == Connection::online;
    if (booth.paused) {
        if (button(frame, frame.text(DashText::action_resume), "detail:resume", ui::Tone::ok,
                   ImVec2(0, 0), online))
            frame.ask(intent::ResumeBooth{booth.booth});
    } else if (button(frame, frame.text(DashText::action_pause), "detail:pause", ui::Tone::warning,
                      ImVec2(0, 0), online)) {
        frame.ask(intent::PauseBooth{booth.booth});
    }
    ImGui::SameLine();
    const std::optional<TimeOfDay> later = extended_close(state, booth.booth, 30);
    if (later) {
        if (button(frame, frame.fill(DashText::action_extend, {later->str()}), "detail:extend",
                   ui::Tone::neutral, ImVec2(0, 0), online))
            frame.ask(intent::ExtendBooth{booth.booth, 30});
    }
    ImGui::SameLine();
    if (button(frame, frame.text(DashText::action_add_seat), "detail:add_seat", ui::Tone::neutral,
               ImVec2(0, 0), online))
        frame.ask(intent::AddSeat{booth.booth});
    ImGui::SameLine();
    const float close_width = ImGui::CalcTextSize(frame.text(DashText::action_close)).x +
                              2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - close_width);
    if (button(frame, frame.text(DashText::action_close), "detail:close"))
        frame.ask(intent::CloseBooth{});
    if (!later) ImGui::TextDisabled("%s", frame.text(DashText::extend_at_day_end));
    ImGui::Spacing();

    if (state.booth_queue && state.booth_queue->booth == booth.booth)
        queue_tables(frame, *state.booth_queue);
    else
        ImGui::TextDisabled("%s", frame.text(DashText::loading));
    ImGui::EndChild();
}

}  // namespace

void draw_overview(Frame& frame) {
    const DashboardState& state = frame.state;
    const ImGuiIO& io = ImGui::GetIO();
    const auto tab_top = overview_tab_top(frame);
    if (!tab_top) return;
    const ImVec2 top = *tab_top;
    const BoothSummary* open = state.open_booth ? find_booth(state, *state.open_booth) : nullptr;
    const float side_width = open ? 740.0f : 470.0f;
    const float height = io.DisplaySize.y - top.y - kMargin;
    const float tiles_width = io.DisplaySize.x - 2 * kMargin - side_width - 16;
    // The pulse above the tiles: the answer to "is the fair going well?" comes first.
    const float strip = pulse_strip(frame, top, tiles_width);
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + strip + kGap));
    tiles(frame, ImVec2(tiles_width, height - strip - kGap));
    ImGui::SetCursorScreenPos(ImVec2(kMargin + tiles_width + 16, top.y));
    if (open)
        booth_detail(frame, *open, ImVec2(side_width, height));
    else
        alerts_panel(frame, ImVec2(side_width, height));
}

}  // namespace jobfair::dashboard::app
