// The paper fallback (docs/standby.md): printable lists of each booth's morning, for booth staff
// to go on by hand while the fair's server is down or being replaced. One A4 page per seat
// (landscape), every usable slot of the booth with the interview held there, the student's
// ticket label, name, school, trade and status and a blank column to tick; then the booth's
// standby queue. Vietnamese first, English second; dated with the fair's own date (never the
// machine's). Pure functions of the store: nothing is written here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/store.hpp"
#include "common/time_of_day.hpp"

namespace jobfair::reports {

struct BoothListFile {
    std::string name;  // "01-B01.html", "index.html", "tat-ca-all.html"
    std::string html;
};

// Every booth's list, one file each in the fair's order, then one file with all of them (each
// booth starting on a new sheet) and an index. `now` (the fair clock), when given, leaves out of
// the standby queues students whose day has ended. Throws StoreError when no fair is stored.
std::vector<BoothListFile> booth_lists(const Store& store, std::optional<TimeOfDay> now);

// "B07" -> "07-B07.html": the booth's place in the fair, then its id in plain ASCII.
std::string booth_list_file_name(int position, const std::string& booth_id);

}  // namespace jobfair::reports
