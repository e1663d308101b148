// `jobfair tickets --db FILE [--key FILE] --out DIR [--font FILE]`: tickets for the pre-registered
// students of the stored fair, for printing or sending to the schools before the day:
//   DIR/tickets.csv          student id, name, school, class, ticket label, QR payload (UTF-8
//                            with BOM for Excel), in ticket order
//   DIR/qr/S0001.png         one QR code per student
//   DIR/sheets/01-truong-cao-dang-viet-han/lop-12a1-01.png ...
//                            A4 pages of codes with label and name, one folder per school (in the
//                            fair's order, "Chưa ghi trường" last), pages that never mix two
//                            classes, each headed by the fair, its date, venue, school, class, the
//                            school's arrival and what to do (common/ticket_pages.hpp)
// Ticket numbers are kept in the database (students without one get the next number), so running
// the command again gives the same tickets; revoked tickets are left out. DIR/sheets is written
// afresh each time, so a class that moved school leaves no stale pages behind.
// Exit 0: written; 1: the store refused (no fair); 2: unreadable key or unwritable output.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/qr.hpp"
#include "common/store.hpp"
#include "common/ticket.hpp"
#include "common/ticket_pages.hpp"
#include "common/ticket_sheet.hpp"
#include "scheduler/cli/commands.hpp"

namespace jobfair::cli {

namespace {

constexpr int kExitRefused = 1;
constexpr int kExitUnwritable = 2;
constexpr int kPixelsPerModule = 8;  // 264 px for a ticket: sharp on a phone screen and in print
// 4 x 4 under the header: the codes keep 7 px a module, so a sheet printed at 50% (two pages on
// one A4) still scans (tests/unit/test_ticket_sheet.cpp checks it with zbar).
constexpr int kSheetRows = 4;

struct TicketsOptions {
    std::string database_path;
    std::string key_path;
    std::string output_dir;
    std::string font_path = kDefaultSheetFont.string();
};

[[noreturn]] void fail(std::string_view message, int exit_code) {
    std::cerr << "jobfair tickets: " << message << '\n';
    throw CLI::RuntimeError(exit_code);
}

// One CSV field (RFC 4180). A leading = + - @ would make Excel run the cell as a formula, so
// such text is prefixed with an apostrophe, which Excel hides.
std::string csv_field(std::string_view text) {
    std::string field(text);
    if (!field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string::npos)
        field.insert(field.begin(), '\'');
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (char c : field) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

// A student id names the PNG file only when it is a plain file name; ids come from instance
// files, and "../x" must not write outside DIR.
std::string png_name(const Student& student, std::uint32_t ticket_number) {
    const std::string& id = student.id.str();
    const bool plain = !id.empty() && id.size() <= 64 &&
                       id.find_first_not_of(
                           "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                           "0123456789_-") == std::string::npos;
    return (plain ? id : "ticket-" + std::to_string(ticket_number)) + ".png";
}

std::string page_name(const TicketPile& pile, std::size_t page_index) {
    const std::string digits = std::to_string(page_index + 1);
    return pile.stem + "-" + std::string(digits.size() < 2 ? 2 - digits.size() : 0, '0') + digits +
           ".png";
}

void run_tickets(TicketsOptions options) {
    Fair fair;
    std::vector<Store::TicketRecord> tickets;
    try {
        Store store(options.database_path);
        fair = store.load_fair();
        tickets = store.issue_tickets("jobfair tickets");
    } catch (const StoreError& error) {
        fail(error.what(), kExitRefused);
    }
    if (options.key_path.empty()) options.key_path = options.database_path + ".ticket-key";

    const bool key_existed = std::filesystem::exists(options.key_path);
    std::unique_ptr<TicketKey> key;
    try {
        key = std::make_unique<TicketKey>(TicketKey::load_or_create(options.key_path));
    } catch (const TicketKeyError& error) {
        fail(error.what(), kExitUnwritable);
    }
    if (!key_existed) {
        std::cout << "Created a new ticket key at " << options.key_path
                  << ": keep it secret and back it up; the server needs the same key.\n";
    }

    std::optional<ImageFont> font;
    try {
        font.emplace(options.font_path);
    } catch (const QrError& error) {
        std::cerr << "jobfair tickets: " << error.what()
                  << "; the sheets will hold the codes only (tickets.csv has the labels)\n";
    }

    const std::filesystem::path out_dir(options.output_dir);
    std::error_code error;
    std::filesystem::create_directories(out_dir / "qr", error);
    if (error)
        fail("cannot create " + (out_dir / "qr").string() + ": " + error.message(),
             kExitUnwritable);

    const std::filesystem::path sheets_dir = out_dir / "sheets";
    std::filesystem::remove_all(sheets_dir, error);
    if (error)
        fail("cannot clear " + sheets_dir.string() + ": " + error.message(), kExitUnwritable);

    std::ofstream csv(out_dir / "tickets.csv", std::ios::binary | std::ios::trunc);
    csv << "\xEF\xBB\xBF"  // the BOM makes Excel read UTF-8, so Vietnamese names show right
        << "student_id,name,school,class,ticket_label,qr_payload\r\n";
    std::vector<const Student*> holders;
    std::vector<SheetTicket> sheet_tickets;
    try {
        for (const Store::TicketRecord& ticket : tickets) {
            const Student* student = fair.find_student(ticket.student);
            if (ticket.revoked_reason || !student) continue;
            const std::string payload = issue_ticket(*key, ticket.number);
            const std::string label = ticket_label(ticket.number);
            csv << csv_field(student->id.str()) << ',' << csv_field(student->name) << ','
                << csv_field(student->school.value_or("")) << ','
                << csv_field(student->class_name.value_or("")) << ',' << csv_field(label) << ','
                << payload << "\r\n";
            write_png(render_qr(encode_qr(payload), kPixelsPerModule),
                      out_dir / "qr" / png_name(*student, ticket.number));
            holders.push_back(student);
            sheet_tickets.push_back({payload, label, student->name});
        }
        csv.close();
        if (!csv) fail("cannot write " + (out_dir / "tickets.csv").string(), kExitUnwritable);

        SheetLayout layout;
        layout.rows = kSheetRows;
        std::size_t page_total = 0;
        struct SchoolSummary {
            std::string folder;
            std::size_t classes = 0, tickets = 0, pages = 0;
        };
        std::vector<SchoolSummary> summaries;
        const std::vector<TicketPile> piles = plan_ticket_piles(fair, holders);
        for (const TicketPile& pile : piles) {
            std::vector<SheetTicket> pile_tickets;
            for (const std::size_t member : pile.group.members)
                pile_tickets.push_back(sheet_tickets[member]);
            const std::vector<GrayImage> pages =
                render_ticket_sheets(pile_tickets, font ? &*font : nullptr, layout, &pile.header);
            std::filesystem::create_directories(sheets_dir / pile.folder, error);
            if (error)
                fail(
                    "cannot create " + (sheets_dir / pile.folder).string() + ": " + error.message(),
                    kExitUnwritable);
            for (std::size_t page = 0; page < pages.size(); ++page)
                write_png(pages[page], sheets_dir / pile.folder / page_name(pile, page));
            page_total += pages.size();
            // One line per school: a teacher looks for their school, not for each class.
            if (summaries.empty() || summaries.back().folder != pile.folder)
                summaries.push_back({pile.folder});
            summaries.back().classes += 1;
            summaries.back().tickets += pile_tickets.size();
            summaries.back().pages += pages.size();
        }
        for (const SchoolSummary& school : summaries) {
            std::cout << "  sheets/" << school.folder << "/: " << school.tickets << " tickets, "
                      << school.classes << (school.classes == 1 ? " class, " : " classes, ")
                      << school.pages << (school.pages == 1 ? " page\n" : " pages\n");
        }
        std::cout << "Wrote " << sheet_tickets.size() << " tickets to " << out_dir.string()
                  << ": tickets.csv, qr/ (one PNG per student), sheets/ (" << page_total
                  << " printable page" << (page_total == 1 ? "" : "s") << " in " << piles.size()
                  << " pile" << (piles.size() == 1 ? "" : "s") << " by school and class)\n";
    } catch (const QrError& qr_error) {
        fail(qr_error.what(), kExitUnwritable);
    }
}

}  // namespace

void add_tickets_command(CLI::App& app) {
    auto options = std::make_shared<TicketsOptions>();
    CLI::App* command = app.add_subcommand(
        "tickets", "Write QR tickets (CSV, PNG per student, printable sheets) for the stored fair");
    command->add_option("--db", options->database_path, "the fair's database (SQLite)")
        ->required()
        ->check(CLI::ExistingFile);
    command->add_option("--key", options->key_path,
                        "the ticket signing key (default: DB.ticket-key, as `jobfair serve` uses); "
                        "created (mode 0600) when missing");
    command->add_option("--out", options->output_dir, "output folder, created when missing")
        ->required();
    command->add_option("--font", options->font_path, "TrueType font for the sheets' text")
        ->capture_default_str();
    command->callback([options] { run_tickets(*options); });
}

}  // namespace jobfair::cli
