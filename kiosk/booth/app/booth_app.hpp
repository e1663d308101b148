// One frame of the booth station: the runner's answers and the keys typed since the last frame
// become Intents and are applied, the view draws the state and adds what was tapped, update()
// applies those with a Tick, and the effects go to the runner. Nothing here blocks.
//
// Keyboard capture: while no ImGui text field is active (the finish dialog's note is the only
// one), every character typed goes to the model as a Key and Enter as Enter, so a USB scanner's
// ticket payload reaches the ticket check without any field focused; on the PIN pad, digits and
// Backspace work from a keyboard too.
#pragma once

#include <vector>

#include "kiosk/booth/app/booth_runner.hpp"
#include "kiosk/booth/app/booth_view.hpp"
#include "kiosk/booth/model/booth.hpp"
#include "kiosk/ui/redraw_schedule.hpp"

namespace jobfair::booth::app {

class BoothApp {
  public:
    BoothApp(BoothState state, BoothRunner& runner, BoothView& view)
        : state_(std::move(state)), runner_(runner), view_(view) {}

    // Between Window::begin_frame() and end_frame().
    void frame();
    // For scripted runs: apply an intent as if the view had asked for it.
    void apply(const Intent& intent);

    const BoothState& state() const { return state_; }

    // For Window::run(): how long until the screen changes by itself.
    ui::NextChange next_change() const {
        const Clock::time_point now = Clock::now();
        const std::optional<Clock::time_point> next = booth::next_change(state_, now);
        if (!next) return std::nullopt;
        return ui::until(*next, now);
    }
    const BoothView& view() const { return view_; }
    bool runner_busy() const { return runner_.busy(); }

  private:
    void typed_keys(std::vector<Intent>& intents) const;

    BoothState state_;
    BoothRunner& runner_;
    BoothView& view_;
};

}  // namespace jobfair::booth::app
