// What the student's own phone shows (GET /api/v1/me/status): their interviews with booth, place
// in the hall, come-back time and place in the booth's queue, the standby queues they are in, and
// the absence they reported. Built from one consistent read of the day (DayState) for one student:
// nothing about anyone else leaves this function but counts.
#pragma once

#include <string>

#include "common/protocol.hpp"
#include "scheduler/live/live_fair.hpp"
#include "scheduler/live/server_views.hpp"

namespace jobfair {

protocol::StudentStatus student_status_view(const DayState& day, const LiveFair& live,
                                            const StudentId& student, std::uint32_t ticket_number);

}  // namespace jobfair
