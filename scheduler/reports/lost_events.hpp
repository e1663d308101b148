// What a copy of the fair's database lacks: the events the dead server wrote after its last
// online copy (docs/standby.md). Both audit logs are append-only records of one day, so they agree
// up to the copy's end; everything after the first difference is held by one side only. Each
// event is told in the fair's words (ticket label, name, booth, seat, slot) and grouped by what
// people must do again, in Vietnamese and English. Pure functions of two stores.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/store.hpp"

namespace jobfair {

// One event, with what it is about.
struct DescribedEvent {
    EventRecord event;
    std::string student;       // "S0087", empty when the event names none
    std::string ticket_label;  // "A-0087"
    std::string name;          // the student's full name
    std::string booth;         // "B07"
    std::string enterprise;
    std::optional<int> seat;  // from 0, shown from 1
    std::string slot;         // "09:15"
    std::string detail;       // outcome, reason, new hours...
    bool redone = false;      // the other database holds it again (a check-in, a finished one)
};

struct EventLogDifference {
    EventId common_last = 0;  // the last event both hold, identical; 0: none
    std::string common_last_at;
    std::vector<DescribedEvent> only_in_old;  // lost: the dead server's, not in the copy
    std::vector<DescribedEvent> only_in_new;  // written since on the standby
};

// `old_store`: the dead server's database; `new_store`: the copy (or the standby's database
// later, which then shows what was redone). Throws StoreError when either cannot be read.
EventLogDifference compare_event_logs(const Store& old_store, const Store& new_store);

// The lost list for people, grouped by kind, each group with what to do; "nothing was lost" when
// the copy holds everything. Times are the wall clock's, local, "09:41:07".
std::string format_lost_list(const EventLogDifference& difference);

// What may have been lost when the dead disk cannot be read: the copy's last event and time,
// and what to check for everything after it.
std::string format_copy_end(const std::optional<EventRecord>& last_event);

// "2025-03-14T02:41:07.123Z" -> "09:41:07" in the machine's time zone; the text itself when it
// is not such a timestamp.
std::string local_time_of(const std::string& iso_utc);

}  // namespace jobfair
