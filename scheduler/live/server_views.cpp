#include "scheduler/live/server_views.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <set>
#include <tuple>

#include "common/level.hpp"
#include "common/occupations.hpp"
#include "common/text.hpp"
#include "common/utc_time.hpp"
#include "scheduler/live/outlook.hpp"

namespace jobfair {

using nlohmann::json;

namespace {

// Minutes a checked-in student waits without an interview before the dashboard hears of it.
constexpr int kLongWaitMinutes = 30;
constexpr size_t kLongWaitsShown = 10;
constexpr size_t kSearchResults = 20;

bool met(InterviewStatus status) {
    return status == InterviewStatus::called || status == InterviewStatus::in_progress ||
           status == InterviewStatus::done;
}

json optional_text(const std::optional<std::string>& text) {
    return text ? json(*text) : json();
}

}  // namespace

// Standby: checked-in students who want this booth, are eligible, have nothing with it (no
// interview other than a cancelled one) and are still here; best rank first, then arrival.
std::string given_name(const std::string& full_name) {
    const auto end = full_name.find_last_not_of(' ');
    if (end == std::string::npos) return "";
    const auto space = full_name.find_last_of(' ', end);
    const size_t start = space == std::string::npos ? 0 : space + 1;
    return full_name.substr(start, end + 1 - start);
}

DayState day_state(const Store& store, const LiveFair& live, TimeOfDay now) {
    DayState day{live.fair(), store.interviews(), store.check_ins(), {}, now, live.pace()};
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
    out.status = row.status;
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
        if (const auto details = store.student_details(id)) {
            if (details->school) out["school"] = *details->school;
            // "Ngành khác / Other trade": the trade the student typed (occupation is null).
            if (details->occupation_text) out["occupation_text"] = *details->occupation_text;
        }
        return out;
    };

    std::vector<const StoredInterview*> rows;
    for (const auto& row : day.interviews) {
        if (row.interview.booth != booth_id) continue;
        if (!is_terminal(row.status)) rows.push_back(&row);
    }
    std::sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
        return std::tie(a->interview.start, a->interview.seat) <
               std::tie(b->interview.start, b->interview.seat);
    });
    json queue = json::array();
    for (const auto* row : rows) {
        json item = protocol::to_json(*row);
        item["end"] = day.end_of(row->interview);
        // How long ago the student was called or the interview began (the row's last change):
        // a restarted booth station shows the same timers, whatever its own clock says.
        if (row->status == InterviewStatus::called || row->status == InterviewStatus::in_progress) {
            if (const auto since = parse_utc_timestamp(row->updated_at)) {
                const auto age = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now() - *since);
                item["status_seconds"] = std::max<std::int64_t>(0, age.count());
            }
        }
        const StudentId& student = row->interview.student;
        const StoredInterview* busy = day.busy_with(student);
        if (day.check_ins.count(student) == 0) {
            item["whereabouts"] = Whereabouts::not_arrived;
        } else if (busy && busy->id != row->id) {
            item["whereabouts"] = Whereabouts::busy;
            item["busy_at"] = busy->interview.booth.str();
        } else if (const auto away = live.absence_now(student)) {
            item["whereabouts"] = Whereabouts::away;  // their promise waits (LiveFair::step_away)
            item["away_until"] = away->until.str();
        } else {
            item["whereabouts"] = Whereabouts::checked_in;
        }
        item["person"] = person(student);
        queue.push_back(item);
    }

    const std::vector<StandbyEntry> waiting = standby_queue(day, booth_id);
    json standby = json::array();
    for (const auto& entry : waiting) {
        json item = person(entry.id);
        item["arrived"] = entry.arrived.str();
        const StoredInterview* busy = day.busy_with(entry.id);
        item["busy_at"] = busy ? json(busy->interview.booth.str()) : json();
        // The engine's own rule: a student shown as callable is one take-walk-in accepts.
        const StandbyBlock block =
            live.standby_block(*day.fair.find_student(entry.id), booth_id, day.interviews);
        item["blocked"] = block;  // null for none
        if (const auto away = live.absence_now(entry.id)) item["away_until"] = away->until.str();
        standby.push_back(item);
    }
    // The end of the break the booth is in now, so its station can say why nobody is called.
    json break_until;
    for (const TimeRange& pause : booth.breaks)
        if (pause.begin <= day.now && day.now < pause.end) break_until = pause.end.str();
    return {{"booth", booth_id.str()},  {"enterprise", booth.enterprise},
            {"seats", booth.seats()},   {"paused", live.is_paused(booth_id)},
            {"open", booth.open.str()}, {"close", booth.close.str()},
            {"now", day.now.str()},     {"queue", queue},
            {"standby", standby},       {"break_until", break_until}};
}

// The whole fair at a glance: per booth current, next, waiting, delay, done, no-shows.
json overview_view(const DayState& day, const LiveFair& live,
                   const std::vector<DeviceSeen>& devices) {
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
                          {"open", booth.open.str()},
                          {"close", booth.close.str()},
                          {"standby", standby_queue(day, booth.id).size()},
                          {"current", current},
                          {"next", next_start ? json(next_start->str()) : json()},
                          {"waiting", waiting},
                          {"remaining", remaining},
                          {"delay_minutes", delay},
                          {"done", done},
                          {"no_shows", no_shows}});
    }
    std::map<InterviewStatus, int> by_status;
    std::set<StudentId> covered;
    for (const auto& row : day.interviews) {
        ++by_status[row.status];
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
    // Why they have none, with the day report's reasons (kNoInterviewReasons), read live: no booth
    // they chose takes them; gone home; called and did not come; or no seat has reached them yet.
    std::set<StudentId> missed;
    for (const auto& row : day.interviews) {
        if (row.status == InterviewStatus::no_show) missed.insert(row.interview.student);
    }
    std::map<std::string, int> without_by_reason;
    for (const auto& entry : day.check_ins) {
        if (covered.count(entry.first)) continue;
        const Student* student = day.fair.find_student(entry.first);
        bool eligible = false;
        for (const BoothId& choice : student ? student->preferences : std::vector<BoothId>{}) {
            const Booth* booth = day.fair.find_booth(choice);
            eligible = eligible || (booth && is_eligible(*student, *booth));
        }
        const char* reason = !eligible                       ? "no_booth_for_them"
                             : day.now >= student->leave     ? "left"
                             : missed.count(entry.first) > 0 ? "no_show"
                                                             : "booths_full";
        ++without_by_reason[reason];
    }
    // Check-ins per 15 minutes, for the dashboard's chart.
    std::map<std::string, int> check_ins_per_quarter;
    for (const auto& entry : day.check_ins) {
        const int minute = entry.second.minutes();
        ++check_ins_per_quarter[TimeOfDay(minute - minute % 15).str()];
    }
    // Wait from check-in to the slot of the first interview met; and who still waits long.
    std::map<StudentId, TimeOfDay> first_met, next_due;
    for (const auto& row : day.interviews) {
        std::map<StudentId, TimeOfDay>* earliest = nullptr;
        if (met(row.status)) {
            earliest = &first_met;
        } else if (row.status == InterviewStatus::planned ||
                   row.status == InterviewStatus::promised) {
            earliest = &next_due;
        } else {
            continue;
        }
        const auto [it, inserted] =
            earliest->try_emplace(row.interview.student, row.interview.start);
        if (!inserted && row.interview.start < it->second) it->second = row.interview.start;
    }
    std::vector<int> waits;
    json long_waits = json::array();
    struct LongWait {
        int minutes;
        StudentId id;
        TimeOfDay arrived;
    };
    std::vector<LongWait> still_waiting;
    for (const auto& [id, arrived] : day.check_ins) {
        if (const auto first = first_met.find(id); first != first_met.end()) {
            waits.push_back(std::max(0, first->second.minutes() - arrived.minutes()));
            continue;
        }
        const Student* student = day.fair.find_student(id);
        if (student && day.now >= student->leave) continue;  // gone home
        const int waited = day.now.minutes() - arrived.minutes();
        if (waited >= kLongWaitMinutes) still_waiting.push_back({waited, id, arrived});
    }
    std::sort(still_waiting.begin(), still_waiting.end(), [](const auto& a, const auto& b) {
        return std::tie(b.minutes, a.id) < std::tie(a.minutes, b.id);
    });
    for (size_t i = 0; i < still_waiting.size() && i < kLongWaitsShown; ++i) {
        const auto& entry = still_waiting[i];
        const Student* student = day.fair.find_student(entry.id);
        const auto next = next_due.find(entry.id);
        long_waits.push_back(
            {{"student", entry.id.str()},
             {"ticket_label", day.label_of(entry.id)},
             {"full_name", student ? student->name : ""},
             {"checked_in", entry.arrived.str()},
             {"waited_minutes", entry.minutes},
             {"next", next != next_due.end() ? json(next->second.str()) : json()}});
    }
    std::sort(waits.begin(), waits.end());
    double mean_wait = 0;
    for (int wait : waits)
        mean_wait += wait;
    if (!waits.empty()) mean_wait /= double(waits.size());
    const int p90_wait =
        waits.empty() ? 0 : waits[std::min(waits.size() - 1, waits.size() * 9 / 10)];
    const auto count = [&](InterviewStatus status) {
        const auto it = by_status.find(status);
        return it == by_status.end() ? 0 : it->second;
    };
    using S = InterviewStatus;
    const int done = count(S::done), no_show = count(S::no_show);
    const json figures{
        {"students", day.fair.students.size()},
        {"checked_in", day.check_ins.size()},
        {"interviews_done", done},
        {"interviews_promised", count(S::promised)},
        {"interviews_under_way", count(S::called) + count(S::in_progress)},
        {"interviews_remaining", count(S::planned) + count(S::promised)},
        {"no_show_rate",
         done + no_show == 0 ? 0.0 : std::round(10000.0 * no_show / (done + no_show)) / 10000.0},
        {"wait_mean_minutes", std::round(mean_wait * 10) / 10},
        {"wait_p90_minutes", p90_wait},
        {"waits_counted", waits.size()},
        {"students_without_interview", without_interview},
        {"without_interview_by_reason", without_by_reason}};
    std::map<InterviewOutcome, int> outcome_counts;
    for (const auto& row : day.interviews) {
        if (row.status == InterviewStatus::done && row.outcome) ++outcome_counts[*row.outcome];
    }
    json outcomes = json::object();  // every outcome, 0 when none
    for (const auto& [outcome, code] : kInterviewOutcomeCodes)
        outcomes[std::string(code)] = outcome_counts[outcome];
    json interviews_by_status = json::object();  // the statuses seen only
    for (const auto& [status, number] : by_status)
        interviews_by_status[std::string(status_code(status))] = number;
    json device_list = json::array();
    for (const auto& device : devices) {
        device_list.push_back(
            {{"device", device.device},
             {"name", device.name},
             {"role", role_code(device.role)},
             {"seconds_since_seen",
              device.seconds_since_seen ? json(*device.seconds_since_seen) : json()}});
    }
    return {{"now", day.now.str()},
            {"fair_name", day.fair.settings.name},
            {"date", day.fair.settings.date ? json(*day.fair.settings.date) : json()},
            {"venue", day.fair.settings.venue ? json(*day.fair.settings.venue) : json()},
            {"students", day.fair.students.size()},
            {"checked_in", day.check_ins.size()},
            {"checked_in_without_interview", without_interview},
            {"students_interviewed", interviewed.size()},
            {"check_ins_per_quarter", check_ins_per_quarter},
            {"interviews_by_status", interviews_by_status},
            {"figures", figures},
            {"outcomes", outcomes},
            {"long_waits", long_waits},
            {"long_waits_total", still_waiting.size()},
            {"devices", device_list},
            {"booths", booths}};
}

json timeline_view(const DayState& day, const LiveFair& live) {
    const SlotGrid& grid = day.fair.settings.grid;
    json booths = json::array();
    for (const Booth& booth : day.fair.booths) {
        booths.push_back({{"booth", booth.id.str()},
                          {"enterprise", booth.enterprise},
                          {"seats", booth.seats()},
                          {"open", booth.open.str()},
                          {"close", booth.close.str()},
                          {"paused", live.is_paused(booth.id)}});
    }
    json interviews = json::array();
    for (const auto& row : day.interviews) {
        interviews.push_back({{"interview", row.id},
                              {"booth", row.interview.booth.str()},
                              {"seat", row.interview.seat},
                              {"start", row.interview.start.str()},
                              {"end", day.end_of(row.interview)},
                              {"status", row.status},
                              {"student", row.interview.student.str()},
                              {"ticket_label", day.label_of(row.interview.student)},
                              {"outcome", row.outcome ? json(*row.outcome) : json()},
                              {"reason", optional_text(row.cancel_reason)}});
    }
    return {{"now", day.now.str()},
            {"slot_minutes", grid.slot_minutes},
            {"day_start", grid.day_start.str()},
            {"day_end", grid.day_end.str()},
            {"booths", booths},
            {"interviews", interviews}};
}

json student_search_view(const DayState& day, const Store& store, std::string_view query,
                         const std::optional<StudentId>& ticket_holder) {
    const std::string folded = fold_for_search(collapse_spaces(query));
    std::string digits;
    for (char c : query) {
        if (c >= '0' && c <= '9') digits += c;
    }
    const bool only_digits_and_marks =
        query.find_first_not_of("0123456789 .-+") == std::string_view::npos;
    std::optional<std::uint32_t> ticket_number;  // "A-0087", "0087"
    if (const auto dash = query.rfind('-'); !digits.empty() && digits.size() <= 9 &&
                                            (only_digits_and_marks || dash != std::string::npos)) {
        ticket_number = static_cast<std::uint32_t>(std::stoul(digits));
    }
    std::map<std::uint32_t, StudentId> by_ticket;
    for (const auto& [student, number] : day.tickets)
        by_ticket[number] = student;

    json found = json::array();
    bool truncated = false;
    for (const Student& student : day.fair.students) {
        const auto details = store.student_details(student.id);
        const auto ticket = day.tickets.find(student.id);
        bool match = (ticket_holder && *ticket_holder == student.id) ||
                     fold_for_search(student.id.str()) == folded ||
                     (!folded.empty() && contains_folded(student.name, folded));
        if (!match && ticket_number && ticket != day.tickets.end()) {
            match =
                ticket->second == *ticket_number &&
                (only_digits_and_marks ? true
                                       : fold_for_search(ticket_label(ticket->second)) == folded);
        }
        if (!match && digits.size() >= 3 && only_digits_and_marks && details && details->phone) {
            match = details->phone->find(digits) != std::string::npos;
        }
        if (!match) continue;
        if (found.size() == kSearchResults) {
            truncated = true;
            break;
        }
        json interviews = json::array();
        for (const auto& row : day.interviews) {
            if (row.interview.student != student.id) continue;
            interviews.push_back({{"interview", row.id},
                                  {"booth", row.interview.booth.str()},
                                  {"seat", row.interview.seat},
                                  {"start", row.interview.start.str()},
                                  {"status", status_code(row.status)}});
        }
        const auto checked_in = day.check_ins.find(student.id);
        found.push_back(
            {{"student", student.id.str()},
             {"full_name", student.name},
             {"ticket_label", day.label_of(student.id)},
             {"phone", details ? optional_text(details->phone) : json()},
             {"school", details ? optional_text(details->school) : json()},
             {"occupation", optional_text(student.occupation)},
             {"occupation_text", details ? optional_text(details->occupation_text) : json()},
             {"level", level_code(student.level)},
             {"checked_in",
              checked_in == day.check_ins.end() ? json() : json(checked_in->second.str())},
             {"left", checked_in != day.check_ins.end() && day.now >= student.leave &&
                          student.leave < day.fair.settings.grid.day_end},
             {"interviews", interviews}});
    }
    return {{"students", found}, {"truncated", truncated}};
}

// The board's list: the last calls, ticket labels and booths only.
json recent_calls_view(const DayState& day, const std::vector<EventRecord>& events, size_t limit,
                       const FairClock& clock) {
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
        const auto wall = parse_utc_timestamp(it->at);
        calls.push_back({{"event", it->id},
                         {"at", it->at},
                         {"time", (wall ? clock.at(*wall) : day.now).str()},
                         {"ticket_label", day.label_of(interview.student)},
                         {"booth", interview.booth.str()},
                         {"seat", interview.seat},
                         {"recall", it->kind == "interview.recalled"},
                         {"status", status_code(row->second->status)}});
    }
    return {{"now", day.now.str()}, {"calls", calls}};
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
