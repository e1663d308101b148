#include "kiosk/checkin/app/options.hpp"

#include <string_view>

namespace jobfair::checkin::app {

ParsedOptions parse_kiosk_options(int argc, char** argv) {
    KioskOptions options;
    const auto fail = [](std::string problem) { return ParsedOptions{std::nullopt, problem}; };
    ui::CommandLine line(options);
    line.add_value_to("--device-code", options.device_code);
    line.add_value_to("--outbox", options.outbox_file);
    line.add_value_to("--printer", options.printer);
    line.add_value_to("--screenshot-dir", options.screenshot_dir);
    line.add_value_to("--script", options.script);
    line.add_value_to("--ticket", options.ticket);
    if (std::string problem = line.parse(argc, argv); !problem.empty()) return fail(problem);
    if (options.screenshot_dir.has_value() != !options.script.empty())
        return fail("--screenshot-dir and --script go together");
    if (!options.script.empty() && options.script != "all" && options.script != "e2e" &&
        options.script != "offline" && options.script != "bench" && options.script != "picks" &&
        options.script != "other" && options.script != "other_none")
        return fail("--script takes all, e2e, offline, picks, other, other_none or bench");
    if (options.screenshot_dir) options.windowed = true;
    return ParsedOptions{options, {}};
}

}  // namespace jobfair::checkin::app
