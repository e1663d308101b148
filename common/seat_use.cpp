#include "common/seat_use.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/interview_status.hpp"

namespace jobfair {

namespace {

using nlohmann::json;

struct Place {
    std::string booth;
    int seat = 0;
    TimeOfDay start;
};

// A seat-slot freed and not yet refilled.
struct OpenFreed {
    int at = 0;          // fair minute it was freed
    int window_end = 0;  // fair minute its slot ends
    StudentId student;   // who freed it: their own later return is no refill
    std::string why;
    std::optional<InterviewId> candidate;  // another student called in, not started yet
};

std::optional<InterviewStatus> status_of_kind(const std::string& kind) {
    constexpr std::string_view prefix = "interview.";
    if (!kind.starts_with(prefix)) return std::nullopt;
    return parse_status(std::string_view(kind).substr(prefix.size()));
}

}  // namespace

std::string FreedSeatSlots::line() const {
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.1f%%",
                  freed == 0 ? 0.0 : 100.0 * double(refilled) / double(freed));
    std::string text = "freed seat-slots refilled: " + std::to_string(refilled) + " of " +
                       std::to_string(freed) + " (" + percent + ")";
    if (taken_back > 0)
        text += "; " + std::to_string(taken_back) +
                " more taken back by the student who had missed the call";
    return text;
}

FreedSeatSlots count_freed_seat_slots(const FairSettings& settings,
                                      const std::vector<StoredInterview>& interviews,
                                      const std::vector<TimedEvent>& events,
                                      const FreedSeatSlotRules& rules) {
    const SlotGrid& grid = settings.grid;
    const int counted_until = grid.day_end.minutes() - rules.last_hour_minutes;

    // Where each interview is: as stored, or, for one moved later, where it was before the
    // first move (the replay follows the moves).
    std::map<InterviewId, Place> places;
    std::map<InterviewId, StudentId> students;
    for (const StoredInterview& row : interviews) {
        places[row.id] = Place{row.interview.booth.str(), row.interview.seat, row.interview.start};
        students[row.id] = row.interview.student;
    }
    std::map<InterviewId, bool> moved;
    for (const TimedEvent& timed : events) {
        if (timed.event.kind != "interview.moved") continue;
        const json payload = json::parse(timed.event.payload_json, nullptr, false);
        if (!payload.is_object() || !payload.contains("interview") || !payload.contains("from"))
            continue;
        const InterviewId id = payload["interview"].get<InterviewId>();
        if (moved[id]) continue;
        moved[id] = true;
        const json& from = payload["from"];
        const auto start = TimeOfDay::parse(from.value("start", ""));
        if (start) places[id] = Place{from.value("booth", ""), from.value("seat", 0), *start};
    }

    FreedSeatSlots result;
    std::map<std::pair<std::string, int>, std::vector<OpenFreed>> open;
    const auto free_seat = [&](const Place& place, int at, int window_end, const StudentId& who,
                               const std::string& why) {
        if (at >= counted_until) return;
        // One seat-slot is freed once: a promise called early into a seat whose interview ended
        // early, then missed, frees nothing the early end had not freed already.
        auto& in_seat = open[{place.booth, place.seat}];
        if (std::any_of(in_seat.begin(), in_seat.end(),
                        [&](const OpenFreed& freed) { return freed.window_end == window_end; }))
            return;
        ++result.freed;
        ++result.freed_by[why];
        in_seat.push_back(OpenFreed{at, window_end, who, why, {}});
    };

    for (const TimedEvent& timed : events) {
        const std::string& kind = timed.event.kind;
        const bool from_standby = kind == "interview.called_from_standby";
        const auto to =
            from_standby ? std::optional(InterviewStatus::called) : status_of_kind(kind);
        if (!to) continue;
        const json payload = json::parse(timed.event.payload_json, nullptr, false);
        if (!payload.is_object() || !payload.contains("interview") ||
            !payload["interview"].is_number_integer())
            continue;
        const InterviewId id = payload["interview"].get<InterviewId>();
        if (kind == "interview.moved") {
            const auto start = TimeOfDay::parse(payload.value("start", ""));
            if (start)
                places[id] = Place{payload.value("booth", ""), payload.value("seat", 0), *start};
            continue;
        }
        const auto place = places.find(id);
        if (place == places.end()) continue;
        const StudentId& student = students[id];
        auto& in_seat = open[{place->second.booth, place->second.seat}];
        const int now = timed.at.minutes();
        const std::string from = payload.value("from", "");

        if (*to == InterviewStatus::called) {
            for (OpenFreed& freed : in_seat) {
                if (!freed.candidate && freed.student != student && freed.at <= now &&
                    now < freed.window_end) {
                    freed.candidate = id;
                }
            }
        } else if (*to == InterviewStatus::in_progress) {
            std::erase_if(in_seat, [&](const OpenFreed& freed) {
                if (freed.candidate == id) {
                    ++result.refilled;
                    ++result.refilled_by[freed.why];
                    return true;
                }
                if (!freed.candidate && freed.student == student && now < freed.window_end) {
                    ++result.taken_back;
                    return true;
                }
                return false;
            });
        } else if (*to == InterviewStatus::no_show ||
                   (*to == InterviewStatus::promised && from == "called")) {
            for (OpenFreed& freed : in_seat) {
                if (freed.candidate == id) freed.candidate.reset();
            }
            // The rest of the slot under way is free (a late booth's slot: the one at `now`).
            const int into_day = now - grid.day_start.minutes();
            const int window_end =
                into_day < 0 ? now : grid.slot_end(into_day / grid.slot_minutes).minutes();
            // As for an early end: a minute or two left is only the change of students.
            if (window_end - now >= rules.min_free_minutes)
                free_seat(place->second, now, window_end, student,
                          *to == InterviewStatus::no_show ? "no_show" : "skip");
        } else if (*to == InterviewStatus::done) {
            const int window_end = place->second.start.minutes() + grid.slot_minutes;
            if (window_end - now >= rules.min_free_minutes)
                free_seat(place->second, now, window_end, student, "ended_early");
        }
    }
    for (const auto& [seat, in_seat] : open)
        for (const OpenFreed& freed : in_seat)
            result.not_refilled.push_back(
                UnusedSeatSlot{seat.first, seat.second, TimeOfDay(freed.at),
                               TimeOfDay(freed.window_end), freed.why, freed.student});
    return result;
}

}  // namespace jobfair
