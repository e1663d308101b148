// The booth station as one model (STYLE.md rule 3): the PIN login, then the booth's queue with
// the actions of docs/api.md section 6 and the standby walk-in (POST /booths/{b}/take-walk-in).
// The view reads BoothState and appends Intents; update() returns Effects (say hello, log in and
// out, fetch the queue, post an action, verify a ticket) that the app runs off the UI thread and
// answers as Intents. Interview ids always come from the latest queue. Every word shown comes
// from booth_strings; notices are kept in both languages so the language can switch at any time.
//
// Index: queue answer and parse_booth_queue · BoothState · intents · effects · update ·
//        parse_stream_event · queries
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/interview_status.hpp"
#include "common/wire_codes.hpp"
#include "kiosk/booth/model/booth_strings.hpp"

namespace jobfair::booth {

// --- The queue (GET /api/v1/booths/{booth}/queue) ----------------------------------------------
struct Person {
    std::string student;  // "S0087"
    std::string ticket_label;
    std::string full_name;
    std::string given_name;
    std::string occupation;       // code; empty with Other trade
    std::string occupation_text;  // "Ngành khác / Other trade": the trade the student typed
    std::string level;            // code
    std::string school;           // may be empty
    int rank = 0;                 // the place the student gave this booth, 1 = first choice
};

struct QueuedInterview {
    std::int64_t id = 0;
    int seat = 0;
    std::string start;  // "HH:MM"
    std::string end;
    InterviewStatus status = InterviewStatus::planned;  // never one that is over
    Whereabouts whereabouts = Whereabouts::not_arrived;
    std::string busy_at;     // the other booth, when busy
    std::string away_until;  // "HH:MM", when away
    // Called or in progress: seconds since the call or the start, by the server's clock.
    std::optional<std::int64_t> status_seconds;
    Person person;
};

struct StandbyStudent {
    Person person;
    std::string arrived;  // "HH:MM"
    std::string busy_at;  // empty when free
    // Why the server would not take the student now; none: it would.
    StandbyBlock blocked = StandbyBlock::none;
};

struct BoothQueue {
    std::string booth;
    std::string enterprise;
    std::string now;  // the fair clock
    int seats = 1;
    bool paused = false;
    std::string break_until;  // "HH:MM" while the booth is in one of its breaks, else empty
    std::vector<QueuedInterview> queue;
    std::vector<StandbyStudent> standby;
};

// Throws std::invalid_argument when `body` is not a queue answer.
BoothQueue parse_booth_queue(std::string_view body);

// The string at `key` of a server answer, or "" when it is absent, null or not a string (fields a
// station can do without); for the station's client as well as its model.
std::string text_or_empty(const nlohmann::json& object, const char* key);

// --- State --------------------------------------------------------------------------------------
using Clock = std::chrono::steady_clock;

enum class Screen { login, booth };
enum class Action { call_next, recall, skip, start, finish, no_show, take_walk_in };
inline constexpr std::size_t kPinLength = 6;
inline constexpr std::size_t kMaxNoteBytes = 2000;
inline constexpr std::size_t kMaxTicketChars = 64;
inline constexpr std::chrono::seconds kRetryEvery{5};       // hello / queue while unreachable
inline constexpr std::chrono::seconds kRefreshEvery{30};    // the queue while online and quiet
inline constexpr std::chrono::milliseconds kScanGap{1000};  // a longer pause starts a new scan

// What the staff last saw happen, shown in a banner; in both languages.
struct Notice {
    enum class Kind { info, ok, warning, danger } kind = Kind::info;
    std::string vi;
    std::string en;
    const std::string& text(Language language) const { return language == Language::vi ? vi : en; }
};

struct TicketCheck {
    std::int64_t interview = 0;
    bool match = false;
    std::string ticket_label;    // the scanned ticket's label
    std::string expected_label;  // the called student's
    std::string expected_name;   // the called student's given name
    std::string message;         // the server's words, for logs
};

// The finish dialog, open for one interview in progress.
struct FinishDialog {
    std::int64_t interview = 0;
    int seat = 0;
};

struct BoothState {
    std::string booth;  // "B07"
    bool vietnamese = true;
    Screen screen = Screen::login;

    // Before login: GET /hello (reachability and the protocol version, STYLE.md rule 5).
    bool hello_in_flight = false;
    std::optional<bool> server_reachable;  // unknown until the first hello answers
    std::optional<int> protocol_mismatch;  // the server's version when it differs from ours
    std::string fair_name;
    std::optional<std::string> fair_date;  // "YYYY-MM-DD"; nullopt: the fair has none

    std::string pin;  // digits typed so far, never more than kPinLength
    bool logging_in = false;
    std::optional<Notice> login_problem;

    std::optional<BoothQueue> queue;
    bool online = true;
    bool fetch_in_flight = false;
    bool fetch_again = false;
    std::optional<Action> action_in_flight;
    std::int64_t action_interview = 0;  // the interview of the action in flight (0: none)
    int action_seat = 0;                // its seat
    std::optional<Notice> notice;
    std::optional<FinishDialog> finishing;
    std::map<int, InterviewOutcome> outcome_by_seat;  // the outcome chosen before Finish
    std::string note;                                 // the note typed for the next Finish
    std::int64_t note_for = 0;                        // the interview the note and outcome are for
    std::string scanned;                              // characters typed by the scanner so far
    Clock::time_point last_key{};
    std::optional<TicketCheck> ticket_check;
    std::map<std::int64_t, Clock::time_point> called_at;   // when each call was seen here
    std::map<std::int64_t, Clock::time_point> started_at;  // when each interview began here
    Clock::time_point next_retry{};
    Clock::time_point next_refresh{};
};

inline Language language_of(const BoothState& state) {
    return language_of(state.vietnamese);
}

// --- Intents -------------------------------------------------------------------------------------
struct ServerRefusal {
    std::string message;     // English
    std::string message_vi;  // may be empty
    std::string code = {};   // "wrong_pin", "unauthenticated", ... (may be empty)
};
// The answer of one call: ok, unreachable (nullopt refusal and !reached), or refused.
struct Outcome {
    bool reached = false;
    std::optional<ServerRefusal> refusal;  // set when reached but refused
    bool ok() const { return reached && !refusal; }
};

namespace intent {
struct HelloAnswered {
    bool reached = false;
    int protocol = 0;
    std::string fair_name;
    std::optional<std::string> fair_date = std::nullopt;  // "YYYY-MM-DD"
};
struct PinDigit {
    char digit = '0';
};
struct PinBackspace {};
struct PinClear {};
struct LoginAnswered {
    Outcome outcome;
};
struct LogOut {};
struct SwitchLanguage {};
struct QueueAnswered {
    Outcome outcome;
    std::optional<BoothQueue> queue;  // set when ok
};
struct CallNext {
    int seat = 0;
};
struct Recall {
    std::int64_t interview = 0;
};
struct Skip {
    std::int64_t interview = 0;
};
struct Start {
    std::int64_t interview = 0;
};
struct OpenFinish {  // the Finish… button: opens the dialog
    std::int64_t interview = 0;
};
struct CloseFinish {};  // the dialog's Back: the choice and note stay for a second try
struct ChooseOutcome {
    int seat = 0;
    InterviewOutcome outcome = InterviewOutcome::offer;
};
struct NoteTyped {
    std::string text;  // the whole note as it now reads
};
struct Finish {
    std::int64_t interview = 0;
};
struct NoShow {
    std::int64_t interview = 0;
};
struct TakeWalkIn {  // a standby student called at once into a free seat
    std::string student;
    int seat = 0;
};
struct ActionAnswered {
    Action action = Action::call_next;
    Outcome outcome;
    std::string called_ticket_label;       // call-next, take-walk-in: who was called
    std::string why_nobody;                // call-next: why nobody was (the server's English)
    CallNobody nobody = CallNobody::none;  // ... as the API's code
    std::string nobody_student;            // the student in the way, for seat_busy and seat_held
};
struct Key {  // a character typed (keyboard or USB scanner) with no text field focused
    char32_t character = 0;
};
struct Enter {};
struct VerifyAnswered {
    std::int64_t interview = 0;
    Outcome outcome;
    bool match = false;
    std::string ticket_label;
    std::string message;
};
struct DismissTicketCheck {};
struct DismissNotice {};
struct StreamOpened {};
struct StreamLost {};
struct StreamEventArrived {
    std::string kind;
    std::string booth;                      // from the payload, when it names one
    std::optional<std::int64_t> interview;  // from the payload, when it names one
};
struct Tick {};  // once a frame
}  // namespace intent
using Intent =
    std::variant<intent::HelloAnswered, intent::PinDigit, intent::PinBackspace, intent::PinClear,
                 intent::LoginAnswered, intent::LogOut, intent::SwitchLanguage,
                 intent::QueueAnswered, intent::CallNext, intent::Recall, intent::Skip,
                 intent::Start, intent::OpenFinish, intent::CloseFinish, intent::ChooseOutcome,
                 intent::NoteTyped, intent::Finish, intent::NoShow, intent::TakeWalkIn,
                 intent::ActionAnswered, intent::Key, intent::Enter, intent::VerifyAnswered,
                 intent::DismissTicketCheck, intent::DismissNotice, intent::StreamOpened,
                 intent::StreamLost, intent::StreamEventArrived, intent::Tick>;

// --- Effects -------------------------------------------------------------------------------------
namespace effect {
struct SayHello {};  // GET /hello
struct LogIn {
    std::string booth;
    std::string pin;
};
// Forget the token and close the event stream; `tell_server`: POST /auth/logout first.
struct LogOut {
    bool tell_server = true;
};
struct FetchQueue {};
struct PostAction {
    Action action = Action::call_next;
    std::string path;  // below /api/v1, e.g. "/interviews/488/start"
    std::string body;  // JSON object
};
struct VerifyTicket {
    std::int64_t interview = 0;
    std::string ticket;
};
}  // namespace effect
using Effect = std::variant<effect::SayHello, effect::LogIn, effect::LogOut, effect::FetchQueue,
                            effect::PostAction, effect::VerifyTicket>;

BoothState make_booth(std::string booth, bool vietnamese);
std::vector<Effect> update(BoothState& state, const Intent& intent, Clock::time_point now);

// An event of GET /stream as the model wants it: `data` is the event's JSON line (full for this
// booth's own events, reduced to id, kind and booth for the others). Never throws: data that is
// not JSON gives an event with the kind only.
intent::StreamEventArrived parse_stream_event(std::string_view kind, std::string_view data);

// --- Queries for the view ------------------------------------------------------------------------
// The interview called or in progress at `seat`, if any.
const QueuedInterview* current_interview(const BoothState& state, int seat);
// The planned and promised interviews still to come, by start time (at most `limit`).
std::vector<const QueuedInterview*> next_interviews(const BoothState& state, std::size_t limit);
// The interview a scanned ticket is checked against: the first called one, else in progress.
const QueuedInterview* interview_to_verify(const BoothState& state);
// How long the interview has been called (status called) or under way (in_progress), as seen
// by this station; nullopt when it has not been seen in that status.
std::optional<std::chrono::seconds> running_for(const BoothState& state,
                                                const QueuedInterview& interview,
                                                Clock::time_point now);
// When the station's screen or its fetching next changes by itself after `now` (the frame loop
// sleeps until then unless an answer or input comes): the next whole second of a seat's
// "called for" / "interviewing for" timer, the queue's refresh, a retry while offline or before
// the server's hello; nullopt when nothing is timed.
std::optional<Clock::time_point> next_change(const BoothState& state, Clock::time_point now);
// The number of seats of the booth (1 until the queue is in).
int seat_count(const BoothState& state);
// A duration as the view writes it: "4:07", "1:02:03".
std::string clock_text(std::chrono::seconds duration);

// Minutes from `arrived` to `now`, both "HH:MM" of the fair clock; nullopt when either is not a
// time or `now` is before `arrived` (a queue from before midnight has no meaning here).
std::optional<int> minutes_waited(std::string_view arrived, std::string_view now);
// "đã chờ 3 giờ 40 phút" / "waited 3 h 40 min"; "đã chờ 25 phút" under an hour.
std::string waited_words(int minutes, Language language);

// The pill of a standby row the server would not take now: "Nghỉ đến 10:15" while the booth is
// in a break (the server then says outside_hours), else the words of its `blocked` code; nullopt
// when the student can be invited.
std::optional<std::string> standby_block_words(const BoothQueue& queue,
                                               const StandbyStudent& student, Language language);

// Why Call next is greyed: an action on its way, the booth paused or in a break; nullopt when
// a call may go out.
std::optional<std::string> call_next_blocked(const BoothState& state, Language language);

// Why a standby student cannot be called into `seat` now, in words; nullopt when they can (the
// button is greyed and this is written under it).
std::optional<std::string> take_walk_in_blocked(const BoothState& state, int seat,
                                                Language language);

}  // namespace jobfair::booth
