// A min-cost flow that stays optimal across small changes, for the live re-plan.
//
// LEMON's network simplex solves a network from scratch in milliseconds, but a fair's morning
// changes it one event at a time: a seat freed, a student gone, a pair blocked. Here the flow and
// its node potentials (the dual solution) are kept; a change to arcs or supplies breaks
// optimality only around the arcs it touches, and successive shortest paths (Dijkstra on reduced
// costs, which the potentials keep non-negative) push the few displaced units back to an optimum.
// `solve_from_scratch` hands the whole network to LEMON and takes its flow and potentials over.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace jobfair::alloc {

using std::size_t;

class IncrementalFlow {
  public:
    int add_node();
    // A new arc starts with capacity 0 and cost 0; set it with set_arc.
    int add_arc(int from, int to);
    // Changes one arc. Optimality is restored by restore_optimality(), not here.
    void set_arc(int arc, int capacity, long long cost);
    // Adds `amount` to the supply of `node` (negative: demand).
    void add_supply(int node, long long amount);

    // Optimal flow of the whole network by LEMON's network simplex; false when infeasible.
    bool solve_from_scratch();
    // After changes: saturates or empties the arcs whose reduced cost says so, then routes every
    // unit of excess to a deficit along shortest paths. False when some excess cannot reach a
    // deficit (the network became infeasible); the caller then rebuilds.
    bool restore_optimality();

    // Arcs changed since the last solve or restore.
    int pending_changes() const { return int(touched_.size()); }
    int node_count() const { return int(supply_.size()); }
    int arc_count() const { return int(head_.size()); }
    int flow(int arc) const { return flow_[size_t(arc)]; }
    int capacity(int arc) const { return capacity_[size_t(arc)]; }
    long long cost(int arc) const { return cost_[size_t(arc)]; }
    long long total_cost() const;
    // Units routed by the last restore_optimality (0 when nothing needed moving).
    long long last_augmented_units() const { return augmented_units_; }
    // Shortest-path phases (Dijkstra, then the paths of reduced cost 0) of the last restore.
    int last_phases() const { return phases_; }
    // Checks flow conservation, capacities and the reduced costs (test and debug aid).
    bool is_optimal() const;

  private:
    std::vector<int> tail_, head_, capacity_, flow_;
    std::vector<long long> cost_;
    std::vector<long long> supply_, potential_;
    std::vector<std::vector<int>> out_, in_;  // arc ids per node
    std::vector<int> touched_;                // arcs changed since the last restore
    std::vector<char> is_touched_;
    long long augmented_units_ = 0;
    int phases_ = 0;
    // Kept between restores so a Dijkstra phase costs what it explores, not the whole network:
    // per node, reset through the lists of the nodes each phase touched.
    std::vector<long long> excess_, distance_;
    std::vector<char> done_, dead_, on_path_;
    std::vector<size_t> current_;
    std::vector<int> visited_, searched_, sources_, path_, via_;
    std::vector<std::pair<long long, int>> heap_;

    long long reduced_cost(int arc) const {
        return cost_[size_t(arc)] + potential_[size_t(tail_[size_t(arc)])] -
               potential_[size_t(head_[size_t(arc)])];
    }
    void touch(int arc);
    // Sends the excess of `sources_` (ascending) to deficits along paths of reduced cost 0;
    // returns the units moved and lowers `deficits` by the deficits it fills.
    long long augment_admissible(int& deficits);
    // The per-node buffers sized to the network (new nodes start unreached, not done, not dead).
    void size_buffers();
};

}  // namespace jobfair::alloc
