#include "common/utc_time.hpp"

#include <charconv>
#include <cstdio>

namespace jobfair {

namespace {

// The integer in text[from, from + length), or nullopt.
std::optional<int> digits_at(std::string_view text, std::size_t from, std::size_t length) {
    if (from + length > text.size()) return std::nullopt;
    int value = 0;
    const char* first = text.data() + from;
    const auto [end, error] = std::from_chars(first, first + length, value);
    if (error != std::errc() || end != first + length) return std::nullopt;
    return value;
}

}  // namespace

std::string iso_utc(std::chrono::system_clock::time_point time) {
    using namespace std::chrono;
    const auto millis = floor<milliseconds>(time);
    const auto day = floor<days>(millis);
    const year_month_day date{day};
    const hh_mm_ss clock{millis - day};
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(date.year()),
                  unsigned(date.month()), unsigned(date.day()), int(clock.hours().count()),
                  int(clock.minutes().count()), int(clock.seconds().count()),
                  int(clock.subseconds().count()));
    return text;
}

std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SS[.mmm]Z
    if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':' || text.back() != 'Z')
        return std::nullopt;
    const auto year = digits_at(text, 0, 4);
    const auto month = digits_at(text, 5, 2);
    const auto day = digits_at(text, 8, 2);
    const auto hour = digits_at(text, 11, 2);
    const auto minute = digits_at(text, 14, 2);
    const auto second = digits_at(text, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    int milliseconds = 0;
    if (text.size() > 20) {
        if (text[19] != '.') return std::nullopt;
        const auto fraction = digits_at(text, 20, text.size() - 21);
        if (!fraction || text.size() - 21 != 3) return std::nullopt;
        milliseconds = *fraction;
    }
    using namespace std::chrono;
    const year_month_day date{std::chrono::year(*year), std::chrono::month(*month),
                              std::chrono::day(*day)};
    if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
    return time_point_cast<system_clock::duration>(sys_days(date) + hours(*hour) +
                                                   minutes(*minute) + seconds(*second) +
                                                   std::chrono::milliseconds(milliseconds));
}

}  // namespace jobfair
