// A small client for the fair server's JSON API (docs/api.md), shared by the ImGui programs that
// speak to it with a bearer token: the booth station and the organizer dashboard. Each call opens
// its own connection, so any thread may call it; short timeouts (connect 2 s, read 5 s) keep a
// dead server from holding a worker for long. Paths are below /api/v1.
#pragma once

#include <optional>
#include <string>

#include "common/protocol.hpp"

namespace jobfair::net {

struct ApiAnswer {
    bool reached = false;  // false: no HTTP answer at all (server down, timeout)
    int status = 0;
    std::string body;
    std::string content_type;

    bool ok() const { return reached && status >= 200 && status < 300; }
    // The server's error body (code, message, message_vi) when it sent one.
    std::optional<protocol::ErrorAnswer> error() const;
    // The server's own words in the wanted language when it sent them, else a short generic line.
    std::string problem(bool vietnamese) const;
};

class ApiClient {
  public:
    explicit ApiClient(std::string server_url);

    ApiAnswer get(const std::string& path, const std::optional<std::string>& token) const;
    ApiAnswer post(const std::string& path, const std::string& json_body,
                   const std::optional<std::string>& token) const;
    ApiAnswer remove(const std::string& path, const std::optional<std::string>& token) const;

    const std::string& server_url() const { return server_url_; }

  private:
    std::string server_url_;
};

}  // namespace jobfair::net
