// The command line of jobfair-dashboard:
//   jobfair-dashboard --server URL [--lang vi|en] [--size WxH] [--windowed] [--export-dir DIR]
//                     [--snapshot-file FILE] [--device-code CODE] [--token-file FILE]
//                     [--password-file FILE] [--screenshot-dir DIR [--script all|offline|live]]
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/dashboard/model/dashboard_strings.hpp"
#include "kiosk/ui/command_line.hpp"

namespace jobfair::dashboard::app {

struct DashboardOptions : ui::DisplayFlags {
    std::filesystem::path export_dir = "exports";
    // Unattended runs: the organizer password is read from this file (first line) and sent at once.
    std::optional<std::filesystem::path> password_file;
    // Scripted runs: every screen is visited like a mouse would and saved as
    // DIR/<screen>-<lang>.png.
    std::optional<std::filesystem::path> screenshot_dir;
    std::string script = "all";  // all | offline | live
    // Away from the server's machine the password is taken only from an enrolled organizer
    // console: the organizer's one-time code, exchanged once for a token kept in `token_file`.
    std::string device_code;
    std::optional<std::filesystem::path> token_file;
};

inline constexpr const char* kDashboardUsage =
    "usage: jobfair-dashboard --server URL [--lang vi|en] [--size WxH] [--windowed] "
    "[--export-dir DIR] [--snapshot-file FILE] [--device-code CODE] [--token-file FILE] "
    "[--password-file FILE] [--screenshot-dir DIR "
    "[--script all|offline|live]]";

using ParsedOptions = ui::ParsedOptions<DashboardOptions>;
ParsedOptions parse_dashboard_options(int argc, char** argv);

// The first line of `file` without its line end; throws std::runtime_error naming the file when
// it cannot be read or is empty.
std::string read_password_file(const std::filesystem::path& file);

}  // namespace jobfair::dashboard::app
