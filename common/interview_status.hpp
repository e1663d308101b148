// The life of one interview on the day, and the moves allowed between its states.
#pragma once

#include <optional>
#include <string_view>

namespace jobfair {

enum class InterviewStatus {
    planned,      // the engine placed it; may still move at the next re-plan
    promised,     // told to the student (ticket printed): re-plans keep it
    called,       // booth staff called the student
    in_progress,  // the student sits at the booth
    done,         // finished with an outcome
    no_show,      // called and did not come in time; the seat went to standby
    cancelled,    // withdrawn by an organizer, the student leaving, or a re-plan (with a reason)
};

std::string_view status_code(InterviewStatus status);
std::optional<InterviewStatus> parse_status(std::string_view text);
bool is_terminal(InterviewStatus status);
// Whether the engine may still move this interview to another seat or time.
bool is_movable(InterviewStatus status);

// planned -> promised | cancelled
// promised -> called | cancelled
// called -> in_progress | promised (skipped: keeps the place) | no_show | cancelled
// in_progress -> done | cancelled
// done, no_show, cancelled -> nothing
bool can_transition(InterviewStatus from, InterviewStatus to);

}  // namespace jobfair
