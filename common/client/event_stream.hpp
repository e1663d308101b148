// The server's event stream (GET /api/v1/stream, docs/api.md section 9), read two ways:
//
// - StreamConnection: one connection, read until it ends. Each event is handed over as soon as
//   its chunk arrives; cancel() from another thread ends the reading promptly. The load bench and
//   the tests read streams this way.
// - EventStream: a reader thread for the GUI programs (board, booth, dashboard) that reports what
//   it sees through callbacks (opened, each event, lost), reconnects by itself every
//   `retry_every` and resumes after the last event id seen (Last-Event-ID).
//
// Silence longer than the read timeout (30 s by default: the server sends a keep-alive every
// 15 s) counts as a lost connection.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "common/client/api_client.hpp"
#include "common/client/sse.hpp"

namespace jobfair::client {

// Connect 2 s; 30 s of silence (two keep-alives missed) ends the stream.
ClientOptions stream_options();

class StreamConnection {
  public:
    explicit StreamConnection(std::string server_url, ClientOptions options = stream_options());
    ~StreamConnection();
    StreamConnection(const StreamConnection&) = delete;
    StreamConnection& operator=(const StreamConnection&) = delete;

    // Opens the stream with `token`, resuming after `last_event_id` when given, and blocks until
    // it ends: the server closes it, it falls silent, `on_event` returns false, or cancel().
    // `on_open` (may be empty) is called once the server has answered 200. The answer tells how
    // it ended: its status (200 for a stream that was open), a refusal's body, or the
    // transport's words.
    Answer read(const std::string& token, std::optional<std::int64_t> last_event_id,
                const std::function<void()>& on_open,
                const std::function<bool(const ServerSentEvent&)>& on_event);
    // Any thread: ends the read under way, and every later one at once.
    void cancel();

  private:
    struct Reading;  // the connection being read, for cancel()

    std::string server_url_;
    ClientOptions options_;
    std::unique_ptr<Reading> reading_;
};

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

    EventStreamHandlers handlers_;
    std::chrono::milliseconds retry_every_;
    std::optional<std::int64_t> last_event_id_;
    StreamConnection connection_;
    std::jthread reader_;  // last: starts after everything above
};

}  // namespace jobfair::client
