#include "kiosk/dashboard/model/pulse.hpp"

#include <algorithm>
#include <cmath>

#include "common/string_table.hpp"

namespace jobfair::dashboard {

namespace {
constexpr int kServerLongWaitMinutes = 30;  // what long_waits_total counts (docs/api.md)
}  // namespace

FairPulse pulse_of(const Overview& overview, const AlertRules& rules) {
    const Figures figures = figures_of(overview);
    FairPulse pulse;
    pulse.checked_in = figures.checked_in;
    pulse.without_interview = figures.students_without_interview;
    // One student left out is worth a look; more than 1 in 20 of those who came is a failing fair.
    if (pulse.without_interview > 0) {
        pulse.without_interview_health =
            pulse.without_interview * 20 > pulse.checked_in ? Health::danger : Health::warning;
    }

    for (const auto& [reason, count] : figures.without_interview_by_reason)
        if (count > 0) pulse.without_interview_reasons.emplace_back(reason, count);
    std::stable_sort(pulse.without_interview_reasons.begin(), pulse.without_interview_reasons.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });

    if (figures.wait_p90_minutes && figures.waits_counted > 0) {
        pulse.wait_nine_in_ten = static_cast<int>(std::lround(*figures.wait_p90_minutes));
        pulse.waits_counted = figures.waits_counted;
    }
    if (overview.long_waits_total) {
        pulse.waiting_long = *overview.long_waits_total;
        pulse.waiting_long_minutes = kServerLongWaitMinutes;
    } else {
        pulse.waiting_long_minutes = rules.wait_warning_minutes;
        for (const LongWait& wait : overview.long_waits)
            if (wait.waited_minutes >= rules.wait_warning_minutes) ++pulse.waiting_long;
    }
    const int nine_in_ten = pulse.wait_nine_in_ten.value_or(0);
    if (nine_in_ten >= rules.wait_danger_minutes)
        pulse.wait_health = Health::danger;
    else if (nine_in_ten >= rules.wait_warning_minutes || pulse.waiting_long > 0)
        pulse.wait_health = Health::warning;

    const TimeOfDay now = TimeOfDay::parse(overview.now).value_or(TimeOfDay());
    for (const BoothSummary& booth : overview.booths) {
        const BoothCondition condition = booth_condition(booth, now, rules);
        pulse.no_shows += booth.no_shows;
        pulse.interviews_done += booth.done;
        if (condition.phase != BoothPhase::open) continue;
        const int busy = std::min(booth.seats, static_cast<int>(booth.current.size()));
        const int idle = booth.seats - busy;
        pulse.seats_open += booth.seats;
        pulse.seats_idle += idle;
        // A booth with students due or on standby and a free seat lets them wait for nothing.
        const bool someone_ready = condition.idle_while_waiting ||
                                   (booth.standby > 0 && idle > 0) || condition.late_minutes > 0;
        if (someone_ready && condition.students_waiting > 0) pulse.seats_idle_while_waiting += idle;
    }
    if (pulse.seats_idle_while_waiting > 0) pulse.seats_health = Health::warning;
    if (pulse.no_shows * 5 > pulse.no_shows + pulse.interviews_done)
        pulse.no_shows_health = Health::warning;

    if (figures.freed_seat_slots) {
        pulse.freed_seat_slots = std::max(0, *figures.freed_seat_slots);
        pulse.refilled_seat_slots =
            std::clamp(figures.refilled_seat_slots.value_or(0), 0, *pulse.freed_seat_slots);
        if (*pulse.freed_seat_slots >= kRefillCountedFrom &&
            pulse.refilled_seat_slots * 10 < *pulse.freed_seat_slots * 9)
            pulse.refill_health = Health::warning;
    }
    return pulse;
}

std::string refill_figure(const FairPulse& pulse, Language language) {
    if (!pulse.freed_seat_slots) return tr(DashText::no_value, language);
    const int freed = *pulse.freed_seat_slots;
    return tr_fill(
        DashText::pulse_refilled_of, language,
        {format_count(pulse.refilled_seat_slots, language), format_count(freed, language),
         freed == 0 ? tr(DashText::no_value, language)
                    : format_percent(double(pulse.refilled_seat_slots) / freed, language)});
}

std::string reasons_text(const FairPulse& pulse, Language language) {
    if (pulse.without_interview_reasons.empty()) return {};
    std::string items;
    for (const auto& [reason, count] : pulse.without_interview_reasons) {
        if (!items.empty()) items += " · ";
        const DashText words = reason == "no_booth_for_them" ? DashText::reason_no_booth
                               : reason == "left"            ? DashText::reason_left
                               : reason == "no_show"         ? DashText::reason_no_show
                               : reason == "booths_full"     ? DashText::reason_booths_full
                                                             : DashText::reason_other;
        items += tr_fill(words, language, {format_count(count, language)});
    }
    return tr_fill(DashText::pulse_reasons, language, {items});
}

ReplanExplanation explain_replan(const ReplanCounts& counts,
                                 const std::optional<Overview>& overview) {
    const std::optional<int> without =
        overview ? std::optional<int>(figures_of(*overview).students_without_interview)
                 : std::nullopt;
    if (counts.changed() > 0) {
        if (counts.added > 0 && without && *without > 0)
            return {DashText::replan_why_added,
                    {std::to_string(counts.added), std::to_string(*without)}};
        return {DashText::replan_why_better, {}};
    }
    if (!without) return {DashText::replan_why_unknown, {}};
    if (*without == 0) return {DashText::replan_why_all_placed, {}};
    return {DashText::replan_why_no_seat, {std::to_string(*without)}};
}

std::string explanation_text(const ReplanExplanation& explanation, Language language) {
    return fill_blanks(tr(explanation.text, language), explanation.values);
}

}  // namespace jobfair::dashboard
