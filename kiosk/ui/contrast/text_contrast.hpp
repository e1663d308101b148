// WCAG AA contrast of the text on a rendered frame, measured where it is drawn.
//
// The theme test (tests/unit/test_theme_contrast.cpp) checks the colour pairs the theme defines;
// this checks what a screen actually shows: each run of text, in the colour it was drawn with
// (alpha blended, so a disabled label counts as dimmed), against the background the frame's own
// pixels show around it. Text put on the wrong surface, or a colour pair the theme does not
// list, is caught here. Every screenshot the programs take runs it (kiosk/ui/screenshot.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/palette.hpp"

namespace jobfair::ui {

// One glyph as drawn: its quad on screen (pixels, top-left origin), its colour and alpha, the
// size of its font, its character, and the clip rectangle it was drawn under.
struct GlyphQuad {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    Rgb colour;
    float alpha = 1.0f;  // 0..1, the vertex alpha (ImGui's disabled style lowers it)
    float font_size = 0;
    char32_t codepoint = 0;
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;
};

// 8-bit RGB pixels, top row first (what a screenshot holds).
struct PixelView {
    int width = 0;
    int height = 0;
    const std::uint8_t* rgb = nullptr;  // width * height * 3
};

struct TextRunContrast {
    std::string text;  // UTF-8, spaces restored from the gaps between glyphs
    Rgb colour;        // as seen: the drawn colour blended over the background by its alpha
    Rgb background;    // the commonest pixel around and between the glyphs
    float ratio = 0;
    float required = kAaNormalText;  // 3:1 for text of 24 px and larger
    float font_size = 0;
    int x = 0, y = 0, width = 0, height = 0;
};

struct ContrastReport {
    int runs_checked = 0;
    // Runs whose glyphs' pixels do not show their colour: covered by a window or a popup drawn
    // later, or scrolled out of their clip rectangle. Not judged.
    int runs_hidden = 0;
    std::vector<std::string> hidden_texts;
    std::vector<TextRunContrast> below_aa;
    std::optional<TextRunContrast> lowest;  // the run with the lowest ratio checked
};

// Glyphs in drawing order: a run is consecutive glyphs of one colour and size on one line.
ContrastReport audit_text_contrast(const std::vector<GlyphQuad>& glyphs, PixelView frame);

// One line per run below AA and a summary line, for a program's log:
//   contrast welcome.png: 41 text runs, lowest 7.2:1 ("Quét mã"), 0 below AA
std::string describe(const ContrastReport& report, const std::string& picture);

}  // namespace jobfair::ui
