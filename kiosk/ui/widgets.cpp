// Index: touch_button · QR codes · status_pill · countdowns · on-screen keyboard (key icons,
// letters layout, digits layout).
#include "kiosk/ui/widgets.hpp"

#include <imgui_internal.h>  // GImGui->CurrentItemFlags: is the next item disabled

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string_view>

namespace jobfair::ui {

ImU32 packed(const ImVec4& colour) {
    return ImGui::ColorConvertFloat4ToU32(colour);
}

namespace {

// Pushes a tone's colours onto the button styles; the neutral tone keeps the theme's own, and so
// does a disabled button (begin_disabled has pushed the readable disabled colours).
class ScopedToneColours {
  public:
    explicit ScopedToneColours(Tone tone) {
        if (tone == Tone::neutral) return;
        if ((GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0) return;
        const ToneColours colours = tone_colours(tone);
        ImGui::PushStyleColor(ImGuiCol_Button, colours.fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colours.hovered);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colours.pressed);
        ImGui::PushStyleColor(ImGuiCol_Text, colours.text);
        pushed_ = 4;
    }
    ~ScopedToneColours() { ImGui::PopStyleColor(pushed_); }
    ScopedToneColours(const ScopedToneColours&) = delete;
    ScopedToneColours& operator=(const ScopedToneColours&) = delete;

  private:
    int pushed_ = 0;
};

}  // namespace

bool touch_button(const char* label, Tone tone, ImVec2 size) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 label_size = ImGui::CalcTextSize(label, nullptr, true);
    if (size.x >= 0) {
        size.x = std::max({size.x, label_size.x + 2 * style.FramePadding.x, kMinTouchTarget});
    }
    size.y = std::max({size.y, label_size.y + 2 * style.FramePadding.y, kMinTouchTarget});
    const ScopedToneColours colours(tone);
    return ImGui::Button(label, size);
}

// --- QR codes --------------------------------------------------------------------------------

int qr_side_px(const QrMatrix& matrix, int pixels_per_module) {
    return (matrix.size + 2 * kQrQuietZoneModules) * pixels_per_module;
}

int qr_pixels_per_module_to_fit(const QrMatrix& matrix, float available_px) {
    const int modules = matrix.size + 2 * kQrQuietZoneModules;
    return std::max(kMinQrPixelsPerModule, static_cast<int>(available_px) / modules);
}

void qr_code(const QrMatrix& matrix, int pixels_per_module) {
    IM_ASSERT(pixels_per_module >= kMinQrPixelsPerModule && "QR modules too small to scan");
    IM_ASSERT(matrix.size > 0 && "empty QR matrix");
    const float side = static_cast<float>(qr_side_px(matrix, pixels_per_module));
    // Whole-pixel corners keep every module edge sharp.
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const ImVec2 origin(std::floor(cursor.x), std::floor(cursor.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);

    const float module = static_cast<float>(pixels_per_module);
    const float quiet = static_cast<float>(kQrQuietZoneModules) * module;
    for (int y = 0; y < matrix.size; ++y) {
        // One rectangle per horizontal run of dark modules: fewer vertices, same pixels.
        for (int x = 0; x < matrix.size;) {
            if (!matrix.is_dark(x, y)) {
                ++x;
                continue;
            }
            const int run_start = x;
            while (x < matrix.size && matrix.is_dark(x, y))
                ++x;
            const ImVec2 top_left(origin.x + quiet + static_cast<float>(run_start) * module,
                                  origin.y + quiet + static_cast<float>(y) * module);
            const ImVec2 bottom_right(origin.x + quiet + static_cast<float>(x) * module,
                                      top_left.y + module);
            draw->AddRectFilled(top_left, bottom_right, IM_COL32_BLACK);
        }
    }
    ImGui::Dummy(ImVec2(side + (cursor.x - origin.x), side + (cursor.y - origin.y)));
}

// --- States and time -------------------------------------------------------------------------

void status_pill(const char* text, Tone tone) {
    const ToneColours colours = tone_colours(tone);
    const ImVec2 text_size = ImGui::CalcTextSize(text);
    const ImVec2 padding(text_size.y * 0.75f, text_size.y * 0.3f);
    const ImVec2 size(text_size.x + 2 * padding.x, text_size.y + 2 * padding.y);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), packed(colours.fill),
                        size.y / 2);
    draw->AddText(ImVec2(origin.x + padding.x, origin.y + padding.y), packed(colours.text), text);
    ImGui::Dummy(size);
}

void countdown_ring(float fraction_left, const char* centre_text, float radius, Tone tone) {
    fraction_left = std::clamp(fraction_left, 0.0f, 1.0f);
    const float thickness = std::max(6.0f, radius * 0.16f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 centre(origin.x + radius, origin.y + radius);
    const float track_radius = radius - thickness / 2;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircle(centre, track_radius, packed(tone_colours(Tone::neutral).pressed), 64,
                    thickness);
    if (fraction_left > 0) {
        constexpr float kTwelveOClock = -std::numbers::pi_v<float> / 2;
        const float end = kTwelveOClock + 2 * std::numbers::pi_v<float> * fraction_left;
        draw->PathArcTo(centre, track_radius, kTwelveOClock, end,
                        std::max(8, static_cast<int>(64 * fraction_left)));
        draw->PathStroke(packed(tone_colours(tone).fill), false, thickness);
    }
    const ImVec2 text_size = ImGui::CalcTextSize(centre_text);
    draw->AddText(ImVec2(centre.x - text_size.x / 2, centre.y - text_size.y / 2),
                  ImGui::GetColorU32(ImGuiCol_Text), centre_text);
    ImGui::Dummy(ImVec2(2 * radius, 2 * radius));
}

void countdown_bar(float fraction_left, const char* label, ImVec2 size, Tone tone) {
    fraction_left = std::clamp(fraction_left, 0.0f, 1.0f);
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    const ToneColours colours = tone_colours(tone);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 end(origin.x + size.x, origin.y + size.y);
    const float filled_to = origin.x + std::round(size.x * fraction_left);
    const float rounding = std::min(size.y / 2, ImGui::GetStyle().FrameRounding);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, end, packed(tone_colours(Tone::neutral).fill), rounding);
    if (filled_to > origin.x) {
        draw->AddRectFilled(
            origin, ImVec2(filled_to, end.y), packed(colours.fill), rounding,
            filled_to >= end.x ? ImDrawFlags_RoundCornersAll : ImDrawFlags_RoundCornersLeft);
    }
    if (label != nullptr && label[0] != '\0') {
        // The label changes colour where the fill ends, so it stays readable on both parts.
        const ImVec2 text_size = ImGui::CalcTextSize(label);
        const ImVec2 text_at(origin.x + (size.x - text_size.x) / 2,
                             origin.y + (size.y - text_size.y) / 2);
        draw->PushClipRect(origin, ImVec2(filled_to, end.y), true);
        draw->AddText(text_at, packed(colours.text), label);
        draw->PopClipRect();
        draw->PushClipRect(ImVec2(filled_to, origin.y), end, true);
        draw->AddText(text_at, ImGui::GetColorU32(ImGuiCol_Text), label);
        draw->PopClipRect();
    }
    ImGui::Dummy(size);
}

// --- On-screen keyboard ----------------------------------------------------------------------
namespace {

enum class KeyIcon { none, backspace, enter, shift, shift_locked, space };

// Icons in a box of `height` centred in the key just drawn, in the text colour.
void draw_key_icon(KeyIcon icon, float height) {
    if (icon == KeyIcon::none) return;
    const ImVec2 key_min = ImGui::GetItemRectMin();
    const ImVec2 key_max = ImGui::GetItemRectMax();
    const ImVec2 centre((key_min.x + key_max.x) / 2, (key_min.y + key_max.y) / 2);
    const float h = height;  // icon height
    const float line = std::max(2.0f, std::round(h * 0.08f));
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = centre.x - h * 0.8f;
    const float right = centre.x + h * 0.8f;
    const float top = centre.y - h / 2;
    const float bottom = centre.y + h / 2;
    switch (icon) {
        case KeyIcon::backspace: {  // a left-pointing tag with a cross in it
            const ImVec2 outline[] = {{left, centre.y},
                                      {left + h * 0.5f, top},
                                      {right, top},
                                      {right, bottom},
                                      {left + h * 0.5f, bottom}};
            draw->AddPolyline(outline, 5, colour, ImDrawFlags_Closed, line);
            const float cross = h * 0.22f;
            const float cross_x = (left + h * 0.5f + right) / 2;
            draw->AddLine({cross_x - cross, centre.y - cross}, {cross_x + cross, centre.y + cross},
                          colour, line);
            draw->AddLine({cross_x - cross, centre.y + cross}, {cross_x + cross, centre.y - cross},
                          colour, line);
            break;
        }
        case KeyIcon::enter: {  // the return arrow: down from the top right, then left
            const float head = h * 0.3f;
            const ImVec2 stroke[] = {
                {right, top}, {right, centre.y + h * 0.1f}, {left + head, centre.y + h * 0.1f}};
            draw->AddPolyline(stroke, 3, colour, ImDrawFlags_None, line);
            draw->AddTriangleFilled({left, centre.y + h * 0.1f},
                                    {left + head, centre.y + h * 0.1f - head},
                                    {left + head, centre.y + h * 0.1f + head}, colour);
            break;
        }
        case KeyIcon::shift:
        case KeyIcon::shift_locked: {  // an up arrow, filled while capitals are on
            const float stem = h * 0.22f;
            const float head_bottom = centre.y + h * 0.05f;
            const ImVec2 outline[] = {{centre.x, top},
                                      {centre.x + h * 0.5f, head_bottom},
                                      {centre.x + stem, head_bottom},
                                      {centre.x + stem, bottom},
                                      {centre.x - stem, bottom},
                                      {centre.x - stem, head_bottom},
                                      {centre.x - h * 0.5f, head_bottom}};
            if (icon == KeyIcon::shift_locked) {
                draw->AddTriangleFilled(outline[0], outline[1], outline[6], colour);
                draw->AddRectFilled({centre.x - stem, head_bottom - 1}, {centre.x + stem, bottom},
                                    colour);
            } else {
                draw->AddPolyline(outline, 7, colour, ImDrawFlags_Closed, line);
            }
            break;
        }
        case KeyIcon::space: {  // the open box under a space: ⎵
            const float width = std::min(h * 3, (key_max.x - key_min.x) * 0.4f);
            const ImVec2 stroke[] = {{centre.x - width / 2, centre.y - h * 0.15f},
                                     {centre.x - width / 2, centre.y + h * 0.2f},
                                     {centre.x + width / 2, centre.y + h * 0.2f},
                                     {centre.x + width / 2, centre.y - h * 0.15f}};
            draw->AddPolyline(stroke, 4, colour, ImDrawFlags_None, line);
            break;
        }
        case KeyIcon::none:
            break;
    }
}

// Widget ids come from the key, never from its (changing) label.
int key_id(const KeyTap& key) {
    return key.kind == KeyKind::character ? key.character : 256 + static_cast<int>(key.kind);
}

struct KeyboardLayoutMetrics {
    float unit = 0;     // width of one letter key
    float spacing = 0;  // gap between keys
    float height = 0;
    float span(float units) const { return units * unit + (units - 1) * spacing; }
};

// Draws one key; `tapped` receives it when it fires.
void key(const KeyTap& what, const char* label, KeyIcon icon, float width,
         const KeyboardLayoutMetrics& metrics, Tone tone, std::optional<KeyTap>& tapped) {
    ImGui::PushID(key_id(what));
    const ScopedToneColours colours(tone);
    if (ImGui::Button(label, ImVec2(width, metrics.height))) tapped = what;
    draw_key_icon(icon, std::round(metrics.height * 0.36f));
    ImGui::PopID();
}

void letters_layout(const KeyboardView& view, const KeyboardLayoutMetrics& m,
                    std::optional<KeyTap>& tapped) {
    constexpr std::string_view kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    const float row_start = ImGui::GetCursorPosX();
    const auto letter_row = [&](std::string_view letters) {
        for (const char letter : letters) {
            const char shown = view.uppercase ? static_cast<char>(letter - 'a' + 'A') : letter;
            const char label[] = {shown, '\0'};
            key({KeyKind::character, shown}, label, KeyIcon::none, m.unit, m, Tone::neutral,
                tapped);
            ImGui::SameLine(0, m.spacing);
        }
    };
    letter_row(kRows[0]);
    ImGui::NewLine();
    ImGui::SetCursorPosX(row_start + (m.unit + m.spacing) / 2);  // the staggered middle row
    letter_row(kRows[1]);
    ImGui::NewLine();
    const float side_key = m.span(1.5f);  // shift and backspace: 1.5 keys each
    key({KeyKind::shift}, "##shift", view.uppercase ? KeyIcon::shift_locked : KeyIcon::shift,
        side_key, m, Tone::neutral, tapped);
    ImGui::SameLine(0, m.spacing);
    letter_row(kRows[2]);
    key({KeyKind::backspace}, "##backspace", KeyIcon::backspace, side_key, m, Tone::neutral,
        tapped);
    if (view.can_switch_layout) {
        key({KeyKind::show_digits}, "123", KeyIcon::none, m.span(2), m, Tone::neutral, tapped);
        ImGui::SameLine(0, m.spacing);
    }
    const float space_units = view.can_switch_layout ? 6 : 8;
    key({KeyKind::space}, "##space", KeyIcon::space, m.span(space_units), m, Tone::neutral, tapped);
    ImGui::SameLine(0, m.spacing);
    key({KeyKind::enter}, "##enter", KeyIcon::enter, m.span(2), m, Tone::primary, tapped);
}

void digits_layout(const KeyboardView& view, const KeyboardLayoutMetrics& m,
                   std::optional<KeyTap>& tapped) {
    constexpr std::string_view kRows[] = {"123", "456", "789"};
    for (const std::string_view row : kRows) {
        for (std::size_t column = 0; column < row.size(); ++column) {
            const char label[] = {row[column], '\0'};
            key({KeyKind::character, row[column]}, label, KeyIcon::none, m.unit, m, Tone::neutral,
                tapped);
            if (column + 1 < row.size()) ImGui::SameLine(0, m.spacing);
        }
    }
    if (view.can_switch_layout) {
        key({KeyKind::show_letters}, "ABC", KeyIcon::none, m.unit, m, Tone::neutral, tapped);
    } else {
        ImGui::Dummy(ImVec2(m.unit, m.height));
    }
    ImGui::SameLine(0, m.spacing);
    key({KeyKind::character, '0'}, "0", KeyIcon::none, m.unit, m, Tone::neutral, tapped);
    ImGui::SameLine(0, m.spacing);
    key({KeyKind::backspace}, "##backspace", KeyIcon::backspace, m.unit, m, Tone::neutral, tapped);
    key({KeyKind::enter}, "##enter", KeyIcon::enter, m.span(3), m, Tone::primary, tapped);
}

}  // namespace

std::optional<KeyTap> on_screen_keyboard(const KeyboardView& view) {
    IM_ASSERT(view.key_height >= kMinTouchTarget && "keys too small for a finger");
    const float width = view.width > 0 ? view.width : ImGui::GetContentRegionAvail().x;
    const bool letters = view.layout == KeyboardLayout::letters;
    const float columns = letters ? 10 : 3;
    KeyboardLayoutMetrics metrics;
    metrics.spacing = std::round(std::max(8.0f, width * 0.012f));
    metrics.unit = std::floor((width - (columns - 1) * metrics.spacing) / columns);
    metrics.height = view.key_height;

    std::optional<KeyTap> tapped;
    ImGui::PushID("on_screen_keyboard");
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(metrics.spacing, metrics.spacing));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));  // labels centre in the key
    ImGui::BeginGroup();
    if (letters) {
        letters_layout(view, metrics, tapped);
    } else {
        digits_layout(view, metrics, tapped);
    }
    ImGui::EndGroup();
    ImGui::PopStyleVar(2);
    ImGui::PopID();
    return tapped;
}

}  // namespace jobfair::ui
