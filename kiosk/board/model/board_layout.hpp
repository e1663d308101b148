// The board's look without ImGui, so tests read the real values: the sizes of its text for a
// screen (the "where to go" line at least 1/15 of the screen height, to be read at 5 m) and how
// many big tiles fit on a page; and its own dark palette, every text colour paired with what it is
// drawn on, with the WCAG contrast of each pair.
#pragma once

#include <string>
#include <vector>

namespace jobfair::board {

struct BoardLayout {
    float margin = 0;
    float gap = 0;
    float small_px = 0;        // footnote, column heads
    float body_px = 0;         // the fair's line, the recent calls, "called N min ago"
    float where_to_go_px = 0;  // "Mời đến gian B07 · bàn 2", the title (bold)
    float ticket_px = 0;       // "A-0087" on a tile (bold)
    float header_height = 0;   // title, the fair's line and the gap under them
    float tile_height = 0;     // one big tile: the ticket, then where to go
    float tiles_top = 0;       // below the header and the "Đang gọi · trang 1/2" line
    float tiles_bottom = 0;    // above the footer
    float footer_height = 0;   // the privacy note (or the offline banner) and the voice switch
    std::size_t tiles_per_page = 1;
};

// The layout for a `width` × `height` screen (1920 × 1080 for the hall's TV).
BoardLayout board_layout(float width, float height);

// A colour as 0xRRGGBB.
using Rgb = unsigned;

namespace palette {
inline constexpr Rgb background = 0x0E1116;
inline constexpr Rgb text = 0xF5F7FA;
inline constexpr Rgb muted = 0xB4BCC8;   // secondary text on the background and on stripes
inline constexpr Rgb stripe = 0x1C222B;  // every other row of the recent calls
inline constexpr Rgb tile_newest = 0x0B57D0;
inline constexpr Rgb tile_other = 0x2A313C;
inline constexpr Rgb on_tile = 0xFFFFFF;
inline constexpr Rgb recall_fill = 0xF4B400;
inline constexpr Rgb ink = 0x111418;  // dark text on amber
inline constexpr Rgb called_fill = 0x0B57D0;
inline constexpr Rgb interviewing_fill = 0x0B6E99;
inline constexpr Rgb done_fill = 0x1E7B34;
inline constexpr Rgb missed_fill = 0xC5221F;   // no-show, cancelled, the offline banner
inline constexpr Rgb waiting_fill = 0xF4B400;  // promised: waiting to be called again
inline constexpr Rgb button_fill = 0x2A313C;
inline constexpr Rgb button_off_fill = 0x3A2A2A;  // the voice switch when off
inline constexpr Rgb ended_fill = 0x1C2A3F;
}  // namespace palette

// One text colour on one fill, as the board draws it.
struct ColourPair {
    std::string use;  // "ticket on the newest tile"
    Rgb text = 0;
    Rgb fill = 0;
    bool large = false;  // at least 24 px, or 18.66 px bold: WCAG's large text, 3:1 suffices
};

// Every pair the view draws (board_view.cpp takes its colours from `palette` only).
std::vector<ColourPair> board_colour_pairs();

// WCAG 2 contrast ratio of two colours, 1 to 21.
double contrast_ratio(Rgb first, Rgb second);

}  // namespace jobfair::board
