// Writes the full allocation model (all seven rules, the exact objective) as a mixed-integer
// program in CPLEX LP format, so an external solver such as CBC can solve the same model we do.
#pragma once

#include <ostream>
#include <vector>

#include "scheduler/engine/allocation_model.hpp"

namespace jobfair::alloc {

struct LpStats {
    long long variables = 0;
    long long constraints = 0;
    long long locked_score = 0;        // objective constant of the locked interviews, not in the LP
    long long objective_constant = 0;  // idle model: add to the LP's objective to get minutes
};

// Variables x_s_b_k (student s meets booth b in slot k; seats are interchangeable, so a count per
// slot suffices) and y_s (student s is covered). Locked interviews are taken out beforehand, the
// same way the engine treats them; add locked_score to the LP's objective to get the score.
LpStats write_lp(const AllocationModel& model, std::ostream& out);

// Outcome of solving a written model with Debian's `cbc` program.
struct CbcOutcome {
    bool ran = false;      // cbc ran and reported an objective
    bool optimal = false;  // "Optimal solution found" (not cut short by the time limit)
    long long score = 0;   // the LP objective plus the locked interviews' score
    double seconds = 0.0;  // wall time of the cbc process
};

// The second objective as a MIP: least total idle (minutes, the spec's definition) among the
// schedules of the full model whose score is at least `min_score`, or, with `pairs`, among those
// that have exactly these (student, booth) pairs besides the locked ones.
struct IdleLpTarget {
    long long min_score = 0;
    const std::vector<Placement>* pairs = nullptr;
};
LpStats write_idle_lp(const AllocationModel& model, const IdleLpTarget& target, std::ostream& out);

struct CbcIdleOutcome {
    bool ran = false;
    bool optimal = false;
    long long idle_minutes = 0;  // of the best schedule cbc found
    long long lower_bound = 0;   // cbc's proof: no schedule of the MIP has less idle
    double seconds = 0.0;
};
CbcIdleOutcome solve_idle_with_cbc(const AllocationModel& model, const IdleLpTarget& target,
                                   double time_limit_seconds);

// Writes the model to a temporary LP file and solves it with `cbc` on one thread.
// Used by the benchmark and the tests to compare the engine with an exact MIP solver.
CbcOutcome solve_with_cbc(const AllocationModel& model, double time_limit_seconds);

}  // namespace jobfair::alloc
