// The numbers an organizer checks after loading a fair: capacity, demand, and interview states.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/fair.hpp"
#include "common/interview_status.hpp"

namespace jobfair {

struct FairSummary {
    std::string name;
    SlotGrid grid;
    int booths = 0;
    int seats = 0;       // sum of the booths' interviewers
    int seat_slots = 0;  // sum over booths of seats x usable slots
    int students = 0;
    int preferences = 0;
    int fixed_interviews = 0;
    std::vector<std::pair<Level, int>> students_by_level;  // every level, lowest first
    // Most common first; nullopt counts students without an occupation.
    std::vector<std::pair<std::optional<std::string>, int>> students_by_occupation;
    std::vector<std::pair<InterviewStatus, int>> interviews_by_status;  // every status

    friend bool operator==(const FairSummary&, const FairSummary&) = default;
};

// Everything but the interview states, which only the store knows (every count there is zero).
FairSummary summarize_fair(const Fair& fair);

// A readable multi-line block, one topic per line, ending with a newline.
std::string format_summary(const FairSummary& summary);

}  // namespace jobfair
