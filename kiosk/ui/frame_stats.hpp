// Figures for the kiosk benchmarks: frame times (median, p90, max), launch to first frame, and
// resident memory. The Window records every frame; a benchmark reads the summary at the end.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace jobfair::ui {

struct FrameTimeSummary {
    int frames = 0;  // frames measured (the first frame, which uploads the font atlas, excluded)
    double median_ms = 0;
    double p90_ms = 0;
    double max_ms = 0;
    double p99_ms = 0;
    // Median time inside glfwSwapBuffers, where Mesa's llvmpipe rasterises the frame and hands
    // it to the X server; the rest of a frame is ImGui building it and the program's own work.
    // Zero when not recorded (add_swap).
    double swap_median_ms = 0;
};

class FrameStats {
  public:
    using Clock = std::chrono::steady_clock;

    void begin_frame();
    // Ends the frame begun last; the first frame ever is kept apart as the launch figure.
    void end_frame();
    // Drops the frame begun last (e.g. one slowed by reading pixels back).
    void discard_frame() { frame_began_.reset(); }
    // The swap time of a frame counted (Window::last_swap_ms()), for swap_median_ms.
    void add_swap(double ms) { swap_ms_.push_back(ms); }

    // Of the frames kept: the latest kFramesKept.
    FrameTimeSummary summary() const;
    // From the process's start (as the kernel recorded it) to the end of the first frame.
    std::optional<std::chrono::milliseconds> launch_to_first_frame() const {
        return launch_to_first_frame_;
    }

  private:
    std::optional<Clock::time_point> frame_began_;
    bool first_frame_done_ = false;
    std::optional<std::chrono::milliseconds> launch_to_first_frame_;
    // The latest kFramesKept frame times (about five minutes at 60 a second), oldest overwritten.
    static constexpr std::size_t kFramesKept = 18'000;
    std::vector<double> frame_ms_;
    std::size_t next_overwritten_ = 0;
    std::vector<double> swap_ms_;  // only benchmarks add them, a few hundred at most
};

// How long ago this process started, from /proc/self/stat (10 ms resolution); nullopt off Linux.
std::optional<std::chrono::milliseconds> process_age();

// Resident memory (VmRSS in /proc/self/status) in KiB; nullopt when unreadable.
std::optional<long> resident_memory_kib();

// One line for logs and benchmark output: "frames 300: median 11.8 ms, p90 12.9 ms, max 15.0 ms;
// first frame 412 ms after launch; resident 98.3 MiB".
std::string describe(const FrameStats& stats);

}  // namespace jobfair::ui
