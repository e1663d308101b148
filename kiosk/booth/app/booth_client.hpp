// The booth station's side of the fair server's API (docs/api.md sections 3, 4 and 6, and
// POST /booths/{b}/take-walk-in): each call is one blocking HTTP exchange through client::ApiClient
// and comes back as the Intent the model expects. It holds the booth-staff token between login
// and logout. Thread-safe: the runner's worker and the event stream's thread both use it.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "common/client/api_client.hpp"
#include "kiosk/booth/model/booth.hpp"

namespace jobfair::booth::app {

class BoothClient {
  public:
    BoothClient(std::string server_url, std::string booth);

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
    client::ApiClient api_;
    std::string booth_;
    mutable std::mutex mutex_;
    std::optional<std::string> token_;
};

// The model's view of an HTTP answer: unreachable, ok, or refused with the server's words (or
// the string table's, when the server sent none).
Outcome outcome_of(const client::Answer& answer);

}  // namespace jobfair::booth::app
