#include "scheduler/engine/lp_export.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "scheduler/engine/allocator.hpp"
#include "scheduler/engine/candidates.hpp"

namespace jobfair::alloc {

namespace {

std::string x_name(const Candidate& pair, int slot) {
    return "x_" + std::to_string(pair.student) + "_" + std::to_string(pair.booth) + "_" +
           std::to_string(slot);
}

// What both MIPs share: the possible interviews next to the locked ones, per student.
struct LpData {
    Occupancy locked;
    CandidateSet candidates;
    std::vector<char> covered_by_locked;
    std::vector<std::vector<size_t>> pairs_of_student;

    explicit LpData(const AllocationModel& model)
        : locked(model, model.locked()),
          candidates(candidate_interviews(model, locked)),
          covered_by_locked(model.students().size(), 0),
          pairs_of_student(model.students().size()) {
        for (const auto& p : model.locked()) {
            if (placement_points(model, p) > 0) covered_by_locked[size_t(p.student)] = 1;
        }
        index_pairs();
    }
    void index_pairs() {
        for (auto& list : pairs_of_student)
            list.clear();
        for (size_t i = 0; i < candidates.pairs.size(); ++i) {
            pairs_of_student[size_t(candidates.pairs[i].student)].push_back(i);
        }
    }
    bool has_y(size_t s) const { return !pairs_of_student[s].empty() && !covered_by_locked[s]; }
};

// Writes " + c name" or " - c name".
void term(std::ostream& out, long long coefficient, const std::string& name) {
    out << (coefficient < 0 ? " - " : " + ") << std::llabs(coefficient) << " " << name;
}

// Rules 1, 2, 5 and 6, and coverage: y_s only when the student has an interview.
void write_rules(const AllocationModel& model, const LpData& data, LpStats& stats,
                 std::ostream& out) {
    const CandidateSet& candidates = data.candidates;
    const int gap = model.student_gap_slots();
    auto constraint = [&](const std::string& name) {
        ++stats.constraints;
        out << " " << name << ":";
    };

    // Rule 1: at most one interview per booth seat per slot (seats left after locked ones).
    std::vector<std::vector<std::string>> at_booth_slot(model.booths().size() *
                                                        size_t(model.slot_count()));
    for (const auto& pair : candidates.pairs) {
        for (int k : pair.slots) {
            at_booth_slot[size_t(pair.booth * model.slot_count() + k)].push_back(x_name(pair, k));
        }
    }
    for (size_t index = 0; index < at_booth_slot.size(); ++index) {
        if (at_booth_slot[index].empty()) continue;
        const int booth = int(index) / model.slot_count();
        const int slot = int(index) % model.slot_count();
        constraint("seat_" + std::to_string(booth) + "_" + std::to_string(slot));
        for (const auto& name : at_booth_slot[index])
            out << " + " << name;
        out << " <= " << model.booths()[size_t(booth)].seats - data.locked.seats_at(booth, slot)
            << "\n";
    }

    for (size_t s = 0; s < data.pairs_of_student.size(); ++s) {
        const auto& pairs = data.pairs_of_student[s];
        if (pairs.empty()) continue;
        // Rule 2: in any gap+1 consecutive slots the student has at most one interview.
        for (int first = 0; first + gap < model.slot_count(); ++first) {
            std::string terms;
            for (size_t i : pairs) {
                for (int k : candidates.pairs[i].slots) {
                    if (k >= first && k <= first + gap)
                        terms += " + " + x_name(candidates.pairs[i], k);
                }
            }
            if (terms.empty()) continue;
            constraint("time_" + std::to_string(s) + "_" + std::to_string(first));
            out << terms << " <= 1\n";
        }
        // Rule 5: a student meets a booth at most once.
        for (size_t i : pairs) {
            const auto& pair = candidates.pairs[i];
            if (pair.slots.size() < 2) continue;
            constraint("once_" + std::to_string(s) + "_" + std::to_string(pair.booth));
            for (int k : pair.slots)
                out << " + " << x_name(pair, k);
            out << " <= 1\n";
        }
        // Rule 6: at most max_interviews (what locked interviews leave).
        constraint("student_cap_" + std::to_string(s));
        for (size_t i : pairs) {
            for (int k : candidates.pairs[i].slots)
                out << " + " << x_name(candidates.pairs[i], k);
        }
        out << " <= " << candidates.room[s] << "\n";
        // Coverage: y_s only when the student has an interview.
        if (data.has_y(s)) {
            constraint("cover_" + std::to_string(s));
            out << " y_" << s;
            for (size_t i : pairs) {
                for (int k : candidates.pairs[i].slots)
                    out << " - " << x_name(candidates.pairs[i], k);
            }
            out << " <= 0\n";
        }
    }

    // Rule 6: a booth has at most max_interviews.
    for (size_t b = 0; b < model.booths().size(); ++b) {
        if (model.booths()[b].max_interviews == kNoCap) continue;
        std::string terms;
        for (const auto& pair : candidates.pairs) {
            if (size_t(pair.booth) != b) continue;
            for (int k : pair.slots)
                terms += " + " + x_name(pair, k);
        }
        if (terms.empty()) continue;
        constraint("booth_cap_" + std::to_string(b));
        out << terms << " <= " << candidates.booth_room[b] << "\n";
    }
    // Rules 3 and 4 hold by construction: only eligible pairs in open, shared slots have a
    // variable. Rule 7: locked interviews are taken out beforehand.
}

void write_binaries(const LpData& data, LpStats& stats, std::ostream& out) {
    out << "Binary\n";
    for (size_t s = 0; s < data.pairs_of_student.size(); ++s) {
        if (data.has_y(s)) out << " y_" << s << "\n";
    }
    for (const auto& pair : data.candidates.pairs) {
        for (int k : pair.slots) {
            out << " " << x_name(pair, k) << "\n";
            ++stats.variables;
        }
    }
    for (size_t s = 0; s < data.pairs_of_student.size(); ++s)
        stats.variables += data.has_y(s) ? 1 : 0;
}

}  // namespace

LpStats write_lp(const AllocationModel& model, std::ostream& out) {
    LpStats stats;
    const LpData data(model);
    stats.locked_score = score_of_placements(model, model.locked());

    // Objective: 1000 per newly covered student plus the preference points of each interview.
    out << "\\ jobfair allocation model; add " << stats.locked_score
        << " (locked interviews) to the objective\nMaximize\n obj:";
    for (size_t s = 0; s < data.pairs_of_student.size(); ++s) {
        if (data.has_y(s)) out << " + " << kCoverageWeight << " y_" << s;
    }
    for (const auto& pair : data.candidates.pairs) {
        for (int k : pair.slots)
            out << " + " << points_for_rank(pair.rank) << " " << x_name(pair, k);
        out << "\n";
    }
    out << "Subject To\n";
    write_rules(model, data, stats, out);
    write_binaries(data, stats, out);
    out << "End\n";
    return stats;
}

LpStats write_idle_lp(const AllocationModel& model, const IdleLpTarget& target, std::ostream& out) {
    LpStats stats;
    LpData data(model);
    stats.locked_score = score_of_placements(model, model.locked());
    const size_t student_count = model.students().size();
    const long long slot_minutes = model.grid().slot_minutes;
    if (target.pairs) {
        // Only the given pairs, each exactly once (constraint "pair_..." below).
        std::vector<std::vector<int>> booths_of(student_count);
        for (const auto& p : *target.pairs)
            booths_of[size_t(p.student)].push_back(p.booth);
        std::erase_if(data.candidates.pairs, [&](const Candidate& pair) {
            const auto& booths = booths_of[size_t(pair.student)];
            return std::find(booths.begin(), booths.end(), pair.booth) == booths.end();
        });
        data.index_pairs();
    }

    // Idle of a covered student = slot_minutes * e_s - slot_minutes * interviews
    //                             - (arrive - day_start),
    // where e_s (the end of the last interview, in slots from day_start) is a variable for a
    // student who may get new interviews and a constant for one who only has locked ones.
    std::vector<int> locked_count(student_count, 0), locked_end(student_count, 0);
    for (const auto& p : model.locked()) {
        ++locked_count[size_t(p.student)];
        locked_end[size_t(p.student)] = std::max(locked_end[size_t(p.student)], p.slot + 1);
    }
    auto arrival_offset = [&](size_t s) {
        return static_cast<long long>(model.students()[s].arrive.minutes() -
                                      model.grid().day_start.minutes());
    };
    for (size_t s = 0; s < student_count; ++s) {
        if (locked_count[s] == 0) continue;
        stats.objective_constant -= slot_minutes * locked_count[s] + arrival_offset(s);
        if (data.pairs_of_student[s].empty())
            stats.objective_constant += slot_minutes * locked_end[s];
    }

    out << "\\ jobfair idle model: least total idle at the score floor; add "
        << stats.objective_constant << " to the objective\nMinimize\n obj:";
    for (size_t s = 0; s < student_count; ++s) {
        if (data.pairs_of_student[s].empty()) continue;
        term(out, slot_minutes, "e_" + std::to_string(s));
        if (data.has_y(s) && arrival_offset(s) != 0)
            term(out, -arrival_offset(s), "y_" + std::to_string(s));
        for (size_t i : data.pairs_of_student[s]) {
            for (int k : data.candidates.pairs[i].slots)
                term(out, -slot_minutes, x_name(data.candidates.pairs[i], k));
        }
        out << "\n";
    }
    out << "Subject To\n";
    write_rules(model, data, stats, out);
    auto constraint = [&](const std::string& name) {
        ++stats.constraints;
        out << " " << name << ":";
    };
    for (size_t s = 0; s < student_count; ++s) {
        for (size_t i : data.pairs_of_student[s]) {
            const Candidate& pair = data.candidates.pairs[i];
            const std::string suffix = std::to_string(s) + "_" + std::to_string(pair.booth);
            // The last interview ends no earlier than any of them (at most one slot per pair).
            constraint("end_" + suffix);
            out << " e_" << s;
            for (int k : pair.slots)
                term(out, -(k + 1), x_name(pair, k));
            out << " >= 0\n";
            // Covered exactly when the student has an interview.
            if (data.has_y(s)) {
                constraint("link_" + suffix);
                out << " y_" << s;
                for (int k : pair.slots)
                    out << " - " << x_name(pair, k);
                out << " >= 0\n";
            }
            if (target.pairs) {
                constraint("pair_" + suffix);
                for (int k : pair.slots)
                    out << " + " << x_name(pair, k);
                out << " = 1\n";
            }
        }
    }
    if (!target.pairs) {
        // The score comes first: no less than the floor (the best score when it is proven).
        constraint("score_floor");
        for (size_t s = 0; s < student_count; ++s) {
            if (data.has_y(s)) out << " + " << kCoverageWeight << " y_" << s;
        }
        for (const auto& pair : data.candidates.pairs) {
            for (int k : pair.slots)
                out << " + " << points_for_rank(pair.rank) << " " << x_name(pair, k);
        }
        out << " >= " << target.min_score - stats.locked_score << "\n";
    }
    out << "Bounds\n";
    for (size_t s = 0; s < student_count; ++s) {
        if (data.pairs_of_student[s].empty()) continue;
        out << " e_" << s << " >= " << locked_end[s] << "\n";
        ++stats.variables;
    }
    write_binaries(data, stats, out);
    out << "End\n";
    return stats;
}

namespace {

struct CbcRun {
    bool ran = false;
    bool optimal = false;
    double objective = 0.0;
    double best_bound = 0.0;  // equals objective when optimal
    double seconds = 0.0;
};

// Solves an LP file with `cbc` on one thread and reads its objective from the log.
CbcRun run_cbc(const std::string& lp_path, double time_limit_seconds) {
    CbcRun run;
    const std::string log_path = lp_path + ".log";
    const std::string command = "cbc " + lp_path + " sec " +
                                std::to_string(std::max(1, int(time_limit_seconds))) +
                                " threads 1 solve > " + log_path + " 2>&1";
    const auto started = std::chrono::steady_clock::now();
    const int status = std::system(command.c_str());
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::stringstream log;
    log << std::ifstream(log_path).rdbuf();
    std::remove(lp_path.c_str());
    std::remove(log_path.c_str());
    if (status != 0) return run;
    const std::string body = log.str();
    std::smatch match;
    if (std::regex_search(body, match, std::regex(R"(Objective value:\s+(-?[0-9.eE+-]+))"))) {
        run.ran = true;
        run.objective = std::stod(match[1]);
        run.optimal = body.find("Optimal solution found") != std::string::npos;
        // Cut short, cbc still proves how good any solution can be (for a minimisation).
        run.best_bound = run.objective;
        if (std::regex_search(body, match, std::regex(R"(Lower bound:\s+(-?[0-9.eE+-]+))"))) {
            run.best_bound = std::stod(match[1]);
        }
    }
    return run;
}

std::string temporary_lp_path(const char* what) {
    return (std::filesystem::temp_directory_path() /
            ("jobfair-" + std::string(what) + "-" + std::to_string(::getpid()) + ".lp"))
        .string();
}

}  // namespace

CbcOutcome solve_with_cbc(const AllocationModel& model, double time_limit_seconds) {
    const std::string lp_path = temporary_lp_path("cbc");
    LpStats stats;
    {
        std::ofstream lp(lp_path);
        stats = write_lp(model, lp);
    }
    const CbcRun run = run_cbc(lp_path, time_limit_seconds);
    CbcOutcome outcome;
    outcome.ran = run.ran;
    outcome.optimal = run.optimal;
    outcome.seconds = run.seconds;
    // The LP maximizes; cbc reports the minimized negation, so take the magnitude.
    if (run.ran) outcome.score = std::llabs(std::llround(run.objective)) + stats.locked_score;
    return outcome;
}

CbcIdleOutcome solve_idle_with_cbc(const AllocationModel& model, const IdleLpTarget& target,
                                   double time_limit_seconds) {
    const std::string lp_path = temporary_lp_path("cbc-idle");
    LpStats stats;
    {
        std::ofstream lp(lp_path);
        stats = write_idle_lp(model, target, lp);
    }
    const CbcRun run = run_cbc(lp_path, time_limit_seconds);
    CbcIdleOutcome outcome;
    outcome.ran = run.ran;
    outcome.optimal = run.optimal;
    outcome.seconds = run.seconds;
    if (run.ran) {
        outcome.idle_minutes = std::llround(run.objective) + stats.objective_constant;
        // Idle minutes are whole numbers: round a fractional bound up.
        outcome.lower_bound =
            static_cast<long long>(std::ceil(run.best_bound - 1e-6)) + stats.objective_constant;
        if (outcome.optimal) outcome.lower_bound = outcome.idle_minutes;
    }
    return outcome;
}

}  // namespace jobfair::alloc
