#include "kiosk/ui/frame_stats.hpp"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string_view>

namespace jobfair::ui {

void FrameStats::begin_frame() {
    frame_began_ = Clock::now();
}

void FrameStats::end_frame() {
    if (!frame_began_) return;
    const auto elapsed = Clock::now() - *frame_began_;
    frame_began_.reset();
    if (!first_frame_done_) {
        // The first frame builds and uploads the font atlas: it belongs to the launch figure.
        first_frame_done_ = true;
        launch_to_first_frame_ = process_age();
        return;
    }
    const double ms = std::chrono::duration<double, std::milli>(elapsed).count();
    // A station runs all day at up to 60 frames a second: keep the latest frames, not every one.
    if (frame_ms_.size() < kFramesKept) {
        frame_ms_.push_back(ms);
    } else {
        frame_ms_[next_overwritten_] = ms;
        next_overwritten_ = (next_overwritten_ + 1) % kFramesKept;
    }
}

FrameTimeSummary FrameStats::summary() const {
    FrameTimeSummary result;
    if (frame_ms_.empty()) return result;
    std::vector<double> sorted = frame_ms_;
    std::sort(sorted.begin(), sorted.end());
    // Nearest-rank percentiles: the value at or above the given share of frames.
    const auto at_share = [&](double share) {
        const auto rank = static_cast<std::size_t>(std::ceil(share * sorted.size()));
        return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
    };
    result.frames = static_cast<int>(sorted.size());
    result.median_ms = at_share(0.5);
    result.p90_ms = at_share(0.9);
    result.max_ms = sorted.back();
    result.p99_ms = at_share(0.99);
    if (!swap_ms_.empty()) {
        std::vector<double> swaps = swap_ms_;
        std::sort(swaps.begin(), swaps.end());
        result.swap_median_ms = swaps[(swaps.size() + 1) / 2 - 1];
    }
    return result;
}

std::optional<std::chrono::milliseconds> process_age() {
    std::ifstream stat_file("/proc/self/stat");
    std::string stat;
    if (!std::getline(stat_file, stat)) return std::nullopt;
    // The command name (field 2) may hold spaces; fields are counted after its closing ')'.
    const auto name_end = stat.rfind(')');
    if (name_end == std::string::npos) return std::nullopt;
    std::istringstream fields(stat.substr(name_end + 2));
    std::string field;
    for (int index = 3; index <= 22 && fields >> field; ++index) {
        if (index != 22) continue;
        const double start_ticks = std::stod(field);  // field 22: start time, ticks since boot
        timespec since_boot{};
        if (clock_gettime(CLOCK_BOOTTIME, &since_boot) != 0) return std::nullopt;
        const double now_ms = since_boot.tv_sec * 1000.0 + since_boot.tv_nsec / 1e6;
        const double start_ms = start_ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
        return std::chrono::milliseconds(static_cast<long>(now_ms - start_ms));
    }
    return std::nullopt;
}

std::optional<long> resident_memory_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    constexpr std::string_view kKey = "VmRSS:";
    while (std::getline(status, line)) {
        if (line.rfind(kKey, 0) != 0) continue;
        std::istringstream value(line.substr(kKey.size()));
        long kib = 0;
        if (value >> kib) return kib;
    }
    return std::nullopt;
}

std::string describe(const FrameStats& stats) {
    const FrameTimeSummary summary = stats.summary();
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(1);
    out << "frames " << summary.frames << ": median " << summary.median_ms << " ms, p90 "
        << summary.p90_ms << " ms, max " << summary.max_ms << " ms";
    if (const auto launch = stats.launch_to_first_frame()) {
        out << "; first frame " << launch->count() << " ms after launch";
    }
    if (const auto kib = resident_memory_kib()) {
        out << "; resident " << static_cast<double>(*kib) / 1024.0 << " MiB";
    }
    return out.str();
}

}  // namespace jobfair::ui
