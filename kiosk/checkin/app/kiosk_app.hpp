// One frame of the check-in kiosk, tying the parts together: the answers of the effect runner and
// the keys typed since the last frame become Intents, the view draws the state and adds what was
// tapped, update() applies them all, and the effects go to the runner. Nothing here blocks.
//
// Keyboard capture: every character typed on a physical keyboard or by a USB QR scanner goes to
// the session as a Key intent, on any screen and with no text field focused (the kiosk has no
// ImGui text fields at all), so a scan works wherever the student is.
#pragma once

#include <vector>

#include "kiosk/checkin/app/effect_runner.hpp"
#include "kiosk/checkin/app/views.hpp"
#include "kiosk/checkin/model/session.hpp"
#include "kiosk/ui/redraw_schedule.hpp"
#include "kiosk/ui/window.hpp"

namespace jobfair::checkin::app {

class KioskApp {
  public:
    KioskApp(const KioskConfig& config, EffectRunner& runner, KioskView& view);

    // Between Window::begin_frame() and end_frame(), with the keys typed since the last frame
    // (Window::take_typed_keys(); none in scripted runs).
    void frame(const std::vector<ui::TypedKey>& typed = {});

    // For scripted runs: apply an intent as if the view had asked for it.
    void apply(const Intent& intent);
    // While held, the runner's answers wait (a script photographs the "waiting" screens).
    void hold_answers(bool held) { answers_held_ = held; }

    const KioskState& state() const { return state_; }
    const KioskView& view() const { return view_; }

    // For Window::run(): how long until the screen changes by itself.
    ui::NextChange next_change() const {
        const TimePoint now = KioskClock::now();
        const std::optional<TimePoint> next = checkin::next_change(state_, now);
        if (!next) return std::nullopt;
        return ui::until(*next, now);
    }
    bool runner_busy() const { return runner_.busy(); }

  private:
    static void typed_keys(const std::vector<ui::TypedKey>& typed, std::vector<Intent>& intents);

    KioskState state_;
    EffectRunner& runner_;
    KioskView& view_;
    bool answers_held_ = false;
};

}  // namespace jobfair::checkin::app
