// The store: SQLite through SQLiteCpp. The only file of the project that contains SQL.
//
// Contents
//   1. Migrations  - the schema, one numbered step each, never edited once shipped
//   2. Helpers     - timestamps, binding optional values, turning SQLite errors into StoreError
//   3. Opening     - connection settings and applying migrations
//   4. Use cases   - one transaction each
//   5. People      - tickets, walk-ins, booth changes of the day, access state
//   6. Details     - pre-registered students' details from the schools' lists
//   7. Roster      - a school's corrected roster before the fair
//   8. Purge       - after the fair: personal data removed as each student's consent says
//   9. Standby     - a database restored from an online copy (store_backup.hpp makes the copies)
#include "common/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "common/utc_time.hpp"

namespace jobfair {

namespace {

// ---------------------------------------------------------------------------------------------
// 1. Migrations
//
// Migration k (1-based) takes the schema from user_version k-1 to k. Append new steps; never
// change a step that has shipped, or databases already past it would differ from new ones.
// The status and level lists are spelled out here rather than generated from the C++ enums so
// that this text stays fixed; the tests check that every enum value is accepted.

constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE fair_settings (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    name TEXT NOT NULL,
    slot_minutes INTEGER NOT NULL CHECK (slot_minutes > 0),
    day_start_minute INTEGER NOT NULL CHECK (day_start_minute BETWEEN 0 AND 1440),
    day_end_minute INTEGER NOT NULL CHECK (day_end_minute BETWEEN day_start_minute AND 1440),
    student_gap_slots INTEGER NOT NULL CHECK (student_gap_slots >= 0),
    max_interviews_per_student INTEGER NOT NULL CHECK (max_interviews_per_student >= 0)
) STRICT;

CREATE TABLE booths (
    id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    position INTEGER NOT NULL UNIQUE,
    enterprise TEXT NOT NULL,
    interviewers INTEGER NOT NULL CHECK (interviewers >= 0),
    open_minute INTEGER NOT NULL CHECK (open_minute >= 0),
    close_minute INTEGER NOT NULL CHECK (close_minute >= open_minute),
    min_level TEXT CHECK (min_level IN ('none', 'intermediate', 'college', 'university')),
    max_interviews INTEGER CHECK (max_interviews >= 0)
) STRICT;

CREATE TABLE booth_breaks (
    booth TEXT NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    begin_minute INTEGER NOT NULL CHECK (begin_minute >= 0),
    end_minute INTEGER NOT NULL CHECK (end_minute >= begin_minute),
    PRIMARY KEY (booth, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE booth_occupations (
    booth TEXT NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    occupation TEXT NOT NULL CHECK (occupation <> ''),
    PRIMARY KEY (booth, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE students (
    id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    position INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    occupation TEXT,
    level TEXT NOT NULL CHECK (level IN ('none', 'intermediate', 'college', 'university')),
    arrive_minute INTEGER NOT NULL CHECK (arrive_minute >= 0),
    leave_minute INTEGER NOT NULL CHECK (leave_minute >= arrive_minute),
    max_interviews INTEGER CHECK (max_interviews >= 0)
) STRICT;

CREATE TABLE preferences (
    student TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    rank INTEGER NOT NULL CHECK (rank >= 1),
    booth TEXT NOT NULL REFERENCES booths(id),
    PRIMARY KEY (student, rank),
    UNIQUE (student, booth)
) STRICT, WITHOUT ROWID;

-- AUTOINCREMENT: ids are never reused, so events that name an interview stay unambiguous
-- after planned interviews are replaced.
CREATE TABLE interviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    student TEXT NOT NULL REFERENCES students(id),
    booth TEXT NOT NULL REFERENCES booths(id),
    seat INTEGER NOT NULL CHECK (seat >= 0),
    start_minute INTEGER NOT NULL CHECK (start_minute >= 0),
    status TEXT NOT NULL CHECK (status IN ('planned', 'promised', 'called', 'in_progress',
                                           'done', 'no_show', 'cancelled')),
    fixed INTEGER NOT NULL DEFAULT 0 CHECK (fixed IN (0, 1)),
    cancel_reason TEXT CHECK (cancel_reason IS NULL OR status = 'cancelled'),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (NOT (fixed = 1 AND status = 'planned'))
) STRICT;

-- The audit log: rows are only ever added, so the day can be replayed from it.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind <> ''),
    payload TEXT NOT NULL CHECK (json_valid(payload))
) STRICT;

CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
)sql";

// Lookups the day runs all the time, and rule 1 of the contract (one interview per booth seat
// per slot) for every interview still alive. Starts lie on the grid, so equal start = same slot.
constexpr std::string_view kMigration2 = R"sql(
CREATE INDEX interviews_by_status ON interviews(status);
CREATE INDEX interviews_by_student ON interviews(student, start_minute);
CREATE INDEX interviews_by_booth ON interviews(booth, start_minute);
CREATE UNIQUE INDEX interviews_one_per_seat_and_slot ON interviews(booth, seat, start_minute)
    WHERE status NOT IN ('cancelled', 'no_show');
CREATE INDEX preferences_by_booth ON preferences(booth);
CREATE INDEX events_by_kind ON events(kind, id);
)sql";

// The live day: who checked in (and left), and what each finished interview led to.
constexpr std::string_view kMigration3 = R"sql(
CREATE TABLE check_ins (
    student TEXT NOT NULL PRIMARY KEY REFERENCES students(id),
    at_minute INTEGER NOT NULL CHECK (at_minute >= 0),
    left_minute INTEGER CHECK (left_minute IS NULL OR left_minute >= at_minute),
    created_at TEXT NOT NULL
) STRICT;
ALTER TABLE interviews ADD COLUMN outcome TEXT
    CHECK (outcome IS NULL OR outcome IN ('offer', 'internship', 'next_round', 'not_suitable'));
ALTER TABLE interviews ADD COLUMN note TEXT;
)sql";

// Who a ticket belongs to, walk-ins' details, the server's access state, answered kiosk
// submissions, and booth changes of the day.
constexpr std::string_view kMigration4 = R"sql(
CREATE TABLE tickets (
    number INTEGER NOT NULL PRIMARY KEY CHECK (number > 0),
    student TEXT NOT NULL UNIQUE REFERENCES students(id),
    issued_at TEXT NOT NULL,
    revoked_at TEXT,
    revoke_reason TEXT
) STRICT;
CREATE TABLE student_details (
    student TEXT NOT NULL PRIMARY KEY REFERENCES students(id),
    phone TEXT,
    school TEXT,
    consent TEXT NOT NULL DEFAULT '{}',
    registered_via TEXT NOT NULL CHECK (registered_via IN ('pre_registration', 'walk_in')),
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE walk_in_submissions (
    idempotency_key TEXT NOT NULL PRIMARY KEY,
    request_digest TEXT NOT NULL,
    student TEXT NOT NULL REFERENCES students(id),
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE access_state (
    singleton INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
ALTER TABLE booths ADD COLUMN paused_since_minute INTEGER;
)sql";

// Revoked tickets that were replaced: their numbers stay taken and keep being refused as revoked.
constexpr std::string_view kMigration5 = R"sql(
CREATE TABLE retired_tickets (
    number INTEGER NOT NULL PRIMARY KEY CHECK (number > 0),
    student TEXT NOT NULL REFERENCES students(id),
    revoked_at TEXT NOT NULL,
    revoke_reason TEXT
) STRICT;
)sql";

// Contract v1.1 and the organizer's workbook: the fair's date, venue and organizer; booths'
// positions, place in the hall and CV desk; students' school and class (the one place a school
// lives: walk-ins' and schools' lists' schools move here from student_details); trades the
// organizer added to the catalogue.
constexpr std::string_view kMigration6 = R"sql(
ALTER TABLE fair_settings ADD COLUMN date TEXT;
ALTER TABLE fair_settings ADD COLUMN venue TEXT;
ALTER TABLE fair_settings ADD COLUMN organizer TEXT;
ALTER TABLE booths ADD COLUMN location TEXT;
ALTER TABLE booths ADD COLUMN accepts_cvs INTEGER NOT NULL DEFAULT 0 CHECK (accepts_cvs IN (0, 1));
ALTER TABLE students ADD COLUMN school TEXT;
ALTER TABLE students ADD COLUMN class TEXT;
-- A student taken off a school's corrected roster before the fair: kept (their ticket number
-- stays taken and refused), left out of the fair.
ALTER TABLE students ADD COLUMN removed_at TEXT;
UPDATE students SET school = (SELECT d.school FROM student_details d WHERE d.student = students.id)
    WHERE school IS NULL;
UPDATE student_details SET school = NULL;
CREATE TABLE booth_positions (
    booth TEXT NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    occupation TEXT,
    openings INTEGER CHECK (openings IS NULL OR openings >= 0),
    PRIMARY KEY (booth, position)
) STRICT, WITHOUT ROWID;
CREATE TABLE trades (
    code TEXT NOT NULL PRIMARY KEY CHECK (code <> ''),
    position INTEGER NOT NULL UNIQUE,
    name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL
) STRICT;
)sql";

// A standby server started from an online copy after the fair's server died (`jobfair
// standby`). The copy may lack the dead server's last minute, whose ticket numbers may already be
// printed on walk-ins' slips: the standby gives tickets from `first_ticket` on, so a lost ticket
// is refused as unknown instead of checking in someone else.
constexpr std::string_view kMigration7 = R"sql(
CREATE TABLE standby_starts (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    copy TEXT NOT NULL,
    copy_last_event INTEGER NOT NULL CHECK (copy_last_event >= 0),
    copy_last_event_at TEXT,
    first_ticket INTEGER NOT NULL CHECK (first_ticket > 0),
    first_event INTEGER NOT NULL CHECK (first_event > 0),
    first_interview INTEGER NOT NULL CHECK (first_interview > 0)
) STRICT;
)sql";

// The student's own phone (docs/security.md): the digest of each ticket's status token (never
// the token), and the absences students report from it. A revoked ticket's row is deleted.
constexpr std::string_view kMigration8 = R"sql(
CREATE TABLE status_tokens (
    digest TEXT NOT NULL PRIMARY KEY CHECK (length(digest) = 64),
    ticket_number INTEGER NOT NULL UNIQUE CHECK (ticket_number > 0),
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE student_absences (
    student TEXT NOT NULL PRIMARY KEY REFERENCES students(id),
    kind TEXT NOT NULL CHECK (kind IN ('running_late', 'step_away')),
    reported_minute INTEGER NOT NULL CHECK (reported_minute >= 0),
    until_minute INTEGER NOT NULL CHECK (until_minute >= reported_minute),
    updated_at TEXT NOT NULL
) STRICT;
)sql";

// "Ngành khác / Other trade" (issue 17): the trade a walk-in typed when theirs was not among the
// fair's; the student's own occupation stays NULL (eligible only where booths take any trade).
// Rows written before stay NULL: they picked a trade of the list.
constexpr std::string_view kMigration9 = R"sql(
ALTER TABLE student_details ADD COLUMN occupation_text TEXT
    CHECK (occupation_text IS NULL OR length(occupation_text) BETWEEN 2 AND 60);
)sql";

constexpr std::array kMigrations{kMigration1, kMigration2, kMigration3, kMigration4, kMigration5,
                                 kMigration6, kMigration7, kMigration8, kMigration9};

// 'JFAI': marks the file as ours, so a stranger's SQLite file is never migrated by mistake.
constexpr int kApplicationId = 0x4A464149;
constexpr int kBusyTimeoutMs = 5000;

// Interviews a re-plan must keep as they are.
constexpr std::array kCommitments{InterviewStatus::promised, InterviewStatus::called,
                                  InterviewStatus::in_progress, InterviewStatus::done};

// ---------------------------------------------------------------------------------------------
// 2. Helpers

std::string to_json(const nlohmann::json& value) {
    // Replace rather than throw on invalid UTF-8: an audit line must never abort a use case.
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<int>& value) {
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);  // NULL
    }
}

void bind_optional(SQLite::Statement& statement, int index,
                   const std::optional<std::string>& value) {
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

std::optional<int> optional_int(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getInt();
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

std::string quoted(const std::filesystem::path& path) {
    return "\"" + path.string() + "\"";
}

// Runs one use case; SQLite's own errors become StoreError naming what was being done.
template <class UseCase>
auto translating_errors(std::string_view doing, UseCase&& use_case) -> decltype(use_case()) {
    try {
        return use_case();
    } catch (const SQLite::Exception& error) {
        throw StoreError("cannot " + std::string(doing) + ": " + error.what());
    }
}

int pragma_int(SQLite::Database& database, const char* pragma) {
    return database.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

bool fair_is_loaded(const SQLite::Database& database) {
    SQLite::Statement count(database, "SELECT COUNT(*) FROM fair_settings");
    count.executeStep();
    return count.getColumn(0).getInt() > 0;
}

std::string commitment_list() {
    std::string list;
    for (InterviewStatus status : kCommitments) {
        list += list.empty() ? "'" : ", '";
        list += status_code(status);
        list += "'";
    }
    return list;
}

Interview interview_from(SQLite::Statement& row, int first_column) {
    return Interview{StudentId(row.getColumn(first_column).getString()),
                     BoothId(row.getColumn(first_column + 1).getString()),
                     row.getColumn(first_column + 2).getInt(),
                     TimeOfDay(row.getColumn(first_column + 3).getInt())};
}

std::string describe(const Interview& interview) {
    return "interview of student " + interview.student.str() + " at booth " +
           interview.booth.str() + " seat " + std::to_string(interview.seat) + " at " +
           interview.start.str();
}

// Writes interview rows: the place, the status, whether fixed, stamped `now` (created and
// updated). One prepared statement for as many rows as the caller inserts.
class InterviewInsert {
  public:
    explicit InterviewInsert(SQLite::Database& database)
        : database_(database),
          statement_(database,
                     "INSERT INTO interviews (student, booth, seat, start_minute, status, fixed, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") {}
    InterviewId insert(const Interview& interview, InterviewStatus status, bool fixed,
                       const std::string& now) {
        statement_.reset();
        statement_.bind(1, interview.student.str());
        statement_.bind(2, interview.booth.str());
        statement_.bind(3, interview.seat);
        statement_.bind(4, interview.start.minutes());
        statement_.bind(5, std::string(status_code(status)));
        statement_.bind(6, fixed ? 1 : 0);
        statement_.bind(7, now);
        statement_.bind(8, now);
        statement_.exec();
        return database_.getLastInsertRowid();
    }

  private:
    SQLite::Database& database_;
    SQLite::Statement statement_;
};

// Replaces the planned interviews by `planned`, skipping entries equal to a commitment.
struct PlanWrite {
    int stored = 0;
    int already_committed = 0;
    int replaced = 0;  // planned rows removed (the others keep their ids)
};
PlanWrite replace_planned(SQLite::Database& database, const std::vector<Interview>& planned,
                          const std::string& now, std::string& writing) {
    PlanWrite counts;
    std::set<Interview> committed;
    SQLite::Statement commitments(database,
                                  "SELECT student, booth, seat, start_minute FROM interviews "
                                  "WHERE status IN (" +
                                      commitment_list() + ")");
    while (commitments.executeStep())
        committed.insert(interview_from(commitments, 0));

    // Only the difference is written: planned rows the new plan repeats keep their ids, so a
    // check-in that adds one student's interviews writes a few rows, not the whole plan.
    std::map<Interview, std::int64_t> existing;
    SQLite::Statement current(database,
                              "SELECT id, student, booth, seat, start_minute FROM interviews "
                              "WHERE status = ?");
    current.bind(1, std::string(status_code(InterviewStatus::planned)));
    while (current.executeStep())
        existing.emplace(interview_from(current, 1), current.getColumn(0).getInt64());
    std::set<Interview> wanted;
    for (const Interview& interview : planned) {
        if (committed.count(interview) > 0) {
            ++counts.already_committed;
        } else {
            wanted.insert(interview);
        }
    }

    SQLite::Statement remove(database, "DELETE FROM interviews WHERE id = ?");
    for (const auto& [interview, id] : existing) {
        if (wanted.count(interview) > 0) continue;
        remove.reset();
        remove.bind(1, id);
        remove.exec();
        ++counts.replaced;
    }

    InterviewInsert insert(database);
    std::set<Interview> inserted;
    for (const Interview& interview : planned) {  // in the plan's order
        if (wanted.count(interview) == 0 || !inserted.insert(interview).second) continue;
        ++counts.stored;
        if (existing.count(interview) > 0) continue;
        writing = "planned " + describe(interview);
        insert.insert(interview, InterviewStatus::planned, false, now);
    }

    return counts;
}

void insert_event(SQLite::Database& database, const std::string& now, std::string_view actor,
                  std::string_view kind, const nlohmann::json& payload) {
    SQLite::Statement event(database,
                            "INSERT INTO events (at, actor, kind, payload) VALUES (?, ?, ?, ?)");
    event.bind(1, now);
    event.bind(2, std::string(actor));
    event.bind(3, std::string(kind));
    event.bind(4, to_json(payload));
    event.exec();
}

// Phones and consent from the organizer's lists; a walk-in's own details are never replaced.
// `writing` names the row being written, for the caller's error message.
void upsert_pre_registration_details(
    SQLite::Database& database,
    const std::vector<std::pair<StudentId, Store::StudentDetails>>& details, const std::string& now,
    std::string& writing) {
    SQLite::Statement upsert(
        database,
        "INSERT INTO student_details (student, phone, consent, registered_via, created_at) "
        "VALUES (?, ?, ?, 'pre_registration', ?) ON CONFLICT (student) DO UPDATE SET phone = "
        "excluded.phone, consent = excluded.consent WHERE registered_via = 'pre_registration'");
    for (const auto& [student, one] : details) {
        writing = "the details of " + student.str();
        upsert.reset();
        upsert.bind(1, student.str());
        bind_optional(upsert, 2, one.phone);
        upsert.bind(3, one.consent_json);
        upsert.bind(4, now);
        upsert.exec();
    }
}

Fair read_fair(const SQLite::Database& database) {
    Fair fair;
    SQLite::Statement settings(database,
                               "SELECT name, slot_minutes, day_start_minute, day_end_minute, "
                               "student_gap_slots, max_interviews_per_student, date, venue, "
                               "organizer FROM fair_settings");
    if (!settings.executeStep()) {
        throw StoreError("no fair is loaded in this database: import an instance first");
    }
    fair.settings.name = settings.getColumn(0).getString();
    fair.settings.grid.slot_minutes = settings.getColumn(1).getInt();
    fair.settings.grid.day_start = TimeOfDay(settings.getColumn(2).getInt());
    fair.settings.grid.day_end = TimeOfDay(settings.getColumn(3).getInt());
    fair.settings.student_gap_slots = settings.getColumn(4).getInt();
    fair.settings.max_interviews_per_student = settings.getColumn(5).getInt();
    fair.settings.date = optional_text(settings.getColumn(6));
    fair.settings.venue = optional_text(settings.getColumn(7));
    fair.settings.organizer = optional_text(settings.getColumn(8));

    std::map<std::string, Booth*> booth_by_id;
    SQLite::Statement booths(database,
                             "SELECT id, enterprise, interviewers, open_minute, close_minute, "
                             "min_level, max_interviews, location, accepts_cvs FROM booths "
                             "ORDER BY position");
    while (booths.executeStep()) {
        Booth& booth = fair.booths.emplace_back();
        booth.id = BoothId(booths.getColumn(0).getString());
        booth.enterprise = booths.getColumn(1).getString();
        booth.interviewers = booths.getColumn(2).getInt();
        booth.open = TimeOfDay(booths.getColumn(3).getInt());
        booth.close = TimeOfDay(booths.getColumn(4).getInt());
        if (auto level = optional_text(booths.getColumn(5))) booth.min_level = parse_level(*level);
        booth.max_interviews = optional_int(booths.getColumn(6));
        booth.location = optional_text(booths.getColumn(7));
        booth.accepts_cvs = booths.getColumn(8).getInt() != 0;
    }
    for (Booth& booth : fair.booths)
        booth_by_id[booth.id.str()] = &booth;

    SQLite::Statement breaks(database,
                             "SELECT booth, begin_minute, end_minute FROM booth_breaks "
                             "ORDER BY booth, position");
    while (breaks.executeStep()) {
        booth_by_id.at(breaks.getColumn(0).getString())
            ->breaks.push_back(TimeRange{TimeOfDay(breaks.getColumn(1).getInt()),
                                         TimeOfDay(breaks.getColumn(2).getInt())});
    }
    SQLite::Statement occupations(
        database, "SELECT booth, occupation FROM booth_occupations ORDER BY booth, position");
    while (occupations.executeStep()) {
        booth_by_id.at(occupations.getColumn(0).getString())
            ->occupations.push_back(occupations.getColumn(1).getString());
    }
    SQLite::Statement positions(database,
                                "SELECT booth, title, occupation, openings FROM booth_positions "
                                "ORDER BY booth, position");
    while (positions.executeStep()) {
        booth_by_id.at(positions.getColumn(0).getString())
            ->positions.push_back(Position{positions.getColumn(1).getString(),
                                           optional_text(positions.getColumn(2)),
                                           optional_int(positions.getColumn(3))});
    }

    SQLite::Statement students(
        database,
        "SELECT id, name, occupation, level, arrive_minute, leave_minute, "
        "max_interviews, school, class FROM students WHERE removed_at IS NULL "
        "ORDER BY position");
    while (students.executeStep()) {
        Student& student = fair.students.emplace_back();
        student.id = StudentId(students.getColumn(0).getString());
        student.name = students.getColumn(1).getString();
        student.occupation = optional_text(students.getColumn(2));
        student.level = parse_level(students.getColumn(3).getString()).value_or(Level::none);
        student.arrive = TimeOfDay(students.getColumn(4).getInt());
        student.leave = TimeOfDay(students.getColumn(5).getInt());
        student.max_interviews = optional_int(students.getColumn(6));
        student.school = optional_text(students.getColumn(7));
        student.class_name = optional_text(students.getColumn(8));
    }
    std::map<std::string, Student*> student_by_id;
    for (Student& student : fair.students)
        student_by_id[student.id.str()] = &student;

    SQLite::Statement preferences(database,
                                  "SELECT student, booth FROM preferences ORDER BY student, rank");
    while (preferences.executeStep()) {
        student_by_id.at(preferences.getColumn(0).getString())
            ->preferences.emplace_back(preferences.getColumn(1).getString());
    }

    SQLite::Statement commitments(database,
                                  "SELECT student, booth, seat, start_minute FROM interviews "
                                  "WHERE status IN (" +
                                      commitment_list() + ") ORDER BY id");
    while (commitments.executeStep())
        fair.fixed.push_back(interview_from(commitments, 0));

    SQLite::Statement trades(database,
                             "SELECT code, name_vi, name_en FROM trades ORDER BY position");
    while (trades.executeStep()) {
        fair.extra_trades.push_back(TradeName{trades.getColumn(0).getString(),
                                              trades.getColumn(1).getString(),
                                              trades.getColumn(2).getString()});
    }
    return fair;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// 3. Opening

namespace {

// Per-connection settings; they are not stored in the file.
void configure_connection(SQLite::Database& database) {
    database.exec("PRAGMA foreign_keys = ON");
    if (pragma_int(database, "foreign_keys") != 1) {
        throw StoreError("this SQLite library cannot enforce foreign keys");
    }
    // WAL lets the kiosks read while the desk writes. A ":memory:" database keeps its own mode.
    database.exec("PRAGMA journal_mode = WAL");
    // FULL: with WAL, NORMAL may lose the last commits on power loss, and a check-in the
    // student saw confirmed must survive that. The cost is one fsync per commit.
    database.exec("PRAGMA synchronous = FULL");
}

void refuse_foreign_file(SQLite::Database& database, const std::filesystem::path& path) {
    const int application_id = pragma_int(database, "application_id");
    if (application_id == kApplicationId) return;
    const bool has_tables = database.execAndGet("SELECT COUNT(*) FROM sqlite_schema").getInt() > 0;
    if (application_id != 0 || has_tables) {
        throw StoreError(quoted(path) +
                         " is an SQLite database of another program, not a jobfair database");
    }
}

// The database holds students' phones: a new file is readable by its owner only (0600), and
// SQLite gives its -wal and -shm files the same mode. An existing file keeps its mode.
void create_private_file(const std::filesystem::path& path) {
    if (path.empty() || path == ":memory:" || path.string().starts_with("file:")) return;
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);  // EEXIST and other failures: SQLite's own open reports them
}

void apply_migrations(SQLite::Database& database, const std::filesystem::path& path) {
    const int latest = static_cast<int>(kMigrations.size());
    for (;;) {
        // IMMEDIATE takes the write lock first, so two programs opening the same new file
        // cannot both migrate it; the version is read again under the lock.
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        const int version = pragma_int(database, "user_version");
        if (version > latest) {
            throw StoreError("database " + quoted(path) + " has schema version " +
                             std::to_string(version) + ", but this jobfair knows versions up to " +
                             std::to_string(latest) + ": open it with a newer jobfair");
        }
        if (version == latest) return;  // the transaction only read; rolling back is fine
        if (version == 0) {
            database.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        }
        database.exec(std::string(kMigrations[static_cast<size_t>(version)]));
        database.exec("PRAGMA user_version = " + std::to_string(version + 1));
        transaction.commit();
    }
}

}  // namespace

Store::Store(const std::filesystem::path& path, WallClock clock)
    : clock_(clock ? std::move(clock)
                   : WallClock([] { return std::chrono::system_clock::now(); })) {
    create_private_file(path);
    try {
        database_ = std::make_unique<SQLite::Database>(
            path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs);
        configure_connection(*database_);
        refuse_foreign_file(*database_, path);
        apply_migrations(*database_, path);
    } catch (const SQLite::Exception& error) {
        throw StoreError("cannot open database " + quoted(path) + ": " + error.what());
    }
}

DatabaseFile Store::identify(const std::filesystem::path& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) return DatabaseFile::missing;
    if (!std::filesystem::is_regular_file(status)) return DatabaseFile::not_a_database;
    try {
        SQLite::Database database(path.string(), SQLite::OPEN_READONLY);
        const int application_id = pragma_int(database, "application_id");
        if (application_id == kApplicationId) return DatabaseFile::jobfair;
        if (application_id != 0) return DatabaseFile::other_program;
        const bool has_tables =
            database.execAndGet("SELECT COUNT(*) FROM sqlite_schema").getInt() > 0;
        return has_tables ? DatabaseFile::other_program : DatabaseFile::empty;
    } catch (const SQLite::Exception&) {
        return DatabaseFile::not_a_database;  // SQLITE_NOTADB, or unreadable
    }
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::latest_schema_version() {
    return static_cast<int>(kMigrations.size());
}

int Store::schema_version() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read the schema version",
                              [&] { return pragma_int(*database_, "user_version"); });
}

// ---------------------------------------------------------------------------------------------
// 4. Use cases

bool Store::has_fair() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("look for a loaded fair", [&] { return fair_is_loaded(*database_); });
}

void Store::import_fair(const Fair& fair, std::string_view actor) {
    import_fair_with_details(fair, {}, actor);
}

void Store::import_fair_with_details(
    const Fair& fair, const std::vector<std::pair<StudentId, StudentDetails>>& details,
    std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    std::string writing = "the fair's settings";  // names the row a constraint refused
    try {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        if (fair_is_loaded(database)) {
            throw StoreError("cannot import \"" + fair.settings.name +
                             "\": this database already holds a fair; use a new database file");
        }
        const std::string now = iso_utc(clock_());

        SQLite::Statement settings(database,
                                   "INSERT INTO fair_settings (singleton, name, slot_minutes, "
                                   "day_start_minute, day_end_minute, student_gap_slots, "
                                   "max_interviews_per_student, date, venue, organizer) "
                                   "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        settings.bind(1, fair.settings.name);
        settings.bind(2, fair.settings.grid.slot_minutes);
        settings.bind(3, fair.settings.grid.day_start.minutes());
        settings.bind(4, fair.settings.grid.day_end.minutes());
        settings.bind(5, fair.settings.student_gap_slots);
        settings.bind(6, fair.settings.max_interviews_per_student);
        bind_optional(settings, 7, fair.settings.date);
        bind_optional(settings, 8, fair.settings.venue);
        bind_optional(settings, 9, fair.settings.organizer);
        settings.exec();

        SQLite::Statement insert_booth(
            database,
            "INSERT INTO booths (id, position, enterprise, interviewers, open_minute, "
            "close_minute, min_level, max_interviews, location, accepts_cvs) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        SQLite::Statement insert_position(database,
                                          "INSERT INTO booth_positions (booth, position, title, "
                                          "occupation, openings) VALUES (?, ?, ?, ?, ?)");
        SQLite::Statement insert_break(database,
                                       "INSERT INTO booth_breaks (booth, position, begin_minute, "
                                       "end_minute) VALUES (?, ?, ?, ?)");
        SQLite::Statement insert_occupation(
            database,
            "INSERT INTO booth_occupations (booth, position, occupation) VALUES (?, ?, ?)");
        for (size_t b = 0; b < fair.booths.size(); ++b) {
            const Booth& booth = fair.booths[b];
            writing = "booth " + booth.id.str();
            insert_booth.reset();
            insert_booth.bind(1, booth.id.str());
            insert_booth.bind(2, static_cast<int64_t>(b));
            insert_booth.bind(3, booth.enterprise);
            insert_booth.bind(4, booth.interviewers);
            insert_booth.bind(5, booth.open.minutes());
            insert_booth.bind(6, booth.close.minutes());
            bind_optional(insert_booth, 7,
                          booth.min_level ? std::optional<std::string>(level_code(*booth.min_level))
                                          : std::nullopt);
            bind_optional(insert_booth, 8, booth.max_interviews);
            bind_optional(insert_booth, 9, booth.location);
            insert_booth.bind(10, booth.accepts_cvs ? 1 : 0);
            insert_booth.exec();
            for (size_t i = 0; i < booth.positions.size(); ++i) {
                writing = "position " + std::to_string(i + 1) + " of booth " + booth.id.str();
                insert_position.reset();
                insert_position.bind(1, booth.id.str());
                insert_position.bind(2, static_cast<int64_t>(i));
                insert_position.bind(3, booth.positions[i].title);
                bind_optional(insert_position, 4, booth.positions[i].occupation);
                bind_optional(insert_position, 5, booth.positions[i].openings);
                insert_position.exec();
            }
            for (size_t i = 0; i < booth.breaks.size(); ++i) {
                writing = "break " + std::to_string(i + 1) + " of booth " + booth.id.str();
                insert_break.reset();
                insert_break.bind(1, booth.id.str());
                insert_break.bind(2, static_cast<int64_t>(i));
                insert_break.bind(3, booth.breaks[i].begin.minutes());
                insert_break.bind(4, booth.breaks[i].end.minutes());
                insert_break.exec();
            }
            for (size_t i = 0; i < booth.occupations.size(); ++i) {
                writing = "occupation " + booth.occupations[i] + " of booth " + booth.id.str();
                insert_occupation.reset();
                insert_occupation.bind(1, booth.id.str());
                insert_occupation.bind(2, static_cast<int64_t>(i));
                insert_occupation.bind(3, booth.occupations[i]);
                insert_occupation.exec();
            }
        }

        SQLite::Statement insert_student(
            database,
            "INSERT INTO students (id, position, name, occupation, level, arrive_minute, "
            "leave_minute, max_interviews, school, class) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        SQLite::Statement insert_preference(
            database, "INSERT INTO preferences (student, rank, booth) VALUES (?, ?, ?)");
        size_t preference_count = 0;
        for (size_t s = 0; s < fair.students.size(); ++s) {
            const Student& student = fair.students[s];
            writing = "student " + student.id.str();
            insert_student.reset();
            insert_student.bind(1, student.id.str());
            insert_student.bind(2, static_cast<int64_t>(s));
            insert_student.bind(3, student.name);
            bind_optional(insert_student, 4, student.occupation);
            insert_student.bind(5, std::string(level_code(student.level)));
            insert_student.bind(6, student.arrive.minutes());
            insert_student.bind(7, student.leave.minutes());
            bind_optional(insert_student, 8, student.max_interviews);
            bind_optional(insert_student, 9, student.school);
            bind_optional(insert_student, 10, student.class_name);
            insert_student.exec();
            for (size_t rank = 1; rank <= student.preferences.size(); ++rank) {
                const BoothId& booth = student.preferences[rank - 1];
                writing = "preference " + std::to_string(rank) + " (booth " + booth.str() +
                          ") of student " + student.id.str();
                insert_preference.reset();
                insert_preference.bind(1, student.id.str());
                insert_preference.bind(2, static_cast<int64_t>(rank));
                insert_preference.bind(3, booth.str());
                insert_preference.exec();
                ++preference_count;
            }
        }

        InterviewInsert insert_fixed(database);
        for (const Interview& interview : fair.fixed) {
            writing = "fixed " + describe(interview);
            insert_fixed.insert(interview, InterviewStatus::promised, true, now);
        }

        upsert_pre_registration_details(database, details, now, writing);

        SQLite::Statement insert_trade(
            database, "INSERT INTO trades (code, position, name_vi, name_en) VALUES (?, ?, ?, ?)");
        for (size_t i = 0; i < fair.extra_trades.size(); ++i) {
            const TradeName& trade = fair.extra_trades[i];
            writing = "trade " + trade.code;
            insert_trade.reset();
            insert_trade.bind(1, trade.code);
            insert_trade.bind(2, static_cast<int64_t>(i));
            insert_trade.bind(3, trade.name_vi);
            insert_trade.bind(4, trade.name_en);
            insert_trade.exec();
        }

        writing = "the fair.imported event";
        SQLite::Statement event(
            database, "INSERT INTO events (at, actor, kind, payload) VALUES (?, ?, ?, ?)");
        event.bind(1, now);
        event.bind(2, std::string(actor));
        event.bind(3, "fair.imported");
        event.bind(4, to_json({{"name", fair.settings.name},
                               {"booths", fair.booths.size()},
                               {"students", fair.students.size()},
                               {"preferences", preference_count},
                               {"fixed", fair.fixed.size()}}));
        event.exec();
        transaction.commit();
    } catch (const SQLite::Exception& error) {
        throw StoreError("cannot import \"" + fair.settings.name + "\": " + error.what() +
                         " while writing " + writing + "; nothing was stored");
    }
}

Fair Store::load_fair() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("load the fair", [&] {
        // A read transaction: every SELECT sees the same committed state.
        SQLite::Transaction snapshot(*database_, SQLite::TransactionBehavior::DEFERRED);
        return read_fair(*database_);
    });
}

void Store::save_planned_schedule(const std::vector<Interview>& planned, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    std::string writing = "the schedule";
    try {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        if (!fair_is_loaded(database)) {
            throw StoreError("cannot save a schedule: no fair is loaded in this database");
        }
        const std::string now = iso_utc(clock_());

        const PlanWrite counts = replace_planned(database, planned, now, writing);
        writing = "the schedule.saved event";
        SQLite::Statement event(
            database, "INSERT INTO events (at, actor, kind, payload) VALUES (?, ?, ?, ?)");
        event.bind(1, now);
        event.bind(2, std::string(actor));
        event.bind(3, "schedule.saved");
        event.bind(4, to_json({{"count", counts.stored},
                               {"already_committed", counts.already_committed},
                               {"replaced", counts.replaced}}));
        event.exec();
        transaction.commit();
    } catch (const SQLite::Exception& error) {
        throw StoreError(std::string("cannot save the schedule: ") + error.what() +
                         " while writing " + writing + "; nothing was changed");
    }
}

std::vector<StoredInterview> Store::interviews() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read the interviews", [&] {
        SQLite::Statement rows(*database_,
                               "SELECT id, student, booth, seat, start_minute, status, fixed, "
                               "cancel_reason, created_at, updated_at, outcome, note "
                               "FROM interviews ORDER BY id");
        std::vector<StoredInterview> result;
        while (rows.executeStep()) {
            StoredInterview& stored = result.emplace_back();
            stored.id = rows.getColumn(0).getInt64();
            stored.interview = interview_from(rows, 1);
            const std::string status = rows.getColumn(5).getString();
            const auto parsed = parse_status(status);
            if (!parsed) {
                throw StoreError("interview " + std::to_string(stored.id) +
                                 " has an unknown status \"" + status + "\"");
            }
            stored.status = *parsed;
            stored.fixed = rows.getColumn(6).getInt() != 0;
            stored.cancel_reason = optional_text(rows.getColumn(7));
            stored.created_at = rows.getColumn(8).getString();
            stored.updated_at = rows.getColumn(9).getString();
            if (const auto outcome = optional_text(rows.getColumn(10))) {
                stored.outcome = parse_outcome(*outcome);
                if (!stored.outcome) {
                    throw StoreError("interview " + std::to_string(stored.id) +
                                     " has an unknown outcome \"" + *outcome + "\"");
                }
            }
            stored.note = optional_text(rows.getColumn(11));
        }
        return result;
    });
}

EventId Store::append_event(std::string_view actor, std::string_view kind,
                            std::string_view payload_json) {
    assert(database_ && "use of a moved-from Store");
    if (kind.empty()) throw StoreError("cannot append an event without a kind");
    if (!nlohmann::json::accept(payload_json)) {
        throw StoreError("cannot append event \"" + std::string(kind) +
                         "\": its payload is not valid JSON");
    }
    return translating_errors("append an event", [&] {
        SQLite::Transaction transaction(*database_, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement insert(
            *database_, "INSERT INTO events (at, actor, kind, payload) VALUES (?, ?, ?, ?)");
        insert.bind(1, iso_utc(clock_()));
        insert.bind(2, std::string(actor));
        insert.bind(3, std::string(kind));
        insert.bind(4, std::string(payload_json));
        insert.exec();
        const EventId id = database_->getLastInsertRowid();
        transaction.commit();
        return id;
    });
}

std::vector<EventRecord> Store::events(EventId since_id) const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read the events", [&] {
        SQLite::Statement rows(
            *database_, "SELECT id, at, actor, kind, payload FROM events WHERE id > ? ORDER BY id");
        rows.bind(1, static_cast<int64_t>(since_id));
        std::vector<EventRecord> result;
        while (rows.executeStep()) {
            result.push_back(
                EventRecord{rows.getColumn(0).getInt64(), rows.getColumn(1).getString(),
                            rows.getColumn(2).getString(), rows.getColumn(3).getString(),
                            rows.getColumn(4).getString()});
        }
        return result;
    });
}

FairSummary Store::summary() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("summarize the fair", [&] {
        SQLite::Transaction snapshot(*database_, SQLite::TransactionBehavior::DEFERRED);
        FairSummary summary = summarize_fair(read_fair(*database_));
        // The fair's `fixed` list holds every commitment; the summary counts the promised ones
        // that came with the instance.
        summary.fixed_interviews =
            database_->execAndGet("SELECT COUNT(*) FROM interviews WHERE fixed = 1").getInt();
        SQLite::Statement by_status(*database_,
                                    "SELECT status, COUNT(*) FROM interviews GROUP BY status");
        while (by_status.executeStep()) {
            const auto status = parse_status(by_status.getColumn(0).getString());
            for (auto& [known, count] : summary.interviews_by_status) {
                if (status == known) count = by_status.getColumn(1).getInt();
            }
        }
        return summary;
    });
}

namespace {

// One check-in inside the caller's transaction; false when the student was already checked in.
bool write_check_in(SQLite::Database& database, const StudentId& student, TimeOfDay at,
                    const std::vector<Interview>* replanned, std::string_view actor,
                    const std::string& now, std::string& writing) {
    writing = "the check-in of " + student.str();
    SQLite::Statement already(database, "SELECT COUNT(*) FROM check_ins WHERE student = ?");
    already.bind(1, student.str());
    already.executeStep();
    if (already.getColumn(0).getInt() > 0) return false;

    SQLite::Statement insert(
        database, "INSERT INTO check_ins (student, at_minute, created_at) VALUES (?, ?, ?)");
    insert.bind(1, student.str());
    insert.bind(2, at.minutes());
    insert.bind(3, now);
    insert.exec();

    PlanWrite counts;
    if (replanned) counts = replace_planned(database, *replanned, now, writing);
    writing = "the promises to " + student.str();
    SQLite::Statement promise(database,
                              "UPDATE interviews SET status = 'promised', updated_at = ? "
                              "WHERE student = ? AND status = 'planned'");
    promise.bind(1, now);
    promise.bind(2, student.str());
    const int promised = promise.exec();
    insert_event(database, now, actor, "student.checked_in",
                 {{"student", student.str()},
                  {"at", at.str()},
                  {"promised", promised},
                  {"replanned", replanned != nullptr},
                  {"planned", counts.stored}});
    return true;
}

}  // namespace

bool Store::check_in(const StudentId& student, TimeOfDay at,
                     const std::optional<std::vector<Interview>>& replanned,
                     std::string_view actor) {
    return check_in_many({student}, at, replanned, actor).front();
}

std::vector<bool> Store::check_in_many(const std::vector<StudentId>& students, TimeOfDay at,
                                       const std::optional<std::vector<Interview>>& replanned,
                                       std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    std::string writing = "the check-ins";
    try {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string now = iso_utc(clock_());
        std::vector<bool> stored;
        bool plan_written = false;
        for (const StudentId& student : students) {
            // The plan is written with the first check-in that is new; the others promise from it.
            const std::vector<Interview>* plan = replanned && !plan_written ? &*replanned : nullptr;
            const bool new_check_in =
                write_check_in(database, student, at, plan, actor, now, writing);
            plan_written = plan_written || (new_check_in && plan);
            stored.push_back(new_check_in);
        }
        transaction.commit();
        return stored;
    } catch (const SQLite::Exception& error) {
        throw StoreError(std::string("cannot check in: ") + error.what() + " while writing " +
                         writing + "; nothing was changed");
    }
}

std::map<StudentId, TimeOfDay> Store::check_ins() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read the check-ins", [&] {
        SQLite::Statement rows(*database_, "SELECT student, at_minute FROM check_ins");
        std::map<StudentId, TimeOfDay> result;
        while (rows.executeStep()) {
            result.emplace(StudentId(rows.getColumn(0).getString()),
                           TimeOfDay(rows.getColumn(1).getInt()));
        }
        return result;
    });
}

void Store::move_interview(InterviewId id, InterviewStatus to, std::string_view actor,
                           const MoveDetails& details) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    translating_errors("move an interview", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement current(database,
                                  "SELECT status, booth, student FROM interviews WHERE id = ?");
        current.bind(1, static_cast<int64_t>(id));
        if (!current.executeStep()) {
            throw StoreError("unknown_interview", "there is no interview " + std::to_string(id),
                             "Không có buổi phỏng vấn " + std::to_string(id));
        }
        const auto from = parse_status(current.getColumn(0).getString());
        if (!from || !can_transition(*from, to)) {
            throw StoreError(
                "bad_transition",
                "interview " + std::to_string(id) + " cannot go from " +
                    current.getColumn(0).getString() + " to " + std::string(status_code(to)),
                "Buổi phỏng vấn " + std::to_string(id) + " không thể chuyển từ " +
                    current.getColumn(0).getString() + " sang " + std::string(status_code(to)));
        }
        const std::string now = iso_utc(clock_());
        SQLite::Statement update(database,
                                 "UPDATE interviews SET status = ?, updated_at = ?, "
                                 "cancel_reason = COALESCE(?, cancel_reason), "
                                 "outcome = COALESCE(?, outcome), note = COALESCE(?, note) "
                                 "WHERE id = ?");
        update.bind(1, std::string(status_code(to)));
        update.bind(2, now);
        bind_optional(update, 3, details.cancel_reason);
        bind_optional(update, 4,
                      details.outcome ? std::optional<std::string>(outcome_code(*details.outcome))
                                      : std::nullopt);
        bind_optional(update, 5, details.note);
        update.bind(6, static_cast<int64_t>(id));
        update.exec();
        // The booth lets each booth's staff and screens follow their own interviews.
        nlohmann::json payload{{"interview", id},
                               {"booth", current.getColumn(1).getString()},
                               {"student", current.getColumn(2).getString()},
                               {"from", status_code(*from)},
                               {"to", status_code(to)}};
        if (details.cancel_reason) payload["reason"] = *details.cancel_reason;
        if (details.outcome) payload["outcome"] = outcome_code(*details.outcome);
        if (details.note) payload["note"] = *details.note;
        insert_event(database, now, actor, "interview." + std::string(status_code(to)), payload);
        transaction.commit();
    });
}

InterviewId Store::add_called_interview(const Interview& interview, int clear_minutes,
                                        std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    return translating_errors("call a student from standby", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string now = iso_utc(clock_());
        // A planned interview in that seat was only a plan: the standby student takes the seat.
        SQLite::Statement drop_plan(database,
                                    "DELETE FROM interviews WHERE status = 'planned' AND "
                                    "booth = ? AND seat = ? AND start_minute = ?");
        drop_plan.bind(1, interview.booth.str());
        drop_plan.bind(2, interview.seat);
        drop_plan.bind(3, interview.start.minutes());
        drop_plan.exec();
        SQLite::Statement drop_own(database,
                                   "DELETE FROM interviews WHERE status = 'planned' AND "
                                   "student = ? AND (booth = ? OR ABS(start_minute - ?) < ?)");
        drop_own.bind(1, interview.student.str());
        drop_own.bind(2, interview.booth.str());
        drop_own.bind(3, interview.start.minutes());
        drop_own.bind(4, clear_minutes);
        drop_own.exec();
        const InterviewId id =
            InterviewInsert(database).insert(interview, InterviewStatus::called, false, now);
        insert_event(database, now, actor, "interview.called_from_standby",
                     {{"interview", id},
                      {"student", interview.student.str()},
                      {"booth", interview.booth.str()},
                      {"seat", interview.seat},
                      {"start", interview.start.str()}});
        transaction.commit();
        return id;
    });
}

// ---------------------------------------------------------------------------------------------
// 5. People, tickets, booth changes and access state

namespace {

std::optional<Store::TicketRecord> ticket_where(const SQLite::Database& database,
                                                const std::string& condition,
                                                const std::string& value) {
    SQLite::Statement row(
        database,
        "SELECT number, student, revoked_at, revoke_reason FROM tickets WHERE " + condition);
    row.bind(1, value);
    if (!row.executeStep()) return std::nullopt;
    Store::TicketRecord record;
    record.number = static_cast<std::uint32_t>(row.getColumn(0).getInt64());
    record.student = StudentId(row.getColumn(1).getString());
    if (!row.getColumn(2).isNull()) {
        record.revoked_reason = row.getColumn(3).isNull() ? "" : row.getColumn(3).getString();
    }
    return record;
}

std::uint32_t next_ticket_number(SQLite::Database& database) {
    return static_cast<std::uint32_t>(
        database
            .execAndGet("SELECT MAX((SELECT COALESCE(MAX(number), 0) FROM tickets), "
                        "(SELECT COALESCE(MAX(number), 0) FROM retired_tickets), "
                        "(SELECT COALESCE(MAX(first_ticket) - 1, 0) FROM standby_starts)) + 1")
            .getInt64());
}

std::vector<Store::TicketRecord> all_tickets(const SQLite::Database& database) {
    std::vector<Store::TicketRecord> all;
    SQLite::Statement rows(database,
                           "SELECT number, student, revoked_at, revoke_reason FROM tickets "
                           "ORDER BY number");
    while (rows.executeStep()) {
        Store::TicketRecord record;
        record.number = static_cast<std::uint32_t>(rows.getColumn(0).getInt64());
        record.student = StudentId(rows.getColumn(1).getString());
        if (!rows.getColumn(2).isNull()) {
            record.revoked_reason = rows.getColumn(3).isNull() ? "" : rows.getColumn(3).getString();
        }
        all.push_back(std::move(record));
    }
    return all;
}

void insert_ticket(SQLite::Database& database, std::uint32_t number, const StudentId& student,
                   const std::string& now) {
    SQLite::Statement insert(database,
                             "INSERT INTO tickets (number, student, issued_at) VALUES (?, ?, ?)");
    insert.bind(1, static_cast<int64_t>(number));
    insert.bind(2, student.str());
    insert.bind(3, now);
    insert.exec();
}

void require_booth(SQLite::Database& database, const BoothId& booth) {
    SQLite::Statement row(database, "SELECT COUNT(*) FROM booths WHERE id = ?");
    row.bind(1, booth.str());
    row.executeStep();
    if (row.getColumn(0).getInt() == 0) {
        throw StoreError("unknown_booth", "there is no booth " + booth.str(),
                         "Không có gian hàng " + booth.str());
    }
}

}  // namespace

std::vector<InterviewId> Store::mark_left(const StudentId& student, TimeOfDay at,
                                          std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    return translating_errors("mark a student as left", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement window(database,
                                 "SELECT arrive_minute, leave_minute FROM students WHERE id = ?");
        window.bind(1, student.str());
        if (!window.executeStep()) {
            throw StoreError("unknown_student", "there is no student " + student.str(),
                             "Không có sinh viên " + student.str());
        }
        const int arrive = window.getColumn(0).getInt();
        const int leave = std::max(arrive, std::min(window.getColumn(1).getInt(), at.minutes()));
        const std::string now = iso_utc(clock_());
        SQLite::Statement shorten(database, "UPDATE students SET leave_minute = ? WHERE id = ?");
        shorten.bind(1, leave);
        shorten.bind(2, student.str());
        shorten.exec();
        SQLite::Statement checked_out(
            database, "UPDATE check_ins SET left_minute = MAX(at_minute, ?) WHERE student = ?");
        checked_out.bind(1, at.minutes());
        checked_out.bind(2, student.str());
        checked_out.exec();

        std::vector<InterviewId> cancelled;
        SQLite::Statement open_ones(database,
                                    "SELECT id FROM interviews WHERE student = ? AND status IN "
                                    "('planned', 'promised', 'called') ORDER BY id");
        open_ones.bind(1, student.str());
        while (open_ones.executeStep())
            cancelled.push_back(open_ones.getColumn(0).getInt64());
        SQLite::Statement cancel(database,
                                 "UPDATE interviews SET status = 'cancelled', cancel_reason = "
                                 "'student_left', updated_at = ? WHERE id = ?");
        for (InterviewId id : cancelled) {
            cancel.reset();
            cancel.bind(1, now);
            cancel.bind(2, static_cast<int64_t>(id));
            cancel.exec();
        }
        insert_event(database, now, actor, "student.left",
                     {{"student", student.str()}, {"at", at.str()}, {"cancelled", cancelled}});
        transaction.commit();
        return cancelled;
    });
}

std::vector<Store::TicketRecord> Store::issue_tickets(std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    return translating_errors("issue tickets", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string now = iso_utc(clock_());
        SQLite::Statement without(database,
                                  "SELECT id FROM students WHERE removed_at IS NULL AND id NOT "
                                  "IN (SELECT student FROM tickets) ORDER BY position");
        std::vector<StudentId> fresh;
        while (without.executeStep())
            fresh.emplace_back(without.getColumn(0).getString());
        std::uint32_t number = next_ticket_number(database);
        for (const StudentId& student : fresh)
            insert_ticket(database, number++, student, now);
        if (!fresh.empty()) {
            insert_event(database, now, actor, "tickets.issued", {{"new", fresh.size()}});
        }
        transaction.commit();
        return all_tickets(database);
    });
}

std::vector<Store::TicketRecord> Store::tickets() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read the tickets", [&] { return all_tickets(*database_); });
}

std::optional<Store::TicketRecord> Store::ticket(std::uint32_t number) const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read a ticket", [&] {
        auto record = ticket_where(*database_, "number = ?", std::to_string(number));
        if (record) return record;
        SQLite::Statement retired(*database_,
                                  "SELECT student, revoke_reason FROM retired_tickets "
                                  "WHERE number = ?");
        retired.bind(1, static_cast<int64_t>(number));
        if (!retired.executeStep()) return record;
        record.emplace();
        record->number = number;
        record->student = StudentId(retired.getColumn(0).getString());
        record->revoked_reason =
            retired.getColumn(1).isNull() ? "" : retired.getColumn(1).getString();
        return record;
    });
}

std::optional<Store::TicketRecord> Store::ticket_of(const StudentId& student) const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read a ticket", [&] {
        return ticket_where(*database_, "student = ? AND revoked_at IS NULL", student.str());
    });
}

void Store::revoke_ticket(std::uint32_t number, const std::string& reason, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    translating_errors("revoke a ticket", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string now = iso_utc(clock_());
        SQLite::Statement revoke(database,
                                 "UPDATE tickets SET revoked_at = ?, revoke_reason = ? "
                                 "WHERE number = ? AND revoked_at IS NULL");
        revoke.bind(1, now);
        revoke.bind(2, reason);
        revoke.bind(3, static_cast<int64_t>(number));
        if (revoke.exec() == 0) {
            throw StoreError("unknown_ticket", "there is no valid ticket " + std::to_string(number),
                             "Không có vé hợp lệ số " + std::to_string(number));
        }
        SQLite::Statement withdraw(database, "DELETE FROM status_tokens WHERE ticket_number = ?");
        withdraw.bind(1, static_cast<int64_t>(number));
        withdraw.exec();  // the phone's link of a revoked ticket ends with it
        insert_event(database, now, actor, "ticket.revoked",
                     {{"ticket", number}, {"reason", reason}});
        transaction.commit();
    });
}

std::uint32_t Store::reissue_ticket(const StudentId& student, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    return translating_errors("reissue a ticket", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        if (ticket_where(database, "student = ? AND revoked_at IS NULL", student.str())) {
            throw StoreError(
                "ticket_still_valid", student.str() + " still has a valid ticket: revoke it first",
                "Sinh viên " + student.str() + " vẫn còn vé hợp lệ: hãy thu hồi vé cũ trước");
        }
        // One current ticket per student; the revoked number retires and is never given again.
        SQLite::Statement retire(database,
                                 "INSERT INTO retired_tickets (number, student, revoked_at, "
                                 "revoke_reason) SELECT number, student, revoked_at, "
                                 "revoke_reason FROM tickets WHERE student = ?");
        retire.bind(1, student.str());
        retire.exec();
        SQLite::Statement old(database, "DELETE FROM tickets WHERE student = ?");
        old.bind(1, student.str());
        old.exec();
        const std::string now = iso_utc(clock_());
        const std::uint32_t number = next_ticket_number(database);
        insert_ticket(database, number, student, now);
        insert_event(database, now, actor, "ticket.reissued",
                     {{"student", student.str()}, {"ticket", number}});
        transaction.commit();
        return number;
    });
}

void Store::record_status_token(std::uint32_t ticket_number, const std::string& digest) {
    assert(database_ && "use of a moved-from Store");
    translating_errors("record a status token", [&] {
        SQLite::Statement insert(*database_,
                                 "INSERT OR IGNORE INTO status_tokens (digest, ticket_number, "
                                 "created_at) VALUES (?, ?, ?)");
        insert.bind(1, digest);
        insert.bind(2, static_cast<int64_t>(ticket_number));
        insert.bind(3, iso_utc(clock_()));
        insert.exec();
    });
}

std::optional<std::uint32_t> Store::status_token_ticket(const std::string& digest) const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read a status token", [&] {
        SQLite::Statement row(*database_,
                              "SELECT ticket_number FROM status_tokens WHERE digest = ?");
        row.bind(1, digest);
        std::optional<std::uint32_t> number;
        if (row.executeStep()) number = static_cast<std::uint32_t>(row.getColumn(0).getInt64());
        return number;
    });
}

namespace {

std::string_view absence_code(Store::AbsenceKind kind) {
    return kind == Store::AbsenceKind::running_late ? "running_late" : "step_away";
}

}  // namespace

void Store::set_student_absence(const StudentId& student, const StudentAbsence& absence,
                                std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    translating_errors("record a student's absence", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string now = iso_utc(clock_());
        SQLite::Statement upsert(database,
                                 "INSERT INTO student_absences (student, kind, reported_minute, "
                                 "until_minute, updated_at) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT (student) DO UPDATE SET kind = excluded.kind, "
                                 "reported_minute = excluded.reported_minute, "
                                 "until_minute = excluded.until_minute, "
                                 "updated_at = excluded.updated_at");
        upsert.bind(1, student.str());
        upsert.bind(2, std::string(absence_code(absence.kind)));
        upsert.bind(3, absence.reported.minutes());
        upsert.bind(4, absence.until.minutes());
        upsert.bind(5, now);
        upsert.exec();
        insert_event(database, now, actor,
                     absence.kind == AbsenceKind::running_late ? "student.running_late"
                                                               : "student.stepped_away",
                     {{"student", student.str()}, {"until", absence.until.str()}});
        transaction.commit();
    });
}

bool Store::end_student_absence(const StudentId& student, TimeOfDay at, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    return translating_errors("end a student's absence", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement remove(database, "DELETE FROM student_absences WHERE student = ?");
        remove.bind(1, student.str());
        if (remove.exec() == 0) return false;
        insert_event(database, iso_utc(clock_()), actor, "student.back",
                     {{"student", student.str()}, {"at", at.str()}});
        transaction.commit();
        return true;
    });
}

std::map<StudentId, Store::StudentAbsence> Store::student_absences() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read the students' absences", [&] {
        SQLite::Statement rows(*database_,
                               "SELECT student, kind, reported_minute, until_minute "
                               "FROM student_absences");
        std::map<StudentId, StudentAbsence> result;
        while (rows.executeStep()) {
            StudentAbsence absence;
            absence.kind = rows.getColumn(1).getString() == "running_late"
                               ? AbsenceKind::running_late
                               : AbsenceKind::step_away;
            absence.reported = TimeOfDay(rows.getColumn(2).getInt());
            absence.until = TimeOfDay(rows.getColumn(3).getInt());
            result.emplace(StudentId(rows.getColumn(0).getString()), absence);
        }
        return result;
    });
}

Store::WalkIn Store::register_walk_in(const Student& student, const StudentDetails& details,
                                      const std::string& idempotency_key,
                                      const std::string& request_digest, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    std::string writing = "the registration";
    try {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement seen(database,
                               "SELECT student, request_digest FROM walk_in_submissions "
                               "WHERE idempotency_key = ?");
        seen.bind(1, idempotency_key);
        if (seen.executeStep()) {
            if (seen.getColumn(1).getString() != request_digest) {
                throw StoreError("conflict",
                                 "this idempotency key was already used for another request",
                                 "Mã Idempotency-Key này đã được dùng cho một yêu cầu khác");
            }
            WalkIn repeated;
            repeated.student = StudentId(seen.getColumn(0).getString());
            repeated.repeated = true;
            const auto ticket = ticket_where(database, "student = ?", repeated.student.str());
            if (ticket) repeated.ticket_number = ticket->number;
            return repeated;
        }

        const std::string now = iso_utc(clock_());
        const int walk_ins = database
                                 .execAndGet(
                                     "SELECT COUNT(*) FROM student_details WHERE "
                                     "registered_via = 'walk_in'")
                                 .getInt();
        WalkIn registered;
        for (int n = walk_ins + 1;; ++n) {
            char id[16];
            std::snprintf(id, sizeof id, "W%04d", n);
            SQLite::Statement taken(database, "SELECT COUNT(*) FROM students WHERE id = ?");
            taken.bind(1, std::string(id));
            taken.executeStep();
            if (taken.getColumn(0).getInt() == 0) {
                registered.student = StudentId(id);
                break;
            }
        }
        writing = "student " + registered.student.str();
        SQLite::Statement insert_student(
            database,
            "INSERT INTO students (id, position, name, occupation, level, arrive_minute, "
            "leave_minute, max_interviews, school) VALUES (?, (SELECT COALESCE(MAX(position), "
            "-1) + 1 FROM students), ?, ?, ?, ?, ?, ?, ?)");
        insert_student.bind(1, registered.student.str());
        insert_student.bind(2, student.name);
        bind_optional(insert_student, 3, student.occupation);
        insert_student.bind(4, std::string(level_code(student.level)));
        insert_student.bind(5, student.arrive.minutes());
        insert_student.bind(6, student.leave.minutes());
        bind_optional(insert_student, 7, student.max_interviews);
        bind_optional(insert_student, 8, details.school);
        insert_student.exec();
        SQLite::Statement insert_preference(
            database, "INSERT INTO preferences (student, rank, booth) VALUES (?, ?, ?)");
        for (size_t rank = 0; rank < student.preferences.size(); ++rank) {
            writing = "preference " + std::to_string(rank + 1) + " (booth " +
                      student.preferences[rank].str() + ")";
            insert_preference.reset();
            insert_preference.bind(1, registered.student.str());
            insert_preference.bind(2, static_cast<int>(rank + 1));
            insert_preference.bind(3, student.preferences[rank].str());
            insert_preference.exec();
        }
        writing = "the details of " + registered.student.str();
        SQLite::Statement insert_details(
            database,
            "INSERT INTO student_details (student, phone, consent, registered_via, "
            "created_at, occupation_text) VALUES (?, ?, ?, ?, ?, ?)");
        insert_details.bind(1, registered.student.str());
        bind_optional(insert_details, 2, details.phone);
        insert_details.bind(3, details.consent_json);
        insert_details.bind(4, details.registered_via);
        insert_details.bind(5, now);
        bind_optional(insert_details, 6, details.occupation_text);
        insert_details.exec();
        registered.ticket_number = next_ticket_number(database);
        insert_ticket(database, registered.ticket_number, registered.student, now);
        SQLite::Statement submission(database,
                                     "INSERT INTO walk_in_submissions (idempotency_key, "
                                     "request_digest, student, created_at) VALUES (?, ?, ?, ?)");
        submission.bind(1, idempotency_key);
        submission.bind(2, request_digest);
        submission.bind(3, registered.student.str());
        submission.bind(4, now);
        submission.exec();
        // The audit log names the student by id only: personal details stay in their table.
        insert_event(database, now, actor, "student.registered",
                     {{"student", registered.student.str()},
                      {"ticket", registered.ticket_number},
                      {"preferences", student.preferences.size()}});
        transaction.commit();
        return registered;
    } catch (const SQLite::Exception& error) {
        throw StoreError(std::string("cannot register the walk-in: ") + error.what() +
                         " while writing " + writing + "; nothing was changed");
    }
}

void Store::add_preference(const StudentId& student, const BoothId& booth,
                           const std::string& idempotency_key, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    translating_errors("add a booth to a student's preferences", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement picked(database,
                                 "SELECT COUNT(*), COALESCE(MAX(rank), 0), "
                                 "COALESCE(SUM(booth = ?), 0) FROM preferences WHERE student = ?");
        picked.bind(1, booth.str());
        picked.bind(2, student.str());
        picked.executeStep();
        if (picked.getColumn(2).getInt() > 0) {
            throw StoreError("already_picked", "booth " + booth.str() + " is already chosen",
                             "Gian hàng " + booth.str() + " đã có trong lựa chọn của bạn");
        }
        const int rank = picked.getColumn(1).getInt() + 1;
        SQLite::Statement insert(database,
                                 "INSERT INTO preferences (student, rank, booth) VALUES (?, ?, ?)");
        insert.bind(1, student.str());
        insert.bind(2, rank);
        insert.bind(3, booth.str());
        insert.exec();
        const std::string now = iso_utc(clock_());
        nlohmann::json payload{{"student", student.str()}, {"booth", booth.str()}, {"rank", rank}};
        if (!idempotency_key.empty()) payload["idempotency_key"] = idempotency_key;
        insert_event(database, now, actor, "student.booth_added", payload);
        transaction.commit();
    });
}

std::optional<std::pair<StudentId, BoothId>> Store::booth_added_with(
    const std::string& idempotency_key) const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read an added booth", [&] {
        SQLite::Statement row(*database_,
                              "SELECT json_extract(payload, '$.student'), "
                              "json_extract(payload, '$.booth') FROM events "
                              "WHERE kind = 'student.booth_added' AND "
                              "json_extract(payload, '$.idempotency_key') = ? LIMIT 1");
        row.bind(1, idempotency_key);
        std::optional<std::pair<StudentId, BoothId>> found;
        if (row.executeStep()) {
            found.emplace(StudentId(row.getColumn(0).getString()),
                          BoothId(row.getColumn(1).getString()));
        }
        return found;
    });
}

std::optional<Store::StudentDetails> Store::student_details(const StudentId& student) const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read a student's details", [&] {
        SQLite::Statement row(*database_,
                              "SELECT d.phone, s.school, COALESCE(d.consent, '{}'), "
                              "COALESCE(d.registered_via, 'pre_registration'), "
                              "d.occupation_text FROM students s "
                              "LEFT JOIN student_details d ON d.student = s.id WHERE s.id = ? "
                              "AND (d.student IS NOT NULL OR s.school IS NOT NULL)");
        row.bind(1, student.str());
        if (!row.executeStep()) return std::optional<StudentDetails>();
        StudentDetails details;
        if (!row.getColumn(0).isNull()) details.phone = row.getColumn(0).getString();
        if (!row.getColumn(1).isNull()) details.school = row.getColumn(1).getString();
        details.consent_json = row.getColumn(2).getString();
        details.registered_via = row.getColumn(3).getString();
        if (!row.getColumn(4).isNull()) details.occupation_text = row.getColumn(4).getString();
        return std::optional<StudentDetails>(std::move(details));
    });
}

void Store::set_booth_paused(const BoothId& booth, std::optional<TimeOfDay> since,
                             std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    translating_errors(since ? "pause a booth" : "resume a booth", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        require_booth(database, booth);
        SQLite::Statement update(database,
                                 "UPDATE booths SET paused_since_minute = ? WHERE id = ?");
        bind_optional(update, 1, since ? std::optional<int>(since->minutes()) : std::nullopt);
        update.bind(2, booth.str());
        update.exec();
        nlohmann::json payload{{"booth", booth.str()}};
        if (since) payload["since"] = since->str();
        insert_event(database, iso_utc(clock_()), actor, since ? "booth.paused" : "booth.resumed",
                     payload);
        transaction.commit();
    });
}

std::map<BoothId, TimeOfDay> Store::paused_booths() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read paused booths", [&] {
        SQLite::Statement rows(*database_,
                               "SELECT id, paused_since_minute FROM booths "
                               "WHERE paused_since_minute IS NOT NULL");
        std::map<BoothId, TimeOfDay> paused;
        while (rows.executeStep()) {
            paused.emplace(BoothId(rows.getColumn(0).getString()),
                           TimeOfDay(rows.getColumn(1).getInt()));
        }
        return paused;
    });
}

void Store::set_booth_close(const BoothId& booth, TimeOfDay close, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    translating_errors("change a booth's hours", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        require_booth(database, booth);
        SQLite::Statement update(database, "UPDATE booths SET close_minute = ? WHERE id = ?");
        update.bind(1, close.minutes());
        update.bind(2, booth.str());
        update.exec();
        insert_event(database, iso_utc(clock_()), actor, "booth.hours_changed",
                     {{"booth", booth.str()}, {"close", close.str()}});
        transaction.commit();
    });
}

int Store::add_booth_seat(const BoothId& booth, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    return translating_errors("add a seat", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        require_booth(database, booth);
        SQLite::Statement update(database,
                                 "UPDATE booths SET interviewers = interviewers + 1 WHERE id = ? "
                                 "RETURNING interviewers");
        update.bind(1, booth.str());
        update.executeStep();
        const int seat = update.getColumn(0).getInt() - 1;
        update.reset();
        insert_event(database, iso_utc(clock_()), actor, "booth.seat_added",
                     {{"booth", booth.str()}, {"seat", seat}});
        transaction.commit();
        return seat;
    });
}

std::optional<std::string> Store::access_state_json() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read the access state", [&] {
        SQLite::Statement row(*database_, "SELECT state FROM access_state");
        if (!row.executeStep()) return std::optional<std::string>();
        return std::optional<std::string>(row.getColumn(0).getString());
    });
}

void Store::save_access_state(const std::string& state_json) {
    assert(database_ && "use of a moved-from Store");
    translating_errors("save the access state", [&] {
        SQLite::Statement upsert(*database_,
                                 "INSERT INTO access_state (singleton, state, updated_at) "
                                 "VALUES (1, ?, ?) ON CONFLICT (singleton) DO UPDATE SET "
                                 "state = excluded.state, updated_at = excluded.updated_at");
        upsert.bind(1, state_json);
        upsert.bind(2, iso_utc(clock_()));
        upsert.exec();
    });
}

void Store::reschedule_interview(InterviewId id, const Interview& to, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    translating_errors("move an interview", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement current(database,
                                  "SELECT student, booth, seat, start_minute, status FROM "
                                  "interviews WHERE id = ?");
        current.bind(1, static_cast<int64_t>(id));
        if (!current.executeStep()) {
            throw StoreError("unknown_interview", "there is no interview " + std::to_string(id),
                             "Không có buổi phỏng vấn " + std::to_string(id));
        }
        const Interview from = interview_from(current, 0);
        const std::string status = current.getColumn(4).getString();
        const auto parsed = parse_status(status);
        if (parsed != InterviewStatus::planned && parsed != InterviewStatus::promised) {
            throw StoreError("not_movable",
                             "interview " + std::to_string(id) + " is " + status +
                                 ": only planned or promised interviews can be moved",
                             "Buổi phỏng vấn " + std::to_string(id) + " đang ở trạng thái " +
                                 status + ": chỉ dời được buổi đã lên lịch hoặc đã hẹn");
        }
        if (from.student != to.student) {
            throw StoreError("bad_move", "a move keeps the student; cancel and place anew instead",
                             "Dời lịch giữ nguyên sinh viên; hãy huỷ và xếp lại nếu muốn đổi");
        }
        const std::string now = iso_utc(clock_());
        SQLite::Statement update(database,
                                 "UPDATE interviews SET booth = ?, seat = ?, start_minute = ?, "
                                 "updated_at = ? WHERE id = ?");
        update.bind(1, to.booth.str());
        update.bind(2, to.seat);
        update.bind(3, to.start.minutes());
        update.bind(4, now);
        update.bind(5, static_cast<int64_t>(id));
        update.exec();
        insert_event(
            database, now, actor, "interview.moved",
            {{"interview", id},
             {"student", to.student.str()},
             {"booth", to.booth.str()},
             {"seat", to.seat},
             {"start", to.start.str()},
             {"from",
              {{"booth", from.booth.str()}, {"seat", from.seat}, {"start", from.start.str()}}}});
        transaction.commit();
    });
}

}  // namespace jobfair

// ---------------------------------------------------------------------------------------------
// 6. Pre-registered students' details (from the schools' lists; not part of the fair contract)

namespace jobfair {

void Store::import_student_details(const std::vector<std::pair<StudentId, StudentDetails>>& details,
                                   std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    std::string writing = "the details";
    try {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string now = iso_utc(clock_());
        SQLite::Statement known(database,
                                "SELECT s.id, d.registered_via FROM students s LEFT JOIN "
                                "student_details d ON d.student = s.id WHERE s.id = ?");
        SQLite::Statement upsert(
            database,
            "INSERT INTO student_details (student, phone, consent, registered_via, "
            "created_at) VALUES (?, ?, ?, 'pre_registration', ?) ON CONFLICT (student) DO "
            "UPDATE SET phone = excluded.phone, consent = excluded.consent");
        // The school lives with the student (contract v1.1 `student.school`).
        SQLite::Statement set_school(database, "UPDATE students SET school = ? WHERE id = ?");
        std::set<StudentId> seen;
        for (const auto& [student, one] : details) {
            writing = "the details of " + student.str();
            if (!seen.insert(student).second) {
                throw StoreError("student " + student.str() +
                                 " is named twice in the details; nothing was imported");
            }
            known.reset();
            known.bind(1, student.str());
            if (!known.executeStep()) {
                throw StoreError("there is no student " + student.str() +
                                 " in this fair; nothing was imported");
            }
            if (!known.getColumn(1).isNull() && known.getColumn(1).getString() == "walk_in") {
                throw StoreError("student " + student.str() +
                                 " registered at a kiosk: their own details are kept; nothing "
                                 "was imported");
            }
            upsert.reset();
            upsert.bind(1, student.str());
            bind_optional(upsert, 2, one.phone);
            upsert.bind(3, one.consent_json);
            upsert.bind(4, now);
            upsert.exec();
            if (one.school) {
                set_school.reset();
                set_school.bind(1, *one.school);
                set_school.bind(2, student.str());
                set_school.exec();
            }
        }
        // Counts only: personal details stay in their table, out of the audit log.
        insert_event(database, now, actor, "students.details_imported",
                     {{"count", details.size()}});
        transaction.commit();
    } catch (const SQLite::Exception& error) {
        throw StoreError(std::string("cannot import students' details: ") + error.what() +
                         " while writing " + writing + "; nothing was changed");
    }
}

std::map<StudentId, Store::StudentDetails> Store::all_student_details() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read the students' details", [&] {
        SQLite::Statement rows(*database_,
                               "SELECT s.id, d.phone, s.school, COALESCE(d.consent, '{}'), "
                               "COALESCE(d.registered_via, 'pre_registration'), "
                               "d.occupation_text FROM students s "
                               "LEFT JOIN student_details d ON d.student = s.id WHERE "
                               "s.removed_at IS NULL AND (d.student IS NOT NULL OR s.school IS "
                               "NOT NULL) ORDER BY s.id");
        std::map<StudentId, StudentDetails> all;
        while (rows.executeStep()) {
            StudentDetails& details = all[StudentId(rows.getColumn(0).getString())];
            details.phone = optional_text(rows.getColumn(1));
            details.school = optional_text(rows.getColumn(2));
            details.consent_json = rows.getColumn(3).getString();
            details.registered_via = rows.getColumn(4).getString();
            details.occupation_text = optional_text(rows.getColumn(5));
        }
        return all;
    });
}

// ---------------------------------------------------------------------------------------------
// 7. A school's corrected roster before the fair

namespace {

// What holds a student to the fair: a check-in, or an interview promised or further along.
std::optional<std::string> commitment_of(SQLite::Database& database, const std::string& student) {
    SQLite::Statement checked_in(database, "SELECT COUNT(*) FROM check_ins WHERE student = ?");
    checked_in.bind(1, student);
    checked_in.executeStep();
    if (checked_in.getColumn(0).getInt() > 0) return std::string("checked in");
    SQLite::Statement held(database,
                           "SELECT booth, start_minute, status FROM interviews WHERE student = ? "
                           "AND status NOT IN ('planned', 'cancelled', 'no_show') ORDER BY id");
    held.bind(1, student);
    if (!held.executeStep()) return std::nullopt;
    return "holds a " + held.getColumn(2).getString() + " interview at " +
           held.getColumn(0).getString() + " " + TimeOfDay(held.getColumn(1).getInt()).str();
}

}  // namespace

Store::RosterUpdate Store::update_roster(
    const std::vector<Student>& students,
    const std::vector<std::pair<StudentId, StudentDetails>>& details, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    std::string writing = "the roster";
    try {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        if (!fair_is_loaded(database)) {
            throw StoreError("no fair is loaded in this database: import the workbook first");
        }
        const std::string now = iso_utc(clock_());
        const Fair before = read_fair(database);
        std::map<StudentId, const Student*> stored;
        for (const Student& student : before.students)
            stored[student.id] = &student;
        std::set<StudentId> walk_ins;
        {
            SQLite::Statement rows(database,
                                   "SELECT student FROM student_details WHERE registered_via = "
                                   "'walk_in'");
            while (rows.executeStep())
                walk_ins.emplace(rows.getColumn(0).getString());
        }
        std::set<StudentId> listed;
        for (const Student& student : students)
            listed.insert(student.id);

        RosterUpdate update;
        std::vector<std::string> refusals;
        for (const Student& student : before.students) {
            if (listed.contains(student.id) || walk_ins.contains(student.id)) continue;
            if (const auto held = commitment_of(database, student.id.str())) {
                refusals.push_back(student.id.str() + " (" + student.name + ") " + *held);
            } else {
                update.removed.push_back(student.id);
            }
        }
        if (!refusals.empty()) {
            std::string message =
                "the new roster leaves out students who are already part of the day; nothing was "
                "changed:";
            for (const std::string& refusal : refusals)
                message += "\n  " + refusal;
            throw StoreError(message);
        }

        SQLite::Statement insert_student(
            database,
            "INSERT INTO students (id, position, name, occupation, level, arrive_minute, "
            "leave_minute, max_interviews, school, class) VALUES (?, (SELECT COALESCE(MAX("
            "position), -1) + 1 FROM students), ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
            "SET name = excluded.name, occupation = excluded.occupation, level = excluded.level, "
            "arrive_minute = excluded.arrive_minute, leave_minute = excluded.leave_minute, "
            "max_interviews = excluded.max_interviews, school = excluded.school, class = "
            "excluded.class, removed_at = NULL");
        SQLite::Statement clear_preferences(database, "DELETE FROM preferences WHERE student = ?");
        SQLite::Statement insert_preference(
            database, "INSERT INTO preferences (student, rank, booth) VALUES (?, ?, ?)");
        for (const Student& student : students) {
            writing = "student " + student.id.str();
            const auto it = stored.find(student.id);
            if (it == stored.end()) {
                update.added.push_back(student.id);
            } else if (!(*it->second == student)) {
                update.updated.push_back(student.id);
            } else {
                continue;
            }
            insert_student.reset();
            insert_student.bind(1, student.id.str());
            insert_student.bind(2, student.name);
            bind_optional(insert_student, 3, student.occupation);
            insert_student.bind(4, std::string(level_code(student.level)));
            insert_student.bind(5, student.arrive.minutes());
            insert_student.bind(6, student.leave.minutes());
            bind_optional(insert_student, 7, student.max_interviews);
            bind_optional(insert_student, 8, student.school);
            bind_optional(insert_student, 9, student.class_name);
            insert_student.exec();
            clear_preferences.reset();
            clear_preferences.bind(1, student.id.str());
            clear_preferences.exec();
            for (size_t rank = 1; rank <= student.preferences.size(); ++rank) {
                insert_preference.reset();
                insert_preference.bind(1, student.id.str());
                insert_preference.bind(2, static_cast<int64_t>(rank));
                insert_preference.bind(3, student.preferences[rank - 1].str());
                insert_preference.exec();
            }
        }

        // Removed: out of the fair and the plan; their ticket is refused from now on.
        SQLite::Statement mark_removed(database, "UPDATE students SET removed_at = ? WHERE id = ?");
        SQLite::Statement drop_planned(
            database, "DELETE FROM interviews WHERE student = ? AND status = 'planned'");
        SQLite::Statement revoke(database,
                                 "UPDATE tickets SET revoked_at = ?, revoke_reason = 'removed "
                                 "from the roster' WHERE student = ? AND revoked_at IS NULL "
                                 "RETURNING number");
        for (const StudentId& student : update.removed) {
            writing = "the removal of " + student.str();
            mark_removed.reset();
            mark_removed.bind(1, now);
            mark_removed.bind(2, student.str());
            mark_removed.exec();
            drop_planned.reset();
            drop_planned.bind(1, student.str());
            drop_planned.exec();
            clear_preferences.reset();
            clear_preferences.bind(1, student.str());
            clear_preferences.exec();
            revoke.reset();
            revoke.bind(1, now);
            revoke.bind(2, student.str());
            while (revoke.executeStep())
                update.revoked_tickets.push_back(
                    static_cast<std::uint32_t>(revoke.getColumn(0).getInt64()));
        }

        upsert_pre_registration_details(database, details, now, writing);

        // Ids and counts only: names and phones stay out of the audit log.
        auto ids = [](const std::vector<StudentId>& list) {
            nlohmann::json out = nlohmann::json::array();
            for (const StudentId& id : list)
                out.push_back(id.str());
            return out;
        };
        insert_event(database, now, actor, "students.roster_updated",
                     {{"added", ids(update.added)},
                      {"updated", ids(update.updated)},
                      {"removed", ids(update.removed)},
                      {"revoked_tickets", update.revoked_tickets}});
        transaction.commit();
        return update;
    } catch (const SQLite::Exception& error) {
        throw StoreError(std::string("cannot update the roster: ") + error.what() +
                         " while writing " + writing + "; nothing was changed");
    }
}

// ---------------------------------------------------------------------------------------------
// 8. A standby server, started from an online copy

namespace {

// The first multiple of `step` above `last + margin`: a round number an organizer
// recognises ("tickets from A-1000 were issued by the standby").
std::int64_t round_above(std::int64_t last, std::int64_t margin, std::int64_t step) {
    return (last + margin) / step * step + step;
}

std::int64_t sequence_of(SQLite::Database& database, const std::string& table) {
    SQLite::Statement row(database, "SELECT seq FROM sqlite_sequence WHERE name = ?");
    row.bind(1, table);
    return row.executeStep() ? row.getColumn(0).getInt64() : 0;
}

// AUTOINCREMENT hands out seq + 1 next (sqlite_sequence may be edited: SQLite documents it).
void set_sequence(SQLite::Database& database, const std::string& table, std::int64_t seq) {
    SQLite::Statement update(database, "UPDATE sqlite_sequence SET seq = ? WHERE name = ?");
    update.bind(1, seq);
    update.bind(2, table);
    if (update.exec() > 0) return;
    SQLite::Statement insert(database, "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)");
    insert.bind(1, table);
    insert.bind(2, seq);
    insert.exec();
}

}  // namespace

std::optional<EventRecord> Store::last_event() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read the last event", [&]() -> std::optional<EventRecord> {
        SQLite::Statement row(*database_,
                              "SELECT id, at, actor, kind, payload FROM events "
                              "ORDER BY id DESC LIMIT 1");
        if (!row.executeStep()) return std::nullopt;
        return EventRecord{row.getColumn(0).getInt64(), row.getColumn(1).getString(),
                           row.getColumn(2).getString(), row.getColumn(3).getString(),
                           row.getColumn(4).getString()};
    });
}

std::vector<std::string> Store::integrity_problems() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("check the database", [&] {
        std::vector<std::string> problems;
        SQLite::Statement integrity(*database_, "PRAGMA integrity_check");
        while (integrity.executeStep()) {
            const std::string line = integrity.getColumn(0).getString();
            if (line != "ok") problems.push_back(line);
        }
        SQLite::Statement keys(*database_, "PRAGMA foreign_key_check");
        while (keys.executeStep()) {
            problems.push_back("row " + keys.getColumn(1).getString() + " of table " +
                               keys.getColumn(0).getString() + " names a missing row of " +
                               keys.getColumn(2).getString());
        }
        return problems;
    });
}

Store::StandbyStart Store::start_as_standby(std::string_view copy, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    return translating_errors("start the standby", [&] {
        SQLite::Transaction transaction(database, SQLite::TransactionBehavior::IMMEDIATE);
        StandbyStart start;
        start.copy = std::string(copy);
        SQLite::Statement last(database, "SELECT id, at FROM events ORDER BY id DESC LIMIT 1");
        if (last.executeStep()) {
            start.copy_last_event = last.getColumn(0).getInt64();
            start.copy_last_event_at = last.getColumn(1).getString();
        }
        // Margins: more than the dead server can have given out in the minute (or the few
        // minutes) a copy may lag behind, even with a re-plan rewriting hundreds of interviews.
        start.first_ticket =
            static_cast<std::uint32_t>(round_above(next_ticket_number(database) - 1, 100, 1000));
        start.first_event = round_above(sequence_of(database, "events"), 1000, 10000);
        start.first_interview = round_above(sequence_of(database, "interviews"), 5000, 10000);
        set_sequence(database, "events", start.first_event - 1);
        set_sequence(database, "interviews", start.first_interview - 1);

        const std::string now = iso_utc(clock_());
        SQLite::Statement insert(database,
                                 "INSERT INTO standby_starts (started_at, copy, copy_last_event, "
                                 "copy_last_event_at, first_ticket, first_event, first_interview) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, now);
        insert.bind(2, start.copy);
        insert.bind(3, static_cast<int64_t>(start.copy_last_event));
        bind_optional(insert, 4,
                      start.copy_last_event_at.empty()
                          ? std::nullopt
                          : std::optional<std::string>(start.copy_last_event_at));
        insert.bind(5, static_cast<int64_t>(start.first_ticket));
        insert.bind(6, static_cast<int64_t>(start.first_event));
        insert.bind(7, static_cast<int64_t>(start.first_interview));
        insert.exec();
        insert_event(database, now, actor, "server.standby_started",
                     {{"copy", start.copy},
                      {"copy_last_event", start.copy_last_event},
                      {"copy_last_event_at", start.copy_last_event_at},
                      {"first_ticket", start.first_ticket},
                      {"first_interview", start.first_interview}});
        transaction.commit();
        return start;
    });
}

std::vector<Store::StandbyStart> Store::standby_starts() const {
    assert(database_ && "use of a moved-from Store");
    return translating_errors("read the standby starts", [&] {
        SQLite::Statement rows(*database_,
                               "SELECT copy, copy_last_event, copy_last_event_at, first_ticket, "
                               "first_event, first_interview FROM standby_starts ORDER BY id");
        std::vector<StandbyStart> starts;
        while (rows.executeStep()) {
            StandbyStart& start = starts.emplace_back();
            start.copy = rows.getColumn(0).getString();
            start.copy_last_event = rows.getColumn(1).getInt64();
            start.copy_last_event_at = optional_text(rows.getColumn(2)).value_or("");
            start.first_ticket = static_cast<std::uint32_t>(rows.getColumn(3).getInt64());
            start.first_event = rows.getColumn(4).getInt64();
            start.first_interview = rows.getColumn(5).getInt64();
        }
        return starts;
    });
}

}  // namespace jobfair

// ---------------------------------------------------------------------------------------------
// 8. After the fair: personal data removed as each student's consent says (docs/privacy.md)

namespace jobfair {

namespace {

// Reasons the programs write themselves (store.cpp, scheduler/live/live_fair.cpp, the server's
// default); any other reason was typed by a person and may name someone.
constexpr std::array<std::string_view, 4> kWrittenCancelReasons{
    "student_left", "booth_closes_earlier", "booth_closed", "cancelled by the organizer"};
constexpr std::string_view kTypedCancelReason = "cancelled by the organizer";
constexpr std::array<std::string_view, 2> kWrittenRevokeReasons{"revoked",
                                                                "removed from the roster"};
constexpr std::string_view kTypedRevokeReason = "revoked";

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// A purpose counts only when ticked as JSON true; unreadable consent is no consent.
template <std::size_t N>
bool agreed_to_any(const nlohmann::json& consent, const std::string_view (&purposes)[N]) {
    if (!consent.is_object()) return false;
    for (std::string_view purpose : purposes) {
        const auto it = consent.find(std::string(purpose));
        if (it != consent.end() && it->is_boolean() && it->get<bool>()) return true;
    }
    return false;
}

// Holds the database to this connection until destroyed: a running server keeps the file open,
// so taking the lock fails while it runs, and no one can open the file in the middle.
class ExclusiveUse {
  public:
    explicit ExclusiveUse(SQLite::Database& database) : database_(database) {
        // A server keeps the file open for as long as it runs: waiting longer would not help.
        database_.setBusyTimeout(500);
        database_.exec("PRAGMA locking_mode = EXCLUSIVE");
    }
    ~ExclusiveUse() {
        try {
            database_.setBusyTimeout(kBusyTimeoutMs);
            database_.exec("PRAGMA locking_mode = NORMAL");
            database_.execAndGet("SELECT COUNT(*) FROM sqlite_schema");  // releases the lock
        } catch (const SQLite::Exception&) {
            // Closing the connection releases it anyway.
        }
    }
    ExclusiveUse(const ExclusiveUse&) = delete;
    ExclusiveUse& operator=(const ExclusiveUse&) = delete;

  private:
    SQLite::Database& database_;
};

// Phones, names and classes, student by student, as their consent says.
void purge_students(SQLite::Database& database, bool honour_consent, Store::PurgeCounts& counts) {
    SQLite::Statement rows(database,
                           "SELECT s.id, s.name, s.class, d.phone, COALESCE(d.consent, '{}') "
                           "FROM students s LEFT JOIN student_details d ON d.student = s.id "
                           "ORDER BY s.id");
    SQLite::Statement clear_phone(database,
                                  "UPDATE student_details SET phone = NULL WHERE student = ?");
    SQLite::Statement clear_name(database, "UPDATE students SET name = '' WHERE id = ?");
    SQLite::Statement clear_class(database, "UPDATE students SET class = NULL WHERE id = ?");
    const auto clear = [](SQLite::Statement& statement, const std::string& student) {
        statement.reset();
        statement.bind(1, student);
        statement.exec();
    };
    while (rows.executeStep()) {
        const std::string student = rows.getColumn(0).getString();
        const auto consent =
            honour_consent ? nlohmann::json::parse(rows.getColumn(4).getString(), nullptr, false)
                           : nlohmann::json();
        if (!rows.getColumn(3).isNull()) {
            if (agreed_to_any(consent, Store::kPhonePurposes)) {
                ++counts.phones_kept;
            } else {
                clear(clear_phone, student);
                ++counts.phones;
            }
        }
        if (!rows.getColumn(1).getString().empty()) {
            if (agreed_to_any(consent, Store::kNamePurposes)) {
                ++counts.names_kept;
            } else {
                clear(clear_name, student);
                ++counts.names;
            }
        }
        if (!rows.getColumn(2).isNull() && !agreed_to_any(consent, Store::kClassPurposes)) {
            clear(clear_class, student);
            ++counts.classes;
        }
    }
}

// Notes and typed reasons on interviews and tickets; fingerprints of walk-in requests.
void purge_free_text(SQLite::Database& database, Store::PurgeCounts& counts) {
    counts.interview_notes =
        database.exec("UPDATE interviews SET note = NULL WHERE note IS NOT NULL");

    std::string written_cancel = "?";
    for (std::size_t i = 1; i < kWrittenCancelReasons.size(); ++i)
        written_cancel += ", ?";
    SQLite::Statement cancel(database,
                             "UPDATE interviews SET cancel_reason = ? WHERE cancel_reason IS NOT "
                             "NULL AND cancel_reason NOT IN (" +
                                 written_cancel + ")");
    cancel.bind(1, std::string(kTypedCancelReason));
    for (std::size_t i = 0; i < kWrittenCancelReasons.size(); ++i)
        cancel.bind(static_cast<int>(i + 2), std::string(kWrittenCancelReasons[i]));
    counts.cancel_reasons = cancel.exec();

    for (const char* table : {"tickets", "retired_tickets"}) {
        SQLite::Statement revoke(database, std::string("UPDATE ") + table +
                                               " SET revoke_reason = ? WHERE revoke_reason IS "
                                               "NOT NULL AND revoke_reason NOT IN (?, ?)");
        revoke.bind(1, std::string(kTypedRevokeReason));
        revoke.bind(2, std::string(kWrittenRevokeReasons[0]));
        revoke.bind(3, std::string(kWrittenRevokeReasons[1]));
        counts.revoke_reasons += revoke.exec();
    }

    // Digests of the kiosks' requests (name and phone among them), kept only to answer a retry
    // of the same registration during the day.
    counts.walk_in_fingerprints = database.exec("DELETE FROM walk_in_submissions");
}

// The same text out of the audit log: booth staff's notes and typed reasons in the payloads of
// interview.* and ticket.revoked events. The append-only triggers are dropped for this one
// update and created again from their own stored SQL, in the caller's transaction.
void purge_event_payloads(SQLite::Database& database, Store::PurgeCounts& counts) {
    std::vector<std::pair<EventId, std::string>> cleaned;
    SQLite::Statement rows(database,
                           "SELECT id, kind, payload FROM events WHERE kind LIKE 'interview.%' "
                           "OR kind = 'ticket.revoked' ORDER BY id");
    while (rows.executeStep()) {
        const std::string kind = rows.getColumn(1).getString();
        auto payload = nlohmann::json::parse(rows.getColumn(2).getString(), nullptr, false);
        if (!payload.is_object()) continue;
        bool changed = payload.erase("note") > 0;
        const auto reason = payload.find("reason");
        if (reason != payload.end()) {
            const std::string text = reason->is_string() ? reason->get<std::string>() : "";
            const bool revoke = kind == "ticket.revoked";
            const bool written =
                revoke ? listed(kWrittenRevokeReasons, text) : listed(kWrittenCancelReasons, text);
            if (!written) {
                *reason = std::string(revoke ? kTypedRevokeReason : kTypedCancelReason);
                changed = true;
            }
        }
        if (changed) cleaned.emplace_back(rows.getColumn(0).getInt64(), to_json(payload));
    }
    counts.events = static_cast<int>(cleaned.size());
    if (cleaned.empty()) return;

    std::vector<std::pair<std::string, std::string>> triggers;
    SQLite::Statement stored(database,
                             "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND "
                             "tbl_name = 'events' ORDER BY name");
    while (stored.executeStep())
        triggers.emplace_back(stored.getColumn(0).getString(), stored.getColumn(1).getString());
    for (const auto& trigger : triggers)
        database.exec("DROP TRIGGER \"" + trigger.first + "\"");
    SQLite::Statement update(database, "UPDATE events SET payload = ? WHERE id = ?");
    for (const auto& [id, payload] : cleaned) {
        update.reset();
        update.bind(1, payload);
        update.bind(2, static_cast<int64_t>(id));
        update.exec();
    }
    for (const auto& trigger : triggers)
        database.exec(trigger.second);
}

}  // namespace

Store::PurgeCounts Store::purge_personal_data(const PurgeOptions& options, std::string_view actor) {
    assert(database_ && "use of a moved-from Store");
    SQLite::Database& database = *database_;
    PurgeCounts counts;
    bool committed = false;
    try {
        const ExclusiveUse exclusive(database);
        // Text deleted or overwritten is zeroed in its page, not only unlinked.
        database.exec("PRAGMA secure_delete = ON");
        {
            std::optional<SQLite::Transaction> transaction;
            try {
                transaction.emplace(database, SQLite::TransactionBehavior::EXCLUSIVE);
            } catch (const SQLite::Exception& error) {
                if (error.getErrorCode() != SQLITE_BUSY && error.getErrorCode() != SQLITE_LOCKED)
                    throw;
                throw StoreInUseError(
                    "another program has the database open (a running jobfair serve?): stop it "
                    "and try again; nothing was changed");
            }
            if (!fair_is_loaded(database)) {
                throw StoreError("no fair is loaded in this database: nothing to purge");
            }
            purge_students(database, options.honour_consent, counts);
            purge_free_text(database, counts);
            purge_event_payloads(database, counts);
            if (options.dry_run) return counts;  // the transaction rolls back
            if (counts.removed() > 0) {
                // Counts only: what was removed is exactly what must not be written again.
                insert_event(database, iso_utc(clock_()), actor, "data.purged",
                             {{"consent_honoured", options.honour_consent},
                              {"phones", counts.phones},
                              {"phones_kept", counts.phones_kept},
                              {"names", counts.names},
                              {"names_kept", counts.names_kept},
                              {"classes", counts.classes},
                              {"interview_notes", counts.interview_notes},
                              {"cancel_reasons", counts.cancel_reasons},
                              {"revoke_reasons", counts.revoke_reasons},
                              {"events", counts.events},
                              {"walk_in_fingerprints", counts.walk_in_fingerprints}});
            }
            transaction->commit();
            committed = true;
        }
        // A rebuilt file: removed text is in no free page. Then every WAL frame (old versions of
        // pages included) goes into the file and the WAL is cut to zero bytes.
        database.exec("VACUUM");
        SQLite::Statement checkpoint(database, "PRAGMA wal_checkpoint(TRUNCATE)");
        if (checkpoint.executeStep() && checkpoint.getColumn(0).getInt() != 0) {
            throw StoreError(
                "personal data was purged, but the WAL could not be emptied: run "
                "purge again with no other program using the database");
        }
        return counts;
    } catch (const SQLite::Exception& error) {
        if (!committed) {
            throw StoreError(std::string("cannot purge personal data: ") + error.what() +
                             "; nothing was changed");
        }
        throw StoreError(std::string("personal data was purged, but the file could not be "
                                     "compacted: ") +
                         error.what() + "; run purge again with enough free disk space");
    }
}

}  // namespace jobfair
