// The board's side of the fair server's API through the shared client: enrolment with the
// organizer's one-time device code (the token is kept in a file readable only by its owner, so a
// restart needs no new code) and GET /api/v1/calls/recent. Thread-safe: the fetch worker and the
// event stream's thread both use it. Short timeouts: connect 2 s, read 5 s.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/client/api_client.hpp"
#include "kiosk/board/model/board.hpp"

namespace jobfair::board::app {

struct BoardServer {
    std::string url;          // "http://127.0.0.1:8080"
    std::string device_code;  // may be empty once a token is stored
    std::filesystem::path token_file;
};

class BoardClient {
  public:
    explicit BoardClient(BoardServer server);

    // The token, enrolling first when there is none; nullopt when the server is unreachable or
    // refused the code (see problem()).
    std::optional<std::string> token();
    // The server refused `token`: forget it (the stored device code may give a new one).
    void token_refused();
    // The last ten calls, newest first, and the fair clock; nullopt when the server cannot be
    // reached or refuses.
    std::optional<RecentCalls> recent_calls();
    // The fair's name, date, venue, day's end and clock (GET /hello, sent with the token so the
    // board counts as seen); nullopt when unreachable.
    std::optional<intent::ClockHeard> hello();

    const std::string& server_url() const { return api_.server_url(); }
    // Why the board has no token or no calls, in words for the log; empty when all is well.
    std::string problem() const;

  private:
    std::optional<std::string> enrol_locked();

    BoardServer server_;
    client::ApiClient api_;  // connect 2 s, read 5 s
    mutable std::mutex mutex_;
    std::optional<std::string> token_;
    bool device_code_used_ = false;
    std::string problem_;
};

}  // namespace jobfair::board::app
