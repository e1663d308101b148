// Scripted runs of the real booth station against a real server, for screenshots and frame
// figures. A script taps like a finger (HeadlessDriver clicks on the targets the view drew) and
// types like a USB scanner. Pictures: DIR/<screen>-<vi|en>-<W>x<H>.png, every screen in both
// languages at the window's size:
//   login          the PIN pad with three digits typed
//   login_refused  after a wrong PIN (one wrong guess counts towards the server's lockout)
//   called         a student called to seat 1 (Start, Call again, Not here, No-show)
//   booth          an interview in progress, the next interviews and the standby queue
//   mismatch       the wrong-ticket warning after scanning --wrong-ticket
//   offline        the server stopped: the script prints "booth-script: stop the server now"
//                  and waits for the station to notice; then "booth-script: start the server
//                  again" and waits for the resync (resynced-vi-WxH.png)
//   finish         the finish dialog with an outcome chosen and a note typed
//   saved          after saving the outcome; then a walk-in is taken from standby (or, when
//                  the server refuses, the next student called), shot as "called" when the run
//                  did not begin with a called student
// The interview photographed is really started and finished on the server, and the next student
// really called: run it against a demo server only.
#pragma once

#include <filesystem>
#include <string>

#include "kiosk/booth/app/booth_app.hpp"
#include "kiosk/ui/window.hpp"

namespace jobfair::booth::app {

struct ScriptRun {
    std::filesystem::path screenshot_dir;
    std::string pin;
    std::string wrong_ticket;  // empty: no mismatch pictures
};

// Throws std::runtime_error saying which step failed (e.g. a state that never came).
void run_shots(const ScriptRun& run, ui::Window& window, BoothApp& app);

// Logs in with `pin`, waits for the queue, and measures `frames` frames of the booth screen;
// returns the figures as one line (ui::describe).
std::string log_in_and_measure(const std::string& pin, int frames, ui::Window& window,
                               BoothApp& app, const std::filesystem::path& screenshot);

}  // namespace jobfair::booth::app
