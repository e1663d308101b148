// A USB QR scanner is a keyboard: it types the payload and Enter, on whatever screen is showing
// and with no text field focused. ScanBuffer tells its fast bursts from a person's typing.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobfair::checkin {

using KioskClock = std::chrono::steady_clock;
using TimePoint = KioskClock::time_point;

// Scanners type a character every few milliseconds; at 60 frames a second several arrive in one
// frame. People rarely go below 100 ms a key for long, and never for 36 random characters. The
// rule is on the whole ticket, not on each gap: a scanner (or the program typing for it) can stall
// for a moment mid-ticket on a busy machine, and that stall must not lose the scan.
inline constexpr std::chrono::milliseconds kScannerMaxGap{80};  // on average, per key
// Enter may come later than that after a whole ticket typed at a scanner's speed: only a scanner
// types a ticket-shaped burst, and on a loaded machine (or a scanner with an Enter delay) the
// Enter can lag. A second is still far shorter than anyone walking up and pressing Enter.
inline constexpr std::chrono::milliseconds kScannerEnterGrace{1000};

// The shape of a jobfair ticket (common/ticket.hpp): "JF", then 34 letters or digits, 36 in all;
// lowercase and surrounding spaces allowed. The server checks the signature.
bool looks_like_ticket(std::string_view payload);

class ScanBuffer {
  public:
    // A key; a key that cannot be part of a ticket (not printable ASCII) empties the buffer.
    void push(char32_t key, TimePoint now);
    // Enter: the payload when the last keys typed are ticket-shaped, were typed at a scanner's
    // pace (36 keys within 36 x kScannerMaxGap, whatever came before them and however the time
    // fell between them) and Enter came within kScannerEnterGrace of the last. The buffer is empty
    // afterwards either way.
    std::optional<std::string> enter(TimePoint now);
    void clear();

  private:
    std::string keys_;                 // the latest printable keys, at most kLongestBurst
    std::vector<TimePoint> typed_at_;  // when each of them came (its frame's time)
};

}  // namespace jobfair::checkin
