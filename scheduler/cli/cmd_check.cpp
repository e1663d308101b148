// `jobfair check INSTANCE SCHEDULE`: validates a schedule against the contract's hard constraints
// and recomputes its score. Exit 0: valid with the right score; 1: invalid; 2: unreadable input.
#include <iostream>
#include <memory>
#include <string>

#include "common/fair_format.hpp"
#include "common/schedule_check.hpp"
#include "scheduler/cli/commands.hpp"

namespace jobfair::cli {

namespace {

constexpr int kExitInvalid = 1;
constexpr int kExitUnreadable = 2;

struct CheckOptions {
    std::string instance_path;
    std::string schedule_path;
};

void print_report(const CheckReport& report, std::ostream& out) {
    for (const Violation& violation : report.violations)
        out << violation.message << '\n';
    out << "score: claimed " << report.claimed_score << ", recomputed " << report.recomputed_score
        << (report.score_matches() ? "" : " (the claim is wrong)") << '\n';
    out << "total idle: " << report.total_idle_minutes
        << " min (students' time between arrival and the end of their last interview not spent "
           "in an interview)\n";
    if (report.valid()) {
        out << "valid\n";
    } else {
        out << "INVALID: " << report.violations.size() << " violation"
            << (report.violations.size() == 1 ? "" : "s")
            << (report.score_matches() ? "" : ", wrong score") << '\n';
    }
}

void run_check(const CheckOptions& options) {
    Fair fair;
    Schedule schedule;
    try {
        fair = read_instance_file(options.instance_path);
        schedule = read_schedule_file(options.schedule_path);
    } catch (const FairFormatError& error) {
        std::cerr << "jobfair check: " << error.what() << '\n';
        throw CLI::RuntimeError(kExitUnreadable);
    }
    const CheckReport report = check_schedule(fair, schedule);
    print_report(report, std::cout);
    if (!report.valid()) throw CLI::RuntimeError(kExitInvalid);
}

}  // namespace

void add_check_command(CLI::App& app) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* sub = app.add_subcommand(
        "check", "Check a schedule against a fair instance: hard constraints and claimed score");
    sub->add_option("INSTANCE", options->instance_path, "fair instance (jobfair-instance/1 JSON)")
        ->required();
    sub->add_option("SCHEDULE", options->schedule_path, "schedule (jobfair-schedule/1 JSON)")
        ->required();
    sub->callback([options] { run_check(*options); });
}

}  // namespace jobfair::cli
