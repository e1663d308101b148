#include "kiosk/board/model/board_strings.hpp"

#include <array>
#include <stdexcept>

#include "common/string_table.hpp"

namespace jobfair::board {

namespace {

constexpr std::array<TextEntry<BoardText>, kBoardTextCount> kTable{{
    {BoardText::title, "Bảng gọi số phỏng vấn", "Interview calls"},
    {BoardText::now_calling, "Đang gọi", "Now calling"},
    {BoardText::please_go_to, "Mời đến gian {} · bàn {}", "Booth {} · desk {}"},
    {BoardText::recall_mark, "Gọi lại", "Called again"},
    {BoardText::nobody_called, "Chưa có số nào đang được gọi. Vui lòng chờ và theo dõi bảng.",
     "Nobody is being called right now. Please wait and watch this board."},
    {BoardText::recent_calls, "10 lượt gọi gần nhất", "The last 10 calls"},
    {BoardText::no_calls_yet, "Chưa có lượt gọi nào.", "No calls yet."},
    {BoardText::column_time, "Giờ", "Time"},
    {BoardText::column_ticket, "Số vé", "Ticket"},
    {BoardText::column_booth, "Gian", "Booth"},
    {BoardText::column_status, "Trạng thái", "Status"},
    {BoardText::status_called, "Đang gọi", "Called"},
    {BoardText::status_in_progress, "Đang phỏng vấn", "Interviewing"},
    {BoardText::status_done, "Đã phỏng vấn", "Done"},
    {BoardText::status_no_show, "Vắng mặt", "Did not come"},
    {BoardText::status_promised, "Chờ gọi lại", "Waiting to be called again"},
    {BoardText::status_cancelled, "Đã hủy", "Cancelled"},
    {BoardText::connection_online, "Trực tuyến", "Online"},
    {BoardText::connection_offline, "Mất kết nối", "Offline"},
    {BoardText::connection_connecting, "Đang kết nối…", "Connecting…"},
    {BoardText::offline_explained,
     "Mất kết nối với máy chủ: bảng có thể chưa cập nhật. Đang thử kết nối lại…",
     "The server cannot be reached: this board may be out of date. Reconnecting…"},
    {BoardText::privacy_note, "Bảng chỉ hiện và đọc số vé, không bao giờ đọc tên.",
     "This board shows and reads out ticket numbers only, never names."},
    {BoardText::page_of, "Trang {}/{}", "Page {} of {}"},
    {BoardText::called_just_now, "Vừa gọi", "Just called"},
    {BoardText::called_minutes_ago, "Đã gọi {} phút trước", "Called {} min ago"},
    {BoardText::fair_clock, "Giờ hội chợ", "Fair time"},
    {BoardText::fair_ended_title, "Hội chợ hôm nay đã kết thúc", "Today's fair has ended"},
    {BoardText::fair_ended_body,
     "Không còn lượt gọi phỏng vấn nào. Cảm ơn các bạn đã đến tham gia!",
     "There are no more interview calls. Thank you for coming!"},
    {BoardText::voice_on, "Đọc số: Bật", "Voice: On"},
    {BoardText::voice_off, "Đọc số: Tắt", "Voice: Off"},
    {BoardText::voice_missing, "Đọc số: máy chưa cài giọng đọc (espeak-ng)",
     "Voice: espeak-ng is not installed"},
    {BoardText::no_calls_offline, "Chưa nhận được lượt gọi nào từ máy chủ. Đang thử kết nối lại…",
     "No calls received from the server yet. Reconnecting…"},
}};

}  // namespace

const char* tr(BoardText text, Language language) {
    return text_in(kTable, text, language);
}

std::string tr_fill(BoardText text, Language language,
                    std::initializer_list<std::string_view> values) {
    return fill_blanks(tr(text, language), values);
}

std::string status_words(InterviewStatus status, Language language) {
    switch (status) {
        case InterviewStatus::called:
            return tr(BoardText::status_called, language);
        case InterviewStatus::in_progress:
            return tr(BoardText::status_in_progress, language);
        case InterviewStatus::done:
            return tr(BoardText::status_done, language);
        case InterviewStatus::no_show:
            return tr(BoardText::status_no_show, language);
        case InterviewStatus::promised:
            return tr(BoardText::status_promised, language);
        case InterviewStatus::cancelled:
            return tr(BoardText::status_cancelled, language);
        case InterviewStatus::planned:  // never on the board: a call was made
            break;
    }
    return std::string(status_code(status));
}

BoardText board_table_entry_id(std::size_t index) {
    return kTable.at(index).text;
}

}  // namespace jobfair::board
