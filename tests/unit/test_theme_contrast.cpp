// WCAG AA contrast of every text/background pair the kiosk theme defines and the screens draw,
// from the real palette (kiosk/ui/palette.hpp, what apply_theme and the widgets use), in both the
// light (kiosks, booths) and the dark (now-calling board) theme. All text is held to 4.5:1,
// the large-text 3:1 of WCAG is not needed by any pair.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <string>

#include "kiosk/ui/palette.hpp"

using namespace jobfair::ui;

namespace {

std::string hex(Rgb colour) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", static_cast<unsigned>(colour.hex));
    return text;
}

void check_aa(const char* what, Rgb text, Rgb background) {
    const float ratio = contrast_ratio(text, background);
    CHECK_MESSAGE(ratio >= kAaNormalText, what, ": ", hex(text), " on ", hex(background), " is ",
                  ratio, ":1");
}

constexpr std::array<ThemeVariant, 2> kVariants{ThemeVariant::light, ThemeVariant::dark};
constexpr std::array<Tone, 6> kTones{Tone::neutral, Tone::primary, Tone::ok,
                                     Tone::warning, Tone::danger,  Tone::info};

}  // namespace

TEST_CASE("theme contrast: the WCAG formula gives the known ratios") {
    CHECK(contrast_ratio({0x000000}, {0xFFFFFF}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({0xFFFFFF}, {0x000000}) == doctest::Approx(21.0));  // order-free
    CHECK(contrast_ratio({0x777777}, {0x777777}) == doctest::Approx(1.0));
    // #767676 is the lightest grey that passes AA on white; #777777 is the first that fails.
    CHECK(contrast_ratio({0x767676}, {0xFFFFFF}) == doctest::Approx(4.54).epsilon(0.005));
    CHECK(contrast_ratio({0x777777}, {0xFFFFFF}) < kAaNormalText);
    // What issue 17 found: amber as text on white.
    CHECK(contrast_ratio({0xF4B400}, {0xFFFFFF}) < 2.0f);
}

TEST_CASE("theme contrast: a tone's text on its fill, hovered and pressed, in both themes") {
    for (const ThemeVariant variant : kVariants) {
        for (const Tone tone : kTones) {
            CAPTURE(static_cast<int>(variant));
            CAPTURE(static_cast<int>(tone));
            const TonePalette palette = tone_palette(tone, variant);
            check_aa("button or pill text on fill", palette.text, palette.fill);
            check_aa("button text on hovered", palette.text, palette.hovered);
            check_aa("button text on pressed", palette.text, palette.pressed);
        }
    }
}

TEST_CASE("theme contrast: text in a tone's colour on every surface, in both themes") {
    for (const ThemeVariant variant : kVariants) {
        const SurfacePalette surfaces = surface_palette(variant);
        for (const Tone tone : kTones) {
            CAPTURE(static_cast<int>(variant));
            CAPTURE(static_cast<int>(tone));
            const Rgb text = tone_palette(tone, variant).on_background;
            check_aa("toned text on the window", text, surfaces.window);
            check_aa("toned text on a card", text, surfaces.card);
            check_aa("toned text on an alternate row", text, surfaces.row_alt);
        }
    }
}

TEST_CASE("theme contrast: ordinary, muted and disabled text on every surface, in both themes") {
    for (const ThemeVariant variant : kVariants) {
        CAPTURE(static_cast<int>(variant));
        const SurfacePalette surfaces = surface_palette(variant);
        const TonePalette neutral = tone_palette(Tone::neutral, variant);
        for (const Rgb background :
             {surfaces.window, surfaces.card, surfaces.field, surfaces.row_alt, neutral.fill}) {
            check_aa("text", surfaces.text, background);
            check_aa("muted text", surfaces.muted_text, background);
        }
        check_aa("a disabled control's label", surfaces.disabled_text, surfaces.disabled_fill);
        // Disabled must still look disabled: its label is not the ordinary text colour.
        CHECK(surfaces.disabled_text.hex != surfaces.text.hex);
        CHECK(surfaces.disabled_fill.hex != neutral.fill.hex);
    }
}
