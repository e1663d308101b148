// `jobfair generate`: writes the deterministic demo fair (common/demo_generator.hpp) as a
// jobfair-instance/1 document. Exit 0: written; 1: options that cannot be met (e.g. more fixed
// promises than fit); 2: the output file cannot be written.
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "common/demo_generator.hpp"
#include "common/fair_format.hpp"
#include "common/fair_summary.hpp"
#include "scheduler/cli/commands.hpp"

namespace jobfair::cli {

namespace {

constexpr int kExitImpossible = 1;
constexpr int kExitUnwritable = 2;

struct GenerateOptions {
    GeneratorOptions generator;
    bool tight = false;
    bool loose = false;
    std::string output_path;  // empty: stdout
};

void report_written(const Fair& fair, const std::string& path) {
    const FairSummary summary = summarize_fair(fair);
    const DemandFigures demand = demand_figures(fair);
    std::cerr << "jobfair generate: wrote " << path << ": " << summary.booths << " booths, "
              << summary.seats << " seats, " << summary.seat_slots << " seat-slots ("
              << demand.interview_capacity << " within the booths' caps), " << summary.students
              << " students, " << summary.preferences << " preferences ("
              << demand.ineligible_preferences << " ineligible), " << demand.oversubscribed_booths
              << " oversubscribed booths, " << summary.fixed_interviews << " fixed\n";
}

void run_generate(GenerateOptions options) {
    if (options.tight) options.generator.tightness = GeneratorOptions::Tightness::tight;
    if (options.loose) options.generator.tightness = GeneratorOptions::Tightness::loose;

    Fair fair;
    try {
        fair = generate_demo_fair(options.generator);
    } catch (const std::invalid_argument& error) {
        std::cerr << "jobfair generate: " << error.what() << '\n';
        throw CLI::RuntimeError(kExitImpossible);
    }
    const std::string json = write_instance(fair);

    if (options.output_path.empty()) {
        std::cout << json;
        return;
    }
    std::ofstream out(options.output_path, std::ios::binary);
    out << json;
    out.close();
    if (!out) {
        std::cerr << "jobfair generate: cannot write " << options.output_path << '\n';
        throw CLI::RuntimeError(kExitUnwritable);
    }
    report_written(fair, options.output_path);
}

}  // namespace

void add_generate_command(CLI::App& app) {
    auto options = std::make_shared<GenerateOptions>();
    CLI::App* sub = app.add_subcommand(
        "generate", "Write the demo fair: same options, same fair, byte for byte, on any machine");
    sub->add_option("--seed", options->generator.seed, "seed of the generator")
        ->capture_default_str();
    sub->add_option("--scale", options->generator.scale,
                    "multiplies the 30 booths and 800 students of the seed fair")
        ->check(CLI::IsMember({1, 3, 10, 30}))
        ->capture_default_str();
    CLI::Option* tight =
        sub->add_flag("--tight", options->tight, "about 0.5 seat-slots per student");
    CLI::Option* loose =
        sub->add_flag("--loose", options->loose, "about 1.5 seat-slots per student");
    tight->excludes(loose);
    sub->add_option("--fixed", options->generator.fixed_promises,
                    "interviews already promised to students, kept by every schedule")
        ->check(CLI::Range(0, 1000000))
        ->capture_default_str();
    sub->add_option("-o,--output", options->output_path, "output file (default: stdout)");
    sub->callback([options] { run_generate(*options); });
}

}  // namespace jobfair::cli
