// The fair on the day: check-ins, calls, interviews and their outcomes, kept in the store and
// re-planned by the engine. The fair server (HTTP) is a thin layer over this class, so every rule
// of the live day is here and tested without a network.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/store.hpp"
#include "scheduler/allocator.hpp"

namespace jobfair {

// Time of day on the fair's day, read through an interface so tests and simulations can run a
// morning faster than real time.
class FairClock {
  public:
    virtual ~FairClock() = default;
    virtual TimeOfDay now() const = 0;
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
class LiveFairError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct CheckInResult {
    bool already_checked_in = false;
    std::vector<StoredInterview> interviews;  // the student's promised interviews, by start
};

struct CallResult {
    std::optional<StoredInterview> called;
    bool from_standby = false;
    std::string why_nobody;  // when nobody could be called: what the booth is waiting for
};

class LiveFair {
  public:
    // Loads the stored fair; commitments (promised and later) become locked for the engine.
    LiveFair(Store& store, const FairClock& clock, double keep_weight = 0.5);

    // The student arrives: re-plan with them present from now on, then promise their interviews.
    // A repeated check-in returns the same interviews and changes nothing.
    CheckInResult check_in(const StudentId& student, std::string_view actor);

    // "Call next" for a booth seat: the promised student of the current slot (or an earlier one)
    // when checked in and not busy elsewhere, otherwise the best student from the standby queue.
    CallResult call_next(const BoothId& booth, int seat, std::string_view actor);
    void start(InterviewId interview, std::string_view actor);
    // outcome: offer, internship, next_round or not_suitable.
    void finish(InterviewId interview, const std::string& outcome, const std::string& note,
                std::string_view actor);
    // The called student did not come: the seat is free for standby, and the pair is not
    // placed again by later re-plans.
    void no_show(InterviewId interview, std::string_view actor);

    const Fair& fair() const { return fair_; }
    int replans() const { return replans_; }

  private:
    Store& store_;
    const FairClock& clock_;
    double keep_weight_;
    Fair fair_;
    alloc::AllocationModel model_;
    int replans_ = 0;

    StoredInterview stored(InterviewId id) const;
    bool is_busy(const StudentId& student, const std::vector<StoredInterview>& all) const;
    std::optional<StoredInterview> standby_candidate(const BoothId& booth, int seat,
                                                     const std::vector<StoredInterview>& all,
                                                     std::string& why_nobody) const;
    int current_slot() const;
};

}  // namespace jobfair
