#include "kiosk/ui/theme.hpp"

namespace jobfair::ui {
namespace {

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

constexpr unsigned kWhiteText = 0xFFFFFF;
constexpr unsigned kInkText = 0x111418;  // near-black: softer than pure black on white

// The style's window background tells the variant apart: no state of our own is needed.
ThemeVariant variant_of(const ImGuiStyle& style) {
    const ImVec4 background = style.Colors[ImGuiCol_WindowBg];
    return background.x + background.y + background.z < 1.5f ? ThemeVariant::dark
                                                             : ThemeVariant::light;
}

}  // namespace

ToneColours tone_colours(Tone tone, ThemeVariant variant) {
    switch (tone) {
        case Tone::primary:
            return {rgb(0x0B57D0), rgb(0x0A4BB3), rgb(0x083E94), rgb(kWhiteText)};
        case Tone::ok:
            return {rgb(0x1E7B34), rgb(0x19692C), rgb(0x145523), rgb(kWhiteText)};
        case Tone::warning:  // amber reads as "warning" only with dark text on it
            return {rgb(0xF4B400), rgb(0xE0A600), rgb(0xC99400), rgb(kInkText)};
        case Tone::danger:
            return {rgb(0xC5221F), rgb(0xA91D1A), rgb(0x8E1815), rgb(kWhiteText)};
        case Tone::info:
            return {rgb(0x0B6E99), rgb(0x095D82), rgb(0x074B69), rgb(kWhiteText)};
        case Tone::neutral:
            break;
    }
    if (variant == ThemeVariant::dark) {
        return {rgb(0x2A313C), rgb(0x36404D), rgb(0x45505F), rgb(0xF5F7FA)};
    }
    return {rgb(0xE1E5EB), rgb(0xD0D6DE), rgb(0xBCC4CF), rgb(kInkText)};
}

ToneColours tone_colours(Tone tone) {
    return tone_colours(tone, variant_of(ImGui::GetStyle()));
}

void apply_theme(ImGuiStyle& style, ThemeVariant variant) {
    // Sizes: with the 32 px body font a framed widget is 32 + 2 * 16 = 64 px tall.
    style.WindowPadding = ImVec2(32, 32);
    style.FramePadding = ImVec2(24, 16);
    style.ItemSpacing = ImVec2(20, 20);
    style.ItemInnerSpacing = ImVec2(16, 12);
    style.CellPadding = ImVec2(12, 10);
    style.IndentSpacing = 32;
    style.ScrollbarSize = 32;
    style.GrabMinSize = 48;
    style.WindowRounding = 0;  // windows fill the screen
    style.ChildRounding = 16;
    style.FrameRounding = 16;
    style.PopupRounding = 16;
    style.ScrollbarRounding = 16;
    style.GrabRounding = 12;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 2;  // a visible edge on every control, for low-vision readers
    style.ChildBorderSize = 2;
    style.ButtonTextAlign = ImVec2(0.5f, 0.5f);
    style.AntiAliasedLines = true;
    style.AntiAliasedFill = true;

    const bool dark = variant == ThemeVariant::dark;
    const ToneColours neutral = tone_colours(Tone::neutral, variant);
    const ToneColours primary = tone_colours(Tone::primary, variant);
    ImVec4* colours = style.Colors;
    colours[ImGuiCol_Text] = dark ? rgb(0xF5F7FA) : rgb(kInkText);
    colours[ImGuiCol_TextDisabled] = dark ? rgb(0xA9B2BF) : rgb(0x4F5866);
    colours[ImGuiCol_WindowBg] = dark ? rgb(0x0E1116) : rgb(0xF7F8FA);
    colours[ImGuiCol_ChildBg] = dark ? rgb(0x161B22) : rgb(0xFFFFFF);
    colours[ImGuiCol_PopupBg] = dark ? rgb(0x161B22) : rgb(0xFFFFFF);
    colours[ImGuiCol_Border] = dark ? rgb(0x5A6473) : rgb(0x8A93A0);
    colours[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
    colours[ImGuiCol_FrameBg] = dark ? rgb(0x1C222B) : rgb(0xFFFFFF);
    colours[ImGuiCol_FrameBgHovered] = neutral.hovered;
    colours[ImGuiCol_FrameBgActive] = neutral.pressed;
    colours[ImGuiCol_TitleBg] = neutral.fill;
    colours[ImGuiCol_TitleBgActive] = neutral.hovered;
    colours[ImGuiCol_MenuBarBg] = neutral.fill;
    colours[ImGuiCol_ScrollbarBg] = colours[ImGuiCol_WindowBg];
    colours[ImGuiCol_ScrollbarGrab] = neutral.pressed;
    colours[ImGuiCol_ScrollbarGrabHovered] = colours[ImGuiCol_Border];
    colours[ImGuiCol_ScrollbarGrabActive] = primary.fill;
    colours[ImGuiCol_CheckMark] = primary.fill;
    colours[ImGuiCol_SliderGrab] = primary.fill;
    colours[ImGuiCol_SliderGrabActive] = primary.pressed;
    colours[ImGuiCol_Button] = neutral.fill;
    colours[ImGuiCol_ButtonHovered] = neutral.hovered;
    colours[ImGuiCol_ButtonActive] = neutral.pressed;
    colours[ImGuiCol_Header] = neutral.fill;
    colours[ImGuiCol_HeaderHovered] = neutral.hovered;
    colours[ImGuiCol_HeaderActive] = neutral.pressed;
    colours[ImGuiCol_Separator] = colours[ImGuiCol_Border];
    colours[ImGuiCol_Tab] = neutral.fill;
    colours[ImGuiCol_TabHovered] = neutral.hovered;
    colours[ImGuiCol_TabActive] = primary.fill;
    colours[ImGuiCol_TableHeaderBg] = neutral.fill;
    colours[ImGuiCol_TableBorderStrong] = colours[ImGuiCol_Border];
    colours[ImGuiCol_TableBorderLight] = neutral.pressed;
    colours[ImGuiCol_TableRowBg] = rgb(0x000000, 0.0f);
    colours[ImGuiCol_TableRowBgAlt] = dark ? rgb(0xFFFFFF, 0.04f) : rgb(0x000000, 0.03f);
    colours[ImGuiCol_TextSelectedBg] = dark ? rgb(0x0B57D0, 0.6f) : rgb(0x0B57D0, 0.3f);
    colours[ImGuiCol_NavHighlight] = primary.fill;
    colours[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.5f);
}

}  // namespace jobfair::ui
