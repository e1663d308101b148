// The fair server over real HTTP on loopback: access, tickets, idempotent retries, bad input,
// the event stream, and a restart on the same database.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/api_routes.hpp"
#include "common/client/api_client.hpp"
#include "common/client/event_stream.hpp"
#include "common/protocol.hpp"
#include "fair_builder.hpp"
#include "kiosk/board/model/board.hpp"
#include "kiosk/booth/model/booth.hpp"
#include "kiosk/dashboard/model/answers.hpp"
#include "qr_test_support.hpp"
#include "scheduler/server/fair_server.hpp"
#include "scheduler/simulation/simulation.hpp"

using namespace jobfair;
using namespace jobfair::testing;
using nlohmann::json;

namespace {

constexpr const char* kPassword = "mật-khẩu-ban-tổ-chức";

// Two booths, four slots from 08:00 (or `slots`): S1 and S2 want B01 first; S3 wants B02; B02
// takes welders.
Fair morning(int slots = 4) {
    Fair fair = small_fair(slots);
    fair.settings.date = "2025-03-14";
    fair.settings.venue = "Nhà văn hóa thị xã Quảng Yên";
    add_booth(fair, "B01");
    add_booth(fair, "B02").occupations = {"welding"};
    add_student(fair, "S1", {"B01", "B02"}).occupation = "welding";
    add_student(fair, "S2", {"B01"});
    add_student(fair, "S3", {"B02"}).occupation = "welding";
    return fair;
}

ServerOptions fast_options() {
    ServerOptions options;
    // Argon2id at its minimum cost: the sanitizer build stays fast; production uses interactive.
    options.access.password_cost = PasswordHashCost::minimum();
    options.access.pin_cost = PasswordHashCost::minimum();
    options.limits.handler_threads = 8;
    return options;
}

// A running server on a temporary database file, and an HTTP client for it.
class RunningServer {
  public:
    RunningServer(const std::filesystem::path& database, SteerableClock& clock,
                  const TicketKey& key)
        : store_(database) {
        if (!store_.has_fair()) store_.import_fair(morning(), "test");
        ServerOptions options = fast_options();
        options.steerable_clock = &clock;
        server_ = std::make_unique<FairServer>(store_, clock, key, options);
        server_->set_initial_organizer_password(kPassword);
        REQUIRE(server_->bind("127.0.0.1", 0));
        thread_ = std::thread([this] { server_->run(); });
        for (int i = 0; i < 500 && !server_->is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        REQUIRE(server_->is_running());
    }
    ~RunningServer() {
        server_->stop();
        thread_.join();
    }
    int port() const { return server_->port(); }
    Store& store() { return store_; }

  private:
    Store store_;
    std::unique_ptr<FairServer> server_;
    std::thread thread_;
};

// A call's answer with its body read as JSON (a discarded value when it is not JSON).
struct Answer {
    int status = 0;
    json body;
};

std::string url_of(int port) {
    return "http://127.0.0.1:" + std::to_string(port);
}

client::ClientOptions patient() {
    client::ClientOptions options;
    options.read_timeout = std::chrono::seconds(10);
    return options;
}

// One device or person talking to the server through the shared client, with its token.
class Client {
  public:
    explicit Client(int port) : api_(url_of(port), patient()) {}
    void use_token(std::string token) { token_ = std::move(token); }
    const std::string& token() const { return token_; }

    Answer get(const std::string& path) { return answer(api_.get(path, bearer())); }
    Answer post(const std::string& path, const json& body = json::object(),
                const std::string& idempotency_key = "") {
        return post_raw(path, body.dump(), idempotency_key);
    }
    Answer post_raw(const std::string& path, const std::string& body,
                    const std::string& idempotency_key = "") {
        return answer(api_.post(path, body, bearer(), idempotency_key));
    }

  private:
    std::optional<std::string> bearer() const {
        if (token_.empty()) return std::nullopt;
        return token_;
    }
    static Answer answer(const client::Answer& answer) {
        REQUIRE_MESSAGE(answer.reached, "no answer from the server: ", answer.transport_error);
        return {answer.status, answer.json()};
    }
    client::ApiClient api_;
    std::string token_;
};

std::string error_code(const Answer& answer) {
    if (!answer.body.is_object() || !answer.body.contains("error")) return "";
    return answer.body["error"].value("code", "");
}

// Logs in as the organizer and enrols a kiosk and a board; booth staff for B01.
struct Roles {
    Client organizer, kiosk, board, station_b01, booth_b01;
    explicit Roles(int port)
        : organizer(port), kiosk(port), board(port), station_b01(port), booth_b01(port) {
        const Answer login = organizer.post("/auth/login", {{"password", kPassword}});
        REQUIRE(login.status == 200);
        organizer.use_token(login.body["token"]);
        enrol(kiosk, "kiosk", "Kiosk 1 (cổng chính)");
        enrol(board, "board", "Bảng gọi tên");
        const Answer pin = organizer.post("/admin/booths/B01/pin");
        REQUIRE(pin.status == 201);
        enrol(station_b01, "booth_station", "Máy gian hàng B01", "B01");
        const Answer staff =
            station_b01.post("/auth/booth-login", {{"booth", "B01"}, {"pin", pin.body["pin"]}});
        REQUIRE(staff.status == 200);
        booth_b01.use_token(staff.body["token"]);
    }
    void enrol(Client& device, const std::string& role, const std::string& name,
               const std::string& booth = "") {
        json request{{"role", role}, {"device_name", name}};
        if (!booth.empty()) request["booth"] = booth;
        const Answer code = organizer.post("/admin/enrolment-codes", request);
        REQUIRE(code.status == 201);
        const Answer token = device.post("/auth/enrol", {{"code", code.body["code"]}});
        REQUIRE(token.status == 200);
        device.use_token(token.body["token"]);
    }
    const std::string& organizer_token() const { return organizer.token(); }
    const std::string& kiosk_token() const { return kiosk.token(); }
    std::string ticket_of(const std::string& student) {
        const Answer ticket = organizer.get("/students/" + student + "/ticket");
        REQUIRE(ticket.status == 200);
        return ticket.body["ticket"];
    }
};

std::string percent_encoded(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
            out += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            out += escaped;
        }
    }
    return out;
}

json walk_in_form() {
    return {{"full_name", "Nguyễn Thị Hường"},
            {"phone", "+84 912 345 678"},
            {"school", "Trường Cao đẳng Việt–Hàn Quảng Ninh"},
            {"occupation", "welding"},
            {"level", "college"},
            {"preferences", {"B02"}},
            {"consent", {{"interview", true}, {"follow_up", false}}}};
}

}  // namespace

TEST_CASE("the server says its protocol version to anyone, and nothing else without a token") {
    TemporaryFolder folder("server-hello");
    SteerableClock clock(at(8, 0), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Client anonymous(server.port());
    const Answer hello = anonymous.get("/hello");
    CHECK(hello.status == 200);
    CHECK(hello.body["protocol"] == protocol::kVersion);
    CHECK(hello.body["fair_name"] == "Test fair");
    // Clients show the fair's date and venue beside its name, never the machine's date.
    CHECK(hello.body["date"] == "2025-03-14");
    CHECK(hello.body["venue"] == "Nhà văn hóa thị xã Quảng Yên");
    const auto parsed = hello.body.get<protocol::Hello>();
    CHECK(parsed.date == "2025-03-14");
    CHECK(parsed.venue == "Nhà văn hóa thị xã Quảng Yên");
    // The fair clock and the day's end: the board says the fair is over when one reaches the other.
    CHECK(parsed.now == "08:00");
    CHECK(parsed.day_end == hello.body["day_end"].get<std::string>());
    CHECK(TimeOfDay::parse(*parsed.day_end));
    // A fair without a date sends none: the client says so.
    const nlohmann::json undated = protocol::Hello{};
    CHECK_FALSE(undated.contains("date"));
    CHECK_FALSE(undated.get<protocol::Hello>().date.has_value());
    for (const std::string path : {"/overview", "/enterprises", "/booths/B01/queue"}) {
        CAPTURE(path);
        const Answer refused = anonymous.get(path);
        CHECK(refused.status == 401);
        CHECK(error_code(refused) == "unauthenticated");
    }
    anonymous.use_token("not-a-token");
    CHECK(anonymous.post("/check-ins", {{"ticket", "x"}}).status == 401);
}

TEST_CASE("a simulated clock reads an event's wall time as the fair time it was then") {
    using std::chrono::system_clock;
    SteerableClock clock(at(8, 0), 0);
    const auto before_set = system_clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(clock.set(at(8, 10)));
    const auto after_set = system_clock::now();
    CHECK(clock.at(before_set) == at(8, 0));
    CHECK(clock.at(after_set) == at(8, 10));
    CHECK(clock.at(before_set - std::chrono::hours(1)) == at(8, 0));  // before the start
    // Running at 60x, a wall second ago is a fair minute ago.
    SteerableClock fast(at(9, 0), 60);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const TimeOfDay fast_now = fast.now();
    CHECK(fast.at(system_clock::now() - std::chrono::seconds(1)) <= fast_now);
    CHECK(fast.at(system_clock::now() - std::chrono::seconds(1)) >= fast_now.plus_minutes(-2));
}

TEST_CASE("every route of the table is served and gated by the table") {
    TemporaryFolder folder("server-route-table");
    SteerableClock clock(at(8, 0), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    const client::ApiClient raw(url_of(server.port()), patient());
    const auto sample = [](std::string_view parameter) -> std::string {
        if (parameter == "booth") return "B01";
        if (parameter == "seat") return "0";
        if (parameter == "id") return "1";
        if (parameter == "student") return "S1";
        if (parameter == "ticket") return "JF1ABC";
        if (parameter == "device") return "t-0000";
        return "summary.html";
    };
    for (const protocol::Route& route : protocol::all_routes()) {
        std::vector<std::string> values;
        for (const auto name : protocol::path_parameters(route))
            values.push_back(sample(name));
        const std::string path = protocol::path_for(route.id, values);
        CAPTURE(path);
        // A stranger's request: the route exists (never the transport's 404), and every gated
        // route refuses before looking at anything.
        const client::Answer answer = route.method == protocol::Method::get ? raw.get(path, {})
                                      : route.method == protocol::Method::post
                                          ? raw.post(path, "{}", {})
                                          : raw.remove(path, {});
        REQUIRE(answer.reached);
        CHECK(answer.body.find("no_such_endpoint") == std::string::npos);
        CHECK(answer.status < 500);
        if (route.gate == protocol::Gate::permission || route.gate == protocol::Gate::any_token)
            CHECK(answer.status == 401);
        if (route.gate == protocol::Gate::booth_station) CHECK(answer.status == 403);
    }
}

TEST_CASE("every role is held to its own endpoints, and booth staff to their own booth") {
    TemporaryFolder folder("server-roles");
    SteerableClock clock(at(8, 0), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());

    CHECK(roles.kiosk.get("/overview").status == 403);
    CHECK(roles.board.get("/overview").status == 403);
    CHECK(roles.board.post("/check-ins", {{"ticket", roles.ticket_of("S1")}}).status == 403);
    CHECK(roles.kiosk.post("/booths/B01/pause").status == 403);
    CHECK(roles.booth_b01.post("/booths/B01/pause").status == 403);
    CHECK(roles.booth_b01.get("/booths/B01/queue").status == 200);
    const Answer other_booth = roles.booth_b01.get("/booths/B02/queue");
    CHECK(other_booth.status == 403);
    CHECK(error_code(other_booth) == "other_booth");
    CHECK(roles.booth_b01.post("/booths/B02/seats/0/call-next").status == 403);
    CHECK(roles.kiosk.get("/enterprises").status == 200);
    CHECK(roles.board.get("/calls/recent").status == 200);
    CHECK(roles.organizer.get("/overview").status == 200);
    // Only the organizer hands out access.
    CHECK(roles.kiosk.post("/admin/booths/B01/pin").status == 403);
    CHECK(roles.booth_b01.post("/admin/enrolment-codes", {{"role", "kiosk"}}).status == 403);
}

TEST_CASE("a PIN works only on an enrolled booth station and wrong PINs lock only that station") {
    TemporaryFolder folder("server-pins");
    SteerableClock clock(at(8, 0), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const Answer fresh_pin = roles.organizer.post("/admin/booths/B02/pin");
    const std::string pin = fresh_pin.body["pin"];
    const std::string wrong = pin == "000000" ? "111111" : "000000";

    // Strangers and other devices never reach the PIN check: no guess, nothing to lock.
    Client stranger(server.port());
    for (int attempt = 0; attempt < 12; ++attempt) {
        const Answer refused =
            stranger.post("/auth/booth-login", {{"booth", "B02"}, {"pin", wrong}});
        CHECK(refused.status == 403);
        CHECK(error_code(refused) == "not_a_booth_station");
        CHECK_FALSE(refused.body["error"].value("message_vi", "").empty());
    }
    CHECK(error_code(roles.kiosk.post("/auth/booth-login", {{"booth", "B02"}, {"pin", pin}})) ==
          "not_a_booth_station");
    // A booth station takes its own booth's PIN only.
    CHECK(error_code(roles.station_b01.post("/auth/booth-login",
                                            {{"booth", "B02"}, {"pin", pin}})) == "other_booth");
    CHECK(roles.organizer
              .post("/admin/enrolment-codes", {{"role", "booth_station"}, {"device_name", "x"}})
              .status == 404);  // a station without its booth

    Client tablet(server.port()), spare(server.port());
    roles.enrol(tablet, "booth_station", "Máy tính bảng B02", "B02");
    roles.enrol(spare, "booth_station", "Máy dự phòng B02", "B02");
    const Answer malformed = tablet.post("/auth/booth-login", {{"booth", "B02"}, {"pin", "12"}});
    CHECK(malformed.status == 401);
    CHECK(error_code(malformed) == "malformed_pin");
    bool locked = false;
    for (int attempt = 0; attempt < 8 && !locked; ++attempt) {
        const Answer refused = tablet.post("/auth/booth-login", {{"pin", wrong}});
        CHECK(refused.status == 401);
        locked = error_code(refused) == "locked_out";
        if (locked) CHECK(refused.body["error"]["retry_after_seconds"].get<int>() > 0);
    }
    CHECK(locked);
    // Locked even with the right PIN, on that station only: the spare still opens the booth.
    CHECK(error_code(tablet.post("/auth/booth-login", {{"pin", pin}})) == "locked_out");
    CHECK(spare.post("/auth/booth-login", {{"booth", "B02"}, {"pin", pin}}).status == 200);
    // A new PIN lifts the station's lockout.
    const std::string new_pin = roles.organizer.post("/admin/booths/B02/pin").body["pin"];
    CHECK(tablet.post("/auth/booth-login", {{"pin", new_pin}}).status == 200);

    // The password: wrong on the server's own machine is a counted guess.
    Client impostor(server.port());
    const Answer wrong_password = impostor.post("/auth/login", {{"password", "đoán-bừa-thôi"}});
    CHECK(wrong_password.status == 401);
    CHECK(error_code(wrong_password) == "wrong_password");
    CHECK_FALSE(wrong_password.body["error"].value("message_vi", "").empty());
    // With a device's token the password is taken only from an organizer console.
    CHECK(error_code(roles.kiosk.post("/auth/login", {{"password", kPassword}})) ==
          "not_an_organizer_console");
    Client console(server.port());
    roles.enrol(console, "organizer_console", "Máy ban tổ chức 2");
    const Answer on_console = console.post("/auth/login", {{"password", kPassword}});
    REQUIRE(on_console.status == 200);
    Client second_organizer(server.port());
    second_organizer.use_token(on_console.body["token"]);
    CHECK(second_organizer.get("/overview").status == 200);
    // Revoking the console ends the session opened on it; the tablet's staff session too.
    const Answer devices = roles.organizer.get("/admin/devices");
    for (const auto& device : devices.body["devices"]) {
        if (device["role"] == "booth_station") CHECK(device["booth"].is_string());
    }
    std::string console_id;
    for (const auto& device : devices.body["devices"])
        if (device["role"] == "organizer_console") console_id = device["device"];
    REQUIRE_FALSE(console_id.empty());
    const client::ApiClient raw(url_of(server.port()));
    REQUIRE(raw.remove("/admin/devices/" + console_id, roles.organizer_token()).status == 200);
    CHECK(second_organizer.get("/overview").status == 401);
    CHECK(roles.organizer.get("/overview").status == 200);
}

TEST_CASE(
    "a ticket check-in promises interviews; forged, altered and revoked tickets are refused") {
    TemporaryFolder folder("server-tickets");
    SteerableClock clock(at(7, 50), 0);
    const TicketKey key = TicketKey::generate();
    RunningServer server(folder.path() / "fair.db", clock, key);
    Roles roles(server.port());
    const std::string ticket = roles.ticket_of("S1");

    const Answer first = roles.kiosk.post("/check-ins", {{"ticket", ticket}}, "kiosk1-0001");
    REQUIRE(first.status == 201);
    const auto answer = first.body.get<protocol::CheckInAnswer>();
    CHECK(answer.ticket == ticket);
    CHECK(answer.given_name == "S1");  // "Nguyễn Văn S1": the given name comes last
    REQUIRE_FALSE(answer.interviews.empty());
    CHECK(answer.interviews.front().status == InterviewStatus::promised);
    CHECK(server.store().check_ins().count(StudentId("S1")) == 1);

    // A retry changes nothing and answers the same interviews.
    const Answer again = roles.kiosk.post("/check-ins", {{"ticket", ticket}}, "kiosk1-0001");
    CHECK(again.status == 200);
    CHECK(again.body["already_checked_in"] == true);
    CHECK(again.body["interviews"] == first.body["interviews"]);

    std::string altered = ticket;
    altered[10] = altered[10] == 'A' ? 'B' : 'A';
    CHECK(error_code(roles.kiosk.post("/check-ins", {{"ticket", altered}})) == "ticket_forged");
    CHECK(error_code(roles.kiosk.post("/check-ins", {{"ticket", "hello"}})) == "ticket_malformed");
    const std::string foreign = issue_ticket(TicketKey::generate(), 2);
    CHECK(error_code(roles.kiosk.post("/check-ins", {{"ticket", foreign}})) ==
          "ticket_unknown_key");
    const std::string never_issued = issue_ticket(key, 999);
    CHECK(error_code(roles.kiosk.post("/check-ins", {{"ticket", never_issued}})) ==
          "ticket_unknown");

    const std::string s2_ticket = roles.ticket_of("S2");
    server.store().revoke_ticket(server.store().ticket_of(StudentId("S2"))->number, "lost", "test");
    const Answer revoked = roles.kiosk.post("/check-ins", {{"ticket", s2_ticket}});
    CHECK(revoked.status == 422);
    CHECK(error_code(revoked) == "ticket_revoked");
    CHECK(server.store().check_ins().count(StudentId("S2")) == 0);
}

TEST_CASE("enterprise cards say when a seat is free, and a check-in tells the rest of the day") {
    TemporaryFolder folder("server-free-seats");
    SteerableClock clock(at(8, 5), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());

    const auto free_from = [&](const std::string& booth) -> std::optional<std::string> {
        const Answer cards = roles.kiosk.get("/enterprises");
        REQUIRE(cards.status == 200);
        for (const auto& card :
             cards.body["enterprises"].get<std::vector<protocol::EnterpriseCard>>())
            if (card.booth == booth) return card.free_from;
        FAIL("no card for " << booth);
        return std::nullopt;
    };
    // The plan holds B01's seats for S1 and S2 (planned rows hold a seat) in the first slots.
    const auto b01_before = free_from("B01");
    REQUIRE(b01_before.has_value());
    CHECK(*b01_before >= "08:05");

    // S3 wants only B02 and is a welder: B01 (any trade) is free and not picked.
    const Answer checked_in =
        roles.kiosk.post("/check-ins", {{"ticket", roles.ticket_of("S3")}}, "kiosk1-0003");
    REQUIRE(checked_in.status == 201);
    const auto answer = checked_in.body.get<protocol::CheckInAnswer>();
    CHECK_FALSE(answer.no_interview.has_value());  // B02 promised them a seat
    REQUIRE_FALSE(answer.interviews.empty());
    INFO(checked_in.body.dump());
    REQUIRE(answer.free_seats.size() == 1);
    CHECK(answer.free_seats[0].booth == "B01");
    CHECK(answer.free_seats[0].from == *free_from("B01"));
    CHECK(answer.free_seats[0].enterprise == "Công ty B01");

    // A paused booth has no free seat to show.
    REQUIRE(roles.organizer.post("/booths/B01/pause").status == 200);
    CHECK_FALSE(free_from("B01").has_value());
}

TEST_CASE("nobody is told there is no interview today before the re-plan a check-in left due") {
    TemporaryFolder folder("server-no-interview");
    {
        // One slot per booth: S1 wants B01 first but can take B02; the plan gives S1 B01.
        Fair fair = small_fair(1);
        add_booth(fair, "B01");
        add_booth(fair, "B02");
        add_student(fair, "S1", {"B01", "B02"});
        Store store(folder.path() / "fair.db");
        store.import_fair(fair, "test");
    }
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    // A walk-in for B01 only: placing them into the plan as it stands finds B01 taken; the full
    // re-plan moves S1 to B02 and seats them. The answer must be the re-plan's.
    json form = walk_in_form();
    form["preferences"] = {"B01"};
    const Answer registered = roles.kiosk.post("/walk-ins", form, "walkin-kiosk1-full-01");
    REQUIRE(registered.status == 201);
    const auto answer = registered.body.get<protocol::CheckInAnswer>();
    INFO(registered.body.dump());
    CHECK_FALSE(answer.no_interview.has_value());
    REQUIRE(answer.standby.size() == 1);
    CHECK(answer.standby[0].booth == "B01");
    CHECK(answer.standby[0].estimate == std::optional<std::string>("08:00"));
}

TEST_CASE("a kiosk adds a free booth for a checked-in student, once per idempotency key") {
    TemporaryFolder folder("server-add-booth");
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const std::string s3 = roles.ticket_of("S3");  // a welder who wants B02 only
    const json add{{"ticket", s3}, {"booth", "B01"}};

    // Not checked in yet: refused in both languages, nothing changed.
    const Answer early = roles.kiosk.post("/check-ins/add-booth", add, "kiosk1-add-0000");
    CHECK(early.status == 409);
    CHECK(error_code(early) == "not_checked_in");
    CHECK_FALSE(early.body["error"].value("message_vi", "").empty());

    REQUIRE(roles.kiosk.post("/check-ins", {{"ticket", s3}}, "kiosk1-0003").status == 201);
    CHECK(error_code(roles.kiosk.post("/check-ins/add-booth", add)) == "bad_idempotency_key");
    CHECK(error_code(roles.kiosk.post("/check-ins/add-booth", {{"ticket", s3}},
                                      "kiosk1-add-0001")) == "missing_field");
    CHECK(
        error_code(roles.kiosk.post("/check-ins/add-booth", {{"ticket", "hello"}, {"booth", "B01"}},
                                    "kiosk1-add-0001")) == "ticket_malformed");
    CHECK(error_code(roles.kiosk.post("/check-ins/add-booth", {{"ticket", s3}, {"booth", "B99"}},
                                      "kiosk1-add-0001")) == "unknown_booth");
    CHECK(server.store().load_fair().find_student(StudentId("S3"))->preferences.size() == 1);

    const Answer added = roles.kiosk.post("/check-ins/add-booth", add, "kiosk1-add-0001");
    REQUIRE(added.status == 200);
    const auto answer = added.body.get<protocol::CheckInAnswer>();
    CHECK(answer.ticket == s3);
    CHECK(answer.already_checked_in);
    const bool promised_at_b01 = std::any_of(answer.interviews.begin(), answer.interviews.end(),
                                             [](const auto& i) { return i.booth == "B01"; });
    CHECK(promised_at_b01);
    CHECK(answer.free_seats.empty());
    CHECK(server.store().events().back().kind == "interview.promised");

    // A retry answers the same; another submission for the same booth is refused.
    const auto events = server.store().events().size();
    const Answer retry = roles.kiosk.post("/check-ins/add-booth", add, "kiosk1-add-0001");
    CHECK(retry.status == 200);
    CHECK(retry.body["interviews"] == added.body["interviews"]);
    CHECK(server.store().events().size() == events);
    const Answer twice = roles.kiosk.post("/check-ins/add-booth", add, "kiosk1-add-0002");
    CHECK(twice.status == 409);
    CHECK(error_code(twice) == "already_picked");
    // Booth staff and boards may not add booths for students.
    CHECK(roles.booth_b01.post("/check-ins/add-booth", add, "kiosk1-add-0003").status == 403);
}

TEST_CASE("a walk-in registers once per idempotency key, with every field checked") {
    TemporaryFolder folder("server-walk-in");
    SteerableClock clock(at(8, 0), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const std::size_t students_before = server.store().load_fair().students.size();

    CHECK(error_code(roles.kiosk.post("/walk-ins", walk_in_form())) == "bad_idempotency_key");
    const Answer first = roles.kiosk.post("/walk-ins", walk_in_form(), "walkin-kiosk1-0001");
    REQUIRE(first.status == 201);
    CHECK(first.body["given_name"] == "Hường");
    CHECK(first.body["phone_masked"] == "09•••••678");
    CHECK(first.body["interviews"].size() == 1);
    const Answer retry = roles.kiosk.post("/walk-ins", walk_in_form(), "walkin-kiosk1-0001");
    CHECK(retry.status == 200);
    CHECK(retry.body["ticket"] == first.body["ticket"]);
    CHECK(server.store().load_fair().students.size() == students_before + 1);
    const auto details = server.store().student_details(StudentId("W0001"));
    REQUIRE(details);
    CHECK(details->phone == "0912345678");

    // A name arrives cleaned: no line breaks, NUL or bidi override is stored.
    json spoofed = walk_in_form();
    spoofed["full_name"] = std::string("\u202eLê\r\nVăn") + '\0' + " Tú ";
    spoofed["phone"] = "0912345679";
    const Answer cleaned = roles.kiosk.post("/walk-ins", spoofed, "walkin-kiosk1-0002");
    REQUIRE(cleaned.status == 201);
    CHECK(server.store().load_fair().students.back().name == "Lê Văn Tú");

    json other = walk_in_form();
    other["full_name"] = "Trần Văn Nam";
    const Answer reused = roles.kiosk.post("/walk-ins", other, "walkin-kiosk1-0001");
    CHECK(reused.status == 409);
    CHECK(server.store().load_fair().students.size() == students_before + 2);

    // The ticket printed for the walk-in checks them in like any other.
    const Answer by_ticket = roles.kiosk.post("/check-ins", {{"ticket", first.body["ticket"]}});
    CHECK(by_ticket.status == 200);
    CHECK(by_ticket.body["already_checked_in"] == true);

    struct BadForm {
        const char* field;
        json value;
        const char* code;
    };
    for (const BadForm& bad :
         {BadForm{"phone", "0212345678", "bad_phone"}, BadForm{"phone", "12345", "bad_phone"},
          BadForm{"occupation", "astronaut", "bad_occupation"},
          BadForm{"level", "phd", "bad_level"},
          BadForm{"preferences", json::array(), "bad_preferences"},
          BadForm{"preferences", {"B02", "B02"}, "bad_preferences"},
          BadForm{"preferences", {"B99"}, "unknown_booth"},
          BadForm{"full_name", "", "bad_full_name"},
          BadForm{"full_name", " \u0007\u202e\r\n ", "bad_full_name"},
          BadForm{"consent", {{"follow_up", true}}, "consent_required"},
          BadForm{"consent", {{"interview", true}, {"spam", true}}, "bad_consent"}}) {
        CAPTURE(bad.code);
        json form = walk_in_form();
        form[bad.field] = bad.value;
        const Answer refused = roles.kiosk.post(
            "/walk-ins", form,
            "walkin-bad-" + std::string(bad.code) + std::to_string(form.dump().size()));
        CHECK(refused.status == 422);
        CHECK(error_code(refused) == bad.code);
        CHECK_FALSE(refused.body["error"].value("message_vi", "").empty());
    }
    CHECK(server.store().load_fair().students.size() == students_before + 2);
}

namespace {
// The first person anywhere in `value` (an object with the student's id and name), or null.
json find_student_entry(const json& value, const std::string& student) {
    if (value.is_object() && value.value("student", "") == student && value.contains("full_name"))
        return value;
    if (value.is_structured()) {
        for (const auto& item : value) {
            json found = find_student_entry(item, student);
            if (!found.is_null()) return found;
        }
    }
    return nullptr;
}
}  // namespace

TEST_CASE("a walk-in of another trade is stored with the typed trade, for any-trade booths only") {
    TemporaryFolder folder("server-other-trade");
    {
        Store store(folder.path() / "fair.db");
        Fair fair = morning();
        fair.booths[0].accepts_cvs = true;  // B01 takes CVs
        store.import_fair(fair, "test");
    }
    SteerableClock clock(at(8, 0), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());

    // The enterprise cards say which booths take CVs.
    const auto cards = roles.kiosk.get("/enterprises")
                           .body["enterprises"]
                           .get<std::vector<protocol::EnterpriseCard>>();
    REQUIRE(cards.size() == 2);
    CHECK(cards[0].takes_cvs);
    CHECK_FALSE(cards[1].takes_cvs);

    // "Other trade": no code, the name typed with spaces around and decomposed (NFD).
    json form = walk_in_form();
    form["occupation"] = "other";
    form["occupation_text"] =
        "  Su\u031b\u0309a chu\u031b\u0303a   \u0111i\u00ea\u0323n tho\u1ea1i ";
    form["preferences"] = {"B01", "B02"};
    const Answer first = roles.kiosk.post("/walk-ins", form, "walkin-other-0001");
    REQUIRE(first.status == 201);
    const Fair stored = server.store().load_fair();
    const Student* walk_in = stored.find_student(StudentId("W0001"));
    REQUIRE(walk_in);
    CHECK_FALSE(walk_in->occupation.has_value());  // eligible only where any trade goes
    const auto details = server.store().student_details(StudentId("W0001"));
    REQUIRE(details);
    CHECK(details->occupation_text == "Sửa chữa điện thoại");  // trimmed, collapsed, NFC
    // B02 takes welders only: never an interview there, never offered as a free seat.
    for (const auto& row : server.store().interviews())
        CHECK_FALSE(
            (row.interview.student == StudentId("W0001") && row.interview.booth == BoothId("B02")));
    const auto answer = first.body.get<protocol::CheckInAnswer>();
    for (const auto& free : answer.free_seats)
        CHECK(free.booth != "B02");
    for (const auto& interview : answer.interviews)
        CHECK(interview.booth == "B01");

    // B01's station sees the typed trade where the trade would be.
    const json entry = find_student_entry(roles.booth_b01.get("/booths/B01/queue").body, "W0001");
    REQUIRE_MESSAGE(!entry.is_null(), "W0001 is neither in B01's queue nor its standby list");
    CHECK(entry.at("occupation").is_null());
    CHECK(entry.value("occupation_text", "") == "Sửa chữa điện thoại");
    // ... and the station's model reads it.
    const booth::BoothQueue queue =
        booth::parse_booth_queue(roles.booth_b01.get("/booths/B01/queue").body.dump());
    std::string seen;
    for (const auto& item : queue.queue)
        if (item.person.student == "W0001") seen = item.person.occupation_text;
    for (const auto& waiting : queue.standby)
        if (waiting.person.student == "W0001") seen = waiting.person.occupation_text;
    CHECK(seen == "Sửa chữa điện thoại");

    // Occupation left out altogether is Other trade too.
    json absent = walk_in_form();
    absent.erase("occupation");
    absent["occupation_text"] = "Điện lạnh";
    absent["phone"] = "0912345680";
    absent["preferences"] = {"B02"};
    const Answer second = roles.kiosk.post("/walk-ins", absent, "walkin-other-0002");
    REQUIRE(second.status == 201);
    CHECK(server.store().student_details(StudentId("W0002"))->occupation_text == "Điện lạnh");
    // Its only choice interviews welders: no interview today, whatever the plan finds.
    CHECK(second.body["interviews"].empty());
    CHECK(server.store().student_details(StudentId("W0001"))->occupation_text ==
          "Sửa chữa điện thoại");
}

TEST_CASE(
    "a typed trade that is missing, too short, too long or has control characters is refused") {
    TemporaryFolder folder("server-other-trade-bad");
    SteerableClock clock(at(8, 0), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const std::size_t students_before = server.store().load_fair().students.size();
    const std::size_t events_before = server.store().events().size();

    struct Bad {
        json occupation;  // null: left out
        json text;        // null: left out
        const char* english;
        const char* vietnamese;
    };
    const std::string sixty_one = std::string(60, 'x') + "\u00e0";  // 61 characters
    for (const Bad& bad :
         {Bad{"other", nullptr, "Please type the name of your trade.",
              "Hãy nhập tên nghề bạn học."},
          Bad{nullptr, nullptr, "Please type the name of your trade.",
              "Hãy nhập tên nghề bạn học."},
          Bad{"other", "   ", "Please type the name of your trade.", "Hãy nhập tên nghề bạn học."},
          Bad{"other", " à ", "The trade name is too short: type at least 2 characters.",
              "Tên nghề quá ngắn: hãy nhập ít nhất 2 ký tự."},
          Bad{"other", sixty_one, "The trade name is too long: at most 60 characters.",
              "Tên nghề quá dài: tối đa 60 ký tự."},
          Bad{"other", "Hàn\tđiện",
              "The trade name has control or unreadable characters: please delete them.",
              "Tên nghề có ký tự điều khiển hoặc ký tự không đọc được: hãy xoá chúng."},
          Bad{"other", "\x1b[31mHàn",
              "The trade name has control or unreadable characters: please delete them.",
              "Tên nghề có ký tự điều khiển hoặc ký tự không đọc được: hãy xoá chúng."},
          Bad{"other", "Hàn\u202e",
              "The trade name has control or unreadable characters: please delete them.",
              "Tên nghề có ký tự điều khiển hoặc ký tự không đọc được: hãy xoá chúng."},
          Bad{"welding", "Hàn điện",
              "a typed trade name goes only with occupation \"other\" (Other trade)",
              "Chỉ nhập tên nghề khi chọn \"Ngành khác\""}}) {
        CAPTURE(bad.occupation.dump());
        CAPTURE(bad.text.dump());
        json form = walk_in_form();
        if (bad.occupation.is_null()) {
            form.erase("occupation");
        } else {
            form["occupation"] = bad.occupation;
        }
        if (!bad.text.is_null()) form["occupation_text"] = bad.text;
        const Answer refused = roles.kiosk.post(
            "/walk-ins", form, "walkin-trade-" + std::to_string(form.dump().size()));
        CHECK(refused.status == 422);
        CHECK(error_code(refused) == "bad_occupation_text");
        CHECK(refused.body["error"]["message"] == bad.english);
        CHECK(refused.body["error"]["message_vi"] == bad.vietnamese);
    }
    // Nothing was stored: no student, no details, no event.
    CHECK(server.store().load_fair().students.size() == students_before);
    CHECK_FALSE(server.store().student_details(StudentId("W0001")).has_value());
    CHECK(server.store().events().size() == events_before);
    // The same form with a good name goes through.
    json good = walk_in_form();
    good["occupation"] = "other";
    good["occupation_text"] = "Hàn điện";
    CHECK(roles.kiosk.post("/walk-ins", good, "walkin-trade-good").status == 201);
}

TEST_CASE("login bodies without a secret get 400 and use up no attempt") {
    TemporaryFolder folder("server-login-bodies");
    SteerableClock clock(at(8, 0), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Client stranger(server.port());
    // More than enough malformed bodies to lock the organizer out if each counted as a guess.
    for (int round = 0; round < 4; ++round) {
        for (const json& body : {json::object(), json{{"password", 7}}, json{{"password", ""}},
                                 json{{"password", nullptr}}}) {
            const Answer refused = stranger.post("/auth/login", body);
            CHECK(refused.status == 400);
            CHECK(error_code(refused) == "bad_request");
        }
        CHECK(stranger.post("/auth/booth-login", {{"booth", "B01"}, {"pin", "123456"}}).status ==
              403);
        CHECK(stranger.post("/auth/enrol", json::object()).status == 400);
    }
    Client organizer(server.port());
    CHECK(organizer.post("/auth/login", {{"password", kPassword}}).status == 200);
}

TEST_CASE("a stranger gets 401 for any interview id so ids cannot be probed") {
    TemporaryFolder folder("server-probe-ids");
    SteerableClock clock(at(8, 0), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    const auto rows = server.store().interviews();
    REQUIRE_FALSE(rows.empty());  // the server plans the morning when it starts
    Client stranger(server.port());
    const std::string existing = std::to_string(rows.front().id);
    for (const std::string& id : {existing, std::string("999999")}) {
        for (const char* action : {"start", "finish", "no-show", "move"}) {
            CAPTURE(id);
            CAPTURE(action);
            const Answer answer = stranger.post("/interviews/" + id + "/" + action);
            CHECK(answer.status == 401);
            CHECK(error_code(answer) == "unauthenticated");
        }
    }
}

TEST_CASE("malformed, oversized and wrong-typed requests get a 4xx and change nothing") {
    TemporaryFolder folder("server-bad-input");
    SteerableClock clock(at(8, 0), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const auto events_before = server.store().events().size();

    CHECK(roles.kiosk.post_raw("/check-ins", "{\"ticket\": ").status == 400);
    CHECK(roles.kiosk.post_raw("/check-ins", "[1, 2]").status == 400);
    CHECK(roles.kiosk.post("/check-ins", {{"ticket", 42}}).status == 400);
    CHECK(roles.kiosk.post("/walk-ins", {{"full_name", 7}}, "walkin-typed-0001").status == 400);
    CHECK(roles.kiosk.post_raw("/walk-ins", std::string(100 * 1024, ' '), "walkin-huge-0001")
              .status == 413);
    CHECK(roles.organizer.post("/booths/B01/hours", {{"close", "25:99"}}).status == 400);
    CHECK(roles.organizer.post("/booths/B01/hours", {{"close", "07:00"}}).status == 409);
    CHECK(roles.organizer.post("/booths/B77/pause").status == 404);
    CHECK(roles.organizer.post("/interviews/999999/start").status == 404);
    CHECK(roles.organizer.get("/events?since=abc").status == 400);
    CHECK(roles.booth_b01.post("/booths/B01/seats/5/call-next").status == 409);
    CHECK(roles.organizer.post("/clock", {{"now", "07:00"}}).status == 409);  // never backwards
    // Access changes (logins, enrolments) are not fair events: the log is unchanged.
    CHECK(server.store().events().size() == events_before);
}

TEST_CASE("a booth calls, starts and finishes — the board sees ticket labels only") {
    TemporaryFolder folder("server-booth");
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const std::string ticket = roles.ticket_of("S1");
    const Answer checked_in = roles.kiosk.post("/check-ins", {{"ticket", ticket}});
    REQUIRE(checked_in.status == 201);
    json first;
    for (const auto& interview : checked_in.body["interviews"]) {
        if (interview["booth"] == "B01") first = interview;
    }
    REQUIRE_MESSAGE(first.is_object(), "S1 wants B01 first: ", checked_in.body.dump());
    REQUIRE(roles.organizer.post("/clock", {{"now", first["start"]}}).status == 200);

    const Answer call = roles.booth_b01.post("/booths/B01/seats/0/call-next");
    REQUIRE(call.status == 200);
    REQUIRE(call.body["called"].is_object());
    const auto id = std::to_string(call.body["called"]["id"].get<long long>());
    CHECK(call.body["called"]["student"] == "S1");

    // Staff scan the ticket of whoever sits down.
    CHECK(roles.booth_b01.post("/interviews/" + id + "/verify-ticket", {{"ticket", ticket}})
              .body["match"] == true);
    CHECK(roles.booth_b01
              .post("/interviews/" + id + "/verify-ticket", {{"ticket", roles.ticket_of("S2")}})
              .body["match"] == false);

    const Answer board = roles.board.get("/calls/recent");
    REQUIRE(board.body["calls"].size() == 1);
    CHECK(board.body["calls"][0]["ticket_label"] == ticket_label(1));
    CHECK(board.body["calls"][0]["booth"] == "B01");
    CHECK(board.body.dump().find("Nguyễn") == std::string::npos);
    CHECK(board.body.dump().find("S1") == std::string::npos);

    CHECK(roles.booth_b01.post("/interviews/" + id + "/start").status == 200);
    // The queue says how long ago the interview began, so a restarted station's timer goes on.
    const Answer under_way = roles.booth_b01.get("/booths/B01/queue");
    for (const auto& item : under_way.body["queue"]) {
        if (item["id"] == call.body["called"]["id"]) {
            CHECK(item["status"] == "in_progress");
            REQUIRE(item["status_seconds"].is_number_integer());
            CHECK(item["status_seconds"].get<int>() >= 0);
            CHECK(item["status_seconds"].get<int>() < 60);
        } else {
            CHECK_FALSE(item.contains("status_seconds"));
        }
    }
    CHECK(roles.booth_b01.post("/interviews/" + id + "/finish", {{"outcome", "hired"}}).status ==
          400);
    CHECK(roles.booth_b01
              .post("/interviews/" + id + "/finish",
                    {{"outcome", "internship"}, {"note", "Hàn tốt, cần thêm chứng chỉ"}})
              .status == 200);
    const Answer queue = roles.booth_b01.get("/booths/B01/queue");
    for (const auto& item : queue.body["queue"])
        CHECK(item["id"] != call.body["called"]["id"]);
    const Answer overview = roles.organizer.get("/overview");
    CHECK(overview.body["date"] == "2025-03-14");
    CHECK(overview.body["venue"] == "Nhà văn hóa thị xã Quảng Yên");
    CHECK(overview.body["booths"][0]["done"] == 1);
    CHECK(overview.body["interviews_by_status"]["done"] == 1);
}

TEST_CASE("the event stream delivers each committed change, and resumes from Last-Event-ID") {
    TemporaryFolder folder("server-stream");
    SteerableClock clock(at(7, 50), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const std::string ticket = roles.ticket_of("S3");
    const EventId before = server.store().events().back().id;

    std::vector<client::ServerSentEvent> received;
    std::thread listener([&] {
        client::ClientOptions options = client::stream_options();
        options.read_timeout = std::chrono::seconds(5);
        client::StreamConnection stream(url_of(server.port()), options);
        stream.read(roles.organizer_token(), before, {}, [&](const client::ServerSentEvent& event) {
            received.push_back(event);
            return event.kind != "student.checked_in";  // enough: close the stream
        });
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    REQUIRE(roles.kiosk.post("/check-ins", {{"ticket", ticket}}).status == 201);
    listener.join();
    REQUIRE_FALSE(received.empty());
    CHECK(received.front().id == before + 1);
    CHECK(received.back().kind == "student.checked_in");
    CHECK(received.back().data.find("\"student\":\"S3\"") != std::string::npos);
}

TEST_CASE("after a restart on the same database the day, the tokens and the tickets go on") {
    TemporaryFolder folder("server-restart");
    const auto database = folder.path() / "fair.db";
    SteerableClock clock(at(7, 50), 0);
    const TicketKey key = TicketKey::generate();
    std::string organizer_token, kiosk_token, ticket;
    json overview_before;
    {
        RunningServer server(database, clock, key);
        Roles roles(server.port());
        ticket = roles.ticket_of("S1");
        REQUIRE(roles.kiosk.post("/check-ins", {{"ticket", ticket}}).status == 201);
        REQUIRE(roles.kiosk.post("/walk-ins", walk_in_form(), "walkin-restart-01").status == 201);
        REQUIRE(roles.organizer.post("/booths/B02/pause").status == 200);
        overview_before = roles.organizer.get("/overview").body;
        organizer_token = roles.organizer_token();
        kiosk_token = roles.kiosk_token();
    }
    RunningServer server(database, clock, key);
    Client organizer(server.port());
    organizer.use_token(organizer_token);
    const Answer overview_after = organizer.get("/overview");
    REQUIRE(overview_after.status == 200);
    // When devices were last heard from is not kept across a restart; everything else is.
    json after = overview_after.body;
    after.erase("devices");
    overview_before.erase("devices");
    CHECK(after == overview_before);
    Client kiosk(server.port());
    kiosk.use_token(kiosk_token);
    const Answer again = kiosk.post("/check-ins", {{"ticket", ticket}});
    CHECK(again.status == 200);
    CHECK(again.body["already_checked_in"] == true);
    CHECK(kiosk.post("/walk-ins", walk_in_form(), "walkin-restart-01").status == 200);
    CHECK(server.store().load_fair().students.size() == 4);
}

TEST_CASE("the organizer moves an interview only where the rules allow, and revokes tickets") {
    TemporaryFolder folder("server-move");
    SteerableClock clock(at(7, 50), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const std::string ticket = roles.ticket_of("S3");
    const Answer checked_in = roles.kiosk.post("/check-ins", {{"ticket", ticket}});
    REQUIRE(checked_in.status == 201);
    const json promise = checked_in.body["interviews"][0];
    const std::string id = std::to_string(promise["id"].get<long long>());

    // S3 is a welder who wants B02 only: B01 is not among their preferences (rule 5), and its
    // seat may be taken then too (rule 1); the answer names the first rule that breaks.
    const Answer wrong_booth = roles.organizer.post(
        "/interviews/" + id + "/move", {{"booth", "B01"}, {"seat", 0}, {"start", "08:45"}});
    CHECK(wrong_booth.status == 409);
    CHECK_MESSAGE(wrong_booth.body["error"]["message"].get<std::string>().starts_with(
                      "cannot move there: rule"),
                  wrong_booth.body.dump());
    CHECK(roles.organizer.post("/interviews/" + id + "/move", {{"booth", "B02"}}).status == 400);
    // A seat number past int's range, or negative, is refused; it used to wrap around.
    for (const json& seat : {json(4294967296ULL), json(-1), json(1000), json(1.5)}) {
        CAPTURE(seat.dump());
        CHECK(roles.organizer
                  .post("/interviews/" + id + "/move",
                        {{"booth", "B02"}, {"seat", seat}, {"start", "08:45"}})
                  .status == 400);
    }
    CHECK(roles.booth_b01
              .post("/interviews/" + id + "/move",
                    {{"booth", "B02"}, {"seat", 0}, {"start", "08:45"}})
              .status == 403);
    const std::string new_start = promise["start"] == "08:45" ? "08:30" : "08:45";
    // Whatever was planned in that seat and slot stands in the way (rule 1) unless it is free.
    const Answer moved = roles.organizer.post(
        "/interviews/" + id + "/move", {{"booth", "B02"}, {"seat", 0}, {"start", new_start}});
    if (moved.status == 200) {
        const Answer status = roles.kiosk.get("/tickets/" + ticket + "/status");
        CHECK(status.body["interviews"][0]["start"] == new_start);
    } else {
        CHECK(moved.status == 409);
        CHECK(moved.body["error"]["message"].get<std::string>().find("rule 1") !=
              std::string::npos);
    }

    const Answer revoked = roles.organizer.post("/students/S3/ticket/revoke", {{"reason", "lost"}});
    CHECK(revoked.status == 200);
    CHECK(error_code(roles.kiosk.post("/check-ins", {{"ticket", ticket}})) == "ticket_revoked");
    const Answer reissued = roles.organizer.post("/students/S3/ticket/reissue");
    REQUIRE(reissued.status == 201);
    CHECK(reissued.body["ticket"] != ticket);
    CHECK(roles.kiosk.post("/check-ins", {{"ticket", reissued.body["ticket"]}}).status == 200);
}

TEST_CASE("the organizer finds students by name without diacritics, by ticket and by phone") {
    TemporaryFolder folder("server-search");
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    REQUIRE(roles.kiosk.post("/walk-ins", walk_in_form(), "search-walk-in-1").status == 201);

    const auto found = [&](const std::string& query) {
        const Answer answer = roles.organizer.get("/students?q=" + percent_encoded(query));
        REQUIRE_MESSAGE(answer.status == 200, query, " ", answer.body.dump());
        std::vector<std::string> students;
        for (const auto& student : answer.body["students"])
            students.push_back(student["student"]);
        return students;
    };
    CHECK(found("huong") == std::vector<std::string>{"W0001"});
    CHECK(found("HƯỜNG") == std::vector<std::string>{"W0001"});
    CHECK(found("nguyen van s2") == std::vector<std::string>{"S2"});
    CHECK(found("345 678") == std::vector<std::string>{"W0001"});
    CHECK(found(ticket_label(1)) == std::vector<std::string>{"S1"});
    CHECK(found(roles.ticket_of("S3")) == std::vector<std::string>{"S3"});
    CHECK(found("nobody-like-this").empty());

    const Answer walk_in = roles.organizer.get("/students?q=huong");
    CHECK(walk_in.body["students"][0]["phone"] == "0912345678");
    CHECK(walk_in.body["students"][0]["checked_in"] == "07:55");
    CHECK(error_code(roles.organizer.get("/students?q=a")) == "bad_parameter");
    CHECK(roles.kiosk.get("/students?q=huong").status == 403);
    CHECK(roles.booth_b01.get("/students?q=huong").status == 403);
}

TEST_CASE("the timeline lists every interview, and the overview carries the day's figures") {
    TemporaryFolder folder("server-timeline");
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    REQUIRE(roles.kiosk.post("/check-ins", {{"ticket", roles.ticket_of("S1")}}).status == 201);

    const Answer timeline = roles.organizer.get("/interviews");
    REQUIRE(timeline.status == 200);
    CHECK(timeline.body["slot_minutes"] == 15);
    CHECK(timeline.body["booths"].size() == 2);
    CHECK(timeline.body["interviews"].size() == server.store().interviews().size());
    for (const auto& interview : timeline.body["interviews"]) {
        CHECK_FALSE(interview["ticket_label"].get<std::string>().empty());
        CHECK(interview.contains("end"));
    }
    CHECK(roles.booth_b01.get("/interviews").status == 403);

    const Answer overview = roles.organizer.get("/overview");
    const json& figures = overview.body["figures"];
    CHECK(figures["checked_in"] == 1);
    CHECK(figures["interviews_done"] == 0);
    CHECK(figures["no_show_rate"] == 0.0);
    CHECK(overview.body["outcomes"]["offer"] == 0);
    CHECK(overview.body["long_waits_total"] == 0);  // S1 has an interview
    CHECK(overview.body["booths"][0]["open"] == "08:00");
    // The kiosk and the board enrolled by Roles; the kiosk was just heard from.
    REQUIRE(overview.body["devices"].size() == 2);
    for (const auto& device : overview.body["devices"]) {
        if (device["role"] == "kiosk") CHECK(device["seconds_since_seen"].get<int>() <= 5);
    }
}

TEST_CASE("the overview counts seat-slots freed by a no-show and refilled by another student") {
    TemporaryFolder folder("server-refill");
    {
        // 08:00-11:00, so a no-show at 08:04 is before the last hour and counts. S1 wants B01
        // only, so their promise there is the first slot (with B02 too it could be the second).
        Fair fair = morning(12);
        fair.students[0].preferences.resize(1);
        Store store(folder.path() / "fair.db");
        store.import_fair(fair, "test");
    }
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const auto figures = [&] { return roles.organizer.get("/overview").body["figures"]; };
    CHECK(figures()["freed_seat_slots"] == 0);
    CHECK(figures()["refilled_seat_slots"] == 0);

    REQUIRE(roles.kiosk.post("/check-ins", {{"ticket", roles.ticket_of("S1")}}).status == 201);
    const Answer s2 = roles.kiosk.post("/check-ins", {{"ticket", roles.ticket_of("S2")}});
    REQUIRE(s2.status == 201);
    // S2 loses its interview and waits in B01's standby queue.
    for (const auto& interview : s2.body["interviews"]) {
        const auto id = std::to_string(interview["id"].get<long long>());
        REQUIRE(
            roles.organizer.post("/interviews/" + id + "/cancel", {{"reason", "test"}}).status ==
            200);
    }
    REQUIRE(roles.organizer.post("/clock", {{"now", "08:00"}}).status == 200);
    const Answer first = roles.booth_b01.post("/booths/B01/seats/0/call-next");
    REQUIRE(first.body["called"].is_object());
    REQUIRE(first.body["called"]["student"] == "S1");
    REQUIRE(roles.organizer.post("/clock", {{"now", "08:04"}}).status == 200);
    const auto s1_id = std::to_string(first.body["called"]["id"].get<long long>());
    REQUIRE(roles.booth_b01.post("/interviews/" + s1_id + "/no-show").status == 200);
    // Freed (11 minutes of the 08:00 slot left), not used yet.
    CHECK(figures()["freed_seat_slots"] == 1);
    CHECK(figures()["refilled_seat_slots"] == 0);

    const Answer taken =
        roles.booth_b01.post("/booths/B01/take-walk-in", {{"student", "S2"}, {"seat", 0}});
    REQUIRE_MESSAGE(taken.status == 200, taken.body.dump());
    // A call alone refills nothing: the student must start.
    CHECK(figures()["refilled_seat_slots"] == 0);
    const auto s2_id = std::to_string(taken.body["called"]["id"].get<long long>());
    REQUIRE(roles.booth_b01.post("/interviews/" + s2_id + "/start").status == 200);
    CHECK(figures()["freed_seat_slots"] == 1);
    CHECK(figures()["refilled_seat_slots"] == 1);
}

TEST_CASE("in a booth's break its standby offers nobody, and the queue says until when") {
    TemporaryFolder folder("server-break");
    {
        Store store(folder.path() / "fair.db");
        Fair fair = morning();
        fair.booths[0].breaks = {{at(8, 15), at(8, 30)}};  // B01
        store.import_fair(fair, "test");
    }
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const Answer s2 = roles.kiosk.post("/check-ins", {{"ticket", roles.ticket_of("S2")}});
    REQUIRE(s2.status == 201);
    for (const auto& interview : s2.body["interviews"]) {
        const auto id = std::to_string(interview["id"].get<long long>());
        REQUIRE(
            roles.organizer.post("/interviews/" + id + "/cancel", {{"reason", "test"}}).status ==
            200);
    }
    const auto queue = [&] { return roles.booth_b01.get("/booths/B01/queue").body; };
    REQUIRE(roles.organizer.post("/clock", {{"now", "08:05"}}).status == 200);
    CHECK(queue()["break_until"].is_null());
    REQUIRE(queue()["standby"].size() == 1);
    CHECK(queue()["standby"][0]["blocked"].is_null());

    // In the break: the row says what take-walk-in answers, and the queue when it ends.
    REQUIRE(roles.organizer.post("/clock", {{"now", "08:20"}}).status == 200);
    const json during = queue();
    CHECK(during["break_until"] == "08:30");
    REQUIRE(during["standby"].size() == 1);
    CHECK(during["standby"][0]["blocked"] == "outside_hours");
    CHECK(error_code(roles.booth_b01.post("/booths/B01/take-walk-in",
                                          {{"student", "S2"}, {"seat", 0}})) == "outside_hours");
    // B02 has no break.
    CHECK(roles.organizer.get("/booths/B02/queue").body["break_until"].is_null());

    REQUIRE(roles.organizer.post("/clock", {{"now", "08:30"}}).status == 200);
    CHECK(queue()["break_until"].is_null());
    CHECK(queue()["standby"][0]["blocked"].is_null());
}

TEST_CASE("booth staff take a chosen student from standby into a free seat") {
    TemporaryFolder folder("server-take");
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const Answer checked_in = roles.kiosk.post("/check-ins", {{"ticket", roles.ticket_of("S2")}});
    REQUIRE(checked_in.status == 201);
    // The organizer cancels S2's interview at B01: S2 joins B01's standby queue.
    for (const auto& interview : checked_in.body["interviews"]) {
        const auto id = std::to_string(interview["id"].get<long long>());
        REQUIRE(
            roles.organizer.post("/interviews/" + id + "/cancel", {{"reason", "test"}}).status ==
            200);
    }
    // The overview counts S2 among the checked-in students without an interview, with the reason:
    // eligible, still here, never missed a call, so no seat has reached them yet.
    const json figures = roles.organizer.get("/overview").body["figures"];
    CHECK(figures["students_without_interview"] == 1);
    CHECK(figures["without_interview_by_reason"] == json{{"booths_full", 1}});
    // Before the interview hours the queue says what is in the way, as take-walk-in would.
    const Answer early = roles.booth_b01.get("/booths/B01/queue");
    REQUIRE(early.body["standby"].size() == 1);
    CHECK(early.body["standby"][0]["blocked"] == "outside_hours");
    CHECK(error_code(roles.booth_b01.post("/booths/B01/take-walk-in",
                                          {{"student", "S2"}, {"seat", 0}})) == "outside_hours");
    REQUIRE(roles.organizer.post("/clock", {{"now", "08:00"}}).status == 200);
    const Answer queue = roles.booth_b01.get("/booths/B01/queue");
    REQUIRE(queue.body["standby"].size() == 1);
    CHECK(queue.body["standby"][0]["student"] == "S2");
    CHECK(queue.body["standby"][0]["blocked"].is_null());

    CHECK(error_code(roles.booth_b01.post("/booths/B01/take-walk-in",
                                          {{"student", "S3"}, {"seat", 0}})) == "not_in_standby");
    CHECK(error_code(roles.booth_b01.post("/booths/B01/take-walk-in", {{"student", "S2"}})) ==
          "bad_request");
    CHECK(
        roles.booth_b01.post("/booths/B02/take-walk-in", {{"student", "S2"}, {"seat", 0}}).status ==
        403);
    const Answer taken =
        roles.booth_b01.post("/booths/B01/take-walk-in", {{"student", "S2"}, {"seat", 0}});
    REQUIRE_MESSAGE(taken.status == 200, taken.body.dump());
    CHECK(taken.body["called"]["student"] == "S2");
    CHECK(taken.body["called"]["status"] == "called");
    CHECK(taken.body["from_standby"] == true);
    CHECK(taken.body["ticket_label"] == ticket_label(2));
    CHECK(error_code(roles.booth_b01.post("/booths/B01/take-walk-in",
                                          {{"student", "S2"}, {"seat", 0}})) == "seat_busy");
    // Call-next on the busy seat answers 200 with nobody called, the reason's code and who sits
    // there, for the station to say in its own words.
    const Answer busy = roles.booth_b01.post("/booths/B01/seats/0/call-next");
    REQUIRE(busy.status == 200);
    CHECK(busy.body["called"].is_null());
    CHECK(busy.body["nobody"] == "seat_busy");
    CHECK(busy.body["nobody_student"] == "S2");
}

TEST_CASE("the organizer changes the password and revokes a device") {
    TemporaryFolder folder("server-admin");
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());

    const Answer devices = roles.organizer.get("/admin/devices");
    REQUIRE(devices.body["devices"].size() == 3);  // the kiosk, the board, B01's station
    std::string kiosk_device;
    for (const auto& device : devices.body["devices"]) {
        if (device["role"] == "kiosk") kiosk_device = device["device"];
        CHECK(device["enrolled_at"].get<std::string>().size() == 24);
    }
    CHECK(roles.kiosk.get("/enterprises").status == 200);
    const client::ApiClient raw(url_of(server.port()));
    const client::Answer revoked =
        raw.remove("/admin/devices/" + kiosk_device, roles.organizer_token());
    REQUIRE(revoked.reached);
    CHECK(revoked.status == 200);
    CHECK(roles.kiosk.get("/enterprises").status == 401);
    CHECK(raw.remove("/admin/devices/" + kiosk_device, roles.organizer_token()).status == 404);

    CHECK(error_code(roles.organizer.post("/auth/password",
                                          {{"current", "not it"}, {"new", "một mật khẩu mới"}})) ==
          "wrong_password");
    CHECK(error_code(
              roles.organizer.post("/auth/password", {{"current", kPassword}, {"new", "ngắn"}})) ==
          "password_too_short");
    const Answer changed = roles.organizer.post(
        "/auth/password", {{"current", kPassword}, {"new", "một mật khẩu mới"}});
    REQUIRE(changed.status == 200);
    CHECK(roles.organizer.get("/overview").status == 401);  // every organizer session ended
    Client again(server.port());
    CHECK(again.post("/auth/login", {{"password", kPassword}}).status == 401);
    CHECK(again.post("/auth/login", {{"password", "một mật khẩu mới"}}).status == 200);
}

TEST_CASE("the organizer downloads the day's exports, and nobody else may") {
    TemporaryFolder folder("server-exports");
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    REQUIRE(roles.kiosk.post("/walk-ins", walk_in_form(), "export-walk-in-1").status == 201);

    const client::ApiClient raw(url_of(server.port()));
    const client::Answer csv =
        raw.get("/exports/attendance-by-school.csv", roles.organizer_token());
    REQUIRE(csv.reached);
    CHECK(csv.status == 200);
    CHECK(csv.header("Content-Type") == "text/csv; charset=utf-8");
    CHECK(csv.header("content-disposition").find("attendance-by-school.csv") != std::string::npos);
    CHECK(csv.body.rfind("\xEF\xBB\xBF", 0) == 0);  // Excel reads the BOM as UTF-8
    CHECK(csv.body.find("Trường Cao đẳng Việt–Hàn Quảng Ninh") != std::string::npos);
    const client::Answer html = raw.get("/exports/summary.html", roles.organizer_token());
    REQUIRE(html.reached);
    CHECK(html.status == 200);
    CHECK(html.body.find("Test fair") != std::string::npos);
    CHECK(html.body.find("14/03/2025") != std::string::npos);  // the fair's date, in the report

    CHECK(error_code(roles.organizer.get("/exports/passwords.csv")) == "unknown_export");
    CHECK(roles.kiosk.get("/exports/interviews.csv").status == 403);
    CHECK(roles.booth_b01.get("/exports/interviews.csv").status == 403);
}

TEST_CASE("with a certificate the server speaks HTTPS only") {
    TemporaryFolder folder("server-tls");
    const auto certificate = folder.path() / "venue.crt";
    const auto private_key = folder.path() / "venue.key";
    const std::string make_certificate =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
        private_key.string() + "' -out '" + certificate.string() + "' >/dev/null 2>&1";
    if (std::system(make_certificate.c_str()) != 0) {
        MESSAGE("openssl is not installed: the TLS test is skipped");
        return;
    }
    Store store(folder.path() / "fair.db");
    store.import_fair(morning(), "test");
    SteerableClock clock(at(8, 0), 0);
    ServerOptions options = fast_options();
    options.tls_certificate = certificate;
    options.tls_private_key = private_key;
    FairServer server(store, clock, TicketKey::generate(), options);
    REQUIRE(server.bind("127.0.0.1", 0));
    std::thread serving([&] { server.run(); });
    for (int i = 0; i < 500 && !server.is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));

    const std::string secure_url = "https://127.0.0.1:" + std::to_string(server.port());
    client::ClientOptions trusting;
    trusting.ca_certificate = certificate;
    const client::Answer hello = client::ApiClient(secure_url, trusting).get("/hello", {});
    REQUIRE_MESSAGE(hello.reached, "no HTTPS answer: ", hello.transport_error);
    CHECK(hello.status == 200);
    // A client that does not trust the certificate is refused, and plain HTTP gets nothing.
    CHECK_FALSE(client::ApiClient(secure_url).get("/hello", {}).reached);
    client::ClientOptions impatient;
    impatient.read_timeout = std::chrono::seconds(2);
    const client::Answer clear =
        client::ApiClient(url_of(server.port()), impatient).get("/hello", {});
    CHECK((!clear.reached || clear.status != 200));
    server.stop();
    serving.join();

    ServerOptions half = fast_options();
    half.tls_certificate = certificate;
    CHECK_THROWS_AS(FairServer(store, clock, TicketKey::generate(), half), std::invalid_argument);
}

TEST_CASE("a simulated morning logs in with a station's PIN and leaves the station logged in") {
    // The demo opens booth stations before the simulation starts; with the station's PIN the
    // simulation shares the booth, without it the simulation's new PIN ends the station's session.
    const auto station_still_logged_in = [](bool simulation_knows_the_pin) {
        TemporaryFolder folder("server-simulated-station");
        SteerableClock clock(at(7, 30), 0);
        RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
        Roles roles(server.port());
        const Answer pin = roles.organizer.post("/admin/booths/B01/pin");
        REQUIRE(pin.status == 201);
        Client station(server.port());
        roles.enrol(station, "booth_station", "Máy gian hàng B01 (2)", "B01");
        const Answer login =
            station.post("/auth/booth-login", {{"booth", "B01"}, {"pin", pin.body["pin"]}});
        REQUIRE(login.status == 200);
        station.use_token(login.body["token"]);

        SimulationOptions options;
        options.port = server.port();
        options.organizer_password = kPassword;
        options.until = TimeOfDay::parse("08:30");
        if (simulation_knows_the_pin) options.booth_pins["B01"] = pin.body["pin"];
        const SimulationReport report = simulate_morning(server.store().load_fair(), options);
        CHECK(report.checked_in > 0);
        return station.get("/booths/B01/queue").status == 200;
    };
    CHECK(station_still_logged_in(true));
    CHECK_FALSE(station_still_logged_in(false));
}

TEST_CASE("a simulated morning goes on until the last interview begun is finished") {
    // One seat, two students, every interview three slots long (the people model's longest):
    // the second begins near the end of the day and runs well past it. Staff finish it; the
    // morning must not stop with it under way (the day as held would miss it).
    TemporaryFolder folder("server-simulated-overtime");
    Fair fair = small_fair(4);  // 08:00-09:00, 15-minute slots
    add_booth(fair, "B01");
    add_student(fair, "S1", {"B01"});
    add_student(fair, "S2", {"B01"});
    {
        Store store(folder.path() / "fair.db");
        store.import_fair(fair, "test");
    }
    SteerableClock clock(at(7, 30), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());

    SimulationOptions options;
    options.port = server.port();
    options.organizer_password = kPassword;
    options.seed = 3;
    options.no_show_rate = 0;
    options.walk_in_share = 0;
    options.leave_early_rate = 0;
    options.people.absent_rate = 0;
    options.people.group_late_share = 0;
    options.people.straggler_share = 0;
    options.people.step_aways_per_hour = 0;
    options.people.silent_leave_rate = 0;
    options.people.interview_median_share_of_slot = 3.0;
    options.people.interview_length_sigma = 0;
    simulate_morning(server.store().load_fair(), options);

    int done = 0;
    TimeOfDay last_start = at(8, 0);
    for (const StoredInterview& stored : server.store().interviews()) {
        CAPTURE(stored.interview.student.str());
        CHECK(stored.status != InterviewStatus::called);
        CHECK(stored.status != InterviewStatus::in_progress);
        if (stored.status == InterviewStatus::done) {
            ++done;
            last_start = std::max(last_start, stored.interview.start);
        }
    }
    CHECK(done == 2);
    // The case this is about: the second interview's slot is late enough that 45 minutes from
    // its start reach past the day's end and half an hour.
    CHECK(last_start >= at(8, 30));
}

TEST_CASE("a kiosk's hello with its token counts as seen, and a wrong token is not refused") {
    TemporaryFolder folder("server-hello-seen");
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const auto kiosk_seen = [&]() -> json {
        const Answer devices = roles.organizer.get("/admin/devices");
        for (const auto& device : devices.body["devices"]) {
            if (device["role"] == "kiosk") return device["seconds_since_seen"];
        }
        FAIL("no kiosk among the devices");
        return {};
    };
    CHECK(kiosk_seen().is_null());  // enrolled, never heard from since
    CHECK(roles.kiosk.get("/hello").status == 200);
    CHECK(kiosk_seen() == 0);
    Client stranger(server.port());
    stranger.use_token("not-a-token");
    CHECK(stranger.get("/hello").status == 200);
}

TEST_CASE("the server's answers parse into the clients' typed structs with their codes as enums") {
    TemporaryFolder folder("server-typed");
    SteerableClock clock(at(7, 55), 0);
    RunningServer server(folder.path() / "fair.db", clock, TicketKey::generate());
    Roles roles(server.port());
    const Answer checked_in = roles.kiosk.post("/check-ins", {{"ticket", roles.ticket_of("S1")}});
    REQUIRE(checked_in.status == 201);
    const auto check_in = checked_in.body.get<protocol::CheckInAnswer>();
    REQUIRE_FALSE(check_in.interviews.empty());
    std::string b01_start;
    for (const auto& interview : check_in.interviews) {
        CHECK(interview.status == InterviewStatus::promised);
        if (interview.booth == "B01") b01_start = interview.start;
    }
    REQUIRE_FALSE(b01_start.empty());
    REQUIRE(roles.organizer.post("/clock", {{"now", b01_start}}).status == 200);

    // The call answer, someone called and then nobody (the seat is busy).
    const Answer call = roles.booth_b01.post("/booths/B01/seats/0/call-next");
    REQUIRE(call.status == 200);
    const auto called = call.body.get<protocol::CallAnswer>();
    REQUIRE(called.called);
    CHECK(called.called->status == InterviewStatus::called);
    CHECK(called.called->interview.student == StudentId("S1"));
    CHECK(called.nobody == CallNobody::none);
    CHECK(called.ticket_label == ticket_label(1));
    CHECK(called.why_nobody.empty());
    const auto busy =
        roles.booth_b01.post("/booths/B01/seats/0/call-next").body.get<protocol::CallAnswer>();
    CHECK_FALSE(busy.called);
    CHECK(busy.nobody == CallNobody::seat_busy);
    CHECK(busy.nobody_student == "S1");

    // The booth's queue, as the station reads it.
    const auto queue =
        booth::parse_booth_queue(roles.booth_b01.get("/booths/B01/queue").body.dump());
    REQUIRE_FALSE(queue.queue.empty());
    CHECK(queue.queue.front().status == InterviewStatus::called);
    CHECK(queue.queue.front().whereabouts == Whereabouts::checked_in);
    const auto id = std::to_string(called.called->id);
    REQUIRE(roles.booth_b01.post("/interviews/" + id + "/start").status == 200);
    REQUIRE(roles.booth_b01.post("/interviews/" + id + "/finish", {{"outcome", "offer"}}).status ==
            200);

    // The board's recent calls, each with its time on the fair clock, and the fair clock now.
    const auto recent =
        board::parse_recent_calls_answer(roles.board.get("/calls/recent").body.dump());
    const auto& calls = recent.calls;
    REQUIRE(calls.size() == 1);
    CHECK(calls.front().status == InterviewStatus::done);
    REQUIRE(recent.now);
    CHECK(*recent.now == clock.now());
    CHECK(calls.front().time <= clock.now());

    // The dashboard's overview, timeline and search.
    const auto overview = dashboard::parse_overview(roles.organizer.get("/overview").body.dump());
    CHECK(overview.outcomes.at(InterviewOutcome::offer) == 1);
    CHECK(overview.outcomes.at(InterviewOutcome::not_suitable) == 0);
    CHECK(overview.interviews_by_status.at(InterviewStatus::done) == 1);
    REQUIRE(overview.devices.size() == 2);
    for (const auto& device : overview.devices)
        CHECK((device.role == Role::kiosk || device.role == Role::board));
    const auto timeline = dashboard::parse_timeline(roles.organizer.get("/interviews").body.dump());
    int done = 0;
    for (const auto& interview : timeline.interviews) {
        if (interview.status != InterviewStatus::done) continue;
        ++done;
        CHECK(interview.outcome == InterviewOutcome::offer);
    }
    CHECK(done == 1);
    const auto search =
        dashboard::parse_student_search(roles.organizer.get("/students?q=S1").body.dump());
    REQUIRE(search.students.size() == 1);
    bool saw_done = false;
    for (const auto& interview : search.students.front().interviews)
        saw_done = saw_done || interview.status == InterviewStatus::done;
    CHECK(saw_done);
}
