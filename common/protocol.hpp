// The wire protocol between the fair server and its clients (kiosks, booth stations, the
// dashboard, the board). Both sides include this file, so a change shows on both.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/store.hpp"

namespace jobfair::protocol {

// Bumped on any change a client must know about; clients check it at connect time
// (GET /api/v1/hello) and show a mismatch to the user instead of guessing.
inline constexpr int kVersion = 1;
inline constexpr std::string_view kApiPrefix = "/api/v1";

// Largest request body the server reads; anything larger is refused with 413.
inline constexpr size_t kMaxRequestBytes = 64 * 1024;

nlohmann::json to_json(const StoredInterview& interview);
nlohmann::json to_json(const EventRecord& event);

// {"error": {"code": "...", "message": "..."}}: code for programs, message for people.
nlohmann::json error_body(std::string_view code, std::string_view message);

}  // namespace jobfair::protocol
