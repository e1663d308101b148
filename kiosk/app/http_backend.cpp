#include "kiosk/app/http_backend.hpp"

#include <httplib.h>

#include "common/device_token.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <utility>

namespace jobfair::kiosk::app {

namespace {

constexpr time_t kConnectTimeoutSeconds = 2;
constexpr time_t kReadTimeoutSeconds = 10;

std::string api(std::string_view path) {
    return std::string(protocol::kApiPrefix) + std::string(path);
}

}  // namespace

struct HttpBackend::Reply {
    bool reached = false;
    int status = 0;
    std::string body;

    bool ok() const { return reached && status >= 200 && status < 300; }
};

HttpBackend::HttpBackend(ServerAddress address)
    : address_(std::move(address)), token_(read_device_token(address_.token_file)) {}

HttpBackend::Reply HttpBackend::exchange(std::string_view method, const std::string& path,
                                         const std::string& body, std::string_view idempotency_key,
                                         bool authorised) {
    httplib::Client client(address_.url);
    client.set_connection_timeout(kConnectTimeoutSeconds, 0);
    // cpp-httplib writes a request's headers and body separately: without this, Nagle's
    // algorithm holds the body until the server's delayed ACK, about 40 ms per request.
    client.set_tcp_nodelay(true);
    client.set_read_timeout(kReadTimeoutSeconds, 0);
    client.set_write_timeout(kReadTimeoutSeconds, 0);
    httplib::Headers headers;
    if (authorised && token_) {
        headers.emplace(std::string(protocol::kAuthorizationHeader), "Bearer " + *token_);
    }
    if (!idempotency_key.empty()) {
        headers.emplace(std::string(protocol::kIdempotencyHeader), std::string(idempotency_key));
    }
    const httplib::Result result =
        method == "GET"
            ? client.Get(path.c_str(), headers)
            : client.Post(path.c_str(), headers, body.empty() ? "{}" : body, "application/json");
    Reply reply;
    if (!result) return reply;
    reply.reached = true;
    reply.status = result->status;
    reply.body = result->body;
    return reply;
}

bool HttpBackend::enrol() {
    if (address_.device_code.empty() || device_code_used_) {
        enrolment_problem_ = "no token stored in " + address_.token_file.string() +
                             " and no unused device code: ask the organizer for a new code "
                             "(--device-code)";
        return false;
    }
    const nlohmann::json request = {{"code", address_.device_code}};
    const Reply reply = exchange("POST", api("/auth/enrol"), request.dump(), {}, false);
    if (!reply.reached) return false;  // try again on the next call
    device_code_used_ = true;
    if (!reply.ok()) {
        const auto error = protocol::parse_error(reply.body);
        enrolment_problem_ = "the device code was refused: " +
                             (error ? error->message : "HTTP " + std::to_string(reply.status));
        return false;
    }
    try {
        token_ = nlohmann::json::parse(reply.body).at("token").get<std::string>();
    } catch (const nlohmann::json::exception&) {
        enrolment_problem_ = "the server's enrolment answer has no token";
        return false;
    }
    write_device_token(address_.token_file, *token_);
    enrolment_problem_.reset();
    return true;
}

HttpBackend::Reply HttpBackend::authorised_call(std::string_view method, const std::string& path,
                                                const std::string& body,
                                                std::string_view idempotency_key) {
    if (!token_ && !enrol()) {
        // Without a token the server would only refuse: say so as a refusal the student sees.
        Reply refused;
        refused.reached = true;
        refused.status = 401;
        refused.body =
            protocol::error_body("not_enrolled", "this kiosk is not enrolled with the server",
                                 "Máy kiosk này chưa được đăng ký với máy chủ")
                .dump();
        return refused;
    }
    Reply reply = exchange(method, path, body, idempotency_key, true);
    if (reply.reached && reply.status == 401 && !device_code_used_ &&
        !address_.device_code.empty()) {
        token_.reset();  // revoked or from another fair: the device code gives a fresh one
        if (enrol()) reply = exchange(method, path, body, idempotency_key, true);
    }
    return reply;
}

namespace {

// A reply as the model's result: parsed on success, the server's words when it refused.
template <class T, class Parse>
BackendResult<T> result_of(bool reached, int status, const std::string& body, Parse parse) {
    if (!reached) return BackendResult<T>::failed(BackendError::unreachable);
    if (status < 200 || status >= 300) {
        if (auto error = protocol::parse_error(body)) return BackendResult<T>::refused(*error);
        return BackendResult<T>::failed(BackendError::unexpected);
    }
    try {
        return BackendResult<T>::ok(parse(nlohmann::json::parse(body)));
    } catch (const nlohmann::json::exception&) {
        return BackendResult<T>::failed(BackendError::unexpected);
    }
}

}  // namespace

BackendResult<protocol::Hello> HttpBackend::hello() {
    // With the token, when held: the server counts the hello as the kiosk being alive.
    const Reply reply = exchange("GET", api("/hello"), {}, {}, true);
    return result_of<protocol::Hello>(
        reply.reached, reply.status, reply.body,
        [](const nlohmann::json& json) { return json.get<protocol::Hello>(); });
}

BackendResult<std::vector<protocol::EnterpriseCard>> HttpBackend::enterprises() {
    const Reply reply = authorised_call("GET", api("/enterprises"), {});
    return result_of<std::vector<protocol::EnterpriseCard>>(
        reply.reached, reply.status, reply.body, [](const nlohmann::json& json) {
            return json.at("enterprises").get<std::vector<protocol::EnterpriseCard>>();
        });
}

BackendResult<protocol::CheckInAnswer> HttpBackend::check_in(const protocol::TicketCheckIn& request,
                                                             std::string_view idempotency_key) {
    const Reply reply =
        authorised_call("POST", api("/check-ins"), nlohmann::json(request).dump(), idempotency_key);
    return result_of<protocol::CheckInAnswer>(
        reply.reached, reply.status, reply.body,
        [](const nlohmann::json& json) { return json.get<protocol::CheckInAnswer>(); });
}

BackendResult<protocol::CheckInAnswer> HttpBackend::register_walk_in(
    const protocol::WalkInRegistration& request, std::string_view idempotency_key) {
    const Reply reply =
        authorised_call("POST", api("/walk-ins"), nlohmann::json(request).dump(), idempotency_key);
    return result_of<protocol::CheckInAnswer>(
        reply.reached, reply.status, reply.body,
        [](const nlohmann::json& json) { return json.get<protocol::CheckInAnswer>(); });
}

}  // namespace jobfair::kiosk::app
