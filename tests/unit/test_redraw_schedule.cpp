// When the frame loop draws (kiosk/ui/redraw_schedule.hpp): a few frames after input, every frame
// while animating, otherwise at the program's next change or never.
#include <doctest/doctest.h>

#include "kiosk/ui/redraw_schedule.hpp"

using namespace std::chrono_literals;
using jobfair::ui::NextChange;
using jobfair::ui::RedrawSchedule;

TEST_CASE("redraw: the first frames and the frames after input are drawn, then the loop sleeps") {
    RedrawSchedule schedule;
    for (int frame = 0; frame < RedrawSchedule::kSettleFrames; ++frame) {
        CHECK(schedule.wait_before_next_frame(std::nullopt) == 0ms);
        schedule.frame_drawn(false);
    }
    CHECK(schedule.wait_before_next_frame(std::nullopt) == RedrawSchedule::kForever);
    CHECK(schedule.wait_before_next_frame(NextChange(1500ms)) == 1500ms);
    schedule.woken();
    CHECK(schedule.wait_before_next_frame(NextChange(1500ms)) == 0ms);
    for (int frame = 0; frame < RedrawSchedule::kSettleFrames; ++frame)
        schedule.frame_drawn(false);
    CHECK(schedule.wait_before_next_frame(NextChange(1500ms)) == 1500ms);
}

TEST_CASE("redraw: an animating frame asks for the next one, a passed change is due now") {
    RedrawSchedule schedule;
    for (int frame = 0; frame < RedrawSchedule::kSettleFrames; ++frame)
        schedule.frame_drawn(false);
    schedule.frame_drawn(true);
    CHECK(schedule.wait_before_next_frame(std::nullopt) == 0ms);
    schedule.frame_drawn(false);
    CHECK(schedule.wait_before_next_frame(NextChange(-20ms)) == 0ms);
    CHECK(schedule.wait_before_next_frame(NextChange(0ms)) == 0ms);
}

TEST_CASE("redraw: the sooner change, and the time until a moment, rounded up") {
    CHECK(jobfair::ui::sooner(std::nullopt, std::nullopt) == std::nullopt);
    CHECK(jobfair::ui::sooner(NextChange(3s), std::nullopt) == NextChange(3s));
    CHECK(jobfair::ui::sooner(NextChange(3s), NextChange(2s)) == NextChange(2s));
    using Clock = std::chrono::system_clock;
    const Clock::time_point at(std::chrono::seconds(1'700'000'000) + 250ms);
    CHECK(jobfair::ui::until(at + 1ms, at) == 1ms);
    CHECK(jobfair::ui::until(at - 1s, at) == 0ms);
    CHECK(jobfair::ui::until(at + std::chrono::microseconds(1), at) == 1ms);  // rounded up
}
