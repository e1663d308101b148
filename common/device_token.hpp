// The bearer token a kiosk or board received at enrolment, kept in a small file so a restart
// needs no new enrolment code. The token is the device's password: the file is owner-only.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace jobfair {

// The saved token, or nothing when the file is missing or empty.
std::optional<std::string> read_device_token(const std::filesystem::path& file);
// Writes the token (mode 0600); false when the file cannot be written.
bool write_device_token(const std::filesystem::path& file, const std::string& token);

}  // namespace jobfair
