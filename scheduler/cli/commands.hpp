// Each subcommand of `jobfair` lives in its own cmd_*.cpp and registers itself on the app.
// A command prints its errors to stderr and returns a process exit code through CLI::RuntimeError.
#pragma once

#include <CLI/CLI.hpp>

namespace jobfair::cli {

// "--scale x3" reads as "--scale 3": the demo fair's scale is said as a factor.
inline CLI::Validator scale_factor() {
    return CLI::Validator(
        [](std::string& value) {
            if (!value.empty() && (value.front() == 'x' || value.front() == 'X')) value.erase(0, 1);
            return std::string();
        },
        "x");
}

// `jobfair check INSTANCE SCHEDULE`: exit 0 valid, 1 invalid, 2 unreadable input.
void add_check_command(CLI::App& app);

// `jobfair import INSTANCE --db FILE`, `jobfair export --db FILE [-o OUT]`,
// `jobfair summary --db FILE`: exit 0 done, 1 refused by the store, 2 unreadable input.
void add_store_commands(CLI::App& app);

// `jobfair solve INSTANCE -o SCHEDULE [--explain S0042]`: exit 0 solved, 1 broken promises.
void add_solve_command(CLI::App& app);

// `jobfair generate [--seed N] [--scale 1|3|10|30] [--tight|--loose] [--fixed N] [-o FILE]
// [--students-csv FILE | --no-students-csv]`: writes the deterministic demo fair, and next to it
// the pre-registered students' phones and schools; exit 0 written, 1 options that cannot be met,
// 2 unwritable.
void add_generate_command(CLI::App& app);

// `jobfair tickets --db FILE --key FILE --out DIR [--font FILE]`: signed QR tickets for the
// stored fair's students; exit 0 written, 1 no fair stored, 2 unreadable key or unwritable output.
void add_tickets_command(CLI::App& app);

// `jobfair serve --db FILE [--listen HOST:PORT] [--demo]`: the fair server (docs/api.md);
// exit 0 stopped cleanly, 1 no fair in the database, 2 bad options or unusable files.
void add_serve_command(CLI::App& app);

// `jobfair simulate`: a fair morning driven through the server's API
// (scheduler/simulation/simulation.hpp); exit 0 with the day's report, 1 the server failed, 2 bad
// options.
void add_simulate_command(CLI::App& app);

// `jobfair export-day --db FILE --out DIR [--now HH:MM]`: the day's CSV exports and one-page
// summary; `jobfair import-details --db FILE --csv FILE`: pre-registered students' phones and
// schools. Exit 0 done, 1 refused by the store, 2 unreadable input or unwritable output.
void add_report_commands(CLI::App& app);

// `jobfair sheets template|export|import|check`: the organizer's workbook (cmd_sheets.cpp).
// Exit 0 done, 1 refused by the store, 2 a problem in the input (all listed; nothing written).
void add_sheets_commands(CLI::App& app);

// `jobfair purge --db FILE [--dry-run] [--including-consented]`: after the fair, personal data
// removed as the students' consent says (cmd_purge.cpp). Exit 0 done, 1 refused (no fair, the
// fair not over, the database in use), 2 not a jobfair database.
void add_purge_command(CLI::App& app);

// `jobfair standby --from COPY --db NEW.db` and `jobfair lost --copy COPY [--dead DEAD.db]`: a
// standby server from the online copy of `serve --backup-to`, and what the copy lacks
// (cmd_standby.cpp, docs/standby.md). Exit 0 done, 1 refused, 2 a file missing or unusable.
void add_standby_commands(CLI::App& app);

// `jobfair booth-lists --db FILE --out DIR [--now HH:MM]`: per-booth printable lists, the paper
// fallback (cmd_booth_lists.cpp). Exit 0 written, 1 no fair, 2 unreadable or unwritable.
void add_booth_lists_command(CLI::App& app);

}  // namespace jobfair::cli
