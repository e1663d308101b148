// The look every kiosk program shares: high contrast, large touch targets (at least 64 px), big
// rounding, readable at arm's length; and the colours of states (ok, warning, danger, info).
#pragma once

#include <imgui.h>

namespace jobfair::ui {

// The smallest height (and width) of anything a finger must hit.
inline constexpr float kMinTouchTarget = 64.0f;

// Light for kiosks and booths in a bright hall; dark for the now-calling TV.
enum class ThemeVariant { light, dark };

// What a colour says. `neutral` is an ordinary control; `primary` the screen's main action.
enum class Tone { neutral, primary, ok, warning, danger, info };

struct ToneColours {
    ImVec4 fill;     // background of a button, pill or bar
    ImVec4 hovered;  // the fill under a finger or mouse
    ImVec4 pressed;
    ImVec4 text;  // text drawn on `fill`, at least 4.5:1 contrast
};

// The colours of a tone; for `neutral` they follow the variant (light grey or dark grey).
ToneColours tone_colours(Tone tone, ThemeVariant variant);
ToneColours tone_colours(Tone tone);  // the variant read from the current ImGui style

// Sets sizes, rounding and colours in `style`; call once after creating the window.
void apply_theme(ImGuiStyle& style, ThemeVariant variant);

}  // namespace jobfair::ui
