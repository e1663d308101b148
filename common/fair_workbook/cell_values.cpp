#include "common/fair_workbook/cell_values.hpp"

#include <cmath>
#include <cstdio>

#include "common/fair_date.hpp"
#include "common/level.hpp"
#include "common/occupations.hpp"
#include "common/text.hpp"

namespace jobfair::sheets {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Digits at `at`, at most `max_digits`; advances `at`.
std::optional<int> read_number(std::string_view text, std::size_t& at, std::size_t max_digits) {
    const std::size_t start = at;
    int value = 0;
    while (at < text.size() && is_digit(text[at]) && at - start < max_digits) {
        value = value * 10 + (text[at] - '0');
        ++at;
    }
    if (at == start) return std::nullopt;
    return value;
}

std::optional<TimeOfDay> time_from_fraction(double number) {
    if (!std::isfinite(number) || number < 0 || number >= 2958466) return std::nullopt;
    const double fraction = number - std::floor(number);  // a date-and-time keeps its time
    const long minutes = std::lround(fraction * 24 * 60);
    if (minutes >= 24 * 60) return std::nullopt;  // 23:59:59.9 rounds to midnight: not a fair time
    return TimeOfDay(static_cast<int>(minutes));
}

}  // namespace

std::string cell_text(const Cell& cell) {
    switch (cell.kind) {
        case Cell::Kind::empty:
            return "";
        case Cell::Kind::number: {
            if (std::isfinite(cell.number) && cell.number == std::floor(cell.number) &&
                std::fabs(cell.number) < 1e15) {
                char out[32];
                std::snprintf(out, sizeof out, "%.0f", cell.number);
                return out;
            }
            return collapse_spaces(cell.text);
        }
        default:
            return collapse_spaces(to_nfc(cell.text));
    }
}

std::optional<TimeOfDay> parse_time_loose(std::string_view raw) {
    std::string text = fold_for_search(collapse_spaces(raw));
    if (text.empty()) return std::nullopt;
    // A 12-hour clock, as spreadsheets in an English locale write times to CSV ("08:00:00 AM"),
    // or in Vietnamese ("8:30 SA" sáng, "2:00 CH" chiều).
    enum class Meridiem { none, morning, afternoon } meridiem = Meridiem::none;
    for (const auto& [suffix, which] :
         {std::pair{"am", Meridiem::morning}, std::pair{"sa", Meridiem::morning},
          std::pair{"pm", Meridiem::afternoon}, std::pair{"ch", Meridiem::afternoon}}) {
        if (text.size() > 2 && text.ends_with(suffix) &&
            (text[text.size() - 3] == ' ' || is_digit(text[text.size() - 3]))) {
            meridiem = which;
            text = collapse_spaces(text.substr(0, text.size() - 2));
            break;
        }
    }
    // A fraction of a day typed as text, as some exports write it: "0.3541666".
    if (text.size() > 2 && text[0] == '0' && (text[1] == '.' || text[1] == ',')) {
        std::string number = text;
        number[1] = '.';
        char* end = nullptr;
        const double value = std::strtod(number.c_str(), &end);
        if (end != nullptr && *end == '\0') return time_from_fraction(value);
        return std::nullopt;
    }
    std::size_t at = 0;
    const auto hours = read_number(text, at, 2);
    if (!hours) return std::nullopt;
    int minutes = 0;
    // Separators people type: 8:30, 8h30, 8g30, 8.30, "8 gio 30", "8 h 30".
    std::size_t after = at;
    while (after < text.size() && text[after] == ' ')
        ++after;
    bool separator = false;
    if (after < text.size() &&
        (text[after] == ':' || text[after] == 'h' || text[after] == 'g' || text[after] == '.')) {
        separator = true;
        ++after;
        if (text.compare(after - 1, 3, "gio") == 0) after += 2;
    }
    while (after < text.size() && text[after] == ' ')
        ++after;
    at = after;
    if (at < text.size()) {
        const auto read = read_number(text, at, 2);
        if (!read || !separator) return std::nullopt;
        minutes = *read;
        if (at < text.size() && text[at] == ':') {  // seconds, as Excel's text form writes them
            ++at;
            const auto seconds = read_number(text, at, 2);
            if (!seconds || *seconds != 0) return std::nullopt;
        }
        while (at < text.size() && text[at] == ' ')
            ++at;
        if (text.compare(at, std::string::npos, "p") == 0 ||
            text.compare(at, std::string::npos, "phut") == 0) {
            at = text.size();
        }
        if (at != text.size()) return std::nullopt;
    }
    int hour = *hours;
    if (meridiem != Meridiem::none) {
        if (hour < 1 || hour > 12) return std::nullopt;
        if (meridiem == Meridiem::afternoon && hour < 12) hour += 12;
        if (meridiem == Meridiem::morning && hour == 12) hour = 0;
    }
    if (hour > 24 || minutes > 59 || (hour == 24 && minutes != 0)) return std::nullopt;
    return TimeOfDay::hm(hour, minutes);
}

std::optional<TimeOfDay> cell_time(const Cell& cell) {
    if (cell.kind == Cell::Kind::number) {
        // A whole number below 24 typed into a plain cell means hours ("8"), not midnight.
        if (!cell.time_format && cell.number >= 1 && cell.number <= 24 &&
            cell.number == std::floor(cell.number)) {
            return TimeOfDay::hm(static_cast<int>(cell.number), 0);
        }
        return time_from_fraction(cell.number);
    }
    if (cell.kind != Cell::Kind::text) return std::nullopt;
    return parse_time_loose(cell.text);
}

std::optional<int> cell_int(const Cell& cell) {
    if (cell.kind == Cell::Kind::number) {
        if (!std::isfinite(cell.number) || cell.number != std::floor(cell.number) ||
            std::fabs(cell.number) > 1e9) {
            return std::nullopt;
        }
        return static_cast<int>(cell.number);
    }
    const std::string text = cell_text(cell);
    if (text.empty() || text.size() > 9) return std::nullopt;
    std::size_t at = 0;
    const bool negative = text[0] == '-';
    if (negative) at = 1;
    const auto value = read_number(text, at, 9);
    if (!value || at != text.size()) return std::nullopt;
    return negative ? -*value : *value;
}

std::optional<bool> cell_yes_no(const Cell& cell) {
    if (cell.kind == Cell::Kind::boolean || cell.kind == Cell::Kind::number) {
        if (cell.number == 1) return true;
        if (cell.number == 0) return false;
        return std::nullopt;
    }
    const std::string text = fold_for_search(cell_text(cell));
    for (const char* yes : {"co", "x", "yes", "y", "true", "1", "dong y", "nhan"}) {
        if (text == yes) return true;
    }
    for (const char* no : {"khong", "no", "n", "false", "0", "-"}) {
        if (text == no) return false;
    }
    return std::nullopt;
}

std::optional<std::string> cell_date(const Cell& cell, bool date1904) {
    if (cell.kind == Cell::Kind::number) {
        if (!std::isfinite(cell.number) || cell.number < 1 || cell.number > 3e6)
            return std::nullopt;
        long serial = static_cast<long>(std::floor(cell.number));
        if (date1904) serial += 1462;  // the 1904 system counts from 1904-01-01
        const auto date = from_excel_serial(serial);
        if (!date) return std::nullopt;
        return iso_date(*date);
    }
    const std::string text = cell_text(cell);
    if (const auto iso = parse_iso_date(text)) return iso_date(*iso);
    // Day first, as Vietnamese write dates: 14/03/2025, 14-3-2025, 14.03.2025.
    std::size_t at = 0;
    const auto day = read_number(text, at, 2);
    if (!day || at >= text.size() || (text[at] != '/' && text[at] != '-' && text[at] != '.'))
        return std::nullopt;
    const char separator = text[at++];
    const auto month = read_number(text, at, 2);
    if (!month || at >= text.size() || text[at] != separator) return std::nullopt;
    ++at;
    const auto year = read_number(text, at, 4);
    if (!year || at != text.size() || *year < 1900) return std::nullopt;
    // Day first, as Vietnamese write dates; month first only where day first is no date at all
    // (03/14/2025 from a spreadsheet in an English locale).
    auto date = make_date(*year, *month, *day);
    if (!date) date = make_date(*year, *day, *month);
    if (!date) return std::nullopt;
    return iso_date(*date);
}

std::optional<Level> parse_level_loose(std::string_view raw) {
    const std::string text = fold_for_search(collapse_spaces(raw));
    for (const Level level :
         {Level::none, Level::intermediate, Level::college, Level::university}) {
        if (text == level_code(level) || text == fold_for_search(level_name_vi(level)) ||
            text == fold_for_search(level_name_en(level))) {
            return level;
        }
    }
    // What rosters write besides the names: abbreviations and the older words.
    if (text == "tc" || text == "trung cap nghe") return Level::intermediate;
    if (text == "cd" || text == "cao dang nghe") return Level::college;
    if (text == "dh") return Level::university;
    if (text == "khong" || text == "so cap" || text == "khong yeu cau") return Level::none;
    return std::nullopt;
}

TradeNames::TradeNames(const std::vector<TradeName>& extra) {
    for (const Occupation& occupation : occupation_catalogue()) {
        add(TradeName{std::string(occupation.code), std::string(occupation.name_vi),
                      std::string(occupation.name_en)});
    }
    for (const TradeName& trade : extra)
        add(trade);
}

void TradeNames::add(const TradeName& trade) {
    name_by_code_[trade.code] = trade.name_vi.empty() ? trade.code : trade.name_vi;
    for (const std::string* name : {&trade.code, &trade.name_vi, &trade.name_en}) {
        if (!name->empty()) code_by_folded_[fold_for_search(*name)] = trade.code;
    }
}

std::optional<std::string> TradeNames::find(std::string_view text) const {
    const auto it = code_by_folded_.find(fold_for_search(collapse_spaces(text)));
    if (it == code_by_folded_.end()) return std::nullopt;
    return it->second;
}

std::string TradeNames::display(std::string_view code) const {
    const auto it = name_by_code_.find(std::string(code));
    return it == name_by_code_.end() ? std::string(code) : it->second;
}

std::vector<std::string> split_at(std::string_view text, std::string_view delimiters) {
    std::vector<std::string> parts;
    std::string current;
    auto flush = [&] {
        std::string part = collapse_spaces(current);
        if (!part.empty()) parts.push_back(std::move(part));
        current.clear();
    };
    for (const char c : text) {
        if (delimiters.find(c) != std::string_view::npos) {
            flush();
        } else {
            current.push_back(c);
        }
    }
    flush();
    return parts;
}

std::vector<std::string> split_list(std::string_view text, bool commas) {
    return split_at(text, commas ? ";\n," : ";\n");
}

double excel_time(TimeOfDay time) {
    return time.minutes() / (24.0 * 60.0);
}

}  // namespace jobfair::sheets
