// The wire protocol between the fair server and its clients (kiosks, booth stations, the
// dashboard, the board). Both sides include this file, so a change shows on both.
// docs/api.md lists every endpoint with an example request and answer.
//
// Sections:
//   1. Version, limits, headers
//   2. Messages the kiosk exchanges (hello, enterprises, check-in, walk-in registration)
//   3. Stored rows as the API gives them, and the booth's call answer
//   4. The student's own phone (the status page and its two buttons)
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/interview_status.hpp"
#include "common/store.hpp"
#include "common/wire_codes.hpp"

namespace jobfair::protocol {

// --- 1. Version, limits, headers -----------------------------------------------------------

// Bumped on any change a client must know about; clients check it at connect time
// (GET /api/v1/hello) and show a mismatch to the user instead of guessing.
inline constexpr int kVersion = 1;
inline constexpr std::string_view kApiPrefix = "/api/v1";

// Largest request body the server reads; anything larger is refused with 413.
inline constexpr size_t kMaxRequestBytes = 64 * 1024;

// A kiosk sends one per submission; a retry with the same key gets the first answer again and
// never creates a second check-in or registration. 8 to 64 characters of [A-Za-z0-9_-].
inline constexpr std::string_view kIdempotencyHeader = "Idempotency-Key";

// Bearer tokens: "Authorization: Bearer <token>".
inline constexpr std::string_view kAuthorizationHeader = "Authorization";

// --- 2. Messages the kiosk exchanges -------------------------------------------------------

// GET /api/v1/hello (no token needed).
struct Hello {
    int protocol = kVersion;
    std::string fair_name;
    std::string now;  // the server's fair clock, "HH:MM"
    // The fair's own date, "YYYY-MM-DD", absent when it has none (clients then say so, never
    // show the machine's date), and its venue, absent when not given.
    std::optional<std::string> date = std::nullopt;
    std::optional<std::string> venue = std::nullopt;
    // Where phones on the venue's network reach this server ("http://192.168.1.10:8080"):
    // `jobfair serve --public-url`, or found from the interface it listens on.
    std::optional<std::string> public_url = std::nullopt;
    // "HH:MM" on the fair clock: when the fair's day ends (the board then says the fair is over).
    std::optional<std::string> day_end = std::nullopt;
};

// GET /api/v1/enterprises: one card per booth, for choosing where to interview.
struct EnterpriseCard {
    std::string booth;                     // "B07"
    std::string enterprise;                // display name
    std::vector<std::string> occupations;  // occupation codes; empty: any trade
    std::optional<std::string> min_level;  // level code
    std::optional<int> open_jobs;          // jobs advertised, when the organizer gave them
    std::string open;                      // "HH:MM"
    std::string close;
    bool paused = false;
    bool takes_cvs = false;  // the enterprise takes CVs at its booth (Booth::accepts_cvs)
    // "HH:MM": when the booth next has a seat no one holds (now, when the slot under way has
    // one), within its hours, breaks and day's cap; absent when none is left today or paused.
    std::optional<std::string> free_from = std::nullopt;
};

// One of a student's interviews as the kiosk shows it.
struct ScheduledInterview {
    std::int64_t id = 0;
    std::string booth;
    std::string enterprise;
    int seat = 0;
    std::string start;  // "HH:MM"
    std::string end;    // "HH:MM"
    InterviewStatus status = InterviewStatus::promised;
};

// Consent purposes a walk-in ticks one by one; nothing is pre-ticked. `interview` is required to
// take part (the chosen enterprises see the student's details); the others are optional.
inline constexpr std::string_view kConsentPurposes[] = {
    "interview",      // share name, school, trade and level with the chosen enterprises
    "follow_up",      // enterprises may phone after the fair
    "school_report",  // the student's school receives the results
    "job_news",       // the province's job service may send job news by SMS
};

// POST /api/v1/walk-ins, header Idempotency-Key.
struct WalkInRegistration {
    std::string full_name;  // NFC
    std::string phone;      // as typed; the server normalises Vietnamese mobile numbers
    std::string school;     // NFC
    // An occupation code; "other" (kOtherOccupation) or empty: "Ngành khác / Other trade", with
    // the trade's name typed in `occupation_text`.
    std::string occupation;
    std::optional<std::string> occupation_text = std::nullopt;  // only with Other trade
    std::string level;                                          // level code
    std::vector<std::string> preferences;  // booth ids, most wanted first, at most 5
    std::map<std::string, bool> consent;   // purpose -> ticked
};

// POST /api/v1/check-ins {"ticket": "<QR payload>"}, header Idempotency-Key.
struct TicketCheckIn {
    std::string ticket;
};

// A booth whose standby queue the student is in, and when a seat is likely for them.
struct StandbyBooth {
    std::string booth;
    std::string enterprise;
    std::optional<std::string> estimate = std::nullopt;  // "HH:MM"; absent: unlikely today
};

// A booth the student is eligible for and did not pick, with a seat no one holds from `from`
// ("HH:MM") on, before they leave: one they can still add (POST /check-ins/add-booth).
struct FreeSeat {
    std::string booth;
    std::string enterprise;
    std::string from;
};

// A booth named with its enterprise (booths that take CVs).
struct BoothName {
    std::string booth;
    std::string enterprise;
};

// At most this many free booths are listed, the earliest first.
inline constexpr size_t kMaxFreeSeatsListed = 5;
// A walk-in's form chooses 1 to kMaxPreferences booths; adding free booths afterwards may take
// a student's picks up to kMaxPicks.
inline constexpr size_t kMaxPreferences = 5;
inline constexpr size_t kMaxPicks = 8;

// The answer to a check-in, a walk-in registration or an added booth.
struct CheckInAnswer {
    std::string ticket;        // the QR payload to show and print
    std::string ticket_label;  // "A-0427": what the board and the booths show
    std::string given_name;    // the last word of the full name: "Lan" for "Nguyễn Thị Lan"
    std::string phone_masked;  // "09•••••678"; empty when no phone is known
    bool already_checked_in = false;
    std::vector<ScheduledInterview> interviews;  // by start time
    // The student's own status page: the server's public URL, "/p#" and the student's read-only
    // status token (never the ticket). Absent from a provisional (outbox) answer.
    std::optional<std::string> status_url = std::nullopt;
    // The rest of the day, from the live fair right after the check-in (all empty or absent in
    // a provisional answer): standby queues with their estimate, why no interview is possible
    // (a NoInterviewReason code, common/wire_codes.hpp), free booths they can add, and booths
    // that take CVs.
    std::vector<StandbyBooth> standby = {};
    std::optional<std::string> no_interview = std::nullopt;
    std::vector<FreeSeat> free_seats = {};
    std::vector<BoothName> takes_cvs = {};
};

// POST /api/v1/check-ins/add-booth {"ticket", "booth"}, header Idempotency-Key; the phone's
// POST /api/v1/me/add-booth {"booth"}.
struct AddBooth {
    std::string ticket;  // empty from the phone (the status token names the student)
    std::string booth;
};

void to_json(nlohmann::json& out, const Hello& value);
void from_json(const nlohmann::json& in, Hello& value);
void to_json(nlohmann::json& out, const EnterpriseCard& value);
void from_json(const nlohmann::json& in, EnterpriseCard& value);
void to_json(nlohmann::json& out, const ScheduledInterview& value);
void from_json(const nlohmann::json& in, ScheduledInterview& value);
void to_json(nlohmann::json& out, const WalkInRegistration& value);
void from_json(const nlohmann::json& in, WalkInRegistration& value);
void to_json(nlohmann::json& out, const TicketCheckIn& value);
void from_json(const nlohmann::json& in, TicketCheckIn& value);
void to_json(nlohmann::json& out, const StandbyBooth& value);
void from_json(const nlohmann::json& in, StandbyBooth& value);
void to_json(nlohmann::json& out, const FreeSeat& value);
void from_json(const nlohmann::json& in, FreeSeat& value);
void to_json(nlohmann::json& out, const BoothName& value);
void from_json(const nlohmann::json& in, BoothName& value);
void to_json(nlohmann::json& out, const CheckInAnswer& value);
void from_json(const nlohmann::json& in, CheckInAnswer& value);
void to_json(nlohmann::json& out, const AddBooth& value);
void from_json(const nlohmann::json& in, AddBooth& value);

// {"error": {"code": "...", "message": "...", "message_vi": "..."}}: code for programs,
// messages for people.
struct ErrorAnswer {
    std::string code;
    std::string message;     // English
    std::string message_vi;  // Vietnamese; may be empty for errors only programs see
};
nlohmann::json error_body(std::string_view code, std::string_view message,
                          std::string_view message_vi = {});
// The error of a 4xx/5xx body, or nothing when the body is not one.
std::optional<ErrorAnswer> parse_error(std::string_view body);

// --- 3. Stored rows as the API gives them, and the booth's call answer ---------------------

// {"id", "student", "booth", "seat", "start", "status", "fixed", "cancel_reason"?, "outcome"?,
// "note"?}: an interview in a booth's queue, a call answer and an event's payload.
nlohmann::json to_json(const StoredInterview& interview);
// The reverse, for clients (created_at and updated_at are not on the wire and stay empty).
// Throws nlohmann::json::exception for a missing field and UnknownCode for an unknown status or
// outcome.
StoredInterview stored_interview_from_json(const nlohmann::json& in);
nlohmann::json to_json(const EventRecord& event);

// POST /api/v1/booths/{booth}/call-next and .../take-walk-in: who was called, or why nobody.
struct CallAnswer {
    std::optional<StoredInterview> called;  // null when nobody was called
    bool from_standby = false;
    std::string ticket_label;  // the called student's; absent from the wire when nobody
    std::string why_nobody;    // in English words, for the booth's staff and logs
    CallNobody nobody = CallNobody::none;
    // The student in the way: still in the seat (seat_busy), held for (seat_held), asked for
    // (not_in_standby).
    std::optional<std::string> nobody_student;
};
void to_json(nlohmann::json& out, const CallAnswer& value);
void from_json(const nlohmann::json& in, CallAnswer& value);

// --- 4. The student's own phone --------------------------------------------------------------
// GET /api/v1/me/status with "Authorization: Bearer <status token>": the token holder's status
// and nobody else's. No name, phone or internal student id: a link shown on a screen or seen on
// open Wi-Fi gives away no more than the ticket label printed on the slip.

// Minutes before an interview's start that the student is asked to be at the booth.
inline constexpr int kComeBackMinutesBeforeStart = 5;

// How early a seat free before its next slot may call that slot's promise: at most this many
// minutes before the slot (call-next answers "not_yet" until then). The student then begins a
// few minutes before it, close to the time they were shown; called up to a whole slot early, as
// until 2026-12-08, one promised estimate in eight began more than 10 minutes before the time
// shown (docs/estimates.md).
inline constexpr int kEarliestEarlyCallMinutes = 8;

// One of the student's interviews.
struct PhoneInterview {
    std::string booth;                    // "B07"
    std::string enterprise;               // display name
    std::optional<std::string> location;  // the booth's place in the hall, when given
    int seat = 0;                         // from 0, as everywhere on the wire
    std::string start;                    // "HH:MM"
    std::string end;                      // "HH:MM"
    std::string be_there_by;              // "HH:MM": start - kComeBackMinutesBeforeStart
    InterviewStatus status = InterviewStatus::promised;
    // Waiting students of this booth before this one, plus one (1: next); none once called.
    std::optional<int> queue_position;
    // "HH:MM" when the interview will likely begin, from how its seat is running today
    // (scheduler/live/outlook.hpp expected_starts); null once under way.
    std::optional<std::string> estimate;
};

// A booth whose standby queue the student is in.
struct PhoneStandby {
    std::string booth;
    std::string enterprise;
    std::optional<std::string> location;
    int queue_position = 0;  // place in the booth's standby queue, 1 = first
    // "HH:MM" when a seat is expected for them; null until the live fair's estimate fills it.
    std::optional<std::string> estimate;
};

// What the student reported from the phone, while in force.
struct PhoneAbsence {
    std::string kind;   // "running_late" or "step_away"
    std::string until;  // "HH:MM"
};

struct StudentStatus {
    std::string ticket_label;  // "A-0087"
    std::string fair_name;
    std::string now;  // the server's fair clock, "HH:MM": the time the page shows its state at
    bool checked_in = false;
    std::vector<PhoneInterview> interviews;  // by start, cancelled ones left out
    std::vector<PhoneStandby> standby;       // by queue position
    std::optional<PhoneAbsence> away;
    int max_absence_minutes = 60;  // the buttons offer no more than this
    // Why nothing is promised or estimated for the rest of the day (a NoInterviewReason code,
    // common/wire_codes.hpp); null when something is, or before check-in.
    std::optional<std::string> no_interview = std::nullopt;
    // Free booths they can still add (POST /api/v1/me/add-booth) and booths that take CVs;
    // empty before check-in.
    std::vector<FreeSeat> free_seats = {};
    std::vector<BoothName> takes_cvs = {};
};

// POST /api/v1/me/running-late and /api/v1/me/step-away.
struct AbsenceReport {
    int minutes = 0;
};

void to_json(nlohmann::json& out, const PhoneInterview& value);
void from_json(const nlohmann::json& in, PhoneInterview& value);
void to_json(nlohmann::json& out, const PhoneStandby& value);
void from_json(const nlohmann::json& in, PhoneStandby& value);
void to_json(nlohmann::json& out, const PhoneAbsence& value);
void from_json(const nlohmann::json& in, PhoneAbsence& value);
void to_json(nlohmann::json& out, const StudentStatus& value);
void from_json(const nlohmann::json& in, StudentStatus& value);

}  // namespace jobfair::protocol
