#include "kiosk/board/app/board_client.hpp"

#include <httplib.h>

#include "common/device_token.hpp"

#include "common/protocol.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

namespace jobfair::board::app {

namespace {

constexpr time_t kConnectTimeoutSeconds = 2;
constexpr time_t kReadTimeoutSeconds = 5;

httplib::Client client_for(const std::string& url) {
    httplib::Client client(url);
    client.set_connection_timeout(kConnectTimeoutSeconds, 0);
    // cpp-httplib writes a request's headers and body separately: without this, Nagle's
    // algorithm holds the body until the server's delayed ACK, about 40 ms per request.
    client.set_tcp_nodelay(true);
    client.set_read_timeout(kReadTimeoutSeconds, 0);
    client.set_write_timeout(kReadTimeoutSeconds, 0);
    return client;
}

// The server's own words when the body is an error answer, else the HTTP status.
std::string error_message(const std::string& body, int status) {
    const auto error = protocol::parse_error(body);
    return error && !error->message.empty() ? error->message : "HTTP " + std::to_string(status);
}

}  // namespace

BoardClient::BoardClient(BoardServer server)
    : server_(std::move(server)), token_(read_device_token(server_.token_file)) {}

std::optional<std::string> BoardClient::token() {
    std::lock_guard lock(mutex_);
    if (token_) return token_;
    return enrol_locked();
}

void BoardClient::token_refused() {
    std::lock_guard lock(mutex_);
    token_.reset();
    problem_ = "the server refused the stored token";
}

std::optional<std::string> BoardClient::enrol_locked() {
    if (server_.device_code.empty() || device_code_used_) {
        problem_ = "no token in " + server_.token_file.string() +
                   " and no unused device code: ask an organizer for a new code (--device-code)";
        return std::nullopt;
    }
    httplib::Client client = client_for(server_.url);
    const nlohmann::json request = {{"code", server_.device_code}};
    const httplib::Result result =
        client.Post("/api/v1/auth/enrol", request.dump(), "application/json");
    if (!result) {
        problem_ = "the server cannot be reached";
        return std::nullopt;
    }
    device_code_used_ = true;
    if (result->status != 200) {
        problem_ = "the device code was refused: " + error_message(result->body, result->status);
        return std::nullopt;
    }
    try {
        token_ = nlohmann::json::parse(result->body).at("token").get<std::string>();
    } catch (const nlohmann::json::exception&) {
        problem_ = "the server's enrolment answer has no token";
        return std::nullopt;
    }
    write_device_token(server_.token_file, *token_);
    problem_.clear();
    return token_;
}

std::optional<std::vector<Call>> BoardClient::recent_calls() {
    const std::optional<std::string> bearer = token();
    if (!bearer) return std::nullopt;
    httplib::Client client = client_for(server_.url);
    const httplib::Result result =
        client.Get("/api/v1/calls/recent", {{"Authorization", "Bearer " + *bearer}});
    std::lock_guard lock(mutex_);
    if (!result) {
        problem_ = "the server cannot be reached";
        return std::nullopt;
    }
    if (result->status == 401) {
        token_.reset();
        problem_ = "the server refused the token: " + error_message(result->body, 401);
        return std::nullopt;
    }
    if (result->status != 200) {
        problem_ = "GET /calls/recent: " + error_message(result->body, result->status);
        return std::nullopt;
    }
    try {
        std::vector<Call> calls = parse_recent_calls(result->body);
        problem_.clear();
        return calls;
    } catch (const std::invalid_argument& error) {
        problem_ = error.what();
        return std::nullopt;
    }
}

std::optional<FairHeading> BoardClient::fair_heading() {
    httplib::Client client = client_for(server_.url);
    const httplib::Result result = client.Get("/api/v1/hello");
    if (!result || result->status != 200) return std::nullopt;
    try {
        const auto hello = nlohmann::json::parse(result->body).get<protocol::Hello>();
        return FairHeading{hello.fair_name, hello.date, hello.venue};
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

std::string BoardClient::problem() const {
    std::lock_guard lock(mutex_);
    return problem_;
}

}  // namespace jobfair::board::app
