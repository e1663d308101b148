// The organizer's workbook: its sheets and columns, named once for the template, the export and
// the importer. Every name is Vietnamese first, English second ("Gian / Booth"); the importer
// finds a column by either half, with or without diacritics, in any case.
#pragma once

#include <span>
#include <string_view>

namespace jobfair::sheets {

enum class SheetKind { fair, booths, positions, trades, schools, students, promised };

enum class Column {
    // fair: one setting per row, label in column A, value in column B
    setting_label,
    setting_value,
    // booths
    booth_id,
    booth_enterprise,
    booth_location,
    booth_interviewers,
    booth_open,
    booth_close,
    booth_breaks,
    booth_trades,
    booth_min_level,
    booth_max_interviews,
    booth_accepts_cvs,
    // positions
    position_booth,
    position_title,
    position_trade,
    position_openings,
    // trades
    trade_id,
    trade_name_vi,
    trade_name_en,
    // schools
    school_name,
    school_arrive,
    school_leave,
    // students
    student_id,
    student_name,
    student_school,
    student_class,
    student_trade,
    student_level,
    student_phone,
    student_preferences,
    student_max_interviews,
    student_arrive,
    student_leave,
    student_consent,
    // promised interviews
    promised_student,
    promised_booth,
    promised_seat,
    promised_start,
};

struct ColumnSpec {
    Column column;
    std::string_view title_vi;
    std::string_view title_en;
    std::string_view note;  // the header cell's comment, both languages
    bool required;          // a sheet without this column cannot be read
    double width;           // characters, for the writer
};

struct SheetSpec {
    SheetKind kind;
    std::string_view name;   // the tab's name (at most 31 characters)
    std::string_view title;  // the merged title row above the header
    std::span<const ColumnSpec> columns;
    bool required;  // a workbook without this sheet is refused
};

std::span<const SheetSpec> workbook_sheets();
const SheetSpec& sheet_spec(SheetKind kind);
const ColumnSpec& column_spec(Column column);
// "Gian / Booth": how a header cell is written.
std::string header_text(const ColumnSpec& column);

// The rows of the fair sheet, in order.
enum class Setting {
    name,
    date,
    venue,
    organizer,
    day_start,
    day_end,
    slot_minutes,
    student_gap_slots,
    max_interviews_per_student
};
struct SettingSpec {
    Setting setting;
    std::string_view label_vi;
    std::string_view label_en;
    std::string_view note;
    bool required;
};
std::span<const SettingSpec> fair_settings_rows();
std::string setting_label(const SettingSpec& spec);

// A row whose first cell says "Ví dụ" / "Example" is the template's example: never imported.
inline constexpr std::string_view kExampleMarker = "Ví dụ / Example";

}  // namespace jobfair::sheets
