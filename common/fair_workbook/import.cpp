// Sections: 1. finding sheets, headers and columns  2. reporting  3. the sheets, one by one
//           4. the contract's own check of the whole fair
#include "common/fair_workbook/import.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "common/fair_date.hpp"
#include "common/fair_format.hpp"
#include "common/fair_workbook/cell_values.hpp"
#include "common/fair_workbook/layout.hpp"
#include "common/level.hpp"
#include "common/occupations.hpp"
#include "common/phone.hpp"
#include "common/text.hpp"

namespace jobfair::sheets {

namespace {

constexpr std::size_t kHeaderSearchRows = 20;
constexpr std::size_t kMaxNotes = 40;
constexpr std::size_t kMaxTextBytes = 300;

// ---- 1. Finding sheets, headers and columns ----------------------------------------------------

std::string folded(std::string_view text) {
    return fold_for_search(collapse_spaces(text));
}

// "Học sinh (Students)" -> {"hoc sinh", "students"}.
std::vector<std::string> name_parts(std::string_view text,
                                    std::string_view delimiters = "/()|\n[]*:") {
    std::vector<std::string> parts;
    for (const std::string& part : split_at(text, delimiters))
        parts.push_back(folded(part));
    return parts;
}

// "Trình độ / Level", "Level (Trình độ)", "trinh do", "Thời lượng mỗi lượt (phút)".
bool header_matches(const std::string& cell, const ColumnSpec& spec) {
    const std::string vi = folded(spec.title_vi);
    const std::string en = folded(spec.title_en);
    std::vector<std::string> candidates = name_parts(cell);
    for (std::string& part : name_parts(cell, "/|\n"))
        candidates.push_back(std::move(part));
    for (const std::string& part : candidates) {
        if (part == vi || part == en) return true;
    }
    return false;
}

// 2: a part of the name is the sheet's ("Students", "hoc sinh", "Học sinh (Students)");
// 1: a part starts or ends with it ("students-2025", "Danh sách học sinh", "fair-Học sinh");
// 0: no match. The best match wins, so a file prefix cannot steal another sheet's file.
int sheet_name_score(const std::string& name, const SheetSpec& spec) {
    const std::vector<std::string> wanted = name_parts(spec.name);
    if (folded(name) == folded(spec.name)) return 2;
    int best = 0;
    for (const std::string& part : name_parts(name)) {
        for (const std::string& want : wanted) {
            if (part == want || part + "s" == want) return 2;
            if (part.starts_with(want + " ") || part.starts_with(want + "-") ||
                part.starts_with(want + "_") || part.ends_with(" " + want) ||
                part.ends_with("-" + want) || part.ends_with("_" + want)) {
                best = 1;
            }
        }
    }
    return best;
}

struct Table {
    const Sheet* sheet = nullptr;
    std::size_t header_row = 0;
    std::map<Column, std::size_t> columns;
};

// The header is the first row (of the first few) naming every required column; title rows and
// notes above it are skipped.
std::optional<Table> find_header(const Sheet& sheet, const SheetSpec& spec) {
    const std::size_t limit = std::min(sheet.row_count(), kHeaderSearchRows);
    for (std::size_t r = 0; r < limit; ++r) {
        Table table{&sheet, r, {}};
        const auto& row = sheet.rows[r];
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string text = cell_text(row[c]);
            if (text.empty()) continue;
            for (const ColumnSpec& column : spec.columns) {
                if (!table.columns.contains(column.column) && header_matches(text, column)) {
                    table.columns[column.column] = c;
                    break;
                }
            }
        }
        const bool complete =
            std::all_of(spec.columns.begin(), spec.columns.end(), [&](const ColumnSpec& column) {
                return !column.required || table.columns.contains(column.column);
            });
        if (complete && !table.columns.empty()) return table;
    }
    return std::nullopt;
}

bool row_is_blank(const std::vector<Cell>& row) {
    return std::all_of(row.begin(), row.end(),
                       [](const Cell& cell) { return cell_text(cell).empty(); });
}

bool row_is_example(const std::vector<Cell>& row) {
    for (const Cell& cell : row) {
        const std::string text = folded(cell_text(cell));
        if (text.empty()) continue;
        return text.starts_with("vi du") || text.starts_with("example");
    }
    return false;
}

std::string in_quotes(std::string_view text) {
    return "“" + std::string(text) + "”";
}

// ---- 2 and 3. The importer ---------------------------------------------------------------------

class Importer {
  public:
    explicit Importer(const Workbook& workbook) : workbook_(workbook) {}

    ImportResult run() {
        locate_sheets();
        if (!result_.problems.empty()) return std::move(result_);
        read_fair_sheet();
        read_trades();
        read_booths();
        read_positions();
        read_schools();
        read_students();
        read_promised();
        for (const auto& [shape, seen] : time_shapes_) {
            note("Giờ viết kiểu " + in_quotes(shape) + " đọc theo 24 giờ, ví dụ " + seen.example +
                 " (" + std::to_string(seen.count) + " ô) / Times written as " + in_quotes(shape) +
                 " read on a 24-hour clock, e.g. " + seen.example + " (" +
                 std::to_string(seen.count) + " cells)");
        }
        if (result_.problems.empty()) check_contract();
        if (result_.problems.empty()) {
            book_.fair.extra_trades = extra_trades_;
            result_.book = std::move(book_);
        }
        if (notes_dropped_ > 0) {
            result_.notes.push_back("… và " + std::to_string(notes_dropped_) +
                                    " ghi chú nữa / and " + std::to_string(notes_dropped_) +
                                    " more notes");
        }
        return std::move(result_);
    }

  private:
    // ---- reporting
    void problem(const Sheet& sheet, std::size_t row_index, std::optional<std::size_t> column,
                 std::string_view header, std::string value, std::string vi, std::string en) {
        Problem out;
        out.sheet = sheet.name;
        out.row = row_index + 1;
        if (column) {
            out.column = column_letters(*column);
            if (!header.empty()) out.column += " (" + std::string(header) + ")";
        }
        out.value = std::move(value);
        out.vi = std::move(vi);
        out.en = std::move(en);
        result_.problems.push_back(std::move(out));
    }
    void sheet_problem(std::string sheet, std::string vi, std::string en) {
        result_.problems.push_back(
            Problem{std::move(sheet), 0, "", "", std::move(vi), std::move(en)});
    }
    void note(const std::string& text) {
        if (!noted_.insert(text).second) return;
        if (result_.notes.size() >= kMaxNotes) {
            ++notes_dropped_;
            return;
        }
        result_.notes.push_back(text);
    }

    // One cell of a table row, with what a problem about it needs to say.
    struct Field {
        const Cell* cell;
        std::size_t column;
        std::string header;
        bool present;
    };
    Field field(const Table& table, std::size_t row, Column column) const {
        const auto it = table.columns.find(column);
        if (it == table.columns.end()) return Field{&kEmpty, 0, "", false};
        const std::size_t c = it->second;
        return Field{&table.sheet->at(row, c), c, cell_text(table.sheet->at(table.header_row, c)),
                     true};
    }
    void field_problem(const Table& table, std::size_t row, const Field& at, std::string vi,
                       std::string en) {
        problem(*table.sheet, row,
                at.present ? std::optional<std::size_t>(at.column) : std::nullopt, at.header,
                cell_text(*at.cell), std::move(vi), std::move(en));
    }

    // ---- typed readers: each reports its own problem and returns nothing on one
    std::string text_of(const Table& table, std::size_t row, const Field& at, bool required,
                        std::string_view what_vi, std::string_view what_en) {
        const std::string raw =
            at.cell->kind == Cell::Kind::text ? at.cell->text : cell_text(*at.cell);
        std::string text = printable_text(raw);
        if (text != collapse_spaces(to_nfc(raw))) {
            note("Đã bỏ ký tự điều khiển trong " + std::string(what_vi) + " ở " +
                 table.sheet->name + " dòng " + std::to_string(row + 1) +
                 " / Removed control characters from the " + std::string(what_en) + " in row " +
                 std::to_string(row + 1));
        }
        if (text.size() > kMaxTextBytes) {
            field_problem(table, row, at, std::string(what_vi) + " quá dài (tối đa 300 byte)",
                          std::string(what_en) + " is too long (300 bytes at most)");
            return "";
        }
        if (required && text.empty()) {
            field_problem(table, row, at, std::string(what_vi) + " bị trống",
                          std::string(what_en) + " is empty");
        }
        return text;
    }

    std::optional<TimeOfDay> time_of(const Table& table, std::size_t row, const Field& at) {
        if (cell_text(*at.cell).empty()) return std::nullopt;
        const auto time = cell_time(*at.cell);
        if (!time) {
            field_problem(table, row, at, "không phải giờ; cần dạng 8:30, 08h30 hoặc 8g30",
                          "not a time; expected 8:30, 08h30 or 8g30");
            ++bad_;
            return std::nullopt;
        }
        if (at.cell->kind == Cell::Kind::text) {
            const std::string typed = cell_text(*at.cell);
            if (typed != time->str()) {
                // One note per way of writing ("99:99:99 AM"), with one example and a count.
                std::string shape = typed;
                for (char& c : shape)
                    if (c >= '0' && c <= '9') c = '9';
                auto& seen = time_shapes_[shape];
                if (seen.count++ == 0) seen.example = in_quotes(typed) + " → " + time->str();
            }
        }
        if (day_ && (*time < day_->day_start || day_->day_end < *time)) {
            field_problem(
                table, row, at,
                "ngoài giờ của ngày hội " + day_->day_start.str() + "–" + day_->day_end.str(),
                "outside the fair's day " + day_->day_start.str() + "–" + day_->day_end.str());
            ++bad_;
            return std::nullopt;
        }
        return time;
    }

    std::optional<int> count_of(const Table& table, std::size_t row, const Field& at, int minimum) {
        if (cell_text(*at.cell).empty()) return std::nullopt;
        const auto value = cell_int(*at.cell);
        if (!value || *value < minimum) {
            const std::string bound = std::to_string(minimum);
            field_problem(table, row, at, "cần một số nguyên từ " + bound + " trở lên",
                          "expected a whole number of " + bound + " or more");
            ++bad_;
            return std::nullopt;
        }
        return value;
    }

    std::optional<bool> yes_no_of(const Table& table, std::size_t row, const Field& at) {
        if (cell_text(*at.cell).empty()) return std::nullopt;
        const auto value = cell_yes_no(*at.cell);
        if (!value) {
            field_problem(table, row, at, "cần Có hoặc Không", "expected Yes or No (Có / Không)");
            ++bad_;
        }
        return value;
    }

    std::optional<Level> level_of(const Table& table, std::size_t row, const Field& at) {
        const std::string text = cell_text(*at.cell);
        if (text.empty()) return std::nullopt;
        const auto level = parse_level_loose(text);
        if (!level) {
            field_problem(table, row, at,
                          "trình độ không rõ; cần: Chưa qua đào tạo, Trung cấp, Cao đẳng, Đại học",
                          "unknown level; expected: none, intermediate, college, university");
            ++bad_;
            return std::nullopt;
        }
        if (text != level_name_vi(*level)) {
            note(in_quotes(text) + " đọc là trình độ " + std::string(level_name_vi(*level)) +
                 " / " + in_quotes(text) + " read as the level " + std::string(level_code(*level)));
        }
        return level;
    }

    std::optional<std::string> trade_of(const Table& table, std::size_t row, const Field& at,
                                        std::string_view text) {
        const auto code = trades_.find(text);
        if (!code) {
            field_problem(table, row, at,
                          "nghề " + in_quotes(text) + " không có trong danh mục nghề (trang " +
                              std::string(sheet_spec(SheetKind::trades).name) + ")",
                          "trade " + in_quotes(text) + " is not in the trades list (sheet " +
                              std::string(sheet_spec(SheetKind::trades).name) + ")");
            ++bad_;
            return std::nullopt;
        }
        const std::string shown = trades_.display(*code);
        if (text != shown && text != *code) {
            note(in_quotes(text) + " đọc là nghề " + shown + " / " + in_quotes(text) +
                 " read as the trade " + *code);
        }
        return code;
    }

    // ---- 1. locating
    void locate_sheets() {
        std::set<const Sheet*> claimed;
        for (const int wanted_score : {2, 1}) {
            for (const SheetSpec& spec : workbook_sheets()) {
                if (found_.contains(spec.kind)) continue;
                for (const Sheet& sheet : workbook_.sheets) {
                    if (claimed.contains(&sheet) ||
                        sheet_name_score(sheet.name, spec) != wanted_score)
                        continue;
                    found_[spec.kind] = &sheet;
                    claimed.insert(&sheet);
                    break;
                }
            }
        }
        // CSV files and renamed tabs: a sheet whose header names a kind's required columns.
        for (const SheetSpec& spec : workbook_sheets()) {
            if (found_.contains(spec.kind) || spec.kind == SheetKind::fair) continue;
            for (const Sheet& sheet : workbook_.sheets) {
                if (claimed.contains(&sheet) || !find_header(sheet, spec)) continue;
                found_[spec.kind] = &sheet;
                claimed.insert(&sheet);
                note("Trang " + in_quotes(sheet.name) + " đọc là " + std::string(spec.name) +
                     " theo tiêu đề cột / Sheet " + in_quotes(sheet.name) + " read as " +
                     std::string(spec.name) + " from its column headers");
                break;
            }
        }
        for (const Sheet& sheet : workbook_.sheets) {
            if (!claimed.contains(&sheet)) {
                note("Trang " + in_quotes(sheet.name) + " không dùng / Sheet " +
                     in_quotes(sheet.name) + " not used");
            }
        }
        for (const SheetSpec& spec : workbook_sheets()) {
            if (spec.required && !found_.contains(spec.kind)) {
                sheet_problem(
                    std::string(spec.name),
                    "thiếu trang " + in_quotes(spec.name) + " (hoặc tệp CSV của nó)",
                    "the sheet " + in_quotes(spec.name) + " (or its CSV file) is missing");
            }
        }
        for (const auto& [kind, sheet] : found_) {
            if (kind == SheetKind::fair) continue;
            const SheetSpec& spec = sheet_spec(kind);
            auto table = find_header(*sheet, spec);
            if (!table) {
                std::string missing;
                for (const ColumnSpec& column : spec.columns) {
                    if (!column.required) continue;
                    if (!missing.empty()) missing += ", ";
                    missing += header_text(column);
                }
                sheet_problem(sheet->name, "không tìm thấy dòng tiêu đề; cần các cột: " + missing,
                              "no header row found; needed columns: " + missing);
                continue;
            }
            for (std::size_t c = 0; c < sheet->rows[table->header_row].size(); ++c) {
                const std::string text = cell_text(sheet->rows[table->header_row][c]);
                const bool used = std::any_of(table->columns.begin(), table->columns.end(),
                                              [&](const auto& entry) { return entry.second == c; });
                if (!text.empty() && !used) {
                    note(sheet->name + ": cột " + column_letters(c) + " " + in_quotes(text) +
                         " không dùng / column " + column_letters(c) + " " + in_quotes(text) +
                         " not used");
                }
            }
            tables_[kind] = *table;
        }
    }

    // Rows of a table that hold data: blank rows and the template's example are skipped.
    std::vector<std::size_t> data_rows(const Table& table) {
        std::vector<std::size_t> rows;
        for (std::size_t r = table.header_row + 1; r < table.sheet->row_count(); ++r) {
            const auto& row = table.sheet->rows[r];
            if (row_is_blank(row)) continue;
            if (row_is_example(row)) {
                note(table.sheet->name + ": dòng " + std::to_string(r + 1) +
                     " là dòng ví dụ, không nhập / row " + std::to_string(r + 1) +
                     " is the example, not imported");
                continue;
            }
            rows.push_back(r);
        }
        return rows;
    }

    const Table* table(SheetKind kind) const {
        const auto it = tables_.find(kind);
        return it == tables_.end() ? nullptr : &it->second;
    }

    // ---- the fair sheet: one setting per row, found by its label
    void read_fair_sheet() {
        const auto it = found_.find(SheetKind::fair);
        if (it == found_.end()) return;
        const Sheet& sheet = *it->second;
        std::map<Setting, std::pair<std::size_t, std::size_t>> at;  // row, value column
        for (std::size_t r = 0; r < sheet.row_count(); ++r) {
            const auto& row = sheet.rows[r];
            for (std::size_t c = 0; c < row.size(); ++c) {
                const std::string label = cell_text(row[c]);
                if (label.empty()) continue;
                for (const SettingSpec& spec : fair_settings_rows()) {
                    const ColumnSpec as_column{
                        Column::setting_label, spec.label_vi, spec.label_en, "", false, 0};
                    if (!at.contains(spec.setting) && header_matches(label, as_column)) {
                        at[spec.setting] = {r, c + 1};
                    }
                }
                break;  // the label is the row's first filled cell
            }
        }
        FairSettings& settings = book_.fair.settings;
        auto value = [&](Setting setting) -> const Cell* {
            const auto found = at.find(setting);
            if (found == at.end()) return nullptr;
            return &sheet.at(found->second.first, found->second.second);
        };
        auto report = [&](Setting setting, std::string vi, std::string en) {
            const SettingSpec* spec = nullptr;
            for (const SettingSpec& one : fair_settings_rows())
                if (one.setting == setting) spec = &one;
            const auto found = at.find(setting);
            if (found == at.end()) {
                sheet_problem(sheet.name,
                              "thiếu dòng " + in_quotes(setting_label(*spec)) + ": " + vi,
                              "the row " + in_quotes(setting_label(*spec)) + " is missing: " + en);
                return;
            }
            problem(sheet, found->second.first, found->second.second, setting_label(*spec),
                    cell_text(sheet.at(found->second.first, found->second.second)), std::move(vi),
                    std::move(en));
        };
        bool grid_ok = true;
        auto read_time = [&](Setting setting) -> std::optional<TimeOfDay> {
            const Cell* cell = value(setting);
            const auto time = cell ? cell_time(*cell) : std::nullopt;
            if (!time) {
                report(setting, "cần một giờ như 8:00", "expected a time such as 8:00");
                grid_ok = false;
            }
            return time;
        };
        const Cell* name = value(Setting::name);
        settings.name = name ? printable_text(cell_text(*name)) : "";
        // The contract lets a fair go without a name; screens and tickets then show none.
        if (settings.name.empty()) {
            note(
                "Ngày hội chưa có tên: vé và màn hình sẽ không ghi tên / The fair has no name: "
                "tickets and screens will show none");
        }
        if (const Cell* date = value(Setting::date); date && !cell_text(*date).empty()) {
            settings.date = cell_date(*date, workbook_.date1904);
            if (!settings.date) {
                report(Setting::date, "không phải ngày; cần dạng 14/03/2025",
                       "not a date; expected day/month/year such as 14/03/2025");
            } else if (date->kind == Cell::Kind::text) {
                // Typed dates can be read two ways (03/04): say which day it became.
                note(in_quotes(cell_text(*date)) + " đọc là / read as " +
                     fair_date_line(settings.date));
            }
        }
        for (const auto& [setting, target] : {std::pair{Setting::venue, &settings.venue},
                                              std::pair{Setting::organizer, &settings.organizer}}) {
            if (const Cell* cell = value(setting)) {
                std::string text = printable_text(cell_text(*cell));
                if (!text.empty()) *target = std::move(text);
            }
        }
        const auto start = read_time(Setting::day_start);
        const auto end = read_time(Setting::day_end);
        const Cell* slot = value(Setting::slot_minutes);
        const int minutes = slot ? cell_int(*slot).value_or(0) : 0;
        if (minutes < 1 || minutes > 240) {
            report(Setting::slot_minutes, "cần số phút từ 1 đến 240",
                   "expected minutes from 1 to 240");
            grid_ok = false;
        }
        if (start && end && *end <= *start) {
            report(Setting::day_end, "giờ kết thúc phải sau giờ bắt đầu " + start->str(),
                   "the day must end after it starts at " + start->str());
            grid_ok = false;
        }
        if (grid_ok && start && end) {
            settings.grid = SlotGrid{*start, *end, minutes};
            if (settings.grid.slot_count() == 0) {
                report(Setting::slot_minutes, "không có lượt nào vừa trong ngày",
                       "no slot fits in the day");
            } else {
                day_ = settings.grid;
            }
        }
        auto optional_count = [&](Setting setting, int fallback) {
            const Cell* cell = value(setting);
            if (cell == nullptr || cell_text(*cell).empty()) return fallback;
            const auto number = cell_int(*cell);
            if (!number || *number < 0) {
                report(setting, "cần một số nguyên từ 0 trở lên",
                       "expected a whole number of 0 or more");
                return fallback;
            }
            return *number;
        };
        settings.student_gap_slots = optional_count(Setting::student_gap_slots, 0);
        settings.max_interviews_per_student =
            optional_count(Setting::max_interviews_per_student, 3);
    }

    // ---- trades: the catalogue's plus the organizer's own
    void read_trades() {
        const Table* trades = table(SheetKind::trades);
        if (trades == nullptr) return;
        std::set<std::string> seen;
        for (const std::size_t r : data_rows(*trades)) {
            const Field id_at = field(*trades, r, Column::trade_id);
            const std::string code = text_of(*trades, r, id_at, true, "mã nghề", "trade id");
            if (code.empty()) continue;
            if (!seen.insert(code).second) {
                field_problem(*trades, r, id_at, "mã nghề bị lặp", "the trade id is repeated");
                continue;
            }
            const Field vi_at = field(*trades, r, Column::trade_name_vi);
            std::string vi = text_of(*trades, r, vi_at, false, "tên nghề", "trade name");
            std::string en = text_of(*trades, r, field(*trades, r, Column::trade_name_en), false,
                                     "tên tiếng Anh", "English name");
            if (find_occupation(code) != nullptr)
                continue;  // built in: names come from the catalogue
            TradeName trade{code, vi.empty() ? code : vi,
                            en.empty() ? (vi.empty() ? code : vi) : en};
            trades_.add(trade);
            // A code the fair uses without naming it (an instance's own codes) stays a bare code.
            if (trade.name_vi == code && trade.name_en == code) continue;
            extra_trades_.push_back(std::move(trade));
        }
    }

    std::vector<TimeRange> breaks_of(const Table& table, std::size_t row, const Field& at) {
        std::vector<TimeRange> breaks;
        for (const std::string& part : split_list(cell_text(*at.cell), true)) {
            std::size_t dash = part.find('-');
            if (dash == std::string::npos) dash = part.find("–");
            const std::size_t dash_bytes = part.compare(dash, 3, "–") == 0 ? 3 : 1;
            const auto begin =
                dash == std::string::npos ? std::nullopt : parse_time_loose(part.substr(0, dash));
            const auto end = dash == std::string::npos
                                 ? std::nullopt
                                 : parse_time_loose(part.substr(dash + dash_bytes));
            if (!begin || !end || *end <= *begin) {
                field_problem(
                    table, row, at,
                    "giờ nghỉ " + in_quotes(part) + " không đọc được; cần dạng 10:00-10:15",
                    "break " + in_quotes(part) + " cannot be read; expected 10:00-10:15");
                continue;
            }
            if (day_ && (*begin < day_->day_start || day_->day_end < *end)) {
                field_problem(table, row, at,
                              "giờ nghỉ " + in_quotes(part) + " ngoài giờ của ngày hội",
                              "break " + in_quotes(part) + " is outside the fair's day");
                continue;
            }
            breaks.push_back(TimeRange{*begin, *end});
        }
        return breaks;
    }

    // Trades of a cell: "Hàn; Điện tử công nghiệp", and "Hàn, Cơ điện tử" when commas split it.
    std::vector<std::string> trade_list(const Table& table, std::size_t row, const Field& at) {
        std::vector<std::string> codes;
        for (const std::string& part : split_list(cell_text(*at.cell), false)) {
            std::vector<std::string> names{part};
            if (!trades_.find(part) && part.find(',') != std::string::npos)
                names = split_list(part, true);
            for (const std::string& name : names) {
                if (auto code = trade_of(table, row, at, name)) {
                    if (std::find(codes.begin(), codes.end(), *code) == codes.end())
                        codes.push_back(*code);
                }
            }
        }
        return codes;
    }

    // ---- booths
    void read_booths() {
        const Table* booths = table(SheetKind::booths);
        if (booths == nullptr) return;
        for (const std::size_t r : data_rows(*booths)) {
            Booth booth;
            const Field id_at = field(*booths, r, Column::booth_id);
            const std::string id = text_of(*booths, r, id_at, true, "mã gian", "booth id");
            const Field enterprise_at = field(*booths, r, Column::booth_enterprise);
            booth.enterprise =
                text_of(*booths, r, enterprise_at, false, "tên doanh nghiệp", "enterprise name");
            if (!id.empty()) {
                const auto [first, inserted] = booth_rows_.emplace(folded(id), r);
                if (!inserted) {
                    field_problem(
                        *booths, r, id_at,
                        "gian bị lặp (đã có ở dòng " + std::to_string(first->second + 1) + ")",
                        "booth repeated (already in row " + std::to_string(first->second + 1) +
                            ")");
                }
                booth_ids_[folded(id)] = id;
            }
            booth.id = BoothId(id);
            if (std::string location =
                    text_of(*booths, r, field(*booths, r, Column::booth_location), false, "vị trí",
                            "location");
                !location.empty()) {
                booth.location = std::move(location);
            }
            booth.interviewers =
                count_of(*booths, r, field(*booths, r, Column::booth_interviewers), 1).value_or(1);
            const Field open_at = field(*booths, r, Column::booth_open);
            const Field close_at = field(*booths, r, Column::booth_close);
            const auto open = time_of(*booths, r, open_at);
            const auto close = time_of(*booths, r, close_at);
            if (day_) {
                booth.open = open.value_or(day_->day_start);
                booth.close = close.value_or(day_->day_end);
                if (booth.close <= booth.open) {
                    field_problem(*booths, r, close_at,
                                  "giờ đóng phải sau giờ mở " + booth.open.str(),
                                  "must close after it opens at " + booth.open.str());
                }
            }
            booth.breaks = breaks_of(*booths, r, field(*booths, r, Column::booth_breaks));
            booth.occupations = trade_list(*booths, r, field(*booths, r, Column::booth_trades));
            booth.min_level = level_of(*booths, r, field(*booths, r, Column::booth_min_level));
            booth.max_interviews =
                count_of(*booths, r, field(*booths, r, Column::booth_max_interviews), 0);
            booth.accepts_cvs =
                yes_no_of(*booths, r, field(*booths, r, Column::booth_accepts_cvs)).value_or(false);
            book_.fair.booths.push_back(std::move(booth));
        }
        if (book_.fair.booths.empty()) {
            sheet_problem(booths->sheet->name, "không có gian nào", "there is no booth");
        }
    }

    // A booth named in a cell: "b03" finds B03.
    std::optional<BoothId> booth_named(const std::string& text) const {
        const auto it = booth_ids_.find(folded(text));
        if (it == booth_ids_.end()) return std::nullopt;
        return BoothId(it->second);
    }
    Booth* booth_by_id(const BoothId& id) {
        for (Booth& booth : book_.fair.booths)
            if (booth.id == id) return &booth;
        return nullptr;
    }

    void read_positions() {
        const Table* positions = table(SheetKind::positions);
        if (positions == nullptr) return;
        for (const std::size_t r : data_rows(*positions)) {
            const Field booth_at = field(*positions, r, Column::position_booth);
            const std::string booth_text =
                text_of(*positions, r, booth_at, true, "mã gian", "booth id");
            Position position;
            position.title = text_of(*positions, r, field(*positions, r, Column::position_title),
                                     true, "tên vị trí", "position title");
            const Field trade_at = field(*positions, r, Column::position_trade);
            if (const std::string trade = cell_text(*trade_at.cell); !trade.empty()) {
                position.occupation = trade_of(*positions, r, trade_at, trade);
            }
            position.openings =
                count_of(*positions, r, field(*positions, r, Column::position_openings), 0);
            if (booth_text.empty()) continue;
            const auto id = booth_named(booth_text);
            if (!id) {
                field_problem(*positions, r, booth_at, "không có gian này ở trang Gian",
                              "no such booth on the Booths sheet");
                continue;
            }
            booth_by_id(*id)->positions.push_back(std::move(position));
        }
    }

    void read_schools() {
        const Table* schools = table(SheetKind::schools);
        if (schools == nullptr) return;
        for (const std::size_t r : data_rows(*schools)) {
            SchoolGroup school;
            const Field name_at = field(*schools, r, Column::school_name);
            school.name = text_of(*schools, r, name_at, true, "tên trường", "school name");
            school.arrive = time_of(*schools, r, field(*schools, r, Column::school_arrive));
            const Field leave_at = field(*schools, r, Column::school_leave);
            school.leave = time_of(*schools, r, leave_at);
            if (school.arrive && school.leave && *school.leave <= *school.arrive) {
                field_problem(*schools, r, leave_at, "giờ về phải sau giờ đến",
                              "must leave after arriving");
            }
            if (school.name.empty()) continue;
            if (!school_index_.emplace(folded(school.name), book_.schools.size()).second) {
                field_problem(*schools, r, name_at, "trường bị lặp", "the school is repeated");
                continue;
            }
            book_.schools.push_back(std::move(school));
        }
    }

    void read_students() {
        const Table* students = table(SheetKind::students);
        if (students == nullptr) return;
        result_.students_sheet = students->sheet->name;
        std::unordered_map<std::string, std::size_t> first_row;
        for (const std::size_t r : data_rows(*students)) {
            Student student;
            const Field id_at = field(*students, r, Column::student_id);
            const std::string id = text_of(*students, r, id_at, true, "mã học sinh", "student id");
            if (!id.empty()) {
                const auto [first, inserted] = first_row.emplace(id, r);
                if (!inserted) {
                    field_problem(*students, r, id_at,
                                  "mã học sinh bị lặp (đã có ở dòng " +
                                      std::to_string(first->second + 1) + ")",
                                  "duplicate student id (already in row " +
                                      std::to_string(first->second + 1) + ")");
                }
            }
            student.id = StudentId(id);
            student.name = text_of(*students, r, field(*students, r, Column::student_name), true,
                                   "họ tên", "name");
            const Field school_at = field(*students, r, Column::student_school);
            const SchoolGroup* school = nullptr;
            if (std::string name =
                    text_of(*students, r, school_at, false, "tên trường", "school name");
                !name.empty()) {
                if (const auto it = school_index_.find(folded(name)); it != school_index_.end()) {
                    school = &book_.schools[it->second];
                    name = school->name;  // one spelling per school
                } else if (!book_.schools.empty()) {
                    note("Trường " + in_quotes(name) +
                         " không có ở trang Trường: học sinh ở cả ngày / School " +
                         in_quotes(name) +
                         " is not on the Schools sheet: its students stay all day");
                }
                student.school = std::move(name);
            }
            if (std::string class_name =
                    text_of(*students, r, field(*students, r, Column::student_class), false, "lớp",
                            "class");
                !class_name.empty()) {
                student.class_name = std::move(class_name);
            }
            const Field trade_at = field(*students, r, Column::student_trade);
            if (const std::string trade = cell_text(*trade_at.cell); !trade.empty()) {
                student.occupation = trade_of(*students, r, trade_at, trade);
            }
            student.level = level_of(*students, r, field(*students, r, Column::student_level))
                                .value_or(Level::none);
            const Field phone_at = field(*students, r, Column::student_phone);
            StudentContact contact;
            if (std::string typed = cell_text(*phone_at.cell); !typed.empty()) {
                // Excel drops the leading 0 of a phone typed as a number: 912345678.
                if (phone_at.cell->kind == Cell::Kind::number && typed.size() == 9)
                    typed = "0" + typed;
                const PhoneCheck phone = check_phone(typed);
                if (phone) {
                    contact.phone = phone.national();
                } else {
                    field_problem(
                        *students, r, phone_at,
                        "số di động không hợp lệ: " +
                            std::string(phone_problem_vi(phone.problem())),
                        "not a valid mobile number (10 digits starting 03, 05, 07, 08 or 09)");
                }
            }
            contact.consent_to_contact =
                yes_no_of(*students, r, field(*students, r, Column::student_consent))
                    .value_or(false);
            const Field preferences_at = field(*students, r, Column::student_preferences);
            for (const std::string& part : split_list(cell_text(*preferences_at.cell), true)) {
                std::vector<std::string> names{part};
                if (!booth_named(part) && part.find(' ') != std::string::npos)
                    names = split_at(part, " ");
                for (const std::string& name : names) {
                    const auto booth = booth_named(name);
                    if (!booth) {
                        field_problem(*students, r, preferences_at,
                                      "gian " + in_quotes(name) + " không có ở trang Gian",
                                      "booth " + in_quotes(name) + " is not on the Booths sheet");
                        continue;
                    }
                    if (std::find(student.preferences.begin(), student.preferences.end(), *booth) !=
                        student.preferences.end()) {
                        field_problem(*students, r, preferences_at,
                                      "gian " + booth->str() + " bị lặp",
                                      "booth " + booth->str() + " repeated");
                        continue;
                    }
                    student.preferences.push_back(*booth);
                }
            }
            student.max_interviews =
                count_of(*students, r, field(*students, r, Column::student_max_interviews), 0);
            const Field arrive_at = field(*students, r, Column::student_arrive);
            const Field leave_at = field(*students, r, Column::student_leave);
            const auto arrive = time_of(*students, r, arrive_at);
            const auto leave = time_of(*students, r, leave_at);
            if (day_) {
                student.arrive =
                    arrive.value_or(school && school->arrive ? *school->arrive : day_->day_start);
                student.leave =
                    leave.value_or(school && school->leave ? *school->leave : day_->day_end);
                if (student.leave <= student.arrive) {
                    field_problem(*students, r, leave.has_value() ? leave_at : arrive_at,
                                  "giờ về " + student.leave.str() + " phải sau giờ đến " +
                                      student.arrive.str(),
                                  "leaves at " + student.leave.str() + ", not after arriving at " +
                                      student.arrive.str());
                }
            }
            if (contact.phone || contact.consent_to_contact) book_.contacts[student.id] = contact;
            student_rows_[id] = r;
            result_.student_rows[StudentId(id)] = r + 1;
            book_.fair.students.push_back(std::move(student));
        }
    }

    void read_promised() {
        const Table* promised = table(SheetKind::promised);
        if (promised == nullptr) return;
        for (const std::size_t r : data_rows(*promised)) {
            Interview interview;
            const Field student_at = field(*promised, r, Column::promised_student);
            const std::string student =
                text_of(*promised, r, student_at, true, "mã học sinh", "student id");
            if (!student.empty() && !student_rows_.contains(student)) {
                field_problem(*promised, r, student_at, "không có học sinh này ở trang Học sinh",
                              "no such student on the Students sheet");
            }
            interview.student = StudentId(student);
            const Field booth_at = field(*promised, r, Column::promised_booth);
            const std::string booth_text =
                text_of(*promised, r, booth_at, true, "mã gian", "booth id");
            const auto booth = booth_named(booth_text);
            if (!booth_text.empty() && !booth) {
                field_problem(*promised, r, booth_at, "không có gian này ở trang Gian",
                              "no such booth on the Booths sheet");
            }
            const Field seat_at = field(*promised, r, Column::promised_seat);
            const auto seat = count_of(*promised, r, seat_at, 1);
            if (booth && seat) {
                const Booth* known = booth_by_id(*booth);
                if (*seat > known->interviewers) {
                    field_problem(*promised, r, seat_at,
                                  "gian " + booth->str() + " chỉ có " +
                                      std::to_string(known->interviewers) + " người phỏng vấn",
                                  "booth " + booth->str() + " has " +
                                      std::to_string(known->interviewers) + " interviewer(s)");
                }
            } else if (!seat && cell_text(*seat_at.cell).empty()) {
                field_problem(*promised, r, seat_at, "bị trống", "is empty");
            }
            const Field start_at = field(*promised, r, Column::promised_start);
            const auto start = time_of(*promised, r, start_at);
            if (!start && cell_text(*start_at.cell).empty()) {
                field_problem(*promised, r, start_at, "bị trống", "is empty");
            }
            if (start && day_ && !day_->slot_at(*start)) {
                field_problem(*promised, r, start_at,
                              "không phải đầu một lượt (lượt " +
                                  std::to_string(day_->slot_minutes) + " phút từ " +
                                  day_->day_start.str() + ")",
                              "not a slot start (slots of " + std::to_string(day_->slot_minutes) +
                                  " minutes from " + day_->day_start.str() + ")");
            }
            if (!booth || !seat || !start) continue;
            interview.booth = *booth;
            interview.seat = *seat - 1;
            interview.start = *start;
            promised_rows_.push_back(r);
            book_.fair.fixed.push_back(std::move(interview));
        }
    }

    // ---- 4. Whatever the sheets could not see row by row (a promise that breaks a hard rule
    // with another, a booth's break against a promise): the contract's own reader decides.
    void check_contract() {
        try {
            book_.fair.extra_trades = extra_trades_;
            book_.fair = read_instance(write_instance(book_.fair));
        } catch (const FairFormatError& error) {
            const auto* promised = table(SheetKind::promised);
            sheet_problem(
                promised ? promised->sheet->name
                         : std::string(sheet_spec(SheetKind::promised).name),
                std::string("lịch hẹn trước vi phạm quy tắc xếp lịch: ") + error.what(),
                std::string("the promised interviews break a scheduling rule: ") + error.what());
        }
    }

    struct TimeShape {
        std::string example;
        int count = 0;
    };
    std::map<std::string, TimeShape> time_shapes_;
    static inline const Cell kEmpty{};
    const Workbook& workbook_;
    ImportResult result_;
    FairBook book_;
    std::optional<SlotGrid> day_;
    TradeNames trades_;
    std::vector<TradeName> extra_trades_;
    std::map<SheetKind, const Sheet*> found_;
    std::map<SheetKind, Table> tables_;
    std::map<std::string, std::size_t> booth_rows_;
    std::map<std::string, std::string> booth_ids_;  // folded id -> id as written
    std::map<std::string, std::size_t> school_index_;
    std::map<std::string, std::size_t> student_rows_;
    std::vector<std::size_t> promised_rows_;
    std::set<std::string> noted_;
    std::size_t notes_dropped_ = 0;
    int bad_ = 0;
};

}  // namespace

ImportResult import_fair_book(const Workbook& workbook) {
    return Importer(workbook).run();
}

std::string describe(const Problem& problem) {
    std::string vi = problem.sheet;
    std::string en = problem.sheet;
    if (problem.row > 0) {
        vi += ", dòng " + std::to_string(problem.row);
        en += ", row " + std::to_string(problem.row);
    }
    if (!problem.column.empty()) {
        vi += ", cột " + problem.column;
        en += ", column " + problem.column;
    }
    if (!problem.value.empty()) {
        vi += ", " + in_quotes(problem.value);
        en += ", " + in_quotes(problem.value);
    }
    return vi + ": " + problem.vi + "\n    " + en + ": " + problem.en;
}

}  // namespace jobfair::sheets
