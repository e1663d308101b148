// Why a student's preference got no interview, in words a student or an organizer understands.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/engine/allocation_model.hpp"

namespace jobfair::alloc {

enum class PreferenceOutcome {
    scheduled,
    unknown_booth,
    not_eligible_trade,   // rule 4: the booth does not recruit the student's trade
    not_eligible_level,   // rule 4: the student's level is below the booth's minimum
    blocked,              // missed call or cancelled by an organizer
    booth_closed,         // no open slot of the booth while the student is at the fair
    booth_cap_reached,    // rule 6, booth side
    student_cap_reached,  // rule 6, student side
    booth_full,           // every open slot in the student's stay has all seats taken
    own_interviews,       // free seats exist only at times the student's other interviews take
    placeable,            // a free seat at a free time exists: the next re-plan can use it
};

struct PreferenceExplanation {
    int rank = 0;
    BoothId booth;
    PreferenceOutcome outcome = PreferenceOutcome::scheduled;
    std::optional<Placement> placement;  // when scheduled
    std::string reason_vi;
    std::string reason_en;
};

// One entry per preference of the student, in rank order, given the current placements.
std::vector<PreferenceExplanation> explain_student(const AllocationModel& model,
                                                   const std::vector<Placement>& placements,
                                                   int student);

std::string_view outcome_code(PreferenceOutcome outcome);

}  // namespace jobfair::alloc
