#include <doctest/doctest.h>

#include <sstream>

#include "fair_builder.hpp"
#include "scheduler/engine/allocator.hpp"
#include "scheduler/engine/lp_export.hpp"

using namespace jobfair;
using namespace jobfair::testing;

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
        const auto cbc = alloc::solve_with_cbc(model, 60);
        REQUIRE(cbc.ran);
        REQUIRE(cbc.optimal);
        const long long cbc_score = cbc.score;
        CHECK(cbc_score <= result.upper_bound);
        CHECK(cbc_score >= result.score);
        if (result.proven_optimal()) CHECK(cbc_score == result.score);
        ++compared;
    }
    CHECK(compared == 12);
}
