// The theme's colours as plain numbers, readable without an ImGui context, so that a unit test can
// check every text/background pair the screens draw against WCAG AA (tests/unit/
// test_theme_contrast.cpp). theme.cpp turns them into ImGui colours.
#pragma once

#include <cmath>
#include <cstdint>

namespace jobfair::ui {

// Light for kiosks and booths in a bright hall; dark for the now-calling TV.
enum class ThemeVariant { light, dark };

// What a colour says. `neutral` is an ordinary control; `primary` the screen's main action.
enum class Tone { neutral, primary, ok, warning, danger, info };

// An opaque sRGB colour, 0xRRGGBB.
struct Rgb {
    std::uint32_t hex = 0;
    constexpr float red() const { return static_cast<float>((hex >> 16) & 0xFF) / 255.0f; }
    constexpr float green() const { return static_cast<float>((hex >> 8) & 0xFF) / 255.0f; }
    constexpr float blue() const { return static_cast<float>(hex & 0xFF) / 255.0f; }
};

struct TonePalette {
    Rgb fill;     // background of a button, pill or bar
    Rgb hovered;  // the fill under a finger or mouse
    Rgb pressed;
    Rgb text;           // text drawn on fill, hovered and pressed
    Rgb on_background;  // text in the tone's colour straight on the window or a card
};

// The colours that are not a tone's.
struct SurfacePalette {
    Rgb text;           // ordinary text
    Rgb muted_text;     // secondary lines (ImGuiCol_TextDisabled), still AA on every surface
    Rgb window;         // the window background
    Rgb card;           // child windows, popups
    Rgb field;          // text fields
    Rgb row_alt;        // every second row of a list (the alpha of the theme blended on `card`)
    Rgb border;         // edges of controls and cards (not text)
    Rgb disabled_fill;  // a control that cannot be used now
    Rgb disabled_text;  // its label: dimmer than an active one, but still readable
};

inline constexpr std::uint32_t kWhiteText = 0xFFFFFF;
inline constexpr std::uint32_t kInkText = 0x111418;  // near-black: softer than pure black

constexpr TonePalette tone_palette(Tone tone, ThemeVariant variant) {
    const bool dark = variant == ThemeVariant::dark;
    switch (tone) {
        case Tone::primary:
            return {
                {0x0B57D0}, {0x0A4BB3}, {0x083E94}, {kWhiteText}, {dark ? 0x8AB4F8u : 0x0B57D0u}};
        case Tone::ok:
            return {
                {0x1E7B34}, {0x19692C}, {0x145523}, {kWhiteText}, {dark ? 0x81C995u : 0x1E7B34u}};
        case Tone::warning:  // amber reads as "warning" only with dark text on it; as text on
                             // white it is too light (1.7:1), so text takes a dark amber-brown
            return {{0xF4B400}, {0xE0A600}, {0xC99400}, {kInkText}, {dark ? 0xFDD663u : 0x8A4A00u}};
        case Tone::danger:
            return {
                {0xC5221F}, {0xA91D1A}, {0x8E1815}, {kWhiteText}, {dark ? 0xF28B82u : 0xC5221Fu}};
        case Tone::info:
            return {
                {0x0B6E99}, {0x095D82}, {0x074B69}, {kWhiteText}, {dark ? 0x78D9ECu : 0x0B6E99u}};
        case Tone::neutral:
            break;
    }
    if (dark) return {{0x2A313C}, {0x36404D}, {0x45505F}, {0xF5F7FA}, {0xF5F7FA}};
    return {{0xE1E5EB}, {0xD0D6DE}, {0xBCC4CF}, {kInkText}, {kInkText}};
}

constexpr SurfacePalette surface_palette(ThemeVariant variant) {
    if (variant == ThemeVariant::dark)
        return {{0xF5F7FA}, {0xA9B2BF}, {0x0E1116}, {0x161B22}, {0x1C222B},
                {0x1F242B}, {0x5A6473}, {0x22272F}, {0x9AA3B0}};
    return {{kInkText}, {0x4F5866}, {0xF7F8FA}, {0xFFFFFF}, {0xFFFFFF},
            {0xF7F7F7}, {0x8A93A0}, {0xEEF0F3}, {0x5A6270}};
}

// WCAG 2.x relative luminance of an sRGB colour (0 black .. 1 white).
inline float relative_luminance(Rgb colour) {
    const auto linear = [](float channel) {
        return channel <= 0.04045f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * linear(colour.red()) + 0.7152f * linear(colour.green()) +
           0.0722f * linear(colour.blue());
}

// WCAG contrast ratio, 1 (same) .. 21 (black on white); the order of the two does not matter.
inline float contrast_ratio(Rgb first, Rgb second) {
    const float a = relative_luminance(first);
    const float b = relative_luminance(second);
    return (std::fmax(a, b) + 0.05f) / (std::fmin(a, b) + 0.05f);
}

// WCAG AA: 4.5:1 for text; 3:1 for large text, which is at least 24 px (18 pt) regular or
// 18.67 px (14 pt) bold. The kiosks' body font is 32 px, but we hold all text to 4.5:1 except
// what is drawn 24 px and larger by intent (the headline fonts).
inline constexpr float kAaNormalText = 4.5f;
inline constexpr float kAaLargeText = 3.0f;

}  // namespace jobfair::ui
