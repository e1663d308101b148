// What a student can expect for the rest of the day, from one consistent read of it (DayState):
// when to come back for each promised interview, when a booth's standby queue will likely reach
// them, or, plainly, that no interview is possible today and why, with what they can still do.
//
// The same standby order decides whom a booth calls from standby (LiveFair::call_next), what the
// booth's screen lists and what the estimates assume, so an estimate follows the rule that will
// be applied. docs/estimates.md explains the arithmetic and how it is measured.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "common/fair.hpp"
#include "common/store.hpp"
#include "common/wire_codes.hpp"
#include "scheduler/live/server_views.hpp"

namespace jobfair {

// The share of called students who never come, learnt during the day: a prior worth
// kPriorCalls calls at kPriorRate, then every promised call that ended in a start or a no-show.
struct NoShowRate {
    static constexpr double kPriorRate = 0.10;
    static constexpr double kPriorCalls = 20.0;
    int shows = 0;     // called students who came (in progress or done)
    int no_shows = 0;  // called students marked as not coming

    double rate() const {
        return (kPriorRate * kPriorCalls + no_shows) / (kPriorCalls + shows + no_shows);
    }
};
NoShowRate no_show_rate(const std::vector<StoredInterview>& interviews);

// One student in a booth's standby queue, in the order the booth calls them.
struct StandbyEntry {
    StudentId id;
    int rank = 0;  // the place the student gave the booth, 1 = first choice
    TimeOfDay arrived;
    bool covered = false;                 // holds an interview somewhere (done or to come)
    std::optional<TimeOfDay> planned_at;  // the plan's time for them at this booth, if any
};

// Checked-in students still here who want `booth`, are eligible and hold nothing there, in the
// order the booth calls them: first whom the plan puts here in this slot (or an earlier one),
// then students with no interview at all, then those the plan does not place here, then those
// it places here later or at another booth now (taken only when nobody else waits); by
// preference rank, then arrival, then id within each group.
std::vector<StandbyEntry> standby_queue(const DayState& day, const BoothId& booth);

// When each promised or called interview at `booth` will likely begin: a promise at its slot's
// start plus the day's typical lateness of promised interviews (DayPace), never before the seat
// is free of the interview under way or of the promises before it, each taking the day's usual
// length and walk; a called student when they have walked over. docs/estimates.md.
std::map<InterviewId, TimeOfDay> expected_starts(const DayState& day, const BoothId& booth);

// A promised interview still to come: when to be at the booth.
struct PromiseOutlook {
    InterviewId interview = 0;
    BoothId booth;
    TimeOfDay start;
    TimeOfDay be_there_by;  // a few minutes before the start: "be at B07 by 09:40"
    InterviewStatus status = InterviewStatus::promised;
    // When it will likely begin, from how the booth's seat is running (expected_starts).
    std::optional<TimeOfDay> expected;
};

// A booth the student waits for in standby.
struct StandbyOutlook {
    BoothId booth;
    int position = 0;                   // 1 = next in the booth's standby queue
    bool planned = false;               // the plan holds a seat for them there
    std::optional<TimeOfDay> estimate;  // likely call time; none: unlikely today
};

// NoInterviewReason: common/wire_codes.hpp.

// A booth the student did not pick but may take (eligible, open, not met), with a seat no one
// holds from `from` on, before they leave: next_free_seat().
struct FreeSeatOutlook {
    BoothId booth;
    TimeOfDay from;
};

struct StudentOutlook {
    StudentId student;
    std::vector<PromiseOutlook> promises;  // by start
    std::vector<StandbyOutlook> standby;   // by estimate, booths without one last
    // Why nothing is promised or estimated (none when something is).
    NoInterviewReason no_interview = NoInterviewReason::none;
    // What they can still do: booths they are eligible for with a seat free now or in the next
    // slot (whether or not they chose them), and booths that take CVs.
    std::vector<BoothId> free_seats_now;
    std::vector<BoothId> takes_cvs;
    // Booths they did not pick with a free seat before they leave, the earliest first (by
    // booth on a tie); empty when they are not here or may have no more interviews. What the
    // kiosk and the phone offer to add.
    std::vector<FreeSeatOutlook> free_seats;

    // The earliest time anything is expected of them: a promise's start or an estimate.
    std::optional<TimeOfDay> next_expected() const;
};

// Minutes before a promised start the student is asked to be at the booth.
inline constexpr int kComeBackMinutesBefore = 5;

// When `booth` next has a seat no one holds (no interview planned, promised, called, under way or
// done in it), now or later today: the start of the earliest such slot within the booth's hours
// and breaks and under its max_interviews cap, or now when that slot has begun. None when no
// seat is left today or the booth is paused. The kiosk's enterprise cards show it ("free_from").
std::optional<TimeOfDay> next_free_seat(const DayState& day, const Booth& booth, bool paused);

// Students' outlooks from one read of the day. Each booth's queue, estimates and seats are worked
// out once, when first asked for, and shared by every student asked after: the phones of a whole
// fair polling between two events cost one pass per booth, not one per phone. `day` must outlive
// it; `paused`: booths paused now (no seat opens there until they resume).
class DayOutlooks {
  public:
    class Cache;

    DayOutlooks(const DayState& day, std::set<BoothId> paused, const NoShowRate& rate);
    ~DayOutlooks();
    DayOutlooks(const DayOutlooks&) = delete;
    DayOutlooks& operator=(const DayOutlooks&) = delete;

    const DayState& day() const;
    StudentOutlook of(const StudentId& student);
    // next_free_seat() below, for a booth of this day, paused or not as given.
    std::optional<TimeOfDay> next_free_seat(const Booth& booth);

  private:
    std::unique_ptr<Cache> cache_;
};

// One student from a read of the day of its own.
StudentOutlook outlook_of(const DayState& day, const StudentId& student,
                          const std::set<BoothId>& paused, const NoShowRate& rate);
// Several students from the same read of the day: each booth's queue is worked out once.
std::vector<StudentOutlook> outlooks_of(const DayState& day, const std::vector<StudentId>& students,
                                        const std::set<BoothId>& paused, const NoShowRate& rate);

}  // namespace jobfair
