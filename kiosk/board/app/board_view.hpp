// The now-calling board's view: it only reads the BoardState (STYLE.md rule 3) and takes every
// word from the board's string table. Landscape TV layout: a header with the clock and the
// connection, the tickets being called now as big tiles on the left, the last ten calls on the
// right, and an offline banner when the server cannot be reached. No names: the API gives none.
#pragma once

#include "kiosk/board/model/board.hpp"
#include "kiosk/board/model/board_strings.hpp"
#include "kiosk/ui/fonts.hpp"

namespace jobfair::board::app {

class BoardView {
  public:
    BoardView(const ui::FontSet& fonts, Language language) : fonts_(fonts), language_(language) {}

    void draw(const BoardState& state, WallTime now) const;

  private:
    float header(const BoardState& state, WallTime now) const;  // returns its height
    void now_calling_tiles(const BoardState& state, WallTime now, ImVec2 origin, ImVec2 size) const;
    void recent_calls_list(const BoardState& state, ImVec2 origin, ImVec2 size) const;

    const ui::FontSet& fonts_;
    Language language_;
};

}  // namespace jobfair::board::app
