#include "scheduler/live/student_status.hpp"

#include "scheduler/live/outlook.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace jobfair {

namespace {

bool is_waiting(InterviewStatus status) {
    return status == InterviewStatus::promised || status == InterviewStatus::called;
}

// The booth's waiting students before `mine` (by start, then seat), plus one; none when `mine`
// is not waiting for a call.
std::optional<int> queue_position(const DayState& day, const StoredInterview& mine) {
    if (mine.status != InterviewStatus::promised) return std::nullopt;
    const auto key = [](const StoredInterview& row) {
        return std::make_tuple(row.interview.start, row.interview.seat, row.id);
    };
    int ahead = 0;
    for (const auto& row : day.interviews) {
        if (row.interview.booth == mine.interview.booth && is_waiting(row.status) &&
            key(row) < key(mine)) {
            ++ahead;
        }
    }
    return ahead + 1;
}

std::vector<protocol::FreeSeat> free_seats_of(const Fair& fair, const StudentOutlook& outlook) {
    std::vector<protocol::FreeSeat> out;
    for (const FreeSeatOutlook& free : outlook.free_seats) {
        if (out.size() == protocol::kMaxFreeSeatsListed) break;
        const Booth* booth = fair.find_booth(free.booth);
        if (booth) out.push_back({booth->id.str(), booth->enterprise, free.from.str()});
    }
    return out;
}

std::vector<protocol::BoothName> takes_cvs_of(const Fair& fair, const StudentOutlook& outlook) {
    std::vector<protocol::BoothName> out;
    for (const BoothId& id : outlook.takes_cvs) {
        if (const Booth* booth = fair.find_booth(id)) out.push_back({id.str(), booth->enterprise});
    }
    return out;
}

}  // namespace

std::set<BoothId> paused_booths(const LiveFair& live) {
    std::set<BoothId> paused;
    for (const Booth& booth : live.fair().booths)
        if (live.is_paused(booth.id)) paused.insert(booth.id);
    return paused;
}

void add_rest_of_day(const DayState& day, const StudentOutlook& outlook,
                     protocol::CheckInAnswer& answer) {
    const Fair& fair = day.fair;
    answer.standby.clear();
    for (const StandbyOutlook& waiting : outlook.standby) {
        const Booth* booth = fair.find_booth(waiting.booth);
        if (!booth) continue;
        answer.standby.push_back(
            {booth->id.str(), booth->enterprise,
             waiting.estimate ? std::optional(waiting.estimate->str()) : std::nullopt});
    }
    answer.no_interview.reset();
    if (day.check_ins.count(outlook.student) && outlook.no_interview != NoInterviewReason::none)
        answer.no_interview = std::string(no_interview_reason_code(outlook.no_interview));
    answer.free_seats = free_seats_of(fair, outlook);
    answer.takes_cvs = takes_cvs_of(fair, outlook);
}

protocol::StudentStatus student_status_view(const DayState& day, const LiveFair& live,
                                            const StudentId& student, std::uint32_t ticket_number) {
    DayOutlooks outlooks(day, paused_booths(live), no_show_rate(day.interviews));
    return student_status_view(outlooks, live, student, ticket_number);
}

protocol::StudentStatus student_status_view(DayOutlooks& outlooks, const LiveFair& live,
                                            const StudentId& student, std::uint32_t ticket_number) {
    const DayState& day = outlooks.day();
    const Fair& fair = day.fair;
    protocol::StudentStatus status;
    status.ticket_label = ticket_label(ticket_number);
    status.fair_name = fair.settings.name;
    status.now = day.now.str();
    status.checked_in = day.check_ins.count(student) > 0;
    status.max_absence_minutes = LiveFair::kMaxAbsenceMinutes;

    std::vector<const StoredInterview*> mine;
    for (const auto& row : day.interviews) {
        // Planned rows are the engine's draft, not told to anyone; cancelled ones are gone.
        if (row.interview.student == student && row.status != InterviewStatus::planned &&
            row.status != InterviewStatus::cancelled) {
            mine.push_back(&row);
        }
    }
    std::sort(mine.begin(), mine.end(), [](const auto* a, const auto* b) {
        return std::tie(a->interview.start, a->id) < std::tie(b->interview.start, b->id);
    });
    for (const StoredInterview* row : mine) {
        protocol::PhoneInterview shown;
        shown.booth = row->interview.booth.str();
        if (const Booth* booth = fair.find_booth(row->interview.booth)) {
            shown.enterprise = booth->enterprise;
            shown.location = booth->location;
        }
        shown.seat = row->interview.seat;
        shown.start = row->interview.start.str();
        shown.end = day.end_of(row->interview);
        shown.be_there_by =
            row->interview.start.plus_minutes(-protocol::kComeBackMinutesBeforeStart).str();
        shown.status = row->status;
        shown.queue_position = queue_position(day, *row);
        status.interviews.push_back(std::move(shown));
    }

    // The standby queues and their estimates, by the one standby order (outlook.hpp).
    const StudentOutlook outlook = outlooks.of(student);
    for (const PromiseOutlook& promise : outlook.promises) {
        for (size_t i = 0; i < mine.size(); ++i) {
            if (mine[i]->id == promise.interview && promise.expected &&
                promise.status != InterviewStatus::in_progress)
                status.interviews[i].estimate = promise.expected->str();
        }
    }
    for (const StandbyOutlook& waiting : outlook.standby) {
        const Booth* booth = fair.find_booth(waiting.booth);
        if (!booth) continue;
        protocol::PhoneStandby shown;
        shown.booth = booth->id.str();
        shown.enterprise = booth->enterprise;
        shown.location = booth->location;
        shown.queue_position = waiting.position;
        if (waiting.estimate) shown.estimate = waiting.estimate->str();
        status.standby.push_back(std::move(shown));
    }
    std::sort(status.standby.begin(), status.standby.end(), [](const auto& a, const auto& b) {
        return std::tie(a.queue_position, a.booth) < std::tie(b.queue_position, b.booth);
    });
    // Told plainly: only to a student who is here (before check-in nothing is planned yet).
    if (status.checked_in && outlook.no_interview != NoInterviewReason::none)
        status.no_interview = std::string(no_interview_reason_code(outlook.no_interview));
    if (status.checked_in) {
        status.free_seats = free_seats_of(fair, outlook);
        status.takes_cvs = takes_cvs_of(fair, outlook);
    }

    if (const auto absence = live.absence_now(student)) {
        status.away = protocol::PhoneAbsence{
            absence->kind == Store::AbsenceKind::running_late ? "running_late" : "step_away",
            absence->until.str()};
    }
    return status;
}

}  // namespace jobfair
