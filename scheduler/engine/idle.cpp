#include "scheduler/engine/idle.hpp"

#include <algorithm>
#include <cstdlib>

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

namespace jobfair::alloc {

namespace {

long long idle_of_student(const AllocationModel& model, int student, int last_slot,
                          int interviews) {
    const SlotGrid& grid = model.grid();
    return static_cast<long long>(grid.slot_end(last_slot).minutes()) -
           model.students()[size_t(student)].arrive.minutes() -
           static_cast<long long>(grid.slot_minutes) * interviews;
}

// Which slots a new or moved interview may take: rule 3 and the live clock.
bool slot_possible(const AllocationModel& model, int student, int booth, int slot) {
    const StudentState& s = model.students()[size_t(student)];
    return slot >= std::max(s.window_begin, model.now_slot()) && slot < s.window_end &&
           model.booths()[size_t(booth)].open[size_t(slot)];
}

// Ends a student's movable interviews as early as possible: for each order of their booths, each
// interview takes the earliest slot after the previous one that is allowed (rule 3), keeps the
// gap to the student's fixed interviews and the previous one (rule 2), and has a seat left when
// `seat_free` says so. For one order, earliest-first is optimal at every position, so the best
// over all orders is the student's best; ties go to the smaller sum of slots.
struct StudentTimes {
    bool feasible = false;
    int last = -1;
    long long slot_sum = 0;
    std::vector<int> slots;  // per movable booth, in the order given
};

template <class SeatFree>
StudentTimes earliest_times(const AllocationModel& model, int student,
                            const std::vector<int>& movable_booths,
                            const std::vector<int>& fixed_slots, SeatFree seat_free) {
    const int gap = model.student_gap_slots();
    const StudentState& state = model.students()[size_t(student)];
    int fixed_last = -1;
    for (int k : fixed_slots)
        fixed_last = std::max(fixed_last, k);

    std::vector<size_t> order(movable_booths.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    // Orders grow as n!; students have a handful of interviews, but stay safe beyond that.
    const bool all_orders = order.size() <= 6;

    StudentTimes best;
    std::vector<int> slots(movable_booths.size());
    do {
        int previous = -1 - gap - 1;
        bool feasible = true;
        long long sum = 0;
        for (size_t position : order) {
            const int booth = movable_booths[position];
            int chosen = -1;
            for (int k = std::max(previous + gap + 1, 0); k < state.window_end; ++k) {
                if (!slot_possible(model, student, booth, k) || !seat_free(booth, k)) continue;
                const bool clash = std::any_of(fixed_slots.begin(), fixed_slots.end(),
                                               [&](int f) { return std::abs(f - k) <= gap; });
                if (clash) continue;
                chosen = k;
                break;
            }
            if (chosen < 0) {
                feasible = false;
                break;
            }
            slots[position] = chosen;
            sum += chosen;
            previous = chosen;
        }
        if (feasible) {
            const int last = std::max(fixed_last, previous);
            if (!best.feasible || last < best.last || (last == best.last && sum < best.slot_sum)) {
                best.feasible = true;
                best.last = last;
                best.slot_sum = sum;
                best.slots = slots;
            }
        }
    } while (all_orders && std::next_permutation(order.begin(), order.end()));
    return best;
}

class IdleSearch {
  public:
    using Clock = std::chrono::steady_clock;

    IdleSearch(const AllocationModel& model, const std::vector<Placement>& fixed,
               const std::vector<Placement>& movable)
        : model_(model),
          slots_(model.slot_count()),
          gap_(model.student_gap_slots()),
          of_student_(model.students().size()),
          movable_at_booth_(model.booths().size()),
          used_(model.booths().size() * size_t(model.slot_count()), 0) {
        interviews_ = fixed;
        interviews_.insert(interviews_.end(), movable.begin(), movable.end());
        movable_.assign(interviews_.size(), 0);
        std::fill(movable_.begin() + std::ptrdiff_t(fixed.size()), movable_.end(), 1);
        for (size_t i = 0; i < interviews_.size(); ++i) {
            const Placement& p = interviews_[i];
            of_student_[size_t(p.student)].push_back(i);
            if (movable_[i]) movable_at_booth_[size_t(p.booth)].push_back(i);
            ++used_at(p.booth, p.slot);
        }
    }

    // Rounds of both neighbourhoods until neither improves or the deadline passes.
    bool run(std::optional<Clock::time_point> deadline) {
        auto late = [&] { return deadline && Clock::now() > *deadline; };
        bool improved = true;
        while (improved) {
            improved = false;
            for (size_t s = 0; s < of_student_.size(); ++s) {
                if (late()) return false;
                improved = improve_student(int(s)) || improved;
            }
            for (size_t b = 0; b < movable_at_booth_.size(); ++b) {
                if (late()) return false;
                improved = improve_booth(int(b)) || improved;
            }
        }
        return true;
    }

    std::vector<Placement> movable() const {
        std::vector<Placement> result;
        for (size_t i = 0; i < interviews_.size(); ++i) {
            if (movable_[i]) result.push_back(interviews_[i]);
        }
        return result;
    }

    // Each student alone, seats ignored: no schedule with these pairs ends them earlier.
    long long lower_bound() const {
        long long bound = 0;
        for (size_t s = 0; s < of_student_.size(); ++s) {
            if (of_student_[s].empty()) continue;
            std::vector<int> booths, fixed_slots;
            split(int(s), booths, fixed_slots);
            const StudentTimes times =
                earliest_times(model_, int(s), booths, fixed_slots, [](int, int) { return true; });
            const int last = times.feasible ? times.last : last_slot_of(int(s));
            bound += idle_of_student(model_, int(s), last, int(of_student_[s].size()));
        }
        return bound;
    }

  private:
    const AllocationModel& model_;
    int slots_;
    int gap_;
    std::vector<Placement> interviews_;  // fixed first, then movable
    std::vector<char> movable_;
    std::vector<std::vector<size_t>> of_student_;
    std::vector<std::vector<size_t>> movable_at_booth_;
    std::vector<int> used_;  // seats taken per booth * slots + slot

    int& used_at(int booth, int slot) { return used_[size_t(booth * slots_ + slot)]; }
    int seats_of(int booth) const { return model_.booths()[size_t(booth)].seats; }

    // The student's movable booths (in booth order) and the slots of their fixed interviews.
    void split(int student, std::vector<int>& movable_booths, std::vector<int>& fixed_slots) const {
        for (size_t i : of_student_[size_t(student)]) {
            if (movable_[i]) {
                movable_booths.push_back(interviews_[i].booth);
            } else {
                fixed_slots.push_back(interviews_[i].slot);
            }
        }
        std::sort(movable_booths.begin(), movable_booths.end());
    }

    int last_slot_of(int student) const {
        int last = -1;
        for (size_t i : of_student_[size_t(student)])
            last = std::max(last, interviews_[i].slot);
        return last;
    }

    bool improve_student(int student) {
        std::vector<int> booths, fixed_slots;
        split(student, booths, fixed_slots);
        if (booths.empty()) return false;
        std::vector<size_t> mine;  // movable interviews, in the order of `booths`
        long long current_sum = 0;
        for (int booth : booths) {
            for (size_t i : of_student_[size_t(student)]) {
                if (movable_[i] && interviews_[i].booth == booth) {
                    mine.push_back(i);
                    current_sum += interviews_[i].slot;
                    --used_at(booth, interviews_[i].slot);
                }
            }
        }
        const int current_last = last_slot_of(student);
        const StudentTimes best = earliest_times(
            model_, student, booths, fixed_slots,
            [&](int booth, int slot) { return used_at(booth, slot) < seats_of(booth); });
        const bool better =
            best.feasible && (best.last < current_last ||
                              (best.last == current_last && best.slot_sum < current_sum));
        for (size_t j = 0; j < mine.size(); ++j) {
            if (better) interviews_[mine[j]].slot = best.slots[j];
            ++used_at(interviews_[mine[j]].booth, interviews_[mine[j]].slot);
        }
        return better;
    }

    // Exact re-assignment of one booth's movable interviews to its seat-slots, the others held.
    bool improve_booth(int booth) {
        const std::vector<size_t>& ids = movable_at_booth_[size_t(booth)];
        if (ids.empty()) return false;
        const long long n = static_cast<long long>(ids.size());
        // Costs in three tiers: the end of each student's last interview, then the sum of slots
        // (earlier interviews leave later seats to others), then staying put (no needless moves).
        const long long stay_tier = n + 1;
        const long long slot_tier = stay_tier;
        const long long last_tier = (static_cast<long long>(slots_) * n + 1) * slot_tier;

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
        // Rule 1: a slot takes as many as the seats the held interviews leave.
        std::vector<int> movable_in_slot(size_t(slots_), 0);
        for (size_t i : ids)
            ++movable_in_slot[size_t(interviews_[i].slot)];
        std::vector<Graph::Node> slot_node(size_t(slots_), lemon::INVALID);
        auto node_of_slot = [&](int k) {
            if (slot_node[size_t(k)] == lemon::INVALID) {
                slot_node[size_t(k)] = graph.addNode();
                add_arc(slot_node[size_t(k)], sink,
                        seats_of(booth) - used_at(booth, k) + movable_in_slot[size_t(k)], 0);
            }
            return slot_node[size_t(k)];
        };

        struct Choice {
            size_t interview;
            int slot;
            Graph::Arc arc;
        };
        std::vector<Choice> choices;
        long long current_cost = 0;
        for (size_t i : ids) {
            const Placement& p = interviews_[i];
            std::vector<int> own;  // the student's other interviews
            int other_last = -1;
            for (size_t j : of_student_[size_t(p.student)]) {
                if (j == i) continue;
                own.push_back(interviews_[j].slot);
                other_last = std::max(other_last, interviews_[j].slot);
            }
            current_cost += std::max(p.slot, other_last) * last_tier + p.slot * slot_tier;
            const Graph::Node interview_node = graph.addNode();
            add_arc(source, interview_node, 1, 0);
            for (int k = 0; k < slots_; ++k) {
                if (!slot_possible(model_, p.student, booth, k)) continue;
                // Rule 2: one interview per slot for the student, with the gap between two.
                if (std::any_of(own.begin(), own.end(),
                                [&](int o) { return std::abs(o - k) <= gap_; })) {
                    continue;
                }
                const long long arc_cost =
                    std::max(k, other_last) * last_tier + k * slot_tier + (k == p.slot ? 0 : 1);
                choices.push_back({i, k, add_arc(interview_node, node_of_slot(k), 1, arc_cost)});
            }
        }
        lemon::NetworkSimplex<Graph, int, long long> simplex(graph);
        simplex.upperMap(capacity).costMap(cost).stSupply(source, sink, static_cast<int>(n));
        if (simplex.run() != lemon::NetworkSimplex<Graph, int, long long>::OPTIMAL) return false;
        if (simplex.totalCost() >= current_cost) return false;
        for (const Choice& choice : choices) {
            if (simplex.flow(choice.arc) == 0) continue;
            Placement& p = interviews_[choice.interview];
            --used_at(booth, p.slot);
            p.slot = choice.slot;
            ++used_at(booth, p.slot);
        }
        return true;
    }
};

}  // namespace

long long total_idle_minutes(const AllocationModel& model, const std::vector<Placement>& all) {
    const size_t students = model.students().size();
    std::vector<int> last(students, -1);
    std::vector<int> count(students, 0);
    for (const Placement& p : all) {
        last[size_t(p.student)] = std::max(last[size_t(p.student)], p.slot);
        ++count[size_t(p.student)];
    }
    long long total = 0;
    for (size_t s = 0; s < students; ++s) {
        if (count[s] > 0) total += idle_of_student(model, int(s), last[s], count[s]);
    }
    return total;
}

IdleReduction reduce_idle(const AllocationModel& model, const std::vector<Placement>& fixed,
                          std::vector<Placement> movable,
                          std::optional<std::chrono::steady_clock::time_point> deadline) {
    IdleReduction reduction;
    IdleSearch search(model, fixed, movable);
    reduction.stopped_by_time_limit = !search.run(deadline);
    reduction.lower_bound = search.lower_bound();
    reduction.movable = search.movable();
    for (size_t i = 0; i < movable.size(); ++i) {
        if (reduction.movable[i].slot != movable[i].slot) ++reduction.moved;
    }
    std::vector<Placement> all = fixed;
    all.insert(all.end(), reduction.movable.begin(), reduction.movable.end());
    reduction.idle_minutes = total_idle_minutes(model, all);
    return reduction;
}

}  // namespace jobfair::alloc
