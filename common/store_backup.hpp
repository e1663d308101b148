// Online copies of the fair's database, for a standby machine (docs/standby.md).
//
// A copy is taken with SQLite's online backup API from a read-only connection of its own, in
// one step: in WAL mode that connection reads one consistent snapshot while the server's writers
// go on undisturbed (a reader never blocks a WAL writer), so check-ins are not held up. The copy
// is written to `<copy>.partial` and renamed over the copy only once complete and synced, so the
// file at the copy's path is always a whole, consistent database (or the previous one). It is
// readable by its owner only (0600): it holds students' phone numbers.
//
// `PeriodicBackup` runs the copies on a thread of its own every interval and never lets a
// failure (the second disk unplugged, full) escape: it logs it and tries again next time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "common/store.hpp"

namespace jobfair {

// What one copy wrote.
struct DatabaseCopy {
    std::filesystem::path path;
    std::uintmax_t bytes = 0;
    std::chrono::milliseconds took{0};
    EventId last_event = 0;     // 0: the database holds no event yet
    std::string last_event_at;  // ISO-8601 UTC, empty without an event
};

// Copies the jobfair database at `source` (with its WAL, read as one snapshot) to `destination`
// through `destination.partial` and a rename. The copy is a single self-contained file in
// rollback-journal mode (no -wal beside it), mode 0600. Throws StoreError naming the file and
// the reason, leaving an earlier copy at `destination` as it was; refuses a source that is not a
// jobfair database and a destination that is the source itself.
DatabaseCopy copy_database(const std::filesystem::path& source,
                           const std::filesystem::path& destination);

// Where `jobfair serve --backup-to TARGET` writes the copy of `database`: TARGET itself, or, when
// TARGET is an existing folder, TARGET/<database's stem>.backup.db ("fair.db" -> "fair.backup.db").
std::filesystem::path backup_path_for(const std::filesystem::path& database,
                                      const std::filesystem::path& target);

// Copies a small private file (a ticket key, a password file) to `to`, mode 0600, through a
// temporary file and a rename. Throws StoreError naming the file when it cannot.
void copy_private_file(const std::filesystem::path& from, const std::filesystem::path& to);

// A database copied to a private temporary folder (0700) with copy_database, removed on
// destruction: reading a copy, a live database or a dead server's disk through it changes
// nothing there, even when opening it migrates its schema.
class PrivateSnapshot {
  public:
    explicit PrivateSnapshot(const std::filesystem::path& source);  // throws StoreError
    PrivateSnapshot(const PrivateSnapshot&) = delete;
    PrivateSnapshot& operator=(const PrivateSnapshot&) = delete;
    ~PrivateSnapshot();
    const std::filesystem::path& path() const { return copy_.path; }
    const DatabaseCopy& copy() const { return copy_; }

  private:
    std::filesystem::path folder_;
    DatabaseCopy copy_;
};

// Copies a database every interval from a thread of its own (the first copy at once), each
// with the small files a standby needs beside it. Every failure is logged and never stops the
// caller; successes are logged briefly (the first, every `log_every`th, and the first after a
// failure). Stopping (or destruction) makes one last copy, so a clean stop leaves a current one.
class PeriodicBackup {
  public:
    struct Options {
        std::filesystem::path source;
        std::filesystem::path destination;
        std::chrono::milliseconds every{std::chrono::seconds(60)};
        int log_every = 10;
        // Copied with each copy when the source file exists (from, to), e.g. the ticket key.
        std::vector<std::pair<std::filesystem::path, std::filesystem::path>> side_files;
    };
    using Log = std::function<void(const std::string& line)>;

    // What the thread has done so far.
    struct Counts {
        int copies = 0;
        int failures = 0;
        int failures_in_row = 0;
        std::optional<DatabaseCopy> last;  // the last good copy
        std::chrono::system_clock::time_point last_at{};
        std::string last_error;
    };

    PeriodicBackup(Options options, Log log);
    PeriodicBackup(const PeriodicBackup&) = delete;
    PeriodicBackup& operator=(const PeriodicBackup&) = delete;
    ~PeriodicBackup();

    // Ends the thread after one last copy (waiting for a copy under way); idempotent.
    void stop();
    Counts counts() const;
    // Blocks until `copies + failures` reaches `attempts` or `timeout` passes; for tests.
    bool wait_for_attempts(int attempts, std::chrono::milliseconds timeout) const;

  private:
    void run();
    void attempt();

    Options options_;
    Log log_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    bool stopping_ = false;
    Counts counts_;
    std::thread thread_;
};

}  // namespace jobfair
