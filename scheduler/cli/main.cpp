// `jobfair`: the command-line program. Parses options and hands off to the commands.
#include <CLI/CLI.hpp>

#include "scheduler/cli/commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{"jobfair: run a vocational job fair on the day"};
    app.require_subcommand(1);
    jobfair::cli::add_check_command(app);
    jobfair::cli::add_store_commands(app);
    jobfair::cli::add_solve_command(app);
    jobfair::cli::add_generate_command(app);
    jobfair::cli::add_tickets_command(app);
    jobfair::cli::add_serve_command(app);
    jobfair::cli::add_simulate_command(app);
    jobfair::cli::add_report_commands(app);
    jobfair::cli::add_sheets_commands(app);
    jobfair::cli::add_purge_command(app);
    jobfair::cli::add_standby_commands(app);
    jobfair::cli::add_booth_lists_command(app);
    CLI11_PARSE(app, argc, argv);
    return 0;
}
