#include "scheduler/engine/incremental_flow.hpp"

#include <algorithm>
#include <atomic>
#include <limits>
#include <system_error>
#include <thread>
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
    const int arc = int(arcs_.size());
    arcs_.push_back({from, to, 0, 0, 0});
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
    if (arcs_[size_t(arc)].capacity == capacity && arcs_[size_t(arc)].cost == cost) return;
    arcs_[size_t(arc)].capacity = capacity;
    arcs_[size_t(arc)].cost = cost;
    touch(arc);
}

void IncrementalFlow::add_supply(int node, long long amount) {
    supply_[size_t(node)] += amount;
}

long long IncrementalFlow::total_cost() const {
    long long total = 0;
    for (size_t a = 0; a < arcs_.size(); ++a)
        total += arcs_[a].cost * arcs_[a].flow;
    return total;
}

bool IncrementalFlow::solve_from_scratch() {
    using Graph = lemon::SmartDigraph;
    Graph graph;
    graph.reserveNode(int(supply_.size()));
    graph.reserveArc(int(arcs_.size()));
    std::vector<Graph::Node> nodes;
    for (size_t v = 0; v < supply_.size(); ++v)
        nodes.push_back(graph.addNode());
    Graph::ArcMap<int> upper(graph);
    Graph::ArcMap<long long> cost(graph);
    Graph::NodeMap<int> supply(graph);
    for (size_t a = 0; a < arcs_.size(); ++a) {
        const Graph::Arc arc =
            graph.addArc(nodes[size_t(arcs_[a].tail)], nodes[size_t(arcs_[a].head)]);
        upper[arc] = arcs_[a].capacity;
        cost[arc] = arcs_[a].cost;
    }
    for (size_t v = 0; v < supply_.size(); ++v)
        supply[nodes[v]] = int(supply_[v]);
    lemon::NetworkSimplex<Graph, int, long long> simplex(graph);
    simplex.upperMap(upper).costMap(cost).supplyMap(supply);
    if (simplex.run() != lemon::NetworkSimplex<Graph, int, long long>::OPTIMAL) return false;
    for (size_t a = 0; a < arcs_.size(); ++a)
        arcs_[a].flow = simplex.flow(Graph::arcFromId(int(a)));
    for (size_t v = 0; v < supply_.size(); ++v)
        potential_[v] = simplex.potential(nodes[v]);
    for (int arc : touched_)
        is_touched_[size_t(arc)] = 0;
    touched_.clear();
    augmented_units_ = 0;
    phases_ = 0;
    parallel_phases_ = 0;
    return true;
}

namespace {
constexpr long long kUnreached = std::numeric_limits<long long>::max();
constexpr long long kNoLimit = std::numeric_limits<long long>::max();
// A phase's search goes on in two threads past this much work (nodes and arcs looked at, both
// sides together): about a millisecond, far more than starting a thread costs.
constexpr long long kParallelAfterWork = 20000;
}  // namespace

void IncrementalFlow::size_buffers() {
    const size_t nodes = supply_.size();
    if (excess_.size() == nodes) return;
    excess_.resize(nodes, 0);
    for (Search* search : {&forward_, &backward_}) {
        search->distance.resize(nodes, kUnreached);
        search->done.resize(nodes, 0);
    }
    dead_.resize(nodes, 0);
    on_path_.resize(nodes, 0);
    settled_.resize(nodes, 0);
    current_.resize(nodes, 0);
}

bool IncrementalFlow::restore_optimality() {
    size_buffers();
    const size_t nodes = supply_.size();
    std::vector<long long>& excess = excess_;
    std::copy(supply_.begin(), supply_.end(), excess.begin());
    for (size_t a = 0; a < arcs_.size(); ++a) {
        excess[size_t(arcs_[a].tail)] -= arcs_[a].flow;
        excess[size_t(arcs_[a].head)] += arcs_[a].flow;
    }
    auto change_flow = [&](int arc, int delta) {
        arcs_[size_t(arc)].flow += delta;
        excess[size_t(arcs_[size_t(arc)].tail)] -= delta;
        excess[size_t(arcs_[size_t(arc)].head)] += delta;
    };
    // Complementary slackness on the changed arcs: an arc cheaper than its ends' potentials say is
    // full, a dearer one empty. Every other arc kept it from the last optimum.
    for (int arc : touched_) {
        is_touched_[size_t(arc)] = 0;
        const int cap = arcs_[size_t(arc)].capacity;
        int& flow = arcs_[size_t(arc)].flow;
        if (flow > cap) change_flow(arc, cap - flow);
        const long long rc = reduced_cost(arc);
        if (rc < 0 && flow < cap) change_flow(arc, cap - flow);
        if (rc > 0 && flow > 0) change_flow(arc, -flow);
    }
    touched_.clear();
    augmented_units_ = 0;
    phases_ = 0;
    parallel_phases_ = 0;

    // The nodes with excess and those with a deficit, ascending: found once here, then kept up to
    // date by the phases (a phase only lowers excesses and raises deficits towards 0).
    sources_.clear();
    deficits_.clear();
    for (size_t v = 0; v < nodes; ++v) {
        if (excess[v] > 0) sources_.push_back(int(v));
        if (excess[v] < 0) deficits_.push_back(int(v));
    }

    // Primal-dual phases: a shortest-path search between the excesses and the deficits, potentials
    // moved by its distances, then flow pushed along paths of reduced cost 0. The search runs from
    // both ends at once, in turn by the work each has done, and the first to arrive serves the
    // phase. Near an optimum most residual arcs cost 0 (the basis tree spans the network), so the
    // side whose neighbourhood holds the other can be small while the other side's spans every
    // node: an excess on a hub next to the source reaches all 8,000 students of an x10 fair at
    // distance 0.
    for (;;) {
        std::erase_if(sources_, [&](int v) { return excess[size_t(v)] <= 0; });
        std::erase_if(deficits_, [&](int v) { return excess[size_t(v)] >= 0; });
        if (sources_.empty()) break;
        if (deficits_.empty()) return false;
        ++phases_;
        start_search(forward_, sources_);
        start_search(backward_, deficits_);
        Search* winner = race();
        if (winner) settle(*winner);
        end_search(forward_);
        end_search(backward_);
        if (!winner) return false;  // no deficit reachable from the excess
        const long long moved = augment_admissible();
        for (int v : settled_nodes_)
            settled_[size_t(v)] = 0;
        settled_nodes_.clear();
        if (moved == 0) return false;  // cannot happen with valid potentials; never loop forever
        augmented_units_ += moved;
    }
    return std::all_of(excess.begin(), excess.end(), [](long long e) { return e == 0; });
}

IncrementalFlow::Search* IncrementalFlow::race() {
    // Most phases are settled within a few hundred nodes: in turn, the side that has done less
    // work so far goes on (one node can have 8,000 arcs), and the first to finish wins.
    while (forward_.work + backward_.work < kParallelAfterWork) {
        Search& side = forward_.work <= backward_.work ? forward_ : backward_;
        const Step result = step(side);
        if (result == Step::exhausted) return nullptr;
        if (result == Step::finished) return &side;
    }
    // A long one goes on with each side on its own core. Each side stops once it has done more
    // work than the other needed to finish (or to find nothing), so the winner is the side that
    // finishes with less work, forward on a tie, whichever thread runs faster: the same network
    // gives the same plan on every run. The searches only read the network; each writes its own
    // Search.
    ++parallel_phases_;
    std::atomic<long long> stopped_at[2] = {kNoLimit, kNoLimit};
    Step outcome[2] = {Step::searching, Step::searching};
    auto run = [&](int me) {
        Search& search = me == 0 ? forward_ : backward_;
        for (;;) {
            if (search.work > stopped_at[1 - me].load(std::memory_order_acquire)) return;
            const Step result = step(search);
            if (result != Step::searching) {
                outcome[me] = result;
                stopped_at[me].store(search.work, std::memory_order_release);
                return;
            }
        }
    };
    std::thread backward;
    try {
        backward = std::thread([&] { run(1); });
    } catch (const std::system_error&) {
        // No thread to be had (a resource limit): one side after the other, the same winner.
    }
    run(0);
    if (backward.joinable()) {
        backward.join();
    } else {
        run(1);
    }
    if (outcome[0] == Step::exhausted || outcome[1] == Step::exhausted) return nullptr;
    if (outcome[0] == Step::finished &&
        (outcome[1] != Step::finished || forward_.work <= backward_.work)) {
        return &forward_;
    }
    return &backward_;
}

void IncrementalFlow::start_search(Search& search, const std::vector<int>& from) {
    search.heap.clear();
    search.reach = -1;
    search.found = 0;
    search.wanted = 0;
    search.work = 0;
    for (int v : from) {
        search.wanted += search.forward ? excess_[size_t(v)] : -excess_[size_t(v)];
        search.distance[size_t(v)] = 0;
        search.visited.push_back(v);
        search.heap.push(0, v);
    }
}

IncrementalFlow::Step IncrementalFlow::step(Search& search) {
    // Past the nearest target, only nodes as near as it are settled, only while the targets found
    // cannot take all that the search started from, and for no more work than it took to get
    // there: farther targets get their own phase, and a phase near an optimum, where many paths
    // cost 0, does not comb the whole network for more targets at the same distance.
    if (search.reach >= 0 &&
        (search.heap.empty() || search.heap.top_key() > search.reach ||
         search.found >= search.wanted || search.work > 2 * search.work_to_reach)) {
        return Step::finished;
    }
    if (search.heap.empty()) return Step::exhausted;
    const auto [d, u] = search.heap.pop();
    ++search.work;
    if (search.done[size_t(u)] || d != search.distance[size_t(u)]) return Step::searching;
    search.done[size_t(u)] = 1;
    const long long target = search.forward ? -excess_[size_t(u)] : excess_[size_t(u)];
    if (target > 0) {
        if (search.reach < 0) search.work_to_reach = search.work;
        search.reach = d;
        search.found += target;
        return Step::searching;
    }
    auto relax = [&](int to, long long rc) {
        const long long through = d + rc;
        if (through < search.distance[size_t(to)]) {
            if (search.distance[size_t(to)] == kUnreached) search.visited.push_back(to);
            search.distance[size_t(to)] = through;
            search.heap.push(through, to);
        }
    };
    search.work += static_cast<long long>(out_[size_t(u)].size() + in_[size_t(u)].size());
    // Forward: the residual arcs leaving u. Backward: those entering it, walked against their
    // direction, so a node's distance is to the nearest excess.
    for (int arc : out_[size_t(u)]) {
        if (search.forward ? arcs_[size_t(arc)].flow < arcs_[size_t(arc)].capacity
                           : arcs_[size_t(arc)].flow > 0)
            relax(arcs_[size_t(arc)].head, search.forward ? reduced_cost(arc) : -reduced_cost(arc));
    }
    for (int arc : in_[size_t(u)]) {
        if (search.forward ? arcs_[size_t(arc)].flow > 0
                           : arcs_[size_t(arc)].flow < arcs_[size_t(arc)].capacity)
            relax(arcs_[size_t(arc)].tail, search.forward ? -reduced_cost(arc) : reduced_cost(arc));
    }
    return Step::searching;
}

void IncrementalFlow::settle(const Search& search) {
    // Potentials follow the distances, capped at the nearest target's, so every residual arc keeps
    // a non-negative reduced cost and the shortest paths get reduced cost 0. A forward distance
    // counts from the excess (the potential goes down by what is left to the target), a backward
    // one to the deficit (up by the same).
    for (int v : search.visited) {
        if (!search.done[size_t(v)]) continue;
        const long long left = search.reach - search.distance[size_t(v)];
        potential_[size_t(v)] += search.forward ? -left : left;
        settled_[size_t(v)] = 1;
        settled_nodes_.push_back(v);
    }
}

void IncrementalFlow::end_search(Search& search) {
    for (int v : search.visited) {
        search.distance[size_t(v)] = kUnreached;
        search.done[size_t(v)] = 0;
    }
    search.visited.clear();
}

long long IncrementalFlow::augment_admissible() {
    // Depth-first over residual arcs of reduced cost 0 (Dinic's blocking flow): every such path is
    // a shortest path, so sending flow along it keeps the potentials valid. Each node keeps its
    // current arc through the phase and a node that leads nowhere is not searched again; the next
    // Dijkstra finds what this misses. The search stays inside the nodes the phase's Dijkstra
    // settled: the optimal flow's arcs of reduced cost 0 span nearly the whole network (they form
    // its basis tree), and a search free to follow them crossed all of it in every phase, while
    // the settled nodes already hold a shortest path to the nearest deficit.
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
            to = arcs_[size_t(arc)].head;
            return arcs_[size_t(arc)].flow < arcs_[size_t(arc)].capacity && reduced_cost(arc) == 0;
        }
        arc = in_[size_t(u)][i - outs.size()];
        to = arcs_[size_t(arc)].tail;
        return arcs_[size_t(arc)].flow > 0 && reduced_cost(arc) == 0;
    };
    long long moved = 0;
    std::vector<int>& path = path_;  // nodes, and the arc that entered each (via[0] unused)
    std::vector<int>& via = via_;
    for (int origin_node : sources_) {
        const size_t origin = size_t(origin_node);
        if (!settled_[origin]) continue;
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
                    if (residual_step(u, current[size_t(u)], to, arc) && settled_[size_t(to)] &&
                        !dead[size_t(to)] && !on_path[size_t(to)]) {
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
                const bool forward = arcs_[size_t(arc)].head == path[i];
                amount = std::min<long long>(
                    amount, forward ? arcs_[size_t(arc)].capacity - arcs_[size_t(arc)].flow
                                    : arcs_[size_t(arc)].flow);
            }
            for (size_t i = 1; i < path.size(); ++i) {
                const int arc = via[i];
                arcs_[size_t(arc)].flow +=
                    arcs_[size_t(arc)].head == path[i] ? int(amount) : -int(amount);
            }
            excess[origin] -= amount;
            excess[size_t(target)] += amount;
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
    for (size_t a = 0; a < arcs_.size(); ++a) {
        if (arcs_[a].flow < 0 || arcs_[a].flow > arcs_[a].capacity) return false;
        balance[size_t(arcs_[a].tail)] -= arcs_[a].flow;
        balance[size_t(arcs_[a].head)] += arcs_[a].flow;
        const long long rc = reduced_cost(int(a));
        if ((rc < 0 && arcs_[a].flow < arcs_[a].capacity) || (rc > 0 && arcs_[a].flow > 0))
            return false;
    }
    return std::all_of(balance.begin(), balance.end(), [](long long b) { return b == 0; });
}

}  // namespace jobfair::alloc
