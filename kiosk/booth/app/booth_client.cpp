#include "kiosk/booth/app/booth_client.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

#include "common/protocol.hpp"

namespace jobfair::booth::app {

namespace {

// A 2xx answer whose body is not what the endpoint promises.
Outcome unreadable() {
    return {true,
            ServerRefusal{tr(BoothText::server_answer_unreadable, Language::en),
                          tr(BoothText::server_answer_unreadable, Language::vi), "bad_answer"}};
}

}  // namespace

Outcome outcome_of(const client::Answer& answer) {
    if (!answer.reached) return {false, std::nullopt};
    if (answer.ok()) return {true, std::nullopt};
    ServerRefusal refusal;
    if (const auto error = answer.error()) {
        refusal.code = error->code;
        refusal.message = error->message;
        refusal.message_vi = error->message_vi;
    }
    const std::string status = std::to_string(answer.status);
    if (refusal.message.empty())
        refusal.message = tr_fill(BoothText::server_answered_http, Language::en, {status});
    if (refusal.message_vi.empty() && refusal.code.empty())
        refusal.message_vi = tr_fill(BoothText::server_answered_http, Language::vi, {status});
    if (refusal.code.empty() && answer.status == 401) refusal.code = "unauthenticated";
    return {true, refusal};
}

BoothClient::BoothClient(std::string server_url, std::string booth, StationEnrolment station)
    : api_(std::move(server_url)),
      booth_(std::move(booth)),
      station_(client::EnrolmentSettings{station.device_code, station.token_file, "booth_station",
                                         booth_}) {}

std::variant<std::string, Outcome> BoothClient::station_token() {
    if (auto token = station_.token(api_)) return *token;
    const client::EnrolmentProblem& problem = station_.problem();
    if (!problem.reached) return Outcome{false, std::nullopt};
    // The booth's own words for the two cases staff meet; the server's words otherwise.
    if (problem.code == "not_enrolled") {
        return Outcome{true, ServerRefusal{tr(BoothText::station_not_enrolled, Language::en),
                                           tr(BoothText::station_not_enrolled, Language::vi),
                                           "not_a_booth_station"}};
    }
    if (problem.code == "wrong_device") {
        return Outcome{true, ServerRefusal{tr(BoothText::station_code_for_other, Language::en),
                                           tr(BoothText::station_code_for_other, Language::vi),
                                           "other_booth"}};
    }
    return Outcome{true, ServerRefusal{problem.message_en, problem.message_vi, problem.code}};
}

intent::HelloAnswered BoothClient::hello() const {
    const client::Answer answer = api_.get("/hello", std::nullopt);
    intent::HelloAnswered hello;
    hello.reached = answer.reached;
    if (!answer.ok()) return hello;
    try {
        const auto parsed = nlohmann::json::parse(answer.body).get<protocol::Hello>();
        hello.protocol = parsed.protocol;
        hello.fair_name = parsed.fair_name;
        hello.fair_date = parsed.date;
    } catch (const nlohmann::json::exception&) {
        hello.protocol = 0;  // not our server's hello: shown as a version mismatch
    }
    return hello;
}

intent::LoginAnswered BoothClient::log_in(const std::string& pin) {
    auto station = station_token();
    if (auto* refused = std::get_if<Outcome>(&station)) return {*refused};
    const nlohmann::json request = {{"booth", booth_}, {"pin", pin}};
    const client::Answer answer =
        api_.post("/auth/booth-login", request.dump(), std::get<std::string>(station));
    Outcome outcome = outcome_of(answer);
    if (outcome.refusal && outcome.refusal->code == "not_a_booth_station") {
        // The station was revoked or its token lost: a new code from an organizer is needed.
        station_.forget();
    }
    if (!outcome.ok()) return {outcome};
    try {
        std::string token = nlohmann::json::parse(answer.body).at("token").get<std::string>();
        std::lock_guard lock(mutex_);
        token_ = std::move(token);
    } catch (const nlohmann::json::exception&) {
        outcome = unreadable();
    }
    return {outcome};
}

void BoothClient::log_out(bool tell_server) {
    std::optional<std::string> token;
    {
        std::lock_guard lock(mutex_);
        token = std::exchange(token_, std::nullopt);
    }
    if (tell_server && token) api_.post("/auth/logout", "{}", token);
}

std::optional<std::string> BoothClient::token() const {
    std::lock_guard lock(mutex_);
    return token_;
}

intent::QueueAnswered BoothClient::queue() const {
    const client::Answer answer = api_.get("/booths/" + booth_ + "/queue", token());
    intent::QueueAnswered answered{outcome_of(answer), std::nullopt};
    if (!answered.outcome.ok()) return answered;
    try {
        answered.queue = parse_booth_queue(answer.body);
    } catch (const std::invalid_argument&) {
        answered.outcome = unreadable();
    }
    return answered;
}

intent::ActionAnswered BoothClient::act(const effect::PostAction& action) const {
    const client::Answer answer = api_.post(action.path, action.body, token());
    intent::ActionAnswered answered;
    answered.action = action.action;
    answered.outcome = outcome_of(answer);
    if (!answered.outcome.ok()) return answered;
    if (action.action != Action::call_next && action.action != Action::take_walk_in)
        return answered;
    protocol::CallAnswer call;
    try {
        call = nlohmann::json::parse(answer.body).get<protocol::CallAnswer>();
    } catch (const nlohmann::json::exception&) {
        answered.outcome = unreadable();
        return answered;
    } catch (const std::invalid_argument&) {  // an unknown code
        answered.outcome = unreadable();
        return answered;
    }
    if (call.called) {
        answered.called_ticket_label = call.ticket_label;
        if (answered.called_ticket_label.empty())
            answered.called_ticket_label = call.called->interview.student.str();
    }
    answered.why_nobody = call.why_nobody;
    answered.nobody = call.nobody;
    answered.nobody_student = call.nobody_student.value_or("");
    return answered;
}

intent::VerifyAnswered BoothClient::verify(const effect::VerifyTicket& verify) const {
    const nlohmann::json request = {{"ticket", verify.ticket}};
    const client::Answer answer =
        api_.post("/interviews/" + std::to_string(verify.interview) + "/verify-ticket",
                  request.dump(), token());
    intent::VerifyAnswered answered{verify.interview, outcome_of(answer), false, {}, {}};
    if (!answered.outcome.ok()) return answered;
    const nlohmann::json json = nlohmann::json::parse(answer.body, nullptr, false);
    if (!json.is_object() || !json.contains("match") || !json["match"].is_boolean()) {
        answered.outcome = unreadable();
        return answered;
    }
    answered.match = json["match"].get<bool>();
    answered.ticket_label = text_or_empty(json, "ticket_label");
    answered.message = text_or_empty(json, "message");
    return answered;
}

}  // namespace jobfair::booth::app
