#include <doctest/doctest.h>

#include "fair_builder.hpp"
#include "scheduler/engine/allocator.hpp"
#include "scheduler/engine/explain.hpp"

using namespace jobfair;
using namespace jobfair::testing;
using alloc::PreferenceOutcome;

namespace {

std::vector<alloc::PreferenceExplanation> explain(const Fair& fair, const std::string& student) {
    const auto model = alloc::AllocationModel::from_fair(fair);
    const auto result = alloc::allocate(model);
    return alloc::explain_student(model, result.all(), *model.student_index(StudentId(student)));
}

}  // namespace

TEST_CASE("each unscheduled preference gets the reason that applies") {
    Fair fair = small_fair(2);
    add_booth(fair, "B01").occupations = {"nursing"};      // S1 is a welder
    add_booth(fair, "B02").min_level = Level::university;  // S1 is intermediate
    add_booth(fair, "B03").open = at(8, 15);               // S1 leaves at 08:15
    add_booth(fair, "B04");                                // S1 gets this one
    auto& s1 = add_student(fair, "S1", {"B01", "B02", "B03", "B04", "B99"});
    s1.occupation = "welding";
    s1.level = Level::intermediate;
    s1.leave = at(8, 15);

    const auto reasons = explain(fair, "S1");
    REQUIRE(reasons.size() == 5);
    CHECK(reasons[0].outcome == PreferenceOutcome::not_eligible_trade);
    CHECK(reasons[1].outcome == PreferenceOutcome::not_eligible_level);
    CHECK(reasons[2].outcome == PreferenceOutcome::booth_closed);
    CHECK(reasons[3].outcome == PreferenceOutcome::scheduled);
    CHECK(reasons[3].placement.has_value());
    CHECK(reasons[4].outcome == PreferenceOutcome::unknown_booth);
    CHECK(reasons[0].reason_vi ==
          "Không đủ điều kiện: doanh nghiệp không tuyển ngành nghề của bạn");
    CHECK(reasons[2].reason_en == "The booth is not open while you are at the fair");
}

TEST_CASE("a full booth, a reached cap and the student's own interviews are told apart") {
    Fair fair = small_fair(1);
    add_booth(fair, "B01");  // one seat, one slot: S2 ranks it first and takes it
    add_booth(fair, "B02").max_interviews = 0;
    add_student(fair, "S2", {"B01"});
    add_student(fair, "S1", {"B01", "B02", "B03"});
    add_booth(fair, "B03");  // S1's only interview, at the only slot
    const auto reasons = explain(fair, "S1");
    REQUIRE(reasons.size() == 3);
    CHECK(reasons[0].outcome == PreferenceOutcome::booth_full);
    CHECK(reasons[1].outcome == PreferenceOutcome::booth_cap_reached);
    CHECK(reasons[1].reason_en == "The booth has reached its cap of 0 interviews for the day");
    CHECK(reasons[2].outcome == PreferenceOutcome::scheduled);

    Fair two_seats = small_fair(1);
    add_booth(two_seats, "B01", 2);
    add_booth(two_seats, "B02");
    add_student(two_seats, "S1", {"B02", "B01"});
    add_student(two_seats, "S2", {"B01"});
    // S1 meets B02 in the only slot; B01 still has a seat then, but S1 is busy.
    const auto busy = explain(two_seats, "S1");
    CHECK(busy[0].outcome == PreferenceOutcome::scheduled);
    CHECK(busy[1].outcome == PreferenceOutcome::own_interviews);
}

TEST_CASE("the student's own cap is named with its number") {
    Fair fair = small_fair(3);
    fair.settings.max_interviews_per_student = 1;
    add_booth(fair, "B01");
    add_booth(fair, "B02");
    add_student(fair, "S1", {"B01", "B02"});
    const auto reasons = explain(fair, "S1");
    CHECK(reasons[0].outcome == PreferenceOutcome::scheduled);
    CHECK(reasons[1].outcome == PreferenceOutcome::student_cap_reached);
    CHECK(reasons[1].reason_vi == "Bạn đã có đủ 1 buổi phỏng vấn, mức tối đa cho mỗi người");
}
