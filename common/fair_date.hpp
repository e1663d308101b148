// The fair's date (contract v1.1: "YYYY-MM-DD"), checked and shown the way people read it. A fair
// without a date says so; nothing here ever falls back to the machine's clock.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/language.hpp"
#include "common/time_of_day.hpp"

namespace jobfair {

struct CalendarDate {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31, valid for the month

    friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

// "2025-03-14" -> the date; nullopt when malformed or not a real day ("2025-02-30").
std::optional<CalendarDate> parse_iso_date(std::string_view text);
std::optional<CalendarDate> make_date(int year, int month, int day);  // nullopt when not a real day
std::string iso_date(const CalendarDate& date);                       // "2025-03-14"

// "Thứ Sáu, 14/03/2025" / "Friday 14 March 2025".
std::string date_long_vi(const CalendarDate& date);
std::string date_long_en(const CalendarDate& date);

// The fair's date for a heading, in both languages: "Thứ Sáu, 14/03/2025 / Friday 14 March 2025",
// or "Chưa có ngày tổ chức / No date set" when the fair has none (or an unreadable one).
std::string fair_date_line(const std::optional<std::string>& date);

// The same in one language, for a screen that switches languages: "Thứ Sáu, 14/03/2025" or
// "Chưa có ngày tổ chức"; "Friday 14 March 2025" or "No date set".
std::string fair_date_text(const std::optional<std::string>& date, Language language);

// Where the fair stands on the calendar day `today` at `now` (the caller reads its own clock):
// before its date, on its date until the end of its day, or over; unknown without a readable date.
enum class FairDayStatus { unknown, ahead, under_way, over };
FairDayStatus fair_day_status(const std::optional<std::string>& date, TimeOfDay day_end,
                              const CalendarDate& today, TimeOfDay now);

// Days since 1899-12-30 (Excel's day 0 in the 1900 system) and back: spreadsheets store dates so.
long excel_serial(const CalendarDate& date);
std::optional<CalendarDate> from_excel_serial(long serial);

}  // namespace jobfair
