#include "common/client/sse.hpp"

#include <charconv>

namespace jobfair::client {

std::vector<ServerSentEvent> SseParser::feed(std::string_view chunk) {
    std::vector<ServerSentEvent> completed;
    for (const char character : chunk) {
        if (character == '\n') {
            std::string_view text = partial_line_;
            if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
            line(text, completed);
            partial_line_.clear();
        } else {
            partial_line_.push_back(character);
        }
    }
    return completed;
}

void SseParser::line(std::string_view text, std::vector<ServerSentEvent>& completed) {
    if (text.empty()) {  // a blank line ends the event
        if (pending_has_fields_) completed.push_back(std::move(pending_));
        pending_ = {};
        pending_has_fields_ = false;
        return;
    }
    if (text.front() == ':') {
        ++comments_seen_;
        return;
    }
    const std::size_t colon = text.find(':');
    const std::string_view field = text.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? "" : text.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    pending_has_fields_ = true;
    if (field == "id") {
        std::int64_t id = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), id);
        if (error == std::errc() && end == value.data() + value.size()) pending_.id = id;
    } else if (field == "event") {
        pending_.kind = value;
    } else if (field == "data") {
        if (!pending_.data.empty()) pending_.data.push_back('\n');
        pending_.data.append(value);
    }
}

}  // namespace jobfair::client
