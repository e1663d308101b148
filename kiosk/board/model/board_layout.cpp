#include "kiosk/board/model/board_layout.hpp"

#include <algorithm>
#include <cmath>

namespace jobfair::board {

BoardLayout board_layout(float width, float height) {
    BoardLayout layout;
    const float unit = height / 1080.0f;  // the 1920 × 1080 TV is the reference
    layout.margin = std::round(32 * unit);
    layout.gap = std::round(16 * unit);
    layout.small_px = std::max(24.0f, std::round(28 * unit));
    layout.body_px = std::max(32.0f, std::round(36 * unit));
    layout.where_to_go_px = std::ceil(height / 15);  // read at 5 m (issue 17)
    layout.ticket_px = std::round(120 * unit);
    layout.header_height =
        layout.margin + layout.where_to_go_px + layout.gap / 2 + layout.body_px + layout.gap;
    // Padding, the ticket, a small gap, where to go, padding.
    layout.tile_height = std::round(layout.ticket_px + layout.where_to_go_px + 3 * layout.gap);
    layout.tiles_top = layout.header_height + layout.body_px + layout.gap;
    layout.footer_height = std::max(64.0f, std::round(64 * unit));  // a finger's target
    layout.tiles_bottom = height - layout.margin / 2 - layout.footer_height - layout.gap;
    const float room = layout.tiles_bottom - layout.tiles_top;
    layout.tiles_per_page = static_cast<std::size_t>(
        std::max(1.0f, std::floor((room + layout.gap) / (layout.tile_height + layout.gap))));
    (void)width;  // the tiles take the width they get; the lines are measured against it
    return layout;
}

std::vector<ColourPair> board_colour_pairs() {
    using namespace palette;
    return {
        {"title, headings and recent calls on the background", text, background, false},
        {"the fair's line, page and footnote on the background", muted, background, false},
        {"recent calls on a stripe", text, stripe, false},
        {"the time of a call on a stripe", muted, stripe, false},
        {"ticket and where to go on the newest tile", on_tile, tile_newest, false},
        {"ticket and where to go on another tile", on_tile, tile_other, false},
        {"\"called again\" mark", ink, recall_fill, false},
        {"status \"called\"", on_tile, called_fill, false},
        {"status \"interviewing\"", on_tile, interviewing_fill, false},
        {"status \"done\" and the online pill", on_tile, done_fill, false},
        {"status \"did not come\", the offline pill and banner", on_tile, missed_fill, false},
        {"status \"waiting to be called again\"", ink, waiting_fill, false},
        {"the voice switch, on", text, button_fill, false},
        {"the voice switch, off", text, button_off_fill, false},
        {"the voice switch without a voice installed", muted, button_fill, false},
        {"\"the fair has ended\" panel", text, ended_fill, false},
        {"the fair's line in the ended panel", muted, ended_fill, false},
    };
}

namespace {

double channel(unsigned value) {
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(Rgb colour) {
    return 0.2126 * channel((colour >> 16) & 0xFF) + 0.7152 * channel((colour >> 8) & 0xFF) +
           0.0722 * channel(colour & 0xFF);
}

}  // namespace

double contrast_ratio(Rgb first, Rgb second) {
    const double a = luminance(first);
    const double b = luminance(second);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

}  // namespace jobfair::board
