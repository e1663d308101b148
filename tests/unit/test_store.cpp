#include <doctest/doctest.h>
#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "common/fair_format.hpp"
#include "common/store.hpp"

using namespace jobfair;

namespace {

// A database file in the temp directory, removed with its WAL files when the test ends.
class TemporaryDatabase {
  public:
    TemporaryDatabase() {
        static std::atomic<int> counter{0};  // distinct files for tests in one process
        path_ = std::filesystem::temp_directory_path() /
                ("jobfair-test-store-" + std::to_string(::getpid()) + "-" +
                 std::to_string(counter++) + ".db");
        remove_files();
    }
    ~TemporaryDatabase() { remove_files(); }
    TemporaryDatabase(const TemporaryDatabase&) = delete;
    TemporaryDatabase& operator=(const TemporaryDatabase&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    void remove_files() {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::filesystem::remove(path_.string() + suffix, ignored);
        }
    }
    std::filesystem::path path_;
};

// Starts at 2025-03-14 01:30:00 UTC (08:30 in Hai Phong) and ticks one second per reading.
WallClock ticking_clock() {
    using namespace std::chrono;
    system_clock::time_point next = sys_days{year{2025} / 3 / 14} + hours{1} + minutes{30};
    return [next]() mutable {
        const auto now = next;
        next += seconds{1};
        return now;
    };
}

Booth make_booth(const char* id, const char* enterprise, int interviewers) {
    Booth booth;
    booth.id = BoothId(id);
    booth.enterprise = enterprise;
    booth.interviewers = interviewers;
    booth.open = TimeOfDay::hm(8, 0);
    booth.close = TimeOfDay::hm(12, 30);
    return booth;
}

Student make_student(const char* id, const char* name, std::vector<BoothId> preferences) {
    Student student;
    student.id = StudentId(id);
    student.name = name;
    student.arrive = TimeOfDay::hm(8, 0);
    student.leave = TimeOfDay::hm(12, 30);
    student.preferences = std::move(preferences);
    return student;
}

// A small fair that uses every optional field both ways, every level, and Vietnamese names.
Fair sample_fair() {
    Fair fair;
    fair.settings.name = "Hội chợ việc làm Khu công nghiệp Sông Khoai 2025";
    fair.settings.grid = {TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 30), 15};
    fair.settings.student_gap_slots = 1;
    fair.settings.max_interviews_per_student = 3;

    Booth amata = make_booth("B01", "Công ty TNHH Điện tử Amata", 2);
    amata.breaks = {{TimeOfDay::hm(10, 0), TimeOfDay::hm(10, 15)},
                    {TimeOfDay::hm(11, 40), TimeOfDay::hm(11, 50)}};
    amata.occupations = {"industrial-electronics", "automation", "welding"};
    amata.min_level = Level::intermediate;
    amata.max_interviews = 20;
    Booth port = make_booth("B02", "Cảng Lạch Huyện", 1);
    port.open = TimeOfDay::hm(8, 37);
    port.close = TimeOfDay::hm(11, 0);
    Booth hotel = make_booth("B03", "Khách sạn Đồ Sơn", 1);
    hotel.occupations = {"hotel-management"};
    hotel.min_level = Level::university;
    fair.booths = {amata, port, hotel};

    Student nhung = make_student("S0001", "Nguyễn Thị Hồng Nhung",
                                 {BoothId("B01"), BoothId("B02"), BoothId("B03")});
    nhung.occupation = "welding";
    nhung.level = Level::college;
    nhung.arrive = TimeOfDay::hm(8, 37);
    nhung.max_interviews = 2;
    Student an = make_student("S0002", "Trần Văn An", {BoothId("B02")});
    Student duc = make_student("S0003", "Phạm Đức Mạnh", {BoothId("B03"), BoothId("B02")});
    duc.occupation = "hotel-management";
    duc.level = Level::university;
    duc.leave = TimeOfDay::hm(11, 0);
    Student linh = make_student("S0004", "Lê Thùy Linh", {});
    linh.occupation = "logistics";
    linh.level = Level::intermediate;
    fair.students = {nhung, an, duc, linh};

    fair.fixed = {{StudentId("S0001"), BoothId("B01"), 1, TimeOfDay::hm(9, 0)},
                  {StudentId("S0003"), BoothId("B03"), 0, TimeOfDay::hm(8, 15)}};
    return fair;
}

void check_same_booth(const Booth& actual, const Booth& expected) {
    CAPTURE(expected.id);
    CHECK(actual.id == expected.id);
    CHECK(actual.enterprise == expected.enterprise);
    CHECK(actual.interviewers == expected.interviewers);
    CHECK(actual.open == expected.open);
    CHECK(actual.close == expected.close);
    CHECK(actual.breaks == expected.breaks);
    CHECK(actual.occupations == expected.occupations);
    CHECK(actual.min_level == expected.min_level);
    CHECK(actual.max_interviews == expected.max_interviews);
}

void check_same_student(const Student& actual, const Student& expected) {
    CAPTURE(expected.id);
    CHECK(actual.id == expected.id);
    CHECK(actual.name == expected.name);  // byte-equal: NFC stays NFC
    CHECK(actual.occupation == expected.occupation);
    CHECK(actual.level == expected.level);
    CHECK(actual.arrive == expected.arrive);
    CHECK(actual.leave == expected.leave);
    CHECK(actual.preferences == expected.preferences);
    CHECK(actual.max_interviews == expected.max_interviews);
}

void check_same_fair(const Fair& actual, const Fair& expected) {
    CHECK(actual.settings.name == expected.settings.name);
    CHECK(actual.settings.grid.day_start == expected.settings.grid.day_start);
    CHECK(actual.settings.grid.day_end == expected.settings.grid.day_end);
    CHECK(actual.settings.grid.slot_minutes == expected.settings.grid.slot_minutes);
    CHECK(actual.settings.student_gap_slots == expected.settings.student_gap_slots);
    CHECK(actual.settings.max_interviews_per_student ==
          expected.settings.max_interviews_per_student);
    REQUIRE(actual.booths.size() == expected.booths.size());
    for (size_t i = 0; i < expected.booths.size(); ++i) {
        check_same_booth(actual.booths[i], expected.booths[i]);
    }
    REQUIRE(actual.students.size() == expected.students.size());
    for (size_t i = 0; i < expected.students.size(); ++i) {
        check_same_student(actual.students[i], expected.students[i]);
    }
    CHECK(actual.fixed == expected.fixed);
}

std::vector<Interview> interviews_with(const Store& store, InterviewStatus status) {
    std::vector<Interview> result;
    for (const StoredInterview& stored : store.interviews()) {
        if (stored.status == status) result.push_back(stored.interview);
    }
    return result;
}

void check_nothing_stored(const Store& store) {
    CHECK_FALSE(store.has_fair());
    CHECK(store.interviews().empty());
    CHECK(store.events().empty());
    CHECK_THROWS_AS(store.load_fair(), StoreError);
}

}  // namespace

TEST_CASE("opening a new database runs every migration") {
    CHECK(Store::latest_schema_version() >= 2);
    SUBCASE("in memory") {
        const Store store(":memory:");
        CHECK(store.schema_version() == Store::latest_schema_version());
        CHECK_FALSE(store.has_fair());
    }
    SUBCASE("in a file, opened again") {
        const TemporaryDatabase file;
        { const Store created = Store::open(file.path()); }
        const Store reopened = Store::open(file.path());
        CHECK(reopened.schema_version() == Store::latest_schema_version());
    }
}

TEST_CASE("a new database file and its WAL are readable by their owner only") {
    const TemporaryDatabase file;
    const mode_t old_mask = ::umask(0022);  // as a shell usually has it: files 0644 unless asked
    {
        Store store(file.path(), ticking_clock());
        store.import_fair(sample_fair(), "test");
        const auto mode = [](const std::filesystem::path& path) {
            return std::filesystem::status(path).permissions() & std::filesystem::perms::all;
        };
        CHECK(mode(file.path()) ==
              (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
        const std::filesystem::path wal = file.path().string() + "-wal";
        REQUIRE(std::filesystem::exists(wal));
        CHECK(mode(wal) ==
              (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    }
    ::umask(old_mask);
}

TEST_CASE("a file database is in WAL mode and holds the fair after it is closed") {
    const TemporaryDatabase file;
    {
        Store store(file.path(), ticking_clock());
        store.import_fair(sample_fair(), "test");
    }
    {
        SQLite::Database raw(file.path().string());
        CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
    }
    const Store reopened(file.path());
    REQUIRE(reopened.has_fair());
    check_same_fair(reopened.load_fair(), sample_fair());
    CHECK(reopened.events().size() == 1);
}

TEST_CASE("a database written by a newer jobfair is refused") {
    const TemporaryDatabase file;
    { const Store created(file.path()); }
    {
        SQLite::Database raw(file.path().string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(Store::latest_schema_version() + 1));
    }
    try {
        const Store store(file.path());
        FAIL("opened a database newer than the code");
    } catch (const StoreError& error) {
        const std::string message = error.what();
        CHECK(message.find("newer jobfair") != std::string::npos);
        CHECK(message.find(file.path().string()) != std::string::npos);
    }
}

TEST_CASE("another program's SQLite file is refused, not migrated") {
    const TemporaryDatabase file;
    {
        SQLite::Database raw(file.path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE contacts (name TEXT)");
    }
    CHECK_THROWS_WITH_AS(Store(file.path()), doctest::Contains("not a jobfair database"),
                         StoreError);
    SQLite::Database raw(file.path().string());
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 0);
}

TEST_CASE("the schema accepts every interview status and level the code knows") {
    const TemporaryDatabase file;
    {
        Store store(file.path());
        store.import_fair(sample_fair(), "test");  // its students cover all four levels
    }
    SQLite::Database raw(file.path().string(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA foreign_keys = ON");
    for (int seat = 0; seat < 7; ++seat) {
        const auto status = static_cast<InterviewStatus>(seat);
        CAPTURE(status_code(status));
        SQLite::Statement insert(raw,
                                 "INSERT INTO interviews (student, booth, seat, start_minute, "
                                 "status, created_at, updated_at) VALUES ('S0002', 'B02', ?, 600, "
                                 "?, 'now', 'now')");
        insert.bind(1, seat);
        insert.bind(2, std::string(status_code(status)));
        CHECK_NOTHROW(insert.exec());
    }
    CHECK_THROWS(
        raw.exec("INSERT INTO interviews (student, booth, seat, start_minute, status, "
                 "created_at, updated_at) VALUES ('S0002', 'B02', 9, 600, 'lost', 'a', "
                 "'a')"));
    CHECK_THROWS(
        raw.exec("INSERT INTO interviews (student, booth, seat, start_minute, status, "
                 "created_at, updated_at) VALUES ('S0002', 'B02', -1, 600, 'planned', "
                 "'a', 'a')"));
    // The audit log is append-only.
    CHECK_THROWS(raw.exec("UPDATE events SET actor = 'someone else'"));
    CHECK_THROWS(raw.exec("DELETE FROM events"));
}

TEST_CASE("load_fair returns the imported fair field by field") {
    Store store(":memory:");
    CHECK_THROWS_WITH_AS(store.load_fair(), doctest::Contains("no fair is loaded"), StoreError);
    store.import_fair(sample_fair(), "desk-1");
    REQUIRE(store.has_fair());
    const Fair loaded = store.load_fair();
    check_same_fair(loaded, sample_fair());
    CHECK(loaded.students[0].name == "Nguyễn Thị Hồng Nhung");
    CHECK(loaded.students[0].name ==
          "\x4e\x67\x75\x79\xe1\xbb\x85\x6e\x20\x54\x68\xe1\xbb\x8b"
          "\x20\x48\xe1\xbb\x93\x6e\x67\x20\x4e\x68\x75\x6e\x67");
}

TEST_CASE("importing writes the fixed interviews as promised and logs the import") {
    Store store(":memory:", ticking_clock());
    store.import_fair(sample_fair(), "desk-1");

    const auto stored = store.interviews();
    REQUIRE(stored.size() == 2);
    for (size_t i = 0; i < stored.size(); ++i) {
        CHECK(stored[i].interview == sample_fair().fixed[i]);
        CHECK(stored[i].status == InterviewStatus::promised);
        CHECK(stored[i].fixed);
        CHECK_FALSE(stored[i].cancel_reason);
        CHECK(stored[i].created_at == "2025-03-14T01:30:00.000Z");
    }
    CHECK(stored[0].id < stored[1].id);

    const auto events = store.events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == "fair.imported");
    CHECK(events[0].actor == "desk-1");
    CHECK(events[0].at == "2025-03-14T01:30:00.000Z");
    const auto payload = nlohmann::json::parse(events[0].payload_json);
    CHECK(payload.at("name") == "Hội chợ việc làm Khu công nghiệp Sông Khoai 2025");
    CHECK(payload.at("booths") == 3);
    CHECK(payload.at("students") == 4);
    CHECK(payload.at("preferences") == 6);
    CHECK(payload.at("fixed") == 2);
}

TEST_CASE("a second import is refused and the first fair stays") {
    Store store(":memory:");
    store.import_fair(sample_fair(), "desk-1");
    Fair other = sample_fair();
    other.settings.name = "Another fair";
    CHECK_THROWS_WITH_AS(store.import_fair(other, "desk-1"),
                         doctest::Contains("already holds a fair"), StoreError);
    CHECK(store.load_fair().settings.name == sample_fair().settings.name);
    CHECK(store.events().size() == 1);
}

TEST_CASE("an import that fails halfway stores nothing") {
    Store store(":memory:");
    Fair broken = sample_fair();
    std::string expected_place;
    SUBCASE("a preference naming an unknown booth breaks a foreign key") {
        broken.students[2].preferences.push_back(BoothId("B99"));
        expected_place = "preference 3 (booth B99) of student S0003";
    }
    SUBCASE("a fixed interview with a negative seat breaks a CHECK") {
        broken.fixed.push_back({StudentId("S0002"), BoothId("B02"), -1, TimeOfDay::hm(9, 0)});
        expected_place = "fixed interview of student S0002 at booth B02 seat -1 at 09:00";
    }
    SUBCASE("two fixed interviews in one seat and slot break rule 1") {
        broken.fixed.push_back({StudentId("S0002"), BoothId("B01"), 1, TimeOfDay::hm(9, 0)});
        expected_place = "fixed interview of student S0002 at booth B01 seat 1 at 09:00";
    }
    SUBCASE("a repeated student id breaks the primary key") {
        broken.students.push_back(broken.students[0]);
        expected_place = "student S0001";
    }
    CAPTURE(expected_place);
    try {
        store.import_fair(broken, "desk-1");
        FAIL("the broken fair was imported");
    } catch (const StoreError& error) {
        const std::string message = error.what();
        CHECK(message.find(expected_place) != std::string::npos);
        CHECK(message.find("nothing was stored") != std::string::npos);
    }
    check_nothing_stored(store);

    // The failure left the store usable: the good fair imports afterwards.
    store.import_fair(sample_fair(), "desk-1");
    check_same_fair(store.load_fair(), sample_fair());
}

TEST_CASE("save_planned_schedule replaces planned interviews only") {
    Store store(":memory:", ticking_clock());
    CHECK_THROWS_WITH_AS(store.save_planned_schedule({}, "engine"),
                         doctest::Contains("no fair is loaded"), StoreError);
    store.import_fair(sample_fair(), "desk-1");
    const Fair fair = sample_fair();

    const std::vector<Interview> first_plan = {
        {StudentId("S0002"), BoothId("B02"), 0, TimeOfDay::hm(9, 0)},
        {StudentId("S0001"), BoothId("B02"), 0, TimeOfDay::hm(9, 30)},
    };
    store.save_planned_schedule(first_plan, "engine");
    CHECK(interviews_with(store, InterviewStatus::planned) == first_plan);
    CHECK(interviews_with(store, InterviewStatus::promised) == fair.fixed);

    // A full schedule repeats the fixed interviews; they are not stored a second time.
    std::vector<Interview> second_plan = fair.fixed;
    second_plan.push_back({StudentId("S0002"), BoothId("B02"), 0, TimeOfDay::hm(10, 0)});
    const InterviewId last_id_before = store.interviews().back().id;
    store.save_planned_schedule(second_plan, "engine");

    const auto stored = store.interviews();
    REQUIRE(stored.size() == 3);
    CHECK(interviews_with(store, InterviewStatus::promised) == fair.fixed);
    CHECK(interviews_with(store, InterviewStatus::planned) ==
          std::vector<Interview>{second_plan.back()});
    CHECK(stored.back().id > last_id_before);  // ids are never reused
    CHECK_FALSE(stored.back().fixed);
    CHECK(store.load_fair().fixed == fair.fixed);  // planned ones are no commitment

    const auto events = store.events();
    REQUIRE(events.size() == 3);
    CHECK(events[1].kind == "schedule.saved");
    CHECK(events[2].kind == "schedule.saved");
    const auto payload = nlohmann::json::parse(events[2].payload_json);
    CHECK(payload.at("count") == 1);
    CHECK(payload.at("already_committed") == 2);
    CHECK(payload.at("replaced") == 2);

    // Saving the same plan again writes nothing new: planned rows it repeats keep their ids.
    store.save_planned_schedule(second_plan, "engine");
    CHECK(store.interviews().back().id == stored.back().id);
    const auto again = nlohmann::json::parse(store.events().back().payload_json);
    CHECK(again.at("count") == 1);
    CHECK(again.at("replaced") == 0);
}

TEST_CASE("a schedule that fails halfway leaves the previous plan in place") {
    Store store(":memory:");
    store.import_fair(sample_fair(), "desk-1");
    const std::vector<Interview> plan = {
        {StudentId("S0002"), BoothId("B02"), 0, TimeOfDay::hm(9, 0)}};
    store.save_planned_schedule(plan, "engine");
    const auto before = store.interviews();

    SUBCASE("unknown booth") {
        CHECK_THROWS_WITH_AS(store.save_planned_schedule(
                                 {{StudentId("S0004"), BoothId("B02"), 0, TimeOfDay::hm(9, 15)},
                                  {StudentId("S0004"), BoothId("B77"), 0, TimeOfDay::hm(9, 45)}},
                                 "engine"),
                             doctest::Contains("booth B77"), StoreError);
    }
    SUBCASE("a seat already promised to someone else") {
        CHECK_THROWS_WITH_AS(
            store.save_planned_schedule(
                {{StudentId("S0004"), BoothId("B01"), 1, TimeOfDay::hm(9, 0)}}, "engine"),
            doctest::Contains("nothing was changed"), StoreError);
    }
    const auto after = store.interviews();
    REQUIRE(after.size() == before.size());
    for (size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].id == before[i].id);
        CHECK(after[i].interview == before[i].interview);
        CHECK(after[i].status == before[i].status);
    }
    CHECK(store.events().size() == 2);
}

TEST_CASE("events append in order and can be read from an id on") {
    Store store(":memory:", ticking_clock());
    const EventId first = store.append_event(
        "kiosk-2", "student.checked_in", R"({"student":"S0001","name":"Nguyễn Thị Hồng Nhung"})");
    const EventId second = store.append_event("booth-B01", "interview.called", R"({"id":1})");
    const EventId third = store.append_event("desk-1", "fair.note", "[]");
    CHECK(first < second);
    CHECK(second < third);

    const auto all = store.events();
    REQUIRE(all.size() == 3);
    CHECK(all[0].id == first);
    CHECK(all[0].actor == "kiosk-2");
    CHECK(all[0].kind == "student.checked_in");
    CHECK(nlohmann::json::parse(all[0].payload_json).at("name") == "Nguyễn Thị Hồng Nhung");
    CHECK(all[1].kind == "interview.called");
    CHECK(all[2].payload_json == "[]");
    CHECK(all[0].at == "2025-03-14T01:30:00.000Z");
    CHECK(all[2].at == "2025-03-14T01:30:02.000Z");

    const auto later = store.events(first);
    REQUIRE(later.size() == 2);
    CHECK(later[0].id == second);
    CHECK(store.events(third).empty());

    CHECK_THROWS_WITH_AS(store.append_event("x", "broken", "{not json"),
                         doctest::Contains("not valid JSON"), StoreError);
    CHECK_THROWS_AS(store.append_event("x", "", "{}"), StoreError);
    CHECK(store.events().size() == 3);
}

TEST_CASE("summary counts the fair and its interviews by status") {
    Store store(":memory:");
    CHECK_THROWS_AS(store.summary(), StoreError);
    store.import_fair(sample_fair(), "desk-1");
    store.save_planned_schedule({{StudentId("S0002"), BoothId("B02"), 0, TimeOfDay::hm(9, 0)}},
                                "engine");
    const FairSummary summary = store.summary();
    CHECK(summary.name == sample_fair().settings.name);
    CHECK(summary.booths == 3);
    CHECK(summary.seats == 4);
    // B01: 18 slots - 10:00 - 11:30 and 11:45 (break 11:40-11:50) = 15, x2 seats;
    // B02: 08:45..10:45 = 9 slots; B03: 18 slots.
    CHECK(summary.seat_slots == 15 * 2 + 9 + 18);
    CHECK(summary.students == 4);
    CHECK(summary.preferences == 6);
    CHECK(summary.fixed_interviews == 2);
    for (const auto& [status, count] : summary.interviews_by_status) {
        CAPTURE(status_code(status));
        const int expected = status == InterviewStatus::promised  ? 2
                             : status == InterviewStatus::planned ? 1
                                                                  : 0;
        CHECK(count == expected);
    }
    const std::string text = format_summary(summary);
    CHECK(text.find("planned 1, promised 2, called 0") != std::string::npos);
}

TEST_CASE("a store can be moved and keeps working") {
    Store first(":memory:");
    first.import_fair(sample_fair(), "desk-1");
    Store moved = std::move(first);
    CHECK(moved.has_fair());
    Store assigned(":memory:");
    assigned = std::move(moved);
    CHECK(assigned.load_fair().students.size() == 4);
}

TEST_CASE("import then export gives back the instance (through the JSON contract)") {
    const Fair original = read_instance(write_instance(sample_fair()));
    check_same_fair(original, sample_fair());  // the sample survives the contract itself

    Store store(":memory:");
    store.import_fair(original, "desk-1");
    const std::string exported = write_instance(store.load_fair());
    CHECK(exported == write_instance(original));
    check_same_fair(read_instance(exported), original);
}

TEST_CASE("a check-in replaces the plan and promises the student's interviews, once") {
    Store store(":memory:", ticking_clock());
    store.import_fair(sample_fair(), "desk-1");
    const std::vector<Interview> plan = {
        {StudentId("S0002"), BoothId("B02"), 0, TimeOfDay::hm(9, 0)},
        {StudentId("S0001"), BoothId("B02"), 0, TimeOfDay::hm(9, 30)},
    };
    CHECK(store.check_in(StudentId("S0002"), TimeOfDay::hm(8, 41), plan, "kiosk-1"));
    CHECK(interviews_with(store, InterviewStatus::planned) == std::vector<Interview>{plan[1]});
    const auto promised = interviews_with(store, InterviewStatus::promised);
    CHECK(std::find(promised.begin(), promised.end(), plan[0]) != promised.end());
    CHECK(store.check_ins().at(StudentId("S0002")) == TimeOfDay::hm(8, 41));
    CHECK(store.events().back().kind == "student.checked_in");

    // A retried check-in changes nothing.
    const auto before = store.interviews();
    CHECK_FALSE(store.check_in(StudentId("S0002"), TimeOfDay::hm(8, 50), {}, "kiosk-1"));
    CHECK(store.interviews().size() == before.size());
    CHECK(store.check_ins().at(StudentId("S0002")) == TimeOfDay::hm(8, 41));
}

TEST_CASE("interviews move only along their allowed life, each move logged") {
    Store store(":memory:", ticking_clock());
    store.import_fair(sample_fair(), "desk-1");
    const InterviewId promised = store.interviews().front().id;
    CHECK_THROWS_WITH_AS(store.move_interview(promised, InterviewStatus::done, "B01"),
                         doctest::Contains("cannot go from promised to done"), StoreError);
    store.move_interview(promised, InterviewStatus::called, "B01");
    store.move_interview(promised, InterviewStatus::in_progress, "B01");
    store.move_interview(
        promised, InterviewStatus::done, "B01",
        {std::nullopt, InterviewOutcome::offer, std::string("Hàn tốt, nhận ngay")});
    const auto row = store.interviews().front();
    CHECK(row.status == InterviewStatus::done);
    CHECK(row.outcome == InterviewOutcome::offer);
    CHECK(row.note == "Hàn tốt, nhận ngay");
    CHECK(store.events().back().kind == "interview.done");
    CHECK_THROWS_AS(store.move_interview(9999, InterviewStatus::called, "B01"), StoreError);
}

TEST_CASE("a standby call takes a seat that was only planned") {
    Store store(":memory:", ticking_clock());
    store.import_fair(sample_fair(), "desk-1");
    const Interview seat{StudentId("S0002"), BoothId("B02"), 0, TimeOfDay::hm(9, 0)};
    store.save_planned_schedule({seat}, "engine");
    const Interview standby{StudentId("S0001"), BoothId("B02"), 0, TimeOfDay::hm(9, 0)};
    const InterviewId id = store.add_called_interview(standby, 15, "B02");
    CHECK(interviews_with(store, InterviewStatus::called) == std::vector<Interview>{standby});
    CHECK(interviews_with(store, InterviewStatus::planned).empty());
    CHECK(store.interviews().back().id == id);
}

TEST_CASE("ticket numbers are given once, in the fair's order, and survive reopening") {
    TemporaryDatabase file;
    {
        Store store(file.path());
        store.import_fair(sample_fair(), "desk-1");
        const auto tickets = store.issue_tickets("desk-1");
        REQUIRE(tickets.size() == sample_fair().students.size());
        CHECK(tickets[0].number == 1);
        CHECK(tickets[0].student == StudentId("S0001"));
        CHECK(tickets[2].student == StudentId("S0003"));
        store.revoke_ticket(2, "lost phone", "desk-1");
        CHECK_THROWS_AS(store.revoke_ticket(2, "again", "desk-1"), StoreError);
        CHECK_FALSE(store.ticket_of(StudentId("S0002")));
        CHECK(store.ticket(2)->revoked_reason == "lost phone");
    }
    Store reopened(file.path());
    const auto again = reopened.issue_tickets("desk-1");
    CHECK(again.size() == sample_fair().students.size());
    CHECK(again[0].number == 1);
    const std::uint32_t fresh = reopened.reissue_ticket(StudentId("S0002"), "desk-1");
    CHECK(fresh == again.back().number + 1);
    CHECK(reopened.ticket_of(StudentId("S0002"))->number == fresh);
    // The revoked number stays refused and is never given again.
    REQUIRE(reopened.ticket(2));
    CHECK(reopened.ticket(2)->revoked_reason == "lost phone");
    CHECK_THROWS_AS(reopened.reissue_ticket(StudentId("S0002"), "desk-1"), StoreError);
}

TEST_CASE("a walk-in is stored whole once per idempotency key, with their details") {
    Store store(":memory:", ticking_clock());
    store.import_fair(sample_fair(), "desk-1");
    const std::size_t pre_registered = store.issue_tickets("desk-1").size();
    Student walk_in = make_student("ignored", "Lê Thị Thu Hà", {BoothId("B02"), BoothId("B01")});
    Store::StudentDetails details;
    details.phone = "0912345678";
    details.school = "Trường Cao đẳng Nghề Việt – Hàn Quảng Ninh";
    details.consent_json = R"({"interview":true})";
    const auto first = store.register_walk_in(walk_in, details, "key-0001", "digest-a", "kiosk-1");
    CHECK(first.student == StudentId("W0001"));
    CHECK(first.ticket_number == pre_registered + 1);
    CHECK_FALSE(first.repeated);
    const auto retry = store.register_walk_in(walk_in, details, "key-0001", "digest-a", "kiosk-1");
    CHECK(retry.repeated);
    CHECK(retry.student == first.student);
    CHECK(retry.ticket_number == first.ticket_number);
    CHECK_THROWS_AS(store.register_walk_in(walk_in, details, "key-0001", "digest-b", "kiosk-1"),
                    StoreError);
    const Fair fair = store.load_fair();
    REQUIRE(fair.students.size() == pre_registered + 1);
    CHECK(fair.students.back().name == "Lê Thị Thu Hà");
    CHECK(fair.students.back().preferences == std::vector<BoothId>{BoothId("B02"), BoothId("B01")});
    CHECK(store.student_details(first.student)->school == details.school);
    // A preference naming no booth rolls the whole registration back.
    Student lost = make_student("x", "Vũ Văn Long", {BoothId("B99")});
    CHECK_THROWS_AS(store.register_walk_in(lost, details, "key-0002", "digest-c", "kiosk-1"),
                    StoreError);
    CHECK(store.load_fair().students.size() == pre_registered + 1);
    // The audit log names the student by id only.
    const auto events = store.events();
    CHECK(events.back().kind == "student.registered");
    CHECK(events.back().payload_json.find("Hà") == std::string::npos);
}

TEST_CASE("a walk-in of another trade keeps the typed trade, and a version 8 database upgrades") {
    const TemporaryDatabase file;
    StudentId before_upgrade;
    {
        Store store(file.path(), ticking_clock());
        store.import_fair(sample_fair(), "desk-1");
        Student walk_in = make_student("ignored", "Lê Thị Thu Hà", {BoothId("B01")});
        Store::StudentDetails details;
        details.phone = "0912345678";
        before_upgrade =
            store.register_walk_in(walk_in, details, "key-0001", "d1", "kiosk").student;
    }
    {
        // The schema as jobfair wrote it before migration 9: no occupation_text column.
        SQLite::Database raw(file.path().string(), SQLite::OPEN_READWRITE);
        raw.exec("ALTER TABLE student_details DROP COLUMN occupation_text");
        raw.exec("PRAGMA user_version = 8");
    }
    Store store(file.path(), ticking_clock());
    CHECK(store.schema_version() == 9);
    CHECK(store.schema_version() == Store::latest_schema_version());
    // The walk-in of before picked a listed trade: nothing typed.
    const auto old_details = store.student_details(before_upgrade);
    REQUIRE(old_details);
    CHECK(old_details->phone == "0912345678");
    CHECK_FALSE(old_details->occupation_text.has_value());

    Student other = make_student("ignored", "Phạm Văn Đức", {BoothId("B01")});
    other.occupation.reset();  // Other trade: no code
    Store::StudentDetails details;
    details.phone = "0912345679";
    details.occupation_text = "Sửa chữa điện thoại";
    const StudentId added =
        store.register_walk_in(other, details, "key-0002", "d2", "kiosk").student;
    CHECK(store.student_details(added)->occupation_text == "Sửa chữa điện thoại");
    CHECK(store.all_student_details().at(added).occupation_text == "Sửa chữa điện thoại");
    CHECK_FALSE(store.load_fair().find_student(added)->occupation.has_value());
    // The column refuses what the server's check would (1 or 61 characters), whatever writes it.
    details.occupation_text = "x";
    CHECK_THROWS_AS(store.register_walk_in(other, details, "key-0003", "d3", "kiosk"), StoreError);
    details.occupation_text = std::string(60, 'x') + "à";
    CHECK_THROWS_AS(store.register_walk_in(other, details, "key-0004", "d4", "kiosk"), StoreError);
    // Nothing of the refused ones stayed.
    const auto all = store.all_student_details();
    CHECK(std::count_if(all.begin(), all.end(), [](const auto& entry) {
              return entry.second.registered_via == "walk_in";
          }) == 2);
}

TEST_CASE("a student who leaves has their open interviews cancelled and their stay shortened") {
    Store store(":memory:", ticking_clock());
    store.import_fair(sample_fair(), "desk-1");
    store.save_planned_schedule({{StudentId("S0002"), BoothId("B02"), 0, TimeOfDay::hm(9, 0)},
                                 {StudentId("S0003"), BoothId("B03"), 0, TimeOfDay::hm(9, 0)}},
                                "engine");
    const auto cancelled = store.mark_left(StudentId("S0002"), TimeOfDay::hm(8, 45), "organizer");
    CHECK(cancelled.size() == 1);
    CHECK(interviews_with(store, InterviewStatus::cancelled).size() == 1);
    for (const auto& row : store.interviews()) {
        if (row.status == InterviewStatus::cancelled) CHECK(row.cancel_reason == "student_left");
    }
    const Fair fair = store.load_fair();
    CHECK(fair.find_student(StudentId("S0002"))->leave == TimeOfDay::hm(8, 45));
    CHECK_THROWS_AS(store.mark_left(StudentId("S9999"), TimeOfDay::hm(9, 0), "organizer"),
                    StoreError);
}

TEST_CASE("a student called but gone frees the seat when marked left, one interviewing does not") {
    Store store(":memory:", ticking_clock());
    store.import_fair(sample_fair(), "desk-1");
    store.save_planned_schedule({{StudentId("S0002"), BoothId("B02"), 0, TimeOfDay::hm(9, 0)},
                                 {StudentId("S0003"), BoothId("B02"), 0, TimeOfDay::hm(9, 15)}},
                                "engine");
    store.check_in_many({StudentId("S0002"), StudentId("S0003")}, TimeOfDay::hm(8, 50),
                        std::nullopt, "kiosk");
    InterviewId called = 0, interviewing = 0;
    for (const auto& row : store.interviews()) {
        if (row.interview.booth != BoothId("B02")) continue;  // the fixed ones are elsewhere
        (row.interview.student == StudentId("S0002") ? called : interviewing) = row.id;
    }
    REQUIRE(called != 0);
    REQUIRE(interviewing != 0);
    store.move_interview(called, InterviewStatus::called, "booth");
    store.move_interview(interviewing, InterviewStatus::called, "booth");
    store.move_interview(interviewing, InterviewStatus::in_progress, "booth");

    CHECK(store.mark_left(StudentId("S0002"), TimeOfDay::hm(9, 5), "organizer") ==
          std::vector<InterviewId>{called});
    const auto also_cancelled =
        store.mark_left(StudentId("S0003"), TimeOfDay::hm(9, 20), "organizer");
    CHECK(std::find(also_cancelled.begin(), also_cancelled.end(), interviewing) ==
          also_cancelled.end());
    for (const auto& row : store.interviews()) {
        if (row.id == called) {
            CHECK(row.status == InterviewStatus::cancelled);
            CHECK(row.cancel_reason == "student_left");
        }
        if (row.id == interviewing) CHECK(row.status == InterviewStatus::in_progress);
    }
}

TEST_CASE("the day's booth changes are stored and logged") {
    Store store(":memory:", ticking_clock());
    store.import_fair(sample_fair(), "desk-1");
    store.set_booth_paused(BoothId("B01"), TimeOfDay::hm(9, 30), "organizer");
    CHECK(store.paused_booths().at(BoothId("B01")) == TimeOfDay::hm(9, 30));
    store.set_booth_paused(BoothId("B01"), std::nullopt, "organizer");
    CHECK(store.paused_booths().empty());
    store.set_booth_close(BoothId("B02"), TimeOfDay::hm(12, 0), "organizer");
    CHECK(store.add_booth_seat(BoothId("B02"), "organizer") == 1);
    const Fair fair = store.load_fair();
    CHECK(fair.find_booth(BoothId("B02"))->close == TimeOfDay::hm(12, 0));
    CHECK(fair.find_booth(BoothId("B02"))->seats() == 2);
    CHECK_THROWS_AS(store.add_booth_seat(BoothId("B77"), "organizer"), StoreError);
    std::vector<std::string> kinds;
    for (const auto& event : store.events())
        kinds.push_back(event.kind);
    CHECK(std::count(kinds.begin(), kinds.end(), "booth.paused") == 1);
    CHECK(std::count(kinds.begin(), kinds.end(), "booth.seat_added") == 1);
    CHECK_FALSE(store.access_state_json());
    store.save_access_state(R"({"a":1})");
    store.save_access_state(R"({"a":2})");
    CHECK(store.access_state_json() == R"({"a":2})");
}
