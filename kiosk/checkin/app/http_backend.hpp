// The kiosk's KioskBackend against the fair server, through the shared client.
//
// A kiosk enrols once: the organizer's one-time device code is exchanged for a bearer token
// (POST /api/v1/auth/enrol), which is kept in a small file next to the outbox so a restart needs
// no new code. Every call uses short timeouts (connect 2 s, read 10 s): a kiosk must tell the
// student quickly that it is offline rather than hang.
//
// Not thread-safe: the EffectRunner's worker thread is its only user.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/client/api_client.hpp"
#include "kiosk/checkin/model/backend.hpp"

namespace jobfair::checkin::app {

struct ServerAddress {
    std::string url;          // "http://127.0.0.1:8080"
    std::string device_code;  // one-time enrolment code; may be empty once a token is stored
    std::filesystem::path token_file;
};

class HttpBackend : public KioskBackend {
  public:
    explicit HttpBackend(ServerAddress address);

    BackendResult<protocol::Hello> hello() override;
    BackendResult<std::vector<protocol::EnterpriseCard>> enterprises() override;
    BackendResult<protocol::CheckInAnswer> check_in(const protocol::TicketCheckIn& request,
                                                    std::string_view idempotency_key) override;
    BackendResult<protocol::CheckInAnswer> register_walk_in(
        const protocol::WalkInRegistration& request, std::string_view idempotency_key) override;
    BackendResult<protocol::CheckInAnswer> add_booth(const protocol::AddBooth& request,
                                                     std::string_view idempotency_key) override;

    // Why the kiosk has no token, in words for the log ("the device code was refused: ...").
    const std::optional<std::string>& enrolment_problem() const { return enrolment_problem_; }

  private:
    client::Answer exchange(std::string_view method, std::string_view path, const std::string& body,
                            std::string_view idempotency_key, bool authorised);
    // A call that needs the token: enrols first when there is none, and enrols again once when a
    // stored token is refused but an unused device code is at hand.
    client::Answer authorised_call(std::string_view method, std::string_view path,
                                   const std::string& body, std::string_view idempotency_key = {});
    bool enrol();

    ServerAddress address_;
    client::ApiClient api_;
    std::optional<std::string> token_;
    bool device_code_used_ = false;
    std::optional<std::string> enrolment_problem_;
};

}  // namespace jobfair::checkin::app
