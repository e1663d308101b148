#include "common/fair_date.hpp"

#include <array>
#include <cstdio>

namespace jobfair {

namespace {

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// Days from 1970-01-01 (proleptic Gregorian); Howard Hinnant's civil-days algorithm.
long days_from_civil(int year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const long era = (year >= 0 ? year : year - 399) / 400;
    const long year_of_era = year - era * 400;
    const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CalendarDate civil_from_days(long days) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long day_of_era = days - era * 146097;
    const long year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const long mp = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return CalendarDate{year, month, day};
}

constexpr long kExcelEpochFromUnix = -25569;  // 1899-12-30 is 25,569 days before 1970-01-01

int weekday(const CalendarDate& date) {  // 0 = Sunday
    const long days = days_from_civil(date.year, date.month, date.day);
    return static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
}

}  // namespace

std::optional<CalendarDate> make_date(int year, int month, int day) {
    if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month)) {
        return std::nullopt;
    }
    return CalendarDate{year, month, day};
}

std::optional<CalendarDate> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            parts[p] = parts[p] * 10 + (text[i] - '0');
        }
    }
    return make_date(parts[0], parts[1], parts[2]);
}

std::string iso_date(const CalendarDate& date) {
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", date.year, date.month, date.day);
    return out;
}

std::string date_long_vi(const CalendarDate& date) {
    static constexpr std::array<const char*, 7> kDays{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                                      "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
    char out[32];
    std::snprintf(out, sizeof out, "%02d/%02d/%04d", date.day, date.month, date.year);
    return std::string(kDays[static_cast<std::size_t>(weekday(date))]) + ", " + out;
}

std::string date_long_en(const CalendarDate& date) {
    static constexpr std::array<const char*, 7> kDays{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                      "Thursday", "Friday", "Saturday"};
    static constexpr std::array<const char*, 12> kMonths{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return std::string(kDays[static_cast<std::size_t>(weekday(date))]) + " " +
           std::to_string(date.day) + " " + kMonths[static_cast<std::size_t>(date.month - 1)] +
           " " + std::to_string(date.year);
}

std::string fair_date_line(const std::optional<std::string>& date) {
    const auto parsed = date ? parse_iso_date(*date) : std::nullopt;
    if (!parsed) return "Chưa có ngày tổ chức / No date set";
    return date_long_vi(*parsed) + " / " + date_long_en(*parsed);
}

std::string fair_date_text(const std::optional<std::string>& date, Language language) {
    const auto parsed = date ? parse_iso_date(*date) : std::nullopt;
    if (language == Language::vi) return parsed ? date_long_vi(*parsed) : "Chưa có ngày tổ chức";
    return parsed ? date_long_en(*parsed) : "No date set";
}

FairDayStatus fair_day_status(const std::optional<std::string>& date, TimeOfDay day_end,
                              const CalendarDate& today, TimeOfDay now) {
    const auto day = date ? parse_iso_date(*date) : std::nullopt;
    if (!day) return FairDayStatus::unknown;
    const long fair = days_from_civil(day->year, day->month, day->day);
    const long current = days_from_civil(today.year, today.month, today.day);
    if (current < fair) return FairDayStatus::ahead;
    if (current == fair && now < day_end) return FairDayStatus::under_way;
    return FairDayStatus::over;
}

long excel_serial(const CalendarDate& date) {
    return days_from_civil(date.year, date.month, date.day) - kExcelEpochFromUnix;
}

std::optional<CalendarDate> from_excel_serial(long serial) {
    if (serial < 1 || serial > 2958465) return std::nullopt;  // 1900-01-01 .. 9999-12-31
    const CalendarDate date = civil_from_days(serial + kExcelEpochFromUnix);
    return make_date(date.year, date.month, date.day);
}

}  // namespace jobfair
