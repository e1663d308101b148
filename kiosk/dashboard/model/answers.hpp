// The server's answers the organizer dashboard reads, as plain structs, and their parsers
// (docs/api.md section 7 and the organizer endpoints added for the dashboard): the overview, the
// day's timeline (GET /interviews), the student search (GET /students?q=) and the re-plan counts.
// Each parser throws std::invalid_argument naming what is wrong when the body is not such an
// answer (UnknownCode, in Vietnamese and English, for a status, outcome or role this build does not
// know: codes are read once, into enums); fields the server added later (the overview's figures,
// outcomes, long waits, devices) are optional, so an older server still gives a usable overview.
//
// Index: Overview · Timeline · StudentSearch · ReplanCounts
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/auth.hpp"
#include "common/interview_status.hpp"
#include "common/language.hpp"
#include "common/time_of_day.hpp"

namespace jobfair::dashboard {

// --- Overview (GET /api/v1/overview) -----------------------------------------------------------
struct CurrentCall {  // a call under way at a booth: ticket labels only
    std::int64_t interview = 0;
    int seat = 0;
    InterviewStatus status = InterviewStatus::called;  // called, in_progress
    std::string ticket_label;
};

struct BoothSummary {
    std::string booth;  // "B07"
    std::string enterprise;
    int seats = 1;
    bool paused = false;
    std::string open;   // "HH:MM"; empty from a server that does not send it
    std::string close;  // "HH:MM"
    std::vector<CurrentCall> current;
    std::optional<std::string> next;  // start of the next planned or promised interview
    int waiting = 0;                  // promised students already checked in
    int standby = 0;                  // students in the booth's standby queue
    int remaining = 0;                // planned + promised
    int delay_minutes = 0;
    int done = 0;
    int no_shows = 0;
};

// The day's figures as the server counts them (the overview's "figures").
struct Figures {
    int students = 0;
    int checked_in = 0;
    int interviews_done = 0;
    int interviews_promised = 0;
    int interviews_under_way = 0;
    int interviews_remaining = 0;
    double no_show_rate = 0;                  // 0..1
    std::optional<double> wait_mean_minutes;  // nullopt when no wait was counted yet
    std::optional<double> wait_p90_minutes;
    int waits_counted = 0;
    int students_without_interview = 0;
    // Those students by why (absent from an older server): no_booth_for_them, left, no_show,
    // booths_full (docs/api.md).
    std::map<std::string, int> without_interview_by_reason;
    // Seat-slots freed before the last hour by a no-show, a skip or a short interview, and how
    // many of them another student used (absent from an older server: nullopt).
    std::optional<int> freed_seat_slots;
    std::optional<int> refilled_seat_slots;
};

struct LongWait {
    std::string student;
    std::string ticket_label;
    std::string full_name;
    std::string checked_in;  // "HH:MM"
    int waited_minutes = 0;
    std::optional<std::string> next;  // the next promised or planned start
};

struct Device {
    std::string device;  // the server's id for it (a number in the contract, a string today)
    std::string name;
    Role role = Role::kiosk;                // kiosk, board
    std::optional<int> seconds_since_seen;  // nullopt: not seen since the server started
};

// Refusals that look like an attack, of one kind, in the server's last ten minutes.
struct SecurityRecent {
    std::string kind;  // wrong_pin, wrong_password, locked_out, ticket_refused, body_too_large...
    int count = 0;
    int addresses = 0;  // from this many network addresses
};

struct Overview {
    std::string fair_name;
    std::optional<std::string> date;  // "YYYY-MM-DD"; nullopt: the fair has none
    std::optional<std::string> venue;
    bool has_fair_details = false;  // the server sends date and venue (an older one does not)
    std::string now;                // the fair clock, "HH:MM"
    int students = 0;
    int checked_in = 0;
    int checked_in_without_interview = 0;
    int students_interviewed = 0;
    std::vector<BoothSummary> booths;
    std::vector<std::pair<std::string, int>> check_ins_per_quarter;  // "HH:MM" -> count, by time
    std::map<InterviewStatus, int> interviews_by_status;
    std::optional<Figures> figures;  // absent from an older server
    std::map<InterviewOutcome, int> outcomes;
    std::vector<LongWait> long_waits;     // longest first; the server lists at most 10
    std::optional<int> long_waits_total;  // every student waiting that long (a newer server)
    std::vector<Device> devices;
    bool has_devices = false;              // the server sends devices[] (an older one does not)
    std::vector<SecurityRecent> security;  // most frequent first
};

Overview parse_overview(std::string_view body);

// The figures of `overview`: the server's own when it sent them, otherwise what the older fields
// allow (no waits then).
Figures figures_of(const Overview& overview);

// --- Timeline (GET /api/v1/interviews) ---------------------------------------------------------
struct TimelineBooth {
    std::string booth;
    std::string enterprise;
    int seats = 1;
    TimeOfDay open;
    TimeOfDay close;
    bool paused = false;
};

struct TimelineInterview {
    std::int64_t id = 0;
    std::string booth;
    int seat = 0;
    TimeOfDay start;
    TimeOfDay end;
    InterviewStatus status = InterviewStatus::planned;
    std::string student;
    std::string ticket_label;
    std::optional<InterviewOutcome> outcome;  // when done
    std::string reason;                       // when cancelled; empty otherwise
};

struct Timeline {
    TimeOfDay now;
    int slot_minutes = 15;
    TimeOfDay day_start;
    TimeOfDay day_end;
    std::vector<TimelineBooth> booths;          // in the server's order (by booth id)
    std::vector<TimelineInterview> interviews;  // every status
};

Timeline parse_timeline(std::string_view body);

// True for an interview that is over (done, no_show, cancelled): it can be neither moved nor
// cancelled.
bool interview_is_over(InterviewStatus status);
// True for an interview the organizer may move: planned or promised.
bool interview_can_move(InterviewStatus status);

// --- Student search (GET /api/v1/students?q=) --------------------------------------------------
struct StudentInterview {
    std::int64_t id = 0;
    std::string booth;
    int seat = 0;
    std::string start;
    InterviewStatus status = InterviewStatus::planned;
};

struct StudentMatch {
    std::string student;  // "S0087"
    std::string full_name;
    std::string ticket_label;
    std::string phone;
    std::string school;           // empty when unknown
    std::string occupation;       // code; empty for a student of Other trade
    std::string occupation_text;  // the trade's name typed with Other trade; empty otherwise
    std::string level;            // code
    std::string checked_in;       // "HH:MM"; empty when not checked in
    bool left = false;
    std::vector<StudentInterview> interviews;
};

struct StudentSearch {
    std::vector<StudentMatch> students;
    bool truncated = false;
};

StudentSearch parse_student_search(std::string_view body);
// The student's trade in words: the listed trade's name, or "Ngành khác: <typed name>" /
// "Other trade: <typed name>" for a student of Other trade (no code, the name they typed);
// empty when the server knows neither (the view shows "—").
std::string match_trade_words(const StudentMatch& match, Language language);

// The search the server accepts: at least 2 characters once spaces are trimmed.
inline constexpr std::size_t kMinSearchLength = 2;
// `typed` without surrounding spaces, inner runs of spaces collapsed to one.
std::string search_query_of(std::string_view typed);
// "nguyen thi" -> "nguyen%20thi": the query as a URL query value (UTF-8 bytes percent-encoded).
std::string url_encode(std::string_view text);

// --- Re-plan (GET /api/v1/replan/preview, POST /api/v1/replan) ---------------------------------
struct ReplanCounts {
    int added = 0;
    int dropped = 0;
    int kept = 0;
    int moved = 0;
    int planned_after = 0;

    // The planned interviews a re-plan would change: moved, added or dropped.
    int changed() const { return moved + added + dropped; }
};

ReplanCounts parse_replan_counts(std::string_view body);

}  // namespace jobfair::dashboard
