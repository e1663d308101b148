#include "kiosk/ui/fonts.hpp"

#include <fstream>
#include <string>

#include "kiosk/ui/ui_error.hpp"

namespace jobfair::ui {
namespace {

void require_font_file(const std::filesystem::path& file) {
    if (!std::ifstream(file, std::ios::binary)) {
        throw UiError("font file " + file.string() +
                      " is missing or unreadable: install the Debian package fonts-noto-core "
                      "(bash scripts/setup.sh)");
    }
}

ImFont* add_font(ImFontAtlas& atlas, const std::filesystem::path& file, float size_px,
                 const ImWchar* ranges) {
    ImFontConfig config;
    // Oversampling sharpens small text; from 48 px on it only makes the atlas larger.
    config.OversampleH = size_px < 48 ? 2 : 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), size_px, &config, ranges);
    if (font == nullptr) throw UiError("cannot load the font " + file.string());
    return font;
}

}  // namespace

std::vector<ImWchar> vietnamese_glyph_ranges() {
    ImFontGlyphRangesBuilder builder;
    // Pairs of first and last code point, inclusive, ending with 0.
    constexpr ImWchar kLetters[] = {
        0x0020, 0x00FF,  // Basic Latin and Latin-1: â ê ô á à ã é ...
        0x0102, 0x0103,  // Ă ă
        0x0110, 0x0111,  // Đ đ
        0x0128, 0x0129,  // Ĩ ĩ
        0x0168, 0x0169,  // Ũ ũ
        0x01A0, 0x01A1,  // Ơ ơ
        0x01AF, 0x01B0,  // Ư ư
        0x1EA0, 0x1EF9,  // every letter with a tone mark, Ạ ... ỹ
        0,
    };
    builder.AddRanges(kLetters);
    builder.AddText("–—“”‘’…₫•");
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    return std::vector<ImWchar>(built.begin(), built.end());
}

FontSet load_fonts(ImFontAtlas& atlas, const FontOptions& options) {
    require_font_file(options.regular_file);
    require_font_file(options.bold_file);

    FontSet fonts;
    fonts.glyph_ranges_ = vietnamese_glyph_ranges();
    const ImWchar* ranges = fonts.glyph_ranges_.data();

    atlas.Clear();
    // The first font added is ImGui's default.
    fonts.body = add_font(atlas, options.regular_file, options.body_px, ranges);
    fonts.body_bold = add_font(atlas, options.bold_file, options.body_px, ranges);
    fonts.small = add_font(atlas, options.regular_file, options.small_px, ranges);
    fonts.large = add_font(atlas, options.bold_file, options.large_px, ranges);
    static constexpr ImWchar kAscii[] = {0x0020, 0x007E, 0};
    fonts.huge = add_font(atlas, options.bold_file, options.huge_px,
                          options.huge_ascii_only ? kAscii : ranges);
    if (!atlas.Build()) throw UiError("cannot build the font atlas (is the texture too large?)");
    return fonts;
}

}  // namespace jobfair::ui
