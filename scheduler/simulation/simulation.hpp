// A fair morning driven through the server's real API, the way a venue lives it: students arrive
// and scan tickets at kiosks, walk-ins register, booths call, start and finish interviews (some
// run long), some students miss their call or leave early, a booth pauses for a while. The
// server's clock is moved by the simulation (POST /api/v1/clock), so a morning runs in minutes.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/fair.hpp"
#include "common/seat_use.hpp"
#include "common/store.hpp"

namespace jobfair {

// What the simulation knows the server has acknowledged, for the invariant checks.
struct SimulationProgress {
    TimeOfDay now;
    std::set<std::string> checked_in;  // pre-registered students whose check-in was answered 2xx
    int walk_ins = 0;                  // walk-in registrations answered 2xx
};

// The people model (docs/simulation.md says why each figure is plausible). These describe people
// and booth staff, not the scheduler: they are never tuned to make the day's figures look good.
struct PeopleModel {
    double absent_rate = 0.07;  // pre-registered students who do not come at all
    // A school's bus (students of one school with the same `arrive`; someone coming alone is a
    // group of one): up to group_early_max_minutes early, or, group_late_share of the time, late
    // by an exponential delay of mean group_late_mean_minutes (capped at 60).
    int group_early_max_minutes = 10;
    double group_late_share = 0.3;
    double group_late_mean_minutes = 12.0;
    // From the bus to the kiosks: uniform in [min, max] minutes.
    int to_kiosk_min_minutes = 2;
    int to_kiosk_max_minutes = 8;
    // Students who come in later than their group (breakfast, the toilets, a friend): an extra
    // exponential delay of mean straggler_late_mean_minutes.
    double straggler_share = 0.1;
    double straggler_late_mean_minutes = 15.0;
    // A kiosk check-in (scan, read the screen, take the slip), per student.
    int kiosk_seconds_per_check_in = 20;
    // Called: the student walks to the booth in [min, max] minutes, unless away (below) or the
    // call is missed (no_show_rate of SimulationOptions).
    int walk_to_booth_min_minutes = 1;
    int walk_to_booth_max_minutes = 3;
    // Step-aways: a checked-in student who is not called or interviewing wanders off (toilets,
    // a drink, a phone call, the school's teacher) at this rate, for [min, max] minutes, and
    // misses calls meanwhile.
    double step_aways_per_hour = 0.4;
    int step_away_min_minutes = 5;
    int step_away_max_minutes = 20;
    // Students who go home early without telling anyone: their later calls are no-shows.
    double silent_leave_rate = 0.03;
    // Interview length: log-normal, median interview_median_share_of_slot of a slot, sigma
    // interview_length_sigma (of the log), at least 3 minutes and at most three slots.
    double interview_median_share_of_slot = 0.8;
    double interview_length_sigma = 0.35;
    // Booth staff wait this long for a called student, then send them back to wait (skip) up
    // to skips_before_no_show times, then mark a no-show.
    int booth_wait_minutes = 3;
    int skips_before_no_show = 1;
};

struct SimulationOptions {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string organizer_password;
    // Simulated minutes per real minute; 0: as fast as the server answers.
    double speed = 0.0;
    std::uint64_t seed = 7;
    // A called student, at the fair and not away, who misses the call (did not hear it, was
    // watching another booth's queue).
    double no_show_rate = 0.05;
    double walk_in_share = 0.05;     // walk-ins, as a share of pre-registered students
    double leave_early_rate = 0.02;  // leave early and tell the help desk (marked left)
    PeopleModel people;
    int kiosks = 10;
    // Booths whose staff already hold a PIN (the demo's booth stations), by booth id: the
    // simulation logs in with it. Issuing a new PIN would end those stations' sessions.
    std::map<std::string, std::string> booth_pins;
    // Stop at this fair time, leaving the day as it is (interviews under way stay under way):
    // screenshots and demos of a morning in progress. Nothing: run the whole day.
    std::optional<TimeOfDay> until;
    // Called after every simulated minute, with the fair time; the end-to-end test checks its
    // invariants here, and may restart the server (then the simulation reconnects).
    std::function<void(const SimulationProgress&)> after_minute;
    // Prints one line per simulated 15 minutes.
    std::function<void(const std::string&)> report_line;
    // Minutes between two status reads of a waiting student (the estimate-accuracy figures);
    // larger values make a long run cheaper and the figures coarser.
    int estimate_poll_minutes = 5;
    // When set, one line per student shown an estimate: the first one shown, the interview it
    // foretold, and what the student did meanwhile (calls, step-aways, interviews elsewhere), so a
    // miss can be traced to its cause (`jobfair simulate --estimate-trace FILE`).
    std::function<void(const std::string&)> estimate_trace;
};

// How well the times students were shown foretold their interviews (issue 16, item 3). Read as a
// student's phone reads them (GET /api/v1/me/status with the status token of the check-in
// answer): at check-in, then every kEstimatePollMinutes until their first interview starts.
// "The estimate" at a moment is the earliest time the status shows: a promised interview's start
// (its come-back time is kComeBackMinutesBeforeStart earlier) or a standby estimate; it is
// compared with the start of the interview it foretold, the student's interview at the booth it
// names. docs/reports.md has the rules.
inline constexpr int kEstimatePollMinutes = 5;
inline constexpr int kEstimateWithinMinutes = 10;
inline constexpr int kEstimateLatestBeforeMinutes = 30;

struct EstimateAccuracy {
    struct Row {
        std::string when;  // "first": shown at check-in; "latest": last shown >= 30 min before
        std::string kind;  // "promise" or "standby"
        int students = 0;  // with such an estimate (students who left before are not counted)
        int within = 0;    // the interview started within kEstimateWithinMinutes of it
        int no_interview_followed = 0;  // no interview started at all (counted as not within)
        // Outside the 10 minutes, which way: the interview began that much before the time shown
        // (a seat freed sooner than foreseen), or after it (the booth ran behind).
        int started_earlier = 0;
        int started_later = 0;
        std::optional<int> p90_error_minutes;  // nearest rank; none when it falls on a miss
    };
    // Each estimate against the interview it foretold (at the booth it named):
    // first/promise, first/standby, latest/promise, latest/standby.
    std::vector<Row> rows;
    // The same against the student's first interview at any booth (the rule until 2026-12-06).
    std::vector<Row> rows_against_first_interview;
    int poll_minutes = kEstimatePollMinutes;  // between two status reads of a waiting student
    int told_no_interview = 0;                // told "no interview possible" before any interview
    int told_no_interview_right = 0;          // ... and indeed none started afterwards
    std::map<std::string, int> told_no_interview_by_reason;
    int left_before_interview = 0;  // had an estimate, left (told or not) before any interview
    int polls = 0;                  // status reads

    std::vector<std::string> lines() const;
};

// Errors in minutes, none for an estimate no interview followed: the share within `within` and
// the p90 by nearest rank (none when the rank falls on a miss). Exposed for the tests.
// `errors`: the interview's start minus the time shown, in minutes; none where none followed.
EstimateAccuracy::Row accuracy_row(std::string when, std::string kind,
                                   const std::vector<std::optional<int>>& errors);

// The day's figures, each as the report prints it ("interviews done: 512").
struct SimulationReport {
    int checked_in = 0;
    int walk_ins = 0;
    int interviews_done = 0;
    int students_covered = 0;  // with at least one interview done
    int no_shows = 0;
    int refilled_from_standby = 0;
    int left_early = 0;
    // The people model's draws, as they happened.
    int absent = 0;  // pre-registered students who never came
    int step_aways = 0;
    int calls_missed_away = 0;    // calls made while the student was away
    int calls_missed = 0;         // calls missed by a student at the fair (no_show_rate)
    int calls_after_leaving = 0;  // calls of students who had gone home unannounced
    int skips = 0;
    double mean_check_in_delay_minutes = 0;  // check-in after the student's `arrive`
    double mean_interview_minutes = 0;
    // Freed seat-slots (no-show, skip, ended early) before the last hour, and how many another
    // student used: common/seat_use.hpp, from the server's audit log.
    FreedSeatSlots freed_seat_slots;
    // What an idle seat's call-next answered when it called nobody ("nobody_waiting", ...), by
    // (booth, seat) and fair minute: the report names it beside each seat-slot not refilled.
    std::map<std::pair<std::string, int>, std::map<int, std::string>> called_nobody;
    int booth_pauses = 0;
    int requests = 0;
    int refused_requests = 0;      // 4xx answers the simulation did not expect
    double mean_wait_minutes = 0;  // check-in to the start of the first interview
    double p90_wait_minutes = 0;
    int replans = 0;              // check-ins and organizer actions that re-planned the day
    int promises_moved_late = 0;  // promises a late booth took along to a later slot
    // Promises (interviews past planned) cancelled, by the reason recorded with them.
    std::map<std::string, int> promises_cancelled;
    std::map<std::string, int> outcomes;
    EstimateAccuracy estimates;
    // The audit log as read, each event with the simulated minute it was read in: the fair time
    // of events whose `at` is the real clock (scheduler/reports/day_report.hpp).
    std::vector<TimedEvent> timed_events;

    std::vector<std::string> lines() const;
};

// What the simulator stores with the day at its end, as the payload of an audit-log event
// "simulation.measured" (scheduler/reports/day_report.hpp reads it): the simulated minute each
// event was read in, as [last event id, minute] pairs, and the estimate accuracy.
std::string simulation_measured_payload(const SimulationReport& report);

// Runs the morning against the server at options.host:port, whose database holds `fair` and
// whose clock can be moved (started with --clock-start). Throws std::runtime_error with the
// failing request when the server cannot be reached or refuses the simulation's own setup.
SimulationReport simulate_morning(const Fair& fair, const SimulationOptions& options);

// The day's invariants, read from the database: no seat double-booked, no student in two
// places, every cancellation with a reason, every acknowledged check-in and walk-in stored.
// `day_over`: also every promise kept or cancelled. Returns one line per violation.
std::vector<std::string> check_day_invariants(const Store& store,
                                              const SimulationProgress& progress, bool day_over);

// Replays the audit log event by event. After each event: no seat holds two students called or
// interviewing, and no student is called or interviewing in two places. At the end the log must
// agree with the stored interviews on every interview it names. `events_replayed` counts.
std::vector<std::string> check_event_log(const Store& store, int& events_replayed);

}  // namespace jobfair
