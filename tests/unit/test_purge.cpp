// After the fair: Store::purge_personal_data removes what each student's consent does not keep,
// everywhere (audit log and free pages included), in one transaction, and the reports' figures
// stay the same. Also the two checks `jobfair purge` makes first: what the file is, and whether
// the fair is over.
#include <doctest/doctest.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "common/fair_date.hpp"
#include "common/protocol.hpp"
#include "common/store.hpp"
#include "fair_builder.hpp"
#include "scheduler/reports/reports.hpp"

using namespace jobfair;
using namespace jobfair::testing;

namespace {

// A database file in the temp directory, removed with its WAL files when the test ends.
class TemporaryDatabase {
  public:
    TemporaryDatabase() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("jobfair-test-purge-" + std::to_string(::getpid()) + "-" +
                 std::to_string(counter++) + ".db");
        remove_files();
    }
    ~TemporaryDatabase() { remove_files(); }
    TemporaryDatabase(const TemporaryDatabase&) = delete;
    TemporaryDatabase& operator=(const TemporaryDatabase&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path wal() const { return path_.string() + "-wal"; }

  private:
    void remove_files() {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(path_.string() + suffix, ignored);
    }
    std::filesystem::path path_;
};

WallClock ticking_clock() {
    using namespace std::chrono;
    system_clock::time_point next = sys_days{year{2025} / 3 / 14} + hours{1} + minutes{30};
    return [next]() mutable {
        const auto now = next;
        next += seconds{1};
        return now;
    };
}

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool file_holds(const std::filesystem::path& path, const std::string& text) {
    return std::filesystem::exists(path) && file_bytes(path).find(text) != std::string::npos;
}

// Words people typed, and phones: each must be gone after the purge unless consent keeps it.
const std::string kNote = "Em Lan rất chăm, gọi mẹ em số 0977000111";
const std::string kCancelReason = "Bố Trần Văn Bình xin hủy vì em bị ốm";
const std::string kRevokeReason = "Mất vé, cô Hoa lớp K45 báo";
const std::string kKeptPhone = "0912000111";     // S1 agreed to follow_up
const std::string kRemovedPhone = "0912000222";  // S2 agreed to nothing after the fair
const std::string kWalkInPhone = "0988000333";   // W0001 agreed to school_report only
const std::string kNewsPhone = "0988000444";     // W0002 agreed to job_news

Store::StudentDetails details(std::optional<std::string> phone, std::string consent) {
    Store::StudentDetails one;
    one.phone = std::move(phone);
    one.consent_json = std::move(consent);
    return one;
}

// A fair that has happened: an interview done with a note, one cancelled with a typed reason, a
// student who left, tickets revoked with typed reasons, and two walk-ins.
void make_day(Store& store) {
    Fair fair = small_fair(4);
    fair.settings.date = "2025-03-14";
    add_booth(fair, "B01");
    add_booth(fair, "B02");
    add_student(fair, "S1", {"B01"}).class_name = "K45 Điện";
    add_student(fair, "S2", {"B02"}).class_name = "K45 Điện";
    add_student(fair, "S3", {"B01"}).class_name = "K46 Hàn";
    add_student(fair, "S4", {"B02"}).class_name = "K46 Hàn";
    for (Student& student : fair.students) {
        student.school = "Trường Cao đẳng Việt Xô";
        student.occupation = "welding";
    }
    fair.fixed = {Interview{StudentId("S1"), BoothId("B01"), 0, at(8, 0)},
                  Interview{StudentId("S2"), BoothId("B02"), 0, at(8, 0)},
                  Interview{StudentId("S3"), BoothId("B01"), 0, at(8, 15)}};
    store.import_fair_with_details(
        fair,
        {{StudentId("S1"), details(kKeptPhone, R"({"interview": true, "follow_up": true})")},
         {StudentId("S2"), details(kRemovedPhone, R"({"interview": true})")},
         {StudentId("S4"), details(std::nullopt, R"({"interview": true, "school_report": true})")}},
        "test");

    Student walk_in;
    walk_in.name = "Phạm Thị Mai";
    walk_in.occupation = "welding";
    walk_in.arrive = at(8, 0);
    walk_in.leave = at(9, 0);
    walk_in.preferences = {BoothId("B01")};
    Store::StudentDetails walk_in_details = details(
        kWalkInPhone,
        R"({"follow_up": false, "interview": true, "job_news": false, "school_report": true})");
    walk_in_details.school = "Trường Cao đẳng Việt Xô";
    store.register_walk_in(walk_in, walk_in_details, "key-1", "digest-1", "kiosk");
    walk_in.name = "Lê Văn Tùng";
    walk_in_details.phone = kNewsPhone;
    walk_in_details.consent_json = R"({"interview": true, "job_news": true})";
    store.register_walk_in(walk_in, walk_in_details, "key-2", "digest-2", "kiosk");

    std::map<StudentId, InterviewId> interview_of;
    for (const StoredInterview& row : store.interviews())
        interview_of[row.interview.student] = row.id;
    const InterviewId first = interview_of.at(StudentId("S1"));
    store.move_interview(first, InterviewStatus::called, "booth");
    store.move_interview(first, InterviewStatus::in_progress, "booth");
    Store::MoveDetails done;
    done.outcome = InterviewOutcome::offer;
    done.note = kNote;
    store.move_interview(first, InterviewStatus::done, "booth", done);
    Store::MoveDetails cancelled;
    cancelled.cancel_reason = kCancelReason;
    store.move_interview(interview_of.at(StudentId("S2")), InterviewStatus::cancelled, "organizer",
                         cancelled);
    store.mark_left(StudentId("S3"), at(8, 10), "organizer");

    store.issue_tickets("test");
    store.revoke_ticket(store.ticket_of(StudentId("S2"))->number, kRevokeReason, "organizer");
    store.reissue_ticket(StudentId("S2"), "organizer");
    store.revoke_ticket(store.ticket_of(StudentId("S3"))->number, kRevokeReason + " (2)",
                        "organizer");
}

// The files whose figures must not move (interviews.csv names people and is allowed to change).
std::vector<std::string> figure_files(const Store& store) {
    return {reports::outcomes_by_enterprise_csv(store), reports::outcomes_by_trade_csv(store),
            reports::attendance_by_school_csv(store), reports::summary_html(store, at(9, 0))};
}

std::string triggers_sql(const std::filesystem::path& path) {
    SQLite::Database database(path.string(), SQLite::OPEN_READONLY);
    SQLite::Statement rows(database,
                           "SELECT name || ':' || sql FROM sqlite_schema WHERE type = 'trigger' "
                           "ORDER BY name");
    std::string all;
    while (rows.executeStep())
        all += rows.getColumn(0).getString() + "\n";
    return all;
}

Store::PurgeCounts expected_counts() {
    Store::PurgeCounts counts;
    counts.phones = 2;       // S2, W0001
    counts.phones_kept = 2;  // S1 (follow_up), W0002 (job_news)
    counts.names = 2;        // S2, S3
    counts.names_kept = 4;   // S1, S4 (school_report), W0001 (school_report), W0002
    counts.classes = 3;      // S1, S2, S3; S4 keeps hers for the school's report
    counts.interview_notes = 1;
    counts.cancel_reasons = 1;  // S2's; S3's "student_left" was written by the program
    counts.revoke_reasons = 2;  // one on a retired ticket, one on a current one
    counts.events = 4;          // interview.done, interview.cancelled, ticket.revoked twice
    counts.walk_in_fingerprints = 2;
    return counts;
}

}  // namespace

TEST_CASE(
    "purge removes what consent does not keep from everywhere and the figures stay the same") {
    TemporaryDatabase file;
    Store store(file.path(), ticking_clock());
    make_day(store);
    const auto figures_before = figure_files(store);
    const std::string triggers_before = triggers_sql(file.path());
    const size_t events_before = store.events().size();

    const Store::PurgeCounts counts = store.purge_personal_data({}, "cli");
    CHECK(counts == expected_counts());

    // Phones: kept only for a purpose after the fair.
    CHECK(store.student_details(StudentId("S1"))->phone == kKeptPhone);
    CHECK_FALSE(store.student_details(StudentId("S2"))->phone.has_value());
    CHECK_FALSE(store.student_details(StudentId("W0001"))->phone.has_value());
    CHECK(store.student_details(StudentId("W0002"))->phone == kNewsPhone);
    // Consent stays: it is the reason what is left was kept.
    CHECK(store.student_details(StudentId("S1"))->consent_json.find("follow_up") !=
          std::string::npos);

    // Names and classes.
    const Fair fair = store.load_fair();
    std::map<std::string, const Student*> student;
    for (const Student& one : fair.students)
        student[one.id.str()] = &one;
    CHECK(student.at("S1")->name == "Nguyễn Văn S1");
    CHECK(student.at("S2")->name.empty());
    CHECK(student.at("S3")->name.empty());
    CHECK(student.at("S4")->name == "Nguyễn Văn S4");
    CHECK(student.at("W0001")->name == "Phạm Thị Mai");
    CHECK_FALSE(student.at("S1")->class_name.has_value());
    CHECK(student.at("S4")->class_name == "K46 Hàn");
    CHECK(student.at("S2")->school == "Trường Cao đẳng Việt Xô");  // the figures need it

    // Notes and typed reasons, on the rows and in the audit log.
    for (const StoredInterview& row : store.interviews()) {
        CHECK_FALSE(row.note.has_value());
        if (row.interview.student == StudentId("S1")) CHECK(row.outcome == InterviewOutcome::offer);
        if (row.interview.student == StudentId("S2"))
            CHECK(row.cancel_reason == "cancelled by the organizer");
        if (row.interview.student == StudentId("S3")) CHECK(row.cancel_reason == "student_left");
    }
    CHECK(store.ticket_of(StudentId("S3")) == std::nullopt);
    for (const Store::TicketRecord& ticket : store.tickets()) {
        if (ticket.revoked_reason) CHECK(*ticket.revoked_reason == "revoked");
    }
    const auto events = store.events();
    REQUIRE(events.size() == events_before + 1);
    for (const EventRecord& event : events) {
        CHECK(event.payload_json.find("Lan") == std::string::npos);
        CHECK(event.payload_json.find("Trần Văn Bình") == std::string::npos);
        CHECK(event.payload_json.find("Hoa") == std::string::npos);
        CHECK(event.payload_json.find("\"note\"") == std::string::npos);
    }

    // One data.purged event, of counts only.
    const EventRecord& purged = events.back();
    CHECK(purged.kind == "data.purged");
    CHECK(purged.actor == "cli");
    const auto payload = nlohmann::json::parse(purged.payload_json);
    CHECK(payload.at("phones") == 2);
    CHECK(payload.at("phones_kept") == 2);
    CHECK(payload.at("interview_notes") == 1);
    CHECK(payload.at("consent_honoured") == true);
    CHECK(purged.payload_json.find(kKeptPhone) == std::string::npos);

    // The log is append-only again, with the very triggers the migration wrote.
    CHECK(triggers_sql(file.path()) == triggers_before);
    {
        SQLite::Database other(file.path().string(), SQLite::OPEN_READWRITE);
        CHECK_THROWS(other.exec("UPDATE events SET payload = '{}' WHERE id = 1"));
        CHECK_THROWS(other.exec("DELETE FROM events WHERE id = 1"));
        CHECK(other.execAndGet("SELECT COUNT(*) FROM walk_in_submissions").getInt() == 0);
    }

    CHECK(figure_files(store) == figures_before);
    const std::string interviews = reports::interviews_csv(store);
    CHECK(interviews.find("Em Lan") == std::string::npos);
    CHECK(interviews.find("Nguyễn Văn S2") == std::string::npos);

    // Nothing removed is left in the file's bytes: not in free pages, not in the WAL.
    CHECK(std::filesystem::file_size(file.wal()) == 0);
    for (const std::string& gone :
         {kRemovedPhone, kWalkInPhone, std::string("Em Lan rất chăm"), std::string("Trần Văn Bình"),
          std::string("cô Hoa"), std::string("digest-1"), std::string("K45 Điện")}) {
        INFO(gone);
        CHECK_FALSE(file_holds(file.path(), gone));
        CHECK_FALSE(file_holds(file.wal(), gone));
    }
    CHECK(file_holds(file.path(), kKeptPhone));  // the search does find what is there
    CHECK(file_holds(file.path(), kNewsPhone));
}

TEST_CASE("purge --dry-run counts the same as the purge and leaves the file's bytes unchanged") {
    TemporaryDatabase file;
    {
        Store store(file.path(), ticking_clock());
        make_day(store);
    }
    const std::string before = file_bytes(file.path());
    Store::PurgeOptions dry_run;
    dry_run.dry_run = true;
    {
        Store store(file.path(), ticking_clock());
        CHECK(store.purge_personal_data(dry_run, "cli") == expected_counts());
        // Still there, and the store is usable as before.
        CHECK(store.student_details(StudentId("S2"))->phone == kRemovedPhone);
        CHECK(store.events().back().kind == "ticket.revoked");
    }
    CHECK(file_bytes(file.path()) == before);
    Store store(file.path(), ticking_clock());
    CHECK(store.purge_personal_data({}, "cli") == expected_counts());
}

TEST_CASE("purge including what consent kept leaves no phone nor name nor class") {
    Store store(":memory:", ticking_clock());
    make_day(store);
    Store::PurgeOptions all;
    all.honour_consent = false;
    const Store::PurgeCounts counts = store.purge_personal_data(all, "cli");
    CHECK(counts.phones == 4);
    CHECK(counts.phones_kept == 0);
    CHECK(counts.names == 6);
    CHECK(counts.names_kept == 0);
    CHECK(counts.classes == 4);
    for (const auto& [student, one] : store.all_student_details())
        CHECK_FALSE(one.phone.has_value());
    for (const Student& student : store.load_fair().students) {
        CHECK(student.name.empty());
        CHECK_FALSE(student.class_name.has_value());
    }
    CHECK(nlohmann::json::parse(store.events().back().payload_json).at("consent_honoured") ==
          false);
}

TEST_CASE("purge after a purge removes nothing more and logs nothing") {
    Store store(":memory:", ticking_clock());
    make_day(store);
    store.purge_personal_data({}, "cli");
    const size_t events = store.events().size();
    const Store::PurgeCounts again = store.purge_personal_data({}, "cli");
    CHECK(again.removed() == 0);
    CHECK(again.phones_kept == 2);
    CHECK(store.events().size() == events);
}

TEST_CASE("purge is all or nothing: a failure at its last step leaves every row as it was") {
    TemporaryDatabase file;
    Store store(file.path(), ticking_clock());
    make_day(store);
    {
        // The data.purged event, the purge's last write, is refused.
        SQLite::Database other(file.path().string(), SQLite::OPEN_READWRITE);
        other.exec(
            "CREATE TRIGGER test_refuse_purged BEFORE INSERT ON events WHEN NEW.kind = "
            "'data.purged' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    }
    const auto events = store.events();
    const auto interviews = store.interviews();
    CHECK_THROWS_AS(store.purge_personal_data({}, "cli"), StoreError);
    CHECK(store.student_details(StudentId("S2"))->phone == kRemovedPhone);
    CHECK(store.load_fair().students[1].name == "Nguyễn Văn S2");
    const auto after = store.interviews();
    REQUIRE(after.size() == interviews.size());
    for (size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].note == interviews[i].note);
        CHECK(after[i].cancel_reason == interviews[i].cancel_reason);
    }
    const auto events_after = store.events();
    REQUIRE(events_after.size() == events.size());
    for (size_t i = 0; i < events.size(); ++i)
        CHECK(events_after[i].payload_json == events[i].payload_json);
    CHECK(triggers_sql(file.path()).find("events_refuse_update") != std::string::npos);
}

TEST_CASE("purge refuses while another program has the database open and changes nothing") {
    TemporaryDatabase file;
    {
        Store store(file.path(), ticking_clock());
        make_day(store);
    }
    Store server(file.path(), ticking_clock());  // as a running `jobfair serve` holds it
    Store purger(file.path(), ticking_clock());
    CHECK_THROWS_AS(purger.purge_personal_data({}, "cli"), StoreInUseError);
    Store::PurgeOptions dry_run;
    dry_run.dry_run = true;
    CHECK_THROWS_AS(purger.purge_personal_data(dry_run, "cli"), StoreInUseError);
    CHECK(server.student_details(StudentId("S2"))->phone == kRemovedPhone);
    server.append_event("server", "still.writing", "{}");  // the server was not locked out
    server = Store(":memory:");                            // the server stops
    CHECK(purger.purge_personal_data({}, "cli") == expected_counts());
}

TEST_CASE("purge refuses a database without a fair") {
    Store store(":memory:");
    CHECK_THROWS_AS(store.purge_personal_data({}, "cli"), StoreError);
}

TEST_CASE("the purposes the purge honours are purposes the kiosk asks consent for") {
    const auto known = [](std::string_view purpose) {
        return std::find(std::begin(protocol::kConsentPurposes),
                         std::end(protocol::kConsentPurposes),
                         purpose) != std::end(protocol::kConsentPurposes);
    };
    for (std::string_view purpose : Store::kPhonePurposes)
        CHECK(known(purpose));
    for (std::string_view purpose : Store::kNamePurposes)
        CHECK(known(purpose));
    for (std::string_view purpose : Store::kClassPurposes)
        CHECK(known(purpose));
}

TEST_CASE("identifying a database file creates nothing and migrates nothing") {
    TemporaryDatabase file;
    CHECK(Store::identify(file.path()) == DatabaseFile::missing);
    CHECK_FALSE(std::filesystem::exists(file.path()));
    CHECK(Store::identify(std::filesystem::temp_directory_path()) == DatabaseFile::not_a_database);

    { std::ofstream(file.path()) << "student,phone\nS1,0912000111\n"; }
    CHECK(Store::identify(file.path()) == DatabaseFile::not_a_database);
    std::filesystem::resize_file(file.path(), 0);
    CHECK(Store::identify(file.path()) == DatabaseFile::empty);
    CHECK(std::filesystem::file_size(file.path()) == 0);
    {
        SQLite::Database other(file.path().string(), SQLite::OPEN_READWRITE);
        other.exec("CREATE TABLE contacts (phone TEXT)");
    }
    CHECK(Store::identify(file.path()) == DatabaseFile::other_program);
    std::filesystem::remove(file.path());
    { Store store(file.path()); }
    CHECK(Store::identify(file.path()) == DatabaseFile::jobfair);
}

TEST_CASE("a fair is over after the end of its day and until then the purge must wait") {
    const std::optional<std::string> date = "2025-03-14";
    const TimeOfDay end = at(12, 30);
    CHECK(fair_day_status(date, end, {2025, 3, 13}, at(20, 0)) == FairDayStatus::ahead);
    CHECK(fair_day_status(date, end, {2025, 3, 14}, at(7, 0)) == FairDayStatus::under_way);
    CHECK(fair_day_status(date, end, {2025, 3, 14}, at(12, 29)) == FairDayStatus::under_way);
    CHECK(fair_day_status(date, end, {2025, 3, 14}, at(12, 30)) == FairDayStatus::over);
    CHECK(fair_day_status(date, end, {2025, 3, 15}, at(0, 0)) == FairDayStatus::over);
    CHECK(fair_day_status(date, end, {2026, 1, 1}, at(8, 0)) == FairDayStatus::over);
    CHECK(fair_day_status(std::nullopt, end, {2025, 3, 14}, at(8, 0)) == FairDayStatus::unknown);
    CHECK(fair_day_status("14/03/2025", end, {2025, 3, 14}, at(8, 0)) == FairDayStatus::unknown);
}
