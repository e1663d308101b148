// Load benchmark of the fair server (issue 4, "Load"): on loopback, 10 kiosks check in every
// pre-registered student in a burst while 30 booth streams and 2 dashboard streams are open.
// Prints check-in latency, event delivery latency and throughput against the issue's targets.
// Run by scripts/load.sh (3 runs, medians); never by ctest.
//
//   load_server [--kiosks 10] [--booth-streams 30] [--dashboard-streams 2] [--timeout 120]
//               [--db-dir DIR] [--summary-line]
//   load_server --server http://127.0.0.1:8080 --password P     (an external `jobfair serve
//   --demo`)
//
// In-process (the default) it starts the real FairServer on port 0 over a fresh temporary SQLite
// file holding the demo fair, a SteerableClock standing at 08:00, and default access settings
// (real password hashing: logging in happens before the measured burst, so it costs setup only).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "common/client/api_client.hpp"
#include "common/client/event_stream.hpp"
#include "common/demo_generator.hpp"
#include "common/store.hpp"
#include "common/ticket.hpp"
#include "scheduler/server/fair_server.hpp"

using namespace jobfair;
using nlohmann::json;
using SteadyTime = std::chrono::steady_clock::time_point;

namespace {

constexpr double kCheckInP99TargetMs = 50.0;
constexpr double kDeliveryP99TargetMs = 100.0;
// After the burst, how long streams may take to receive the last events before we count the
// missing ones as lost.
constexpr auto kDeliverySettleTime = std::chrono::seconds(10);

struct LoadOptions {
    std::string server_url;  // empty: start the server in-process
    std::string password;
    int kiosks = 10;
    int booth_streams = 30;
    int dashboard_streams = 2;
    // Extra streams held open through the burst (boards, phones), read by one thread: what
    // thousands of open streams cost the check-ins.
    int idle_streams = 0;
    // Whose token the extra streams use: "organizer" (every event in full, the worst case) or
    // "board" (every event in outline, what a hall screen or a phone's page holds).
    std::string idle_role = "organizer";
    // Connections from 127.0.0.2, .3, ... (at most 60 per address, under the server's 64) that
    // send their request head a byte a second through the burst, reconnecting when the server
    // closes them (10 s per head): the slow-header attack of issue 15, within the limits.
    int slow_header_flood = 0;
    int timeout_seconds = 120;
    std::string db_dir;  // in-process database folder; default: the system's temp folder
    bool summary_line = false;
    // On, like the kiosk programs (client::ClientOptions::tcp_nodelay): off, a request waits for
    // the server's delayed ACK (about 40 ms).
    bool client_nodelay = true;
};

double milliseconds_between(SteadyTime from, SteadyTime to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// Nearest-rank percentile of unsorted values; 0 when there are none.
double percentile(std::vector<double> values, double fraction) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<size_t>(std::ceil(fraction * double(values.size())));
    return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

// --- Aborting a run that hangs -----------------------------------------------------------------

// Ends the process with a clear message when the run outlives its limit: a hung server or
// client must not block a benchmark script forever. Removes the temporary database first.
class Watchdog {
  public:
    Watchdog(std::chrono::seconds limit, std::filesystem::path cleanup)
        : cleanup_(std::move(cleanup)), thread_([this, limit] { watch(limit); }) {}
    ~Watchdog() {
        {
            std::lock_guard lock(mutex_);
            finished_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    void stage(const char* name) { stage_.store(name); }

  private:
    void watch(std::chrono::seconds limit) {
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, limit, [this] { return finished_; })) return;
        std::fprintf(stderr, "load_server: ABORTED after %lld s (--timeout) during \"%s\"\n",
                     static_cast<long long>(limit.count()), stage_.load());
        std::error_code ignored;
        if (!cleanup_.empty()) std::filesystem::remove_all(cleanup_, ignored);
        std::_Exit(3);  // threads may be stuck in blocking calls: no orderly unwinding is possible
    }

    std::filesystem::path cleanup_;
    std::atomic<const char*> stage_{"start"};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool finished_ = false;
    std::thread thread_;  // last: starts after the members it reads
};

// A fresh folder for the database (and its -wal/-shm files), removed on destruction.
class TemporaryFolder {
  public:
    explicit TemporaryFolder(const std::string& parent) {
        const auto base =
            parent.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(parent);
        std::string pattern = (base / "jobfair-load-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) {
            throw std::runtime_error("cannot create a temporary folder in " + base.string());
        }
        path_ = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// --- Talking to the server ---------------------------------------------------------------------

struct Endpoint {
    std::string host;
    int port = 0;

    std::string url() const { return "http://" + host + ":" + std::to_string(port); }
};

// Only loopback: this tool sends a burst of requests and must never aim it at a venue's LAN.
Endpoint loopback_endpoint(const std::string& url) {
    static const std::regex kLoopbackUrl(R"(^http://(127\.0\.0\.1|localhost):(\d{1,5})/?$)");
    std::smatch match;
    if (!std::regex_match(url, match, kLoopbackUrl)) {
        throw std::invalid_argument(
            "--server must be http://127.0.0.1:PORT or http://localhost:PORT");
    }
    return {match[1], std::stoi(match[2])};
}

// One connection kept open for all of a client's calls, as a busy kiosk's would be.
client::ClientOptions kept_alive(bool nodelay = true) {
    client::ClientOptions options;
    options.keep_alive = true;
    options.tcp_nodelay = nodelay;
    return options;
}

std::optional<std::string> bearer(const std::string& token) {
    if (token.empty()) return std::nullopt;
    return token;
}

// One setup call; throws with the server's answer when it is not the expected status.
json setup_call(const client::ApiClient& api, const std::string& method, const std::string& path,
                const std::string& token, const json& body = json::object()) {
    const client::Answer answer =
        method == "GET" ? api.get(path, bearer(token)) : api.post(path, body.dump(), bearer(token));
    if (!answer.reached)
        throw std::runtime_error(method + " " + path + ": " + answer.transport_error);
    if (answer.status / 100 != 2) {
        throw std::runtime_error(method + " " + path + ": HTTP " + std::to_string(answer.status) +
                                 " " + answer.body);
    }
    return json::parse(answer.body);
}

struct Credentials {
    std::string organizer;
    std::string board;  // a board device's token, for --idle-role board
    std::vector<std::string> kiosks;
    std::vector<std::string> booths;                         // one per booth stream
    std::vector<std::pair<StudentId, std::string>> tickets;  // student, QR payload
};

// Everything a venue does before doors open, through the API only.
Credentials set_up_through_api(const Endpoint& endpoint, const std::string& password,
                               const Fair& fair, const LoadOptions& options) {
    // Setup is not measured, but without TCP_NODELAY each of the 800 ticket requests would wait
    // for a delayed ACK (about 40 ms) and the setup would take half a minute.
    const client::ApiClient api(endpoint.url(), kept_alive());
    Credentials out;
    out.organizer = setup_call(api, "POST", "/auth/login", "", {{"password", password}})["token"];
    for (int i = 0; i < options.kiosks; ++i) {
        const json code =
            setup_call(api, "POST", "/admin/enrolment-codes", out.organizer,
                       {{"role", "kiosk"}, {"device_name", "load kiosk " + std::to_string(i + 1)}});
        out.kiosks.push_back(
            setup_call(api, "POST", "/auth/enrol", "", {{"code", code["code"]}})["token"]);
    }
    if (options.idle_role == "board") {
        const json code = setup_call(api, "POST", "/admin/enrolment-codes", out.organizer,
                                     {{"role", "board"}, {"device_name", "load board"}});
        out.board = setup_call(api, "POST", "/auth/enrol", "", {{"code", code["code"]}})["token"];
    }
    if (options.booth_streams > static_cast<int>(fair.booths.size())) {
        throw std::invalid_argument("the fair has only " + std::to_string(fair.booths.size()) +
                                    " booths");
    }
    for (int i = 0; i < options.booth_streams; ++i) {
        const std::string booth = fair.booths[size_t(i)].id.str();
        const json pin = setup_call(api, "POST", "/admin/booths/" + booth + "/pin", out.organizer);
        const json station_code = setup_call(
            api, "POST", "/admin/enrolment-codes", out.organizer,
            {{"role", "booth_station"}, {"booth", booth}, {"device_name", "load " + booth}});
        const std::string station =
            setup_call(api, "POST", "/auth/enrol", "", {{"code", station_code["code"]}})["token"];
        out.booths.push_back(setup_call(api, "POST", "/auth/booth-login", station,
                                        {{"booth", booth}, {"pin", pin["pin"]}})["token"]);
    }
    for (const Student& student : fair.students) {
        const json ticket =
            setup_call(api, "GET", "/students/" + student.id.str() + "/ticket", out.organizer);
        out.tickets.emplace_back(student.id, ticket["ticket"].get<std::string>());
    }
    return out;
}

// --- Event streams -----------------------------------------------------------------------------

// One open GET /api/v1/stream: the receive time of every event, and of each check-in's event
// by student (the payload names the student).
class TimedStream {
  public:
    TimedStream(const Endpoint& endpoint, std::string token)
        : connection_(endpoint.url()), token_(std::move(token)) {}
    ~TimedStream() {
        stop();
        join();
    }
    TimedStream(const TimedStream&) = delete;
    TimedStream& operator=(const TimedStream&) = delete;

    void start() {
        thread_ = std::thread([this] { read(); });
    }
    bool connected() const { return connected_.load(); }
    // The reading thread returned before stop(): the stream failed (see failure() after join).
    bool ended() const { return ended_.load(); }
    int check_ins_seen() const { return check_ins_seen_.load(); }
    // Any thread: ends the reading.
    void stop() {
        stopping_ = true;
        connection_.cancel();
    }
    void join() {
        if (thread_.joinable()) thread_.join();
    }

    // Read after join() only.
    const std::map<StudentId, SteadyTime>& check_in_events() const { return check_in_events_; }
    size_t events_received() const { return event_ids_.size(); }
    const std::string& failure() const { return failure_; }

  private:
    void read() {
        const client::Answer ended = connection_.read(
            token_, std::nullopt, [this] { connected_ = true; },
            [this](const client::ServerSentEvent& event) {
                on_event(event, std::chrono::steady_clock::now());
                return !stopping_.load();
            });
        if (!stopping_ && ended.status != 200 && ended.reached) {
            failure_ = "HTTP " + std::to_string(ended.status) + " " + ended.body;
        } else if (!stopping_ && !ended.transport_error.empty()) {
            failure_ = ended.transport_error;
        }
        connected_ = false;
        ended_ = true;
    }

    void on_event(const client::ServerSentEvent& sent, SteadyTime received) {
        if (sent.id) event_ids_.emplace_back(*sent.id, received);
        const json event = json::parse(sent.data, nullptr, false);
        if (!event.is_object() || event.value("kind", "") != "student.checked_in") return;
        // Every stream receives every check-in; only an organizer's names the student (a booth
        // sees the outline: the role rules of server_views.cpp).
        ++check_ins_seen_;
        if (event.contains("payload") && event["payload"].contains("student")) {
            check_in_events_.emplace(StudentId(event["payload"]["student"].get<std::string>()),
                                     received);
        }
    }

    client::StreamConnection connection_;
    const std::string token_;
    std::thread thread_;
    std::atomic<bool> connected_{false};
    std::atomic<bool> ended_{false};
    std::atomic<bool> stopping_{false};
    std::atomic<int> check_ins_seen_{0};
    std::vector<std::pair<EventId, SteadyTime>> event_ids_;
    std::map<StudentId, SteadyTime> check_in_events_;
    std::string failure_;
};

// --- The burst ---------------------------------------------------------------------------------

struct CheckInTiming {
    StudentId student;
    SteadyTime sent;
    SteadyTime answered;
    int status = 0;  // 0: no answer (transport error)
};

// One kiosk: its own keep-alive connection, its share of the students, back to back.
std::vector<CheckInTiming> run_kiosk(const Endpoint& endpoint, const std::string& token,
                                     const std::vector<std::pair<StudentId, std::string>>& queue,
                                     const std::string& key_prefix, bool nodelay,
                                     std::latch& start) {
    const client::ApiClient api(endpoint.url(), kept_alive(nodelay));
    std::vector<CheckInTiming> timings;
    timings.reserve(queue.size());
    start.arrive_and_wait();
    for (const auto& [student, ticket] : queue) {
        const std::string body = json{{"ticket", ticket}}.dump();
        const std::string key = key_prefix + student.str();
        CheckInTiming timing{student, std::chrono::steady_clock::now(), {}, 0};
        const client::Answer answer = api.post("/check-ins", body, token, key);
        timing.answered = std::chrono::steady_clock::now();
        timing.status = answer.status;
        timings.push_back(timing);
    }
    return timings;
}

struct Figures {
    int check_ins = 0;           // answered 2xx
    int already_checked_in = 0;  // 200 instead of 201: an external server that ran before
    int errors = 0;              // non-2xx answers and transport errors
    double burst_seconds = 0;
    double throughput = 0;  // 2xx check-ins per second over the burst
    double check_in_p50 = 0, check_in_p90 = 0, check_in_p99 = 0, check_in_max = 0;
    // From the kiosk sending the check-in to a stream receiving its event: an upper bound on
    // commit-to-delivery (the commit happens somewhere between send and answer).
    double delivery_p50 = 0, delivery_p99 = 0, delivery_max = 0;
    // From the kiosk receiving its answer to a stream receiving the event: close to the stream
    // path alone (the server wakes the streams just before it sends the answer, so it can be
    // negative).
    double after_answer_p50 = 0, after_answer_p99 = 0, after_answer_max = 0;
    long deliveries = 0;
    long missing_deliveries = 0;  // check-in events a stream should have received and did not
    long leaked_students = 0;     // check-in events naming the student on a booth's stream
    long idle_bytes = 0;          // read from the extra streams, from opening to the last event
    int idle_closed = 0;          // extra streams the server closed (must be 0)
    int flood_held = 0;           // slow-header connections open when the burst ended
    long flood_reconnects = 0;    // slow-header connections the server closed, opened again
    std::string first_error;
};

// Streams that are opened and read, but not timed: one thread drains them all with epoll, so
// the client side needs neither a thread per stream nor a scan of every descriptor per read
// (the bench shares the server's cores: its own overhead must stay small).
class IdleStreams {
  public:
    IdleStreams(const Endpoint& endpoint, const std::string& token, int count)
        : epoll_(::epoll_create1(EPOLL_CLOEXEC)) {
        if (epoll_ < 0) throw std::runtime_error("epoll_create1 failed");
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(endpoint.port));
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
        const std::string request =
            "GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Authorization: Bearer " +
            token + "\r\n\r\n";
        for (int i = 0; i < count; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd < 0 ||
                ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
                ::send(fd, request.data(), request.size(), 0) !=
                    static_cast<ssize_t>(request.size())) {
                if (fd >= 0) ::close(fd);
                throw std::runtime_error("cannot open idle stream " + std::to_string(i));
            }
            fds_.push_back(fd);
            epoll_event event{};
            event.events = EPOLLIN;
            event.data.fd = fd;
            ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event);
        }
        reader_ = std::thread([this] { drain(); });
    }
    ~IdleStreams() {
        stopping_ = true;
        reader_.join();
        for (const int fd : fds_)
            ::close(fd);
        ::close(epoll_);
    }
    IdleStreams(const IdleStreams&) = delete;
    IdleStreams& operator=(const IdleStreams&) = delete;
    long bytes() const { return bytes_.load(); }
    int closed() const { return closed_.load(); }
    // Every stream answered (its head arrived): the server has taken them all, and their opening
    // is not measured as part of the burst.
    bool all_open() const { return opened_.load() == static_cast<int>(fds_.size()); }

  private:
    void drain() {
        std::set<int> answered;
        std::vector<epoll_event> ready(256);
        std::vector<char> buffer(65536);
        while (!stopping_) {
            const int count = ::epoll_wait(epoll_, ready.data(), int(ready.size()), 100);
            for (int i = 0; i < count; ++i) {
                const int fd = ready[size_t(i)].data.fd;
                const ssize_t got = ::recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
                if (got > 0) {
                    bytes_ += got;
                    if (answered.insert(fd).second) ++opened_;
                } else if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                    ++closed_;
                    ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);  // closed by the destructor
                }
            }
        }
    }
    const int epoll_;
    std::vector<int> fds_;
    std::thread reader_;
    std::atomic<bool> stopping_{false};
    std::atomic<long> bytes_{0};
    std::atomic<int> closed_{0};
    std::atomic<int> opened_{0};
};

// The slow-header attack: `count` connections, at most 60 from each of 127.0.0.2, 127.0.0.3, ...,
// each sending one byte of a request head every second (spread over the second), opened again
// when the server closes them. Held open from construction to destruction, on one thread.
class SlowHeaderFlood {
  public:
    static constexpr int kPerAddress = 60;  // the server allows 64 per address

    SlowHeaderFlood(const Endpoint& endpoint, int count) : endpoint_(endpoint) {
        slots_.resize(size_t(count));
        for (size_t i = 0; i < slots_.size(); ++i) {
            slots_[i].fd = open(i);
            if (slots_[i].fd < 0) throw std::runtime_error("cannot open slow connection");
        }
        thread_ = std::thread([this] { trickle(); });
    }
    ~SlowHeaderFlood() {
        stopping_ = true;
        thread_.join();
        for (const auto& slot : slots_)
            if (slot.fd >= 0) ::close(slot.fd);
    }
    SlowHeaderFlood(const SlowHeaderFlood&) = delete;
    SlowHeaderFlood& operator=(const SlowHeaderFlood&) = delete;
    int held() const { return held_.load(); }
    long reconnects() const { return reconnects_.load(); }

  private:
    struct Slot {
        int fd = -1;
        size_t sent = 0;
    };

    int open(size_t index) const {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) return -1;
        sockaddr_in source{};
        source.sin_family = AF_INET;
        source.sin_addr.s_addr = htonl(0x7f000002u + static_cast<uint32_t>(index / kPerAddress));
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(static_cast<uint16_t>(endpoint_.port));
        inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&source), sizeof source) != 0 ||
            ::connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
            ::close(fd);
            return -1;
        }
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        return fd;
    }

    void trickle() {
        // A head that never ends before the server's 10 s: one byte a second is 10 bytes.
        static const std::string kHead =
            "GET /api/v1/hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        constexpr int kTicksPerSecond = 50;
        for (long tick = 0; !stopping_; ++tick) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1000 / kTicksPerSecond));
            int held = 0;
            for (size_t i = 0; i < slots_.size(); ++i) {
                Slot& slot = slots_[i];
                if (long(i % kTicksPerSecond) != tick % kTicksPerSecond) {
                    held += slot.fd >= 0;
                    continue;
                }
                char sink[256];
                const bool closed =
                    slot.fd < 0 || ::recv(slot.fd, sink, sizeof sink, MSG_DONTWAIT) == 0 ||
                    ::send(slot.fd, &kHead[slot.sent % kHead.size()], 1, MSG_NOSIGNAL) != 1;
                if (closed) {
                    if (slot.fd >= 0) ::close(slot.fd);
                    slot = Slot{open(i), 0};
                    ++reconnects_;
                } else {
                    ++slot.sent;
                }
                held += slot.fd >= 0;
            }
            held_ = held;
        }
    }

    const Endpoint endpoint_;
    std::vector<Slot> slots_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> held_{0};
    std::atomic<long> reconnects_{0};
    std::thread thread_;
};

Figures run_burst(const Endpoint& endpoint, const Credentials& credentials,
                  const LoadOptions& options, Watchdog& watchdog) {
    watchdog.stage("opening event streams");
    std::vector<std::unique_ptr<TimedStream>> streams;
    for (const auto& token : credentials.booths)
        streams.push_back(std::make_unique<TimedStream>(endpoint, token));
    for (int i = 0; i < options.dashboard_streams; ++i)
        streams.push_back(std::make_unique<TimedStream>(endpoint, credentials.organizer));
    for (auto& stream : streams)
        stream->start();
    while (!std::all_of(streams.begin(), streams.end(),
                        [](const auto& stream) { return stream->connected(); })) {
        for (auto& stream : streams) {
            if (stream->ended()) {
                stream->join();
                throw std::runtime_error("a stream failed to open: " + stream->failure());
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }

    watchdog.stage("opening idle streams");
    std::optional<IdleStreams> idle;
    if (options.idle_streams > 0) {
        idle.emplace(endpoint,
                     options.idle_role == "board" ? credentials.board : credentials.organizer,
                     options.idle_streams);
        while (!idle->all_open()) {
            if (idle->closed() > 0) throw std::runtime_error("the server refused an idle stream");
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    watchdog.stage("starting the slow-header flood");
    std::optional<SlowHeaderFlood> flood;
    if (options.slow_header_flood > 0) {
        flood.emplace(endpoint, options.slow_header_flood);
        std::this_thread::sleep_for(std::chrono::seconds(2));  // every connection has trickled
    }

    watchdog.stage("check-in burst");
    // Students dealt round-robin, so every kiosk has the same share of the queue.
    std::vector<std::vector<std::pair<StudentId, std::string>>> queues(size_t(options.kiosks));
    for (size_t i = 0; i < credentials.tickets.size(); ++i)
        queues[i % queues.size()].push_back(credentials.tickets[i]);
    const std::string key_prefix =
        "load-" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count()) + "-";
    std::latch start(options.kiosks + 1);
    std::vector<std::vector<CheckInTiming>> per_kiosk(queues.size());
    std::vector<std::thread> kiosks;
    for (size_t k = 0; k < queues.size(); ++k) {
        kiosks.emplace_back([&, k] {
            per_kiosk[k] = run_kiosk(endpoint, credentials.kiosks[k], queues[k], key_prefix,
                                     options.client_nodelay, start);
        });
    }
    const SteadyTime burst_start = std::chrono::steady_clock::now();
    start.arrive_and_wait();
    for (auto& kiosk : kiosks)
        kiosk.join();

    Figures figures;
    if (flood) {
        figures.flood_held = flood->held();
        figures.flood_reconnects = flood->reconnects();
        flood.reset();
    }
    std::map<StudentId, CheckInTiming> by_student;
    SteadyTime last_answer = burst_start;
    std::vector<double> check_in_ms;
    for (const auto& timings : per_kiosk) {
        for (const auto& timing : timings) {
            last_answer = std::max(last_answer, timing.answered);
            if (timing.status / 100 != 2) {
                ++figures.errors;
                if (figures.first_error.empty()) {
                    figures.first_error = timing.student.str() + ": " +
                                          (timing.status ? "HTTP " + std::to_string(timing.status)
                                                         : std::string("no answer"));
                }
                continue;
            }
            ++figures.check_ins;
            if (timing.status == 200) ++figures.already_checked_in;
            check_in_ms.push_back(milliseconds_between(timing.sent, timing.answered));
            if (timing.status == 201) by_student.emplace(timing.student, timing);
        }
    }

    watchdog.stage("waiting for the last events on the streams");
    const int expected_per_stream = static_cast<int>(by_student.size());
    const SteadyTime settle_deadline = std::chrono::steady_clock::now() + kDeliverySettleTime;
    while (std::chrono::steady_clock::now() < settle_deadline &&
           !std::all_of(streams.begin(), streams.end(), [&](const auto& stream) {
               return stream->check_ins_seen() >= expected_per_stream;
           })) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (idle) {
        // The extra streams receive every event too: give them the same time to drain.
        long before = -1;
        while (std::chrono::steady_clock::now() < settle_deadline && idle->bytes() != before) {
            before = idle->bytes();
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        figures.idle_bytes = idle->bytes();
        figures.idle_closed = idle->closed();
    }
    watchdog.stage("closing event streams");
    for (auto& stream : streams)
        stream->stop();
    for (auto& stream : streams)
        stream->join();

    std::vector<double> delivery_ms, after_answer_ms;
    for (size_t i = 0; i < streams.size(); ++i) {
        const auto& stream = streams[i];
        figures.missing_deliveries +=
            std::max<long>(0, expected_per_stream - stream->check_ins_seen());
        // The first streams are the booths': they must never learn who checked in.
        if (i < credentials.booths.size()) {
            figures.leaked_students += static_cast<long>(stream->check_in_events().size());
        }
        for (const auto& [student, received] : stream->check_in_events()) {
            const auto timing = by_student.find(student);
            if (timing == by_student.end()) continue;  // a check-in from someone else
            delivery_ms.push_back(milliseconds_between(timing->second.sent, received));
            after_answer_ms.push_back(milliseconds_between(timing->second.answered, received));
        }
    }
    figures.deliveries = static_cast<long>(delivery_ms.size());
    figures.burst_seconds = milliseconds_between(burst_start, last_answer) / 1000.0;
    figures.throughput =
        figures.burst_seconds > 0 ? figures.check_ins / figures.burst_seconds : 0.0;
    figures.check_in_p50 = percentile(check_in_ms, 0.50);
    figures.check_in_p90 = percentile(check_in_ms, 0.90);
    figures.check_in_p99 = percentile(check_in_ms, 0.99);
    figures.check_in_max = percentile(check_in_ms, 1.0);
    figures.delivery_p50 = percentile(delivery_ms, 0.50);
    figures.delivery_p99 = percentile(delivery_ms, 0.99);
    figures.delivery_max = percentile(delivery_ms, 1.0);
    figures.after_answer_p50 = percentile(after_answer_ms, 0.50);
    figures.after_answer_p99 = percentile(after_answer_ms, 0.99);
    figures.after_answer_max = percentile(after_answer_ms, 1.0);
    return figures;
}

// --- Report --------------------------------------------------------------------------------------

const char* verdict(double value, double target) {
    return value <= target ? "PASS" : "MISS";
}

void print_table(const Figures& f, const LoadOptions& options, size_t streams) {
    std::printf("load: %d kiosks, %zu streams (%d booth + %d dashboard), %s\n", options.kiosks,
                streams, options.booth_streams, options.dashboard_streams,
                options.server_url.empty() ? "in-process server" : options.server_url.c_str());
    if (options.idle_streams > 0) {
        std::printf("plus %d %s streams (%s), %.1f MB read from them, %d closed by the server\n",
                    options.idle_streams, options.idle_role.c_str(),
                    options.idle_role == "board" ? "every event in outline" : "every event in full",
                    double(f.idle_bytes) / 1e6, f.idle_closed);
    }
    if (options.slow_header_flood > 0) {
        std::printf(
            "slow-header flood: %d connections asked, %d held at the end of the burst, "
            "%ld reopened after the server closed them\n",
            options.slow_header_flood, f.flood_held, f.flood_reconnects);
    }
    std::printf("%-34s %10s %10s %10s %10s  %s\n", "measure", "p50", "p90", "p99", "max", "target");
    std::printf("%-34s %10.1f %10.1f %10.1f %10.1f  p99 <= %.0f ms %s\n", "check-in latency ms",
                f.check_in_p50, f.check_in_p90, f.check_in_p99, f.check_in_max, kCheckInP99TargetMs,
                verdict(f.check_in_p99, kCheckInP99TargetMs));
    std::printf("%-34s %10.1f %10s %10.1f %10.1f  p99 <= %.0f ms %s\n",
                "delivery ms (from check-in sent)", f.delivery_p50, "-", f.delivery_p99,
                f.delivery_max, kDeliveryP99TargetMs,
                verdict(f.delivery_p99, kDeliveryP99TargetMs));
    std::printf("%-34s %10.1f %10s %10.1f %10.1f  (stream path alone)\n",
                "delivery ms (after answer)", f.after_answer_p50, "-", f.after_answer_p99,
                f.after_answer_max);
    std::printf(
        "check-ins %d (already checked in %d) in %.2f s = %.1f check-ins/s; errors %d%s%s\n",
        f.check_ins, f.already_checked_in, f.burst_seconds, f.throughput, f.errors,
        f.first_error.empty() ? "" : ", first: ", f.first_error.c_str());
    std::printf(
        "check-in events missing on any stream %ld, students named on booth streams %ld; "
        "timed deliveries (organizer streams) %ld\n",
        f.missing_deliveries, f.leaked_students, f.deliveries);
}

// One line of key=value pairs for scripts/load.sh, which takes medians over runs.
void print_summary_line(const Figures& f) {
    std::printf(
        "LOAD count=%d errors=%d throughput=%.2f checkin_p50=%.2f checkin_p90=%.2f "
        "checkin_p99=%.2f checkin_max=%.2f delivery_p50=%.2f delivery_p99=%.2f "
        "delivery_max=%.2f after_answer_p50=%.2f after_answer_p99=%.2f after_answer_max=%.2f "
        "missing=%ld leaked=%ld idle_mb=%.1f idle_closed=%d flood_held=%d\n",
        f.check_ins, f.errors, f.throughput, f.check_in_p50, f.check_in_p90, f.check_in_p99,
        f.check_in_max, f.delivery_p50, f.delivery_p99, f.delivery_max, f.after_answer_p50,
        f.after_answer_p99, f.after_answer_max, f.missing_deliveries, f.leaked_students,
        double(f.idle_bytes) / 1e6, f.idle_closed, f.flood_held);
}

// Every check-in answered, every event delivered to every stream as its role may see it, no extra
// stream dropped.
bool passed(const Figures& f) {
    return f.errors == 0 && f.missing_deliveries == 0 && f.leaked_students == 0 &&
           f.idle_closed == 0;
}

void report(const Figures& figures, const LoadOptions& options) {
    print_table(figures, options, size_t(options.booth_streams + options.dashboard_streams));
    if (options.summary_line) print_summary_line(figures);
    std::fflush(stdout);
}

// --- The two ways to run -----------------------------------------------------------------------

std::string random_password() {
    return "load-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

int run_in_process(const LoadOptions& options) {
    const TemporaryFolder folder(options.db_dir);
    Watchdog watchdog(std::chrono::seconds(options.timeout_seconds), folder.path());
    watchdog.stage("loading the demo fair");
    const Fair fair = generate_demo_fair(GeneratorOptions{});
    Figures figures;
    {
        Store store(folder.path() / "load.db");
        store.import_fair(fair, "load_server");
        SteerableClock clock(TimeOfDay::hm(8, 0), 0.0);
        ServerOptions server_options;
        server_options.steerable_clock = &clock;
        // Every client of this bench is on loopback: the per-address and per-token caps that
        // protect a venue would refuse its thousands of streams.
        server_options.limits.max_connections_per_address = 10'000;
        server_options.limits.max_connections = 10'000;
        server_options.limits.max_streams = 10'000;
        server_options.max_streams_per_token = 10'000;
        FairServer server(store, clock, TicketKey::generate(), server_options);
        const std::string password = random_password();
        server.set_initial_organizer_password(password);
        if (!server.bind("127.0.0.1", 0)) throw std::runtime_error("cannot bind 127.0.0.1");
        std::thread serving([&] { server.run(); });
        // Stops the server on every way out of this scope, so `serving` can be joined.
        struct StopOnExit {
            FairServer& server;
            std::thread& serving;
            ~StopOnExit() {
                server.stop();
                serving.join();
            }
        } stop_on_exit{server, serving};
        watchdog.stage("starting the server");
        while (!server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(2));

        const Endpoint endpoint{"127.0.0.1", server.port()};
        watchdog.stage("setting up through the API");
        const Credentials credentials = set_up_through_api(endpoint, password, fair, options);
        figures = run_burst(endpoint, credentials, options, watchdog);
        watchdog.stage("stopping the server");
    }
    report(figures, options);
    return passed(figures) ? 0 : 1;
}

int run_external(const LoadOptions& options) {
    const Endpoint endpoint = loopback_endpoint(options.server_url);
    Watchdog watchdog(std::chrono::seconds(options.timeout_seconds), {});
    // `jobfair serve --demo` loads this same fair, so the student ids match.
    const Fair fair = generate_demo_fair(GeneratorOptions{});
    watchdog.stage("setting up through the API");
    const Credentials credentials = set_up_through_api(endpoint, options.password, fair, options);
    const Figures figures = run_burst(endpoint, credentials, options, watchdog);
    report(figures, options);
    return passed(figures) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app("Load benchmark of the fair server: check-in burst with open event streams");
    LoadOptions options;
    app.add_option("--server", options.server_url,
                   "drive a running server at http://127.0.0.1:PORT instead of one in-process");
    app.add_option("--password", options.password, "the organizer password (with --server)");
    app.add_option("--kiosks", options.kiosks, "concurrent kiosks")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    app.add_option("--booth-streams", options.booth_streams, "booth event streams")
        ->check(CLI::Range(0, 30))
        ->capture_default_str();
    app.add_option("--idle-streams", options.idle_streams,
                   "extra organizer streams held open and read during the burst, untimed")
        ->check(CLI::Range(0, 8000));
    app.add_option("--idle-role", options.idle_role,
                   "whose token the extra streams use: organizer (every event in full) or board "
                   "(every event in outline)")
        ->check(CLI::IsMember({"organizer", "board"}))
        ->capture_default_str();
    app.add_option("--slow-header-flood", options.slow_header_flood,
                   "connections sending their request head a byte a second through the burst")
        ->check(CLI::Range(0, 3000));
    app.add_option("--dashboard-streams", options.dashboard_streams, "organizer event streams")
        ->check(CLI::Range(0, 16))
        ->capture_default_str();
    app.add_option("--timeout", options.timeout_seconds, "abort the whole run after this many s")
        ->check(CLI::Range(5, 3600))
        ->capture_default_str();
    app.add_option("--db-dir", options.db_dir,
                   "folder for the in-process database (default: the temp folder)");
    app.add_flag("--summary-line", options.summary_line,
                 "also print one LOAD key=value line (for scripts/load.sh)");
    app.add_flag("--client-nagle{false}", options.client_nodelay,
                 "kiosk connections leave Nagle's algorithm on (the clients before they set "
                 "TCP_NODELAY)");
    CLI11_PARSE(app, argc, argv);
    if (!options.server_url.empty() && options.password.empty()) {
        std::cerr << "load_server: --server needs --password\n";
        return 2;
    }
    try {
        return options.server_url.empty() ? run_in_process(options) : run_external(options);
    } catch (const std::exception& error) {
        std::cerr << "load_server: " << error.what() << '\n';
        return 2;
    }
}
