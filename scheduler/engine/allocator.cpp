#include "scheduler/engine/allocator.hpp"

#include "scheduler/engine/candidates.hpp"
#include "scheduler/engine/idle.hpp"
#include "scheduler/engine/plan_repair.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

namespace jobfair::alloc {

namespace {

// The relaxation's costs, in three tiers that never trade against each other, as the issue
// orders them: the score first, then interviews kept from the previous plan (minimum change),
// then idle time. An idle minute costs 1; keeping one interview costs more than all idle minutes
// together; a preference point more than all kept interviews together. So the flow's score is
// the best score whatever the lower tiers say, and so is its count of kept interviews.
struct CostTiers {
    long long point = 1;
    long long keep_bonus = 0;
    bool idle = false;
};

CostTiers cost_tiers(const AllocationModel& model, const CandidateSet& candidates, bool keep,
                     bool idle_aware) {
    const long long supply = std::max<long long>(
        1, std::accumulate(candidates.room.begin(), candidates.room.end(), 0LL));
    const long long keeps = static_cast<long long>(model.planned().size());
    auto tiers_with = [&](long long most_idle) {
        CostTiers tiers;
        tiers.idle = most_idle > 0;
        const long long keep_unit = most_idle + 1;
        tiers.keep_bonus = keep ? keep_unit : 0;
        tiers.point = keep ? keep_unit * (keeps + 1) : keep_unit;
        return tiers;
    };
    // Keep every cost sum (points x coverage x supply) far from overflow.
    auto fits = [&](const CostTiers& tiers) {
        return tiers.point < (1LL << 60) / (kCoverageWeight * supply);
    };
    if (idle_aware) {
        // Most idle the flow can count: each student waits at most the whole day per interview.
        const long long day = model.grid().day_end.minutes() - model.grid().day_start.minutes();
        long long most_idle = 0;
        for (int room : candidates.room)
            most_idle += day * (1 + room);
        const CostTiers tiers = tiers_with(most_idle);
        if (most_idle < (1LL << 40) && fits(tiers)) return tiers;
    }
    return tiers_with(0);  // the idle pass after the repair still lowers idle
}

// The relaxation: all constraints but rule 2 between new interviews, as a min-cost flow.
struct FlowOutcome {
    std::vector<Placement> placements;  // seat not yet chosen (0)
    long long relaxed_score = 0;        // score of the flow's interviews, locked ones excluded
    bool ok = false;
};

FlowOutcome solve_relaxation(const AllocationModel& model, const Occupancy& locked,
                             const std::vector<char>& covered_by_locked, const PlanIndex& previous,
                             bool keep, bool idle_aware) {
    using Graph = lemon::SmartDigraph;
    const int slots = model.slot_count();
    const auto& booths = model.booths();
    const CandidateSet candidates = candidate_interviews(model, locked);
    const CostTiers tiers = cost_tiers(model, candidates, keep, idle_aware);
    const long long keep_bonus = tiers.keep_bonus;
    // Idle, as the flow sees it: a covered student waits from arrival to their first possible
    // slot, and each interview in slot k adds (k - that first slot) x slot_minutes. Exact for one
    // interview, an over-estimate for more; the idle pass afterwards counts exactly.
    const long long slot_minutes = tiers.idle ? model.grid().slot_minutes : 0;
    auto first_possible_slot = [&](size_t s) {
        return std::max(model.students()[s].window_begin, model.now_slot());
    };
    auto wait_before_first_slot = [&](size_t s) -> long long {
        if (!tiers.idle) return 0;
        const int first = std::min(first_possible_slot(s), slots);
        return std::max(
            0, model.grid().slot_start(first).minutes() - model.students()[s].arrive.minutes());
    };

    Graph graph;
    Graph::ArcMap<int> capacity(graph);
    Graph::ArcMap<long long> cost(graph);
    const Graph::Node source = graph.addNode();
    const Graph::Node sink = graph.addNode();
    auto add_arc = [&](Graph::Node from, Graph::Node to, int cap, long long arc_cost) {
        Graph::Arc arc = graph.addArc(from, to);
        capacity[arc] = cap;
        cost[arc] = arc_cost;
        return arc;
    };

    // Rule 6, booth side: booth nodes pass at most the booth's remaining cap to the sink.
    std::vector<Graph::Node> booth_node(booths.size());
    for (size_t b = 0; b < booths.size(); ++b) {
        booth_node[b] = graph.addNode();
        add_arc(booth_node[b], sink, candidates.booth_room[b], 0);
    }
    // Rule 1: booth-slot nodes pass at most the seats still free in that slot.
    std::vector<int> slot_node_index(booths.size() * size_t(slots), -1);
    std::vector<Graph::Node> slot_nodes;
    auto booth_slot_node = [&](int b, int k) {
        int& index = slot_node_index[size_t(b * slots + k)];
        if (index < 0) {
            index = static_cast<int>(slot_nodes.size());
            slot_nodes.push_back(graph.addNode());
            add_arc(slot_nodes.back(), booth_node[size_t(b)],
                    booths[size_t(b)].seats - locked.seats_at(b, k), 0);
        }
        return slot_nodes[size_t(index)];
    };

    std::vector<Graph::Node> hub_nodes;
    // Window hubs: pairs of one booth whose possible slots are the same share one hub node that
    // fans out to those slots, so a pair costs one arc instead of one per slot. Most students are
    // present all morning, so a booth has only a handful of hubs.
    struct Hub {
        int first_arc = -1;      // hub -> booth-slot arcs are consecutive ids
        std::vector<int> slots;  // in arc order
        std::vector<size_t> pairs;
    };
    std::vector<Hub> hubs;
    std::map<std::pair<int, std::vector<int>>, size_t> hub_by_window;
    auto hub_for = [&](const Candidate& pair) {
        auto [it, inserted] = hub_by_window.try_emplace({pair.booth, pair.slots}, hubs.size());
        if (inserted) {
            Hub hub;
            hub.slots = pair.slots;
            // Booth-slot nodes first: their own arcs must not split the hub's consecutive arcs.
            std::vector<Graph::Node> targets;
            for (int k : pair.slots)
                targets.push_back(booth_slot_node(pair.booth, k));
            const Graph::Node hub_node = graph.addNode();
            hub_nodes.push_back(hub_node);
            for (size_t j = 0; j < targets.size(); ++j) {
                const Graph::Arc arc =
                    add_arc(hub_node, targets[j], booths[size_t(pair.booth)].seats,
                            pair.slots[j] * slot_minutes);
                if (j == 0) hub.first_arc = Graph::id(arc);
            }
            hubs.push_back(std::move(hub));
        }
        return it->second;
    };

    // Student nodes: rule 6 (room) and the concave objective, 1000 for the first interview only.
    std::vector<Graph::Node> student_node(model.students().size(), lemon::INVALID);
    long long total_supply = 0;
    struct PairArcs {
        size_t hub = 0;
        int hub_arc = -1;   // pair -> hub
        int keep_arc = -1;  // pair -> the previous plan's booth-slot, when there is one
        int keep_slot = -1;
    };
    std::vector<PairArcs> pair_arcs(candidates.pairs.size());
    for (size_t i = 0; i < candidates.pairs.size(); ++i) {
        const Candidate& pair = candidates.pairs[i];
        const size_t s = size_t(pair.student);
        if (student_node[s] == lemon::INVALID) {
            student_node[s] = graph.addNode();
            const int room = candidates.room[s];
            if (!covered_by_locked[s]) {
                add_arc(source, student_node[s], 1,
                        -kCoverageWeight * tiers.point + wait_before_first_slot(s));
                if (room > 1) add_arc(source, student_node[s], room - 1, 0);
            } else {
                add_arc(source, student_node[s], room, 0);
            }
            total_supply += room;
        }
        PairArcs& arcs = pair_arcs[i];
        arcs.hub = hub_for(pair);
        hubs[arcs.hub].pairs.push_back(i);
        const long long pair_cost =
            -points_for_rank(pair.rank) * tiers.point - first_possible_slot(s) * slot_minutes;
        // Minimum change: the previous plan's slot, when still possible, is worth keep_bonus.
        if (keep_bonus > 0) {
            const std::optional<int> kept = previous.slot_of(pair.student, pair.booth);
            if (kept && std::binary_search(pair.slots.begin(), pair.slots.end(), *kept)) {
                arcs.keep_slot = *kept;
            }
        }
        // Rule 5: one unit at most per (student, booth); it earns the preference points. A pair
        // with a previous slot needs a node of its own to choose between the hub and that slot.
        if (arcs.keep_slot < 0) {
            arcs.hub_arc = Graph::id(add_arc(student_node[s], hub_nodes[arcs.hub], 1, pair_cost));
        } else {
            const Graph::Node pair_node = graph.addNode();
            add_arc(student_node[s], pair_node, 1, pair_cost);
            arcs.hub_arc = Graph::id(add_arc(pair_node, hub_nodes[arcs.hub], 1, 0));
            arcs.keep_arc =
                Graph::id(add_arc(pair_node, booth_slot_node(pair.booth, arcs.keep_slot), 1,
                                  -keep_bonus + arcs.keep_slot * slot_minutes));
        }
    }

    FlowOutcome outcome;
    outcome.ok = true;
    if (total_supply == 0) return outcome;
    // Students may stay without interviews: a zero-cost bypass lets supply skip the network.
    add_arc(source, sink, static_cast<int>(total_supply), 0);

    lemon::NetworkSimplex<Graph, int, long long> simplex(graph);
    simplex.upperMap(capacity).costMap(cost).stSupply(source, sink, static_cast<int>(total_supply));
    if (simplex.run() != lemon::NetworkSimplex<Graph, int, long long>::OPTIMAL) {
        outcome.ok = false;
        return outcome;
    }
    auto flow_on = [&](int arc_id) { return simplex.flow(Graph::arcFromId(arc_id)); };

    // A hub's pairs may take any of its slots: hand its flow out to them in order.
    std::vector<int> slot_of_pair(candidates.pairs.size(), -1);
    for (const Hub& hub : hubs) {
        size_t next_slot = 0;
        int left_in_slot = hub.slots.empty() ? 0 : flow_on(hub.first_arc);
        for (size_t i : hub.pairs) {
            if (flow_on(pair_arcs[i].hub_arc) == 0) continue;
            while (left_in_slot == 0 && next_slot + 1 < hub.slots.size()) {
                ++next_slot;
                left_in_slot = flow_on(hub.first_arc + int(next_slot));
            }
            slot_of_pair[i] = hub.slots[next_slot];
            --left_in_slot;
        }
    }
    std::vector<char> covered(model.students().size(), 0);
    for (size_t i = 0; i < candidates.pairs.size(); ++i) {
        const Candidate& pair = candidates.pairs[i];
        if (pair_arcs[i].keep_arc >= 0 && flow_on(pair_arcs[i].keep_arc) > 0) {
            slot_of_pair[i] = pair_arcs[i].keep_slot;
        }
        if (slot_of_pair[i] < 0) continue;
        const Placement p{pair.student, pair.booth, 0, slot_of_pair[i]};
        outcome.placements.push_back(p);
        outcome.relaxed_score += points_for_rank(pair.rank);
        if (!covered[size_t(p.student)] && !covered_by_locked[size_t(p.student)]) {
            covered[size_t(p.student)] = 1;
            outcome.relaxed_score += kCoverageWeight;
        }
    }
    return outcome;
}

}  // namespace

std::vector<Placement> place_students(const AllocationModel& model,
                                      const std::vector<int>& students) {
    return keep_and_place(model, students);
}

double AllocationResult::gap() const {
    if (upper_bound < 0) return -1.0;
    if (upper_bound == 0) return 0.0;
    return static_cast<double>(upper_bound - score) / static_cast<double>(upper_bound);
}

std::vector<Placement> AllocationResult::all() const {
    std::vector<Placement> all = locked;
    all.insert(all.end(), planned.begin(), planned.end());
    return all;
}

long long score_of_placements(const AllocationModel& model, const std::vector<Placement>& all) {
    std::vector<char> covered(model.students().size(), 0);
    long long score = 0;
    for (const auto& p : all) {
        const long long points = placement_points(model, p);
        if (points == 0) continue;
        score += points;
        if (!covered[size_t(p.student)]) {
            covered[size_t(p.student)] = 1;
            score += kCoverageWeight;
        }
    }
    return score;
}

AllocationResult allocate(const AllocationModel& model, const AllocateOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    AllocationResult result;
    result.locked = model.locked();
    result.broken_promises = model.broken_promises();

    Occupancy occupancy(model, model.locked());
    const std::vector<char> covered_by_locked = covered_by_locked_interviews(model);
    const long long locked_score = score_of_placements(model, model.locked());

    const PlanIndex previous(model, model.planned());
    const bool keep = options.keep_weight > 0;

    const Deadline deadline = deadline_after(started, options.time_limit_seconds);
    // Relaxation, repair and fill; `idle_aware` picks, among the relaxation's best-score flows,
    // one that starts students' interviews early.
    struct Attempt {
        std::vector<Placement> planned;
        long long relaxed_score = 0;  // locked included
        long long score = 0;
        int repaired_collisions = 0;
        bool out_of_time = false;
    };
    auto attempt = [&](bool idle_aware) {
        Attempt outcome;
        Occupancy taken = occupancy;
        FlowOutcome flow =
            solve_relaxation(model, taken, covered_by_locked, previous, keep, idle_aware);
        outcome.relaxed_score = locked_score + flow.relaxed_score;
        RepairOutcome repaired =
            repair_and_fill(model, taken, previous, deadline, std::move(flow.placements));
        outcome.repaired_collisions = repaired.repaired_collisions;
        outcome.planned = std::move(repaired.planned);
        outcome.out_of_time = repaired.out_of_time;
        std::vector<Placement> all = model.locked();
        all.insert(all.end(), outcome.planned.begin(), outcome.planned.end());
        outcome.score = score_of_placements(model, all);
        return outcome;
    };
    Attempt chosen = attempt(options.reduce_idle);
    if (!keep) {
        result.upper_bound = chosen.relaxed_score;
    } else if (options.compute_bound) {
        const PlanIndex none(model, {});
        result.upper_bound =
            locked_score +
            solve_relaxation(model, occupancy, covered_by_locked, none, false, false).relaxed_score;
    }
    // The score comes first: when the early-start flow repairs to less than its relaxation, the
    // plain flow may repair better, and the better score wins.
    if (options.reduce_idle && chosen.score < chosen.relaxed_score) {
        Attempt plain = attempt(false);
        if (plain.score > chosen.score) chosen = std::move(plain);
    }
    result.planned = std::move(chosen.planned);
    result.repaired_collisions = chosen.repaired_collisions;
    result.stopped_by_time_limit = chosen.out_of_time;
    complete_result(model, options, previous, deadline, result);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace jobfair::alloc
