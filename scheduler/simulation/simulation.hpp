// A fair morning driven through the server's real API, the way a venue lives it: students arrive
// and scan tickets at kiosks, walk-ins register, booths call, start and finish interviews (some
// run long), some students miss their call or leave early, a booth pauses for a while. The
// server's clock is moved by the simulation (POST /api/v1/clock), so a morning runs in minutes.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/fair.hpp"
#include "common/store.hpp"

namespace jobfair {

// What the simulation knows the server has acknowledged, for the invariant checks.
struct SimulationProgress {
    TimeOfDay now;
    std::set<std::string> checked_in;  // pre-registered students whose check-in was answered 2xx
    int walk_ins = 0;                  // walk-in registrations answered 2xx
};

struct SimulationOptions {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string organizer_password;
    // Simulated minutes per real minute; 0: as fast as the server answers.
    double speed = 0.0;
    std::uint64_t seed = 7;
    double no_show_rate = 0.1;    // called students who never come
    double walk_in_share = 0.05;  // walk-ins, as a share of pre-registered students
    double leave_early_rate = 0.02;
    int kiosks = 10;
    // Booths whose staff already hold a PIN (the demo's booth stations), by booth id: the
    // simulation logs in with it. Issuing a new PIN would end those stations' sessions.
    std::map<std::string, std::string> booth_pins;
    // Stop at this fair time, leaving the day as it is (interviews under way stay under way):
    // screenshots and demos of a morning in progress. Nothing: run the whole day.
    std::optional<TimeOfDay> until;
    // Called after every simulated minute, with the fair time; the end-to-end test checks its
    // invariants here, and may restart the server (then the simulation reconnects).
    std::function<void(const SimulationProgress&)> after_minute;
    // Prints one line per simulated 15 minutes.
    std::function<void(const std::string&)> report_line;
};

// The day's figures, each as the report prints it ("interviews done: 512").
struct SimulationReport {
    int checked_in = 0;
    int walk_ins = 0;
    int interviews_done = 0;
    int students_covered = 0;  // with at least one interview done
    int no_shows = 0;
    int refilled_from_standby = 0;
    int left_early = 0;
    int booth_pauses = 0;
    int requests = 0;
    int refused_requests = 0;      // 4xx answers the simulation did not expect
    double mean_wait_minutes = 0;  // check-in to the start of the first interview
    double p90_wait_minutes = 0;
    int replans = 0;              // check-ins and organizer actions that re-planned the day
    int promises_moved_late = 0;  // promises a late booth took along to a later slot
    // Promises (interviews past planned) cancelled, by the reason recorded with them.
    std::map<std::string, int> promises_cancelled;
    std::map<std::string, int> outcomes;

    std::vector<std::string> lines() const;
};

// Runs the morning against the server at options.host:port, whose database holds `fair` and
// whose clock can be moved (started with --clock-start). Throws std::runtime_error with the
// failing request when the server cannot be reached or refuses the simulation's own setup.
SimulationReport simulate_morning(const Fair& fair, const SimulationOptions& options);

// The day's invariants, read from the database: no seat double-booked, no student in two
// places, every cancellation with a reason, every acknowledged check-in and walk-in stored.
// `day_over`: also every promise kept or cancelled. Returns one line per violation.
std::vector<std::string> check_day_invariants(const Store& store,
                                              const SimulationProgress& progress, bool day_over);

// Replays the audit log event by event. After each event: no seat holds two students called or
// interviewing, and no student is called or interviewing in two places. At the end the log must
// agree with the stored interviews on every interview it names. `events_replayed` counts.
std::vector<std::string> check_event_log(const Store& store, int& events_replayed);

}  // namespace jobfair
