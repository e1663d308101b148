#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>

#include "fair_builder.hpp"
#include "scheduler/allocator.hpp"
#include "scheduler/lp_export.hpp"

using namespace jobfair;
using namespace jobfair::testing;

namespace {

// Solves the LP file with Debian's CBC and returns the optimum (the set-up script installs it).
std::optional<long long> cbc_optimum(const std::string& lp_text) {
    const std::string lp_path = "jobfair-test-model.lp";
    const std::string log_path = "jobfair-test-model.log";
    std::ofstream(lp_path) << lp_text;
    const std::string command = "cbc " + lp_path + " solve > " + log_path + " 2>&1";
    if (std::system(command.c_str()) != 0) return std::nullopt;
    std::ifstream log(log_path);
    std::stringstream text;
    text << log.rdbuf();
    std::remove(lp_path.c_str());
    std::remove(log_path.c_str());
    std::smatch match;
    const std::string body = text.str();
    if (body.find("Optimal solution found") == std::string::npos) return std::nullopt;
    if (!std::regex_search(body, match, std::regex(R"(Objective value:\s+(-?[0-9.]+))"))) {
        return std::nullopt;
    }
    return std::llabs(std::llround(std::stod(match[1])));
}

}  // namespace

TEST_CASE("the LP file names every rule and only possible interviews") {
    Fair fair = small_fair(2);
    fair.settings.student_gap_slots = 1;
    add_booth(fair, "B01").max_interviews = 1;
    add_booth(fair, "B02");
    add_student(fair, "S1", {"B01", "B02"});
    std::ostringstream lp;
    const auto stats = alloc::write_lp(alloc::AllocationModel::from_fair(fair), lp);
    const std::string text = lp.str();
    CHECK(text.find("Maximize") != std::string::npos);
    CHECK(text.find("seat_0_0") != std::string::npos);
    CHECK(text.find("time_0_0") != std::string::npos);  // gap 1: slots 0 and 1 share one window
    CHECK(text.find("booth_cap_0") != std::string::npos);
    CHECK(text.find("cover_0") != std::string::npos);
    CHECK(stats.variables == 1 + 4);  // y and x for 2 booths x 2 slots
}

TEST_CASE("CBC on the exported model agrees with the engine's proven optima") {
    int compared = 0;
    for (uint64_t seed = 100; seed < 112; ++seed) {
        CAPTURE(seed);
        Fair fair = random_fair(seed, 4, 14);
        if (seed % 3 == 0) {
            // Lock the first planned interview to drive the locked-score path too.
            const auto first = alloc::allocate(alloc::AllocationModel::from_fair(fair));
            if (!first.planned.empty()) {
                const auto model = alloc::AllocationModel::from_fair(fair);
                fair.fixed.push_back(model.to_interview(first.planned.front()));
            }
        }
        const auto model = alloc::AllocationModel::from_fair(fair);
        const auto result = alloc::allocate(model);
        std::ostringstream lp;
        const auto stats = alloc::write_lp(model, lp);
        const auto optimum = cbc_optimum(lp.str());
        REQUIRE(optimum.has_value());
        const long long cbc_score = *optimum + stats.locked_score;
        CHECK(cbc_score <= result.upper_bound);
        CHECK(cbc_score >= result.score);
        if (result.proven_optimal()) CHECK(cbc_score == result.score);
        ++compared;
    }
    CHECK(compared == 12);
}
