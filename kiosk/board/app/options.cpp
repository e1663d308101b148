#include "kiosk/board/app/options.hpp"

#include <string_view>

namespace jobfair::board::app {

ParsedOptions parse_board_options(int argc, char** argv) {
    BoardOptions options;
    const auto fail = [](std::string problem) { return ParsedOptions{std::nullopt, problem}; };
    ui::CommandLine line(options);
    line.add_switch("--no-chime", [&] { options.chime = false; });
    line.add_switch("--no-voice", [&] { options.voice = false; });
    line.add_value_to("--device-code", options.device_code);
    line.add_value_to("--token-file", options.token_file);
    line.add_value_to("--screenshot", options.screenshot);
    if (std::string problem = line.parse(argc, argv); !problem.empty()) return fail(problem);
    if (options.screenshot) {  // a picture plays no sound (the voice switch shows the flag)
        options.windowed = true;
        options.chime = false;
    }
    return ParsedOptions{options, {}};
}

}  // namespace jobfair::board::app
