#include "kiosk/ui/screenshot.hpp"

#include <GL/gl.h>
#include <imgui_internal.h>   // which window drew a draw list (GImGui->Windows)
#include <stb_image_write.h>  // the implementation is compiled into Debian's libstb

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <utility>

#include "kiosk/ui/contrast/text_contrast.hpp"

#include "kiosk/ui/ui_error.hpp"
#include "kiosk/ui/window.hpp"

namespace jobfair::ui {

RgbImage read_back_buffer(int width, int height) {
    RgbImage image{width, height,
                   std::vector<std::uint8_t>(static_cast<std::size_t>(width) *
                                             static_cast<std::size_t>(height) * 3)};
    const std::size_t row_bytes = static_cast<std::size_t>(width) * 3;
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);  // RGB rows of any width, no padding
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, image.pixels.data());
    // OpenGL's first row is the bottom one.
    for (int top = 0, bottom = height - 1; top < bottom; ++top, --bottom) {
        std::swap_ranges(image.pixels.begin() + static_cast<std::ptrdiff_t>(top * row_bytes),
                         image.pixels.begin() + static_cast<std::ptrdiff_t>((top + 1) * row_bytes),
                         image.pixels.begin() + static_cast<std::ptrdiff_t>(bottom * row_bytes));
    }
    return image;
}

void write_png(const RgbImage& image, const std::filesystem::path& path) {
    const int written = stbi_write_png(path.c_str(), image.width, image.height, 3,
                                       image.pixels.data(), image.width * 3);
    if (written == 0) {
        throw UiError("cannot write the screenshot " + path.string() +
                      ": check that the folder exists and is writable");
    }
}

HeadlessDriver::HeadlessDriver(Window& window, std::function<void()> draw)
    : window_(window), draw_(std::move(draw)) {}

namespace {

ScriptedInput mouse_at(ImVec2 position, bool down = false) {
    ScriptedInput input;
    input.mouse_position = position;
    input.mouse_down = down;
    return input;
}

}  // namespace

void HeadlessDriver::run_frame(const ScriptedInput& input) {
    window_.begin_frame(&input);
    draw_();
    window_.end_frame();
}

void HeadlessDriver::run_frames(int count) {
    for (int frame = 0; frame < count; ++frame)
        run_frame(mouse_at(mouse_position_));
}

FrameTimeSummary HeadlessDriver::measure_frames(int count) {
    FrameStats stats;
    for (int frame = 0; frame <= count; ++frame) {  // the first one is not counted
        stats.begin_frame();
        run_frames(1);
        stats.end_frame();
        if (frame > 0) stats.add_swap(window_.last_swap_ms());
    }
    return stats.summary();
}

void HeadlessDriver::click(ImVec2 position) {
    run_frame(mouse_at(position));        // hover
    run_frame(mouse_at(position, true));  // press
    run_frame(mouse_at(position));        // release: the button fires
    park_mouse();
}

void HeadlessDriver::hover(ImVec2 position) {
    mouse_position_ = position;
    run_frame(mouse_at(mouse_position_));
}

void HeadlessDriver::park_mouse() {
    mouse_position_ = ImVec2(-FLT_MAX, -FLT_MAX);
}

void HeadlessDriver::type_text(std::string_view utf8) {
    ScriptedInput input = mouse_at(mouse_position_);
    input.typed_text = std::string(utf8);
    run_frame(input);
}

void HeadlessDriver::press_key(ImGuiKey key) {
    ScriptedInput input = mouse_at(mouse_position_);
    input.key_down = key;
    run_frame(input);
    run_frame(mouse_at(mouse_position_));
}

RgbImage HeadlessDriver::capture_frame() {
    const ScriptedInput input = mouse_at(mouse_position_);
    window_.begin_frame(&input);
    draw_();
    return window_.end_frame_and_capture();
}

void HeadlessDriver::save_screenshot(const std::filesystem::path& path) {
    const RgbImage image = capture_frame();
    write_png(image, path);
    // Every picture is also a contrast check of what it shows (kiosk/ui/contrast/README.md).
    const ImDrawData* draw_data = ImGui::GetDrawData();
    if (draw_data == nullptr) return;
    const ContrastReport report =
        audit_text_contrast(glyph_quads(*draw_data, *ImGui::GetIO().Fonts),
                            PixelView{image.width, image.height, image.pixels.data()});
    std::fputs(describe(report, path.filename().string()).c_str(), stderr);
}

namespace {

// Finds the glyph a texture coordinate of the font atlas lies in: a grid over the atlas, each
// cell listing the glyphs that overlap it.
class GlyphFinder {
  public:
    explicit GlyphFinder(const ImFontAtlas& atlas) : cells_(kCells * kCells) {
        for (const ImFont* font : atlas.Fonts) {
            for (const ImFontGlyph& glyph : font->Glyphs) {
                if (!glyph.Visible) continue;
                for (int row = cell(glyph.V0); row <= cell(glyph.V1); ++row) {
                    for (int column = cell(glyph.U0); column <= cell(glyph.U1); ++column)
                        cells_[size_t(row * kCells + column)].push_back({font, &glyph});
                }
            }
        }
    }

    struct Found {
        const ImFont* font = nullptr;
        const ImFontGlyph* glyph = nullptr;
    };

    std::optional<Found> at(ImVec2 uv) const {
        for (const Found& found : cells_[size_t(cell(uv.y) * kCells + cell(uv.x))]) {
            const ImFontGlyph& g = *found.glyph;
            if (uv.x >= g.U0 && uv.x <= g.U1 && uv.y >= g.V0 && uv.y <= g.V1) return found;
        }
        return std::nullopt;
    }

  private:
    static constexpr int kCells = 64;
    static int cell(float coordinate) {
        return std::clamp(static_cast<int>(coordinate * kCells), 0, kCells - 1);
    }
    std::vector<std::vector<Found>> cells_;
};

}  // namespace

std::vector<GlyphQuad> glyph_quads(const ImDrawData& draw_data, const ImFontAtlas& atlas) {
    const GlyphFinder finder(atlas);
    const ImVec2 origin = draw_data.DisplayPos;
    const ImVec2 scale = draw_data.FramebufferScale;
    std::vector<GlyphQuad> quads;
    // Which window drew each list: a popup, tooltip or notice covers the text under it.
    std::map<const ImDrawList*, const ImGuiWindow*> window_of;
    if (GImGui != nullptr) {
        for (const ImGuiWindow* window : GImGui->Windows)
            window_of[window->DrawList] = window;
    }
    for (int list_index = 0; list_index < draw_data.CmdListsCount; ++list_index) {
        const ImDrawList& list = *draw_data.CmdLists[list_index];
        if (const auto owner = window_of.find(&list); owner != window_of.end()) {
            const ImGuiWindow& window = *owner->second;
            const bool covers = (window.Flags & ImGuiWindowFlags_ChildWindow) == 0 &&
                                (window.Flags & ImGuiWindowFlags_NoBackground) == 0;
            if (covers && list_index > 0) {
                const float x0 = (window.Pos.x - origin.x) * scale.x;
                const float y0 = (window.Pos.y - origin.y) * scale.y;
                const float x1 = x0 + window.Size.x * scale.x;
                const float y1 = y0 + window.Size.y * scale.y;
                std::erase_if(quads, [&](const GlyphQuad& quad) {
                    return quad.x1 > x0 && quad.x0 < x1 && quad.y1 > y0 && quad.y0 < y1;
                });
            }
        }
        for (const ImDrawCmd& command : list.CmdBuffer) {
            if (command.UserCallback != nullptr || command.TextureId != atlas.TexID) continue;
            const ImDrawIdx* indices = list.IdxBuffer.Data + command.IdxOffset;
            const ImDrawVert* vertices = list.VtxBuffer.Data + command.VtxOffset;
            // A glyph is two triangles over one quad of the atlas; shapes use the atlas's white
            // pixel and line textures, which are no glyph's.
            GlyphQuad* open = nullptr;
            ImDrawIdx open_first = 0;
            for (unsigned i = 0; i + 2 < command.ElemCount; i += 3) {
                const ImDrawVert& a = vertices[indices[i]];
                const ImDrawVert& b = vertices[indices[i + 1]];
                const ImDrawVert& c = vertices[indices[i + 2]];
                const ImVec2 uv{(a.uv.x + b.uv.x + c.uv.x) / 3, (a.uv.y + b.uv.y + c.uv.y) / 3};
                const auto found = finder.at(uv);
                if (!found) {
                    open = nullptr;
                    // A shape over the whole display (a modal's dimming, a full-screen window)
                    // covers every glyph drawn before it: those are not on screen as drawn.
                    const ImVec2 size = draw_data.DisplaySize;
                    if (std::min({a.pos.x, b.pos.x, c.pos.x}) <= origin.x &&
                        std::min({a.pos.y, b.pos.y, c.pos.y}) <= origin.y &&
                        std::max({a.pos.x, b.pos.x, c.pos.x}) >= origin.x + size.x &&
                        std::max({a.pos.y, b.pos.y, c.pos.y}) >= origin.y + size.y) {
                        quads.clear();
                    }
                    continue;
                }
                const float x0 = (std::min({a.pos.x, b.pos.x, c.pos.x}) - origin.x) * scale.x;
                const float y0 = (std::min({a.pos.y, b.pos.y, c.pos.y}) - origin.y) * scale.y;
                const float x1 = (std::max({a.pos.x, b.pos.x, c.pos.x}) - origin.x) * scale.x;
                const float y1 = (std::max({a.pos.y, b.pos.y, c.pos.y}) - origin.y) * scale.y;
                if (open != nullptr && indices[i] == open_first) {  // the quad's second triangle
                    open->x0 = std::min(open->x0, x0);
                    open->y0 = std::min(open->y0, y0);
                    open->x1 = std::max(open->x1, x1);
                    open->y1 = std::max(open->y1, y1);
                    open = nullptr;
                    continue;
                }
                GlyphQuad quad;
                quad.x0 = x0;
                quad.y0 = y0;
                quad.x1 = x1;
                quad.y1 = y1;
                const ImU32 colour = a.col;  // ImGui packs A, B, G, R from the high byte down
                quad.colour =
                    Rgb{((colour & 0xFF) << 16) | (colour & 0xFF00) | ((colour >> 16) & 0xFF)};
                quad.alpha = float((colour >> 24) & 0xFF) / 255.0f;
                quad.font_size = found->font->FontSize * scale.y;
                quad.codepoint = char32_t(found->glyph->Codepoint);
                quad.clip_x0 = (command.ClipRect.x - origin.x) * scale.x;
                quad.clip_y0 = (command.ClipRect.y - origin.y) * scale.y;
                quad.clip_x1 = (command.ClipRect.z - origin.x) * scale.x;
                quad.clip_y1 = (command.ClipRect.w - origin.y) * scale.y;
                quads.push_back(quad);
                open = &quads.back();
                open_first = indices[i];
            }
        }
    }
    return quads;
}

}  // namespace jobfair::ui
