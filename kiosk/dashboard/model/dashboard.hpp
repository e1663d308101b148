// The organizer dashboard as one model (STYLE.md rule 3). The view reads DashboardState and
// appends Intents; the runner answers Effects (HTTP calls, saving exports) off the UI thread and
// hands the answers back as Intents; update() applies one intent and returns the effects to run.
//
// What it knows: the login, the overview (booth tiles, alerts, figures, charts), the open
// booth's queue, the day's timeline with the selected interview and the move / cancel forms, the
// student search, the re-plan preview and its confirmation, the exports, and whether the server
// can be reached. Live updates: every event of the stream asks for a new overview (and timeline
// or queue when shown); fetches of one kind are at least `min_fetch_gap` apart, so a busy fair
// costs at most a few fetches a second.
//
// Index: Reply and Notice · DashboardState · intents · effects · update · queries
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/booth/model/booth.hpp"
#include "kiosk/dashboard/model/alerts.hpp"
#include "kiosk/dashboard/model/answers.hpp"
#include "kiosk/dashboard/model/dashboard_strings.hpp"
#include "kiosk/dashboard/model/exports.hpp"
#include "kiosk/dashboard/model/timeline_layout.hpp"

namespace jobfair::dashboard {

using Clock = std::chrono::steady_clock;

// --- Answers and messages ----------------------------------------------------------------------
// The server's words about a refusal, in both languages (message_vi may be empty: then the
// English one is shown).
struct ServerWords {
    std::string en;
    std::string vi;
    const std::string& in(Language language) const {
        return language == Language::vi && !vi.empty() ? vi : en;
    }
};

// How one call went. `ok`: an HTTP 2xx with a readable body.
struct Reply {
    bool reached = false;
    bool ok = false;
    int status = 0;
    ServerWords problem;  // when !ok: the server's own words, or what went wrong
};

enum class NoticeTone { info, ok, warning, danger };

// A line at the top of the screen saying what just happened; it fades after `notice_for`.
struct Notice {
    NoticeTone tone = NoticeTone::info;
    DashText text = DashText::notice_done;
    std::vector<std::string> values;  // filled into the text's "{}"
    ServerWords server;               // the server's words, shown after the text when set
    Clock::time_point until{};
};

// --- State ---------------------------------------------------------------------------------------
enum class Screen { login, dashboard };
enum class Tab { overview, timeline, figures, students, exports };
enum class Connection { connecting, online, offline };
enum class ActionKind { pause, resume, extend, add_seat, move, cancel, mark_left, replan };
enum class ReplanStep { none, previewing, confirming, applying };
enum class ExportState { idle, fetching, saved, failed };

struct DashboardConfig {
    std::chrono::milliseconds min_fetch_gap{350};  // per kind: at most ~3 fetches a second
    std::chrono::seconds refresh_every{10};        // even without events (clock, devices)
    std::chrono::seconds retry_every{3};           // while the server cannot be reached
    std::chrono::milliseconds search_pause{300};   // typing pause before a search is sent
    std::chrono::seconds notice_for{8};
    AlertRules alerts;
    std::string export_dir = "exports";
};

// One kind of fetch: wanted (something changed), in flight, when last sent.
struct FetchSlot {
    bool wanted = false;
    bool in_flight = false;
    Clock::time_point last_sent{};
    bool ever_sent = false;
};

struct MoveForm {
    std::int64_t interview = 0;
    std::string booth;
    int seat = 0;
    TimeOfDay start;
};

struct CancelForm {
    std::int64_t interview = 0;
    std::string reason;
};

// The selected interview, also by what survives a re-plan (planned interviews get new ids).
struct Selection {
    std::int64_t interview = 0;
    std::string student;
    std::string booth;
    TimeOfDay start;
};

struct ExportStatus {
    ExportKind kind = ExportKind::interviews;
    ExportState state = ExportState::idle;
    std::string path;  // where it was saved
    std::size_t bytes = 0;
    ServerWords problem;
};

struct DashboardState {
    DashboardConfig config;
    Language language = Language::vi;
    Screen screen = Screen::login;
    Tab tab = Tab::overview;
    Connection connection = Connection::connecting;

    // The server's hello (GET /hello): its fair name, date, venue and protocol version. The header
    // shows the fair's date, never the machine's; nullopt: the fair has none (the view says so).
    bool hello_in_flight = false;
    bool hello_done = false;
    std::string fair_name;
    std::optional<std::string> fair_date;  // "YYYY-MM-DD"
    std::optional<std::string> fair_venue;
    std::optional<int> server_protocol;

    // Login. The password lives here only while typed; it is cleared when sent.
    std::string password;
    bool logging_in = false;
    std::optional<Notice> login_problem;

    // What the server said last.
    std::optional<Overview> overview;
    std::vector<Alert> alerts;
    std::optional<Timeline> timeline;
    TimelineLayout layout;
    FetchSlot overview_fetch;
    FetchSlot timeline_fetch;
    FetchSlot queue_fetch;
    Clock::time_point last_overview_at{};  // when the shown overview arrived
    Clock::time_point next_retry{};
    bool stream_open = false;
    std::int64_t last_event_id = 0;
    int events_seen = 0;

    // The booth whose detail is open, and its queue.
    std::optional<std::string> open_booth;
    std::optional<booth::BoothQueue> booth_queue;

    // Timeline.
    bool show_cancelled = false;
    std::optional<Selection> selection;
    std::optional<MoveForm> move_form;
    std::optional<CancelForm> cancel_form;

    // Student search.
    std::string search_typed;
    std::optional<Clock::time_point> search_due;
    bool search_in_flight = false;
    std::string search_sent;  // the query in flight
    std::optional<StudentSearch> results;
    std::string results_query;
    std::optional<Notice> search_problem;
    std::optional<std::string> confirm_left;  // the student to mark as left, once confirmed

    // Re-plan.
    ReplanStep replan_step = ReplanStep::none;
    std::optional<ReplanCounts> replan_preview;

    // Exports, in the catalogue's order.
    std::vector<ExportStatus> exports;

    int actions_in_flight = 0;
    std::optional<Notice> notice;
};

// --- Intents: what happened ----------------------------------------------------------------------
namespace intent {
// From the view.
struct PasswordTyped {
    std::string text;  // the whole field as it now reads
};
struct SubmitLogin {};
struct LoginWithPassword {  // unattended runs: --password-file
    std::string password;
};
struct SetLanguage {
    Language language = Language::vi;
};
struct ShowTab {
    Tab tab = Tab::overview;
};
struct OpenBooth {
    std::string booth;
};
struct CloseBooth {};
struct PauseBooth {
    std::string booth;
};
struct ResumeBooth {
    std::string booth;
};
struct ExtendBooth {
    std::string booth;
    int minutes = 30;
};
struct AddSeat {
    std::string booth;
};
struct SelectInterview {
    std::int64_t interview = 0;
};
struct ClearSelection {};
struct ToggleCancelled {};
struct BeginMove {};
struct ChooseMoveBooth {
    std::string booth;
};
struct ChooseMoveSeat {
    int seat = 0;
};
struct ChooseMoveStart {
    TimeOfDay start;
};
struct ConfirmMove {};
struct BeginCancel {};
struct CancelReasonTyped {
    std::string text;
};
struct ConfirmCancel {};
struct CloseForm {};
struct SearchTyped {
    std::string text;
};
struct SearchNow {};
struct AskMarkLeft {
    std::string student;
};
struct ConfirmMarkLeft {};
struct AskReplan {};
struct ConfirmReplan {};
struct CloseDialog {};  // the re-plan or mark-left confirmation
struct SaveExport {
    ExportKind kind = ExportKind::interviews;
};
struct SaveAllExports {};
struct DismissNotice {};

// From the runner.
struct HelloAnswered {
    bool reached = false;
    int protocol = 0;
    std::string fair_name;
    std::optional<std::string> date = std::nullopt;  // "YYYY-MM-DD"
    std::optional<std::string> venue = std::nullopt;
};
struct LoginAnswered {
    Reply reply;
};
struct OverviewAnswered {
    Reply reply;
    std::optional<Overview> overview;
};
struct TimelineAnswered {
    Reply reply;
    std::optional<Timeline> timeline;
};
struct QueueAnswered {
    std::string booth;
    Reply reply;
    std::optional<booth::BoothQueue> queue;
};
struct SearchAnswered {
    std::string query;
    Reply reply;
    std::optional<StudentSearch> search;
};
struct ReplanPreviewAnswered {
    Reply reply;
    std::optional<ReplanCounts> counts;
};
struct ActionAnswered {
    ActionKind kind = ActionKind::pause;
    std::string subject;  // the booth, interview id or student acted on
    std::string detail;   // as in the effect
    Reply reply;
    std::string body;  // the answer's body when ok
};
struct ExportAnswered {
    ExportKind kind = ExportKind::interviews;
    Reply reply;  // a failed write is a reply that is not ok, with the reason
    std::string path;
    std::size_t bytes = 0;
};
struct StreamOpened {};
struct StreamLost {};
struct StreamEventArrived {
    std::int64_t id = 0;
    std::string kind;
};
struct Tick {};
}  // namespace intent

using Intent = std::variant<
    intent::PasswordTyped, intent::SubmitLogin, intent::LoginWithPassword, intent::SetLanguage,
    intent::ShowTab, intent::OpenBooth, intent::CloseBooth, intent::PauseBooth, intent::ResumeBooth,
    intent::ExtendBooth, intent::AddSeat, intent::SelectInterview, intent::ClearSelection,
    intent::ToggleCancelled, intent::BeginMove, intent::ChooseMoveBooth, intent::ChooseMoveSeat,
    intent::ChooseMoveStart, intent::ConfirmMove, intent::BeginCancel, intent::CancelReasonTyped,
    intent::ConfirmCancel, intent::CloseForm, intent::SearchTyped, intent::SearchNow,
    intent::AskMarkLeft, intent::ConfirmMarkLeft, intent::AskReplan, intent::ConfirmReplan,
    intent::CloseDialog, intent::SaveExport, intent::SaveAllExports, intent::DismissNotice,
    intent::HelloAnswered, intent::LoginAnswered, intent::OverviewAnswered,
    intent::TimelineAnswered, intent::QueueAnswered, intent::SearchAnswered,
    intent::ReplanPreviewAnswered, intent::ActionAnswered, intent::ExportAnswered,
    intent::StreamOpened, intent::StreamLost, intent::StreamEventArrived, intent::Tick>;

// --- Effects: what the runner must do ------------------------------------------------------------
namespace effect {
struct SayHello {};  // GET /hello
struct LogIn {       // POST /auth/login; the runner keeps the token
    std::string password;
};
struct ForgetSession {};  // the token was refused: drop it and close the stream
struct FetchOverview {};
struct FetchTimeline {};
struct FetchBoothQueue {
    std::string booth;
};
struct SearchStudents {
    std::string query;  // as typed (trimmed); the runner URL-encodes it
};
struct FetchReplanPreview {};
struct PostAction {
    ActionKind kind = ActionKind::pause;
    std::string subject;
    std::string detail;  // handed back in the answer (an extension: the new close)
    std::string path;    // below /api/v1
    std::string body;    // a JSON object
};
struct SaveExport {
    ExportKind kind = ExportKind::interviews;
    std::string server_name;  // "interviews.csv"
    std::string file;         // where to write it
    bool add_bom = false;
};
}  // namespace effect

using Effect =
    std::variant<effect::SayHello, effect::LogIn, effect::ForgetSession, effect::FetchOverview,
                 effect::FetchTimeline, effect::FetchBoothQueue, effect::SearchStudents,
                 effect::FetchReplanPreview, effect::PostAction, effect::SaveExport>;

DashboardState make_dashboard(const DashboardConfig& config = {}, Language language = Language::vi);

// Applies `intent` at `now`; returns what must be done.
std::vector<Effect> update(DashboardState& state, const Intent& intent, Clock::time_point now);

// --- Queries for the view ----------------------------------------------------------------------
const BoothSummary* find_booth(const DashboardState& state, const std::string& booth);
// The selected interview in the current timeline, when it is shown.
const TimelineInterview* selected_interview(const DashboardState& state);
// The close an "extend by `minutes`" would set: close + minutes, at most the day's end; nullopt
// when the booth is unknown or already closes at the end of the day.
std::optional<TimeOfDay> extended_close(const DashboardState& state, const std::string& booth,
                                        int minutes);
// Seconds since the shown overview arrived (0 before any).
int seconds_since_update(const DashboardState& state, Clock::time_point now);

// When the dashboard's screen or its fetching next changes by itself after `now` (the frame
// loop sleeps until then unless an answer or input comes): a notice running out, a refresh or
// retry falling due, a typed search going out, and while offline the next whole second of the
// banner's "N s ago"; nullopt when nothing is timed.
std::optional<Clock::time_point> next_change(const DashboardState& state, Clock::time_point now);
// True while a confirmation dialog (re-plan or mark left) is open.
bool dialog_open(const DashboardState& state);
// True when the server said hello with another protocol version than this build's.
bool protocol_mismatch(const DashboardState& state);
// The words of a notice in `language`: the table's text, then the server's words when given.
std::string notice_text(const Notice& notice, Language language);
// The student of the current search results with id `student`, or null.
const StudentMatch* find_match(const DashboardState& state, const std::string& student);
// Code points in `text` (the server's "at least 2 characters").
std::size_t character_count(std::string_view text);

}  // namespace jobfair::dashboard
