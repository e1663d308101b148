#include "kiosk/app/options.hpp"

#include <string_view>

namespace jobfair::kiosk::app {

ParsedOptions parse_kiosk_options(int argc, char** argv) {
    KioskOptions options;
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
        } else if (flag == "--device-code") {
            options.device_code = value;
        } else if (flag == "--lang") {
            if (value != "vi" && value != "en") return fail("--lang takes vi or en");
            options.language = value == "vi" ? Language::vi : Language::en;
        } else if (flag == "--size") {
            const auto size = ui::parse_window_size(value);
            if (!size) return fail("--size takes WIDTHxHEIGHT, e.g. 1080x1920");
            options.size = *size;
        } else if (flag == "--outbox") {
            options.outbox_file = value;
        } else if (flag == "--printer") {
            options.printer = value;
        } else if (flag == "--screenshot-dir") {
            options.screenshot_dir = value;
        } else if (flag == "--script") {
            options.script = value;
        } else if (flag == "--ticket") {
            options.ticket = value;
        } else {
            return fail("unknown option " + std::string(flag));
        }
    }
    if (options.server_url.empty()) return fail("--server URL is required");
    if (options.screenshot_dir.has_value() != !options.script.empty())
        return fail("--screenshot-dir and --script go together");
    if (!options.script.empty() && options.script != "all" && options.script != "e2e" &&
        options.script != "offline" && options.script != "bench")
        return fail("--script takes all, e2e, offline or bench");
    if (options.screenshot_dir) options.windowed = true;
    return ParsedOptions{options, {}};
}

}  // namespace jobfair::kiosk::app
