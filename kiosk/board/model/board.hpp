// The now-calling board as one model (STYLE.md rule 3): the view reads BoardState, the app feeds
// Intents (answers of GET /calls/recent and GET /hello, events and connection changes of the
// stream, the frame's tick, the voice switch) and update() returns the Effects to run off the UI
// thread (fetch the calls or the fair clock again, ring the chime, say a call). The board shows
// ticket labels, booths and seats only: the API gives it no names. Every time it shows or
// reckons with is on the fair clock (GET /hello's and /calls/recent's "now", each call's "time"),
// never this machine's.
//
// Index: Call and parse_recent_calls · BoardState · intents and effects · update · now_calling,
// pages, fair_over
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/interview_status.hpp"
#include "common/language.hpp"
#include "common/time_of_day.hpp"
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
    TimeOfDay time;                                    // the fair clock when it was made
};

// "2026-11-23T16:39:18.427Z" -> that instant; nullopt for anything else.
using ::jobfair::parse_utc_timestamp;

// A GET /calls/recent body: the calls, newest first, and the fair clock when it was answered.
struct RecentCalls {
    std::vector<Call> calls;
    std::optional<TimeOfDay> now;
};
// Throws std::invalid_argument naming what is wrong when the body is not such an answer.
RecentCalls parse_recent_calls_answer(std::string_view body);
std::vector<Call> parse_recent_calls(std::string_view body);  // its calls only

enum class Connection { connecting, online, offline };

// What the header says of the fair (GET /api/v1/hello): its name, its own date ("YYYY-MM-DD";
// nullopt when it has none, and the board says so: never the machine's date) and venue.
struct FairHeading {
    std::string name;
    std::optional<std::string> date;
    std::optional<std::string> venue;
    std::optional<TimeOfDay> day_end = std::nullopt;  // on the fair clock; the fair is over then
};

struct BoardConfig {
    int now_calling_minutes = 3;          // a call stays "now calling" this long (fair clock)
    std::size_t tiles_per_page = 3;       // big tiles on one page (board_layout says how many)
    std::chrono::seconds page_every{8};   // pages turn this often when the calls need more
    std::chrono::seconds retry_every{5};  // fetch again while offline
    std::chrono::seconds clock_every{5};  // ask GET /hello for the fair clock this often
    Language language = Language::vi;     // what the voice speaks
    bool voice = true;                    // --no-voice starts it off; the button toggles it
    bool voice_installed = true;          // false when espeak-ng is missing: the button says so
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
    // The fair clock as last heard (GET /hello or /calls/recent), and when the board asks again.
    std::optional<TimeOfDay> fair_now;
    WallTime next_clock_check{};
    bool clock_check_in_flight = false;
    // The page of big tiles on screen (0-based, taken modulo the page count) and when it turned.
    std::size_t page = 0;
    WallTime page_turned_at{};
    bool voice_on = true;
    int calls_spoken = 0;
};

// --- Intents: what happened ---------------------------------------------------------------------
namespace intent {
struct CallsAnswered {  // GET /calls/recent came back: the calls, or nullopt when unreachable
    std::optional<std::vector<Call>> calls;
    std::optional<FairHeading> fair = std::nullopt;    // with the first fetch that heard the hello
    std::optional<TimeOfDay> fair_now = std::nullopt;  // the answer's "now"
};
struct ClockHeard {  // GET /hello came back: the fair's heading and clock, or nullopt
    std::optional<FairHeading> fair;
    std::optional<TimeOfDay> fair_now;
};
struct VoiceToggled {};  // the organizer tapped the voice switch
struct StreamOpened {};  // the event stream (re)connected
struct StreamLost {};    // the stream ended, failed or went silent
struct StreamEventArrived {
    std::int64_t id = 0;
    std::string kind;
};
struct Tick {};  // once a frame
}  // namespace intent
using Intent = std::variant<intent::CallsAnswered, intent::ClockHeard, intent::StreamOpened,
                            intent::StreamLost, intent::StreamEventArrived, intent::Tick,
                            intent::VoiceToggled>;

// --- Effects: what the app must do --------------------------------------------------------------
namespace effect {
struct FetchRecentCalls {};
struct AskFairClock {};  // GET /hello
struct PlayChime {};
struct Speak {  // say this, after what is already being said (board_speech builds it)
    std::string text;
};
struct StopSpeaking {};  // the voice was switched off: drop what waits to be said
}  // namespace effect
using Effect = std::variant<effect::FetchRecentCalls, effect::AskFairClock, effect::PlayChime,
                            effect::Speak, effect::StopSpeaking>;

BoardState make_board(const BoardConfig& config = {});

// Applies `intent` at `now`; returns what must be done.
std::vector<Effect> update(BoardState& state, const Intent& intent, WallTime now);

// True for the event kinds after which the calls are fetched again: every interview.* move
// (a call, a recall, and any change of a called interview's status), and student.left (a
// student called but gone is no longer called).
bool event_changes_calls(std::string_view kind);

// The calls being called now: status "called" and made within the last now_calling_minutes of
// the fair clock, newest first, one per ticket (a recall replaces the first call); none once the
// fair is over.
std::vector<Call> now_calling(const BoardState& state);

// Fair-clock minutes since `call` was made (0 = this minute); nullopt before the clock is heard.
std::optional<int> minutes_since(const BoardState& state, const Call& call);

// The page of big tiles on screen: every call now calling gets its tile on some page, and the
// pages turn every config.page_every (update's Tick) so each one comes round.
struct TilePage {
    std::vector<Call> calls;  // at most config.tiles_per_page
    std::size_t index = 0;    // 0-based
    std::size_t count = 1;    // pages in all, at least 1
};
TilePage current_page(const BoardState& state);

// The fair's day is over: the fair clock has reached the day's end (GET /hello's day_end).
bool fair_over(const BoardState& state);

// When the board's screen next changes by itself after `now` (the frame loop sleeps until then
// unless an answer or input comes): the clock's next minute ("HH:MM"), the next ask of the fair
// clock (which moves "now calling" and "N min ago"), the next page while there are several, or
// the next fetch retry while offline or still loading.
WallTime next_change(const BoardState& state, WallTime now);

}  // namespace jobfair::board
