// The first screen's answer to "is the fair going well?", read from the overview: students
// checked in without any interview, how long students waited, seats idle now, no-shows; and what a
// re-plan preview means in words, most of all when it changes nothing.
//
// Index: FairPulse and pulse_of · ReplanExplanation and explain_replan
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/dashboard/model/alerts.hpp"
#include "kiosk/dashboard/model/answers.hpp"
#include "kiosk/dashboard/model/dashboard_strings.hpp"

namespace jobfair::dashboard {

// --- The fair's pulse ----------------------------------------------------------------------------
struct FairPulse {
    int checked_in = 0;
    int without_interview = 0;  // checked in, with no interview held, under way or to come
    Health without_interview_health = Health::ok;
    // Why, as the server counts it: (reason code, students), the most students first; empty from
    // an older server.
    std::vector<std::pair<std::string, int>> without_interview_reasons;

    std::optional<int> wait_nine_in_ten;  // 9 in 10 waited less than this (minutes), when counted
    int waits_counted = 0;
    // Waiting now without an interview for at least waiting_long_minutes: the server's count of
    // every long wait (30 min) when it sends one, else the named ones past wait_warning_minutes.
    int waiting_long = 0;
    int waiting_long_minutes = 0;
    Health wait_health = Health::ok;

    int seats_open = 0;                // seats of the booths open now (not paused)
    int seats_idle = 0;                // of them, with nobody called or interviewed
    int seats_idle_while_waiting = 0;  // idle seats of booths where students are due or on standby
    Health seats_health = Health::ok;

    int no_shows = 0;  // interviews missed by a student
    int interviews_done = 0;
    Health no_shows_health = Health::ok;  // amber when more than 1 in 5 due were missed

    // Seat-slots freed before the last hour (no-show, skip, short interview) and how many another
    // student used; nullopt from an older server. Amber when at least kRefillCountedFrom were
    // freed and under 9 in 10 of them refilled (issue 16's target).
    std::optional<int> freed_seat_slots;
    int refilled_seat_slots = 0;
    Health refill_health = Health::ok;
};

inline constexpr int kRefillCountedFrom = 5;  // fewer freed seat-slots: too few to judge

// The pulse of `overview` under `rules`. Without interview: amber from 1 student, red when more
// than 1 in 20 of the checked-in students; waits: by 9 in 10 against the wait thresholds; idle
// seats: amber when one is idle while students wait.
FairPulse pulse_of(const Overview& overview, const AlertRules& rules);

// "12 / 15 (80 %)": the refilled of the freed seat-slots and their share ("—" when none was
// freed); "—" alone from an older server.
std::string refill_figure(const FairPulse& pulse, Language language);

// "Why no interview: their booths are full 180 · no booth takes them 30": the reasons of `pulse`
// in `language`; empty when the server gave none.
std::string reasons_text(const FairPulse& pulse, Language language);

// --- A re-plan preview in words ------------------------------------------------------------------
struct ReplanExplanation {
    DashText text = DashText::replan_changes;
    std::vector<std::string> values;  // filled into the text's "{}"
};

// What a re-plan with `counts` would do and, when it changes nothing, why: every checked-in
// student already has an interview, or those without one have no free seat at a booth for their
// trade before the booths (or they) leave. `overview` gives the students without an interview
// (nullopt: unknown, then only the counts are said).
ReplanExplanation explain_replan(const ReplanCounts& counts,
                                 const std::optional<Overview>& overview);
// The explanation's words in `language`.
std::string explanation_text(const ReplanExplanation& explanation, Language language);

}  // namespace jobfair::dashboard
