// The day's files and the schools' lists from the command line:
//   `jobfair export-day --db FILE --out DIR [--now HH:MM]`
//       writes the day's exports and the summary (scheduler/reports/reports.hpp) into DIR, and
//       each enterprise's follow-up list into DIR/follow-up/ (scheduler/reports/follow_up.hpp);
//       --now is the fair clock the summary states (default: the end of the fair's day)
//   `jobfair import-details --db FILE --csv FILE`
//       records phones and schools of pre-registered students (common/student_details_csv.hpp)
// Exit 0: done; 1: the store refused (no fair, unknown students, a walk-in named); 2: unreadable
// input, bad options or unwritable output.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/fair_workbook/write.hpp"
#include "common/store.hpp"
#include "common/student_details_csv.hpp"
#include "scheduler/cli/commands.hpp"
#include "scheduler/reports/follow_up.hpp"
#include "scheduler/reports/reports.hpp"

namespace jobfair::cli {

namespace {

constexpr int kExitRefused = 1;
constexpr int kExitUnusable = 2;
constexpr std::string_view kActor = "cli";

struct ExportDayOptions {
    std::string database_path;
    std::string output_dir;
    std::string now;  // HH:MM; empty: the end of the fair's day
};

struct ImportDetailsOptions {
    std::string database_path;
    std::string csv_path;
};

[[noreturn]] void fail(std::string_view command, std::string_view message, int exit_code) {
    std::cerr << "jobfair " << command << ": " << message << '\n';
    throw CLI::RuntimeError(exit_code);
}

void run_export_day(const ExportDayOptions& options) {
    constexpr std::string_view kCommand = "export-day";
    std::optional<TimeOfDay> now;
    if (!options.now.empty()) {
        now = TimeOfDay::parse(options.now);
        if (!now)
            fail(kCommand, "--now takes HH:MM, e.g. 11:45, not " + options.now, kExitUnusable);
    }
    const std::filesystem::path folder(options.output_dir);
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
        fail(kCommand, "cannot create " + folder.string() + ": " + error.message(), kExitUnusable);
    }
    try {
        const Store store(options.database_path);
        if (!now) now = store.load_fair().settings.grid.day_end;
        for (std::string_view name : reports::export_names()) {
            const auto file = reports::render_export(store, name, *now);
            const std::filesystem::path path = folder / std::string(name);
            std::ofstream out(path, std::ios::binary | std::ios::trunc);
            out << file->content;
            out.close();
            if (!out) fail(kCommand, "cannot write " + path.string(), kExitUnusable);
            std::cout << "wrote " << path.string() << " (" << file->content.size() << " bytes, "
                      << file->content_type << ")\n";
        }
        // Each enterprise's follow-up list: its interviewees, phones only where consented.
        const std::filesystem::path follow_up = folder / "follow-up";
        std::filesystem::create_directories(follow_up, error);
        if (error) {
            fail(kCommand,
                 "không tạo được thư mục / cannot create " + follow_up.string() + ": " +
                     error.message(),
                 kExitUnusable);
        }
        const std::string fair_name = store.load_fair().settings.name;
        int lists = 0, rows = 0, phones = 0;
        for (const reports::FollowUpList& list : reports::follow_up_lists(store)) {
            try {
                sheets::write_list_book(reports::follow_up_sheet(list, fair_name),
                                        follow_up / list.file_name);
            } catch (const sheets::WorkbookWriteError& write_error) {
                fail(kCommand, write_error.what(), kExitUnusable);
            }
            ++lists;
            rows += static_cast<int>(list.rows.size());
            for (const auto& row : list.rows)
                phones += row.phone.has_value();
        }
        std::cout << "wrote " << lists << " follow-up lists into " << follow_up.string() << " ("
                  << rows << " interviewees, " << phones << " phones given with consent)\n";
    } catch (const StoreError& store_error) {
        fail(kCommand, store_error.what(), kExitRefused);
    }
}

void run_import_details(const ImportDetailsOptions& options) {
    constexpr std::string_view kCommand = "import-details";
    std::vector<StudentDetailsLine> lines;
    try {
        lines = read_student_details_csv(options.csv_path);
    } catch (const StudentDetailsCsvError& csv_error) {
        fail(kCommand, csv_error.what(), kExitUnusable);
    }
    try {
        Store store(options.database_path);
        // Unknown ids are reported with their lines before the store is asked.
        const auto unknown = unknown_students(lines, store.load_fair());
        if (!unknown.empty()) fail(kCommand, StudentDetailsCsvError(unknown).what(), kExitRefused);
        store.import_student_details(details_to_import(lines), kActor);
        int phones = 0, schools = 0;
        for (const StudentDetailsLine& line : lines) {
            phones += line.details.phone.has_value();
            schools += line.details.school.has_value();
        }
        std::cout << "Imported the details of " << lines.size() << " pre-registered students from "
                  << options.csv_path << " into " << options.database_path << " (" << phones
                  << " phones, " << schools << " schools)\n";
    } catch (const StoreError& store_error) {
        fail(kCommand, store_error.what(), kExitRefused);
    }
}

}  // namespace

void add_report_commands(CLI::App& app) {
    auto export_options = std::make_shared<ExportDayOptions>();
    CLI::App* export_day = app.add_subcommand(
        "export-day", "Write the day's CSV exports and the one-page summary (HTML) into a folder");
    export_day->add_option("--db", export_options->database_path, "the fair's database (SQLite)")
        ->required()
        ->check(CLI::ExistingFile);
    export_day->add_option("--out", export_options->output_dir, "the folder to write into")
        ->required();
    export_day->add_option("--now", export_options->now,
                           "the fair clock the summary states, HH:MM (default: the end of the "
                           "fair's day)");
    export_day->callback([export_options] { run_export_day(*export_options); });

    auto import_options = std::make_shared<ImportDetailsOptions>();
    CLI::App* import_details = app.add_subcommand(
        "import-details",
        "Record pre-registered students' phones and schools from a CSV (student,phone,school)");
    import_details
        ->add_option("--db", import_options->database_path, "the fair's database (SQLite)")
        ->required()
        ->check(CLI::ExistingFile);
    import_details->add_option("--csv", import_options->csv_path, "the schools' list")
        ->required()
        ->check(CLI::ExistingFile);
    import_details->callback([import_options] { run_import_details(*import_options); });
}

}  // namespace jobfair::cli
