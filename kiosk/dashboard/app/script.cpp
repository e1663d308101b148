#include "kiosk/dashboard/app/script.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "kiosk/ui/frame_stats.hpp"
#include "kiosk/ui/screenshot.hpp"

namespace jobfair::dashboard::app {

namespace {

using namespace std::chrono_literals;

class Script {
  public:
    Script(const ScriptRun& run, ui::Window& window, DashboardApp& app)
        : run_(run), app_(app), driver_(window, [&app] { app.frame(); }) {}

    const DashboardState& state() const { return app_.state(); }

    // Runs frames until `ready` holds; throws naming `what` after `limit`.
    template <class Ready>
    void wait_for(const char* what, Ready ready, std::chrono::seconds limit = 20s) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (!ready(state())) {
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error(std::string("waited in vain for ") + what);
            driver_.run_frames(1);
            std::this_thread::sleep_for(10ms);
        }
        driver_.run_frames(2);
    }

    void click(const std::string& target) {
        driver_.run_frames(1);  // the targets of the current state
        const auto centre = app_.view().target_centre(target);
        if (!centre) throw std::runtime_error("nothing to click called " + target);
        driver_.click(*centre);
    }

    void click_at(ImVec2 where) { driver_.click(where); }

    // Clicks a notice away (not under a dialog, which keeps the clicks for itself).
    void dismiss_notice() {
        if (!state().notice || dialog_open(state())) return;
        click("notice");
        wait_for("the notice to go", [](const DashboardState& s) { return !s.notice; });
    }
    void type(const std::string& text) { driver_.type_text(text); }
    void frames(int count) { driver_.run_frames(count); }

    // Saves the screen; a notice left from an earlier step is clicked away first unless it is
    // what the picture is about.
    void shot(const std::string& screen, bool keep_notice = false) {
        if (!keep_notice) dismiss_notice();
        driver_.park_mouse();
        driver_.run_frames(3);
        const auto file = run_.screenshot_dir /
                          (screen + (run_.language == Language::vi ? "-vi" : "-en") + ".png");
        driver_.save_screenshot(file);
        std::cout << "saved " << file.string() << std::endl;
    }

    // Frame times of `count` frames of what is on screen now.
    void measure(const std::string& screen, int count = 240) {
        const ui::FrameTimeSummary summary = driver_.measure_frames(count);
        std::cout << "frames " << screen << ": " << summary.frames << " frames, median "
                  << summary.median_ms << " ms, p90 " << summary.p90_ms << " ms, max "
                  << summary.max_ms << " ms" << std::endl;
    }

    void log_in(bool picture) {
        wait_for("the server's hello", [](const DashboardState& s) { return s.hello_done; });
        if (picture) measure("login (the floor: an almost empty screen)", 120);
        click("login:password");
        type(run_.password);
        if (picture) shot("login");
        click("login:submit");
        wait_for("the overview and the timeline", [](const DashboardState& s) {
            return s.screen == Screen::dashboard && s.overview && s.timeline;
        });
    }

  private:
    const ScriptRun& run_;
    DashboardApp& app_;
    ui::HeadlessDriver driver_;
};

// The booth to open: the first booth an alert names, else the one with most students waiting.
std::string booth_to_open(const DashboardState& state) {
    for (const Alert& alert : state.alerts)
        if (!alert.booth.empty()) return alert.booth;
    const auto& booths = state.overview->booths;
    return std::max_element(booths.begin(), booths.end(),
                            [](const auto& a, const auto& b) {
                                return a.waiting + a.standby < b.waiting + b.standby;
                            })
        ->booth;
}

void run_all(Script& script, const DashboardApp& app) {
    script.log_in(true);
    script.frames(5);
    script.shot("overview");
    script.measure("overview");

    // The re-plan first: every action below re-plans the day by itself, leaving nothing to move.
    script.dismiss_notice();
    script.click("header:replan");
    script.wait_for("the re-plan preview", [](const DashboardState& s) {
        return s.replan_step == ReplanStep::confirming;
    });
    script.shot("replan-preview");
    script.click("dialog:yes");
    script.wait_for("the re-plan", [](const DashboardState& s) {
        return s.replan_step == ReplanStep::none && s.notice.has_value();
    });
    script.shot("replan-done", true);

    const std::string booth = booth_to_open(script.state());
    script.click("tile:" + booth);
    script.wait_for("the booth's queue", [&](const DashboardState& s) {
        return s.booth_queue && s.booth_queue->booth == booth;
    });
    script.shot("booth-detail");
    // Every booth action once against the real server: pause, resume, add a seat, extend.
    for (const char* action :
         {"detail:pause", "detail:resume", "detail:add_seat", "detail:extend"}) {
        if (!app.view().target_centre(action)) continue;  // extend: not offered at the day's end
        script.dismiss_notice();
        script.click(action);
        script.wait_for("the booth action's answer", [](const DashboardState& s) {
            return s.actions_in_flight == 0 && s.notice.has_value();
        });
        std::cout << action << ": " << notice_text(*script.state().notice, Language::en)
                  << std::endl;
        script.wait_for("the booth after the action", [](const DashboardState& s) {
            return !s.overview_fetch.wanted && !s.overview_fetch.in_flight;
        });
    }
    script.click("detail:close");

    script.click("tab:timeline");
    script.wait_for("the timeline", [](const DashboardState& s) { return s.timeline.has_value(); });
    script.frames(3);
    script.shot("timeline");
    script.measure("timeline");
    // Select a promised interview on screen whose seat has a free slot later, and open its form.
    std::optional<ImVec2> block;
    for (const TimelineInterview& interview : script.state().timeline->interviews) {
        if (interview.status != InterviewStatus::promised) continue;
        const auto starts = move_start_choices(*script.state().timeline, interview.booth);
        // Two free starts: the form settles on one, the script moves to the other.
        const auto free_starts = std::count_if(starts.begin(), starts.end(), [&](TimeOfDay start) {
            return !seat_taken(*script.state().timeline, interview.booth, interview.seat, start,
                               interview.id);
        });
        const bool can_go = free_starts >= 2;
        if (!can_go) continue;
        block = app.view().interview_centre(script.state(), interview.id);
        if (block) break;
    }
    if (!block) throw std::runtime_error("no promised interview with a free slot on the screen");
    script.click_at(*block);
    script.wait_for("a selection", [](const DashboardState& s) { return s.selection.has_value(); });
    script.click("timeline:move");
    script.wait_for("the move form",
                    [](const DashboardState& s) { return s.move_form.has_value(); });
    script.shot("timeline-move");
    // Move it to another start, chosen in the combo like a mouse would.
    const TimeOfDay before = script.state().move_form->start;
    script.click("move:start");
    script.frames(2);
    std::string other;  // the first start offered on a free seat
    for (const std::string& target : app.view().targets_starting_with("move:start:")) {
        const auto start = TimeOfDay::parse(std::string_view(target).substr(11));
        const MoveForm& form = *script.state().move_form;
        if (!start || *start == before || !other.empty()) continue;
        if (!seat_taken(*script.state().timeline, form.booth, form.seat, *start, form.interview))
            other = target;
    }
    if (other.empty()) throw std::runtime_error("no other start to move to");
    script.click(other);
    script.wait_for("the new start", [&](const DashboardState& s) {
        return s.move_form && s.move_form->start != before;
    });
    script.click("move:confirm");
    script.wait_for("the move's answer", [](const DashboardState& s) {
        return s.actions_in_flight == 0 && s.notice.has_value();
    });
    script.wait_for("the timeline after the move", [](const DashboardState& s) {
        return !s.timeline_fetch.wanted && !s.timeline_fetch.in_flight;
    });
    script.shot("timeline-moved", true);
    std::cout << "move: " << notice_text(*script.state().notice, Language::en) << std::endl;
    if (script.state().move_form) script.click("form:back");

    script.click("tab:figures");
    script.shot("figures");
    script.measure("figures");

    script.click("tab:students");
    script.click("students:field");
    script.type("nguyen");
    script.wait_for("the search results", [](const DashboardState& s) {
        return s.results && s.results_query == "nguyen" && !s.search_in_flight;
    });
    script.shot("students");
    // The first student of the results still at the fair (copied: the results are replaced).
    std::string student;
    for (const StudentMatch& match : script.state().results->students)
        if (!match.left && student.empty()) student = match.student;
    if (!student.empty()) {
        script.click("left:" + student);
        script.wait_for("the mark-left question",
                        [](const DashboardState& s) { return s.confirm_left.has_value(); });
        script.shot("mark-left-confirm");
        script.click("dialog:no");
        // Then really: the student went home.
        script.click("left:" + student);
        script.wait_for("the mark-left question again",
                        [](const DashboardState& s) { return s.confirm_left.has_value(); });
        script.click("dialog:yes");
        script.wait_for("the mark-left answer", [&](const DashboardState& s) {
            const StudentMatch* now = find_match(s, student);
            return s.actions_in_flight == 0 && now && now->left && !s.search_in_flight;
        });
        script.shot("students-left", true);
    }

    script.click("tab:exports");
    script.click("exports:all");
    script.wait_for("every export", [](const DashboardState& s) {
        return std::none_of(s.exports.begin(), s.exports.end(), [](const ExportStatus& e) {
            return e.state == ExportState::fetching || e.state == ExportState::idle;
        });
    });
    script.shot("exports", true);
    for (const ExportStatus& status : script.state().exports) {
        if (status.state != ExportState::saved)
            throw std::runtime_error("an export failed: " + status.problem.en);
        std::cout << "exported " << status.path << " (" << status.bytes << " bytes)" << std::endl;
    }
}

// Watches the fair move for `seconds` (something else drives it, e.g. `jobfair simulate`) and
// prints how many events came and how many fetches they cost.
void run_live(Script& script, int seconds) {
    script.log_in(false);
    script.click("tab:timeline");
    std::cout << "ready" << std::endl;
    const auto start = std::chrono::steady_clock::now();
    const int events_before = script.state().events_seen;
    Clock::time_point last_overview = script.state().overview_fetch.last_sent;
    Clock::time_point last_timeline = script.state().timeline_fetch.last_sent;
    int overview_fetches = 0;
    int timeline_fetches = 0;
    while (std::chrono::steady_clock::now() - start < std::chrono::seconds(seconds)) {
        script.frames(1);
        if (script.state().overview_fetch.last_sent != last_overview) ++overview_fetches;
        if (script.state().timeline_fetch.last_sent != last_timeline) ++timeline_fetches;
        last_overview = script.state().overview_fetch.last_sent;
        last_timeline = script.state().timeline_fetch.last_sent;
    }
    std::cout << "live " << seconds << " s: " << script.state().events_seen - events_before
              << " events, " << overview_fetches << " overview fetches, " << timeline_fetches
              << " timeline fetches, fair clock " << script.state().overview->now << std::endl;
    script.shot("live-timeline");
}

void run_offline(Script& script) {
    script.log_in(false);
    script.frames(5);
    std::cout << "ready" << std::endl;
    script.wait_for(
        "the server to go away",
        [](const DashboardState& s) { return s.connection == Connection::offline; }, 120s);
    script.frames(30);
    script.shot("offline");
    script.wait_for(
        "the server to come back",
        [](const DashboardState& s) { return s.connection == Connection::online; }, 120s);
    script.wait_for(
        "the resync",
        [](const DashboardState& s) {
            return !s.overview_fetch.in_flight && !s.timeline_fetch.in_flight && s.stream_open;
        },
        30s);
    script.shot("resynced");
}

}  // namespace

void run_script(const ScriptRun& run, ui::Window& window, DashboardApp& app) {
    std::filesystem::create_directories(run.screenshot_dir);
    Script script(run, window, app);
    if (run.name == "offline")
        run_offline(script);
    else if (run.name == "live")
        run_live(script, 20);
    else
        run_all(script, app);
}

}  // namespace jobfair::dashboard::app
