// Every endpoint of the fair server's API (docs/api.md), declared once: method, path, who may
// call it, what it takes and answers, and what it writes to the event log. The server binds one
// handler per route and lets the table do the gate (token, role, booth ownership, unknown booth
// or interview) and the body parsing; clients build their paths from it; a test checks that
// docs/api.md lists exactly these routes with these permissions.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/auth.hpp"

namespace jobfair::protocol {

enum class Method { get, post, remove };
std::string_view method_name(Method method);  // "GET", "POST", "DELETE"

// Who may call a route, before any permission.
enum class Gate {
    open,            // anyone: no token needed
    enrolment_code,  // anyone with a one-time code in the body
    password_place,  // the server's own machine (loopback, no token) or an organizer console
    booth_station,   // an enrolled booth station's token
    any_token,       // any valid token; what is shown may depend on the role
    permission,      // a token whose role holds `permission` (for the booth concerned)
    status_token,    // a student's read-only status token (the kiosk's second QR): that student
                     // only, never a device's or person's token (docs/security.md)
};

enum class RouteId {
    hello,
    login,
    booth_login,
    enrol,
    logout,
    issue_booth_pin,
    create_enrolment_code,
    change_password,
    list_devices,
    revoke_device,
    enterprises,
    check_in,
    walk_in,
    add_booth,
    ticket_status,
    my_status,
    my_running_late,
    my_step_away,
    my_return,
    my_add_booth,
    booth_queue,
    call_next,
    take_walk_in,
    interview_start,
    interview_verify_ticket,
    interview_finish,
    interview_skip,
    interview_recall,
    interview_no_show,
    interview_cancel,
    interview_move,
    booth_pause,
    booth_resume,
    booth_hours,
    booth_add_seat,
    student_left,
    student_ticket,
    student_ticket_revoke,
    student_ticket_reissue,
    replan_preview,
    replan,
    set_clock,
    overview,
    timeline,
    student_search,
    export_file,
    recent_calls,
    events,
    stream,
};

struct Route {
    RouteId id;
    Method method;
    // Below /api/v1. Parameters in braces: {booth}, {seat}, {id} (an interview), {student},
    // {ticket}, {device}, {name} (an export file).
    std::string_view path;
    Gate gate;
    std::optional<Permission> permission;  // with Gate::permission
    bool takes_body;                       // a JSON object, parsed by the table
    std::string_view request;              // what the body holds (a protocol type or fields)
    std::string_view answer;               // what a success holds
    std::string_view event;                // the event written, when the route writes one
};

std::span<const Route> all_routes();
const Route& route(RouteId id);

// The path parameters of a route, in order ("booth", "seat").
std::vector<std::string_view> path_parameters(const Route& route);
// The route's path with its parameters filled in, in order, below /api/v1.
std::string path_for(RouteId id, std::initializer_list<std::string_view> values = {});
std::string path_for(RouteId id, std::span<const std::string> values);

// docs/api.md's table of routes and who may call them, generated from this table and from
// authorize(): the test keeps the document equal to it.
std::string routes_markdown();

}  // namespace jobfair::protocol
