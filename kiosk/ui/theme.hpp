// The look every kiosk program shares: high contrast, large touch targets (at least 64 px), big
// rounding, readable at arm's length; and the colours of states (ok, warning, danger, info).
#pragma once

#include <imgui.h>

#include "kiosk/ui/palette.hpp"

namespace jobfair::ui {

// The smallest height (and width) of anything a finger must hit.
inline constexpr float kMinTouchTarget = 64.0f;

struct ToneColours {
    ImVec4 fill;     // background of a button, pill or bar
    ImVec4 hovered;  // the fill under a finger or mouse
    ImVec4 pressed;
    ImVec4 text;           // text drawn on `fill`, at least 4.5:1 contrast
    ImVec4 on_background;  // text in the tone's colour on the window or a card, at least 4.5:1
};

// An ImGui colour from the palette.
ImVec4 to_imgui(Rgb colour, float alpha = 1.0f);

// The colours of a tone; for `neutral` they follow the variant (light grey or dark grey).
ToneColours tone_colours(Tone tone, ThemeVariant variant);
ToneColours tone_colours(Tone tone);  // the variant read from the current ImGui style

// BeginDisabled that keeps the label readable: ImGui's dims everything to 60 % alpha (the booth's
// standby button fell to 1.98:1); this draws buttons and fields in the palette's disabled
// colours at full alpha. Pair with end_disabled(disabled). Say why next to the control.
void begin_disabled(bool disabled);
void end_disabled(bool disabled);

// Sets sizes, rounding and colours in `style`; call once after creating the window.
void apply_theme(ImGuiStyle& style, ThemeVariant variant);

}  // namespace jobfair::ui
