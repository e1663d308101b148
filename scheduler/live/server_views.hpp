// The JSON views the fair server's clients read, built from one consistent read of the day
// (DayState, taken under the server's lock): a booth's queue, the fair overview with its
// figures and alerts' inputs, the day's timeline, student search, the board's recent calls, and
// what each role may see of an event. Plain functions: no HTTP, no locking.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/auth.hpp"
#include "common/fair.hpp"
#include "common/protocol.hpp"
#include "common/store.hpp"
#include "common/ticket.hpp"
#include "scheduler/live/day_pace.hpp"
#include "scheduler/live/live_fair.hpp"

namespace jobfair {

// "Nguyễn Thị Lan" -> "Lan": Vietnamese names end with the given name.
std::string given_name(const std::string& full_name);

// One consistent read of the day for building views (taken under the server's lock).
struct DayState {
    const Fair& fair;
    std::vector<StoredInterview> interviews;
    std::map<StudentId, TimeOfDay> check_ins;
    std::map<StudentId, std::uint32_t> tickets;
    TimeOfDay now;
    DayPace pace;  // how long interviews and walks to the booth take today

    std::string label_of(const StudentId& student) const {
        const auto it = tickets.find(student);
        return it == tickets.end() ? "" : ticket_label(it->second);
    }
    std::string end_of(const Interview& interview) const {
        return interview.start.plus_minutes(fair.settings.grid.slot_minutes).str();
    }
    const StoredInterview* busy_with(const StudentId& student) const {
        for (const auto& row : interviews) {
            if (row.interview.student == student && (row.status == InterviewStatus::called ||
                                                     row.status == InterviewStatus::in_progress)) {
                return &row;
            }
        }
        return nullptr;
    }
};

DayState day_state(const Store& store, const LiveFair& live, TimeOfDay now);

protocol::ScheduledInterview scheduled(const Fair& fair, const StoredInterview& row);

// A booth's queue: its interviews not over, each with where the student is now, and the
// standby queue. Booth staff see the names of students in their own queue only.
nlohmann::json booth_queue_view(const DayState& day, const Store& store, const LiveFair& live,
                                const BoothId& booth_id);

// An enrolled kiosk or board, and when the server last heard from it.
struct DeviceSeen {
    std::string device;  // the token id
    std::string name;
    Role role = Role::kiosk;
    std::optional<long long> seconds_since_seen;  // none: not since the server started
};

// The whole fair at a glance: per booth current, next, waiting, standby, delay, done,
// no-shows; the day's figures, outcomes, students waiting long, and the devices.
nlohmann::json overview_view(const DayState& day, const LiveFair& live,
                             const std::vector<DeviceSeen>& devices);

// The day's timeline: every interview (all statuses) with booth, seat, times and ticket label.
nlohmann::json timeline_view(const DayState& day, const LiveFair& live);

// Students matching `query` (name ignoring case and diacritics, phone digits, ticket label,
// student id) or held by `ticket_holder` (a scanned ticket the caller verified): at most 20.
nlohmann::json student_search_view(const DayState& day, const Store& store, std::string_view query,
                                   const std::optional<StudentId>& ticket_holder);

// The board's list: the last calls, ticket labels and booths only, each with its fair-clock
// time (`clock` reads an event's wall time as fair time), and the fair clock now.
nlohmann::json recent_calls_view(const DayState& day, const std::vector<EventRecord>& events,
                                 size_t limit, const FairClock& clock);

// What a client may see of an event (see the definition).
nlohmann::json event_for(const Principal& principal, const EventRecord& event);

}  // namespace jobfair
