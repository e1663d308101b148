#include "common/client/event_stream.hpp"

#include <httplib.h>

#include <condition_variable>
#include <utility>

namespace jobfair::net {

namespace {
constexpr time_t kConnectTimeoutSeconds = 2;
constexpr time_t kSilenceLimitSeconds = 30;  // two keep-alives missed
}  // namespace

EventStream::EventStream(std::string server_url, EventStreamHandlers handlers,
                         std::chrono::milliseconds retry_every)
    : server_url_(std::move(server_url)),
      handlers_(std::move(handlers)),
      retry_every_(retry_every),
      reader_([this](std::stop_token stop) { read_until_stopped(stop); }) {}

EventStream::~EventStream() {
    reader_.request_stop();
    std::lock_guard lock(client_mutex_);
    if (open_client_) open_client_->stop();
}

void EventStream::read_until_stopped(std::stop_token stop) {
    std::mutex sleep_mutex;
    std::condition_variable_any sleeper;
    while (!stop.stop_requested()) {
        read_once(stop);
        std::unique_lock lock(sleep_mutex);
        sleeper.wait_for(lock, stop, retry_every_, [] { return false; });
    }
}

void EventStream::read_once(std::stop_token stop) {
    const std::optional<std::string> token = handlers_.token();
    if (!token) {
        handlers_.lost();
        return;
    }
    httplib::Client client(server_url_);
    client.set_connection_timeout(kConnectTimeoutSeconds, 0);
    client.set_read_timeout(kSilenceLimitSeconds, 0);
    {
        std::lock_guard lock(client_mutex_);
        if (stop.stop_requested()) return;
        open_client_ = &client;
    }
    httplib::Headers headers{{"Authorization", "Bearer " + *token}};
    if (last_event_id_) headers.emplace("Last-Event-ID", std::to_string(*last_event_id_));
    SseParser parser;
    bool opened = false;
    int status = 0;
    client.Get(
        "/api/v1/stream", headers,
        [&](const httplib::Response& response) {
            status = response.status;
            if (response.status != 200) return false;
            opened = true;
            handlers_.opened();
            return true;
        },
        [&](const char* data, size_t length) {
            for (const ServerSentEvent& event : parser.feed(std::string_view(data, length))) {
                if (event.id) last_event_id_ = event.id;
                handlers_.event(event);
            }
            return !stop.stop_requested();
        });
    {
        std::lock_guard lock(client_mutex_);
        open_client_ = nullptr;
    }
    if (status == 401 && handlers_.token_refused) handlers_.token_refused();
    if (!stop.stop_requested()) handlers_.lost();  // ended, failed, or silent too long
}

}  // namespace jobfair::net
