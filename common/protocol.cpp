#include "common/protocol.hpp"

namespace jobfair::protocol {

using nlohmann::json;

namespace {

// Optional members: absent and null both mean "not given".
template <class T>
void read_optional(const json& in, const char* key, std::optional<T>& out) {
    const auto it = in.find(key);
    if (it == in.end() || it->is_null()) {
        out.reset();
    } else {
        out = it->get<T>();
    }
}

template <class T>
void write_optional(json& out, const char* key, const std::optional<T>& value) {
    if (value) out[key] = *value;
}

}  // namespace

void to_json(json& out, const Hello& value) {
    out = {{"protocol", value.protocol}, {"fair_name", value.fair_name}, {"now", value.now}};
    write_optional(out, "date", value.date);
    write_optional(out, "venue", value.venue);
    write_optional(out, "public_url", value.public_url);
    write_optional(out, "day_end", value.day_end);
}
void from_json(const json& in, Hello& value) {
    in.at("protocol").get_to(value.protocol);
    value.fair_name = in.value("fair_name", "");
    read_optional(in, "date", value.date);
    read_optional(in, "venue", value.venue);
    read_optional(in, "public_url", value.public_url);
    read_optional(in, "day_end", value.day_end);
    value.now = in.value("now", "");
}

void to_json(json& out, const EnterpriseCard& value) {
    out = {{"booth", value.booth},   {"enterprise", value.enterprise},
           {"open", value.open},     {"close", value.close},
           {"paused", value.paused}, {"occupations", value.occupations}};
    write_optional(out, "min_level", value.min_level);
    write_optional(out, "open_jobs", value.open_jobs);
    write_optional(out, "free_from", value.free_from);
    if (value.takes_cvs) out["takes_cvs"] = true;
}
void from_json(const json& in, EnterpriseCard& value) {
    in.at("booth").get_to(value.booth);
    in.at("enterprise").get_to(value.enterprise);
    value.occupations = in.value("occupations", std::vector<std::string>{});
    read_optional(in, "min_level", value.min_level);
    read_optional(in, "open_jobs", value.open_jobs);
    in.at("open").get_to(value.open);
    in.at("close").get_to(value.close);
    value.paused = in.value("paused", false);
    read_optional(in, "free_from", value.free_from);
    value.takes_cvs = in.value("takes_cvs", false);
}

void to_json(json& out, const ScheduledInterview& value) {
    out = {{"id", value.id},        {"booth", value.booth}, {"enterprise", value.enterprise},
           {"seat", value.seat},    {"start", value.start}, {"end", value.end},
           {"status", value.status}};
}
void from_json(const json& in, ScheduledInterview& value) {
    in.at("id").get_to(value.id);
    in.at("booth").get_to(value.booth);
    value.enterprise = in.value("enterprise", "");
    value.seat = in.value("seat", 0);
    in.at("start").get_to(value.start);
    in.at("end").get_to(value.end);
    in.at("status").get_to(value.status);
}

void to_json(json& out, const WalkInRegistration& value) {
    out = {{"full_name", value.full_name}, {"phone", value.phone},
           {"school", value.school},       {"occupation", value.occupation},
           {"level", value.level},         {"preferences", value.preferences},
           {"consent", value.consent}};
    write_optional(out, "occupation_text", value.occupation_text);
}
void from_json(const json& in, WalkInRegistration& value) {
    in.at("full_name").get_to(value.full_name);
    in.at("phone").get_to(value.phone);
    value.school = in.value("school", "");
    // Absent or null: Other trade (with occupation_text).
    if (const auto found = in.find("occupation"); found != in.end() && !found->is_null())
        found->get_to(value.occupation);
    read_optional(in, "occupation_text", value.occupation_text);
    in.at("level").get_to(value.level);
    in.at("preferences").get_to(value.preferences);
    value.consent = in.value("consent", std::map<std::string, bool>{});
}

void to_json(json& out, const TicketCheckIn& value) {
    out = {{"ticket", value.ticket}};
}
void from_json(const json& in, TicketCheckIn& value) {
    in.at("ticket").get_to(value.ticket);
}

void to_json(json& out, const StandbyBooth& value) {
    out = {{"booth", value.booth},
           {"enterprise", value.enterprise},
           {"estimate", value.estimate ? json(*value.estimate) : json()}};
}
void from_json(const json& in, StandbyBooth& value) {
    in.at("booth").get_to(value.booth);
    value.enterprise = in.value("enterprise", "");
    read_optional(in, "estimate", value.estimate);
}

void to_json(json& out, const FreeSeat& value) {
    out = {{"booth", value.booth}, {"enterprise", value.enterprise}, {"from", value.from}};
}
void from_json(const json& in, FreeSeat& value) {
    in.at("booth").get_to(value.booth);
    value.enterprise = in.value("enterprise", "");
    in.at("from").get_to(value.from);
}

void to_json(json& out, const BoothName& value) {
    out = {{"booth", value.booth}, {"enterprise", value.enterprise}};
}
void from_json(const json& in, BoothName& value) {
    in.at("booth").get_to(value.booth);
    value.enterprise = in.value("enterprise", "");
}

void to_json(json& out, const AddBooth& value) {
    out = {{"booth", value.booth}};
    if (!value.ticket.empty()) out["ticket"] = value.ticket;
}
void from_json(const json& in, AddBooth& value) {
    value.ticket = in.value("ticket", "");
    in.at("booth").get_to(value.booth);
}

void to_json(json& out, const CheckInAnswer& value) {
    out = {{"ticket", value.ticket},
           {"ticket_label", value.ticket_label},
           {"given_name", value.given_name},
           {"phone_masked", value.phone_masked},
           {"already_checked_in", value.already_checked_in},
           {"interviews", value.interviews},
           {"standby", value.standby},
           {"no_interview", value.no_interview ? json(*value.no_interview) : json()},
           {"free_seats", value.free_seats},
           {"takes_cvs", value.takes_cvs}};
    write_optional(out, "status_url", value.status_url);
}
void from_json(const json& in, CheckInAnswer& value) {
    in.at("ticket").get_to(value.ticket);
    in.at("ticket_label").get_to(value.ticket_label);
    value.given_name = in.value("given_name", "");
    value.phone_masked = in.value("phone_masked", "");
    value.already_checked_in = in.value("already_checked_in", false);
    in.at("interviews").get_to(value.interviews);
    read_optional(in, "status_url", value.status_url);
    value.standby = in.value("standby", std::vector<StandbyBooth>{});
    read_optional(in, "no_interview", value.no_interview);
    value.free_seats = in.value("free_seats", std::vector<FreeSeat>{});
    value.takes_cvs = in.value("takes_cvs", std::vector<BoothName>{});
}

json error_body(std::string_view code, std::string_view message, std::string_view message_vi) {
    json error{{"code", code}, {"message", message}};
    if (!message_vi.empty()) error["message_vi"] = message_vi;
    return {{"error", error}};
}

std::optional<ErrorAnswer> parse_error(std::string_view body) {
    const json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
    const auto it = parsed.find("error");
    if (it == parsed.end() || !it->is_object()) return std::nullopt;
    const json& error = *it;
    if (!error.contains("code") || !error["code"].is_string()) return std::nullopt;
    ErrorAnswer answer;
    answer.code = error["code"].get<std::string>();
    if (error.contains("message") && error["message"].is_string())
        answer.message = error["message"].get<std::string>();
    if (error.contains("message_vi") && error["message_vi"].is_string())
        answer.message_vi = error["message_vi"].get<std::string>();
    return answer;
}

json to_json(const StoredInterview& interview) {
    json out{{"id", interview.id},
             {"student", interview.interview.student.str()},
             {"booth", interview.interview.booth.str()},
             {"seat", interview.interview.seat},
             {"start", interview.interview.start.str()},
             {"status", interview.status},
             {"fixed", interview.fixed}};
    if (interview.cancel_reason) out["cancel_reason"] = *interview.cancel_reason;
    if (interview.outcome) out["outcome"] = *interview.outcome;
    if (interview.note) out["note"] = *interview.note;
    return out;
}

StoredInterview stored_interview_from_json(const json& in) {
    StoredInterview out;
    in.at("id").get_to(out.id);
    out.interview.student = StudentId(in.at("student").get<std::string>());
    out.interview.booth = BoothId(in.at("booth").get<std::string>());
    out.interview.seat = in.value("seat", 0);
    const std::string start = in.at("start").get<std::string>();
    const auto time = TimeOfDay::parse(start);
    if (!time) {
        throw json::other_error::create(501, "\"start\" is not HH:MM: " + start, &in);
    }
    out.interview.start = *time;
    in.at("status").get_to(out.status);
    out.fixed = in.value("fixed", false);
    read_optional(in, "cancel_reason", out.cancel_reason);
    read_optional(in, "outcome", out.outcome);
    read_optional(in, "note", out.note);
    return out;
}

void to_json(json& out, const CallAnswer& value) {
    out = {{"from_standby", value.from_standby},
           {"why_nobody", value.why_nobody},
           {"nobody", value.nobody},
           {"nobody_student", value.nobody_student ? json(*value.nobody_student) : json()},
           {"called", value.called ? to_json(*value.called) : json()}};
    if (value.called) out["ticket_label"] = value.ticket_label;
}
void from_json(const json& in, CallAnswer& value) {
    const auto called = in.find("called");
    if (called != in.end() && !called->is_null()) {
        value.called = stored_interview_from_json(*called);
    } else {
        value.called.reset();
    }
    value.from_standby = in.value("from_standby", false);
    value.ticket_label = in.value("ticket_label", "");
    value.why_nobody = in.value("why_nobody", "");
    value.nobody = CallNobody::none;
    if (const auto nobody = in.find("nobody"); nobody != in.end() && !nobody->is_null())
        nobody->get_to(value.nobody);
    read_optional(in, "nobody_student", value.nobody_student);
}

json to_json(const EventRecord& event) {
    return {{"id", event.id},
            {"at", event.at},
            {"actor", event.actor},
            {"kind", event.kind},
            {"payload", json::parse(event.payload_json, nullptr, false)}};
}

// --- 4. The student's own phone ---------------------------------------------------------------
// `estimate` is always on the wire, null when unknown, so the page can tell "not yet" from an
// older server.

void to_json(json& out, const PhoneInterview& value) {
    out = {{"booth", value.booth},
           {"enterprise", value.enterprise},
           {"location", value.location ? json(*value.location) : json()},
           {"seat", value.seat},
           {"start", value.start},
           {"end", value.end},
           {"be_there_by", value.be_there_by},
           {"status", value.status},
           {"queue_position", value.queue_position ? json(*value.queue_position) : json()},
           {"estimate", value.estimate ? json(*value.estimate) : json()}};
}
void from_json(const json& in, PhoneInterview& value) {
    in.at("booth").get_to(value.booth);
    value.enterprise = in.value("enterprise", "");
    read_optional(in, "location", value.location);
    value.seat = in.value("seat", 0);
    in.at("start").get_to(value.start);
    in.at("end").get_to(value.end);
    value.be_there_by = in.value("be_there_by", "");
    in.at("status").get_to(value.status);
    read_optional(in, "queue_position", value.queue_position);
    read_optional(in, "estimate", value.estimate);
}

void to_json(json& out, const PhoneStandby& value) {
    out = {{"booth", value.booth},
           {"enterprise", value.enterprise},
           {"location", value.location ? json(*value.location) : json()},
           {"queue_position", value.queue_position},
           {"estimate", value.estimate ? json(*value.estimate) : json()}};
}
void from_json(const json& in, PhoneStandby& value) {
    in.at("booth").get_to(value.booth);
    value.enterprise = in.value("enterprise", "");
    read_optional(in, "location", value.location);
    in.at("queue_position").get_to(value.queue_position);
    read_optional(in, "estimate", value.estimate);
}

void to_json(json& out, const PhoneAbsence& value) {
    out = {{"kind", value.kind}, {"until", value.until}};
}
void from_json(const json& in, PhoneAbsence& value) {
    in.at("kind").get_to(value.kind);
    in.at("until").get_to(value.until);
}

void to_json(json& out, const StudentStatus& value) {
    out = {{"ticket_label", value.ticket_label},
           {"fair_name", value.fair_name},
           {"now", value.now},
           {"checked_in", value.checked_in},
           {"interviews", value.interviews},
           {"standby", value.standby},
           {"away", value.away ? json(*value.away) : json()},
           {"max_absence_minutes", value.max_absence_minutes},
           {"no_interview", value.no_interview ? json(*value.no_interview) : json()},
           {"free_seats", value.free_seats},
           {"takes_cvs", value.takes_cvs}};
}
void from_json(const json& in, StudentStatus& value) {
    in.at("ticket_label").get_to(value.ticket_label);
    value.fair_name = in.value("fair_name", "");
    in.at("now").get_to(value.now);
    value.checked_in = in.value("checked_in", false);
    in.at("interviews").get_to(value.interviews);
    value.standby = in.value("standby", std::vector<PhoneStandby>{});
    read_optional(in, "away", value.away);
    value.max_absence_minutes = in.value("max_absence_minutes", 60);
    read_optional(in, "no_interview", value.no_interview);
    value.free_seats = in.value("free_seats", std::vector<FreeSeat>{});
    value.takes_cvs = in.value("takes_cvs", std::vector<BoothName>{});
}

}  // namespace jobfair::protocol
