#include <doctest/doctest.h>

#include "fair_builder.hpp"
#include "scheduler/live/live_fair.hpp"
#include "scheduler/live/outlook.hpp"
#include "scheduler/live/server_views.hpp"

using namespace jobfair;
using namespace jobfair::testing;

namespace {

StoredInterview row(InterviewId id, const char* student, const char* booth, TimeOfDay start,
                    InterviewStatus status, int seat = 0) {
    StoredInterview out;
    out.id = id;
    out.interview = Interview{StudentId(student), BoothId(booth), seat, start};
    out.status = status;
    return out;
}

// Everyone in `ids` checked in at 07:50.
std::map<StudentId, TimeOfDay> all_here(std::initializer_list<const char*> ids) {
    std::map<StudentId, TimeOfDay> here;
    for (const char* id : ids)
        here[StudentId(id)] = at(7, 50);
    return here;
}

// A day whose interviews have taken 20 minutes so far (ten of them against the prior's 15), and
// whose interview 1 began at 08:00.
DayPace twenty_minute_interviews() {
    DayPace pace;
    pace.slot_minutes = 15;
    pace.interviews_timed = 10;
    pace.interview_minutes_total = 250;
    pace.started_at[1] = at(8, 0);
    return pace;
}

std::vector<std::string> ids(const std::vector<StandbyEntry>& queue) {
    std::vector<std::string> out;
    for (const auto& entry : queue)
        out.push_back(entry.id.str());
    return out;
}

}  // namespace

TEST_CASE("the no-show rate starts from its prior and follows the day's calls") {
    CHECK(no_show_rate({}).rate() == doctest::Approx(0.10));
    std::vector<StoredInterview> day;
    for (int i = 0; i < 20; ++i)
        day.push_back(row(i, "S1", "B01", at(8, 0), InterviewStatus::done));
    for (int i = 0; i < 10; ++i)
        day.push_back(row(100 + i, "S1", "B01", at(8, 0), InterviewStatus::no_show));
    // (0.1 * 20 + 10) / (20 + 30) = 0.24
    CHECK(no_show_rate(day).rate() == doctest::Approx(0.24));
}

TEST_CASE("a booth's standby queue follows the plan, then students with nothing, then rank") {
    Fair fair = small_fair(4);
    add_booth(fair, "B01");
    add_booth(fair, "B02");
    add_student(fair, "S1", {"B01"});         // has an interview elsewhere: covered
    add_student(fair, "S2", {"B02", "B01"});  // nothing yet, B01 second
    add_student(fair, "S3", {"B01"});         // the plan puts them at B01 now
    add_student(fair, "S4", {"B01"});         // the plan puts them at B01 later
    add_student(fair, "S5", {"B02", "B01"});  // the plan expects them at B02 now
    add_student(fair, "S6", {"B01"});         // not checked in
    const std::vector<StoredInterview> rows{
        row(1, "S1", "B02", at(8, 45), InterviewStatus::promised),
        row(2, "S3", "B01", at(8, 15), InterviewStatus::planned),
        row(3, "S4", "B01", at(8, 45), InterviewStatus::planned),
        row(4, "S5", "B02", at(8, 15), InterviewStatus::planned),
    };
    const std::map<StudentId, TimeOfDay> here{{StudentId("S1"), at(8, 1)},
                                              {StudentId("S2"), at(8, 2)},
                                              {StudentId("S3"), at(8, 3)},
                                              {StudentId("S4"), at(8, 4)},
                                              {StudentId("S5"), at(8, 5)}};
    const DayState day{fair, rows, here, {}, at(8, 20), {}};
    CHECK(ids(standby_queue(day, BoothId("B01"))) ==
          std::vector<std::string>{"S3", "S2", "S1", "S4", "S5"});
}

TEST_CASE("an outlook gives a come-back time for a promise and an estimate in standby") {
    Fair fair = small_fair(8);  // 08:00-10:00
    add_booth(fair, "B01");
    add_booth(fair, "B02");
    add_student(fair, "S1", {"B01", "B02"});
    add_student(fair, "S2", {"B01"});
    add_student(fair, "S3", {"B01"});
    std::vector<StoredInterview> rows{
        row(1, "S1", "B01", at(9, 0), InterviewStatus::promised),
    };
    // B01 holds S2 and S3's promises in every other slot: the only free seats are 08:00-08:45
    // and 09:15 onwards minus theirs.
    rows.push_back(row(2, "S2", "B01", at(8, 0), InterviewStatus::promised));
    rows.push_back(row(3, "S3", "B01", at(8, 15), InterviewStatus::promised));
    const std::map<StudentId, TimeOfDay> here{
        {StudentId("S1"), at(7, 50)}, {StudentId("S2"), at(7, 50)}, {StudentId("S3"), at(7, 50)}};
    const DayState day{fair, rows, here, {}, at(7, 55), {}};
    const StudentOutlook outlook = outlook_of(day, StudentId("S1"), {}, NoShowRate{});
    REQUIRE(outlook.promises.size() == 1);
    CHECK(outlook.promises[0].booth == BoothId("B01"));
    CHECK(outlook.promises[0].be_there_by == at(8, 55));
    // B02 is free from 08:00: the first slot S1 can take there.
    REQUIRE(outlook.standby.size() == 1);
    CHECK(outlook.standby[0].booth == BoothId("B02"));
    REQUIRE(outlook.standby[0].estimate.has_value());
    CHECK(*outlook.standby[0].estimate == at(8, 0));
    CHECK(outlook.no_interview == NoInterviewReason::none);
    CHECK(outlook.next_expected() == at(8, 0));
}

TEST_CASE("standby estimates walk the queue through the seats expected to free") {
    Fair fair = small_fair(4);  // 08:00-09:00, one seat
    add_booth(fair, "B01");
    add_student(fair, "A", {"B01"});
    add_student(fair, "B", {"B01"});
    add_student(fair, "C", {"B01"});
    add_student(fair, "D", {"B01"});
    add_student(fair, "X", {"B01"});
    add_student(fair, "Y", {"B01"});
    // A and B are promised 08:00 and 08:15; 08:30 and 08:45 are free.
    const std::vector<StoredInterview> rows{
        row(1, "A", "B01", at(8, 0), InterviewStatus::promised),
        row(2, "B", "B01", at(8, 15), InterviewStatus::promised),
    };
    std::map<StudentId, TimeOfDay> here;
    for (const char* id : {"A", "B", "C", "D", "X", "Y"})
        here[StudentId(id)] = at(7, 50);
    const DayState day{fair, rows, here, {}, at(7, 55), {}};
    const auto outlooks =
        outlooks_of(day, {StudentId("C"), StudentId("D"), StudentId("X")}, {}, NoShowRate{});
    // C and D take the two free seats; the no-shows expected of A and B (0.1 each) do not add
    // up to half a seat, so X is told plainly that the booth is full.
    REQUIRE(outlooks[0].standby.size() == 1);
    CHECK(outlooks[0].standby[0].estimate == at(8, 30));
    CHECK(outlooks[1].standby[0].estimate == at(8, 45));
    CHECK_FALSE(outlooks[2].standby[0].estimate.has_value());
    CHECK(outlooks[2].standby[0].position == 3);
    CHECK(outlooks[2].no_interview == NoInterviewReason::booths_full);

    // A high no-show rate makes a seat likely to free for X too.
    NoShowRate flaky;
    flaky.no_shows = 80;
    const auto later = outlook_of(day, StudentId("X"), {}, flaky);
    CHECK(later.standby[0].estimate.has_value());
}

TEST_CASE("a student no booth can take is told why, with what they can still do") {
    Fair fair = small_fair(4);
    add_booth(fair, "B01").occupations = {"welding"};
    add_booth(fair, "B02").accepts_cvs = true;
    Student& student = add_student(fair, "S1", {"B01"});
    student.occupation = "nursing";
    const std::map<StudentId, TimeOfDay> here{{StudentId("S1"), at(7, 50)}};
    const DayState day{fair, {}, here, {}, at(8, 0), {}};
    const StudentOutlook outlook = outlook_of(day, StudentId("S1"), {}, NoShowRate{});
    CHECK(outlook.promises.empty());
    CHECK(outlook.standby.empty());
    CHECK(outlook.no_interview == NoInterviewReason::no_booth_for_them);
    CHECK(outlook.takes_cvs == std::vector<BoothId>{BoothId("B02")});
    CHECK(outlook.free_seats_now == std::vector<BoothId>{BoothId("B02")});

    // A paused booth opens no seat: not offered, and its standby has nothing to estimate.
    const StudentOutlook paused = outlook_of(day, StudentId("S1"), {BoothId("B02")}, {});
    CHECK(paused.free_seats_now.empty());
}

TEST_CASE("a standby call never leaves the student planned in two places") {
    Fair fair = small_fair(2);
    add_booth(fair, "B01");
    add_booth(fair, "B02");
    add_student(fair, "S1", {"B01", "B02"});
    Store store(":memory:");
    store.import_fair(fair, "test");
    store.check_in_many({StudentId("S1")}, at(7, 50), std::nullopt, "kiosk");
    // A re-plan put S1 at B02 08:15; at 08:15 B01 calls them from standby first.
    store.save_planned_schedule({Interview{StudentId("S1"), BoothId("B02"), 0, at(8, 15)}},
                                "replan");
    ManualClock clock(at(8, 15));
    LiveFair live(store, clock);
    const auto call = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(call.called.has_value());
    CHECK(call.called->interview.student == StudentId("S1"));
    int at_quarter_past = 0;
    for (const auto& stored : store.interviews())
        at_quarter_past += stored.interview.student == StudentId("S1") &&
                           stored.interview.start == at(8, 15) &&
                           stored.status != InterviewStatus::cancelled;
    CHECK(at_quarter_past == 1);
    CHECK(live.replan_due());
}

TEST_CASE("a promise's likely start follows its seat: the interview under way, then each call") {
    Fair fair = small_fair(8);  // 08:00-10:00, 15-minute slots
    add_booth(fair, "B01");
    add_booth(fair, "B02");
    for (const char* id : {"S1", "S2", "S3", "S4", "S5"})
        add_student(fair, id, {"B01", "B02"});
    const std::vector<StoredInterview> rows{
        row(1, "S1", "B01", at(8, 0), InterviewStatus::in_progress),
        row(2, "S2", "B01", at(8, 15), InterviewStatus::promised),
        row(3, "S3", "B01", at(8, 30), InterviewStatus::promised),
        row(4, "S4", "B02", at(8, 0), InterviewStatus::called),
        row(5, "S5", "B02", at(9, 0), InterviewStatus::promised),
    };
    // Interviews have taken 20 minutes today; walks to the booth the prior's 2.
    DayState day{fair, rows,     all_here({"S1", "S2", "S3", "S4", "S5"}),
                 {},   at(8, 5), twenty_minute_interviews()};
    day.pace.called_at[4] = at(8, 4);
    REQUIRE(day.pace.interview_minutes() == doctest::Approx(20.0));

    // B01: S1 ends at 08:20; the changeover (finish, call, walk over: the prior's 3 minutes)
    // puts S2 at 08:23, so S3 waits until 08:46.
    const auto b01 = expected_starts(day, BoothId("B01"));
    CHECK(b01.at(2) == at(8, 23));
    CHECK(b01.at(3) == at(8, 46));
    // B02: S4 was called at 08:04 and is expected at 08:06, until 08:26. S5's 09:00 promise
    // finds the seat free long before: it begins at its slot plus the day's typical lateness,
    // the prior's 2 minutes until the day has seen promised interviews begin.
    const auto b02 = expected_starts(day, BoothId("B02"));
    CHECK(b02.at(4) == at(8, 6));
    CHECK(b02.at(5) == at(9, 2));
    // Promised interviews have begun 6 minutes after their slots today (the median, with the
    // prior's ten observations of 2): S5 is told 09:06.
    day.pace.promise_lateness.assign(15, 6);
    REQUIRE(day.pace.typical_promise_lateness() == 6);
    CHECK(expected_starts(day, BoothId("B02")).at(5) == at(9, 6));
    day.pace.promise_lateness.clear();

    // The outlook carries it with the promise.
    const StudentOutlook outlook = outlook_of(day, StudentId("S3"), {}, NoShowRate{});
    REQUIRE(outlook.promises.size() == 1);
    CHECK(outlook.promises[0].expected == at(8, 46));
    CHECK(outlook.promises[0].be_there_by == at(8, 25));
}

TEST_CASE("a promise whose seat runs long is foretold at another seat of the booth left free") {
    Fair fair = small_fair(8);
    add_booth(fair, "B01", 2);
    for (const char* id : {"S1", "S2", "S3"})
        add_student(fair, id, {"B01"});
    // Seat 1: S1's interview began at 08:00 and takes 20 minutes today, until 08:20; S2 is
    // promised there at 08:15. Seat 0 has nothing at 08:15.
    std::vector<StoredInterview> rows{
        row(1, "S1", "B01", at(8, 0), InterviewStatus::in_progress, 1),
        row(2, "S2", "B01", at(8, 15), InterviewStatus::promised, 1),
    };
    const auto here = all_here({"S1", "S2", "S3"});
    const DayState day{fair, rows, here, {}, at(8, 5), twenty_minute_interviews()};
    // Seat 0 calls S2 when the slot begins (LiveFair::call_next): 08:15 plus the walk.
    CHECK(expected_starts(day, BoothId("B01")).at(2) == at(8, 17));
    // With S3 promised at seat 0 in that slot, S2 waits for seat 1: 08:20 plus the changeover.
    rows.push_back(row(3, "S3", "B01", at(8, 15), InterviewStatus::promised, 0));
    const DayState both{fair, rows, here, {}, at(8, 5), day.pace};
    const auto starts = expected_starts(both, BoothId("B01"));
    CHECK(starts.at(3) == at(8, 17));
    CHECK(starts.at(2) == at(8, 23));
}

TEST_CASE("an idle seat calls its promise when the slot begins") {
    Fair fair = small_fair(8);
    add_booth(fair, "B01");
    add_student(fair, "S1", {"B01"});
    const std::vector<StoredInterview> rows{
        row(1, "S1", "B01", at(9, 0), InterviewStatus::promised)};
    const std::map<StudentId, TimeOfDay> here{{StudentId("S1"), at(7, 50)}};
    DayState day{fair, rows, here, {}, at(8, 5), {}};
    day.pace.slot_minutes = 15;
    // Nobody else wants B01: the seat stands idle until 09:00, and S1 walks over in 2 minutes.
    CHECK(expected_starts(day, BoothId("B01")).at(1) == at(9, 2));
}

TEST_CASE("a seat the plan keeps for a student not here yet goes to standby now") {
    Fair fair = small_fair(8);
    add_booth(fair, "B01");
    add_student(fair, "W1", {"B01"});
    std::vector<StoredInterview> rows;
    for (int slot = 0; slot < 8; ++slot) {
        const std::string id = "S" + std::to_string(slot);
        add_student(fair, id, {"B01"});
        rows.push_back(row(slot + 1, id.c_str(), "B01", at(8, 0).plus_minutes(15 * slot),
                           InterviewStatus::planned));
    }
    std::map<StudentId, TimeOfDay> here{{StudentId("W1"), at(8, 1)}};
    // S0's bus is late: the booth cannot call them, so W1 is expected at once.
    const DayState late{fair, rows, here, {}, at(8, 2), {}};
    const auto waiting = outlook_of(late, StudentId("W1"), {}, NoShowRate{});
    REQUIRE(waiting.standby.size() == 1);
    CHECK(waiting.standby[0].estimate == at(8, 2));
    // Everyone is here: the seats are theirs, and nothing frees for W1 today.
    for (int slot = 0; slot < 8; ++slot)
        here[StudentId("S" + std::to_string(slot))] = at(7, 55);
    const DayState arrived{fair, rows, here, {}, at(8, 2), {}};
    const auto full = outlook_of(arrived, StudentId("W1"), {}, NoShowRate{});
    CHECK_FALSE(full.next_expected());
    CHECK(full.no_interview == NoInterviewReason::booths_full);
}

TEST_CASE("a booth's next free seat skips held seats, breaks, its cap and pauses") {
    Fair fair = small_fair(4);  // 08:00-09:00, 15-minute slots
    Booth& booth = add_booth(fair, "B01");
    add_student(fair, "S1", {"B01"});
    add_student(fair, "S2", {"B01"});
    add_student(fair, "S3", {"B01"});
    std::vector<StoredInterview> rows{
        row(1, "S1", "B01", at(8, 0), InterviewStatus::done),
        row(2, "S2", "B01", at(8, 15), InterviewStatus::promised),
        row(3, "S3", "B01", at(8, 30), InterviewStatus::planned),
    };
    const auto free_at = [&](TimeOfDay now, bool paused = false) {
        const DayState day{fair, rows, {}, {}, now, {}};
        const auto alone = next_free_seat(day, fair.booths.front(), paused);
        // The enterprise cards read every booth from one DayOutlooks: the same answer.
        std::set<BoothId> paused_now;
        if (paused) paused_now.insert(fair.booths.front().id);
        DayOutlooks outlooks(day, paused_now, NoShowRate{});
        CHECK(outlooks.next_free_seat(fair.booths.front()) == alone);
        return alone;
    };
    // Done, promised and planned rows each hold their seat: the first free one is 08:45.
    CHECK(free_at(at(8, 5)) == at(8, 45));
    CHECK_FALSE(free_at(at(8, 5), /*paused=*/true).has_value());
    // A slot under way whose seat nobody holds is free now, not at its start.
    CHECK(free_at(at(8, 50)) == at(8, 50));
    // A cancelled or missed interview gives its seat back.
    rows[2].status = InterviewStatus::cancelled;
    CHECK(free_at(at(8, 5)) == at(8, 30));
    // A break over the slot closes it.
    booth.breaks.push_back({at(8, 35), at(8, 40)});
    CHECK(free_at(at(8, 5)) == at(8, 45));
    // The day's cap: two interviews held and a cap of two leaves nothing today.
    booth.max_interviews = 2;
    CHECK_FALSE(free_at(at(8, 5)).has_value());
    booth.max_interviews = 3;
    CHECK(free_at(at(8, 5)) == at(8, 45));
    // After the booth closes, nothing is left.
    booth.close = at(8, 45);
    CHECK_FALSE(free_at(at(8, 5)).has_value());
    CHECK_FALSE(free_at(at(9, 0)).has_value());
}

TEST_CASE(
    "a student whose booths are full is offered the booths they did not pick, earliest first") {
    Fair fair = small_fair(4);  // 08:00-09:00
    add_booth(fair, "B01");
    add_booth(fair, "B02");
    add_booth(fair, "B03");
    add_booth(fair, "B04").occupations = {"welding"};  // not for S1
    add_student(fair, "S1", {"B01"});
    for (const char* other : {"S2", "S3", "S4", "S5"})
        add_student(fair, other, {"B01"});
    std::vector<StoredInterview> rows;
    InterviewId id = 1;
    // B01 is promised all day; B02 holds 08:15, B03 holds 08:15 and 08:30.
    for (int slot = 0; slot < 4; ++slot)
        rows.push_back(row(id++, fair.students[size_t(slot) + 1].id.str().c_str(), "B01",
                           at(8, 15 * slot), InterviewStatus::promised));
    rows.push_back(row(id++, "S2", "B02", at(8, 15), InterviewStatus::promised));
    rows.push_back(row(id++, "S3", "B03", at(8, 15), InterviewStatus::promised));
    rows.push_back(row(id++, "S4", "B03", at(8, 30), InterviewStatus::promised));
    std::map<StudentId, TimeOfDay> here{{StudentId("S1"), at(8, 5)}};
    const DayState day{fair, rows, here, {}, at(8, 20), {}};
    const StudentOutlook outlook = outlook_of(day, StudentId("S1"), {}, NoShowRate{});
    CHECK(outlook.no_interview == NoInterviewReason::booths_full);
    REQUIRE(outlook.free_seats.size() == 2);
    CHECK(outlook.free_seats[0].booth == BoothId("B02"));
    CHECK(outlook.free_seats[0].from == at(8, 30));
    CHECK(outlook.free_seats[1].booth == BoothId("B03"));
    CHECK(outlook.free_seats[1].from == at(8, 45));

    // A paused booth is not offered, nor one whose free seat comes after the student leaves.
    fair.students[0].leave = at(8, 45);
    const StudentOutlook leaving = outlook_of(day, StudentId("S1"), {BoothId("B02")}, {});
    CHECK(leaving.free_seats.empty());
    // A picked booth is not offered again, and nothing is offered to a student not here.
    fair.students[0].leave = at(9, 0);
    fair.students[0].preferences.push_back(BoothId("B02"));
    const StudentOutlook picked = outlook_of(day, StudentId("S1"), {}, {});
    REQUIRE(picked.free_seats.size() == 1);
    CHECK(picked.free_seats[0].booth == BoothId("B03"));
    const DayState absent{fair, rows, {}, {}, at(8, 20), {}};
    CHECK(outlook_of(absent, StudentId("S1"), {}, {}).free_seats.empty());
}

TEST_CASE("the day learns how late promised interviews begin, from promises called at their turn") {
    DayPace pace;
    const auto seat_b01 = [](TimeOfDay slot) {
        return Interview{StudentId("S1"), BoothId("B01"), 0, slot};
    };
    CHECK(pace.typical_promise_lateness() == DayPace::kPriorPromiseLatenessMinutes);
    // A promise called at its turn, begun 7 minutes into its slot: counted.
    pace.record_promise_call(1, at(9, 5));
    pace.record_start(1, at(9, 7), seat_b01(at(9, 0)));
    // Called from standby: the slot says nothing about the booth's pace.
    pace.record_call(2, at(9, 20));
    pace.record_start(2, at(9, 22), seat_b01(at(9, 15)));
    // Skipped (the student was away) and called again later: their lateness is their own.
    pace.record_promise_call(3, at(9, 30));
    pace.forget_call(3);
    pace.record_call(3, at(9, 50));
    pace.record_start(3, at(9, 52), seat_b01(at(9, 30)));
    // A promise called early, when the seat freed before its slot.
    pace.record_promise_call(4, at(9, 40));
    pace.record_start(4, at(9, 42), seat_b01(at(9, 45)));
    CHECK(pace.promise_lateness == std::vector<int>{7, -3});
    // None of those calls came within a minute of the seat freeing: no changeover yet.
    CHECK(pace.changeovers_timed == 0);
    // The 09:45 interview ends at 09:54; the next is called at 09:55 and begins at 09:58.
    pace.record_finish(4, at(9, 54), seat_b01(at(9, 45)));
    pace.record_promise_call(5, at(9, 55));
    pace.record_start(5, at(9, 58), seat_b01(at(10, 0)));
    CHECK(pace.changeovers_timed == 1);
    CHECK(pace.changeover_minutes_total == doctest::Approx(4.0));
    // Ten prior observations of 2 still outweigh three (7, -3, -2): the median stays 2.
    CHECK(pace.typical_promise_lateness() == 2);
    for (int i = 0; i < 14; ++i)
        pace.promise_lateness.push_back(8);
    CHECK(pace.typical_promise_lateness() == 8);
}

TEST_CASE("a booth that runs behind or ahead is foretold by its own latest promised starts") {
    DayPace pace;
    const auto seat_of = [](const char* booth, TimeOfDay slot) {
        return Interview{StudentId("S1"), BoothId(booth), 0, slot};
    };
    InterviewId id = 0;
    const auto begins = [&](const char* booth, TimeOfDay slot, int minutes_late) {
        ++id;
        pace.record_promise_call(id, slot.plus_minutes(minutes_late - 2));
        pace.record_start(id, slot.plus_minutes(minutes_late), seat_of(booth, slot));
    };
    // A booth not seen yet: the day's typical lateness (the prior's 2 minutes).
    CHECK(pace.typical_promise_lateness(BoothId("B03")) == 2);
    // B01 runs 14 minutes behind, B02 6 minutes ahead; the day as a whole stays near 2.
    for (int i = 0; i < 6; ++i) {
        begins("B01", at(9, 0).plus_minutes(15 * i), 14);
        begins("B02", at(9, 0).plus_minutes(15 * i), -6);
    }
    CHECK(pace.typical_promise_lateness() == 2);
    // Six starts of its own outweigh the day's four: each booth is told its own pace.
    CHECK(pace.typical_promise_lateness(BoothId("B01")) == 14);
    CHECK(pace.typical_promise_lateness(BoothId("B02")) == -6);
    // One start of its own does not: B04's single 20-minute delay leaves it at the day's 2.
    begins("B04", at(9, 0), 20);
    CHECK(pace.typical_promise_lateness(BoothId("B04")) == 2);
    // Only the latest starts count: B01 caught up, its last eight began on time.
    for (int i = 0; i < 8; ++i)
        begins("B01", at(10, 30).plus_minutes(15 * i), 0);
    CHECK(pace.typical_promise_lateness(BoothId("B01")) == 0);
}
