// CSV files, one per sheet. Sections:
//   1. Encoding   - the byte-order marks, and the line of the first byte that is not UTF-8
//   2. Delimiter  - ';', ',' or tab, from the first non-empty line
//   3. Records    - RFC 4180 splitting into rows of text cells
#include <array>

#include "common/sheets/internal.hpp"
#include "common/sheets/workbook.hpp"
#include "common/text.hpp"

namespace jobfair::sheets {

namespace {

using detail::failure;
using detail::FileKind;

constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// ---- 1. Encoding ------------------------------------------------------------------------------

// Excel's "Unicode Text" and some exports write UTF-16: refused by name, as the bytes would
// otherwise be reported as a mysterious invalid character on line 1.
bool starts_with_utf16_mark(std::string_view text) {
    return text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF");
}

// 1-based line of the first line that is not valid UTF-8, 0 when all are. A line break byte never
// occurs inside a UTF-8 sequence, so lines can be checked one by one.
std::size_t first_line_not_utf8(std::string_view text) {
    std::size_t line = 1;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        if (!is_valid_utf8(text.substr(0, end))) return line;
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
        ++line;
    }
    return 0;
}

// ---- 2. Delimiter -----------------------------------------------------------------------------

// The most frequent of ';', ',' and tab outside quotes on the first non-empty line, preferring
// that order on a tie: Excel in Vietnamese locales writes ';' and decimal commas ("2,5").
char detect_delimiter(std::string_view text) {
    constexpr std::array<char, 3> kCandidates = {';', ',', '\t'};
    std::array<std::size_t, 3> counts{};
    bool quoted = false;
    bool seen_anything = false;
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;  // a doubled quote toggles twice: still inside
        } else if (!quoted && (c == '\n' || c == '\r')) {
            if (seen_anything) break;
            continue;
        }
        seen_anything = true;
        for (std::size_t i = 0; i < kCandidates.size(); ++i) {
            if (!quoted && c == kCandidates[i]) ++counts[i];
        }
    }
    std::size_t best = 1;  // ',' when the line has no delimiter at all: a one-column file
    std::size_t best_count = 0;
    for (std::size_t i = 0; i < kCandidates.size(); ++i) {
        if (counts[i] > best_count) {
            best = i;
            best_count = counts[i];
        }
    }
    return kCandidates[best];
}

// ---- 3. Records -------------------------------------------------------------------------------

Cell text_cell(std::string text) {
    Cell cell;
    if (!text.empty()) {
        cell.kind = Cell::Kind::text;
        cell.text = std::move(text);
    }
    return cell;
}

Sheet split_records(std::string_view text, char delimiter, std::string sheet_name,
                    std::string_view file) {
    Sheet sheet;
    sheet.name = std::move(sheet_name);
    detail::MemoryBudget budget(FileKind::csv, file);
    std::size_t i = 0;
    std::size_t line = 1;
    const auto at_line_end = [&] { return text[i] == '\n' || text[i] == '\r'; };
    const auto skip_line_end = [&] {  // CRLF, LF, or a lone CR (old Mac files)
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        ++i;
        ++line;
    };
    while (i < text.size()) {
        std::vector<Cell> row;
        budget.charge(sizeof(row));
        if (at_line_end()) {
            skip_line_end();  // a blank line: an empty row, so rows keep the file's numbering
            sheet.rows.push_back(std::move(row));
            continue;
        }
        while (true) {
            std::string field;
            if (text[i] == '"') {
                const std::size_t opened_on = line;
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field.push_back('"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (text[i] == '\n') ++line;
                    field.push_back(text[i]);
                    ++i;
                }
                if (!closed) {
                    const std::string at = std::to_string(opened_on);
                    throw failure(FileKind::csv, file,
                                  "dấu ngoặc kép mở ở dòng " + at + " không bao giờ được đóng",
                                  "the quote opened on line " + at + " is never closed");
                }
            }
            // Unquoted text, or what follows a closing quote: kept as it is, as spreadsheets do.
            while (i < text.size() && text[i] != delimiter && !at_line_end()) {
                field.push_back(text[i]);
                ++i;
            }
            budget.charge(sizeof(Cell) + field.size());
            row.push_back(text_cell(std::move(field)));
            if (i < text.size() && text[i] == delimiter) {
                ++i;
                // "a;b;" ends with an empty field
                if (i == text.size() || at_line_end()) {
                    budget.charge(sizeof(Cell));
                    row.push_back(Cell{});
                }
                if (i < text.size() && !at_line_end()) continue;
            }
            if (i < text.size()) skip_line_end();
            break;
        }
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

Sheet read_csv_named(std::string_view text, std::string sheet_name, std::string_view file) {
    if (starts_with_utf16_mark(text)) {
        throw failure(FileKind::csv, file,
                      "tệp được lưu dạng UTF-16 (Unicode Text); hãy lưu lại bằng \"CSV UTF-8\"",
                      "the file is saved as UTF-16 (Unicode Text); save it as \"CSV UTF-8\"");
    }
    if (text.starts_with(kUtf8ByteOrderMark)) text.remove_prefix(kUtf8ByteOrderMark.size());
    if (const std::size_t line = first_line_not_utf8(text); line != 0) {
        const std::string at = std::to_string(line);
        throw failure(FileKind::csv, file,
                      "dòng " + at +
                          " không phải văn bản UTF-8 (có lẽ tệp được lưu bằng bảng mã "
                          "Windows-1258 hoặc 1252); hãy lưu lại bằng \"CSV UTF-8\"",
                      "line " + at +
                          " is not UTF-8 text (the file was probably saved as Windows-1258 or "
                          "1252); save it as \"CSV UTF-8\"");
    }
    return split_records(text, detect_delimiter(text), std::move(sheet_name), file);
}

}  // namespace

Sheet read_csv(std::string_view text, std::string sheet_name) {
    const std::string file = sheet_name;
    return read_csv_named(text, std::move(sheet_name), file);
}

Sheet read_csv_file(const std::filesystem::path& path) {
    const std::string bytes =
        detail::read_file_bytes(path, FileKind::csv, kMaxPartBytes, "256 MiB");
    return read_csv_named(bytes, path.stem().string(), path.filename().string());
}

}  // namespace jobfair::sheets
