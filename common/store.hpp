// The fair's database: the only place that speaks SQL. Each use case below is one transaction,
// so a failure leaves the database as it was. The schema is a list of numbered migrations
// tracked with `PRAGMA user_version`; opening applies the missing ones.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/fair.hpp"
#include "common/fair_summary.hpp"
#include "common/interview_status.hpp"

namespace SQLite {
class Database;
}  // namespace SQLite

namespace jobfair {

// Every failure of the store, with a message a person can act on.
// A use case refused or failed. Refusals a person can act on (an unknown interview, a move not
// allowed) carry a code and words in both languages, shown as they are; any other failure (SQLite,
// the file) says only what() in English, which the server logs and never sends.
class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
    StoreError(std::string code, const std::string& message_en, std::string message_vi)
        : std::runtime_error(message_en),
          code_(std::move(code)),
          message_vi_(std::move(message_vi)) {}

    bool is_refusal() const { return !code_.empty(); }
    const std::string& code() const { return code_; }
    const std::string& message_vi() const { return message_vi_; }

  private:
    std::string code_;
    std::string message_vi_;
};

// The use case needs the file to itself and another program holds it open (a running
// `jobfair serve`, most likely). Nothing was changed.
class StoreInUseError : public StoreError {
  public:
    using StoreError::StoreError;
};

// What a file on disk is, told without creating or changing it (opening a Store would create a
// missing file and migrate an empty one).
enum class DatabaseFile {
    missing,         // no such file
    not_a_database,  // a folder, or not an SQLite file
    other_program,   // an SQLite database of another program
    empty,           // an SQLite file with nothing in it yet
    jobfair,         // a jobfair database (with or without a fair loaded)
};

using InterviewId = std::int64_t;
using EventId = std::int64_t;

struct StoredInterview {
    InterviewId id = 0;
    Interview interview;
    InterviewStatus status = InterviewStatus::planned;
    bool fixed = false;  // came with the instance's `fixed` list
    std::optional<std::string> cancel_reason;
    std::optional<InterviewOutcome> outcome;  // when done
    std::optional<std::string> note;
    std::string created_at;  // ISO-8601 UTC, e.g. "2025-03-14T01:30:00.000Z"
    std::string updated_at;
};

// One row of the append-only audit log, from which the day can be replayed.
struct EventRecord {
    EventId id = 0;
    std::string at;  // ISO-8601 UTC with milliseconds
    std::string actor;
    std::string kind;  // e.g. "fair.imported", "schedule.saved"
    std::string payload_json;
};

// Where timestamps come from; tests and simulated fair days pass a fake.
using WallClock = std::function<std::chrono::system_clock::time_point()>;

class Store {
  public:
    // Opens (creating if needed) the database at `path`, or a private one for ":memory:".
    // Throws StoreError when the file is not a jobfair database or was written by a newer
    // jobfair whose schema this build does not know.
    explicit Store(const std::filesystem::path& path, WallClock clock = {});
    static Store open(const std::filesystem::path& path, WallClock clock = {}) {
        return Store(path, std::move(clock));
    }
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // Looks at the file read-only; never creates, migrates or locks it.
    static DatabaseFile identify(const std::filesystem::path& path);

    // The number of migrations this build knows; an up-to-date database has this version.
    static int latest_schema_version();
    int schema_version() const;

    bool has_fair() const;

    // Stores the whole fair; its `fixed` interviews become promised interviews flagged fixed.
    // Refuses when a fair is already loaded. Logs "fair.imported".
    void import_fair(const Fair& fair, std::string_view actor);

    // The loaded fair with preferences in rank order. Its `fixed` list holds every commitment a
    // re-plan must keep: interviews promised, called, in progress or done (ordered by id).
    Fair load_fair() const;

    // Replaces every planned interview with `planned`. Promised and later interviews stay; an
    // entry equal to one of them (a schedule repeats its fixed interviews) is not stored twice.
    // Logs "schedule.saved".
    void save_planned_schedule(const std::vector<Interview>& planned, std::string_view actor);

    std::vector<StoredInterview> interviews() const;  // ordered by id

    // Appends to the audit log; `payload_json` must be valid JSON. Returns the new event's id.
    EventId append_event(std::string_view actor, std::string_view kind,
                         std::string_view payload_json);
    std::vector<EventRecord> events(EventId since_id = 0) const;  // ids above since_id, in order

    FairSummary summary() const;

    // --- the live day --------------------------------------------------------------------
    // A student checks in at `at`: the re-planned schedule replaces the planned interviews and
    // the student's own planned interviews become promised, in one transaction with a
    // "student.checked_in" event. Returns false and changes nothing when already checked in.
    // With no `replanned`, the stored plan stands and only the student's rows are promised.
    bool check_in(const StudentId& student, TimeOfDay at,
                  const std::optional<std::vector<Interview>>& replanned, std::string_view actor);
    // Several check-ins at `at` in one transaction (one disk sync for a burst at the kiosks),
    // each with its own "student.checked_in" event; the plan, when given, is written with the
    // first new one (nothing is written when nobody is new). Returns, per student, whether the
    // check-in is new. All or nothing.
    std::vector<bool> check_in_many(const std::vector<StudentId>& students, TimeOfDay at,
                                    const std::optional<std::vector<Interview>>& replanned,
                                    std::string_view actor);
    std::map<StudentId, TimeOfDay> check_ins() const;

    // Details recorded with a move: why it was cancelled, what a finished interview led to.
    struct MoveDetails {
        std::optional<std::string> cancel_reason;
        std::optional<InterviewOutcome> outcome;
        std::optional<std::string> note;
    };
    // Moves one interview along its life (interview_status.hpp), with an "interview.<status>"
    // event. Refused with StoreError, changing nothing, when the move is not allowed.
    void move_interview(InterviewId id, InterviewStatus to, std::string_view actor,
                        const MoveDetails& details = {});
    // The organizer moves an interview that is not under way to another booth, seat or time
    // (the caller has checked the rules). Logs "interview.moved" with both places.
    void reschedule_interview(InterviewId id, const Interview& to, std::string_view actor);
    // A student from the booth's standby queue, called straight away into a free seat.
    // The student's own planned interviews at that booth, or starting less than `clear_minutes`
    // before or after it (rule 2), go too: the plan must never hold a student in two places.
    InterviewId add_called_interview(const Interview& interview, int clear_minutes,
                                     std::string_view actor);

    // The student went home at `at`: their stay ends there, and their interviews not yet under
    // way (planned, promised, or called and not come) are cancelled ("student_left"), in one
    // transaction; one under way is left for its booth to finish. Returns the cancelled ids.
    std::vector<InterviewId> mark_left(const StudentId& student, TimeOfDay at,
                                       std::string_view actor);

    // --- tickets -------------------------------------------------------------------------
    struct TicketRecord {
        std::uint32_t number = 0;
        StudentId student;
        std::optional<std::string> revoked_reason;  // set: the ticket is refused
    };
    // Gives every student without a ticket the next free number, in the fair's order; numbers
    // once given never change. Returns every ticket, by number. Logs "tickets.issued".
    std::vector<TicketRecord> issue_tickets(std::string_view actor);
    std::vector<TicketRecord> tickets() const;  // by number
    std::optional<TicketRecord> ticket(std::uint32_t number) const;
    std::optional<TicketRecord> ticket_of(const StudentId& student) const;
    // A lost or misused ticket: refused from now on; the student can be issued a new one.
    void revoke_ticket(std::uint32_t number, const std::string& reason, std::string_view actor);
    // A fresh number for the student (after a revocation). Logs "ticket.reissued".
    std::uint32_t reissue_ticket(const StudentId& student, std::string_view actor);

    // --- the student's own phone: status tokens and absences (docs/security.md) ------------
    // Records the digest (status_token_digest) of the status token of ticket `ticket_number`;
    // recording it again changes nothing. The token itself is never stored.
    void record_status_token(std::uint32_t ticket_number, const std::string& digest);
    // The ticket whose status token has this digest, if one was recorded and not withdrawn (a
    // revoked or reissued ticket's token is withdrawn with it). The caller still checks the ticket.
    std::optional<std::uint32_t> status_token_ticket(const std::string& digest) const;

    // A checked-in student said from their phone that they are away until `until`: running late
    // to their interviews, or stepping out for a while. Calls skip them until then; their promises
    // stay (docs/api.md, "The student's own phone").
    enum class AbsenceKind { running_late, step_away };
    struct StudentAbsence {
        AbsenceKind kind = AbsenceKind::step_away;
        TimeOfDay reported;  // on the fair clock
        TimeOfDay until;
        friend bool operator==(const StudentAbsence&, const StudentAbsence&) = default;
    };
    // Replaces the student's absence, in one transaction with a "student.running_late" or
    // "student.stepped_away" event {student, until}.
    void set_student_absence(const StudentId& student, const StudentAbsence& absence,
                             std::string_view actor);
    // The student is back at `at`: their absence ends, with a "student.back" event {student}.
    // False, writing nothing, when they had none.
    bool end_student_absence(const StudentId& student, TimeOfDay at, std::string_view actor);
    // Every absence recorded, ended ones excluded (past ones included: callers compare `until`).
    std::map<StudentId, StudentAbsence> student_absences() const;

    // --- people: walk-ins and personal details (not part of the fair contract) -----------
    struct StudentDetails {
        std::optional<std::string> phone;   // normalised, "0912345678"
        std::optional<std::string> school;  // stored with the student (Student::school)
        std::string consent_json = "{}";    // purpose -> ticked
        std::string registered_via = "walk_in";
        // "Ngành khác / Other trade": the trade the walk-in typed (the student has no
        // occupation code); nullopt for everyone who picked a trade of the list.
        std::optional<std::string> occupation_text;
    };
    struct WalkIn {
        StudentId student;
        std::uint32_t ticket_number = 0;
        bool repeated = false;  // the idempotency key was seen before: nothing was written
    };
    // Registers a student who walked in: the student (with id "W0001", "W0002", ... chosen
    // here; `student.id` is ignored), their preferences, details and ticket, in one transaction
    // with a "student.registered" event. The idempotency key makes a retry return the first
    // registration; the same key with another request (`request_digest`) throws StoreError.
    WalkIn register_walk_in(const Student& student, const StudentDetails& details,
                            const std::string& idempotency_key, const std::string& request_digest,
                            std::string_view actor);
    std::optional<StudentDetails> student_details(const StudentId& student) const;

    // A checked-in student takes a booth they did not pick: it becomes their last preference,
    // in one transaction with a "student.booth_added" event {student, booth, rank,
    // idempotency_key?} (the caller checked every rule). Throws StoreError when already picked.
    void add_preference(const StudentId& student, const BoothId& booth,
                        const std::string& idempotency_key, std::string_view actor);
    // The student and booth a "student.booth_added" event with this idempotency key named, if
    // any: a kiosk's retry of an add-booth that went through.
    std::optional<std::pair<StudentId, BoothId>> booth_added_with(
        const std::string& idempotency_key) const;

    // --- the day's changes to booths ------------------------------------------------------
    // Paused since `since` (nothing: resumed). Logs "booth.paused" / "booth.resumed".
    void set_booth_paused(const BoothId& booth, std::optional<TimeOfDay> since,
                          std::string_view actor);
    std::map<BoothId, TimeOfDay> paused_booths() const;
    // New closing time (later or earlier). Logs "booth.hours_changed".
    void set_booth_close(const BoothId& booth, TimeOfDay close, std::string_view actor);
    // One more interviewer. Returns the new seat's number. Logs "booth.seat_added".
    int add_booth_seat(const BoothId& booth, std::string_view actor);

    // --- access control: hashes only (common/auth.hpp), saved whole after each change --------
    std::optional<std::string> access_state_json() const;
    void save_access_state(const std::string& state_json);

    // --- pre-registered students' details, from the schools' lists (not the fair contract) ----
    // Records phone and school for students already in the fair, in one transaction with a
    // "students.details_imported" event {count}; stored with registered_via "pre_registration"
    // (the field given is ignored). A student's earlier pre-registration details are replaced.
    // Refused with StoreError, changing nothing, when a student is unknown, is named twice, or
    // registered at a kiosk (a walk-in's own details are never overwritten).
    void import_student_details(const std::vector<std::pair<StudentId, StudentDetails>>& details,
                                std::string_view actor);
    std::map<StudentId, StudentDetails> all_student_details() const;  // every student with details

    // --- the organizer's workbook --------------------------------------------------------
    // import_fair, with the pre-registered students' phones and consent (their school is the
    // fair's student.school) in the same transaction: all or nothing.
    void import_fair_with_details(const Fair& fair,
                                  const std::vector<std::pair<StudentId, StudentDetails>>& details,
                                  std::string_view actor);

    // A school's corrected roster, before the fair: `students` replace the stored pre-registered
    // students (booths and settings stay). Students named are added or updated (name, school,
    // class, trade, level, times, cap, preferences); stored ones not named are removed from the
    // fair (kept in the database, their planned interviews dropped, their ticket revoked); walk-ins
    // are left alone. Phones and consent in `details` replace the pre-registered ones. Refused
    // with StoreError, changing nothing, when a student to remove has checked in or holds an
    // interview (the caller checks that updated students' promises still hold). One transaction
    // with a "students.roster_updated" event (ids only).
    struct RosterUpdate {
        std::vector<StudentId> added;
        std::vector<StudentId> updated;
        std::vector<StudentId> removed;
        std::vector<std::uint32_t> revoked_tickets;
    };
    RosterUpdate update_roster(const std::vector<Student>& students,
                               const std::vector<std::pair<StudentId, StudentDetails>>& details,
                               std::string_view actor);

    // --- after the fair: personal data removed as each student's consent says -------------
    // (docs/privacy.md). A phone stays only when the student agreed to a purpose that needs it
    // after the fair (kPhonePurposes); a name only for a purpose that needs to know who the
    // student is (kNamePurposes); a class only for the school's report (kClassPurposes). Notes
    // and reasons people typed go everywhere, audit log included (the log's one exception to
    // append-only). Everything the reports count stays: students' school, trade, level, times,
    // preferences, check-ins, tickets, interviews, statuses and outcomes.
    static constexpr std::string_view kPhonePurposes[] = {"follow_up", "job_news"};
    static constexpr std::string_view kNamePurposes[] = {"follow_up", "job_news", "school_report"};
    static constexpr std::string_view kClassPurposes[] = {"school_report"};
    struct PurgeOptions {
        bool honour_consent = true;  // false: consented phones, names and classes go too
        bool dry_run = false;        // count, then roll back: nothing changes
    };
    struct PurgeCounts {
        int phones = 0;  // removed
        int phones_kept = 0;
        int names = 0;
        int names_kept = 0;
        int classes = 0;
        int interview_notes = 0;
        int cancel_reasons = 0;        // typed by the organizer; now "cancelled by the organizer"
        int revoke_reasons = 0;        // typed by the organizer on a ticket; now "revoked"
        int events = 0;                // audit-log entries whose note or typed reason went
        int walk_in_fingerprints = 0;  // digests of kiosk requests, kept to answer retries

        int removed() const {
            return phones + names + classes + interview_notes + cancel_reasons + revoke_reasons +
                   events + walk_in_fingerprints;
        }
        friend bool operator==(const PurgeCounts&, const PurgeCounts&) = default;
    };
    // Holds the file to itself (StoreInUseError, changing nothing, while another program has it
    // open), purges in one transaction with a "data.purged" event of counts, then VACUUMs and
    // truncates the WAL so no removed text is left in free pages. With nothing to remove, no
    // event is written. A dry run takes the same lock, counts and rolls back.
    PurgeCounts purge_personal_data(const PurgeOptions& options, std::string_view actor);

    // --- a standby server, started from an online copy (docs/standby.md) -------------------
    // The newest event, if any: how far this database (a copy, say) reaches.
    std::optional<EventRecord> last_event() const;
    // What SQLite's integrity and foreign-key checks find wrong; empty for a sound database.
    std::vector<std::string> integrity_problems() const;

    // Turns this database, restored from the online copy `copy` after the fair's server died,
    // into the standby's: ticket numbers, event ids and interview ids go on from round numbers
    // well above anything the dead server may have given out after the copy was taken, so a
    // lost walk-in's printed ticket is refused as unknown instead of naming someone else, and a
    // screen resuming its event stream from the dead server's last id misses nothing. Records
    // the start in one transaction with a "server.standby_started" event (its id: first_event).
    struct StandbyStart {
        std::string copy;
        EventId copy_last_event = 0;     // 0: the copy holds no event
        std::string copy_last_event_at;  // ISO-8601 UTC; empty without an event
        std::uint32_t first_ticket = 0;  // the next ticket the standby gives
        EventId first_event = 0;
        InterviewId first_interview = 0;
    };
    StandbyStart start_as_standby(std::string_view copy, std::string_view actor);
    std::vector<StandbyStart> standby_starts() const;  // oldest first

  private:
    std::unique_ptr<SQLite::Database> database_;
    WallClock clock_;
};

}  // namespace jobfair
