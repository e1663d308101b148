// jobfair-dashboard: the organizer dashboard (issue 6). A shell: parse the options, build the
// window, fonts and theme, the runner, the view and the app, then run the frame loop (capped at
// 60 frames a second by the window); with --screenshot-dir, run the script instead and exit.
#include <imgui.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "kiosk/dashboard/app/options.hpp"
#include "kiosk/dashboard/app/script.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

int main(int argc, char** argv) {
    namespace app = jobfair::dashboard::app;
    namespace ui = jobfair::ui;
    const app::ParsedOptions parsed = app::parse_dashboard_options(argc, argv);
    if (!parsed.options) {
        std::cerr << "jobfair-dashboard: " << parsed.problem << '\n'
                  << app::kDashboardUsage << '\n';
        return 2;
    }
    const app::DashboardOptions& options = *parsed.options;
    try {
        std::optional<std::string> password;
        if (options.password_file) password = app::read_password_file(*options.password_file);
        ui::Window window(options.window_options("jobfair-dashboard"));
        ui::FontOptions font_options;  // a desk screen read from 60 cm, not a kiosk at arm's length
        font_options.small_px = 18;
        font_options.body_px = 22;
        font_options.large_px = 30;
        font_options.huge_px = 44;
        const ui::FontSet fonts = ui::load_fonts(*ImGui::GetIO().Fonts, font_options);
        ui::apply_theme(ImGui::GetStyle(), ui::ThemeVariant::light);
        app::apply_desk_density(ImGui::GetStyle());

        jobfair::dashboard::DashboardConfig config;
        config.export_dir = options.export_dir.string();
        std::optional<jobfair::client::EnrolmentSettings> console;
        if (options.token_file) {
            console = jobfair::client::EnrolmentSettings{options.device_code, *options.token_file,
                                                         "organizer_console", std::nullopt};
        }
        app::DashboardRunner runner(options.server_url, console);
        app::DashboardView view(fonts, options.server_url);
        const bool scripted = options.screenshot_dir.has_value();
        app::DashboardApp dashboard(runner, view,
                                    jobfair::dashboard::make_dashboard(config, options.language),
                                    scripted ? std::nullopt : password);
        if (scripted) {
            app::run_script({options.script, *options.screenshot_dir, *password, options.language},
                            window, dashboard);
            std::cout << ui::describe(window.frame_stats()) << '\n';
            return 0;
        }
        window.run([&] { dashboard.frame(); }, [&] { return dashboard.next_change(); });
    } catch (const std::exception& error) {
        std::cerr << "jobfair-dashboard: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
