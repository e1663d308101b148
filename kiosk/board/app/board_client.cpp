#include "kiosk/board/app/board_client.hpp"

#include "common/device_token.hpp"

#include "common/protocol.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

namespace jobfair::board::app {

namespace {

// The server's own words when the body is an error answer, else the HTTP status.
std::string error_message(const client::Answer& answer) {
    const auto error = protocol::parse_error(answer.body);
    return error && !error->message.empty() ? error->message
                                            : "HTTP " + std::to_string(answer.status);
}

}  // namespace

BoardClient::BoardClient(BoardServer server)
    : server_(std::move(server)),
      api_(server_.url),
      token_(read_device_token(server_.token_file)) {}

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
    const nlohmann::json request = {{"code", server_.device_code}};
    const client::Answer answer = api_.post("/auth/enrol", request.dump(), std::nullopt);
    if (!answer.reached) {
        problem_ = "the server cannot be reached";
        return std::nullopt;
    }
    device_code_used_ = true;
    if (answer.status != 200) {
        problem_ = "the device code was refused: " + error_message(answer);
        return std::nullopt;
    }
    try {
        token_ = nlohmann::json::parse(answer.body).at("token").get<std::string>();
    } catch (const nlohmann::json::exception&) {
        problem_ = "the server's enrolment answer has no token";
        return std::nullopt;
    }
    write_device_token(server_.token_file, *token_);
    problem_.clear();
    return token_;
}

std::optional<RecentCalls> BoardClient::recent_calls() {
    const std::optional<std::string> bearer = token();
    if (!bearer) return std::nullopt;
    const client::Answer answer = api_.get("/calls/recent", bearer);
    std::lock_guard lock(mutex_);
    if (!answer.reached) {
        problem_ = "the server cannot be reached";
        return std::nullopt;
    }
    if (answer.status == 401) {
        token_.reset();
        problem_ = "the server refused the token: " + error_message(answer);
        return std::nullopt;
    }
    if (answer.status != 200) {
        problem_ = "GET /calls/recent: " + error_message(answer);
        return std::nullopt;
    }
    try {
        RecentCalls calls = parse_recent_calls_answer(answer.body);
        problem_.clear();
        return calls;
    } catch (const std::invalid_argument& error) {
        problem_ = error.what();
        return std::nullopt;
    }
}

std::optional<intent::ClockHeard> BoardClient::hello() {
    std::optional<std::string> bearer;
    {
        std::lock_guard lock(mutex_);
        bearer = token_;
    }
    const client::Answer answer = api_.get("/hello", bearer);
    if (answer.status != 200) return std::nullopt;
    try {
        const auto hello = nlohmann::json::parse(answer.body).get<protocol::Hello>();
        const std::optional<TimeOfDay> day_end =
            hello.day_end ? TimeOfDay::parse(*hello.day_end) : std::nullopt;
        return intent::ClockHeard{FairHeading{hello.fair_name, hello.date, hello.venue, day_end},
                                  TimeOfDay::parse(hello.now)};
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

std::string BoardClient::problem() const {
    std::lock_guard lock(mutex_);
    return problem_;
}

}  // namespace jobfair::board::app
