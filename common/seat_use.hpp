// How well the day used seat-slots that were freed: a called student who did not come (no-show),
// one sent back to wait (skip), an interview that ended well before its slot did. Issue 16's
// target: at least 90% of the seat-slots freed before the last hour are used by another student.
//
// Read from what the server recorded: the audit log's interview events, each with the fair time
// it happened at, and the interviews as stored (for their seat and slot). The audit log's own
// `at` is the server's wall clock; callers give each event its fair time (the simulator: the
// simulated minute in which it read the event; a real fair: `at` in local time).
//
// The rules, per seat of a booth:
//   - freed: at time t before the last hour of the day (t < day_end - last_hour_minutes),
//     * a no-show or a skip in the seat frees the rest of the slot under way at t, when at
//       least min_free_minutes of it are left;
//     * an interview finished at t frees the rest of its own slot when at least
//       min_free_minutes of it are left (a minute or two is only the change of students);
//     * a seat-slot is freed once: while it is freed and not refilled, a later miss in the same
//       seat and slot (a student called early into it) adds nothing.
//   - refilled: another student is called into the same seat at or after t and before that
//     slot ends, and their interview starts (a call that ends in a no-show refills nothing).
//     Who it is does not matter: a standby student, or a promised one called early.
//   - taken back: no one else was started in it, and the student who was skipped (or missed)
//     came back and started in the same seat before the slot ended. The seat was not idle, but
//     it is no refill either: counted apart, never in `refilled`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/fair.hpp"
#include "common/store.hpp"
#include "common/time_of_day.hpp"

namespace jobfair {

struct TimedEvent {
    TimeOfDay at;  // fair time
    EventRecord event;
};

struct FreedSeatSlotRules {
    int last_hour_minutes = 60;  // freed this close to the day's end: not counted
    int min_free_minutes = 5;    // freed with less of the slot left than this: not counted
};

// A freed seat-slot nobody else used: where, when, and why it was freed.
struct UnusedSeatSlot {
    std::string booth;
    int seat = 0;
    TimeOfDay freed_at;
    TimeOfDay slot_end;
    std::string why;
    StudentId freed_by;  // the student who missed, was skipped or finished early
};

struct FreedSeatSlots {
    int freed = 0;
    int refilled = 0;
    std::map<std::string, int> freed_by;       // "no_show", "skip", "ended_early"
    std::map<std::string, int> refilled_by;    // the same keys
    int taken_back = 0;                        // see "taken back" above
    std::vector<UnusedSeatSlot> not_refilled;  // neither refilled nor taken back; by seat, time
    // "freed seat-slots refilled: 93 of 120 (77.5%)"
    std::string line() const;
};

FreedSeatSlots count_freed_seat_slots(const FairSettings& settings,
                                      const std::vector<StoredInterview>& interviews,
                                      const std::vector<TimedEvent>& events,
                                      const FreedSeatSlotRules& rules = {});

}  // namespace jobfair
