// Every string the check-in kiosk shows, in Vietnamese and English, in one table (strings.cpp).
// Views never write text of their own. "{}" marks where a value goes (see tr_fill).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "common/language.hpp"

namespace jobfair::checkin {

using Language = ::jobfair::Language;

enum class Text {
    // Welcome
    welcome_title,
    welcome_scan_prompt,
    register_now,
    switch_language,  // the button shows the language it switches to
    help_desk_hint,
    welcome_or,
    map_hint,
    // Check-in by ticket and the result
    checking_in,
    greeting,                  // {} = given name
    phone_on_file,             // {} = masked phone
    ticket_label,              // {} = "A-0427"
    provisional_ticket_label,  // {} = provisional label
    provisional_explained,
    already_checked_in,
    your_interviews,
    no_interviews_yet,
    interview_time,  // {} = start, {} = end
    be_at_booth_by,  // {} = booth, {} = come-back time
    booth_number,    // {} = booth
    seat_number,     // {} = seat
    standby_title,
    standby_at,        // {} = booth, {} = estimate
    standby_unlikely,  // {} = booth
    no_interview_title,
    free_seats_title,
    free_seat_line,  // {} = booth, {} = enterprise, {} = from
    add_booth,
    adding_booth,
    takes_cvs_title,
    photograph_qr,
    phone_status_qr,
    slip_printing,
    done,
    // Registration form
    register_title,
    field_full_name,
    field_phone,
    field_school,
    field_trade,
    field_level,
    choose_trade,
    trade_picker_title,
    other_trade,        // the picker's last entry
    field_trade_text,   // the typed trade's name, with Other trade
    other_trade_named,  // {} = the typed name
    consent_title,
    consent_interview,
    consent_follow_up,
    consent_school_report,
    consent_job_news,
    consent_required,
    consent_optional,
    problem_full_name_missing,
    problem_school_missing,
    problem_trade_missing,
    problem_trade_text_missing,
    problem_trade_text_too_short,
    problem_trade_text_too_long,
    problem_trade_text_control,
    problem_level_missing,
    problem_interview_consent,
    phone_empty,
    phone_bad_characters,
    phone_wrong_length,
    phone_not_mobile,
    // Choosing enterprises
    choose_title,
    field_search,
    chosen_count,  // {} = how many, {} = the most allowed
    choose_limit_reached,
    choose_at_least_one,
    no_matching_enterprises,
    other_trade_booths,    // Other trade: only booths that take any trade are shown
    no_booth_for_trade,    // no booth interviews for the student's trade today
    no_booth_way_forward,  // what to do then: the booths taking CVs listed below
    no_booth_no_cvs,       // what to do then when no booth takes CVs
    next_no_booth,         // why "Tiếp tục" is greyed when no booth interviews the trade
    any_trade,
    open_jobs,  // {} = number of jobs
    minimum_level,
    free_from,  // {} = "HH:MM"
    full_for_today,
    chosen_all_full,  // {} = level name
    // Confirm and submit
    confirm_title,
    confirm_submit,
    confirm_choices,
    confirm_consents,
    submitting,
    // Errors, each with the way forward
    server_refused,     // {} = the server's message
    ticket_unreadable,  // any ticket_* refusal (forged, revoked, unknown...): plain, not accusing
    way_forward_check_in,
    way_forward_register,
    check_in_offline,
    outbox_failed,
    unexpected_answer,
    version_mismatch,  // {} = kiosk version, {} = server version
    // Always on screen
    status_online,
    status_offline,
    status_syncing,  // {} = pending registrations
    countdown,       // {} = seconds
    next,
    back,
    cancel,
    // On-screen keyboard
    key_space,
    key_backspace,
    telex_on,
    telex_off,
};

inline constexpr std::size_t kTextCount = static_cast<std::size_t>(Text::telex_off) + 1;

// Never null, never empty, NFC UTF-8.
const char* tr(Text text, Language language);

// The string with each "{}" replaced by the next value, in order.
std::string tr_fill(Text text, Language language, std::initializer_list<std::string_view> values);

// The consent sentence for a purpose of protocol::kConsentPurposes; throws std::out_of_range for
// a purpose this build does not know (a protocol change the kiosk must be updated for).
Text consent_text(std::string_view purpose);

// The id stored in row `index` of the table, so a test can prove rows are in enum order.
Text table_entry_id(std::size_t index);

}  // namespace jobfair::checkin
