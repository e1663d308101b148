// One frame of the dashboard: the runner's answers become intents, the view draws the state and
// collects the user's intents, update() applies them and a Tick, and the effects go to the runner.
// Nothing here blocks. With a password from --password-file, the login is sent once the server has
// said hello (so a protocol mismatch is shown, not logged into).
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/dashboard/app/dashboard_runner.hpp"
#include "kiosk/dashboard/app/dashboard_view.hpp"
#include "kiosk/dashboard/model/dashboard.hpp"
#include "kiosk/ui/redraw_schedule.hpp"

namespace jobfair::dashboard::app {

class DashboardApp {
  public:
    DashboardApp(DashboardRunner& runner, DashboardView& view, DashboardState state,
                 std::optional<std::string> password = std::nullopt)
        : state_(std::move(state)), runner_(runner), view_(view), password_(std::move(password)) {}

    // Between Window::begin_frame() and end_frame().
    void frame() {
        const Clock::time_point now = Clock::now();
        for (const Intent& answer : runner_.take_answers())
            apply(answer, now);
        if (password_ && state_.hello_done && state_.screen == Screen::login)
            apply(intent::LoginWithPassword{*std::exchange(password_, std::nullopt)}, now);
        std::vector<Intent> asked;
        view_.draw(state_, now, asked);
        for (const Intent& intent : asked)
            apply(intent, now);
        apply(intent::Tick{}, now);
    }

    void apply(const Intent& intent, Clock::time_point now = Clock::now()) {
        runner_.run(update(state_, intent, now));
    }

    const DashboardState& state() const { return state_; }

    // For Window::run(): how long until the screen changes by itself; the password waiting for
    // the server's hello is sent by the frame the hello's answer wakes.
    ui::NextChange next_change() const {
        const Clock::time_point now = Clock::now();
        const std::optional<Clock::time_point> next = dashboard::next_change(state_, now);
        if (!next) return std::nullopt;
        return ui::until(*next, now);
    }
    const DashboardView& view() const { return view_; }
    DashboardRunner& runner() { return runner_; }

  private:
    DashboardState state_;
    DashboardRunner& runner_;
    DashboardView& view_;
    std::optional<std::string> password_;
};

// The kiosk theme made denser for a desk screen used with a mouse (after ui::apply_theme).
inline void apply_desk_density(ImGuiStyle& style) {
    style.WindowPadding = ImVec2(16, 14);
    style.FramePadding = ImVec2(14, 8);
    style.ItemSpacing = ImVec2(12, 10);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.CellPadding = ImVec2(8, 5);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 16;
    style.FrameRounding = 8;
    style.ChildRounding = 12;
    style.FrameBorderSize = 1;
    style.ChildBorderSize = 1;
}

}  // namespace jobfair::dashboard::app
