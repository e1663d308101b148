// The end-to-end check that replays the audit log: it must see what happened between two
// looks at the database, not only the state the day ended in.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

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

TEST_CASE("replaying the audit log follows a promise sent back to wait and moved to another seat") {
    // S3 is interviewed in seat 0 while S1 is called into seat 1 and sent back to wait (skip);
    // S1's promise is then moved to seat 0 at 08:15 and kept there. The stored seat of S1's
    // interview (0) holds only after the move: its first call was in seat 1, beside S3.
    Store store{":memory:"};
    Fair fair = small_fair(2);
    add_booth(fair, "B01", 2);
    for (const char* student : {"S1", "S3"})
        add_student(fair, student, {"B01"});
    store.import_fair(fair, "test");
    store.save_planned_schedule({Interview{StudentId("S1"), BoothId("B01"), 1, at(8, 0)},
                                 Interview{StudentId("S3"), BoothId("B01"), 0, at(8, 0)}},
                                "test");
    store.check_in_many({StudentId("S1"), StudentId("S3")}, at(7, 50), std::nullopt, "kiosk");
    InterviewId s1 = 0, s3 = 0;
    for (const auto& row : store.interviews())
        (row.interview.student == StudentId("S1") ? s1 : s3) = row.id;
    store.move_interview(s3, InterviewStatus::called, "booth");
    store.move_interview(s3, InterviewStatus::in_progress, "booth");
    store.move_interview(s1, InterviewStatus::called, "booth");
    store.move_interview(s1, InterviewStatus::promised, "booth");  // skipped
    Store::MoveDetails finished;
    finished.outcome = InterviewOutcome::offer;
    store.move_interview(s3, InterviewStatus::done, "booth", finished);
    store.reschedule_interview(s1, Interview{StudentId("S1"), BoothId("B01"), 0, at(8, 15)},
                               "server");
    store.move_interview(s1, InterviewStatus::called, "booth");
    store.move_interview(s1, InterviewStatus::in_progress, "booth");
    int events = 0;
    const auto violations = check_event_log(store, events);
    for (const auto& violation : violations)
        FAIL_CHECK(violation);
    CHECK(violations.empty());
}

TEST_CASE("the day's end checks the interviews held against the booths' breaks and caps") {
    Store store{":memory:"};
    Fair fair = small_fair(4);
    Booth& booth = add_booth(fair, "B01");
    booth.breaks.push_back(TimeRange{at(8, 30), at(8, 45)});
    booth.max_interviews = 1;
    add_student(fair, "S1", {"B01"}).arrive = at(8, 30);  // declared late: the check-in decides
    add_student(fair, "S2", {"B01"});
    store.import_fair(fair, "test");
    store.check_in_many({StudentId("S1"), StudentId("S2")}, at(8, 0), std::nullopt, "kiosk");
    // A standby call into the break, then one over the booth's cap (the store does not know the
    // rules; the server must not do this).
    const InterviewId in_break = store.add_called_interview(
        Interview{StudentId("S2"), BoothId("B01"), 0, at(8, 30)}, 15, "booth");
    const InterviewId early = store.add_called_interview(
        Interview{StudentId("S1"), BoothId("B01"), 0, at(8, 0)}, 15, "booth");
    for (InterviewId id : {in_break, early}) {
        store.move_interview(id, InterviewStatus::in_progress, "booth");
        store.move_interview(id, InterviewStatus::done, "booth");
    }
    SimulationProgress progress;
    progress.checked_in = {"S1", "S2"};
    CHECK(check_day_invariants(store, progress, false).empty());  // only at the day's end
    const auto violations = check_day_invariants(store, progress, true);
    const auto mentions = [&](const std::string& text) {
        return std::count_if(violations.begin(), violations.end(), [&](const std::string& line) {
            return line.find(text) != std::string::npos;
        });
    };
    CHECK(mentions("overlaps booth B01's break") == 1);
    CHECK(mentions("rule 6") == 1);
    CHECK(mentions("arrives") == 0);  // S1 came before the time the school gave
    CHECK(violations.size() == 2);
}
