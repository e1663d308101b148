// Reading and writing the fixed JSON contract (../shared/spec/fair-format.md):
// "jobfair-instance/1" and "jobfair-schedule/1". Unknown fields are ignored, optional fields get
// their defaults, and bad input throws FairFormatError naming the place; nothing is half-loaded.
// The optional fields of v1.1 (fair.date, venue, organizer; booth.positions; student.school,
// class) are read and written back. Project fields beside the contract: booth.location,
// booth.accepts_cvs, and a top-level "trades" list naming trade codes outside the catalogue.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "common/fair.hpp"

namespace jobfair {

class FairFormatError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

inline constexpr std::string_view kInstanceFormat = "jobfair-instance/1";
inline constexpr std::string_view kScheduleFormat = "jobfair-schedule/1";

// Parses and validates an instance. Fixed interviews are validated against the grid and against
// every hard constraint that a single interview or the set of fixed interviews can break.
Fair read_instance(std::string_view json_text);
Fair read_instance_file(const std::filesystem::path& path);
std::string write_instance(const Fair& fair);  // pretty-printed, ends with a newline

// Parses a schedule's syntax (format, fields, times). Whether it fits a fair is the checker's job.
Schedule read_schedule(std::string_view json_text);
Schedule read_schedule_file(const std::filesystem::path& path);
std::string write_schedule(const Schedule& schedule);

}  // namespace jobfair
