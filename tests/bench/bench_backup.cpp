// How long the online copy (common/store_backup.hpp) holds up check-ins: a writer checks
// students in one at a time through its own Store (WAL, synchronous FULL, as the server does)
// while another thread copies the database back to back; each check-in's latency is filed by
// whether a copy was under way when it began. Never run by ctest (timings are not tests).
//
//   bench_backup [--scale 1|3|10] [--folder DIR]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>
#include <vector>

#include "common/demo_generator.hpp"
#include "common/store.hpp"
#include "common/store_backup.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<size_t>(p * static_cast<double>(values.size() - 1));
    return values[at];
}

void print_row(const char* what, const std::vector<double>& ms) {
    std::printf("%-34s %6zu  p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f ms\n", what, ms.size(),
                percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99),
                ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"check-in latency while the database is copied online"};
    int scale = 1;
    std::string folder = (fs::temp_directory_path() / "jobfair-bench-backup").string();
    app.add_option("--scale", scale, "the demo fair's scale")->check(CLI::IsMember({1, 3, 10}));
    app.add_option("--folder", folder, "where the database and its copy go");
    CLI11_PARSE(app, argc, argv);

    fs::remove_all(folder);
    fs::create_directories(folder);
    const fs::path live = fs::path(folder) / "fair.db";
    std::vector<jobfair::StudentId> students;
    {
        jobfair::Store store(live);
        jobfair::GeneratorOptions options;
        options.scale = scale;
        const jobfair::Fair fair = jobfair::load_demo_fair(store, options, "bench");
        for (const auto& student : fair.students)
            students.push_back(student.id);
    }

    std::atomic<bool> copying{false};
    std::atomic<bool> done{false};
    std::vector<double> copy_ms;
    std::uintmax_t copy_bytes = 0;
    std::thread copier([&] {
        // Back to back, with a short pause: as many check-ins as possible meet a copy.
        while (!done) {
            copying = true;
            const auto copy = jobfair::copy_database(live, fs::path(folder) / "fair.backup.db");
            copying = false;
            copy_ms.push_back(static_cast<double>(copy.took.count()));
            copy_bytes = copy.bytes;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });

    std::vector<double> during, between;
    {
        jobfair::Store store(live);
        for (const auto& student : students) {
            const bool in_copy = copying;
            const auto started = Clock::now();
            store.check_in(student, jobfair::TimeOfDay::hm(8, 0), std::nullopt, "kiosk");
            const double ms =
                std::chrono::duration<double, std::milli>(Clock::now() - started).count();
            (in_copy || copying ? during : between).push_back(ms);
        }
    }
    done = true;
    copier.join();

    std::printf("demo fair x%d: %zu students, copy of %.1f MB\n", scale, students.size(),
                static_cast<double>(copy_bytes) / (1024.0 * 1024.0));
    print_row("copy_database (whole copy)", copy_ms);
    print_row("check-in, no copy under way", between);
    print_row("check-in, a copy under way", during);
    fs::remove_all(folder);
    return 0;
}
