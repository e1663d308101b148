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
    ui::CommandLine line(options);
    line.add_value_to("--booth", options.booth);
    line.add_value_to("--pin", options.pin);
    line.add_value_to("--pin-file", options.pin_file);
    line.add_value_to("--device-code", options.device_code);
    line.add_value_to("--token-file", options.token_file_option);
    line.add_value_to("--screenshot", options.screenshot);
    line.add_value("--script", [&](const std::string& value) -> std::string {
        if (value != "shots") return "--script takes shots";
        options.script = value;
        return "";
    });
    line.add_value_to("--screenshot-dir", options.screenshot_dir);
    line.add_value_to("--wrong-ticket", options.wrong_ticket);
    if (std::string problem = line.parse(argc, argv); !problem.empty()) return fail(problem);
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
