// The now-calling board as one model (STYLE.md rule 3): the view reads BoardState, the app feeds
// Intents (answers of GET /calls/recent, events and connection changes of the stream, the clock)
// and update() returns the Effects to run off the UI thread (fetch the calls again, play the
// chime). The board shows ticket labels, booths and seats only: the API gives it no names.
//
// Index: Call and parse_recent_calls · BoardState · intents and effects · update · now_calling
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/interview_status.hpp"
#include "common/utc_time.hpp"

namespace jobfair::board {

using WallClock = std::chrono::system_clock;
using WallTime = WallClock::time_point;

// One entry of GET /api/v1/calls/recent: a call, a recall or a call-again after a skip.
struct Call {
    std::int64_t event = 0;    // the event id: newer calls have larger ids
    std::string ticket_label;  // "A-0087"
    std::string booth;         // "B07"
    int seat = 0;              // from 0; shown from 1
    bool recall = false;
    InterviewStatus status = InterviewStatus::called;  // the interview's status now
    WallTime at;                                       // the server's wall clock
};

// "2026-11-23T16:39:18.427Z" -> that instant; nullopt for anything else.
using ::jobfair::parse_utc_timestamp;

// The calls of a GET /calls/recent body, newest first; throws std::invalid_argument naming what
// is wrong when the body is not such an answer.
std::vector<Call> parse_recent_calls(std::string_view body);

enum class Connection { connecting, online, offline };

// What the header says of the fair (GET /api/v1/hello): its name, its own date ("YYYY-MM-DD";
// nullopt when it has none, and the board says so: never the machine's date) and venue.
struct FairHeading {
    std::string name;
    std::optional<std::string> date;
    std::optional<std::string> venue;
};

struct BoardConfig {
    std::chrono::minutes now_calling_window{3};  // a call stays "now calling" this long
    std::size_t now_calling_limit = 6;           // big tiles on the screen at most
    std::chrono::seconds retry_every{5};         // fetch again while offline
};

struct BoardState {
    BoardConfig config;
    Connection connection = Connection::connecting;
    std::optional<FairHeading> fair;  // until the server's hello is heard
    std::vector<Call> calls;          // the last ten, newest first, as the server last said
    bool calls_loaded = false;
    std::int64_t newest_call_event = 0;  // the chime rings for calls newer than this
    std::int64_t last_stream_event = 0;  // the stream resumes after it (Last-Event-ID)
    bool fetch_in_flight = false;
    bool fetch_again = false;  // an event came while fetching: fetch once more afterwards
    WallTime next_retry{};
    int chimes_rung = 0;
};

// --- Intents: what happened ---------------------------------------------------------------------
namespace intent {
struct CallsAnswered {  // GET /calls/recent came back: the calls, or nullopt when unreachable
    std::optional<std::vector<Call>> calls;
    std::optional<FairHeading> fair = std::nullopt;  // with the first fetch that heard the hello
};
struct StreamOpened {};  // the event stream (re)connected
struct StreamLost {};    // the stream ended, failed or went silent
struct StreamEventArrived {
    std::int64_t id = 0;
    std::string kind;
};
struct Tick {};  // once a frame
}  // namespace intent
using Intent = std::variant<intent::CallsAnswered, intent::StreamOpened, intent::StreamLost,
                            intent::StreamEventArrived, intent::Tick>;

// --- Effects: what the app must do --------------------------------------------------------------
namespace effect {
struct FetchRecentCalls {};
struct PlayChime {};
}  // namespace effect
using Effect = std::variant<effect::FetchRecentCalls, effect::PlayChime>;

BoardState make_board(const BoardConfig& config = {});

// Applies `intent` at `now`; returns what must be done.
std::vector<Effect> update(BoardState& state, const Intent& intent, WallTime now);

// True for the event kinds after which the calls are fetched again: every interview.* move
// (a call, a recall, and any change of a called interview's status), and student.left (a
// student called but gone is no longer called).
bool event_changes_calls(std::string_view kind);

// The calls being called now: status "called" and called within the window, newest first, one
// per ticket (a recall replaces the first call), at most config.now_calling_limit.
std::vector<Call> now_calling(const BoardState& state, WallTime now);

// When the board's screen next changes by itself after `now` (the frame loop sleeps until then
// unless an answer or input comes): the clock's next minute ("HH:MM"), a call leaving "now
// calling", or the next fetch retry while offline or still loading.
WallTime next_change(const BoardState& state, WallTime now);

}  // namespace jobfair::board
