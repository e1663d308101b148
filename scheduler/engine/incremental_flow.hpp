// A min-cost flow that stays optimal across small changes, for the live re-plan.
//
// LEMON's network simplex solves a network from scratch in milliseconds, but a fair's morning
// changes it one event at a time: a seat freed, a student gone, a pair blocked. Here the flow and
// its node potentials (the dual solution) are kept; a change to arcs or supplies breaks
// optimality only around the arcs it touches, and successive shortest paths (Dijkstra on reduced
// costs, which the potentials keep non-negative, searched from both ends) push the few displaced
// units back to an optimum.
// `solve_from_scratch` hands the whole network to LEMON and takes its flow and potentials over.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "scheduler/engine/radix_heap.hpp"

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
    int arc_count() const { return int(arcs_.size()); }
    int flow(int arc) const { return arcs_[size_t(arc)].flow; }
    int capacity(int arc) const { return arcs_[size_t(arc)].capacity; }
    long long cost(int arc) const { return arcs_[size_t(arc)].cost; }
    long long total_cost() const;
    // Units routed by the last restore_optimality (0 when nothing needed moving).
    long long last_augmented_units() const { return augmented_units_; }
    // Shortest-path phases (Dijkstra, then the paths of reduced cost 0) of the last restore.
    int last_phases() const { return phases_; }
    // Of those, the phases whose search went on in two threads.
    int last_parallel_phases() const { return parallel_phases_; }
    // Checks flow conservation, capacities and the reduced costs (test and debug aid).
    bool is_optimal() const;

  private:
    // One record per arc: a search reads all of it at once, so it is one cache line, not five.
    struct Arc {
        int tail, head, capacity, flow;
        long long cost;
    };
    std::vector<Arc> arcs_;
    std::vector<long long> supply_, potential_;
    std::vector<std::vector<int>> out_, in_;  // arc ids per node
    std::vector<int> touched_;                // arcs changed since the last restore
    std::vector<char> is_touched_;
    long long augmented_units_ = 0;
    int phases_ = 0;
    int parallel_phases_ = 0;
    // One side of a phase's shortest-path search: from the excesses (forward) or from the
    // deficits against the arcs' direction (backward). Its per-node buffers are kept between
    // restores and reset through `visited`, so a phase costs what it explores, not the network.
    struct Search {
        explicit Search(bool forward) : forward(forward) {}
        bool forward;
        std::vector<long long> distance;  // per node; kUnreached until reached
        std::vector<char> done;
        std::vector<int> visited;  // the nodes whose distance or done is set
        RadixHeap heap;
        long long reach = -1;         // distance of the nearest target, -1 until one is settled
        long long found = 0;          // units the settled targets can take
        long long wanted = 0;         // units the search started from
        long long work = 0;           // heap entries and arcs looked at
        long long work_to_reach = 0;  // the work when the nearest target was settled
    };
    enum class Step { searching, finished, exhausted };
    Search forward_{true}, backward_{false};
    std::vector<long long> excess_;
    std::vector<char> dead_, on_path_;
    // The nodes this phase's Dijkstra settled: the only ones its blocking flow may pass through.
    std::vector<char> settled_;
    std::vector<int> settled_nodes_;
    std::vector<size_t> current_;
    std::vector<int> searched_, sources_, deficits_, path_, via_;

    long long reduced_cost(int arc) const {
        return arcs_[size_t(arc)].cost + potential_[size_t(arcs_[size_t(arc)].tail)] -
               potential_[size_t(arcs_[size_t(arc)].head)];
    }
    void touch(int arc);
    // Sends the excess of `sources_` (ascending) to deficits along paths of reduced cost 0 through
    // settled nodes; returns the units moved.
    long long augment_admissible();
    void start_search(Search& search, const std::vector<int>& from);
    // Runs both searches until one finishes; null when no deficit can be reached.
    Search* race();
    // Settles one node; `finished` once the nearest targets are settled.
    Step step(Search& search);
    // Moves the potentials of the nodes `search` settled and marks them for augment_admissible.
    void settle(const Search& search);
    void end_search(Search& search);
    // The per-node buffers sized to the network (new nodes start unreached, not done, not dead).
    void size_buffers();
};

}  // namespace jobfair::alloc
