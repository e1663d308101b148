// The fair server's HTTP/1.1 transport on Boost.Beast and Asio: one network thread that holds
// every connection without a thread each, one that writes the event streams, a pool of handler
// threads for the application, and a limit on everything an unauthenticated client can hold
// (docs/security.md). It knows nothing of the fair: routes are regular expressions over the path,
// as before.
#pragma once

#include <chrono>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jobfair::http {

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string path;    // percent-decoded, without the query
    std::string remote_addr;
    std::string body;
    std::vector<std::string> matches;                          // [0]: the path; then the captures
    std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
    std::vector<std::pair<std::string, std::string>> params;   // the query, decoded

    std::string get_header_value(std::string_view name) const;
    bool has_header(std::string_view name) const;
    std::string get_param_value(std::string_view name) const;
};

// Text that many streams send as it is: written once, shared, never copied per stream.
using SharedText = std::shared_ptr<const std::string>;

// What a route hands over to be sent as server-sent events. Called on the thread that holds the
// streams each time they are woken (Server::wake_streams) and at least every keep-alive interval.
class EventSource {
  public:
    virtual ~EventSource() = default;
    // The text to send now (null or empty when nothing is new), or nothing to end the stream (the
    // token that opened it has ended, the server is stopping). Must not block. Streams that are
    // at the same point should be handed the same text: the transport only reads it.
    virtual std::optional<SharedText> next() = 0;
};

struct Response {
    int status = -1;  // -1: not answered yet
    std::string body;
    std::string content_type;
    std::vector<std::pair<std::string, std::string>> headers;
    // Set: the answer is a text/event-stream that lives until the source ends it.
    std::shared_ptr<EventSource> stream;

    void set_content(std::string content, std::string type);
    void set_header(std::string name, std::string value);
};

// Everything a client can hold, bounded. The defaults suit one venue: ~30 booths, a few dozen
// kiosks, boards and dashboards, and students' phones on the same Wi-Fi.
struct Limits {
    std::size_t max_body_bytes = 64 * 1024;  // chunked or not
    std::size_t max_header_bytes = 8 * 1024;
    // A request's head must arrive whole within this time of its first byte: a client that sends
    // it a byte at a time holds a connection, never a thread, and not for long.
    std::chrono::milliseconds header_timeout{10'000};
    std::chrono::milliseconds body_timeout{20'000};
    std::chrono::milliseconds idle_timeout{60'000};  // keep-alive between requests
    std::chrono::milliseconds write_timeout{20'000};
    int max_connections = 4'000;
    int max_connections_per_address = 64;
    int max_streams = 4'000;
    // A stream whose client stops reading fills this much of the kernel's buffer, then has
    // write_timeout to drain before it is closed.
    int stream_send_buffer_bytes = 64 * 1024;
    std::chrono::milliseconds keep_alive_interval{15'000};
    // Wake-ups of the streams closer together than this are merged: with thousands of streams
    // open, each event must not cost a write per stream.
    std::chrono::milliseconds stream_wake_interval{25};
    int handler_threads = 16;
    // Plain-HTTP event streams are written by a thread of their own, at this nice value (0 to
    // 19): with thousands open, their writes wait for the check-ins' requests and answers, not
    // the other way round. A dashboard learns of a check-in some milliseconds later; the kiosk's
    // answer does not wait. (TLS streams stay on the network thread.)
    int stream_thread_nice = 5;
};

// A request refused by the transport itself, for the security log.
enum class Incident {
    body_too_large,
    headers_too_large,
    headers_too_slow,
    body_too_slow,
    malformed_request,
    too_many_connections,
    too_many_connections_from_address,
    too_many_streams,
    stream_not_read,
};
std::string_view incident_code(Incident incident);

struct TlsFiles {
    std::filesystem::path certificate;  // PEM chain
    std::filesystem::path private_key;  // PEM
};

struct Counts {
    int connections = 0;
    int streams = 0;
};

class Server {
  public:
    using Handler = std::function<void(const Request&, Response&)>;
    using ExceptionHandler = std::function<void(const Request&, Response&, std::exception_ptr)>;
    using IncidentHandler = std::function<void(Incident, const std::string& remote_addr)>;
    // Writes a refusal in the application's format (a JSON error in Vietnamese and English).
    using RefusalWriter =
        std::function<void(Response&, int status, std::string_view code,
                           std::string_view message_en, std::string_view message_vi)>;

    // Throws std::invalid_argument when the TLS files cannot be used.
    explicit Server(Limits limits = {}, std::optional<TlsFiles> tls = std::nullopt);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // `path_pattern` must match the whole decoded path (std::regex, ECMAScript).
    void route(std::string method, const std::string& path_pattern, Handler handler);
    void Get(const std::string& pattern, Handler handler) { route("GET", pattern, handler); }
    void Post(const std::string& pattern, Handler handler) { route("POST", pattern, handler); }
    void Delete(const std::string& pattern, Handler handler) { route("DELETE", pattern, handler); }

    void set_exception_handler(ExceptionHandler handler);
    // The server's own refusals (no route, too large, malformed, too many) are written by it.
    void set_refusal_writer(RefusalWriter writer);
    // Called on the network thread or the streams' thread: must be quick, must not block, and
    // must be safe to call from both.
    void set_incident_handler(IncidentHandler handler);

    // Binds to host:port (0: any free port) and raises the open-file limit for max_connections;
    // false when the address cannot be used.
    bool bind(const std::string& host, int port);
    int port() const;
    // Serves until stop(); call after bind().
    void run();
    void stop();
    bool is_running() const;
    // Thread-safe: every stream asks its source for new text soon (merged, see Limits).
    void wake_streams();
    Counts counts() const;
    const Limits& limits() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace jobfair::http
