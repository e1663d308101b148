// Every string the booth station shows, in Vietnamese and English, in one table
// (booth_strings.cpp): the view and the model's notices write no words of their own. "{}" marks
// where a value goes, filled in order by tr_fill(). Trade and level names come from the fair's own
// catalogues (common/occupations, common/level), which carry both languages.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "common/interview_status.hpp"
#include "common/language.hpp"
#include "common/wire_codes.hpp"

namespace jobfair::booth {

using Language = ::jobfair::Language;

inline Language language_of(bool vietnamese) {
    return vietnamese ? Language::vi : Language::en;
}

enum class BoothText {
    // Header and connection
    title,  // {} = booth
    fair_clock,
    connection_online,
    connection_offline,
    offline_explained,
    other_language,  // the label of the language switch: the *other* language's name
    log_out,
    booth_paused,
    booth_on_break,  // {} = the break's end
    loading_queue,
    sending,
    dismiss,
    // Login
    login_title,  // {} = booth
    login_prompt,
    login_checking,
    pin_delete,
    pin_clear,
    login_server_unreachable,
    protocol_mismatch,  // {} = server's protocol, {} = ours
    session_ended,
    server_answered_http,  // {} = HTTP status
    server_answer_unreadable,
    station_not_enrolled,
    station_code_for_other,
    // Notices of the model
    unreachable_nothing_done,
    choose_outcome_first,
    called_ticket,  // {} = ticket label, {} = seat number from 1
    nobody_to_verify,
    why_seat_busy,  // {} = seat number from 1, {} = student
    why_nobody_waiting,
    why_outside_hours,
    why_seat_held,       // {} = student
    why_not_in_standby,  // {} = student, {} = booth
    why_booth_full,
    why_not_yet,        // {} = student, {} = minutes
    why_other,          // {} = the server's own words
    walk_in_busy,       // {} = ticket label, {} = booth
    walk_in_seat_busy,  // {} = seat number from 1
    finished_saved,     // {} = ticket label, {} = outcome words
    ticket_match,       // {} = ticket label, {} = given name
    ticket_mismatch_title,
    ticket_mismatch_body,  // {} = scanned label, {} = called label, {} = given name
    // Seat cards
    seat_number,  // {} = seat number from 1
    seat_free,
    seat_free_hint,
    status_called,
    status_in_progress,
    called_for,        // a caption before the m:ss since the call
    interviewing_for,  // a caption before the m:ss since the start
    slot_time,         // {} = start, {} = end
    rank_choice,       // {} = rank
    rank_unknown,
    label_trade,
    label_level,
    label_school,
    school_unknown,
    ticket_checked,
    scan_hint,
    // Actions
    call_next,
    recall,
    skip,
    start,
    finish,
    no_show,
    take_walk_in_to_seat,  // {} = seat number from 1
    // The next interviews
    next_title,
    next_empty,
    status_planned,
    status_promised,
    whereabouts_checked_in,
    whereabouts_busy,  // {} = booth
    whereabouts_not_arrived,
    whereabouts_away,  // {} = HH:MM: said from their phone they are late or stepped out
    // Standby
    standby_title,  // {} = how many
    standby_explained,
    standby_empty,
    arrived_at,             // {} = HH:MM
    waited_hours_minutes,   // {} = hours, {} = minutes, by the fair clock
    waited_minutes,         // {} = minutes
    seat_has_interview,     // why "Call to seat {}" is greyed: {} = seat
    action_on_its_way,      // why every action is greyed while one is sent
    unknown_student,        // a student the queue does not show: never their internal id
    why_not_paused,         // under a greyed Call next
    why_not_break,          // the same, and a standby row's pill, in a break: {} = its end
    why_not_no_outcome,     // under a greyed Save the outcome
    blocked_outside_hours,  // why a standby student cannot be invited now
    blocked_interview_limit,
    blocked_own_interview_near,
    blocked_away,
    blocked_other,
    walk_in_blocked,  // {} = ticket label, {} = one of the blocked_ words
    // Finish dialog
    finish_title,  // {} = ticket label, {} = given name
    outcome_prompt,
    outcome_offer,
    outcome_internship,
    outcome_next_round,
    outcome_not_suitable,
    note_label,
    note_size,      // {} = bytes used, {} = bytes allowed
    show_keyboard,  // opens the on-screen keyboard for the note (Telex for Vietnamese)
    hide_keyboard,
    save_outcome,
    back,
};

inline constexpr std::size_t kBoothTextCount = static_cast<std::size_t>(BoothText::back) + 1;

// Never null, never empty, NFC UTF-8.
const char* tr(BoothText text, Language language);
std::string tr_fill(BoothText text, Language language,
                    std::initializer_list<std::string_view> values);
// The words for an outcome (next_round -> "Vòng sau").
std::string outcome_words(InterviewOutcome outcome, Language language);
// The words for a standby entry's `blocked` code of the API; nullopt for "" (not blocked).
std::optional<BoothText> standby_block_text(StandbyBlock block);
// The row `index` of the table names this id, so a test can prove rows are in enum order.
BoothText booth_table_entry_id(std::size_t index);

}  // namespace jobfair::booth
