// The check-in kiosk as one state machine over its screens (STYLE.md rule 3): the view reads a
// KioskState and appends Intents; update() changes the state and returns Effects for the app to
// run off the UI thread (network, outbox, printer), whose answers come back as Intents.
//
//   Welcome --scan--> CheckingIn --answer--> Result
//   Welcome --Register now--> RegisterForm --> ChooseEnterprises --> Confirm --> Submitting
//     --> Result (the server's schedule, or a provisional ticket from the offline outbox)
//
// Everything about the student at the kiosk lives in KioskState::student, a std::optional that is
// reset (destroyed) when the kiosk returns to Welcome: after a finished check-in, Cancel, or
// inactivity. Nothing is cleared field by field, so nothing can be forgotten.
//
// Time is an argument of update(): the app passes steady_clock::now(), tests pass what they like.
//
// Sections: 1. screens and state  2. intents  3. effects  4. update and what views ask
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/level.hpp"
#include "common/occupations.hpp"
#include "common/protocol.hpp"
#include "kiosk/checkin/model/backend.hpp"
#include "kiosk/checkin/model/scanner.hpp"
#include "kiosk/checkin/model/strings.hpp"
#include "kiosk/ui/keyboard/telex.hpp"

namespace jobfair::checkin {

using keyboard::TelexInput;  // the focused field's editor (kiosk/ui/keyboard/)

// --- 1. Screens and state --------------------------------------------------------------------

enum class Screen {
    welcome,
    checking_in,
    register_form,
    choose_enterprises,
    confirm,
    submitting,
    result
};
// The text fields; `occupation_text` (the trade's name) only with "Ngành khác / Other trade".
enum class Field { full_name, phone, school, search, occupation_text };
// What the registration form asks for; a problem is shown next to its item.
enum class FormItem { full_name, phone, school, trade, trade_text, level, interview_consent };

inline constexpr std::size_t kMaxChoices = 5;  // WalkInRegistration::preferences holds at most 5

struct Timeouts {
    std::chrono::seconds idle{60};       // on every screen that waits for the student
    std::chrono::seconds countdown{10};  // the last seconds show "Returning to start in N s"
    // The Result screen stays until "Xong / Done" is tapped, or a new ticket is scanned, or this
    // long without a touch: time to read the times, photograph the QR and walk away.
    std::chrono::seconds result{180};
    std::chrono::seconds result_countdown{30};  // its countdown shows only in the last 30 s
};

struct KioskConfig {
    Language language = Language::vi;  // each new student starts in it
    Timeouts timeouts;
    bool printer_configured = false;
};

// An error shown with the way forward; `server` holds the server's own words when it refused.
struct ShownError {
    Text problem;
    std::optional<protocol::ErrorAnswer> server;
    std::optional<Text> way_forward;
};

struct RegistrationForm {
    std::string full_name;
    std::string phone;
    std::string school;
    std::string occupation;       // occupation code, or kOtherOccupation; empty until chosen
    std::string occupation_text;  // the trade's name as typed, with Other trade only
    std::optional<Level> level;
    std::map<std::string, bool> consent;  // every purpose of kConsentPurposes, none ticked
    std::map<FormItem, Text> problems;    // set by Next; an item's problem goes when it is fixed
};

// Everything about one student; destroyed as a whole when the kiosk returns to Welcome.
struct StudentSession {
    Screen screen = Screen::register_form;
    RegistrationForm form;
    Field focused = Field::full_name;
    TelexInput editor;                       // edits the focused field
    std::string search;                      // on ChooseEnterprises
    std::vector<std::string> chosen_booths;  // most wanted first
    std::optional<Text> choose_notice;
    std::string request_key;  // idempotency key of this student's submission, kept for retries
    std::optional<protocol::CheckInAnswer> answer;
    bool provisional = false;  // the answer is the outbox's, not the server's
    std::optional<ShownError> error;
    // On Result: the free booth being added (its "Add" waits for the server), with the request's
    // own idempotency key, and why the last add was refused.
    std::optional<std::string> adding_booth;
    std::string add_key;
    std::optional<ShownError> add_error;
};

struct KioskState {
    KioskConfig config;
    Language language = Language::vi;
    TimePoint last_activity{};
    ScanBuffer scanner;
    // Tickets scanned while the last one was still being checked in, in scan order: taken one by
    // one, never dropped (a slow answer on a busy morning can see several students scan).
    std::deque<std::string> queued_scans;
    // What the kiosk knows of the server, kept across students.
    bool server_reachable = true;
    std::size_t outbox_pending = 0;
    std::optional<int> server_protocol_mismatch;  // the server's version when it differs
    std::string fair_name;
    std::optional<std::string> fair_date;  // "YYYY-MM-DD"; nullopt: the fair has none
    std::vector<protocol::EnterpriseCard> enterprises;

    std::optional<StudentSession> student;  // empty on Welcome
};

KioskState make_kiosk(const KioskConfig& config, TimePoint now);

// --- 2. Intents: what the view and the app's workers report ----------------------------------

namespace intent {
struct Tick {};  // every frame: lets inactivity run out
struct ToggleLanguage {};
struct Key {  // a printable character from a keyboard (physical, on-screen) or the USB scanner
    char32_t code;
};
struct Backspace {};
struct Enter {};
struct TicketScanned {  // a scanner that reports whole payloads (camera, serial)
    std::string payload;
};
struct StartRegistration {};
struct Focus {
    Field field;
};
struct SetTelex {
    bool enabled;
};
struct ChooseTrade {  // an occupation code, or kOtherOccupation ("Ngành khác / Other trade")
    std::string occupation;
};
struct ChooseLevel {
    Level level;
};
struct SetConsent {
    std::string purpose;
    bool given;
};
struct ToggleEnterprise {
    std::string booth;
};
struct Next {};    // RegisterForm -> ChooseEnterprises -> Confirm
struct Back {};    // one screen back; from the form, back to Welcome
struct Cancel {};  // straight back to Welcome
struct Submit {};  // Confirm, or a retry after an error there
struct Finish {};  // "Done" on Result
struct AddBooth {  // "Add" beside a free booth on Result
    std::string booth;
};

// Answers of the effects, tagged with the request's idempotency key: an answer that arrives after
// its student left (a new session, or none) is dropped.
struct CheckInAnswered {
    std::string idempotency_key;
    BackendResult<protocol::CheckInAnswer> result;
};
struct RegistrationAnswered {
    std::string idempotency_key;
    BackendResult<protocol::CheckInAnswer> result;
};
struct AddBoothAnswered {
    std::string idempotency_key;
    BackendResult<protocol::CheckInAnswer> result;
};
struct StoredInOutbox {
    std::string idempotency_key;
    std::optional<std::string> provisional_label;  // nothing: the outbox could not store it
};
struct HelloAnswered {
    BackendResult<protocol::Hello> result;
};
struct EnterprisesAnswered {
    BackendResult<std::vector<protocol::EnterpriseCard>> result;
};
struct OutboxChanged {
    std::size_t pending;
};
}  // namespace intent

using Intent =
    std::variant<intent::Tick, intent::ToggleLanguage, intent::Key, intent::Backspace,
                 intent::Enter, intent::TicketScanned, intent::StartRegistration, intent::Focus,
                 intent::SetTelex, intent::ChooseTrade, intent::ChooseLevel, intent::SetConsent,
                 intent::ToggleEnterprise, intent::Next, intent::Back, intent::Cancel,
                 intent::Submit, intent::Finish, intent::AddBooth, intent::CheckInAnswered,
                 intent::RegistrationAnswered, intent::AddBoothAnswered, intent::StoredInOutbox,
                 intent::HelloAnswered, intent::EnterprisesAnswered, intent::OutboxChanged>;

// --- 3. Effects: what the app runs off the UI thread -----------------------------------------

namespace effect {
struct SubmitCheckIn {  // KioskBackend::check_in, answered by CheckInAnswered
    protocol::TicketCheckIn request;
    std::string idempotency_key;
};
struct SubmitRegistration {  // KioskBackend::register_walk_in, answered by RegistrationAnswered
    protocol::WalkInRegistration request;
    std::string idempotency_key;
};
struct SubmitAddBooth {  // KioskBackend::add_booth, answered by AddBoothAnswered
    protocol::AddBooth request;
    std::string idempotency_key;
};
struct StoreInOutbox {  // Outbox::store, answered by StoredInOutbox (and OutboxChanged)
    protocol::WalkInRegistration registration;
    std::string idempotency_key;
};
struct PrintSlip {  // only when a printer is configured; no answer
    protocol::CheckInAnswer answer;
    bool provisional = false;
    Language language = Language::vi;
};
struct LoadEnterprises {};  // KioskBackend::enterprises, answered by EnterprisesAnswered
struct SyncOutbox {};       // send Outbox::pending() again; answered by OutboxChanged
}  // namespace effect

using Effect = std::variant<effect::SubmitCheckIn, effect::SubmitRegistration,
                            effect::SubmitAddBooth, effect::StoreInOutbox, effect::PrintSlip,
                            effect::LoadEnterprises, effect::SyncOutbox>;

// --- 4. Update and what views ask --------------------------------------------------------------

std::vector<Effect> update(KioskState& state, const Intent& intent, TimePoint now);

Screen current_screen(const KioskState& state);

// Seconds left before the kiosk returns to Welcome, once they are few enough to show.
std::optional<int> countdown_seconds(const KioskState& state, TimePoint now);
// How long the countdown of the current screen lasts (the bar's full length).
std::chrono::seconds countdown_length(const KioskState& state);

// When the kiosk's screen next changes by itself after `now` (the frame loop sleeps until then
// unless a key, a touch or an answer comes): the countdown's first or next second, or the return
// to Welcome; nullopt on Welcome in the kiosk's own language, where nothing runs out.
std::optional<TimePoint> next_change(const KioskState& state, TimePoint now);

enum class Connection { online, offline, syncing };
Connection connection(const KioskState& state);
std::string connection_text(const KioskState& state);  // "Online", "Syncing 2 saved ..."

// The cards a student may choose: open to their trade (no trades listed, or theirs among them),
// their level at least the card's minimum, and not paused.
bool is_eligible(const protocol::EnterpriseCard& card, std::string_view occupation, Level level);
// With Other trade (kOtherOccupation) only cards with no trades listed are open to the student.
// Eligible cards matching the search (enterprise name, booth or trade name, ignoring diacritics).
std::vector<const protocol::EnterpriseCard*> visible_enterprises(const KioskState& state);
// Whether the student chose "Ngành khác / Other trade".
bool has_other_trade(const RegistrationForm& form);
// The form's trade in words: the trade's name, or "Ngành khác: <typed name>" / "Other trade: ...".
std::string trade_display(const RegistrationForm& form, Language language);
// On ChooseEnterprises: no card at all is open to the student's trade and level (whatever the
// search), so the kiosk says so plainly instead of an empty list.
bool no_booth_for_student(const KioskState& state);
// Why the current screen's "Tiếp tục / Continue" cannot be used now, shown beside the greyed
// button; nullopt when it can. On ChooseEnterprises with no booth for the student's trade
// (no_booth_for_student) there is nothing to choose, so Next is refused and says so.
std::optional<Text> next_disabled_reason(const KioskState& state);
// The booths that take CVs (EnterpriseCard::takes_cvs), in the fair's order.
std::vector<const protocol::EnterpriseCard*> cv_booths(const KioskState& state);

// What an enterprise card says of its seats: "Còn chỗ từ 10:15" / "Free from 10:15", or
// "Hết chỗ hôm nay" / "Full for today" when the server knows of none left.
std::string free_seat_text(const protocol::EnterpriseCard& card, Language language);
// When every booth the student chose is full for today: the eligible booths they did not choose
// that still have a seat, the earliest first (at most 3). Empty otherwise.
std::vector<const protocol::EnterpriseCard*> free_alternatives(const KioskState& state);

// The Result screen's rest of the day, in the kiosk's language: "Chờ gọi tại B07 — khoảng
// 10:20" (or "— khó có chỗ hôm nay" without an estimate), the no-interview reason in plain
// words (empty when there is none), a free booth's line "B12 · Công ty … — còn chỗ từ 10:15".
std::string standby_line(const protocol::StandbyBooth& standby, Language language);
std::string no_interview_text(const protocol::CheckInAnswer& answer, Language language);
std::string free_seat_line(const protocol::FreeSeat& free, Language language);
// Whether "Add" may be pressed for `booth` now (a server answer offering it, nothing pending).
bool can_add_booth(const StudentSession& student, const std::string& booth);

std::string error_text(const ShownError& error, Language language);
// The link for the second QR (the student's own status page) of a result or slip: the server's
// `status_url`, never built here, and only for the server's own answer (a provisional one from
// the outbox has none). Nothing when it is missing or not an http(s) link to the page.
std::optional<std::string> phone_status_link(const protocol::CheckInAnswer& answer,
                                             bool provisional);
// "HH:MM" the student is asked to be at the booth: kComeBackMinutesBeforeStart before the start,
// as the phone page says; the start itself when it cannot be read.
std::string come_back_time(const protocol::ScheduledInterview& interview);
// "Lan" for "Nguyễn Thị Lan".
std::string given_name_of(std::string_view full_name);
// The registration the form and the choices describe (names NFC with spaces collapsed, phone in
// national form).
protocol::WalkInRegistration registration_of(const StudentSession& student);

}  // namespace jobfair::checkin
