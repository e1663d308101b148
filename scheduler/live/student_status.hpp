// What the student's own phone shows (GET /api/v1/me/status): their interviews with booth, place
// in the hall, come-back time and place in the booth's queue, the standby queues they are in, and
// the absence they reported. Built from one consistent read of the day (DayState) for one student:
// nothing about anyone else leaves this function but counts.
#pragma once

#include <set>
#include <string>

#include "common/protocol.hpp"
#include "scheduler/live/live_fair.hpp"
#include "scheduler/live/server_views.hpp"

namespace jobfair {

struct StudentOutlook;
class DayOutlooks;

// Booths paused now.
std::set<BoothId> paused_booths(const LiveFair& live);

// The rest of the student's day as the kiosk's check-in answer tells it: standby queues with
// their estimate, why no interview is possible (only to a student here), free booths they can
// add (at most protocol::kMaxFreeSeatsListed) and booths that take CVs.
void add_rest_of_day(const DayState& day, const StudentOutlook& outlook,
                     protocol::CheckInAnswer& answer);

protocol::StudentStatus student_status_view(const DayState& day, const LiveFair& live,
                                            const StudentId& student, std::uint32_t ticket_number);
// The same from outlooks shared by every phone reading this state of the day.
protocol::StudentStatus student_status_view(DayOutlooks& outlooks, const LiveFair& live,
                                            const StudentId& student, std::uint32_t ticket_number);

}  // namespace jobfair
