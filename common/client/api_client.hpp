// The one client of the fair server's JSON API (docs/api.md): the kiosk, the booth station, the
// dashboard, the board, the simulator, the load bench and the tests all call the server through
// it. Paths are below /api/v1; a call sends the bearer token and the idempotency key it is given.
// Every call comes back as an Answer: the status and body, or why nothing came back.
//
// By default each call opens its own connection, so any thread may call; short timeouts keep a
// dead server from holding a worker for long. With `keep_alive` one connection is kept and
// reused (calls take turns on it): what a kiosk does in the load bench's burst.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/protocol.hpp"

namespace jobfair::client {

struct ClientOptions {
    std::chrono::milliseconds connect_timeout{2'000};
    // How long sending a request and waiting for each part of its answer may take; on an event
    // stream, the longest silence before the stream counts as lost.
    std::chrono::milliseconds read_timeout{5'000};
    // The client writes a request's headers and body separately: with Nagle's algorithm on, the
    // body waits for the server's delayed ACK, about 40 ms per request. Off only to measure that.
    bool tcp_nodelay = true;
    bool keep_alive = false;
    // For https:// servers: the certificate (PEM) the server's must be signed by; empty: the
    // system's authorities. The server's certificate is always verified.
    std::filesystem::path ca_certificate;
};

// What one call brought back. The one result type of every call to the server.
struct Answer {
    bool reached = false;  // false: no HTTP answer at all (server down, refused, timeout)
    int status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string transport_error;  // why nothing (or only part) came back; empty otherwise

    bool ok() const { return reached && status >= 200 && status < 300; }
    // A header of the answer, its name in any case; "" when absent.
    std::string header(std::string_view name) const;
    // The body as JSON; a discarded value (is_discarded()) when it is not JSON.
    nlohmann::json json() const;
    // The server's error body (code, message, message_vi) when it sent one.
    std::optional<protocol::ErrorAnswer> error() const;
    // The server's own words in the wanted language when it sent them, else a short generic line.
    std::string problem(bool vietnamese) const;
};

class ApiClient {
  public:
    // `server_url`: "http://HOST:PORT" or "https://HOST:PORT".
    explicit ApiClient(std::string server_url, ClientOptions options = {});
    ~ApiClient();
    ApiClient(const ApiClient&) = delete;
    ApiClient& operator=(const ApiClient&) = delete;

    Answer get(std::string_view path, const std::optional<std::string>& token) const;
    Answer post(std::string_view path, std::string_view json_body,
                const std::optional<std::string>& token,
                std::string_view idempotency_key = {}) const;
    Answer remove(std::string_view path, const std::optional<std::string>& token) const;

    const std::string& server_url() const { return server_url_; }
    const ClientOptions& options() const { return options_; }

  private:
    struct Connection;  // the kept-alive connection, with its lock
    // Runs `call` on the kept connection (one call at a time), or on a connection of its own.
    template <class Call>
    Answer exchange(Call&& call) const;

    std::string server_url_;
    ClientOptions options_;
    std::unique_ptr<Connection> kept_;  // set with options.keep_alive
};

}  // namespace jobfair::client
