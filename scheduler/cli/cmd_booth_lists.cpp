// `jobfair booth-lists --db FILE --out DIR [--now HH:MM]`: the paper fallback, one printable
// page per booth (scheduler/reports/booth_lists.hpp) with an index and one file holding them all.
// Reads the database through a private snapshot, so it works on a live server's database, an online
// copy or a dead server's disk alike and changes none of them.
// Exit 0: written; 1: no fair in the database; 2: unreadable database or unwritable folder.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "common/store.hpp"
#include "common/store_backup.hpp"
#include "scheduler/cli/commands.hpp"
#include "scheduler/reports/booth_lists.hpp"

namespace jobfair::cli {

namespace {

struct BoothListsOptions {
    std::string database_path;
    std::string output_dir;
    std::string now;  // HH:MM; empty: nobody left out of the standby queues
};

[[noreturn]] void fail(std::string_view message, int exit_code) {
    std::cerr << "jobfair booth-lists: " << message << '\n';
    throw CLI::RuntimeError(exit_code);
}

void run_booth_lists(const BoothListsOptions& options) {
    std::optional<TimeOfDay> now;
    if (!options.now.empty()) {
        now = TimeOfDay::parse(options.now);
        if (!now) fail("--now cần dạng HH:MM / takes HH:MM, e.g. 09:45, not " + options.now, 2);
    }
    std::error_code error;
    if (!std::filesystem::is_regular_file(options.database_path, error)) {
        fail("không có tệp / no such file: " + options.database_path, 2);
    }
    std::vector<reports::BoothListFile> files;
    try {
        const PrivateSnapshot snapshot(options.database_path);
        const Store store(snapshot.path());
        if (!store.has_fair()) {
            fail("cơ sở dữ liệu không chứa hội chợ nào / the database holds no fair: " +
                     options.database_path,
                 1);
        }
        files = reports::booth_lists(store, now);
    } catch (const StoreError& store_error) {
        fail(store_error.what(), 2);
    }
    const std::filesystem::path folder(options.output_dir);
    std::filesystem::create_directories(folder, error);
    if (error)
        fail("không tạo được / cannot create " + folder.string() + ": " + error.message(), 2);
    for (const auto& file : files) {
        const auto path = folder / file.name;
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << file.html;
        out.close();
        if (!out) fail("không ghi được / cannot write " + path.string(), 2);
    }
    std::cout << "Đã ghi / wrote " << files.size() - 2 << " danh sách gian hàng / booth lists, "
              << (folder / "tat-ca-all.html").string() << " (in tất cả / print all) và / and "
              << (folder / "index.html").string() << '\n';
}

}  // namespace

void add_booth_lists_command(CLI::App& app) {
    auto options = std::make_shared<BoothListsOptions>();
    CLI::App* sub = app.add_subcommand(
        "booth-lists", "Printable per-booth lists of the morning: the paper fallback (HTML, A4)");
    sub->add_option("--db", options->database_path,
                    "the fair's database, an online copy or a dead server's")
        ->required();
    sub->add_option("--out", options->output_dir, "the folder to write into")->required();
    sub->add_option("--now", options->now,
                    "fair time HH:MM: leave students whose day ended out of the standby queues");
    sub->callback([options] { run_booth_lists(*options); });
}

}  // namespace jobfair::cli
