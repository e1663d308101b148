// The booth station's view: it only reads the BoothState (STYLE.md rule 3), takes every word from
// the booth's string table and appends what the staff tapped as Intents. Landscape tablet layout
// (1920×1080 and 1280×800): a header with the booth, the fair clock, the connection, the
// language switch and logout; banners for offline and notices; one card per seat on the left
// (the student, the timer, the actions); the next interviews and the standby queue on the right.
// Two overlays: the finish dialog (outcome and note) and the wrong-ticket warning.
//
// Index: draw · login (PIN pad) · header and banners · seat card · next list · standby list ·
//        targets (booth_view.cpp); shade, finish dialog, ticket mismatch (booth_overlays.cpp);
//        what one draw works with (booth_frame.hpp); the drawing kit (draw_kit.hpp)
#pragma once

#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/booth/model/booth.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

namespace jobfair::booth::app {

class BoothView {
  public:
    explicit BoothView(const ui::FontSet& fonts) : fonts_(fonts) {}

    // Draws the whole screen for `state`; what the staff tapped is appended to `asked`.
    void draw(const BoothState& state, Clock::time_point now, std::vector<Intent>& asked);

    // Where a tappable target was drawn in the last frame ("pin:7", "call_next:0", "start",
    // "finish", "outcome:offer", "note", "save_outcome", "take:W0003:0", "language", ...), for
    // scripted runs that click like a finger.
    std::optional<ImVec2> target_centre(const std::string& id) const;

  private:
    struct Frame;  // the state, the time, the layout and the intents of one draw()

    void login(Frame& frame);
    float header(Frame& frame);  // returns the y below it
    // A full-width coloured strip of text, with a dismiss button when `dismiss_id` is set.
    float banner(Frame& frame, float y, const std::string& text, ui::Tone tone,
                 const char* dismiss_id);
    void seat_card(Frame& frame, int seat, ImVec2 origin, ImVec2 size);
    void next_list(Frame& frame, ImVec2 origin, ImVec2 size);
    void standby_list(Frame& frame, ImVec2 origin, ImVec2 size);
    void finish_dialog(Frame& frame);
    // The keyboard under the note: each key becomes the whole note as it now reads (NoteTyped).
    void note_keyboard(Frame& frame, ImVec2 at, float width, float key_height);
    void ticket_mismatch(Frame& frame);
    void shade(const char* id);  // dims and blocks the screen under an overlay

    void remember(const std::string& id);  // the item just drawn, as a target

    const ui::FontSet& fonts_;
    std::map<std::string, std::pair<ImVec2, ImVec2>> targets_;
    std::map<std::string, std::pair<ImVec2, ImVec2>> drawing_;  // this frame's, swapped in at end
    bool dialog_was_open_ = false;                              // to focus it when it opens
    // The finish dialog's on-screen keyboard: open or not, and its shift and digits keys.
    bool note_keyboard_ = false;
    bool note_shift_ = false;
    bool note_digits_ = false;
};

}  // namespace jobfair::booth::app
