// The booth station's model: PIN login, the queue, actions, ticket checks, live updates.
#include <doctest/doctest.h>

#include <string>

#include "kiosk/booth/model/booth.hpp"

using namespace jobfair::booth;

namespace {

// A queue answer as the server writes it (docs/api.md, GET /booths/{booth}/queue).
constexpr const char* kQueueJson = R"({
  "booth":"B07","enterprise":"Công ty TNHH Hàn Việt","seats":1,"paused":false,
  "open":"08:00","close":"12:30","now":"09:00",
  "queue":[
    {"id":41,"booth":"B07","seat":0,"start":"08:45","end":"09:00","status":"called",
     "student":"S0087","fixed":false,"whereabouts":"checked_in",
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
    CHECK(queue.queue[1].whereabouts == "busy");
    CHECK(queue.queue[1].busy_at == "B02");
    REQUIRE(queue.standby.size() == 1);
    CHECK(queue.standby[0].person.ticket_label == "A-0200");
    CHECK(queue.standby[0].busy_at.empty());
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
    CHECK(station.state.login_problem->message == "Sai mã PIN");
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
    station.send(intent::ActionAnswered{Action::start, Outcome{true, std::nullopt}, "", ""});
    // The refetched queue shows the interview under way.
    std::string started = kQueueJson;
    started.replace(started.find("\"called\""), 8, "\"in_progress\"");
    station.send(intent::QueueAnswered{Outcome{true, std::nullopt}, parse_booth_queue(started)});

    // Finishing needs an outcome first.
    CHECK(station.send(intent::Finish{41}).empty());
    REQUIRE(station.state.notice);
    station.send(intent::ChooseOutcome{0, "hired"});  // not an outcome: ignored
    CHECK(station.send(intent::Finish{41}).empty());
    station.send(intent::ChooseOutcome{0, "internship"});
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
