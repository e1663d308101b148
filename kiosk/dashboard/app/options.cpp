#include "kiosk/dashboard/app/options.hpp"

#include <fstream>
#include <stdexcept>
#include <string_view>

namespace jobfair::dashboard::app {

ParsedOptions parse_dashboard_options(int argc, char** argv) {
    DashboardOptions options;
    const auto fail = [](std::string problem) { return ParsedOptions{std::nullopt, problem}; };
    ui::CommandLine line(options);
    line.add_value_to("--export-dir", options.export_dir);
    line.add_value_to("--password-file", options.password_file);
    line.add_value_to("--screenshot-dir", options.screenshot_dir);
    line.add_value_to("--device-code", options.device_code);
    line.add_value_to("--token-file", options.token_file);
    line.add_value("--script", [&](const std::string& value) -> std::string {
        if (value != "all" && value != "offline" && value != "live")
            return "--script takes all, offline or live";
        options.script = value;
        return "";
    });
    if (std::string problem = line.parse(argc, argv); !problem.empty()) return fail(problem);
    if (options.server_url.find("://") == std::string::npos)
        options.server_url = "http://" + options.server_url;
    if (!options.device_code.empty() && !options.token_file)
        options.token_file = "jobfair-dashboard.token";
    if (options.screenshot_dir) {
        options.windowed = true;
        if (!options.password_file) return fail("--screenshot-dir needs --password-file");
    }
    return ParsedOptions{options, {}};
}

std::string read_password_file(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line))
        throw std::runtime_error("cannot read the password file " + file.string());
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    if (line.empty()) throw std::runtime_error("the password file " + file.string() + " is empty");
    return line;
}

}  // namespace jobfair::dashboard::app
