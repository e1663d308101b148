#include "scheduler/engine/allocation_model.hpp"

#include "common/availability.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace jobfair::alloc {

namespace {

int first_slot_inside(const SlotGrid& grid, TimeOfDay arrive) {
    return grid.first_slot_starting_at_or_after(arrive);
}

std::vector<char> open_slot_flags(const FairSettings& settings, const Booth& booth) {
    std::vector<char> open(static_cast<size_t>(settings.grid.slot_count()), 0);
    for (int slot : usable_slots(settings, booth))
        open[size_t(slot)] = 1;
    return open;
}

}  // namespace

AllocationModel AllocationModel::from_fair(const Fair& fair) {
    AllocationModel model;
    model.grid_ = fair.settings.grid;
    model.gap_slots_ = fair.settings.student_gap_slots;

    model.booths_.reserve(fair.booths.size());
    for (const auto& booth : fair.booths) {
        BoothState state;
        state.id = booth.id;
        state.seats = booth.interviewers;
        state.open = open_slot_flags(fair.settings, booth);
        state.max_interviews = booth.max_interviews.value_or(kNoCap);
        model.booth_by_id_.emplace(booth.id, static_cast<int>(model.booths_.size()));
        model.booths_.push_back(std::move(state));
    }

    model.students_.reserve(fair.students.size());
    for (const auto& student : fair.students)
        model.append_student(student, fair);

    for (const auto& interview : fair.fixed) {
        if (auto placement = model.to_placement(interview)) model.locked_.push_back(*placement);
    }
    return model;
}

void AllocationModel::add_student(const Student& student, const Fair& fair) {
    if (student_by_id_.count(student.id))
        throw std::invalid_argument("student " + student.id.str() + " is in the model already");
    append_student(student, fair);
}

void AllocationModel::append_student(const Student& student, const Fair& fair) {
    StudentState state;
    state.id = student.id;
    state.arrive = student.arrive;
    state.window_begin = first_slot_inside(grid_, student.arrive);
    state.window_end = std::max(state.window_begin, grid_.slots_ending_by(student.leave));
    state.max_interviews = fair.max_interviews_of(student);
    int rank = 0;
    for (const auto& booth_id : student.preferences) {
        PreferenceEntry entry;
        entry.rank = ++rank;
        if (auto it = booth_by_id_.find(booth_id); it != booth_by_id_.end()) {
            entry.booth = it->second;
            entry.ineligible = eligibility_of(student, fair.booths[size_t(it->second)]);
        }
        state.preferences.push_back(entry);
    }
    student_by_id_.emplace(student.id, static_cast<int>(students_.size()));
    students_.push_back(std::move(state));
}

std::optional<int> AllocationModel::student_index(const StudentId& id) const {
    auto it = student_by_id_.find(id);
    if (it == student_by_id_.end()) return std::nullopt;
    return it->second;
}

std::optional<int> AllocationModel::booth_index(const BoothId& id) const {
    auto it = booth_by_id_.find(id);
    if (it == booth_by_id_.end()) return std::nullopt;
    return it->second;
}

Interview AllocationModel::to_interview(const Placement& placement) const {
    return Interview{students_[size_t(placement.student)].id, booths_[size_t(placement.booth)].id,
                     placement.seat, grid_.slot_start(placement.slot)};
}

std::optional<Placement> AllocationModel::to_placement(const Interview& interview) const {
    auto student = student_index(interview.student);
    auto booth = booth_index(interview.booth);
    auto slot = grid_.slot_at(interview.start);
    if (!student || !booth || !slot) return std::nullopt;
    return Placement{*student, *booth, interview.seat, *slot};
}

std::vector<BrokenPromise> AllocationModel::broken_promises() const {
    std::vector<BrokenPromise> broken;
    auto describe = [&](const Placement& p) {
        return "student " + students_[size_t(p.student)].id.str() + " at booth " +
               booths_[size_t(p.booth)].id.str() + " seat " + std::to_string(p.seat) + " at " +
               grid_.slot_start(p.slot).str();
    };
    auto report = [&](const Placement& p, const std::string& why) {
        broken.push_back({p, "promise to " + describe(p) + ": " + why});
    };

    std::map<std::tuple<int, int, int>, int> seat_use;  // (booth, seat, slot) -> count
    std::map<int, std::vector<int>> slots_of_student;   // student -> slots
    std::map<std::pair<int, int>, int> meetings;        // (student, booth) -> count
    std::vector<int> per_booth(booths_.size(), 0);
    std::vector<int> per_student(students_.size(), 0);

    for (const auto& p : locked_) {
        const auto& student = students_[size_t(p.student)];
        const auto& booth = booths_[size_t(p.booth)];
        // Rule 1: at most one interview per booth seat per slot; seat < interviewers.
        if (p.seat < 0 || p.seat >= booth.seats) {
            report(p, "rule 1: the booth has only " + std::to_string(booth.seats) + " seat(s)");
        }
        if (++seat_use[{p.booth, p.seat, p.slot}] == 2) {
            report(p, "rule 1: another promise holds the same seat at the same time");
        }
        // Rule 3: inside the student's stay and the booth's hours, overlapping no break.
        if (p.slot < student.window_begin || p.slot >= student.window_end) {
            report(p, "rule 3: outside the time the student is at the fair");
        }
        if (p.slot < 0 || p.slot >= slot_count() || !booth.open[size_t(p.slot)]) {
            report(p, "rule 3: the booth is closed, paused or on a break then");
        }
        // Rule 4 and 5: eligible, and the booth is among the student's preferences.
        auto pref = std::find_if(student.preferences.begin(), student.preferences.end(),
                                 [&](const PreferenceEntry& e) { return e.booth == p.booth; });
        if (pref == student.preferences.end()) {
            report(p, "rule 5: the booth is not among the student's preferences");
        } else if (pref->ineligible == Ineligibility::trade) {
            report(p, "rule 4: the student's trade is not one the booth recruits");
        } else if (pref->ineligible == Ineligibility::level) {
            report(p, "rule 4: the student's level is below the booth's minimum");
        }
        if (++meetings[{p.student, p.booth}] == 2) {
            report(p, "rule 5: the student already has a promise at this booth");
        }
        // Rule 2: one interview per slot per student, with the gap between two.
        for (int other : slots_of_student[p.student]) {
            if (std::abs(other - p.slot) <= gap_slots_) {
                report(p, "rule 2: it collides with the student's promise at " +
                              grid_.slot_start(other).str());
            }
        }
        slots_of_student[p.student].push_back(p.slot);
        // Rule 6: caps on the student's and the booth's interviews.
        if (++per_student[size_t(p.student)] == student.max_interviews + 1) {
            report(p, "rule 6: more promises than the student's cap of " +
                          std::to_string(student.max_interviews));
        }
        if (++per_booth[size_t(p.booth)] > booth.max_interviews &&
            per_booth[size_t(p.booth)] == booth.max_interviews + 1) {
            report(p, "rule 6: more promises than the booth's cap of " +
                          std::to_string(booth.max_interviews));
        }
    }
    return broken;
}

void AllocationModel::set_now(TimeOfDay now) {
    now_slot_ = grid_.first_slot_starting_at_or_after(now);
}

void AllocationModel::set_student_window(const StudentId& id, TimeOfDay arrive, TimeOfDay leave) {
    auto index = student_index(id);
    if (!index) throw std::invalid_argument("unknown student " + id.str());
    auto& student = students_[size_t(*index)];
    student.arrive = arrive;
    student.window_begin = first_slot_inside(grid_, arrive);
    student.window_end = std::max(student.window_begin, grid_.slots_ending_by(leave));
}

void AllocationModel::student_left(const StudentId& id, TimeOfDay when) {
    auto index = student_index(id);
    if (!index) throw std::invalid_argument("unknown student " + id.str());
    auto& student = students_[size_t(*index)];
    student.window_end = std::min(student.window_end, grid_.slots_ending_by(when));
    student.window_begin = std::min(student.window_begin, student.window_end);
    std::erase_if(planned_, [&](const Placement& p) {
        return p.student == *index && p.slot >= student.window_end;
    });
}

void AllocationModel::close_booth_between(const BoothId& id, TimeOfDay from, TimeOfDay to) {
    auto index = booth_index(id);
    if (!index) throw std::invalid_argument("unknown booth " + id.str());
    auto& booth = booths_[size_t(*index)];
    for (int slot = 0; slot < slot_count(); ++slot) {
        if (slot_overlaps(grid_, slot, TimeRange{from, to})) booth.open[size_t(slot)] = 0;
    }
}

void AllocationModel::open_booth_between(const BoothId& id, TimeOfDay from, TimeOfDay to) {
    auto index = booth_index(id);
    if (!index) throw std::invalid_argument("unknown booth " + id.str());
    auto& booth = booths_[size_t(*index)];
    for (int slot = 0; slot < slot_count(); ++slot) {
        if (slot_lies_inside(grid_, slot, TimeRange{from, to})) booth.open[size_t(slot)] = 1;
    }
}

void AllocationModel::add_seat(const BoothId& id) {
    auto index = booth_index(id);
    if (!index) throw std::invalid_argument("unknown booth " + id.str());
    ++booths_[size_t(*index)].seats;
}

void AllocationModel::block_pair(int student, int booth) {
    for (auto& entry : students_[size_t(student)].preferences) {
        if (entry.booth == booth) entry.blocked = true;
    }
    std::erase_if(planned_,
                  [&](const Placement& p) { return p.student == student && p.booth == booth; });
}

void AllocationModel::lock(const Placement& placement) {
    std::erase(planned_, placement);
    locked_.push_back(placement);
}

bool AllocationModel::unlock(const Placement& placement) {
    return std::erase(locked_, placement) > 0;
}

}  // namespace jobfair::alloc
