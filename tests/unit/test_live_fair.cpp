#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "common/schedule_check.hpp"
#include "fair_builder.hpp"
#include "scheduler/live/live_fair.hpp"

using namespace jobfair;
using namespace jobfair::testing;

namespace {

// Two booths of one seat, four slots from 08:00; S1 and S2 want B01 first, S3 wants B02.
Fair morning() {
    Fair fair = small_fair(4);
    add_booth(fair, "B01");
    add_booth(fair, "B02");
    add_student(fair, "S1", {"B01", "B02"});
    add_student(fair, "S2", {"B01"});
    add_student(fair, "S3", {"B02"});
    return fair;
}

Store loaded_store(const Fair& fair, const std::string& path = ":memory:") {
    Store store(path);
    store.import_fair(fair, "test");
    return store;
}

std::vector<StoredInterview> with_status(const Store& store, InterviewStatus status) {
    std::vector<StoredInterview> rows;
    for (const auto& row : store.interviews()) {
        if (row.status == status) rows.push_back(row);
    }
    return rows;
}

// Every live interview (planned and later, not cancelled or no-show) must obey the hard rules.
void require_consistent(const Fair& fair, const Store& store) {
    Schedule schedule;
    for (const auto& row : store.interviews()) {
        if (row.status != InterviewStatus::cancelled && row.status != InterviewStatus::no_show) {
            schedule.interviews.push_back(row.interview);
        }
    }
    schedule.score = score_of(fair, schedule.interviews);
    const auto report = check_schedule(fair, schedule);
    for (const auto& violation : report.violations)
        MESSAGE(violation.message);
    REQUIRE(report.valid());
}

// One booth of one seat, four slots from 08:00, and `students` who want only it; the saved plan
// gives them its slots in order (08:00, 08:15, ...).
Fair one_seat_fair(std::initializer_list<const char*> students) {
    Fair fair = small_fair(4);
    add_booth(fair, "B01");
    for (const char* student : students)
        add_student(fair, student, {"B01"});
    return fair;
}

void save_plan_in_order(Store& store, std::initializer_list<const char*> students) {
    std::vector<Interview> plan;
    for (const char* student : students)
        plan.push_back(Interview{StudentId(student), BoothId("B01"), 0,
                                 at(8, 0).plus_minutes(15 * int(plan.size()))});
    store.save_planned_schedule(plan, "test");
}

}  // namespace

TEST_CASE("a check-in promises the student's interviews, and a retry changes nothing") {
    const Fair fair = morning();
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);

    const auto first = live.check_in(StudentId("S1"), "kiosk-1");
    CHECK_FALSE(first.already_checked_in);
    REQUIRE_FALSE(first.interviews.empty());
    for (const auto& row : first.interviews)
        CHECK(row.status == InterviewStatus::promised);
    CHECK(store.events().back().kind == "student.checked_in");

    const auto again = live.check_in(StudentId("S1"), "kiosk-2");
    CHECK(again.already_checked_in);
    CHECK(again.interviews.size() == first.interviews.size());
    // The check-in placed S1 into the plan as it stood; the full re-plan comes afterwards and
    // keeps every promise.
    CHECK(live.replans() == 0);
    CHECK(live.replan_due());
    CHECK(live.replan_if_due("server"));
    CHECK_FALSE(live.replan_due());
    CHECK(live.replans() == 1);
    CHECK(live.check_in(StudentId("S1"), "kiosk-2").interviews.size() == first.interviews.size());
    CHECK_THROWS_AS(live.check_in(StudentId("S404"), "kiosk-1"), LiveFairError);
    require_consistent(fair, store);
}

TEST_CASE("call, start and finish walk an interview through its day") {
    const Fair fair = morning();
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 55));
    LiveFair live(store, clock);
    const auto checked_in = live.check_in(StudentId("S2"), "kiosk-1");
    REQUIRE(checked_in.interviews.size() == 1);
    const auto promise = checked_in.interviews.front();

    clock.set(promise.interview.start);
    const auto call = live.call_next(promise.interview.booth, promise.interview.seat, "booth");
    REQUIRE(call.called.has_value());
    CHECK(call.called->id == promise.id);
    CHECK_FALSE(call.from_standby);
    CHECK(call.called->status == InterviewStatus::called);

    // The seat is busy until the interview ends.
    const auto busy = live.call_next(promise.interview.booth, promise.interview.seat, "booth");
    CHECK_FALSE(busy.called.has_value());
    CHECK(busy.why_nobody.find("busy") != std::string::npos);

    live.start(promise.id, "booth");
    live.finish(promise.id, InterviewOutcome::internship, "Thực tập 3 tháng", "booth");
    const auto done = with_status(store, InterviewStatus::done);
    REQUIRE(done.size() == 1);
    CHECK(done.front().outcome == InterviewOutcome::internship);
    CHECK(done.front().note == "Thực tập 3 tháng");
    CHECK_THROWS_AS(live.finish(promise.id, InterviewOutcome::offer, "", "booth"), StoreError);
    CHECK_THROWS_AS(live.call_next(BoothId("B01"), 3, "booth"), LiveFairError);
    CHECK_THROWS_AS(live.call_next(BoothId("B99"), 0, "booth"), LiveFairError);
    require_consistent(fair, store);
}

TEST_CASE("when the planned student has not come, the standby queue fills the seat") {
    Fair fair = small_fair(1);  // one slot: 08:00
    add_booth(fair, "B01");
    add_student(fair, "S1", {"B01"});
    add_student(fair, "S2", {"B01"});
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    {
        // The pre-day plan gives the only seat to S1, who then does not come.
        const auto model = alloc::AllocationModel::from_fair(fair);
        const auto plan = alloc::allocate(model);
        std::vector<Interview> planned;
        for (const auto& p : plan.planned)
            planned.push_back(model.to_interview(p));
        store.save_planned_schedule(planned, "test");
    }
    LiveFair live(store, clock);
    live.check_in(StudentId("S2"), "kiosk-1");  // S1's seat is only planned, not promised

    clock.set(at(8, 0));
    const auto call = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(call.called.has_value());
    CHECK(call.called->interview.student == StudentId("S2"));
    require_consistent(fair, store);
}

TEST_CASE("a standby call that fills a booth's cap takes the planned interview it replaces") {
    // B01 may hold one interview today. The plan gives it to S1 at 08:15; S2, here first, is
    // called from standby at 08:00. When S1 checks in afterwards, the plan's 08:15 must not
    // become a second promise at B01 (rule 6).
    Fair fair = small_fair(2);
    add_booth(fair, "B01");
    fair.booths[0].max_interviews = 1;
    add_student(fair, "S1", {"B01"});
    add_student(fair, "S2", {"B01"});
    Store store = loaded_store(fair);
    store.save_planned_schedule({Interview{StudentId("S1"), BoothId("B01"), 0, at(8, 15)}}, "test");
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.check_in(StudentId("S2"), "kiosk-1");

    clock.set(at(8, 0));
    const auto call = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(call.called.has_value());
    CHECK(call.called->interview.student == StudentId("S2"));

    clock.set(at(8, 5));
    const auto s1 = live.check_in(StudentId("S1"), "kiosk-1");
    CHECK(s1.interviews.empty());
    CHECK(with_status(store, InterviewStatus::promised).empty());
    require_consistent(fair, store);
    CHECK(live.replan_if_due("server"));
    CHECK(with_status(store, InterviewStatus::promised).empty());
    require_consistent(fair, store);
}

TEST_CASE("a no-show frees the seat for standby and the pair is not placed again") {
    Fair fair = small_fair(2);
    add_booth(fair, "B01");
    add_student(fair, "S1", {"B01"});
    add_student(fair, "S2", {"B01"});
    add_student(fair, "S3", {"B01"});
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    const auto s1 = live.check_in(StudentId("S1"), "kiosk-1");
    REQUIRE(s1.interviews.size() == 1);
    live.check_in(StudentId("S2"), "kiosk-1");

    clock.set(s1.interviews.front().interview.start);
    const auto call = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(call.called.has_value());
    live.no_show(call.called->id, "booth");
    CHECK(with_status(store, InterviewStatus::no_show).size() == 1);

    // Another check-in re-plans the rest of the morning: S1 must not get B01 again.
    clock.advance_minutes(5);
    live.check_in(StudentId("S3"), "kiosk-1");
    for (const auto& row : store.interviews()) {
        if (row.interview.student == StudentId("S1")) {
            CHECK(row.status == InterviewStatus::no_show);
        }
    }
    require_consistent(fair, store);
}

TEST_CASE("a restarted fair resumes from the database") {
    const Fair fair = morning();
    const auto path = std::filesystem::temp_directory_path() / "jobfair-live-restart.db";
    std::filesystem::remove(path);
    ManualClock clock(at(7, 50));
    InterviewId promised_id = 0;
    {
        Store store = loaded_store(fair, path.string());
        LiveFair live(store, clock);
        const auto checked_in = live.check_in(StudentId("S3"), "kiosk-1");
        REQUIRE_FALSE(checked_in.interviews.empty());
        promised_id = checked_in.interviews.front().id;
    }  // the process ends here, as after a crash: only what was committed remains
    Store reopened(path.string());
    LiveFair resumed(reopened, clock);
    const auto again = resumed.check_in(StudentId("S3"), "kiosk-2");
    CHECK(again.already_checked_in);
    REQUIRE_FALSE(again.interviews.empty());
    CHECK(again.interviews.front().id == promised_id);
    CHECK(resumed.replans() == 0);
    std::filesystem::remove(path);
}

TEST_CASE("a paused booth gets no new interviews — resuming gives its hours back") {
    const Fair fair = morning();
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.replan("organizer");
    const auto planned_at = [&](const char* booth) {
        int count = 0;
        for (const auto& row : with_status(store, InterviewStatus::planned))
            count += row.interview.booth == BoothId(booth);
        return count;
    };
    REQUIRE(planned_at("B02") > 0);
    live.pause_booth(BoothId("B02"), "organizer");
    CHECK(live.is_paused(BoothId("B02")));
    CHECK(planned_at("B02") == 0);
    CHECK(live.preview_replan().added == 0);  // nothing waits to be placed while paused
    // A restart keeps the pause.
    LiveFair resumed_server(store, clock);
    CHECK(resumed_server.is_paused(BoothId("B02")));
    resumed_server.resume_booth(BoothId("B02"), "organizer");
    CHECK(planned_at("B02") > 0);
    CHECK_THROWS_AS(resumed_server.pause_booth(BoothId("B77"), "organizer"), LiveFairError);
    require_consistent(store.load_fair(), store);
}

TEST_CASE("more seats and longer hours are used at once — a cancelled pair is not placed again") {
    Fair fair = morning();
    add_student(fair, "S4", {"B01"});
    add_student(fair, "S5", {"B01"});
    add_student(fair, "S6", {"B01"});
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.replan("organizer");
    const auto covered = [&] {
        std::set<StudentId> students;
        for (const auto& row : store.interviews()) {
            if (row.status == InterviewStatus::planned) students.insert(row.interview.student);
        }
        return students.size();
    };
    const auto before = covered();
    CHECK(live.add_seat(BoothId("B01"), "organizer") == 1);
    CHECK(covered() >= before);
    CHECK(store.load_fair().find_booth(BoothId("B01"))->seats() == 2);
    CHECK_THROWS_AS(live.set_booth_close(BoothId("B01"), at(7, 0), "organizer"), LiveFairError);
    live.set_booth_close(BoothId("B01"), at(8, 30), "organizer");
    for (const auto& row : with_status(store, InterviewStatus::planned)) {
        if (row.interview.booth == BoothId("B01")) CHECK(row.interview.start < at(8, 30));
    }

    const auto planned = with_status(store, InterviewStatus::planned);
    REQUIRE_FALSE(planned.empty());
    const StoredInterview victim = planned.front();
    live.cancel(victim.id, "the enterprise asked", "organizer");
    for (const auto& row : with_status(store, InterviewStatus::planned)) {
        CHECK_FALSE((row.interview.student == victim.interview.student &&
                     row.interview.booth == victim.interview.booth));
    }
    CHECK_THROWS_AS(live.cancel(victim.id, "", "organizer"), LiveFairError);
    require_consistent(store.load_fair(), store);
}

TEST_CASE("a walk-in is registered, planned and promised at once — a student who leaves is freed") {
    const Fair fair = morning();
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    Student walk_in;
    walk_in.name = "Đỗ Thị Mai";
    walk_in.occupation = "welding";
    walk_in.arrive = fair.settings.grid.day_start;
    walk_in.leave = fair.settings.grid.day_end;
    walk_in.preferences = {BoothId("B02")};
    const auto result = live.register_walk_in(walk_in, {}, "kiosk-1-0001", "d1", "kiosk-1");
    CHECK(result.student == StudentId("W0001"));
    CHECK(result.ticket_number > 0);
    REQUIRE(result.check_in.interviews.size() == 1);
    CHECK(result.check_in.interviews.front().interview.booth == BoothId("B02"));
    const auto retry = live.register_walk_in(walk_in, {}, "kiosk-1-0001", "d1", "kiosk-1");
    CHECK(retry.check_in.already_checked_in);
    CHECK(store.load_fair().students.size() == fair.students.size() + 1);
    walk_in.preferences = {BoothId("B99")};
    CHECK_THROWS_AS(live.register_walk_in(walk_in, {}, "kiosk-1-0002", "d2", "kiosk-1"),
                    LiveFairError);

    const auto cancelled = live.mark_left(result.student, "organizer");
    CHECK(cancelled.size() == 1);
    for (const auto& row : store.interviews()) {
        if (row.interview.student == result.student) {
            CHECK(row.status == InterviewStatus::cancelled);
        }
    }
    require_consistent(store.load_fair(), store);
}

TEST_CASE("a no-show can be marked only after the wait — a recall restarts the wait") {
    const Fair fair = morning();
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.set_no_show_wait(3);
    const auto promised = live.check_in(StudentId("S3"), "kiosk-1").interviews;
    REQUIRE_FALSE(promised.empty());
    clock.set(promised.front().interview.start);
    const auto call = live.call_next(promised.front().interview.booth, 0, "booth");
    REQUIRE(call.called);
    clock.advance_minutes(2);
    CHECK_THROWS_AS(live.no_show(call.called->id, "booth"), LiveFairError);
    live.recall(call.called->id, "booth");
    clock.advance_minutes(2);
    CHECK_THROWS_AS(live.no_show(call.called->id, "booth"), LiveFairError);
    clock.advance_minutes(1);
    live.no_show(call.called->id, "booth");
    CHECK(with_status(store, InterviewStatus::no_show).size() == 1);
}

TEST_CASE("a skipped student keeps the promise but waits behind the next student") {
    Fair fair = small_fair(4);
    add_booth(fair, "B01");
    add_student(fair, "S1", {"B01"});
    add_student(fair, "S2", {"B01"});
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.check_in(StudentId("S1"), "kiosk");
    live.check_in(StudentId("S2"), "kiosk");
    clock.set(at(8, 45));  // both promises are due by now
    const auto first = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(first.called);
    live.skip(first.called->id, "booth");
    const auto second = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(second.called);
    CHECK(second.called->interview.student != first.called->interview.student);
    live.start(second.called->id, "booth");
    live.finish(second.called->id, InterviewOutcome::offer, "", "booth");
    // Nobody else is due: the skipped student is called again.
    const auto third = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(third.called);
    CHECK(third.called->id == first.called->id);
}

TEST_CASE("a seat whose student was skipped starts its next promise early when standby is empty") {
    // One seat: S1 is promised 08:00 and S2 08:15 by the saved plan; nobody else wants B01.
    const Fair fair = one_seat_fair({"S1", "S2"});
    Store store = loaded_store(fair);
    save_plan_in_order(store, {"S1", "S2"});
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.check_in(StudentId("S1"), "kiosk");
    live.check_in(StudentId("S2"), "kiosk");
    REQUIRE(with_status(store, InterviewStatus::promised).size() == 2);

    clock.set(at(8, 0));
    const auto first = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(first.called);
    CHECK(first.called->interview.student == StudentId("S1"));
    clock.set(at(8, 7));
    live.skip(first.called->id, "booth");
    // S1 is not back; nobody is on standby: S2 comes in now, eight minutes before 08:15 (keeping
    // the 08:15 seat-slot), and S1's promise moves to the next free seat-slot, 08:30, as it
    // would for a standby student.
    const auto second = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(second.called);
    CHECK(second.called->interview.student == StudentId("S2"));
    CHECK(second.called->interview.start == at(8, 15));
    CHECK_FALSE(second.from_standby);
    const auto promised = with_status(store, InterviewStatus::promised);
    REQUIRE(promised.size() == 1);
    CHECK(promised.front().interview.student == StudentId("S1"));
    CHECK(promised.front().interview.start == at(8, 30));
    require_consistent(fair, store);

    // S1, back when S2 is done, is called on the moved promise, eight minutes before it.
    live.start(second.called->id, "booth");
    clock.set(at(8, 16));
    live.finish(second.called->id, InterviewOutcome::offer, "", "booth");
    CHECK(live.call_next(BoothId("B01"), 0, "booth").nobody == CallNobody::not_yet);
    clock.set(at(8, 22));
    const auto third = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(third.called);
    CHECK(third.called->id == first.called->id);
}

TEST_CASE(
    "a seat free long before its next slot calls that slot's student eight minutes before it") {
    const Fair fair = one_seat_fair({"S1", "S2"});
    Store store = loaded_store(fair);
    save_plan_in_order(store, {"S1", "S2"});
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.check_in(StudentId("S1"), "kiosk");
    live.check_in(StudentId("S2"), "kiosk");

    clock.set(at(8, 0));
    const auto first = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(first.called);
    live.start(first.called->id, "booth");
    clock.set(at(8, 4));
    live.finish(first.called->id, InterviewOutcome::offer, "", "booth");
    // S2 was shown about 08:15: called at 08:04 they would begin ten minutes before it. The
    // seat waits, and the booth is told why and for whom.
    for (const int minute : {4, 6}) {
        clock.set(at(8, minute));
        const auto wait = live.call_next(BoothId("B01"), 0, "booth");
        CHECK_FALSE(wait.called);
        CHECK(wait.nobody == CallNobody::not_yet);
        CHECK(wait.nobody_student == StudentId("S2"));
        CHECK(wait.why_nobody == "S2 is promised for 08:15 and is called from 08:07");
    }
    CHECK(with_status(store, InterviewStatus::promised).size() == 1);
    clock.set(at(8, 7));
    const auto second = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(second.called);
    CHECK(second.called->interview.student == StudentId("S2"));
    CHECK(second.called->interview.start == at(8, 15));
    CHECK_FALSE(second.from_standby);
    require_consistent(fair, store);
}

TEST_CASE("a seat whose student was skipped and is away waits for the next promise's call") {
    const Fair fair = one_seat_fair({"S1", "S2"});
    Store store = loaded_store(fair);
    save_plan_in_order(store, {"S1", "S2"});
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.check_in(StudentId("S1"), "kiosk");
    live.check_in(StudentId("S2"), "kiosk");

    clock.set(at(8, 0));
    const auto first = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(first.called);
    clock.set(at(8, 4));
    live.skip(first.called->id, "booth");
    live.step_away(StudentId("S1"), 15, "phone");
    // S1 cannot be called again and S2's 08:15 is eleven minutes away: nobody yet, and why.
    const auto wait = live.call_next(BoothId("B01"), 0, "booth");
    CHECK_FALSE(wait.called);
    CHECK(wait.nobody == CallNobody::not_yet);
    CHECK(wait.nobody_student == StudentId("S2"));
    clock.set(at(8, 7));
    const auto second = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(second.called);
    CHECK(second.called->interview.student == StudentId("S2"));
    CHECK(second.called->interview.start == at(8, 15));
    require_consistent(fair, store);
}

TEST_CASE("a student who misses an early call keeps their own time, first in line") {
    const Fair fair = one_seat_fair({"S1", "S2", "S3"});
    Store store = loaded_store(fair);
    save_plan_in_order(store, {"S1", "S2", "S3"});
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    for (const char* student : {"S1", "S2", "S3"})
        live.check_in(StudentId(student), "kiosk");

    clock.set(at(8, 0));
    const auto first = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(first.called);
    live.start(first.called->id, "booth");
    clock.set(at(8, 7));
    live.finish(first.called->id, InterviewOutcome::offer, "", "booth");
    // The seat is free early: S2's 08:15 promise is called now, and S2 does not come.
    const auto early = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(early.called);
    CHECK(early.called->interview.student == StudentId("S2"));
    clock.set(at(8, 10));
    live.skip(early.called->id, "booth");

    // At 08:15, S2's own time, S2 is called first; S3 is not pulled in ahead of them.
    clock.set(at(8, 15));
    const auto own_time = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(own_time.called);
    CHECK(own_time.called->id == early.called->id);
    CHECK(own_time.called->interview.start == at(8, 15));
    require_consistent(fair, store);
}

TEST_CASE("a skipped seat's next promise is not called early while its student is away") {
    const Fair fair = one_seat_fair({"S1", "S2"});
    Store store = loaded_store(fair);
    save_plan_in_order(store, {"S1", "S2"});
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.check_in(StudentId("S1"), "kiosk");  // S2 has not come yet

    clock.set(at(8, 0));
    const auto first = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(first.called);
    clock.set(at(8, 4));
    live.skip(first.called->id, "booth");
    const auto second = live.call_next(BoothId("B01"), 0, "booth");
    // S1 was just skipped and may be called again; S2 is not here, so not called early.
    if (second.called) CHECK(second.called->interview.student == StudentId("S1"));
    for (const auto& row : store.interviews()) {
        if (row.interview.student == StudentId("S2")) CHECK(row.status != InterviewStatus::called);
    }
}

TEST_CASE("a booth running late takes its waiting student's promise along to the next seat") {
    Fair fair = small_fair(4);  // one booth of one seat, S1 and S2 want only it
    add_booth(fair, "B01");
    add_student(fair, "S1", {"B01"});
    // S2 comes later, so that S2's promise is not yet due when S1's late promise is called.
    add_student(fair, "S2", {"B01"}).arrive = at(8, 30);
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.replan("test");
    const auto s1 = live.check_in(StudentId("S1"), "kiosk");
    const auto s2 = live.check_in(StudentId("S2"), "kiosk");
    const auto promise_at = [&](const StudentId& student, const BoothId& booth) {
        std::optional<StoredInterview> found;
        for (const auto& row : store.interviews()) {
            if (row.interview.student == student && row.interview.booth == booth &&
                row.status == InterviewStatus::promised)
                found = row;
        }
        REQUIRE(found);
        return *found;
    };
    const StoredInterview first = promise_at(StudentId("S1"), BoothId("B01"));
    const StoredInterview second = promise_at(StudentId("S2"), BoothId("B01"));
    const StoredInterview& earlier =
        first.interview.start < second.interview.start ? first : second;

    // Nobody is called at B01 while the earlier promise's slot passes: the booth runs late.
    clock.set(earlier.interview.start.plus_minutes(14));
    CHECK(live.shift_late_promises("server") == 0);  // its slot is not over yet
    clock.advance_minutes(1);
    // Its student waited, free: the promise moves to the booth's first seat and slot from now
    // that the student can take.
    CHECK(live.shift_late_promises("server") >= 1);
    const StoredInterview moved = promise_at(earlier.interview.student, BoothId("B01"));
    CHECK(moved.id == earlier.id);
    CHECK(moved.interview.start >= at(8, 15));
    CHECK(moved.interview.start > earlier.interview.start);
    CHECK(store.events().back().kind != "interview.cancelled");
    bool logged = false;
    for (const auto& event : store.events())
        logged = logged || event.kind == "interview.moved";
    CHECK(logged);
    require_consistent(fair, store);

    // When the seat frees, the late promise is called before anyone from standby.
    clock.set(moved.interview.start);
    const auto call = live.call_next(BoothId("B01"), moved.interview.seat, "booth-staff:B01");
    REQUIRE(call.called);
    CHECK(call.called->id == earlier.id);
    CHECK_FALSE(call.from_standby);
    (void)s1;
    (void)s2;
}

TEST_CASE("the standby rule names the first thing in the way of calling a student now") {
    Fair fair = small_fair(4);  // slots 08:00, 08:15, 08:30, 08:45
    fair.settings.student_gap_slots = 1;
    add_booth(fair, "B01");
    add_booth(fair, "B02");
    add_booth(fair, "B03");
    add_student(fair, "S1", {"B01", "B02", "B03"}).max_interviews = 2;
    add_student(fair, "S2", {"B03"}).leave = at(8, 30);
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    const Student& s1 = *live.fair().find_student(StudentId("S1"));
    const Student& s2 = *live.fair().find_student(StudentId("S2"));
    const BoothId b03("B03");
    const auto row = [](const char* booth, TimeOfDay start, InterviewStatus status) {
        StoredInterview stored;
        stored.interview = Interview{StudentId("S1"), BoothId(booth), 0, start};
        stored.status = status;
        return stored;
    };
    using enum InterviewStatus;

    CHECK(live.standby_block(s1, b03, {}) == StandbyBlock::outside_hours);
    clock.set(at(8, 15));
    CHECK(live.standby_block(s1, b03, {}) == StandbyBlock::none);
    CHECK(live.standby_block(s1, b03, {row("B01", at(8, 15), called)}) ==
          StandbyBlock::busy_elsewhere);
    CHECK(live.standby_block(s1, b03, {row("B03", at(8, 0), no_show)}) == StandbyBlock::met_booth);
    // A planned (not promised) interview with the booth does not count as meeting it.
    CHECK(live.standby_block(s1, b03, {row("B03", at(8, 45), planned)}) == StandbyBlock::none);
    CHECK(live.standby_block(s1, b03,
                             {row("B01", at(8, 0), done), row("B02", at(8, 45), promised)}) ==
          StandbyBlock::interview_limit);
    // One slot of gap: a promise at 08:30 is too near a call at 08:15, and so is an interview
    // already done at 08:00 or in this very slot (called early and finished): rule 2 holds for
    // the day as held.
    CHECK(live.standby_block(s1, b03, {row("B01", at(8, 30), promised)}) ==
          StandbyBlock::own_interview_near);
    CHECK(live.standby_block(s1, b03, {row("B01", at(8, 0), done)}) ==
          StandbyBlock::own_interview_near);
    CHECK(live.standby_block(s1, b03, {row("B01", at(8, 15), done)}) ==
          StandbyBlock::own_interview_near);
    clock.set(at(8, 30));
    CHECK(live.standby_block(s1, b03, {row("B01", at(8, 0), done)}) == StandbyBlock::none);
    CHECK(live.standby_block(s2, b03, {}) == StandbyBlock::left);
    clock.set(at(9, 0));
    CHECK(live.standby_block(s1, b03, {}) == StandbyBlock::outside_hours);
    CHECK(standby_block_code(StandbyBlock::own_interview_near) == "own_interview_near");
    CHECK(standby_block_code(StandbyBlock::none).empty());
}

TEST_CASE("a seat whose interview ended early calls the next slot's student instead of idling") {
    Fair fair = small_fair(4);
    add_booth(fair, "B01");
    add_student(fair, "S1", {"B01"});
    add_student(fair, "S2", {"B01"});
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    const auto first = live.check_in(StudentId("S1"), "kiosk");
    const auto second = live.check_in(StudentId("S2"), "kiosk");
    REQUIRE(first.interviews.size() == 1);
    REQUIRE(second.interviews.size() == 1);
    const StoredInterview& early =
        first.interviews[0].interview.start < second.interviews[0].interview.start
            ? first.interviews[0]
            : second.interviews[0];
    const StoredInterview& later =
        &early == &first.interviews[0] ? second.interviews[0] : first.interviews[0];
    clock.set(early.interview.start);
    auto call = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(call.called.has_value());
    live.start(call.called->id, "booth");
    clock.advance_minutes(8);  // a short interview: seven minutes of its slot are left
    live.finish(call.called->id, InterviewOutcome::offer, "", "booth");

    call = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(call.called.has_value());
    CHECK(call.called->id == later.id);
    CHECK(call.called->interview.start == later.interview.start);  // the promise as given
    CHECK_FALSE(call.from_standby);
    require_consistent(fair, store);
}

namespace {

// Two seats: S1 at seat 0 08:00, S2 at seat 1 08:00 and S3 at seat 1 08:15; nobody else
// wants B01, so seat 0 has nothing after S1.
struct TwoSeatMorning {
    Fair fair;
    Store store;
    ManualClock clock{at(7, 50)};
    LiveFair live{store, clock};
    // `s3_fixed`: S3's 08:15 interview at seat 1 comes with the instance's fixed list.
    explicit TwoSeatMorning(bool s3_fixed = false)
        : fair(make(s3_fixed)), store(planned(fair, s3_fixed)) {
        for (const char* student : {"S1", "S2", "S3"})
            live.check_in(StudentId(student), "kiosk");
        const auto promised = with_status(store, InterviewStatus::promised);
        REQUIRE(promised.size() == 3);
        for (const auto& row : promised)
            if (row.interview.student == StudentId("S3")) REQUIRE(row.interview.seat == 1);
    }
    static Interview s3_interview() {
        return Interview{StudentId("S3"), BoothId("B01"), 1, at(8, 15)};
    }
    static Store planned(const Fair& fair, bool s3_fixed) {
        Store store = loaded_store(fair);
        std::vector<Interview> plan{Interview{StudentId("S1"), BoothId("B01"), 0, at(8, 0)},
                                    Interview{StudentId("S2"), BoothId("B01"), 1, at(8, 0)}};
        if (!s3_fixed) plan.push_back(s3_interview());
        store.save_planned_schedule(plan, "test");
        return store;
    }
    static Fair make(bool s3_fixed) {
        Fair fair = small_fair(4);
        add_booth(fair, "B01", 2);
        for (const char* student : {"S1", "S2", "S3"})
            add_student(fair, student, {"B01"});
        if (s3_fixed) fair.fixed.push_back(s3_interview());
        return fair;
    }
    // S1 and S2 called at 08:00 and begun; the clock at 08:09.
    void first_interviews_run() {
        clock.set(at(8, 0));
        for (int seat : {0, 1}) {
            const auto call = live.call_next(BoothId("B01"), seat, "booth");
            REQUIRE(call.called);
            live.start(call.called->id, "booth");
        }
        clock.set(at(8, 9));
    }
};

}  // namespace

TEST_CASE("a free seat calls a student due now at another, busy seat of the booth") {
    TwoSeatMorning morning;
    morning.first_interviews_run();
    auto& live = morning.live;
    const auto running = with_status(morning.store, InterviewStatus::in_progress);
    REQUIRE(running.size() == 2);
    for (const auto& row : running)
        if (row.interview.seat == 0) live.finish(row.id, InterviewOutcome::offer, "", "booth");
    // 08:09: S3's time is 08:15, and their own seat may still free by then; nobody is on
    // standby, so seat 0 waits.
    CHECK_FALSE(live.call_next(BoothId("B01"), 0, "booth").called);
    // 08:15: seat 1 is still busy with S2. S3 moves to seat 0 in the same slot, called now.
    morning.clock.set(at(8, 15));
    const auto call = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(call.called);
    CHECK(call.called->interview.student == StudentId("S3"));
    CHECK(call.called->interview.seat == 0);
    CHECK(call.called->interview.start == at(8, 15));
    CHECK_FALSE(call.from_standby);
    CHECK(morning.store.events().back().kind == "interview.called");
    require_consistent(morning.fair, morning.store);
    // Seat 1, when S2 is done, has nobody left to call.
    for (const auto& row : with_status(morning.store, InterviewStatus::in_progress))
        live.finish(row.id, InterviewOutcome::offer, "", "booth");
    CHECK_FALSE(live.call_next(BoothId("B01"), 1, "booth").called);
}

TEST_CASE("a free seat does not take a student whose interview at another seat is fixed") {
    TwoSeatMorning morning(true);
    morning.first_interviews_run();
    auto& live = morning.live;
    for (const auto& row : with_status(morning.store, InterviewStatus::in_progress))
        if (row.interview.seat == 0) live.finish(row.id, InterviewOutcome::offer, "", "booth");
    morning.clock.set(at(8, 15));
    // The instance fixed S3 at seat 1 (same student, booth, seat and start): it stays there.
    CHECK_FALSE(live.call_next(BoothId("B01"), 0, "booth").called);
    const auto promised = with_status(morning.store, InterviewStatus::promised);
    REQUIRE(promised.size() == 1);
    CHECK(promised.front().fixed);
    CHECK(promised.front().interview.seat == 1);
}

TEST_CASE("a free seat does not take a student promised at another seat while they are away") {
    TwoSeatMorning morning;
    morning.first_interviews_run();
    auto& live = morning.live;
    for (const auto& row : with_status(morning.store, InterviewStatus::in_progress))
        if (row.interview.seat == 0) live.finish(row.id, InterviewOutcome::offer, "", "booth");
    morning.clock.set(at(8, 15));
    live.step_away(StudentId("S3"), 10, "phone");
    CHECK_FALSE(live.call_next(BoothId("B01"), 0, "booth").called);
    const auto promised = with_status(morning.store, InterviewStatus::promised);
    REQUIRE(promised.size() == 1);
    CHECK(promised.front().interview.seat == 1);  // their promise as it was
}

// Issue 16, item 2: a seat freed by a skip is used by another student while the slot is on.
namespace {

// One booth of one seat and `slots` slots; S1 and S2 are promised at B01, S3 wants B01 too but
// leaves at 08:15, so only the first slot could take them: they wait in standby.
struct SkipMorning {
    Fair fair;
    Store store;
    ManualClock clock{at(7, 50)};
    LiveFair live;
    explicit SkipMorning(int slots)
        : fair(make(slots)), store(loaded_store(fair)), live(store, clock) {
        live.check_in(StudentId("S1"), "kiosk");
        live.check_in(StudentId("S2"), "kiosk");
        live.check_in(StudentId("S3"), "kiosk");
        live.replan_if_due("server");
    }
    static Fair make(int slots) {
        Fair fair = small_fair(slots);
        add_booth(fair, "B01");
        add_student(fair, "S1", {"B01"});
        add_student(fair, "S2", {"B01"});
        add_student(fair, "S3", {"B01"}).leave = at(8, 15);
        return fair;
    }
};

}  // namespace

TEST_CASE("a skip frees the seat for standby and the skipped promise moves to a later slot") {
    SkipMorning day(3);  // 08:00, 08:15, 08:30
    REQUIRE(with_status(day.store, InterviewStatus::promised).size() == 2);
    day.clock.set(at(8, 0));
    const auto first = day.live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(first.called);
    CHECK(first.called->interview.start == at(8, 0));
    day.clock.set(at(8, 3));
    day.live.skip(first.called->id, "booth");

    const auto next = day.live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(next.called);
    CHECK(next.from_standby);
    CHECK(next.called->interview.student == StudentId("S3"));
    CHECK(next.called->interview.start == at(8, 0));
    // The skipped student keeps a promise at the booth, in the free slot after the others.
    std::optional<StoredInterview> kept;
    for (const auto& row : day.store.interviews()) {
        if (row.id == first.called->id) kept = row;
    }
    REQUIRE(kept);
    CHECK(kept->status == InterviewStatus::promised);
    CHECK(kept->interview.start == at(8, 30));
    CHECK(day.store.events().size() > 0);
    bool logged = false;
    for (const auto& event : day.store.events())
        logged = logged || event.kind == "interview.moved";
    CHECK(logged);
    require_consistent(day.fair, day.store);

    // The moved promise is called in its new slot.
    day.live.start(next.called->id, "booth");
    day.live.finish(next.called->id, InterviewOutcome::offer, "", "booth");
    day.clock.set(at(8, 30));
    day.live.shift_late_promises("server");
    const auto later = day.live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(later.called);
    CHECK_FALSE(later.from_standby);
    require_consistent(day.fair, day.store);
}

TEST_CASE("a skipped student with no later seat at the booth keeps the seat") {
    SkipMorning day(2);  // 08:00, 08:15: both seats promised, nowhere to move to
    day.clock.set(at(8, 0));
    const auto first = day.live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(first.called);
    day.clock.set(at(8, 3));
    day.live.skip(first.called->id, "booth");
    const auto next = day.live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(next.called);
    CHECK_FALSE(next.from_standby);
    CHECK(next.called->id == first.called->id);
    CHECK(next.called->interview.start == at(8, 0));
    require_consistent(day.fair, day.store);
}

TEST_CASE("standby is never called into a slot the booth has a break in") {
    Fair fair = small_fair(3);  // 08:00, 08:15, 08:30
    add_booth(fair, "B01").breaks.push_back({at(8, 15), at(8, 30)});
    add_student(fair, "S1", {"B01"});
    add_student(fair, "S2", {"B01"}).leave = at(8, 30);  // nothing the plan can give them
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    // S2 waits in standby (S1 has not come) while the booth's seat is free during its break.
    clock.set(at(8, 16));
    live.check_in(StudentId("S2"), "kiosk");
    live.replan_if_due("server");
    const auto call = live.call_next(BoothId("B01"), 0, "booth");
    if (call.called) CHECK(call.called->interview.start != at(8, 15));
    require_consistent(fair, store);
}

TEST_CASE("booth staff can take a standby student into a seat freed by a skip") {
    SkipMorning day(3);
    day.clock.set(at(8, 0));
    const auto first = day.live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(first.called);
    day.clock.set(at(8, 3));
    day.live.skip(first.called->id, "booth");
    const auto taken = day.live.take_from_standby(BoothId("B01"), 0, StudentId("S3"), "booth");
    REQUIRE(taken.called);
    CHECK(taken.from_standby);
    CHECK(taken.called->interview.start == at(8, 0));
    for (const auto& row : day.store.interviews()) {
        if (row.id == first.called->id) {
            CHECK(row.status == InterviewStatus::promised);
            CHECK(row.interview.start == at(8, 30));
        }
    }
    require_consistent(day.fair, day.store);
}

TEST_CASE("standby never takes a booth past its cap for the day — a no-show gives a place back") {
    Fair fair = small_fair(2);
    add_booth(fair, "B01", 2).max_interviews = 1;
    add_student(fair, "S1", {"B01"});
    add_student(fair, "S2", {"B01"});
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    const auto s1 = live.check_in(StudentId("S1"), "kiosk");
    REQUIRE(s1.interviews.size() == 1);
    const auto s2 = live.check_in(StudentId("S2"), "kiosk");
    CHECK(s2.interviews.empty());  // the booth's one interview is S1's

    clock.set(s1.interviews.front().interview.start);
    const int promised_seat = s1.interviews.front().interview.seat;
    const auto other_seat = live.call_next(BoothId("B01"), 1 - promised_seat, "booth");
    CHECK_FALSE(other_seat.called.has_value());
    CHECK(other_seat.nobody == CallNobody::booth_full);
    require_consistent(fair, store);

    const auto call = live.call_next(BoothId("B01"), promised_seat, "booth");
    REQUIRE(call.called.has_value());
    CHECK(call.called->interview.student == StudentId("S1"));
    clock.advance_minutes(6);
    live.no_show(call.called->id, "booth");
    const auto refill = live.call_next(BoothId("B01"), promised_seat, "booth");
    REQUIRE(refill.called.has_value());
    CHECK(refill.called->interview.student == StudentId("S2"));
    require_consistent(fair, store);
}

TEST_CASE("a student whose booths are full takes a free booth and is promised a seat there") {
    Fair fair = small_fair(4);  // 08:00-09:00
    add_booth(fair, "B01");
    add_booth(fair, "B02");
    add_booth(fair, "B03").occupations = {"welding"};
    add_booth(fair, "B04").min_level = Level::college;
    add_booth(fair, "B05");
    Booth& short_booth = add_booth(fair, "B06");
    short_booth.close = at(8, 15);  // one slot
    for (const char* id : {"B07", "B08", "B09"})
        add_booth(fair, id);
    for (const char* id : {"S1", "S2", "S3", "S4", "S5"})
        add_student(fair, id, {"B01"});  // four seats at B01 for five students
    add_student(fair, "S6", {"B06"});
    add_student(fair, "S7", {"B02"});  // never checks in
    add_student(fair, "S8", {"B01", "B03", "B04", "B05", "B06", "B07", "B08", "B09"});
    add_student(fair, "S9", {"B07"}).max_interviews = 1;
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    for (const char* id : {"S1", "S2", "S3", "S4", "S5", "S6", "S8", "S9"})
        live.check_in(StudentId(id), "kiosk");
    // One of S1..S5 was left without a seat at B01.
    StudentId left_out;
    for (const char* id : {"S1", "S2", "S3", "S4", "S5"}) {
        const auto mine = live.check_in(StudentId(id), "kiosk").interviews;
        if (mine.empty()) left_out = StudentId(id);
    }
    REQUIRE_FALSE(left_out.str().empty());
    live.pause_booth(BoothId("B05"), "organizer");

    const auto refused = [&](const char* student, const char* booth) {
        const auto events = store.events().size();
        const auto preferences = store.load_fair().find_student(StudentId(student))->preferences;
        std::string code;
        try {
            live.add_booth(StudentId(student), BoothId(booth), "", "kiosk");
        } catch (const LiveFairError& refusal) {
            code = refusal.code();
            CHECK_FALSE(refusal.message_vi().empty());
        }
        CHECK(store.events().size() == events);
        CHECK(store.load_fair().find_student(StudentId(student))->preferences == preferences);
        return code;
    };
    const std::string who = left_out.str();
    const char* s = who.c_str();
    CHECK(refused(s, "B99") == "unknown_booth");
    CHECK(refused(s, "B03") == "not_eligible");  // trade
    CHECK(refused(s, "B04") == "not_eligible");  // level
    CHECK(refused(s, "B01") == "already_picked");
    CHECK(refused(s, "B05") == "booth_paused");
    CHECK(refused(s, "B06") == "booth_full");  // its one slot is S6's
    CHECK(refused("S7", "B07") == "not_checked_in");
    CHECK(refused("S8", "B02") == "too_many_picks");
    CHECK(refused("S9", "B02") == "interview_limit");

    const auto added = live.add_booth(left_out, BoothId("B02"), "kiosk1-add-0001", "kiosk");
    CHECK_FALSE(added.repeated);
    REQUIRE(added.check_in.interviews.size() == 1);
    CHECK(added.check_in.interviews[0].interview.booth == BoothId("B02"));
    CHECK(added.check_in.interviews[0].status == InterviewStatus::promised);
    CHECK(store.load_fair().find_student(left_out)->preferences ==
          std::vector<BoothId>{BoothId("B01"), BoothId("B02")});
    CHECK(store.events().back().kind == "interview.promised");
    require_consistent(store.load_fair(), store);

    // The kiosk's retry answers again and changes nothing; the key for another booth is refused.
    const auto events = store.events().size();
    const auto again = live.add_booth(left_out, BoothId("B02"), "kiosk1-add-0001", "kiosk");
    CHECK(again.repeated);
    CHECK(again.check_in.interviews.size() == 1);
    CHECK(store.events().size() == events);
    CHECK_THROWS_AS(live.add_booth(left_out, BoothId("B07"), "kiosk1-add-0001", "kiosk"),
                    LiveFairError);
    CHECK(refused(s, "B02") == "already_picked");

    clock.set(at(8, 20));
    CHECK(refused(s, "B06") == "booth_closed");
    live.mark_left(StudentId("S9"), "organizer");
    CHECK(refused("S9", "B02") == "student_left");
}
