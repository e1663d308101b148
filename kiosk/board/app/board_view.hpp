// The now-calling board's view: it only reads the BoardState (STYLE.md rule 3), takes every word
// from the board's string table, every size from board_layout and every colour from its palette.
// Landscape TV layout: a header with the fair clock and the connection; the tickets being called
// now as big tiles on the left, a page at a time with "Trang 1/2" when they need more than one;
// the last ten calls on the right; a footer with the privacy note (or the offline banner) and the
// voice switch. Once the fair's day is over, a panel says so instead of the tiles. No names: the
// API gives none.
#pragma once

#include "kiosk/board/model/board.hpp"
#include "kiosk/board/model/board_layout.hpp"
#include "kiosk/board/model/board_strings.hpp"
#include "kiosk/ui/fonts.hpp"

namespace jobfair::board::app {

class BoardView {
  public:
    BoardView(const ui::FontSet& fonts, const BoardLayout& layout, Language language)
        : fonts_(fonts), layout_(layout), language_(language) {}

    // Draws the board; true when the voice switch was tapped this frame.
    bool draw(const BoardState& state) const;

  private:
    void header(const BoardState& state) const;
    void now_calling_tiles(const BoardState& state, ImVec2 origin, ImVec2 size) const;
    void fair_ended_panel(const BoardState& state, ImVec2 origin, ImVec2 size) const;
    void recent_calls_list(const BoardState& state, ImVec2 origin, ImVec2 size) const;
    bool footer(const BoardState& state) const;  // true when the voice switch was tapped

    const ui::FontSet& fonts_;
    BoardLayout layout_;
    Language language_;
};

}  // namespace jobfair::board::app
