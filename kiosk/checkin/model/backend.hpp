// What the kiosk needs from the fair server, as an interface the app implements over HTTP (off
// the UI thread) and tests implement with fakes. Each call answers with a BackendResult: it
// converts to true on success and otherwise says what went wrong, like cpp-httplib's Result.
#pragma once

#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/protocol.hpp"

namespace jobfair::checkin {

enum class BackendError {
    unreachable,  // no answer: network down, server stopped, timeout
    refused,      // the server answered with an ErrorAnswer (4xx/5xx)
    unexpected,   // an answer the kiosk cannot read
};

std::string_view to_string(BackendError error);  // "unreachable", "refused", "unexpected"

template <class T>
class BackendResult {
  public:
    static BackendResult ok(T value) { return BackendResult(std::move(value)); }
    static BackendResult failed(BackendError error) { return BackendResult(Failure{error, {}}); }
    static BackendResult refused(protocol::ErrorAnswer answer) {
        return BackendResult(Failure{BackendError::refused, std::move(answer)});
    }

    explicit operator bool() const { return std::holds_alternative<T>(state_); }
    const T& value() const {
        if (!*this) throw std::logic_error("BackendResult::value() on a failed call");
        return std::get<T>(state_);
    }
    const T& operator*() const { return value(); }
    const T* operator->() const { return &value(); }
    BackendError error() const {
        if (*this) throw std::logic_error("BackendResult::error() on a successful call");
        return std::get<Failure>(state_).error;
    }
    // The server's own words when it refused; nothing otherwise.
    const std::optional<protocol::ErrorAnswer>& server_error() const {
        static const std::optional<protocol::ErrorAnswer> kNone;
        return *this ? kNone : std::get<Failure>(state_).answer;
    }

  private:
    struct Failure {
        BackendError error;
        std::optional<protocol::ErrorAnswer> answer;
    };
    explicit BackendResult(T value) : state_(std::move(value)) {}
    explicit BackendResult(Failure failure) : state_(std::move(failure)) {}
    std::variant<T, Failure> state_;
};

class KioskBackend {
  public:
    virtual ~KioskBackend() = default;
    virtual BackendResult<protocol::Hello> hello() = 0;
    virtual BackendResult<std::vector<protocol::EnterpriseCard>> enterprises() = 0;
    // Both send the idempotency key as the Idempotency-Key header: a retry never creates a second
    // check-in or registration.
    virtual BackendResult<protocol::CheckInAnswer> check_in(const protocol::TicketCheckIn& request,
                                                            std::string_view idempotency_key) = 0;
    virtual BackendResult<protocol::CheckInAnswer> register_walk_in(
        const protocol::WalkInRegistration& request, std::string_view idempotency_key) = 0;
    // POST /check-ins/add-booth: a checked-in student takes a free booth; a fresh answer.
    virtual BackendResult<protocol::CheckInAnswer> add_booth(const protocol::AddBooth& request,
                                                             std::string_view idempotency_key) = 0;
};

}  // namespace jobfair::checkin
