#include "scheduler/engine/candidates.hpp"

#include <algorithm>
#include <cstdlib>

namespace jobfair::alloc {

long long placement_points(const AllocationModel& model, const Placement& p) {
    for (const auto& entry : model.students()[size_t(p.student)].preferences) {
        if (entry.booth == p.booth) return points_for_rank(entry.rank);
    }
    return 0;
}

Occupancy::Occupancy(const AllocationModel& model, const std::vector<Placement>& placements)
    : slots(model.slot_count()),
      seats_taken(model.booths().size() * size_t(model.slot_count()), 0),
      booth_interviews(model.booths().size(), 0),
      student_interviews(model.students().size(), 0) {
    for (const auto& student : model.students())
        per_student_ = std::max(per_student_, student.max_interviews);
    held_.resize(student_interviews.size() * size_t(per_student_));
    for (const auto& p : placements)
        add(p);
}

void Occupancy::add(const Placement& p) {
    ++seats_at(p.booth, p.slot);
    ++booth_interviews[size_t(p.booth)];
    int& count = student_interviews[size_t(p.student)];
    if (count == per_student_) {  // promises past a student's cap are kept (and reported)
        std::vector<Held> wider(held_.size() * 2);
        for (size_t s = 0; s < student_interviews.size(); ++s)
            std::copy_n(held_.begin() + std::ptrdiff_t(s) * per_student_, student_interviews[s],
                        wider.begin() + std::ptrdiff_t(s) * per_student_ * 2);
        held_ = std::move(wider);
        per_student_ *= 2;
    }
    held_[size_t(p.student * per_student_ + count)] = {p.slot, p.booth};
    ++count;
}

void Occupancy::remove(const Placement& p) {
    int& count = student_interviews[size_t(p.student)];
    Held* first = held_.data() + p.student * per_student_;
    Held* last = first + count;
    Held* found = std::find_if(first, last, [&](const Held& held) {
        return held.slot == p.slot && held.booth == p.booth;
    });
    if (found == last) return;  // never added: nothing to give back
    *found = *(last - 1);
    --count;
    --seats_at(p.booth, p.slot);
    --booth_interviews[size_t(p.booth)];
}

bool Occupancy::meets(int student, int booth) const {
    const Held* first = held_by(student);
    return std::any_of(first, first + student_interviews[size_t(student)],
                       [&](const Held& held) { return held.booth == booth; });
}

bool Occupancy::student_free(int student, int slot, int gap, int ignore_slot) const {
    bool ignored = false;
    const Held* first = held_by(student);
    for (const Held* held = first; held != first + student_interviews[size_t(student)]; ++held) {
        if (held->slot == ignore_slot && !ignored) {
            ignored = true;
            continue;
        }
        if (std::abs(held->slot - slot) <= gap) return false;
    }
    return true;
}

CandidateSet candidate_interviews(const AllocationModel& model, const Occupancy& taken) {
    CandidateSet set;
    candidate_interviews(model, taken, set);
    return set;
}

void candidate_interviews(const AllocationModel& model, const Occupancy& taken, CandidateSet& set) {
    const auto& students = model.students();
    const auto& booths = model.booths();
    const int gap = model.student_gap_slots();

    set.room.assign(students.size(), 0);
    set.booth_room.assign(booths.size(), 0);
    size_t listed = 0;  // candidates written into set.pairs so far
    for (size_t b = 0; b < booths.size(); ++b) {
        // Rule 6, booth side: a booth at most max_interviews.
        const int cap = booths[b].max_interviews == kNoCap ? model.slot_count() * booths[b].seats
                                                           : booths[b].max_interviews;
        set.booth_room[b] = std::max(0, cap - taken.booth_interviews[b]);
    }

    std::vector<int> slots;
    slots.reserve(size_t(std::max(0, model.slot_count())));
    for (size_t s = 0; s < students.size(); ++s) {
        const auto& student = students[s];
        // Rule 6, student side: a student has at most max_interviews interviews.
        set.room[s] = std::max(0, student.max_interviews - taken.student_interviews[s]);
        if (set.room[s] == 0) continue;
        const int begin = std::max(student.window_begin, model.now_slot());
        for (const auto& entry : student.preferences) {
            const int b = entry.booth;
            // Rule 5: the booth is in the student's preferences; a student meets a booth once.
            if (b < 0 || entry.blocked || taken.meets(int(s), b)) continue;
            // Rule 4: the student is eligible (trade and level).
            if (entry.ineligible != Ineligibility::none) continue;
            if (set.booth_room[size_t(b)] == 0) continue;
            slots.clear();
            for (int k = begin; k < student.window_end; ++k) {
                // Rule 3: inside the student's stay and the booth's hours, overlapping no break.
                if (!booths[size_t(b)].open[size_t(k)]) continue;
                // Rule 1: at most one interview per booth seat per slot.
                if (taken.seats_at(b, k) >= booths[size_t(b)].seats) continue;
                // Rule 2: one interview per slot for the student, with the gap between two.
                if (!taken.student_free(int(s), k, gap)) continue;
                slots.push_back(k);
            }
            if (slots.empty()) continue;
            // Gathered in one buffer, copied into a list that keeps its memory between calls.
            if (listed == set.pairs.size()) set.pairs.emplace_back();
            Candidate& candidate = set.pairs[listed++];
            candidate.student = int(s);
            candidate.booth = b;
            candidate.rank = entry.rank;
            candidate.slots.assign(slots.begin(), slots.end());
        }
    }
    set.pairs.resize(listed);
}

}  // namespace jobfair::alloc
