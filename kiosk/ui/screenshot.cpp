#include "kiosk/ui/screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>  // the implementation is compiled into Debian's libstb

#include <algorithm>
#include <cstddef>
#include <utility>

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
    write_png(capture_frame(), path);
}

}  // namespace jobfair::ui
