// A USB QR scanner is a keyboard: it types the payload and Enter, on whatever screen is showing
// and with no text field focused. ScanBuffer tells its fast bursts from a person's typing.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace jobfair::kiosk {

using KioskClock = std::chrono::steady_clock;
using TimePoint = KioskClock::time_point;

// Scanners type a character every few milliseconds; at 60 frames a second several arrive in one
// frame. People rarely go below 100 ms a key for long, and never for 36 random characters.
inline constexpr std::chrono::milliseconds kScannerMaxGap{80};

// The shape of a jobfair ticket (common/ticket.hpp): "JF", then 34 letters or digits, 36 in all;
// lowercase and surrounding spaces allowed. The server checks the signature.
bool looks_like_ticket(std::string_view payload);

class ScanBuffer {
  public:
    explicit ScanBuffer(std::chrono::milliseconds max_gap = kScannerMaxGap) : max_gap_(max_gap) {}

    // A printable character; a pause longer than max_gap before it starts a new burst.
    void push(char32_t key, TimePoint now);
    // Enter: the payload when the burst just typed (and Enter itself, fast) looks like a ticket.
    // The buffer is empty afterwards either way.
    std::optional<std::string> enter(TimePoint now);
    void clear();

  private:
    std::chrono::milliseconds max_gap_;
    std::string burst_;
    std::optional<TimePoint> last_key_;
};

}  // namespace jobfair::kiosk
