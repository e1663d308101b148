// Spreadsheets as organizers bring them: Excel workbooks (.xlsx) and CSV files (one file per
// sheet), read into plain cells. This layer knows nothing of the fair: it returns what the file
// holds, text as stored (not trimmed, not normalised), and the mapping layer decides what a cell
// means. Every failure to read a file is a WorkbookError with a message a person can act on.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jobfair::sheets {

struct Cell {
    enum class Kind { empty, text, number, boolean, error };
    Kind kind = Kind::empty;
    // Text cells: the UTF-8 text as stored (rich-text runs joined); numbers: as written in the
    // file ("0.354166666666667", "12"); booleans "TRUE"/"FALSE"; errors "#N/A" etc.
    std::string text;
    double number = 0;  // numbers (and booleans as 0/1)
    // A number cell whose number format is a date or time format (built-in ids 14-22, 45-47, or a
    // custom format code containing date/time tokens h, m, s, d, y outside quotes/brackets-colour).
    bool time_format = false;
    bool empty() const { return kind == Kind::empty || (kind == Kind::text && text.empty()); }
};

struct Sheet {
    std::string name;
    // rows[r][c], 0-based: rows[0] is the spreadsheet's row 1, column 0 is "A"; rows may be
    // shorter than others. A row ends at its last cell holding a value (an .xlsx's formatted but
    // empty cells add nothing), so a lone cell far down costs empty rows, never empty cells.
    std::vector<std::vector<Cell>> rows;
    const Cell& at(std::size_t row, std::size_t column) const;  // an empty Cell when out of range
    std::size_t row_count() const { return rows.size(); }
};

struct Workbook {
    std::vector<Sheet> sheets;  // in the workbook's order
    bool date1904 = false;      // workbook uses the 1904 date system
    // Exact name first, then case- and diacritic-insensitive ("hoc sinh" finds "Học sinh");
    // nullptr when no sheet matches.
    const Sheet* find(std::string_view name) const;
};

// Every failure to read a file; message in Vietnamese first, then English, e.g.
// "Không đọc được tệp Excel: ... / Cannot read the Excel file: ...". Names the file.
class WorkbookError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Limits a hostile or broken file hits before it can exhaust memory: each is far above any
// fair's workbook (a few hundred KB).
inline constexpr std::size_t kMaxPartBytes = 256u << 20;        // one uncompressed zip entry
inline constexpr std::size_t kMaxWorkbookBytes = 512u << 20;    // all entries read, together
inline constexpr std::size_t kMaxCellMemoryBytes = 512u << 20;  // rows, cells and their text
inline constexpr std::size_t kMaxRows = 1'048'576;              // Excel's own limits: XFD1048576
inline constexpr std::size_t kMaxColumns = 16'384;

Workbook read_xlsx_file(const std::filesystem::path& path);
Workbook read_xlsx(std::string_view bytes, std::string_view file_name_for_messages);

// One CSV file = one sheet. UTF-8 with or without BOM; the delimiter is detected from the first
// non-empty line outside quotes: ';' (Excel in Vietnamese locales), ',' or tab (the most frequent;
// ',' when the line has none). RFC 4180 quoting (doubled quotes, newlines inside quotes, CRLF or
// LF). One row per record, blank lines kept as empty rows so row numbers match the spreadsheet's.
// All cells are Kind::text (Kind::empty when blank). Invalid UTF-8 -> WorkbookError naming the
// line (a file saved as Windows-1258/1252 by mistake is refused, telling the user to save as
// "CSV UTF-8"); so is an unclosed quote.
Sheet read_csv(std::string_view text, std::string sheet_name);
Sheet read_csv_file(const std::filesystem::path& path);  // sheet name = file stem

// "A", "B", ..., "Z", "AA": for messages.
std::string column_letters(std::size_t column);

}  // namespace jobfair::sheets
