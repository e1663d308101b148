// Writes the organizer's workbook (.xlsx, through libxlsxwriter): the empty template with an
// example row per sheet, or a whole fair in the same layout, which the importer reads back to the
// same fair. Drop-down lists for trades, levels and yes/no; frozen header rows; a note on each
// header cell; times as real time cells.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/fair_workbook/fair_book.hpp"

namespace jobfair::sheets {

class WorkbookWriteError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class WriteMode {
    template_to_fill,  // settings with their defaults, an example row per sheet, no data
    fair,              // the book's fair, every field
};

void write_fair_book(const FairBook& book, WriteMode mode, const std::filesystem::path& path);

// A plain list on one sheet, in the same style as the organizer's workbook (a title row, a
// header row "Tiếng Việt / English" with notes, frozen, printable on A4 landscape): the
// enterprises' follow-up lists after the fair. Every cell is text (phones keep their 0).
struct ListColumn {
    std::string header;  // "Họ và tên / Full name"
    std::string note;    // shown on the header cell; may be empty
    double width = 16;
};
struct ListSheet {
    std::string name;   // the sheet's tab, at most 31 characters
    std::string title;  // the merged first row
    std::vector<ListColumn> columns;
    std::vector<std::vector<std::string>> rows;
};
void write_list_book(const ListSheet& sheet, const std::filesystem::path& path);

// The book of a stored or generated fair: its schools from the students (schools_from_students)
// unless given.
FairBook book_of(const Fair& fair);

}  // namespace jobfair::sheets
