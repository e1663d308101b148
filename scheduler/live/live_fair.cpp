#include "scheduler/live/live_fair.hpp"

#include "common/schedule_check.hpp"
#include "scheduler/live/outlook.hpp"
#include "scheduler/live/server_views.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

namespace jobfair {

namespace {

bool is_commitment(InterviewStatus status) {
    return status == InterviewStatus::promised || status == InterviewStatus::called ||
           status == InterviewStatus::in_progress || status == InterviewStatus::done;
}

alloc::AllocateOptions replan_options(double keep_weight) {
    alloc::AllocateOptions options;
    options.keep_weight = keep_weight;
    return options;
}

}  // namespace

LiveFair::LiveFair(Store& store, const FairClock& clock, double keep_weight)
    : store_(store),
      clock_(clock),
      keep_weight_(keep_weight),
      fair_(store.load_fair()),
      model_(alloc::AllocationModel::from_fair(fair_)),
      replanner_(replan_options(keep_weight)),
      absences_(store.student_absences()) {
    pace_.slot_minutes = fair_.settings.grid.slot_minutes;
    rebuild_model();
}

void LiveFair::rebuild_model() {
    fair_ = store_.load_fair();
    model_ = alloc::AllocationModel::from_fair(fair_);
    paused_ = store_.paused_booths();
    // Resume where the day stands: who is here, which pairs are over, what was planned.
    for (const auto& [student, at] : store_.check_ins()) {
        const Student* known = fair_.find_student(student);
        if (known) model_.set_student_window(student, std::max(known->arrive, at), known->leave);
    }
    for (const auto& [booth, since] : paused_)
        model_.close_booth_between(booth, since, fair_.settings.grid.day_end);
    std::vector<alloc::Placement> planned;
    for (const auto& row : store_.interviews()) {
        const auto placement = model_.to_placement(row.interview);
        if (!placement) continue;
        if (row.status == InterviewStatus::planned) planned.push_back(*placement);
        if (row.status == InterviewStatus::no_show ||
            (row.status == InterviewStatus::cancelled && row.cancel_reason &&
             *row.cancel_reason != "booth_closes_earlier")) {
            model_.block_pair(placement->student, placement->booth);
        }
    }
    model_.set_planned(std::move(planned));
}

bool LiveFair::replan_if_due(std::string_view actor) {
    if (!replan_due_) return false;
    replan_now(actor);
    return true;
}

alloc::AllocationResult LiveFair::replan_now(std::string_view actor) {
    replan_due_ = false;
    model_.set_now(clock_.now());
    auto plan = replanner_.replan(model_);
    ++replans_;
    std::vector<Interview> planned;
    for (const auto& placement : plan.planned)
        planned.push_back(model_.to_interview(placement));
    store_.save_planned_schedule(planned, actor);
    model_.set_planned(plan.planned);
    return plan;
}

namespace {

LiveFairError unknown_booth(const BoothId& booth) {
    return LiveFairError("unknown_booth", "there is no booth " + booth.str(),
                         "Không có gian hàng " + booth.str());
}

LiveFairError unknown_student(const StudentId& student) {
    return LiveFairError("unknown_student",
                         "there is no student " + student.str() + " at this fair",
                         "Không có sinh viên " + student.str() + " ở hội chợ này");
}

}  // namespace

StoredInterview LiveFair::stored(InterviewId id) const {
    for (auto& row : store_.interviews()) {
        if (row.id == id) return row;
    }
    throw LiveFairError("unknown_interview", "there is no interview " + std::to_string(id),
                        "Không có buổi phỏng vấn " + std::to_string(id));
}

int LiveFair::current_slot() const {
    const auto& grid = fair_.settings.grid;
    const int offset = clock_.now().minutes() - grid.day_start.minutes();
    if (offset < 0) return -1;
    return std::min(offset / grid.slot_minutes, grid.slot_count());
}

bool LiveFair::is_busy(const StudentId& student, const std::vector<StoredInterview>& all) const {
    return std::any_of(all.begin(), all.end(), [&](const StoredInterview& row) {
        return row.interview.student == student && (row.status == InterviewStatus::called ||
                                                    row.status == InterviewStatus::in_progress);
    });
}

CheckInResult LiveFair::check_in(const StudentId& student, std::string_view actor) {
    return check_in_many({student}, actor).front();
}

std::vector<CheckInResult> LiveFair::check_in_many(const std::vector<StudentId>& students,
                                                   std::string_view actor) {
    for (const StudentId& student : students) {
        if (!fair_.find_student(student)) {
            throw unknown_student(student);
        }
    }
    const TimeOfDay now = clock_.now();
    model_.set_now(now);
    std::vector<CheckInResult> results(students.size());
    const auto already_here = store_.check_ins();
    std::vector<size_t> arriving;  // indices into `students` of new check-ins
    std::vector<size_t> to_place;  // of those, the ones the plan does not hold as they are
    std::vector<Interview> kept;   // the plan's interviews of the others, promised as they are
    std::set<StudentId> seen;
    for (size_t i = 0; i < students.size(); ++i) {
        const StudentId& student = students[i];
        if (already_here.count(student) > 0 || !seen.insert(student).second) {
            results[i].already_checked_in = true;
            continue;
        }
        arriving.push_back(i);
        const Student& known = *fair_.find_student(student);
        model_.set_student_window(student, std::max(known.arrive, now), known.leave);
        const int index = *model_.student_index(student);

        // Fast path: the plan already holds interviews for the student, all still ahead and
        // inside their stay. Promise those as they are; a full re-plan would keep them anyway
        // (minimum change).
        const auto& window = model_.students()[size_t(index)];
        std::vector<alloc::Placement> mine, others;
        bool plan_fits = true;
        for (const auto& placement : model_.planned()) {
            if (placement.student != index) {
                others.push_back(placement);
                continue;
            }
            mine.push_back(placement);
            if (placement.slot < model_.now_slot() || placement.slot < window.window_begin ||
                placement.slot >= window.window_end) {
                plan_fits = false;
            }
        }
        if (!plan_fits || mine.empty()) {
            to_place.push_back(i);
            continue;
        }
        for (const auto& placement : mine) {
            model_.lock(placement);
            kept.push_back(model_.to_interview(placement));
        }
        model_.set_planned(std::move(others));
    }
    if (arriving.empty()) return finish_check_ins(students, std::move(results));

    // Students the plan does not hold (yet) are placed into it as it stands, which keeps a
    // burst of check-ins fast; the full re-plan follows when the server is quiet
    // (replan_if_due). Nothing promised moves either way.
    std::optional<std::vector<Interview>> plan_to_store;
    std::vector<alloc::Placement> new_plan;
    if (!to_place.empty()) {
        std::vector<int> placing;
        for (size_t i : to_place)
            placing.push_back(*model_.student_index(students[i]));
        new_plan = alloc::place_students(model_, placing);
        replan_due_ = true;
        plan_to_store.emplace(kept);  // still planned in the database until promised below
        for (const auto& placement : new_plan)
            plan_to_store->push_back(model_.to_interview(placement));
    }
    std::vector<StudentId> checking_in;
    for (size_t i : arriving)
        checking_in.push_back(students[i]);
    std::vector<bool> stored;
    try {
        // One transaction for the whole burst: one disk sync, all or nothing.
        stored = store_.check_in_many(checking_in, now, plan_to_store, actor);
    } catch (...) {
        rebuild_model();  // the fast path's locks were not stored: start again from the database
        throw;
    }
    if (std::find(stored.begin(), stored.end(), false) != stored.end()) {
        // Another server process checked someone in meanwhile: follow the database.
        for (size_t k = 0; k < arriving.size(); ++k) {
            if (!stored[k]) results[arriving[k]].already_checked_in = true;
        }
        rebuild_model();
        return finish_check_ins(students, std::move(results));
    }
    if (!to_place.empty()) {
        // Their planned interviews are promises now; the engine must keep them.
        std::set<int> promised_students;
        for (size_t i : to_place)
            promised_students.insert(*model_.student_index(students[i]));
        std::vector<alloc::Placement> still_planned;
        for (const auto& placement : new_plan) {
            if (promised_students.count(placement.student)) {
                model_.lock(placement);
            } else {
                still_planned.push_back(placement);
            }
        }
        model_.set_planned(std::move(still_planned));
    }
    return finish_check_ins(students, std::move(results));
}

std::vector<CheckInResult> LiveFair::finish_check_ins(const std::vector<StudentId>& students,
                                                      std::vector<CheckInResult> results) const {
    // One read of the day for all answers.
    std::map<StudentId, std::vector<StoredInterview>> commitments;
    for (const auto& row : store_.interviews()) {
        if (is_commitment(row.status)) commitments[row.interview.student].push_back(row);
    }
    for (size_t i = 0; i < students.size(); ++i) {
        auto& mine = commitments[students[i]];
        std::sort(mine.begin(), mine.end(), [](const auto& a, const auto& b) {
            return a.interview.start < b.interview.start;
        });
        results[i].interviews = mine;
    }
    return results;
}

StandbyBlock LiveFair::standby_block(const Student& student, const BoothId& booth,
                                     const std::vector<StoredInterview>& all,
                                     std::optional<int> call_into) const {
    const auto& grid = fair_.settings.grid;
    const int slot = call_into.value_or(current_slot());
    if (slot < 0 || slot >= grid.slot_count()) return StandbyBlock::outside_hours;
    // A break or the booth's own hours, as standby_candidate refuses them (rule 3).
    if (const auto index = model_.booth_index(booth);
        !index || !model_.booths()[size_t(*index)].open[size_t(slot)])
        return StandbyBlock::outside_hours;
    if (clock_.now() >= student.leave) return StandbyBlock::left;
    if (is_busy(student.id, all)) return StandbyBlock::busy_elsewhere;
    if (is_away(student.id)) return StandbyBlock::away;
    const int gap = fair_.settings.student_gap_slots;
    int interviews = 0;
    bool near = false;
    for (const auto& row : all) {
        if (row.interview.student != student.id) continue;
        if (row.interview.booth == booth && row.status != InterviewStatus::cancelled &&
            row.status != InterviewStatus::planned) {
            return StandbyBlock::met_booth;
        }
        if (!is_commitment(row.status)) continue;
        ++interviews;
        const auto other = grid.slot_at(row.interview.start);
        // Rule 2 holds for the day as held, so an interview already done counts too: a student
        // called early into this slot elsewhere and finished is still in this slot's record.
        near = near || (other && std::abs(*other - slot) <= gap);
    }
    if (interviews >= fair_.max_interviews_of(student)) return StandbyBlock::interview_limit;
    if (near) return StandbyBlock::own_interview_near;
    return StandbyBlock::none;
}

int LiveFair::call_slot(const BoothId& booth, int seat,
                        const std::vector<StoredInterview>& all) const {
    const int slot = current_slot();
    const auto& grid = fair_.settings.grid;
    const auto booth_index = model_.booth_index(booth);
    if (slot < 0 || slot + 1 >= grid.slot_count() || !booth_index) return slot;
    const bool over = std::any_of(all.begin(), all.end(), [&](const StoredInterview& row) {
        return row.interview.booth == booth && row.interview.seat == seat &&
               row.interview.start == grid.slot_start(slot) && row.status == InterviewStatus::done;
    });
    const auto& open = model_.booths()[size_t(*booth_index)].open;
    if (over && open[size_t(slot + 1)] && !is_paused(booth)) return slot + 1;
    return slot;
}

std::optional<StoredInterview> LiveFair::standby_candidate(
    const BoothId& booth, int seat, int slot, const std::vector<StoredInterview>& all,
    CallResult& result, const StudentId* only, std::optional<InterviewId> movable) const {
    const auto& grid = fair_.settings.grid;
    if (slot < 0 || slot >= grid.slot_count()) {
        result.nobody_because(CallResult::Nobody::outside_hours,
                              "the fair's interview hours are over or have not begun");
        return std::nullopt;
    }
    // Not into a break or after the booth's hours (rule 3): the slot must be open at the booth.
    if (const auto index = model_.booth_index(booth);
        !index || !model_.booths()[size_t(*index)].open[size_t(slot)]) {
        result.nobody_because(CallResult::Nobody::outside_hours,
                              "the booth does not interview in this slot (a break, or its hours)");
        return std::nullopt;
    }
    // Never past the booth's cap for the day (rule 6): its promises, calls and interviews done
    // all count, so a standby call only fills what a no-show or a cancellation gave back.
    if (const auto index = model_.booth_index(booth)) {
        const int cap = model_.booths()[size_t(*index)].max_interviews;
        const auto taken = std::count_if(all.begin(), all.end(), [&](const StoredInterview& row) {
            return row.interview.booth == booth && is_commitment(row.status);
        });
        if (cap != alloc::kNoCap && taken >= cap) {
            result.nobody_because(CallResult::Nobody::booth_full,
                                  "the booth has reached its cap of " + std::to_string(cap) +
                                      " interviews for the day");
            return std::nullopt;
        }
    }
    const TimeOfDay start = grid.slot_start(slot);
    // The seat in this slot must not be held by a commitment (a promise of a student who is
    // busy elsewhere keeps its place).
    for (const auto& row : all) {
        if (row.interview.booth == booth && row.interview.seat == seat &&
            row.interview.start == start && is_commitment(row.status) && row.id != movable) {
            result.nobody_because(CallResult::Nobody::seat_held,
                                  "the seat is held for " + row.interview.student.str() +
                                      ", who is busy at another booth",
                                  row.interview.student);
            return std::nullopt;
        }
    }
    // The one standby order (scheduler/live/outlook.hpp): the estimates assume it.
    DayState day{fair_, all, store_.check_ins(), {}, clock_.now(), {}};
    std::optional<StoredInterview> best_row;
    StandbyBlock only_blocked_by = StandbyBlock::none;
    for (const StandbyEntry& entry : standby_queue(day, booth)) {
        if (only && entry.id != *only) continue;
        const Student* student = fair_.find_student(entry.id);
        if (const StandbyBlock block = standby_block(*student, booth, all, slot);
            block != StandbyBlock::none) {
            if (only) only_blocked_by = block;
            continue;
        }
        StoredInterview row;
        row.interview = Interview{entry.id, booth, seat, start};
        best_row = row;
        break;
    }
    if (!best_row) {
        if (only) {
            std::string why =
                only->str() + " cannot be called from " + booth.str() + "'s standby queue now";
            if (only_blocked_by != StandbyBlock::none)
                why += " (" + std::string(standby_block_code(only_blocked_by)) + ")";
            result.nobody_because(CallResult::Nobody::not_in_standby, why, *only);
        } else {
            result.nobody_because(CallResult::Nobody::nobody_waiting,
                                  "nobody checked in is waiting for this booth");
        }
    }
    return best_row;
}

CallResult LiveFair::call_next(const BoothId& booth, int seat, std::string_view actor) {
    check_seat(booth, seat);
    const auto all = store_.interviews();
    CallResult result;
    if (seat_is_busy(booth, seat, all, result)) return result;

    // The promised student of the slot being filled (the current one, or the next when this
    // seat's interview is over early), or of an earlier one who is still waiting.
    const TimeOfDay now = clock_.now();
    const int slot = call_slot(booth, seat, all);
    const TimeOfDay due_by = slot > current_slot() ? fair_.settings.grid.slot_start(slot) : now;
    const auto check_ins = store_.check_ins();
    std::vector<StoredInterview> due;
    for (const auto& row : all) {
        if (row.interview.booth == booth && row.interview.seat == seat &&
            row.status == InterviewStatus::promised && row.interview.start <= due_by) {
            due.push_back(row);
        }
    }
    // Students skipped within the last slot come after everyone else who is due.
    const auto recently_skipped = [&](const StoredInterview& row) {
        const auto skipped = skipped_at_.find(row.id);
        return skipped != skipped_at_.end() &&
               now.minutes() - skipped->second.minutes() < fair_.settings.grid.slot_minutes;
    };
    std::stable_sort(due.begin(), due.end(), [&](const auto& a, const auto& b) {
        return std::make_pair(recently_skipped(a), a.interview.start) <
               std::make_pair(recently_skipped(b), b.interview.start);
    });
    const auto first_skipped = std::find_if(due.begin(), due.end(),
                                            [&](const auto& row) { return recently_skipped(row); });
    std::vector<StoredInterview> skipped_ones(first_skipped, due.end());
    due.erase(first_skipped, due.end());
    // The next slot's promise, due but held back until protocol::kEarliestEarlyCallMinutes before
    // it.
    std::optional<StoredInterview> not_yet;
    for (const auto& row : due) {
        if (too_early_to_call(row.interview.start, now)) {
            if (!not_yet) not_yet = row;
            continue;
        }
        if (check_ins.count(row.interview.student) == 0 || is_busy(row.interview.student, all) ||
            is_away(row.interview.student)) {
            continue;  // an away student's promise waits for them (report_running_late)
        }
        store_.move_interview(row.id, InterviewStatus::called, actor);
        called_at_[row.id] = now;
        pace_.record_promise_call(row.id, now);
        result.called = stored(row.id);
        return result;
    }

    // A student due now at another seat of the booth, still busy, need not wait for it while
    // this one stands empty; they come before standby, having been given this time.
    if (slot == current_slot()) {
        if (auto pulled = call_promise_from_other_seat(booth, seat, all, check_ins, actor)) {
            result.called = std::move(pulled);
            return result;
        }
    }

    // Otherwise the standby queue: checked-in students who want this booth and are free now.
    // A student just skipped in this seat-slot does not keep it empty: when someone in standby
    // can take it, their promise moves to the booth's next seat-slot they can take.
    const auto& grid = fair_.settings.grid;
    const auto skipped_here =
        std::find_if(skipped_ones.begin(), skipped_ones.end(), [&](auto& row) {
            return slot >= 0 && slot < grid.slot_count() &&
                   row.interview.start == grid.slot_start(slot);
        });
    std::optional<InterviewId> movable;
    if (skipped_here != skipped_ones.end()) movable = skipped_here->id;
    auto candidate = standby_candidate(booth, seat, slot, all, result, nullptr, movable);
    if (candidate && movable) {
        std::optional<InterviewId> planned_in_the_way;
        const auto to = later_seat(*skipped_here, slot + 1, all, planned_in_the_way);
        if (to) {
            relocate_promise(*skipped_here, *to, planned_in_the_way, all, actor);
            skipped_ones.erase(skipped_here);
        } else {
            // Nowhere later to keep the promise: the seat stays theirs.
            candidate.reset();
            result.nobody_because(CallResult::Nobody::seat_held,
                                  "the seat is held for " + skipped_here->interview.student.str() +
                                      ", who was skipped and has no later seat here",
                                  skipped_here->interview.student);
        }
    }
    if (!candidate) {
        // Nobody for this slot (its student skipped or did not come, and the standby queue is
        // empty): the seat's next promise may start early rather than leave the seat idle, as
        // when an interview ends early (call_slot); it keeps its own slot. It goes before a
        // student just skipped, who did not answer the call a moment ago.
        if (slot == current_slot()) {
            if (auto early = call_next_promise_early(booth, seat, slot, all, check_ins,
                                                     skipped_ones, actor)) {
                result.called = std::move(early);
                result.nobody_because(CallResult::Nobody::none, "");
                return result;
            }
        }
        // Nobody else: a skipped student may be called again.
        for (const auto& row : skipped_ones) {
            if (check_ins.count(row.interview.student) == 0 ||
                is_busy(row.interview.student, all) || is_away(row.interview.student))
                continue;
            store_.move_interview(row.id, InterviewStatus::called, actor);
            called_at_[row.id] = now;
            pace_.record_call(row.id, now);
            skipped_at_.erase(row.id);
            result.called = stored(row.id);
            result.nobody_because(CallResult::Nobody::none, "");
            return result;
        }
        if (!not_yet && slot == current_slot())
            not_yet = next_promise_held_back(booth, seat, slot, all);
        if (not_yet) {
            const TimeOfDay from =
                not_yet->interview.start.plus_minutes(-protocol::kEarliestEarlyCallMinutes);
            result.nobody_because(CallResult::Nobody::not_yet,
                                  not_yet->interview.student.str() + " is promised for " +
                                      not_yet->interview.start.str() + " and is called from " +
                                      from.str(),
                                  not_yet->interview.student);
        }
        return result;
    }
    call_from_standby(candidate->interview, actor, result);
    return result;
}

std::optional<StoredInterview> LiveFair::next_promise_held_back(
    const BoothId& booth, int seat, int slot, const std::vector<StoredInterview>& all) const {
    const auto& grid = fair_.settings.grid;
    if (slot < 0 || slot + 1 >= grid.slot_count()) return std::nullopt;
    const TimeOfDay next_start = grid.slot_start(slot + 1);
    for (const auto& row : all) {
        if (row.interview.booth == booth && row.interview.seat == seat &&
            row.interview.start == next_start && row.status == InterviewStatus::promised &&
            too_early_to_call(row.interview.start, clock_.now()))
            return row;
    }
    return std::nullopt;
}

std::optional<StoredInterview> LiveFair::call_next_promise_early(
    const BoothId& booth, int seat, int slot, const std::vector<StoredInterview>& all,
    const std::map<StudentId, TimeOfDay>& check_ins,
    const std::vector<StoredInterview>& skipped_ones, std::string_view actor) {
    const auto& grid = fair_.settings.grid;
    const auto booth_index = model_.booth_index(booth);
    if (slot < 0 || slot + 1 >= grid.slot_count() || !booth_index || is_paused(booth) ||
        !model_.booths()[size_t(*booth_index)].open[size_t(slot + 1)]) {
        return std::nullopt;
    }
    if (too_early_to_call(grid.slot_start(slot + 1), clock_.now()))
        return std::nullopt;  // the seat waits a few minutes (next_promise_held_back)
    const auto at_seat = [&](const StoredInterview& row, int in_slot) {
        return row.interview.booth == booth && row.interview.seat == seat &&
               row.interview.start == grid.slot_start(in_slot);
    };
    // The seat-slot's own promise keeps the seat while its student may still come (away and
    // coming back, or late): only a student who was just skipped gives it up, and only when
    // their promise can move to a later seat-slot here, as for a standby call.
    std::optional<StoredInterview> skipped_here;
    for (const auto& row : all) {
        if (!at_seat(row, slot) || !is_commitment(row.status)) continue;
        const bool skipped = std::any_of(skipped_ones.begin(), skipped_ones.end(),
                                         [&](const auto& other) { return other.id == row.id; });
        if (!skipped) return std::nullopt;
        skipped_here = row;
    }
    const auto next = std::find_if(all.begin(), all.end(), [&](const StoredInterview& row) {
        return at_seat(row, slot + 1) && row.status == InterviewStatus::promised;
    });
    if (next == all.end() || check_ins.count(next->interview.student) == 0 ||
        is_busy(next->interview.student, all) || is_away(next->interview.student)) {
        return std::nullopt;
    }
    if (skipped_here) {
        std::optional<InterviewId> planned_in_the_way;
        const auto to = later_seat(*skipped_here, slot + 1, all, planned_in_the_way);
        if (!to) return std::nullopt;
        relocate_promise(*skipped_here, *to, planned_in_the_way, all, actor);
        skipped_at_.erase(skipped_here->id);
    }
    const TimeOfDay now = clock_.now();
    store_.move_interview(next->id, InterviewStatus::called, actor);
    called_at_[next->id] = now;
    pace_.record_call(next->id, now);  // early: not a measure of the booth's lateness
    return stored(next->id);
}

std::optional<StoredInterview> LiveFair::call_promise_from_other_seat(
    const BoothId& booth, int seat, const std::vector<StoredInterview>& all,
    const std::map<StudentId, TimeOfDay>& check_ins, std::string_view actor) {
    const auto& grid = fair_.settings.grid;
    const int slot = current_slot();
    const auto booth_index = model_.booth_index(booth);
    if (slot < 0 || slot >= grid.slot_count() || !booth_index || is_paused(booth) ||
        !model_.booths()[size_t(*booth_index)].open[size_t(slot)])
        return std::nullopt;
    const TimeOfDay start = grid.slot_start(slot);
    // This seat-slot must be free of commitments (its own student away, say, keeps it); a
    // planned interview there gives way.
    std::optional<InterviewId> planned_in_the_way;
    for (const auto& row : all) {
        if (row.interview.booth != booth || row.interview.seat != seat ||
            row.interview.start != start || row.status == InterviewStatus::cancelled ||
            row.status == InterviewStatus::no_show)
            continue;
        if (is_commitment(row.status)) return std::nullopt;
        planned_in_the_way = row.id;
    }
    const auto seat_busy = [&](int other) {
        return std::any_of(all.begin(), all.end(), [&](const StoredInterview& row) {
            return row.interview.booth == booth && row.interview.seat == other &&
                   (row.status == InterviewStatus::in_progress ||
                    row.status == InterviewStatus::called);
        });
    };
    const TimeOfDay now = clock_.now();
    for (const auto& row : all) {
        // A fixed interview keeps its seat too (the instance's rule 7).
        if (row.interview.booth != booth || row.interview.seat == seat ||
            row.interview.start != start || row.status != InterviewStatus::promised || row.fixed ||
            !seat_busy(row.interview.seat))
            continue;
        const auto skipped = skipped_at_.find(row.id);
        if (skipped != skipped_at_.end() &&
            now.minutes() - skipped->second.minutes() < grid.slot_minutes)
            continue;  // just sent back: their own seat calls them again later
        if (check_ins.count(row.interview.student) == 0 || is_busy(row.interview.student, all) ||
            is_away(row.interview.student))
            continue;
        const StoredInterview promise = row;
        relocate_promise(promise, Interview{promise.interview.student, booth, seat, start},
                         planned_in_the_way, all, actor);
        store_.move_interview(promise.id, InterviewStatus::called, actor);
        called_at_[promise.id] = now;
        pace_.record_promise_call(promise.id, now);  // at its turn: the booth's pace
        return stored(promise.id);
    }
    return std::nullopt;
}

CallResult LiveFair::take_from_standby(const BoothId& booth, int seat, const StudentId& student,
                                       std::string_view actor) {
    check_seat(booth, seat);
    const auto all = store_.interviews();
    CallResult result;
    if (seat_is_busy(booth, seat, all, result)) return result;
    const int slot = call_slot(booth, seat, all);
    // As in call_next: a promise skipped in this seat-slot moves on rather than keep it empty.
    std::optional<StoredInterview> skipped;
    const auto& grid = fair_.settings.grid;
    for (const auto& row : all) {
        const auto when = skipped_at_.find(row.id);
        if (slot >= 0 && slot < grid.slot_count() && row.status == InterviewStatus::promised &&
            row.interview.booth == booth && row.interview.seat == seat &&
            row.interview.start == grid.slot_start(slot) && when != skipped_at_.end() &&
            clock_.now().minutes() - when->second.minutes() < grid.slot_minutes)
            skipped = row;
    }
    std::optional<InterviewId> movable;
    if (skipped) movable = skipped->id;
    const auto candidate = standby_candidate(booth, seat, slot, all, result, &student, movable);
    if (!candidate) return result;
    if (skipped) {
        std::optional<InterviewId> planned_in_the_way;
        const auto to = later_seat(*skipped, slot + 1, all, planned_in_the_way);
        if (!to) {
            result.nobody_because(CallResult::Nobody::seat_held,
                                  "the seat is held for " + skipped->interview.student.str() +
                                      ", who was skipped and has no later seat here",
                                  skipped->interview.student);
            return result;
        }
        relocate_promise(*skipped, *to, planned_in_the_way, all, actor);
    }
    call_from_standby(candidate->interview, actor, result);
    return result;
}

void LiveFair::check_seat(const BoothId& booth, int seat) const {
    const auto booth_index = model_.booth_index(booth);
    if (!booth_index) throw unknown_booth(booth);
    if (seat < 0 || seat >= model_.booths()[size_t(*booth_index)].seats) {
        throw LiveFairError("unknown_seat",
                            "booth " + booth.str() + " has no seat " + std::to_string(seat),
                            "Gian hàng " + booth.str() + " không có ghế " + std::to_string(seat));
    }
}

bool LiveFair::seat_is_busy(const BoothId& booth, int seat, const std::vector<StoredInterview>& all,
                            CallResult& result) const {
    for (const auto& row : all) {
        if (row.interview.booth == booth && row.interview.seat == seat &&
            (row.status == InterviewStatus::called || row.status == InterviewStatus::in_progress)) {
            result.nobody_because(CallResult::Nobody::seat_busy,
                                  "seat " + std::to_string(seat) + " is still busy with " +
                                      row.interview.student.str(),
                                  row.interview.student);
            return true;
        }
    }
    return false;
}

// A standby student gets a new interview in the current slot, called at once; the plan's
// placement in that seat and slot gives way, and the new one is locked like a promise.
void LiveFair::call_from_standby(const Interview& interview, std::string_view actor,
                                 CallResult& result) {
    const int gap = fair_.settings.student_gap_slots;
    const InterviewId id =
        store_.add_called_interview(interview, (gap + 1) * fair_.settings.grid.slot_minutes, actor);
    if (const auto placement = model_.to_placement(interview)) {
        auto planned = model_.planned();
        // The seat's planned interview gives way, and so does the student's own later one here
        // and in the same slot (a booth meets a student once, a student is in one place); a
        // re-plan finds the displaced ones another seat.
        const size_t before = planned.size();
        std::erase_if(planned, [&](const alloc::Placement& p) {
            return (p.booth == placement->booth && p.seat == placement->seat &&
                    p.slot == placement->slot) ||
                   (p.student == placement->student &&
                    (p.booth == placement->booth || std::abs(p.slot - placement->slot) <= gap));
        });
        // The call is one more interview at the booth: when that reaches its cap for the day
        // (rule 6), the plan's latest interviews there give way, or a check-in would promise
        // one past the cap.
        const int cap = model_.booths()[size_t(placement->booth)].max_interviews;
        if (cap != alloc::kNoCap) {
            const auto at_booth = [&](const alloc::Placement& p) {
                return p.booth == placement->booth;
            };
            const long taken =
                std::count_if(model_.locked().begin(), model_.locked().end(), at_booth) + 1;
            std::vector<alloc::Placement> here, elsewhere;
            for (const auto& p : planned)
                (at_booth(p) ? here : elsewhere).push_back(p);
            std::sort(here.begin(), here.end(),
                      [](const alloc::Placement& a, const alloc::Placement& b) {
                          return a.slot < b.slot;
                      });
            here.resize(size_t(std::clamp<long>(cap - taken, 0, long(here.size()))));
            elsewhere.insert(elsewhere.end(), here.begin(), here.end());
            planned = std::move(elsewhere);
        }
        if (planned.size() != before) replan_due_ = true;
        model_.set_planned(std::move(planned));
        model_.lock(*placement);
    }
    called_at_[id] = clock_.now();
    pace_.record_call(id, clock_.now());
    result.called = stored(id);
    result.from_standby = true;
}

void LiveFair::start(InterviewId interview, std::string_view actor) {
    store_.move_interview(interview, InterviewStatus::in_progress, actor);
    pace_.record_start(interview, clock_.now(), stored(interview).interview);
}

void LiveFair::finish(InterviewId interview, InterviewOutcome outcome, const std::string& note,
                      std::string_view actor) {
    Store::MoveDetails details;
    details.outcome = outcome;
    if (!note.empty()) details.note = note;
    store_.move_interview(interview, InterviewStatus::done, actor, details);
    pace_.record_finish(interview, clock_.now(), stored(interview).interview);
}

void LiveFair::no_show(InterviewId interview, std::string_view actor) {
    const StoredInterview row = stored(interview);
    if (const auto called = called_at_.find(interview); called != called_at_.end()) {
        const int waited = clock_.now().minutes() - called->second.minutes();
        if (waited < no_show_wait_minutes_) {
            const std::string left = std::to_string(no_show_wait_minutes_ - waited);
            throw LiveFairError(
                "too_early_for_no_show",
                "the student was called " + std::to_string(waited) + " min ago: wait " + left +
                    " more min before marking a no-show, or call again",
                "Sinh viên mới được gọi " + std::to_string(waited) + " phút trước: hãy chờ thêm " +
                    left + " phút trước khi ghi vắng mặt, hoặc gọi lại");
        }
    }
    store_.move_interview(interview, InterviewStatus::no_show, actor);
    pace_.forget_call(interview);
    if (const auto placement = model_.to_placement(row.interview)) {
        model_.unlock(*placement);
        model_.block_pair(placement->student, placement->booth);
    }
}

void LiveFair::skip(InterviewId interview, std::string_view actor) {
    const StoredInterview row = stored(interview);
    if (row.status != InterviewStatus::called) {
        throw LiveFairError(
            "not_called",
            "only a called student can be skipped; interview " + std::to_string(interview) +
                " is " + std::string(status_code(row.status)),
            "Chỉ bỏ qua được sinh viên đang được gọi; buổi " + std::to_string(interview) +
                " đang ở trạng thái " + std::string(status_code(row.status)));
    }
    store_.move_interview(interview, InterviewStatus::promised, actor);
    // Missing a call made before one's own time (an early call into a freed seat) costs
    // nothing: the promise stands at its time, first in line as before.
    if (row.interview.start <= clock_.now()) skipped_at_[interview] = clock_.now();
    pace_.forget_call(interview);
}

void LiveFair::recall(InterviewId interview, std::string_view actor) {
    const StoredInterview row = stored(interview);
    if (row.status != InterviewStatus::called) {
        throw LiveFairError(
            "not_called",
            "only a called student can be called again; interview " + std::to_string(interview) +
                " is " + std::string(status_code(row.status)),
            "Chỉ gọi lại được sinh viên đang được gọi; buổi " + std::to_string(interview) +
                " đang ở trạng thái " + std::string(status_code(row.status)));
    }
    called_at_[interview] = clock_.now();  // the student gets the full wait again
    pace_.record_call(interview, clock_.now());
    store_.append_event(actor, "interview.recalled",
                        nlohmann::json{{"interview", interview},
                                       {"student", row.interview.student.str()},
                                       {"booth", row.interview.booth.str()},
                                       {"seat", row.interview.seat}}
                            .dump());
}

WalkInResult LiveFair::register_walk_in(const Student& student,
                                        const Store::StudentDetails& details,
                                        const std::string& idempotency_key,
                                        const std::string& request_digest, std::string_view actor) {
    for (const BoothId& booth : student.preferences) {
        if (!fair_.find_booth(booth)) throw unknown_booth(booth);
    }
    Student arriving = student;
    arriving.arrive =
        std::max(fair_.settings.grid.day_start, std::min(clock_.now(), student.leave));
    const Store::WalkIn walk_in =
        store_.register_walk_in(arriving, details, idempotency_key, request_digest, actor);
    if (!walk_in.repeated) rebuild_model();
    WalkInResult result;
    result.student = walk_in.student;
    result.ticket_number = walk_in.ticket_number;
    result.check_in = check_in(walk_in.student, actor);
    return result;
}

LiveFair::AddBoothResult LiveFair::add_booth(const StudentId& student_id, const BoothId& booth_id,
                                             const std::string& idempotency_key,
                                             std::string_view actor) {
    const Student* student = fair_.find_student(student_id);
    if (!student) throw unknown_student(student_id);
    AddBoothResult result;
    if (!idempotency_key.empty()) {
        if (const auto earlier = store_.booth_added_with(idempotency_key)) {
            if (earlier->first != student_id || earlier->second != booth_id) {
                throw LiveFairError("conflict",
                                    "this idempotency key was already used for another request",
                                    "Mã Idempotency-Key này đã được dùng cho một yêu cầu khác");
            }
            result.repeated = true;
            result.check_in = finish_check_ins({student_id}, {CheckInResult{true, {}}}).front();
            return result;
        }
    }
    const Booth* booth = fair_.find_booth(booth_id);
    if (!booth) throw unknown_booth(booth_id);
    const std::string id = booth_id.str();
    const TimeOfDay now = clock_.now();
    const DayState day = day_state(store_, *this, now);
    if (day.check_ins.count(student_id) == 0) {
        throw LiveFairError("not_checked_in", "check in at a kiosk first",
                            "Bạn cần làm thủ tục tại máy kiosk trước");
    }
    if (now >= student->leave) {
        throw LiveFairError("student_left", "you have left the fair for today",
                            "Bạn đã rời hội chợ hôm nay");
    }
    switch (eligibility_of(*student, *booth)) {
        case Ineligibility::trade:
            throw LiveFairError("not_eligible", "booth " + id + " does not recruit your trade",
                                "Gian hàng " + id + " không tuyển nghề của bạn");
        case Ineligibility::level:
            throw LiveFairError("not_eligible", "booth " + id + " needs a higher level",
                                "Gian hàng " + id + " cần trình độ cao hơn của bạn");
        case Ineligibility::none:
            break;
    }
    if (preference_rank(*student, booth_id) != 0) {
        throw LiveFairError("already_picked", "booth " + id + " is already among your choices",
                            "Gian hàng " + id + " đã có trong lựa chọn của bạn");
    }
    if (student->preferences.size() >= protocol::kMaxPicks) {
        const std::string most = std::to_string(protocol::kMaxPicks);
        throw LiveFairError("too_many_picks", "you already have " + most + " booths, the most",
                            "Bạn đã chọn đủ " + most + " gian hàng, không thêm được nữa");
    }
    int held = 0;
    for (const auto& row : day.interviews) {
        if (row.interview.student == student_id && is_commitment(row.status)) ++held;
    }
    if (held >= fair_.max_interviews_of(*student)) {
        throw LiveFairError("interview_limit",
                            "you already have as many interviews as a student may",
                            "Bạn đã có đủ số buổi phỏng vấn tối đa");
    }
    if (is_paused(booth_id)) {
        throw LiveFairError("booth_paused", "booth " + id + " is paused",
                            "Gian hàng " + id + " đang tạm dừng");
    }
    if (now >= booth->close) {
        throw LiveFairError("booth_closed", "booth " + id + " has closed for today",
                            "Gian hàng " + id + " đã đóng cửa hôm nay");
    }
    const auto free = next_free_seat(day, *booth, false);
    const auto& grid = fair_.settings.grid;
    // The slot the free seat is in (it frees now when that slot has begun).
    const int free_slot =
        free ? (free->minutes() - grid.day_start.minutes()) / grid.slot_minutes : 0;
    if (!free || grid.slot_end(free_slot) > student->leave) {
        throw LiveFairError("booth_full", "booth " + id + " has no free seat before you leave",
                            "Gian hàng " + id + " không còn chỗ trống trước khi bạn về");
    }

    store_.add_preference(student_id, booth_id, idempotency_key, actor);
    rebuild_model();
    replan_now(actor);
    // What the new plan gives them at the booth is theirs now, as at a check-in.
    for (const auto& row : store_.interviews()) {
        if (row.interview.student == student_id && row.interview.booth == booth_id &&
            row.status == InterviewStatus::planned) {
            store_.move_interview(row.id, InterviewStatus::promised, actor);
        }
    }
    rebuild_model();
    result.check_in = finish_check_ins({student_id}, {CheckInResult{true, {}}}).front();
    return result;
}

void LiveFair::pause_booth(const BoothId& booth, std::string_view actor) {
    if (!fair_.find_booth(booth)) throw unknown_booth(booth);
    if (is_paused(booth)) return;
    const TimeOfDay now = clock_.now();
    store_.set_booth_paused(booth, now, actor);
    paused_[booth] = now;
    model_.close_booth_between(booth, now, fair_.settings.grid.day_end);
    replan_now(actor);
}

void LiveFair::resume_booth(const BoothId& booth, std::string_view actor) {
    const Booth* known = fair_.find_booth(booth);
    if (!known) throw unknown_booth(booth);
    if (!is_paused(booth)) return;
    store_.set_booth_paused(booth, std::nullopt, actor);
    paused_.erase(booth);
    // Reopen only the booth's own hours, minus its breaks: rebuilding does exactly that.
    rebuild_model();
    replan_now(actor);
}

void LiveFair::set_booth_close(const BoothId& booth, TimeOfDay close, std::string_view actor) {
    const Booth* known = fair_.find_booth(booth);
    if (!known) throw unknown_booth(booth);
    const auto& grid = fair_.settings.grid;
    if (close <= known->open || close > grid.day_end) {
        const std::string earliest = known->open.plus_minutes(1).str();
        throw LiveFairError("bad_time",
                            "booth " + booth.str() + " can close between " + earliest + " and " +
                                grid.day_end.str() + ", not at " + close.str(),
                            "Gian hàng " + booth.str() + " chỉ đóng cửa được từ " + earliest +
                                " đến " + grid.day_end.str() + ", không phải " + close.str());
    }
    store_.set_booth_close(booth, close, actor);
    // Promises the shorter day cannot keep are cancelled with the reason; the re-plan below
    // finds those students other times where it can.
    for (const auto& row : store_.interviews()) {
        if (row.interview.booth == booth && row.status == InterviewStatus::promised &&
            row.interview.start.plus_minutes(grid.slot_minutes) > close) {
            Store::MoveDetails details;
            details.cancel_reason = "booth_closes_earlier";
            store_.move_interview(row.id, InterviewStatus::cancelled, actor, details);
        }
    }
    rebuild_model();
    replan_now(actor);
}

int LiveFair::add_seat(const BoothId& booth, std::string_view actor) {
    if (!fair_.find_booth(booth)) throw unknown_booth(booth);
    const int seat = store_.add_booth_seat(booth, actor);
    rebuild_model();
    replan_now(actor);
    return seat;
}

void LiveFair::cancel(InterviewId interview, const std::string& reason, std::string_view actor) {
    const StoredInterview row = stored(interview);
    if (is_terminal(row.status)) {
        throw LiveFairError("already_over",
                            "interview " + std::to_string(interview) + " is already " +
                                std::string(status_code(row.status)),
                            "Buổi phỏng vấn " + std::to_string(interview) + " đã ở trạng thái " +
                                std::string(status_code(row.status)));
    }
    Store::MoveDetails details;
    details.cancel_reason = reason.empty() ? "cancelled by the organizer" : reason;
    store_.move_interview(interview, InterviewStatus::cancelled, actor, details);
    if (const auto placement = model_.to_placement(row.interview)) {
        model_.unlock(*placement);
        model_.block_pair(placement->student, placement->booth);
    }
    replan_now(actor);
}

std::vector<InterviewId> LiveFair::mark_left(const StudentId& student, std::string_view actor) {
    if (!fair_.find_student(student)) {
        throw unknown_student(student);
    }
    const auto cancelled = store_.mark_left(student, clock_.now(), actor);
    rebuild_model();
    replan_now(actor);
    return cancelled;
}

ReplanPreview LiveFair::preview_replan() {
    alloc::AllocationModel trial = model_;
    trial.set_now(clock_.now());
    alloc::AllocateOptions options;
    options.keep_weight = keep_weight_;
    options.compute_bound = false;
    const auto plan = alloc::allocate(trial, options);
    ReplanPreview preview;
    preview.planned_after = static_cast<int>(plan.planned.size());
    const auto& before = model_.planned();
    for (const auto& old_placement : before) {
        const bool same = std::find(plan.planned.begin(), plan.planned.end(), old_placement) !=
                          plan.planned.end();
        const bool pair_kept =
            std::any_of(plan.planned.begin(), plan.planned.end(), [&](const alloc::Placement& p) {
                return p.student == old_placement.student && p.booth == old_placement.booth;
            });
        if (same) {
            ++preview.kept;
        } else if (pair_kept) {
            ++preview.moved;
        } else {
            ++preview.dropped;
        }
    }
    for (const auto& placement : plan.planned) {
        const bool pair_before =
            std::any_of(before.begin(), before.end(), [&](const alloc::Placement& p) {
                return p.student == placement.student && p.booth == placement.booth;
            });
        if (!pair_before) ++preview.added;
    }
    return preview;
}

ReplanPreview LiveFair::replan(std::string_view actor) {
    const ReplanPreview preview = preview_replan();
    replan_now(actor);
    return preview;
}

int LiveFair::cancel_promises_of_closed_booths(std::string_view actor) {
    const TimeOfDay now = clock_.now();
    int cancelled = 0;
    for (const auto& row : store_.interviews()) {
        if (row.status != InterviewStatus::promised) continue;
        const Booth* booth = fair_.find_booth(row.interview.booth);
        if (!booth || now < booth->close) continue;
        Store::MoveDetails details;
        details.cancel_reason = "booth_closed";
        store_.move_interview(row.id, InterviewStatus::cancelled, actor, details);
        if (const auto placement = model_.to_placement(row.interview)) model_.unlock(*placement);
        ++cancelled;
    }
    return cancelled;
}

int LiveFair::shift_late_promises(std::string_view actor) {
    const auto& grid = fair_.settings.grid;
    const TimeOfDay now = clock_.now();
    const int current = current_slot();
    if (current < 0 || current >= grid.slot_count()) return 0;
    model_.set_now(now);
    std::vector<StoredInterview> all = store_.interviews();
    const auto check_ins = store_.check_ins();
    // Late because of the booth: the student is here and free, the slot is over, no call came.
    // (A student busy at another booth keeps the old time: the booth may take standby meanwhile,
    // and calls them first when they come back.)
    std::vector<StoredInterview> overdue;
    for (const auto& row : all) {
        if (row.status == InterviewStatus::promised && !is_paused(row.interview.booth) &&
            row.interview.start.plus_minutes(grid.slot_minutes) <= now &&
            check_ins.count(row.interview.student) > 0 && !is_busy(row.interview.student, all)) {
            overdue.push_back(row);
        }
    }
    if (overdue.empty()) return 0;
    std::sort(overdue.begin(), overdue.end(), [](const auto& a, const auto& b) {
        return std::tie(a.interview.start, a.id) < std::tie(b.interview.start, b.id);
    });

    int moved = 0;
    for (const auto& late : overdue) {
        std::optional<InterviewId> planned_in_the_way;
        const auto to = later_seat(late, current, all, planned_in_the_way);
        if (!to) continue;  // no later seat: the promise stays due and is called when possible
        relocate_promise(late, *to, planned_in_the_way, all, actor);
        all = store_.interviews();
        ++moved;
    }
    if (moved > 0) replan_now(actor);
    return moved;
}

std::optional<Interview> LiveFair::later_seat(
    const StoredInterview& promise, int first_slot, const std::vector<StoredInterview>& all,
    std::optional<InterviewId>& planned_in_the_way) const {
    const auto& grid = fair_.settings.grid;
    planned_in_the_way.reset();
    const auto booth_index = model_.booth_index(promise.interview.booth);
    const auto student_index = model_.student_index(promise.interview.student);
    if (!booth_index || !student_index) return std::nullopt;
    const auto& booth = model_.booths()[size_t(*booth_index)];
    const auto& window = model_.students()[size_t(*student_index)];
    const int gap = fair_.settings.student_gap_slots;
    // Whether the student has a commitment other than this promise within the gap around `slot`.
    const auto student_clashes = [&](int slot) {
        return std::any_of(all.begin(), all.end(), [&](const StoredInterview& row) {
            if (row.id == promise.id || row.interview.student != promise.interview.student ||
                !is_commitment(row.status))
                return false;
            const auto other = grid.slot_at(row.interview.start);
            return other && std::abs(*other - slot) <= gap;
        });
    };
    for (int slot = std::max(first_slot, 0); slot < grid.slot_count(); ++slot) {
        if (!booth.open[size_t(slot)] || slot < window.window_begin || slot >= window.window_end ||
            student_clashes(slot)) {
            continue;
        }
        const TimeOfDay start = grid.slot_start(slot);
        // A seat no commitment holds; a planned interview there gives way to the promise.
        for (int seat = 0; seat < booth.seats; ++seat) {
            std::optional<InterviewId> occupant;
            bool committed = false;
            for (const auto& row : all) {
                if (row.interview.booth != promise.interview.booth || row.interview.seat != seat ||
                    row.interview.start != start || row.status == InterviewStatus::cancelled ||
                    row.status == InterviewStatus::no_show) {
                    continue;
                }
                if (is_commitment(row.status)) committed = true;
                occupant = row.id;
            }
            if (committed) continue;
            planned_in_the_way = occupant;
            return Interview{promise.interview.student, promise.interview.booth, seat, start};
        }
    }
    return std::nullopt;
}

void LiveFair::relocate_promise(const StoredInterview& promise, const Interview& to,
                                std::optional<InterviewId> planned_in_the_way,
                                const std::vector<StoredInterview>& all, std::string_view actor) {
    if (planned_in_the_way) {
        std::vector<Interview> planned;
        std::optional<Interview> gone;
        for (const auto& row : all) {
            if (row.status != InterviewStatus::planned) continue;
            if (row.id == *planned_in_the_way) {
                gone = row.interview;
            } else {
                planned.push_back(row.interview);
            }
        }
        store_.save_planned_schedule(planned, actor);
        // The engine's plan drops it too, so a standby call made before the next re-plan
        // does not see a planned interview that is no longer stored.
        if (gone) {
            if (const auto placement = model_.to_placement(*gone)) {
                auto in_model = model_.planned();
                std::erase(in_model, *placement);
                model_.set_planned(std::move(in_model));
            }
        }
    }
    store_.reschedule_interview(promise.id, to, actor);
    if (const auto old_placement = model_.to_placement(promise.interview)) {
        model_.unlock(*old_placement);
    }
    if (const auto new_placement = model_.to_placement(to)) model_.lock(*new_placement);
    replan_due_ = true;
}

void LiveFair::move(InterviewId interview, const BoothId& booth, int seat, TimeOfDay start,
                    std::string_view actor) {
    const StoredInterview row = stored(interview);
    if (row.status != InterviewStatus::planned && row.status != InterviewStatus::promised) {
        throw LiveFairError("not_movable",
                            "interview " + std::to_string(interview) + " is " +
                                std::string(status_code(row.status)) +
                                ": only planned or promised interviews can be moved",
                            "Buổi phỏng vấn " + std::to_string(interview) + " đang ở trạng thái " +
                                std::string(status_code(row.status)) +
                                ": chỉ dời được buổi đã lên lịch hoặc đã hẹn");
    }
    if (start < clock_.now()) {
        throw LiveFairError("time_past",
                            "cannot move an interview to " + start.str() + ": that time is past",
                            "Không thể dời buổi phỏng vấn đến " + start.str() + ": giờ đó đã qua");
    }
    const Interview to{row.interview.student, booth, seat, start};
    // The contract's checker judges the day with the interview in its new place: every live
    // interview, and the commitments other than this one as the fixed list.
    Fair trial = fair_;
    std::erase(trial.fixed, row.interview);
    Schedule schedule;
    for (const auto& other : store_.interviews()) {
        if (other.status == InterviewStatus::cancelled || other.status == InterviewStatus::no_show)
            continue;
        schedule.interviews.push_back(other.id == interview ? to : other.interview);
    }
    schedule.score = score_of(trial, schedule.interviews);
    const CheckReport report = check_schedule(trial, schedule);
    for (const auto& violation : report.violations) {
        const bool concerns_move =
            std::any_of(violation.interviews.begin(), violation.interviews.end(),
                        [&](std::size_t index) { return schedule.interviews[index] == to; });
        if (concerns_move) {
            // The checker's words are English; the rule's number is the same in both.
            throw LiveFairError("move_breaks_rule", "cannot move there: " + violation.message,
                                "Không thể dời đến chỗ đó: vi phạm quy tắc " +
                                    std::to_string(violation.rule) + " (" + violation.message +
                                    ")");
        }
    }
    store_.reschedule_interview(interview, to, actor);
    const auto old_placement = model_.to_placement(row.interview);
    const auto new_placement = model_.to_placement(to);
    if (row.status == InterviewStatus::promised) {
        if (old_placement) model_.unlock(*old_placement);
        if (new_placement) model_.lock(*new_placement);
    } else {
        auto planned = model_.planned();
        if (old_placement) std::erase(planned, *old_placement);
        if (new_placement) planned.push_back(*new_placement);
        model_.set_planned(std::move(planned));
    }
}

// --- The student's own phone: running late, stepping away --------------------------------------
// Kept apart from the calling rules: those only ask is_away() (call_next, standby_block).

Store::StudentAbsence LiveFair::report_running_late(const StudentId& student, int minutes,
                                                    std::string_view actor) {
    return report_absence(student, Store::AbsenceKind::running_late, minutes, actor);
}

Store::StudentAbsence LiveFair::step_away(const StudentId& student, int minutes,
                                          std::string_view actor) {
    return report_absence(student, Store::AbsenceKind::step_away, minutes, actor);
}

Store::StudentAbsence LiveFair::report_absence(const StudentId& student, Store::AbsenceKind kind,
                                               int minutes, std::string_view actor) {
    if (minutes < 1 || minutes > kMaxAbsenceMinutes) {
        throw LiveFairError("bad_minutes",
                            "give 1 to " + std::to_string(kMaxAbsenceMinutes) + " minutes",
                            "Hãy chọn từ 1 đến " + std::to_string(kMaxAbsenceMinutes) + " phút");
    }
    const Student* known = fair_.find_student(student);
    if (!known || store_.check_ins().count(student) == 0) {
        throw LiveFairError("not_checked_in", "check in at a kiosk first",
                            "Bạn cần làm thủ tục tại máy kiosk trước");
    }
    const TimeOfDay now = clock_.now();
    if (now >= known->leave) {
        throw LiveFairError("student_left", "you have left the fair for today",
                            "Bạn đã rời hội chợ hôm nay");
    }
    if (is_busy(student, store_.interviews())) {
        throw LiveFairError("being_called",
                            "a booth is calling or interviewing you now: go there, or tell the "
                            "booth's staff",
                            "Một gian hàng đang gọi hoặc đang phỏng vấn bạn: hãy đến đó, hoặc báo "
                            "với nhân viên gian hàng");
    }
    const Store::StudentAbsence absence{kind, now, now.plus_minutes(minutes)};
    store_.set_student_absence(student, absence, actor);
    absences_[student] = absence;
    return absence;
}

bool LiveFair::come_back(const StudentId& student, std::string_view actor) {
    const bool was_away = is_away(student);
    if (absences_.erase(student) == 0) return false;
    store_.end_student_absence(student, clock_.now(), actor);
    return was_away;
}

std::optional<Store::StudentAbsence> LiveFair::absence_now(const StudentId& student) const {
    const auto found = absences_.find(student);
    if (found == absences_.end() || found->second.until <= clock_.now()) return std::nullopt;
    return found->second;
}

}  // namespace jobfair
