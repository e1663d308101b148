#include "scheduler/engine/plan_repair.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <tuple>

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include "scheduler/engine/idle.hpp"

namespace jobfair::alloc {

PlanIndex::PlanIndex(const AllocationModel& model, const std::vector<Placement>& plan) {
    int students = int(model.students().size());
    for (const auto& p : plan)
        students = std::max(students, p.student + 1);
    // Counting sort by student, stable: each student's entries keep the plan's order.
    first_.assign(size_t(students) + 1, 0);
    for (const auto& p : plan)
        ++first_[size_t(p.student) + 1];
    for (size_t s = 1; s < first_.size(); ++s)
        first_[s] += first_[s - 1];
    entries_.resize(plan.size());
    std::vector<int> next(first_.begin(), first_.end() - 1);
    for (const auto& p : plan)
        entries_[size_t(next[size_t(p.student)]++)] = {p.booth, p.slot, p.seat};
}

std::optional<int> PlanIndex::slot_of(int student, int booth) const {
    const auto [begin, end] = of(student);
    for (const Entry* e = begin; e != end; ++e) {
        if (e->booth == booth) return e->slot;
    }
    return std::nullopt;
}

bool PlanIndex::contains(int student, int booth, int slot) const {
    const auto [begin, end] = of(student);
    for (const Entry* e = begin; e != end; ++e) {
        if (e->booth == booth && e->slot == slot) return true;
    }
    return false;
}

std::optional<int> PlanIndex::seat_of(const Placement& p) const {
    const auto [begin, end] = of(p.student);
    for (const Entry* e = begin; e != end; ++e) {
        if (e->booth == p.booth && e->slot == p.slot) return e->seat;
    }
    return std::nullopt;
}

namespace {

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
          at_booth_slot_(model.booths().size() * size_t(model.slot_count())),
          free_from_now_(model.booths().size(), 0) {
        for (int b = 0; b < int(model.booths().size()); ++b) {
            for (int k = std::max(0, model.now_slot()); k < slots_; ++k)
                free_from_now_[size_t(b)] += counts_from_now(b, k) && seat_free(b, k);
        }
    }

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

    // By (booth, slot, student): the lists are kept per (booth, slot) in that order already, so
    // only each short list is sorted by student.
    std::vector<Placement> planned() const {
        std::vector<Placement> all;
        size_t count = 0;
        for (const auto& list : at_booth_slot_)
            count += list.size();
        all.reserve(count);
        for (const auto& list : at_booth_slot_) {
            const auto from = all.insert(all.end(), list.begin(), list.end());
            std::sort(from, all.end(),
                      [](const Placement& a, const Placement& b) { return a.student < b.student; });
        }
        return all;
    }

    bool out_of_time() const { return deadline_ && Clock::now() > *deadline_; }

    // Takes over a plan as it stands, keeping what is still possible (a slot now past, a
    // window that shrank, or a booth whose cap was filled meanwhile drops the interview).
    void keep(const std::vector<Placement>& plan) {
        for (const auto& p : plan) {
            if (slot_possible(p.student, p.booth, p.slot) && seat_free(p.booth, p.slot) &&
                occ_.student_free(p.student, p.slot, gap_) && !occ_.meets(p.student, p.booth) &&
                below_cap(p.booth)) {
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
    // Per booth: its open slots from now on with a free seat. None: nothing can move there.
    std::vector<int> free_from_now_;

    bool below_cap(int booth) const {
        const int cap = model_.booths()[size_t(booth)].max_interviews;
        return cap == kNoCap || occ_.booth_interviews[size_t(booth)] < cap;
    }

    bool counts_from_now(int booth, int slot) const {
        return slot >= model_.now_slot() && model_.booths()[size_t(booth)].open[size_t(slot)];
    }

    std::vector<Placement>& planned_at(int booth, int slot) {
        return at_booth_slot_[size_t(booth * slots_ + slot)];
    }
    void place(const Placement& p) {
        const bool was_free = seat_free(p.booth, p.slot);
        occ_.add(p);
        if (was_free && !seat_free(p.booth, p.slot) && counts_from_now(p.booth, p.slot)) {
            --free_from_now_[size_t(p.booth)];
        }
        planned_at(p.booth, p.slot).push_back(p);
    }
    void unplace(const Placement& p) {
        const bool was_free = seat_free(p.booth, p.slot);
        occ_.remove(p);
        if (!was_free && seat_free(p.booth, p.slot) && counts_from_now(p.booth, p.slot)) {
            ++free_from_now_[size_t(p.booth)];
        }
        auto& list = planned_at(p.booth, p.slot);
        list.erase(std::find_if(list.begin(), list.end(),
                                [&](const Placement& q) { return q.student == p.student; }));
    }
    bool seat_free(int booth, int slot) const {
        return occ_.seats_at(booth, slot) < model_.booths()[size_t(booth)].seats;
    }
    bool any_seat_free_from_now(int booth) const { return free_from_now_[size_t(booth)] > 0; }
    // Rule 3 and the live clock: a slot the student could sit at this booth.
    bool slot_possible(int student, int booth, int slot) const {
        const auto& s = model_.students()[size_t(student)];
        return slot >= std::max(s.window_begin, model_.now_slot()) && slot < s.window_end &&
               model_.booths()[size_t(booth)].open[size_t(slot)];
    }
    // Visits the slots to try for a student at a booth until `visit` returns true: the previous
    // plan's slot first, then nearest to `around` first (the earlier of two as near). Visited in
    // place, without a list: this runs for every probe of the repair and the fill.
    template <class Visit>
    bool for_slots_to_try(int student, int booth, int around, Visit&& visit) const {
        const std::optional<int> kept = previous_.slot_of(student, booth);
        if (kept && slot_possible(student, booth, *kept) && visit(*kept)) return true;
        auto consider = [&](int k) {
            return k >= 0 && k < slots_ && k != kept && slot_possible(student, booth, k) &&
                   visit(k);
        };
        const int farthest = std::max(std::abs(around), std::abs(slots_ - 1 - around));
        if (consider(around)) return true;
        for (int distance = 1; distance <= farthest; ++distance) {
            if (consider(around - distance) || consider(around + distance)) return true;
        }
        return false;
    }

    bool relocate_within_booth(const Placement& p) {
        if (!any_seat_free_from_now(p.booth)) return false;  // it needs one
        return for_slots_to_try(p.student, p.booth, p.slot, [&](int k) {
            if (!seat_free(p.booth, k) || !occ_.student_free(p.student, k, gap_)) return false;
            place({p.student, p.booth, 0, k});
            return true;
        });
    }

    // Another student at the same booth moves to a slot that suits them, freeing one for `p`.
    bool swap_within_booth(const Placement& p) {
        // The other student needs a free seat at this booth from now on: without one no swap can
        // succeed, and the search below (every slot, every student there) is skipped.
        if (!any_seat_free_from_now(p.booth)) return false;
        return for_slots_to_try(p.student, p.booth, p.slot, [&](int k) {
            if (!occ_.student_free(p.student, k, gap_)) return false;
            for (const Placement other : planned_at(p.booth, k)) {
                const bool moved = for_slots_to_try(other.student, p.booth, k, [&](int k2) {
                    if (k2 == k || !seat_free(p.booth, k2)) return false;
                    if (!occ_.student_free(other.student, k2, gap_, k)) return false;
                    unplace(other);
                    place({other.student, p.booth, 0, k2});
                    place({p.student, p.booth, 0, k});
                    return true;
                });
                if (moved) return true;
            }
            return false;
        });
    }

    // The student's own interview that blocks `p` moves to another slot of its booth (or swaps
    // there), and `p` takes the freed time.
    bool move_own_blocker(const Placement& p) {
        return for_slots_to_try(p.student, p.booth, p.slot, [&](int k) {
            if (!seat_free(p.booth, k)) return false;
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
            if (blockers != 1 || !occ_.student_free(p.student, k, gap_, blocker->slot)) {
                return false;
            }
            unplace(*blocker);
            place({p.student, p.booth, 0, k});
            if (relocate_within_booth(*blocker) || swap_within_booth(*blocker)) return true;
            unplace({p.student, p.booth, 0, k});
            place(*blocker);
            return false;
        });
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
            if (!below_cap(b)) continue;
            const Placement probe{student, b, 0, state.window_begin};
            if (relocate_within_booth(probe)) return true;
            if (may_shift && swap_within_booth(probe)) return true;
        }
        return false;
    }
};

}  // namespace

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

std::vector<char> covered_by_locked_interviews(const AllocationModel& model) {
    std::vector<char> covered(model.students().size(), 0);
    for (const auto& p : model.locked()) {
        if (placement_points(model, p) > 0) covered[size_t(p.student)] = 1;
    }
    return covered;
}

RepairOutcome repair_and_fill(const AllocationModel& model, Occupancy& taken,
                              const PlanIndex& previous, Deadline deadline,
                              std::vector<Placement> relaxed) {
    Repairer repairer(model, taken, previous, deadline);
    RepairOutcome outcome;
    outcome.repaired_collisions = repairer.repair(std::move(relaxed));
    repairer.fill();
    outcome.planned = repairer.planned();
    outcome.out_of_time = repairer.out_of_time();
    return outcome;
}

std::vector<Placement> keep_and_place(const AllocationModel& model,
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

void complete_result(const AllocationModel& model, const AllocateOptions& options,
                     const PlanIndex& previous, Deadline deadline, AllocationResult& result) {
    const bool keep = options.keep_weight > 0;
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
        // (booth, slot, student) names one interview, so the order is unique and a merge of the
        // kept ones (in the plan's order, usually sorted already) with the re-timed ones, sorted
        // alone, gives what sorting all of them would, without sorting the whole plan again.
        const auto by_booth_slot = [](const Placement& a, const Placement& b) {
            return std::tie(a.booth, a.slot, a.student) < std::tie(b.booth, b.slot, b.student);
        };
        const auto kept_begin = held.end() - std::ptrdiff_t(kept_count);
        std::sort(idle.movable.begin(), idle.movable.end(), by_booth_slot);
        if (!std::is_sorted(kept_begin, held.end(), by_booth_slot)) {
            std::sort(kept_begin, held.end(), by_booth_slot);
        }
        result.planned.clear();
        result.planned.reserve(kept_count + idle.movable.size());
        std::merge(kept_begin, held.end(), idle.movable.begin(), idle.movable.end(),
                   std::back_inserter(result.planned), by_booth_slot);
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
}

}  // namespace jobfair::alloc
