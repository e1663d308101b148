#include "common/interview_status.hpp"

#include <array>

namespace jobfair {

namespace {
constexpr std::array<std::string_view, 7> kCodes{"planned", "promised", "called",   "in_progress",
                                                 "done",    "no_show",  "cancelled"};
}  // namespace

std::string_view status_code(InterviewStatus status) {
    return kCodes[static_cast<size_t>(status)];
}

std::optional<InterviewStatus> parse_status(std::string_view text) {
    for (size_t i = 0; i < kCodes.size(); ++i) {
        if (kCodes[i] == text) return static_cast<InterviewStatus>(i);
    }
    return std::nullopt;
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
