// The online copy's options and thread for `jobfair serve` (serve_backup.hpp).
#include "scheduler/cli/serve_backup.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

namespace jobfair::cli {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void refuse(const std::string& message) {
    std::cerr << "jobfair serve: " << message << '\n';
    throw CLI::RuntimeError(2);
}

bool same_device(const fs::path& a, const fs::path& b) {
    struct stat first {};
    struct stat second {};
    return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
           first.st_dev == second.st_dev;
}

fs::path folder_of(const fs::path& file) {
    return file.parent_path().empty() ? fs::path(".") : file.parent_path();
}

}  // namespace

void add_serve_backup_options(CLI::App& serve, ServeBackupOptions& options) {
    serve.add_option("--backup-to", options.to,
                     "copy the database every --backup-every seconds to this file, or into this "
                     "folder as DB-NAME.backup.db; best on another disk (docs/standby.md)");
    serve.add_option("--backup-every", options.every_seconds, "seconds between two copies")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
}

std::unique_ptr<PeriodicBackup> start_serve_backup(const ServeBackupOptions& options,
                                                   const std::string& database_path,
                                                   const std::string& ticket_key_path) {
    if (options.to.empty()) return nullptr;
    PeriodicBackup::Options backup;
    backup.source = database_path;
    backup.destination = backup_path_for(database_path, options.to);
    backup.every = std::chrono::seconds(options.every_seconds);
    const fs::path folder = folder_of(backup.destination);
    std::error_code error;
    // A typo is told now, while the organizer is at the console; a disk lost later is logged.
    if (!fs::is_directory(folder, error) || ::access(folder.c_str(), W_OK) != 0) {
        refuse("--backup-to: không ghi được vào thư mục / cannot write into the folder " +
               folder.string() +
               " (nó có tồn tại không? đĩa đã gắn chưa? / does it exist? is the "
               "disk mounted?)");
    }
    if (fs::equivalent(backup.source, backup.destination, error)) {
        refuse(
            "--backup-to: bản sao không được là chính cơ sở dữ liệu / the copy cannot be the "
            "database itself: " +
            backup.destination.string());
    }
    const std::string key =
        ticket_key_path.empty() ? database_path + ".ticket-key" : ticket_key_path;
    const std::string copy = backup.destination.string();
    backup.side_files = {{key, copy + ".ticket-key"},
                         {database_path + ".organizer-password", copy + ".organizer-password"}};
    std::cout << "Sao lưu trực tuyến mỗi / Online copy every " << options.every_seconds << " s -> "
              << copy << " (kèm khoá vé / with the ticket key beside it)" << std::endl;
    if (same_device(folder, folder_of(database_path))) {
        std::cerr << "jobfair serve: chú ý / note: bản sao nằm trên cùng đĩa với cơ sở dữ liệu; "
                     "đĩa hỏng thì mất cả hai / the copy is on the same disk as the database: a "
                     "dead disk takes both (docs/standby.md)\n";
    }
    return std::make_unique<PeriodicBackup>(std::move(backup), [](const std::string& line) {
        std::cerr << "jobfair serve: " << line << std::endl;
    });
}

}  // namespace jobfair::cli
