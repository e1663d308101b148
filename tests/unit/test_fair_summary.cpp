#include <doctest/doctest.h>

#include "common/fair_summary.hpp"

using namespace jobfair;

namespace {

Fair small_fair() {
    Fair fair;
    fair.settings.name = "Hội chợ việc làm Thủy Nguyên";
    fair.settings.grid = {TimeOfDay::hm(8, 0), TimeOfDay::hm(9, 0), 15};  // 4 slots
    Booth welding;
    welding.id = BoothId("B01");
    welding.interviewers = 2;
    welding.open = TimeOfDay::hm(8, 0);
    welding.close = TimeOfDay::hm(9, 0);
    welding.breaks = {{TimeOfDay::hm(8, 30), TimeOfDay::hm(8, 45)}};  // 3 usable slots
    Booth logistics;
    logistics.id = BoothId("B02");
    logistics.open = TimeOfDay::hm(8, 30);
    logistics.close = TimeOfDay::hm(9, 0);  // 2 usable slots
    fair.booths = {welding, logistics};

    const auto student = [](const char* id, std::optional<std::string> occupation, Level level,
                            std::vector<BoothId> preferences) {
        Student s;
        s.id = StudentId(id);
        s.occupation = std::move(occupation);
        s.level = level;
        s.preferences = std::move(preferences);
        return s;
    };
    fair.students = {
        student("S1", "welding", Level::college, {BoothId("B01"), BoothId("B02")}),
        student("S2", "welding", Level::intermediate, {BoothId("B01")}),
        student("S3", "logistics", Level::college, {BoothId("B02")}),
        student("S4", std::nullopt, Level::none, {}),
    };
    fair.fixed = {{StudentId("S1"), BoothId("B01"), 0, TimeOfDay::hm(8, 0)}};
    return fair;
}

}  // namespace

TEST_CASE("summarize_fair counts capacity and demand") {
    const FairSummary summary = summarize_fair(small_fair());
    CHECK(summary.name == "Hội chợ việc làm Thủy Nguyên");
    CHECK(summary.booths == 2);
    CHECK(summary.seats == 3);
    CHECK(summary.seat_slots == 2 * 3 + 1 * 2);
    CHECK(summary.students == 4);
    CHECK(summary.preferences == 4);
    CHECK(summary.fixed_interviews == 1);
    using LevelCount = std::pair<Level, int>;
    CHECK(summary.students_by_level == std::vector<LevelCount>{{Level::none, 1},
                                                               {Level::intermediate, 1},
                                                               {Level::college, 2},
                                                               {Level::university, 0}});
    REQUIRE(summary.students_by_occupation.size() == 3);
    CHECK(summary.students_by_occupation[0] == std::pair{std::optional<std::string>("welding"), 2});
    // Ties keep alphabetical order, students without an occupation first.
    CHECK(summary.students_by_occupation[1] == std::pair{std::optional<std::string>(), 1});
    CHECK(summary.students_by_occupation[2] ==
          std::pair{std::optional<std::string>("logistics"), 1});
    CHECK(summary.interviews_by_status.size() == 7);
    for (const auto& [status, count] : summary.interviews_by_status)
        CHECK(count == 0);
}

TEST_CASE("format_summary prints one labelled line per topic") {
    const std::string text = format_summary(summarize_fair(small_fair()));
    CHECK(text.find("Hội chợ việc làm Thủy Nguyên\n") != std::string::npos);
    CHECK(text.find("08:00-09:00, 4 slots of 15 minutes") != std::string::npos);
    CHECK(text.find("2 (3 seats, 8 seat-slots)") != std::string::npos);
    CHECK(text.find("none 1, intermediate 1, college 2, university 0\n") != std::string::npos);
    CHECK(text.find("welding 2, (none) 1, logistics 1\n") != std::string::npos);
    CHECK(text.find("planned 0, promised 0,") != std::string::npos);
    CHECK(text.back() == '\n');
}
