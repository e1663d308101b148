#include "kiosk/board/app/options.hpp"

#include <string_view>

namespace jobfair::board::app {

ParsedOptions parse_board_options(int argc, char** argv) {
    BoardOptions options;
    const auto fail = [](std::string problem) { return ParsedOptions{std::nullopt, problem}; };
    for (int index = 1; index < argc; ++index) {
        const std::string_view flag = argv[index];
        if (flag == "--windowed") {
            options.windowed = true;
            continue;
        }
        if (flag == "--no-chime") {
            options.chime = false;
            continue;
        }
        if (index + 1 >= argc) return fail(std::string(flag) + " needs a value or is unknown");
        const std::string value = argv[++index];
        if (flag == "--server") {
            options.server_url = value;
        } else if (flag == "--device-code") {
            options.device_code = value;
        } else if (flag == "--lang") {
            if (value != "vi" && value != "en") return fail("--lang takes vi or en");
            options.language = value == "vi" ? Language::vi : Language::en;
        } else if (flag == "--size") {
            const auto size = ui::parse_window_size(value);
            if (!size) return fail("--size takes WIDTHxHEIGHT, e.g. 1920x1080");
            options.size = *size;
        } else if (flag == "--token-file") {
            options.token_file = value;
        } else if (flag == "--screenshot") {
            options.screenshot = value;
        } else {
            return fail("unknown option " + std::string(flag));
        }
    }
    if (options.server_url.empty()) return fail("--server URL is required");
    if (options.screenshot) {
        options.windowed = true;
        options.chime = false;
    }
    return ParsedOptions{options, {}};
}

}  // namespace jobfair::board::app
