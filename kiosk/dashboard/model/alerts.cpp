#include "kiosk/dashboard/model/alerts.hpp"

#include <algorithm>
#include <tuple>

namespace jobfair::dashboard {

BoothCondition booth_condition(const BoothSummary& booth, TimeOfDay now, const AlertRules& rules) {
    BoothCondition condition;
    const auto open = TimeOfDay::parse(booth.open);
    const auto close = TimeOfDay::parse(booth.close);
    if (booth.paused) {
        condition.phase = BoothPhase::paused;
    } else if (open && now < *open) {
        condition.phase = BoothPhase::not_open_yet;
    } else if (close && now >= *close && booth.current.empty()) {
        condition.phase = BoothPhase::closed;
    }
    condition.students_waiting = booth.waiting + booth.standby;

    // A booth is late when a promise's slot has ended without a call (the server's
    // delay_minutes); a paused booth is not judged late.
    if (condition.phase != BoothPhase::paused)
        condition.late_minutes = std::max(0, booth.delay_minutes);

    // A booth is idle while students wait when it is open, nobody is called or interviewed at
    // any seat, and someone could be: a standby student, or a checked-in student whose promised
    // slot has begun.
    if (condition.phase == BoothPhase::open && booth.current.empty()) {
        const auto next = booth.next ? TimeOfDay::parse(*booth.next) : std::nullopt;
        const bool promise_due = booth.waiting > 0 && next && *next <= now;
        const bool standby_ready = booth.standby > 0;
        condition.idle_while_waiting =
            (promise_due || standby_ready) && condition.students_waiting >= rules.idle_min_waiting;
    }

    if (condition.phase != BoothPhase::open) {
        condition.health = condition.phase == BoothPhase::paused && condition.students_waiting > 0
                               ? Health::warning
                               : Health::quiet;
    } else if (condition.late_minutes >= rules.late_danger_minutes) {
        condition.health = Health::danger;
    } else if (condition.late_minutes >= rules.late_warning_minutes ||
               condition.idle_while_waiting) {
        condition.health = Health::warning;
    } else {
        condition.health = Health::ok;
    }
    return condition;
}

namespace {

// Check-ins in the last quarter-hour the server counted: the arrivals to expect in the next one.
int arrivals_per_quarter(const Overview& overview) {
    if (overview.check_ins_per_quarter.empty()) return 0;
    return overview.check_ins_per_quarter.back().second;
}

int count_role(const Overview& overview, Role role) {
    return static_cast<int>(
        std::count_if(overview.devices.begin(), overview.devices.end(),
                      [&](const Device& device) { return device.role == role; }));
}

// Shared evenly, rounded up: one student more is better than an alert that says nobody.
int share(int students, int among) {
    return among <= 0 ? students : (students + among - 1) / among;
}

}  // namespace

std::vector<Alert> alerts_of(const Overview& overview, const AlertRules& rules) {
    std::vector<Alert> alerts;
    int waiting_at_booths = 0;
    for (const BoothSummary& booth : overview.booths)
        waiting_at_booths += booth.waiting + booth.standby;
    // A kiosk down turns away the students who would have checked in there (not more than those
    // still to come); a board down leaves the students waiting near it without their calls.
    const int still_to_come = std::max(0, overview.students - overview.checked_in);
    const int kiosk_affects = share(std::min(still_to_come, arrivals_per_quarter(overview)),
                                    count_role(overview, Role::kiosk));
    const int board_affects = share(waiting_at_booths, count_role(overview, Role::board));
    const TimeOfDay now = TimeOfDay::parse(overview.now).value_or(TimeOfDay());

    for (const BoothSummary& booth : overview.booths) {
        const BoothCondition condition = booth_condition(booth, now, rules);
        // A booth late by at least late_warning_minutes is an alert; from late_danger_minutes
        // on it is red.
        if (condition.late_minutes >= rules.late_warning_minutes) {
            Alert alert;
            alert.kind = AlertKind::booth_late;
            alert.severity = condition.late_minutes >= rules.late_danger_minutes
                                 ? Severity::danger
                                 : Severity::warning;
            alert.booth = booth.booth;
            alert.minutes = condition.late_minutes;
            alert.affected = condition.students_waiting;
            alerts.push_back(std::move(alert));
        }
        // A booth idle while students wait is an amber alert (a late booth's alert says it
        // already).
        if (condition.idle_while_waiting && condition.late_minutes < rules.late_warning_minutes) {
            Alert alert;
            alert.kind = AlertKind::booth_idle;
            alert.severity = Severity::warning;
            alert.booth = booth.booth;
            alert.count = condition.students_waiting;
            alert.affected = condition.students_waiting;
            alerts.push_back(std::move(alert));
        }
    }

    // A checked-in student without any interview met for wait_warning_minutes is an alert; from
    // wait_danger_minutes on it is red.
    for (const LongWait& wait : overview.long_waits) {
        if (wait.waited_minutes < rules.wait_warning_minutes) continue;
        Alert alert;
        alert.kind = AlertKind::student_waiting;
        alert.severity =
            wait.waited_minutes >= rules.wait_danger_minutes ? Severity::danger : Severity::warning;
        alert.student = wait.student;
        alert.ticket_label = wait.ticket_label;
        alert.full_name = wait.full_name;
        alert.next = wait.next.value_or("");
        alert.minutes = wait.waited_minutes;
        alert.affected = 1;
        alerts.push_back(std::move(alert));
    }

    // The server names only the longest waits (docs/api.md: at most 10 of those past 30 min); the
    // others are one amber alert with their number, so the list never stops short in silence.
    const int listed = static_cast<int>(overview.long_waits.size());
    if (overview.long_waits_total && *overview.long_waits_total > listed) {
        Alert alert;
        alert.kind = AlertKind::students_not_listed;
        alert.severity = Severity::warning;
        alert.count = *overview.long_waits_total - listed;
        alert.listed = listed;
        alert.affected = alert.count;
        alerts.push_back(std::move(alert));
    }

    // A kiosk not seen for kiosk_offline_seconds (a board: board_offline_seconds) is offline,
    // red for a kiosk (students cannot check in there), amber for a board; one never seen since
    // the server started is amber.
    for (const Device& device : overview.devices) {
        Alert alert;
        alert.device_name = device.name;
        alert.device_role = device.role;
        const bool kiosk = device.role == Role::kiosk;
        if (!device.seconds_since_seen) {
            alert.kind = AlertKind::device_never_seen;
            alert.severity = Severity::warning;
        } else {
            const int limit = kiosk ? rules.kiosk_offline_seconds : rules.board_offline_seconds;
            if (*device.seconds_since_seen <= limit) continue;
            alert.kind = AlertKind::device_offline;
            alert.severity = kiosk ? Severity::danger : Severity::warning;
            alert.seconds = *device.seconds_since_seen;
            alert.affected = kiosk ? kiosk_affects : board_affects;
        }
        alerts.push_back(std::move(alert));
    }

    // Refusals that look like an attack, each kind once with its count. Guessing (wrong PINs,
    // passwords, enrolment codes; PINs or passwords sent from machines not enrolled for them;
    // lockouts) and refused tickets turn red at guesses_danger; an
    // organizer's own revocation is logged, not alerted.
    for (const SecurityRecent& recent : overview.security) {
        if (recent.kind == "device_revoked" || recent.count <= 0) continue;
        const bool guessing = recent.kind == "wrong_pin" || recent.kind == "wrong_password" ||
                              recent.kind == "locked_out" || recent.kind == "ticket_refused" ||
                              recent.kind == "pin_not_at_station" ||
                              recent.kind == "password_not_at_console" ||
                              recent.kind.rfind("unknown_enrolment", 0) == 0;
        Alert alert;
        alert.kind = AlertKind::security;
        alert.severity =
            guessing && (recent.count >= rules.guesses_danger || recent.kind == "locked_out")
                ? Severity::danger
                : Severity::warning;
        alert.security_kind = recent.kind;
        alert.count = recent.count;
        alert.addresses = recent.addresses;
        alerts.push_back(std::move(alert));
    }

    std::stable_sort(alerts.begin(), alerts.end(), [](const Alert& a, const Alert& b) {
        const auto rank = [](const Alert& alert) {
            return std::make_tuple(-alert.affected, alert.severity == Severity::danger ? 0 : 1,
                                   static_cast<int>(alert.kind), -alert.minutes, -alert.seconds,
                                   -alert.count);
        };
        return rank(a) < rank(b);
    });
    return alerts;
}

}  // namespace jobfair::dashboard
