// The steps between a relaxation and a plan, shared by allocate() and the Replanner: the
// previous plan indexed for minimum change, the repair of rule 2 and the fill of free seats, the
// idle pass and the choice of seats. Internal to the engine.
#pragma once

#include <chrono>
#include <optional>
#include <utility>
#include <vector>

#include "scheduler/engine/allocation_model.hpp"
#include "scheduler/engine/allocator.hpp"
#include "scheduler/engine/candidates.hpp"

namespace jobfair::alloc {

using Deadline = std::optional<std::chrono::steady_clock::time_point>;

// `seconds` after `started`, or none when seconds is 0 (no time limit).
inline Deadline deadline_after(std::chrono::steady_clock::time_point started, double seconds) {
    if (seconds <= 0) return std::nullopt;
    return started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                         std::chrono::duration<double>(seconds));
}

// Interviews of the previous plan, by (student, booth, slot), for minimum change. Built once or
// twice per re-plan from about a thousand interviews: a student's few interviews lie together in
// one array (no hash map, no allocation per interview), searched in the plan's order, so the
// first interview of a repeated key answers, as before.
class PlanIndex {
  public:
    PlanIndex(const AllocationModel& model, const std::vector<Placement>& plan);
    // The previous plan's slot for a pair (a plan meets a booth once per student).
    std::optional<int> slot_of(int student, int booth) const;
    bool contains(int student, int booth, int slot) const;
    std::optional<int> seat_of(const Placement& p) const;

  private:
    struct Entry {
        int booth, slot, seat;
    };
    std::vector<int> first_;  // per student, and one past the last: where its entries begin
    std::vector<Entry> entries_;
    // The student's entries, or none for a student the plan does not name.
    std::pair<const Entry*, const Entry*> of(int student) const {
        if (student < 0 || size_t(student) + 1 >= first_.size()) return {nullptr, nullptr};
        return {entries_.data() + first_[size_t(student)],
                entries_.data() + first_[size_t(student) + 1]};
    }
};

// Per student: 1 when a locked interview already earns them the coverage weight.
std::vector<char> covered_by_locked_interviews(const AllocationModel& model);

struct RepairOutcome {
    std::vector<Placement> planned;
    int repaired_collisions = 0;  // relaxation interviews that needed moving
    bool out_of_time = false;
};

// Turns the relaxation's interviews into a schedule next to `taken` (the locked interviews):
// repairs rule 2, then fills free seats (uncovered students first).
RepairOutcome repair_and_fill(const AllocationModel& model, Occupancy& taken,
                              const PlanIndex& previous, Deadline deadline,
                              std::vector<Placement> relaxed);

// The plan as it stands (what is still possible of it) with `students` placed into free seats
// or by moving one planned interview aside within its booth.
std::vector<Placement> keep_and_place(const AllocationModel& model,
                                      const std::vector<int>& students);

// Seats: locked interviews hold theirs; planned ones keep their previous seat when it is free.
void assign_seats(const AllocationModel& model, const PlanIndex& previous,
                  const std::vector<Placement>& locked, std::vector<Placement>& planned);

// Fills `result` from its locked and planned interviews: the idle pass (when asked; kept
// interviews of the previous plan stay where they are), seats, score, idle and the counts.
void complete_result(const AllocationModel& model, const AllocateOptions& options,
                     const PlanIndex& previous, Deadline deadline, AllocationResult& result);

}  // namespace jobfair::alloc
