#include "kiosk/app/script.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <chrono>
#include <iostream>
#include <map>
#include <stdexcept>

#include "kiosk/model/text.hpp"
#include "kiosk/ui/screenshot.hpp"

namespace jobfair::kiosk::app {

namespace {

constexpr std::chrono::seconds kScreenTimeout{15};

const char* screen_name(Screen screen) {
    switch (screen) {
        case Screen::welcome:
            return "welcome";
        case Screen::checking_in:
            return "checking_in";
        case Screen::register_form:
            return "register_form";
        case Screen::choose_enterprises:
            return "choose_enterprises";
        case Screen::confirm:
            return "confirm";
        case Screen::submitting:
            return "submitting";
        case Screen::result:
            return "result";
    }
    return "unknown";
}

class Script {
  public:
    Script(const ScriptRun& run, ui::Window& window, KioskApp& app)
        : run_(run), window_(window), app_(app), driver_(window, [&app] { app.frame(); }) {}

    void orientation(bool portrait) {
        portrait_ = portrait;
        const int width = portrait ? 1080 : 1920;
        const int height = portrait ? 1920 : 1080;
        glfwSetWindowSize(window_.native_handle(), width, height);
        wait_for("the window size", [&] {
            const auto size = window_.framebuffer_size();
            return size.width == width && size.height == height;
        });
        driver_.run_frames(2);
    }

    void language(Language language) {
        language_ = language;
        if (app_.state().language != language) click("language");
    }

    void welcome() {
        wait_for("the server's hello and the enterprises", [&] {
            return !app_.state().fair_name.empty() && !app_.state().enterprises.empty();
        });
        expect(Screen::welcome);
        shoot("welcome");
    }

    // A USB scanner: the payload as fast keystrokes, then Enter.
    void check_in_by_scan(const std::string& ticket) {
        app_.hold_answers(true);
        driver_.type_text(ticket);
        driver_.press_key(ImGuiKey_Enter);
        expect(Screen::checking_in);
        shoot("checking_in");
        app_.hold_answers(false);
        wait_for_screen(Screen::result);
        shoot("result", "checkin_result");
        const auto& student = *app_.state().student;
        if (!student.answer) {
            throw std::runtime_error("the check-in failed: " +
                                     error_text(*student.error, Language::en));
        }
        std::cout << "checked_in " << student.answer->ticket_label << " already_checked_in "
                  << (student.answer->already_checked_in ? "true" : "false") << std::endl;
        click("done");
        expect(Screen::welcome);
        language(language_);  // a finished student returns the kiosk to its own language
    }

    void walk_in(int number) {
        click("register_now");
        expect(Screen::register_form);
        click("next");  // nothing filled in: every problem shows
        shoot("register_form", "register_form_problems");
        click("field:full_name");
        driver_.type_text("Nguyeenx Thij Hoaf");  // Telex: Nguyễn Thị Hoà
        click("field:phone");
        driver_.type_text("09123456" + std::to_string(10 + number % 90));
        click("field:school");
        driver_.type_text("Truwowngf Cao ddawngr Vieetj Hanf");  // Trường Cao đẳng Việt Hàn
        click("trade");
        shoot("register_form", "trade_picker");
        click("trade:" + busiest_trade());
        click("level:college");
        click("consent:interview");
        click("consent:follow_up");
        click("field:full_name");
        shoot("register_form");
        click("next");
        expect(Screen::choose_enterprises);
        const auto visible = visible_enterprises(app_.state());
        if (visible.empty()) throw std::runtime_error("no enterprise takes the chosen trade");
        for (std::size_t index = 0; index < std::min<std::size_t>(3, visible.size()); ++index)
            click("card:" + visible[index]->booth);
        shoot("choose_enterprises");
        // Search without diacritics: the last word of an enterprise's name, folded.
        const std::string folded = fold_for_search(visible.back()->enterprise);
        const std::string word = folded.substr(folded.rfind(' ') + 1);
        driver_.type_text(word);
        driver_.run_frames(1);
        shoot("choose_enterprises", "choose_enterprises_search");
        for (std::size_t typed = 0; typed < to_code_points(word).size(); ++typed)
            driver_.press_key(ImGuiKey_Backspace);
        click("next");
        expect(Screen::confirm);
        shoot("confirm");
        app_.hold_answers(true);
        click("submit");
        expect(Screen::submitting);
        shoot("submitting");
        app_.hold_answers(false);
        wait_for_screen(Screen::result);
        driver_.run_frames(2);
        shoot("result");
        const auto& student = *app_.state().student;
        if (!student.answer) {
            throw std::runtime_error("the registration failed: " +
                                     (student.error ? error_text(*student.error, Language::en)
                                                    : std::string("no answer")));
        }
        std::cout << "registered " << student.answer->ticket_label << " provisional "
                  << (student.provisional ? "true" : "false") << std::endl;
        click("done");
        expect(Screen::welcome);
        language(language_);
    }

  private:
    // The trade most booths take, so the walk-in has enterprises to choose.
    std::string busiest_trade() const {
        std::map<std::string, int> booths;
        for (const auto& card : app_.state().enterprises) {
            for (const auto& code : card.occupations)
                ++booths[code];
        }
        std::string busiest = "industrial-electricity";
        int most = 0;
        for (const auto& [code, count] : booths) {
            if (count > most) {
                busiest = code;
                most = count;
            }
        }
        return busiest;
    }

    template <class Ready>
    void wait_for(const std::string& what, Ready ready) {
        const auto deadline = std::chrono::steady_clock::now() + kScreenTimeout;
        while (!ready()) {
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("timed out waiting for " + what);
            driver_.run_frames(1);
        }
    }

    void wait_for_screen(Screen screen) {
        wait_for(std::string("the screen ") + screen_name(screen),
                 [&] { return current_screen(app_.state()) == screen; });
    }

    void expect(Screen screen) {
        driver_.run_frames(1);  // the view catches up with the state
        const Screen now = current_screen(app_.state());
        if (now != screen) {
            throw std::runtime_error(std::string("expected the screen ") + screen_name(screen) +
                                     ", but the kiosk shows " + screen_name(now));
        }
    }

    void click(const std::string& target) {
        driver_.run_frames(1);  // the targets of the current state
        const auto centre = app_.view().target_centre(target);
        if (!centre) {
            throw std::runtime_error("nothing to tap called " + target + " on the screen " +
                                     screen_name(current_screen(app_.state())));
        }
        driver_.click(*centre);
    }

    void shoot(const char* screen, const std::string& picture = {}) {
        const std::string name = (picture.empty() ? std::string(screen) : picture) + "-" +
                                 (language_ == Language::vi ? "vi" : "en") + "-" +
                                 (portrait_ ? "portrait" : "landscape") + ".png";
        driver_.run_frames(1);
        driver_.save_screenshot(run_.screenshot_dir / name);
    }

    const ScriptRun& run_;
    ui::Window& window_;
    KioskApp& app_;
    ui::HeadlessDriver driver_;
    bool portrait_ = true;
    Language language_ = Language::vi;
};

}  // namespace

void run_script(const ScriptRun& run, ui::Window& window, KioskApp& app) {
    std::filesystem::create_directories(run.screenshot_dir);
    Script script(run, window, app);
    if (run.name == "e2e") {
        const auto size = window.framebuffer_size();
        script.orientation(size.height >= size.width);
        script.language(run.language);
        script.welcome();
        if (!run.ticket.empty()) script.check_in_by_scan(run.ticket);
        script.walk_in(0);
        return;
    }
    int walk_ins = 0;
    for (const bool portrait : {true, false}) {
        script.orientation(portrait);
        for (const Language language : {Language::vi, Language::en}) {
            script.language(language);
            script.welcome();
            if (!run.ticket.empty()) script.check_in_by_scan(run.ticket);
            script.walk_in(++walk_ins);
        }
    }
}

}  // namespace jobfair::kiosk::app
