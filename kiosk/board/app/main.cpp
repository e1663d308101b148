// jobfair-board: the now-calling board for the hall's TV (issue 6). A shell: parse the options,
// build the window, the client, the runner, the view and the app, then run the frame loop; with
// --screenshot FILE, wait for the calls, measure frames, save the picture and exit.
#include <imgui.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "kiosk/board/app/board_app.hpp"
#include "kiosk/board/app/options.hpp"
#include "kiosk/board/model/board_layout.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/screenshot.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/window.hpp"

namespace {

constexpr int kMeasuredFrames = 240;
constexpr std::chrono::seconds kLoadTimeout{10};

// Renders until the calls are in (or the server proved unreachable), measures, saves.
void take_screenshot(jobfair::ui::Window& window, jobfair::board::app::BoardApp& board,
                     const std::filesystem::path& file) {
    using Clock = std::chrono::steady_clock;
    jobfair::ui::HeadlessDriver driver(window, [&] { board.frame(); });
    const auto deadline = Clock::now() + kLoadTimeout;
    while (!board.state().calls_loaded && Clock::now() < deadline) {
        driver.run_frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!board.state().calls_loaded) std::cerr << "jobfair-board: no calls loaded in time\n";
    driver.run_frames(kMeasuredFrames);
    driver.save_screenshot(file);
}

}  // namespace

int main(int argc, char** argv) {
    namespace app = jobfair::board::app;
    namespace board = jobfair::board;
    namespace ui = jobfair::ui;
    const app::ParsedOptions parsed = app::parse_board_options(argc, argv);
    if (!parsed.options) {
        std::cerr << "jobfair-board: " << parsed.problem << '\n' << app::kBoardUsage << '\n';
        return 2;
    }
    const app::BoardOptions& options = *parsed.options;
    try {
        ui::Window window(options.window_options("jobfair-board"));
        // Sizes from the screen's height: "where to go" at 1/15 of it, read at 5 m.
        const board::BoardLayout layout = board::board_layout(
            static_cast<float>(options.size.width), static_cast<float>(options.size.height));
        ui::FontOptions font_options;
        font_options.small_px = layout.small_px;
        font_options.body_px = layout.body_px;
        font_options.large_px = layout.where_to_go_px;
        font_options.huge_px = layout.ticket_px;  // ticket labels read from across the hall
        font_options.huge_ascii_only = true;
        const ui::FontSet fonts = ui::load_fonts(*ImGui::GetIO().Fonts, font_options);
        ui::apply_theme(ImGui::GetStyle(), ui::ThemeVariant::dark);

        app::BoardClient client({options.server_url, options.device_code, options.token_file});
        app::BoardRunner runner(client, {options.chime, !options.screenshot, options.language});
        const app::BoardView view(fonts, layout, options.language);
        board::BoardConfig config;
        config.tiles_per_page = layout.tiles_per_page;
        config.language = options.language;
        config.voice = options.voice;
        config.voice_installed = runner.voice_installed();
        // A picture shows the first page: its frames take longer than a page's turn.
        if (options.screenshot) config.page_every = std::chrono::hours(1);
        if (!config.voice_installed && options.voice)
            std::cerr << "jobfair-board: espeak-ng or aplay is not installed: calls are not said "
                         "aloud (scripts/setup.sh installs them)\n";
        app::BoardApp board(runner, view, config);
        if (!options.screenshot) {
            window.run([&] { board.frame(); }, [&] { return board.next_change(); });
            return 0;
        }
        take_screenshot(window, board, *options.screenshot);
        if (!client.problem().empty()) std::cerr << "jobfair-board: " << client.problem() << '\n';
        std::cout << ui::describe(window.frame_stats()) << '\n';
    } catch (const std::exception& error) {
        std::cerr << "jobfair-board: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
