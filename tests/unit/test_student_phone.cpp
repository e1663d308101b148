// The student's own phone (issue 16, item 4): the status token, its gate, the status answer and
// the two buttons, from the token's derivation down to the live fair's calls and up through a
// real server.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "common/api_routes.hpp"
#include "common/client/api_client.hpp"
#include "common/protocol.hpp"
#include "common/ticket.hpp"
#include "fair_builder.hpp"
#include "kiosk/checkin/model/session.hpp"
#include "scheduler/live/live_fair.hpp"
#include "scheduler/live/server_views.hpp"
#include "scheduler/live/student_status.hpp"
#include "scheduler/server/fair_server.hpp"
#include "scheduler/server/phone_page.hpp"
#include "scheduler/server/public_url.hpp"

using namespace jobfair;
using namespace jobfair::testing;
using nlohmann::json;

namespace {

// One booth of one seat, four slots from 08:00; S1 and S2 want B01, S3 wants B02.
Fair phone_fair() {
    Fair fair = small_fair(4);
    add_booth(fair, "B01").location = "Dãy A, số 1";
    add_booth(fair, "B02");
    add_student(fair, "S1", {"B01"});
    add_student(fair, "S2", {"B01"});
    add_student(fair, "S3", {"B02"});
    return fair;
}

Store loaded_store(const Fair& fair, const std::filesystem::path& path = ":memory:") {
    Store store(path);
    store.import_fair(fair, "test");
    store.issue_tickets("test");
    return store;
}

std::optional<StoredInterview> promise_at(const Store& store, const BoothId& booth,
                                          TimeOfDay start) {
    for (const auto& row : store.interviews()) {
        if (row.interview.booth == booth && row.interview.start == start &&
            row.status == InterviewStatus::promised)
            return row;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("a status token is derived from the key and the ticket, and only its digest is kept") {
    const TicketKey key = TicketKey::generate();
    const std::string token = status_token_for(key, 87);
    CHECK(token.size() == kStatusTokenLength);
    CHECK(looks_like_status_token(token));
    CHECK(status_token_for(key, 87) == token);  // a repeated check-in prints the same link
    CHECK(status_token_for(key, 88) != token);  // a reissued ticket gets a new one
    CHECK(status_token_for(TicketKey::generate(), 87) != token);  // another fair's key
    CHECK(token != issue_ticket(key, 87));
    CHECK_FALSE(looks_like_status_token(issue_ticket(key, 87)));
    CHECK_FALSE(looks_like_status_token(token.substr(1)));
    CHECK_FALSE(looks_like_status_token(token.substr(1) + "!"));
    const std::string digest = status_token_digest(token);
    CHECK(digest.size() == 64);
    CHECK(digest.find(token) == std::string::npos);

    Store store = loaded_store(phone_fair());
    store.record_status_token(87, digest);
    store.record_status_token(87, digest);  // again: nothing changes
    CHECK(store.status_token_ticket(digest) == 87u);
    CHECK_FALSE(store.status_token_ticket(status_token_digest(status_token_for(key, 88))));
}

TEST_CASE("revoking a ticket withdraws its status token") {
    const TicketKey key = TicketKey::generate();
    Store store = loaded_store(phone_fair());
    const auto ticket = store.ticket_of(StudentId("S1"));
    REQUIRE(ticket);
    const std::string digest = status_token_digest(status_token_for(key, ticket->number));
    store.record_status_token(ticket->number, digest);
    store.revoke_ticket(ticket->number, "lost", "organizer");
    CHECK_FALSE(store.status_token_ticket(digest));
}

TEST_CASE("an away student's promise waits: calls skip them and take them when they are back") {
    const Fair fair = phone_fair();
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.check_in(StudentId("S1"), "kiosk");
    live.check_in(StudentId("S2"), "kiosk");
    const auto first = promise_at(store, BoothId("B01"), at(8, 0));
    REQUIRE(first);
    const StudentId away = first->interview.student;

    CHECK_THROWS_AS(live.step_away(StudentId("S3"), 10, "phone"), LiveFairError);  // not here
    CHECK_THROWS_AS(live.step_away(away, 0, "phone"), LiveFairError);
    CHECK_THROWS_AS(live.step_away(away, LiveFair::kMaxAbsenceMinutes + 1, "phone"), LiveFairError);

    clock.set(at(8, 0));
    const auto absence = live.step_away(away, 10, "phone:A-0001");
    CHECK(absence.until == at(8, 10));
    CHECK(store.events().back().kind == "student.stepped_away");
    CHECK(live.absence_now(away).has_value());
    CHECK(live.standby_block(*fair.find_student(away), BoothId("B02"), store.interviews()) ==
          StandbyBlock::away);

    const auto skipped = live.call_next(BoothId("B01"), 0, "booth");
    CHECK_FALSE(skipped.called.has_value());
    // The promise is kept, at its seat and time.
    const auto kept = promise_at(store, BoothId("B01"), at(8, 0));
    REQUIRE(kept);
    CHECK(kept->id == first->id);

    // The booth's queue shows them away, until when.
    const DayState day = day_state(store, live, clock.now());
    const json queue = booth_queue_view(day, store, live, BoothId("B01"));
    bool shown_away = false;
    for (const auto& item : queue["queue"]) {
        if (item["id"] == first->id) {
            shown_away = item["whereabouts"] == "away" && item["away_until"] == "08:10";
        }
    }
    CHECK(shown_away);

    // A restart keeps what the student said.
    LiveFair restarted(store, clock);
    CHECK(restarted.absence_now(away) == absence);

    clock.set(at(8, 10));  // back, still within the slot: called first
    const auto called = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(called.called.has_value());
    CHECK(called.called->id == first->id);
    // Being called, they cannot step away.
    CHECK_THROWS_AS(live.report_running_late(away, 5, "phone"), LiveFairError);
}

TEST_CASE(
    "back from an absence early, the student is called again, and running late works the same") {
    const Fair fair = phone_fair();
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.check_in(StudentId("S1"), "kiosk");
    live.check_in(StudentId("S2"), "kiosk");
    const auto first = promise_at(store, BoothId("B01"), at(8, 0));
    REQUIRE(first);
    const StudentId late = first->interview.student;

    clock.set(at(7, 58));
    const auto absence = live.report_running_late(late, 15, "phone");
    CHECK(absence.kind == Store::AbsenceKind::running_late);
    CHECK(store.events().back().kind == "student.running_late");
    clock.set(at(8, 1));
    CHECK_FALSE(live.call_next(BoothId("B01"), 0, "booth").called.has_value());
    CHECK(live.come_back(late, "phone"));
    CHECK(store.events().back().kind == "student.back");
    CHECK_FALSE(live.come_back(late, "phone"));  // not away any more: nothing written
    CHECK(store.student_absences().empty());
    const auto called = live.call_next(BoothId("B01"), 0, "booth");
    REQUIRE(called.called.has_value());
    CHECK(called.called->id == first->id);
}

TEST_CASE("when the slot passes while away, the promise is not dropped: the late rules move it") {
    const Fair fair = phone_fair();
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.check_in(StudentId("S1"), "kiosk");
    const auto first = promise_at(store, BoothId("B01"), at(8, 0));
    REQUIRE(first);
    clock.set(at(8, 0));
    live.step_away(first->interview.student, 30, "phone");
    clock.set(at(8, 16));  // the 08:00 slot is over, the student still away
    live.shift_late_promises("server");
    bool still_promised = false;
    for (const auto& row : store.interviews()) {
        if (row.id == first->id) still_promised = row.status == InterviewStatus::promised;
    }
    CHECK(still_promised);
}

TEST_CASE("the status answer holds the student's own interviews and nobody else's") {
    const Fair fair = phone_fair();
    Store store = loaded_store(fair);
    ManualClock clock(at(7, 50));
    LiveFair live(store, clock);
    live.check_in(StudentId("S1"), "kiosk");
    live.check_in(StudentId("S2"), "kiosk");
    const auto ticket = store.ticket_of(StudentId("S2"));
    REQUIRE(ticket);
    const DayState day = day_state(store, live, clock.now());
    const protocol::StudentStatus status =
        student_status_view(day, live, StudentId("S2"), ticket->number);
    CHECK(status.ticket_label == ticket_label(ticket->number));
    CHECK(status.checked_in);
    REQUIRE_FALSE(status.interviews.empty());
    const auto& interview = status.interviews.front();
    CHECK(interview.booth == "B01");
    CHECK(interview.location == "Dãy A, số 1");
    CHECK(TimeOfDay::parse(interview.be_there_by)
              ->plus_minutes(protocol::kComeBackMinutesBeforeStart) ==
          TimeOfDay::parse(interview.start));
    CHECK(interview.queue_position == (interview.start == "08:00" ? 1 : 2));
    // The likely start: the slot's, plus the walk over, or later when the seat runs behind.
    REQUIRE(interview.estimate.has_value());
    CHECK(TimeOfDay::parse(*interview.estimate) > TimeOfDay::parse(interview.start));
    const std::string text = json(status).dump();
    for (const char* foreign : {"S1", "S2", "Nguyễn"}) {
        CAPTURE(foreign);
        CHECK(text.find(foreign) == std::string::npos);
    }
    CHECK(json(status).get<protocol::StudentStatus>().interviews.size() ==
          status.interviews.size());
}

TEST_CASE("the phone's URL is the LAN address the server listens on, never loopback if any") {
    const std::vector<InterfaceAddress> addresses{{"lo", "127.0.0.1", true},
                                                  {"eth1", "203.0.113.5", false},
                                                  {"wlan0", "192.168.1.10", false}};
    CHECK(default_public_url("0.0.0.0", 8080, false, addresses) == "http://192.168.1.10:8080");
    CHECK(default_public_url("127.0.0.1", 8080, false, addresses) == "http://192.168.1.10:8080");
    CHECK(default_public_url("10.0.0.2", 8080, false, addresses) == "http://10.0.0.2:8080");
    CHECK(default_public_url("0.0.0.0", 443, true, addresses) == "https://192.168.1.10");
    CHECK(default_public_url("0.0.0.0", 8080, false, {{"lo", "127.0.0.1", true}}) ==
          "http://127.0.0.1:8080");
    CHECK(normalised_public_url("http://192.168.1.10:8080/") == "http://192.168.1.10:8080");
    CHECK_FALSE(normalised_public_url("192.168.1.10:8080"));
    CHECK_FALSE(normalised_public_url("http://192.168.1.10/p#x"));
    CHECK_FALSE(normalised_public_url("javascript:alert(1)"));
    CHECK_FALSE(listens_beyond_this_machine("127.0.0.1"));
    CHECK(listens_beyond_this_machine("0.0.0.0"));
}

namespace {

constexpr const char* kPassword = "mật-khẩu-ban-tổ-chức";

struct Reply {
    int status = 0;
    json body;
    std::string retry_after;
};

// A real server on a temporary database with a fixed public URL, and raw calls to it.
class PhoneServer {
  public:
    explicit PhoneServer(const std::filesystem::path& folder)
        : clock_(at(7, 55), 0), store_(folder / "fair.db") {
        store_.import_fair(phone_fair(), "test");
        ServerOptions options;
        options.access.password_cost = PasswordHashCost::minimum();
        options.access.pin_cost = PasswordHashCost::minimum();
        options.steerable_clock = &clock_;
        options.public_url = "http://192.168.1.10:8080";
        options.phone_presses_per_ten_minutes = 3;
        server_ = std::make_unique<FairServer>(store_, clock_, key_, options);
        server_->set_initial_organizer_password(kPassword);
        REQUIRE(server_->bind("127.0.0.1", 0));
        thread_ = std::thread([this] { server_->run(); });
        for (int i = 0; i < 500 && !server_->is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        api_ = std::make_unique<client::ApiClient>("http://127.0.0.1:" +
                                                   std::to_string(server_->port()));
        organizer_ = call("POST", "/auth/login", "", {{"password", kPassword}}).body["token"];
    }
    ~PhoneServer() {
        server_->stop();
        thread_.join();
    }
    Reply call(const std::string& method, const std::string& path, const std::string& token,
               const json& body = json::object()) {
        const std::optional<std::string> bearer =
            token.empty() ? std::nullopt : std::optional(token);
        const client::Answer answer =
            method == "GET" ? api_->get(path, bearer)
                            : api_->post(path, body.dump(), bearer, "phone-test-0001");
        REQUIRE(answer.reached);
        return {answer.status, answer.json(), answer.header("Retry-After")};
    }
    // Checks the student in (as the organizer may) and returns the check-in answer.
    json check_in(const std::string& student) {
        const Reply ticket = call("GET", "/students/" + student + "/ticket", organizer_);
        REQUIRE(ticket.status == 200);
        const Reply answer =
            call("POST", "/check-ins", organizer_, {{"ticket", ticket.body["ticket"]}});
        REQUIRE(answer.status / 100 == 2);
        return answer.body;
    }
    const std::string& organizer() const { return organizer_; }
    int port() const { return server_->port(); }

  private:
    SteerableClock clock_;
    Store store_;
    TicketKey key_ = TicketKey::generate();
    std::unique_ptr<FairServer> server_;
    std::thread thread_;
    std::unique_ptr<client::ApiClient> api_;
    std::string organizer_;
};

// The whole HTTP/1.1 answer to "GET path" (headers and body), read until the server closes:
// the page lives outside /api/v1, where the API client does not go.
std::string raw_get(int port, const std::string& path) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    const std::string request =
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    REQUIRE(::write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size()));
    std::string answer;
    char buffer[4096];
    for (ssize_t got; (got = ::read(fd, buffer, sizeof buffer)) > 0;)
        answer.append(buffer, static_cast<size_t>(got));
    ::close(fd);
    return answer;
}

std::string token_of(const json& check_in_answer) {
    const std::string url = check_in_answer.at("status_url");
    return url.substr(url.find('#') + 1);
}

}  // namespace

TEST_CASE("a status token opens its student's status and buttons, and nothing else") {
    const auto folder =
        std::filesystem::temp_directory_path() / ("jobfair-phone-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    {
        PhoneServer server(folder);
        CHECK(server.call("GET", "/hello", "").body["public_url"] == "http://192.168.1.10:8080");
        const json answer = server.check_in("S1");
        const std::string url = answer["status_url"];
        CHECK(url.starts_with("http://192.168.1.10:8080/p#"));
        const std::string token = token_of(answer);
        CHECK(token.size() == kStatusTokenLength);
        CHECK(url.find(std::string(answer["ticket"])) == std::string::npos);
        CHECK(token_of(server.check_in("S1")) == token);  // a repeated scan: the same link

        const Reply status = server.call("GET", "/me/status", token);
        REQUIRE(status.status == 200);
        CHECK(status.body["ticket_label"] == answer["ticket_label"]);
        CHECK(status.body.dump().find("S1") == std::string::npos);

        // Not a ticket, not a device token: no other route takes it, it takes no other token.
        CHECK(server.call("POST", "/check-ins", token, {{"ticket", token}}).status == 401);
        CHECK(server.call("GET", "/booths/B01/queue", token).status == 401);
        CHECK(server.call("GET", "/events", token).status == 401);
        CHECK(server.call("GET", "/me/status", server.organizer()).status == 401);
        CHECK(server.call("GET", "/me/status", "").status == 401);
        // The last character changed (to one it is not), so the forgery is never the token.
        const Reply forged = server.call("GET", "/me/status",
                                         token.substr(0, 42) + (token.back() == 'A' ? "B" : "A"));
        CHECK(forged.status == 401);
        CHECK(forged.body["error"]["code"] == "status_link_invalid");
        CHECK_FALSE(std::string(forged.body["error"]["message_vi"]).empty());

        // The buttons: the live fair's refusals in both languages, then a bounded number.
        const Reply too_long = server.call("POST", "/me/step-away", token, {{"minutes", 600}});
        CHECK(too_long.status == 409);
        CHECK_FALSE(std::string(too_long.body["error"]["message_vi"]).empty());
        CHECK(server.call("POST", "/me/step-away", token, {{"minutes", "ten"}}).status == 400);
        const Reply late = server.call("POST", "/me/running-late", token, {{"minutes", 10}});
        REQUIRE(late.status == 200);
        CHECK(late.body["away"]["kind"] == "running_late");
        CHECK(late.body["away"]["until"] == "08:05");
        const Reply back = server.call("POST", "/me/back", token);
        CHECK(back.status == 200);
        CHECK(back.body["away"].is_null());
        const Reply limited = server.call("POST", "/me/step-away", token, {{"minutes", 5}});
        CHECK(limited.status == 429);
        CHECK(limited.body["error"]["code"] == "too_many_presses");
        CHECK_FALSE(limited.retry_after.empty());

        // Another student's token sees another status; a revoked ticket's token is refused.
        const std::string other = token_of(server.check_in("S2"));
        CHECK(server.call("GET", "/me/status", other).body["ticket_label"] !=
              answer["ticket_label"]);
        REQUIRE(server
                    .call("POST", "/students/S2/ticket/revoke", server.organizer(),
                          {{"reason", "lost"}})
                    .status == 200);
        CHECK(server.call("GET", "/me/status", other).status == 401);
        CHECK(server.call("GET", "/me/status", token).status == 200);
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("the status page is served with its token kept out of the request") {
    const auto folder = std::filesystem::temp_directory_path() /
                        ("jobfair-phone-page-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    {
        PhoneServer server(folder);
        const std::string page = raw_get(server.port(), "/p");
        CHECK(page.starts_with("HTTP/1.1 200"));
        CHECK(page.find("Tôi đến muộn") != std::string::npos);
        CHECK(page.find("I'm running late") != std::string::npos);
        CHECK(page.find("location.hash") != std::string::npos);
        CHECK(page.find("\"Authorization\": \"Bearer \"") != std::string::npos);
        CHECK(page.size() < 32 * 1024);  // tiny, for a cheap phone on busy Wi-Fi
        CHECK(page.find("connect-src 'self'") != std::string::npos);
        CHECK(page.find("Referrer-Policy: no-referrer") != std::string::npos);
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("the kiosk shows the phone's QR only for the server's own answer with a page link") {
    protocol::CheckInAnswer answer;
    answer.ticket = "JF1TKAAAAACXHHGXDV2V63YO5OSWYSAS2QUB";
    CHECK_FALSE(checkin::phone_status_link(answer, false));  // an older server: no second QR
    answer.status_url = "http://192.168.1.10:8080/p#" + std::string(43, 'a');
    CHECK(checkin::phone_status_link(answer, false) == answer.status_url);
    CHECK_FALSE(checkin::phone_status_link(answer, true));  // the outbox's provisional answer
    answer.status_url = "javascript:alert(1)//p#x";
    CHECK_FALSE(checkin::phone_status_link(answer, false));
    answer.status_url = "http://192.168.1.10:8080/" + std::string(200, 'a') + "/p#x";
    CHECK_FALSE(checkin::phone_status_link(answer, false));  // too long for a slip's QR
}

TEST_CASE("the kiosk's come-back time is the phone page's: five minutes before the start") {
    protocol::ScheduledInterview interview;
    interview.start = "09:45";
    CHECK(checkin::come_back_time(interview) == "09:40");
    interview.start = "10:00";
    CHECK(checkin::come_back_time(interview) == "09:55");
    interview.start = "soon";  // unreadable: shown as it came, never a made-up time
    CHECK(checkin::come_back_time(interview) == "soon");
}

TEST_CASE("from the phone a student sees the free booths and adds one, with refusals in both") {
    const auto folder = std::filesystem::temp_directory_path() /
                        ("jobfair-phone-add-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    {
        PhoneServer server(folder);
        const std::string token = token_of(server.check_in("S3"));  // wants B02 only
        const Reply status = server.call("GET", "/me/status", token);
        REQUIRE(status.status == 200);
        const auto before = status.body.get<protocol::StudentStatus>();
        REQUIRE(before.free_seats.size() == 1);
        CHECK(before.free_seats[0].booth == "B01");
        CHECK(before.free_seats[0].enterprise == "Công ty B01");

        CHECK(server.call("POST", "/me/add-booth", token, json::object()).status == 400);
        const Reply added = server.call("POST", "/me/add-booth", token, {{"booth", "B01"}});
        REQUIRE(added.status == 200);
        const auto after = added.body.get<protocol::StudentStatus>();
        CHECK(after.free_seats.empty());
        const bool promised_at_b01 =
            std::any_of(after.interviews.begin(), after.interviews.end(), [](const auto& i) {
                return i.booth == "B01" && i.status == InterviewStatus::promised;
            });
        CHECK(promised_at_b01);

        const Reply again = server.call("POST", "/me/add-booth", token, {{"booth", "B01"}});
        CHECK(again.status == 409);
        CHECK(again.body["error"]["code"] == "already_picked");
        CHECK_FALSE(std::string(again.body["error"]["message_vi"]).empty());
        CHECK(server.call("GET", "/me/status", token).body["interviews"] ==
              added.body["interviews"]);
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("the phone page tells each no-interview reason in the server's own words, vi and en") {
    const std::string page(phone_status_page());
    for (const auto& [reason, code] : kNoInterviewReasonCodes) {
        if (reason == NoInterviewReason::none) continue;
        CAPTURE(code);
        CHECK(page.find(std::string(code) + ": \"" + std::string(no_interview_reason_vi(reason))) !=
              std::string::npos);
        CHECK(page.find(std::string(code) + ": \"" + std::string(no_interview_reason_en(reason))) !=
              std::string::npos);
    }
    CHECK(page.find("\"/me/\" + path") != std::string::npos);  // add-booth goes where it should
    CHECK(page.find("send(\"add-booth\"") != std::string::npos);
}
