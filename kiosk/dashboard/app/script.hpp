// Scripted runs of the real dashboard against a real server, for screenshots and frame times. A
// script clicks like a mouse (HeadlessDriver clicks on the targets the view drew) and types like a
// keyboard, and saves DIR/<screen>-<vi|en>.png.
//
//   all      login, overview with alerts, a booth's detail, timeline (and a move form), figures and
//            charts, student search and the mark-left confirmation, the re-plan preview (then
//            applied), exports (all saved into --export-dir); prints frame times per tab
//   offline  logs in, prints "ready", waits for the server to go away (offline screenshot), then
//            for it to come back (resynced screenshot)
//   live     logs in, shows the timeline, prints "ready", then for 20 s counts the events of the
//            stream and the fetches they cost (something else must move the fair meanwhile)
#pragma once

#include <filesystem>
#include <string>

#include "kiosk/dashboard/app/dashboard_app.hpp"
#include "kiosk/ui/window.hpp"

namespace jobfair::dashboard::app {

struct ScriptRun {
    std::string name;  // all | offline | live
    std::filesystem::path screenshot_dir;
    std::string password;
    Language language = Language::vi;
};

// Throws std::runtime_error saying which step failed (e.g. a screen that never came).
void run_script(const ScriptRun& run, ui::Window& window, DashboardApp& app);

}  // namespace jobfair::dashboard::app
