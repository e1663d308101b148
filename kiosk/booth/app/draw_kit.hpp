// The booth station's drawing kit: the card outline, text placed and fitted at a position,
// pills, rows of buttons that wrap, and labels whose ImGui id does not change with the language.
// Plain drawing on ImGui's current window; no booth state.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/booth/model/booth.hpp"
#include "kiosk/ui/theme.hpp"

namespace jobfair::booth::app {

// The cards are outlined (card_outline), not filled: on llvmpipe every filled layer costs fill
// rate, and three card fills doubled the frame time.
constexpr ImGuiWindowFlags kCardFlags = ImGuiWindowFlags_NoScrollbar |
                                        ImGuiWindowFlags_NoScrollWithMouse |
                                        ImGuiWindowFlags_NoBackground;

// A card's rounded outline, drawn on the current window before the card's child window begins.
void card_outline(ImVec2 origin, ImVec2 size);

float text_width(ImFont* font, std::string_view text);
// `text` cut at a whole character and ended with "…" so that it fits in `width` pixels.
std::string fitted(ImFont* font, std::string_view text, float width);
void text_at(ImFont* font, ImVec2 at, ImU32 colour, std::string_view text);
ImU32 ink();    // the style's text colour
ImU32 muted();  // the style's disabled-text colour

// A pill drawn at a screen position in `font`; returns its width.
float pill_at(ImFont* font, ImVec2 at, const std::string& text, ui::Tone tone);
float pill_width(ImFont* font, const std::string& text);

// A button of a row laid out by button_rows().
struct RowButton {
    std::string label;  // "words###id": the id never depends on the words
    std::string target;
    ui::Tone tone = ui::Tone::neutral;
    Intent intent;
    bool enabled = true;
    std::string why_not = {};  // when not enabled: the reason, written just above the button
};

// Lays `buttons` out in as few rows as their natural widths allow within `width`, each row
// stretched to fill it, bottom-aligned at `bottom`; draws them and appends the tapped intent.
void button_rows(std::vector<RowButton>& buttons, ImVec2 origin_bottom_left, float width,
                 float height, float gap, std::vector<Intent>& asked,
                 const std::function<void(const std::string&)>& remember,
                 ImFont* reason_font = nullptr);

// "###id" appended: ImGui hashes only what follows "###", so the id is the same in both languages.
std::string labelled(std::string_view words, std::string_view id);

}  // namespace jobfair::booth::app
