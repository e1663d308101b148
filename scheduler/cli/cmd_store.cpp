// The fair's database from the command line:
//   `jobfair import INSTANCE --db FILE`  loads a fair instance into a new database
//   `jobfair export --db FILE [-o OUT]`  writes the stored fair back as an instance
//   `jobfair summary --db FILE`          prints capacity, demand and interview states
// Exit 0: done; 1: the store refused (no fair, fair already loaded, unreadable database);
// 2: unreadable input or unwritable output.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "common/fair_format.hpp"
#include "common/store.hpp"
#include "scheduler/cli/commands.hpp"

namespace jobfair::cli {

namespace {

constexpr int kExitRefused = 1;
constexpr int kExitUnreadable = 2;
constexpr std::string_view kActor = "cli";

struct StoreOptions {
    std::string database_path;
    std::string instance_path;  // import: the input
    std::string output_path;    // export: empty means stdout
};

[[noreturn]] void fail(std::string_view command, std::string_view message, int exit_code) {
    std::cerr << "jobfair " << command << ": " << message << '\n';
    throw CLI::RuntimeError(exit_code);
}

void run_import(const StoreOptions& options) {
    Fair fair;
    try {
        fair = read_instance_file(options.instance_path);
    } catch (const FairFormatError& error) {
        fail("import", error.what(), kExitUnreadable);
    }
    try {
        Store store(options.database_path);
        store.import_fair(fair, kActor);
        std::cout << "Imported " << options.instance_path << " into " << options.database_path
                  << ":\n"
                  << format_summary(store.summary());
    } catch (const StoreError& error) {
        fail("import", error.what(), kExitRefused);
    }
}

void run_export(const StoreOptions& options) {
    std::string instance_json;
    try {
        instance_json = write_instance(Store(options.database_path).load_fair());
    } catch (const StoreError& error) {
        fail("export", error.what(), kExitRefused);
    } catch (const FairFormatError& error) {
        fail("export", error.what(), kExitRefused);
    }
    if (options.output_path.empty()) {
        std::cout << instance_json;
        return;
    }
    std::ofstream out(options.output_path, std::ios::binary | std::ios::trunc);
    out << instance_json;
    out.close();
    if (!out) fail("export", "cannot write " + options.output_path, kExitUnreadable);
}

void run_summary(const StoreOptions& options) {
    try {
        std::cout << format_summary(Store(options.database_path).summary());
    } catch (const StoreError& error) {
        fail("summary", error.what(), kExitRefused);
    }
}

// Export and summary must not create an empty database by a typo in the path.
void add_existing_database_option(CLI::App* sub, StoreOptions& options) {
    sub->add_option("--db", options.database_path, "the fair's database (SQLite)")
        ->required()
        ->check(CLI::ExistingFile);
}

}  // namespace

void add_store_commands(CLI::App& app) {
    // One options object per subcommand: only one runs, and none sees another's fields.
    auto import_options = std::make_shared<StoreOptions>();
    CLI::App* import_command =
        app.add_subcommand("import", "Load a fair instance into a new database");
    import_command
        ->add_option("INSTANCE", import_options->instance_path,
                     "fair instance (jobfair-instance/1 JSON)")
        ->required()
        ->check(CLI::ExistingFile);
    import_command
        ->add_option("--db", import_options->database_path,
                     "the database to create or fill (SQLite)")
        ->required();
    import_command->callback([import_options] { run_import(*import_options); });

    auto export_options = std::make_shared<StoreOptions>();
    CLI::App* export_command =
        app.add_subcommand("export", "Write the stored fair as an instance (JSON)");
    add_existing_database_option(export_command, *export_options);
    export_command->add_option("-o,--output", export_options->output_path,
                               "output file (default: stdout)");
    export_command->callback([export_options] { run_export(*export_options); });

    auto summary_options = std::make_shared<StoreOptions>();
    CLI::App* summary_command = app.add_subcommand("summary", "Print what the database holds");
    add_existing_database_option(summary_command, *summary_options);
    summary_command->callback([summary_options] { run_summary(*summary_options); });
}

}  // namespace jobfair::cli
