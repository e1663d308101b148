// Every string the organizer dashboard shows, in Vietnamese and English, in one table
// (dashboard_strings.cpp), and the words and number formats built from it. The views write no
// text of their own. "{}" marks where a value goes. Vietnamese numbers use a decimal comma and a
// thousands dot ("1.234", "8,8 %"); English the other way round.
//
// Index: Language and DashText · tr, tr_fill · words for codes · numbers · alerts
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "common/language.hpp"
#include "common/wire_codes.hpp"
#include "kiosk/dashboard/model/alerts.hpp"
#include "kiosk/dashboard/model/charts.hpp"
#include "kiosk/dashboard/model/exports.hpp"

namespace jobfair::dashboard {

using Language = ::jobfair::Language;

enum class DashText {
    // Header, tabs, connection
    app_title,
    tab_overview,
    tab_timeline,
    tab_figures,
    tab_students,
    tab_exports,
    fair_clock,
    connection_online,
    connection_offline,
    connection_connecting,
    switch_language,
    replan_button,
    offline_banner,
    offline_never_loaded,
    protocol_mismatch,
    loading,
    updated_ago,
    sending,
    ellipsis,
    answer_unreadable,
    write_failed,
    // Login
    login_title,
    login_server,
    login_password,
    login_button,
    login_hint,
    login_empty,
    login_in_progress,
    login_unreachable,
    session_expired,
    // Booth conditions and tiles
    phase_open,
    phase_paused,
    phase_late,
    phase_not_open_yet,
    phase_closed,
    phase_idle,
    tile_nobody,
    tile_waiting,
    tile_standby,
    tile_done,
    tile_no_shows,
    tile_next,
    tile_remaining,
    tile_seats,
    tile_more,
    health_ok,
    health_warning,
    health_danger,
    health_quiet,
    overview_hint,
    // Alerts
    alerts_title,
    no_alerts,
    alert_booth_late,
    alert_booth_idle,
    alert_student_waiting,
    alert_student_next,
    alert_device_offline,
    alert_device_never_seen,
    alert_security,
    alert_students_not_listed,
    alert_affects_waiting,
    alert_affects_arrivals,
    alert_affects_board,
    pulse_without_interview,
    pulse_without_interview_of,
    pulse_wait,
    pulse_waiting_long,
    pulse_seats_idle,
    pulse_seats_idle_of,
    pulse_seats_idle_waiting,
    pulse_no_shows,
    pulse_no_shows_of,
    pulse_reasons,
    pulse_refilled,
    pulse_refilled_of,
    pulse_refilled_note,
    reason_booths_full,
    reason_no_booth,
    reason_left,
    reason_no_show,
    reason_other,
    security_guessing_pin,
    security_guessing_password,
    security_locked_out,
    security_guessing_code,
    security_pin_elsewhere,
    security_password_elsewhere,
    security_bad_token,
    security_ticket_refused,
    security_bad_request,
    security_slow,
    security_too_many,
    role_kiosk,
    role_board,
    role_booth_station,
    role_organizer_console,
    // Booth detail
    detail_title,
    detail_hours,
    action_pause,
    action_resume,
    action_extend,
    action_add_seat,
    action_close,
    extend_at_day_end,
    queue_title,
    queue_empty,
    standby_title,
    standby_empty,
    column_time,
    column_seat,
    column_ticket,
    column_name,
    column_status,
    column_where,
    column_arrived,
    column_choice,
    column_trade,
    column_level,
    column_school,
    column_phone,
    column_checked_in,
    column_interviews,
    column_booth,
    where_not_arrived,
    where_checked_in,
    where_busy,
    where_away,
    seat_number,
    // Interview statuses and outcomes
    status_planned,
    status_promised,
    status_called,
    status_in_progress,
    status_done,
    status_no_show,
    status_cancelled,
    outcome_offer,
    outcome_internship,
    outcome_next_round,
    outcome_not_suitable,
    // Timeline
    timeline_summary,
    timeline_now,
    timeline_show_cancelled,
    timeline_hint,
    timeline_row,
    selected_title,
    selected_place,
    selected_status,
    selected_outcome,
    selected_reason,
    selected_over,
    button_move,
    button_cancel_interview,
    move_title,
    move_booth,
    move_seat,
    move_start,
    move_start_taken,
    move_confirm,
    move_no_slots,
    cancel_title,
    cancel_reason,
    cancel_confirm,
    form_back,
    // Figures and charts
    figures_title,
    fig_checked_in,
    fig_checked_in_of,
    fig_done,
    fig_promised,
    fig_under_way,
    fig_remaining,
    fig_no_show_rate,
    fig_wait_mean,
    fig_wait_p90,
    fig_wait_note,
    fig_without_interview,
    minutes_value,
    no_value,
    chart_check_ins,
    chart_per_booth,
    chart_outcomes,
    axis_quarter,
    axis_check_ins,
    axis_booth,
    axis_interviews,
    axis_outcome,
    layer_check_ins,
    layer_done,
    layer_no_show,
    layer_under_way,
    layer_remaining,
    layer_outcome,
    // Students
    search_label,
    search_button,
    search_too_short,
    search_searching,
    search_none,
    search_count,
    search_truncated,
    student_left,
    student_not_checked_in,
    student_no_interviews,
    student_interview,
    button_mark_left,
    confirm_left_title,
    confirm_left_text,
    confirm_yes,
    confirm_no,
    // Re-plan
    replan_title,
    replan_loading,
    replan_changes,
    replan_details,
    replan_kept,
    replan_note,
    replan_why_added,
    replan_why_better,
    replan_why_unknown,
    replan_why_all_placed,
    replan_why_no_seat,
    replan_apply,
    replan_applying,
    // Exports
    exports_title,
    exports_folder,
    exports_note,
    export_interviews,
    export_outcomes_by_enterprise,
    export_outcomes_by_trade,
    export_attendance_by_school,
    export_summary,
    export_button,
    export_all,
    export_idle,
    export_fetching,
    export_saved,
    export_failed,
    // Notices
    notice_done,
    notice_paused,
    notice_resumed,
    notice_extended,
    notice_seat_added,
    notice_moved,
    notice_cancelled,
    notice_left,
    notice_left_named,
    notice_replanned,
    notice_refused,
    notice_unreachable,
    notice_export_saved,
    notice_export_failed,
};

inline constexpr std::size_t kDashTextCount =
    static_cast<std::size_t>(DashText::notice_export_failed) + 1;

// Never null, never empty, NFC UTF-8.
const char* tr(DashText text, Language language);
std::string tr_fill(DashText text, Language language,
                    std::initializer_list<std::string_view> values);
// The id stored in row `index` of the table, so a test can prove rows are in enum order.
DashText dash_table_entry_id(std::size_t index);

// --- Words for the API's codes ----------------------------------------------------------------
std::string status_words(InterviewStatus status, Language language);
std::string outcome_words(InterviewOutcome outcome, Language language);
std::string whereabouts_words(Whereabouts whereabouts, std::string_view busy_at, Language language);
// A device's role; the code for a role that is no device's (organizer, booth_staff).
std::string role_words(Role role, Language language);
std::string trade_words(std::string_view occupation, Language language);
std::string level_words(std::string_view level, Language language);
std::string layer_words(Layer layer, Language language);
// "Trễ 12 phút", "Tạm dừng", "Đang trống"...: the words of a booth's condition for its tile.
std::string condition_words(const BoothCondition& condition, const std::string& open,
                            Language language);
std::string health_words(Health health, Language language);
DashText export_title(ExportKind kind);

// --- Numbers -----------------------------------------------------------------------------------
// 1234 -> "1.234" (vi) / "1,234" (en).
std::string format_count(long long value, Language language);
// (30.66, 1) -> "30,7" (vi) / "30.7" (en).
std::string format_decimal(double value, int decimals, Language language);
// 0.088 -> "8,8 %" (vi) / "8.8%" (en).
std::string format_percent(double rate, Language language);
// 2048 -> "2,0 KB"; below 1024: "812 B".
std::string format_bytes(std::size_t bytes, Language language);
// A figure in minutes, or "—" when unknown.
std::string format_minutes(std::optional<double> minutes, Language language);

// --- Alerts --------------------------------------------------------------------------------------
std::string alert_text(const Alert& alert, Language language);

}  // namespace jobfair::dashboard
