// The command line of jobfair-board:
//   jobfair-board --server URL --device-code CODE [--lang vi|en] [--size WxH] [--windowed]
//                 [--snapshot-file FILE] [--token-file FILE] [--screenshot FILE] [--no-chime]
//                 [--no-voice]
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/board/model/board_strings.hpp"
#include "kiosk/ui/command_line.hpp"

namespace jobfair::board::app {

struct BoardOptions : ui::DisplayFlags {
    std::string device_code;  // may be left out once the board holds a token
    bool chime = true;
    bool voice = true;  // calls said aloud (espeak-ng); the board's switch turns it off and on
    std::filesystem::path token_file = "jobfair-board.token";
    std::optional<std::filesystem::path> screenshot;  // render, save, print frame figures, exit
};

inline constexpr const char* kBoardUsage =
    "usage: jobfair-board --server URL --device-code CODE [--lang vi|en] [--size WxH] "
    "[--windowed] [--snapshot-file FILE] [--token-file FILE] [--no-chime] [--no-voice] "
    "[--screenshot FILE]";

using ParsedOptions = ui::ParsedOptions<BoardOptions>;
ParsedOptions parse_board_options(int argc, char** argv);

}  // namespace jobfair::board::app
