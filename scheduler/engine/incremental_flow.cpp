#include "scheduler/engine/incremental_flow.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

namespace jobfair::alloc {

int IncrementalFlow::add_node() {
    supply_.push_back(0);
    potential_.push_back(0);
    out_.emplace_back();
    in_.emplace_back();
    return int(supply_.size()) - 1;
}

int IncrementalFlow::add_arc(int from, int to) {
    const int arc = int(head_.size());
    tail_.push_back(from);
    head_.push_back(to);
    capacity_.push_back(0);
    flow_.push_back(0);
    cost_.push_back(0);
    is_touched_.push_back(0);
    out_[size_t(from)].push_back(arc);
    in_[size_t(to)].push_back(arc);
    return arc;
}

void IncrementalFlow::touch(int arc) {
    if (!is_touched_[size_t(arc)]) {
        is_touched_[size_t(arc)] = 1;
        touched_.push_back(arc);
    }
}

void IncrementalFlow::set_arc(int arc, int capacity, long long cost) {
    if (capacity_[size_t(arc)] == capacity && cost_[size_t(arc)] == cost) return;
    capacity_[size_t(arc)] = capacity;
    cost_[size_t(arc)] = cost;
    touch(arc);
}

void IncrementalFlow::add_supply(int node, long long amount) {
    supply_[size_t(node)] += amount;
}

long long IncrementalFlow::total_cost() const {
    long long total = 0;
    for (size_t a = 0; a < head_.size(); ++a)
        total += cost_[a] * flow_[a];
    return total;
}

bool IncrementalFlow::solve_from_scratch() {
    using Graph = lemon::SmartDigraph;
    Graph graph;
    graph.reserveNode(int(supply_.size()));
    graph.reserveArc(int(head_.size()));
    std::vector<Graph::Node> nodes;
    for (size_t v = 0; v < supply_.size(); ++v)
        nodes.push_back(graph.addNode());
    Graph::ArcMap<int> upper(graph);
    Graph::ArcMap<long long> cost(graph);
    Graph::NodeMap<int> supply(graph);
    for (size_t a = 0; a < head_.size(); ++a) {
        const Graph::Arc arc = graph.addArc(nodes[size_t(tail_[a])], nodes[size_t(head_[a])]);
        upper[arc] = capacity_[a];
        cost[arc] = cost_[a];
    }
    for (size_t v = 0; v < supply_.size(); ++v)
        supply[nodes[v]] = int(supply_[v]);
    lemon::NetworkSimplex<Graph, int, long long> simplex(graph);
    simplex.upperMap(upper).costMap(cost).supplyMap(supply);
    if (simplex.run() != lemon::NetworkSimplex<Graph, int, long long>::OPTIMAL) return false;
    for (size_t a = 0; a < head_.size(); ++a)
        flow_[a] = simplex.flow(Graph::arcFromId(int(a)));
    for (size_t v = 0; v < supply_.size(); ++v)
        potential_[v] = simplex.potential(nodes[v]);
    for (int arc : touched_)
        is_touched_[size_t(arc)] = 0;
    touched_.clear();
    augmented_units_ = 0;
    return true;
}

bool IncrementalFlow::restore_optimality() {
    const size_t nodes = supply_.size();
    std::vector<long long> excess(supply_);
    for (size_t a = 0; a < head_.size(); ++a) {
        excess[size_t(tail_[a])] -= flow_[a];
        excess[size_t(head_[a])] += flow_[a];
    }
    auto change_flow = [&](int arc, int delta) {
        flow_[size_t(arc)] += delta;
        excess[size_t(tail_[size_t(arc)])] -= delta;
        excess[size_t(head_[size_t(arc)])] += delta;
    };
    // Complementary slackness on the changed arcs: an arc cheaper than its ends' potentials say is
    // full, a dearer one empty. Every other arc kept it from the last optimum.
    for (int arc : touched_) {
        is_touched_[size_t(arc)] = 0;
        const int cap = capacity_[size_t(arc)];
        int& flow = flow_[size_t(arc)];
        if (flow > cap) change_flow(arc, cap - flow);
        const long long rc = reduced_cost(arc);
        if (rc < 0 && flow < cap) change_flow(arc, cap - flow);
        if (rc > 0 && flow > 0) change_flow(arc, -flow);
    }
    touched_.clear();
    augmented_units_ = 0;

    // Primal-dual phases: Dijkstra from every node with excess until every deficit is reached,
    // potentials moved by the distances, then flow pushed along paths of reduced cost 0.
    constexpr long long kUnreached = std::numeric_limits<long long>::max();
    std::vector<long long> distance(nodes, kUnreached);
    std::vector<char> done(nodes, 0);
    std::vector<int> visited;
    using Entry = std::pair<long long, int>;
    for (;;) {
        std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
        int deficits = 0;
        for (size_t v = 0; v < nodes; ++v) {
            if (excess[v] > 0) {
                distance[v] = 0;
                visited.push_back(int(v));
                queue.push({0, int(v)});
            } else if (excess[v] < 0) {
                ++deficits;
            }
        }
        if (queue.empty()) break;
        long long reach = -1;  // distance of the nearest deficit
        while (!queue.empty() && deficits > 0) {
            const auto [d, u] = queue.top();
            queue.pop();
            if (done[size_t(u)] || d != distance[size_t(u)]) continue;
            done[size_t(u)] = 1;
            if (excess[size_t(u)] < 0) {
                // The nearest deficit: farther ones get their own phase, so a phase explores only
                // what is nearer than its target.
                reach = d;
                break;
            }
            auto relax = [&](int to, long long rc) {
                const long long through = d + rc;
                if (through < distance[size_t(to)]) {
                    if (distance[size_t(to)] == kUnreached) visited.push_back(to);
                    distance[size_t(to)] = through;
                    queue.push({through, to});
                }
            };
            for (int arc : out_[size_t(u)]) {
                if (flow_[size_t(arc)] < capacity_[size_t(arc)]) {
                    relax(head_[size_t(arc)], reduced_cost(arc));
                }
            }
            for (int arc : in_[size_t(u)]) {
                if (flow_[size_t(arc)] > 0) relax(tail_[size_t(arc)], -reduced_cost(arc));
            }
        }
        // Potentials follow the distances, capped at the nearest deficit's, so every residual arc
        // keeps a non-negative reduced cost and the shortest paths get reduced cost 0.
        for (int v : visited) {
            if (reach >= 0 && done[size_t(v)] && distance[size_t(v)] < reach) {
                potential_[size_t(v)] -= reach - distance[size_t(v)];
            }
            distance[size_t(v)] = kUnreached;
            done[size_t(v)] = 0;
        }
        visited.clear();
        if (reach < 0) return false;  // no deficit reachable from the excess
        const long long moved = augment_admissible(excess);
        if (moved == 0) return false;  // cannot happen with valid potentials; never loop forever
        augmented_units_ += moved;
    }
    for (long long e : excess) {
        if (e != 0) return false;
    }
    return true;
}

long long IncrementalFlow::augment_admissible(std::vector<long long>& excess) {
    // Depth-first over residual arcs of reduced cost 0 (Dinic's blocking flow): every such path is
    // a shortest path, so sending flow along it keeps the potentials valid. Each node keeps its
    // current arc through the phase and a node that leads nowhere is not searched again, so a
    // phase costs about one pass over the arcs; the next Dijkstra finds what this misses.
    const size_t nodes = supply_.size();
    std::vector<char> dead(nodes, 0), on_path(nodes, 0);
    std::vector<size_t> current(nodes, 0);
    auto residual_step = [&](int u, size_t i, int& to, int& arc) {
        const auto& outs = out_[size_t(u)];
        if (i < outs.size()) {
            arc = outs[i];
            to = head_[size_t(arc)];
            return flow_[size_t(arc)] < capacity_[size_t(arc)] && reduced_cost(arc) == 0;
        }
        arc = in_[size_t(u)][i - outs.size()];
        to = tail_[size_t(arc)];
        return flow_[size_t(arc)] > 0 && reduced_cost(arc) == 0;
    };
    long long moved = 0;
    std::vector<int> path, via;  // nodes, and the arc that entered each (via[0] unused)
    for (size_t origin = 0; origin < nodes; ++origin) {
        while (excess[origin] > 0 && !dead[origin]) {
            path.assign(1, int(origin));
            via.assign(1, -1);
            on_path[origin] = 1;
            int target = -1;
            while (!path.empty() && target < 0) {
                const int u = path.back();
                const size_t arcs = out_[size_t(u)].size() + in_[size_t(u)].size();
                int to = -1, arc = -1;
                bool advanced = false;
                for (; current[size_t(u)] < arcs; ++current[size_t(u)]) {
                    if (residual_step(u, current[size_t(u)], to, arc) && !dead[size_t(to)] &&
                        !on_path[size_t(to)]) {
                        advanced = true;
                        break;
                    }
                }
                if (!advanced) {
                    dead[size_t(u)] = 1;
                    on_path[size_t(u)] = 0;
                    path.pop_back();
                    via.pop_back();
                    continue;
                }
                on_path[size_t(to)] = 1;
                path.push_back(to);
                via.push_back(arc);
                if (excess[size_t(to)] < 0) target = to;
            }
            if (target < 0) break;  // the origin itself turned out dead
            long long amount = std::min(excess[origin], -excess[size_t(target)]);
            for (size_t i = 1; i < path.size(); ++i) {
                const int arc = via[i];
                const bool forward = head_[size_t(arc)] == path[i];
                amount = std::min<long long>(
                    amount,
                    forward ? capacity_[size_t(arc)] - flow_[size_t(arc)] : flow_[size_t(arc)]);
            }
            for (size_t i = 1; i < path.size(); ++i) {
                const int arc = via[i];
                flow_[size_t(arc)] += head_[size_t(arc)] == path[i] ? int(amount) : -int(amount);
            }
            excess[origin] -= amount;
            excess[size_t(target)] += amount;
            moved += amount;
            for (int v : path)
                on_path[size_t(v)] = 0;
        }
    }
    return moved;
}

bool IncrementalFlow::is_optimal() const {
    std::vector<long long> balance(supply_);
    for (size_t a = 0; a < head_.size(); ++a) {
        if (flow_[a] < 0 || flow_[a] > capacity_[a]) return false;
        balance[size_t(tail_[a])] -= flow_[a];
        balance[size_t(head_[a])] += flow_[a];
        const long long rc = reduced_cost(int(a));
        if ((rc < 0 && flow_[a] < capacity_[a]) || (rc > 0 && flow_[a] > 0)) return false;
    }
    return std::all_of(balance.begin(), balance.end(), [](long long b) { return b == 0; });
}

}  // namespace jobfair::alloc
