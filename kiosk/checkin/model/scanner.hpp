// A USB QR scanner is a keyboard: it types the payload and Enter, on whatever screen is showing
// and with no text field focused. ScanBuffer tells its fast bursts from a person's typing.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace jobfair::checkin {

using KioskClock = std::chrono::steady_clock;
using TimePoint = KioskClock::time_point;

// Scanners type a character every few milliseconds; at 60 frames a second several arrive in one
// frame. People rarely go below 100 ms a key for long, and never for 36 random characters.
inline constexpr std::chrono::milliseconds kScannerMaxGap{80};
// Enter may come later than that after a whole ticket typed at a scanner's speed: only a scanner
// types a ticket-shaped burst, and on a loaded machine (or a scanner with an Enter delay) the
// Enter can lag. A second is still far shorter than anyone walking up and pressing Enter.
inline constexpr std::chrono::milliseconds kScannerEnterGrace{1000};

// The shape of a jobfair ticket (common/ticket.hpp): "JF", then 34 letters or digits, 36 in all;
// lowercase and surrounding spaces allowed. The server checks the signature.
bool looks_like_ticket(std::string_view payload);

class ScanBuffer {
  public:
    explicit ScanBuffer(std::chrono::milliseconds max_gap = kScannerMaxGap) : max_gap_(max_gap) {}

    // A printable character; a pause longer than max_gap before it starts a new burst.
    void push(char32_t key, TimePoint now);
    // Enter: the payload when the burst just typed looks like a ticket and Enter came within
    // kScannerEnterGrace of its last key. The buffer is empty afterwards either way.
    std::optional<std::string> enter(TimePoint now);
    void clear();
    // The end of a drawn frame. Once told, the buffer only counts a pause when a whole frame
    // passed without a key: keys read frame by frame are stamped with their frame's time, and on
    // a busy machine one slow frame puts more than max_gap between two keys of the same scan.
    void frame_ended();

  private:
    std::chrono::milliseconds max_gap_;
    std::string burst_;
    std::optional<TimePoint> last_key_;
    bool frame_aware_ = false;     // frame_ended() has been called
    bool key_this_frame_ = false;  // a key since the last frame_ended()
    int quiet_frames_ = 0;         // frames ended without a key since the last key
    bool paused(TimePoint now) const {
        return last_key_ && now - *last_key_ > max_gap_ && (!frame_aware_ || quiet_frames_ > 0);
    }
};

}  // namespace jobfair::checkin
