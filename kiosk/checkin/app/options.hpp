// The command line of jobfair-kiosk:
//   jobfair-kiosk --server URL --device-code CODE [--lang vi|en] [--windowed] [--size WxH]
//                 [--snapshot-file FILE]
//                 [--outbox FILE] [--printer NAME]
//                 [--screenshot-dir DIR --script all|e2e|offline|bench [--ticket PAYLOAD]]
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/checkin/model/strings.hpp"
#include "kiosk/ui/command_line.hpp"

namespace jobfair::checkin::app {

struct KioskOptions : ui::DisplayFlags {
    KioskOptions() { size = {1080, 1920}; }  // a portrait touchscreen
    std::string device_code;                 // may be left out once the kiosk holds a token
    std::filesystem::path outbox_file = "jobfair-kiosk-outbox.db";
    std::optional<std::string> printer;
    std::optional<std::filesystem::path> screenshot_dir;  // with `script`: a scripted run
    std::string script;  // "all", "e2e", "offline" or "bench" (kiosk/checkin/app/script.hpp)
    std::string ticket;  // a ticket payload the script scans

    // The enrolled device's bearer token lives next to the outbox.
    std::filesystem::path token_file() const {
        std::filesystem::path file = outbox_file;
        file += ".token";
        return file;
    }
};

inline constexpr const char* kKioskUsage =
    "usage: jobfair-kiosk --server URL --device-code CODE [--lang vi|en] [--windowed] "
    "[--size WxH] [--snapshot-file FILE] [--outbox FILE] [--printer NAME] [--screenshot-dir DIR "
    "--script "
    "all|e2e|offline|bench [--ticket PAYLOAD]]";

using ParsedOptions = ui::ParsedOptions<KioskOptions>;
ParsedOptions parse_kiosk_options(int argc, char** argv);

}  // namespace jobfair::checkin::app
