// jobfair-kiosk: the student check-in kiosk (issue 5). A shell: parse the options, build the
// window, the backend, the effect runner, the view and the app, then run the frame loop, or a
// screenshot script with --screenshot-dir DIR --script NAME. See kiosk/README.md.
#include <imgui.h>

#include <iostream>
#include <memory>

#include "kiosk/checkin/app/effect_runner.hpp"
#include "kiosk/checkin/app/http_backend.hpp"
#include "kiosk/checkin/app/kiosk_app.hpp"
#include "kiosk/checkin/app/options.hpp"
#include "kiosk/checkin/app/script.hpp"
#include "kiosk/checkin/app/views.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/window.hpp"

int main(int argc, char** argv) {
    namespace app = jobfair::checkin::app;
    namespace ui = jobfair::ui;
    const app::ParsedOptions parsed = app::parse_kiosk_options(argc, argv);
    if (!parsed.options) {
        std::cerr << "jobfair-kiosk: " << parsed.problem << '\n' << app::kKioskUsage << '\n';
        return 2;
    }
    const app::KioskOptions& options = *parsed.options;
    try {
        ui::Window window(options.window_options("jobfair-kiosk"));
        const ui::FontSet fonts = ui::load_fonts(*ImGui::GetIO().Fonts);
        ui::apply_theme(ImGui::GetStyle(), ui::ThemeVariant::light);

        app::RunnerOptions runner_options;
        runner_options.outbox_file = options.outbox_file;
        runner_options.printer = options.printer;
        runner_options.slip_folder = options.outbox_file.parent_path().empty()
                                         ? std::filesystem::path(".")
                                         : options.outbox_file.parent_path();
        runner_options.slip_font_file = ui::FontOptions{}.regular_file;
        app::EffectRunner runner(
            std::make_unique<app::HttpBackend>(
                app::ServerAddress{options.server_url, options.device_code, options.token_file()}),
            runner_options);

        jobfair::checkin::KioskConfig config;
        config.language = options.language;
        config.printer_configured = options.printer.has_value();
        app::KioskView view(fonts);
        app::KioskApp kiosk(config, runner, view);
        if (!options.screenshot_dir) {
            window.run([&] { kiosk.frame(window.take_typed_keys()); },
                       [&] { return kiosk.next_change(); });
            return 0;
        }
        app::run_script({options.script, *options.screenshot_dir, options.ticket, options.language},
                        window, kiosk);
        std::cout << ui::describe(window.frame_stats()) << '\n';
    } catch (const std::exception& error) {
        std::cerr << "jobfair-kiosk: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
