// The booth station's side of the fair server's API (docs/api.md sections 3, 4 and 6, and
// POST /booths/{b}/take-walk-in): each call is one blocking HTTP exchange through client::ApiClient
// and comes back as the Intent the model expects. It holds the booth-staff token between login
// and logout. The station itself is enrolled once by an organizer's device code (role
// booth_station): the server takes the booth's PIN only with the station's token, kept in a file
// readable only by its owner. Thread-safe: the runner's worker and the event stream's thread
// both use it.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "common/client/api_client.hpp"
#include "common/client/device_enrolment.hpp"
#include "kiosk/booth/model/booth.hpp"

namespace jobfair::booth::app {

// Where the station's own token comes from: the file, or else the one-time device code.
struct StationEnrolment {
    std::string device_code;  // may be empty once a token is stored
    std::filesystem::path token_file;
};

class BoothClient {
  public:
    BoothClient(std::string server_url, std::string booth, StationEnrolment station);

    intent::HelloAnswered hello() const;
    intent::LoginAnswered log_in(const std::string& pin);
    // Forgets the token; with `tell_server`, revokes it on the server first (best effort).
    void log_out(bool tell_server);
    intent::QueueAnswered queue() const;
    intent::ActionAnswered act(const effect::PostAction& action) const;
    intent::VerifyAnswered verify(const effect::VerifyTicket& verify) const;

    std::optional<std::string> token() const;
    const std::string& server_url() const { return api_.server_url(); }
    const std::string& booth() const { return booth_; }

  private:
    // The station's token, enrolling with the device code first when there is none; otherwise
    // the outcome that says why not.
    std::variant<std::string, Outcome> station_token();

    client::ApiClient api_;
    std::string booth_;
    client::DeviceEnrolment station_;
    mutable std::mutex mutex_;
    std::optional<std::string> token_;
};

// The model's view of an HTTP answer: unreachable, ok, or refused with the server's words (or
// the string table's, when the server sent none).
Outcome outcome_of(const client::Answer& answer);

}  // namespace jobfair::booth::app
