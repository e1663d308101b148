// Wall-clock instants as the store and the API write them: ISO-8601 UTC with milliseconds,
// "2025-03-14T01:30:00.000Z".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace jobfair {

std::string iso_utc(std::chrono::system_clock::time_point time);

// Reads YYYY-MM-DDTHH:MM:SS[.mmm]Z; nullopt for anything else or an impossible date.
std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view text);

}  // namespace jobfair
