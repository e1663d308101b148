// The shared client (common/client/) against the server's own transport (scheduler/http/) on
// loopback: what a call sends and brings back, refusals in both languages, a server that is not
// there, a kept-alive connection, and the event stream read once, cancelled, refused, and
// resumed by the GUI programs' reader after the server ends it.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/client/api_client.hpp"
#include "common/client/event_stream.hpp"
#include "common/protocol.hpp"
#include "scheduler/http/http_server.hpp"

using namespace jobfair;
using nlohmann::json;

namespace {

// A transport with a few routes of its own, serving on a free loopback port.
class TinyServer {
  public:
    TinyServer() = default;
    ~TinyServer() {
        if (thread_.joinable()) {
            server_.stop();
            thread_.join();
        }
    }
    http::Server& routes() { return server_; }
    void start() {
        REQUIRE(server_.bind("127.0.0.1", 0));
        thread_ = std::thread([this] { server_.run(); });
        for (int i = 0; i < 500 && !server_.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        REQUIRE(server_.is_running());
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(server_.port()); }
    http::Counts counts() const { return server_.counts(); }

  private:
    http::Server server_;
    std::thread thread_;
};

// Events 1..`last` as the server writes them, from the one after `after`.
std::string events_text(long long after, long long last) {
    std::string text;
    for (long long id = after + 1; id <= last; ++id) {
        text += "id: " + std::to_string(id) +
                "\nevent: test.event\ndata: {\"n\":" + std::to_string(id) + "}\n\n";
    }
    return text;
}

// Sends the events after the request's Last-Event-ID up to `last` once, then either keeps the
// stream open (sending nothing more) or ends it the next time the streams are woken.
class ScriptedEvents : public http::EventSource {
  public:
    ScriptedEvents(long long after, long long last, bool end_after)
        : text_(std::make_shared<const std::string>(events_text(after, last))),
          end_after_(end_after) {}
    std::optional<http::SharedText> next() override {
        if (!sent_) {
            sent_ = true;
            return text_;
        }
        if (end_after_) return std::nullopt;
        return http::SharedText{};
    }

  private:
    http::SharedText text_;
    bool end_after_;
    bool sent_ = false;
};

long long last_event_id_of(const http::Request& request) {
    const std::string sent = request.get_header_value("last-event-id");
    return sent.empty() ? 0 : std::stoll(sent);
}

}  // namespace

TEST_CASE("the client sends the token and idempotency key below /api/v1 and reads the answer") {
    TinyServer server;
    server.routes().Post("/api/v1/echo", [](const http::Request& request, http::Response& out) {
        const json echoed = {{"authorization", request.get_header_value("authorization")},
                             {"key", request.get_header_value("idempotency-key")},
                             {"type", request.get_header_value("content-type")},
                             {"body", request.body}};
        out.status = 201;
        out.set_header("X-Seat", "3");
        out.set_content(echoed.dump(), "application/json");
    });
    server.start();

    const client::ApiClient api(server.url());
    const client::Answer answer = api.post("/echo", R"({"ticket":"T"})", "tok", "key-1");
    REQUIRE(answer.reached);
    CHECK(answer.ok());
    CHECK(answer.status == 201);
    CHECK(answer.transport_error.empty());
    CHECK(answer.header("x-seat") == "3");  // any case
    CHECK(answer.header("Content-Type") == "application/json");
    CHECK(answer.header("X-Missing").empty());
    const json echoed = answer.json();
    CHECK(echoed["authorization"] == "Bearer tok");
    CHECK(echoed["key"] == "key-1");
    CHECK(echoed["type"] == "application/json");
    CHECK(echoed["body"] == R"({"ticket":"T"})");
    CHECK_FALSE(answer.error());

    // Without a token, no Authorization header at all.
    const json anonymous = api.post("/echo", "{}", std::nullopt).json();
    CHECK(anonymous["authorization"] == "");
    CHECK(anonymous["key"] == "");
}

TEST_CASE("a refusal carries the server's words in both languages, and no answer says so too") {
    TinyServer server;
    server.routes().Get("/api/v1/refused", [](const http::Request&, http::Response& out) {
        out.status = 409;
        out.set_content(
            protocol::error_body("seat_busy", "The seat is busy", "Ghế đang bận").dump(),
            "application/json");
    });
    server.routes().Get("/api/v1/broken", [](const http::Request&, http::Response& out) {
        out.status = 500;
        out.set_content("not json", "text/plain");
    });
    server.start();
    const client::ApiClient api(server.url());

    const client::Answer refused = api.get("/refused", std::nullopt);
    CHECK(refused.reached);
    CHECK_FALSE(refused.ok());
    REQUIRE(refused.error());
    CHECK(refused.error()->code == "seat_busy");
    CHECK(refused.problem(false) == "The seat is busy");
    CHECK(refused.problem(true) == "Ghế đang bận");

    const client::Answer broken = api.get("/broken", std::nullopt);
    CHECK_FALSE(broken.error());
    CHECK(broken.json().is_discarded());
    CHECK(broken.problem(false) == "The server answered HTTP 500");
    CHECK(broken.problem(true) == "Máy chủ trả lời HTTP 500");

    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const client::Answer nobody = client::ApiClient("http://127.0.0.1:1").get("/hello", {});
    CHECK_FALSE(nobody.reached);
    CHECK(nobody.status == 0);
    CHECK_FALSE(nobody.transport_error.empty());
    CHECK(nobody.problem(false) == "The server cannot be reached");
    CHECK(nobody.problem(true) == "Không kết nối được máy chủ");
}

TEST_CASE("a kept-alive client makes all its calls on one connection") {
    TinyServer server;
    server.routes().Get("/api/v1/hello", [](const http::Request&, http::Response& out) {
        out.status = 200;
        out.set_content("{}", "application/json");
    });
    server.start();
    client::ClientOptions options;
    options.keep_alive = true;
    const client::ApiClient api(server.url(), options);
    for (int call = 0; call < 5; ++call)
        REQUIRE(api.get("/hello", std::nullopt).status == 200);
    CHECK(server.counts().connections == 1);
}

TEST_CASE("a stream connection hands over each event, resumes after an id, and cancel() ends it") {
    TinyServer server;
    std::atomic<long long> asked_after{-1};
    server.routes().Get("/api/v1/stream", [&](const http::Request& request, http::Response& out) {
        if (request.get_header_value("authorization") != "Bearer tok") {
            out.status = 401;
            out.set_content(
                protocol::error_body("bad_token", "Unknown token", "Mã không hợp lệ").dump(),
                "application/json");
            return;
        }
        asked_after = last_event_id_of(request);
        out.status = 200;
        out.stream = std::make_shared<ScriptedEvents>(asked_after, 4, false);
    });
    server.start();

    client::StreamConnection connection(server.url());
    std::vector<client::ServerSentEvent> received;
    std::atomic<bool> opened{false};
    std::atomic<int> count{0};
    client::Answer ended;
    std::thread reader([&] {
        ended = connection.read(
            "tok", 2, [&] { opened = true; },
            [&](const client::ServerSentEvent& event) {
                received.push_back(event);
                ++count;
                return true;  // read on: only cancel() ends this one
            });
    });
    for (int i = 0; i < 500 && count < 2; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const auto cancelled_at = std::chrono::steady_clock::now();
    connection.cancel();
    reader.join();
    CHECK(std::chrono::steady_clock::now() - cancelled_at < std::chrono::seconds(2));
    CHECK(opened);
    CHECK(asked_after == 2);
    CHECK(ended.status == 200);
    REQUIRE(received.size() == 2);
    CHECK(received[0].id == 3);
    CHECK(received[0].kind == "test.event");
    CHECK(received[0].data == R"({"n":3})");
    CHECK(received[1].id == 4);
    // Once cancelled, a connection reads no more.
    CHECK_FALSE(connection.read("tok", std::nullopt, {}, [](const auto&) { return true; }).reached);

    // A refused stream: never opened, and the refusal's words come back.
    client::StreamConnection stranger(server.url());
    bool stranger_opened = false;
    const client::Answer refused = stranger.read(
        "not-it", std::nullopt, [&] { stranger_opened = true; }, [](const auto&) { return true; });
    CHECK_FALSE(stranger_opened);
    CHECK(refused.status == 401);
    REQUIRE(refused.error());
    CHECK(refused.error()->code == "bad_token");
}

TEST_CASE("the reader thread reconnects after a stream ends and resumes after the last id") {
    TinyServer server;
    std::mutex mutex;
    std::vector<long long> asked_after;  // each connection's Last-Event-ID
    server.routes().Get("/api/v1/stream", [&](const http::Request& request, http::Response& out) {
        const long long after = last_event_id_of(request);
        {
            std::lock_guard lock(mutex);
            asked_after.push_back(after);
        }
        out.status = 200;
        // Two events a connection, then the server ends the stream when next woken (as it ends
        // the streams of a revoked token).
        out.stream = std::make_shared<ScriptedEvents>(after, after + 2, true);
    });
    server.start();

    std::vector<long long> ids;
    std::atomic<int> opened{0}, lost{0};
    client::EventStreamHandlers handlers;
    handlers.token = [] { return std::optional<std::string>("tok"); };
    handlers.opened = [&] { ++opened; };
    handlers.lost = [&] { ++lost; };
    handlers.event = [&](const client::ServerSentEvent& event) {
        std::lock_guard lock(mutex);
        ids.push_back(event.id.value_or(-1));
    };
    {
        client::EventStream stream(server.url(), handlers, std::chrono::milliseconds(20));
        for (int i = 0; i < 1000; ++i) {
            {
                std::lock_guard lock(mutex);
                if (ids.size() >= 6) break;
            }
            server.routes().wake_streams();
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    std::lock_guard lock(mutex);
    REQUIRE(ids.size() >= 6);
    CHECK(std::vector<long long>(ids.begin(), ids.begin() + 6) ==
          std::vector<long long>{1, 2, 3, 4, 5, 6});
    REQUIRE(asked_after.size() >= 3);
    CHECK(std::vector<long long>(asked_after.begin(), asked_after.begin() + 3) ==
          std::vector<long long>{0, 2, 4});
    CHECK(opened >= 3);
    CHECK(lost >= 2);
}
