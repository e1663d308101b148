// The organizer dashboard's model (kiosk/dashboard/model): the server's answers in the shapes of
// docs/api.md and the new organizer endpoints, booth conditions and alert rules, the timeline's
// geometry, charts, exports, the VI/EN string table, and the state machine (login, throttled live
// updates, offline and resync, booth actions, moves and cancels, search, re-plan, exports).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "common/fair_date.hpp"
#include "common/string_table.hpp"
#include "kiosk/checkin/model/text.hpp"
#include "kiosk/dashboard/app/palette.hpp"
#include "kiosk/dashboard/model/alerts.hpp"
#include "kiosk/dashboard/model/answers.hpp"
#include "kiosk/dashboard/model/charts.hpp"
#include "kiosk/dashboard/model/dashboard.hpp"
#include "kiosk/dashboard/model/dashboard_strings.hpp"
#include "kiosk/dashboard/model/exports.hpp"
#include "kiosk/dashboard/model/pulse.hpp"
#include "kiosk/dashboard/model/timeline_layout.hpp"

using namespace jobfair::dashboard;
using jobfair::InterviewOutcome;
using jobfair::InterviewStatus;
using jobfair::kInterviewStatusCodes;
using jobfair::Role;
using jobfair::TimeOfDay;
using jobfair::Whereabouts;
using namespace std::chrono_literals;

namespace {

const char* const kOverview = R"json({
  "booths": [
    {"booth":"B01","close":"12:30","open":"08:00","standby":0,
     "current":[{"interview":2861,"seat":0,"status":"called","ticket_label":"A-0379"}],
     "delay_minutes":0,"done":5,"enterprise":"Công ty TNHH MTV Kho vận Minh Hoàng Hải Phòng",
     "next":"09:15","no_shows":1,"paused":false,"remaining":13,"seats":1,"waiting":2},
    {"booth":"B02","close":"12:30","open":"08:00","standby":3,"current":[],"delay_minutes":0,
     "done":4,"enterprise":"Công ty Cổ phần Thiết bị Điện Nam Vạn Hạ Long","next":"10:00",
     "no_shows":0,"paused":false,"remaining":9,"seats":1,"waiting":1},
    {"booth":"B03","close":"12:30","open":"08:00","standby":0,"current":[],"delay_minutes":20,
     "done":2,"enterprise":"Khách sạn Gia Thành","next":"09:00","no_shows":2,"paused":false,
     "remaining":11,"seats":2,"waiting":4},
    {"booth":"B04","close":"12:30","open":"08:00","standby":0,
     "current":[{"interview":17,"seat":0,"status":"in_progress","ticket_label":"A-0017"}],
     "delay_minutes":7,"done":3,"enterprise":"Bệnh viện Đa khoa Hồng Phúc","next":"09:45",
     "no_shows":0,"paused":false,"remaining":6,"seats":1,"waiting":0},
    {"booth":"B05","close":"12:30","open":"08:00","standby":2,"current":[],"delay_minutes":30,
     "done":1,"enterprise":"Công ty Đóng tàu Hưng Phát","next":"09:15","no_shows":0,"paused":true,
     "remaining":5,"seats":1,"waiting":2},
    {"booth":"B06","close":"12:30","open":"10:00","standby":0,"current":[],"delay_minutes":0,
     "done":0,"enterprise":"Trung tâm Dịch vụ Việc làm","next":"10:00","no_shows":0,
     "paused":false,"remaining":8,"seats":1,"waiting":3}
  ],
  "check_ins_per_quarter": {"08:00": 302, "08:15": 76, "08:45": 68, "09:15": 32},
  "checked_in": 582, "checked_in_without_interview": 233,
  "fair_name": "Ngày hội việc làm Khu công nghiệp Sông Khoai 2025",
  "date": "2025-03-14", "venue": null,
  "interviews_by_status": {"called":7,"cancelled":2,"done":135,"in_progress":23,"no_show":13,"planned":120,"promised":202},
  "now": "09:30", "students": 803, "students_interviewed": 130,
  "figures": {"students": 803, "checked_in": 582, "interviews_done": 135,
              "interviews_promised": 202, "interviews_under_way": 30, "interviews_remaining": 420,
              "no_show_rate": 0.088, "wait_mean_minutes": 30.7, "wait_p90_minutes": 69.0,
              "waits_counted": 130, "students_without_interview": 233,
              "without_interview_by_reason": {"booths_full": 180, "no_booth_for_them": 31,
                                              "left": 14, "no_show": 8},
              "freed_seat_slots": 15, "refilled_seat_slots": 12},
  "outcomes": {"offer": 37, "internship": 34, "next_round": 37, "not_suitable": 27},
  "long_waits": [
    {"student":"S0500","ticket_label":"A-0500","full_name":"Lê Thị Hoa","checked_in":"08:40",
     "waited_minutes":50,"next":null},
    {"student":"S0412","ticket_label":"A-0412","full_name":"Trần Văn Nam","checked_in":"08:05",
     "waited_minutes":85,"next":"10:15"},
    {"student":"S0600","ticket_label":"A-0600","full_name":"Phạm Minh Đức","checked_in":"08:55",
     "waited_minutes":35,"next":"09:45"}
  ],
  "devices": [
    {"device":3,"name":"Kiosk 1 (cổng chính)","role":"kiosk","seconds_since_seen":4},
    {"device":4,"name":"Kiosk 2 (cổng phụ)","role":"kiosk","seconds_since_seen":95},
    {"device":5,"name":"Bảng gọi số sảnh A","role":"board","seconds_since_seen":null},
    {"device":"t-6ed87e0b6c53b65b","name":"Bảng gọi số sảnh B","role":"board","seconds_since_seen":40}
  ]
})json";

// The overview of a server from before the additions (docs/api.md as first written).
const char* const kOlderOverview = R"json({
  "booths": [{"booth":"B01","close":"12:30","current":[],"delay_minutes":0,"done":1,
              "enterprise":"Công ty A","next":"09:15","no_shows":1,"paused":false,
              "remaining":13,"seats":1,"waiting":0}],
  "check_ins_per_quarter": {"08:00": 4, "08:30": 1},
  "checked_in": 5, "checked_in_without_interview": 3,
  "fair_name": "Ngày hội", "interviews_by_status": {"called": 1, "cancelled": 2, "done": 3,
  "no_show": 1, "planned": 377, "promised": 10}, "now": "09:05", "students": 803
})json";

const char* const kTimeline =
    R"json({"now":"09:30","slot_minutes":15,"day_start":"08:00","day_end":"12:30",
 "booths":[
   {"booth":"B01","enterprise":"Công ty A","seats":1,"open":"08:00","close":"12:30","paused":false},
   {"booth":"B02","enterprise":"Công ty B","seats":2,"open":"09:00","close":"11:00","paused":false},
   {"booth":"B03","enterprise":"Công ty C","seats":1,"open":"08:00","close":"12:30","paused":true}],
 "interviews":[
   {"interview":10,"booth":"B01","seat":0,"start":"08:00","end":"08:15","status":"done","student":"S0001","ticket_label":"A-0001","outcome":"offer","reason":null},
   {"interview":11,"booth":"B01","seat":0,"start":"09:15","end":"09:30","status":"called","student":"S0379","ticket_label":"A-0379","outcome":null,"reason":null},
   {"interview":12,"booth":"B01","seat":0,"start":"09:30","end":"09:45","status":"cancelled","student":"S0002","ticket_label":"A-0002","outcome":null,"reason":"student_left"},
   {"interview":13,"booth":"B01","seat":0,"start":"09:30","end":"09:45","status":"promised","student":"S0003","ticket_label":"A-0003","outcome":null,"reason":null},
   {"interview":14,"booth":"B02","seat":1,"start":"10:00","end":"10:15","status":"planned","student":"S0004","ticket_label":"A-0004","outcome":null,"reason":null},
   {"interview":15,"booth":"B02","seat":0,"start":"09:00","end":"09:15","status":"no_show","student":"S0005","ticket_label":"A-0005","outcome":null,"reason":null},
   {"interview":16,"booth":"B01","seat":0,"start":"08:45","end":"09:00","status":"done","student":"S0006","ticket_label":"A-0006","outcome":"next_round","reason":null},
   {"interview":17,"booth":"B03","seat":2,"start":"11:00","end":"11:15","status":"planned","student":"S0007","ticket_label":"A-0007","outcome":null,"reason":null}
 ]})json";

const char* const kSearch = R"json({"students":[
  {"student":"S0087","full_name":"Nguyễn Thị Lan","ticket_label":"A-0087","phone":"0912345678",
   "school":"Trường Cao đẳng Công nghiệp Quảng Ninh","occupation":"logistics","level":"college",
   "checked_in":"08:10","left":false,
   "interviews":[{"interview":488,"booth":"B01","seat":0,"start":"08:15","status":"done"}]},
  {"student":"W0003","full_name":"Nguyễn Văn Bình","ticket_label":"A-0803","phone":"0987000111",
   "school":null,"occupation":"welding","level":"intermediate","checked_in":null,"left":true,
   "interviews":[]},
  {"student":"W0004","full_name":"Phạm Văn Đức","ticket_label":"A-0804","phone":"0912345841",
   "school":"Trường Trung cấp Nghề Quảng Ninh","occupation":null,
   "occupation_text":"Sửa chữa điện thoại","level":"intermediate","checked_in":"09:02",
   "left":false,"interviews":[]}],
 "truncated":false})json";

const char* const kQueue =
    R"json({"booth":"B02","close":"12:30","enterprise":"Công ty B","now":"09:30",
 "open":"08:00","paused":false,"queue":[],"seats":1,"standby":[]})json";

Clock::time_point t0() {
    return Clock::time_point{} + 1000h;
}

Reply ok_reply() {
    return Reply{true, true, 200, {}};
}

Reply unreachable() {
    return Reply{};
}

Reply refused(int status, const char* en, const char* vi = "") {
    return Reply{true, false, status, ServerWords{en, vi}};
}

template <class Wanted>
int count_of(const std::vector<Effect>& effects) {
    return static_cast<int>(std::count_if(effects.begin(), effects.end(), [](const Effect& effect) {
        return std::holds_alternative<Wanted>(effect);
    }));
}

template <class Wanted>
const Wanted* first_of(const std::vector<Effect>& effects) {
    for (const Effect& effect : effects)
        if (const auto* wanted = std::get_if<Wanted>(&effect)) return wanted;
    return nullptr;
}

// A dashboard logged in, with the overview and timeline loaded, at t0() + 1 s.
DashboardState logged_in(Clock::time_point& now) {
    now = t0();
    DashboardState state = make_dashboard();
    update(state, intent::Tick{}, now);
    update(state, intent::HelloAnswered{true, 1, "Ngày hội"}, now);
    update(state, intent::LoginWithPassword{"hoi-cho-2025-demo"}, now);
    update(state, intent::LoginAnswered{ok_reply()}, now);
    const auto effects = update(state, intent::Tick{}, now);
    REQUIRE(count_of<effect::FetchOverview>(effects) == 1);
    REQUIRE(count_of<effect::FetchTimeline>(effects) == 1);
    update(state, intent::OverviewAnswered{ok_reply(), parse_overview(kOverview)}, now);
    update(state, intent::TimelineAnswered{ok_reply(), parse_timeline(kTimeline)}, now);
    now += 1s;
    return state;
}

}  // namespace

// --- Answers -----------------------------------------------------------------------------------

TEST_CASE("dashboard: the overview with the organizer additions is read field by field") {
    const Overview overview = parse_overview(kOverview);
    CHECK(overview.now == "09:30");
    CHECK(overview.fair_name == "Ngày hội việc làm Khu công nghiệp Sông Khoai 2025");
    CHECK(overview.has_fair_details);
    CHECK(overview.date == "2025-03-14");
    CHECK_FALSE(overview.venue);
    REQUIRE(overview.booths.size() == 6);
    const BoothSummary& b01 = overview.booths[0];
    CHECK(b01.booth == "B01");
    CHECK(b01.open == "08:00");
    CHECK(b01.close == "12:30");
    REQUIRE(b01.current.size() == 1);
    CHECK(b01.current[0].ticket_label == "A-0379");
    CHECK(b01.current[0].status == InterviewStatus::called);
    CHECK(b01.next == "09:15");
    CHECK(b01.done == 5);
    CHECK(b01.no_shows == 1);
    CHECK(overview.booths[1].standby == 3);
    CHECK(overview.booths[4].paused);
    // Quarters come sorted by time.
    REQUIRE(overview.check_ins_per_quarter.size() == 4);
    CHECK(overview.check_ins_per_quarter.front().first == "08:00");
    CHECK(overview.check_ins_per_quarter.front().second == 302);
    REQUIRE(overview.figures);
    CHECK(overview.figures->interviews_remaining == 420);
    CHECK(overview.figures->no_show_rate == doctest::Approx(0.088));
    CHECK(overview.figures->wait_mean_minutes == doctest::Approx(30.7));
    CHECK(overview.figures->wait_p90_minutes == doctest::Approx(69.0));
    CHECK(overview.outcomes.at(InterviewOutcome::not_suitable) == 27);
    CHECK(overview.interviews_by_status.at(InterviewStatus::promised) == 202);
    CHECK(overview.devices.at(2).role == Role::board);
    // Long waits: longest first, whatever the order on the wire.
    REQUIRE(overview.long_waits.size() == 3);
    CHECK(overview.long_waits[0].student == "S0412");
    CHECK(overview.long_waits[0].next == "10:15");
    CHECK_FALSE(overview.long_waits[1].next);
    CHECK(overview.has_devices);
    REQUIRE(overview.devices.size() == 4);
    CHECK(overview.devices[0].name == "Kiosk 1 (cổng chính)");
    CHECK(overview.devices[0].seconds_since_seen == 4);
    CHECK(overview.devices[0].device == "3");
    CHECK(overview.devices[3].device == "t-6ed87e0b6c53b65b");  // the server's ids are strings
    CHECK_FALSE(overview.devices[2].seconds_since_seen);
}

TEST_CASE("dashboard: an older overview without figures still gives figures, without waits") {
    const Overview overview = parse_overview(kOlderOverview);
    CHECK_FALSE(overview.figures);
    CHECK_FALSE(overview.has_devices);
    CHECK(overview.booths[0].open.empty());
    const Figures figures = figures_of(overview);
    CHECK(figures.students == 803);
    CHECK(figures.checked_in == 5);
    CHECK(figures.interviews_done == 3);
    CHECK(figures.interviews_promised == 10);
    CHECK(figures.interviews_remaining == 387);
    CHECK(figures.interviews_under_way == 1);
    CHECK(figures.no_show_rate == doctest::Approx(0.25));
    CHECK_FALSE(figures.wait_mean_minutes);
    CHECK(figures.students_without_interview == 3);
}

TEST_CASE("dashboard: a figure without counted waits has no mean wait") {
    const std::string body = R"({"booths":[],"now":"08:00","figures":{"waits_counted":0,
        "wait_mean_minutes":0,"wait_p90_minutes":0}})";
    const Figures figures = figures_of(parse_overview(body));
    CHECK_FALSE(figures.wait_mean_minutes);
    CHECK_FALSE(figures.wait_p90_minutes);
}

TEST_CASE("dashboard: bodies that are not the expected answer are refused with a reason") {
    CHECK_THROWS_AS(parse_overview("<html>"), std::invalid_argument);
    CHECK_THROWS_AS(parse_overview(R"({"now":"09:00"})"), std::invalid_argument);
    CHECK_THROWS_AS(parse_timeline(R"({"now":"9h","day_start":"08:00","day_end":"12:30",
        "booths":[],"interviews":[]})"),
                    std::invalid_argument);
    CHECK_THROWS_AS(parse_timeline(R"({"now":"09:00","day_start":"12:30","day_end":"08:00",
        "booths":[],"interviews":[]})"),
                    std::invalid_argument);
    CHECK_THROWS_AS(parse_student_search(R"({"students":[{"full_name":"x"}]})"),
                    std::invalid_argument);
    CHECK_THROWS_AS(parse_replan_counts(R"({"added":1})"), std::invalid_argument);
}

TEST_CASE("dashboard: the timeline lists every interview with its times, outcome and reason") {
    const Timeline timeline = parse_timeline(kTimeline);
    CHECK(timeline.now == TimeOfDay::hm(9, 30));
    CHECK(timeline.slot_minutes == 15);
    CHECK(timeline.day_end == TimeOfDay::hm(12, 30));
    REQUIRE(timeline.booths.size() == 3);
    CHECK(timeline.booths[1].open == TimeOfDay::hm(9, 0));
    CHECK(timeline.booths[2].paused);
    REQUIRE(timeline.interviews.size() == 8);
    CHECK(timeline.interviews[0].outcome == InterviewOutcome::offer);
    CHECK(timeline.interviews[2].reason == "student_left");
    CHECK_FALSE(timeline.interviews[1].outcome);
    CHECK(interview_is_over(InterviewStatus::no_show));
    CHECK_FALSE(interview_is_over(InterviewStatus::called));
    CHECK(interview_can_move(InterviewStatus::planned));
    CHECK(interview_can_move(InterviewStatus::promised));
    CHECK_FALSE(interview_can_move(InterviewStatus::called));
}

TEST_CASE("dashboard: the student search and the re-plan counts are read") {
    const StudentSearch search = parse_student_search(kSearch);
    REQUIRE(search.students.size() == 3);
    CHECK(search.students[0].full_name == "Nguyễn Thị Lan");
    CHECK(search.students[0].interviews.at(0).status == InterviewStatus::done);
    CHECK(search.students[1].school.empty());
    CHECK(search.students[1].checked_in.empty());
    CHECK(search.students[1].left);
    CHECK_FALSE(search.truncated);
    // A listed trade by its name; Other trade by the name the student typed (issue 17).
    CHECK(search.students[0].occupation_text.empty());
    CHECK(match_trade_words(search.students[0], Language::vi) == "Kho vận");
    CHECK(match_trade_words(search.students[0], Language::en) == "Logistics");
    CHECK(search.students[2].occupation.empty());
    CHECK(search.students[2].occupation_text == "Sửa chữa điện thoại");
    CHECK(match_trade_words(search.students[2], Language::vi) == "Ngành khác: Sửa chữa điện thoại");
    CHECK(match_trade_words(search.students[2], Language::en) ==
          "Other trade: Sửa chữa điện thoại");
    StudentMatch unknown;
    CHECK(match_trade_words(unknown, Language::vi).empty());
    const ReplanCounts counts =
        parse_replan_counts(R"({"added":4,"dropped":52,"kept":364,"moved":9,"planned_after":377})");
    CHECK(counts.moved == 9);
    CHECK(counts.planned_after == 377);
}

TEST_CASE("dashboard: a search query is trimmed, counted in letters and URL-encoded") {
    CHECK(search_query_of("  nguyen   thi \t") == "nguyen thi");
    CHECK(character_count("Đạt") == 3);
    CHECK(character_count("Đ") == 1);
    CHECK(url_encode("nguyen thi") == "nguyen%20thi");
    CHECK(url_encode("Đạt") == "%C4%90%E1%BA%A1t");
    CHECK(url_encode("A-0087") == "A-0087");
}

// --- Booth conditions and alerts -----------------------------------------------------------------

TEST_CASE("dashboard: a booth's condition says open, late, idle, paused or not open yet") {
    const Overview overview = parse_overview(kOverview);
    const AlertRules rules;
    const TimeOfDay now = TimeOfDay::hm(9, 30);
    const BoothCondition b01 = booth_condition(overview.booths[0], now, rules);
    CHECK(b01.phase == BoothPhase::open);
    CHECK_FALSE(b01.idle_while_waiting);  // someone is called
    CHECK(b01.health == Health::ok);
    // B02: nobody at the desk, the next promise at 10:00, but 3 on standby.
    const BoothCondition b02 = booth_condition(overview.booths[1], now, rules);
    CHECK(b02.idle_while_waiting);
    CHECK(b02.students_waiting == 4);
    CHECK(b02.health == Health::warning);
    // B03: 20 minutes late, red.
    const BoothCondition b03 = booth_condition(overview.booths[2], now, rules);
    CHECK(b03.late_minutes == 20);
    CHECK(b03.health == Health::danger);
    // B04: 7 minutes late, amber.
    CHECK(booth_condition(overview.booths[3], now, rules).health == Health::warning);
    // B05: paused, with students waiting: amber, and never "late".
    const BoothCondition b05 = booth_condition(overview.booths[4], now, rules);
    CHECK(b05.phase == BoothPhase::paused);
    CHECK(b05.late_minutes == 0);
    CHECK(b05.health == Health::warning);
    // B06 opens at 10:00.
    const BoothCondition b06 = booth_condition(overview.booths[5], now, rules);
    CHECK(b06.phase == BoothPhase::not_open_yet);
    CHECK_FALSE(b06.idle_while_waiting);
    CHECK(b06.health == Health::quiet);
    CHECK(condition_words(b06, "10:00", Language::vi) == "Mở lúc 10:00");
    CHECK(condition_words(b03, "08:00", Language::vi) == "Trễ 20 phút");
    CHECK(condition_words(b02, "08:00", Language::en) == "Idle");
}

TEST_CASE("dashboard: an idle booth whose checked-in promises start later is not an alert") {
    BoothSummary booth;
    booth.booth = "B09";
    booth.open = "08:00";
    booth.close = "12:30";
    booth.waiting = 2;
    booth.next = "10:00";
    const AlertRules rules;
    CHECK_FALSE(booth_condition(booth, TimeOfDay::hm(9, 30), rules).idle_while_waiting);
    CHECK(booth_condition(booth, TimeOfDay::hm(10, 0), rules).idle_while_waiting);
    booth.close = "09:00";
    CHECK(booth_condition(booth, TimeOfDay::hm(10, 0), rules).phase == BoothPhase::closed);
}

TEST_CASE("dashboard: alerts follow the rules, the most students affected first") {
    const Overview overview = parse_overview(kOverview);
    const std::vector<Alert> alerts = alerts_of(overview, AlertRules{});
    // Kiosk 2 unseen 95 s: 32 check-ins last quarter, 221 students still to come, 2 kiosks: 16.
    // Board B unseen 40 s: 17 students wait at booths, 2 boards: 9. B03 late 20 min (red) and
    // B02 idle (amber): 4 waiting each, red first. S0412 waited 85 min (red), S0500 50 min: 1
    // each. B04 late 7 min with nobody waiting and board A never seen: nobody.
    REQUIRE(alerts.size() == 8);
    CHECK(alerts[0].kind == AlertKind::device_offline);
    CHECK(alerts[0].device_name == "Kiosk 2 (cổng phụ)");
    CHECK(alerts[0].severity == Severity::danger);
    CHECK(alerts[0].affected == 16);
    CHECK(alerts[1].kind == AlertKind::device_offline);
    CHECK(alerts[1].device_role == Role::board);
    CHECK(alerts[1].severity == Severity::warning);
    CHECK(alerts[1].affected == 9);
    CHECK(alerts[2].kind == AlertKind::booth_late);
    CHECK(alerts[2].booth == "B03");
    CHECK(alerts[2].affected == 4);
    CHECK(alerts[3].kind == AlertKind::booth_idle);
    CHECK(alerts[3].booth == "B02");
    CHECK(alerts[3].affected == 4);
    CHECK(alerts[4].kind == AlertKind::student_waiting);
    CHECK(alerts[4].student == "S0412");
    CHECK(alerts[4].affected == 1);
    CHECK(alerts[5].student == "S0500");
    CHECK(alerts[6].kind == AlertKind::booth_late);
    CHECK(alerts[6].booth == "B04");
    CHECK(alerts[6].affected == 0);
    CHECK(alerts[7].kind == AlertKind::device_never_seen);
    CHECK(std::is_sorted(alerts.begin(), alerts.end(),
                         [](const Alert& a, const Alert& b) { return a.affected > b.affected; }));
    // S0600 waited 35 min: under the 45-minute threshold. B05 is paused: not late.
    for (const Alert& alert : alerts) {
        CHECK(alert.student != "S0600");
        CHECK(alert.booth != "B05");
    }
    CHECK(alert_text(alerts[2], Language::vi) == "Gian B03 trễ 20 phút · 4 sinh viên đang chờ");
    CHECK(alert_text(alerts[4], Language::vi) ==
          "A-0412 · Trần Văn Nam đã chờ 85 phút, lượt kế tiếp lúc 10:15");
    CHECK(alert_text(alerts[3], Language::en) == "Booth B02 is idle while 4 students wait");
    CHECK(alert_text(alerts[0], Language::vi) ==
          "Máy điểm danh “Kiosk 2 (cổng phụ)” mất kết nối 95 giây · khoảng 16 sinh viên sắp đến "
          "không điểm danh được ở đây");
    CHECK(alert_text(alerts[7], Language::en) ==
          "Calling board “Bảng gọi số sảnh A” not seen since the server started");

    AlertRules strict;
    strict.wait_warning_minutes = 30;
    strict.late_warning_minutes = 10;
    const std::vector<Alert> more = alerts_of(overview, strict);
    CHECK(std::count_if(more.begin(), more.end(), [](const Alert& alert) {
              return alert.kind == AlertKind::student_waiting;
          }) == 3);
    CHECK(std::none_of(more.begin(), more.end(), [](const Alert& alert) {
        return alert.booth == "B04" && alert.kind == AlertKind::booth_late;
    }));
}

// --- The fair's pulse and re-plan explanations --------------------------------------------------

TEST_CASE("dashboard: the refilled no-show seats turn amber under 9 in 10 of at least 5 freed") {
    const auto pulse_with = [](int freed, int refilled) {
        Overview overview = parse_overview(kOverview);
        REQUIRE(overview.figures);
        overview.figures->freed_seat_slots = freed;
        overview.figures->refilled_seat_slots = refilled;
        return pulse_of(overview, AlertRules{});
    };
    CHECK(pulse_with(4, 0).refill_health == Health::ok);         // too few freed to judge
    CHECK(pulse_with(5, 4).refill_health == Health::warning);    // 80 %
    CHECK(pulse_with(10, 9).refill_health == Health::ok);        // exactly 90 %
    CHECK(pulse_with(20, 17).refill_health == Health::warning);  // 85 %
    CHECK(pulse_with(5, 5).refill_health == Health::ok);
    CHECK(refill_figure(pulse_with(0, 0), Language::en) == "0 of 0 (—)");
    CHECK(refill_figure(pulse_with(10, 9), Language::vi) == "9 / 10 (90,0 %)");
}

TEST_CASE("dashboard: the pulse says who has no interview, waits, idle seats and no-shows") {
    const Overview overview = parse_overview(kOverview);
    const FairPulse pulse = pulse_of(overview, AlertRules{});
    // 233 of 582 checked in have no interview: far more than 1 in 20, red.
    CHECK(pulse.checked_in == 582);
    CHECK(pulse.without_interview == 233);
    CHECK(pulse.without_interview_health == Health::danger);
    // Why, the most students first, in words.
    REQUIRE(pulse.without_interview_reasons.size() == 4);
    CHECK(pulse.without_interview_reasons[0] == std::pair<std::string, int>("booths_full", 180));
    CHECK(pulse.without_interview_reasons[3] == std::pair<std::string, int>("no_show", 8));
    CHECK(reasons_text(pulse, Language::en) ==
          "Why they have no interview: their booths are full, no seat yet 180 · no booth they "
          "chose takes their trade or level 31 · gone home 14 · called but did not come 8");
    CHECK(reasons_text(pulse, Language::vi) ==
          "Vì sao chưa có buổi phỏng vấn: các gian họ chọn đã kín, chưa tới lượt 180 · không "
          "gian nào họ chọn nhận ngành hoặc trình độ của họ 31 · đã về 14 · được gọi nhưng không "
          "đến 8");
    // An older server gives no reasons: nothing is said rather than a guess.
    const FairPulse older = pulse_of(parse_overview(kOlderOverview), AlertRules{});
    CHECK(older.without_interview_reasons.empty());
    CHECK(reasons_text(older, Language::vi).empty());
    // 9 in 10 waited under 69 min: past the 45-minute warning, under the 75-minute danger; two
    // students (50 and 85 min) wait past 45 min now, S0600 (35 min) does not count.
    REQUIRE(pulse.wait_nine_in_ten);
    CHECK(*pulse.wait_nine_in_ten == 69);
    CHECK(pulse.waiting_long == 2);
    CHECK(pulse.wait_health == Health::warning);
    // Open now: B01 (1 seat, busy), B02 (1, idle, 3 on standby), B03 (2, idle, 20 min late with 4
    // waiting), B04 (1, busy). B05 is paused and B06 opens at 10:00: not counted.
    CHECK(pulse.seats_open == 5);
    CHECK(pulse.seats_idle == 3);
    CHECK(pulse.seats_idle_while_waiting == 3);
    CHECK(pulse.seats_health == Health::warning);
    // 3 no-shows among 18 interviews due: under 1 in 5.
    CHECK(pulse.no_shows == 3);
    CHECK(pulse.interviews_done == 15);
    CHECK(pulse.no_shows_health == Health::ok);

    // 12 of 15 freed seat-slots refilled: under 9 in 10 of at least 5, amber.
    REQUIRE(pulse.freed_seat_slots);
    CHECK(*pulse.freed_seat_slots == 15);
    CHECK(pulse.refilled_seat_slots == 12);
    CHECK(pulse.refill_health == Health::warning);
    CHECK(refill_figure(pulse, Language::vi) == "12 / 15 (80,0 %)");
    CHECK(refill_figure(pulse, Language::en) == "12 of 15 (80.0%)");
    // An older server counts none: "—", never a made-up 0 %.
    CHECK_FALSE(older.freed_seat_slots);
    CHECK(older.refill_health == Health::ok);
    CHECK(refill_figure(older, Language::vi) == "—");

    AlertRules lenient;
    lenient.wait_warning_minutes = 90;
    lenient.wait_danger_minutes = 120;
    const FairPulse calm = pulse_of(overview, lenient);
    CHECK(calm.waiting_long == 0);
    CHECK(calm.wait_health == Health::ok);

    // A newer server counts every long wait: the pulse says that number, at its 30 minutes.
    Overview counted = overview;
    counted.long_waits_total = 298;
    const FairPulse many = pulse_of(counted, AlertRules{});
    CHECK(many.waiting_long == 298);
    CHECK(many.waiting_long_minutes == 30);
    CHECK(pulse.waiting_long_minutes == 45);
}

TEST_CASE("dashboard: a quiet fair's pulse is green, a few left out amber") {
    Overview overview = parse_overview(kOverview);
    overview.figures->students_without_interview = 0;
    overview.long_waits.clear();
    overview.figures->wait_p90_minutes = 20.0;
    for (BoothSummary& booth : overview.booths) {
        booth.standby = 0;
        booth.delay_minutes = 0;
        booth.no_shows = 0;
    }
    const FairPulse calm = pulse_of(overview, AlertRules{});
    CHECK(calm.without_interview_health == Health::ok);
    CHECK(calm.wait_health == Health::ok);
    CHECK(calm.no_shows_health == Health::ok);
    overview.figures->students_without_interview = 20;  // 20 * 20 = 400 <= 582
    CHECK(pulse_of(overview, AlertRules{}).without_interview_health == Health::warning);
    overview.figures->waits_counted = 0;
    CHECK_FALSE(pulse_of(overview, AlertRules{}).wait_nine_in_ten);
}

TEST_CASE("dashboard: every re-plan preview explains itself, most of all when nothing changes") {
    const Overview overview = parse_overview(kOverview);
    const ReplanCounts nothing = parse_replan_counts(
        R"({"kept": 120, "moved": 0, "added": 0, "dropped": 0, "planned_after": 120})");
    REQUIRE(nothing.changed() == 0);
    const ReplanExplanation why = explain_replan(nothing, overview);
    CHECK(why.text == DashText::replan_why_no_seat);
    CHECK(explanation_text(why, Language::en) ==
          "0 changes: the 233 students without an interview have no free seat at a booth for "
          "their trade before the booths close or they leave.");
    CHECK(explanation_text(why, Language::vi) ==
          "Không có thay đổi: 233 sinh viên chưa có buổi phỏng vấn không còn bàn trống nào ở gian "
          "tuyển đúng ngành của họ trước khi gian đóng cửa hoặc trước giờ họ về.");

    Overview everyone_placed = overview;
    everyone_placed.figures->students_without_interview = 0;
    CHECK(explain_replan(nothing, everyone_placed).text == DashText::replan_why_all_placed);
    CHECK(explain_replan(nothing, std::nullopt).text == DashText::replan_why_unknown);

    ReplanCounts adds = nothing;
    adds.added = 5;
    const ReplanExplanation added = explain_replan(adds, overview);
    CHECK(added.text == DashText::replan_why_added);
    CHECK(explanation_text(added, Language::en) ==
          "5 new interviews for students without one (233 of them now).");
    ReplanCounts moves = nothing;
    moves.moved = 4;
    CHECK(explain_replan(moves, overview).text == DashText::replan_why_better);
}

// --- Colours
// ---------------------------------------------------------------------------------------

namespace {
// WCAG 2 relative luminance of 0xRRGGBB and the contrast ratio of two colours.
double luminance(unsigned rgb) {
    const auto channel = [](unsigned value) {
        const double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) +
           0.0722 * channel(rgb & 0xFF);
}
double contrast(unsigned a, unsigned b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
}  // namespace

TEST_CASE("dashboard: every text colour it draws meets WCAG AA on its background") {
    // The formula itself: black on white is 21:1, a colour on itself 1:1, #767676 on white 4.54.
    CHECK(contrast(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
    CHECK(contrast(0x4F5866, 0x4F5866) == doctest::Approx(1.0));
    CHECK(contrast(0x767676, 0xFFFFFF) == doctest::Approx(4.54).epsilon(0.01));
    for (const auto& pair : jobfair::dashboard::palette::kTextPairs) {
        CAPTURE(pair.where);
        CHECK(contrast(pair.text, pair.background) >= 4.5);
    }
}

// --- Timeline geometry ---------------------------------------------------------------------------

TEST_CASE("dashboard: the timeline has a row per booth seat, cancelled ones only on request") {
    const Timeline timeline = parse_timeline(kTimeline);
    const TimelineLayout layout = layout_timeline(timeline, false);
    CHECK(layout.slot_count == 18);
    // B01 one seat, B02 two seats, B03 one seat but an interview at seat 2: three rows.
    REQUIRE(layout.rows.size() == 6);
    CHECK(layout.rows[1].booth == 1);
    CHECK(layout.rows[2].seat == 1);
    CHECK(layout.rows[5].seat == 2);
    CHECK(layout.interviews_shown == 7);
    // B01's row is sorted by start.
    const auto& b01 = layout.rows[0].interviews;
    REQUIRE(b01.size() == 4);
    CHECK(timeline.interviews[b01[0]].id == 10);
    CHECK(timeline.interviews[b01[1]].id == 16);
    CHECK(timeline.interviews[b01[3]].id == 13);

    const TimelineLayout with_cancelled = layout_timeline(timeline, true);
    CHECK(with_cancelled.interviews_shown == 8);
    // The live interview of 09:30 is found before the cancelled one in the same cell.
    const auto at_0935 = interview_at(timeline, with_cancelled.rows[0], 9 * 60 + 35);
    REQUIRE(at_0935);
    CHECK(timeline.interviews[*at_0935].id == 13);
    CHECK_FALSE(interview_at(timeline, with_cancelled.rows[0], 8 * 60 + 20));
    const auto place = find_in_layout(timeline, layout, 14);
    REQUIRE(place);
    CHECK(place->first == 2);
    CHECK_FALSE(find_in_layout(timeline, layout, 12));
}

TEST_CASE("dashboard: the time scale maps minutes to pixels and back") {
    const TimeScale scale{TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 30), 300, 1620};
    CHECK(scale.pixels_per_minute() == doctest::Approx(6.0));
    CHECK(scale.x_of(TimeOfDay::hm(8, 0)) == doctest::Approx(300));
    CHECK(scale.x_of(TimeOfDay::hm(9, 30)) == doctest::Approx(840));
    CHECK(scale.minute_at(840) == 9 * 60 + 30);
    CHECK(scale.minute_at(845.9f) == 9 * 60 + 30);
    CHECK(scale.minute_at(0) == 8 * 60);
    CHECK(scale.minute_at(5000) == 12 * 60 + 30);
}

TEST_CASE("dashboard: only the rows and interviews inside the clip rectangle are drawn") {
    CHECK(visible_rows(30, 100, 40, 100, 300) == std::pair<std::size_t, std::size_t>{0, 5});
    CHECK(visible_rows(30, 100, 40, 500, 700) == std::pair<std::size_t, std::size_t>{10, 15});
    CHECK(visible_rows(30, 100, 40, 1000, 5000) == std::pair<std::size_t, std::size_t>{22, 30});
    CHECK(visible_rows(30, 100, 40, 0, 50) == std::pair<std::size_t, std::size_t>{0, 0});
    CHECK(visible_rows(0, 100, 40, 0, 500) == std::pair<std::size_t, std::size_t>{0, 0});

    const Timeline timeline = parse_timeline(kTimeline);
    const TimelineLayout layout = layout_timeline(timeline, false);
    const TimelineRow& b01 = layout.rows[0];  // 08:00, 08:45, 09:15, 09:30
    auto range = visible_in_row(timeline, b01, 9 * 60, 9 * 60 + 30);
    CHECK(range.first == 2);  // 08:45-09:00 ends as the window opens
    CHECK(range.second == 3);
    range = visible_in_row(timeline, b01, 8 * 60 + 50, 12 * 60 + 30);
    CHECK(range.first == 1);
    CHECK(range.second == 4);
    range = visible_in_row(timeline, b01, 11 * 60, 12 * 60);
    CHECK(range.first == range.second);
}

TEST_CASE("dashboard: a move offers the booth's slots from now within its hours") {
    const Timeline timeline = parse_timeline(kTimeline);
    const std::vector<TimeOfDay> b01 = move_start_choices(timeline, "B01");
    REQUIRE_FALSE(b01.empty());
    CHECK(b01.front() == TimeOfDay::hm(9, 30));
    CHECK(b01.back() == TimeOfDay::hm(12, 15));
    CHECK(b01.size() == 12);
    const std::vector<TimeOfDay> b02 = move_start_choices(timeline, "B02");  // closes 11:00
    CHECK(b02.back() == TimeOfDay::hm(10, 45));
    CHECK(move_start_choices(timeline, "B99").empty());
    // One interview per seat and slot: B01's 09:30 holds #13 (and a cancelled #12, which frees
    // nothing but takes nothing either).
    CHECK(seat_taken(timeline, "B01", 0, TimeOfDay::hm(9, 30), 99));
    CHECK_FALSE(seat_taken(timeline, "B01", 0, TimeOfDay::hm(9, 30), 13));
    CHECK_FALSE(seat_taken(timeline, "B01", 0, TimeOfDay::hm(9, 45), 99));
    CHECK(seat_taken(timeline, "B02", 1, TimeOfDay::hm(10, 0), 13));
    CHECK_FALSE(seat_taken(timeline, "B02", 0, TimeOfDay::hm(10, 0), 13));
    CHECK(seats_of(timeline, "B02") == 2);
    CHECK(seats_of(timeline, "B99") == 1);
}

// --- Charts and exports --------------------------------------------------------------------------

TEST_CASE("dashboard: chart axes get nice whole-number ticks") {
    AxisTicks ticks = nice_axis(302);
    CHECK(ticks.step == 100);
    CHECK(ticks.top == 400);
    CHECK(ticks.values.size() == 5);
    ticks = nice_axis(37);
    CHECK(ticks.step == 10);
    CHECK(ticks.top == 40);
    ticks = nice_axis(7);
    CHECK(ticks.step == 2);
    CHECK(ticks.top == 8);
    ticks = nice_axis(3);
    CHECK(ticks.step == 1);
    CHECK(ticks.top == 3);
    ticks = nice_axis(0);
    CHECK(ticks.top == 1);
    CHECK(ticks.values.front() == 0);
    ticks = nice_axis(24);
    CHECK(ticks.step == 5);
    CHECK(ticks.top == 25);
}

TEST_CASE("dashboard: the check-in chart has every quarter up to now, empty ones as zero") {
    const BarChart chart = check_ins_chart(parse_overview(kOverview));
    REQUIRE(chart.categories.size() == 7);  // 08:00 .. 09:30
    CHECK(chart.categories.front() == "08:00");
    CHECK(chart.categories.back() == "09:30");
    CHECK(chart.values[0][0] == 302);
    CHECK(chart.values[0][2] == 0);  // 08:30
    CHECK(chart.values[0][3] == 68);
    CHECK(chart.y.top == 400);
}

TEST_CASE("dashboard: interviews per booth are stacked and outcomes keep their order") {
    const Overview overview = parse_overview(kOverview);
    const BarChart booths = interviews_per_booth_chart(overview);
    REQUIRE(booths.categories.size() == 6);
    CHECK(booths.layers.size() == 4);
    CHECK(booths.total(0) == 5 + 1 + 1 + 13);
    CHECK(booths.y.top >= 20);
    const BarChart outcomes = outcomes_chart(overview);
    REQUIRE(outcomes.categories.size() == 4);
    CHECK(outcomes.categories[0] == "offer");
    CHECK(outcomes.categories[3] == "not_suitable");
    CHECK(outcomes.outcomes.at(3) == InterviewOutcome::not_suitable);
    CHECK(outcomes.values[0][2] == 37);
    CHECK(outcomes.y.top == 40);
}

TEST_CASE("dashboard: exports are saved under a stamped name and CSVs carry the BOM once") {
    CHECK(export_catalogue().size() == 5);
    CHECK(export_spec(ExportKind::summary).name == "summary.html");
    CHECK_FALSE(export_spec(ExportKind::summary).csv);
    CHECK(export_file_name("interviews.csv", "09:30") == "interviews-0930.csv");
    CHECK(export_file_name("summary.html", "12:05") == "summary-1205.html");
    CHECK(export_file_name("interviews.csv", "") == "interviews.csv");
    // The fair's own date, never the machine's; a malformed one is left out.
    CHECK(export_file_name("interviews.csv", "09:30", "2025-03-14") ==
          "interviews-2025-03-14-0930.csv");
    CHECK(export_file_name("summary.html", "", "2025-03-14") == "summary-2025-03-14.html");
    CHECK(export_file_name("summary.html", "09:30", "14/03/2025") == "summary-0930.html");
    CHECK(csv_with_bom("a,b\r\n") ==
          "\xEF\xBB\xBF"
          "a,b\r\n");
    CHECK(csv_with_bom("\xEF\xBB\xBF"
                       "a,b\r\n") ==
          "\xEF\xBB\xBF"
          "a,b\r\n");
    CHECK(starts_with_bom("\xEF\xBB\xBFx"));
}

// --- Strings and numbers -------------------------------------------------------------------------

TEST_CASE("dashboard: every string exists in both languages, in enum order, NFC, same slots") {
    for (std::size_t index = 0; index < kDashTextCount; ++index) {
        CHECK(static_cast<std::size_t>(dash_table_entry_id(index)) == index);
        const auto text = static_cast<DashText>(index);
        const std::string vi = tr(text, Language::vi);
        const std::string en = tr(text, Language::en);
        CHECK_FALSE(vi.empty());
        CHECK_FALSE(en.empty());
        CHECK(jobfair::checkin::is_nfc(vi));
        CHECK(jobfair::checkin::is_nfc(en));
        CHECK_MESSAGE(jobfair::count_blanks(vi) == jobfair::count_blanks(en), "entry ", index, ": ",
                      en);
    }
    CHECK(std::string(tr(DashText::tab_students, Language::vi)) == "Tìm sinh viên");
    CHECK(tr_fill(DashText::phase_late, Language::en, {"12"}) == "Late 12 min");
}

TEST_CASE("dashboard: codes become words") {
    CHECK(status_words(InterviewStatus::no_show, Language::vi) == "Vắng mặt");
    CHECK(status_words(InterviewStatus::in_progress, Language::en) == "Interviewing");
    for (const auto& [status, code] : kInterviewStatusCodes)
        CHECK(status_words(status, Language::vi) != code);
    CHECK(outcome_words(InterviewOutcome::next_round, Language::vi) == "Vòng sau");
    CHECK(whereabouts_words(Whereabouts::busy, "B07", Language::vi) == "Đang ở gian B07");
    CHECK(trade_words("welding", Language::vi) == "Hàn");
    CHECK(level_words("college", Language::en) == "College");
    CHECK(role_words(Role::board, Language::vi) == "Bảng gọi số");
    CHECK(layer_words(Layer::no_show, Language::en) == "No-show");
}

TEST_CASE("dashboard: numbers are written the Vietnamese or the English way") {
    CHECK(format_count(1234567, Language::vi) == "1.234.567");
    CHECK(format_count(1234567, Language::en) == "1,234,567");
    CHECK(format_count(803, Language::vi) == "803");
    CHECK(format_decimal(30.66, 1, Language::vi) == "30,7");
    CHECK(format_decimal(30.66, 1, Language::en) == "30.7");
    CHECK(format_decimal(1234.5, 1, Language::vi) == "1.234,5");
    CHECK(format_percent(0.088, Language::vi) == "8,8 %");
    CHECK(format_percent(0.088, Language::en) == "8.8%");
    CHECK(format_bytes(812, Language::en) == "812 B");
    CHECK(format_bytes(2048, Language::vi) == "2,0 KB");
    CHECK(format_minutes(std::nullopt, Language::vi) == "—");
    CHECK(format_minutes(69.0, Language::vi) == "69,0 phút");
}

// --- The state machine ---------------------------------------------------------------------------

TEST_CASE("dashboard: login says hello, refuses an empty password and forgets the typed one") {
    Clock::time_point now = t0();
    DashboardState state = make_dashboard();
    auto effects = update(state, intent::Tick{}, now);
    CHECK(count_of<effect::SayHello>(effects) == 1);
    CHECK(update(state, intent::Tick{}, now).empty());  // one hello at a time
    update(state, intent::HelloAnswered{true, 1, "Ngày hội việc làm", std::nullopt, std::nullopt},
           now);
    CHECK(state.fair_name == "Ngày hội việc làm");
    CHECK_FALSE(state.fair_date);  // the header says "Chưa có ngày tổ chức", not today's date
    update(
        state,
        intent::HelloAnswered{true, 1, "Ngày hội việc làm", "2025-03-14", "Nhà văn hóa Quảng Yên"},
        now);
    CHECK(state.fair_date == "2025-03-14");
    CHECK(state.fair_venue == "Nhà văn hóa Quảng Yên");
    CHECK(state.connection == Connection::online);

    CHECK(update(state, intent::SubmitLogin{}, now).empty());
    REQUIRE(state.login_problem);
    CHECK(state.login_problem->text == DashText::login_empty);

    update(state, intent::PasswordTyped{"sai-mat-khau"}, now);
    effects = update(state, intent::SubmitLogin{}, now);
    const auto* login = first_of<effect::LogIn>(effects);
    REQUIRE(login);
    CHECK(login->password == "sai-mat-khau");
    CHECK(state.password.empty());
    CHECK(state.logging_in);
    CHECK(update(state, intent::SubmitLogin{}, now).empty());  // no second login in flight

    update(state,
           intent::LoginAnswered{
               refused(401, "Wrong password. 4 attempts left.", "Sai mật khẩu. Còn 4 lần thử.")},
           now);
    CHECK(state.screen == Screen::login);
    REQUIRE(state.login_problem);
    CHECK(notice_text(*state.login_problem, Language::vi) ==
          "Máy chủ từ chối: Sai mật khẩu. Còn 4 lần thử.");
    CHECK(notice_text(*state.login_problem, Language::en) ==
          "The server refused: Wrong password. 4 attempts left.");

    update(state, intent::PasswordTyped{"hoi-cho-2025-demo"}, now);
    update(state, intent::SubmitLogin{}, now);
    update(state, intent::LoginAnswered{ok_reply()}, now);
    CHECK(state.screen == Screen::dashboard);
    effects = update(state, intent::Tick{}, now);
    CHECK(count_of<effect::FetchOverview>(effects) == 1);
    CHECK(count_of<effect::FetchTimeline>(effects) == 1);
}

TEST_CASE("dashboard: a server of another protocol version is shown and no login is sent") {
    Clock::time_point now = t0();
    DashboardState state = make_dashboard();
    update(state, intent::Tick{}, now);
    update(state, intent::HelloAnswered{true, 2, "Ngày hội"}, now);
    CHECK(protocol_mismatch(state));
    CHECK(update(state, intent::LoginWithPassword{"x"}, now).empty());
    CHECK(state.password.empty());
}

TEST_CASE("dashboard: a burst of events costs at most one fetch per gap, never two in flight") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    int overview_fetches = 0;
    // 100 events over one second, a Tick every 10 ms; each fetch answers 50 ms later.
    std::optional<Clock::time_point> answer_at;
    for (int step = 0; step < 100; ++step) {
        update(state, intent::StreamEventArrived{step + 1, "interview.called"}, now);
        if (answer_at && now >= *answer_at) {
            update(state, intent::OverviewAnswered{ok_reply(), parse_overview(kOverview)}, now);
            answer_at.reset();
        }
        const auto effects = update(state, intent::Tick{}, now);
        const int fetched = count_of<effect::FetchOverview>(effects);
        if (fetched > 0) {
            CHECK_FALSE(answer_at);  // never two in flight
            answer_at = now + 50ms;
        }
        overview_fetches += fetched;
        now += 10ms;
    }
    CHECK(overview_fetches >= 2);
    CHECK(overview_fetches <= 3);  // one second, 350 ms apart
    CHECK(state.last_event_id == 100);
}

TEST_CASE("dashboard: the timeline is fetched on events only while it is shown") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    update(state, intent::StreamEventArrived{1, "schedule.saved"}, now);
    auto effects = update(state, intent::Tick{}, now);
    CHECK(count_of<effect::FetchOverview>(effects) == 1);
    CHECK(count_of<effect::FetchTimeline>(effects) == 0);  // the overview tab is shown
    update(state, intent::ShowTab{Tab::timeline}, now);
    effects = update(state, intent::Tick{}, now);
    CHECK(count_of<effect::FetchTimeline>(effects) == 1);
}

TEST_CASE("dashboard: without events the overview is refreshed every ten seconds") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    CHECK(update(state, intent::Tick{}, now).empty());
    now += 8s;  // 9 s after the last fetch
    CHECK(update(state, intent::Tick{}, now).empty());
    now += 1s;
    CHECK(count_of<effect::FetchOverview>(update(state, intent::Tick{}, now)) == 1);
}

TEST_CASE("dashboard: an unreachable server is shown offline, probed, and resynced on return") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    update(state, intent::ShowTab{Tab::timeline}, now);
    update(state, intent::OpenBooth{"B02"}, now);
    update(state, intent::Tick{}, now);  // the timeline and the queue
    update(state, intent::TimelineAnswered{ok_reply(), parse_timeline(kTimeline)}, now);
    update(state,
           intent::QueueAnswered{"B02", ok_reply(), jobfair::booth::parse_booth_queue(kQueue)},
           now);
    update(state, intent::StreamLost{}, now);
    auto effects = update(state, intent::Tick{}, now);
    REQUIRE(count_of<effect::FetchOverview>(effects) == 1);
    update(state, intent::OverviewAnswered{unreachable(), std::nullopt}, now);
    CHECK(state.connection == Connection::offline);
    CHECK(state.overview);  // the last figures stay on screen

    // While offline only the overview probes, every 3 s; events cannot arrive, actions can fail.
    now += 1s;
    CHECK(update(state, intent::Tick{}, now).empty());
    now += 2s;
    effects = update(state, intent::Tick{}, now);
    CHECK(count_of<effect::FetchOverview>(effects) == 1);
    CHECK(effects.size() == 1);
    CHECK(seconds_since_update(state, now) == 4);
    update(state, intent::OverviewAnswered{unreachable(), std::nullopt}, now);

    now += 3s;
    effects = update(state, intent::Tick{}, now);
    REQUIRE(count_of<effect::FetchOverview>(effects) == 1);
    update(state, intent::OverviewAnswered{ok_reply(), parse_overview(kOverview)}, now);
    CHECK(state.connection == Connection::online);
    // Back: the timeline and the open booth's queue are fetched again at once.
    effects = update(state, intent::Tick{}, now);
    CHECK(count_of<effect::FetchTimeline>(effects) == 1);
    CHECK(count_of<effect::FetchBoothQueue>(effects) == 1);
    CHECK(count_of<effect::FetchOverview>(effects) == 0);
}

TEST_CASE("dashboard: a refused token ends the session and drops everything shown") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    update(state, intent::SearchTyped{"nguyen"}, now);
    update(state, intent::OverviewAnswered{refused(401, "unauthenticated"), std::nullopt}, now);
    // (the answer to a fetch in flight)
    const auto effects =
        update(state, intent::TimelineAnswered{refused(401, "unauthenticated"), std::nullopt}, now);
    CHECK(state.screen == Screen::login);
    CHECK_FALSE(state.overview);
    CHECK_FALSE(state.timeline);
    CHECK(state.search_typed.empty());
    CHECK(state.fair_name == "Ngày hội");
    REQUIRE(state.login_problem);
    CHECK(state.login_problem->text == DashText::session_expired);
    CHECK(effects.empty());  // already forgotten by the first refusal
}

TEST_CASE("dashboard: a booth's detail fetches its queue and its actions post the right calls") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    update(state, intent::OpenBooth{"B02"}, now);
    auto effects = update(state, intent::Tick{}, now);
    const auto* fetch = first_of<effect::FetchBoothQueue>(effects);
    REQUIRE(fetch);
    CHECK(fetch->booth == "B02");
    // An answer for a booth no longer open is ignored.
    update(state,
           intent::QueueAnswered{"B01", ok_reply(), jobfair::booth::parse_booth_queue(kQueue)},
           now);
    CHECK_FALSE(state.booth_queue);
    update(state,
           intent::QueueAnswered{"B02", ok_reply(), jobfair::booth::parse_booth_queue(kQueue)},
           now);
    CHECK(state.booth_queue);

    effects = update(state, intent::PauseBooth{"B02"}, now);
    const auto* pause = first_of<effect::PostAction>(effects);
    REQUIRE(pause);
    CHECK(pause->path == "/booths/B02/pause");
    CHECK(pause->body == "{}");
    CHECK(state.actions_in_flight == 1);
    update(state,
           intent::ActionAnswered{ActionKind::pause, "B02", "", ok_reply(), R"({"ok":true})"}, now);
    CHECK(state.actions_in_flight == 0);
    REQUIRE(state.notice);
    CHECK(notice_text(*state.notice, Language::vi) == "Đã tạm dừng gian B02.");
    effects = update(state, intent::Tick{}, now + 1s);
    CHECK(count_of<effect::FetchOverview>(effects) == 1);  // see the change
    CHECK(count_of<effect::FetchBoothQueue>(effects) == 1);

    state.overview->booths[1].close = "12:00";
    effects = update(state, intent::ExtendBooth{"B02", 30}, now);
    const auto* extend = first_of<effect::PostAction>(effects);
    REQUIRE(extend);
    CHECK(extend->path == "/booths/B02/hours");
    CHECK(extend->body == R"({"close":"12:30"})");  // 12:30 + 30 is past the day's end
    // B01 already closes at the end of the day: nothing to send.
    CHECK(update(state, intent::ExtendBooth{"B01", 30}, now).size() == 0);
    CHECK(state.notice->text == DashText::extend_at_day_end);

    effects = update(state, intent::AddSeat{"B02"}, now);
    REQUIRE(first_of<effect::PostAction>(effects));
    CHECK(first_of<effect::PostAction>(effects)->path == "/booths/B02/seats");
    update(state,
           intent::ActionAnswered{ActionKind::add_seat, "B02", "", ok_reply(), R"({"seat":1})"},
           now);
    CHECK(notice_text(*state.notice, Language::en) == "Booth B02 has a new seat 2.");

    update(state,
           intent::ActionAnswered{ActionKind::resume, "B02", "", refused(404, "unknown booth B02"),
                                  ""},
           now);
    CHECK(state.notice->tone == NoticeTone::danger);
    CHECK(notice_text(*state.notice, Language::vi) == "Máy chủ từ chối: unknown booth B02");

    update(state, intent::CloseBooth{}, now);
    CHECK_FALSE(state.open_booth);
    CHECK_FALSE(state.booth_queue);
}

TEST_CASE("dashboard: an earlier close is extended up to the end of the day") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    state.overview->booths[1].close = "11:00";
    CHECK(extended_close(state, "B02", 30) == TimeOfDay::hm(11, 30));
    state.overview->booths[1].close = "12:15";
    CHECK(extended_close(state, "B02", 30) == TimeOfDay::hm(12, 30));
    CHECK_FALSE(extended_close(state, "B99", 30));
}

TEST_CASE("dashboard: a move from the timeline offers valid places and posts the new one") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    update(state, intent::ShowTab{Tab::timeline}, now);
    update(state, intent::SelectInterview{13}, now);  // promised, B01 09:30
    REQUIRE(selected_interview(state));
    update(state, intent::BeginMove{}, now);
    REQUIRE(state.move_form);
    CHECK(state.move_form->booth == "B01");
    CHECK(state.move_form->start == TimeOfDay::hm(9, 30));
    update(state, intent::ChooseMoveSeat{5}, now);
    CHECK(state.move_form->seat == 0);  // B01 has one seat
    update(state, intent::ChooseMoveBooth{"B02"}, now);
    update(state, intent::ChooseMoveStart{TimeOfDay::hm(10, 0)}, now);
    update(state, intent::ChooseMoveSeat{1}, now);
    CHECK(state.move_form->seat == 1);
    // Seat 2 of B02 holds #14 at 10:00: the form moves on to the first free start.
    CHECK(state.move_form->start == TimeOfDay::hm(9, 30));
    update(state, intent::ChooseMoveStart{TimeOfDay::hm(10, 30)}, now);
    auto effects = update(state, intent::ConfirmMove{}, now);
    const auto* move = first_of<effect::PostAction>(effects);
    REQUIRE(move);
    CHECK(move->path == "/interviews/13/move");
    CHECK(move->body == R"({"booth":"B02","seat":1,"start":"10:30"})");

    // Refused: the form stays open and the server's reason is shown.
    update(state,
           intent::ActionAnswered{ActionKind::move, "13", "",
                                  refused(409, "cannot move there: rule 1: ..."), ""},
           now);
    CHECK(state.move_form);
    CHECK(notice_text(*state.notice, Language::en) ==
          "The server refused: cannot move there: rule 1: ...");
    update(state, intent::ActionAnswered{ActionKind::move, "13", "", ok_reply(), "{}"}, now);
    CHECK_FALSE(state.move_form);
    CHECK(state.selection->booth == "B02");

    // An interview under way cannot be moved, one that is over cannot be cancelled either.
    update(state, intent::SelectInterview{11}, now);
    update(state, intent::BeginMove{}, now);
    CHECK_FALSE(state.move_form);
    update(state, intent::SelectInterview{10}, now);
    update(state, intent::BeginCancel{}, now);
    CHECK_FALSE(state.cancel_form);
}

TEST_CASE("dashboard: a cancel from the timeline sends the reason typed") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    update(state, intent::SelectInterview{14}, now);
    update(state, intent::BeginCancel{}, now);
    REQUIRE(state.cancel_form);
    update(state, intent::CancelReasonTyped{"  Doanh nghiệp đổi lịch  "}, now);
    auto effects = update(state, intent::ConfirmCancel{}, now);
    const auto* cancel = first_of<effect::PostAction>(effects);
    REQUIRE(cancel);
    CHECK(cancel->path == "/interviews/14/cancel");
    CHECK(cancel->body == R"({"reason":"Doanh nghiệp đổi lịch"})");
    update(state, intent::ActionAnswered{ActionKind::cancel, "14", "", ok_reply(), "{}"}, now);
    CHECK_FALSE(state.cancel_form);
    CHECK(notice_text(*state.notice, Language::vi) == "Đã hủy buổi phỏng vấn của vé A-0004.");
}

TEST_CASE("dashboard: the selection follows a planned interview whose id changed at a re-plan") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    update(state, intent::SelectInterview{14}, now);  // planned: S0004 at B02 10:00
    update(state, intent::BeginCancel{}, now);
    std::string replanned = kTimeline;
    replanned.replace(replanned.find("\"interview\":14"), 14, "\"interview\":99");
    update(state, intent::TimelineAnswered{ok_reply(), parse_timeline(replanned)}, now);
    REQUIRE(state.selection);
    CHECK(state.selection->interview == 99);
    REQUIRE(state.cancel_form);
    CHECK(state.cancel_form->interview == 99);
    // Gone altogether: the selection and its form close.
    std::string gone = kTimeline;
    gone.replace(gone.find("\"student\":\"S0004\""), 17, "\"student\":\"S0999\"");
    update(state, intent::TimelineAnswered{ok_reply(), parse_timeline(gone)}, now);
    CHECK_FALSE(state.selection);
    CHECK_FALSE(state.cancel_form);
}

TEST_CASE("dashboard: the search waits for a typing pause and for two letters") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    update(state, intent::ShowTab{Tab::students}, now);
    update(state, intent::SearchTyped{"n"}, now);
    now += 400ms;
    CHECK(count_of<effect::SearchStudents>(update(state, intent::Tick{}, now)) == 0);
    update(state, intent::SearchTyped{"ng"}, now);
    now += 100ms;
    update(state, intent::SearchTyped{"nguyen "}, now);
    now += 200ms;
    CHECK(count_of<effect::SearchStudents>(update(state, intent::Tick{}, now)) == 0);
    now += 100ms;
    auto effects = update(state, intent::Tick{}, now);
    const auto* search = first_of<effect::SearchStudents>(effects);
    REQUIRE(search);
    CHECK(search->query == "nguyen");
    CHECK(state.search_in_flight);
    // Typed on while it was in flight: sent once the answer came.
    update(state, intent::SearchTyped{"nguyen thi"}, now);
    now += 400ms;
    CHECK(count_of<effect::SearchStudents>(update(state, intent::Tick{}, now)) == 0);
    update(state, intent::SearchAnswered{"nguyen", ok_reply(), parse_student_search(kSearch)}, now);
    CHECK(state.results_query == "nguyen");
    effects = update(state, intent::Tick{}, now);
    REQUIRE(first_of<effect::SearchStudents>(effects));
    CHECK(first_of<effect::SearchStudents>(effects)->query == "nguyen thi");
    update(state, intent::SearchAnswered{"nguyen thi", unreachable(), std::nullopt}, now);
    REQUIRE(state.search_problem);
    CHECK(state.results);  // the earlier results stay
}

TEST_CASE("dashboard: marking a student as left asks first, then searches again") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    update(state, intent::SearchNow{}, now);
    update(state, intent::SearchTyped{"A-0087"}, now);
    update(state, intent::SearchNow{}, now);
    update(state, intent::Tick{}, now);
    update(state, intent::SearchAnswered{"A-0087", ok_reply(), parse_student_search(kSearch)}, now);
    REQUIRE(find_match(state, "S0087"));
    update(state, intent::AskMarkLeft{"S0087"}, now);
    CHECK(dialog_open(state));
    update(state, intent::CloseDialog{}, now);
    CHECK_FALSE(dialog_open(state));
    update(state, intent::AskMarkLeft{"S0087"}, now);
    auto effects = update(state, intent::ConfirmMarkLeft{}, now);
    const auto* left = first_of<effect::PostAction>(effects);
    REQUIRE(left);
    CHECK(left->path == "/students/S0087/left");
    CHECK_FALSE(dialog_open(state));
    update(state,
           intent::ActionAnswered{ActionKind::mark_left, "S0087", "", ok_reply(),
                                  R"({"cancelled":[2361,2362]})"},
           now);
    CHECK(notice_text(*state.notice, Language::vi) ==
          "Nguyễn Thị Lan (A-0087) đã về: hủy 2 buổi phỏng vấn.");
    effects = update(state, intent::Tick{}, now);
    REQUIRE(first_of<effect::SearchStudents>(effects));
    CHECK(first_of<effect::SearchStudents>(effects)->query == "A-0087");
}

TEST_CASE("dashboard: a re-plan shows the preview's counts before it is applied") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    auto effects = update(state, intent::AskReplan{}, now);
    CHECK(count_of<effect::FetchReplanPreview>(effects) == 1);
    CHECK(state.replan_step == ReplanStep::previewing);
    CHECK(update(state, intent::ConfirmReplan{}, now).empty());  // nothing to confirm yet
    ReplanCounts counts{4, 52, 364, 9, 377};
    update(state, intent::ReplanPreviewAnswered{ok_reply(), counts}, now);
    CHECK(state.replan_step == ReplanStep::confirming);
    CHECK(state.replan_preview->moved == 9);
    CHECK(state.replan_preview->changed() == 9 + 4 + 52);
    CHECK(tr_fill(DashText::replan_changes, Language::vi, {"65"}) ==
          "65 buổi phỏng vấn sẽ thay đổi");
    effects = update(state, intent::ConfirmReplan{}, now);
    const auto* replan = first_of<effect::PostAction>(effects);
    REQUIRE(replan);
    CHECK(replan->path == "/replan");
    CHECK(state.replan_step == ReplanStep::applying);
    update(state,
           intent::ActionAnswered{
               ActionKind::replan, "", "", ok_reply(),
               R"({"added":4,"dropped":52,"kept":364,"moved":9,"planned_after":377})"},
           now);
    CHECK(state.replan_step == ReplanStep::none);
    CHECK(notice_text(*state.notice, Language::en) == "Re-planned: 9 moved, 4 added, 52 dropped.");

    // A preview that fails closes the dialog and says why.
    update(state, intent::AskReplan{}, now);
    update(state, intent::ReplanPreviewAnswered{unreachable(), std::nullopt}, now);
    CHECK(state.replan_step == ReplanStep::none);
    CHECK(state.notice->text == DashText::notice_unreachable);
}

TEST_CASE("dashboard: exports are saved into the export folder and say where they went") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    state.config.export_dir = "/tmp/xuat";
    auto effects = update(state, intent::SaveExport{ExportKind::interviews}, now);
    const auto* save = first_of<effect::SaveExport>(effects);
    REQUIRE(save);
    CHECK(save->server_name == "interviews.csv");
    CHECK(save->file == "/tmp/xuat/interviews-2025-03-14-0930.csv");
    CHECK(save->add_bom);
    CHECK(update(state, intent::SaveExport{ExportKind::interviews}, now).empty());  // in flight
    effects = update(state, intent::SaveAllExports{}, now);
    CHECK(count_of<effect::SaveExport>(effects) == 4);
    const auto summary = std::find_if(effects.begin(), effects.end(), [](const Effect& effect) {
        const auto* e = std::get_if<effect::SaveExport>(&effect);
        return e && e->kind == ExportKind::summary;
    });
    REQUIRE(summary != effects.end());
    CHECK_FALSE(std::get<effect::SaveExport>(*summary).add_bom);

    update(state,
           intent::ExportAnswered{ExportKind::interviews, ok_reply(),
                                  "/tmp/xuat/interviews-0930.csv", 48213},
           now);
    CHECK(state.exports[0].state == ExportState::saved);
    CHECK(state.exports[0].bytes == 48213);
    CHECK(notice_text(*state.notice, Language::vi) ==
          "Đã lưu Danh sách buổi phỏng vấn (CSV) vào /tmp/xuat/interviews-0930.csv");
    update(state,
           intent::ExportAnswered{ExportKind::summary,
                                  refused(404, "no export called summary.html"), "", 0},
           now);
    CHECK(state.exports[4].state == ExportState::failed);
    CHECK(state.exports[4].problem.en == "no export called summary.html");
}

TEST_CASE("dashboard: the stream's reconnection resyncs everything shown") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    update(state, intent::ShowTab{Tab::timeline}, now);
    update(state, intent::Tick{}, now);
    update(state, intent::TimelineAnswered{ok_reply(), parse_timeline(kTimeline)}, now);
    now += 1s;
    update(state, intent::StreamOpened{}, now);
    CHECK(state.stream_open);
    const auto effects = update(state, intent::Tick{}, now);
    CHECK(count_of<effect::FetchOverview>(effects) == 1);
    CHECK(count_of<effect::FetchTimeline>(effects) == 1);
}

TEST_CASE("dashboard: the header's date is the fair's, in the screen's language, or none") {
    CHECK(jobfair::fair_date_text("2025-03-14", Language::vi) == "Thứ Sáu, 14/03/2025");
    CHECK(jobfair::fair_date_text("2025-03-14", Language::en) == "Friday 14 March 2025");
    CHECK(jobfair::fair_date_text(std::nullopt, Language::vi) == "Chưa có ngày tổ chức");
    CHECK(jobfair::fair_date_text(std::nullopt, Language::en) == "No date set");
    CHECK(jobfair::fair_date_text("2025-02-30", Language::en) == "No date set");
}

TEST_CASE("dashboard: students the server does not name are one alert, counted") {
    Overview overview = parse_overview(kOverview);
    CHECK_FALSE(overview.long_waits_total);  // this server did not say
    const std::size_t before = alerts_of(overview, AlertRules{}).size();
    const Overview told = parse_overview(
        R"({"fair_name": "x", "now": "10:00", "booths": [], "long_waits": [], "long_waits_total": 14})");
    REQUIRE(told.long_waits_total);
    CHECK(*told.long_waits_total == 14);
    overview.long_waits_total = 14;  // 3 named, 11 more
    const std::vector<Alert> alerts = alerts_of(overview, AlertRules{});
    REQUIRE(alerts.size() == before + 1);
    const auto more = std::find_if(alerts.begin(), alerts.end(), [](const Alert& alert) {
        return alert.kind == AlertKind::students_not_listed;
    });
    REQUIRE(more != alerts.end());
    CHECK(more->count == 11);
    CHECK(more->affected == 11);
    CHECK(more == alerts.begin() + 1);  // after the kiosk (16), before board B (9)
    CHECK(alert_text(*more, Language::en) ==
          "11 more students have waited over 30 min without an interview (only the 3 longest are "
          "named; find them under Find a student)");
    overview.long_waits_total = 3;  // all named: no such alert
    CHECK(alerts_of(overview, AlertRules{}).size() == before);
}

TEST_CASE("dashboard: guessing and floods on the server are alerts, guessing red first") {
    Overview overview = parse_overview(kOverview);
    const auto parsed = parse_overview(R"({"fair_name": "x", "now": "08:00", "booths": [],
        "security": [{"kind": "wrong_pin", "count": 12, "addresses": 7},
                     {"kind": "body_too_large", "count": 3, "addresses": 1},
                     {"kind": "device_revoked", "count": 1, "addresses": 1}]})");
    REQUIRE(parsed.security.size() == 3);
    overview.security = parsed.security;
    const auto alerts = alerts_of(overview, AlertRules{});
    std::vector<Alert> security;
    std::copy_if(alerts.begin(), alerts.end(), std::back_inserter(security),
                 [](const Alert& alert) { return alert.kind == AlertKind::security; });
    REQUIRE(security.size() == 2);  // the organizer's own revocation is not an alert
    // Nobody is affected yet: after every alert that affects someone, red before amber.
    const auto first_security = std::find_if(alerts.begin(), alerts.end(), [](const Alert& alert) {
        return alert.kind == AlertKind::security;
    });
    CHECK(std::all_of(alerts.begin(), first_security,
                      [](const Alert& alert) { return alert.affected > 0; }));
    CHECK(first_security->severity == Severity::danger);
    CHECK(security[0].severity == Severity::danger);
    CHECK(security[1].severity == Severity::warning);
    CHECK(alert_text(security[0], jobfair::Language::vi) ==
          "An ninh: có người nhập sai mã PIN gian hàng — 12 lần từ 7 địa chỉ trong 10 phút qua");
    CHECK(alert_text(security[1], jobfair::Language::en) ==
          "Security: oversized or malformed requests — 3 times from 1 addresses in the last 10 "
          "min");
}

TEST_CASE("dashboard: the next change is when a refresh falls due, and offline each second") {
    Clock::time_point now;
    DashboardState state = logged_in(now);
    // Loaded at t0: nothing changes before the refresh 10 s later, which a Tick then sends.
    const std::optional<Clock::time_point> refresh = next_change(state, now);
    REQUIRE(refresh.has_value());
    CHECK(*refresh == t0() + state.config.refresh_every);
    CHECK(count_of<effect::FetchOverview>(update(state, intent::Tick{}, *refresh - 1ms)) == 0);
    CHECK(count_of<effect::FetchOverview>(update(state, intent::Tick{}, *refresh)) == 1);
    // The refresh finds the server gone: the banner's "N s ago" turns every second.
    now = *refresh + 200ms;
    update(state, intent::OverviewAnswered{unreachable(), std::nullopt}, now);
    REQUIRE(state.connection == Connection::offline);
    update(state, intent::Tick{}, now);  // the same frame's Tick sends the first probe
    const int shown = seconds_since_update(state, now);
    const std::optional<Clock::time_point> next = next_change(state, now);
    REQUIRE(next.has_value());
    CHECK(*next > now);
    CHECK(*next <= now + 1s);
    CHECK(seconds_since_update(state, *next) == shown + 1);
    CHECK(seconds_since_update(state, *next - 1ms) == shown);
}
