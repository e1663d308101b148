// Online copies of the database (common/store_backup.hpp) and the standby start of a restored
// copy (Store::start_as_standby): consistent while writes go on, written aside and renamed,
// private, and a backup thread that survives its disk going away.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/store.hpp"
#include "common/store_backup.hpp"
#include "tests/unit/fair_builder.hpp"

using namespace jobfair;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// A private folder for one test, removed with everything in it when the test ends.
class TemporaryFolder {
  public:
    TemporaryFolder() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() / ("jobfair-test-backup-" + std::to_string(::getpid()) +
                                             "-" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    fs::path operator/(const std::string& name) const { return path_ / name; }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

// 200 students and 5 booths: enough rows that a copy takes several pages.
Fair fair_of_200() {
    Fair fair = testing::small_fair(8);
    for (int b = 0; b < 5; ++b)
        testing::add_booth(fair, "B0" + std::to_string(b + 1), 2);
    for (int s = 0; s < 200; ++s) {
        char id[16];
        std::snprintf(id, sizeof id, "S%04d", s + 1);
        testing::add_student(fair, id, {"B0" + std::to_string(s % 5 + 1)});
    }
    return fair;
}

void make_fair_database(const fs::path& path) {
    Store store(path);
    store.import_fair(fair_of_200(), "test");
    store.issue_tickets("test");
}

unsigned mode_of(const fs::path& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 0777;
}

ino_t inode_of(const fs::path& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_ino;
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

int count(const fs::path& database, const std::string& query) {
    SQLite::Database read(database.string(), SQLite::OPEN_READONLY);
    return read.execAndGet(query).getInt();
}

}  // namespace

TEST_CASE("a copy taken while check-ins go on is a whole consistent database") {
    TemporaryFolder folder;
    const fs::path live = folder / "fair.db";
    make_fair_database(live);

    // A writer checks students in one by one (each check-in: a row and its event, one
    // transaction) while copies are taken: every copy must hold both or neither of each.
    std::atomic<bool> done{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        Store store(live);
        for (int s = 1; s <= 200 && !done; ++s) {
            char id[16];
            std::snprintf(id, sizeof id, "S%04d", s);
            store.check_in(StudentId(id), testing::at(8, 0), std::nullopt, "kiosk");
            ++written;
        }
        done = true;
    });
    int copies = 0;
    int previous = -1;
    bool grew = false;
    while (!done || copies < 3) {
        const fs::path copy = folder / ("copy-" + std::to_string(copies % 2) + ".db");
        const DatabaseCopy made = copy_database(live, copy);
        ++copies;
        const int check_ins = count(copy, "SELECT COUNT(*) FROM check_ins");
        const int events = count(copy,
                                 "SELECT COUNT(*) FROM events WHERE kind = "
                                 "'student.checked_in'");
        CHECK(check_ins == events);
        CHECK(made.last_event == count(copy, "SELECT MAX(id) FROM events"));
        grew = grew || (previous >= 0 && check_ins > previous);
        previous = check_ins;
        Store opened(copy);
        CHECK(opened.integrity_problems().empty());
        CHECK(opened.has_fair());
    }
    writer.join();
    CHECK(written == 200);
    CHECK(copies >= 3);
    // The last copy, after the writer finished, holds every check-in.
    copy_database(live, folder / "final.db");
    CHECK(count(folder / "final.db", "SELECT COUNT(*) FROM check_ins") == 200);
    (void)grew;  // whether copies saw the count grow depends on timing: not asserted
}

TEST_CASE("a copy is written aside and renamed into place and stands alone") {
    TemporaryFolder folder;
    const fs::path live = folder / "fair.db";
    make_fair_database(live);
    const fs::path copy = folder / "fair.backup.db";

    const DatabaseCopy first = copy_database(live, copy);
    CHECK(first.path == copy);
    CHECK(first.bytes == fs::file_size(copy));
    CHECK(first.last_event > 0);
    CHECK_FALSE(fs::exists(folder / "fair.backup.db.partial"));
    // Rollback-journal mode: no -wal or -shm needed beside it, so it opens read-only anywhere.
    const std::string header = read_all(copy).substr(0, 20);
    CHECK(header[18] == 1);
    CHECK(header[19] == 1);
    CHECK_FALSE(fs::exists(folder / "fair.backup.db-wal"));

    // A reader holding the old copy keeps it whole: the new one is a new file renamed over it.
    const ino_t before = inode_of(copy);
    std::ifstream old_reader(copy, std::ios::binary);
    {
        Store store(live);
        store.check_in(StudentId("S0001"), testing::at(8, 0), std::nullopt, "kiosk");
    }
    const DatabaseCopy second = copy_database(live, copy);
    CHECK(inode_of(copy) != before);
    CHECK(second.last_event == first.last_event + 1);
    const std::string old_content{std::istreambuf_iterator<char>(old_reader), {}};
    CHECK(old_content.size() == first.bytes);
}

TEST_CASE("a failed copy leaves the earlier copy as it was and no partial file") {
    TemporaryFolder folder;
    const fs::path live = folder / "fair.db";
    make_fair_database(live);
    const fs::path copy = folder / "fair.backup.db";
    copy_database(live, copy);
    const std::string good = read_all(copy);

    // Not a database, another program's database, a missing file, the database itself.
    std::ofstream(folder / "notes.db") << "Danh sách gian hàng, không phải cơ sở dữ liệu\n";
    {
        SQLite::Database other((folder / "other.db").string(),
                               SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE t (x)");
    }
    for (const fs::path& bad : {folder / "notes.db", folder / "other.db", folder / "missing.db"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(copy_database(bad, copy), StoreError);
        CHECK(read_all(copy) == good);
        CHECK_FALSE(fs::exists(folder / "fair.backup.db.partial"));
    }
    CHECK_THROWS_WITH_AS(copy_database(folder / "notes.db", copy),
                         doctest::Contains("is not a database"), StoreError);
    CHECK_THROWS_WITH_AS(copy_database(folder / "other.db", copy),
                         doctest::Contains("is not a jobfair database"), StoreError);
    CHECK_THROWS_WITH_AS(copy_database(folder / "missing.db", copy),
                         doctest::Contains("no such database file"), StoreError);
    CHECK_THROWS_WITH_AS(copy_database(live, live), doctest::Contains("cannot replace"),
                         StoreError);
    CHECK(Store(live).has_fair());
    // A folder that does not exist (the second disk unplugged): refused, nothing left behind.
    CHECK_THROWS_AS(copy_database(live, folder / "gone" / "fair.backup.db"), StoreError);
}

TEST_CASE("copies and the files beside them are readable by their owner only") {
    TemporaryFolder folder;
    const fs::path live = folder / "fair.db";
    make_fair_database(live);
    const mode_t old_mask = ::umask(022);
    std::ofstream(folder / "key") << "00112233\n";
    ::chmod((folder / "key").c_str(), 0644);
    copy_database(live, folder / "copy.db");
    copy_private_file(folder / "key", folder / "copy.db.ticket-key");
    // An older copy with a wider mode is replaced by a private one.
    ::chmod((folder / "copy.db").c_str(), 0644);
    copy_database(live, folder / "copy.db");
    ::umask(old_mask);
    CHECK(mode_of(folder / "copy.db") == 0600);
    CHECK(mode_of(folder / "copy.db.ticket-key") == 0600);
    CHECK(read_all(folder / "copy.db.ticket-key") == "00112233\n");
    CHECK_THROWS_AS(copy_private_file(folder / "no-key", folder / "k2"), StoreError);
    CHECK_FALSE(fs::exists(folder / "k2"));
}

TEST_CASE("the backup target may be a file or a folder") {
    TemporaryFolder folder;
    CHECK(backup_path_for("/srv/fair.db", folder.path()) == folder / "fair.backup.db");
    CHECK(backup_path_for("fair.db", folder / "x.db") == folder / "x.db");
}

TEST_CASE("the backup thread logs failures and goes on when its disk goes away") {
    TemporaryFolder folder;
    const fs::path live = folder / "fair.db";
    make_fair_database(live);
    fs::create_directories(folder / "usb");
    std::ofstream(folder / "fair.db.ticket-key") << "key\n";

    std::mutex lines_mutex;
    std::vector<std::string> lines;
    PeriodicBackup::Options options;
    options.source = live;
    options.destination = folder / "usb" / "fair.backup.db";
    options.every = 20ms;
    options.log_every = 3;
    options.side_files = {
        {folder / "fair.db.ticket-key", folder / "usb" / "fair.backup.db.ticket-key"},
        {folder / "fair.db.organizer-password", folder / "usb" / "password"}};
    PeriodicBackup backup(options, [&](const std::string& line) {
        std::lock_guard lock(lines_mutex);
        lines.push_back(line);
        if (line.find("FAILED") != std::string::npos) throw std::runtime_error("log is broken");
    });
    REQUIRE(backup.wait_for_attempts(3, 10s));
    CHECK(backup.counts().copies >= 3);
    CHECK(fs::exists(folder / "usb" / "fair.backup.db.ticket-key"));
    CHECK_FALSE(fs::exists(folder / "usb" / "password"));  // no source: skipped

    // The disk is unplugged: the copies fail, are logged, and the thread goes on.
    fs::remove_all(folder / "usb");
    const int attempts = backup.counts().copies + backup.counts().failures;
    REQUIRE(backup.wait_for_attempts(attempts + 3, 10s));
    const auto failing = backup.counts();
    CHECK(failing.failures >= 3);
    CHECK(failing.failures_in_row >= 3);
    CHECK(failing.last_error.find("fair.backup.db") != std::string::npos);
    REQUIRE(failing.last);

    // It comes back: the next copy succeeds and says so.
    fs::create_directories(folder / "usb");
    const int copies = failing.copies;
    for (int i = 0; i < 500 && backup.counts().copies == copies; ++i)
        std::this_thread::sleep_for(10ms);
    CHECK(backup.counts().copies > copies);
    CHECK(backup.counts().failures_in_row == 0);
    backup.stop();
    backup.stop();  // idempotent

    std::lock_guard lock(lines_mutex);
    int failed = 0, again = 0, succeeded = 0;
    for (const std::string& line : lines) {
        failed += line.find("!!! SAO LƯU THẤT BẠI / BACKUP FAILED") != std::string::npos;
        again += line.find("backup works again") != std::string::npos;
        succeeded += line.find("bản sao / backup ") != std::string::npos;
    }
    CHECK(failed >= 3);
    CHECK(again == 1);
    // Successes are logged briefly: the first, every third and the one after the failures.
    CHECK(succeeded < backup.counts().copies);
    CHECK(lines.front().find("bản sao / backup 1 -> ") != std::string::npos);
}

TEST_CASE("stopping the backup makes one last copy that holds the last change") {
    TemporaryFolder folder;
    const fs::path live = folder / "fair.db";
    make_fair_database(live);
    PeriodicBackup::Options options;
    options.source = live;
    options.destination = folder / "copy.db";
    options.every = 1h;
    PeriodicBackup backup(options, {});
    REQUIRE(backup.wait_for_attempts(1, 10s));
    Store(live).check_in(StudentId("S0007"), testing::at(8, 15), std::nullopt, "kiosk");
    backup.stop();
    CHECK(backup.counts().copies == 2);
    CHECK(count(folder / "copy.db", "SELECT COUNT(*) FROM check_ins") == 1);
}

TEST_CASE("a private snapshot reads a database without touching it") {
    TemporaryFolder folder;
    const fs::path live = folder / "fair.db";
    make_fair_database(live);
    const auto before = fs::last_write_time(live);
    fs::path snapshot_folder;
    {
        PrivateSnapshot snapshot(live);
        snapshot_folder = snapshot.path().parent_path();
        CHECK(mode_of(snapshot_folder) == 0700);
        Store opened(snapshot.path());
        CHECK(opened.load_fair().students.size() == 200);
    }
    CHECK_FALSE(fs::exists(snapshot_folder));
    CHECK(fs::last_write_time(live) == before);
    CHECK_THROWS_AS(PrivateSnapshot(folder / "missing.db"), StoreError);
}

TEST_CASE("a standby start gives tickets and ids from round numbers above the copy's") {
    TemporaryFolder folder;
    const fs::path path = folder / "standby.db";
    make_fair_database(path);
    Store store(path);
    CHECK(store.integrity_problems().empty());
    const auto last = store.last_event();
    REQUIRE(last);
    const std::size_t tickets = store.tickets().size();
    REQUIRE(tickets == 200);

    const Store::StandbyStart start = store.start_as_standby("usb/fair.backup.db", "standby");
    CHECK(start.copy_last_event == last->id);
    CHECK(start.copy_last_event_at == last->at);
    CHECK(start.first_ticket == 1000);  // 200 issued: at least 100 free, then a round number
    CHECK(start.first_event == 10000);
    CHECK(start.first_interview == 10000);
    const auto event = store.last_event();
    REQUIRE(event);
    CHECK(event->id == 10000);
    CHECK(event->kind == "server.standby_started");
    CHECK(store.events().size() == static_cast<std::size_t>(last->id) + 1);

    // The next walk-in gets ticket 1000 (A-1000): the numbers between stay unused.
    Student walk_in;
    walk_in.name = "Trần Thị Mỹ Duyên";
    walk_in.arrive = testing::at(8, 0);
    walk_in.leave = testing::at(10, 0);
    walk_in.preferences = {BoothId("B01")};
    const auto registered =
        store.register_walk_in(walk_in, {}, "kiosk1-0001", "digest", "kiosk:Kiosk 1");
    CHECK(registered.ticket_number == 1000);
    CHECK(store.add_called_interview({registered.student, BoothId("B01"), 0, testing::at(8, 0)}, 15,
                                     "booth") == 10000);

    // Survives reopening; a second standby (the standby died too) starts higher again.
    Store reopened(path);
    REQUIRE(reopened.standby_starts().size() == 1);
    CHECK(reopened.standby_starts()[0].copy == "usb/fair.backup.db");
    const auto again = reopened.start_as_standby("copy-2.db", "standby");
    CHECK(again.first_ticket == 2000);
    CHECK(again.first_event == 20000);
    CHECK(again.first_interview == 20000);
    CHECK(reopened.standby_starts().size() == 2);
    CHECK(reopened.integrity_problems().empty());
}
