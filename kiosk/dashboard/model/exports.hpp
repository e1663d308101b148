// The server's exports (GET /api/v1/exports/{name}) the dashboard fetches and saves: four CSV
// lists (UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese right) and the
// one-page summary report. The model names the files; the runner writes them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace jobfair::dashboard {

enum class ExportKind {
    interviews,
    outcomes_by_enterprise,
    outcomes_by_trade,
    attendance_by_school,
    summary
};

struct ExportSpec {
    ExportKind kind;
    std::string_view name;  // the server's name: "interviews.csv"
    bool csv;
};

std::span<const ExportSpec> export_catalogue();
const ExportSpec& export_spec(ExportKind kind);

// The saved file's name: the server's name with the fair's own date (when it has one: never the
// machine's) and the fair clock "HH:MM" of the export inserted before the extension, so exports
// of the same day do not overwrite each other and those of two fairs do not mix:
// ("interviews.csv", "09:30", "2025-03-14") -> "interviews-2025-03-14-0930.csv";
// without a date "interviews-0930.csv". Without a clock, the server's name (and the date).
std::string export_file_name(std::string_view server_name, std::string_view fair_now,
                             const std::optional<std::string>& fair_date = std::nullopt);

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
bool starts_with_bom(std::string_view body);
// What is written for a CSV: `body` with the byte-order mark in front (once).
std::string csv_with_bom(std::string_view body);

}  // namespace jobfair::dashboard
