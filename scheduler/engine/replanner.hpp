// The live re-plan: after one event of the fair floor the plan is repaired, not rebuilt.
//
// allocate() builds the relaxation's network and solves it from scratch every time. The
// Replanner keeps that network and its optimal flow (IncrementalFlow) from one re-plan to the
// next: each call lists the network the model implies now, changes only the arcs that differ,
// and restores optimality along a few shortest paths. Its costs have the live order: promises
// are locked (hard), then the score, then the interviews kept from the previous plan, then the
// earliest seats (a slot's index, so a rebuild and a repair fill the same near seats); idle time
// comes last, from the idle pass on the interviews that moved. Repair, fill, idle pass and seats
// are allocate()'s own (plan_repair.hpp).
//
// The network is rebuilt (solved from scratch by LEMON) on the first call, when booths or slots
// change, when the minimum-change weight needs room, and when the changes are too many for a
// repair to pay (the clock moving into a new slot changes most students' possible slots). A
// walk-in, appended after the students already in it, is repaired like any other event.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "scheduler/engine/allocation_model.hpp"
#include "scheduler/engine/allocator.hpp"
#include "scheduler/engine/candidates.hpp"
#include "scheduler/engine/incremental_flow.hpp"

namespace jobfair::alloc {

class Replanner {
  public:
    // `options.keep_weight > 0` keeps the previous plan's interviews where the score allows;
    // `reduce_idle` runs the idle pass; the bound is always computed (it comes free).
    explicit Replanner(AllocateOptions options = {});

    // The plan for `model` (its planned() is the previous plan). Deterministic for the same
    // sequence of models.
    AllocationResult replan(const AllocationModel& model);

    struct Counts {
        int repaired = 0;  // re-plans that repaired the kept network
        int rebuilt = 0;   // re-plans that solved it from scratch
    };
    const Counts& counts() const { return counts_; }
    bool last_was_repair() const { return last_was_repair_; }
    // Arcs changed and flow units re-routed by the last repair.
    int last_changed_arcs() const { return last_changed_arcs_; }
    long long last_rerouted_units() const { return flow_.last_augmented_units(); }
    int last_phases() const { return flow_.last_phases(); }
    int last_parallel_phases() const { return flow_.last_parallel_phases(); }
    // The same for the second network (without minimum change) when the last re-plan asked it.
    const Replanner* second_opinion() const {
        return asked_second_ ? without_keep_.get() : nullptr;
    }

  private:
    struct Hub {
        int booth = -1;
        int node = -1;
        std::vector<int> slots;
        std::vector<int> arcs;  // hub -> booth-slot, in slot order
        int round = 0;          // the last describe() that used it
    };
    struct Pair {
        int student = -1;
        int booth = -1;
        int rank = 0;
        int hub = -1;
        int hub_arc = -1;
        int keep_arc = -1;
        int keep_slot = -1;
    };

    // What both networks (with and without minimum change) read from the model, worked out once
    // per re-plan.
    struct Inputs;  // replanner.cpp
    AllocationResult replan(const AllocationModel& model, const Inputs& inputs);

    AllocateOptions options_;
    IncrementalFlow flow_;
    CandidateSet candidates_kept_;  // the last re-plan's list, refilled by the next
    // The same network without minimum change, for a second opinion when the repair falls short
    // of the bound (created on first need).
    std::unique_ptr<Replanner> without_keep_;
    bool built_ = false;
    bool last_was_repair_ = false;
    bool asked_second_ = false;
    int last_changed_arcs_ = 0;
    long long gap_second_lost_ = 0;  // the gap to the bound a second opinion last failed to close
    Counts counts_;
    // What the network was built for; a change to any of these rebuilds it.
    size_t students_ = 0, booths_ = 0;
    std::vector<StudentId> student_ids_;  // in the model's order: a walk-in comes after them
    int slots_ = 0;
    long long slot_unit_ = 1;  // cost of one slot later (0: the fair is too large for the tier)
    long long keep_ = 0;       // worth of keeping one interview: more than all slot costs
    long long point_ = 0;      // cost of one preference point: more than all kept interviews
    long long supply_ = 0;
    // The network's nodes and arcs by what they stand for.
    int source_ = -1, sink_ = -1;
    std::vector<int> student_node_, booth_node_, slot_node_;
    struct PairArcs {  // one (student, booth) pair's node and the arcs leaving it
        int booth = -1;
        int node = -1;
        int pair_arc = -1;                           // student -> pair
        std::vector<std::pair<int, int>> hub_arcs;   // (hub, pair -> hub)
        std::vector<std::pair<int, int>> keep_arcs;  // (slot, pair -> booth-slot)
        // What the last re-plan used, read without the lists above (each a cache miss at x10):
        int last_hub = -1, last_hub_arc = -1;
        std::uint64_t last_window = 0;  // last_hub's slots as bits, when the day has at most 64
        int last_keep_slot = -1, last_keep_arc = -1;
    };
    std::vector<std::vector<PairArcs>> pairs_of_student_;
    std::vector<int> cover_arc_, extra_arc_;  // per student
    std::vector<int> booth_arc_, slot_arc_;   // booth -> sink; booth-slot -> booth
    int bypass_arc_ = -1;
    std::map<std::pair<int, std::vector<int>>, int> hub_by_window_;
    std::vector<Hub> hubs_;
    std::vector<int> seen_in_round_;  // per arc: the last describe() that set it
    int round_ = 0;
    int dead_arcs_ = 0;

    // Walk-ins appended to the model since the network was built get their student entries and
    // supply; false when the model is not the old one plus students at its end, or when their
    // supply would change the weight of a preference point (then the network is rebuilt).
    bool extend_students(const AllocationModel& model);
    void reset(const AllocationModel& model);
    void weigh_tiers();  // keep_ and point_ for supply_ and slots_
    int node(int& slot);
    // Sets the arc in `arc` (created on first use) and marks it as part of this round's network.
    void set(int& arc, int from, int to, int capacity, long long cost);
    int hub_for(const AllocationModel& model, int booth, const std::vector<int>& slots);
    int hub_for_known(const AllocationModel& model, int index);
    std::vector<Pair> describe(const AllocationModel& model, const Inputs& inputs);
};

}  // namespace jobfair::alloc
