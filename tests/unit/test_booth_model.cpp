// The booth station's model: PIN login, the queue, actions, ticket checks, live updates.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "common/protocol.hpp"
#include "common/string_table.hpp"
#include "common/text.hpp"
#include "kiosk/booth/model/booth.hpp"

using namespace jobfair::booth;
using jobfair::CallNobody;
using jobfair::InterviewOutcome;
using jobfair::InterviewStatus;
using jobfair::kInterviewOutcomeCodes;
using jobfair::StandbyBlock;
using jobfair::Whereabouts;

namespace {

// A queue answer as the server writes it (docs/api.md, GET /booths/{booth}/queue).
constexpr const char* kQueueJson = R"({
  "booth":"B07","enterprise":"Công ty TNHH Hàn Việt","seats":1,"paused":false,
  "open":"08:00","close":"12:30","now":"09:00",
  "queue":[
    {"id":41,"booth":"B07","seat":0,"start":"08:45","end":"09:00","status":"called",
     "student":"S0087","fixed":false,"whereabouts":"checked_in","status_seconds":95,
     "person":{"student":"S0087","ticket_label":"A-0087","given_name":"Vân",
               "full_name":"Đặng Minh Vân","occupation":"welding","level":"college","rank":1}},
    {"id":42,"booth":"B07","seat":0,"start":"09:00","end":"09:15","status":"promised",
     "student":"S0100","fixed":false,"whereabouts":"busy","busy_at":"B02",
     "person":{"student":"S0100","ticket_label":"A-0100","given_name":"Hùng",
               "full_name":"Lê Văn Hùng","occupation":"welding","level":"intermediate","rank":2}}],
  "standby":[{"student":"S0200","ticket_label":"A-0200","given_name":"Mai","full_name":"Ngô Thị Mai",
              "occupation":"welding","level":"college","rank":1,"arrived":"08:10","busy_at":null}]
})";

struct Station {
    BoothState state = make_booth("B07", true);
    Clock::time_point now{};
    std::vector<Effect> send(const Intent& intent) { return update(state, intent, now); }

    void log_in() {
        std::vector<Effect> effects;
        for (char digit : std::string("123456"))
            effects = send(intent::PinDigit{digit});
        REQUIRE(effects.size() == 1);
        REQUIRE(std::holds_alternative<effect::LogIn>(effects[0]));
        const auto fetch = send(intent::LoginAnswered{Outcome{true, std::nullopt}});
        REQUIRE(fetch.size() == 1);
        CHECK(std::holds_alternative<effect::FetchQueue>(fetch[0]));
        send(intent::QueueAnswered{Outcome{true, std::nullopt}, parse_booth_queue(kQueueJson)});
    }
};

}  // namespace

TEST_CASE("booth station: the queue answer is read field by field") {
    const BoothQueue queue = parse_booth_queue(kQueueJson);
    CHECK(queue.booth == "B07");
    REQUIRE(queue.queue.size() == 2);
    CHECK(queue.queue[0].person.given_name == "Vân");
    CHECK(queue.queue[1].status == InterviewStatus::promised);
    CHECK(queue.queue[1].whereabouts == Whereabouts::busy);
    CHECK(queue.queue[1].busy_at == "B02");
    REQUIRE(queue.standby.size() == 1);
    CHECK(queue.standby[0].person.ticket_label == "A-0200");
    CHECK(queue.standby[0].busy_at.empty());
    CHECK(queue.standby[0].blocked == StandbyBlock::none);
    CHECK_THROWS_AS(parse_booth_queue("{\"booth\": 7}"), std::invalid_argument);
    CHECK_THROWS_AS(parse_booth_queue("not json"), std::invalid_argument);
}

TEST_CASE("booth station: six digits log in, and a refused PIN is typed again from the start") {
    Station station;
    for (char digit : std::string("12345"))
        CHECK(station.send(intent::PinDigit{digit}).empty());
    CHECK(station.state.pin == "12345");
    station.send(intent::PinBackspace{});
    CHECK(station.state.pin == "1234");
    station.send(intent::PinDigit{'x'});
    CHECK(station.state.pin == "1234");
    station.send(intent::PinDigit{'5'});
    const auto effects = station.send(intent::PinDigit{'6'});
    REQUIRE(effects.size() == 1);
    CHECK(std::get<effect::LogIn>(effects[0]).pin == "123456");
    station.send(intent::LoginAnswered{Outcome{true, ServerRefusal{"Wrong PIN", "Sai mã PIN"}}});
    CHECK(station.state.screen == Screen::login);
    CHECK(station.state.pin.empty());
    REQUIRE(station.state.login_problem);
    CHECK(station.state.login_problem->text(Language::vi) == "Sai mã PIN");
}

TEST_CASE("booth station: call next, start and finish post to the interview's own endpoints") {
    Station station;
    station.log_in();
    REQUIRE(current_interview(station.state, 0));
    CHECK(current_interview(station.state, 0)->id == 41);
    CHECK(station.send(intent::CallNext{0}).empty());  // the seat is busy with a called student
    const auto start = station.send(intent::Start{41});
    REQUIRE(start.size() == 1);
    CHECK(std::get<effect::PostAction>(start[0]).path == "/interviews/41/start");
    station.send(
        intent::ActionAnswered{Action::start, Outcome{true, std::nullopt}, "", "", {}, {}});
    // The refetched queue shows the interview under way.
    std::string started = kQueueJson;
    started.replace(started.find("\"called\""), 8, "\"in_progress\"");
    station.send(intent::QueueAnswered{Outcome{true, std::nullopt}, parse_booth_queue(started)});

    // Finishing needs an outcome first.
    CHECK(station.send(intent::Finish{41}).empty());
    REQUIRE(station.state.notice);
    station.send(intent::ChooseOutcome{0, InterviewOutcome::internship});
    station.send(intent::NoteTyped{"Hàn tốt"});
    const auto finish = station.send(intent::Finish{41});
    REQUIRE(finish.size() == 1);
    const auto& post = std::get<effect::PostAction>(finish[0]);
    CHECK(post.path == "/interviews/41/finish");
    CHECK(post.body.find("internship") != std::string::npos);
    CHECK(post.body.find("Hàn tốt") != std::string::npos);
}

TEST_CASE("booth station: a scanned ticket is checked against the called student") {
    Station station;
    station.log_in();
    for (char c : std::string("JF1ABCDEF"))
        station.send(intent::Key{static_cast<char32_t>(c)});
    const auto effects = station.send(intent::Enter{});
    REQUIRE(effects.size() == 1);
    const auto& verify = std::get<effect::VerifyTicket>(effects[0]);
    CHECK(verify.interview == 41);
    CHECK(verify.ticket == "JF1ABCDEF");
    station.send(intent::VerifyAnswered{41, Outcome{true, std::nullopt}, false, "A-0100",
                                        "Vé này là của sinh viên khác"});
    REQUIRE(station.state.ticket_check);
    CHECK_FALSE(station.state.ticket_check->match);
    CHECK(station.state.notice->kind == Notice::Kind::danger);
}

TEST_CASE("booth station: events about this booth refetch the queue, others do not") {
    Station station;
    station.log_in();
    const auto mine = station.send(intent::StreamEventArrived{"interview.called", "B07", 41});
    REQUIRE(mine.size() == 1);
    CHECK(std::holds_alternative<effect::FetchQueue>(mine[0]));
    station.send(intent::QueueAnswered{Outcome{true, std::nullopt}, parse_booth_queue(kQueueJson)});
    CHECK(station.send(intent::StreamEventArrived{"interview.called", "B01", 7}).empty());

    // Offline: retried on a tick after the wait, not before.
    station.send(intent::StreamLost{});
    CHECK_FALSE(station.state.online);
    station.send(intent::QueueAnswered{Outcome{false, std::nullopt}, std::nullopt});
    CHECK(station.send(intent::Tick{}).empty());
    station.now += std::chrono::minutes(1);
    const auto retry = station.send(intent::Tick{});
    REQUIRE(retry.size() == 1);
    CHECK(std::holds_alternative<effect::FetchQueue>(retry[0]));
}

// --- Issue 6: the booth station program's model --------------------------------------------------

namespace {

// Two seats: seat 0 interviewing S0087 (id 41), seat 1 free; a free and a busy standby student.
constexpr const char* kTwoSeatsJson = R"({
  "booth":"B07","enterprise":"Công ty TNHH Hàn Việt","seats":2,"paused":false,"now":"09:30",
  "queue":[
    {"id":41,"seat":0,"start":"09:15","end":"09:30","status":"in_progress","whereabouts":"checked_in",
     "person":{"student":"S0087","ticket_label":"A-0087","given_name":"Vân",
               "full_name":"Đặng Minh Vân","occupation":"welding","level":"college","rank":1}},
    {"id":43,"seat":1,"start":"09:45","end":"10:00","status":"planned","whereabouts":"not_arrived",
     "person":{"student":"S0300","ticket_label":"A-0300","given_name":"Nam",
               "full_name":"Trần Văn Nam","occupation":"welding","level":"college","rank":3}}],
  "standby":[
    {"student":"S0200","ticket_label":"A-0200","given_name":"Mai","full_name":"Ngô Thị Mai",
     "occupation":"welding","level":"college","rank":1,"arrived":"08:10","busy_at":null},
    {"student":"S0201","ticket_label":"A-0201","given_name":"Long","full_name":"Lê Xuân Long",
     "occupation":"welding","level":"college","rank":2,"arrived":"08:20","busy_at":"B02"},
    {"student":"S0202","ticket_label":"A-0202","given_name":"Hoa","full_name":"Vũ Thị Hoa",
     "occupation":"welding","level":"college","rank":2,"arrived":"08:30","busy_at":null,
     "blocked":"interview_limit"}]
})";

const Outcome kOk{true, std::nullopt};
const Outcome kUnreachable{false, std::nullopt};

Outcome refused(std::string message, std::string message_vi = {}, std::string code = {}) {
    return Outcome{true, ServerRefusal{std::move(message), std::move(message_vi), std::move(code)}};
}

// The station logged in and showing `queue_json`.
Station logged_in(const char* queue_json = kQueueJson) {
    Station station;
    station.log_in();
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(queue_json)});
    return station;
}

effect::PostAction only_post(const std::vector<Effect>& effects) {
    REQUIRE(effects.size() == 1);
    REQUIRE(std::holds_alternative<effect::PostAction>(effects[0]));
    return std::get<effect::PostAction>(effects[0]);
}

bool fetches(const std::vector<Effect>& effects) {
    return std::any_of(effects.begin(), effects.end(), [](const Effect& effect) {
        return std::holds_alternative<effect::FetchQueue>(effect);
    });
}

}  // namespace

TEST_CASE("booth station: the hello checks the protocol version before any login") {
    Station station;
    auto effects = station.send(intent::Tick{});
    REQUIRE(effects.size() == 1);
    CHECK(std::holds_alternative<effect::SayHello>(effects[0]));
    CHECK(station.send(intent::Tick{}).empty());  // one hello at a time

    // Unreachable: asked again after the retry wait, not before.
    station.send(intent::HelloAnswered{false, 0, ""});
    CHECK(station.state.server_reachable == false);
    CHECK(station.send(intent::Tick{}).empty());
    station.now += kRetryEvery;
    effects = station.send(intent::Tick{});
    REQUIRE(effects.size() == 1);

    // Another protocol: shown, and the PIN pad does not log in.
    station.send(intent::HelloAnswered{true, jobfair::protocol::kVersion + 1, "Ngày hội"});
    REQUIRE(station.state.protocol_mismatch);
    CHECK(*station.state.protocol_mismatch == jobfair::protocol::kVersion + 1);
    for (char digit : std::string("123456"))
        CHECK(station.send(intent::PinDigit{digit}).empty());
    station.send(
        intent::HelloAnswered{true, jobfair::protocol::kVersion, "Ngày hội", "2025-03-14"});
    CHECK_FALSE(station.state.protocol_mismatch);
    CHECK(station.state.fair_name == "Ngày hội");
    CHECK(station.state.fair_date == "2025-03-14");
    CHECK(station.send(intent::Tick{}).empty());  // reachable: no more hellos
}

TEST_CASE("booth station: keyboard digits, clear, and an unreachable server at login") {
    Station station;
    station.send(intent::Key{U'4'});
    station.send(intent::Key{U'x'});  // not a digit: ignored on the PIN pad
    station.send(intent::Key{U'2'});
    CHECK(station.state.pin == "42");
    station.send(intent::PinClear{});
    CHECK(station.state.pin.empty());
    for (char digit : std::string("12345"))
        station.send(intent::PinDigit{digit});
    const auto effects = station.send(intent::PinDigit{'6'});
    REQUIRE(effects.size() == 1);
    CHECK(station.send(intent::PinDigit{'7'}).empty());  // logging in: the pad waits
    station.send(intent::LoginAnswered{kUnreachable});
    CHECK(station.state.screen == Screen::login);
    REQUIRE(station.state.login_problem);
    CHECK(station.state.login_problem->text(Language::vi) ==
          tr(BoothText::login_server_unreachable, Language::vi));
    CHECK(station.state.login_problem->text(Language::en) ==
          tr(BoothText::login_server_unreachable, Language::en));
    CHECK(station.state.server_reachable == false);
}

TEST_CASE("booth station: a station started mid-call shows the server's timer, not zero") {
    Station station = logged_in();
    CHECK(parse_booth_queue(kQueueJson).queue[0].status_seconds == 95);
    CHECK_FALSE(parse_booth_queue(kQueueJson).queue[1].status_seconds);
    REQUIRE(running_for(station.state, *current_interview(station.state, 0), station.now));
    CHECK(*running_for(station.state, *current_interview(station.state, 0), station.now) ==
          std::chrono::seconds(95));
}

TEST_CASE("booth station: recall, skip and no-show act on the called interview only") {
    Station station = logged_in();
    CHECK(only_post(station.send(intent::Recall{41})).path == "/interviews/41/recall");
    CHECK(station.send(intent::Skip{41}).empty());  // one action at a time
    station.now += std::chrono::minutes(2);
    auto after = station.send(intent::ActionAnswered{Action::recall, kOk, "", "", {}, {}});
    CHECK(fetches(after));
    // The call's timer starts again with the recall (the no-show wait does too, on the server).
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(kQueueJson)});
    REQUIRE(running_for(station.state, *current_interview(station.state, 0), station.now));
    CHECK(*running_for(station.state, *current_interview(station.state, 0), station.now) ==
          std::chrono::seconds(0));
    station.now += std::chrono::seconds(95);
    CHECK(*running_for(station.state, *current_interview(station.state, 0), station.now) ==
          std::chrono::seconds(95));

    const auto& skip = only_post(station.send(intent::Skip{41}));
    CHECK(skip.path == "/interviews/41/skip");
    CHECK(skip.body == "{}");
    station.send(intent::ActionAnswered{Action::skip, kOk, "", "", {}, {}});
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(kQueueJson)});
    CHECK(only_post(station.send(intent::NoShow{41})).path == "/interviews/41/no-show");
    // The server refuses (the wait is not over): its Vietnamese words, and the queue read again.
    const auto refusal = station.send(intent::ActionAnswered{
        Action::no_show, refused("wait 2 more min", "chờ thêm 2 phút"), "", "", {}, {}});
    CHECK(fetches(refusal));
    REQUIRE(station.state.notice);
    CHECK(station.state.notice->text(Language::vi) == "chờ thêm 2 phút");
    CHECK(station.state.notice->text(Language::en) == "wait 2 more min");
    CHECK_FALSE(station.state.action_in_flight);

    // Not for interviews that are not called, nor unknown ones.
    CHECK(station.send(intent::Recall{42}).empty());
    CHECK(station.send(intent::NoShow{42}).empty());
    CHECK(station.send(intent::Skip{999}).empty());
    CHECK(station.send(intent::Start{42}).empty());
}

TEST_CASE("booth station: call next says who was called, or why nobody, in both languages") {
    Station station = logged_in(kTwoSeatsJson);
    CHECK(station.send(intent::CallNext{0}).empty());  // seat 0 is interviewing
    CHECK(station.send(intent::CallNext{2}).empty());  // no seat 3
    const auto& call = only_post(station.send(intent::CallNext{1}));
    CHECK(call.path == "/booths/B07/seats/1/call-next");
    CHECK(call.body == "{}");
    CHECK(fetches(
        station.send(intent::ActionAnswered{Action::call_next, kOk, "A-0300", "", {}, {}})));
    REQUIRE(station.state.notice);
    CHECK(station.state.notice->kind == Notice::Kind::ok);
    CHECK(station.state.notice->text(Language::vi) == "Đã gọi A-0300 vào bàn 2");
    CHECK(station.state.notice->text(Language::en) == "Called A-0300 to seat 2");

    // The server's reason and the student in the way; its English words when it gave no reason.
    struct Reason {
        CallNobody code;
        const char* student;
        BoothText text;
        std::initializer_list<std::string_view> values;
    };
    const Reason reasons[] = {
        // Students are named by ticket label (A-0087), never by their internal id (S0087).
        {CallNobody::seat_busy, "S0087", BoothText::why_seat_busy, {"2", "A-0087"}},
        {CallNobody::nobody_waiting, "", BoothText::why_nobody_waiting, {}},
        {CallNobody::outside_hours, "", BoothText::why_outside_hours, {}},
        {CallNobody::seat_held, "S0200", BoothText::why_seat_held, {"A-0200"}},
        {CallNobody::booth_full, "", BoothText::why_booth_full, {}},
        {CallNobody::not_yet, "S0200", BoothText::why_not_yet, {"A-0200", "8"}},
        {CallNobody::none, "", BoothText::why_other, {"something new"}},
    };
    for (const Reason& reason : reasons) {
        station.send(intent::QueueAnswered{kOk, parse_booth_queue(kTwoSeatsJson)});
        only_post(station.send(intent::CallNext{1}));
        station.send(intent::ActionAnswered{Action::call_next, kOk, "", "something new",
                                            reason.code, reason.student});
        REQUIRE(station.state.notice);
        CHECK(station.state.notice->kind == Notice::Kind::info);
        CHECK(station.state.notice->text(Language::vi) ==
              tr_fill(reason.text, Language::vi, reason.values));
        CHECK(station.state.notice->text(Language::en) ==
              tr_fill(reason.text, Language::en, reason.values));
    }
    // A student the queue does not show is "a student", not "W0003".
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(kTwoSeatsJson)});
    only_post(station.send(intent::CallNext{1}));
    station.send(intent::ActionAnswered{Action::call_next, kOk, "", "", CallNobody::not_in_standby,
                                        "W0003"});
    REQUIRE(station.state.notice);
    CHECK(station.state.notice->text(Language::vi) ==
          "Chưa mời được một sinh viên từ hàng chờ dự bị của gian B07 lúc này.");
    CHECK(station.state.notice->text(Language::en).find("W0003") == std::string::npos);
}

TEST_CASE("booth station: standby rows say how long each student has waited, by the fair clock") {
    CHECK(minutes_waited("08:10", "09:30") == 80);
    CHECK(minutes_waited("05:50", "09:30") == 220);
    CHECK(minutes_waited("09:30", "09:30") == 0);
    CHECK_FALSE(minutes_waited("09:31", "09:30"));  // a clock that went back: no figure
    CHECK_FALSE(minutes_waited("8:10", "09:30"));
    CHECK_FALSE(minutes_waited("08:10", ""));
    CHECK_FALSE(minutes_waited("24:00", "24:10"));
    CHECK(waited_words(220, Language::vi) == "đã chờ 3 giờ 40 phút");
    CHECK(waited_words(220, Language::en) == "waited 3 h 40 min");
    CHECK(waited_words(25, Language::vi) == "đã chờ 25 phút");
    CHECK(waited_words(60, Language::en) == "waited 1 h 0 min");
    const BoothQueue queue = parse_booth_queue(kTwoSeatsJson);
    CHECK(minutes_waited(queue.standby[0].arrived, queue.now) == 80);
}

TEST_CASE("booth station: a greyed Call-to-seat button says why") {
    Station station = logged_in(kTwoSeatsJson);
    // Seat 1 (index 0) is interviewing A-0087; seat 2 is free.
    CHECK(take_walk_in_blocked(station.state, 0, Language::vi) == "Bàn 1 đang có lượt");
    CHECK(take_walk_in_blocked(station.state, 0, Language::en) == "Seat 1 is in use");
    CHECK_FALSE(take_walk_in_blocked(station.state, 1, Language::en));
    only_post(station.send(intent::TakeWalkIn{"S0200", 1}));
    CHECK(take_walk_in_blocked(station.state, 1, Language::vi) == "Đang gửi…");
    CHECK(take_walk_in_blocked(station.state, 1, Language::en) == "Sending…");
}

TEST_CASE("booth station: in a break the booth says until when, and offers nobody to call") {
    // The same queue in a break: the server marks every standby student outside_hours and says
    // when the break ends.
    std::string json = kTwoSeatsJson;
    json.replace(json.find("\"paused\":false"), 14, "\"paused\":false,\"break_until\":\"09:45\"");
    for (std::size_t at = json.find("\"busy_at\":null}"); at != std::string::npos;
         at = json.find("\"busy_at\":null}", at + 1))
        json.replace(at, 15, "\"busy_at\":null,\"blocked\":\"outside_hours\"}");
    Station station = logged_in(json.c_str());
    REQUIRE(station.state.queue);
    const BoothQueue& queue = *station.state.queue;
    CHECK(queue.break_until == "09:45");
    REQUIRE(queue.standby.size() == 3);
    CHECK(standby_block_words(queue, queue.standby[0], Language::vi) == "Nghỉ đến 09:45");
    CHECK(standby_block_words(queue, queue.standby[0], Language::en) == "On a break until 09:45");
    // Another reason stays itself.
    CHECK(standby_block_words(queue, queue.standby[2], Language::en) == "Has all their interviews");
    CHECK(call_next_blocked(station.state, Language::vi) == "Nghỉ đến 09:45");

    // Out of the break (an older server says nothing): outside_hours is the hours, and calls go.
    Station normal = logged_in(kTwoSeatsJson);
    CHECK(normal.state.queue->break_until.empty());
    CHECK_FALSE(
        standby_block_words(*normal.state.queue, normal.state.queue->standby[0], Language::vi));
    StandbyStudent late = normal.state.queue->standby[0];
    late.blocked = StandbyBlock::outside_hours;
    CHECK(standby_block_words(*normal.state.queue, late, Language::vi) == "Ngoài giờ phỏng vấn");
    CHECK_FALSE(call_next_blocked(normal.state, Language::en));
    only_post(normal.send(intent::CallNext{1}));
    CHECK(call_next_blocked(normal.state, Language::en) == "Sending…");
}

TEST_CASE("booth station: take a walk-in from standby into a free seat") {
    const BoothQueue two_seats = parse_booth_queue(kTwoSeatsJson);
    REQUIRE(two_seats.standby.size() == 3);
    CHECK(two_seats.standby[2].blocked == StandbyBlock::interview_limit);
    CHECK(standby_block_text(StandbyBlock::own_interview_near) ==
          BoothText::blocked_own_interview_near);
    CHECK(standby_block_text(StandbyBlock::met_booth) == BoothText::blocked_other);
    CHECK_FALSE(standby_block_text(StandbyBlock::none));
    Station station = logged_in(kTwoSeatsJson);
    const auto& take = only_post(station.send(intent::TakeWalkIn{"S0200", 1}));
    CHECK(take.action == Action::take_walk_in);
    CHECK(take.path == "/booths/B07/take-walk-in");
    CHECK(nlohmann::json::parse(take.body) == nlohmann::json{{"student", "S0200"}, {"seat", 1}});
    CHECK(station.send(intent::TakeWalkIn{"S0200", 1}).empty());  // one action at a time
    const auto answered =
        station.send(intent::ActionAnswered{Action::take_walk_in, kOk, "A-0200", "", {}, {}});
    CHECK(fetches(answered));
    REQUIRE(station.state.notice);
    CHECK(station.state.notice->text(Language::vi) == "Đã gọi A-0200 vào bàn 2");
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(kTwoSeatsJson)});

    // Refused before asking: a busy seat, a student busy elsewhere, nobody on standby by that id.
    CHECK(station.send(intent::TakeWalkIn{"S0200", 0}).empty());
    CHECK(station.state.notice->text(Language::en) ==
          tr_fill(BoothText::walk_in_seat_busy, Language::en, {"1"}));
    CHECK(station.send(intent::TakeWalkIn{"S0201", 1}).empty());
    CHECK(station.state.notice->text(Language::vi) ==
          tr_fill(BoothText::walk_in_busy, Language::vi, {"A-0201", "B02"}));
    // The server's own rule says S0202 cannot be taken now: nothing is sent, and staff read why.
    CHECK(station.send(intent::TakeWalkIn{"S0202", 1}).empty());
    CHECK(station.state.notice->text(Language::vi) == "Chưa mời được A-0202: Đã đủ số lượt.");
    CHECK(station.state.notice->text(Language::en) ==
          "A-0202 cannot be invited now: Has all their interviews.");
    CHECK(station.send(intent::TakeWalkIn{"S0999", 1}).empty());
    CHECK(station.send(intent::TakeWalkIn{"S0200", 5}).empty());
    CHECK_FALSE(station.state.action_in_flight);

    // The server's refusal (not in standby any more) is shown in its words.
    only_post(station.send(intent::TakeWalkIn{"S0200", 1}));
    station.send(
        intent::ActionAnswered{Action::take_walk_in,
                               refused("W0003 is not in B07's standby queue", "", "not_in_standby"),
                               "",
                               "",
                               {},
                               {}});
    CHECK(station.state.notice->kind == Notice::Kind::danger);
    CHECK(station.state.notice->text(Language::vi) == "W0003 is not in B07's standby queue");
}

TEST_CASE("booth station: the finish dialog keeps its choice until saved, then forgets it") {
    Station station = logged_in(kTwoSeatsJson);
    station.send(intent::OpenFinish{43});  // planned, not under way: no dialog
    CHECK_FALSE(station.state.finishing);
    station.send(intent::OpenFinish{41});
    REQUIRE(station.state.finishing);
    CHECK(station.state.finishing->seat == 0);
    station.send(intent::ChooseOutcome{0, InterviewOutcome::next_round});
    station.send(intent::NoteTyped{"Giao tiếp tốt"});
    station.send(intent::CloseFinish{});
    CHECK_FALSE(station.state.finishing);
    station.send(intent::OpenFinish{41});  // the same interview: the choice and note are kept
    CHECK(station.state.note == "Giao tiếp tốt");
    CHECK(station.state.outcome_by_seat.at(0) == InterviewOutcome::next_round);

    const auto& finish = only_post(station.send(intent::Finish{41}));
    CHECK(nlohmann::json::parse(finish.body) ==
          nlohmann::json{{"outcome", "next_round"}, {"note", "Giao tiếp tốt"}});
    station.send(intent::ActionAnswered{Action::finish, kOk, "", "", {}, {}});
    CHECK_FALSE(station.state.finishing);
    CHECK(station.state.note.empty());
    CHECK(station.state.outcome_by_seat.empty());
    REQUIRE(station.state.notice);
    CHECK(station.state.notice->text(Language::vi) == "Đã lưu kết quả của A-0087: Vòng sau");
    CHECK(station.state.notice->text(Language::en) == "Saved the outcome for A-0087: Next round");

    // A note typed for one interview never reaches the next one.
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(kTwoSeatsJson)});
    station.send(intent::OpenFinish{41});
    station.send(intent::NoteTyped{"ghi chú"});
    station.send(intent::CloseFinish{});
    std::string other = kTwoSeatsJson;
    other.replace(other.find("\"id\":41"), 7, "\"id\":44");
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(other)});
    station.send(intent::OpenFinish{44});
    CHECK(station.state.note.empty());

    // The dialog closes by itself when its interview is finished elsewhere.
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(kQueueJson)});
    CHECK_FALSE(station.state.finishing);
}

TEST_CASE("booth station: notes are NFC and cut to 2000 bytes on a character boundary") {
    Station station = logged_in(kTwoSeatsJson);
    station.send(intent::NoteTyped{"Nguye\xCC\x82\xCC\x83n"});  // e + circumflex + tilde: ễ
    CHECK(station.state.note == "Nguyễn");
    std::string long_note(kMaxNoteBytes - 1, 'a');
    long_note += "ễ";  // three bytes across the limit
    station.send(intent::NoteTyped{long_note});
    CHECK(station.state.note.size() == kMaxNoteBytes - 1);
    CHECK(jobfair::is_valid_utf8(station.state.note));
}

TEST_CASE("booth station: a wrong ticket warns by name, and the warning is dismissed") {
    Station station = logged_in();
    for (char c : std::string("JF1WRONG"))
        station.send(intent::Key{static_cast<char32_t>(c)});
    REQUIRE(station.send(intent::Enter{}).size() == 1);
    station.send(
        intent::VerifyAnswered{41, kOk, false, "A-0100", "This ticket belongs to another"});
    REQUIRE(station.state.ticket_check);
    CHECK_FALSE(station.state.ticket_check->match);
    CHECK(station.state.ticket_check->expected_label == "A-0087");
    CHECK(station.state.ticket_check->expected_name == "Vân");
    REQUIRE(station.state.notice);
    CHECK(station.state.notice->kind == Notice::Kind::danger);
    CHECK(station.state.notice->text(Language::vi) ==
          "Vé vừa quét (A-0100) không phải của sinh viên được gọi (A-0087 · Vân). Hãy hỏi lại "
          "tên và kiểm tra giấy tờ trước khi phỏng vấn.");
    CHECK(station.state.notice->text(Language::en).find("A-0100") != std::string::npos);
    station.send(intent::DismissTicketCheck{});
    CHECK_FALSE(station.state.ticket_check);
    CHECK_FALSE(station.state.notice);

    // The right ticket: an ok notice and a checked mark for the interview.
    for (char c : std::string("JF1RIGHT"))
        station.send(intent::Key{static_cast<char32_t>(c)});
    station.send(intent::Enter{});
    station.send(intent::VerifyAnswered{41, kOk, true, "A-0087", "This is the called student"});
    CHECK(station.state.ticket_check->match);
    CHECK(station.state.notice->kind == Notice::Kind::ok);
    CHECK(station.state.notice->text(Language::en) == "The called student: A-0087 · Vân");
    station.send(intent::DismissTicketCheck{});  // only a mismatch is dismissed this way
    CHECK(station.state.ticket_check);

    // A malformed ticket: the server's words.
    station.send(intent::Key{U'x'});
    station.send(intent::Enter{});
    station.send(intent::VerifyAnswered{
        41, refused("malformed", "Vé không hợp lệ", "ticket_malformed"), false, "", ""});
    CHECK_FALSE(station.state.ticket_check);
    CHECK(station.state.notice->text(Language::vi) == "Vé không hợp lệ");
}

TEST_CASE("booth station: a pause longer than a scanner's starts a new scan") {
    Station station = logged_in();
    station.send(intent::Key{U'Q'});
    station.send(intent::Key{U'Q'});
    station.now += std::chrono::seconds(3);
    for (char c : std::string("JF1TK"))
        station.send(intent::Key{static_cast<char32_t>(c)});
    const auto effects = station.send(intent::Enter{});
    REQUIRE(effects.size() == 1);
    CHECK(std::get<effect::VerifyTicket>(effects[0]).ticket == "JF1TK");
    CHECK(station.send(intent::Enter{}).empty());  // nothing scanned since
}

TEST_CASE("booth station: a scan with nobody called is explained") {
    Station station = logged_in(kTwoSeatsJson);
    std::string empty = kTwoSeatsJson;
    empty.replace(empty.find("\"in_progress\""), 13, "\"promised\"");
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(empty)});
    station.send(intent::Key{U'J'});
    CHECK(station.send(intent::Enter{}).empty());
    REQUIRE(station.state.notice);
    CHECK(station.state.notice->text(Language::en) ==
          tr(BoothText::nobody_to_verify, Language::en));
}

TEST_CASE("booth station: logging out or a refused token destroys the booth's state") {
    Station station = logged_in(kTwoSeatsJson);
    station.send(intent::OpenFinish{41});
    station.send(intent::NoteTyped{"riêng tư"});
    const auto effects = station.send(intent::LogOut{});
    REQUIRE(effects.size() == 1);
    CHECK(std::get<effect::LogOut>(effects[0]).tell_server);
    CHECK(station.state.screen == Screen::login);
    CHECK_FALSE(station.state.queue);
    CHECK(station.state.note.empty());
    CHECK_FALSE(station.state.finishing);
    CHECK(station.state.booth == "B07");
    // A late answer for the old session changes nothing.
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(kTwoSeatsJson)});
    CHECK_FALSE(station.state.queue);

    // A new PIN issued by the organizers ends the session: 401 on the next fetch.
    Station other = logged_in();
    other.send(intent::StreamEventArrived{"booth.paused", "B07", std::nullopt});
    const auto ended = other.send(
        intent::QueueAnswered{refused("no valid token", "", "unauthenticated"), std::nullopt});
    REQUIRE(ended.size() == 1);
    CHECK_FALSE(std::get<effect::LogOut>(ended[0]).tell_server);
    CHECK(other.state.screen == Screen::login);
    CHECK_FALSE(other.state.queue);
    REQUIRE(other.state.login_problem);
    CHECK(other.state.login_problem->text(Language::vi) ==
          tr(BoothText::session_ended, Language::vi));
}

TEST_CASE("booth station: the language switches at any time, notices included") {
    Station station = logged_in();
    station.send(intent::Enter{});  // nothing scanned: nothing happens
    station.send(intent::Key{U'J'});
    station.send(intent::Enter{});
    station.send(intent::VerifyAnswered{41, kOk, false, "A-0100", ""});
    CHECK(language_of(station.state) == Language::vi);
    station.send(intent::SwitchLanguage{});
    CHECK(language_of(station.state) == Language::en);
    CHECK(station.state.notice->text(language_of(station.state))
              .starts_with("The ticket just scanned"));
    station.send(intent::SwitchLanguage{});
    CHECK(station.state.vietnamese);
}

TEST_CASE("booth station: offline after a failed action, resync when the stream returns") {
    Station station = logged_in();
    only_post(station.send(intent::Start{41}));
    station.send(intent::ActionAnswered{Action::start, kUnreachable, "", "", {}, {}});
    CHECK_FALSE(station.state.online);
    CHECK(station.state.notice->text(Language::vi) ==
          tr(BoothText::unreachable_nothing_done, Language::vi));
    CHECK(station.send(intent::Tick{}).empty());
    station.now += kRetryEvery;
    CHECK(fetches(station.send(intent::Tick{})));
    CHECK(station.send(intent::Tick{}).empty());  // one fetch at a time
    station.send(intent::QueueAnswered{kUnreachable, std::nullopt});
    CHECK_FALSE(station.state.online);
    // The stream comes back: a fetch at once, and online when it answers.
    CHECK(fetches(station.send(intent::StreamOpened{})));
    station.send(intent::QueueAnswered{kOk, parse_booth_queue(kQueueJson)});
    CHECK(station.state.online);

    // While online and quiet, the queue is read again now and then (whereabouts change).
    CHECK(station.send(intent::Tick{}).empty());
    station.now += kRefreshEvery;
    CHECK(fetches(station.send(intent::Tick{})));

    // An event while a fetch is under way asks for one more fetch afterwards.
    CHECK(station.send(intent::StreamEventArrived{"booth.paused", "B07", std::nullopt}).empty());
    CHECK(fetches(station.send(intent::QueueAnswered{kOk, parse_booth_queue(kQueueJson)})));
}

TEST_CASE("booth station: stream events are read from their JSON") {
    const auto full = parse_stream_event(
        "interview.done",
        R"({"actor":"booth-staff:B07","id":14,"kind":"interview.done","payload":{"from":"in_progress","interview":488,"to":"done"}})");
    CHECK(full.kind == "interview.done");
    CHECK(full.booth.empty());
    REQUIRE(full.interview);
    CHECK(*full.interview == 488);
    const auto standby = parse_stream_event(
        "interview.called_from_standby",
        R"({"id":15,"kind":"interview.called_from_standby","payload":{"booth":"B01","interview":2434,"seat":0}})");
    CHECK(standby.booth == "B01");
    const auto reduced =
        parse_stream_event("interview.recalled", R"({"at":"x","booth":"B07","id":12})");
    CHECK(reduced.booth == "B07");
    CHECK_FALSE(reduced.interview);
    const auto broken = parse_stream_event("schedule.saved", "not json");
    CHECK(broken.kind == "schedule.saved");
    CHECK(broken.booth.empty());
}

TEST_CASE("booth station: every string exists in both languages, NFC, with matching blanks") {
    for (std::size_t index = 0; index < kBoothTextCount; ++index) {
        const BoothText text = static_cast<BoothText>(index);
        CAPTURE(index);
        CHECK(booth_table_entry_id(index) == text);
        const std::string vi = tr(text, Language::vi);
        const std::string en = tr(text, Language::en);
        CHECK_FALSE(vi.empty());
        CHECK_FALSE(en.empty());
        CHECK(jobfair::is_nfc(vi));
        CHECK(jobfair::is_nfc(en));
        CHECK(jobfair::count_blanks(vi) == jobfair::count_blanks(en));
    }
    // Vietnamese words where the two languages differ, with their marks.
    CHECK(std::string(tr(BoothText::call_next, Language::vi)) == "Gọi người tiếp theo");
    CHECK(std::string(tr(BoothText::ticket_mismatch_title, Language::vi)) == "VÉ KHÔNG KHỚP");
    for (const auto& [outcome, code] : kInterviewOutcomeCodes) {
        CHECK(outcome_words(outcome, Language::vi) != code);
        CHECK(outcome_words(outcome, Language::en) != code);
    }
    CHECK(tr_fill(BoothText::called_ticket, Language::vi, {"A-0001", "1"}) ==
          "Đã gọi A-0001 vào bàn 1");
}

TEST_CASE("booth station: timers read as m:ss and h:mm:ss") {
    CHECK(clock_text(std::chrono::seconds(0)) == "0:00");
    CHECK(clock_text(std::chrono::seconds(247)) == "4:07");
    CHECK(clock_text(std::chrono::seconds(3723)) == "1:02:03");
    CHECK(clock_text(std::chrono::seconds(-5)) == "0:00");
    Station station = logged_in(kTwoSeatsJson);
    CHECK(seat_count(station.state) == 2);
    CHECK(next_interviews(station.state, 5).size() == 1);
    CHECK_FALSE(current_interview(station.state, 1));
}

TEST_CASE("booth station: the screen next changes when a seat's timer turns its second") {
    Station station = logged_in();
    const QueuedInterview& called = *current_interview(station.state, 0);
    const auto shown = *running_for(station.state, called, station.now);
    // Some time into a second: the next change is the timer's next whole second, before the
    // queue's refresh.
    const Clock::time_point now = station.now + std::chrono::milliseconds(400);
    const std::optional<Clock::time_point> next = next_change(station.state, now);
    REQUIRE(next.has_value());
    CHECK(*next > now);
    CHECK(*next <= now + std::chrono::seconds(1));
    CHECK(*running_for(station.state, called, *next) == shown + std::chrono::seconds(1));
    CHECK(*running_for(station.state, called, *next - std::chrono::milliseconds(1)) == shown);
}
