#include "kiosk/checkin/app/script.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <algorithm>

#include <chrono>
#include <iostream>
#include <map>
#include <stdexcept>

#include "kiosk/checkin/model/text.hpp"
#include "kiosk/ui/frame_stats.hpp"
#include "kiosk/ui/screenshot.hpp"

namespace jobfair::checkin::app {

namespace {

constexpr std::chrono::seconds kScreenTimeout{15};
// The server going down is noticed by the next hello (every 3 s, 2 s to connect); coming back
// includes the server's own start-up, slow under ASan on a busy machine.
constexpr std::chrono::seconds kServerTimeout{60};
constexpr int kScanAttempts = 3;
constexpr int kMeasuredFrames = 120;  // per screen, for --script bench

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
        : run_(run),
          window_(window),
          app_(app),
          driver_(window, [&app, &window] { app.frame(window.take_typed_keys()); }) {}

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

    void welcome(bool picture = true) {
        wait_for("the server's hello and the enterprises", [&] {
            return !app_.state().fair_name.empty() && !app_.state().enterprises.empty();
        });
        expect(Screen::welcome);
        if (picture) shoot("welcome");
    }

    // A USB scanner: the payload as fast keystrokes, then Enter.
    void check_in_by_scan(const std::string& ticket) {
        app_.hold_answers(true);
        scan(ticket);
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

    // What a walk-in's Result screen said.
    struct Registered {
        std::string label;
        bool provisional = false;
    };

    Registered walk_in(int number) { return walk_in_shooting_result_as(number, "result"); }

    Registered walk_in_shooting_result_as(int number, const std::string& result_picture) {
        click("register_now");
        expect(Screen::register_form);
        click("next");  // nothing filled in: every problem shows
        shoot_unless_quick("register_form", "register_form_problems");
        click("field:full_name");
        driver_.type_text("Nguyeenx Thij Hoaf");  // Telex: Nguyễn Thị Hoà
        click("field:phone");
        driver_.type_text("09123456" + std::to_string(10 + number % 90));
        click("field:school");
        driver_.type_text("Truwowngf Cao ddawngr Vieetj Hanf");  // Trường Cao đẳng Việt Hàn
        click("trade");
        shoot_unless_quick("register_form", "trade_picker");
        click("trade:" + busiest_trade());
        click("level:college");
        click("consent:interview");
        click("consent:follow_up");
        click("field:full_name");
        shoot_unless_quick("register_form");
        click("next");
        expect(Screen::choose_enterprises);
        const auto visible = visible_enterprises(app_.state());
        if (visible.empty()) throw std::runtime_error("no enterprise takes the chosen trade");
        for (std::size_t index = 0; index < std::min<std::size_t>(3, visible.size()); ++index)
            click("card:" + visible[index]->booth);
        shoot_unless_quick("choose_enterprises");
        // Search without diacritics: the last word of an enterprise's name, folded.
        const std::string folded = fold_for_search(visible.back()->enterprise);
        const std::string word = folded.substr(folded.rfind(' ') + 1);
        driver_.type_text(word);
        driver_.run_frames(1);
        shoot_unless_quick("choose_enterprises", "choose_enterprises_search");
        for (std::size_t typed = 0; typed < to_code_points(word).size(); ++typed)
            driver_.press_key(ImGuiKey_Backspace);
        click("next");
        expect(Screen::confirm);
        shoot_unless_quick("confirm");
        app_.hold_answers(true);
        click("submit");
        expect(Screen::submitting);
        shoot_unless_quick("submitting");
        app_.hold_answers(false);
        wait_for_screen(Screen::result);
        driver_.run_frames(2);
        shoot("result", result_picture);
        const auto& student = *app_.state().student;
        if (!student.answer) {
            throw std::runtime_error("the registration failed: " +
                                     (student.error ? error_text(*student.error, Language::en)
                                                    : std::string("no answer")));
        }
        const Registered registered{student.answer->ticket_label, student.provisional};
        std::cout << "registered " << registered.label << " provisional "
                  << (registered.provisional ? "true" : "false") << std::endl;
        click("done");
        expect(Screen::welcome);
        language(language_);
        return registered;
    }

    // The offline outbox, end to end. The test's shell stops the server when told, the walk-in is
    // registered into the outbox (a provisional ticket), the shell starts the server again and the
    // outbox sends the registration by itself (its idempotency key makes it count once).
    void offline_walk_in(int number) {
        quick_ = true;  // only the pictures that tell the story
        std::cout << "offline: stop the server now (outbox_pending " << app_.state().outbox_pending
                  << ")" << std::endl;
        wait_for(
            "the kiosk to notice the server is down",
            [&] { return !app_.state().server_reachable; }, kServerTimeout);
        report_connection();
        shoot("welcome", "welcome_offline");
        const Registered registered = walk_in_shooting_result_as(number, "result_provisional");
        if (!registered.provisional) {
            throw std::runtime_error("the server is down, yet the kiosk showed " +
                                     registered.label + " as the server's ticket");
        }
        wait_for("the outbox to count the registration",
                 [&] { return app_.state().outbox_pending == 1; });
        report_connection();
        shoot("welcome", "welcome_saved");
        std::cout << "offline: start the server now" << std::endl;
        wait_for(
            "the server to answer again", [&] { return app_.state().server_reachable; },
            kServerTimeout);
        report_connection();
        if (app_.state().outbox_pending > 0) shoot("welcome", "welcome_syncing");
        wait_for(
            "the outbox to send the registration", [&] { return app_.state().outbox_pending == 0; },
            kServerTimeout);
        report_connection();
        shoot("welcome", "welcome_synced");
    }

    // Frame times of the screens a student spends most time on, for scripts/frames.sh: Welcome,
    // the registration form with the on-screen keyboard, and the enterprise cards. Nothing is
    // registered (the script leaves with Cancel).
    void bench() {
        measure("welcome");
        click("register_now");
        expect(Screen::register_form);
        click("field:full_name");
        driver_.type_text("Nguyeenx Thij Hoaf");
        measure("register_form");
        rest_of_walk_in_form("0912345699");
        measure("choose_enterprises");
        app_.apply(intent::Cancel{});
        expect(Screen::welcome);
    }

    // A walk-in who chooses only booths that are full for today (their cards say so): the
    // picker's hint to the booths with seats, the Result screen's reason and free booths, then
    // "Add" on the first free booth and the answer it brings. Prints "no_interview CODE
    // free_seats N" and, after the add, "added BOOTH interviews N expected_from_standby 0|1".
    void walk_in_to_full_booths(int number) {
        click("register_now");
        expect(Screen::register_form);
        click("field:full_name");
        driver_.type_text("Traanf Vawn Nam");  // Telex: Trần Văn Nam
        rest_of_walk_in_form("09123457" + std::to_string(10 + number % 90));
        std::vector<std::string> full;
        for (const auto* card : visible_enterprises(app_.state())) {
            if (!card->free_from && full.size() < 3) full.push_back(card->booth);
        }
        if (full.empty()) throw std::runtime_error("no booth of the trade is full today");
        for (const auto& booth : full)
            click("card:" + booth);
        shoot("choose_enterprises", "choose_enterprises_full");
        click("next");
        expect(Screen::confirm);
        click("submit");
        wait_for_screen(Screen::result);
        driver_.run_frames(2);
        shoot("result", "result_no_interview");
        const auto answer = app_.state().student->answer;
        if (!answer) throw std::runtime_error("the registration failed");
        std::cout << "no_interview " << answer->no_interview.value_or("none") << " free_seats "
                  << answer->free_seats.size() << std::endl;
        if (answer->no_interview && !answer->free_seats.empty()) {
            const std::string booth = answer->free_seats.front().booth;
            click("add:" + booth);
            wait_for(
                "the answer to adding " + booth,
                [&] { return !app_.state().student->adding_booth; }, kServerTimeout);
            driver_.run_frames(2);
            shoot("result", "result_added");
            const auto& student = *app_.state().student;
            if (student.add_error)
                throw std::runtime_error("adding " + booth + " was refused: " +
                                         error_text(*student.add_error, Language::en));
            // Added, the booth either promises a seat or expects to call them from standby.
            const auto& standby = student.answer->standby;
            const bool expected_there = std::any_of(
                standby.begin(), standby.end(),
                [&](const auto& s) { return s.booth == booth && s.estimate.has_value(); });
            std::cout << "added " << booth << " interviews " << student.answer->interviews.size()
                      << " expected_from_standby " << (expected_there ? 1 : 0) << std::endl;
        }
        click("done");
        expect(Screen::welcome);
        language(language_);
    }

    // "Ngành khác / Other trade" (issue 17): a walk-in whose trade is not on the list picks the
    // picker's last entry, types the trade's name with Telex (first leaving it empty: the form
    // says what is missing), sees only the booths that take any trade, chooses two and
    // registers. Prints "other_trade_offered N" and "registered LABEL other_trade TEXT".
    void walk_in_other_trade(int number) {
        click("register_now");
        expect(Screen::register_form);
        click("field:full_name");
        driver_.type_text("Phajm Vawn DDuwcs");  // Telex: Phạm Văn Đức
        click("field:phone");
        driver_.type_text("09123458" + std::to_string(10 + number % 90));
        click("field:school");
        driver_.type_text("Truwowngf Trung caaps Ngheef Quangr Ninh");
        click("trade");
        driver_.run_frames(1);
        shoot("register_form", "trade_picker_other");
        click("trade:other");
        click("level:intermediate");
        click("consent:interview");
        click("next");  // the trade's name is missing
        expect(Screen::register_form);
        if (!app_.state().student->form.problems.count(FormItem::trade_text))
            throw std::runtime_error("Other trade without a name went through the form");
        shoot("register_form", "register_form_other_missing");
        click("field:occupation_text");
        driver_.type_text("Suwar chuwax ddieenj thoaij");  // Telex: Sửa chữa điện thoại
        driver_.run_frames(1);
        shoot("register_form", "register_form_other");
        const std::string typed = app_.state().student->form.occupation_text;
        if (typed != "Sửa chữa điện thoại")
            throw std::runtime_error("the trade's name reads '" + typed + "'");
        click("next");
        expect(Screen::choose_enterprises);
        wait_for("the enterprise cards",
                 [&] { return !visible_enterprises(app_.state()).empty(); });
        const auto visible = visible_enterprises(app_.state());
        for (const auto* card : visible) {
            if (!card->occupations.empty())
                throw std::runtime_error("booth " + card->booth + " takes listed trades only");
        }
        std::cout << "other_trade_offered " << visible.size() << std::endl;
        for (std::size_t index = 0; index < std::min<std::size_t>(2, visible.size()); ++index)
            click("card:" + visible[index]->booth);
        shoot("choose_enterprises", "choose_enterprises_other");
        click("next");
        expect(Screen::confirm);
        shoot("confirm", "confirm_other");
        click("submit");
        wait_for_screen(Screen::result);
        driver_.run_frames(2);
        shoot("result", "result_other");
        const auto& student = *app_.state().student;
        if (!student.answer) {
            throw std::runtime_error("the registration failed: " +
                                     (student.error ? error_text(*student.error, Language::en)
                                                    : std::string("no answer")));
        }
        std::cout << "registered " << student.answer->ticket_label << " other_trade " << typed
                  << std::endl;
        click("done");
        expect(Screen::welcome);
        language(language_);
    }

    // Other trade on a day when no booth takes any trade (the test pauses them): the picker says
    // so plainly and lists the booths that take CVs; nothing can be sent. Prints "no_booth
    // cv_booths N".
    void other_trade_without_booths(int number) {
        click("register_now");
        expect(Screen::register_form);
        click("field:full_name");
        driver_.type_text("Hoaangf Thij Mai");  // Telex: Hoàng Thị Mai
        click("field:phone");
        driver_.type_text("09123459" + std::to_string(10 + number % 90));
        click("field:school");
        driver_.type_text("Truwowngf Trung caaps Ngheef Quangr Ninh");
        click("trade");
        click("trade:other");
        driver_.type_text("Thieets keees thowif trang");  // Thiết kế thời trang
        click("level:intermediate");
        click("consent:interview");
        click("next");
        expect(Screen::choose_enterprises);
        wait_for("the cards of today", [&] { return no_booth_for_student(app_.state()); });
        driver_.run_frames(1);
        shoot("choose_enterprises", "choose_enterprises_no_booth");
        std::cout << "no_booth cv_booths " << cv_booths(app_.state()).size() << std::endl;
        click("next");
        expect(Screen::choose_enterprises);  // nothing chosen, nothing sent
        app_.apply(intent::Cancel{});
        expect(Screen::welcome);
    }

  private:
    // The trade most booths take, so the walk-in has enterprises to choose.
    // The registration form after the name: phone, school, the busiest trade, college, consent
    // to the interview, then on to the enterprise cards.
    void rest_of_walk_in_form(const std::string& phone) {
        click("field:phone");
        driver_.type_text(phone);
        click("field:school");
        driver_.type_text("Truwowngf Cao ddawngr Vieetj Hanf");
        click("trade");
        click("trade:" + busiest_trade());
        click("level:college");
        click("consent:interview");
        click("next");
        expect(Screen::choose_enterprises);
    }

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
    void wait_for(const std::string& what, Ready ready,
                  std::chrono::seconds timeout = kScreenTimeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
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

    // A USB scanner types the payload and Enter within a few milliseconds, usually inside one
    // frame. The script's scanner hands its keystrokes to the session as Key intents back to back,
    // microseconds apart and with no frame in between, so the scanner rule (a ticket within
    // 36 x kScannerMaxGap) never depends on how long a frame takes (300 ms is common under ASan,
    // Xvfb and llvmpipe). Typed keys through ImGui are still exercised by the registration form.
    // Should a scan still not be taken, the kiosk stays where it was and the scanner scans again,
    // as a student would.
    void scan(const std::string& ticket) {
        for (int attempt = 1; attempt <= kScanAttempts; ++attempt) {
            for (const char character : ticket)
                app_.apply(
                    intent::Key{static_cast<char32_t>(static_cast<unsigned char>(character))});
            app_.apply(intent::Enter{});
            if (current_screen(app_.state()) == Screen::checking_in) return;
            std::cout << "scan " << attempt << " was taken for typing; scanning again" << std::endl;
            driver_.run_frames(1);
        }
        throw std::runtime_error("the kiosk did not take " + std::to_string(kScanAttempts) +
                                 " scans of the ticket for a scan");
    }

    // Frame times of `count` frames of what is on screen now (the window's own figures, printed at
    // the end, cover the whole run).
    void measure(const char* screen, int count = kMeasuredFrames) {
        const ui::FrameTimeSummary summary = driver_.measure_frames(count);
        std::cout << "frames " << screen << ": " << summary.frames << " frames, median "
                  << summary.median_ms << " ms, p90 " << summary.p90_ms << " ms, max "
                  << summary.max_ms << " ms, p99 " << summary.p99_ms
                  << " ms; in swap (llvmpipe) median " << summary.swap_median_ms << " ms"
                  << std::endl;
    }

    // The connection pill's words, in English whatever the kiosk's language, and the outbox.
    void report_connection() {
        KioskState state = app_.state();
        state.language = Language::en;
        std::cout << "connection: " << connection_text(state) << " (outbox_pending "
                  << app_.state().outbox_pending << ")" << std::endl;
    }

    void shoot_unless_quick(const char* screen, const std::string& picture = {}) {
        if (!quick_) shoot(screen, picture);
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
    bool quick_ = false;  // only the pictures a script names as its evidence
};

}  // namespace

void run_script(const ScriptRun& run, ui::Window& window, KioskApp& app) {
    std::filesystem::create_directories(run.screenshot_dir);
    Script script(run, window, app);
    if (run.name != "all") {
        const auto size = window.framebuffer_size();
        script.orientation(size.height >= size.width);
        script.language(run.language);
        script.welcome(run.name != "bench");
        if (run.name == "bench") {
            script.bench();
        } else if (run.name == "offline") {
            script.offline_walk_in(7);
        } else if (run.name == "picks") {
            script.walk_in_to_full_booths(run.language == Language::vi ? 21 : 22);
        } else if (run.name == "other") {
            script.walk_in_other_trade(run.language == Language::vi ? 31 : 32);
        } else if (run.name == "other_none") {
            script.other_trade_without_booths(run.language == Language::vi ? 33 : 34);
        } else {
            if (!run.ticket.empty()) script.check_in_by_scan(run.ticket);
            script.walk_in(0);
        }
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

}  // namespace jobfair::checkin::app
