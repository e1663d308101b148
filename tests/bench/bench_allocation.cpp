// Allocation benchmark: one fair per process (so peak memory is that fair's), printed as one row.
// Run by scripts/bench.sh, which prints the table; never by ctest.
//
//   bench_allocation --scale 10 --tightness tight --fixed 500 --repeat 5 [--replans 50]
//                    [--cbc SECONDS] [--cbc-idle SECONDS] [--no-idle] [--compare-replans]
//                    [--full-replans]
//                    [--digest] [--replan-trace] [--by-event] [--cpu-time] [--header]
//
// --digest prints on stderr a hash of every re-plan's plan (student, booth, slot, seat of
// each interview, its score and bound): two builds that print the same digest made the same plans;
// and a hash of the re-plans' scores alone (the same: every re-plan scored the same).
// --replan-trace prints one line per re-plan on stderr (event kind, ms, arcs changed, units
// re-routed, shortest-path phases and those searched in two threads, repaired or rebuilt).
// --cpu-time takes the re-plans' times as the thread's CPU time, which a loaded machine inflates
// less than wall time (cache sharing still shows); it leaves out the helper thread of a long
// search (IncrementalFlow), so it understates a re-plan that used one. --by-event prints the
// re-plan times per kind of event, and over all kinds but the added seat.
//
// replan ms = median/p90/p99 of re-plans after single events (keep_weight 0.5; in turn: a late
// check-in, an early leave, a booth pause, an added seat, a missed call, a walk-in) by the
// Replanner, which repairs the relaxation's network kept from the previous re-plan ("Rn": n of them
// solved it from scratch instead); --full-replans times allocate() from scratch instead, as before
// the Replanner. With --compare-replans, "N<" counts the re-plans that scored below a full
// re-solve.
//
// idle = total idle minutes of the schedule (the spec's second objective), idle LB = a lower bound
// for its (student, booth) pairs; with --cbc-idle, CBC idle = the least idle CBC finds at our score
// (any pairs), pairs = the same with our pairs fixed; a time-limited CBC run shows its best idle
// and the lower bound it proved, as "idle*>=bound".
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <cstdint>

#include <CLI/CLI.hpp>

#include "common/demo_generator.hpp"
#include "scheduler/engine/allocator.hpp"
#include "scheduler/engine/lp_export.hpp"
#include "scheduler/engine/replanner.hpp"

using namespace jobfair;

namespace {

double median(std::vector<double> values) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

// FNV-1a over the plan's numbers.
struct Digest {
    std::uint64_t value = 1469598103934665603ULL;
    void add(long long x) {
        for (int i = 0; i < 8; ++i) {
            value ^= std::uint64_t(x >> (8 * i)) & 0xffU;
            value *= 1099511628211ULL;
        }
    }
    void add(const alloc::AllocationResult& result) {
        add(result.score);
        add(result.upper_bound);
        add((long long)result.planned.size());
        for (const auto& p : result.planned) {
            add(p.student);
            add(p.booth);
            add(p.slot);
            add(p.seat);
        }
    }
};

// CPU seconds of this thread: on a shared machine it leaves out the time spent waiting for a core.
double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

long peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

constexpr int kEventKinds = 6;
constexpr const char* kEventNames[kEventKinds] = {"late check-in", "early leave", "booth pause",
                                                  "added seat",    "missed call", "walk-in"};

// One event of the fair floor, chosen round-robin, applied to the live model; a walk-in joins
// `fair` too (after everyone, as the server's database lists them).
void apply_event(alloc::AllocationModel& model, Fair& fair, int round) {
    const auto& students = fair.students;
    const auto& booths = fair.booths;
    const auto& grid = fair.settings.grid;
    const auto& student = students[size_t(round * 37) % students.size()];
    const auto& booth = booths[size_t(round * 7) % booths.size()];
    const TimeOfDay mid = grid.slot_start(grid.slot_count() / 2);
    switch (round % kEventKinds) {
        case 0:  // a student checks in 40 minutes late
            model.set_student_window(student.id, student.arrive.plus_minutes(40), student.leave);
            break;
        case 1:  // a student leaves at mid-morning
            model.student_left(student.id, mid);
            break;
        case 2:  // a booth pauses for 30 minutes
            model.close_booth_between(booth.id, mid, mid.plus_minutes(30));
            break;
        case 3:  // a booth adds a seat
            model.add_seat(booth.id);
            break;
        case 4: {  // a student misses a call
            const auto& plan = model.planned();
            if (!plan.empty()) {
                const auto& p = plan[size_t(round) % plan.size()];
                model.block_pair(p.student, p.booth);
            }
            break;
        }
        case 5: {  // a walk-in registers with the trade and picks of a student already here
            Student walk_in = student;
            walk_in.id = StudentId("W" + std::to_string(100000 + round));
            fair.students.push_back(walk_in);
            model.add_student(walk_in, fair);
            break;
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"jobfair allocation benchmark (one fair per run)"};
    GeneratorOptions options;
    std::string tightness = "normal";
    int repeat = 5;
    int replans = 0;
    double cbc_seconds = 0;
    double cbc_idle_seconds = 0;
    bool header = false;
    app.add_option("--seed", options.seed);
    app.add_option("--scale", options.scale);
    app.add_option("--tightness", tightness)->check(CLI::IsMember({"normal", "tight", "loose"}));
    app.add_option("--fixed", options.fixed_promises);
    app.add_option("--repeat", repeat);
    app.add_option("--replans", replans, "also time this many re-plans after single events");
    app.add_option("--cbc", cbc_seconds, "also solve the same model with CBC (time limit, s)");
    bool plain = false;
    bool compare_replans = false;
    bool full_replans = false;
    app.add_flag("--full-replans", full_replans, "time re-plans as allocate() from scratch");
    app.add_flag("--compare-replans", compare_replans,
                 "count re-plans scoring below a full re-solve with the same promises (N<)");
    app.add_flag("--no-idle", plain, "skip the idle objective (to measure what it costs)");
    app.add_option("--cbc-idle", cbc_idle_seconds,
                   "also solve the idle MIPs with CBC (time limit, s, per MIP)");
    bool digest = false;
    bool trace = false;
    bool by_event = false;
    app.add_flag("--digest", digest, "print a hash of every re-plan's plan");
    app.add_flag("--by-event", by_event,
                 "re-plan ms per kind of event on stderr, and over every kind but the added seat");
    app.add_flag("--replan-trace", trace, "one line per re-plan on stderr");
    bool cpu_time = false;
    app.add_flag("--cpu-time", cpu_time,
                 "replan ms in CPU time of the thread (a shared machine's waits left out)");
    app.add_flag("--header", header);
    CLI11_PARSE(app, argc, argv);

    if (header) {
        std::printf(
            "%-22s %6s %6s %10s %10s %8s %9s %8s %20s %12s %10s %9s %8s %8s %15s %15s %8s\n",
            "fair", "booths", "stud.", "score", "bound", "gap %", "time ms", "RSS MiB", "replan ms",
            "CBC score", "CBC s", "CBC/ours", "idle", "idle LB", "CBC idle", "pairs", "idle/CBC");
        return 0;
    }
    options.tightness = tightness == "tight"   ? GeneratorOptions::Tightness::tight
                        : tightness == "loose" ? GeneratorOptions::Tightness::loose
                                               : GeneratorOptions::Tightness::normal;
    const Fair fair = generate_demo_fair(options);
    const auto model = alloc::AllocationModel::from_fair(fair);

    alloc::AllocateOptions solve_options;
    solve_options.reduce_idle = !plain;
    std::vector<double> times;
    alloc::AllocationResult result;
    for (int i = 0; i < std::max(1, repeat); ++i) {
        result = alloc::allocate(model, solve_options);
        times.push_back(result.seconds * 1000.0);
    }

    std::string replan_text = "-";
    if (replans > 0) {
        auto live = model;
        Fair live_fair = fair;  // walk-ins join it
        live.set_planned(result.planned);
        alloc::AllocateOptions keep;
        keep.keep_weight = 0.5;
        keep.compute_bound = false;
        keep.reduce_idle = !plain;
        std::vector<double> replan_times;
        int below_full = 0;  // re-plans that scored less than a full re-solve
        alloc::Replanner replanner(keep);
        Digest plans, scores;
        if (!full_replans) {  // the server's start
            const auto first = replanner.replan(live);
            plans.add(first);
            scores.add(first.score);
            live.set_planned(first.planned);
        }
        for (int round = 0; round < replans; ++round) {
            apply_event(live, live_fair, round);
            const double cpu_before = thread_cpu_seconds();
            const auto replanned =
                full_replans ? alloc::allocate(live, keep) : replanner.replan(live);
            const double cpu_ms = (thread_cpu_seconds() - cpu_before) * 1000.0;
            replan_times.push_back(cpu_time ? cpu_ms : replanned.seconds * 1000.0);
            plans.add(replanned);
            scores.add(replanned.score);
            long long full_score = replanned.score;  // with --compare-replans: a full re-solve's
            if (compare_replans) {
                auto fresh = live;
                fresh.set_planned({});
                full_score = alloc::allocate(fresh, solve_options).score;
                below_full += full_score > replanned.score;
            }
            if (trace) {
                const auto* second = replanner.second_opinion();
                std::fprintf(
                    stderr,
                    "round %3d kind %d  %8.2f ms  arcs %6d  units %5lld  phases %4d (%d in 2 "
                    "threads)  %s"
                    "  second: %s arcs %d units %lld phases %d  score %lld (full re-solve %+lld)\n",
                    round, round % kEventKinds, replanned.seconds * 1000.0,
                    replanner.last_changed_arcs(), replanner.last_rerouted_units(),
                    replanner.last_phases(), replanner.last_parallel_phases(),
                    full_replans                  ? "full"
                    : replanner.last_was_repair() ? "repaired"
                                                  : "rebuilt",
                    !second                     ? "-"
                    : second->last_was_repair() ? "repaired"
                                                : "rebuilt",
                    second ? second->last_changed_arcs() : 0,
                    second ? second->last_rerouted_units() : 0, second ? second->last_phases() : 0,
                    replanned.score, full_score - replanned.score);
            }
            live.set_planned(replanned.planned);
        }
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.1f/%.1f/%.1f", median(replan_times),
                      percentile(replan_times, 0.9), percentile(replan_times, 0.99));
        replan_text = buffer;
        if (!full_replans) replan_text += " R" + std::to_string(replanner.counts().rebuilt - 1);
        if (compare_replans) replan_text += " " + std::to_string(below_full) + "<";
        if (by_event) {
            // The added seat apart: the issue's events are check-ins, no-shows, finishes, walk-ins
            // and pauses; a seat added for the rest of the day is the one that moves the most.
            std::vector<double> without_seat;
            for (int kind = 0; kind < kEventKinds; ++kind) {
                std::vector<double> of_kind;
                for (size_t i = size_t(kind); i < replan_times.size(); i += kEventKinds)
                    of_kind.push_back(replan_times[i]);
                if (kind != 3)
                    without_seat.insert(without_seat.end(), of_kind.begin(), of_kind.end());
                std::fprintf(
                    stderr, "  %-14s %3zu re-plans  ms med/p90/p99/max %.1f/%.1f/%.1f/%.1f\n",
                    kEventNames[kind], of_kind.size(), median(of_kind), percentile(of_kind, 0.9),
                    percentile(of_kind, 0.99),
                    of_kind.empty() ? 0.0 : *std::max_element(of_kind.begin(), of_kind.end()));
            }
            std::fprintf(stderr, "  %-14s %3zu re-plans  ms med/p90/p99/max %.1f/%.1f/%.1f/%.1f\n",
                         "all but seat", without_seat.size(), median(without_seat),
                         percentile(without_seat, 0.9), percentile(without_seat, 0.99),
                         without_seat.empty()
                             ? 0.0
                             : *std::max_element(without_seat.begin(), without_seat.end()));
        }
        if (digest) {
            std::fprintf(stderr, "plan digest %016llx  score digest %016llx\n",
                         (unsigned long long)plans.value, (unsigned long long)scores.value);
        }
    }

    std::string cbc_score = "-", cbc_time = "-", ratio = "-";
    if (cbc_seconds > 0) {
        const auto cbc = alloc::solve_with_cbc(model, cbc_seconds);
        if (cbc.ran) {
            cbc_score = std::to_string(cbc.score) + (cbc.optimal ? "" : "*");
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "%.2f", cbc.seconds);
            cbc_time = buffer;
            std::snprintf(buffer, sizeof buffer, "%.0fx", cbc.seconds * 1000.0 / median(times));
            ratio = buffer;
        } else {
            cbc_score = "failed";
        }
    }

    std::string cbc_idle = "-", cbc_pairs_idle = "-", idle_ratio = "-";
    if (cbc_idle_seconds > 0) {
        alloc::IdleLpTarget at_our_score;
        at_our_score.min_score = result.score;
        const auto any_pairs = alloc::solve_idle_with_cbc(model, at_our_score, cbc_idle_seconds);
        alloc::IdleLpTarget our_pairs;
        our_pairs.pairs = &result.planned;
        const auto same_pairs = alloc::solve_idle_with_cbc(model, our_pairs, cbc_idle_seconds);
        // A time-limited run shows its best schedule and its proven bound: "idle*>=bound".
        auto text = [](const alloc::CbcIdleOutcome& cbc) {
            if (!cbc.ran) return std::string("failed");
            if (cbc.optimal) return std::to_string(cbc.idle_minutes);
            return std::to_string(cbc.idle_minutes) + "*>=" + std::to_string(cbc.lower_bound);
        };
        cbc_idle = text(any_pairs);
        cbc_pairs_idle = text(same_pairs);
        if (any_pairs.ran && any_pairs.idle_minutes > 0) {
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "%.4f",
                          double(result.idle_minutes) / double(any_pairs.idle_minutes));
            idle_ratio = buffer;
        }
    }

    char label[64];
    std::snprintf(label, sizeof label, "x%d %s%s%s", options.scale, tightness.c_str(),
                  options.fixed_promises
                      ? (" +" + std::to_string(options.fixed_promises) + " fixed").c_str()
                      : "",
                  full_replans ? " rebuilt" : "");
    std::printf(
        "%-22s %6zu %6zu %10lld %10lld %8.4f %9.1f %8ld %20s %12s %10s %9s %8lld %8lld %15s %15s "
        "%8s\n",
        label, fair.booths.size(), fair.students.size(), result.score, result.upper_bound,
        100.0 * result.gap(), median(times), peak_rss_mib(), replan_text.c_str(), cbc_score.c_str(),
        cbc_time.c_str(), ratio.c_str(), result.idle_minutes, result.idle_lower_bound,
        cbc_idle.c_str(), cbc_pairs_idle.c_str(), idle_ratio.c_str());
    return 0;
}
