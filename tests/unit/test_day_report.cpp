// The report of the day (scheduler/reports/day_report.hpp), the enterprises' follow-up lists
// (scheduler/reports/follow_up.hpp) read back from the .xlsx, and the estimate statistic of the
// simulator (scheduler/simulation/simulation.hpp).
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/sheets/workbook.hpp"
#include "common/store.hpp"
#include "fair_builder.hpp"
#include "scheduler/reports/day_report.hpp"
#include "scheduler/reports/follow_up.hpp"
#include "scheduler/reports/reports.hpp"
#include "scheduler/simulation/simulation.hpp"

using namespace jobfair;
using jobfair::testing::add_booth;
using jobfair::testing::add_student;
using jobfair::testing::at;

namespace {

// 2025-03-14 01:30 UTC: 08:30 in Viet Nam.
WallClock half_past_one_utc() {
    using namespace std::chrono;
    const system_clock::time_point time = sys_days{year{2025} / 3 / 14} + hours{1} + minutes{30};
    return [time] { return time; };
}

InterviewId interview_of(const Store& store, const char* student, const char* booth) {
    for (const StoredInterview& row : store.interviews()) {
        if (row.interview.student == StudentId(student) && row.interview.booth == BoothId(booth))
            return row.id;
    }
    FAIL("no interview of " << student << " at " << booth);
    return 0;
}

// The fair clock of the audit log, kept as the simulator keeps it: the minute each event of the
// log was written in.
class Minutes {
  public:
    explicit Minutes(const Store& store) : store_(store) {}
    void now(int hours, int minutes) {
        const auto events = store_.events();
        if (!events.empty() && (pairs_.empty() || pairs_.back()[0] != events.back().id))
            pairs_.push_back({events.back().id, current_});
        current_ = hours * 60 + minutes;
    }
    nlohmann::json pairs() {
        now(0, 0);
        return pairs_;
    }

  private:
    const Store& store_;
    nlohmann::json pairs_ = nlohmann::json::array();
    int current_ = 0;
};

// 08:00-10:00, 15-minute slots. B01: 2 seats, any trade; B02: 1 seat, welding only, cap 2.
//   S1 (welding) checks in 08:00; B01 seat 0 08:15: called 08:14, started 08:16, done (offer)
//   S2 checks in 08:05; B01 seat 1 08:15: called 08:15, no-show 08:18
//   S3 (logistics) chose only B02, which takes welders: no booth for them; checks in 08:10
//   S4 checks in 08:10, waits, nothing reaches them
//   S5 checks in 08:10, leaves at 08:40
//   S6 never comes
void build_day(Store& store, Minutes& minutes) {
    Fair fair = testing::small_fair(8);
    fair.settings.name = "Ngày hội việc làm Sông Khoai";
    add_booth(fair, "B01", 2).enterprise = "Công ty TNHH Đại Dương";
    Booth& welding = add_booth(fair, "B02", 1);
    welding.enterprise = "Công ty Cơ khí Hạ Long";
    welding.occupations = {"welding"};
    welding.max_interviews = 2;
    add_student(fair, "S1", {"B01", "B02"}).occupation = "welding";
    add_student(fair, "S2", {"B01"});
    add_student(fair, "S3", {"B02"}).occupation = "logistics";
    add_student(fair, "S4", {"B01"});
    add_student(fair, "S5", {"B01"});
    add_student(fair, "S6", {"B01"});

    store.import_fair(fair, "test");
    store.issue_tickets("test");
    store.save_planned_schedule({{StudentId("S1"), BoothId("B01"), 0, at(8, 15)},
                                 {StudentId("S2"), BoothId("B01"), 1, at(8, 15)}},
                                "engine");
    minutes.now(8, 0);
    store.check_in(StudentId("S1"), at(8, 0), std::nullopt, "kiosk");
    minutes.now(8, 5);
    store.check_in(StudentId("S2"), at(8, 5), std::nullopt, "kiosk");
    minutes.now(8, 10);
    for (const char* id : {"S3", "S4", "S5"})
        store.check_in(StudentId(id), at(8, 10), std::nullopt, "kiosk");
    const InterviewId s1 = interview_of(store, "S1", "B01");
    const InterviewId s2 = interview_of(store, "S2", "B01");
    minutes.now(8, 14);
    store.move_interview(s1, InterviewStatus::called, "booth");
    minutes.now(8, 15);
    store.move_interview(s2, InterviewStatus::called, "booth");
    minutes.now(8, 16);
    store.move_interview(s1, InterviewStatus::in_progress, "booth");
    minutes.now(8, 18);
    store.move_interview(s2, InterviewStatus::no_show, "booth");
    minutes.now(8, 27);
    Store::MoveDetails done;
    done.outcome = InterviewOutcome::offer;
    done.note = "Hàn tốt, hẹn thử việc";
    store.move_interview(s1, InterviewStatus::done, "booth", done);
    minutes.now(8, 40);
    store.mark_left(StudentId("S5"), at(8, 40), "help desk");
}

}  // namespace

TEST_CASE("day report: the figures of a small hand-built day on the simulator's minutes") {
    Store store(":memory:", half_past_one_utc());
    Minutes minutes(store);
    build_day(store, minutes);
    const nlohmann::json estimates = {{"within_minutes", 10},
                                      {"rows",
                                       {{{"when", "first"},
                                         {"kind", "promise"},
                                         {"students", 2},
                                         {"within", 1},
                                         {"no_interview_followed", 1},
                                         {"p90_error_minutes", nullptr}}}},
                                      {"told_no_interview", 1},
                                      {"told_no_interview_right", 1}};
    store.append_event(
        "simulation", reports::kSimulationMeasuredKind,
        nlohmann::json{{"event_minutes", minutes.pairs()}, {"estimates", estimates}}.dump());

    const reports::DayReport day = reports::day_report(store);
    CHECK(day.simulated);
    CHECK(day.checked_in == 5);
    CHECK(day.walk_ins == 0);
    CHECK(day.interviews_done == 1);
    CHECK(day.students_covered == 1);
    CHECK(day.no_shows == 1);
    CHECK(day.seat_slots == 24);  // B01 2 x 8 slots, B02 1 x 8
    CHECK(day.capacity == 18);    // B02 capped at 2
    CHECK(day.no_interview == 4);
    CHECK(day.no_interview_by_reason ==
          std::map<std::string, int>{
              {"booths_full", 1}, {"left", 1}, {"no_booth_for_them", 1}, {"no_show", 1}});
    CHECK(day.check_in_to_first.minutes == std::vector<int>{16});  // 08:00 -> started 08:16
    CHECK(day.call_to_start.minutes == std::vector<int>{2});       // called 08:14, began 08:16
    CHECK(day.started_per_half_hour == std::vector<int>{1, 0, 0, 0});
    REQUIRE(day.booths.size() == 2);
    CHECK(day.booths[0].done == 1);
    CHECK(day.booths[1].capacity == 2);
    // S2's no-show at 08:18 freed seat 1 until 08:30; nobody was called into it. S1's
    // interview ended at 08:27, too close to its slot's end to count.
    CHECK(day.freed.freed == 1);
    CHECK(day.freed.freed_by.at("no_show") == 1);
    CHECK(day.freed.refilled == 0);
    REQUIRE(day.estimates);
    REQUIRE(day.estimates->rows.size() == 1);
    CHECK(day.estimates->rows[0].within == 1);
    CHECK_FALSE(day.estimates->rows[0].p90_error_minutes);
    CHECK(day.estimates->told_no_interview_right == 1);

    const auto lines = reports::day_report_lines(day);
    const auto has = [&](const std::string& text) {
        for (const auto& line : lines)
            if (line.find(text) != std::string::npos) return true;
        return false;
    };
    CHECK(has("Interviews done: 1"));
    CHECK(has("Students covered: 1 of 5"));
    CHECK(has("call to start: 1, trung bình / mean 2.0"));

    const std::string html = reports::summary_html(store, at(9, 0));
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("Báo cáo trong ngày") != std::string::npos);
    CHECK(html.find("Measured by the simulator only") == std::string::npos);
}

TEST_CASE("day report: a real fair's events are timed in Viet Nam time and say no estimates") {
    Store store(":memory:", half_past_one_utc());
    Minutes minutes(store);
    build_day(store, minutes);
    const auto timed = reports::fair_timed_events(store);
    REQUIRE_FALSE(timed.empty());
    for (const TimedEvent& event : timed)
        CHECK(event.at == at(8, 30));  // 01:30 UTC
    const reports::DayReport day = reports::day_report(store);
    CHECK_FALSE(day.simulated);
    CHECK_FALSE(day.estimates);
    CHECK(day.interviews_done == 1);
    CHECK(day.call_to_start.minutes == std::vector<int>{0});  // every event at 08:30
    CHECK(reports::summary_html(store, at(9, 0)).find("Measured by the simulator only") !=
          std::string::npos);
}

TEST_CASE("follow-up lists: interviewees with outcome and note and a phone only with consent") {
    Store store(":memory:", half_past_one_utc());
    Minutes minutes(store);
    build_day(store, minutes);
    Store::StudentDetails consented;
    consented.phone = "0912345678";
    consented.consent_json = R"({"interview": true, "follow_up": true})";
    Store::StudentDetails no_consent;
    no_consent.phone = "0987654321";
    no_consent.consent_json = R"({"interview": true, "follow_up": false})";
    store.import_student_details({{StudentId("S1"), consented}, {StudentId("S2"), no_consent}},
                                 "test");

    auto lists = reports::follow_up_lists(store);
    REQUIRE(lists.size() == 2);
    CHECK(lists[0].file_name == "B01-cong-ty-tnhh-dai-duong.xlsx");
    CHECK(lists[1].file_name == "B02-cong-ty-co-khi-ha-long.xlsx");
    REQUIRE(lists[0].rows.size() == 1);  // S2 was a no-show: not an interviewee
    CHECK(lists[0].rows[0].student == "S1");
    CHECK(lists[0].rows[0].phone == std::optional<std::string>("0912345678"));
    CHECK(lists[1].rows.empty());

    // The same list without S1's consent gives no phone.
    store.import_student_details({{StudentId("S1"), no_consent}}, "test");
    lists = reports::follow_up_lists(store);
    CHECK_FALSE(lists[0].rows[0].phone);
    CHECK_FALSE(lists[0].rows[0].consented);

    store.import_student_details({{StudentId("S1"), consented}}, "test");
    lists = reports::follow_up_lists(store);
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / "jobfair-test-follow-up";
    std::filesystem::create_directories(folder);
    const auto path = folder / lists[0].file_name;
    sheets::write_list_book(reports::follow_up_sheet(lists[0], "Ngày hội"), path);
    const sheets::Workbook book = sheets::read_xlsx_file(path);
    std::filesystem::remove_all(folder);
    REQUIRE(book.sheets.size() == 1);
    const sheets::Sheet& sheet = book.sheets[0];
    CHECK(sheet.at(0, 0).text.find("B01 Công ty TNHH Đại Dương") != std::string::npos);
    CHECK(sheet.at(1, 0).text == "Vé / Ticket");
    CHECK(sheet.at(1, 11).text == "Điện thoại / Phone");
    CHECK(sheet.at(2, 1).text == "S1");
    CHECK(sheet.at(2, 2).text == "Nguyễn Văn S1");
    CHECK(sheet.at(2, 7).text == "08:15");
    CHECK(sheet.at(2, 8).text == "Nhận việc / offer");
    CHECK(sheet.at(2, 9).text == "Hàn tốt, hẹn thử việc");
    CHECK(sheet.at(2, 10).text == "Có / Yes");
    CHECK(sheet.at(2, 11).text == "0912345678");  // text: the leading 0 stays
    CHECK(sheet.row_count() == 3);
}

TEST_CASE("estimate accuracy: the share within 10 minutes and the p90 error by nearest rank") {
    const auto row = accuracy_row("first", "standby", {0, -5, 12, std::nullopt, 3, -11});
    CHECK(row.students == 6);
    CHECK(row.within == 3);
    CHECK(row.no_interview_followed == 1);
    CHECK(row.started_earlier == 1);
    CHECK(row.started_later == 1);
    CHECK_FALSE(row.p90_error_minutes);  // ceil(5.4) = 6th of 6: the miss

    std::vector<std::optional<int>> errors;
    for (int e : {1, -2, 3, 4, 5, 6, 7, 8, -20, 30})
        errors.push_back(e);
    const auto ten = accuracy_row("latest", "promise", errors);
    CHECK(ten.within == 8);
    CHECK(ten.p90_error_minutes == std::optional<int>(20));  // 9th of 10
    CHECK(accuracy_row("first", "promise", {}).students == 0);
    CHECK_FALSE(accuracy_row("first", "promise", {}).p90_error_minutes);
}
