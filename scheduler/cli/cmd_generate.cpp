// `jobfair generate`: writes the deterministic demo fair (common/demo_generator.hpp) as a
// jobfair-instance/1 document, and next to it the pre-registered students' phones and schools as
// the schools' lists would give them (common/student_details_csv.hpp): `-o assets/demo-fair.json`
// also writes `assets/demo-students.csv`. Exit 0: written; 1: options that cannot be met (e.g.
// more fixed promises than fit); 2: an output file cannot be written.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "common/demo_generator.hpp"
#include "common/fair_format.hpp"
#include "common/fair_summary.hpp"
#include "common/student_details_csv.hpp"
#include "scheduler/cli/commands.hpp"

namespace jobfair::cli {

namespace {

constexpr int kExitImpossible = 1;
constexpr int kExitUnwritable = 2;

struct GenerateOptions {
    GeneratorOptions generator;
    bool tight = false;
    bool loose = false;
    std::string output_path;        // empty: stdout
    std::string students_csv_path;  // empty: next to output_path (none when writing to stdout)
    bool no_students_csv = false;
};

// "demo-fair.json" -> "demo-students.csv"; "x.json" -> "x-students.csv", in the same folder.
std::string students_csv_next_to(const std::string& output_path) {
    const std::filesystem::path output(output_path);
    std::string stem = output.stem().string();
    constexpr std::string_view kFairSuffix = "-fair";
    if (stem.size() > kFairSuffix.size() && stem.ends_with(kFairSuffix)) {
        stem.resize(stem.size() - kFairSuffix.size());
    }
    return (output.parent_path() / (stem + "-students.csv")).string();
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "jobfair generate: cannot write " << path << '\n';
        throw CLI::RuntimeError(kExitUnwritable);
    }
}

void write_students_csv(const Fair& fair, const GenerateOptions& options) {
    if (options.no_students_csv) return;
    std::string path = options.students_csv_path;
    if (path.empty()) {
        if (options.output_path.empty()) return;
        path = students_csv_next_to(options.output_path);
    }
    std::vector<std::pair<StudentId, Store::StudentDetails>> rows;
    int with_phone = 0;
    for (DemoStudentDetails& demo : generate_demo_student_details(fair, options.generator.seed)) {
        Store::StudentDetails details;
        details.phone = std::move(demo.phone);
        details.school = std::move(demo.school);
        details.registered_via = "pre_registration";
        with_phone += details.phone.has_value();
        rows.emplace_back(std::move(demo.student), std::move(details));
    }
    write_file(path, write_student_details_csv(rows));
    std::cerr << "jobfair generate: wrote " << path << ": schools and phones of " << rows.size()
              << " pre-registered students (" << with_phone << " with a phone)\n";
}

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
    } else {
        write_file(options.output_path, json);
        report_written(fair, options.output_path);
    }
    write_students_csv(fair, options);
}

}  // namespace

void add_generate_command(CLI::App& app) {
    auto options = std::make_shared<GenerateOptions>();
    CLI::App* sub = app.add_subcommand(
        "generate", "Write the demo fair: same options, same fair, byte for byte, on any machine");
    sub->add_option("--seed", options->generator.seed, "seed of the generator")
        ->capture_default_str();
    sub->add_option("--scale", options->generator.scale,
                    "multiplies the 30 booths and 800 students of the seed fair (3 or x3)")
        ->transform(scale_factor())
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
    CLI::Option* students_csv = sub->add_option(
        "--students-csv", options->students_csv_path,
        "the pre-registered students' phones and schools (CSV; default: next to --output, "
        "demo-fair.json -> demo-students.csv)");
    sub->add_flag("--no-students-csv", options->no_students_csv, "write no students' details file")
        ->excludes(students_csv);
    sub->callback([options] { run_generate(*options); });
}

}  // namespace jobfair::cli
