#include "kiosk/ui/theme.hpp"

#include <initializer_list>

namespace jobfair::ui {
namespace {

// The style's window background tells the variant apart: no state of our own is needed.
ThemeVariant variant_of(const ImGuiStyle& style) {
    const ImVec4 background = style.Colors[ImGuiCol_WindowBg];
    return background.x + background.y + background.z < 1.5f ? ThemeVariant::dark
                                                             : ThemeVariant::light;
}

}  // namespace

ImVec4 to_imgui(Rgb colour, float alpha) {
    return ImVec4(colour.red(), colour.green(), colour.blue(), alpha);
}

ToneColours tone_colours(Tone tone, ThemeVariant variant) {
    const TonePalette palette = tone_palette(tone, variant);
    return {to_imgui(palette.fill), to_imgui(palette.hovered), to_imgui(palette.pressed),
            to_imgui(palette.text), to_imgui(palette.on_background)};
}

ToneColours tone_colours(Tone tone) {
    return tone_colours(tone, variant_of(ImGui::GetStyle()));
}

void begin_disabled(bool disabled) {
    if (!disabled) return;
    const SurfacePalette surfaces = surface_palette(variant_of(ImGui::GetStyle()));
    ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
    for (const ImGuiCol fill : {ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive,
                                ImGuiCol_FrameBg, ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive})
        ImGui::PushStyleColor(fill, to_imgui(surfaces.disabled_fill));
    ImGui::PushStyleColor(ImGuiCol_Text, to_imgui(surfaces.disabled_text));
    ImGui::BeginDisabled(true);
}

void end_disabled(bool disabled) {
    if (!disabled) return;
    ImGui::EndDisabled();
    ImGui::PopStyleColor(7);
    ImGui::PopStyleVar();
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
    const SurfacePalette surfaces = surface_palette(variant);
    ImVec4* colours = style.Colors;
    colours[ImGuiCol_Text] = to_imgui(surfaces.text);
    colours[ImGuiCol_TextDisabled] = to_imgui(surfaces.muted_text);
    colours[ImGuiCol_WindowBg] = to_imgui(surfaces.window);
    colours[ImGuiCol_ChildBg] = to_imgui(surfaces.card);
    colours[ImGuiCol_PopupBg] = to_imgui(surfaces.card);
    colours[ImGuiCol_Border] = to_imgui(surfaces.border);
    colours[ImGuiCol_BorderShadow] = to_imgui({0x000000}, 0.0f);
    colours[ImGuiCol_FrameBg] = to_imgui(surfaces.field);
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
    colours[ImGuiCol_TableRowBg] = to_imgui({0x000000}, 0.0f);
    colours[ImGuiCol_TableRowBgAlt] =
        dark ? to_imgui({0xFFFFFF}, 0.04f) : to_imgui({0x000000}, 0.03f);
    colours[ImGuiCol_TextSelectedBg] =
        dark ? to_imgui({0x0B57D0}, 0.6f) : to_imgui({0x0B57D0}, 0.3f);
    colours[ImGuiCol_NavHighlight] = primary.fill;
    colours[ImGuiCol_ModalWindowDimBg] = to_imgui({0x000000}, 0.5f);
}

}  // namespace jobfair::ui
