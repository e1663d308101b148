#include "common/auth_json.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace jobfair {

namespace {

using nlohmann::json;

long long to_millis(TimePoint time) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

TimePoint from_millis(long long millis) {
    return TimePoint(
        std::chrono::duration_cast<TimePoint::duration>(std::chrono::milliseconds(millis)));
}

json optional_time(const std::optional<TimePoint>& time) {
    return time ? json(to_millis(*time)) : json();
}

std::optional<TimePoint> read_optional_time(const json& in, const char* key) {
    if (!in.contains(key) || in.at(key).is_null()) return std::nullopt;
    return from_millis(in.at(key).get<long long>());
}

Role read_role(const json& in) {
    const auto role = parse_role(in.at("role").get<std::string>());
    if (!role) throw std::runtime_error("unknown role in the saved access state");
    return *role;
}

}  // namespace

std::string access_state_to_json(const AccessState& state) {
    json out;
    out["organizer_password_hash"] =
        state.organizer_password_hash ? json(*state.organizer_password_hash) : json();
    out["booth_pins"] = json::array();
    for (const auto& pin : state.booth_pins) {
        out["booth_pins"].push_back({{"booth", pin.booth.str()},
                                     {"pin_hash", pin.pin_hash},
                                     {"issued_at", to_millis(pin.issued_at)}});
    }
    out["enrolment_codes"] = json::array();
    for (const auto& code : state.enrolment_codes) {
        out["enrolment_codes"].push_back(
            {{"code_hash", code.code_hash},
             {"role", role_code(code.role)},
             {"device_name", code.device_name},
             {"expires_at", to_millis(code.expires_at)},
             {"used", code.used},
             {"booth", code.booth ? json(code.booth->str()) : json()}});
    }
    out["tokens"] = json::array();
    for (const auto& token : state.tokens) {
        out["tokens"].push_back({{"token_id", token.token_id},
                                 {"token_hash", token.token_hash},
                                 {"role", role_code(token.role)},
                                 {"booth", token.booth ? json(token.booth->str()) : json()},
                                 {"device_or_user", token.device_or_user},
                                 {"issued_at", to_millis(token.issued_at)},
                                 {"expires_at", optional_time(token.expires_at)},
                                 {"opened_on", token.opened_on ? json(*token.opened_on) : json()}});
    }
    out["throttles"] = json::array();
    for (const auto& throttle : state.throttles) {
        out["throttles"].push_back({{"key", throttle.key},
                                    {"consecutive_failures", throttle.consecutive_failures},
                                    {"lockouts", throttle.lockouts},
                                    {"locked_until", optional_time(throttle.locked_until)}});
    }
    return out.dump();
}

AccessState access_state_from_json(const std::string& text) {
    try {
        const json in = json::parse(text);
        AccessState state;
        if (!in.at("organizer_password_hash").is_null()) {
            state.organizer_password_hash = in.at("organizer_password_hash").get<std::string>();
        }
        for (const auto& pin : in.at("booth_pins")) {
            state.booth_pins.push_back({BoothId(pin.at("booth").get<std::string>()),
                                        pin.at("pin_hash").get<std::string>(),
                                        from_millis(pin.at("issued_at").get<long long>())});
        }
        for (const auto& code : in.at("enrolment_codes")) {
            EnrolmentCodeRecord record{code.at("code_hash").get<std::string>(),
                                       read_role(code),
                                       code.at("device_name").get<std::string>(),
                                       from_millis(code.at("expires_at").get<long long>()),
                                       code.at("used").get<bool>(),
                                       std::nullopt};
            // Saved before booth stations existed: no booth.
            if (code.contains("booth") && !code.at("booth").is_null())
                record.booth = BoothId(code.at("booth").get<std::string>());
            state.enrolment_codes.push_back(std::move(record));
        }
        for (const auto& token : in.at("tokens")) {
            TokenRecord record;
            record.token_id = token.at("token_id").get<std::string>();
            record.token_hash = token.at("token_hash").get<std::string>();
            record.role = read_role(token);
            if (!token.at("booth").is_null()) {
                record.booth = BoothId(token.at("booth").get<std::string>());
            }
            record.device_or_user = token.at("device_or_user").get<std::string>();
            record.issued_at = from_millis(token.at("issued_at").get<long long>());
            record.expires_at = read_optional_time(token, "expires_at");
            if (token.contains("opened_on") && !token.at("opened_on").is_null())
                record.opened_on = token.at("opened_on").get<std::string>();
            state.tokens.push_back(std::move(record));
        }
        for (const auto& throttle : in.at("throttles")) {
            state.throttles.push_back({throttle.at("key").get<std::string>(),
                                       throttle.at("consecutive_failures").get<int>(),
                                       throttle.at("lockouts").get<int>(),
                                       read_optional_time(throttle, "locked_until")});
        }
        return state;
    } catch (const json::exception& error) {
        throw std::runtime_error(std::string("the saved access state is damaged: ") + error.what());
    }
}

}  // namespace jobfair
