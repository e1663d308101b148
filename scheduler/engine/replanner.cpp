#include "scheduler/engine/replanner.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <memory>
#include <optional>

#include "scheduler/engine/plan_repair.hpp"

namespace jobfair::alloc {

namespace {

// Changes above this share of the network are cheaper to solve from scratch.
constexpr double kRepairShare = 0.25;

// A window of slots as bits, when every slot fits in 64: two windows then compare without
// reading a hub's list of slots.
std::optional<std::uint64_t> window_bits(const std::vector<int>& slots, int slot_count) {
    if (slot_count > 64) return std::nullopt;
    std::uint64_t bits = 0;
    for (int k : slots)
        bits |= std::uint64_t(1) << k;
    return bits;
}

// The arc id in `slot`, created on first use.
int& find_pair_arc(std::vector<std::pair<int, int>>& arcs, int what) {
    for (auto& [key, arc] : arcs) {
        if (key == what) return arc;
    }
    arcs.emplace_back(what, -1);
    return arcs.back().second;
}

}  // namespace

Replanner::Replanner(AllocateOptions options) : options_(options) {}

int Replanner::node(int& slot) {
    if (slot < 0) slot = flow_.add_node();
    return slot;
}

void Replanner::set(int& arc, int from, int to, int capacity, long long cost) {
    if (arc < 0) {
        arc = flow_.add_arc(from, to);
        seen_in_round_.push_back(0);
    }
    seen_in_round_[size_t(arc)] = round_;
    flow_.set_arc(arc, capacity, cost);
}

int Replanner::hub_for(const AllocationModel& model, int booth, const std::vector<int>& slots) {
    auto [it, inserted] = hub_by_window_.try_emplace({booth, slots}, int(hubs_.size()));
    if (inserted) {
        Hub hub;
        hub.booth = booth;
        hub.slots = slots;
        hub.node = flow_.add_node();
        for (int k : slots) {
            const int target = node(slot_node_[size_t(booth * slots_ + k)]);
            hub.arcs.push_back(flow_.add_arc(hub.node, target));
            seen_in_round_.push_back(0);
        }
        hubs_.push_back(std::move(hub));
    }
    return hub_for_known(model, it->second);
}

int Replanner::hub_for_known(const AllocationModel& model, int index) {
    // A hub passes a booth's seats to each of its slots (the booth-slot arc holds the limit).
    Hub& hub = hubs_[size_t(index)];
    if (hub.round == round_) return index;
    hub.round = round_;
    for (int arc : hub.arcs) {
        seen_in_round_[size_t(arc)] = round_;
        flow_.set_arc(arc, model.booths()[size_t(hub.booth)].seats, 0);
    }
    return index;
}

void Replanner::reset(const AllocationModel& model) {
    flow_ = IncrementalFlow();
    students_ = model.students().size();
    booths_ = model.booths().size();
    slots_ = model.slot_count();
    supply_ = 0;
    for (const auto& student : model.students())
        supply_ += std::max(0, student.max_interviews);
    weigh_tiers();
    source_ = flow_.add_node();
    sink_ = flow_.add_node();
    flow_.add_supply(source_, supply_);
    flow_.add_supply(sink_, -supply_);
    student_ids_.clear();
    for (const auto& student : model.students())
        student_ids_.push_back(student.id);
    student_node_.assign(students_, -1);
    booth_node_.assign(booths_, -1);
    slot_node_.assign(booths_ * size_t(slots_), -1);
    pairs_of_student_.assign(students_, {});
    cover_arc_.assign(students_, -1);
    extra_arc_.assign(students_, -1);
    booth_arc_.assign(booths_, -1);
    slot_arc_.assign(booths_ * size_t(slots_), -1);
    bypass_arc_ = -1;
    hub_by_window_.clear();
    hubs_.clear();
    seen_in_round_.clear();
    round_ = 0;
    dead_arcs_ = 0;
    built_ = true;
}

bool Replanner::extend_students(const AllocationModel& model) {
    const auto& students = model.students();
    if (students.size() <= students_) return false;
    for (size_t s = 0; s < students_; ++s) {
        if (students[s].id != student_ids_[s]) return false;
    }
    long long added = 0;
    for (size_t s = students_; s < students.size(); ++s)
        added += std::max(0, students[s].max_interviews);
    const long long slot_unit = slot_unit_, keep = keep_, point = point_;
    supply_ += added;
    weigh_tiers();
    supply_ -= added;
    if (slot_unit != slot_unit_ || keep != keep_ || point != point_) {
        slot_unit_ = slot_unit;
        keep_ = keep;
        point_ = point;
        return false;
    }
    // The new units start at the source and end at the sink: the bypass arc (widened by
    // describe) carries them until the repair finds them better paths.
    supply_ += added;
    flow_.add_supply(source_, added);
    flow_.add_supply(sink_, -added);
    for (size_t s = students_; s < students.size(); ++s)
        student_ids_.push_back(students[s].id);
    students_ = students.size();
    student_node_.resize(students_, -1);
    pairs_of_student_.resize(students_);
    cover_arc_.resize(students_, -1);
    extra_arc_.resize(students_, -1);
    return true;
}

void Replanner::weigh_tiers() {
    // An interview in slot k costs k: among plans of equal score and equal change, seats are
    // filled from the earliest, as allocate()'s idle tier does, so every way of reaching the
    // optimum (a rebuild, a repair) fills the same near seats. Keeping one interview outweighs
    // all of that together, and one preference point every kept interview together (at most one
    // per unit of supply).
    const auto above = [](long long value) {
        return static_cast<long long>(std::bit_ceil(static_cast<unsigned long long>(value)));
    };
    const long long supply = std::max(1LL, supply_);
    slot_unit_ = 1;
    keep_ = above(supply * std::max(1, slots_) + 1);
    point_ = above(keep_ * (supply + 1));
    // Keep every cost sum (points x coverage x supply) far from overflow: a fair too large for
    // the slot tier keeps the other two, and the idle pass still fills seats from the earliest.
    if (point_ >= (1LL << 60) / (kCoverageWeight * supply)) {
        slot_unit_ = 0;
        keep_ = 1;
        point_ = above(supply + 1);
    }
}

struct Replanner::Inputs {
    Occupancy locked;  // the promises' seats, caps and times, before any repair
    std::vector<char> covered_by_locked;
    PlanIndex previous;
    CandidateSet candidates;
    // `reuse`: the last re-plan's candidates, whose memory the new list takes over.
    Inputs(const AllocationModel& model, CandidateSet&& reuse);
};

Replanner::Inputs::Inputs(const AllocationModel& model, CandidateSet&& reuse)
    : locked(model, model.locked()),
      covered_by_locked(covered_by_locked_interviews(model)),
      previous(model, model.planned()),
      candidates(std::move(reuse)) {
    candidate_interviews(model, locked, candidates);
}

std::vector<Replanner::Pair> Replanner::describe(const AllocationModel& model,
                                                 const Inputs& inputs) {
    ++round_;
    const auto& booths = model.booths();
    const Occupancy& locked = inputs.locked;
    const std::vector<char>& covered_by_locked = inputs.covered_by_locked;
    const CandidateSet& candidates = inputs.candidates;
    const bool keep = options_.keep_weight > 0;

    std::vector<Pair> pairs;
    pairs.reserve(candidates.pairs.size());
    int last_student = -1;
    for (const Candidate& candidate : candidates.pairs) {
        const size_t s = size_t(candidate.student);
        const int student = node(student_node_[s]);
        if (candidate.student != last_student) {
            last_student = candidate.student;
            const int room = candidates.room[s];
            const int first = covered_by_locked[s] ? 0 : std::min(room, 1);
            set(cover_arc_[s], source_, student, first, -kCoverageWeight * point_);
            set(extra_arc_[s], source_, student, room - first, 0);
        }
        Pair pair;
        pair.student = candidate.student;
        pair.booth = candidate.booth;
        pair.rank = candidate.rank;
        PairArcs* arcs = nullptr;
        for (auto& known : pairs_of_student_[s]) {
            if (known.booth == candidate.booth) arcs = &known;
        }
        if (!arcs) {
            arcs = &pairs_of_student_[s].emplace_back();
            arcs->booth = candidate.booth;
            arcs->node = flow_.add_node();
        }
        set(arcs->pair_arc, student, arcs->node, 1, -points_for_rank(candidate.rank) * point_);
        // Most pairs keep their possible slots from one re-plan to the next, and so their hub.
        const std::optional<std::uint64_t> window = window_bits(candidate.slots, slots_);
        const bool same_hub = arcs->last_hub >= 0 &&
                              (window ? arcs->last_window == *window
                                      : hubs_[size_t(arcs->last_hub)].slots == candidate.slots);
        if (same_hub) {
            pair.hub = hub_for_known(model, arcs->last_hub);
        } else {
            pair.hub = hub_for(model, candidate.booth, candidate.slots);
            arcs->last_hub = pair.hub;
            arcs->last_window = window.value_or(0);
        }
        int& hub_arc = same_hub ? arcs->last_hub_arc : find_pair_arc(arcs->hub_arcs, pair.hub);
        set(hub_arc, arcs->node, hubs_[size_t(pair.hub)].node, 1, 0);
        arcs->last_hub_arc = hub_arc;
        pair.hub_arc = hub_arc;
        if (keep) {
            const std::optional<int> previous_slot =
                inputs.previous.slot_of(candidate.student, candidate.booth);
            if (previous_slot && std::binary_search(candidate.slots.begin(), candidate.slots.end(),
                                                    *previous_slot)) {
                pair.keep_slot = *previous_slot;
                const int slot = slot_node_[size_t(candidate.booth * slots_ + pair.keep_slot)];
                int& keep_arc = pair.keep_slot == arcs->last_keep_slot
                                    ? arcs->last_keep_arc
                                    : find_pair_arc(arcs->keep_arcs, pair.keep_slot);
                set(keep_arc, arcs->node, slot, 1, -keep_);
                arcs->last_keep_slot = pair.keep_slot;
                arcs->last_keep_arc = keep_arc;
                pair.keep_arc = keep_arc;
            }
        }
        pairs.push_back(pair);
    }
    for (size_t b = 0; b < booths.size(); ++b) {
        const int booth = node(booth_node_[b]);
        set(booth_arc_[b], booth, sink_, candidates.booth_room[b], 0);
        for (int k = 0; k < slots_; ++k) {
            const size_t at = b * size_t(slots_) + size_t(k);
            if (slot_node_[at] < 0) continue;  // created with the first hub that reaches it
            set(slot_arc_[at], slot_node_[at], booth,
                std::max(0, booths[b].seats - locked.seats_at(int(b), k)), k * slot_unit_);
        }
    }
    set(bypass_arc_, source_, sink_, int(supply_), 0);
    // Whatever the model no longer implies carries nothing.
    dead_arcs_ = 0;
    for (int a = 0; a < flow_.arc_count(); ++a) {
        if (seen_in_round_[size_t(a)] == round_) continue;
        ++dead_arcs_;
        if (flow_.capacity(a) != 0) flow_.set_arc(a, 0, flow_.cost(a));
    }
    return pairs;
}

AllocationResult Replanner::replan(const AllocationModel& model) {
    const auto started = std::chrono::steady_clock::now();
    Inputs inputs(model, std::move(candidates_kept_));
    AllocationResult result = replan(model, inputs);
    candidates_kept_ = std::move(inputs.candidates);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

AllocationResult Replanner::replan(const AllocationModel& model, const Inputs& inputs) {
    const auto started = std::chrono::steady_clock::now();
    AllocationResult result;
    result.locked = model.locked();
    result.broken_promises = model.broken_promises();

    Occupancy occupancy = inputs.locked;  // the repair below adds to it
    const std::vector<char>& covered_by_locked = inputs.covered_by_locked;
    const PlanIndex& previous = inputs.previous;

    const bool grew = !built_ || model.booths().size() != booths_ || model.slot_count() != slots_ ||
                      (model.students().size() != students_ && !extend_students(model));
    const bool weight_too_small = ((long long)model.planned().size() + 1) * keep_ > point_;
    bool rebuild = grew || weight_too_small || dead_arcs_ > flow_.arc_count() / 2;
    if (rebuild) reset(model);
    std::vector<Pair> pairs = describe(model, inputs);
    last_changed_arcs_ = 0;
    if (!rebuild) {
        rebuild = double(flow_.pending_changes()) > kRepairShare * flow_.arc_count();
        last_changed_arcs_ = flow_.pending_changes();
    }
    if (rebuild || !flow_.restore_optimality()) {
        if (!flow_.solve_from_scratch()) {
            // Cannot happen with the bypass arc; a plain solve keeps the fair going regardless.
            return allocate(model, options_);
        }
        rebuild = true;
    }
    last_was_repair_ = !rebuild;
    ++(rebuild ? counts_.rebuilt : counts_.repaired);

    // A hub's flow is handed out to its pairs in order, as allocate() does: per hub, the slot
    // being filled and the units left in it, met in the pairs' order (flat, not a list per hub).
    std::vector<int> slot_of_pair(pairs.size(), -1);
    std::vector<std::pair<int, int>> filling(hubs_.size(), {-1, 0});
    for (size_t i = 0; i < pairs.size(); ++i) {
        if (flow_.flow(pairs[i].hub_arc) == 0) continue;
        const Hub& hub = hubs_[size_t(pairs[i].hub)];
        if (hub.arcs.empty()) continue;
        auto& [next_slot, left_in_slot] = filling[size_t(pairs[i].hub)];
        if (next_slot < 0) {
            next_slot = 0;
            left_in_slot = flow_.flow(hub.arcs[0]);
        }
        while (left_in_slot == 0 && size_t(next_slot) + 1 < hub.slots.size()) {
            ++next_slot;
            left_in_slot = flow_.flow(hub.arcs[size_t(next_slot)]);
        }
        slot_of_pair[i] = hub.slots[size_t(next_slot)];
        --left_in_slot;
    }
    std::vector<Placement> relaxed;
    long long relaxed_score = score_of_placements(model, model.locked());
    std::vector<char> covered(model.students().size(), 0);
    for (size_t i = 0; i < pairs.size(); ++i) {
        const Pair& pair = pairs[i];
        if (pair.keep_arc >= 0 && flow_.flow(pair.keep_arc) > 0) slot_of_pair[i] = pair.keep_slot;
        if (slot_of_pair[i] < 0) continue;
        relaxed.push_back({pair.student, pair.booth, 0, slot_of_pair[i]});
        relaxed_score += points_for_rank(pair.rank);
        if (!covered[size_t(pair.student)] && !covered_by_locked[size_t(pair.student)]) {
            covered[size_t(pair.student)] = 1;
            relaxed_score += kCoverageWeight;
        }
    }
    result.upper_bound = relaxed_score;

    const Deadline deadline = deadline_after(started, options_.time_limit_seconds);
    RepairOutcome repaired =
        repair_and_fill(model, occupancy, previous, deadline, std::move(relaxed));
    result.planned = std::move(repaired.planned);
    result.repaired_collisions = repaired.repaired_collisions;
    result.stopped_by_time_limit = repaired.out_of_time;
    complete_result(model, options_, previous, deadline, result);
    // Short of the bound, the repair lost points to rule 2 from a flow that favours the previous
    // plan's slots. A second network without that preference (kept incrementally too) gives
    // another flow to repair, as allocate() tries two; a better score wins over fewer changes.
    // Its loss is mostly the same few points from one event to the next, and a second opinion
    // that could not beat a gap is not asked again until the gap grows or the network is rebuilt.
    const long long gap = result.upper_bound - result.score;
    if (rebuild) gap_second_lost_ = 0;
    asked_second_ = gap > gap_second_lost_ && options_.keep_weight > 0;
    if (asked_second_) {
        if (!without_keep_) {
            AllocateOptions plain = options_;
            plain.keep_weight = 0;
            plain.reduce_idle = false;  // done below, for the plan that wins, holding kept ones
            without_keep_ = std::make_unique<Replanner>(plain);
        }
        AllocationResult other = without_keep_->replan(model, inputs);
        if (other.score > result.score) {
            AllocationResult better;
            better.locked = std::move(result.locked);
            better.broken_promises = std::move(result.broken_promises);
            better.upper_bound = result.upper_bound;
            better.planned = std::move(other.planned);
            better.repaired_collisions = other.repaired_collisions;
            complete_result(model, options_, previous, deadline, better);
            result = std::move(better);
            gap_second_lost_ = 0;
        } else {
            gap_second_lost_ = gap;
        }
    }
    return result;
}

}  // namespace jobfair::alloc
