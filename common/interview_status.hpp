// The life of one interview on the day, and the moves allowed between its states.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "common/code_table.hpp"

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

// The wire and database codes, one row per status.
inline constexpr CodeTable<InterviewStatus, 7> kInterviewStatusCodes{{
    {InterviewStatus::planned, "planned"},
    {InterviewStatus::promised, "promised"},
    {InterviewStatus::called, "called"},
    {InterviewStatus::in_progress, "in_progress"},
    {InterviewStatus::done, "done"},
    {InterviewStatus::no_show, "no_show"},
    {InterviewStatus::cancelled, "cancelled"},
}};

std::string_view status_code(InterviewStatus status);
std::optional<InterviewStatus> parse_status(std::string_view text);
// JSON: the code; an unknown code throws UnknownCode.
void to_json(nlohmann::json& out, InterviewStatus status);
void from_json(const nlohmann::json& in, InterviewStatus& status);
bool is_terminal(InterviewStatus status);
// Whether the engine may still move this interview to another seat or time.
bool is_movable(InterviewStatus status);

// planned -> promised | cancelled
// promised -> called | cancelled
// called -> in_progress | promised (skipped: keeps the place) | no_show | cancelled
// in_progress -> done | cancelled
// done, no_show, cancelled -> nothing
bool can_transition(InterviewStatus from, InterviewStatus to);

// What the booth recorded when an interview was done (the database's CHECK list of
// interviews.outcome).
enum class InterviewOutcome {
    offer,         // a job offered
    internship,    // an internship offered
    next_round,    // invited to a further interview
    not_suitable,  // not a match this time
};

inline constexpr CodeTable<InterviewOutcome, 4> kInterviewOutcomeCodes{{
    {InterviewOutcome::offer, "offer"},
    {InterviewOutcome::internship, "internship"},
    {InterviewOutcome::next_round, "next_round"},
    {InterviewOutcome::not_suitable, "not_suitable"},
}};

std::string_view outcome_code(InterviewOutcome outcome);
std::optional<InterviewOutcome> parse_outcome(std::string_view text);
void to_json(nlohmann::json& out, InterviewOutcome outcome);
void from_json(const nlohmann::json& in, InterviewOutcome& outcome);

}  // namespace jobfair
