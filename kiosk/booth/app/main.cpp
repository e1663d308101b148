// jobfair-booth: the booth station on the interviewers' tablet (issue 6). A shell: parse the
// options, build the window, the client, the runner, the view and the app, then run the frame
// loop; --screenshot and --script run headless (see script.hpp) and exit.
#include <imgui.h>

#include <fstream>
#include <iostream>

#include "kiosk/booth/app/booth_app.hpp"
#include "kiosk/booth/app/options.hpp"
#include "kiosk/booth/app/script.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/window.hpp"

int main(int argc, char** argv) {
    namespace app = jobfair::booth::app;
    namespace ui = jobfair::ui;
    const app::ParsedOptions parsed = app::parse_booth_options(argc, argv);
    if (!parsed.options) {
        std::cerr << "jobfair-booth: " << parsed.problem << '\n' << app::kBoothUsage << '\n';
        return 2;
    }
    const app::BoothOptions& options = *parsed.options;
    try {
        ui::Window window(options.window_options("jobfair-booth " + options.booth));
        ui::FontOptions font_options;
        if (options.size.height < 1000) {  // a tablet: 1280x800
            font_options.small_px = 20;
            font_options.body_px = 26;
            font_options.large_px = 38;
            font_options.huge_px = 64;
        }
        const ui::FontSet fonts = ui::load_fonts(*ImGui::GetIO().Fonts, font_options);
        ui::apply_theme(ImGui::GetStyle(), ui::ThemeVariant::light);

        app::BoothClient client(options.server_url, options.booth,
                                app::StationEnrolment{options.device_code, options.token_file()});
        app::BoothRunner runner(client);
        app::BoothView view(fonts);
        app::BoothApp booth(jobfair::booth::make_booth(
                                options.booth, options.language == jobfair::booth::Language::vi),
                            runner, view);
        if (options.screenshot) {
            std::cout << app::log_in_and_measure(options.pin, 240, window, booth,
                                                 *options.screenshot)
                      << '\n'
                      << ui::describe(window.frame_stats()) << '\n';
        } else if (!options.script.empty()) {
            app::run_shots({options.screenshot_dir, options.pin, options.wrong_ticket}, window,
                           booth);
            std::cout << ui::describe(window.frame_stats()) << '\n';
        } else {
            std::string pin_to_enter;
            if (options.pin_file) {
                std::ifstream file(*options.pin_file);
                std::getline(file, pin_to_enter);
                if (pin_to_enter.empty()) {
                    throw std::runtime_error("no PIN in " + options.pin_file->string());
                }
            }
            window.run(
                [&] {
                    // Typed once the server has answered hello, as staff would.
                    if (!pin_to_enter.empty() && booth.state().server_reachable.has_value()) {
                        for (const char digit : pin_to_enter)
                            booth.apply(jobfair::booth::intent::PinDigit{digit});
                        pin_to_enter.clear();
                    }
                    booth.frame();
                },
                [&] { return booth.next_change(); });
        }
    } catch (const std::exception& error) {
        std::cerr << "jobfair-booth: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
