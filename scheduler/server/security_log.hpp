// What looks like an attack, counted for the event log and the dashboard: refusals by the
// transport (oversize, slow, malformed, too many), wrong PINs and passwords, lockouts, refused
// tickets, revoked tokens. Thread-safe and quick to record, so the network thread can use it.
// A flood must not flood the database: each kind and address is written at most once a minute,
// with how many times it happened since.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace jobfair {

class SecurityLog {
  public:
    using Clock = std::chrono::steady_clock;

    struct Entry {
        std::string kind;     // "wrong_pin", "body_too_large", ...
        std::string address;  // the client's network address
        std::string device;   // the device or user, when known
        int count = 0;        // times since the last entry of this kind and address
    };

    // How many recent incidents of a kind, for the dashboard.
    struct Recent {
        std::string kind;
        int count = 0;      // in the last `recent_window`
        int addresses = 0;  // from this many addresses
    };

    explicit SecurityLog(std::chrono::seconds write_every = std::chrono::seconds(60),
                         std::chrono::seconds recent_window = std::chrono::minutes(10));

    void record(std::string_view kind, std::string_view address, std::string_view device = {},
                Clock::time_point now = Clock::now());
    // The entries due for the event log now (each kind and address at most once per
    // `write_every`); the rest keep counting.
    std::vector<Entry> take_due(Clock::time_point now = Clock::now());
    // Every kind seen in the recent window, most frequent first.
    std::vector<Recent> recent(Clock::time_point now = Clock::now()) const;

  private:
    struct Pending {
        std::string device;
        int count = 0;
        Clock::time_point last_written{};
        bool ever_written = false;
    };
    const std::chrono::seconds write_every_;
    const std::chrono::seconds recent_window_;
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, std::string>, Pending> pending_;  // by kind and address
    // Recent incidents, oldest first: (when, kind, address); trimmed to the window and a cap.
    std::vector<std::tuple<Clock::time_point, std::string, std::string>> history_;
};

}  // namespace jobfair
