#include "common/protocol.hpp"

namespace jobfair::protocol {

nlohmann::json to_json(const StoredInterview& interview) {
    nlohmann::json out{{"id", interview.id},
                       {"student", interview.interview.student.str()},
                       {"booth", interview.interview.booth.str()},
                       {"seat", interview.interview.seat},
                       {"start", interview.interview.start.str()},
                       {"status", status_code(interview.status)},
                       {"fixed", interview.fixed}};
    if (interview.cancel_reason) out["cancel_reason"] = *interview.cancel_reason;
    if (interview.outcome) out["outcome"] = *interview.outcome;
    if (interview.note) out["note"] = *interview.note;
    return out;
}

nlohmann::json to_json(const EventRecord& event) {
    return {{"id", event.id},
            {"at", event.at},
            {"actor", event.actor},
            {"kind", event.kind},
            {"payload", nlohmann::json::parse(event.payload_json, nullptr, false)}};
}

nlohmann::json error_body(std::string_view code, std::string_view message) {
    return {{"error", {{"code", code}, {"message", message}}}};
}

}  // namespace jobfair::protocol
