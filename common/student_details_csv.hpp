// Pre-registered students' personal details as the schools send them: a CSV file with the columns
// `student,phone,school` (any order, names case-insensitive, other columns ignored), UTF-8 with or
// without a byte-order mark, CRLF or LF line ends, RFC 4180 quoting. Not part of the fair
// contract: these details live only in the store's student_details table.
//
//   student,phone,school
//   S0001,0912 345 678,Trường Cao đẳng Việt – Hàn Quảng Ninh
//   S0002,,"Trường Trung cấp Nghề Hạ Long, cơ sở 2"
//
// An empty phone or school is not recorded; a row needs at least one of them. Phones are checked
// and normalised by common/phone.hpp ("+84 912..." becomes "0912..."); schools are NFC with their
// white space collapsed. Blank lines are skipped.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/store.hpp"

namespace jobfair {

// One problem of the file, on the 1-based line where its record starts (0: the whole file).
struct CsvProblem {
    int line = 0;
    std::string message;
};

// Every problem found in the file, not only the first, so a person can fix them in one go.
class StudentDetailsCsvError : public std::runtime_error {
  public:
    explicit StudentDetailsCsvError(std::vector<CsvProblem> problems);
    const std::vector<CsvProblem>& problems() const { return problems_; }

  private:
    std::vector<CsvProblem> problems_;
};

struct StudentDetailsLine {
    int line = 0;  // where the record starts, 1-based (the header is line 1)
    StudentId student;
    Store::StudentDetails details;  // registered_via "pre_registration"
};

inline constexpr std::size_t kMaxSchoolBytes = 160;  // as the walk-in form

// Reads the whole file's text; throws StudentDetailsCsvError listing every problem.
std::vector<StudentDetailsLine> parse_student_details_csv(std::string_view text);
// Same, from a file; an unreadable file is a StudentDetailsCsvError on line 0.
std::vector<StudentDetailsLine> read_student_details_csv(const std::filesystem::path& path);

// Problems for ids the fair does not hold, with the lines that name them.
std::vector<CsvProblem> unknown_students(const std::vector<StudentDetailsLine>& lines,
                                         const Fair& fair);

// What Store::import_student_details takes.
std::vector<std::pair<StudentId, Store::StudentDetails>> details_to_import(
    const std::vector<StudentDetailsLine>& lines);

// Writes the format above (no byte-order mark, LF line ends, RFC 4180 quoting), for the demo's
// assets/demo-students.csv. Absent values are written as empty fields.
std::string write_student_details_csv(
    const std::vector<std::pair<StudentId, Store::StudentDetails>>& rows);

}  // namespace jobfair
