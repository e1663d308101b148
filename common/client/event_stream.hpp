// Reads the server's event stream (GET /api/v1/stream) on its own thread and reports what it sees
// through callbacks: opened, each event, lost. It reconnects by itself (every `retry_every`) and
// resumes after the last event id seen (Last-Event-ID). Silence of more than 30 s (the server
// sends a keep-alive every 15 s) counts as a lost connection. Shared by the board and the booth.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/client/sse.hpp"

namespace httplib {
class Client;
}

namespace jobfair::net {

struct EventStreamHandlers {
    // The bearer token to send, or nullopt when there is none yet (tried again later). Called on
    // the stream's thread.
    std::function<std::optional<std::string>()> token;
    std::function<void()> opened;
    std::function<void(const ServerSentEvent&)> event;
    std::function<void()> lost;
    // The server refused the token (401): the owner should get a new one.
    std::function<void()> token_refused;
};

class EventStream {
  public:
    EventStream(std::string server_url, EventStreamHandlers handlers,
                std::chrono::milliseconds retry_every = std::chrono::seconds(2));
    ~EventStream();  // closes the connection and joins the thread
    EventStream(const EventStream&) = delete;
    EventStream& operator=(const EventStream&) = delete;

  private:
    void read_until_stopped(std::stop_token stop);
    void read_once(std::stop_token stop);

    std::string server_url_;
    EventStreamHandlers handlers_;
    std::chrono::milliseconds retry_every_;
    std::optional<std::int64_t> last_event_id_;
    std::mutex client_mutex_;
    httplib::Client* open_client_ = nullptr;  // the connection to close when stopping
    std::jthread reader_;                     // last: starts after everything above
};

}  // namespace jobfair::net
