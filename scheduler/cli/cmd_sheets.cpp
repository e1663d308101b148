// The organizer's workbook from the command line (common/fair_workbook/):
//   `jobfair sheets template -o FILE.xlsx`                          the empty workbook to fill in
//   `jobfair sheets export (INSTANCE | --db FILE) -o FILE.xlsx`       a fair in the same layout
//   `jobfair sheets import FILE.xlsx|FILE.csv...|DIR [-o INSTANCE.json | --db FILE] [--dry-run]`
//   `jobfair sheets check (FILE.xlsx|CSV...|DIR | INSTANCE | --db FILE)` supply against demand
// Exit 0: done; 1: the store refused; 2: a problem in the input (every one listed, nothing
// written) or an unwritable output.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "common/fair_date.hpp"
#include "common/fair_format.hpp"
#include "common/fair_supply.hpp"
#include "common/fair_workbook/import.hpp"
#include "common/fair_workbook/write.hpp"
#include "common/occupations.hpp"
#include "common/schedule_check.hpp"
#include "common/sheets/workbook.hpp"
#include "common/store.hpp"
#include "common/text.hpp"
#include "common/ticket.hpp"
#include "scheduler/cli/commands.hpp"

namespace jobfair::cli {

namespace {

constexpr int kExitRefused = 1;
constexpr int kExitBadInput = 2;
constexpr std::string_view kActor = "cli";

struct SheetsOptions {
    std::vector<std::string> inputs;
    std::string instance_path;
    std::string database_path;
    std::string output_path;
    bool dry_run = false;
};

[[noreturn]] void fail(std::string_view command, std::string_view message, int exit_code) {
    std::cerr << "jobfair sheets " << command << ": " << message << '\n';
    throw CLI::RuntimeError(exit_code);
}

bool has_extension(const std::filesystem::path& path, std::string_view extension) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return ext == extension;
}

// An .xlsx, or CSV files (one per sheet) given one by one or as a folder.
sheets::Workbook read_inputs(std::string_view command, const std::vector<std::string>& inputs) {
    sheets::Workbook workbook;
    try {
        std::vector<std::filesystem::path> csv_files;
        for (const std::string& input : inputs) {
            const std::filesystem::path path(input);
            if (std::filesystem::is_directory(path)) {
                for (const auto& entry : std::filesystem::directory_iterator(path)) {
                    if (has_extension(entry.path(), ".csv")) csv_files.push_back(entry.path());
                }
            } else if (has_extension(path, ".xlsx")) {
                if (inputs.size() != 1) {
                    fail(command, "chỉ một tệp .xlsx mỗi lần / one .xlsx file at a time",
                         kExitBadInput);
                }
                return sheets::read_xlsx_file(path);
            } else if (has_extension(path, ".csv")) {
                csv_files.push_back(path);
            } else {
                fail(command,
                     input +
                         ": cần tệp .xlsx, .csv hoặc thư mục chứa tệp .csv / expected an .xlsx "
                         "file, .csv files or a folder of them",
                     kExitBadInput);
            }
        }
        std::sort(csv_files.begin(), csv_files.end());
        if (csv_files.empty())
            fail(command, "không có tệp .csv nào / no .csv file found", kExitBadInput);
        for (const auto& path : csv_files)
            workbook.sheets.push_back(sheets::read_csv_file(path));
    } catch (const sheets::WorkbookError& error) {
        fail(command, error.what(), kExitBadInput);
    } catch (const std::filesystem::filesystem_error& error) {
        fail(command, error.what(), kExitBadInput);
    }
    return workbook;
}

// Every problem, readable when there are hundreds (a whole column of times in a format the
// importer does not know): the first few of each kind in full, then the other rows of that kind.
void print_problems(const std::vector<sheets::Problem>& problems) {
    constexpr std::size_t kShownPerKind = 3;
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<const sheets::Problem*>>
        kinds;
    std::vector<std::tuple<std::string, std::string, std::string>> order;
    for (const sheets::Problem& problem : problems) {
        const auto key = std::make_tuple(problem.sheet, problem.column, problem.en);
        auto [it, inserted] = kinds.try_emplace(key);
        if (inserted) order.push_back(key);
        it->second.push_back(&problem);
    }
    for (const auto& key : order) {
        const auto& same = kinds.at(key);
        for (std::size_t i = 0; i < same.size() && i < kShownPerKind; ++i)
            std::cerr << "  " << sheets::describe(*same[i]) << '\n';
        if (same.size() <= kShownPerKind) continue;
        std::cerr << "  … và " << same.size() - kShownPerKind << " dòng nữa cùng lỗi này / and "
                  << same.size() - kShownPerKind << " more rows with the same problem ("
                  << std::get<0>(key) << (std::get<1>(key).empty() ? "" : ", " + std::get<1>(key))
                  << "): ";
        for (std::size_t i = kShownPerKind; i < same.size(); ++i)
            std::cerr << (i == kShownPerKind ? "" : ", ") << same[i]->row;
        std::cerr << '\n';
    }
}

// Reads and checks the workbook; every problem is printed and the command stops with exit 2.
sheets::ImportResult import_or_fail(std::string_view command,
                                    const std::vector<std::string>& inputs) {
    const sheets::Workbook workbook = read_inputs(command, inputs);
    sheets::ImportResult result = sheets::import_fair_book(workbook);
    if (!result.notes.empty()) {
        std::cout << "Đã tự hiểu / Mapped on its own:\n";
        for (const std::string& note : result.notes)
            std::cout << "  " << note << '\n';
    }
    if (!result.book) {
        std::cerr << "jobfair sheets " << command << ": " << result.problems.size()
                  << " lỗi, không ghi gì / problem(s), nothing was written:\n";
        print_problems(result.problems);
        throw CLI::RuntimeError(kExitBadInput);
    }
    return result;
}

std::string trade_label(const Fair& fair, const std::optional<std::string>& code) {
    if (!code) return "(không ghi nghề / no trade)";
    for (const TradeName& trade : fair.extra_trades)
        if (trade.code == *code) return trade.name_vi;
    return occupation_display_name(*code, true);
}

void print_book_summary(const sheets::FairBook& book) {
    const Fair& fair = book.fair;
    const SupplyReport supply = supply_report(fair);
    std::cout << fair.settings.name << "\n  " << fair_date_line(fair.settings.date);
    if (fair.settings.venue) std::cout << " · " << *fair.settings.venue;
    std::cout << "\n  " << fair.booths.size() << " gian / booths, " << fair.students.size()
              << " học sinh / students, " << supply.seat_slots
              << " lượt phỏng vấn có thể / seat-slots within caps, " << fair.fixed.size()
              << " phỏng vấn đã hẹn / promised, " << book.contacts.size()
              << " học sinh có số điện thoại hoặc đồng ý / students with a phone or consent\n";
    std::map<std::string, std::map<std::string, int>> by_school;
    for (const Student& student : fair.students) {
        ++by_school[student.school.value_or("(không ghi trường / no school)")]
                   [trade_label(fair, student.occupation)];
    }
    std::cout << "Học sinh theo trường và nghề / Students per school and trade:\n";
    for (const auto& [school, trades] : by_school) {
        int total = 0;
        for (const auto& [trade, count] : trades)
            total += count;
        std::cout << "  " << school << ": " << total << "\n";
        for (const auto& [trade, count] : trades)
            std::cout << "      " << trade << ": " << count << '\n';
    }
}

std::vector<std::pair<StudentId, Store::StudentDetails>> details_of(const sheets::FairBook& book) {
    std::vector<std::pair<StudentId, Store::StudentDetails>> details;
    for (const auto& [student, contact] : book.contacts) {
        Store::StudentDetails one;
        one.phone = contact.phone;
        one.consent_json = sheets::consent_json(contact);
        one.registered_via = "pre_registration";
        details.emplace_back(student, std::move(one));
    }
    return details;
}

void write_text_file(std::string_view command, const std::string& path, const std::string& text) {
    const std::string temporary = path + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) fail(command, "không ghi được / cannot write " + path, kExitBadInput);
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
        fail(command, "không ghi được / cannot write " + path + ": " + error.message(),
             kExitBadInput);
}

// Why a re-import cannot go on: the booths or settings differ from the stored fair's. A corrected
// roster changes students only; booths change on the day through the dashboard.
std::vector<std::string> fair_differences(const Fair& stored, const Fair& incoming) {
    std::vector<std::string> differences;
    if (!(stored.settings == incoming.settings)) {
        differences.push_back(
            "trang Ngày hội khác với ngày hội đã lưu / the Fair sheet differs from "
            "the stored fair");
    }
    std::map<BoothId, const Booth*> booths;
    for (const Booth& booth : stored.booths)
        booths[booth.id] = &booth;
    for (const Booth& booth : incoming.booths) {
        const auto it = booths.find(booth.id);
        if (it == booths.end()) {
            differences.push_back("gian mới / new booth " + booth.id.str());
        } else if (!(*it->second == booth)) {
            differences.push_back("gian khác / booth differs: " + booth.id.str());
        }
        booths.erase(booth.id);
    }
    for (const auto& [id, booth] : booths)
        differences.push_back("gian bị bỏ / booth left out: " + id.str());
    return differences;
}

void print_ids(std::string_view label, const std::vector<StudentId>& ids) {
    std::cout << label << ": " << ids.size();
    for (std::size_t i = 0; i < ids.size() && i < 50; ++i)
        std::cout << (i == 0 ? "  " : ", ") << ids[i].str();
    if (ids.size() > 50) std::cout << ", …";
    std::cout << '\n';
}

// Refuses the import (exit 2, nothing written) with a heading and one line per reason.
[[noreturn]] void refuse_with_lines(std::string_view heading,
                                    const std::vector<std::string>& lines) {
    std::cerr << "jobfair sheets import: " << heading << ":\n";
    for (const std::string& line : lines)
        std::cerr << "  " << line << '\n';
    throw CLI::RuntimeError(kExitBadInput);
}

// A school's corrected roster into a database that already holds the fair: students added,
// updated and removed; every promise and check-in must still hold, or nothing changes.
void update_roster(Store& store, const sheets::ImportResult& imported) {
    const sheets::FairBook& book = *imported.book;
    const Fair stored = store.load_fair();  // its `fixed`: every commitment of the day so far
    const std::vector<std::string> differences = fair_differences(stored, book.fair);
    if (!differences.empty()) {
        refuse_with_lines(
            "nhập lại chỉ cập nhật học sinh; gian và cài đặt phải giữ nguyên, không "
            "ghi gì / a re-import updates students only; the booths and settings "
            "must stay as stored, nothing was written",
            differences);
    }
    // The fair as it would be: the new roster, the walk-ins kept, every commitment kept.
    const auto details = store.all_student_details();
    Fair merged = stored;
    merged.students = book.fair.students;
    std::set<StudentId> listed;
    for (const Student& student : book.fair.students)
        listed.insert(student.id);
    for (const Student& student : stored.students) {
        const auto it = details.find(student.id);
        if (!listed.contains(student.id) && it != details.end() &&
            it->second.registered_via == "walk_in") {
            merged.students.push_back(student);
        }
    }
    const CheckReport report = check_schedule(merged, Schedule{stored.fixed, 0});
    std::vector<std::string> broken;
    for (const Violation& violation : report.violations) {
        std::string where = imported.students_sheet;
        for (const std::size_t index : violation.interviews) {  // every student involved
            const StudentId& student = stored.fixed[index].student;
            const auto row = imported.student_rows.find(student);
            where +=
                row == imported.student_rows.end()
                    ? ", " + student.str() + " (không còn trong danh sách / no longer listed)"
                    : ", dòng / row " + std::to_string(row->second) + " (" + student.str() + ")";
        }
        broken.push_back(where + ": " + violation.message);
    }
    if (!broken.empty()) {
        refuse_with_lines(
            "danh sách mới làm hỏng lịch đã hẹn hoặc đã check-in, không ghi gì / the "
            "new roster breaks interviews already promised or under way, nothing "
            "was written",
            broken);
    }
    if (!book.fair.fixed.empty()) {
        std::set<Interview> stored_fixed(stored.fixed.begin(), stored.fixed.end());
        for (const Interview& interview : book.fair.fixed) {
            if (!stored_fixed.contains(interview)) {
                std::cout << "Lưu ý: nhập lại không thêm lịch hẹn mới (trang Lịch hẹn bỏ qua) / "
                             "Note: a re-import adds no promised interview (the Promised sheet "
                             "is not read again)\n";
                break;
            }
        }
    }
    const Store::RosterUpdate update =
        store.update_roster(book.fair.students, details_of(book), kActor);
    std::cout << "Đã cập nhật danh sách học sinh / Roster updated\n";
    print_ids("  thêm / added", update.added);
    print_ids("  sửa / updated", update.updated);
    print_ids("  bỏ / removed", update.removed);
    std::cout << "  vé bị thu hồi / tickets revoked: " << update.revoked_tickets.size();
    for (std::size_t i = 0; i < update.revoked_tickets.size(); ++i)
        std::cout << (i == 0 ? "  " : ", ") << ticket_label(update.revoked_tickets[i]);
    std::cout << '\n';
    if (!update.added.empty()) {
        std::cout << "Học sinh mới cần vé: chạy `jobfair tickets` / New students need tickets: run "
                     "`jobfair tickets`\n";
    }
}

void run_import(const SheetsOptions& options) {
    if (!options.dry_run && options.instance_path.empty() == options.database_path.empty()) {
        fail("import",
             "cần đúng một trong -o INSTANCE.json, --db FILE hoặc --dry-run / give exactly "
             "one of -o INSTANCE.json, --db FILE or --dry-run",
             kExitBadInput);
    }
    const sheets::ImportResult imported = import_or_fail("import", options.inputs);
    const sheets::FairBook& book = *imported.book;
    print_book_summary(book);
    if (options.dry_run) {
        std::cout << "--dry-run: không ghi gì / nothing written\n";
        return;
    }
    if (!options.instance_path.empty()) {
        write_text_file("import", options.instance_path, write_instance(book.fair));
        std::cout << "Đã ghi / Wrote " << options.instance_path << '\n';
        if (!book.contacts.empty()) {
            std::cout << "Số điện thoại và sự đồng ý của " << book.contacts.size()
                      << " học sinh không ghi vào tệp JSON (dữ liệu cá nhân chỉ ở cơ sở dữ liệu): "
                         "dùng --db / The phones and consent of "
                      << book.contacts.size()
                      << " students are not written into the JSON instance (personal data lives "
                         "only in the database): use --db\n";
        }
        return;
    }
    try {
        Store store(options.database_path);
        if (store.has_fair()) {
            update_roster(store, imported);
            return;
        }
        store.import_fair_with_details(book.fair, details_of(book), kActor);
        std::cout << "Đã nhập vào / Imported into " << options.database_path << '\n';
    } catch (const StoreError& error) {
        fail("import", error.what(), kExitRefused);
    }
}

sheets::FairBook book_from_store(std::string_view command, const std::string& database_path) {
    try {
        const Store store(database_path);
        sheets::FairBook book = sheets::book_of(store.load_fair());
        // The workbook lists what was promised before the day, not the day's calls.
        Fair& fair = book.fair;
        fair.fixed.clear();
        for (const StoredInterview& stored : store.interviews()) {
            if (stored.fixed) fair.fixed.push_back(stored.interview);
        }
        for (const auto& [student, details] : store.all_student_details()) {
            if (details.registered_via != "pre_registration") continue;
            sheets::StudentContact contact;
            contact.phone = details.phone;
            contact.consent_to_contact = sheets::consents_to_contact(details.consent_json);
            if (contact.phone || contact.consent_to_contact) book.contacts[student] = contact;
        }
        return book;
    } catch (const StoreError& error) {
        fail(command, error.what(), kExitRefused);
    }
}

void run_export(const SheetsOptions& options) {
    if (options.instance_path.empty() == options.database_path.empty()) {
        fail("export", "cần INSTANCE hoặc --db FILE / give INSTANCE or --db FILE", kExitBadInput);
    }
    sheets::FairBook book;
    if (!options.database_path.empty()) {
        book = book_from_store("export", options.database_path);
    } else {
        try {
            book = sheets::book_of(read_instance_file(options.instance_path));
        } catch (const FairFormatError& error) {
            fail("export", error.what(), kExitBadInput);
        }
    }
    try {
        sheets::write_fair_book(book, sheets::WriteMode::fair, options.output_path);
    } catch (const sheets::WorkbookWriteError& error) {
        fail("export", error.what(), kExitBadInput);
    }
    std::cout << "Đã ghi / Wrote " << options.output_path << ": " << book.fair.booths.size()
              << " gian / booths, " << book.fair.students.size() << " học sinh / students\n";
}

void run_template(const SheetsOptions& options) {
    try {
        sheets::write_fair_book(sheets::FairBook{}, sheets::WriteMode::template_to_fill,
                                options.output_path);
    } catch (const sheets::WorkbookWriteError& error) {
        fail("template", error.what(), kExitBadInput);
    }
    std::cout << "Đã ghi mẫu / Wrote the template " << options.output_path << '\n';
}

void run_check(const SheetsOptions& options) {
    Fair fair;
    if (!options.database_path.empty()) {
        fair = book_from_store("check", options.database_path).fair;
    } else if (options.inputs.size() == 1 && has_extension(options.inputs[0], ".json")) {
        try {
            fair = read_instance_file(options.inputs[0]);
        } catch (const FairFormatError& error) {
            fail("check", error.what(), kExitBadInput);
        }
    } else if (!options.inputs.empty()) {
        fair = import_or_fail("check", options.inputs).book->fair;
    } else {
        fail("check", "cần một tệp hoặc --db FILE / give a file or --db FILE", kExitBadInput);
    }
    std::cout << format_supply_report(supply_report(fair), fair);
}

}  // namespace

void add_sheets_commands(CLI::App& app) {
    CLI::App* sheets = app.add_subcommand(
        "sheets", "The organizer's workbook (.xlsx or CSV): template, export, import, check");
    sheets->require_subcommand(1);

    auto template_options = std::make_shared<SheetsOptions>();
    CLI::App* template_command =
        sheets->add_subcommand("template", "Write the empty workbook an organizer fills in");
    template_command->add_option("-o,--output", template_options->output_path, "FILE.xlsx")
        ->required();
    template_command->callback([template_options] { run_template(*template_options); });

    auto export_options = std::make_shared<SheetsOptions>();
    CLI::App* export_command =
        sheets->add_subcommand("export", "Write a fair (instance or database) as a workbook");
    export_command->add_option("INSTANCE", export_options->instance_path, "fair instance (JSON)")
        ->check(CLI::ExistingFile);
    export_command->add_option("--db", export_options->database_path, "the fair's database")
        ->check(CLI::ExistingFile);
    export_command->add_option("-o,--output", export_options->output_path, "FILE.xlsx")->required();
    export_command->callback([export_options] { run_export(*export_options); });

    auto import_options = std::make_shared<SheetsOptions>();
    CLI::App* import_command = sheets->add_subcommand(
        "import", "Read a workbook (or CSV files, one per sheet) into an instance or a database");
    import_command->add_option("FILES", import_options->inputs, "FILE.xlsx, CSV files or a folder")
        ->required()
        ->check(CLI::ExistingPath);
    import_command->add_option("-o,--output", import_options->instance_path,
                               "INSTANCE.json to write");
    import_command->add_option(
        "--db", import_options->database_path,
        "a new database to fill, or one holding the fair: a corrected roster updates its students");
    import_command->add_flag("--dry-run", import_options->dry_run,
                             "check and summarise; write nothing");
    import_command->callback([import_options] { run_import(*import_options); });

    auto check_options = std::make_shared<SheetsOptions>();
    CLI::App* check_command = sheets->add_subcommand(
        "check", "Supply against demand per trade and booth, before the fair");
    check_command
        ->add_option("FILES", check_options->inputs,
                     "FILE.xlsx, CSV files, a folder or INSTANCE.json")
        ->check(CLI::ExistingPath);
    check_command->add_option("--db", check_options->database_path, "the fair's database")
        ->check(CLI::ExistingFile);
    check_command->callback([check_options] { run_check(*check_options); });
}

}  // namespace jobfair::cli
