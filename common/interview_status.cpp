#include "common/interview_status.hpp"

#include <nlohmann/json.hpp>

namespace jobfair {

std::string_view status_code(InterviewStatus status) {
    return code_in(kInterviewStatusCodes, status);
}

std::optional<InterviewStatus> parse_status(std::string_view text) {
    return parse_in(kInterviewStatusCodes, text);
}

void to_json(nlohmann::json& out, InterviewStatus status) {
    out = status_code(status);
}

void from_json(const nlohmann::json& in, InterviewStatus& status) {
    status = enum_from_json(in, kInterviewStatusCodes, "trạng thái phỏng vấn", "interview status");
}

std::string_view outcome_code(InterviewOutcome outcome) {
    return code_in(kInterviewOutcomeCodes, outcome);
}

std::optional<InterviewOutcome> parse_outcome(std::string_view text) {
    return parse_in(kInterviewOutcomeCodes, text);
}

void to_json(nlohmann::json& out, InterviewOutcome outcome) {
    out = outcome_code(outcome);
}

void from_json(const nlohmann::json& in, InterviewOutcome& outcome) {
    outcome = enum_from_json(in, kInterviewOutcomeCodes, "kết quả phỏng vấn", "interview outcome");
}

bool is_terminal(InterviewStatus status) {
    return status == InterviewStatus::done || status == InterviewStatus::no_show ||
           status == InterviewStatus::cancelled;
}

bool is_movable(InterviewStatus status) {
    return status == InterviewStatus::planned;
}

bool can_transition(InterviewStatus from, InterviewStatus to) {
    using S = InterviewStatus;
    switch (from) {
        case S::planned:
            return to == S::promised || to == S::cancelled;
        case S::promised:
            return to == S::called || to == S::cancelled;
        case S::called:
            return to == S::in_progress || to == S::promised || to == S::no_show ||
                   to == S::cancelled;
        case S::in_progress:
            return to == S::done || to == S::cancelled;
        case S::done:
        case S::no_show:
        case S::cancelled:
            return false;
    }
    return false;
}

}  // namespace jobfair
