// A device's own token (a booth station, an organizer console): read from its file, else
// exchanged once for the organizer's one-time device code and saved there (0600), so a restart
// needs no new code. The answer must be for the expected role (and booth): a code meant for
// another device is refused here, not used. Thread-safe.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "common/client/api_client.hpp"

namespace jobfair::client {

struct EnrolmentSettings {
    std::string device_code;  // may be empty once a token is stored
    std::filesystem::path token_file;
    std::string role;                  // "booth_station", "organizer_console"
    std::optional<std::string> booth;  // booth stations: their booth
};

// Why there is no token: nothing reached the server, the server refused (its words), or the
// device has no token and no unused code ("not_enrolled"), or the code was for another device
// ("wrong_device").
struct EnrolmentProblem {
    bool reached = false;
    std::string code;
    std::string message_en;
    std::string message_vi;
};

class DeviceEnrolment {
  public:
    explicit DeviceEnrolment(EnrolmentSettings settings);

    // The token, enrolling first when there is none; otherwise the problem.
    std::optional<std::string> token(const ApiClient& api);
    const EnrolmentProblem& problem() const { return problem_; }
    // The server no longer knows the token (revoked): forget it; a new code is needed.
    void forget();
    bool configured() const { return !settings_.device_code.empty() || token_.has_value(); }

  private:
    EnrolmentSettings settings_;
    mutable std::mutex mutex_;
    std::optional<std::string> token_;
    bool code_used_ = false;
    EnrolmentProblem problem_;
};

}  // namespace jobfair::client
