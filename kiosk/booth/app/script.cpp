#include "kiosk/booth/app/script.hpp"

#include <chrono>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "kiosk/ui/frame_stats.hpp"
#include "kiosk/ui/screenshot.hpp"

namespace jobfair::booth::app {

namespace {

constexpr std::chrono::seconds kStepTimeout{20};
constexpr std::chrono::seconds kServerTimeout{90};  // the person or script stopping the server

class Script {
  public:
    Script(ui::Window& window, BoothApp& app)
        : window_(window), app_(app), driver_(window, [&app] { app.frame(); }) {
        const auto size = window.framebuffer_size();
        size_name_ = std::to_string(size.width) + "x" + std::to_string(size.height);
    }

    const BoothState& state() const { return app_.state(); }
    ui::HeadlessDriver& driver() { return driver_; }

    void wait_for(const std::string& what, const std::function<bool()>& ready,
                  std::chrono::seconds timeout = kStepTimeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!ready()) {
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("timed out waiting for " + what);
            driver_.run_frames(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

    // Until every call asked for has been answered and applied.
    void settle() {
        wait_for("the server's answers", [&] {
            return !app_.runner_busy() && !state().action_in_flight && !state().fetch_in_flight &&
                   !state().logging_in && !state().hello_in_flight;
        });
        driver_.run_frames(2);
    }

    void click(const std::string& target) {
        driver_.run_frames(1);  // the targets of the current state
        const auto centre = app_.view().target_centre(target);
        if (!centre) throw std::runtime_error("nothing to tap called " + target);
        driver_.click(*centre);
    }

    void language(Language wanted) {
        if (language_of(state()) == wanted) return;
        const bool overlay =
            state().finishing || (state().ticket_check && !state().ticket_check->match);
        if (overlay)
            app_.apply(intent::SwitchLanguage{});  // the header is under the overlay's shade
        else
            click("language");
        driver_.run_frames(1);
    }

    // The current screen in Vietnamese then English; the station is left in Vietnamese.
    void shoot(const std::string& name) {
        for (const Language language_wanted : {Language::vi, Language::en}) {
            language(language_wanted);
            driver_.run_frames(2);
            const std::string file = name + "-" + (language_wanted == Language::vi ? "vi" : "en") +
                                     "-" + size_name_ + ".png";
            driver_.save_screenshot(dir_ / file);
            std::cout << "booth-script: saved " << file << std::endl;
        }
        language(Language::vi);
    }

    void shoot_one(const std::string& name) {
        driver_.run_frames(2);
        const std::string file = name + "-vi-" + size_name_ + ".png";
        driver_.save_screenshot(dir_ / file);
        std::cout << "booth-script: saved " << file << std::endl;
    }

    void set_dir(const std::filesystem::path& dir) { dir_ = dir; }

    void log_in(const std::string& pin) {
        wait_for("the server's hello", [&] { return state().server_reachable.has_value(); });
        for (const char digit : pin)
            click(std::string("pin:") + digit);
        wait_for("the login", [&] { return state().screen == Screen::booth; });
        wait_for("the queue", [&] { return state().queue.has_value(); });
        settle();
    }

    // Calls someone to seat 1: the next student by call-next, or a walk-in taken from the standby
    // queue (`walk_in_first`: the walk-in is tried first); true when someone is called.
    bool call_someone(bool walk_in_first) {
        if (current_interview(state(), 0)) return true;
        for (int attempt = 0; attempt < 2 && !current_interview(state(), 0); ++attempt) {
            if ((attempt == 0) == walk_in_first) {
                for (const StandbyStudent& student : state().queue->standby) {
                    if (!student.busy_at.empty()) continue;
                    click("take:" + student.person.student + ":0");
                    settle();
                    break;
                }
            } else {
                click("call_next:0");
                settle();
            }
        }
        return current_interview(state(), 0) != nullptr;
    }

  private:
    ui::Window& window_;
    BoothApp& app_;
    ui::HeadlessDriver driver_;
    std::string size_name_;
    std::filesystem::path dir_;
};

}  // namespace

void run_shots(const ScriptRun& run, ui::Window& window, BoothApp& app) {
    std::filesystem::create_directories(run.screenshot_dir);
    Script script(window, app);
    script.set_dir(run.screenshot_dir);
    const auto& state = [&]() -> const BoothState& { return app.state(); };

    // The PIN pad, three digits typed.
    script.wait_for("the server's hello", [&] { return state().server_reachable.has_value(); });
    for (const char digit : std::string("271"))
        script.click(std::string("pin:") + digit);
    script.shoot("login");
    script.click("pin:clear");

    // A wrong PIN (the right one with its first digit changed): the server's refusal.
    std::string wrong = run.pin;
    wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
    for (const char digit : wrong)
        script.click(std::string("pin:") + digit);
    script.wait_for("the refusal", [&] { return state().login_problem.has_value(); });
    script.settle();
    script.shoot("login_refused");
    script.log_in(run.pin);

    // A student called to seat 1, then the interview under way.
    if (!script.call_someone(false)) throw std::runtime_error("nobody could be called to seat 1");
    bool called_shot = false;
    if (current_interview(state(), 0)->status == InterviewStatus::called) {
        script.shoot("called");
        called_shot = true;
        script.click("start");
        script.settle();
    }
    const QueuedInterview* current = current_interview(state(), 0);
    if (!current || current->status != InterviewStatus::in_progress)
        throw std::runtime_error("the interview at seat 1 did not start");
    const std::int64_t interview = current->id;
    script.driver().run_frames(60);  // a few seconds on the timer
    std::this_thread::sleep_for(std::chrono::seconds(2));
    script.shoot("booth");

    // The wrong ticket, scanned: keystrokes and Enter with no field focused.
    if (!run.wrong_ticket.empty()) {
        script.driver().type_text(run.wrong_ticket);
        script.driver().press_key(ImGuiKey_Enter);
        script.wait_for("the ticket check", [&] { return state().ticket_check.has_value(); });
        if (state().ticket_check->match) {
            std::cout << "booth-script: the --wrong-ticket is the called student's own"
                      << std::endl;
        } else {
            script.shoot("mismatch");
            script.click("dismiss_mismatch");
        }
    }

    // Offline with the interview under way, then the resync.
    std::cout << "booth-script: stop the server now" << std::endl;
    script.wait_for(
        "the station to notice the server is gone", [&] { return !state().online; },
        kServerTimeout);
    script.shoot("offline");
    std::cout << "booth-script: start the server again" << std::endl;
    script.wait_for(
        "the resync", [&] { return state().online && !state().fetch_in_flight; }, kServerTimeout);
    script.settle();
    script.shoot_one("resynced");

    // The finish dialog: an outcome and a note typed on the keyboard; then saved for real.
    script.click("finish");
    script.click("outcome:next_round");
    script.click("note");
    script.driver().type_text("Hàn TIG tốt, giao tiếp rõ ràng; hẹn vòng 2 lúc 14:00 tại xưởng.");
    script.shoot("finish");
    // The on-screen keyboard, for a station with no physical one.
    script.click("note_keyboard");
    script.shoot("finish_keyboard");
    script.click("note_keyboard");
    script.click("save_outcome");
    script.settle();
    if (state().finishing ||
        (current_interview(state(), 0) && current_interview(state(), 0)->id == interview))
        throw std::runtime_error("the outcome was not saved");
    script.shoot("saved");

    // A walk-in taken from standby (else call next), for the next run to start with.
    if (script.call_someone(true) && !called_shot) script.shoot("called");
}

std::string log_in_and_measure(const std::string& pin, int frames, ui::Window& window,
                               BoothApp& app, const std::filesystem::path& screenshot) {
    Script script(window, app);
    script.log_in(pin);
    const ui::FrameTimeSummary summary = script.driver().measure_frames(frames);
    script.driver().save_screenshot(screenshot);
    char line[160];
    std::snprintf(line, sizeof line,
                  "booth screen, %d frames: median %.1f ms, p90 %.1f ms, max %.1f ms",
                  summary.frames, summary.median_ms, summary.p90_ms, summary.max_ms);
    return line;
}

}  // namespace jobfair::booth::app
