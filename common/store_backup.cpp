// Online copies of the fair's database (store_backup.hpp). Besides store.cpp, the one file that
// speaks to SQLite: the backup API, two pragmas and the copy's last event.
#include "common/store_backup.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <sstream>

namespace jobfair {

namespace {

namespace fs = std::filesystem;

constexpr int kApplicationId = 0x4A464149;  // 'JFAI', as store.cpp writes it
constexpr int kBusyTimeoutMs = 5000;
constexpr int kBusyRetries = 40;  // x 50 ms: a source locked longer than that is an error
constexpr std::uintmax_t kMaxPrivateFileBytes = 1 << 20;

std::string quoted(const fs::path& path) {
    return "\"" + path.string() + "\"";
}

std::string system_error(const std::string& doing, const fs::path& path) {
    return doing + " " + quoted(path) + ": " + std::strerror(errno);
}

fs::path with_suffix(const fs::path& path, const std::string& suffix) {
    return fs::path(path.string() + suffix);
}

// A new empty file only its owner can read; an old one of that name is replaced.
void create_private(const fs::path& path) {
    std::error_code ignored;
    fs::remove(path, ignored);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw StoreError(system_error("không tạo được tệp / cannot create", path));
    }
    ::close(fd);
}

void sync_file(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw StoreError(system_error("không mở được / cannot open", path));
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) throw StoreError(system_error("không ghi xuống đĩa được / cannot sync", path));
}

// The rename itself reaches the disk only once its folder is synced.
void sync_folder(const fs::path& file) {
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;  // some file systems cannot open folders; the rename still happened
    ::fsync(fd);
    ::close(fd);
}

void rename_into_place(const fs::path& from, const fs::path& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) {
        throw StoreError(system_error("không đổi tên được thành / cannot rename to", to));
    }
    sync_folder(to);
}

void remove_partial(const fs::path& partial) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    fs::remove(with_suffix(partial, "-journal"), ignored);
}

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code error;
    return fs::equivalent(a, b, error) && !error;
}

void copy_pages(SQLite::Database& destination, SQLite::Database& source) {
    SQLite::Backup backup(destination, source);
    // One step holds one read snapshot of the source for the whole copy. Smaller steps would
    // release it between steps, and any write by the server meanwhile restarts the copy.
    for (int busy = 0;;) {
        const int result = backup.executeStep(-1);
        if (result == SQLITE_DONE) return;
        if (result != SQLITE_BUSY && result != SQLITE_LOCKED) continue;
        if (++busy > kBusyRetries) {
            throw StoreError("cơ sở dữ liệu bị khoá quá lâu / the database stayed locked");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

std::string local_clock(std::chrono::system_clock::time_point time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

std::string megabytes(std::uintmax_t bytes) {
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
    return out.str();
}

}  // namespace

DatabaseCopy copy_database(const fs::path& source, const fs::path& destination) {
    const auto started = std::chrono::steady_clock::now();
    std::error_code error;
    if (!fs::is_regular_file(source, error)) {
        throw StoreError("không có tệp cơ sở dữ liệu / no such database file: " + quoted(source));
    }
    if (same_file(source, destination)) {
        throw StoreError(
            "bản sao không được ghi đè chính cơ sở dữ liệu / the copy cannot replace "
            "the database itself: " +
            quoted(destination));
    }
    const fs::path partial = with_suffix(destination, ".partial");
    DatabaseCopy copy;
    copy.path = destination;
    try {
        SQLite::Database from(source.string(), SQLite::OPEN_READONLY, kBusyTimeoutMs);
        if (from.execAndGet("PRAGMA application_id").getInt() != kApplicationId) {
            throw StoreError(quoted(source) +
                             " không phải cơ sở dữ liệu jobfair / is not a jobfair database");
        }
        create_private(partial);
        {
            SQLite::Database to(partial.string(), SQLite::OPEN_READWRITE, kBusyTimeoutMs);
            copy_pages(to, from);
            {
                SQLite::Statement last(to, "SELECT id, at FROM events ORDER BY id DESC LIMIT 1");
                if (last.executeStep()) {
                    copy.last_event = last.getColumn(0).getInt64();
                    copy.last_event_at = last.getColumn(1).getString();
                }
            }  // finished: the journal mode cannot change while a statement reads
            // The pages carry the source's WAL flag; a rollback-journal file stands alone, so
            // the copy can be carried, read and opened anywhere without a -wal beside it.
            to.exec("PRAGMA journal_mode = DELETE");
        }
        sync_file(partial);
        rename_into_place(partial, destination);
    } catch (const SQLite::Exception& sqlite_error) {
        remove_partial(partial);
        if (sqlite_error.getErrorCode() == SQLITE_NOTADB) {
            throw StoreError(quoted(source) + " không phải cơ sở dữ liệu / is not a database");
        }
        throw StoreError("không sao được / cannot copy " + quoted(source) + " to " +
                         quoted(destination) + ": " + sqlite_error.what());
    } catch (...) {
        remove_partial(partial);
        throw;
    }
    copy.bytes = fs::file_size(destination, error);
    copy.took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    return copy;
}

fs::path backup_path_for(const fs::path& database, const fs::path& target) {
    std::error_code error;
    if (fs::is_directory(target, error)) {
        return target / (database.stem().string() + ".backup.db");
    }
    return target;
}

void copy_private_file(const fs::path& from, const fs::path& to) {
    std::error_code error;
    const auto size = fs::file_size(from, error);
    if (error) throw StoreError("không đọc được / cannot read " + quoted(from));
    if (size > kMaxPrivateFileBytes) {
        throw StoreError(quoted(from) + " quá lớn / is too large for a key or password file");
    }
    std::ifstream in(from, std::ios::binary);
    const std::string content{std::istreambuf_iterator<char>(in), {}};
    if (!in && !in.eof()) throw StoreError("không đọc được / cannot read " + quoted(from));

    const fs::path partial = with_suffix(to, ".partial");
    try {
        create_private(partial);
        const int fd = ::open(partial.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) throw StoreError(system_error("không mở được / cannot open", partial));
        const bool written =
            ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
            ::fsync(fd) == 0;
        ::close(fd);
        if (!written) throw StoreError(system_error("không ghi được / cannot write", partial));
        rename_into_place(partial, to);
    } catch (...) {
        fs::remove(partial, error);
        throw;
    }
}

PrivateSnapshot::PrivateSnapshot(const fs::path& source) {
    std::error_code error;
    fs::path temporary = fs::temp_directory_path(error);
    if (error) temporary = "/tmp";
    std::string pattern = (temporary / "jobfair-snapshot.XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {  // 0700
        throw StoreError(
            system_error("không tạo được thư mục tạm / cannot create a folder in", temporary));
    }
    folder_ = pattern;
    try {
        copy_ = copy_database(source, folder_ / "snapshot.db");
    } catch (...) {
        fs::remove_all(folder_, error);
        throw;
    }
}

PrivateSnapshot::~PrivateSnapshot() {
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
}

// ---------------------------------------------------------------------------------------------
// PeriodicBackup

PeriodicBackup::PeriodicBackup(Options options, Log log)
    : options_(std::move(options)), log_(std::move(log)) {
    thread_ = std::thread([this] { run(); });
}

PeriodicBackup::~PeriodicBackup() {
    stop();
}

void PeriodicBackup::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

PeriodicBackup::Counts PeriodicBackup::counts() const {
    std::lock_guard lock(mutex_);
    return counts_;
}

bool PeriodicBackup::wait_for_attempts(int attempts, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout,
                             [&] { return counts_.copies + counts_.failures >= attempts; });
}

void PeriodicBackup::run() {
    for (;;) {
        attempt();
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, options_.every, [&] { return stopping_; });
        if (stopping_) break;
    }
    attempt();  // the last copy: a clean stop leaves a current one
}

void PeriodicBackup::attempt() {
    std::optional<DatabaseCopy> copy;
    std::string error;
    // Nothing may escape this thread: an exception here would end the whole server.
    try {
        copy = copy_database(options_.source, options_.destination);
        for (const auto& [from, to] : options_.side_files) {
            std::error_code missing;
            if (fs::exists(from, missing)) copy_private_file(from, to);
        }
    } catch (const std::exception& failure) {
        error = failure.what();
    } catch (...) {
        error = "lỗi không rõ / unknown error";
    }

    std::string line;
    {
        std::lock_guard lock(mutex_);
        const auto now = std::chrono::system_clock::now();
        if (error.empty()) {
            const bool recovered = counts_.failures_in_row > 0;
            ++counts_.copies;
            counts_.failures_in_row = 0;
            counts_.last = copy;
            counts_.last_at = now;
            const int every = std::max(1, options_.log_every);
            if (counts_.copies == 1 || counts_.copies % every == 0 || recovered) {
                line = std::string(recovered ? "sao lưu chạy lại / backup works again: " : "") +
                       "bản sao / backup " + std::to_string(counts_.copies) + " -> " +
                       copy->path.string() + " (" + megabytes(copy->bytes) + ", " +
                       std::to_string(copy->took.count()) + " ms, sự kiện cuối / last event " +
                       std::to_string(copy->last_event) + ")";
            }
        } else {
            ++counts_.failures;
            ++counts_.failures_in_row;
            counts_.last_error = error;
            const std::string last_good =
                counts_.last ? local_clock(counts_.last_at) + " (" +
                                   std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                                      now - counts_.last_at)
                                                      .count()) +
                                   " s)"
                             : "chưa có / none yet";
            line = "!!! SAO LƯU THẤT BẠI / BACKUP FAILED (" +
                   std::to_string(counts_.failures_in_row) + " lần liên tiếp / in a row) -> " +
                   options_.destination.string() + ": " + error +
                   ". Hội chợ vẫn chạy; sẽ thử lại / The fair goes on; trying again. "
                   "Bản sao tốt gần nhất / last good copy: " +
                   last_good;
        }
    }
    changed_.notify_all();
    if (line.empty() || !log_) return;
    try {
        log_(line);
    } catch (...) {  // a log that cannot be written must not end the server either
    }
}

}  // namespace jobfair
