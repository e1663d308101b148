// The schools' lists of students' details. Sections:
//   1. Records  - RFC 4180 splitting with the line each record starts on
//   2. Rows     - the header, then one student per record, every problem collected
//   3. Writing  - the same format back, for the demo's list
#include "common/student_details_csv.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "common/phone.hpp"
#include "common/text.hpp"

namespace jobfair {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kMaxProblemsInMessage = 20;

std::string describe(const std::vector<CsvProblem>& problems) {
    std::string message = "the students' details file has " + std::to_string(problems.size()) +
                          (problems.size() == 1 ? " problem" : " problems") +
                          "; nothing was imported:";
    for (std::size_t i = 0; i < problems.size() && i < kMaxProblemsInMessage; ++i) {
        message += "\n  ";
        if (problems[i].line > 0) message += "line " + std::to_string(problems[i].line) + ": ";
        message += problems[i].message;
    }
    if (problems.size() > kMaxProblemsInMessage) {
        message +=
            "\n  ... and " + std::to_string(problems.size() - kMaxProblemsInMessage) + " more";
    }
    return message;
}

// ---- 1. Records -------------------------------------------------------------------------------

struct Record {
    int line = 0;
    std::vector<std::string> fields;
    bool broken = false;  // a quoting problem was reported: its fields are not checked further
};

// Splits `text` into records. Quoted fields may hold commas, doubled quotes and line breaks; a
// quote inside an unquoted field is kept as it is (spreadsheets write such files too).
std::vector<Record> split_records(std::string_view text, std::vector<CsvProblem>& problems) {
    std::vector<Record> records;
    std::size_t i = 0;
    int line = 1;
    while (i < text.size()) {
        Record record;
        record.line = line;
        std::string field;
        bool record_done = false;
        while (!record_done) {
            field.clear();
            if (i < text.size() && text[i] == '"') {
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field.push_back('"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n') ++line;
                    field.push_back(c);
                    ++i;
                }
                if (!closed) {
                    problems.push_back(
                        {record.line, "a quoted field is never closed (a missing \")"});
                    return records;
                }
                // Only a separator or the end of the record may follow the closing quote.
                if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                    problems.push_back({line,
                                        "text follows a closing quote; a quote inside a quoted "
                                        "field is written twice (\"\")"});
                    record.broken = true;
                    while (i < text.size() && text[i] != ',' && text[i] != '\n')
                        ++i;
                }
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                    field.push_back(text[i]);
                    ++i;
                }
            }
            record.fields.push_back(field);
            if (i >= text.size()) {
                record_done = true;
            } else if (text[i] == ',') {
                ++i;
            } else {
                if (text[i] == '\r') ++i;
                if (i < text.size() && text[i] == '\n') ++i;
                ++line;
                record_done = true;
            }
        }
        const bool blank = record.fields.size() == 1 && record.fields[0].empty();
        if (!blank) records.push_back(std::move(record));
    }
    return records;
}

// ---- 2. Rows ----------------------------------------------------------------------------------

std::string trimmed(std::string_view text) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

std::string lowercase_ascii(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

struct Columns {
    std::size_t student = 0;
    std::size_t phone = 0;
    std::size_t school = 0;
};

std::optional<Columns> read_header(const Record& header, std::vector<CsvProblem>& problems) {
    std::map<std::string, std::size_t> named;
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
        const std::string name = lowercase_ascii(trimmed(header.fields[c]));
        if (!name.empty() && !named.emplace(name, c).second) {
            problems.push_back({header.line, "the column \"" + name + "\" appears twice"});
        }
    }
    std::string missing;
    for (const char* wanted : {"student", "phone", "school"}) {
        if (named.count(wanted) == 0)
            missing += missing.empty() ? wanted : std::string(", ") + wanted;
    }
    if (!missing.empty()) {
        problems.push_back({header.line,
                            "the first line must name the columns student, phone "
                            "and school (missing: " +
                                missing + ")"});
        return std::nullopt;
    }
    return Columns{named["student"], named["phone"], named["school"]};
}

}  // namespace

StudentDetailsCsvError::StudentDetailsCsvError(std::vector<CsvProblem> problems)
    : std::runtime_error(describe(problems)), problems_(std::move(problems)) {}

std::vector<StudentDetailsLine> parse_student_details_csv(std::string_view text) {
    std::vector<CsvProblem> problems;
    if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
    if (!is_valid_utf8(text)) {
        throw StudentDetailsCsvError(
            {{0, "the file is not UTF-8 text: save it as \"CSV UTF-8\" and try again"}});
    }
    const std::vector<Record> records = split_records(text, problems);
    if (records.empty()) {
        problems.push_back({1,
                            "the file is empty: the first line must name the columns "
                            "student, phone and school"});
        throw StudentDetailsCsvError(std::move(problems));
    }
    const std::optional<Columns> columns = read_header(records.front(), problems);
    if (!columns) throw StudentDetailsCsvError(std::move(problems));
    const std::size_t needed = std::max({columns->student, columns->phone, columns->school}) + 1;

    std::vector<StudentDetailsLine> lines;
    std::map<std::string, int> first_line_of;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const Record& record = records[r];
        if (record.broken) continue;
        if (record.fields.size() < needed) {
            problems.push_back({record.line, std::to_string(record.fields.size()) + " of the " +
                                                 std::to_string(needed) +
                                                 " fields the header names"});
            continue;
        }
        StudentDetailsLine row;
        row.line = record.line;
        row.details.registered_via = "pre_registration";
        const std::string id = trimmed(record.fields[columns->student]);
        if (id.empty()) {
            problems.push_back({record.line, "the student id is empty"});
            continue;
        }
        const auto [first, inserted] = first_line_of.emplace(id, record.line);
        if (!inserted) {
            problems.push_back({record.line, "student " + id + " is already on line " +
                                                 std::to_string(first->second)});
            continue;
        }
        row.student = StudentId(id);

        bool row_ok = true;
        const std::string phone = trimmed(record.fields[columns->phone]);
        if (!phone.empty()) {
            const PhoneCheck checked = check_phone(phone);
            if (checked) {
                row.details.phone = checked.national();
            } else {
                problems.push_back(
                    {record.line, "the phone \"" + phone + "\" of " + id +
                                      " is not a Vietnamese mobile number: " +
                                      std::string(phone_problem_en(checked.problem()))});
                row_ok = false;
            }
        }
        const std::string school = collapse_spaces(to_nfc(record.fields[columns->school]));
        if (school.size() > kMaxSchoolBytes) {
            problems.push_back({record.line, "the school name of " + id + " is longer than " +
                                                 std::to_string(kMaxSchoolBytes) + " bytes"});
            row_ok = false;
        } else if (!school.empty()) {
            row.details.school = school;
        }
        if (row_ok && !row.details.phone && !row.details.school) {
            problems.push_back(
                {record.line, "student " + id + " has neither a phone nor a school"});
            row_ok = false;
        }
        if (row_ok) lines.push_back(std::move(row));
    }
    if (!problems.empty()) {
        std::stable_sort(problems.begin(), problems.end(),
                         [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
        throw StudentDetailsCsvError(std::move(problems));
    }
    return lines;
}

std::vector<StudentDetailsLine> read_student_details_csv(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw StudentDetailsCsvError({{0, "cannot read \"" + path.string() + "\""}});
    std::ostringstream text;
    text << in.rdbuf();
    return parse_student_details_csv(text.str());
}

std::vector<CsvProblem> unknown_students(const std::vector<StudentDetailsLine>& lines,
                                         const Fair& fair) {
    std::set<StudentId> known;
    for (const Student& student : fair.students)
        known.insert(student.id);
    std::vector<CsvProblem> problems;
    for (const StudentDetailsLine& line : lines) {
        if (known.count(line.student) == 0) {
            problems.push_back(
                {line.line, "there is no student " + line.student.str() + " in this fair"});
        }
    }
    return problems;
}

std::vector<std::pair<StudentId, Store::StudentDetails>> details_to_import(
    const std::vector<StudentDetailsLine>& lines) {
    std::vector<std::pair<StudentId, Store::StudentDetails>> rows;
    rows.reserve(lines.size());
    for (const StudentDetailsLine& line : lines)
        rows.emplace_back(line.student, line.details);
    return rows;
}

// ---- 3. Writing -------------------------------------------------------------------------------

namespace {

std::string quoted_if_needed(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

}  // namespace

std::string write_student_details_csv(
    const std::vector<std::pair<StudentId, Store::StudentDetails>>& rows) {
    std::string out = "student,phone,school\n";
    for (const auto& [student, details] : rows) {
        out += quoted_if_needed(student.str());
        out += ',';
        out += quoted_if_needed(details.phone.value_or(""));
        out += ',';
        out += quoted_if_needed(details.school.value_or(""));
        out += '\n';
    }
    return out;
}

}  // namespace jobfair
