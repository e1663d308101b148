// Scripted runs of the real kiosk against a real server, for screenshots and the end-to-end test.
// A script taps like a finger (HeadlessDriver clicks on the targets the view drew) and types like
// a keyboard or a USB scanner; it saves DIR/<screen>-<vi|en>-<portrait|landscape>.png.
//
//   all      every screen, in both languages and both orientations (walk-ins are really
//            registered)
//   e2e      in the window's orientation and --lang: checks in --ticket by scanning it, then
//            registers one walk-in; prints "checked_in LABEL" and "registered LABEL" lines
//   offline  the offline outbox: prints "offline: stop the server now", waits until the kiosk sees
//            the server down, registers a walk-in (a provisional ticket), prints "offline: start
//            the server now" and waits until the outbox has sent it; "connection: ..." lines
//            follow the pill (tests/gui/run_kiosk_e2e.sh stops and starts the server)
//   picks    in the window's orientation and --lang: a walk-in choosing only booths full for
//            today, the Result screen's reason and free booths, then Add on one; prints
//            "no_interview ..." and "added ..." lines (tests/gui/run_kiosk_e2e.sh ... picks)
//   bench    frame times ("frames SCREEN: ...") of Welcome, the form and the enterprise cards,
//            for scripts/frames.sh; registers nothing and saves no picture
#pragma once

#include <filesystem>
#include <string>

#include "kiosk/checkin/app/kiosk_app.hpp"
#include "kiosk/ui/window.hpp"

namespace jobfair::checkin::app {

struct ScriptRun {
    std::string name;  // "all", "e2e", "offline", "picks" or "bench"
    std::filesystem::path screenshot_dir;
    std::string ticket;  // a ticket payload to scan; the check-in is skipped without one
    Language language = Language::vi;
};

// Throws std::runtime_error saying which step failed (e.g. a screen that never came).
void run_script(const ScriptRun& run, ui::Window& window, KioskApp& app);

}  // namespace jobfair::checkin::app
