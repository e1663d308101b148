// The fair on the day: check-ins, calls, interviews and their outcomes, kept in the store and
// re-planned by the engine. The fair server (HTTP) is a thin layer over this class, so every rule
// of the live day is here and tested without a network.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/protocol.hpp"
#include "common/store.hpp"
#include "common/wire_codes.hpp"
#include "scheduler/engine/allocator.hpp"
#include "scheduler/engine/replanner.hpp"
#include "scheduler/live/day_pace.hpp"

namespace jobfair {

// Time of day on the fair's day, read through an interface so tests and simulations can run a
// morning faster than real time.
class FairClock {
  public:
    virtual ~FairClock() = default;
    virtual TimeOfDay now() const = 0;
    // The fair time it was at the wall-clock instant `wall` (an event's `at`, for the board's
    // "called at"): by default a clock that runs as fast as the wall clock.
    virtual TimeOfDay at(std::chrono::system_clock::time_point wall) const {
        const auto age = std::chrono::system_clock::now() - wall;
        return now().plus_minutes(
            -static_cast<int>(std::chrono::ceil<std::chrono::minutes>(age).count()));
    }
};

// A clock someone else moves: tests, the simulator.
class ManualClock : public FairClock {
  public:
    explicit ManualClock(TimeOfDay start) : now_(start) {}
    TimeOfDay now() const override { return now_; }
    void set(TimeOfDay now) { now_ = now; }
    void advance_minutes(int minutes) { now_ = now_.plus_minutes(minutes); }

  private:
    TimeOfDay now_;
};

// Refusals of the live day, with the message for the person at the screen.
// A day's action refused: a code and words in both languages, shown to the person as they are.
class LiveFairError : public std::runtime_error {
  public:
    LiveFairError(std::string code, const std::string& message_en, std::string message_vi)
        : std::runtime_error(message_en),
          code_(std::move(code)),
          message_vi_(std::move(message_vi)) {}

    const std::string& code() const { return code_; }
    const std::string& message_vi() const { return message_vi_; }

  private:
    std::string code_;
    std::string message_vi_;
};

struct CheckInResult {
    bool already_checked_in = false;
    std::vector<StoredInterview> interviews;  // the student's promised interviews, by start
};

struct CallResult {
    std::optional<StoredInterview> called;
    bool from_standby = false;
    // When nobody could be called: why, for programs and in words for the booth's staff.
    using Nobody = CallNobody;
    Nobody nobody = Nobody::none;
    std::string why_nobody;
    // The student in the way: the one still in the seat (seat_busy), the one it is held for
    // (seat_held), the one asked for (not_in_standby).
    std::optional<StudentId> nobody_student;

    void nobody_because(Nobody reason, std::string words,
                        std::optional<StudentId> student = std::nullopt) {
        nobody = reason;
        why_nobody = std::move(words);
        nobody_student = std::move(student);
    }
};

// StandbyBlock (why a student in a booth's standby queue cannot be called now), CallNobody and
// their codes: common/wire_codes.hpp.

// What a re-plan of the rest of the day would change among interviews not yet promised.
struct ReplanPreview {
    int kept = 0;     // planned interviews that stay as they are
    int moved = 0;    // planned interviews of a student at that booth, now at another time/seat
    int added = 0;    // new planned interviews
    int dropped = 0;  // planned interviews that would go
    int planned_after = 0;
};

struct WalkInResult {
    StudentId student;
    std::uint32_t ticket_number = 0;
    CheckInResult check_in;
};

class LiveFair {
  public:
    // Loads the stored fair; commitments (promised and later) become locked for the engine.
    LiveFair(Store& store, const FairClock& clock, double keep_weight = 0.5);

    // Minutes a called student has to reach the booth before staff may mark a no-show.
    void set_no_show_wait(int minutes) { no_show_wait_minutes_ = minutes; }

    // The student arrives: re-plan with them present from now on, then promise their interviews.
    // A repeated check-in returns the same interviews and changes nothing.
    CheckInResult check_in(const StudentId& student, std::string_view actor);
    // Several students arriving at once (kiosks queued behind each other): those whose planned
    // interviews still fit are promised them as they are, the others share one re-plan.
    // Results in the order given; an unknown student throws before anything changes.
    std::vector<CheckInResult> check_in_many(const std::vector<StudentId>& students,
                                             std::string_view actor);

    // "Call next" for a booth seat: the promised student of the current slot (or an earlier one)
    // when checked in and not busy elsewhere, otherwise the best student from the standby queue
    // (never into a slot the booth does not interview in).
    CallResult call_next(const BoothId& booth, int seat, std::string_view actor);
    // Booth staff pick one student from the booth's standby queue (a walk-in at the booth, say)
    // and call them into the seat now, as call_next does for the best one. Nobody is called,
    // with the reason in why_nobody, when the seat is busy or the student is not in standby.
    CallResult take_from_standby(const BoothId& booth, int seat, const StudentId& student,
                                 std::string_view actor);
    void start(InterviewId interview, std::string_view actor);
    void finish(InterviewId interview, InterviewOutcome outcome, const std::string& note,
                std::string_view actor);
    // The called student did not come: the seat is free for standby, and the pair is not
    // placed again by later re-plans.
    void no_show(InterviewId interview, std::string_view actor);

    // The called student is not at the booth yet: back to promised, keeping their place in the
    // booth's queue; the seat can call the next student meanwhile. When that is a standby
    // student, call_next moves the skipped promise to the booth's next free seat-slot first.
    void skip(InterviewId interview, std::string_view actor);
    // Calls the same student again (the board shows the call anew).
    void recall(InterviewId interview, std::string_view actor);

    // A student registers at a kiosk on the day and is checked in at once.
    WalkInResult register_walk_in(const Student& student, const Store::StudentDetails& details,
                                  const std::string& idempotency_key,
                                  const std::string& request_digest, std::string_view actor);

    // A checked-in student takes a booth they did not pick that has a free seat (the check-in
    // answer's and the phone's free_seats): it becomes their last preference, the rest of the
    // day is re-planned, and what the new plan gives them there is promised at once. Refused
    // (LiveFairError, nothing changed) for an unknown booth, a student not checked in or gone,
    // a booth they may not take (trade, level), one already picked, a paused or closed booth,
    // one with no seat free before they leave, a student at their interview limit, or one with
    // protocol::kMaxPicks booths already. With an idempotency key (the kiosk's), a retry of an
    // add that went through answers again with `repeated` set; the same key for another
    // student or booth is refused ("conflict"). Logs "student.booth_added".
    struct AddBoothResult {
        bool repeated = false;
        CheckInResult check_in;  // the student's commitments after the re-plan
    };
    AddBoothResult add_booth(const StudentId& student, const BoothId& booth,
                             const std::string& idempotency_key, std::string_view actor);

    // --- organizer actions: each stores the change, then re-plans what is not yet promised.
    void pause_booth(const BoothId& booth, std::string_view actor);
    void resume_booth(const BoothId& booth, std::string_view actor);
    void set_booth_close(const BoothId& booth, TimeOfDay close, std::string_view actor);
    int add_seat(const BoothId& booth, std::string_view actor);
    // Cancels an interview that is not over; the pair is not placed again.
    void cancel(InterviewId interview, const std::string& reason, std::string_view actor);
    std::vector<InterviewId> mark_left(const StudentId& student, std::string_view actor);
    // Moves a planned or promised interview to another booth, seat or time, when every rule of
    // the contract still holds with it there; refused with the rule that would break otherwise.
    void move(InterviewId interview, const BoothId& booth, int seat, TimeOfDay start,
              std::string_view actor);
    // A booth that has closed can no longer call: its promises still waiting are cancelled with
    // the reason "booth_closed", so every promise ends kept or cancelled. Cheap when nothing is
    // due; returns how many were cancelled.
    int cancel_promises_of_closed_booths(std::string_view actor);

    // What replan() would change, without changing anything.
    // Check-ins place arriving students into the plan as it stands; the full re-plan they
    // call for runs here, when the server has a quiet moment. Returns whether it ran.
    bool replan_if_due(std::string_view actor);
    bool replan_due() const { return replan_due_; }
    // A booth running late: each promise whose slot has ended without a call while its student
    // waited here, free, moves to the booth's first seat and slot from now that the student can
    // take (a planned interview there gives way, so it is called before standby), and the rest
    // of the day is re-planned around it. Promises that fit nowhere later stay due and are
    // called when a seat frees. Logs "interview.moved" for each. Returns how many.
    int shift_late_promises(std::string_view actor);
    ReplanPreview preview_replan();
    ReplanPreview replan(std::string_view actor);

    // Whether `student` (checked in, wanting `booth`, eligible there) can be called into it from
    // standby now (into `slot`; none: the current one), given the day's interviews `all`; the
    // first rule in the way, if not.
    StandbyBlock standby_block(const Student& student, const BoothId& booth,
                               const std::vector<StoredInterview>& all,
                               std::optional<int> slot = std::nullopt) const;

    // --- the student's own phone (docs/api.md "The student's own phone") -------------------
    // The student reports from their phone that they will be `minutes` late, or must step away
    // for `minutes` (1 to kMaxAbsenceMinutes): until then calls skip them (the seat calls the
    // next due student or standby) and booth queues show them away. Their promises keep their
    // slots; once a slot has passed, the rules for any late student apply (shift_late_promises,
    // a booth that closes). A new report replaces the last. Refused unless the student is checked
    // in, has not left, and is not being called or interviewed. Logs "student.running_late" /
    // "student.stepped_away".
    static constexpr int kMaxAbsenceMinutes = 60;
    Store::StudentAbsence report_running_late(const StudentId& student, int minutes,
                                              std::string_view actor);
    Store::StudentAbsence step_away(const StudentId& student, int minutes, std::string_view actor);
    // Back before the time they gave: calls take them again. False when they were not away.
    bool come_back(const StudentId& student, std::string_view actor);
    // The student's absence in force now (its `until` still ahead), if any.
    std::optional<Store::StudentAbsence> absence_now(const StudentId& student) const;

    const Fair& fair() const { return fair_; }
    bool is_paused(const BoothId& booth) const { return paused_.count(booth) > 0; }
    int replans() const { return replans_; }
    // How long interviews and walks to the booth take today (day_pace.hpp).
    const DayPace& pace() const { return pace_; }

  private:
    Store& store_;
    const FairClock& clock_;
    double keep_weight_;
    Fair fair_;
    alloc::AllocationModel model_;
    // Keeps the relaxation's network between re-plans, so one event repairs it
    // (docs/allocation.md).
    alloc::Replanner replanner_;
    int replans_ = 0;
    bool replan_due_ = false;
    std::map<BoothId, TimeOfDay> paused_;
    int no_show_wait_minutes_ = 0;
    // When each interview was last called, on the fair clock. Not kept across a restart: after
    // one, the wait is not enforced for calls made before it.
    std::map<InterviewId, TimeOfDay> called_at_;
    // Skipped students keep their promise but wait behind the other due students for a slot.
    std::map<InterviewId, TimeOfDay> skipped_at_;
    // Learnt from the calls, starts and finishes seen since this process started.
    DayPace pace_;
    // Absences reported from students' phones, as stored (loaded at start, kept in step).
    std::map<StudentId, Store::StudentAbsence> absences_;
    bool is_away(const StudentId& student) const { return absence_now(student).has_value(); }
    Store::StudentAbsence report_absence(const StudentId& student, Store::AbsenceKind kind,
                                         int minutes, std::string_view actor);

    // Builds the engine's model from the store: after loading, and after changes of the
    // fair's shape (a walk-in, a booth's hours or seats).
    void rebuild_model();
    // Re-plans interviews not yet promised from now on and saves the plan.
    alloc::AllocationResult replan_now(std::string_view actor);

    StoredInterview stored(InterviewId id) const;
    bool is_busy(const StudentId& student, const std::vector<StoredInterview>& all) const;
    // The best student of the booth's standby queue for `seat` in `slot` (or only `only`, when
    // given). `movable`: a promise in that seat-slot the caller will move out of the way, so it
    // does not hold the seat.
    std::optional<StoredInterview> standby_candidate(
        const BoothId& booth, int seat, int slot, const std::vector<StoredInterview>& all,
        CallResult& result, const StudentId* only = nullptr,
        std::optional<InterviewId> movable = std::nullopt) const;
    // The booth's first seat-slot from `first_slot` on that the promise's student can take: open,
    // inside their stay, clear of their other commitments (rule 2), held by no commitment. A
    // planned interview there gives way: its id goes into `planned_in_the_way`.
    std::optional<Interview> later_seat(const StoredInterview& promise, int first_slot,
                                        const std::vector<StoredInterview>& all,
                                        std::optional<InterviewId>& planned_in_the_way) const;
    // Moves the promise there (logs "interview.moved"), the planned interview in the way goes,
    // and the engine keeps the promise in its new place; a re-plan is due.
    void relocate_promise(const StoredInterview& promise, const Interview& to,
                          std::optional<InterviewId> planned_in_the_way,
                          const std::vector<StoredInterview>& all, std::string_view actor);
    // The slot a call into `seat` now fills: the current one, or, when the seat's interview of
    // the current slot is already over, the next open slot (its student is called early rather
    // than the seat standing empty).
    int call_slot(const BoothId& booth, int seat, const std::vector<StoredInterview>& all) const;
    // A start more than kEarliestEarlyCallMinutes away: too early to call its promise now.
    static bool too_early_to_call(TimeOfDay start, TimeOfDay now) {
        return start.minutes() - now.minutes() > protocol::kEarliestEarlyCallMinutes;
    }
    // The seat's promise of slot + 1 when it is too early to call it now, else none.
    std::optional<StoredInterview> next_promise_held_back(
        const BoothId& booth, int seat, int slot, const std::vector<StoredInterview>& all) const;
    // Calls the seat's promise of slot + 1 now, when its student is here and free, the slot is
    // at most protocol::kEarliestEarlyCallMinutes away and the seat-slot `slot` is free or was
    // given up by a skipped student who can move later.
    std::optional<StoredInterview> call_next_promise_early(
        const BoothId& booth, int seat, int slot, const std::vector<StoredInterview>& all,
        const std::map<StudentId, TimeOfDay>& check_ins,
        const std::vector<StoredInterview>& skipped_ones, std::string_view actor);
    // Calls a student promised now at another seat of the booth, busy with someone else, into
    // this seat, when this seat-slot is held by no commitment; their booth and time stay.
    std::optional<StoredInterview> call_promise_from_other_seat(
        const BoothId& booth, int seat, const std::vector<StoredInterview>& all,
        const std::map<StudentId, TimeOfDay>& check_ins, std::string_view actor);
    void check_seat(const BoothId& booth, int seat) const;
    // Each student's commitments, by start, into their result.
    std::vector<CheckInResult> finish_check_ins(const std::vector<StudentId>& students,
                                                std::vector<CheckInResult> results) const;
    bool seat_is_busy(const BoothId& booth, int seat, const std::vector<StoredInterview>& all,
                      CallResult& result) const;
    void call_from_standby(const Interview& interview, std::string_view actor, CallResult& result);
    int current_slot() const;
};

}  // namespace jobfair
