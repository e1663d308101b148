// The program window: a GLFW window with an OpenGL 3.3 core context, the Dear ImGui context and
// its GLFW/OpenGL3 backends, and the frame loop. One Window per program; it owns the ImGui
// context, so fonts and the theme are set up after constructing it, before the first frame.
//
//   ui::WindowOptions options;                  // title, size, full screen
//   ui::Window window(options);
//   ui::FontSet fonts = ui::load_fonts(*ImGui::GetIO().Fonts);
//   ui::apply_theme(ImGui::GetStyle(), ui::ThemeVariant::light);
//   window.run([&] { view.draw(); }, [&] { return app.next_change(); });
//
// run() draws only when something changes (redraw_schedule.hpp): input, a worker thread's
// ui::wake_frame_loop(), or the program's next change in time; otherwise it sleeps.
#pragma once

#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/frame_stats.hpp"
#include "kiosk/ui/redraw_schedule.hpp"
#include "kiosk/ui/screenshot.hpp"

struct GLFWwindow;

namespace jobfair::ui {

struct WindowOptions {
    std::string title = "jobfair";
    int width = 1080;  // portrait kiosk; landscape screens are 1920x1080
    int height = 1920;
    bool fullscreen = false;  // on the primary monitor, at its current video mode
    bool vsync = false;       // off headless: Xvfb has no display to wait for
    // While frames follow each other (input, animation), run() draws at most this many a second.
    int max_frames_per_second = 60;
    // Set: SIGUSR1 makes run() save its next frame there as a PNG (`kill -USR1 PID`), so the
    // screen of a running station can be looked at without a screen grabber.
    std::optional<std::filesystem::path> snapshot_file;
};

// A key typed on the keyboard, or by a USB QR scanner (which is one), as GLFW reported it.
// Dear ImGui 1.86 only sees whether a key is down at the start of a frame, so a scanner's Enter,
// pressed and released within one frame, never shows there; these are taken from GLFW's own
// callbacks, every one, in order.
struct TypedKey {
    enum class Kind { character, enter, backspace } kind = Kind::character;
    char32_t character = 0;  // Kind::character: the Unicode code point
    bool operator==(const TypedKey&) const = default;
};

// "1080x1920" -> {1080, 1920}; nullopt for anything else (no sign, both at least 1).
struct WindowSize {
    int width = 0;
    int height = 0;
};
std::optional<WindowSize> parse_window_size(std::string_view text);

// Makes the running frame loop draw its next frames now: for threads that deliver an answer or
// an event the screen shows (runners, event streams). Safe from any thread, also before the
// window exists or after it is gone (then it does nothing). Not from a signal handler.
void wake_frame_loop();

class Window {
  public:
    // Throws UiError when GLFW, the window or the OpenGL 3.3 context cannot be created.
    explicit Window(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    bool should_close() const;
    void request_close();
    WindowSize framebuffer_size() const;
    GLFWwindow* native_handle() const { return window_; }

    // One frame: begin_frame(), the program's ImGui calls, then end_frame(). With `scripted`, the
    // real mouse and keyboard are ignored for this frame.
    void begin_frame(const ScriptedInput* scripted = nullptr);
    void end_frame();
    // Like end_frame(), but first reads the rendered back buffer. Not counted in frame_stats().
    RgbImage end_frame_and_capture();

    // Runs frames until the window is asked to close, at most max_frames_per_second, saving a
    // snapshot when asked for one (WindowOptions::snapshot_file). Between changes it sleeps:
    // `next_change` answers, after each frame, how long until the screen changes by itself
    // (nullopt: never; zero: it animates). Without it, the screen is redrawn only on input and
    // wake_frame_loop().
    void run(const std::function<void()>& draw,
             const std::function<NextChange()>& next_change = {});

    const FrameStats& frame_stats() const { return frame_stats_; }
    // How long the last frame's glfwSwapBuffers took (llvmpipe rasterises there).
    double last_swap_ms() const { return last_swap_ms_; }
    // The keys typed since the last call, oldest first (the callbacks run in begin_frame()).
    std::vector<TypedKey> take_typed_keys();

  private:
    void render_draw_data();
    void swap_buffers();  // timed: last_swap_ms()
    struct WakeCount {
        int events = 0;
        unsigned wakes = 0;
    };
    // Sleeps until input or a wake_frame_loop() came since `seen` was counted, a snapshot is
    // asked for, or `wait` has passed.
    void wait_for_events(std::chrono::milliseconds wait, WakeCount seen);
    void apply_scripted_input(const ScriptedInput& scripted);

    GLFWwindow* window_ = nullptr;
    int max_frames_per_second_ = 60;
    std::optional<std::filesystem::path> snapshot_file_;
    FrameStats frame_stats_;
    std::optional<ImGuiKey> scripted_key_held_;  // released on the next scripted frame
    bool font_pixels_released_ = false;          // fonts must be loaded before the first frame
    std::vector<TypedKey> typed_;                // filled by GLFW's key and character callbacks
    int events_seen_ = 0;
    double last_swap_ms_ = 0;  // input and window events, counted by GLFW's callbacks
    RedrawSchedule schedule_;
};

}  // namespace jobfair::ui
