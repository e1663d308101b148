// When the frame loop draws its next frame (issue 17): a program redraws only when something
// changed or animates, and otherwise sleeps in glfwWaitEventsTimeout. Plain C++ without GLFW, so
// headless builds unit-test it (tests/unit/test_redraw_schedule.cpp); Window::run() feeds it.
//
// A frame is due when
//   - input arrived or the program was woken (ui::wake_frame_loop from a worker thread): then a
//     few frames in a row, because ImGui needs them to settle hover, active and layout states;
//   - the program said it animates (its next change is "now"), e.g. while a finger drags;
//   - the program's own next change came: the next second or minute that changes a clock or a
//     "2 min ago" text, a countdown ring's next step, a retry timer (each program answers this
//     from its model, next_change()).
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>

namespace jobfair::ui {

// How long until a program's screen changes by itself: nullopt when it never does (only input
// or an answer from a worker changes it), zero while it animates.
using NextChange = std::optional<std::chrono::milliseconds>;

// The sooner of two changes; nullopt only when neither comes.
inline NextChange sooner(NextChange a, NextChange b) {
    if (!a) return b;
    if (!b) return a;
    return std::min(*a, *b);
}

// When `moment` comes, seen from `now`: zero when it has passed.
template <typename TimePoint>
std::chrono::milliseconds until(TimePoint moment, TimePoint now) {
    if (moment <= now) return std::chrono::milliseconds::zero();
    // Rounded up: waking a millisecond early would draw a frame that changes nothing.
    return std::chrono::ceil<std::chrono::milliseconds>(moment - now);
}

class RedrawSchedule {
  public:
    // ImGui settles hover/active states one frame after the input and auto-sized layouts two
    // frames after a change; three frames cover both.
    static constexpr int kSettleFrames = 3;

    // Input arrived, or a worker's answer woke the loop: draw the next few frames.
    void woken() { frames_owed_ = kSettleFrames; }

    // A frame was drawn; `animating`: the program or ImGui wants the next one right away (a mouse
    // button held, a countdown that moves every frame).
    void frame_drawn(bool animating) {
        if (frames_owed_ > 0) --frames_owed_;
        animating_ = animating;
    }

    // How long the loop may wait for events before drawing, given the program's next change;
    // zero: draw now. The first frames are owed from the start (the layout settles).
    std::chrono::milliseconds wait_before_next_frame(NextChange program_change) const {
        if (frames_owed_ > 0 || animating_) return std::chrono::milliseconds::zero();
        if (!program_change) return kForever;
        return std::max(*program_change, std::chrono::milliseconds::zero());
    }

    // What "wait forever" means here: long enough to sleep through a quiet hall, short enough to
    // stay a plain number of milliseconds.
    static constexpr std::chrono::milliseconds kForever{std::chrono::hours(1)};

  private:
    int frames_owed_ = kSettleFrames;
    bool animating_ = false;
};

}  // namespace jobfair::ui
