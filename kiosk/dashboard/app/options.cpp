#include "kiosk/dashboard/app/options.hpp"

#include <fstream>
#include <stdexcept>
#include <string_view>

namespace jobfair::dashboard::app {

ParsedOptions parse_dashboard_options(int argc, char** argv) {
    DashboardOptions options;
    const auto fail = [](std::string problem) { return ParsedOptions{std::nullopt, problem}; };
    for (int index = 1; index < argc; ++index) {
        const std::string_view flag = argv[index];
        if (flag == "--windowed") {
            options.windowed = true;
            continue;
        }
        if (index + 1 >= argc) return fail(std::string(flag) + " needs a value or is unknown");
        const std::string value = argv[++index];
        if (flag == "--server") {
            options.server_url = value;
        } else if (flag == "--lang") {
            if (value != "vi" && value != "en") return fail("--lang takes vi or en");
            options.language = value == "vi" ? Language::vi : Language::en;
        } else if (flag == "--size") {
            const auto size = ui::parse_window_size(value);
            if (!size) return fail("--size takes WIDTHxHEIGHT, e.g. 1920x1080");
            options.size = *size;
        } else if (flag == "--export-dir") {
            options.export_dir = value;
        } else if (flag == "--password-file") {
            options.password_file = value;
        } else if (flag == "--screenshot-dir") {
            options.screenshot_dir = value;
        } else if (flag == "--script") {
            if (value != "all" && value != "offline" && value != "live")
                return fail("--script takes all, offline or live");
            options.script = value;
        } else {
            return fail("unknown option " + std::string(flag));
        }
    }
    if (options.server_url.empty()) return fail("--server URL is required");
    if (options.server_url.find("://") == std::string::npos)
        options.server_url = "http://" + options.server_url;
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
