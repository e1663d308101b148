// A parser for server-sent events (GET /api/v1/stream, docs/api.md section 9): it is fed the
// chunks of the text/event-stream as they arrive and hands out whole events. Keep-alive comments
// (": keep-alive") count as signs of life but are not events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobfair::client {

struct ServerSentEvent {
    std::optional<std::int64_t> id;  // the "id:" line: the event log's id
    std::string kind;                // the "event:" line, e.g. "interview.called"
    std::string data;                // the "data:" lines joined by '\n' (one JSON object here)
};

class SseParser {
  public:
    // Parses `chunk` (any split, even mid-line) and returns the events it completed.
    std::vector<ServerSentEvent> feed(std::string_view chunk);
    // Comment lines seen so far (the server's keep-alives).
    int comments_seen() const { return comments_seen_; }

  private:
    void line(std::string_view text, std::vector<ServerSentEvent>& completed);

    std::string partial_line_;
    ServerSentEvent pending_;
    bool pending_has_fields_ = false;
    int comments_seen_ = 0;
};

}  // namespace jobfair::client
