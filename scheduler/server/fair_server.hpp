// The fair server: one per venue. HTTP + JSON under /api/v1 and a server-sent event stream,
// over LiveFair (the rules of the day), AccessControl (who may do what) and the Store (the
// database). docs/api.md lists every endpoint with an example.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "common/auth.hpp"
#include "common/store.hpp"
#include "common/ticket.hpp"
#include "scheduler/http/http_server.hpp"
#include "scheduler/live/live_fair.hpp"
#include "scheduler/server/security_log.hpp"

namespace jobfair {

// Wall-clock time of day on this machine, for a real fair.
class SystemFairClock : public FairClock {
  public:
    TimeOfDay now() const override;
    TimeOfDay at(std::chrono::system_clock::time_point wall) const override;
};

// A simulated day: fair time starts at `start` and runs `speed` times as fast as the wall clock
// (speed 0: it stands still until set()). Thread-safe, read by every request.
class SteerableClock : public FairClock {
  public:
    SteerableClock(TimeOfDay start, double speed);
    TimeOfDay now() const override;
    // `wall` seen on this clock: the fair time set last before it, plus `speed` fair minutes
    // for each wall minute since.
    TimeOfDay at(std::chrono::system_clock::time_point wall) const override;
    // Moves fair time to `now` (never backwards: the day's records must stay in order);
    // false when `now` is earlier than the clock.
    bool set(TimeOfDay now);

  private:
    mutable std::mutex mutex_;
    TimeOfDay base_;
    std::chrono::steady_clock::time_point base_wall_;
    double speed_;
    // Each start and set(): the wall instant and the fair time from then on, for at().
    std::vector<std::pair<std::chrono::system_clock::time_point, TimeOfDay>> settings_;
};

struct ServerOptions {
    AccessSettings access;
    // Set for simulations: organizers may move this clock with POST /api/v1/clock.
    SteerableClock* steerable_clock = nullptr;
    // What any client may hold: connections, streams, body and header sizes, timeouts.
    http::Limits limits;
    // Event streams one token may hold at once: a screen that reconnects before its old
    // connection is noticed dead needs a second; a hundred is an attack.
    int max_streams_per_token = 3;
    // Minimum wait after a call before staff may mark a no-show, in fair-clock minutes.
    int no_show_wait_minutes = 3;
    // Both set: serve HTTPS only (OpenSSL through Asio), with this PEM certificate chain
    // and private key. Clients check the certificate against the system's trusted authorities.
    std::filesystem::path tls_certificate;
    std::filesystem::path tls_private_key;
    // Where students' phones reach this server ("http://192.168.1.10:8080"), for the status QR;
    // empty: found from the address bind() listens on (public_url.hpp).
    std::string public_url;
    // Presses of a phone's buttons (running late, step away, back) one status token may make in
    // ten minutes; more are refused with 429 until the oldest is ten minutes old.
    int phone_presses_per_ten_minutes = 6;
    // A re-plan that is due runs within a second of real time when the server is quiet, and
    // at the first change of each fair minute. The in-process simulation turns the first off:
    // a simulated minute takes a fraction of a second, so the timer fell at a different point
    // of the morning on each run, and the same seed gave a different day.
    bool replan_on_timer = true;
};

class FairServer {
  public:
    // `store` must hold a fair. The ticket key signs and checks every ticket.
    FairServer(Store& store, const FairClock& clock, TicketKey ticket_key,
               ServerOptions options = {});
    ~FairServer();
    FairServer(const FairServer&) = delete;
    FairServer& operator=(const FairServer&) = delete;

    // Sets the organizer password when none is set yet (first start). False when one is set.
    bool set_initial_organizer_password(const std::string& password);
    bool has_organizer_password() const;

    // Binds to host:port (port 0 picks a free one); false when the address cannot be used.
    bool bind(const std::string& host, int port);
    int port() const { return port_; }
    // The URL in the students' status QR: the option, or the one found by bind().
    const std::string& public_url() const { return public_url_; }
    // Serves until stop(); call after bind().
    void run();
    void stop();
    bool is_running() const;

  private:
    struct Routes;    // fair_server.cpp: the endpoints, grouped by who uses them
    class EventFeed;  // fair_server.cpp: one client's event stream
    void install_routes();
    void persist_access();
    void notify_events();
    // After a token ends (logout, revocation, new PIN, new password): its streams close.
    void tokens_ended();
    void mark_seen(const Principal& principal);
    void replan_when_due(std::stop_token stop);

    Store& store_;
    const FairClock& clock_;
    const TicketKey ticket_key_;
    const ServerOptions options_;
    LiveFair live_;
    AccessControl access_;
    std::unique_ptr<Routes> routes_;
    // Refusals that look like an attack; the background thread writes them to the event log.
    SecurityLog security_;
    void write_security_events();  // mutex_ held
    std::unique_ptr<http::Server> http_;
    int port_ = 0;
    std::string public_url_;

    // One writer at a time: the engine's model and the database connection are not shared
    // between threads.
    std::mutex mutex_;
    EventId last_event_ = 0;  // guarded by mutex_

    // Event streams read committed events from this copy under their own lock, so they never
    // wait behind a check-in that holds mutex_; the transport wakes them after each change.
    std::mutex events_mutex_;
    // Every event, by id, written out once for each kind of viewer: with thousands of streams
    // open, an event is serialised twice, not once per stream.
    struct StreamedEvent {
        EventId id = 0;
        std::optional<std::string> booth;  // the booth it concerns, if any
        std::string full;                  // SSE frame as organizers (and that booth) see it
        std::string outline;               // SSE frame for everyone else: kind and booth only
    };
    std::vector<StreamedEvent> streamed_events_;
    // The last id in streamed_events_, read by the streams without events_mutex_.
    std::atomic<EventId> last_streamed_{0};
    // The text streams send next, by (view, the last event they have, the last there is):
    // streams at the same point with the same view share it, so a wake builds each view's text
    // once and copies none per stream. Under its own lock, so that a check-in (which takes
    // events_mutex_) never waits behind thousands of streams taking turns.
    std::mutex stream_batches_mutex_;
    std::map<std::tuple<std::string, EventId, EventId>, http::SharedText> stream_batches_;
    bool stopping_ = false;
    void stream_events(const std::vector<EventRecord>& events);  // events_mutex_ held
    // Bumped when any token ends, so streams check their own token again.
    std::atomic<std::uint64_t> access_epoch_{0};
    // Open streams per token id.
    std::mutex stream_count_mutex_;
    std::map<std::string, int> streams_per_token_;

    // When each kiosk and board was last heard from (a request, or its open event stream), so
    // the dashboard can warn of one gone quiet. Not persisted: a restart forgets it.
    std::mutex seen_mutex_;
    // The full re-plan that check-ins leave for later runs here, about once a second.
    std::condition_variable_any background_wake_;
    std::jthread background_;  // started by run(), stopped by stop()

    std::map<std::string, std::chrono::steady_clock::time_point> last_seen_;  // by token id
};

}  // namespace jobfair
