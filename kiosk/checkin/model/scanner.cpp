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
    if (key < 0x20 || key > 0x7E) {
        clear();
        return;
    }
    if (keys_.size() == kLongestBurst) {  // keep the latest: a scan is at the end
        keys_.erase(keys_.begin());
        typed_at_.erase(typed_at_.begin());
    }
    keys_ += static_cast<char>(key);
    typed_at_.push_back(now);
}

std::optional<std::string> ScanBuffer::enter(TimePoint now) {
    std::optional<std::string> payload;
    // The ticket is the last kTicketPayloadLength keys before any trailing spaces.
    size_t end = keys_.size();
    while (end > 0 && (keys_[end - 1] == ' ' || keys_[end - 1] == '\t'))
        --end;
    if (end >= kTicketPayloadLength) {
        const size_t begin = end - kTicketPayloadLength;
        const std::string_view tail = std::string_view(keys_).substr(begin, kTicketPayloadLength);
        const auto typed_in = typed_at_[end - 1] - typed_at_[begin];
        const bool scanner_pace = typed_in <= kScannerMaxGap * int(kTicketPayloadLength);
        const bool enter_soon = now - typed_at_.back() <= kScannerEnterGrace;
        if (looks_like_ticket(tail) && scanner_pace && enter_soon) payload = std::string(tail);
    }
    clear();
    return payload;
}

void ScanBuffer::clear() {
    keys_.clear();
    typed_at_.clear();
}

}  // namespace jobfair::checkin
