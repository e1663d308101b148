// Writes the organizer's workbook (.xlsx, through libxlsxwriter): the empty template with an
// example row per sheet, or a whole fair in the same layout, which the importer reads back to the
// same fair. Drop-down lists for trades, levels and yes/no; frozen header rows; a note on each
// header cell; times as real time cells.
#pragma once

#include <filesystem>
#include <stdexcept>

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

// The book of a stored or generated fair: its schools from the students (schools_from_students)
// unless given.
FairBook book_of(const Fair& fair);

}  // namespace jobfair::sheets
