// `jobfair serve --db FILE [--listen HOST:PORT] [--public-url URL] [--demo] [--tls-cert F --tls-key
// F] [--clock-start HH:MM --clock-speed X]`
#include <fcntl.h>
#include <pthread.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "common/demo_generator.hpp"
#include "common/sodium_init.hpp"
#include "common/store.hpp"
#include "scheduler/cli/commands.hpp"
#include "scheduler/cli/serve_backup.hpp"
#include "scheduler/server/fair_server.hpp"
#include "scheduler/server/public_url.hpp"

namespace jobfair::cli {

namespace {

struct ServeOptions {
    std::string database_path;
    std::string listen = "127.0.0.1:8080";
    std::string ticket_key_path;  // default: next to the database
    std::string tls_certificate;  // both set: HTTPS
    std::string tls_private_key;
    bool demo = false;
    std::string public_url;   // empty: found from the listening interface
    std::string clock_start;  // set: a simulated day starting then
    double clock_speed = 1.0;
    ServeBackupOptions backup;  // --backup-to, --backup-every (serve_backup.hpp)
};

[[noreturn]] void fail(const std::string& message, int exit_code) {
    std::cerr << "jobfair serve: " << message << '\n';
    throw CLI::RuntimeError(exit_code);
}

// Writes `text` to a file readable and writable by its owner only (0600), replacing it.
bool write_private_file(const std::string& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool ok = ::fchmod(fd, 0600) == 0;  // an older file may have had a wider mode
    ok = ok && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ok = (::fsync(fd) == 0) && ok;
    return (::close(fd) == 0) && ok;
}

// A readable password to type: 4 groups of 4 letters and digits.
std::string random_password() {
    ensure_sodium();
    static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
    std::string password;
    for (int i = 0; i < 16; ++i) {
        if (i > 0 && i % 4 == 0) password += '-';
        password += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
    }
    return password;
}

void run_serve(const ServeOptions& options) {
    const auto colon = options.listen.rfind(':');
    if (colon == std::string::npos) fail("--listen must be HOST:PORT", 2);
    const std::string host = options.listen.substr(0, colon);
    const int port = std::atoi(options.listen.c_str() + colon + 1);
    if (port < 0 || port > 65535) fail("the port must be 0 to 65535", 2);

    std::optional<Store> store;
    try {
        store.emplace(options.database_path);
        if (!store->has_fair()) {
            if (!options.demo) {
                fail(options.database_path +
                         " holds no fair: import one (jobfair import) or pass --demo",
                     1);
            }
            load_demo_fair(*store, GeneratorOptions{}, "serve --demo");
            std::cout << "Loaded the demo fair into " << options.database_path << '\n';
        }
    } catch (const StoreError& error) {
        fail(error.what(), 2);
    }

    std::optional<TicketKey> key;
    try {
        key.emplace(TicketKey::load_or_create(options.ticket_key_path.empty()
                                                  ? options.database_path + ".ticket-key"
                                                  : options.ticket_key_path));
    } catch (const TicketKeyError& error) {
        fail(error.what(), 2);
    }

    ServerOptions server_options;
    server_options.tls_certificate = options.tls_certificate;
    server_options.tls_private_key = options.tls_private_key;
    if (!options.public_url.empty()) {
        const auto url = normalised_public_url(options.public_url);
        if (!url) fail("--public-url must be http://HOST[:PORT] or https://HOST[:PORT]", 2);
        server_options.public_url = *url;
    }
    std::unique_ptr<FairClock> clock;
    std::unique_ptr<SteerableClock> steerable;
    if (!options.clock_start.empty()) {
        const auto start = TimeOfDay::parse(options.clock_start);
        if (!start) fail("--clock-start must be HH:MM", 2);
        steerable = std::make_unique<SteerableClock>(*start, options.clock_speed);
        server_options.steerable_clock = steerable.get();
    } else {
        clock = std::make_unique<SystemFairClock>();
    }
    const FairClock& fair_clock = steerable ? static_cast<const FairClock&>(*steerable) : *clock;

    // Ctrl-C and SIGTERM stop the server cleanly: a thread waits for them (signal handlers may
    // not touch the server). Block them before any thread starts so only that thread sees them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    std::optional<FairServer> serving;
    try {
        serving.emplace(*store, fair_clock, *key, server_options);
    } catch (const std::invalid_argument& error) {
        fail(error.what(), 2);
    }
    FairServer& server = *serving;
    if (!server.has_organizer_password()) {
        const char* from_environment = std::getenv("JOBFAIR_ORGANIZER_PASSWORD");
        const std::string password = from_environment ? from_environment : random_password();
        try {
            server.set_initial_organizer_password(password);
        } catch (const std::invalid_argument& error) {
            fail(std::string("JOBFAIR_ORGANIZER_PASSWORD: ") + error.what(), 2);
        }
        if (!from_environment) {
            // Never on the console: a console is often logged. A file only its owner can read.
            const std::string password_path = options.database_path + ".organizer-password";
            if (!write_private_file(password_path, password + "\n")) {
                fail("cannot write the organizer password to " + password_path, 2);
            }
            std::cout << "Mật khẩu ban tổ chức đã ghi vào / Organizer password written to "
                      << password_path << " (chỉ chủ tệp đọc được / readable by its owner only)\n";
        }
    }
    if (!server.bind(host, port)) fail("cannot listen on " + options.listen, 2);
    const auto backup = start_serve_backup(options.backup, options.database_path,
                                           options.ticket_key_path);  // copies until return
    const char* scheme = options.tls_certificate.empty() ? "http" : "https";
    std::cout << "jobfair server for \"" << store->load_fair().settings.name << "\" on " << scheme
              << "://" << host << ':' << server.port() << "/api/v1 (Ctrl-C stops)" << std::endl;
    std::cout << "Điện thoại của sinh viên / students' phones: " << server.public_url() << "/p"
              << std::endl;
    if (!listens_beyond_this_machine(host)) {
        std::cout << "  (chỉ nghe trên máy này: điện thoại không vào được; hãy dùng --listen "
                     "0.0.0.0:PORT / listening on this machine only: phones cannot reach it; use "
                     "--listen 0.0.0.0:PORT)"
                  << std::endl;
    }

    std::thread signal_waiter([&] {
        int received = 0;
        sigwait(&stop_signals, &received);
        if (received == SIGINT || received == SIGTERM) server.stop();
    });
    server.run();
    // run() also returns when the listener fails: wake the waiter so it can be joined.
    pthread_kill(signal_waiter.native_handle(), SIGTERM);
    signal_waiter.join();
    std::cout << "jobfair server stopped; every change is in " << options.database_path << '\n';
}

}  // namespace

void add_serve_command(CLI::App& app) {
    auto options = std::make_shared<ServeOptions>();
    auto* sub = app.add_subcommand("serve", "Run the fair server for kiosks, booths and screens");
    sub->add_option("--db", options->database_path, "the fair's database (SQLite)")->required();
    sub->add_option("--listen", options->listen, "HOST:PORT to listen on (port 0: any free)")
        ->capture_default_str();
    sub->add_option("--tls-cert", options->tls_certificate,
                    "serve HTTPS with this PEM certificate (chain); needs --tls-key")
        ->check(CLI::ExistingFile);
    sub->add_option("--tls-key", options->tls_private_key, "the PEM private key of --tls-cert")
        ->check(CLI::ExistingFile);
    sub->add_option("--public-url", options->public_url,
                    "where students' phones reach this server, for the status QR (default: "
                    "found from the listening interface, e.g. http://192.168.1.10:8080)");
    sub->add_flag("--demo", options->demo, "load the demo fair when the database has none");
    sub->add_option("--ticket-key", options->ticket_key_path,
                    "ticket signing key file (default: DB.ticket-key, created when missing)");
    sub->add_option("--clock-start", options->clock_start,
                    "simulate the day from this time of day (HH:MM) instead of the real clock");
    sub->add_option("--clock-speed", options->clock_speed,
                    "simulated minutes per real minute (0: only POST /api/v1/clock moves it)")
        ->check(CLI::Range(0.0, 10000.0));
    add_serve_backup_options(*sub, options->backup);
    sub->callback([options] { run_serve(*options); });
}

}  // namespace jobfair::cli
