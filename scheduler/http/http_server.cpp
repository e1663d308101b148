#include "scheduler/http/http_server.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>
#include <thread>
#include <type_traits>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace jobfair::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// %XX decoded; '+' is a space only in a query. A broken escape is kept as it is.
std::string decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
            hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> params;
    while (!query.empty()) {
        const size_t end = std::min(query.find('&'), query.size());
        const std::string_view pair = query.substr(0, end);
        query.remove_prefix(std::min(end + 1, query.size()));
        if (pair.empty()) continue;
        const size_t equals = pair.find('=');
        if (equals == std::string_view::npos) {
            params.emplace_back(decode(pair, true), "");
        } else {
            params.emplace_back(decode(pair.substr(0, equals), true),
                                decode(pair.substr(equals + 1), true));
        }
    }
    return params;
}

Request to_request(bhttp::request<bhttp::string_body>&& message, const std::string& address) {
    Request request;
    request.method = std::string(message.method_string());
    const std::string_view target(message.target().data(), message.target().size());
    const size_t question = target.find('?');
    request.path = decode(target.substr(0, question), false);
    if (question != std::string_view::npos)
        request.params = parse_query(target.substr(question + 1));
    for (const auto& field : message) {
        request.headers.emplace_back(lower(std::string_view(field.name_string())),
                                     std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.remote_addr = address;
    return request;
}

std::string kib(std::size_t bytes) {
    return std::to_string(bytes / 1024) + " KiB";
}

}  // namespace

std::string Request::get_header_value(std::string_view name) const {
    const std::string key = lower(name);
    for (const auto& [field, value] : headers) {
        if (field == key) return value;
    }
    return {};
}

bool Request::has_header(std::string_view name) const {
    const std::string key = lower(name);
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& header) { return header.first == key; });
}

std::string Request::get_param_value(std::string_view name) const {
    for (const auto& [key, value] : params) {
        if (key == name) return value;
    }
    return {};
}

void Response::set_content(std::string content, std::string type) {
    body = std::move(content);
    content_type = std::move(type);
}

void Response::set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
}

std::string_view incident_code(Incident incident) {
    switch (incident) {
        case Incident::body_too_large:
            return "body_too_large";
        case Incident::headers_too_large:
            return "headers_too_large";
        case Incident::headers_too_slow:
            return "headers_too_slow";
        case Incident::body_too_slow:
            return "body_too_slow";
        case Incident::malformed_request:
            return "malformed_request";
        case Incident::too_many_connections:
            return "too_many_connections";
        case Incident::too_many_connections_from_address:
            return "too_many_connections_from_address";
        case Incident::too_many_streams:
            return "too_many_streams";
        case Incident::stream_not_read:
            return "stream_not_read";
    }
    return "unknown";
}

struct Route {
    std::string method;
    std::regex pattern;
    Server::Handler handler;
};

// A stream waiting for news; woken by wake_streams() on the thread that holds it.
struct StreamEntry {
    explicit StreamEntry(asio::io_context& io) : timer(io) {}
    asio::steady_timer timer;
    bool woken = false;
};

// The streams one io_context holds and their wake-ups, merged (Limits::stream_wake_interval).
struct StreamHall {
    explicit StreamHall(asio::io_context& context) : io(context) {}
    asio::io_context& io;
    std::set<StreamEntry*> entries;  // its io_context's thread only
    // Made with the Impl, reset before `io` goes; the entries outlive `io` (its streams end as
    // it is destroyed).
    std::optional<asio::steady_timer> wake_timer;
    std::atomic<bool> wake_pending{false};
    Clock::time_point last_wake{};
};

struct Server::Impl {
    explicit Impl(Limits wanted, std::optional<TlsFiles> tls_files)
        : limits(wanted), pool(static_cast<size_t>(std::max(1, wanted.handler_threads))) {
        if (tls_files) tls.emplace(make_tls_context(*tls_files));
        acceptor.emplace(io);
        network_hall.wake_timer.emplace(io);
        stream_hall.wake_timer.emplace(stream_io);
    }

    ~Impl() {
        stop();
        if (stream_thread.joinable()) stream_thread.join();
        pool.join();  // handlers finish before the application they call goes away
        acceptor.reset();
        network_hall.wake_timer.reset();
        stream_hall.wake_timer.reset();
        // `stream_io` then `io` are destroyed next, with the coroutines still suspended in them.
    }

    static asio::ssl::context make_tls_context(const TlsFiles& files) {
        asio::ssl::context context(asio::ssl::context::tls_server);
        context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                            asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                            asio::ssl::context::no_tlsv1_1);
        boost::system::error_code error;
        context.use_certificate_chain_file(files.certificate.string(), error);
        if (!error)
            context.use_private_key_file(files.private_key.string(), asio::ssl::context::pem,
                                         error);
        if (error) {
            throw std::invalid_argument("cannot use the TLS certificate " +
                                        files.certificate.string() + " with the key " +
                                        files.private_key.string() +
                                        ": both must be readable PEM files that belong together");
        }
        return context;
    }

    void report(Incident incident, const std::string& address) {
        if (!on_incident) return;
        try {
            on_incident(incident, address);
        } catch (...) {
            // The security log must never take the transport down.
        }
    }

    Response refusal(int status, std::string_view code, std::string_view en,
                     std::string_view vi) const {
        Response response;
        if (refusal_writer) {
            refusal_writer(response, status, code, en, vi);
        } else {
            response.set_content(std::string(en), "text/plain; charset=utf-8");
        }
        response.status = status;
        return response;
    }

    Response dispatch(Request& request) {
        bool path_known = false;
        for (const Route& route : routes) {
            std::smatch match;
            if (!std::regex_match(request.path, match, route.pattern)) continue;
            path_known = true;
            if (route.method != request.method) continue;
            for (const auto& part : match)
                request.matches.push_back(part.str());
            Response response;
            try {
                route.handler(request, response);
            } catch (...) {
                response = Response{};
                if (on_exception) {
                    on_exception(request, response, std::current_exception());
                } else {
                    response = refusal(500, "internal", "internal error", "Lỗi máy chủ");
                }
            }
            if (response.status == -1 && (response.stream || !response.body.empty())) {
                response.status = 200;
            } else if (response.status == -1) {
                response =
                    refusal(500, "no_answer", "the server gave no answer", "Máy chủ không trả lời");
            }
            return response;
        }
        if (path_known) {
            return refusal(405, "method_not_allowed",
                           "this endpoint does not take " + request.method + "; see docs/api.md",
                           "Địa chỉ này không nhận phương thức " + request.method);
        }
        return refusal(404, "no_such_endpoint", "no such endpoint or method; see docs/api.md",
                       "Không có địa chỉ này");
    }

    // A coroutine of its own, not a lambda: its request lives in its own frame.
    awaitable<Response> handle(Request request) { co_return dispatch(request); }

    // --- connections

    struct ConnectionSlot {
        ConnectionSlot(Impl& owner, std::string at) : impl(owner), address(std::move(at)) {
            ++impl.connections;
            ++impl.per_address[address];
        }
        ~ConnectionSlot() {
            --impl.connections;
            if (--impl.per_address[address] <= 0) impl.per_address.erase(address);
        }
        Impl& impl;
        std::string address;
    };

    // Refused before any coroutine: one try to say why, then closed.
    void refuse_connection(tcp::socket& socket, int status, std::string_view code,
                           std::string_view en, std::string_view vi) {
        const Response response = refusal(status, code, en, vi);
        const std::string text = "HTTP/1.1 " + std::to_string(status) +
                                 " Refused\r\nContent-Type: " + response.content_type +
                                 "\r\nConnection: close\r\nRetry-After: 5\r\nContent-Length: " +
                                 std::to_string(response.body.size()) + "\r\n\r\n" + response.body;
        boost::system::error_code ignored;
        socket.non_blocking(true, ignored);
        socket.write_some(asio::buffer(text), ignored);
        socket.close(ignored);
    }

    awaitable<void> accept_loop() {
        asio::steady_timer pause(io);
        for (;;) {
            auto [error, socket] = co_await acceptor->async_accept(kTuple);
            if (stopping) co_return;
            if (error == asio::error::operation_aborted) co_return;
            if (error) {
                // Out of descriptors: let the open connections finish rather than spin.
                pause.expires_after(std::chrono::milliseconds(100));
                co_await pause.async_wait(kTuple);
                continue;
            }
            boost::system::error_code no_address;
            const auto endpoint = socket.remote_endpoint(no_address);
            if (no_address) continue;
            std::string address = endpoint.address().to_string();
            if (connections >= limits.max_connections) {
                report(Incident::too_many_connections, address);
                refuse_connection(socket, 503, "too_many_connections",
                                  "the server has too many connections open; try again in a "
                                  "moment",
                                  "Máy chủ đang có quá nhiều kết nối; hãy thử lại sau giây lát");
                continue;
            }
            if (const auto it = per_address.find(address);
                it != per_address.end() && it->second >= limits.max_connections_per_address) {
                report(Incident::too_many_connections_from_address, address);
                refuse_connection(socket, 429, "too_many_connections_from_address",
                                  "too many connections from this address",
                                  "Quá nhiều kết nối từ địa chỉ này");
                continue;
            }
            asio::co_spawn(io, connection(std::move(socket), std::move(address)), asio::detached);
        }
    }

    awaitable<void> connection(tcp::socket socket, std::string address) {
        ConnectionSlot slot(*this, address);
        try {
            boost::system::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            beast::tcp_stream plain(std::move(socket));
            if (tls) {
                beast::ssl_stream<beast::tcp_stream> secure(std::move(plain), *tls);
                secure.next_layer().expires_after(limits.header_timeout);
                auto [error] =
                    co_await secure.async_handshake(asio::ssl::stream_base::server, kTuple);
                if (error == beast::error::timeout) report(Incident::headers_too_slow, address);
                if (error) co_return;
                co_await serve(secure, address);
                secure.next_layer().expires_after(std::chrono::seconds(1));
                co_await secure.async_shutdown(kTuple);
            } else {
                co_await serve(plain, address);
                plain.socket().shutdown(tcp::socket::shutdown_send, ignored);
            }
        } catch (const std::exception& failure) {
            std::fprintf(stderr, "connection from %s ended: %s\n", address.c_str(), failure.what());
        }
    }

    template <class Stream>
    awaitable<void> refuse_and_close(Stream& stream, unsigned version, Response response) {
        bhttp::response<bhttp::string_body> answer{static_cast<bhttp::status>(response.status),
                                                   version};
        answer.set(bhttp::field::content_type, response.content_type);
        answer.body() = std::move(response.body);
        answer.keep_alive(false);
        answer.prepare_payload();
        auto& lowest = beast::get_lowest_layer(stream);
        lowest.expires_after(std::chrono::seconds(5));
        if (auto [error, bytes] = co_await bhttp::async_write(stream, answer, kTuple); error) {
            co_return;
        }
        // Closing with the client's body still unread would reset the connection and lose the
        // answer on its way: read and drop what is still coming, for a second at most.
        boost::system::error_code ignored;
        lowest.socket().shutdown(tcp::socket::shutdown_send, ignored);
        lowest.expires_after(std::chrono::seconds(1));
        std::array<char, 4096> sink;
        for (std::size_t drained = 0; drained < 1024 * 1024;) {
            auto [error, bytes] = co_await lowest.async_read_some(asio::buffer(sink), kTuple);
            if (error) break;
            drained += bytes;
        }
    }

    Response too_large() const {
        return refusal(413, "too_large",
                       "the request body is larger than " + kib(limits.max_body_bytes),
                       "Nội dung yêu cầu lớn hơn " + kib(limits.max_body_bytes));
    }

    template <class Stream>
    awaitable<void> serve(Stream& stream, const std::string& address) {
        beast::flat_buffer buffer;
        auto& lowest = beast::get_lowest_layer(stream);
        for (;;) {
            if (buffer.size() == 0) {
                // Between requests a kiosk may keep its connection for a while.
                lowest.expires_after(limits.idle_timeout);
                auto [error, bytes] = co_await stream.async_read_some(buffer.prepare(4096), kTuple);
                if (error) co_return;
                buffer.commit(bytes);
            }
            bhttp::request_parser<bhttp::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
            parser.body_limit(limits.max_body_bytes);
            lowest.expires_after(limits.header_timeout);
            {
                auto [error, bytes] =
                    co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
                if (error == beast::error::timeout) {
                    report(Incident::headers_too_slow, address);
                    co_return;
                }
                if (error == bhttp::error::header_limit) {
                    report(Incident::headers_too_large, address);
                    co_await refuse_and_close(
                        stream, 11,
                        refusal(
                            431, "headers_too_large",
                            "the request headers are larger than " + kib(limits.max_header_bytes),
                            "Phần đầu yêu cầu lớn hơn " + kib(limits.max_header_bytes)));
                    co_return;
                }
                if (error == bhttp::error::body_limit) {  // Content-Length says too much
                    report(Incident::body_too_large, address);
                    co_await refuse_and_close(stream, 11, too_large());
                    co_return;
                }
                // A client that hangs up halfway through its head gave up; it did not attack.
                if (error == bhttp::error::partial_message ||
                    error == bhttp::error::end_of_stream || error == asio::error::eof ||
                    error == asio::error::connection_reset) {
                    co_return;
                }
                if (error) {
                    report(Incident::malformed_request, address);
                    co_await refuse_and_close(
                        stream, 11,
                        refusal(400, "malformed_request", "the request is not well-formed HTTP",
                                "Yêu cầu HTTP không hợp lệ"));
                    co_return;
                }
            }
            const unsigned version = parser.get().version();
            if (const auto length = parser.content_length();
                length && *length > limits.max_body_bytes) {
                report(Incident::body_too_large, address);
                co_await refuse_and_close(stream, version, too_large());
                co_return;
            }
            if (!parser.is_done()) {
                if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
                    bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, version};
                    co_await bhttp::async_write(stream, go_on, kTuple);
                }
                lowest.expires_after(limits.body_timeout);
                auto [error, bytes] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
                if (error == bhttp::error::body_limit) {
                    report(Incident::body_too_large, address);
                    co_await refuse_and_close(stream, version, too_large());
                    co_return;
                }
                if (error == beast::error::timeout) {
                    report(Incident::body_too_slow, address);
                    co_return;
                }
                if (error) {
                    report(Incident::malformed_request, address);
                    co_await refuse_and_close(
                        stream, version,
                        refusal(400, "malformed_request", "the request body is not well-formed",
                                "Nội dung yêu cầu không hợp lệ"));
                    co_return;
                }
            }
            lowest.expires_never();
            const bool keep_alive = parser.get().keep_alive();
            Request request = to_request(parser.release(), address);
            // The application may block (a check-in waits for the database): off this thread.
            Response response =
                co_await asio::co_spawn(pool, handle(std::move(request)), asio::use_awaitable);
            if (response.stream) {
                if (streams >= limits.max_streams) {
                    report(Incident::too_many_streams, address);
                    co_await refuse_and_close(
                        stream, version,
                        refusal(503, "too_many_streams",
                                "too many event streams are open; try again in a moment",
                                "Có quá nhiều luồng sự kiện đang mở; hãy thử lại sau"));
                    co_return;
                }
                if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
                    // To the streams' own thread, so their writes never delay a check-in's answer
                    // on this one; this coroutine (and the connection's count) waits for the end.
                    boost::system::error_code error;
                    const auto protocol = stream.socket().local_endpoint(error).protocol();
                    const auto handle = error ? -1 : stream.socket().release(error);
                    if (error) co_return;
                    co_await asio::co_spawn(
                        stream_io,
                        moved_stream(protocol, handle, std::move(response), version, address),
                        asio::use_awaitable);
                } else {
                    co_await stream_events(stream, network_hall, std::move(response), version,
                                           address);
                }
                co_return;
            }
            bhttp::response<bhttp::string_body> answer{static_cast<bhttp::status>(response.status),
                                                       version};
            if (!response.content_type.empty()) {
                answer.set(bhttp::field::content_type, response.content_type);
            }
            for (const auto& [name, value] : response.headers)
                answer.set(name, value);
            answer.body() = std::move(response.body);
            answer.keep_alive(keep_alive && !stopping);
            answer.prepare_payload();
            lowest.expires_after(limits.write_timeout);
            auto [error, bytes] = co_await bhttp::async_write(stream, answer, kTuple);
            if (error || !answer.keep_alive()) co_return;
        }
    }

    // --- event streams

    struct StreamSlot {
        StreamSlot(Impl& owner, StreamHall& in, StreamEntry& stream)
            : impl(owner), hall(in), entry(stream) {
            ++impl.streams;
            hall.entries.insert(&entry);
        }
        ~StreamSlot() {
            --impl.streams;
            hall.entries.erase(&entry);
        }
        Impl& impl;
        StreamHall& hall;
        StreamEntry& entry;
    };

    // Runs on `stream_io`, with the connection's socket released by the network thread (nothing
    // was pending on it there), so that thread never waits behind the stream's writes.
    awaitable<void> moved_stream(tcp protocol, tcp::socket::native_handle_type handle,
                                 Response response, unsigned version, std::string address) {
        tcp::socket socket(stream_io);
        boost::system::error_code error;
        socket.assign(protocol, handle, error);
        if (error) {
            ::close(handle);
            co_return;
        }
        beast::tcp_stream stream(std::move(socket));
        co_await stream_events(stream, stream_hall, std::move(response), version, address);
        boost::system::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }

    template <class Stream>
    awaitable<void> stream_events(Stream& stream, StreamHall& hall, Response response,
                                  unsigned version, const std::string& address) {
        StreamEntry entry(hall.io);
        StreamSlot slot(*this, hall, entry);
        auto& lowest = beast::get_lowest_layer(stream);
        boost::system::error_code ignored;
        // A client that stops reading fills a small buffer, not megabytes of the server's memory.
        lowest.socket().set_option(
            asio::socket_base::send_buffer_size(limits.stream_send_buffer_bytes), ignored);

        bhttp::response<bhttp::empty_body> head{bhttp::status::ok, version};
        head.set(bhttp::field::content_type, "text/event-stream");
        head.set(bhttp::field::cache_control, "no-cache");
        for (const auto& [name, value] : response.headers)
            head.set(name, value);
        head.chunked(true);
        bhttp::response_serializer<bhttp::empty_body> serializer{head};
        lowest.expires_after(limits.write_timeout);
        if (auto [error, bytes] = co_await bhttp::async_write_header(stream, serializer, kTuple);
            error) {
            co_return;
        }
        auto last_write = Clock::now();
        for (;;) {
            entry.woken = false;
            std::optional<SharedText> text;
            try {
                if (!stopping) text = response.stream->next();
            } catch (const std::exception& failure) {
                std::fprintf(stderr, "event stream ended: %s\n", failure.what());
            }
            if (!text) break;
            const bool nothing_new = !*text || (*text)->empty();
            if (nothing_new && Clock::now() - last_write >= limits.keep_alive_interval) {
                *text = keep_alive_text;
            }
            if (*text && !(*text)->empty()) {
                // The shared text is only read: held by this frame until the write is done.
                lowest.expires_after(limits.write_timeout);
                auto [error, bytes] = co_await asio::async_write(
                    stream, bhttp::make_chunk(asio::buffer(**text)), kTuple);
                if (error == beast::error::timeout) report(Incident::stream_not_read, address);
                if (error) co_return;
                last_write = Clock::now();
            }
            if (entry.woken) continue;
            entry.timer.expires_at(last_write + limits.keep_alive_interval);
            co_await entry.timer.async_wait(kTuple);
        }
        // The source ended it: the last chunk, and the connection closes.
        lowest.expires_after(std::chrono::seconds(1));
        co_await asio::async_write(stream, bhttp::make_chunk_last(), kTuple);
    }

    void wake_streams() {
        wake(network_hall);
        wake(stream_hall);
    }

    void wake(StreamHall& hall) {
        if (hall.wake_pending.exchange(true)) return;
        asio::post(hall.io, [this, &hall] {
            // Thousands of streams: wake them less often, so each wake carries more events and
            // the writes do not starve the handlers (2,000 streams: every 100 ms).
            const auto interval = std::max<std::chrono::milliseconds>(
                limits.stream_wake_interval,
                std::chrono::milliseconds(static_cast<long>(hall.entries.size() / 20)));
            const auto due = hall.last_wake + interval;
            if (Clock::now() >= due) return wake_now(hall);
            hall.wake_timer->expires_at(due);
            hall.wake_timer->async_wait([this, &hall](const boost::system::error_code& error) {
                if (!error) wake_now(hall);
            });
        });
    }

    static void wake_now(StreamHall& hall) {
        hall.wake_pending = false;  // news after this point needs a wake of its own
        hall.last_wake = Clock::now();
        for (StreamEntry* entry : hall.entries) {
            entry->woken = true;
            entry->timer.cancel();
        }
    }

    // --- lifecycle

    // Each connection holds a descriptor: the soft limit (often 1,024) would refuse the 1,025th.
    void raise_open_file_limit() {
        const rlim_t wanted = static_cast<rlim_t>(limits.max_connections) + 256;
        rlimit current{};
        if (getrlimit(RLIMIT_NOFILE, &current) != 0) return;
        if (current.rlim_cur < wanted) {
            rlimit raised = current;
            raised.rlim_cur = std::min(wanted, current.rlim_max);
            if (setrlimit(RLIMIT_NOFILE, &raised) == 0) current = raised;
        }
        if (current.rlim_cur < wanted) {
            const int room = static_cast<int>(current.rlim_cur) - 256;
            limits.max_connections = std::max(16, room);
            limits.max_streams = std::min(limits.max_streams, limits.max_connections);
            std::fprintf(stderr,
                         "Giới hạn tệp mở của hệ thống chỉ cho %d kết nối / the open-file limit "
                         "(%llu) allows only %d connections; raise it with `ulimit -n`\n",
                         limits.max_connections, static_cast<unsigned long long>(current.rlim_cur),
                         limits.max_connections);
        }
    }

    bool bind(const std::string& host, int wanted_port) {
        raise_open_file_limit();
        try {
            boost::system::error_code error;
            asio::ip::address address = asio::ip::make_address(host, error);
            if (error) {
                tcp::resolver resolver(io);
                const auto found = resolver.resolve(host, std::to_string(wanted_port));
                if (found.empty()) return false;
                address = found.begin()->endpoint().address();
            }
            const tcp::endpoint endpoint(address, static_cast<unsigned short>(wanted_port));
            acceptor->open(endpoint.protocol());
            acceptor->set_option(asio::socket_base::reuse_address(true));
            acceptor->bind(endpoint);
            acceptor->listen(asio::socket_base::max_listen_connections);
            port = acceptor->local_endpoint().port();
            return true;
        } catch (const boost::system::system_error&) {
            boost::system::error_code ignored;
            acceptor->close(ignored);
            return false;
        }
    }

    void run() {
        if (stopping) return;
        running = true;
        stream_thread = std::thread([this] {
            // Lower priority than the network thread and the handlers (0: the same). Lowering a
            // thread's own priority needs no privilege; if refused, the streams run as they are.
            if (limits.stream_thread_nice > 0) {
                setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()),
                            std::min(limits.stream_thread_nice, 19));
            }
            const auto work = asio::make_work_guard(stream_io);
            stream_io.run();
        });
        asio::co_spawn(io, accept_loop(), asio::detached);
        io.run();
        stream_io.stop();
        stream_thread.join();
        running = false;
    }

    void stop() {
        stopping = true;
        io.stop();
        stream_io.stop();
    }

    Limits limits;
    std::optional<asio::ssl::context> tls;
    std::vector<Route> routes;
    ExceptionHandler on_exception;
    RefusalWriter refusal_writer;
    IncidentHandler on_incident;
    int port = 0;
    const SharedText keep_alive_text = std::make_shared<const std::string>(": keep-alive\n\n");
    std::atomic<bool> running{false};
    std::atomic<bool> stopping{false};
    std::atomic<int> connections{0};
    std::atomic<int> streams{0};
    // Network thread only.
    std::map<std::string, int> per_address;

    asio::thread_pool pool;
    std::optional<tcp::acceptor> acceptor;
    std::thread stream_thread;  // runs `stream_io`, started by run()
    // Before the io_contexts, so they outlive them (only references are taken here).
    StreamHall network_hall{io};        // TLS streams, on the network thread
    StreamHall stream_hall{stream_io};  // plain streams, on the streams' thread
    // Last, so they go first: their suspended coroutines still use the members above. The
    // streams' goes first of all: each of its streams holds a connection's coroutine that waits
    // in `io`.
    asio::io_context io{1};
    asio::io_context stream_io{1};
};

Server::Server(Limits limits, std::optional<TlsFiles> tls)
    : impl_(std::make_unique<Impl>(limits, std::move(tls))) {}

Server::~Server() = default;

void Server::route(std::string method, const std::string& path_pattern, Handler handler) {
    impl_->routes.push_back(Route{std::move(method), std::regex(path_pattern), std::move(handler)});
}

void Server::set_exception_handler(ExceptionHandler handler) {
    impl_->on_exception = std::move(handler);
}

void Server::set_refusal_writer(RefusalWriter writer) {
    impl_->refusal_writer = std::move(writer);
}

void Server::set_incident_handler(IncidentHandler handler) {
    impl_->on_incident = std::move(handler);
}

bool Server::bind(const std::string& host, int port) {
    return impl_->bind(host, port);
}

int Server::port() const {
    return impl_->port;
}

void Server::run() {
    impl_->run();
}

void Server::stop() {
    impl_->stop();
}

bool Server::is_running() const {
    return impl_->running;
}

void Server::wake_streams() {
    impl_->wake_streams();
}

Counts Server::counts() const {
    return Counts{impl_->connections, impl_->streams};
}

const Limits& Server::limits() const {
    return impl_->limits;
}

}  // namespace jobfair::http
