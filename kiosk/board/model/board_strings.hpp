// Every string the now-calling board shows, in Vietnamese and English, in one table
// (board_strings.cpp). The view writes no text of its own. "{}" marks where a value goes.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "common/interview_status.hpp"
#include "common/language.hpp"

namespace jobfair::board {

using Language = ::jobfair::Language;

enum class BoardText {
    title,
    now_calling,
    please_go_to,  // {} = booth, {} = seat number from 1
    recall_mark,
    nobody_called,
    recent_calls,
    no_calls_yet,
    column_time,
    column_ticket,
    column_booth,
    column_status,
    status_called,
    status_in_progress,
    status_done,
    status_no_show,
    status_promised,
    status_cancelled,
    connection_online,
    connection_offline,
    connection_connecting,
    offline_explained,
    privacy_note,
    page_of,  // {} = page from 1, {} = pages
    called_just_now,
    called_minutes_ago,  // {} = fair-clock minutes
    fair_clock,          // under the fair clock's "HH:MM"
    fair_ended_title,
    fair_ended_body,
    voice_on,
    voice_off,
    voice_missing,
    no_calls_offline,
};

inline constexpr std::size_t kBoardTextCount =
    static_cast<std::size_t>(BoardText::no_calls_offline) + 1;

// Never null, never empty, NFC UTF-8.
const char* tr(BoardText text, Language language);
std::string tr_fill(BoardText text, Language language,
                    std::initializer_list<std::string_view> values);
// The words for an interview status (no_show -> "Vắng mặt"); the code for planned, which the
// board never shows.
std::string status_words(InterviewStatus status, Language language);
// The id stored in row `index` of the table, so a test can prove rows are in enum order.
BoardText board_table_entry_id(std::size_t index);

}  // namespace jobfair::board
