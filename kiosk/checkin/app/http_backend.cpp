#include "kiosk/checkin/app/http_backend.hpp"

#include "common/device_token.hpp"

#include <nlohmann/json.hpp>
#include <utility>

namespace jobfair::checkin::app {

namespace {

// A kiosk tells the student quickly that it is offline rather than hang: connect 2 s, read 10 s.
client::ClientOptions kiosk_options() {
    client::ClientOptions options;
    options.connect_timeout = std::chrono::seconds(2);
    options.read_timeout = std::chrono::seconds(10);
    return options;
}

}  // namespace

HttpBackend::HttpBackend(ServerAddress address)
    : address_(std::move(address)),
      api_(address_.url, kiosk_options()),
      token_(read_device_token(address_.token_file)) {}

client::Answer HttpBackend::exchange(std::string_view method, std::string_view path,
                                     const std::string& body, std::string_view idempotency_key,
                                     bool authorised) {
    const std::optional<std::string> token = authorised ? token_ : std::nullopt;
    if (method == "GET") return api_.get(path, token);
    return api_.post(path, body.empty() ? "{}" : body, token, idempotency_key);
}

bool HttpBackend::enrol() {
    if (address_.device_code.empty() || device_code_used_) {
        enrolment_problem_ = "no token stored in " + address_.token_file.string() +
                             " and no unused device code: ask the organizer for a new code "
                             "(--device-code)";
        return false;
    }
    const nlohmann::json request = {{"code", address_.device_code}};
    const client::Answer reply = exchange("POST", "/auth/enrol", request.dump(), {}, false);
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

client::Answer HttpBackend::authorised_call(std::string_view method, std::string_view path,
                                            const std::string& body,
                                            std::string_view idempotency_key) {
    if (!token_ && !enrol()) {
        // Without a token the server would only refuse: say so as a refusal the student sees.
        client::Answer refused;
        refused.reached = true;
        refused.status = 401;
        refused.body =
            protocol::error_body("not_enrolled", "this kiosk is not enrolled with the server",
                                 "Máy kiosk này chưa được đăng ký với máy chủ")
                .dump();
        return refused;
    }
    client::Answer reply = exchange(method, path, body, idempotency_key, true);
    if (reply.reached && reply.status == 401 && !device_code_used_ &&
        !address_.device_code.empty()) {
        token_.reset();  // revoked or from another fair: the device code gives a fresh one
        if (enrol()) reply = exchange(method, path, body, idempotency_key, true);
    }
    return reply;
}

namespace {

// An answer as the model's result: parsed on success, the server's words when it refused.
template <class T, class Parse>
BackendResult<T> result_of(const client::Answer& answer, Parse parse) {
    if (!answer.reached) return BackendResult<T>::failed(BackendError::unreachable);
    if (!answer.ok()) {
        if (auto error = answer.error()) return BackendResult<T>::refused(*error);
        return BackendResult<T>::failed(BackendError::unexpected);
    }
    try {
        return BackendResult<T>::ok(parse(nlohmann::json::parse(answer.body)));
    } catch (const nlohmann::json::exception&) {
        return BackendResult<T>::failed(BackendError::unexpected);
    }
}

}  // namespace

BackendResult<protocol::Hello> HttpBackend::hello() {
    // With the token, when held: the server counts the hello as the kiosk being alive.
    return result_of<protocol::Hello>(
        exchange("GET", "/hello", {}, {}, true),
        [](const nlohmann::json& json) { return json.get<protocol::Hello>(); });
}

BackendResult<std::vector<protocol::EnterpriseCard>> HttpBackend::enterprises() {
    return result_of<std::vector<protocol::EnterpriseCard>>(
        authorised_call("GET", "/enterprises", {}), [](const nlohmann::json& json) {
            return json.at("enterprises").get<std::vector<protocol::EnterpriseCard>>();
        });
}

BackendResult<protocol::CheckInAnswer> HttpBackend::check_in(const protocol::TicketCheckIn& request,
                                                             std::string_view idempotency_key) {
    return result_of<protocol::CheckInAnswer>(
        authorised_call("POST", "/check-ins", nlohmann::json(request).dump(), idempotency_key),
        [](const nlohmann::json& json) { return json.get<protocol::CheckInAnswer>(); });
}

BackendResult<protocol::CheckInAnswer> HttpBackend::register_walk_in(
    const protocol::WalkInRegistration& request, std::string_view idempotency_key) {
    return result_of<protocol::CheckInAnswer>(
        authorised_call("POST", "/walk-ins", nlohmann::json(request).dump(), idempotency_key),
        [](const nlohmann::json& json) { return json.get<protocol::CheckInAnswer>(); });
}

BackendResult<protocol::CheckInAnswer> HttpBackend::add_booth(const protocol::AddBooth& request,
                                                              std::string_view idempotency_key) {
    return result_of<protocol::CheckInAnswer>(
        authorised_call("POST", "/check-ins/add-booth", nlohmann::json(request).dump(),
                        idempotency_key),
        [](const nlohmann::json& json) { return json.get<protocol::CheckInAnswer>(); });
}

}  // namespace jobfair::checkin::app
