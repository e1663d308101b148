// What the organizers must look at now, read from the overview: each booth's condition (open,
// paused, late, idle while students wait; coloured by health) and the alerts with their rules
// and thresholds. Every rule is one block in alerts.cpp, opened by the rule in one sentence.
//
// Index: AlertRules · BoothCondition and booth_condition · Alert and alerts_of
#pragma once

#include <string>
#include <vector>

#include "common/time_of_day.hpp"
#include "kiosk/dashboard/model/answers.hpp"

namespace jobfair::dashboard {

struct AlertRules {
    int late_warning_minutes = 5;   // a booth this late is shown amber
    int late_danger_minutes = 15;   // and this late red
    int idle_min_waiting = 1;       // students waiting before an idle booth is an alert
    int wait_warning_minutes = 45;  // a student waiting this long since check-in
    int wait_danger_minutes = 75;
    int kiosk_offline_seconds = 15;  // a kiosk says hello every 3 s: five missed hellos
    int board_offline_seconds = 30;  // a board holds the event stream; keep-alives every 15 s
    // Wrong PINs, passwords or codes, or refused tickets, in ten minutes before it is red.
    int guesses_danger = 5;
};

// --- A booth's condition -----------------------------------------------------------------------
enum class BoothPhase { not_open_yet, open, paused, closed };
enum class Health { quiet, ok, warning, danger };  // quiet: paused, closed or not open yet

struct BoothCondition {
    BoothPhase phase = BoothPhase::open;
    int late_minutes = 0;  // 0 when on time
    bool idle_while_waiting = false;
    int students_waiting = 0;  // waiting (checked-in promises) + standby
    Health health = Health::ok;
};

// `now` is the fair clock of the overview.
BoothCondition booth_condition(const BoothSummary& booth, TimeOfDay now, const AlertRules& rules);

// --- Alerts --------------------------------------------------------------------------------------
// Alerts are listed by how many students they affect, most first (`Alert::affected`); on a tie red
// before amber, then in this order: an attack can stop the whole fair, a kiosk offline stops
// check-ins, then booths, then single students, then devices never seen.
enum class AlertKind {
    security,
    device_offline,
    booth_late,
    booth_idle,
    student_waiting,
    students_not_listed,  // more students wait than the server names (it lists the 10 longest)
    device_never_seen
};
enum class Severity { warning, danger };

struct Alert {
    AlertKind kind = AlertKind::booth_late;
    Severity severity = Severity::warning;
    std::string booth;               // booth alerts: the booth to open on a click
    std::string student;             // student_waiting
    std::string ticket_label;        // student_waiting
    std::string full_name;           // student_waiting
    std::string next;                // student_waiting: their next interview's start, when planned
    std::string device_name;         // device alerts
    Role device_role = Role::kiosk;  // device alerts: kiosk, board
    int minutes = 0;                 // late by, or waited
    int seconds = 0;                 // device_offline: seconds since last seen
    int count = 0;  // booth_idle: students waiting; security: times; students_not_listed: them
    std::string security_kind;  // security: wrong_pin, ticket_refused, body_too_large, ...
    int addresses = 0;          // security: from this many addresses
    int listed = 0;             // students_not_listed: how many the server named
    // Students this alert affects, what the list is sorted by (see affected_by in alerts.cpp):
    // a late or idle booth its students waiting (checked-in promises + standby); a student 1; a
    // kiosk offline the students expected at it in the next 15 minutes; a board offline the
    // students waiting at booths, shared among the boards; a device never seen and a security
    // alert nobody yet (they are risks, ranked among themselves by severity).
    int affected = 0;
};

// Every alert of `overview`, the most students affected first; on a tie red before amber, then in
// AlertKind's order, then the worst first. Every alert is returned: the view scrolls, never cuts.
std::vector<Alert> alerts_of(const Overview& overview, const AlertRules& rules);

}  // namespace jobfair::dashboard
