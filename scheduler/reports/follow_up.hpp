// Each enterprise's follow-up list after the fair (issue 16, item 8): the students its booth
// interviewed, with time, outcome and the staff's note, and a phone number only where the
// student agreed that enterprises may phone after the fair (consent purpose `follow_up`,
// docs/privacy.md). One spreadsheet per booth: follow-up/B07-<enterprise>.xlsx.
//
// Pure: follow_up_lists() reads the store, follow_up_sheet() lays one list out as a sheet;
// `jobfair export-day` writes the files (common/fair_workbook's write_list_book).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/fair_workbook/write.hpp"
#include "common/store.hpp"

namespace jobfair::reports {

struct FollowUpRow {
    std::string ticket;  // "A-0427"
    std::string student;
    std::string name;
    std::string school;
    std::string class_name;
    std::string trade;
    std::string level;
    std::string start;  // "HH:MM", the slot
    std::string outcome;  // "Nhận việc / offer"; "Đang phỏng vấn / in progress" when not done
    std::string note;
    bool consented = false;            // agreed to be phoned by enterprises (follow_up)
    std::optional<std::string> phone;  // only when consented and known
};

struct FollowUpList {
    std::string booth;
    std::string enterprise;
    std::string file_name;          // "B07-cong-ty-tnhh-abc.xlsx": booth id and the folded name
    std::vector<FollowUpRow> rows;  // by start, then seat
};

// One list per booth, in the fair's order; booths without interviewees get an empty list.
std::vector<FollowUpList> follow_up_lists(const Store& store);
sheets::ListSheet follow_up_sheet(const FollowUpList& list, const std::string& fair_name);

}  // namespace jobfair::reports
