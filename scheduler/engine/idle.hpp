// The spec's second objective: total idle time, and a pass that lowers it without touching the
// score.
//
// For a covered student, idle = end of the last interview - arrive - slot_minutes x interviews.
// With the set of (student, booth) pairs fixed, the score is fixed too, and the idle of a student
// only depends on the slot of their last interview: lowering idle means ending each student's
// interviews as early as possible. reduce_idle re-times the interviews it may move and keeps the
// pairs, so it never gives up score.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "scheduler/engine/allocation_model.hpp"

namespace jobfair::alloc {

// Total idle in minutes over the students with at least one interview in `all`, counted from
// each student's arrival as the model knows it (the check-in during the day).
long long total_idle_minutes(const AllocationModel& model, const std::vector<Placement>& all);

struct IdleReduction {
    std::vector<Placement> movable;  // the movable interviews re-timed: same pairs, seat 0
    long long idle_minutes = 0;      // of fixed + movable after the pass
    // No schedule with the same pairs and the same fixed interviews has less idle: each student
    // alone, with booth seats ignored, cannot end earlier.
    long long lower_bound = 0;
    int moved = 0;  // movable interviews whose slot changed
    bool stopped_by_time_limit = false;
};

// Moves interviews of `movable` to other slots of the same booth (never another booth, never
// before "now" or outside the student's stay or the booth's hours), keeping rules 1-3 with the
// `fixed` interviews, which never move. Local search to a fixed point, deterministic:
//  - per booth, an exact min-cost assignment of its movable interviews to its free seat-slots,
//    each student's cost being the end of their last interview;
//  - per student, the best order and earliest free seat-slots for all their movable interviews.
// Each accepted step strictly lowers (sum of last slots, sum of all slots), so it terminates.
IdleReduction reduce_idle(const AllocationModel& model, const std::vector<Placement>& fixed,
                          std::vector<Placement> movable,
                          std::optional<std::chrono::steady_clock::time_point> deadline);

}  // namespace jobfair::alloc
