// What is already taken (by locked or placed interviews) and which interviews could still be
// placed. Shared by the engine, the explanation and the LP export so all three read the rules
// alike.
#pragma once

#include <vector>

#include "scheduler/engine/allocation_model.hpp"

namespace jobfair::alloc {

// Preference points a placement earns (0 when the booth is not among the preferences).
long long placement_points(const AllocationModel& model, const Placement& p);

// Seats, caps, student times and met booths taken by a set of placements. Copied and filled at
// every re-plan: a student's interviews sit in one flat array (`per_student` places each), not
// in a vector of their own.
struct Occupancy {
    int slots = 0;
    std::vector<int> seats_taken;         // booth * slots + slot
    std::vector<int> booth_interviews;    // per booth
    std::vector<int> student_interviews;  // per student

    Occupancy(const AllocationModel& model, const std::vector<Placement>& placements);
    int& seats_at(int booth, int slot) { return seats_taken[size_t(booth * slots + slot)]; }
    int seats_at(int booth, int slot) const { return seats_taken[size_t(booth * slots + slot)]; }
    void add(const Placement& p);
    void remove(const Placement& p);
    bool meets(int student, int booth) const;
    // Rule 2: one interview per slot, and `gap` free slots between two. `ignore_slot` lets a
    // student's own interview that is being moved not collide with itself.
    bool student_free(int student, int slot, int gap, int ignore_slot = -1) const;

  private:
    struct Held {
        int slot, booth;
    };
    int per_student_ = 1;     // places per student in held_; doubled when one needs more
    std::vector<Held> held_;  // student * per_student_ + i, i < student_interviews[student]
    const Held* held_by(int student) const { return held_.data() + student * per_student_; }
};

// A (student, booth) pair that may still get an interview, with the slots it could take.
struct Candidate {
    int student = -1;
    int booth = -1;
    int rank = 0;
    std::vector<int> slots;
};

struct CandidateSet {
    std::vector<Candidate> pairs;  // grouped by student, in preference order
    std::vector<int> room;         // per student: interviews still allowed
    std::vector<int> booth_room;   // per booth: interviews still allowed (cap minus taken)
};

// Every pair that rules 1 and 3-6 allow next to the interviews in `taken`, from `now` on, and
// rule 2 against those interviews (rule 2 between new interviews is the engine's job).
CandidateSet candidate_interviews(const AllocationModel& model, const Occupancy& taken);
// The same into `set`, whose candidates' slot lists keep their memory from the last call (the
// Replanner lists every candidate at every re-plan).
void candidate_interviews(const AllocationModel& model, const Occupancy& taken, CandidateSet& set);

}  // namespace jobfair::alloc
