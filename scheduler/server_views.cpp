#include "scheduler/server_views.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include "common/level.hpp"
#include "common/occupations.hpp"

namespace jobfair {

using nlohmann::json;

std::string given_name(const std::string& full_name) {
    const auto end = full_name.find_last_not_of(' ');
    if (end == std::string::npos) return "";
    const auto space = full_name.find_last_of(' ', end);
    const size_t start = space == std::string::npos ? 0 : space + 1;
    return full_name.substr(start, end + 1 - start);
}


DayState day_state(const Store& store, const LiveFair& live, TimeOfDay now) {
    DayState day{live.fair(), store.interviews(), store.check_ins(), {}, now};
    for (const auto& ticket : store.tickets()) {
        if (!ticket.revoked_reason) day.tickets[ticket.student] = ticket.number;
    }
    return day;
}

protocol::ScheduledInterview scheduled(const Fair& fair, const StoredInterview& row) {
    protocol::ScheduledInterview out;
    out.id = row.id;
    out.booth = row.interview.booth.str();
    const Booth* booth = fair.find_booth(row.interview.booth);
    out.enterprise = booth ? booth->enterprise : "";
    out.seat = row.interview.seat;
    out.start = row.interview.start.str();
    out.end = row.interview.start.plus_minutes(fair.settings.grid.slot_minutes).str();
    out.status = status_code(row.status);
    return out;
}

// A booth's queue: its interviews not over, each with where the student is now, and the
// standby queue. Booth staff see the names of students in their own queue only.
json booth_queue_view(const DayState& day, const Store& store, const LiveFair& live,
                      const BoothId& booth_id) {
    const Booth& booth = *day.fair.find_booth(booth_id);
    const auto person = [&](const StudentId& id) {
        json out{{"student", id.str()}, {"ticket_label", day.label_of(id)}};
        if (const Student* student = day.fair.find_student(id)) {
            out["given_name"] = given_name(student->name);
            out["full_name"] = student->name;
            out["occupation"] = student->occupation ? json(*student->occupation) : json();
            out["level"] = level_code(student->level);
            out["rank"] = preference_rank(*student, booth_id);
        }
        if (const auto details = store.student_details(id); details && details->school) {
            out["school"] = *details->school;
        }
        return out;
    };

    std::vector<const StoredInterview*> rows;
    std::set<StudentId> in_queue;
    for (const auto& row : day.interviews) {
        if (row.interview.booth != booth_id) continue;
        if (row.status != InterviewStatus::cancelled && row.status != InterviewStatus::planned) {
            in_queue.insert(row.interview.student);  // met or promised: not standby
        }
        if (!is_terminal(row.status)) {
            rows.push_back(&row);
            in_queue.insert(row.interview.student);
        }
    }
    std::sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
        return std::tie(a->interview.start, a->interview.seat) <
               std::tie(b->interview.start, b->interview.seat);
    });
    json queue = json::array();
    for (const auto* row : rows) {
        json item = protocol::to_json(*row);
        item["end"] = day.end_of(row->interview);
        const StudentId& student = row->interview.student;
        const StoredInterview* busy = day.busy_with(student);
        if (day.check_ins.count(student) == 0) {
            item["whereabouts"] = "not_arrived";
        } else if (busy && busy->id != row->id) {
            item["whereabouts"] = "busy";
            item["busy_at"] = busy->interview.booth.str();
        } else {
            item["whereabouts"] = "checked_in";
        }
        item["person"] = person(student);
        queue.push_back(item);
    }

    // Standby: checked-in students who want this booth, have nothing with it, are still here.
    struct Waiting {
        int rank;
        TimeOfDay arrived;
        StudentId id;
    };
    std::vector<Waiting> waiting;
    for (const auto& [id, arrived] : day.check_ins) {
        const Student* student = day.fair.find_student(id);
        if (!student || in_queue.count(id) || day.now >= student->leave) continue;
        const int rank = preference_rank(*student, booth_id);
        if (rank == 0 || !is_eligible(*student, booth)) continue;
        waiting.push_back({rank, arrived, id});
    }
    std::sort(waiting.begin(), waiting.end(), [](const Waiting& a, const Waiting& b) {
        return std::tie(a.rank, a.arrived, a.id) < std::tie(b.rank, b.arrived, b.id);
    });
    json standby = json::array();
    for (const auto& entry : waiting) {
        json item = person(entry.id);
        item["arrived"] = entry.arrived.str();
        const StoredInterview* busy = day.busy_with(entry.id);
        item["busy_at"] = busy ? json(busy->interview.booth.str()) : json();
        standby.push_back(item);
    }
    return {{"booth", booth_id.str()},  {"enterprise", booth.enterprise},
            {"seats", booth.seats()},   {"paused", live.is_paused(booth_id)},
            {"open", booth.open.str()}, {"close", booth.close.str()},
            {"now", day.now.str()},     {"queue", queue},
            {"standby", standby}};
}

// The whole fair at a glance: per booth current, next, waiting, delay, done, no-shows.
json overview_view(const DayState& day, const LiveFair& live) {
    json booths = json::array();
    for (const Booth& booth : day.fair.booths) {
        int done = 0, no_shows = 0, waiting = 0, remaining = 0;
        json current = json::array();
        std::optional<TimeOfDay> next_start, oldest_due;
        for (const auto& row : day.interviews) {
            if (row.interview.booth != booth.id) continue;
            const auto status = row.status;
            if (status == InterviewStatus::done) ++done;
            if (status == InterviewStatus::no_show) ++no_shows;
            if (status == InterviewStatus::called || status == InterviewStatus::in_progress) {
                current.push_back({{"interview", row.id},
                                   {"seat", row.interview.seat},
                                   {"ticket_label", day.label_of(row.interview.student)},
                                   {"status", status_code(status)}});
            }
            if (status != InterviewStatus::promised && status != InterviewStatus::planned) {
                continue;
            }
            ++remaining;
            if (!next_start || row.interview.start < *next_start) next_start = row.interview.start;
            if (status != InterviewStatus::promised) continue;
            if (day.check_ins.count(row.interview.student) > 0) ++waiting;
            // Late: a promise whose slot has ended and that nobody has called yet.
            if (row.interview.start.plus_minutes(day.fair.settings.grid.slot_minutes) <= day.now &&
                (!oldest_due || row.interview.start < *oldest_due)) {
                oldest_due = row.interview.start;
            }
        }
        const int delay = oldest_due ? day.now.minutes() - oldest_due->minutes() : 0;
        booths.push_back({{"booth", booth.id.str()},
                          {"enterprise", booth.enterprise},
                          {"seats", booth.seats()},
                          {"paused", live.is_paused(booth.id)},
                          {"close", booth.close.str()},
                          {"current", current},
                          {"next", next_start ? json(next_start->str()) : json()},
                          {"waiting", waiting},
                          {"remaining", remaining},
                          {"delay_minutes", delay},
                          {"done", done},
                          {"no_shows", no_shows}});
    }
    std::map<std::string, int> by_status;
    std::set<StudentId> covered;
    for (const auto& row : day.interviews) {
        ++by_status[std::string(status_code(row.status))];
        if (row.status != InterviewStatus::cancelled && row.status != InterviewStatus::no_show) {
            covered.insert(row.interview.student);
        }
    }
    std::set<StudentId> interviewed;
    for (const auto& row : day.interviews) {
        if (row.status == InterviewStatus::done) interviewed.insert(row.interview.student);
    }
    int without_interview = 0;
    for (const auto& entry : day.check_ins) {
        if (!covered.count(entry.first)) ++without_interview;
    }
    // Check-ins per 15 minutes, for the dashboard's chart.
    std::map<std::string, int> check_ins_per_quarter;
    for (const auto& entry : day.check_ins) {
        const int minute = entry.second.minutes();
        ++check_ins_per_quarter[TimeOfDay(minute - minute % 15).str()];
    }
    return {{"now", day.now.str()},
            {"fair_name", day.fair.settings.name},
            {"students", day.fair.students.size()},
            {"checked_in", day.check_ins.size()},
            {"checked_in_without_interview", without_interview},
            {"students_interviewed", interviewed.size()},
            {"check_ins_per_quarter", check_ins_per_quarter},
            {"interviews_by_status", by_status},
            {"booths", booths}};
}

// The board's list: the last calls, ticket labels and booths only.
json recent_calls_view(const DayState& day, const std::vector<EventRecord>& events, size_t limit) {
    std::map<InterviewId, const StoredInterview*> by_id;
    for (const auto& row : day.interviews)
        by_id[row.id] = &row;
    json calls = json::array();
    for (auto it = events.rbegin(); it != events.rend() && calls.size() < limit; ++it) {
        if (it->kind != "interview.called" && it->kind != "interview.called_from_standby" &&
            it->kind != "interview.recalled") {
            continue;
        }
        const json payload = json::parse(it->payload_json, nullptr, false);
        if (!payload.is_object() || !payload.contains("interview")) continue;
        const auto row = by_id.find(payload["interview"].get<InterviewId>());
        if (row == by_id.end()) continue;
        const Interview& interview = row->second->interview;
        calls.push_back({{"event", it->id},
                         {"at", it->at},
                         {"ticket_label", day.label_of(interview.student)},
                         {"booth", interview.booth.str()},
                         {"seat", interview.seat},
                         {"recall", it->kind == "interview.recalled"},
                         {"status", status_code(row->second->status)}});
    }
    return {{"calls", calls}};
}

// What a client may see of an event: everything for organizers and booth staff; for kiosks and
// boards only the kind and the booth, so they know what to fetch again.
// Booth staff see in full only what concerns their own booth; of everything else, like kiosks
// and boards, only the kind and the booth.
json event_for(const Principal& principal, const EventRecord& event) {
    if (principal.role == Role::organizer) return protocol::to_json(event);
    const json payload = json::parse(event.payload_json, nullptr, false);
    const bool has_booth = payload.is_object() && payload.contains("booth");
    if (principal.role == Role::booth_staff && principal.booth && has_booth &&
        payload["booth"] == principal.booth->str()) {
        return protocol::to_json(event);
    }
    json out{{"id", event.id}, {"kind", event.kind}, {"at", event.at}};
    if (has_booth) out["booth"] = payload["booth"];
    return out;
}

}  // namespace jobfair
