#include "common/client/event_stream.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <utility>

#include "common/client/transport.hpp"

namespace jobfair::client {

namespace {
// What a refused stream's body may hold: the server's error answer is a few hundred bytes.
constexpr std::size_t kRefusalBodyLimit = 64 * 1024;
}  // namespace

ClientOptions stream_options() {
    ClientOptions options;
    options.connect_timeout = std::chrono::seconds(2);
    options.read_timeout = std::chrono::seconds(30);
    return options;
}

// --- StreamConnection ----------------------------------------------------------------------------

struct StreamConnection::Reading {
    std::mutex mutex;
    httplib::Client* open = nullptr;  // the connection to close on cancel()
    std::atomic<bool> cancelled{false};
};

StreamConnection::StreamConnection(std::string server_url, ClientOptions options)
    : server_url_(std::move(server_url)),
      options_(std::move(options)),
      reading_(std::make_unique<Reading>()) {}

StreamConnection::~StreamConnection() = default;

void StreamConnection::cancel() {
    std::lock_guard lock(reading_->mutex);
    reading_->cancelled = true;
    if (reading_->open) reading_->open->stop();
}

Answer StreamConnection::read(const std::string& token, std::optional<std::int64_t> last_event_id,
                              const std::function<void()>& on_open,
                              const std::function<bool(const ServerSentEvent&)>& on_event) {
    Answer answer;
    httplib::Client http = detail::connect(server_url_, options_);
    {
        std::lock_guard lock(reading_->mutex);
        if (reading_->cancelled) {
            answer.transport_error = "cancelled";
            return answer;
        }
        reading_->open = &http;
    }
    httplib::Headers headers = detail::headers(token);
    if (last_event_id) headers.emplace("Last-Event-ID", std::to_string(*last_event_id));
    SseParser parser;
    const httplib::Result result = http.Get(
        detail::api_path("/stream"), headers,
        [&](const httplib::Response& response) {
            answer.reached = true;
            answer.status = response.status;
            detail::copy_headers(response, answer);
            if (reading_->cancelled) return false;
            if (response.status == 200 && on_open) on_open();
            return true;
        },
        [&](const char* data, std::size_t length) {
            if (answer.status != 200) {  // a refusal: keep its words
                if (answer.body.size() + length > kRefusalBodyLimit) return false;
                answer.body.append(data, length);
                return true;
            }
            for (const ServerSentEvent& event : parser.feed(std::string_view(data, length)))
                if (!on_event(event)) return false;
            return !reading_->cancelled;
        });
    {
        std::lock_guard lock(reading_->mutex);
        reading_->open = nullptr;
    }
    if (!result) answer.transport_error = httplib::to_string(result.error());
    return answer;
}

// --- EventStream ---------------------------------------------------------------------------------

EventStream::EventStream(std::string server_url, EventStreamHandlers handlers,
                         std::chrono::milliseconds retry_every)
    : handlers_(std::move(handlers)),
      retry_every_(retry_every),
      connection_(std::move(server_url)),
      reader_([this](std::stop_token stop) { read_until_stopped(stop); }) {}

EventStream::~EventStream() {
    reader_.request_stop();
    connection_.cancel();
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
    const Answer ended = connection_.read(*token, last_event_id_, handlers_.opened,
                                          [&](const ServerSentEvent& event) {
                                              if (event.id) last_event_id_ = event.id;
                                              handlers_.event(event);
                                              return !stop.stop_requested();
                                          });
    if (ended.status == 401 && handlers_.token_refused) handlers_.token_refused();
    if (!stop.stop_requested()) handlers_.lost();  // ended, failed, or silent too long
}

}  // namespace jobfair::client
