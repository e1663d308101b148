// Values read from spreadsheet cells as people really type them: times stored by Excel as
// fractions of a day or typed "8:30", "08h30", "8g30"; levels and trades by code, Vietnamese or
// English name, with or without diacritics, in any case; yes/no as "Có", "x", "TRUE", 1. Each
// reader returns nothing when the cell does not hold such a value; the caller says what it wanted.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/fair.hpp"
#include "common/sheets/workbook.hpp"

namespace jobfair::sheets {

// Text of a cell as a person means it: NFC, surrounding spaces removed, inner runs collapsed.
// Whole numbers read as "12", not "12.0".
std::string cell_text(const Cell& cell);

std::optional<TimeOfDay> cell_time(const Cell& cell);
std::optional<TimeOfDay> parse_time_loose(std::string_view text);
std::optional<int> cell_int(const Cell& cell);
std::optional<bool> cell_yes_no(const Cell& cell);
// "YYYY-MM-DD" from a date cell (a serial number) or "14/03/2025", "14-3-2025", "2025-03-14".
std::optional<std::string> cell_date(const Cell& cell, bool date1904);

std::optional<Level> parse_level_loose(std::string_view text);

// Trade names as the fair knows them: the built-in catalogue and the trades sheet's additions.
class TradeNames {
  public:
    explicit TradeNames(const std::vector<TradeName>& extra = {});
    // The code named by `text` (code, Vietnamese or English name, any case, with or without
    // diacritics), or nothing.
    std::optional<std::string> find(std::string_view text) const;
    // How a sheet shows a trade: its Vietnamese name ("Hàn"); the code when unknown.
    std::string display(std::string_view code) const;
    void add(const TradeName& trade);

  private:
    std::map<std::string, std::string> code_by_folded_;
    std::map<std::string, std::string> name_by_code_;
};

// Splits "B03, B11; B07" or "Hàn; Điện tử công nghiệp" at ';' (and ',' and new lines when
// `commas` is set); parts are trimmed and empty ones dropped.
std::vector<std::string> split_list(std::string_view text, bool commas);
// The parts of `text` between any of `delimiters`, trimmed, empty ones dropped.
std::vector<std::string> split_at(std::string_view text, std::string_view delimiters);

// "08:30" as a sheet writes times (the importer reads them back from text or numbers).
double excel_time(TimeOfDay time);

}  // namespace jobfair::sheets
