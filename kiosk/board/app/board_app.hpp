// One frame of the board: the runner's answers become intents, update() applies them with a
// Tick, the effects go to the runner, the view draws the state (and a tap on its voice switch
// becomes an intent). Nothing here blocks. The machine's clock only times retries and page
// turns; every time the board shows is the fair's.
#pragma once

#include "kiosk/board/app/board_runner.hpp"
#include "kiosk/board/app/board_view.hpp"
#include "kiosk/board/model/board.hpp"
#include "kiosk/ui/redraw_schedule.hpp"

namespace jobfair::board::app {

class BoardApp {
  public:
    BoardApp(BoardRunner& runner, const BoardView& view, const BoardConfig& config = {})
        : state_(make_board(config)), runner_(runner), view_(view) {}

    // Between Window::begin_frame() and end_frame().
    void frame() {
        const WallTime now = WallClock::now();
        std::vector<Intent> intents = runner_.take_answers();
        intents.push_back(intent::Tick{});
        for (const Intent& intent : intents)
            runner_.run(update(state_, intent, now));
        if (view_.draw(state_)) runner_.run(update(state_, intent::VoiceToggled{}, now));
    }

    const BoardState& state() const { return state_; }

    // For Window::run(): how long until the screen changes by itself.
    ui::NextChange next_change() const {
        const WallTime now = WallClock::now();
        return ui::until(board::next_change(state_, now), now);
    }

  private:
    BoardState state_;
    BoardRunner& runner_;
    const BoardView& view_;
};

}  // namespace jobfair::board::app
