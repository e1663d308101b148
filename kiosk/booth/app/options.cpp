#include "kiosk/booth/app/options.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace jobfair::booth::app {

namespace {

// "B07": a letter and digits, as the fair names booths.
bool is_booth_id(std::string_view booth) {
    return booth.size() >= 2 && booth.size() <= 16 &&
           std::isupper(static_cast<unsigned char>(booth[0])) &&
           std::all_of(booth.begin() + 1, booth.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

ParsedOptions parse_booth_options(int argc, char** argv) {
    BoothOptions options;
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
        } else if (flag == "--booth") {
            options.booth = value;
        } else if (flag == "--lang") {
            if (value != "vi" && value != "en") return fail("--lang takes vi or en");
            options.language = value == "vi" ? Language::vi : Language::en;
        } else if (flag == "--size") {
            const auto size = ui::parse_window_size(value);
            if (!size) return fail("--size takes WIDTHxHEIGHT, e.g. 1280x800");
            options.size = *size;
        } else if (flag == "--pin") {
            options.pin = value;
        } else if (flag == "--pin-file") {
            options.pin_file = value;
        } else if (flag == "--screenshot") {
            options.screenshot = value;
        } else if (flag == "--script") {
            if (value != "shots") return fail("--script takes shots");
            options.script = value;
        } else if (flag == "--screenshot-dir") {
            options.screenshot_dir = value;
        } else if (flag == "--wrong-ticket") {
            options.wrong_ticket = value;
        } else {
            return fail("unknown option " + std::string(flag));
        }
    }
    if (options.server_url.empty()) return fail("--server URL is required");
    if (!is_booth_id(options.booth)) return fail("--booth takes a booth id such as B07");
    if (options.screenshot && !options.script.empty())
        return fail("--screenshot and --script exclude each other");
    if (options.screenshot || !options.script.empty()) {
        if (options.pin.size() != 6 || !std::all_of(options.pin.begin(), options.pin.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; }))
            return fail("--screenshot and --script need --pin with the booth's 6 digits");
        options.windowed = true;
    }
    return ParsedOptions{options, {}};
}

}  // namespace jobfair::booth::app
