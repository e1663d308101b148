// The fair server's endpoints.
//
// Sections:
//   1. Helpers: replies, refusals, parsing, authentication
//   2. Views: the JSON the clients read (queue, overview, calls, a student's status)
//   3. Server lifecycle
//   4. Routes: open, access, kiosk, booth, organizer, board, events
#include "scheduler/server/fair_server.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <set>

#include "common/api_routes.hpp"
#include "common/auth_json.hpp"
#include "common/level.hpp"
#include "common/occupations.hpp"
#include "common/phone.hpp"
#include "common/protocol.hpp"
#include "common/seat_use.hpp"
#include "common/sodium_init.hpp"
#include "common/text.hpp"
#include "scheduler/live/outlook.hpp"
#include "scheduler/live/server_views.hpp"
#include "scheduler/live/student_status.hpp"
#include "scheduler/reports/day_report.hpp"
#include "scheduler/reports/reports.hpp"
#include "scheduler/server/phone_page.hpp"
#include "scheduler/server/public_url.hpp"

namespace jobfair {

namespace {

using http::Request;
using http::Response;
using nlohmann::json;

// --- 1. Helpers ------------------------------------------------------------------------------

void reply(Response& response, int status, const json& body) {
    response.status = status;
    response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                         "application/json; charset=utf-8");
}

// Every refusal speaks both languages: the person at the screen reads Vietnamese first.
void refuse(Response& response, int status, std::string_view code, std::string_view message,
            std::string_view message_vi) {
    reply(response, status, protocol::error_body(code, message, message_vi));
}

void refuse(Response& response, int status, const Refusal& refusal) {
    json body =
        protocol::error_body(reason_code(refusal.reason), refusal.message_en, refusal.message_vi);
    if (refusal.attempts_left) body["error"]["attempts_left"] = *refusal.attempts_left;
    if (refusal.retry_after) {
        body["error"]["retry_after_seconds"] = refusal.retry_after->count();
        response.set_header("Retry-After", std::to_string(refusal.retry_after->count()));
    }
    reply(response, status, body);
}

// The body as a JSON object, or a 400 already written and nullopt.
std::optional<json> body_object(const Request& request, Response& response) {
    const json body = json::parse(request.body.empty() ? "{}" : request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        refuse(response, 400, "bad_json", "the request body must be a JSON object",
               "Nội dung yêu cầu phải là một đối tượng JSON");
        return std::nullopt;
    }
    return body;
}

std::optional<std::string> text_field(const json& body, const char* key) {
    const auto it = body.find(key);
    if (it == body.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

// A password, PIN or enrolment code from a login body. A body without one (missing, empty, not
// a string) is malformed, not a guess: it is refused with 400 before it can use up an attempt.
std::optional<std::string> secret_field(const json& body, const char* key, Response& response) {
    auto value = text_field(body, key);
    if (!value || value->empty() || value->size() > 256) {
        refuse(response, 400, "bad_request",
               std::string("\"") + key + "\" must be a non-empty string of at most 256 bytes",
               std::string("Thiếu \"") + key + "\" hoặc không hợp lệ");
        return std::nullopt;
    }
    return value;
}

// A seat number from a body: a whole number from 0 to 999. Anything else, a number past int's
// range included, is refused before it reaches the model (it used to wrap around).
constexpr std::int64_t kMaxSeatNumber = 999;
std::optional<int> seat_field(const json& body) {
    const auto it = body.find("seat");
    if (it == body.end() || !it->is_number_integer()) return std::nullopt;
    if (it->is_number_unsigned()) {
        const auto value = it->get<std::uint64_t>();
        if (value > static_cast<std::uint64_t>(kMaxSeatNumber)) return std::nullopt;
        return static_cast<int>(value);
    }
    const auto value = it->get<std::int64_t>();
    if (value < 0 || value > kMaxSeatNumber) return std::nullopt;
    return static_cast<int>(value);
}

std::string hex_digest(std::string_view text) {
    ensure_sodium();
    std::array<unsigned char, 16> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr,
                       0);
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

// "2026-11-23T07:02:11.000Z"
std::string utc_text(std::chrono::system_clock::time_point at) {
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    char with_millis[40];
    std::snprintf(with_millis, sizeof with_millis, "%s.%03lldZ", text,
                  static_cast<long long>(millis % 1000));
    return with_millis;
}

bool valid_idempotency_key(const std::string& key) {
    return key.size() >= 8 && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
           });
}

// --- 2. Views: scheduler/live/server_views.hpp --------------------------------------

}  // namespace

// --- 3. Server lifecycle ---------------------------------------------------------------------

TimeOfDay SystemFairClock::now() const {
    const std::time_t seconds = std::time(nullptr);
    std::tm local{};
    localtime_r(&seconds, &local);
    return TimeOfDay::hm(local.tm_hour, local.tm_min);
}

TimeOfDay SystemFairClock::at(std::chrono::system_clock::time_point wall) const {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(wall);
    std::tm local{};
    localtime_r(&seconds, &local);
    return TimeOfDay::hm(local.tm_hour, local.tm_min);
}

SteerableClock::SteerableClock(TimeOfDay start, double speed)
    : base_(start),
      base_wall_(std::chrono::steady_clock::now()),
      speed_(speed),
      settings_{{std::chrono::system_clock::now(), start}} {}

TimeOfDay SteerableClock::now() const {
    std::lock_guard lock(mutex_);
    const double wall_minutes =
        std::chrono::duration<double, std::ratio<60>>(std::chrono::steady_clock::now() - base_wall_)
            .count();
    return base_.plus_minutes(static_cast<int>(wall_minutes * speed_));
}

TimeOfDay SteerableClock::at(std::chrono::system_clock::time_point wall) const {
    const TimeOfDay fair_now = now();
    std::lock_guard lock(mutex_);
    auto setting = std::upper_bound(settings_.begin(), settings_.end(), wall,
                                    [](std::chrono::system_clock::time_point instant,
                                       const auto& entry) { return instant < entry.first; });
    if (setting == settings_.begin()) return settings_.front().second;  // before the start
    --setting;
    const double wall_minutes =
        std::chrono::duration<double, std::ratio<60>>(wall - setting->first).count();
    return std::min(fair_now,
                    setting->second.plus_minutes(static_cast<int>(wall_minutes * speed_)));
}

bool SteerableClock::set(TimeOfDay now) {
    if (now < this->now()) return false;
    std::lock_guard lock(mutex_);
    base_ = now;
    base_wall_ = std::chrono::steady_clock::now();
    // A simulated morning sets the clock once a fair minute: a few hundred entries a day.
    settings_.emplace_back(std::chrono::system_clock::now(), now);
    return true;
}

namespace {

std::unique_ptr<http::Server> make_http_server(const ServerOptions& options) {
    http::Limits limits = options.limits;
    limits.max_body_bytes = std::min(limits.max_body_bytes, protocol::kMaxRequestBytes);
    if (options.tls_certificate.empty() && options.tls_private_key.empty()) {
        return std::make_unique<http::Server>(limits);
    }
    if (options.tls_certificate.empty() || options.tls_private_key.empty()) {
        throw std::invalid_argument("TLS needs both a certificate and its private key");
    }
    return std::make_unique<http::Server>(
        limits, http::TlsFiles{options.tls_certificate, options.tls_private_key});
}

// A frame of server-sent events: "id: 7\nevent: interview.called\ndata: {...}\n\n".
std::string sse_frame(const EventRecord& event, const json& data) {
    return "id: " + std::to_string(event.id) + "\nevent: " + event.kind + "\ndata: " + data.dump() +
           "\n\n";
}

}  // namespace

FairServer::FairServer(Store& store, const FairClock& clock, TicketKey ticket_key,
                       ServerOptions options)
    : store_(store),
      clock_(clock),
      ticket_key_(std::move(ticket_key)),
      options_(std::move(options)),
      live_(store, clock),
      access_(options_.access),
      http_(make_http_server(options_)) {
    live_.set_no_show_wait(options_.no_show_wait_minutes);
    if (const auto saved = store_.access_state_json()) {
        access_.restore(access_state_from_json(*saved));
    }
    store_.issue_tickets("server");  // every pre-registered student has a ticket number
    if (store_.interviews().empty()) live_.replan("server");  // the first plan of the day
    const auto events = store_.events();
    stream_events(events);
    if (!events.empty()) last_event_ = events.back().id;
    install_routes();
}

FairServer::~FairServer() {
    stop();
    // Before the members its streams and handlers use (stream counts, events) go away.
    http_.reset();
}

bool FairServer::set_initial_organizer_password(const std::string& password) {
    if (access_.has_organizer_password()) return false;
    const auto decision = access_.set_organizer_password(password, std::nullopt, "console");
    if (!decision) throw std::invalid_argument(decision.refusal().message_en);
    persist_access();
    return true;
}

bool FairServer::has_organizer_password() const {
    return access_.has_organizer_password();
}

bool FairServer::bind(const std::string& host, int port) {
    if (!http_->bind(host, port)) return false;
    port_ = http_->port();
    public_url_ = options_.public_url.empty()
                      ? default_public_url(host, port_, !options_.tls_certificate.empty(),
                                           interface_addresses())
                      : options_.public_url;
    return true;
}

void FairServer::run() {
    background_ = std::jthread([this](std::stop_token stop) { replan_when_due(stop); });
    http_->run();
}

void FairServer::replan_when_due(std::stop_token stop) {
    std::mutex sleeping;
    std::unique_lock sleep_lock(sleeping);
    while (!stop.stop_requested()) {
        background_wake_.wait_for(sleep_lock, stop, std::chrono::seconds(1), [] { return false; });
        if (stop.stop_requested()) return;
        std::lock_guard lock(mutex_);
        try {
            write_security_events();
            if (options_.replan_on_timer && live_.replan_if_due("server")) notify_events();
        } catch (const std::exception& failure) {
            // The next check-in or action tries again; the plan in the database stands.
            std::fprintf(stderr, "background re-plan failed: %s\n", failure.what());
        }
    }
}

bool FairServer::is_running() const {
    return http_->is_running();
}

void FairServer::stop() {
    {
        std::lock_guard lock(events_mutex_);
        stopping_ = true;
    }
    http_->stop();
    if (background_.joinable()) {
        background_.request_stop();
        background_.join();
    }
}

void FairServer::persist_access() {
    std::lock_guard lock(mutex_);
    store_.save_access_state(access_state_to_json(access_.snapshot()));
}

// Called with mutex_ held, after a change.
void FairServer::notify_events() {
    const auto events = store_.events(last_event_);
    if (events.empty()) return;
    last_event_ = events.back().id;
    {
        std::lock_guard lock(events_mutex_);
        stream_events(events);
    }
    http_->wake_streams();
}

void FairServer::stream_events(const std::vector<EventRecord>& events) {
    Principal outsider;  // what a board sees: the outline of every event
    outsider.role = Role::board;
    for (const auto& event : events) {
        StreamedEvent streamed;
        streamed.id = event.id;
        const json payload = json::parse(event.payload_json, nullptr, false);
        if (payload.is_object() && payload.contains("booth") && payload["booth"].is_string()) {
            streamed.booth = payload["booth"].get<std::string>();
        }
        streamed.full = sse_frame(event, protocol::to_json(event));
        streamed.outline = sse_frame(event, event_for(outsider, event));
        streamed_events_.push_back(std::move(streamed));
    }
    if (!streamed_events_.empty()) last_streamed_ = streamed_events_.back().id;
}

void FairServer::write_security_events() {
    const auto due = security_.take_due();
    for (const auto& entry : due) {
        json payload{{"address", entry.address}, {"count", entry.count}};
        if (!entry.device.empty()) payload["device"] = entry.device;
        store_.append_event("server", "security." + entry.kind, payload.dump());
    }
    if (!due.empty()) notify_events();
}

void FairServer::tokens_ended() {
    ++access_epoch_;
    http_->wake_streams();
}

void FairServer::mark_seen(const Principal& principal) {
    if (principal.role != Role::kiosk && principal.role != Role::board) return;
    std::lock_guard lock(seen_mutex_);
    last_seen_[principal.token_id] = std::chrono::steady_clock::now();
}

// One client's stream: the events after its cursor, as its role may see them, until its token
// ends. Runs on the transport's stream thread, so it only takes short locks. Streams of the same
// view at the same cursor (all organizers', all boards' and kiosks', each booth's) are handed
// the same text: with thousands open, a wake builds a few texts and copies none per stream.
class FairServer::EventFeed : public http::EventSource {
  public:
    EventFeed(FairServer& server, Principal viewer, std::string bearer, EventId cursor)
        : server_(server),
          viewer_(std::move(viewer)),
          bearer_(std::move(bearer)),
          view_(view_of(viewer_)),
          cursor_(cursor),
          checked_epoch_(server.access_epoch_.load()),
          checked_at_(std::chrono::steady_clock::now()) {}

    ~EventFeed() override {
        std::lock_guard lock(server_.stream_count_mutex_);
        if (--server_.streams_per_token_[viewer_.token_id] <= 0) {
            server_.streams_per_token_.erase(viewer_.token_id);
        }
    }

    std::optional<http::SharedText> next() override {
        // The token is checked again when any token ended, and now and then for its expiry.
        const auto epoch = server_.access_epoch_.load();
        const auto now = std::chrono::steady_clock::now();
        if (epoch != checked_epoch_ || now - checked_at_ > std::chrono::seconds(10)) {
            if (!server_.access_.authenticate(bearer_)) return std::nullopt;
            checked_epoch_ = epoch;
            checked_at_ = now;
        }
        if (now - marked_at_ >= std::chrono::seconds(1)) {
            server_.mark_seen(viewer_);  // an open stream is a device alive
            marked_at_ = now;
        }
        const EventId last = server_.last_streamed_.load();
        if (last <= cursor_) return http::SharedText{};  // (a stopping transport ends it)
        std::lock_guard lock(server_.stream_batches_mutex_);
        auto& batches = server_.stream_batches_;
        const auto key = std::make_tuple(view_, cursor_, last);
        auto found = batches.find(key);
        if (found == batches.end()) {
            // Texts that end before `last` are sent by now, or the next wake builds anew.
            std::erase_if(batches,
                          [&](const auto& batch) { return std::get<2>(batch.first) < last; });
            auto text = build(last);
            if (!text) return std::nullopt;
            found = batches.emplace(key, std::move(*text)).first;
        }
        cursor_ = last;
        return found->second;
    }

  private:
    // The events after cursor_ up to `last`, as this view sees them; nothing when stopping.
    std::optional<http::SharedText> build(EventId last) const {
        std::lock_guard lock(server_.events_mutex_);
        if (server_.stopping_) return std::nullopt;
        const auto& events = server_.streamed_events_;
        // Ids grow by one from 1, but search rather than index: never trust that.
        auto next =
            std::upper_bound(events.begin(), events.end(), cursor_,
                             [](EventId id, const StreamedEvent& event) { return id < event.id; });
        std::string text;
        for (; next != events.end() && next->id <= last; ++next)
            text += sees_in_full(*next) ? next->full : next->outline;
        return std::make_shared<const std::string>(std::move(text));
    }

    // Who sees the same text: organizers every event in full, a booth's staff that booth's
    // events in full and the others in outline, everyone else every event in outline.
    static std::string view_of(const Principal& viewer) {
        if (viewer.role == Role::organizer) return "full";
        if (viewer.role == Role::booth_staff && viewer.booth) return "booth " + viewer.booth->str();
        return "outline";
    }

    bool sees_in_full(const StreamedEvent& event) const {
        if (viewer_.role == Role::organizer) return true;
        return viewer_.role == Role::booth_staff && viewer_.booth && event.booth &&
               *event.booth == viewer_.booth->str();
    }

    FairServer& server_;
    const Principal viewer_;
    const std::string bearer_;
    const std::string view_;
    EventId cursor_;
    std::uint64_t checked_epoch_;
    std::chrono::steady_clock::time_point checked_at_;
    std::chrono::steady_clock::time_point marked_at_{};
};

// --- 4. Routes -------------------------------------------------------------------------------

struct FairServer::Routes {
    using RouteId = protocol::RouteId;
    explicit Routes(FairServer& owner) : server(owner) {}
    FairServer& server;

    // Who is asking, or a 401 already written.
    std::optional<Principal> who(const Request& request, Response& response) {
        const std::string header = request.get_header_value(protocol::kAuthorizationHeader.data());
        const std::string prefix = "Bearer ";
        if (header.rfind(prefix, 0) == 0) {
            if (auto principal = server.access_.authenticate(header.substr(prefix.size()))) {
                seen(*principal);
                return principal;
            }
        }
        if (!header.empty()) server.security_.record("bad_token", request.remote_addr);
        refuse(
            response, 401, "unauthenticated",
            "log in or enrol this device first; the token is missing, expired or revoked",
            "Hãy đăng nhập hoặc đăng ký thiết bị; mã truy cập thiếu, hết hạn hoặc đã bị thu hồi");
        return std::nullopt;
    }

    void seen(const Principal& principal) { server.mark_seen(principal); }

    // Every enrolled device, with how long ago it was heard from. The overview watches kiosks and
    // boards only: a booth station or console is heard from only when someone logs in on it.
    std::vector<DeviceSeen> devices(bool screens_only = false) {
        const auto now = std::chrono::steady_clock::now();
        std::vector<DeviceSeen> out;
        const AccessState state = server.access_.snapshot();
        std::lock_guard lock(server.seen_mutex_);
        for (const auto& token : state.tokens) {
            if (!is_device_role(token.role)) continue;
            if (screens_only && token.role != Role::kiosk && token.role != Role::board) continue;
            DeviceSeen device{token.token_id, token.device_or_user, token.role, std::nullopt};
            if (const auto it = server.last_seen_.find(token.token_id);
                it != server.last_seen_.end()) {
                device.seconds_since_seen =
                    std::chrono::duration_cast<std::chrono::seconds>(now - it->second).count();
            }
            out.push_back(std::move(device));
        }
        return out;
    }

    // The organizer password is taken on the server's own machine (its loopback address, with no
    // token) or on an enrolled organizer console (its token): nowhere else, so strangers on the
    // venue's network get no guess at all. Nullopt with a 403 already written otherwise.
    std::optional<PasswordPlace> password_place(const Request& request, Response& response) {
        const std::string header = request.get_header_value(protocol::kAuthorizationHeader.data());
        if (header.empty() && is_server_machine(request.remote_addr))
            return PasswordPlace::server_machine();
        if (header.rfind("Bearer ", 0) == 0) {
            if (auto principal = server.access_.authenticate(header.substr(7));
                principal && principal->role == Role::organizer_console) {
                seen(*principal);
                return PasswordPlace::organizer_console(*principal);
            }
        }
        server.security_.record("password_not_at_console", request.remote_addr);
        refuse(response, 403, "not_an_organizer_console",
               "the organizer password is accepted only on the server's machine or on a laptop "
               "enrolled as an organizer console (docs/security.md)",
               "Chỉ nhập mật khẩu ban tổ chức trên máy chủ hoặc trên máy đã đăng ký cho ban tổ "
               "chức (docs/security.md)");
        return std::nullopt;
    }

    static bool is_server_machine(const std::string& address) {
        // Exactly the loopback addresses a local program uses; other 127.x addresses are treated
        // as strangers, which lets tests play many clients from one machine.
        return address == "127.0.0.1" || address == "::1" || address == "::ffff:127.0.0.1";
    }

    std::optional<BoothId> known_booth(const std::string& id, Response& response) {
        if (server.live_.fair().find_booth(BoothId(id))) return BoothId(id);
        refuse(response, 404, "unknown_booth", "there is no booth " + id,
               "Không có gian hàng " + id);
        return std::nullopt;
    }

    std::optional<StoredInterview> known_interview(const std::string& id, Response& response) {
        const InterviewId wanted = std::stoll(id);
        for (const auto& row : server.store_.interviews()) {
            if (row.id == wanted) return row;
        }
        refuse(response, 404, "unknown_interview", "there is no interview " + id,
               "Không có buổi phỏng vấn " + id);
        return std::nullopt;
    }

    DayState day() const { return day_state(server.store_, server.live_, server.clock_.now()); }

    protocol::CheckInAnswer answer_for(const StudentId& student, std::uint32_t ticket_number,
                                       const CheckInResult& result) {
        // Only what the answer needs: a check-in answer is built under the server's lock.
        const Fair& fair = server.live_.fair();
        protocol::CheckInAnswer answer;
        answer.ticket = issue_ticket(server.ticket_key_, ticket_number);
        answer.ticket_label = ticket_label(ticket_number);
        if (const Student* known = fair.find_student(student)) {
            answer.given_name = given_name(known->name);
        }
        if (const auto details = server.store_.student_details(student);
            details && details->phone) {
            answer.phone_masked = mask_phone(*details->phone);
        }
        answer.already_checked_in = result.already_checked_in;
        for (const auto& row : result.interviews)
            answer.interviews.push_back(scheduled(fair, row));
        // The same token on every answer for this ticket (it is derived, not drawn): a repeated
        // scan prints the same phone link. Only its digest is stored.
        const std::string token = status_token_for(server.ticket_key_, ticket_number);
        server.store_.record_status_token(ticket_number, status_token_digest(token));
        answer.status_url = server.public_url_ + "/p#" + token;
        return answer;
    }

    // The rest of each student's day into their answer, from one read of the day. Mutex held.
    void add_rest_of_day_to(const std::vector<StudentId>& students,
                            std::vector<protocol::CheckInAnswer>& answers) {
        std::optional<DayState> today(day());
        auto outlooks = outlooks_of(*today, students, paused_booths(server.live_),
                                    no_show_rate(today->interviews));
        // Arrivals are placed into the plan as it stands; the full re-plan waits for a quiet
        // moment and may still find a seat. Nobody is told "no interview today" before it ran.
        const bool told_none =
            std::any_of(outlooks.begin(), outlooks.end(), [](const StudentOutlook& outlook) {
                return outlook.no_interview != NoInterviewReason::none;
            });
        if (told_none && server.live_.replan_if_due("server")) {
            today.emplace(day());
            outlooks = outlooks_of(*today, students, paused_booths(server.live_),
                                   no_show_rate(today->interviews));
        }
        for (size_t k = 0; k < students.size(); ++k)
            add_rest_of_day(*today, outlooks[k], answers[k]);
    }

    // The answer to call-next and take-walk-in: who was called, or why nobody.
    json call_answer(const CallResult& call) {
        protocol::CallAnswer answer{call.called,     call.from_standby, "",
                                    call.why_nobody, call.nobody,       std::nullopt};
        if (call.nobody_student) answer.nobody_student = call.nobody_student->str();
        if (call.called) {
            const auto ticket = server.store_.ticket_of(call.called->interview.student);
            answer.ticket_label = ticket ? ticket_label(ticket->number) : "";
        }
        return answer;
    }

    // The ticket's holder, or a 4xx with the reason already written.
    std::optional<Store::TicketRecord> ticket_holder(const std::string& payload,
                                                     Response& response) {
        const TicketCheck check = verify_ticket(server.ticket_key_, payload);
        if (!check) {
            refuse(response, 422, std::string("ticket_") + std::string(to_string(check.refusal())),
                   check.message_en(), check.message_vi());
            return std::nullopt;
        }
        auto record = server.store_.ticket(check.ticket_number());
        if (!record) {
            refuse(response, 422, "ticket_unknown", "this ticket was not issued at this fair",
                   "Vé này không được phát hành cho hội chợ này");
            return std::nullopt;
        }
        if (record->revoked_reason) {
            refuse(response, 422, "ticket_revoked", message_en(TicketRefusal::revoked),
                   message_vi(TicketRefusal::revoked));
            return std::nullopt;
        }
        return record;
    }

    void install() {
        auto& http = *server.http_;
        // What a handler throws becomes a refusal in both languages: a day's action refused or a
        // store's refusal as it is; anything else says nothing of its own text (logged here).
        http.set_exception_handler(
            [](const Request& request, Response& response, std::exception_ptr error) {
                try {
                    std::rethrow_exception(error);
                } catch (const LiveFairError& refusal) {
                    refuse(response, 409, refusal.code(), refusal.what(), refusal.message_vi());
                } catch (const StoreError& failure) {
                    if (failure.is_refusal()) {
                        return refuse(response, 409, failure.code(), failure.what(),
                                      failure.message_vi());
                    }
                    std::cerr << "serve: " << request.method << " " << request.path << ": "
                              << failure.what() << '\n';
                    refuse(response, 409, "not_saved",
                           "the change could not be saved; nothing was changed, try again",
                           "Không lưu được thay đổi; chưa có gì thay đổi, hãy thử lại");
                } catch (const std::exception& failure) {
                    std::cerr << "serve: " << request.method << " " << request.path << ": "
                              << failure.what() << '\n';
                    refuse(response, 500, "internal",
                           "the server failed on this request; nothing was changed",
                           "Máy chủ gặp lỗi khi xử lý yêu cầu này; chưa có gì thay đổi");
                }
            });
        // The transport's own refusals (no route, too large, too many) speak like ours.
        http.set_refusal_writer(
            [](Response& response, int status, std::string_view code, std::string_view en,
               std::string_view vi) { refuse(response, status, code, en, vi); });
        http.set_incident_handler([this](http::Incident incident, const std::string& address) {
            server.security_.record(http::incident_code(incident), address);
        });
        open_routes();
        access_routes();
        kiosk_routes();
        booth_routes();
        organizer_routes();
        board_and_event_routes();
        phone_routes();
        check_every_route_bound();
    }

    // Every change: under the lock, then the streams are woken.
    template <class Change>
    void changing(Change&& change) {
        std::lock_guard lock(server.mutex_);
        change();
        // Once per fair minute: promises of booths that have closed end cancelled, with reason.
        if (const TimeOfDay now = server.clock_.now(); now != last_sweep_) {
            last_sweep_ = now;
            server.live_.cancel_promises_of_closed_booths("server");
            server.live_.shift_late_promises("server");
            server.live_.replan_if_due("server");
        }
        server.notify_events();
    }
    TimeOfDay last_sweep_;  // guarded by server.mutex_

    std::string api(std::string_view path) const {
        return std::string(protocol::kApiPrefix) + std::string(path);
    }

    // What a route's handler gets once the table let the call through: who asks, the booth or
    // interview of the path (known to the fair), the path's other parameters and the body.
    struct Call {
        const Request& request;
        Response& response;
        const protocol::Route& route;
        std::optional<Principal> principal;
        std::optional<BoothId> booth;
        std::optional<StoredInterview> interview;
        json body = json::object();
        std::map<std::string_view, std::string> parameters;
        // With Gate::status_token: the student whose status token was shown, and their ticket.
        std::optional<StudentId> student;
        std::uint32_t ticket_number = 0;

        const std::string& parameter(std::string_view name) const { return parameters.at(name); }
        const std::string& actor() const { return principal->device_or_user; }
    };
    using Handler = std::function<void(Call&)>;
    std::vector<bool> bound_ = std::vector<bool>(protocol::all_routes().size(), false);

    static std::string parameter_pattern(std::string_view name) {
        if (name == "booth" || name == "student") return "([A-Za-z0-9_-]{1,32})";
        if (name == "seat") return R"((\d{1,3}))";
        if (name == "id") return R"((\d{1,12}))";
        if (name == "ticket") return "([A-Za-z0-9]{1,64})";
        if (name == "device") return "([A-Za-z0-9_-]{1,64})";
        if (name == "name") return "([a-z.-]{1,40})";
        throw std::logic_error("route parameter {" + std::string(name) + "} has no pattern");
    }

    // Binds the handler of one route of the table (common/api_routes.hpp). Before the handler
    // runs, the table's gate is passed and the body parsed; each refusal is written here.
    void on(protocol::RouteId id, Handler handler) {
        const protocol::Route& route = protocol::route(id);
        const auto index = static_cast<size_t>(id);
        if (bound_[index]) throw std::logic_error("route bound twice: " + std::string(route.path));
        bound_[index] = true;
        std::string pattern = api("");
        const std::string_view path = route.path;
        for (size_t at = 0; at < path.size();) {
            const size_t open = path.find('{', at);
            if (open == std::string_view::npos) {
                pattern += path.substr(at);
                break;
            }
            pattern += path.substr(at, open - at);
            const size_t close = path.find('}', open);
            pattern += parameter_pattern(path.substr(open + 1, close - open - 1));
            at = close + 1;
        }
        auto bound = [this, &route, handler](const Request& request, Response& response) {
            Call call{request,      response,       route, std::nullopt, std::nullopt,
                      std::nullopt, json::object(), {},    std::nullopt, 0};
            const auto names = protocol::path_parameters(route);
            for (size_t i = 0; i < names.size(); ++i)
                call.parameters[names[i]] = request.matches[i + 1];
            if (!pass_gate(call)) return;
            if (route.takes_body) {
                auto body = body_object(request, response);
                if (!body) return;
                call.body = std::move(*body);
            }
            handler(call);
        };
        switch (route.method) {
            case protocol::Method::get:
                server.http_->Get(pattern, bound);
                break;
            case protocol::Method::post:
                server.http_->Post(pattern, bound);
                break;
            case protocol::Method::remove:
                server.http_->Delete(pattern, bound);
                break;
        }
    }

    // Who may call, in the order that gives nothing away: the token first (a stranger learns
    // neither which booths exist nor which interview ids), then the permission for the booth
    // concerned, then whether the booth or interview exists.
    bool pass_gate(Call& call) {
        const protocol::Route& route = call.route;
        switch (route.gate) {
            case protocol::Gate::open:
            case protocol::Gate::enrolment_code:
            case protocol::Gate::password_place:  // the handler asks password_place()
                return true;
            case protocol::Gate::booth_station:
                call.principal = booth_station(call.request, call.response);
                return call.principal.has_value();
            case protocol::Gate::any_token:
                call.principal = who(call.request, call.response);
                return call.principal.has_value();
            case protocol::Gate::status_token:
                return status_holder(call);
            case protocol::Gate::permission:
                break;
        }
        call.principal = who(call.request, call.response);
        if (!call.principal) return false;
        const Permission permission = *route.permission;
        if (call.parameters.contains("id")) {
            {
                std::lock_guard lock(server.mutex_);
                call.interview = known_interview(call.parameter("id"), call.response);
            }
            if (!call.interview) return false;
            return decide(call,
                          authorize(*call.principal, permission, call.interview->interview.booth));
        }
        if (call.parameters.contains("booth")) {
            const BoothId named(call.parameter("booth"));
            if (!decide(call, is_booth_scoped(permission)
                                  ? authorize(*call.principal, permission, named)
                                  : authorize(*call.principal, permission))) {
                return false;
            }
            call.booth = known_booth(named.str(), call.response);
            return call.booth.has_value();
        }
        return decide(call, authorize(*call.principal, permission));
    }

    // The student whose status token the phone sent, or a 401 already written. Only the digest
    // is looked up; a revoked or reissued ticket's token is refused. A device's or person's
    // token is never a status token, nor the other way round (their digests live apart).
    bool status_holder(Call& call) {
        const std::string header =
            call.request.get_header_value(protocol::kAuthorizationHeader.data());
        const std::string token = header.rfind("Bearer ", 0) == 0 ? header.substr(7) : "";
        if (looks_like_status_token(token)) {
            std::lock_guard lock(server.mutex_);
            if (const auto number = server.store_.status_token_ticket(status_token_digest(token))) {
                if (const auto record = server.store_.ticket(*number);
                    record && !record->revoked_reason) {
                    call.student = record->student;
                    call.ticket_number = *number;
                    return true;
                }
            }
        }
        if (!header.empty()) server.security_.record("bad_status_token", call.request.remote_addr);
        refuse(call.response, 401, "status_link_invalid",
               "this status link is not valid (any more): scan the QR on your slip again, or ask "
               "the help desk",
               "Đường dẫn này không hợp lệ hoặc đã hết hiệu lực: hãy quét lại mã QR trên phiếu, "
               "hoặc hỏi bàn hướng dẫn");
        return false;
    }

    static bool decide(Call& call, const AccessDecision& decision) {
        if (!decision) refuse(call.response, 403, decision.refusal());
        return decision.allowed();
    }

    // An enrolled booth station, or a 403 already written: the PIN is looked at only then.
    std::optional<Principal> booth_station(const Request& request, Response& response) {
        const std::string header = request.get_header_value(protocol::kAuthorizationHeader.data());
        std::optional<Principal> station;
        if (header.rfind("Bearer ", 0) == 0)
            station = server.access_.authenticate(header.substr(7));
        if (station && station->role == Role::booth_station) {
            seen(*station);
            return station;
        }
        server.security_.record("pin_not_at_station", request.remote_addr);
        refuse(response, 403, "not_a_booth_station",
               "a booth PIN works only on a booth station enrolled by an organizer "
               "(jobfair-booth --device-code)",
               "Mã PIN chỉ dùng được trên máy đã được ban tổ chức đăng ký cho gian hàng "
               "(jobfair-booth --device-code)");
        return std::nullopt;
    }

    // Every route of the table has its handler: checked once all are bound.
    void check_every_route_bound() const {
        for (const protocol::Route& route : protocol::all_routes()) {
            if (!bound_[static_cast<size_t>(route.id)]) {
                throw std::logic_error("route without a handler: " + std::string(route.path));
            }
        }
    }
    void open_routes() {
        on(RouteId::hello, [this](Call& call) {
            // An enrolled kiosk's hello, every few seconds, is how an idle kiosk stays "seen".
            const std::string header =
                call.request.get_header_value(protocol::kAuthorizationHeader.data());
            if (header.rfind("Bearer ", 0) == 0) {
                if (auto principal = server.access_.authenticate(header.substr(7)))
                    seen(*principal);
            }
            protocol::Hello hello;
            const FairSettings& settings = server.live_.fair().settings;
            hello.fair_name = settings.name;
            hello.date = settings.date;
            hello.venue = settings.venue;
            hello.now = server.clock_.now().str();
            hello.day_end = settings.grid.day_end.str();
            if (!server.public_url_.empty()) hello.public_url = server.public_url_;
            reply(call.response, 200, hello);
        });
    }

    void access_routes() {
        on(RouteId::login, [this](Call& call) {
            const auto place = password_place(call.request, call.response);
            if (!place) return;
            const auto password = secret_field(call.body, "password", call.response);
            if (!password) return;
            const auto result = server.access_.organizer_login(*password, *place);
            server.persist_access();
            if (!result) {
                server.security_.record(
                    reason_code(result.refusal().reason), call.request.remote_addr,
                    place->console ? place->console->device_or_user : "server machine");
                return refuse(call.response, 401, result.refusal());
            }
            reply(call.response, 200, {{"token", result->bearer_token}, {"role", "organizer"}});
        });
        // A booth PIN is taken only from an enrolled booth station (the table's gate): strangers
        // never reach the PIN check, so they can neither guess nor lock staff out.
        on(RouteId::booth_login, [this](Call& call) {
            const Principal& station = *call.principal;
            if (const auto named = text_field(call.body, "booth");
                named && *named != station.booth->str()) {
                return refuse(call.response, 403, "other_booth",
                              "this station is enrolled for booth " + station.booth->str() +
                                  ", not " + *named,
                              "Máy này được đăng ký cho gian hàng " + station.booth->str() +
                                  ", không phải " + *named);
            }
            const auto pin = secret_field(call.body, "pin", call.response);
            if (!pin) return;
            const auto result = server.access_.booth_login(station, *pin);
            server.persist_access();
            if (!result) {
                server.security_.record(reason_code(result.refusal().reason),
                                        call.request.remote_addr, station.device_or_user);
                return refuse(call.response, 401, result.refusal());
            }
            reply(call.response, 200,
                  {{"token", result->bearer_token},
                   {"role", "booth_staff"},
                   {"booth", station.booth->str()}});
        });
        on(RouteId::enrol, [this](Call& call) {
            const auto code = secret_field(call.body, "code", call.response);
            if (!code) return;
            const auto result = server.access_.enrol_device(*code, call.request.remote_addr);
            server.persist_access();
            if (!result) {
                server.security_.record(reason_code(result.refusal().reason),
                                        call.request.remote_addr);
                return refuse(call.response, 401, result.refusal());
            }
            json answer{{"token", result->bearer_token},
                        {"role", role_code(result->principal.role)},
                        {"device", result->principal.device_or_user}};
            if (result->principal.booth) answer["booth"] = result->principal.booth->str();
            reply(call.response, 200, answer);
        });
        on(RouteId::logout, [this](Call& call) {
            server.access_.revoke_token(call.principal->token_id);
            server.persist_access();
            server.tokens_ended();
            reply(call.response, 200, {{"ok", true}});
        });
        on(RouteId::issue_booth_pin, [this](Call& call) {
            const std::string pin = server.access_.issue_booth_pin(*call.booth);
            server.persist_access();
            server.tokens_ended();
            reply(call.response, 201, {{"booth", call.booth->str()}, {"pin", pin}});
        });
        on(RouteId::create_enrolment_code, [this](Call& call) {
            const auto role = parse_role(text_field(call.body, "role").value_or(""));
            const std::string name = text_field(call.body, "device_name").value_or("");
            if (!role || !is_device_role(*role)) {
                return refuse(
                    call.response, 400, "bad_role",
                    "\"role\" must be kiosk, board, booth_station or organizer_console",
                    "\"role\" phải là kiosk, board, booth_station hoặc organizer_console");
            }
            if (name.empty() || name.size() > 80) {
                return refuse(call.response, 400, "bad_device_name",
                              "give the device a name of 1 to 80 bytes in \"device_name\"",
                              "Hãy đặt tên thiết bị dài 1 đến 80 byte trong \"device_name\"");
            }
            std::optional<BoothId> booth;
            if (*role == Role::booth_station) {
                booth = known_booth(text_field(call.body, "booth").value_or(""), call.response);
                if (!booth) return;
            } else if (call.body.contains("booth")) {
                return refuse(call.response, 400, "bad_booth",
                              "only a booth_station is enrolled for a booth",
                              "Chỉ máy của gian hàng (booth_station) mới gắn với một gian hàng");
            }
            const EnrolmentCode code = server.access_.create_enrolment_code(*role, name, booth);
            server.persist_access();
            json answer{{"code", code.code}, {"role", role_code(code.role)}, {"device_name", name}};
            if (code.booth) answer["booth"] = code.booth->str();
            reply(call.response, 201, answer);
        });
        on(RouteId::change_password, [this](Call& call) {
            const auto current = text_field(call.body, "current");
            const auto wanted = text_field(call.body, "new");
            if (!current || !wanted) {
                return refuse(call.response, 400, "bad_request",
                              "give {\"current\": \"...\", \"new\": \"...\"}",
                              "Cần mật khẩu hiện tại (\"current\") và mật khẩu mới (\"new\")");
            }
            const auto decision =
                server.access_.set_organizer_password(*wanted, *current, call.principal->token_id);
            server.persist_access();
            if (!decision) {
                const auto reason = decision.refusal().reason;
                return refuse(
                    call.response,
                    reason == RefusalReason::wrong_password || reason == RefusalReason::locked_out
                        ? 403
                        : 422,
                    decision.refusal());
            }
            // Every organizer session has ended, this one too: log in again.
            server.tokens_ended();
            reply(call.response, 200, {{"changed", true}, {"log_in_again", true}});
        });
        on(RouteId::list_devices, [this](Call& call) {
            const AccessState state = server.access_.snapshot();
            std::map<std::string, const TokenRecord*> records;
            for (const auto& token : state.tokens)
                records[token.token_id] = &token;
            json list = json::array();
            for (const auto& device : devices()) {
                const auto found = records.find(device.device);
                if (found == records.end()) continue;  // revoked since the list was taken
                const TokenRecord& record = *found->second;
                list.push_back(
                    {{"device", device.device},
                     {"name", device.name},
                     {"role", role_code(device.role)},
                     {"booth", record.booth ? json(record.booth->str()) : json()},
                     {"enrolled_at", utc_text(record.issued_at)},
                     {"seconds_since_seen",
                      device.seconds_since_seen ? json(*device.seconds_since_seen) : json()}});
            }
            reply(call.response, 200, {{"devices", list}});
        });
        on(RouteId::revoke_device, [this](Call& call) {
            const std::string& id = call.parameter("device");
            const auto listed = devices();
            const bool is_device =
                std::any_of(listed.begin(), listed.end(),
                            [&](const DeviceSeen& device) { return device.device == id; });
            if (!is_device || !server.access_.revoke_token(id)) {
                return refuse(call.response, 404, "unknown_device",
                              "there is no enrolled device " + id, "Không có thiết bị " + id);
            }
            server.persist_access();
            server.tokens_ended();
            server.security_.record("device_revoked", call.request.remote_addr, id);
            reply(call.response, 200, {{"revoked", true}, {"device", id}});
        });
    }
    void kiosk_routes() {
        on(RouteId::enterprises, [this](Call& call) {
            std::lock_guard lock(server.mutex_);
            const DayState today = day();
            // One read of the day for every card: each booth's seats from the same index.
            DayOutlooks outlooks(today, paused_booths(server.live_),
                                 no_show_rate(today.interviews));
            json cards = json::array();
            for (const Booth& booth : server.live_.fair().booths) {
                protocol::EnterpriseCard card;
                card.booth = booth.id.str();
                card.enterprise = booth.enterprise;
                card.occupations = booth.occupations;
                if (booth.min_level) card.min_level = std::string(level_code(*booth.min_level));
                card.open = booth.open.str();
                card.close = booth.close.str();
                card.paused = server.live_.is_paused(booth.id);
                card.takes_cvs = booth.accepts_cvs;
                if (const auto free = outlooks.next_free_seat(booth)) card.free_from = free->str();
                cards.push_back(card);
            }
            reply(call.response, 200, {{"enterprises", cards}});
        });

        on(RouteId::check_in, [this](Call& call) {
            const auto payload = text_field(call.body, "ticket");
            if (!payload) {
                return refuse(call.response, 400, "missing_field",
                              "give the scanned QR in \"ticket\"", "Thiếu mã QR đã quét");
            }
            // The signature is checked without the lock; the check-in joins the batch.
            const TicketCheck check = verify_ticket(server.ticket_key_, *payload);
            if (!check) {
                server.security_.record("ticket_refused", call.request.remote_addr, call.actor());
                return refuse(call.response, 422,
                              std::string("ticket_") + std::string(to_string(check.refusal())),
                              check.message_en(), check.message_vi());
            }
            PendingCheckIn pending;
            pending.ticket_number = check.ticket_number();
            auto answered = pending.answer.get_future();
            {
                std::lock_guard lock(pending_mutex_);
                pending_check_ins_.push_back(&pending);
            }
            changing([&] {
                // Whoever holds the lock first answers every check-in waiting by then.
                if (answered.wait_for(std::chrono::seconds(0)) == std::future_status::ready) return;
                std::vector<PendingCheckIn*> batch;
                {
                    std::lock_guard lock(pending_mutex_);
                    batch.swap(pending_check_ins_);
                }
                answer_check_ins(batch);
            });
            const auto [status, body_json] = answered.get();
            reply(call.response, status, body_json);
        });

        on(RouteId::walk_in, [this](Call& call) {
            const auto key = idempotency_key(call);
            if (!key) return;
            protocol::WalkInRegistration form;
            try {
                form = call.body.get<protocol::WalkInRegistration>();
            } catch (const json::exception&) {
                return refuse(call.response, 400, "bad_registration",
                              "a registration needs full_name, phone, level and preferences, "
                              "and occupation or occupation_text (see docs/api.md)",
                              "Phiếu đăng ký thiếu họ tên, số điện thoại, nghề, trình độ hoặc "
                              "lựa chọn doanh nghiệp");
            }
            Student student;
            Store::StudentDetails details;
            if (!validate(form, student, details, call.response)) return;
            changing([&] {
                const auto result = server.live_.register_walk_in(
                    student, details, *key, hex_digest(call.body.dump()), "kiosk:" + call.actor());
                std::vector<protocol::CheckInAnswer> answers{
                    answer_for(result.student, result.ticket_number, result.check_in)};
                add_rest_of_day_to({result.student}, answers);
                reply(call.response, result.check_in.already_checked_in ? 200 : 201, answers[0]);
            });
        });

        on(RouteId::add_booth, [this](Call& call) {
            const auto key = idempotency_key(call);
            if (!key) return;
            const auto payload = text_field(call.body, "ticket");
            const auto booth = text_field(call.body, "booth");
            if (!payload || !booth) {
                return refuse(call.response, 400, "missing_field",
                              "give the scanned QR in \"ticket\" and the booth in \"booth\"",
                              "Thiếu mã QR đã quét (\"ticket\") hoặc gian hàng (\"booth\")");
            }
            changing([&] {
                const auto holder = ticket_holder(*payload, call.response);
                if (!holder) return;
                const auto added =
                    server.live_.add_booth(holder->student, BoothId(*booth), *key, call.actor());
                std::vector<protocol::CheckInAnswer> answers{
                    answer_for(holder->student, holder->number, added.check_in)};
                add_rest_of_day_to({holder->student}, answers);
                reply(call.response, 200, answers[0]);
            });
        });

        on(RouteId::ticket_status, [this](Call& call) {
            std::lock_guard lock(server.mutex_);
            const auto holder = ticket_holder(call.parameter("ticket"), call.response);
            if (!holder) return;
            const DayState today = day();
            json interviews = json::array();
            for (const auto& row : today.interviews) {
                if (row.interview.student == holder->student &&
                    row.status != InterviewStatus::planned) {
                    interviews.push_back(scheduled(today.fair, row));
                }
            }
            reply(call.response, 200,
                  {{"ticket_label", ticket_label(holder->number)},
                   {"checked_in", today.check_ins.count(holder->student) > 0},
                   {"interviews", interviews}});
        });
    }
    // Check-ins queued behind the server's lock, answered together (kiosks arrive in bursts).
    struct PendingCheckIn {
        std::uint32_t ticket_number = 0;
        std::promise<std::pair<int, json>> answer;  // HTTP status and body
    };
    std::mutex pending_mutex_;
    std::vector<PendingCheckIn*> pending_check_ins_;  // guarded by pending_mutex_

    // Called with the server's lock held. Every check-in of the batch gets an answer, whatever
    // fails: the kiosks waiting for them must never hang.
    void answer_check_ins(const std::vector<PendingCheckIn*>& batch) {
        std::vector<bool> answered(batch.size(), false);
        const auto answer = [&](size_t i, int status, json body) {
            batch[i]->answer.set_value({status, std::move(body)});
            answered[i] = true;
        };
        try {
            std::vector<StudentId> students;
            std::vector<size_t> valid;
            for (size_t i = 0; i < batch.size(); ++i) {
                const auto record = server.store_.ticket(batch[i]->ticket_number);
                if (!record) {
                    answer(i, 422,
                           protocol::error_body("ticket_unknown",
                                                "this ticket was not issued at this fair",
                                                "Vé này không được phát hành cho hội chợ này"));
                } else if (record->revoked_reason) {
                    answer(
                        i, 422,
                        protocol::error_body("ticket_revoked", message_en(TicketRefusal::revoked),
                                             message_vi(TicketRefusal::revoked)));
                } else {
                    students.push_back(record->student);
                    valid.push_back(i);
                }
            }
            if (valid.empty()) return;
            const auto results = server.live_.check_in_many(students, "kiosk");
            std::vector<protocol::CheckInAnswer> answers;
            for (size_t k = 0; k < valid.size(); ++k)
                answers.push_back(
                    answer_for(students[k], batch[valid[k]]->ticket_number, results[k]));
            add_rest_of_day_to(students, answers);
            for (size_t k = 0; k < valid.size(); ++k)
                answer(valid[k], results[k].already_checked_in ? 200 : 201, answers[k]);
        } catch (const std::exception& failure) {
            for (size_t i = 0; i < batch.size(); ++i) {
                if (!answered[i]) answer(i, 409, protocol::error_body("refused", failure.what()));
            }
        }
    }

    // The request's Idempotency-Key, or none with a 400 already written.
    std::optional<std::string> idempotency_key(Call& call) {
        std::string key = call.request.get_header_value(protocol::kIdempotencyHeader.data());
        if (valid_idempotency_key(key)) return key;
        refuse(call.response, 400, "bad_idempotency_key",
               "send an Idempotency-Key header of 8 to 64 characters [A-Za-z0-9_-], the same on "
               "every retry",
               "Cần tiêu đề Idempotency-Key dài 8 đến 64 ký tự [A-Za-z0-9_-], giống nhau ở mọi lần "
               "gửi lại");
        return std::nullopt;
    }

    // Checks a walk-in's form; writes a 400/422 naming the field and returns false when wrong.
    bool validate(const protocol::WalkInRegistration& form, Student& student,
                  Store::StudentDetails& details, Response& response) {
        const auto bad = [&](const char* code, const std::string& en, const std::string& vi) {
            refuse(response, 422, code, en, vi);
            return false;
        };
        // Control characters, CR/LF, NUL and bidi overrides never reach a screen or a list.
        const std::string full_name = printable_text(form.full_name);
        if (full_name.empty() || full_name.size() > 120) {
            return bad("bad_full_name",
                       "the full name must have 1 to 120 bytes of letters, not only spaces or "
                       "control characters",
                       "Họ tên phải có từ 1 đến 120 ký tự chữ, không chỉ khoảng trắng hay ký tự "
                       "điều khiển");
        }
        const std::string school = printable_text(form.school);
        const PhoneCheck phone = check_phone(form.phone);
        if (!phone) {
            return bad("bad_phone", std::string(phone_problem_en(phone.problem())),
                       std::string(phone_problem_vi(phone.problem())));
        }
        if (school.size() > 160) {
            return bad("bad_school", "the school name is too long", "Tên trường quá dài");
        }
        // "Ngành khác / Other trade": no code (or "other") and the trade's name typed.
        const bool other_trade = form.occupation.empty() || form.occupation == kOtherOccupation;
        std::optional<std::string> occupation_text;
        if (other_trade) {
            const OccupationTextCheck typed =
                check_occupation_text(form.occupation_text.value_or(""));
            if (!typed) {
                return bad("bad_occupation_text",
                           std::string(occupation_text_problem_en(typed.problem)),
                           std::string(occupation_text_problem_vi(typed.problem)));
            }
            occupation_text = typed.text;
        } else if (!find_occupation(form.occupation)) {
            return bad("bad_occupation", "unknown trade \"" + form.occupation + "\"",
                       "Không có nghề \"" + form.occupation + "\"");
        } else if (form.occupation_text) {
            return bad("bad_occupation_text",
                       "a typed trade name goes only with occupation \"other\" (Other trade)",
                       "Chỉ nhập tên nghề khi chọn \"Ngành khác\"");
        }
        const auto level = parse_level(form.level);
        if (!level) {
            return bad("bad_level", "unknown level \"" + form.level + "\"",
                       "Không có trình độ \"" + form.level + "\"");
        }
        if (form.preferences.empty() || form.preferences.size() > 5) {
            return bad("bad_preferences", "choose 1 to 5 enterprises",
                       "Hãy chọn từ 1 đến 5 doanh nghiệp");
        }
        std::set<std::string> seen;
        for (const auto& booth : form.preferences) {
            if (!server.live_.fair().find_booth(BoothId(booth))) {
                return bad("unknown_booth", "there is no booth " + booth,
                           "Không có gian hàng " + booth);
            }
            if (!seen.insert(booth).second) {
                return bad("bad_preferences", "booth " + booth + " is chosen twice",
                           "Gian hàng " + booth + " được chọn hai lần");
            }
        }
        for (const auto& [purpose, ticked] : form.consent) {
            const bool known = std::any_of(std::begin(protocol::kConsentPurposes),
                                           std::end(protocol::kConsentPurposes),
                                           [&](std::string_view p) { return p == purpose; });
            if (!known) {
                return bad("bad_consent", "unknown consent purpose \"" + purpose + "\"",
                           "Mục đồng ý không hợp lệ \"" + purpose + "\"");
            }
        }
        const auto interview_consent = form.consent.find("interview");
        if (interview_consent == form.consent.end() || !interview_consent->second) {
            return bad("consent_required",
                       "the student must agree that the chosen enterprises see their details",
                       "Bạn cần đồng ý cho doanh nghiệp đã chọn xem thông tin của bạn để "
                       "được phỏng vấn");
        }
        const Fair& fair = server.live_.fair();
        student.name = full_name;
        // Other trade: no code, so only booths that take any trade are eligible (fair-format.md).
        if (!other_trade) student.occupation = form.occupation;
        student.level = *level;
        student.arrive = fair.settings.grid.day_start;
        student.leave = fair.settings.grid.day_end;
        for (const auto& booth : form.preferences)
            student.preferences.emplace_back(booth);
        details.phone = phone.national();
        if (!school.empty()) details.school = school;
        details.consent_json = json(form.consent).dump();
        details.registered_via = "walk_in";
        details.occupation_text = occupation_text;
        return true;
    }

    void booth_routes() {
        on(RouteId::booth_queue, [this](Call& call) {
            std::lock_guard lock(server.mutex_);
            reply(call.response, 200,
                  booth_queue_view(day(), server.store_, server.live_, *call.booth));
        });
        on(RouteId::call_next, [this](Call& call) {
            const int seat = std::stoi(call.parameter("seat"));
            changing([&] {
                if (server.live_.is_paused(*call.booth)) return refuse_paused(call.response);
                reply(call.response, 200,
                      call_answer(server.live_.call_next(*call.booth, seat, call.actor())));
            });
        });
        on(RouteId::take_walk_in, [this](Call& call) {
            const auto student = text_field(call.body, "student");
            const auto seat = seat_field(call.body);
            if (!student || !seat) {
                return refuse(call.response, 400, "bad_request",
                              "give the standby student and the seat (0 to 999): {\"student\": "
                              "\"W0003\", \"seat\": 0}",
                              "Cần mã sinh viên dự bị và số ghế (0 đến 999)");
            }
            changing([&] {
                if (server.live_.is_paused(*call.booth)) return refuse_paused(call.response);
                const auto called = server.live_.take_from_standby(
                    *call.booth, *seat, StudentId(*student), call.actor());
                if (!called.called) return refuse_nobody(call.response, called);
                reply(call.response, 200, call_answer(called));
            });
        });

        // Interview actions: the table found the interview and checked its booth's permission.
        const auto interview_action = [this](RouteId id, auto&& act) {
            on(id, [this, act](Call& call) {
                changing([&] {
                    act(call);
                    if (call.response.status == -1 || call.response.body.empty()) {
                        reply(call.response, 200,
                              {{"ok", true}, {"interview", call.interview->id}});
                    }
                });
            });
        };
        interview_action(RouteId::interview_start, [this](Call& call) {
            server.live_.start(call.interview->id, call.actor());
        });
        interview_action(RouteId::interview_skip, [this](Call& call) {
            server.live_.skip(call.interview->id, call.actor());
        });
        interview_action(RouteId::interview_recall, [this](Call& call) {
            server.live_.recall(call.interview->id, call.actor());
        });
        interview_action(RouteId::interview_no_show, [this](Call& call) {
            server.live_.no_show(call.interview->id, call.actor());
        });
        interview_action(RouteId::interview_finish, [this](Call& call) {
            const auto text = text_field(call.body, "outcome");
            const auto outcome = text ? parse_outcome(*text) : std::nullopt;
            if (!outcome) {
                return refuse(call.response, 400, "bad_outcome",
                              "\"outcome\" must be offer, internship, next_round or not_suitable",
                              "Kết quả phải là: nhận việc, thực tập, vòng sau hoặc chưa phù hợp");
            }
            // A note keeps its line breaks; other control characters and bidi overrides go.
            const std::string note = printable_lines(text_field(call.body, "note").value_or(""));
            if (note.size() > 2000) {
                return refuse(call.response, 400, "bad_note", "the note is longer than 2000 bytes",
                              "Ghi chú dài quá 2000 byte");
            }
            server.live_.finish(call.interview->id, *outcome, note, call.actor());
        });
        // Booth staff scan the student's ticket to confirm who sits down.
        interview_action(RouteId::interview_verify_ticket, [this](Call& call) {
            const auto holder =
                ticket_holder(text_field(call.body, "ticket").value_or(""), call.response);
            if (!holder) return;
            const bool match = holder->student == call.interview->interview.student;
            reply(call.response, 200,
                  {{"match", match},
                   {"ticket_label", ticket_label(holder->number)},
                   {"message", match ? "This is the called student"
                                     : "This ticket belongs to another student"},
                   {"message_vi",
                    match ? "Đúng sinh viên được gọi" : "Vé này là của sinh viên khác"}});
        });
        interview_action(RouteId::interview_move, [this](Call& call) {
            const auto booth = text_field(call.body, "booth");
            const auto start = TimeOfDay::parse(text_field(call.body, "start").value_or(""));
            const auto seat = seat_field(call.body);
            if (!booth || !start || !seat) {
                return refuse(call.response, 400, "bad_move",
                              "give the new place as {\"booth\": \"B07\", \"seat\": 0, "
                              "\"start\": \"HH:MM\"} (seat 0 to 999)",
                              "Cần chỗ mới: gian, ghế (0 đến 999) và giờ bắt đầu HH:MM");
            }
            if (!server.live_.fair().find_booth(BoothId(*booth))) {
                return refuse(call.response, 404, "unknown_booth", "there is no booth " + *booth,
                              "Không có gian hàng " + *booth);
            }
            server.live_.move(call.interview->id, BoothId(*booth), *seat, *start, call.actor());
        });
        interview_action(RouteId::interview_cancel, [this](Call& call) {
            server.live_.cancel(call.interview->id, text_field(call.body, "reason").value_or(""),
                                call.actor());
        });
    }

    static void refuse_paused(Response& response) {
        refuse(response, 409, "booth_paused", "the booth is paused; resume it first",
               "Gian hàng đang tạm dừng");
    }

    // Why a standby student could not be called, in both languages.
    static void refuse_nobody(Response& response, const CallResult& call) {
        using Nobody = CallResult::Nobody;
        switch (call.nobody) {
            case Nobody::seat_busy:
                return refuse(response, 409, "seat_busy", call.why_nobody,
                              "Ghế này đang có người phỏng vấn");
            case Nobody::seat_held:
                return refuse(response, 409, "seat_held", call.why_nobody,
                              "Ghế này đang giữ cho sinh viên đã hẹn");
            case Nobody::outside_hours:
                return refuse(response, 409, "outside_hours", call.why_nobody,
                              "Ngoài giờ phỏng vấn của hội chợ");
            case Nobody::booth_full:
                return refuse(response, 409, "booth_full", call.why_nobody,
                              "Gian hàng đã đủ số buổi phỏng vấn trong ngày");
            default:
                return refuse(response, 409, "not_in_standby", call.why_nobody,
                              "Sinh viên này không thể được gọi từ hàng chờ lúc này");
        }
    }
    void organizer_routes() {
        // Booth actions: the table found the booth; the answer is {"ok": true} unless the action
        // wrote its own.
        const auto booth_action = [this](RouteId id, auto&& act) {
            on(id, [this, act](Call& call) {
                changing([&] {
                    act(call);
                    if (call.response.body.empty()) reply(call.response, 200, {{"ok", true}});
                });
            });
        };
        booth_action(RouteId::booth_pause,
                     [this](Call& call) { server.live_.pause_booth(*call.booth, call.actor()); });
        booth_action(RouteId::booth_resume,
                     [this](Call& call) { server.live_.resume_booth(*call.booth, call.actor()); });
        booth_action(RouteId::booth_hours, [this](Call& call) {
            const auto close = TimeOfDay::parse(text_field(call.body, "close").value_or(""));
            if (!close) {
                return refuse(call.response, 400, "bad_time",
                              "give the new closing time as \"HH:MM\"",
                              "Hãy nhập giờ đóng cửa mới dạng \"HH:MM\"");
            }
            server.live_.set_booth_close(*call.booth, *close, call.actor());
        });
        booth_action(RouteId::booth_add_seat, [this](Call& call) {
            reply(call.response, 201, {{"seat", server.live_.add_seat(*call.booth, call.actor())}});
        });

        on(RouteId::student_left, [this](Call& call) {
            const StudentId student(call.parameter("student"));
            if (!server.live_.fair().find_student(student)) {
                return refuse_unknown_student(call.response, student);
            }
            changing([&] {
                const auto cancelled = server.live_.mark_left(student, call.actor());
                reply(call.response, 200, {{"cancelled", cancelled}});
            });
        });
        // Tickets for pre-registered students, one at a time (bulk: `jobfair tickets`).
        on(RouteId::student_ticket, [this](Call& call) {
            const StudentId student(call.parameter("student"));
            std::lock_guard lock(server.mutex_);
            const auto ticket = server.store_.ticket_of(student);
            if (!ticket) return refuse_no_ticket(call.response, student);
            reply(call.response, 200,
                  {{"student", ticket->student.str()},
                   {"ticket", issue_ticket(server.ticket_key_, ticket->number)},
                   {"ticket_label", ticket_label(ticket->number)}});
        });
        // A lost or misused ticket: refused from now on; a new one can be issued.
        on(RouteId::student_ticket_revoke, [this](Call& call) {
            const StudentId student(call.parameter("student"));
            changing([&] {
                const auto ticket = server.store_.ticket_of(student);
                if (!ticket) return refuse_no_ticket(call.response, student);
                server.store_.revoke_ticket(ticket->number,
                                            text_field(call.body, "reason").value_or("revoked"),
                                            call.actor());
                reply(call.response, 200, {{"revoked", ticket_label(ticket->number)}});
            });
        });
        on(RouteId::student_ticket_reissue, [this](Call& call) {
            const StudentId student(call.parameter("student"));
            if (!server.live_.fair().find_student(student)) {
                return refuse_unknown_student(call.response, student);
            }
            changing([&] {
                const std::uint32_t number = server.store_.reissue_ticket(student, call.actor());
                reply(call.response, 201,
                      {{"student", student.str()},
                       {"ticket", issue_ticket(server.ticket_key_, number)},
                       {"ticket_label", ticket_label(number)}});
            });
        });
        on(RouteId::replan_preview, [this](Call& call) {
            std::lock_guard lock(server.mutex_);
            reply(call.response, 200, preview_json(server.live_.preview_replan()));
        });
        on(RouteId::replan, [this](Call& call) {
            changing([&] {
                reply(call.response, 200, preview_json(server.live_.replan(call.actor())));
            });
        });
        on(RouteId::set_clock, [this](Call& call) {
            if (!server.options_.steerable_clock) {
                return refuse(call.response, 409, "real_clock",
                              "this server runs on the real clock; start it with --clock-speed "
                              "to simulate a day",
                              "Máy chủ đang chạy theo giờ thật; hãy khởi động với --clock-speed "
                              "để mô phỏng một ngày");
            }
            const auto now = TimeOfDay::parse(text_field(call.body, "now").value_or(""));
            if (!now) {
                return refuse(call.response, 400, "bad_time", "give the time as \"HH:MM\"",
                              "Hãy nhập giờ dạng \"HH:MM\"");
            }
            changing([&] {
                if (!server.options_.steerable_clock->set(*now)) {
                    return refuse(call.response, 409, "clock_backwards",
                                  "the fair clock only moves forward",
                                  "Đồng hồ hội chợ chỉ chạy tới, không lùi");
                }
                reply(call.response, 200, {{"now", server.clock_.now().str()}});
            });
        });
        on(RouteId::overview, [this](Call& call) {
            const auto known_devices = devices(/*screens_only=*/true);
            std::lock_guard lock(server.mutex_);
            const DayState today = day();
            json view = overview_view(today, server.live_, known_devices);
            // Seat-slots freed before the last hour (no-show, skip, ended early) and how many of
            // those another student used: the day report's rule, on the events so far, each at
            // the fair time of this server's clock (a simulator's own minutes when it left them).
            const FreedSeatSlots freed = count_freed_seat_slots(
                today.fair.settings, today.interviews,
                reports::fair_timed_events(server.store_.events(),
                                           [this](std::chrono::system_clock::time_point wall) {
                                               return server.clock_.at(wall);
                                           }));
            view["figures"]["freed_seat_slots"] = freed.freed;
            view["figures"]["refilled_seat_slots"] = freed.refilled;
            // What looks like an attack in the last ten minutes, for the dashboard's alerts.
            json security = json::array();
            for (const auto& recent : server.security_.recent()) {
                security.push_back({{"kind", recent.kind},
                                    {"count", recent.count},
                                    {"addresses", recent.addresses}});
            }
            view["security"] = security;
            reply(call.response, 200, view);
        });
        on(RouteId::timeline, [this](Call& call) {
            std::lock_guard lock(server.mutex_);
            reply(call.response, 200, timeline_view(day(), server.live_));
        });
        on(RouteId::export_file, [this](Call& call) {
            const std::string& name = call.parameter("name");
            std::optional<reports::ExportFile> file;
            {
                std::lock_guard lock(server.mutex_);  // one consistent read of the day
                file = reports::render_export(server.store_, name, server.clock_.now());
            }
            if (!file) {
                return refuse(call.response, 404, "unknown_export",
                              "there is no export " + name +
                                  "; see docs/api.md for interviews.csv, "
                                  "outcomes-by-enterprise.csv, outcomes-by-trade.csv, "
                                  "attendance-by-school.csv and summary.html",
                              "Không có tệp xuất " + name);
            }
            call.response.set_header("Content-Disposition",
                                     "attachment; filename=\"" + name + "\"");
            call.response.set_content(file->content, file->content_type.c_str());
        });
        on(RouteId::student_search, [this](Call& call) {
            const std::string query = call.request.get_param_value("q");
            if (to_code_points(collapse_spaces(query)).size() < 2 || query.size() > 200) {
                return refuse(call.response, 400, "bad_parameter",
                              "give 2 to 200 characters to search for in \"q\" (a name, phone, "
                              "ticket label or student id)",
                              "Hãy nhập ít nhất 2 ký tự để tìm (tên, số điện thoại, số vé)");
            }
            std::optional<StudentId> holder;  // a scanned ticket: its signature decides
            if (const TicketCheck check = verify_ticket(server.ticket_key_, query); check) {
                std::lock_guard lock(server.mutex_);
                if (const auto record = server.store_.ticket(check.ticket_number())) {
                    holder = record->student;
                }
            }
            std::lock_guard lock(server.mutex_);
            reply(call.response, 200, student_search_view(day(), server.store_, query, holder));
        });
    }

    static void refuse_unknown_student(Response& response, const StudentId& student) {
        refuse(response, 404, "unknown_student", "there is no student " + student.str(),
               "Không có sinh viên " + student.str());
    }

    static void refuse_no_ticket(Response& response, const StudentId& student) {
        refuse(response, 404, "unknown_student",
               "student " + student.str() + " has no valid ticket",
               "Sinh viên " + student.str() + " không có vé hợp lệ");
    }
    static json preview_json(const ReplanPreview& preview) {
        return {{"kept", preview.kept},
                {"moved", preview.moved},
                {"added", preview.added},
                {"dropped", preview.dropped},
                {"planned_after", preview.planned_after}};
    }

    void board_and_event_routes() {
        on(RouteId::recent_calls, [this](Call& call) {
            std::lock_guard lock(server.mutex_);
            const EventId from = std::max<EventId>(0, server.last_event_ - 2000);
            reply(call.response, 200,
                  recent_calls_view(day(), server.store_.events(from), 10, server.clock_));
        });

        on(RouteId::events, [this](Call& call) {
            const auto since = event_cursor(call.request.get_param_value("since"));
            if (!since) {
                return refuse(call.response, 400, "bad_parameter", "\"since\" must be an event id",
                              "\"since\" phải là mã sự kiện (số)");
            }
            std::lock_guard lock(server.mutex_);
            json items = json::array();
            for (const auto& event : server.store_.events(*since))
                items.push_back(event_for(*call.principal, event));
            reply(call.response, 200, {{"events", items}, {"last", server.last_event_}});
        });

        // Server-sent events: every new event row, as it is committed. A client that reconnects
        // sends Last-Event-ID (or ?since=) and gets what it missed.
        on(RouteId::stream, [this](Call& call) {
            const Request& request = call.request;
            const Principal& principal = *call.principal;
            const std::string resume = request.has_header("Last-Event-ID")
                                           ? request.get_header_value("Last-Event-ID")
                                           : request.get_param_value("since");
            EventId since = 0;
            if (resume.empty()) {
                std::lock_guard lock(server.events_mutex_);
                since = server.streamed_events_.empty() ? 0 : server.streamed_events_.back().id;
            } else if (const auto cursor = event_cursor(resume)) {
                since = *cursor;
            } else {
                return refuse(call.response, 400, "bad_parameter",
                              "Last-Event-ID must be an event id",
                              "Last-Event-ID phải là mã sự kiện (số)");
            }
            {
                std::lock_guard lock(server.stream_count_mutex_);
                int& open = server.streams_per_token_[principal.token_id];
                if (open >= server.options_.max_streams_per_token) {
                    server.security_.record("too_many_streams_per_token", request.remote_addr,
                                            principal.device_or_user);
                    return refuse(call.response, 429, "too_many_streams",
                                  "this device already has " + std::to_string(open) +
                                      " event streams open; close one first",
                                  "Thiết bị này đã mở " + std::to_string(open) +
                                      " luồng sự kiện; hãy đóng bớt");
                }
                ++open;
            }
            const std::string header =
                request.get_header_value(protocol::kAuthorizationHeader.data());
            call.response.status = 200;
            call.response.stream =
                std::make_shared<EventFeed>(server, principal, header.substr(7), since);
        });
    }
    // --- The student's own phone: its page and the routes its status token opens --------------
    void phone_routes() {
        // The page itself: static, the same for everyone; the token stays in the URL's fragment,
        // which browsers never send, so it is in no request line and no log.
        server.http_->Get("/p", [](const Request&, Response& response) {
            response.status = 200;
            response.set_header("Cache-Control", "no-cache");
            response.set_header("Referrer-Policy", "no-referrer");
            response.set_header("X-Content-Type-Options", "nosniff");
            response.set_header("X-Frame-Options", "DENY");
            response.set_header("Content-Security-Policy",
                                "default-src 'none'; script-src 'unsafe-inline'; style-src "
                                "'unsafe-inline'; connect-src 'self'; img-src data:; "
                                "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
            response.set_content(std::string(phone_status_page()), "text/html; charset=utf-8");
        });
        on(RouteId::my_status, [this](Call& call) {
            std::lock_guard lock(server.mutex_);
            reply(call.response, 200, status_of(call));
        });
        const auto absence_route = [this](RouteId id, auto&& report) {
            on(id, [this, report](Call& call) {
                const auto minutes = minutes_field(call.body);
                if (!minutes) {
                    return refuse(call.response, 400, "bad_minutes",
                                  "give the minutes as a whole number: {\"minutes\": 10}",
                                  "Hãy chọn số phút (số nguyên)");
                }
                if (!allow_press(call)) return;
                changing([&] {
                    report(call, *minutes);
                    reply(call.response, 200, status_of(call));
                });
            });
        };
        absence_route(RouteId::my_running_late, [this](Call& call, int minutes) {
            server.live_.report_running_late(*call.student, minutes, phone_actor(call));
        });
        absence_route(RouteId::my_step_away, [this](Call& call, int minutes) {
            server.live_.step_away(*call.student, minutes, phone_actor(call));
        });
        on(RouteId::my_add_booth, [this](Call& call) {
            const auto booth = text_field(call.body, "booth");
            if (!booth) {
                return refuse(call.response, 400, "missing_field", "give the booth in \"booth\"",
                              "Thiếu gian hàng (\"booth\")");
            }
            if (!allow_press(call)) return;
            changing([&] {
                server.live_.add_booth(*call.student, BoothId(*booth), "", phone_actor(call));
                phone_day_.reset();  // the shared read is older than this change
                reply(call.response, 200, status_of(call));
            });
        });
        on(RouteId::my_return, [this](Call& call) {
            if (!allow_press(call)) return;
            changing([&] {
                server.live_.come_back(*call.student, phone_actor(call));
                reply(call.response, 200, status_of(call));
            });
        });
    }

    static std::string phone_actor(const Call& call) {
        return "phone:" + ticket_label(call.ticket_number);
    }

    static std::optional<int> minutes_field(const json& body) {
        const auto it = body.find("minutes");
        if (it == body.end() || !it->is_number_integer()) return std::nullopt;
        const auto value = it->get<std::int64_t>();
        if (value < -1'000'000 || value > 1'000'000) return std::nullopt;
        return static_cast<int>(value);  // the live fair says which minutes it takes
    }

    // The status answer, from one read of the day shared by every phone until the next event or
    // the next fair minute: hundreds of phones polling cost one read, not hundreds. Mutex held.
    protocol::StudentStatus status_of(const Call& call) {
        const TimeOfDay now = server.clock_.now();
        if (!phone_day_ || phone_day_event_ != server.last_event_ || phone_day_->now != now) {
            phone_outlooks_.reset();  // it reads the day being replaced
            phone_day_.emplace(day_state(server.store_, server.live_, now));
            phone_day_event_ = server.last_event_;
            phone_outlooks_.emplace(*phone_day_, paused_booths(server.live_),
                                    no_show_rate(phone_day_->interviews));
        }
        return student_status_view(*phone_outlooks_, server.live_, *call.student,
                                   call.ticket_number);
    }
    std::optional<DayState> phone_day_;  // guarded by server.mutex_
    std::optional<DayOutlooks> phone_outlooks_;
    EventId phone_day_event_ = -1;

    // The buttons of one status token: at most phone_presses_per_ten_minutes in ten minutes,
    // or a 429 already written with the seconds to wait.
    bool allow_press(Call& call) {
        using namespace std::chrono;
        const auto now = steady_clock::now();
        std::lock_guard lock(presses_mutex_);
        auto& presses = presses_[call.ticket_number];
        std::erase_if(presses,
                      [&](steady_clock::time_point at) { return now - at >= minutes(10); });
        if (static_cast<int>(presses.size()) < server.options_.phone_presses_per_ten_minutes) {
            presses.push_back(now);
            return true;
        }
        const auto wait = duration_cast<seconds>(presses.front() + minutes(10) - now).count() + 1;
        call.response.set_header("Retry-After", std::to_string(wait));
        server.security_.record("too_many_phone_presses", call.request.remote_addr);
        refuse(call.response, 429, "too_many_presses",
               "too many presses in a short time: wait " + std::to_string((wait + 59) / 60) +
                   " min, or tell a booth's staff",
               "Bạn đã bấm quá nhiều lần: hãy đợi " + std::to_string((wait + 59) / 60) +
                   " phút, hoặc báo với nhân viên gian hàng");
        return false;
    }
    std::mutex presses_mutex_;
    std::map<std::uint32_t, std::vector<std::chrono::steady_clock::time_point>> presses_;

    static std::optional<EventId> event_cursor(const std::string& text) {
        if (text.empty()) return EventId{0};
        if (text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos) {
            return std::nullopt;
        }
        return std::stoll(text);
    }
};

void FairServer::install_routes() {
    // The handlers keep a pointer to the Routes object: it lives as long as the server.
    routes_.reset(new Routes(*this));
    routes_->install();
}

}  // namespace jobfair
