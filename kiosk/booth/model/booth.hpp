// The booth station as one model (STYLE.md rule 3): the PIN login, then the booth's queue with
// the actions of docs/api.md section 6. The view reads BoothState and appends Intents; update()
// returns Effects (log in, fetch the queue, post an action, verify a ticket) that the app runs
// off the UI thread and answers as Intents. Interview ids always come from the latest queue.
//
// Index: queue answer and parse_booth_queue · BoothState · intents · effects · update · queries
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace jobfair::booth {

// --- The queue (GET /api/v1/booths/{booth}/queue) ----------------------------------------------
struct Person {
    std::string student;  // "S0087"
    std::string ticket_label;
    std::string full_name;
    std::string given_name;
    std::string occupation;  // code
    std::string level;       // code
    std::string school;      // may be empty
    int rank = 0;            // the place the student gave this booth, 1 = first choice
};

struct QueuedInterview {
    std::int64_t id = 0;
    int seat = 0;
    std::string start;  // "HH:MM"
    std::string end;
    std::string status;       // planned, promised, called, in_progress
    std::string whereabouts;  // not_arrived, checked_in, busy
    std::string busy_at;      // the other booth, when busy
    Person person;
};

struct StandbyStudent {
    Person person;
    std::string arrived;  // "HH:MM"
    std::string busy_at;  // empty when free
};

struct BoothQueue {
    std::string booth;
    std::string enterprise;
    std::string now;  // the fair clock
    int seats = 1;
    bool paused = false;
    std::vector<QueuedInterview> queue;
    std::vector<StandbyStudent> standby;
};

// Throws std::invalid_argument when `body` is not a queue answer.
BoothQueue parse_booth_queue(std::string_view body);

// --- State --------------------------------------------------------------------------------------
using Clock = std::chrono::steady_clock;

enum class Screen { login, booth };
enum class Action { call_next, recall, skip, start, finish, no_show };
inline constexpr std::size_t kPinLength = 6;
inline constexpr std::size_t kMaxNoteBytes = 2000;

// What the staff last saw happen, shown in a banner.
struct Notice {
    enum class Kind { info, ok, warning, danger } kind = Kind::info;
    std::string message;  // already in the screen's language (the server's own words, or ours)
};

struct TicketCheck {
    std::int64_t interview = 0;
    bool match = false;
    std::string ticket_label;  // the scanned ticket's label
    std::string message;
};

struct BoothState {
    std::string booth;  // "B07"
    bool vietnamese = true;
    Screen screen = Screen::login;
    std::string pin;  // digits typed so far, never more than kPinLength
    bool logging_in = false;
    std::optional<Notice> login_problem;

    std::optional<BoothQueue> queue;
    bool online = true;
    bool fetch_in_flight = false;
    bool fetch_again = false;
    std::optional<Action> action_in_flight;
    std::optional<Notice> notice;
    std::map<int, std::string> outcome_by_seat;  // the outcome chosen before Finish
    std::string note;                            // the note typed for the next Finish
    std::string scanned;                         // characters typed by the scanner so far
    std::optional<TicketCheck> ticket_check;
    std::map<std::int64_t, Clock::time_point> started_at;  // when each interview began here
    Clock::time_point next_retry{};
};

// --- Intents
// --------------------------------------------------------------------------------------
struct ServerRefusal {
    std::string message;     // English
    std::string message_vi;  // may be empty
};
// The answer of one call: ok, unreachable (nullopt refusal and !reached), or refused.
struct Outcome {
    bool reached = false;
    std::optional<ServerRefusal> refusal;  // set when reached but refused
    bool ok() const { return reached && !refusal; }
};

namespace intent {
struct PinDigit {
    char digit = '0';
};
struct PinBackspace {};
struct LoginAnswered {
    Outcome outcome;
};
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
struct ChooseOutcome {
    int seat = 0;
    std::string outcome;  // offer, internship, next_round, not_suitable
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
struct ActionAnswered {
    Action action = Action::call_next;
    Outcome outcome;
    std::string called_ticket_label;  // call-next: who was called
    std::string why_nobody;           // call-next: why nobody was
};
struct Key {  // a character typed (keyboard or USB scanner)
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
struct StreamOpened {};
struct StreamLost {};
struct StreamEventArrived {
    std::string kind;
    std::string booth;                      // from the payload, when it names one
    std::optional<std::int64_t> interview;  // from the payload, when it names one
};
struct Tick {};
}  // namespace intent
using Intent = std::variant<intent::PinDigit, intent::PinBackspace, intent::LoginAnswered,
                            intent::QueueAnswered, intent::CallNext, intent::Recall, intent::Skip,
                            intent::Start, intent::ChooseOutcome, intent::NoteTyped, intent::Finish,
                            intent::NoShow, intent::ActionAnswered, intent::Key, intent::Enter,
                            intent::VerifyAnswered, intent::StreamOpened, intent::StreamLost,
                            intent::StreamEventArrived, intent::Tick>;

// --- Effects
// --------------------------------------------------------------------------------------
namespace effect {
struct LogIn {
    std::string booth;
    std::string pin;
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
using Effect =
    std::variant<effect::LogIn, effect::FetchQueue, effect::PostAction, effect::VerifyTicket>;

BoothState make_booth(std::string booth, bool vietnamese);
std::vector<Effect> update(BoothState& state, const Intent& intent, Clock::time_point now);

// --- Queries for the view
// ------------------------------------------------------------------------- The interview called or
// in progress at `seat`, if any.
const QueuedInterview* current_interview(const BoothState& state, int seat);
// The planned and promised interviews still to come, by start time (at most `limit`).
std::vector<const QueuedInterview*> next_interviews(const BoothState& state, std::size_t limit);
// The interview a scanned ticket is checked against: the first called one, else in progress.
const QueuedInterview* interview_to_verify(const BoothState& state);

}  // namespace jobfair::booth
