// The steps between a relaxation and a plan, shared by allocate() and the Replanner: the
// previous plan indexed for minimum change, the repair of rule 2 and the fill of free seats, the
// idle pass and the choice of seats. Internal to the engine.
#pragma once

#include <chrono>
#include <optional>
#include <unordered_map>
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

// Interviews of the previous plan, by (student, booth, slot), for minimum change.
class PlanIndex {
  public:
    PlanIndex(const AllocationModel& model, const std::vector<Placement>& plan)
        : booths_(static_cast<long long>(model.booths().size())), slots_(model.slot_count()) {
        for (const auto& p : plan) {
            seat_by_key_.emplace(key(p.student, p.booth, p.slot), p.seat);
            slot_by_pair_.emplace(p.student * booths_ + p.booth, p.slot);
        }
    }
    // The previous plan's slot for a pair (a plan meets a booth once per student).
    std::optional<int> slot_of(int student, int booth) const {
        if (slot_by_pair_.empty()) return std::nullopt;
        auto it = slot_by_pair_.find(student * booths_ + booth);
        if (it == slot_by_pair_.end()) return std::nullopt;
        return it->second;
    }
    bool contains(int student, int booth, int slot) const {
        return seat_by_key_.count(key(student, booth, slot)) > 0;
    }
    std::optional<int> seat_of(const Placement& p) const {
        auto it = seat_by_key_.find(key(p.student, p.booth, p.slot));
        if (it == seat_by_key_.end()) return std::nullopt;
        return it->second;
    }

  private:
    long long booths_;
    long long slots_;
    std::unordered_map<long long, int> seat_by_key_;
    std::unordered_map<long long, int> slot_by_pair_;
    long long key(int student, int booth, int slot) const {
        return (student * booths_ + booth) * slots_ + slot;
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
