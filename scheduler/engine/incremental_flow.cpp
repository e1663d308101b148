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
    phases_ = 0;
    return true;
}

namespace {
constexpr long long kUnreached = std::numeric_limits<long long>::max();
}  // namespace

void IncrementalFlow::size_buffers() {
    const size_t nodes = supply_.size();
    if (distance_.size() == nodes) return;
    excess_.resize(nodes, 0);
    distance_.resize(nodes, kUnreached);
    done_.resize(nodes, 0);
    dead_.resize(nodes, 0);
    on_path_.resize(nodes, 0);
    current_.resize(nodes, 0);
}

bool IncrementalFlow::restore_optimality() {
    size_buffers();
    const size_t nodes = supply_.size();
    std::vector<long long>& excess = excess_;
    std::copy(supply_.begin(), supply_.end(), excess.begin());
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
    phases_ = 0;

    // The nodes with excess, ascending, and the count of deficits: found once here, then kept up
    // to date by the phases (a phase only lowers excesses and raises deficits towards 0).
    sources_.clear();
    int deficits = 0;
    for (size_t v = 0; v < nodes; ++v) {
        if (excess[v] > 0) {
            sources_.push_back(int(v));
        } else if (excess[v] < 0) {
            ++deficits;
        }
    }

    // Primal-dual phases: Dijkstra from every node with excess until every deficit is reached,
    // potentials moved by the distances, then flow pushed along paths of reduced cost 0.
    std::vector<long long>& distance = distance_;
    std::vector<char>& done = done_;
    std::vector<int>& visited = visited_;
    using Entry = std::pair<long long, int>;
    const auto later = std::greater<Entry>();
    for (;;) {
        std::erase_if(sources_, [&](int v) { return excess[size_t(v)] <= 0; });
        if (sources_.empty()) break;
        ++phases_;
        heap_.clear();
        for (int v : sources_) {
            distance[size_t(v)] = 0;
            visited.push_back(v);
            heap_.push_back({0, v});
            std::push_heap(heap_.begin(), heap_.end(), later);
        }
        long long reach = -1;  // distance of the nearest deficit
        while (!heap_.empty() && deficits > 0) {
            std::pop_heap(heap_.begin(), heap_.end(), later);
            const auto [d, u] = heap_.back();
            heap_.pop_back();
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
                    heap_.push_back({through, to});
                    std::push_heap(heap_.begin(), heap_.end(), later);
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
        const long long moved = augment_admissible(deficits);
        if (moved == 0) return false;  // cannot happen with valid potentials; never loop forever
        augmented_units_ += moved;
    }
    return std::all_of(excess.begin(), excess.end(), [](long long e) { return e == 0; });
}

long long IncrementalFlow::augment_admissible(int& deficits) {
    // Depth-first over residual arcs of reduced cost 0 (Dinic's blocking flow): every such path is
    // a shortest path, so sending flow along it keeps the potentials valid. Each node keeps its
    // current arc through the phase and a node that leads nowhere is not searched again, so a
    // phase costs about one pass over the arcs; the next Dijkstra finds what this misses.
    std::vector<long long>& excess = excess_;
    std::vector<char>& dead = dead_;
    std::vector<char>& on_path = on_path_;
    std::vector<size_t>& current = current_;
    std::vector<int>& searched = searched_;  // nodes whose dead/current this phase set (a node
                                             // may be listed twice)
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
    std::vector<int>& path = path_;  // nodes, and the arc that entered each (via[0] unused)
    std::vector<int>& via = via_;
    for (int origin_node : sources_) {
        const size_t origin = size_t(origin_node);
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
                if (current[size_t(u)] == 0) searched.push_back(u);
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
            if (excess[size_t(target)] == 0) --deficits;
            moved += amount;
            for (int v : path)
                on_path[size_t(v)] = 0;
        }
    }
    for (int v : searched) {
        dead[size_t(v)] = 0;
        current[size_t(v)] = 0;
    }
    searched.clear();
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
