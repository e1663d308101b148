#include "kiosk/dashboard/model/exports.hpp"

#include <array>
#include <stdexcept>

#include "common/fair_date.hpp"

namespace jobfair::dashboard {

namespace {

constexpr std::array<ExportSpec, 5> kExports{{
    {ExportKind::interviews, "interviews.csv", true},
    {ExportKind::outcomes_by_enterprise, "outcomes-by-enterprise.csv", true},
    {ExportKind::outcomes_by_trade, "outcomes-by-trade.csv", true},
    {ExportKind::attendance_by_school, "attendance-by-school.csv", true},
    {ExportKind::summary, "summary.html", false},
}};

}  // namespace

std::span<const ExportSpec> export_catalogue() {
    return kExports;
}

const ExportSpec& export_spec(ExportKind kind) {
    for (const ExportSpec& spec : kExports)
        if (spec.kind == kind) return spec;
    throw std::logic_error("an export kind missing from the catalogue");
}

std::string export_file_name(std::string_view server_name, std::string_view fair_now,
                             const std::optional<std::string>& fair_date) {
    std::string clock;
    for (const char character : fair_now)
        if (character >= '0' && character <= '9') clock.push_back(character);
    std::string stamp;
    if (fair_date && parse_iso_date(*fair_date)) stamp = *fair_date;
    if (clock.size() == 4) stamp += (stamp.empty() ? "" : "-") + clock;
    if (stamp.empty()) return std::string(server_name);
    const std::size_t dot = server_name.rfind('.');
    if (dot == std::string_view::npos) return std::string(server_name) + "-" + stamp;
    return std::string(server_name.substr(0, dot)) + "-" + stamp +
           std::string(server_name.substr(dot));
}

bool starts_with_bom(std::string_view body) {
    return body.starts_with(kUtf8Bom);
}

std::string csv_with_bom(std::string_view body) {
    if (starts_with_bom(body)) return std::string(body);
    return std::string(kUtf8Bom) + std::string(body);
}

}  // namespace jobfair::dashboard
