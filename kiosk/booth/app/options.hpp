// The command line of jobfair-booth:
//   jobfair-booth --server URL --booth B07 [--device-code CODE] [--token-file FILE]
//                 [--lang vi|en] [--size WxH] [--windowed] [--snapshot-file FILE] [--pin-file FILE]
//                 [--screenshot FILE --pin PIN]
//                 [--script shots --screenshot-dir DIR --pin PIN [--wrong-ticket PAYLOAD]]
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/booth/model/booth_strings.hpp"
#include "kiosk/ui/command_line.hpp"

namespace jobfair::booth::app {

struct BoothOptions : ui::DisplayFlags {
    std::string booth;  // "B07"
    // Headless runs (both imply --windowed): log in with `pin`, then either render the booth,
    // measure frames, save one picture and exit (--screenshot), or run a script (--script).
    std::string pin;
    std::optional<std::filesystem::path> screenshot;
    std::string script;  // "shots"
    std::filesystem::path screenshot_dir = "shots";
    std::string wrong_ticket;  // another student's ticket payload, for the mismatch warning
    // Unattended stations (the demo): the PIN is read from this file and entered at start, as
    // if typed; staff log out and in again on the PIN pad as usual.
    std::optional<std::filesystem::path> pin_file;
    // The station's enrolment (docs/security.md): an organizer's one-time code for a booth
    // station of this booth, exchanged once for a token kept in `token_file` (0600).
    std::string device_code;
    std::optional<std::filesystem::path> token_file_option;
    std::filesystem::path token_file() const {
        return token_file_option.value_or("jobfair-booth-" + booth + ".token");
    }
};

inline constexpr const char* kBoothUsage =
    "usage: jobfair-booth --server URL --booth B07 [--device-code CODE] [--token-file FILE]\n"
    "                     [--lang vi|en] [--size WxH] [--windowed]\n"
    "                     [--snapshot-file FILE] [--pin-file FILE]\n"
    "                     [--screenshot FILE --pin PIN]\n"
    "                     [--script shots --screenshot-dir DIR --pin PIN [--wrong-ticket "
    "PAYLOAD]]";

using ParsedOptions = ui::ParsedOptions<BoothOptions>;
ParsedOptions parse_booth_options(int argc, char** argv);

}  // namespace jobfair::booth::app
