// When the fair's server dies (docs/standby.md):
//   `jobfair standby --from COPY --db NEW.db [--ticket-key FILE] [--max-age MINUTES]
//                    [--dead DEAD.db] [--listen HOST:PORT]`
//       checks the online copy (a jobfair database with a fair, sound, recent), puts it in place
//       as NEW.db (0600) with the ticket key and organizer password file beside it, makes it the
//       standby's (Store::start_as_standby), prints what it holds and what may have been lost,
//       and the `jobfair serve` command to run next
//   `jobfair lost --copy COPY [--dead DEAD.db]`
//       what the copy lacks of the dead server's database, grouped by what to redo; without the
//       dead disk, the copy's last event, from which things may have been lost
// Both read their inputs through private snapshots and change nothing when they refuse.
// Exit 0: done (standby: also when the dead disk named by --dead cannot be read, said above the
// next step); 1: refused (a damaged, empty or old copy; lost: an unreadable dead database);
// 2: a file missing, not a database, or not writable, or bad options.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/fair_date.hpp"
#include "common/store.hpp"
#include "common/store_backup.hpp"
#include "common/ticket.hpp"
#include "common/utc_time.hpp"
#include "scheduler/cli/commands.hpp"
#include "scheduler/reports/lost_events.hpp"

namespace jobfair::cli {

namespace {

namespace fs = std::filesystem;

constexpr int kExitRefused = 1;
constexpr int kExitUnusable = 2;

struct StandbyOptions {
    std::string from;
    std::string database_path;
    std::string ticket_key;  // empty: FROM.ticket-key
    std::string dead;        // empty: the dead disk cannot be read
    int max_age_minutes = 10;
    std::string listen = "0.0.0.0:8080";
};

struct LostOptions {
    std::string copy;
    std::string dead;
};

[[noreturn]] void fail(std::string_view command, std::string_view message, int exit_code) {
    std::cerr << "jobfair " << command << ": " << message << '\n';
    throw CLI::RuntimeError(exit_code);
}

bool file_exists(const fs::path& path) {
    std::error_code error;
    return fs::exists(path, error);
}

fs::path with_suffix(const fs::path& path, const std::string& suffix) {
    return fs::path(path.string() + suffix);
}

void remove_database_files(const fs::path& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".partial", ".partial-journal"})
        fs::remove(with_suffix(path, suffix), ignored);
}

std::string local_clock(std::chrono::system_clock::time_point time) {
    return local_time_of(iso_utc(time));
}

std::string minutes_ago(std::chrono::system_clock::time_point then) {
    const auto minutes =
        std::chrono::duration_cast<std::chrono::minutes>(std::chrono::system_clock::now() - then)
            .count();
    return std::to_string(minutes) + " phút trước / min ago";
}

std::optional<std::chrono::system_clock::time_point> written_at(const fs::path& path) {
    std::error_code error;
    const auto time = fs::last_write_time(path, error);
    if (error) return std::nullopt;
    return std::chrono::file_clock::to_sys(time);
}

int count_status(const FairSummary& summary, InterviewStatus status) {
    for (const auto& [known, count] : summary.interviews_by_status)
        if (known == status) return count;
    return 0;
}

// The dead server's database compared with `copy`, or why it could not be read.
std::string lost_list(const fs::path& dead, const Store& copy, bool& dead_unreadable) {
    try {
        const PrivateSnapshot snapshot(dead);
        const Store old_store(snapshot.path());
        return format_lost_list(compare_event_logs(old_store, copy));
    } catch (const StoreError& error) {
        dead_unreadable = true;
        return std::string(
                   "Không đọc được cơ sở dữ liệu của máy chủ đã dừng / cannot read the "
                   "dead server's database: ") +
               error.what() + "\n" + format_copy_end(copy.last_event());
    }
}

// What a standby needs checked before anything is written; refusals leave every file as it was.
void check_standby_inputs(const StandbyOptions& options, const fs::path& key_path) {
    constexpr std::string_view kCommand = "standby";
    std::error_code error;
    if (!fs::is_regular_file(options.from, error)) {
        fail(kCommand,
             "không có bản sao / no such copy: " + options.from +
                 " (đĩa đã gắn chưa? đường dẫn đúng chưa? / is the disk mounted? is the path "
                 "right?)",
             kExitUnusable);
    }
    if (!options.dead.empty() && !fs::is_regular_file(options.dead, error)) {
        fail(kCommand,
             "không có tệp của máy chủ đã dừng / no such file of the dead server: " + options.dead +
                 " (bỏ --dead nếu đĩa không đọc được / leave --dead out when its "
                 "disk cannot be read)",
             kExitUnusable);
    }
    const fs::path target(options.database_path);
    for (const char* suffix : {"", "-wal", "-shm"}) {
        if (file_exists(with_suffix(target, suffix))) {
            fail(kCommand,
                 "đã có tệp / already exists: " + with_suffix(target, suffix).string() +
                     ". Chọn tên khác cho máy dự phòng; không ghi đè / choose another name for the "
                     "standby's database; nothing is overwritten",
                 kExitUnusable);
        }
    }
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(folder, error) || ::access(folder.c_str(), W_OK) != 0) {
        fail(kCommand,
             "không ghi được vào thư mục / cannot write into the folder " + folder.string(),
             kExitUnusable);
    }
    if (!fs::is_regular_file(key_path, error)) {
        fail(kCommand,
             "không tìm thấy khoá vé / no ticket key at " + key_path.string() +
                 ". Không có khoá của máy chủ cũ thì mọi vé đã in đều bị từ chối: chép tệp "
                 "DB.ticket-key của máy chủ (serve --backup-to chép nó cạnh bản sao) rồi chỉ "
                 "--ticket-key TỆP / Without the dead server's key every printed ticket would be "
                 "refused: copy the server's DB.ticket-key (serve --backup-to copies it beside the "
                 "copy) and pass --ticket-key FILE",
             kExitUnusable);
    }
    try {
        (void)TicketKey::load_or_create(key_path);  // exists: only reads and checks it
    } catch (const TicketKeyError& key_error) {
        fail(kCommand, std::string("khoá vé hỏng / unusable ticket key: ") + key_error.what(),
             kExitUnusable);
    }
    const fs::path target_key = with_suffix(target, ".ticket-key");
    if (file_exists(target_key) && !fs::equivalent(target_key, key_path, error)) {
        fail(kCommand,
             "đã có khoá vé khác / another ticket key already exists: " + target_key.string() +
                 "; không ghi đè / nothing is overwritten",
             kExitUnusable);
    }
}

void run_standby(const StandbyOptions& options) {
    constexpr std::string_view kCommand = "standby";
    const fs::path target(options.database_path);
    const fs::path key_path = options.ticket_key.empty() ? with_suffix(options.from, ".ticket-key")
                                                         : fs::path(options.ticket_key);
    check_standby_inputs(options, key_path);

    // Everything happens on a file beside the target, renamed into place once it all passed.
    const fs::path checking = with_suffix(target, ".standby-check");
    remove_database_files(checking);
    std::string report;
    try {
        copy_database(options.from, checking);
    } catch (const StoreError& error) {
        remove_database_files(checking);
        fail(kCommand,
             std::string("bản sao không dùng được / the copy cannot be used: ") + error.what(),
             kExitUnusable);
    }
    // Refusals leave the store's scope first: the checked file is removed once it is closed.
    struct Refusal {
        std::string message;
    };
    const auto refuse = [](const std::string& message) { throw Refusal{message}; };
    bool dead_unreadable = false;
    try {
        Store store(checking);
        if (!store.has_fair()) {
            refuse("bản sao không chứa hội chợ nào / the copy holds no fair: " + options.from);
        }
        const auto problems = store.integrity_problems();
        if (!problems.empty()) {
            std::string list;
            for (size_t i = 0; i < problems.size() && i < 10; ++i)
                list += "\n  " + problems[i];
            refuse("bản sao bị hỏng, không dùng / the copy is damaged, not used: " + options.from +
                   list);
        }
        const auto last = store.last_event();
        const auto last_at = last ? parse_utc_timestamp(last->at) : std::nullopt;
        if (options.max_age_minutes > 0 && last_at &&
            std::chrono::system_clock::now() - *last_at >
                std::chrono::minutes(options.max_age_minutes)) {
            const auto written = written_at(options.from);
            refuse(
                "bản sao đã cũ / the copy is old: sự kiện cuối lúc / its last event was at " +
                local_clock(*last_at) + " (" + minutes_ago(*last_at) + ")" +
                (written ? ", tệp ghi lúc / file written at " + local_clock(*written) : "") +
                ". Nếu từ đó hội chợ không có gì xảy ra, hoặc không có bản nào mới hơn, chạy lại "
                "với --max-age 0 / If nothing happened at the fair since, or there is no newer "
                "copy, run again with --max-age 0");
        }
        const std::string lost = options.dead.empty()
                                     ? format_copy_end(last)
                                     : lost_list(options.dead, store, dead_unreadable);
        const Store::StandbyStart start = store.start_as_standby(options.from, "standby");

        const Fair fair = store.load_fair();
        const FairSummary summary = store.summary();
        int walk_ins = 0;
        for (const auto& [student, details] : store.all_student_details())
            walk_ins += details.registered_via == "walk_in";
        report += "Máy dự phòng sẵn sàng / Standby ready: " + target.string() + " (0600)\n";
        report += "  Hội chợ / Fair: " + fair.settings.name + " · " +
                  fair_date_line(fair.settings.date) + "\n";
        report += "  Bản sao / Copy: " + options.from;
        if (const auto written = written_at(options.from)) {
            report += " (ghi lúc / written at " + local_clock(*written) + ")";
        }
        report += "\n  Sự kiện cuối / Last event: ";
        report += last ? "#" + std::to_string(last->id) + " " + last->kind + " lúc / at " +
                             local_time_of(last->at) +
                             (last_at ? " (" + minutes_ago(*last_at) + ")" : "")
                       : "chưa có / none";
        report += "\n  Check-in: " + std::to_string(store.check_ins().size()) +
                  " · Đăng ký tại chỗ / walk-ins: " + std::to_string(walk_ins) +
                  " · Vé / tickets: " + std::to_string(store.tickets().size()) + "\n";
        report += "  Phỏng vấn / Interviews: đã xong / done " +
                  std::to_string(count_status(summary, InterviewStatus::done)) +
                  " · đang phỏng vấn / in progress " +
                  std::to_string(count_status(summary, InterviewStatus::in_progress)) +
                  " · đang gọi / called " +
                  std::to_string(count_status(summary, InterviewStatus::called)) +
                  " · đã hẹn / promised " +
                  std::to_string(count_status(summary, InterviewStatus::promised)) +
                  " · vắng / no-show " +
                  std::to_string(count_status(summary, InterviewStatus::no_show)) + "\n";
        report += "  Vé mới từ / New tickets from " + ticket_label(start.first_ticket) +
                  "; sự kiện từ / events from #" + std::to_string(start.first_event) +
                  "; vé máy cũ in sau bản sao bị từ chối / tickets the dead server printed after "
                  "the copy are refused\n\n";
        report += lost;
    } catch (const Refusal& refusal) {
        remove_database_files(checking);
        fail(kCommand, refusal.message, kExitRefused);
    } catch (const StoreError& error) {
        remove_database_files(checking);
        fail(kCommand,
             std::string("bản sao không dùng được / the copy cannot be used: ") + error.what(),
             kExitRefused);
    }

    // The store is closed: its WAL is checkpointed into the file. The key first, then the
    // database: a standby database in place always has its ticket key beside it.
    std::error_code error;
    const fs::path target_key = with_suffix(target, ".ticket-key");
    const fs::path password = with_suffix(options.from, ".organizer-password");
    const fs::path target_password = with_suffix(target, ".organizer-password");
    std::vector<fs::path> written;
    const auto undo = [&] {
        remove_database_files(checking);
        for (const fs::path& path : written)
            fs::remove(path, error);
    };
    try {
        if (!fs::equivalent(target_key, key_path, error)) {
            copy_private_file(key_path, target_key);
            written.push_back(target_key);
        }
        if (file_exists(password) && !file_exists(target_password)) {
            copy_private_file(password, target_password);
            written.push_back(target_password);
        }
    } catch (const StoreError& copy_error) {
        undo();
        fail(kCommand, copy_error.what(), kExitUnusable);
    }
    fs::remove(with_suffix(checking, "-shm"), error);
    if (file_exists(with_suffix(checking, "-wal"))) {
        fs::rename(with_suffix(checking, "-wal"), with_suffix(target, "-wal"), error);
        written.push_back(with_suffix(target, "-wal"));
    }
    fs::rename(checking, target, error);
    if (error) {
        const std::string reason = error.message();
        undo();
        fail(kCommand, "không đổi tên được / cannot rename to " + target.string() + ": " + reason,
             kExitUnusable);
    }

    std::cout << report;
    std::cout << "\n  Khoá vé / Ticket key: " << target_key.string() << '\n';
    std::cout << "  Mật khẩu ban tổ chức: như máy chủ cũ / Organizer password: the dead server's"
              << (file_exists(target_password) ? " (" + target_password.string() + ")"
                                               : std::string())
              << "\n\nBước tiếp theo / Next step (docs/standby.md):\n  jobfair serve --db "
              << target.string() << " --listen " << options.listen << "\n";
    // An unreadable dead disk was said above; the standby is ready all the same: exit 0.
    (void)dead_unreadable;
}

void run_lost(const LostOptions& options) {
    constexpr std::string_view kCommand = "lost";
    std::error_code error;
    if (!fs::is_regular_file(options.copy, error)) {
        fail(kCommand, "không có bản sao / no such copy: " + options.copy, kExitUnusable);
    }
    if (!options.dead.empty() && !fs::is_regular_file(options.dead, error)) {
        fail(kCommand,
             "không có tệp của máy chủ đã dừng / no such file of the dead server: " + options.dead,
             kExitUnusable);
    }
    try {
        const PrivateSnapshot copy_snapshot(options.copy);
        const Store copy(copy_snapshot.path());
        if (options.dead.empty()) {
            std::cout << format_copy_end(copy.last_event());
            return;
        }
        bool dead_unreadable = false;
        std::cout << lost_list(options.dead, copy, dead_unreadable);
        if (dead_unreadable) throw CLI::RuntimeError(kExitRefused);
    } catch (const StoreError& store_error) {
        fail(kCommand,
             std::string("bản sao không đọc được / cannot read the copy: ") + store_error.what(),
             kExitUnusable);
    }
}

}  // namespace

void add_standby_commands(CLI::App& app) {
    auto standby = std::make_shared<StandbyOptions>();
    CLI::App* start = app.add_subcommand(
        "standby", "Start a standby server's database from the online copy (docs/standby.md)");
    start->add_option("--from", standby->from, "the online copy (serve --backup-to)")->required();
    start->add_option("--db", standby->database_path, "the standby's new database file")
        ->required();
    start->add_option("--ticket-key", standby->ticket_key,
                      "the dead server's ticket key (default: COPY.ticket-key)");
    start
        ->add_option("--max-age", standby->max_age_minutes,
                     "refuse a copy whose last event is older than this many minutes (0: any)")
        ->check(CLI::Range(0, 100000))
        ->capture_default_str();
    start->add_option("--dead", standby->dead,
                      "the dead server's database, when its disk can be read: lists what was lost");
    start->add_option("--listen", standby->listen, "HOST:PORT for the printed serve command")
        ->capture_default_str();
    start->callback([standby] { run_standby(*standby); });

    auto lost = std::make_shared<LostOptions>();
    CLI::App* compare = app.add_subcommand(
        "lost", "What the online copy lacks of the dead server's database (docs/standby.md)");
    compare->add_option("--copy", lost->copy, "the online copy, or the standby's database")
        ->required();
    compare->add_option("--dead", lost->dead, "the dead server's database (with its -wal)");
    compare->callback([lost] { run_lost(*lost); });
}

}  // namespace jobfair::cli
