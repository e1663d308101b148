// The organizer's workbook (or one CSV file per sheet) read into a fair: every problem is found
// in one pass and reported with its sheet, row, column, the value and what was expected, in
// Vietnamese and English; a workbook with any problem gives no fair at all. What the importer
// mapped on its own ("han" read as the trade Hàn, 08h30 as 08:30, an extra column left out) is
// listed, so the organizer can see it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/fair_workbook/fair_book.hpp"
#include "common/sheets/workbook.hpp"

namespace jobfair::sheets {

struct Problem {
    std::string sheet;    // the tab's or file's name
    std::size_t row = 0;  // as the spreadsheet numbers it (1-based); 0: the sheet as a whole
    std::string column;   // "F (Trình độ / Level)"; empty: the row as a whole
    std::string value;    // as found in the cell
    std::string vi;       // what is wrong and what was expected
    std::string en;
};

struct ImportResult {
    std::optional<FairBook> book;  // set only when there is no problem
    std::vector<Problem> problems;
    std::vector<std::string> notes;  // "vi / en", what the importer mapped on its own
    std::string students_sheet;      // the students sheet's name and each student's row on it,
    std::map<StudentId, std::size_t> student_rows;  // for messages about a student (1-based)
};

ImportResult import_fair_book(const Workbook& workbook);

// "Học sinh (Students), dòng 12, cột F (Trình độ / Level), “Trung capp”: ... / row 12, ...".
std::string describe(const Problem& problem);

}  // namespace jobfair::sheets
