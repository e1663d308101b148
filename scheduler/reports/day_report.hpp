// The report of the day a Department officer reads (issue 16, item 8): interviews done, students
// covered, seat-slot use, freed seat-slots refilled, students with no interview by reason, waits
// (check-in to first interview; standing at a booth from the call to the start) and, for a
// simulated day, how well the times students were shown foretold their interviews.
//
// A pure function of the stored day, so `jobfair export-day` gives it for a real fair as well as
// `jobfair simulate`. The audit log's `at` is the server's real clock: on a real fair that is
// the fair's own time (local time, UTC+7 in Viet Nam); in a simulated day the clock is moved by
// the simulator, so the simulator stores, with its measurements, the simulated minute it read
// each event in (kSimulationMeasuredKind). fair_timed_events() chooses. docs/reports.md.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/seat_use.hpp"
#include "common/store.hpp"

namespace jobfair::reports {

// The audit-log event a simulator appends at the end of its day: {"event_minutes": [[last event
// id read, fair minute], ...], "estimates": {...}} (docs/reports.md). Real fairs have none.
inline constexpr std::string_view kSimulationMeasuredKind = "simulation.measured";
inline constexpr int kVietNamUtcOffsetMinutes = 7 * 60;

// Each audit-log event with its fair time: the simulator's minutes when it stored them, else
// `at` moved by utc_offset_minutes (an event whose `at` cannot be read is left out).
std::vector<TimedEvent> fair_timed_events(const Store& store,
                                          int utc_offset_minutes = kVietNamUtcOffsetMinutes);
// For a running server: the events a simulator measured get its minutes, every later one the
// fair time `fair_time_at` gives for its `at` (the server's own clock); an event whose `at`
// cannot be read is left out.
std::vector<TimedEvent> fair_timed_events(
    const std::vector<EventRecord>& events,
    const std::function<TimeOfDay(std::chrono::system_clock::time_point)>& fair_time_at);

// The simulator's estimate accuracy, as stored in its kSimulationMeasuredKind event.
struct MeasuredEstimates {
    struct Row {
        std::string when;  // "first" (at check-in) or "latest" (last shown >= 30 min before)
        std::string kind;  // "promise" or "standby"
        int students = 0;
        int within = 0;  // the interview started within within_minutes of the estimate
        int no_interview_followed = 0;
        int started_earlier = 0;  // began more than within_minutes before the estimate
        int started_later = 0;    // ... or after it
        std::optional<int> p90_error_minutes;
    };
    std::vector<Row> rows;
    int within_minutes = 10;
    int told_no_interview = 0;
    int told_no_interview_right = 0;
    std::map<std::string, int> told_no_interview_by_reason;
};

struct WaitFigures {
    std::vector<int> minutes;  // ascending, one per student (check-in) or interview (call)
    std::optional<double> mean() const;
    std::optional<int> median() const;
    std::optional<int> p90() const;  // nearest rank, ceil(0.9 n)
};

struct BoothUse {
    std::string booth;
    std::string enterprise;
    int seat_slots = 0;  // seats x usable slots
    int capacity = 0;    // seat-slots within the booth's cap
    int done = 0;
};

// Why a checked-in student had no interview, in this order of precedence.
inline constexpr std::string_view kNoInterviewReasons[] = {
    "no_booth_for_them",  // none of the booths they chose takes their trade or level
    "left",               // they left (marked at the help desk) before any interview
    "no_show",            // they were called and did not come
    "booths_full",        // they waited and no seat at their booths reached them
};
std::string_view no_interview_reason_vi(std::string_view reason);
std::string_view no_interview_reason_en(std::string_view reason);

struct DayReport {
    std::string fair_name;
    bool simulated = false;  // event times are the simulator's minutes
    int day_start_minutes = 0;
    int day_end_minutes = 0;
    int checked_in = 0;  // walk-ins included
    int walk_ins = 0;
    int interviews_done = 0;
    int students_covered = 0;  // checked-in students with at least one interview done
    int no_shows = 0;
    int seat_slots = 0;  // every seat in every usable slot
    int capacity = 0;    // the same within the booths' caps
    FreedSeatSlots freed;
    int no_interview = 0;  // checked-in students with no interview done
    std::map<std::string, int> no_interview_by_reason;
    WaitFigures check_in_to_first;           // check-in to the start of the first interview
    WaitFigures call_to_start;               // a call to the start of that interview
    std::vector<int> started_per_half_hour;  // from day_start, by actual start
    std::vector<BoothUse> booths;            // in the fair's order
    std::optional<MeasuredEstimates> estimates;
};

// `events`: the audit log with fair times (fair_timed_events, or the simulator's own).
DayReport day_report(const Store& store, const std::vector<TimedEvent>& events);
DayReport day_report(const Store& store);  // with fair_timed_events(store)

// The report as text, one figure a line, Vietnamese then English.
std::vector<std::string> day_report_lines(const DayReport& report);

}  // namespace jobfair::reports
