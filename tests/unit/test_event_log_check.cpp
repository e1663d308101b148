// The end-to-end check that replays the audit log: it must see what happened between two
// looks at the database, not only the state the day ended in.
#include <doctest/doctest.h>

#include "fair_builder.hpp"
#include "scheduler/simulation/simulation.hpp"

using namespace jobfair;
using namespace jobfair::testing;

namespace {

// One booth of one seat, two students promised back to back in it.
struct TwoPromises {
    Store store{":memory:"};
    InterviewId first = 0;
    InterviewId second = 0;
    TwoPromises() {
        Fair fair = small_fair(2);
        add_booth(fair, "B01");
        add_student(fair, "S1", {"B01"});
        add_student(fair, "S2", {"B01"});
        store.import_fair(fair, "test");
        store.save_planned_schedule({Interview{StudentId("S1"), BoothId("B01"), 0, at(8, 0)},
                                     Interview{StudentId("S2"), BoothId("B01"), 0, at(8, 15)}},
                                    "test");
        store.check_in_many({StudentId("S1"), StudentId("S2")}, at(7, 50), std::nullopt, "kiosk");
        for (const auto& row : store.interviews())
            (row.interview.student == StudentId("S1") ? first : second) = row.id;
        REQUIRE(first != 0);
        REQUIRE(second != 0);
    }
};

}  // namespace

TEST_CASE("replaying the audit log finds a seat held twice, even if it was over by the end") {
    TwoPromises day;
    // The booth calls S2 while S1 is still in the seat (the engine would refuse; the store
    // does not know the rule), then both interviews end: the final state looks clean.
    day.store.move_interview(day.first, InterviewStatus::called, "booth");
    day.store.move_interview(day.second, InterviewStatus::called, "booth");
    day.store.move_interview(day.first, InterviewStatus::no_show, "booth");
    day.store.move_interview(day.second, InterviewStatus::no_show, "booth");
    int events = 0;
    const auto violations = check_event_log(day.store, events);
    REQUIRE(violations.size() == 1);
    CHECK(violations[0].find("B01 seat 0 holds interviews") != std::string::npos);
    CHECK(events == static_cast<int>(day.store.events().size()));
}

TEST_CASE("replaying the audit log passes a day where each seat holds one student at a time") {
    TwoPromises day;
    day.store.move_interview(day.first, InterviewStatus::called, "booth");
    day.store.move_interview(day.first, InterviewStatus::in_progress, "booth");
    Store::MoveDetails finished;
    finished.outcome = InterviewOutcome::offer;
    day.store.move_interview(day.first, InterviewStatus::done, "booth", finished);
    day.store.move_interview(day.second, InterviewStatus::called, "booth");
    int events = 0;
    CHECK(check_event_log(day.store, events).empty());
    CHECK(events > 4);
}
