// The allocation engine: assigns interviews to booth seats and slots for the whole fair.
//
// How it works (docs/allocation.md has the long form):
//  1. Relaxation. Every hard constraint of the spec except "a student has at most one interview
//     per slot, with the gap between two" is a network-flow constraint, and the objective
//     (1000 per covered student, then preference points) is a concave gain per student. So a
//     min-cost flow (LEMON's network simplex) solves that relaxation exactly; its optimum is a
//     valid upper bound on the score and usually almost a schedule already.
//  2. Repair. Interviews of one student that collide in time are moved to another slot of the same
//     booth, swapped with another student's slot there, or dropped (the least valuable first).
//  3. Fill. Free seats go to uncovered students first (moving one interview aside if that makes
//     room), then to further preferences.
// The result is checked against the bound: when they meet, the schedule is proven optimal.
#pragma once

#include <vector>

#include "scheduler/engine/allocation_model.hpp"

namespace jobfair::alloc {

struct AllocateOptions {
    // Minimum change as a secondary aim when > 0: among plans of the best score, the one that
    // keeps the most interviews of the previous plan (same student, booth and slot), strictly
    // before idle time. The score always comes first, whatever the value; 0 ignores the previous
    // plan.
    double keep_weight = 0.0;
    // Compute the upper bound even when keep_weight > 0 (costs a second flow solve).
    bool compute_bound = true;
    // Wall-clock budget for the repair and fill passes (0: none). The flow solve itself is not
    // interrupted; it takes under a second even for 24,000 students.
    double time_limit_seconds = 0.0;
    // Second objective: re-time the new interviews (same pairs, so the same score) to lower the
    // students' total idle time. Interviews kept from the previous plan (when keep_weight > 0)
    // stay where they are: a change to what a student was told weighs more than idle.
    bool reduce_idle = true;
};

struct AllocationResult {
    std::vector<Placement> locked;   // kept exactly, as given
    std::vector<Placement> planned;  // new plan for everything not locked
    long long score = 0;             // of locked + planned, by the spec's objective
    long long upper_bound = -1;      // valid bound on the best score; -1 when not computed
    int covered_students = 0;
    int interviews = 0;
    long long usable_seat_slots = 0;  // seats x open slots over all booths
    int kept_from_previous = 0;       // previous planned interviews kept exactly
    int moved_from_previous = 0;      // previous planned interviews changed or dropped
    int repaired_collisions = 0;      // relaxation interviews that needed moving
    long long idle_minutes = 0;  // total idle of locked + planned (the spec's second objective)
    // No schedule with the same (student, booth) pairs, locked and kept interviews has less idle;
    // -1 when the idle pass did not run.
    long long idle_lower_bound = -1;
    int idle_moves = 0;  // interviews the idle pass re-timed
    double seconds = 0.0;
    bool stopped_by_time_limit = false;
    std::vector<BrokenPromise> broken_promises;

    bool proven_optimal() const { return upper_bound >= 0 && score == upper_bound; }
    // Relative gap to the bound (0 when proven optimal), or -1 without a bound.
    double gap() const;
    std::vector<Placement> all() const;
};

// Deterministic: the same model gives the same result on every run.
AllocationResult allocate(const AllocationModel& model, const AllocateOptions& options = {});

// Students arriving during a burst, placed without solving again: the current plan stays (what
// is still possible of it) and each of `students` gets their best preferences where a seat is
// free, or where moving one planned interview aside within its booth makes room. Returns the
// new plan for everything not locked. Takes well under a millisecond, where allocate() takes
// about 10 ms at 30 booths; the fair server re-plans in full in the background afterwards.
std::vector<Placement> place_students(const AllocationModel& model,
                                      const std::vector<int>& students);

// Score of a set of placements by the spec's objective (unknown preferences earn nothing).
long long score_of_placements(const AllocationModel& model, const std::vector<Placement>& all);

}  // namespace jobfair::alloc
