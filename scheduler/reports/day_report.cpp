#include "scheduler/reports/day_report.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "common/availability.hpp"
#include "common/utc_time.hpp"

namespace jobfair::reports {

namespace {

using nlohmann::json;

std::optional<json> simulation_measured(const std::vector<EventRecord>& events) {
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->kind != kSimulationMeasuredKind) continue;
        json payload = json::parse(it->payload_json, nullptr, false);
        if (payload.is_object()) return payload;
    }
    return std::nullopt;
}

std::optional<MeasuredEstimates> estimates_of(const json& measured) {
    if (!measured.contains("estimates") || !measured["estimates"].is_object()) return std::nullopt;
    const json& in = measured["estimates"];
    MeasuredEstimates out;
    out.within_minutes = in.value("within_minutes", 10);
    out.told_no_interview = in.value("told_no_interview", 0);
    out.told_no_interview_right = in.value("told_no_interview_right", 0);
    if (in.contains("told_no_interview_by_reason") && in["told_no_interview_by_reason"].is_object())
        out.told_no_interview_by_reason =
            in["told_no_interview_by_reason"].get<std::map<std::string, int>>();
    for (const json& row : in.value("rows", json::array())) {
        MeasuredEstimates::Row line;
        line.when = row.value("when", "");
        line.kind = row.value("kind", "");
        line.students = row.value("students", 0);
        line.within = row.value("within", 0);
        line.no_interview_followed = row.value("no_interview_followed", 0);
        line.started_earlier = row.value("started_earlier", 0);
        line.started_later = row.value("started_later", 0);
        if (row.contains("p90_error_minutes") && row["p90_error_minutes"].is_number_integer())
            line.p90_error_minutes = row["p90_error_minutes"].get<int>();
        out.rows.push_back(std::move(line));
    }
    return out;
}

std::optional<std::string_view> status_kind(const std::string& kind) {
    constexpr std::string_view prefix = "interview.";
    if (!kind.starts_with(prefix)) return std::nullopt;
    return std::string_view(kind).substr(prefix.size());
}

std::string fixed(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string wait_line(const WaitFigures& waits) {
    if (waits.minutes.empty()) return "—";
    return std::to_string(waits.minutes.size()) + ", trung bình / mean " + fixed(*waits.mean()) +
           " phút / min, trung vị / median " + std::to_string(*waits.median()) + ", p90 " +
           std::to_string(*waits.p90());
}

std::string share(int part, int whole) {
    return whole <= 0 ? "—" : fixed(100.0 * part / whole) + "%";
}

// The simulator's minutes stored with its day: [last event id read, fair minute], ascending.
std::vector<std::pair<EventId, int>> simulator_minutes(const std::vector<EventRecord>& events) {
    std::vector<std::pair<EventId, int>> minutes;
    if (const auto measured = simulation_measured(events)) {
        for (const json& pair : measured->value("event_minutes", json::array())) {
            if (pair.is_array() && pair.size() == 2 && pair[0].is_number_integer() &&
                pair[1].is_number_integer())
                minutes.emplace_back(pair[0].get<EventId>(), pair[1].get<int>());
        }
    }
    return minutes;
}

}  // namespace

std::vector<TimedEvent> fair_timed_events(const Store& store, int utc_offset_minutes) {
    const std::vector<EventRecord> events = store.events();
    std::vector<TimedEvent> out;
    // The simulator's minutes: [last id read, minute], ascending.
    const std::vector<std::pair<EventId, int>> minutes = simulator_minutes(events);
    for (const EventRecord& event : events) {
        TimedEvent timed;
        timed.event = event;
        if (!minutes.empty()) {
            const auto at = std::lower_bound(
                minutes.begin(), minutes.end(), event.id,
                [](const std::pair<EventId, int>& pair, EventId id) { return pair.first < id; });
            timed.at = TimeOfDay(at == minutes.end() ? minutes.back().second : at->second);
        } else {
            const auto instant = parse_utc_timestamp(event.at);
            if (!instant) continue;
            const auto since_midnight =
                std::chrono::duration_cast<std::chrono::minutes>(instant->time_since_epoch())
                    .count() +
                utc_offset_minutes;
            timed.at = TimeOfDay(static_cast<int>(((since_midnight % 1440) + 1440) % 1440));
        }
        out.push_back(std::move(timed));
    }
    return out;
}

std::vector<TimedEvent> fair_timed_events(
    const std::vector<EventRecord>& events,
    const std::function<TimeOfDay(std::chrono::system_clock::time_point)>& fair_time_at) {
    // The simulator's minutes: [last id read, minute], ascending; ids above the last one were
    // written after its day, while the server's clock ran.
    const std::vector<std::pair<EventId, int>> minutes = simulator_minutes(events);
    std::vector<TimedEvent> out;
    out.reserve(events.size());
    for (const EventRecord& event : events) {
        TimedEvent timed;
        timed.event = event;
        if (!minutes.empty() && event.id <= minutes.back().first) {
            const auto at = std::lower_bound(
                minutes.begin(), minutes.end(), event.id,
                [](const std::pair<EventId, int>& pair, EventId id) { return pair.first < id; });
            timed.at = TimeOfDay(at->second);
        } else {
            const auto instant = parse_utc_timestamp(event.at);
            if (!instant) continue;
            timed.at = fair_time_at(*instant);
        }
        out.push_back(std::move(timed));
    }
    return out;
}

std::optional<double> WaitFigures::mean() const {
    if (minutes.empty()) return std::nullopt;
    double total = 0;
    for (int value : minutes)
        total += value;
    return total / static_cast<double>(minutes.size());
}
std::optional<int> WaitFigures::median() const {
    if (minutes.empty()) return std::nullopt;
    return minutes[(minutes.size() + 1) / 2 - 1];
}
std::optional<int> WaitFigures::p90() const {
    if (minutes.empty()) return std::nullopt;
    return minutes[(9 * minutes.size() + 9) / 10 - 1];
}

std::string_view no_interview_reason_vi(std::string_view reason) {
    if (reason == "no_booth_for_them") return "không gian hàng nào đã chọn nhận nghề/trình độ";
    if (reason == "left") return "đã về trước khi được phỏng vấn";
    if (reason == "no_show") return "được gọi nhưng không đến";
    if (reason == "booths_full") return "các gian hàng đã chọn hết chỗ";
    return reason;
}
std::string_view no_interview_reason_en(std::string_view reason) {
    if (reason == "no_booth_for_them") return "no booth they chose takes their trade or level";
    if (reason == "left") return "left before any interview";
    if (reason == "no_show") return "called but did not come";
    if (reason == "booths_full") return "their booths had no seat for them";
    return reason;
}

DayReport day_report(const Store& store) {
    return day_report(store, fair_timed_events(store));
}

DayReport day_report(const Store& store, const std::vector<TimedEvent>& events) {
    const Fair fair = store.load_fair();
    const std::vector<StoredInterview> interviews = store.interviews();
    const std::map<StudentId, TimeOfDay> check_ins = store.check_ins();
    const auto details = store.all_student_details();
    DayReport report;
    report.fair_name = fair.settings.name;
    const SlotGrid& grid = fair.settings.grid;
    report.day_start_minutes = grid.day_start.minutes();
    report.day_end_minutes = grid.day_end.minutes();
    report.checked_in = static_cast<int>(check_ins.size());
    for (const auto& [student, about] : details)
        report.walk_ins += about.registered_via == "walk_in" && check_ins.count(student) > 0;

    std::vector<EventRecord> records;
    records.reserve(events.size());
    for (const TimedEvent& timed : events)
        records.push_back(timed.event);
    if (const auto measured = simulation_measured(records)) {
        report.simulated = true;
        report.estimates = estimates_of(*measured);
    }

    for (const Booth& booth : fair.booths) {
        BoothUse use;
        use.booth = booth.id.str();
        use.enterprise = booth.enterprise;
        use.seat_slots = seat_slots(fair.settings, booth);
        use.capacity = std::min(use.seat_slots, booth.max_interviews.value_or(use.seat_slots));
        report.seat_slots += use.seat_slots;
        report.capacity += use.capacity;
        report.booths.push_back(std::move(use));
    }

    // When each interview was called (its latest call) and started, on the fair clock.
    std::map<InterviewId, int> called_at, started_at;
    for (const TimedEvent& timed : events) {
        const auto kind = status_kind(timed.event.kind);
        if (!kind) continue;
        const json payload = json::parse(timed.event.payload_json, nullptr, false);
        if (!payload.is_object() || !payload.contains("interview") ||
            !payload["interview"].is_number_integer())
            continue;
        const InterviewId id = payload["interview"].get<InterviewId>();
        if (*kind == "called" || *kind == "called_from_standby") {
            called_at[id] = timed.at.minutes();
        } else if (*kind == "in_progress" && !started_at.count(id)) {
            started_at[id] = timed.at.minutes();
            if (const auto call = called_at.find(id); call != called_at.end())
                report.call_to_start.minutes.push_back(
                    std::max(0, timed.at.minutes() - call->second));
        }
    }

    std::map<StudentId, int> first_start;
    std::set<StudentId> covered, no_show, met;
    const int half_hours =
        std::max(1, (report.day_end_minutes - report.day_start_minutes + 29) / 30);
    report.started_per_half_hour.assign(static_cast<size_t>(half_hours), 0);
    std::map<BoothId, size_t> booth_index;
    for (size_t b = 0; b < fair.booths.size(); ++b)
        booth_index[fair.booths[b].id] = b;
    for (const StoredInterview& row : interviews) {
        const StudentId& student = row.interview.student;
        if (row.status == InterviewStatus::no_show) {
            ++report.no_shows;
            no_show.insert(student);
        }
        if (row.status != InterviewStatus::done && row.status != InterviewStatus::in_progress)
            continue;
        met.insert(student);
        const auto started = started_at.find(row.id);
        const int start =
            started != started_at.end() ? started->second : row.interview.start.minutes();
        auto [first, fresh] = first_start.emplace(student, start);
        if (!fresh) first->second = std::min(first->second, start);
        if (row.status != InterviewStatus::done) continue;
        ++report.interviews_done;
        covered.insert(student);
        if (const auto b = booth_index.find(row.interview.booth); b != booth_index.end())
            ++report.booths[b->second].done;
        const int half = (start - report.day_start_minutes) / 30;
        report.started_per_half_hour[static_cast<size_t>(std::clamp(half, 0, half_hours - 1))]++;
    }

    std::set<StudentId> left;
    for (const TimedEvent& timed : events) {
        if (timed.event.kind != "student.left") continue;
        const json payload = json::parse(timed.event.payload_json, nullptr, false);
        if (payload.is_object() && payload.contains("student") && payload["student"].is_string())
            left.insert(StudentId(payload["student"].get<std::string>()));
    }
    std::map<StudentId, const Student*> students;
    for (const Student& student : fair.students)
        students[student.id] = &student;
    for (const auto& [student, at] : check_ins) {
        if (covered.count(student)) {
            ++report.students_covered;
        }
        if (const auto first = first_start.find(student); first != first_start.end())
            report.check_in_to_first.minutes.push_back(std::max(0, first->second - at.minutes()));
        if (met.count(student)) continue;
        ++report.no_interview;
        bool eligible = false;
        if (const auto known = students.find(student); known != students.end()) {
            for (const BoothId& choice : known->second->preferences) {
                const auto b = booth_index.find(choice);
                eligible = eligible || (b != booth_index.end() &&
                                        is_eligible(*known->second, fair.booths[b->second]));
            }
        }
        const std::string reason = !eligible                ? "no_booth_for_them"
                                   : left.count(student)    ? "left"
                                   : no_show.count(student) ? "no_show"
                                                            : "booths_full";
        ++report.no_interview_by_reason[reason];
    }
    std::sort(report.check_in_to_first.minutes.begin(), report.check_in_to_first.minutes.end());
    std::sort(report.call_to_start.minutes.begin(), report.call_to_start.minutes.end());
    report.freed = count_freed_seat_slots(fair.settings, interviews, events);
    return report;
}

std::vector<std::string> day_report_lines(const DayReport& r) {
    std::vector<std::string> out;
    out.push_back("=== Báo cáo ngày hội / Report of the day: " + r.fair_name + " ===");
    out.push_back("Học viên đã check-in / Students checked in: " + std::to_string(r.checked_in) +
                  " (tại chỗ / walk-ins " + std::to_string(r.walk_ins) + ")");
    out.push_back("Lượt phỏng vấn đã xong / Interviews done: " + std::to_string(r.interviews_done));
    out.push_back("Học viên được phỏng vấn / Students covered: " +
                  std::to_string(r.students_covered) + " of " + std::to_string(r.checked_in) +
                  " (" + share(r.students_covered, r.checked_in) + ")");
    out.push_back("Sử dụng chỗ phỏng vấn / Seat-slot use: " + std::to_string(r.interviews_done) +
                  " of " + std::to_string(r.seat_slots) + " seat-slots (" +
                  share(r.interviews_done, r.seat_slots) + "); of " + std::to_string(r.capacity) +
                  " within the booths' caps (" + share(r.interviews_done, r.capacity) + ")");
    out.push_back(
        "Chỗ trống do vắng mặt, bỏ lượt, xong sớm được lấp / Freed seat-slots refilled "
        "(before the last hour): " +
        std::to_string(r.freed.refilled) + " of " + std::to_string(r.freed.freed) + " (" +
        share(r.freed.refilled, r.freed.freed) + ")");
    for (const auto& [why, count] : r.freed.freed_by) {
        const auto refilled = r.freed.refilled_by.find(why);
        out.push_back("  " + why + ": " +
                      std::to_string(refilled == r.freed.refilled_by.end() ? 0 : refilled->second) +
                      " of " + std::to_string(count));
    }
    if (r.freed.taken_back > 0)
        out.push_back(
            "  chính học viên lỡ lượt quay lại dùng / taken back by the student who "
            "missed the call: " +
            std::to_string(r.freed.taken_back));
    out.push_back("Vắng mặt khi được gọi / No-shows: " + std::to_string(r.no_shows));
    out.push_back("Học viên chưa được phỏng vấn / Students with no interview: " +
                  std::to_string(r.no_interview));
    for (std::string_view reason : kNoInterviewReasons) {
        const auto count = r.no_interview_by_reason.find(std::string(reason));
        if (count == r.no_interview_by_reason.end()) continue;
        out.push_back("  " + std::string(no_interview_reason_vi(reason)) + " / " +
                      std::string(no_interview_reason_en(reason)) + ": " +
                      std::to_string(count->second));
    }
    out.push_back("Chờ từ check-in đến lượt đầu / Wait, check-in to first interview: " +
                  wait_line(r.check_in_to_first));
    out.push_back(
        "Đứng chờ tại gian hàng từ lúc gọi đến lúc bắt đầu / At the booth, call to "
        "start: " +
        wait_line(r.call_to_start));
    if (!r.estimates) {
        out.push_back(
            "Độ chính xác giờ dự kiến / Estimate accuracy: chỉ đo được trong mô phỏng / "
            "measured by the simulator only");
        return out;
    }
    for (const MeasuredEstimates::Row& row : r.estimates->rows) {
        out.push_back("Giờ dự kiến / Estimates, " +
                      std::string(row.when == "first"
                                      ? "lúc check-in / first at check-in"
                                      : "muộn nhất ≥30 phút trước / latest ≥30 min before") +
                      ", " + (row.kind == "promise" ? "giờ hẹn / promised" : "chờ lượt / standby") +
                      ": " + std::to_string(row.within) + " of " + std::to_string(row.students) +
                      " within " + std::to_string(r.estimates->within_minutes) + " min (" +
                      share(row.within, row.students) + "), p90 error " +
                      (row.p90_error_minutes ? std::to_string(*row.p90_error_minutes) + " min"
                                             : std::string("—")) +
                      ", no interview followed " + std::to_string(row.no_interview_followed) +
                      ", sớm hơn / earlier " + std::to_string(row.started_earlier) +
                      ", muộn hơn / later " + std::to_string(row.started_later));
    }
    out.push_back("Được báo không thể phỏng vấn / Told no interview possible: " +
                  std::to_string(r.estimates->told_no_interview) + ", đúng / right " +
                  std::to_string(r.estimates->told_no_interview_right));
    return out;
}

}  // namespace jobfair::reports
