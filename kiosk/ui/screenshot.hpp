// Screenshots and scripted runs, for screenshot tests, benchmarks and `--screenshot` options.
//
// Under Xvfb there is no window manager and the X pointer sits inside the window, so a
// HeadlessDriver replaces the real mouse with a scripted one, parked off-screen unless a click is
// under way: no hover highlight or tooltip leaks into the pictures.
//
//   ui::HeadlessDriver driver(window, [&] { view.draw(); });
//   driver.run_frames(2);
//   driver.click({540, 1600});            // hover, press, release: three frames
//   driver.save_screenshot("welcome.png");
#pragma once

#include <imgui.h>

#include <cfloat>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/contrast/text_contrast.hpp"
#include "kiosk/ui/frame_stats.hpp"

namespace jobfair::ui {

class Window;

// Input a test script feeds one frame instead of the real mouse and keyboard. It is applied after
// the GLFW backend's NewFrame (which would overwrite it) and before ImGui::NewFrame.
struct ScriptedInput {
    ImVec2 mouse_position{-FLT_MAX, -FLT_MAX};  // ImGui's "no mouse": nothing hovered, no tooltip
    bool mouse_down = false;
    std::string typed_text;            // UTF-8 characters typed during this frame
    std::optional<ImGuiKey> key_down;  // a key held during this frame (Enter, Backspace, ...)
};

// 8-bit RGB pixels, top row first.
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // width * height * 3
};

// Reads the current OpenGL back buffer: call after rendering and before the buffer swap.
RgbImage read_back_buffer(int width, int height);

// Writes `image` as a PNG; throws UiError when the file cannot be written.
void write_png(const RgbImage& image, const std::filesystem::path& path);

// The glyphs ImGui drew in a frame, for the contrast check of a screenshot (every triangle pair
// textured from a glyph of `atlas`), in frame pixels.
std::vector<GlyphQuad> glyph_quads(const ImDrawData& draw_data, const ImFontAtlas& atlas);

class HeadlessDriver {
  public:
    // `draw` makes the program's ImGui calls for one frame; `window` must outlive the driver.
    HeadlessDriver(Window& window, std::function<void()> draw);

    void run_frames(int count);
    // Runs one frame and then `count` measured ones, and summarises the measured (the window's
    // own figures go on covering the whole run).
    FrameTimeSummary measure_frames(int count);
    // Hover, press and release at `position` (ImGui buttons fire on release), then the finger
    // leaves the screen: the mouse is parked off-screen again.
    void click(ImVec2 position);
    // Moves the mouse there and keeps it there for the following frames (hover tests).
    void hover(ImVec2 position);
    void park_mouse();
    // Delivers `utf8` as typed characters in one frame (a USB QR scanner types like this).
    void type_text(std::string_view utf8);
    // Holds `key` for one frame and releases it the next (e.g. the Enter a scanner sends).
    void press_key(ImGuiKey key);

    // Renders one more frame and returns its pixels.
    RgbImage capture_frame();
    // Saves the picture and writes its text contrast check to stderr (kiosk/ui/contrast/).
    void save_screenshot(const std::filesystem::path& path);

  private:
    void run_frame(const ScriptedInput& input);

    Window& window_;
    std::function<void()> draw_;
    ImVec2 mouse_position_{-FLT_MAX, -FLT_MAX};
};

}  // namespace jobfair::ui
