#include "kiosk/dashboard/model/answers.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "common/occupations.hpp"

namespace jobfair::dashboard {

namespace {

using nlohmann::json;

// The string at `key`, or "" when it is absent or null.
std::string text_or_empty(const json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return {};
    return found->get<std::string>();
}

std::optional<std::string> optional_text(const json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return std::nullopt;
    return found->get<std::string>();
}

int int_or(const json& object, const char* key, int fallback) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return fallback;
    return found->get<int>();
}

TimeOfDay time_at(const json& object, const char* key) {
    const std::string text = object.at(key).get<std::string>();
    const auto time = TimeOfDay::parse(text);
    if (!time) throw std::invalid_argument(std::string("\"") + key + "\" is not HH:MM: " + text);
    return *time;
}

template <class Parse>
auto parse_or_explain(std::string_view body, const char* what, Parse parse) {
    try {
        return parse(json::parse(body));
    } catch (const json::exception& error) {
        throw std::invalid_argument(std::string("not ") + what + ": " + error.what());
    }
}

BoothSummary booth_summary_of(const json& entry) {
    BoothSummary booth;
    booth.booth = entry.at("booth").get<std::string>();
    booth.enterprise = text_or_empty(entry, "enterprise");
    booth.seats = int_or(entry, "seats", 1);
    booth.paused = entry.value("paused", false);
    booth.open = text_or_empty(entry, "open");
    booth.close = text_or_empty(entry, "close");
    for (const json& call : entry.value("current", json::array())) {
        booth.current.push_back(CurrentCall{
            call.at("interview").get<std::int64_t>(), int_or(call, "seat", 0),
            call.at("status").get<InterviewStatus>(), text_or_empty(call, "ticket_label")});
    }
    booth.next = optional_text(entry, "next");
    booth.waiting = int_or(entry, "waiting", 0);
    booth.standby = int_or(entry, "standby", 0);
    booth.remaining = int_or(entry, "remaining", 0);
    booth.delay_minutes = int_or(entry, "delay_minutes", 0);
    booth.done = int_or(entry, "done", 0);
    booth.no_shows = int_or(entry, "no_shows", 0);
    return booth;
}

std::optional<double> optional_number(const json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return std::nullopt;
    return found->get<double>();
}

Figures figures_from_json(const json& entry) {
    Figures figures;
    figures.students = int_or(entry, "students", 0);
    figures.checked_in = int_or(entry, "checked_in", 0);
    figures.interviews_done = int_or(entry, "interviews_done", 0);
    figures.interviews_promised = int_or(entry, "interviews_promised", 0);
    figures.interviews_under_way = int_or(entry, "interviews_under_way", 0);
    figures.interviews_remaining = int_or(entry, "interviews_remaining", 0);
    figures.no_show_rate = optional_number(entry, "no_show_rate").value_or(0.0);
    figures.waits_counted = int_or(entry, "waits_counted", 0);
    if (figures.waits_counted > 0) {
        figures.wait_mean_minutes = optional_number(entry, "wait_mean_minutes");
        figures.wait_p90_minutes = optional_number(entry, "wait_p90_minutes");
    }
    figures.students_without_interview = int_or(entry, "students_without_interview", 0);
    // Added later: why they have none. A reason this build does not know is kept as it came, and
    // counted; a count that is not a whole number is refused like any other malformed field.
    if (const auto reasons = entry.find("without_interview_by_reason");
        reasons != entry.end() && reasons->is_object()) {
        for (const auto& [reason, count] : reasons->items())
            figures.without_interview_by_reason[reason] = int_or(*reasons, reason.c_str(), 0);
    }
    // Added later too: the freed seat-slots and their refills, both or neither.
    if (entry.contains("freed_seat_slots") && entry.contains("refilled_seat_slots")) {
        figures.freed_seat_slots = int_or(entry, "freed_seat_slots", 0);
        figures.refilled_seat_slots = int_or(entry, "refilled_seat_slots", 0);
    }
    return figures;
}

}  // namespace

Overview parse_overview(std::string_view body) {
    return parse_or_explain(body, "an overview answer", [](const json& answer) {
        Overview overview;
        overview.fair_name = text_or_empty(answer, "fair_name");
        overview.has_fair_details = answer.contains("date");
        overview.date = optional_text(answer, "date");
        overview.venue = optional_text(answer, "venue");
        overview.now = answer.at("now").get<std::string>();
        overview.students = int_or(answer, "students", 0);
        overview.checked_in = int_or(answer, "checked_in", 0);
        overview.checked_in_without_interview = int_or(answer, "checked_in_without_interview", 0);
        overview.students_interviewed = int_or(answer, "students_interviewed", 0);
        for (const json& entry : answer.at("booths"))
            overview.booths.push_back(booth_summary_of(entry));
        // (Each object is kept in a local: items() of a temporary would dangle.)
        const json quarters = answer.value("check_ins_per_quarter", json::object());
        for (const auto& [quarter, count] : quarters.items())
            overview.check_ins_per_quarter.emplace_back(quarter, count.get<int>());
        std::sort(overview.check_ins_per_quarter.begin(), overview.check_ins_per_quarter.end());
        const json by_status = answer.value("interviews_by_status", json::object());
        for (const auto& [status, count] : by_status.items())
            overview.interviews_by_status[json(status).get<InterviewStatus>()] = count.get<int>();
        if (const auto figures = answer.find("figures");
            figures != answer.end() && figures->is_object())
            overview.figures = figures_from_json(*figures);
        const json outcomes = answer.value("outcomes", json::object());
        for (const auto& [outcome, count] : outcomes.items())
            overview.outcomes[json(outcome).get<InterviewOutcome>()] = count.get<int>();
        for (const json& entry : answer.value("long_waits", json::array())) {
            overview.long_waits.push_back(LongWait{
                entry.at("student").get<std::string>(), text_or_empty(entry, "ticket_label"),
                text_or_empty(entry, "full_name"), text_or_empty(entry, "checked_in"),
                int_or(entry, "waited_minutes", 0), optional_text(entry, "next")});
        }
        if (const auto total = answer.find("long_waits_total");
            total != answer.end() && total->is_number_integer())
            overview.long_waits_total = total->get<int>();
        std::stable_sort(overview.long_waits.begin(), overview.long_waits.end(),
                         [](const LongWait& a, const LongWait& b) {
                             return a.waited_minutes > b.waited_minutes;
                         });
        if (const auto devices = answer.find("devices");
            devices != answer.end() && devices->is_array()) {
            overview.has_devices = true;
            for (const json& entry : *devices) {
                Device device;
                const json& id = entry.at("device");
                device.device = id.is_string() ? id.get<std::string>() : id.dump();
                device.name = text_or_empty(entry, "name");
                const std::string role = entry.at("role").get<std::string>();
                const auto parsed = parse_role(role);
                if (!parsed) throw UnknownCode("vai trò thiết bị", "device role", role);
                device.role = *parsed;
                if (const auto seen = entry.find("seconds_since_seen");
                    seen != entry.end() && !seen->is_null())
                    device.seconds_since_seen = seen->get<int>();
                overview.devices.push_back(std::move(device));
            }
        }
        for (const json& entry : answer.value("security", json::array())) {
            overview.security.push_back(SecurityRecent{text_or_empty(entry, "kind"),
                                                       int_or(entry, "count", 0),
                                                       int_or(entry, "addresses", 0)});
        }
        return overview;
    });
}

Figures figures_of(const Overview& overview) {
    if (overview.figures) return *overview.figures;
    const auto count = [&](InterviewStatus status) {
        const auto found = overview.interviews_by_status.find(status);
        return found == overview.interviews_by_status.end() ? 0 : found->second;
    };
    using S = InterviewStatus;
    Figures figures;
    figures.students = overview.students;
    figures.checked_in = overview.checked_in;
    figures.interviews_done = count(S::done);
    figures.interviews_promised = count(S::promised);
    figures.interviews_under_way = count(S::called) + count(S::in_progress);
    figures.interviews_remaining = count(S::planned) + count(S::promised);
    const int met = count(S::done) + count(S::no_show);
    figures.no_show_rate = met == 0 ? 0.0 : static_cast<double>(count(S::no_show)) / met;
    figures.students_without_interview = overview.checked_in_without_interview;
    return figures;
}

Timeline parse_timeline(std::string_view body) {
    return parse_or_explain(body, "a timeline answer", [](const json& answer) {
        Timeline timeline;
        timeline.now = time_at(answer, "now");
        timeline.slot_minutes = int_or(answer, "slot_minutes", 15);
        if (timeline.slot_minutes <= 0)
            throw std::invalid_argument("slot_minutes must be positive");
        timeline.day_start = time_at(answer, "day_start");
        timeline.day_end = time_at(answer, "day_end");
        if (timeline.day_end <= timeline.day_start)
            throw std::invalid_argument("the day ends before it starts");
        for (const json& entry : answer.at("booths")) {
            TimelineBooth booth;
            booth.booth = entry.at("booth").get<std::string>();
            booth.enterprise = text_or_empty(entry, "enterprise");
            booth.seats = std::max(1, int_or(entry, "seats", 1));
            booth.open = entry.contains("open") ? time_at(entry, "open") : timeline.day_start;
            booth.close = entry.contains("close") ? time_at(entry, "close") : timeline.day_end;
            booth.paused = entry.value("paused", false);
            timeline.booths.push_back(std::move(booth));
        }
        const json& interviews = answer.at("interviews");
        timeline.interviews.reserve(interviews.size());
        for (const json& entry : interviews) {
            TimelineInterview interview;
            interview.id = entry.at("interview").get<std::int64_t>();
            interview.booth = entry.at("booth").get<std::string>();
            interview.seat = int_or(entry, "seat", 0);
            interview.start = time_at(entry, "start");
            interview.end = time_at(entry, "end");
            interview.status = entry.at("status").get<InterviewStatus>();
            interview.student = text_or_empty(entry, "student");
            interview.ticket_label = text_or_empty(entry, "ticket_label");
            if (const auto outcome = entry.find("outcome");
                outcome != entry.end() && !outcome->is_null())
                interview.outcome = outcome->get<InterviewOutcome>();
            interview.reason = text_or_empty(entry, "reason");
            timeline.interviews.push_back(std::move(interview));
        }
        return timeline;
    });
}

bool interview_is_over(InterviewStatus status) {
    return is_terminal(status);
}

bool interview_can_move(InterviewStatus status) {
    return status == InterviewStatus::planned || status == InterviewStatus::promised;
}

StudentSearch parse_student_search(std::string_view body) {
    return parse_or_explain(body, "a student search answer", [](const json& answer) {
        StudentSearch search;
        search.truncated = answer.value("truncated", false);
        for (const json& entry : answer.at("students")) {
            StudentMatch match;
            match.student = entry.at("student").get<std::string>();
            match.full_name = text_or_empty(entry, "full_name");
            match.ticket_label = text_or_empty(entry, "ticket_label");
            match.phone = text_or_empty(entry, "phone");
            match.school = text_or_empty(entry, "school");
            match.occupation = text_or_empty(entry, "occupation");
            match.occupation_text = text_or_empty(entry, "occupation_text");
            match.level = text_or_empty(entry, "level");
            match.checked_in = text_or_empty(entry, "checked_in");
            match.left = entry.value("left", false);
            for (const json& interview : entry.value("interviews", json::array())) {
                match.interviews.push_back(StudentInterview{
                    interview.at("interview").get<std::int64_t>(),
                    text_or_empty(interview, "booth"), int_or(interview, "seat", 0),
                    text_or_empty(interview, "start"),
                    interview.at("status").get<InterviewStatus>()});
            }
            search.students.push_back(std::move(match));
        }
        return search;
    });
}

std::string match_trade_words(const StudentMatch& match, Language language) {
    return student_trade_display_name(match.occupation, match.occupation_text,
                                      language == Language::vi);
}

std::string search_query_of(std::string_view typed) {
    std::string query;
    bool pending_space = false;
    for (const char character : typed) {
        if (character == ' ' || character == '\t' || character == '\n' || character == '\r') {
            pending_space = !query.empty();
            continue;
        }
        if (pending_space) query.push_back(' ');
        pending_space = false;
        query.push_back(character);
    }
    return query;
}

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (const char character : text) {
        const auto byte = static_cast<unsigned char>(character);
        const bool plain = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                           (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' ||
                           byte == '.' || byte == '~';
        if (plain) {
            encoded.push_back(character);
        } else {
            encoded.push_back('%');
            encoded.push_back(kHex[byte >> 4]);
            encoded.push_back(kHex[byte & 0x0f]);
        }
    }
    return encoded;
}

ReplanCounts parse_replan_counts(std::string_view body) {
    return parse_or_explain(body, "a re-plan answer", [](const json& answer) {
        ReplanCounts counts;
        counts.added = answer.at("added").get<int>();
        counts.dropped = answer.at("dropped").get<int>();
        counts.kept = answer.at("kept").get<int>();
        counts.moved = answer.at("moved").get<int>();
        counts.planned_after = answer.at("planned_after").get<int>();
        return counts;
    });
}

}  // namespace jobfair::dashboard
