#include "scheduler/engine/allocator.hpp"

#include "scheduler/engine/candidates.hpp"
#include "scheduler/engine/idle.hpp"

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

// Turns the relaxation's interviews into a schedule: repairs rule 2, then fills free seats.
class Repairer {
  public:
    using Clock = std::chrono::steady_clock;
    Repairer(const AllocationModel& model, Occupancy& occupancy, const PlanIndex& previous,
             std::optional<Clock::time_point> deadline)
        : deadline_(deadline),
          model_(model),
          occ_(occupancy),
          previous_(previous),
          slots_(model.slot_count()),
          gap_(model.student_gap_slots()),
          at_booth_slot_(model.booths().size() * size_t(model.slot_count())) {}

    int repair(std::vector<Placement> relaxed) {
        // Keep each student's most valued interviews first; the rest are displaced.
        std::stable_sort(relaxed.begin(), relaxed.end(),
                         [&](const Placement& a, const Placement& b) {
                             if (a.student != b.student) return a.student < b.student;
                             return placement_points(model_, a) > placement_points(model_, b);
                         });
        std::vector<Placement> displaced;
        for (const auto& p : relaxed) {
            if (occ_.student_free(p.student, p.slot, gap_)) {
                place(p);
            } else {
                displaced.push_back(p);
            }
        }
        for (const auto& p : displaced) {
            if (out_of_time()) break;
            if (!relocate_within_booth(p) && !swap_within_booth(p) && !move_own_blocker(p)) {
                reassign_booth(p);
            }
        }
        return static_cast<int>(displaced.size());
    }

    // Free seats to uncovered students first, then to further preferences by rank.
    void fill() {
        const auto& students = model_.students();
        for (size_t s = 0; s < students.size() && !out_of_time(); ++s) {
            if (occ_.student_interviews[s] == 0) insert_best(int(s), /*may_shift=*/true);
        }
        for (int round = 0; round < 5 && !out_of_time(); ++round) {
            bool progress = false;
            for (size_t s = 0; s < students.size(); ++s) {
                if (occ_.student_interviews[s] < students[s].max_interviews) {
                    progress = insert_best(int(s), /*may_shift=*/false) || progress;
                }
            }
            if (!progress) break;
        }
    }

    std::vector<Placement> planned() const {
        std::vector<Placement> all;
        for (const auto& list : at_booth_slot_)
            all.insert(all.end(), list.begin(), list.end());
        std::sort(all.begin(), all.end(), [](const Placement& a, const Placement& b) {
            return std::tie(a.booth, a.slot, a.student) < std::tie(b.booth, b.slot, b.student);
        });
        return all;
    }

    bool out_of_time() const { return deadline_ && Clock::now() > *deadline_; }

    // Takes over a plan as it stands, keeping what is still possible (a slot now past, or a
    // window that shrank, drops the interview).
    void keep(const std::vector<Placement>& plan) {
        for (const auto& p : plan) {
            if (slot_possible(p.student, p.booth, p.slot) && seat_free(p.booth, p.slot) &&
                occ_.student_free(p.student, p.slot, gap_) && !occ_.meets(p.student, p.booth)) {
                place({p.student, p.booth, 0, p.slot});
            }
        }
    }

    // The fill pass for one student: a first interview (moving one aside if that makes room),
    // then further preferences into free seats.
    void fill_student(int student) {
        const int most = model_.students()[size_t(student)].max_interviews;
        if (occ_.student_interviews[size_t(student)] == 0) insert_best(student, /*may_shift=*/true);
        while (occ_.student_interviews[size_t(student)] < most &&
               insert_best(student, /*may_shift=*/false)) {
        }
    }

  private:
    std::optional<Clock::time_point> deadline_;
    const AllocationModel& model_;
    Occupancy& occ_;
    const PlanIndex& previous_;
    int slots_;
    int gap_;
    std::vector<std::vector<Placement>> at_booth_slot_;  // planned interviews per (booth, slot)

    std::vector<Placement>& planned_at(int booth, int slot) {
        return at_booth_slot_[size_t(booth * slots_ + slot)];
    }
    void place(const Placement& p) {
        occ_.add(p);
        planned_at(p.booth, p.slot).push_back(p);
    }
    void unplace(const Placement& p) {
        occ_.remove(p);
        auto& list = planned_at(p.booth, p.slot);
        list.erase(std::find_if(list.begin(), list.end(),
                                [&](const Placement& q) { return q.student == p.student; }));
    }
    bool seat_free(int booth, int slot) {
        return occ_.seats_at(booth, slot) < model_.booths()[size_t(booth)].seats;
    }
    // Rule 3 and the live clock: a slot the student could sit at this booth.
    bool slot_possible(int student, int booth, int slot) const {
        const auto& s = model_.students()[size_t(student)];
        return slot >= std::max(s.window_begin, model_.now_slot()) && slot < s.window_end &&
               model_.booths()[size_t(booth)].open[size_t(slot)];
    }
    // Slots to try for a student at a booth: the previous plan's slot first, then nearest to
    // `around` first (the earlier of two as near). Built in order: this runs for every probe.
    std::vector<int> slots_to_try(int student, int booth, int around) const {
        std::vector<int> order;
        const std::optional<int> kept = previous_.slot_of(student, booth);
        if (kept && slot_possible(student, booth, *kept)) order.push_back(*kept);
        auto consider = [&](int k) {
            if (k >= 0 && k < slots_ && k != kept && slot_possible(student, booth, k)) {
                order.push_back(k);
            }
        };
        const int farthest = std::max(std::abs(around), std::abs(slots_ - 1 - around));
        consider(around);
        for (int distance = 1; distance <= farthest; ++distance) {
            consider(around - distance);
            consider(around + distance);
        }
        return order;
    }

    bool relocate_within_booth(const Placement& p) {
        for (int k : slots_to_try(p.student, p.booth, p.slot)) {
            if (seat_free(p.booth, k) && occ_.student_free(p.student, k, gap_)) {
                place({p.student, p.booth, 0, k});
                return true;
            }
        }
        return false;
    }

    // Another student at the same booth moves to a slot that suits them, freeing one for `p`.
    bool swap_within_booth(const Placement& p) {
        for (int k : slots_to_try(p.student, p.booth, p.slot)) {
            if (!occ_.student_free(p.student, k, gap_)) continue;
            for (const Placement other : planned_at(p.booth, k)) {
                for (int k2 : slots_to_try(other.student, p.booth, k)) {
                    if (k2 == k || !seat_free(p.booth, k2)) continue;
                    if (!occ_.student_free(other.student, k2, gap_, k)) continue;
                    unplace(other);
                    place({other.student, p.booth, 0, k2});
                    place({p.student, p.booth, 0, k});
                    return true;
                }
            }
        }
        return false;
    }

    // The student's own interview that blocks `p` moves to another slot of its booth (or swaps
    // there), and `p` takes the freed time.
    bool move_own_blocker(const Placement& p) {
        for (int k : slots_to_try(p.student, p.booth, p.slot)) {
            if (!seat_free(p.booth, k)) continue;
            std::optional<Placement> blocker;
            int blockers = 0;
            for (int b = 0; b < int(model_.booths().size()) && blockers < 2; ++b) {
                for (int near = std::max(0, k - gap_); near <= std::min(slots_ - 1, k + gap_);
                     ++near) {
                    for (const Placement& q : planned_at(b, near)) {
                        if (q.student != p.student) continue;
                        blocker = q;
                        ++blockers;
                    }
                }
            }
            // Only one blocker, and nothing locked in the way: locked interviews never move.
            if (blockers != 1 || !occ_.student_free(p.student, k, gap_, blocker->slot)) continue;
            unplace(*blocker);
            place({p.student, p.booth, 0, k});
            if (relocate_within_booth(*blocker) || swap_within_booth(*blocker)) return true;
            unplace({p.student, p.booth, 0, k});
            place(*blocker);
        }
        return false;
    }

    // Exact last resort for one booth: all its planned interviews and `p` are matched anew to its
    // seat-slots (each student's other interviews held), moving as few as possible.
    bool reassign_booth(const Placement& p) {
        using Graph = lemon::SmartDigraph;
        Graph graph;
        Graph::ArcMap<int> capacity(graph);
        Graph::ArcMap<long long> cost(graph);
        const Graph::Node source = graph.addNode();
        const Graph::Node sink = graph.addNode();
        auto add_arc = [&](Graph::Node from, Graph::Node to, int cap, long long arc_cost) {
            const Graph::Arc arc = graph.addArc(from, to);
            capacity[arc] = cap;
            cost[arc] = arc_cost;
            return arc;
        };
        std::vector<Placement> at_booth{p};
        for (int k = 0; k < slots_; ++k) {
            for (const Placement& q : planned_at(p.booth, k))
                at_booth.push_back(q);
        }
        const int seats = model_.booths()[size_t(p.booth)].seats;
        std::vector<Graph::Node> slot_node(static_cast<size_t>(slots_));
        for (int k = 0; k < slots_; ++k) {
            slot_node[size_t(k)] = graph.addNode();
            const int held_by_locked =
                occ_.seats_at(p.booth, k) - int(planned_at(p.booth, k).size());
            add_arc(slot_node[size_t(k)], sink, std::max(0, seats - held_by_locked), 0);
        }
        struct Choice {
            size_t interview;
            int slot;
            Graph::Arc arc;
        };
        std::vector<Choice> choices;
        for (size_t i = 0; i < at_booth.size(); ++i) {
            const Placement& q = at_booth[i];
            const Graph::Node node = graph.addNode();
            add_arc(source, node, 1, 0);
            const int own_slot = i == 0 ? -1 : q.slot;
            for (int k = 0; k < slots_; ++k) {
                if (!slot_possible(q.student, p.booth, k)) continue;
                if (!occ_.student_free(q.student, k, gap_, own_slot)) continue;
                choices.push_back(
                    {i, k, add_arc(node, slot_node[size_t(k)], 1, k == own_slot ? 0 : 1)});
            }
        }
        lemon::NetworkSimplex<Graph, int, long long> simplex(graph);
        simplex.upperMap(capacity).costMap(cost).stSupply(source, sink, int(at_booth.size()));
        if (simplex.run() != lemon::NetworkSimplex<Graph, int, long long>::OPTIMAL) return false;
        for (size_t i = 1; i < at_booth.size(); ++i)
            unplace(at_booth[i]);
        for (const Choice& choice : choices) {
            if (simplex.flow(choice.arc) > 0) {
                place({at_booth[choice.interview].student, p.booth, 0, choice.slot});
            }
        }
        return true;
    }

    // Places the student's best still-possible preference; returns whether one was placed.
    bool insert_best(int student, bool may_shift) {
        const auto& state = model_.students()[size_t(student)];
        for (const auto& entry : state.preferences) {
            const int b = entry.booth;
            if (b < 0 || entry.ineligible != Ineligibility::none || entry.blocked) continue;
            if (occ_.meets(student, b)) continue;
            const auto& booth = model_.booths()[size_t(b)];
            if (booth.max_interviews != kNoCap &&
                occ_.booth_interviews[size_t(b)] >= booth.max_interviews) {
                continue;
            }
            const Placement probe{student, b, 0, state.window_begin};
            if (relocate_within_booth(probe)) return true;
            if (may_shift && swap_within_booth(probe)) return true;
        }
        return false;
    }
};

// Seats: locked interviews hold theirs; planned ones keep their previous seat when it is free.
void assign_seats(const AllocationModel& model, const PlanIndex& previous,
                  const std::vector<Placement>& locked, std::vector<Placement>& planned) {
    const int slots = model.slot_count();
    std::vector<std::vector<char>> taken(model.booths().size() * size_t(slots));
    auto seats_at = [&](int booth, int slot) -> std::vector<char>& {
        auto& seats = taken[size_t(booth * slots + slot)];
        seats.resize(size_t(model.booths()[size_t(booth)].seats), 0);
        return seats;
    };
    for (const auto& p : locked) {
        auto& seats = seats_at(p.booth, p.slot);
        if (p.seat >= 0 && size_t(p.seat) < seats.size()) seats[size_t(p.seat)] = 1;
    }
    std::vector<size_t> pending;
    for (size_t i = 0; i < planned.size(); ++i) {
        auto& p = planned[i];
        auto& seats = seats_at(p.booth, p.slot);
        const auto seat = previous.seat_of(p);
        if (seat && *seat >= 0 && size_t(*seat) < seats.size() && !seats[size_t(*seat)]) {
            p.seat = *seat;
            seats[size_t(p.seat)] = 1;
        } else {
            pending.push_back(i);
        }
    }
    for (size_t i : pending) {
        auto& p = planned[i];
        auto& seats = seats_at(p.booth, p.slot);
        const auto free_seat = std::find(seats.begin(), seats.end(), 0);
        p.seat = static_cast<int>(free_seat - seats.begin());
        *free_seat = 1;
    }
}

}  // namespace

std::vector<Placement> place_students(const AllocationModel& model,
                                      const std::vector<int>& students) {
    Occupancy occupancy(model, model.locked());
    const PlanIndex previous(model, model.planned());
    Repairer repairer(model, occupancy, previous, std::nullopt);
    repairer.keep(model.planned());
    for (int student : students)
        repairer.fill_student(student);
    std::vector<Placement> planned = repairer.planned();
    assign_seats(model, previous, model.locked(), planned);
    return planned;
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
    std::vector<char> covered_by_locked(model.students().size(), 0);
    for (const auto& p : model.locked()) {
        if (placement_points(model, p) > 0) covered_by_locked[size_t(p.student)] = 1;
    }
    const long long locked_score = score_of_placements(model, model.locked());

    const PlanIndex previous(model, model.planned());
    const bool keep = options.keep_weight > 0;

    std::optional<std::chrono::steady_clock::time_point> deadline;
    if (options.time_limit_seconds > 0) {
        deadline = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                 std::chrono::duration<double>(options.time_limit_seconds));
    }
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
        Repairer repairer(model, taken, previous, deadline);
        outcome.repaired_collisions = repairer.repair(std::move(flow.placements));
        repairer.fill();
        outcome.planned = repairer.planned();
        outcome.out_of_time = repairer.out_of_time();
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
    if (options.reduce_idle) {
        // Held in place: promises, and with minimum change on, what the previous plan kept.
        std::vector<Placement> held = result.locked;
        std::vector<Placement> movable;
        for (const auto& p : result.planned) {
            const bool kept = keep && previous.contains(p.student, p.booth, p.slot);
            (kept ? held : movable).push_back(p);
        }
        const size_t kept_count = held.size() - result.locked.size();
        IdleReduction idle = reduce_idle(model, held, std::move(movable), deadline);
        result.planned.assign(held.end() - std::ptrdiff_t(kept_count), held.end());
        result.planned.insert(result.planned.end(), idle.movable.begin(), idle.movable.end());
        std::sort(result.planned.begin(), result.planned.end(),
                  [](const Placement& a, const Placement& b) {
                      return std::tie(a.booth, a.slot, a.student) <
                             std::tie(b.booth, b.slot, b.student);
                  });
        result.idle_lower_bound = idle.lower_bound;
        result.idle_moves = idle.moved;
        result.stopped_by_time_limit = result.stopped_by_time_limit || idle.stopped_by_time_limit;
    }
    assign_seats(model, previous, result.locked, result.planned);

    const auto all = result.all();
    result.score = score_of_placements(model, all);
    result.idle_minutes = total_idle_minutes(model, all);
    result.interviews = static_cast<int>(all.size());
    std::vector<char> covered(model.students().size(), 0);
    for (const auto& p : all)
        covered[size_t(p.student)] = 1;
    result.covered_students = static_cast<int>(std::count(covered.begin(), covered.end(), 1));
    for (const auto& booth : model.booths()) {
        result.usable_seat_slots +=
            booth.seats * std::count(booth.open.begin(), booth.open.end(), 1);
    }
    const PlanIndex fresh(model, result.planned);
    for (const auto& p : model.planned()) {
        const bool kept = fresh.contains(p.student, p.booth, p.slot);
        (kept ? result.kept_from_previous : result.moved_from_previous) += 1;
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace jobfair::alloc
