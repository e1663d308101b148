// The allocation engine's in-memory model of a fair: dense indices, slot-level availability, the
// interviews that are locked (promised or already under way) and the current plan.
//
// The live server keeps one model for the whole day and updates it event by event (a student
// arrives late or leaves, a booth pauses or gains a seat, a call is missed), then asks for a
// re-plan. Nothing is re-parsed: every event touches only the rows it concerns.
#pragma once

#include <climits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/fair.hpp"

namespace jobfair::alloc {

inline constexpr int kNoCap = INT_MAX;

struct PreferenceEntry {
    int booth = -1;  // index into AllocationModel::booths(); -1 when the id is unknown
    int rank = 0;    // 1-based
    Ineligibility ineligible = Ineligibility::none;
    bool blocked = false;  // the pair may not be (re)placed: e.g. the student missed this call
};

struct StudentState {
    StudentId id;
    TimeOfDay arrive;      // idle time is counted from here (the spec's second objective)
    int window_begin = 0;  // first slot wholly inside [arrive, leave)
    int window_end = 0;    // one past the last such slot
    int max_interviews = 0;
    std::vector<PreferenceEntry> preferences;  // in rank order
};

struct BoothState {
    BoothId id;
    int seats = 1;
    std::vector<char> open;  // per slot: inside [open, close) and overlapping no break or pause
    int max_interviews = kNoCap;
};

// One interview in dense form.
struct Placement {
    int student = -1;
    int booth = -1;
    int seat = 0;
    int slot = 0;
    friend bool operator==(const Placement&, const Placement&) = default;
};

// A promise the fair cannot keep any more (a contradiction between promises, or with the fair).
struct BrokenPromise {
    Placement placement;
    std::string reason;  // names the ids and the rule, for a person
};

class AllocationModel {
  public:
    // Fixed interviews become locked placements. Fixed interviews that break a hard constraint are
    // not dropped: they are kept locked and listed by broken_promises().
    static AllocationModel from_fair(const Fair& fair);

    // --- reading -------------------------------------------------------------------------
    const SlotGrid& grid() const { return grid_; }
    int slot_count() const { return grid_.slot_count(); }
    int student_gap_slots() const { return gap_slots_; }
    const std::vector<StudentState>& students() const { return students_; }
    const std::vector<BoothState>& booths() const { return booths_; }
    const std::vector<Placement>& locked() const { return locked_; }
    const std::vector<Placement>& planned() const { return planned_; }
    int now_slot() const { return now_slot_; }
    std::optional<int> student_index(const StudentId& id) const;
    std::optional<int> booth_index(const BoothId& id) const;
    // Checks every locked placement against the hard constraints (each alone and all together).
    std::vector<BrokenPromise> broken_promises() const;

    // --- events from the fair floor (each touches only what it concerns) -------------------
    // Interviews may be newly placed only in slots starting at or after `now`.
    void set_now(TimeOfDay now);
    void set_student_window(const StudentId& id, TimeOfDay arrive, TimeOfDay leave);
    // The student left: no new interviews after `when`; planned ones after it are dropped.
    void student_left(const StudentId& id, TimeOfDay when);
    // A booth pauses or runs late: no new interviews in [from, to).
    void close_booth_between(const BoothId& id, TimeOfDay from, TimeOfDay to);
    // The booth extends its hours or resumes: interviews allowed again in slots inside [from, to).
    void open_booth_between(const BoothId& id, TimeOfDay from, TimeOfDay to);
    void add_seat(const BoothId& id);
    // A walk-in registers: `student` (one of `fair`'s, for its booths and caps) joins the model
    // after everyone already in it. Throws std::invalid_argument when the id is known already.
    void add_student(const Student& student, const Fair& fair);
    // The pair may no longer be placed (a missed call, a cancellation by the organizer).
    void block_pair(int student, int booth);

    // Locked interviews are kept exactly by every re-plan and count toward every cap.
    void lock(const Placement& placement);
    bool unlock(const Placement& placement);
    // The plan the next re-plan tries to change as little as possible.
    void set_planned(std::vector<Placement> planned) { planned_ = std::move(planned); }

    // --- conversions -----------------------------------------------------------------------
    Interview to_interview(const Placement& placement) const;
    std::optional<Placement> to_placement(const Interview& interview) const;

  private:
    SlotGrid grid_;
    int gap_slots_ = 0;
    int now_slot_ = 0;
    // from_fair keeps a fair's duplicate ids as they come (the checker reports them).
    void append_student(const Student& student, const Fair& fair);
    std::vector<StudentState> students_;
    std::vector<BoothState> booths_;
    std::unordered_map<StudentId, int> student_by_id_;
    std::unordered_map<BoothId, int> booth_by_id_;
    std::vector<Placement> locked_;
    std::vector<Placement> planned_;
};

}  // namespace jobfair::alloc
