// Validates a schedule against the seven hard constraints of the fair contract and recomputes
// its score. Used by `jobfair check`, by the engine's tests, and by the live server.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/fair.hpp"

namespace jobfair {

struct Violation {
    int rule = 0;         // 1..7 as numbered in the spec; 0 for malformed references
    std::string message;  // names the ids involved, e.g. "rule 1: booth B03 seat 0 at 09:00 ..."
    std::vector<std::size_t> interviews;  // indices into the checked schedule's interviews involved
};

struct CheckReport {
    std::vector<Violation> violations;
    long long claimed_score = 0;
    long long recomputed_score = 0;
    long long total_idle_minutes = 0;  // the spec's second objective, lower is better

    bool score_matches() const { return claimed_score == recomputed_score; }
    bool valid() const { return violations.empty() && score_matches(); }
};

// Reports every violation (not only the first), grouped by rule 0..7, and recomputes the score
// with score_of. Runs in O(n log n) for n interviews.
CheckReport check_schedule(const Fair& fair, const Schedule& schedule);

// The spec's second objective: over students with at least one interview, the end of their last
// interview minus their arrival minus slot_minutes per interview, in minutes. Interviews naming
// an unknown student are left out.
long long total_idle_minutes(const Fair& fair, const std::vector<Interview>& interviews);

}  // namespace jobfair
