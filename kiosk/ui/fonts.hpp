// Noto Sans at the sizes the kiosk screens use, with every Vietnamese letter and tone mark
// (precomposed, NFC: ImGui does no shaping) and the punctuation of Vietnamese copy: – — “ ” ‘ ’ … ₫
// •.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <vector>

namespace jobfair::ui {

struct FontOptions {
    std::filesystem::path regular_file = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::filesystem::path bold_file = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
    float small_px = 24;  // footnotes, hints
    float body_px = 32;   // everything read at arm's length
    float large_px = 48;  // headings, names, times
    float huge_px = 96;   // ticket numbers on the now-calling board
    // The huge font holds only ASCII (the board's ticket labels, "A-0123"): at 150 px the
    // Vietnamese letters would triple the atlas, which software OpenGL keeps in memory.
    bool huge_ascii_only = false;
};

// The glyphs every font gets: Latin-1, the Vietnamese letters, and the punctuation above.
std::vector<ImWchar> vietnamese_glyph_ranges();

// The loaded fonts; `body` is the default font. Move-only: the atlas keeps a pointer into the
// glyph ranges held here, so a FontSet must live as long as the ImGui context.
class FontSet {
  public:
    ImFont* small = nullptr;
    ImFont* body = nullptr;
    ImFont* body_bold = nullptr;
    ImFont* large = nullptr;  // bold
    ImFont* huge = nullptr;   // bold

    FontSet() = default;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    FontSet(FontSet&&) = default;  // moving a vector keeps its buffer, so the atlas pointer holds
    FontSet& operator=(FontSet&&) = default;

  private:
    friend FontSet load_fonts(ImFontAtlas& atlas, const FontOptions& options);
    std::vector<ImWchar> glyph_ranges_;
};

// Replaces the atlas's fonts with Noto Sans at the sizes in `options`, makes `body` the default
// and builds the atlas. Throws UiError naming the file (and the Debian package) when a font file
// is missing or unreadable.
FontSet load_fonts(ImFontAtlas& atlas, const FontOptions& options = {});

}  // namespace jobfair::ui
