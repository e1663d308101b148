// `jobfair solve (INSTANCE | --db FILE) [-o SCHEDULE] [--explain STUDENT]`
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "common/fair_format.hpp"
#include "common/schedule_check.hpp"
#include "common/store.hpp"
#include "scheduler/cli/commands.hpp"
#include "scheduler/engine/allocator.hpp"
#include "scheduler/engine/explain.hpp"

namespace jobfair::cli {

namespace {

struct SolveOptions {
    std::string instance_path;
    std::string database_path;
    std::string schedule_path;
    std::string explain_student;
    double time_limit_seconds = 0.0;
};

Schedule schedule_from(const alloc::AllocationModel& model, const alloc::AllocationResult& result) {
    Schedule schedule;
    for (const auto& placement : result.all()) {
        schedule.interviews.push_back(model.to_interview(placement));
    }
    std::sort(schedule.interviews.begin(), schedule.interviews.end(),
              [](const Interview& a, const Interview& b) {
                  return std::tie(a.start, a.booth, a.seat) < std::tie(b.start, b.booth, b.seat);
              });
    schedule.score = result.score;
    return schedule;
}

void print_result(const Fair& fair, const alloc::AllocationResult& result) {
    std::printf("score:            %lld\n", result.score);
    std::printf("covered students: %d / %zu\n", result.covered_students, fair.students.size());
    std::printf("interviews:       %d (%zu promised before solving)\n", result.interviews,
                result.locked.size());
    const double utilisation = result.usable_seat_slots == 0
                                   ? 0.0
                                   : 100.0 * result.interviews / double(result.usable_seat_slots);
    std::printf("seat utilisation: %.1f%% of %lld seat-slots\n", utilisation,
                result.usable_seat_slots);
    if (result.upper_bound >= 0) {
        std::printf("upper bound:      %lld (min-cost-flow relaxation)\n", result.upper_bound);
        std::printf("gap:              %.4f%%%s\n", 100.0 * result.gap(),
                    result.proven_optimal() ? " (proven optimal)" : "");
    }
    if (result.idle_lower_bound >= 0) {
        std::printf(
            "total idle:       %lld min (lower bound for these pairs: %lld min; %d "
            "interviews re-timed)\n",
            result.idle_minutes, result.idle_lower_bound, result.idle_moves);
    } else {
        std::printf("total idle:       %lld min\n", result.idle_minutes);
    }
    std::printf("time:             %.3f s%s\n", result.seconds,
                result.stopped_by_time_limit ? " (time limit reached: the schedule is valid but "
                                               "not fully improved)"
                                             : "");
}

void print_explanation(const alloc::AllocationModel& model, const alloc::AllocationResult& result,
                       const std::string& student_id) {
    const auto student = model.student_index(StudentId(student_id));
    if (!student) {
        std::fprintf(stderr, "jobfair solve: there is no student %s in this fair\n",
                     student_id.c_str());
        throw CLI::RuntimeError(2);
    }
    std::printf("\n%s:\n", student_id.c_str());
    for (const auto& item : alloc::explain_student(model, result.all(), *student)) {
        std::string when;
        if (item.placement) {
            when = " at " + model.grid().slot_start(item.placement->slot).str() + ", seat " +
                   std::to_string(item.placement->seat);
        }
        std::printf("  %d. %-6s %s%s\n     %s\n", item.rank,
                    item.booth.empty() ? "?" : item.booth.str().c_str(), item.reason_en.c_str(),
                    when.c_str(), item.reason_vi.c_str());
    }
}

void run_solve(const SolveOptions& options) {
    Fair fair;
    std::optional<Store> store;
    try {
        if (!options.database_path.empty()) {
            store.emplace(options.database_path);
            fair = store->load_fair();
        } else {
            fair = read_instance_file(options.instance_path);
        }
    } catch (const std::runtime_error& error) {  // FairFormatError or StoreError
        std::fprintf(stderr, "jobfair solve: %s\n", error.what());
        throw CLI::RuntimeError(2);
    }
    const auto model = alloc::AllocationModel::from_fair(fair);
    alloc::AllocateOptions allocate_options;
    allocate_options.time_limit_seconds = options.time_limit_seconds;
    const auto result = alloc::allocate(model, allocate_options);
    for (const auto& broken : result.broken_promises) {
        std::fprintf(stderr, "cannot keep %s\n", broken.reason.c_str());
    }

    const Schedule schedule = schedule_from(model, result);
    if (!options.schedule_path.empty()) {
        std::ofstream out(options.schedule_path, std::ios::binary);
        out << write_schedule(schedule);
        if (!out) {
            std::fprintf(stderr, "jobfair solve: cannot write %s\n", options.schedule_path.c_str());
            throw CLI::RuntimeError(2);
        }
    }
    if (store) {
        std::vector<Interview> planned;
        for (const auto& placement : result.planned)
            planned.push_back(model.to_interview(placement));
        store->save_planned_schedule(planned, "jobfair solve");
        std::printf("stored %zu planned interviews in %s\n", planned.size(),
                    options.database_path.c_str());
    }
    print_result(fair, result);
    if (!options.explain_student.empty()) print_explanation(model, result, options.explain_student);

    // A schedule we write must pass the checker; anything else is a bug worth stopping for.
    const auto report = check_schedule(fair, schedule);
    if (!report.valid() && result.broken_promises.empty()) {
        std::fprintf(stderr, "jobfair solve: internal error, the schedule breaks %zu rule(s)\n",
                     report.violations.size());
        for (const auto& violation : report.violations) {
            std::fprintf(stderr, "  %s\n", violation.message.c_str());
        }
        throw CLI::RuntimeError(3);
    }
    if (!result.broken_promises.empty()) throw CLI::RuntimeError(1);
}

}  // namespace

void add_solve_command(CLI::App& app) {
    auto options = std::make_shared<SolveOptions>();
    auto* solve = app.add_subcommand("solve", "Allocate interviews for a fair instance");
    auto* instance =
        solve->add_option("instance", options->instance_path, "Fair instance (jobfair-instance/1)");
    auto* database = solve->add_option("--db", options->database_path,
                                       "Solve the fair stored in this database and store the plan");
    instance->excludes(database);
    solve->callback([options, instance, database] {
        if (instance->count() == 0 && database->count() == 0) {
            throw CLI::RequiredError("an INSTANCE file or --db FILE");
        }
        run_solve(*options);
    });
    solve->add_option("-o,--output", options->schedule_path,
                      "Write the schedule (jobfair-schedule/1) here");
    solve
        ->add_option("--time-limit", options->time_limit_seconds,
                     "Seconds for the repair and fill passes (the flow solve is not cut short)")
        ->check(CLI::NonNegativeNumber);
    solve->add_option("--explain", options->explain_student,
                      "Explain each preference of this student (e.g. S0042)");
}

}  // namespace jobfair::cli
