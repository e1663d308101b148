// jobfair-ui-gallery: every jobfair_ui widget on one screen, to look at fonts, colours and sizes.
//   jobfair-ui-gallery [--size WxH] [--fullscreen] [--dark] [--screenshot FILE] [--frames N]
// With --screenshot or --frames it runs headless frames (mouse parked), prints the frame
// statistics and exits.
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/gallery_view.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/window.hpp"

namespace {

struct GalleryOptions {
    jobfair::ui::WindowOptions window;
    bool dark = false;
    std::optional<std::string> screenshot;
    int frames = 0;
};

std::optional<GalleryOptions> parse_options(int argc, char** argv) {
    GalleryOptions options;
    for (int index = 1; index < argc; ++index) {
        const std::string_view arg = argv[index];
        const bool has_value = index + 1 < argc;
        if (arg == "--size" && has_value) {
            const auto size = jobfair::ui::parse_window_size(argv[++index]);
            if (!size) return std::nullopt;
            options.window.width = size->width;
            options.window.height = size->height;
        } else if (arg == "--screenshot" && has_value) {
            options.screenshot = argv[++index];
        } else if (arg == "--frames" && has_value) {
            options.frames = std::atoi(argv[++index]);
        } else if (arg == "--fullscreen") {
            options.window.fullscreen = true;
        } else if (arg == "--dark") {
            options.dark = true;
        } else {
            return std::nullopt;
        }
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    namespace ui = jobfair::ui;
    const auto options = parse_options(argc, argv);
    if (!options) {
        std::cerr << "usage: jobfair-ui-gallery [--size WxH] [--fullscreen] [--dark] "
                     "[--screenshot FILE] [--frames N]\n";
        return 2;
    }
    try {
        ui::WindowOptions window_options = options->window;
        window_options.title = "jobfair-ui-gallery";
        ui::Window window(window_options);
        const ui::FontSet fonts = ui::load_fonts(*ImGui::GetIO().Fonts);
        ui::apply_theme(ImGui::GetStyle(),
                        options->dark ? ui::ThemeVariant::dark : ui::ThemeVariant::light);
        ui::GalleryView gallery(fonts);
        const auto draw = [&] { gallery.draw(); };
        if (!options->screenshot && options->frames == 0) {
            window.run(draw);
            return 0;
        }
        ui::HeadlessDriver driver(window, draw);
        driver.run_frames(std::max(options->frames, 3));  // layout settles after two frames
        if (options->screenshot) driver.save_screenshot(*options->screenshot);
        std::cout << ui::describe(window.frame_stats()) << '\n';
    } catch (const std::exception& error) {
        std::cerr << "jobfair-ui-gallery: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
