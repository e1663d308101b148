#include "kiosk/booth/app/draw_kit.hpp"

#include <algorithm>
#include <cfloat>

#include "kiosk/ui/widgets.hpp"

namespace jobfair::booth::app {

using ui::packed;
using ui::ScopedFont;

// A card's rounded outline, drawn on the current window before the card's child window begins.
void card_outline(ImVec2 origin, ImVec2 size) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::GetWindowDrawList()->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                                        packed(style.Colors[ImGuiCol_Border]), style.ChildRounding,
                                        0, 2.0f);
}

float text_width(ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size())
        .x;
}

// `text` cut at a whole character and ended with "…" so that it fits in `width` pixels.
std::string fitted(ImFont* font, std::string_view text, float width) {
    if (text_width(font, text) <= width) return std::string(text);
    const std::string_view ellipsis = "…";
    std::size_t end = text.size();
    while (end > 0) {
        do {
            --end;
        } while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
        std::string candidate(text.substr(0, end));
        while (!candidate.empty() && candidate.back() == ' ')
            candidate.pop_back();
        candidate += ellipsis;
        if (text_width(font, candidate) <= width) return candidate;
    }
    return std::string(ellipsis);
}

void text_at(ImFont* font, ImVec2 at, ImU32 colour, std::string_view text) {
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, at, colour, text.data(),
                                        text.data() + text.size());
}

ImU32 ink() {
    return packed(ImGui::GetStyle().Colors[ImGuiCol_Text]);
}
ImU32 muted() {
    return packed(ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
}

// A pill drawn at a screen position in `font`; returns its width.
float pill_at(ImFont* font, ImVec2 at, const std::string& text, ui::Tone tone) {
    ScopedFont scoped(font);
    ImGui::SetCursorScreenPos(at);
    ui::status_pill(text.c_str(), tone);
    return ImGui::GetItemRectSize().x;
}

float pill_width(ImFont* font, const std::string& text) {
    // As ui::status_pill measures it: 0.75 of the text height on each side.
    return text_width(font, text) + 1.5f * font->FontSize;
}

// Lays `buttons` out in as few rows as their natural widths allow within `width`, each row
// stretched to fill it, bottom-aligned at `bottom`; draws them and appends the tapped intent.
void button_rows(std::vector<RowButton>& buttons, ImVec2 origin_bottom_left, float width,
                 float height, float gap, std::vector<Intent>& asked,
                 const std::function<void(const std::string&)>& remember, ImFont* reason_font) {
    const ImGuiStyle& style = ImGui::GetStyle();
    std::vector<std::vector<std::size_t>> rows(1);
    std::vector<float> naturals(buttons.size());
    float row_width = 0;
    for (std::size_t index = 0; index < buttons.size(); ++index) {
        const float natural =
            std::max(ImGui::CalcTextSize(buttons[index].label.c_str(), nullptr, true).x +
                         2 * style.FramePadding.x,
                     ui::kMinTouchTarget);
        naturals[index] = natural;
        const float needed = rows.back().empty() ? natural : row_width + gap + natural;
        if (!rows.back().empty() && needed > width) {
            rows.emplace_back();
            row_width = natural;
        } else {
            row_width = needed;
        }
        rows.back().push_back(index);
    }
    float y = origin_bottom_left.y - rows.size() * height - (rows.size() - 1) * gap;
    for (const auto& row : rows) {
        const float free = width - gap * (row.size() - 1);
        const float each = free / static_cast<float>(row.size());
        // Equal widths, unless a label is wider than its share: then each button gets its own
        // width and an equal part of what is left, so no label runs under its neighbour.
        float total = 0;
        bool equal = true;
        for (const std::size_t index : row) {
            total += naturals[index];
            equal = equal && naturals[index] <= each;
        }
        const float extra = (free - total) / static_cast<float>(row.size());
        float x = origin_bottom_left.x;
        for (const std::size_t index : row) {
            RowButton& button = buttons[index];
            const float button_width = equal ? each : naturals[index] + extra;
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            ui::begin_disabled(!button.enabled);
            if (ui::touch_button(button.label.c_str(), button.tone, ImVec2(button_width, height)))
                asked.push_back(button.intent);
            ui::end_disabled(!button.enabled);
            if (!button.enabled && !button.why_not.empty() && reason_font) {
                const ImVec2 words = reason_font->CalcTextSizeA(reason_font->FontSize, FLT_MAX, 0,
                                                                button.why_not.c_str());
                ImGui::GetWindowDrawList()->AddText(
                    reason_font, reason_font->FontSize,
                    ImVec2(x + std::max(0.0f, (button_width - words.x) / 2), y - words.y - 4),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), button.why_not.c_str());
            }
            remember(button.target);
            x += button_width + gap;
        }
        y += height + gap;
    }
}

// "###id" appended: ImGui hashes only what follows "###", so the id is the same in both languages.
std::string labelled(std::string_view words, std::string_view id) {
    std::string label(words);
    label += "###";
    label += id;
    return label;
}

}  // namespace jobfair::booth::app
