#include "kiosk/checkin/model/scanner.hpp"

#include "common/ticket.hpp"

namespace jobfair::checkin {

namespace {
constexpr std::size_t kLongestBurst = 128;  // more is not a scanner line; stop growing

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}
bool is_alphanumeric(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
}  // namespace

bool looks_like_ticket(std::string_view payload) {
    payload = trim(payload);
    if (payload.size() != kTicketPayloadLength) return false;
    if ((payload[0] != 'J' && payload[0] != 'j') || (payload[1] != 'F' && payload[1] != 'f'))
        return false;
    for (char c : payload)
        if (!is_alphanumeric(c)) return false;
    return true;
}

void ScanBuffer::push(char32_t key, TimePoint now) {
    if (paused(now)) burst_.clear();
    last_key_ = now;
    key_this_frame_ = true;
    quiet_frames_ = 0;
    // Tickets are ASCII; anything else cannot be part of one and ends the burst.
    if (key < 0x20 || key > 0x7E) {
        burst_.clear();
        return;
    }
    if (burst_.size() < kLongestBurst) burst_ += static_cast<char>(key);
}

std::optional<std::string> ScanBuffer::enter(TimePoint now) {
    // The burst's own keys were fast (push() starts a new burst on every pause), so a whole ticket
    // in it is a scan; Enter itself only has to follow soon.
    const bool soon = last_key_ && now - *last_key_ <= kScannerEnterGrace;
    std::optional<std::string> payload;
    if (soon && looks_like_ticket(burst_)) payload = std::string(trim(burst_));
    clear();
    return payload;
}

void ScanBuffer::clear() {
    burst_.clear();
    last_key_.reset();
}

void ScanBuffer::frame_ended() {
    frame_aware_ = true;
    if (!key_this_frame_) ++quiet_frames_;
    key_this_frame_ = false;
}

}  // namespace jobfair::checkin
