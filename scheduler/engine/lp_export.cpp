#include "scheduler/engine/lp_export.hpp"

#include <unistd.h>

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

}  // namespace

LpStats write_lp(const AllocationModel& model, std::ostream& out) {
    LpStats stats;
    const Occupancy locked(model, model.locked());
    const CandidateSet candidates = candidate_interviews(model, locked);
    stats.locked_score = score_of_placements(model, model.locked());
    const int gap = model.student_gap_slots();
    const size_t student_count = model.students().size();

    std::vector<char> covered_by_locked(student_count, 0);
    for (const auto& p : model.locked()) {
        if (placement_points(model, p) > 0) covered_by_locked[size_t(p.student)] = 1;
    }
    std::vector<std::vector<size_t>> pairs_of_student(student_count);
    for (size_t i = 0; i < candidates.pairs.size(); ++i) {
        pairs_of_student[size_t(candidates.pairs[i].student)].push_back(i);
    }

    // Objective: 1000 per newly covered student plus the preference points of each interview.
    out << "\\ jobfair allocation model; add " << stats.locked_score
        << " (locked interviews) to the objective\nMaximize\n obj:";
    for (size_t s = 0; s < student_count; ++s) {
        if (!pairs_of_student[s].empty() && !covered_by_locked[s]) {
            out << " + " << kCoverageWeight << " y_" << s;
            ++stats.variables;
        }
    }
    for (const auto& pair : candidates.pairs) {
        for (int k : pair.slots) {
            out << " + " << points_for_rank(pair.rank) << " " << x_name(pair, k);
            ++stats.variables;
        }
        out << "\n";
    }
    out << "Subject To\n";
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
        out << " <= " << model.booths()[size_t(booth)].seats - locked.seats_at(booth, slot) << "\n";
    }

    for (size_t s = 0; s < student_count; ++s) {
        if (pairs_of_student[s].empty()) continue;
        // Rule 2: in any gap+1 consecutive slots the student has at most one interview.
        for (int first = 0; first + gap < model.slot_count(); ++first) {
            std::string terms;
            for (size_t i : pairs_of_student[s]) {
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
        for (size_t i : pairs_of_student[s]) {
            const auto& pair = candidates.pairs[i];
            if (pair.slots.size() < 2) continue;
            constraint("once_" + std::to_string(s) + "_" + std::to_string(pair.booth));
            for (int k : pair.slots)
                out << " + " << x_name(pair, k);
            out << " <= 1\n";
        }
        // Rule 6: at most max_interviews (what locked interviews leave).
        constraint("student_cap_" + std::to_string(s));
        for (size_t i : pairs_of_student[s]) {
            for (int k : candidates.pairs[i].slots)
                out << " + " << x_name(candidates.pairs[i], k);
        }
        out << " <= " << candidates.room[s] << "\n";
        // Coverage: y_s only when the student has an interview.
        if (!covered_by_locked[s]) {
            constraint("cover_" + std::to_string(s));
            out << " y_" << s;
            for (size_t i : pairs_of_student[s]) {
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
    // variable.
    out << "Binary\n";
    for (size_t s = 0; s < student_count; ++s) {
        if (!pairs_of_student[s].empty() && !covered_by_locked[s]) out << " y_" << s << "\n";
    }
    for (const auto& pair : candidates.pairs) {
        for (int k : pair.slots)
            out << " " << x_name(pair, k) << "\n";
    }
    out << "End\n";
    return stats;
}

CbcOutcome solve_with_cbc(const AllocationModel& model, double time_limit_seconds) {
    CbcOutcome outcome;
    const auto base =
        std::filesystem::temp_directory_path() / ("jobfair-cbc-" + std::to_string(::getpid()));
    const std::string lp_path = base.string() + ".lp";
    const std::string log_path = base.string() + ".log";
    LpStats stats;
    {
        std::ofstream lp(lp_path);
        stats = write_lp(model, lp);
    }
    const std::string command = "cbc " + lp_path + " sec " +
                                std::to_string(std::max(1, int(time_limit_seconds))) +
                                " threads 1 solve > " + log_path + " 2>&1";
    const auto started = std::chrono::steady_clock::now();
    const int status = std::system(command.c_str());
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::stringstream log;
    log << std::ifstream(log_path).rdbuf();
    std::remove(lp_path.c_str());
    std::remove(log_path.c_str());
    if (status != 0) return outcome;
    const std::string body = log.str();
    std::smatch match;
    if (std::regex_search(body, match, std::regex(R"(Objective value:\s+(-?[0-9.]+))"))) {
        outcome.ran = true;
        // The LP maximizes; cbc reports the minimized negation, so take the magnitude.
        outcome.score = std::llabs(std::llround(std::stod(match[1]))) + stats.locked_score;
        outcome.optimal = body.find("Optimal solution found") != std::string::npos;
    }
    return outcome;
}

}  // namespace jobfair::alloc
