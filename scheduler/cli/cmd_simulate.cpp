// `jobfair simulate [--server HOST:PORT --password P --db FILE] [--speed 60] [--seed N]
//                   [--no-show-rate 0.05] [--absent-rate 0.07] [--step-aways-per-hour 0.4]
//                   [--scale x3] [--booth-pin-file B01=FILE ...]`
// The people it plays and why their figures are plausible: docs/simulation.md.
// Without --server it starts its own server on a temporary copy of the demo fair.
#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/demo_generator.hpp"
#include "common/store.hpp"
#include "scheduler/cli/commands.hpp"
#include "scheduler/reports/day_report.hpp"
#include "scheduler/server/fair_server.hpp"
#include "scheduler/simulation/simulation.hpp"

namespace jobfair::cli {

namespace {

struct SimulateCommandOptions {
    std::string server;  // HOST:PORT of a running `jobfair serve --clock-start ...`
    std::string password;
    std::string database_path;   // the server's database: the simulation reads the fair from it
    std::string keep_database;   // own server: keep its database here
    std::string estimate_trace;  // a file: each student's first estimate and what followed
    SimulationOptions simulation;
    int scale = 1;
    bool check = false;
    std::string until;                         // HH:MM, empty: the whole day
    std::vector<std::string> booth_pin_files;  // "B01=var/booth-B01.pin"
};

// Checks the invariants after every simulated minute and at the end; counts what it found.
class InvariantWatch {
  public:
    explicit InvariantWatch(std::filesystem::path database) : database_(std::move(database)) {}
    void after_minute(const SimulationProgress& progress) {
        last_ = progress;
        report(check_day_invariants(Store(database_), progress, false), progress.now);
        ++checks_;
    }
    // The end of the day: promises too, and the report against the database.
    bool finish(const SimulationReport& simulated) {
        Store store(database_);
        report(check_day_invariants(store, last_, true), last_.now);
        int done = 0, no_shows = 0;
        for (const auto& row : store.interviews()) {
            done += row.status == InterviewStatus::done;
            no_shows += row.status == InterviewStatus::no_show;
        }
        if (done != simulated.interviews_done || no_shows != simulated.no_shows) {
            report({"the report says " + std::to_string(simulated.interviews_done) + " done and " +
                    std::to_string(simulated.no_shows) + " no-shows; the database " +
                    std::to_string(done) + " and " + std::to_string(no_shows)},
                   last_.now);
        }
        int events = 0;
        report(check_event_log(store, events), last_.now);
        std::cout << "invariants checked after " << checks_ << " simulated minutes and, replaying "
                  << "the audit log, after each of its " << events << " events: " << violations_
                  << " violation" << (violations_ == 1 ? "" : "s") << '\n';
        return violations_ == 0;
    }

  private:
    void report(const std::vector<std::string>& found, TimeOfDay now) {
        for (const auto& line : found) {
            if (++violations_ <= 20)
                std::cout << "VIOLATION at " << now.str() << ": " << line << '\n';
        }
    }
    std::filesystem::path database_;
    SimulationProgress last_;
    int checks_ = 0;
    int violations_ = 0;
};

[[noreturn]] void fail(const std::string& message, int exit_code) {
    std::cerr << "jobfair simulate: " << message << '\n';
    throw CLI::RuntimeError(exit_code);
}

void print(const SimulationReport& report) {
    std::cout << "--- the simulated morning ---\n";
    for (const auto& line : report.lines())
        std::cout << line << '\n';
}

// The simulator's measurements go into the day's audit log, so `jobfair export-day` and
// summary.html show the same report; then the report of the day, read back from the database.
void store_and_print_day(Store& store, const SimulationReport& report) {
    store.append_event("simulation", reports::kSimulationMeasuredKind,
                       simulation_measured_payload(report));
    std::cout << '\n';
    for (const auto& line : reports::day_report_lines(reports::day_report(store)))
        std::cout << line << '\n';
}

// "B01=FILE" -> the booth and the PIN on the first line of FILE (written by whoever issued it).
std::pair<std::string, std::string> read_booth_pin_file(const std::string& spec) {
    const auto equals = spec.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == spec.size())
        fail("--booth-pin-file takes BOOTH=FILE, e.g. B01=var/booth-B01.pin", 2);
    const std::string booth = spec.substr(0, equals), file = spec.substr(equals + 1);
    std::ifstream in(file);
    std::string pin;
    if (!in || !std::getline(in, pin)) fail("cannot read a PIN from " + file, 2);
    if (pin.size() != 6 ||
        !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        fail(file + " does not hold a 6-digit PIN for booth " + booth, 2);
    return {booth, pin};
}

void run_simulate(SimulateCommandOptions options) {
    for (const std::string& spec : options.booth_pin_files)
        options.simulation.booth_pins.insert(read_booth_pin_file(spec));
    if (!options.until.empty()) {
        options.simulation.until = TimeOfDay::parse(options.until);
        if (!options.simulation.until) fail("--until must be a time of day such as 09:30", 2);
    }
    options.simulation.report_line = [](const std::string& line) {
        std::cout << line << std::endl;
    };
    std::shared_ptr<std::ofstream> trace;
    if (!options.estimate_trace.empty()) {
        trace = std::make_shared<std::ofstream>(options.estimate_trace);
        if (!*trace) fail("cannot write the estimate trace to " + options.estimate_trace, 2);
        options.simulation.estimate_trace = [trace](const std::string& line) {
            *trace << line << '\n';
        };
    }
    if (!options.server.empty()) {
        const auto colon = options.server.rfind(':');
        if (colon == std::string::npos || options.database_path.empty()) {
            fail("--server needs HOST:PORT and --db with the server's database", 2);
        }
        options.simulation.host = options.server.substr(0, colon);
        options.simulation.port = std::stoi(options.server.substr(colon + 1));
        options.simulation.organizer_password = options.password;
        InvariantWatch watch(options.database_path);
        if (options.check) {
            options.simulation.after_minute = [&](const SimulationProgress& progress) {
                watch.after_minute(progress);
            };
        }
        try {
            const Fair fair = Store(options.database_path).load_fair();
            const SimulationReport report = simulate_morning(fair, options.simulation);
            print(report);
            Store store(options.database_path);
            store_and_print_day(store, report);
            if (options.check && !watch.finish(report)) fail("invariants violated", 1);
        } catch (const std::exception& error) {
            fail(error.what(), 1);
        }
        return;
    }

    // Our own server on a fresh database.
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("jobfair-simulate-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const std::filesystem::path database = options.keep_database.empty()
                                               ? folder / "fair.db"
                                               : std::filesystem::path(options.keep_database);
    std::filesystem::remove(database);
    GeneratorOptions generator;
    generator.scale = options.scale;
    Store store(database);
    const Fair fair = load_demo_fair(store, generator, "simulate");
    SteerableClock clock(fair.settings.grid.day_start.plus_minutes(-30), 0);
    ServerOptions server_options;
    server_options.steerable_clock = &clock;
    server_options.replan_on_timer = false;  // the same seed, the same morning
    FairServer server(store, clock, TicketKey::generate(), server_options);
    const std::string password = "simulation-" + std::to_string(randombytes_random());
    server.set_initial_organizer_password(password);
    if (!server.bind("127.0.0.1", 0)) fail("cannot listen on 127.0.0.1", 2);
    std::thread serving([&] { server.run(); });
    while (!server.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    options.simulation.port = server.port();
    options.simulation.organizer_password = password;
    std::cout << "simulating \"" << fair.settings.name << "\" (" << fair.booths.size()
              << " booths, " << fair.students.size() << " students) on 127.0.0.1:" << server.port()
              << '\n';
    InvariantWatch watch(database);
    if (options.check) {
        options.simulation.after_minute = [&](const SimulationProgress& progress) {
            watch.after_minute(progress);
        };
    }
    std::optional<SimulationReport> report;
    std::string failure;
    try {
        report = simulate_morning(fair, options.simulation);
    } catch (const std::exception& error) {
        failure = error.what();
    }
    server.stop();
    serving.join();
    if (!report) fail(failure, 1);
    print(*report);
    store_and_print_day(store, *report);
    const bool invariants_hold = !options.check || watch.finish(*report);
    if (options.keep_database.empty()) {
        std::filesystem::remove_all(folder);
    } else {
        std::cout << "database kept: " << database.string() << '\n';
    }
    if (!invariants_hold) fail("invariants violated", 1);
}

}  // namespace

void add_simulate_command(CLI::App& app) {
    auto options = std::make_shared<SimulateCommandOptions>();
    auto* sub = app.add_subcommand("simulate", "Drive a fair morning through the server's API");
    sub->add_option("--server", options->server,
                    "HOST:PORT of a server started with --clock-start and --clock-speed 0");
    sub->add_option("--password", options->password, "the organizer password of that server");
    sub->add_option("--db", options->database_path, "that server's database (read for the fair)");
    sub->add_option("--keep-db", options->keep_database,
                    "own server: write its database here and keep it");
    sub->add_option("--speed", options->simulation.speed,
                    "simulated minutes per real minute; 0: as fast as the server answers")
        ->capture_default_str();
    sub->add_option("--seed", options->simulation.seed, "seed of the day's randomness")
        ->capture_default_str();
    sub->add_option("--no-show-rate", options->simulation.no_show_rate,
                    "share of calls a student at the fair, not away, misses (docs/simulation.md)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    sub->add_option("--absent-rate", options->simulation.people.absent_rate,
                    "share of pre-registered students who do not come at all")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    sub->add_option("--step-aways-per-hour", options->simulation.people.step_aways_per_hour,
                    "how often a waiting student wanders off for 5-20 min, missing calls")
        ->check(CLI::Range(0.0, 60.0))
        ->capture_default_str();
    sub->add_option("--scale", options->scale, "own server: demo fair scale (x1, x3, x10)")
        ->transform(scale_factor())
        ->check(CLI::Range(1, 30))
        ->capture_default_str();
    sub->add_option("--estimate-poll-minutes", options->simulation.estimate_poll_minutes,
                    "minutes between two status reads of a waiting student (default 5)")
        ->check(CLI::Range(1, 60));
    sub->add_option("--estimate-trace", options->estimate_trace,
                    "write each student's first estimate, the interview it foretold and what "
                    "the student did meanwhile to this file (tab-separated)");
    sub->add_option("--until", options->until,
                    "stop at this fair time (HH:MM), leaving the morning in progress");
    sub->add_option("--booth-pin-file", options->booth_pin_files,
                    "BOOTH=FILE: log in to that booth with the PIN in FILE instead of issuing a "
                    "new one (which would end the sessions of stations already logged in)");
    sub->add_flag("--check", options->check,
                  "check the day's invariants in the database after every simulated minute");
    sub->callback([options] { run_simulate(*options); });
}

}  // namespace jobfair::cli
