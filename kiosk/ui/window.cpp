#include "kiosk/ui/window.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include "common/text.hpp"
#include "kiosk/ui/ui_error.hpp"

namespace jobfair::ui {
namespace {

// GLFW keeps its last error per thread; this turns it into a sentence for UiError.
std::string glfw_failure(std::string_view what) {
    const char* description = nullptr;
    glfwGetError(&description);
    std::string message(what);
    if (description != nullptr) message += std::string(": ") + description;
    message += " (is DISPLAY set? headless, run under xvfb-run -a)";
    return message;
}

// Set by SIGUSR1, taken by the frame loop: a flag is all a signal handler may safely touch.
std::atomic<bool> snapshot_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void request_snapshot(int) {
    snapshot_requested.store(true);
}

// A signal cannot wake glfwWaitEventsTimeout safely (glfwPostEmptyEvent is not
// async-signal-safe), so with a snapshot file the loop waits in slices this long and looks at
// the flag between them: ten wake-ups a second that draw nothing.
constexpr std::chrono::milliseconds kSnapshotLookEvery{100};

// wake_frame_loop() may run on any thread at any time; GLFW may only be asked to post an empty
// event between glfwInit and glfwTerminate, which this lock and flag guarantee.
std::mutex glfw_alive_mutex;
bool glfw_alive = false;
// Wakes asked for by other threads: the loop compares it before and after waiting, since an
// empty event calls no callback.
std::atomic<unsigned> wakes_requested{0};

// Every input or window event GLFW reports makes the loop draw (RedrawSchedule::woken).
Window& window_of(GLFWwindow* window) {
    return *static_cast<Window*>(glfwGetWindowUserPointer(window));
}

// Written beside the target and renamed over it: a viewer never opens half a PNG.
void save_snapshot(const RgbImage& image, const std::filesystem::path& file) {
    std::filesystem::path partial = file;
    partial += ".partial";
    try {
        if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
        write_png(image, partial);
        std::filesystem::rename(partial, file);
        std::clog << "snapshot saved: " << file.string() << std::endl;
    } catch (const std::exception& error) {
        std::clog << "snapshot not saved: " << error.what() << std::endl;
    }
}

}  // namespace

void wake_frame_loop() {
    wakes_requested.fetch_add(1);
    std::lock_guard lock(glfw_alive_mutex);
    if (glfw_alive) glfwPostEmptyEvent();
}

std::optional<WindowSize> parse_window_size(std::string_view text) {
    const auto separator = text.find('x');
    if (separator == std::string_view::npos) return std::nullopt;
    WindowSize size;
    const auto parse = [](std::string_view digits, int& value) {
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), value);
        return error == std::errc() && end == digits.data() + digits.size() && !digits.empty() &&
               value >= 1;
    };
    if (!parse(text.substr(0, separator), size.width) ||
        !parse(text.substr(separator + 1), size.height)) {
        return std::nullopt;
    }
    return size;
}

Window::Window(const WindowOptions& options)
    : max_frames_per_second_(options.max_frames_per_second), snapshot_file_(options.snapshot_file) {
    {
        std::lock_guard lock(glfw_alive_mutex);
        if (glfwInit() != GLFW_TRUE) throw UiError(glfw_failure("cannot start GLFW"));
        glfw_alive = true;
    }

    // OpenGL 3.3 core, forward-compatible: what ImGui's OpenGL3 backend and Mesa llvmpipe agree on.
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);

    GLFWmonitor* monitor = nullptr;
    int width = options.width;
    int height = options.height;
    if (options.fullscreen) {
        monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            width = mode->width;
            height = mode->height;
        }
    }
    window_ = glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr);
    if (window_ == nullptr) {
        std::string message = glfw_failure("cannot open an OpenGL 3.3 core window");
        std::lock_guard lock(glfw_alive_mutex);
        glfw_alive = false;
        glfwTerminate();
        throw UiError(message);
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(options.vsync ? 1 : 0);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    // Ours first: ImGui's backend keeps these and calls them after its own (install_callbacks).
    glfwSetWindowUserPointer(window_, this);
    glfwSetCharCallback(window_, [](GLFWwindow* window, unsigned int code_point) {
        Window* self = &window_of(window);
        ++self->events_seen_;
        self->typed_.push_back({TypedKey::Kind::character, char32_t(code_point)});
    });
    glfwSetKeyCallback(window_, [](GLFWwindow* window, int key, int, int action, int) {
        Window* self = &window_of(window);
        ++self->events_seen_;
        if (action != GLFW_PRESS && action != GLFW_REPEAT) return;
        if (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER)
            self->typed_.push_back({TypedKey::Kind::enter, 0});
        else if (key == GLFW_KEY_BACKSPACE)
            self->typed_.push_back({TypedKey::Kind::backspace, 0});
    });
    // The other events only wake the loop; ImGui reads the mouse itself. ImGui chains the button,
    // scroll, focus and cursor-enter callbacks after its own; it sets no cursor-position,
    // refresh or size callback.
    glfwSetMouseButtonCallback(
        window_, [](GLFWwindow* window, int, int, int) { ++window_of(window).events_seen_; });
    glfwSetScrollCallback(
        window_, [](GLFWwindow* window, double, double) { ++window_of(window).events_seen_; });
    glfwSetCursorPosCallback(
        window_, [](GLFWwindow* window, double, double) { ++window_of(window).events_seen_; });
    glfwSetWindowFocusCallback(window_,
                               [](GLFWwindow* window, int) { ++window_of(window).events_seen_; });
    glfwSetCursorEnterCallback(window_,
                               [](GLFWwindow* window, int) { ++window_of(window).events_seen_; });
    glfwSetWindowRefreshCallback(window_,
                                 [](GLFWwindow* window) { ++window_of(window).events_seen_; });
    glfwSetFramebufferSizeCallback(
        window_, [](GLFWwindow* window, int, int) { ++window_of(window).events_seen_; });
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

Window::~Window() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    std::lock_guard lock(glfw_alive_mutex);
    glfw_alive = false;
    glfwTerminate();
}

bool Window::should_close() const {
    return glfwWindowShouldClose(window_) == GLFW_TRUE;
}

void Window::request_close() {
    glfwSetWindowShouldClose(window_, GLFW_TRUE);
}

WindowSize Window::framebuffer_size() const {
    WindowSize size;
    glfwGetFramebufferSize(window_, &size.width, &size.height);
    return size;
}

void Window::begin_frame(const ScriptedInput* scripted) {
    frame_stats_.begin_frame();
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();  // uploads the font atlas on the first frame
    if (!font_pixels_released_) {
        // The glyphs now live in the OpenGL texture; the CPU copy is about 10 MB at our sizes.
        ImGui::GetIO().Fonts->ClearTexData();
        font_pixels_released_ = true;
    }
    ImGui_ImplGlfw_NewFrame();
    if (scripted != nullptr) apply_scripted_input(*scripted);
    ImGui::NewFrame();
}

void Window::apply_scripted_input(const ScriptedInput& scripted) {
    // ImGui 1.86 has no input events: the state is written into ImGuiIO directly.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = scripted.mouse_position;
    io.MouseDown[0] = scripted.mouse_down;
    for (int button = 1; button < IM_ARRAYSIZE(io.MouseDown); ++button)
        io.MouseDown[button] = false;
    if (!scripted.typed_text.empty()) io.AddInputCharactersUTF8(scripted.typed_text.c_str());
    // A script types through the same path as GLFW's callbacks (take_typed_keys).
    for (char32_t code_point : to_code_points(scripted.typed_text))
        typed_.push_back({TypedKey::Kind::character, code_point});
    if (scripted.key_down && scripted.key_down != scripted_key_held_) {
        if (*scripted.key_down == ImGuiKey_Enter || *scripted.key_down == ImGuiKey_KeyPadEnter)
            typed_.push_back({TypedKey::Kind::enter, 0});
        else if (*scripted.key_down == ImGuiKey_Backspace)
            typed_.push_back({TypedKey::Kind::backspace, 0});
    }
    if (scripted_key_held_ && scripted_key_held_ != scripted.key_down) {
        io.KeysDown[io.KeyMap[*scripted_key_held_]] = false;
    }
    if (scripted.key_down) io.KeysDown[io.KeyMap[*scripted.key_down]] = true;
    scripted_key_held_ = scripted.key_down;
}

void Window::render_draw_data() {
    ImGui::Render();
    const WindowSize size = framebuffer_size();
    glViewport(0, 0, size.width, size.height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::swap_buffers() {
    const auto began = std::chrono::steady_clock::now();
    glfwSwapBuffers(window_);
    last_swap_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
}

void Window::end_frame() {
    render_draw_data();
    swap_buffers();
    frame_stats_.end_frame();
}

RgbImage Window::end_frame_and_capture() {
    render_draw_data();
    const WindowSize size = framebuffer_size();
    RgbImage image = read_back_buffer(size.width, size.height);
    swap_buffers();
    frame_stats_.discard_frame();
    return image;
}

void Window::run(const std::function<void()>& draw,
                 const std::function<NextChange()>& next_change) {
    if (snapshot_file_) std::signal(SIGUSR1, request_snapshot);
    using Clock = std::chrono::steady_clock;
    const auto frame_budget =
        max_frames_per_second_ > 0
            ? std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(1)) /
                  max_frames_per_second_
            : Clock::duration::zero();
    auto last_frame_began = Clock::now() - frame_budget;
    while (!should_close()) {
        // Frames that follow each other (input settling, animation) keep to the frame rate cap.
        std::this_thread::sleep_until(last_frame_began + frame_budget);
        last_frame_began = Clock::now();
        // Taken before the frame: an event polled by this frame, or an answer a worker hands over
        // after the frame took the last ones, still makes the next frames happen.
        const WakeCount seen{events_seen_, wakes_requested.load()};
        begin_frame();
        draw();
        if (snapshot_file_ && snapshot_requested.exchange(false)) {
            save_snapshot(end_frame_and_capture(), *snapshot_file_);
        } else {
            end_frame();
        }
        // A held button drags or scrolls; a focused text field blinks its caret (ImGui shows it
        // 0.8 s, hides it 0.4 s; 200 ms steps keep that close, and typing wakes the loop anyway).
        const ImGuiIO& io = ImGui::GetIO();
        bool button_held = false;
        for (bool down : io.MouseDown)
            button_held = button_held || down;
        schedule_.frame_drawn(button_held);
        NextChange change = next_change ? next_change() : std::nullopt;
        if (io.WantTextInput) change = sooner(change, std::chrono::milliseconds(200));
        wait_for_events(schedule_.wait_before_next_frame(change), seen);
    }
}

void Window::wait_for_events(std::chrono::milliseconds wait, WakeCount seen) {
    using Clock = std::chrono::steady_clock;
    const auto until = Clock::now() + wait;
    while (!should_close()) {
        if (events_seen_ != seen.events || wakes_requested.load() != seen.wakes) {
            schedule_.woken();
            return;
        }
        if (snapshot_file_ && snapshot_requested.load()) return;
        const auto left = until - Clock::now();
        if (left <= Clock::duration::zero()) return;
        auto slice = std::chrono::duration<double>(left);
        if (snapshot_file_)
            slice = std::min(slice, std::chrono::duration<double>(kSnapshotLookEvery));
        glfwWaitEventsTimeout(slice.count());
    }
}

std::vector<TypedKey> Window::take_typed_keys() {
    std::vector<TypedKey> keys;
    keys.swap(typed_);
    return keys;
}

}  // namespace jobfair::ui
