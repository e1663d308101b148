#include "common/api_routes.hpp"

#include <stdexcept>

namespace jobfair::protocol {

namespace {

using enum RouteId;
using M = Method;
using G = Gate;
using P = Permission;

// In RouteId order (checked below). Requests and answers name the protocol type when there is
// one (common/protocol.hpp), else the JSON fields.
constexpr std::array kRoutes{
    Route{hello, M::get, "/hello", G::open, {}, false, "", "Hello", ""},
    Route{login,
          M::post,
          "/auth/login",
          G::password_place,
          {},
          true,
          "{password}",
          "{token, role}",
          ""},
    Route{booth_login,
          M::post,
          "/auth/booth-login",
          G::booth_station,
          {},
          true,
          "{pin, booth?}",
          "{token, role, booth}",
          ""},
    Route{enrol,
          M::post,
          "/auth/enrol",
          G::enrolment_code,
          {},
          true,
          "{code}",
          "{token, role, device, booth?}",
          ""},
    Route{logout, M::post, "/auth/logout", G::any_token, {}, false, "", "{ok}", ""},
    Route{issue_booth_pin, M::post, "/admin/booths/{booth}/pin", G::permission, P::manage_access,
          false, "", "{booth, pin}", ""},
    Route{create_enrolment_code, M::post, "/admin/enrolment-codes", G::permission, P::manage_access,
          true, "{role, device_name, booth?}", "{code, role, device_name, booth?}", ""},
    Route{change_password, M::post, "/auth/password", G::permission, P::manage_access, true,
          "{current, new}", "{changed, log_in_again}", ""},
    Route{list_devices, M::get, "/admin/devices", G::permission, P::manage_access, false, "",
          "{devices}", ""},
    Route{revoke_device, M::remove, "/admin/devices/{device}", G::permission, P::manage_access,
          false, "", "{revoked, device}", ""},
    Route{enterprises, M::get, "/enterprises", G::permission, P::read_enterprise_list, false, "",
          "{enterprises: EnterpriseCard[]}", ""},
    Route{check_in, M::post, "/check-ins", G::permission, P::check_in_by_ticket, true, "{ticket}",
          "CheckInAnswer", "student.checked_in"},
    Route{walk_in, M::post, "/walk-ins", G::permission, P::register_walk_in, true,
          "WalkInRegistration", "CheckInAnswer", "student.registered, student.checked_in"},
    Route{add_booth, M::post, "/check-ins/add-booth", G::permission, P::check_in_by_ticket, true,
          "AddBooth {ticket, booth}", "CheckInAnswer", "student.booth_added"},
    Route{ticket_status, M::get, "/tickets/{ticket}/status", G::permission,
          P::read_student_status_by_ticket, false, "", "{ticket_label, checked_in, interviews}",
          ""},
    // The student's own phone: the token of the status QR, never a ticket or a device token.
    Route{my_status, M::get, "/me/status", G::status_token, {}, false, "", "StudentStatus", ""},
    Route{my_running_late,
          M::post,
          "/me/running-late",
          G::status_token,
          {},
          true,
          "{minutes}",
          "StudentStatus",
          "student.running_late"},
    Route{my_step_away,
          M::post,
          "/me/step-away",
          G::status_token,
          {},
          true,
          "{minutes}",
          "StudentStatus",
          "student.stepped_away"},
    Route{my_return,
          M::post,
          "/me/back",
          G::status_token,
          {},
          true,
          "{}",
          "StudentStatus",
          "student.back"},
    Route{my_add_booth,
          M::post,
          "/me/add-booth",
          G::status_token,
          {},
          true,
          "AddBooth {booth}",
          "StudentStatus",
          "student.booth_added"},
    Route{booth_queue, M::get, "/booths/{booth}/queue", G::permission, P::read_booth_queue, false,
          "", "BoothQueue", ""},
    Route{call_next, M::post, "/booths/{booth}/seats/{seat}/call-next", G::permission, P::call_next,
          false, "", "CallAnswer", "interview.called, interview.called_from_standby"},
    Route{take_walk_in, M::post, "/booths/{booth}/take-walk-in", G::permission, P::take_walk_in,
          true, "{student, seat}", "CallAnswer", "interview.called_from_standby"},
    Route{interview_start, M::post, "/interviews/{id}/start", G::permission, P::start_interview,
          true, "{}", "{ok, interview}", "interview.in_progress"},
    Route{interview_verify_ticket, M::post, "/interviews/{id}/verify-ticket", G::permission,
          P::start_interview, true, "{ticket}", "{match, ticket_label, message, message_vi}", ""},
    Route{interview_finish, M::post, "/interviews/{id}/finish", G::permission, P::finish_interview,
          true, "{outcome, note?}", "{ok, interview}", "interview.done"},
    Route{interview_skip, M::post, "/interviews/{id}/skip", G::permission, P::skip_student, true,
          "{}", "{ok, interview}", "interview.promised"},
    Route{interview_recall, M::post, "/interviews/{id}/recall", G::permission, P::recall, true,
          "{}", "{ok, interview}", "interview.recalled"},
    Route{interview_no_show, M::post, "/interviews/{id}/no-show", G::permission, P::mark_no_show,
          true, "{}", "{ok, interview}", "interview.no_show"},
    Route{interview_cancel, M::post, "/interviews/{id}/cancel", G::permission, P::manage_interviews,
          true, "{reason?}", "{ok, interview}", "interview.cancelled"},
    Route{interview_move, M::post, "/interviews/{id}/move", G::permission, P::manage_interviews,
          true, "{booth, seat, start}", "{ok, interview}", "interview.moved"},
    Route{booth_pause, M::post, "/booths/{booth}/pause", G::permission, P::manage_booths, true,
          "{}", "{ok}", "booth.paused"},
    Route{booth_resume, M::post, "/booths/{booth}/resume", G::permission, P::manage_booths, true,
          "{}", "{ok}", "booth.resumed"},
    Route{booth_hours, M::post, "/booths/{booth}/hours", G::permission, P::manage_booths, true,
          "{close}", "{ok}", "booth.hours_changed"},
    Route{booth_add_seat, M::post, "/booths/{booth}/seats", G::permission, P::manage_booths, true,
          "{}", "{seat}", "booth.seat_added"},
    Route{student_left, M::post, "/students/{student}/left", G::permission, P::mark_student_left,
          false, "", "{cancelled}", "student.left"},
    Route{student_ticket, M::get, "/students/{student}/ticket", G::permission, P::issue_tickets,
          false, "", "{student, ticket, ticket_label}", ""},
    Route{student_ticket_revoke, M::post, "/students/{student}/ticket/revoke", G::permission,
          P::issue_tickets, true, "{reason?}", "{revoked}", "ticket.revoked"},
    Route{student_ticket_reissue, M::post, "/students/{student}/ticket/reissue", G::permission,
          P::issue_tickets, false, "", "{student, ticket, ticket_label}", "ticket.reissued"},
    Route{replan_preview, M::get, "/replan/preview", G::permission, P::manage_interviews, false, "",
          "{kept, moved, added, dropped, planned_after}", ""},
    Route{replan, M::post, "/replan", G::permission, P::manage_interviews, false, "",
          "{kept, moved, added, dropped, planned_after}", "schedule.saved"},
    Route{set_clock, M::post, "/clock", G::permission, P::manage_interviews, true, "{now}", "{now}",
          ""},
    Route{overview, M::get, "/overview", G::permission, P::read_fair_overview, false, "",
          "Overview", ""},
    Route{timeline, M::get, "/interviews", G::permission, P::read_fair_overview, false, "",
          "{interviews}", ""},
    Route{student_search, M::get, "/students", G::permission, P::read_all_students_personal_data,
          false, "?q=", "{students}", ""},
    Route{export_file, M::get, "/exports/{name}", G::permission, P::read_all_students_personal_data,
          false, "", "a CSV or HTML file", ""},
    Route{recent_calls, M::get, "/calls/recent", G::permission, P::read_recent_calls, false, "",
          "{calls}", ""},
    Route{events, M::get, "/events", G::any_token, {}, false, "?since=", "{events, last}", ""},
    Route{stream,
          M::get,
          "/stream",
          G::any_token,
          {},
          false,
          "Last-Event-ID or ?since=",
          "text/event-stream",
          ""},
};

constexpr bool routes_follow_enum_order() {
    for (size_t i = 0; i < kRoutes.size(); ++i) {
        if (static_cast<size_t>(kRoutes[i].id) != i) return false;
    }
    return true;
}
static_assert(routes_follow_enum_order(), "kRoutes must list routes in RouteId order");
static_assert(kRoutes.size() == static_cast<size_t>(RouteId::stream) + 1, "a route is missing");

std::string_view gate_words(const Route& route) {
    switch (route.gate) {
        case Gate::open:
            return "none (no token needed)";
        case Gate::enrolment_code:
            return "none (the one-time code in the body)";
        case Gate::password_place:
            return "the server's own machine (loopback, no token) or an organizer console's token";
        case Gate::booth_station:
            return "a booth station's token (role `booth_station`)";
        case Gate::any_token:
            return "any valid token (events: what is shown depends on the role)";
        case Gate::status_token:
            return "a student's status token (the second QR of the kiosk): that student only";
        case Gate::permission:
            break;
    }
    return "";
}

// One role's cell in the table: may it call the route, and for which booth.
std::string_view cell(const Route& route, Role role) {
    switch (route.gate) {
        case Gate::open:
        case Gate::any_token:
            return "✓";
        case Gate::enrolment_code:
        case Gate::password_place:
        case Gate::booth_station:
        case Gate::status_token:
            return "–";
        case Gate::permission:
            break;
    }
    const Principal someone{role, BoothId("B01"), "", ""};
    const Permission permission = *route.permission;
    if (!is_booth_scoped(permission)) return authorize(someone, permission) ? "✓" : "";
    if (!authorize(someone, permission, BoothId("B01"))) return "";
    return authorize(someone, permission, BoothId("B02")) ? "✓" : "own booth";
}

}  // namespace

std::string_view method_name(Method method) {
    switch (method) {
        case Method::get:
            return "GET";
        case Method::post:
            return "POST";
        case Method::remove:
            return "DELETE";
    }
    return "?";
}

std::span<const Route> all_routes() {
    return kRoutes;
}

const Route& route(RouteId id) {
    return kRoutes[static_cast<size_t>(id)];
}

std::vector<std::string_view> path_parameters(const Route& route) {
    std::vector<std::string_view> out;
    const std::string_view path = route.path;
    for (size_t open = path.find('{'); open != std::string_view::npos;
         open = path.find('{', open + 1)) {
        const size_t close = path.find('}', open);
        out.push_back(path.substr(open + 1, close - open - 1));
    }
    return out;
}

std::string path_for(RouteId id, std::span<const std::string> values) {
    const std::string_view path = route(id).path;
    std::string out;
    auto value = values.begin();
    size_t at = 0;
    for (size_t open = path.find('{'); open != std::string_view::npos; open = path.find('{', at)) {
        if (value == values.end()) throw std::invalid_argument("too few values for a route path");
        out.append(path.substr(at, open - at));
        out.append(*value++);
        at = path.find('}', open) + 1;
    }
    if (value != values.end()) throw std::invalid_argument("too many values for a route path");
    out.append(path.substr(at));
    return out;
}

std::string path_for(RouteId id, std::initializer_list<std::string_view> values) {
    const std::vector<std::string> owned(values.begin(), values.end());
    return path_for(id, owned);
}

std::string routes_markdown() {
    constexpr std::array kRoles{Role::organizer, Role::booth_staff, Role::kiosk, Role::board};
    std::string out =
        "| endpoint | organizer | booth_staff | kiosk | board | permission checked |\n"
        "| --- | :-: | :-: | :-: | :-: | --- |\n";
    for (const Route& route : kRoutes) {
        out +=
            "| `" + std::string(method_name(route.method)) + " " + std::string(route.path) + "` |";
        for (Role role : kRoles) {
            const std::string_view mark = cell(route, role);
            out += mark.empty() ? " |" : " " + std::string(mark) + " |";
        }
        if (route.permission) {
            out += " `" + std::string(permission_code(*route.permission)) + "` |\n";
        } else {
            out += " " + std::string(gate_words(route)) + " |\n";
        }
    }
    return out;
}

}  // namespace jobfair::protocol
