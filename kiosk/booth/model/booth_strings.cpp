#include "kiosk/booth/model/booth_strings.hpp"

#include <array>

#include "common/string_table.hpp"

namespace jobfair::booth {

namespace {

constexpr std::array<TextEntry<BoothText>, kBoothTextCount> kTable{{
    // Header and connection
    {BoothText::title, "Gian {}", "Booth {}"},
    {BoothText::fair_clock, "Giờ hội chợ", "Fair time"},
    {BoothText::connection_online, "Trực tuyến", "Online"},
    {BoothText::connection_offline, "Mất kết nối", "Offline"},
    {BoothText::offline_explained,
     "Mất kết nối với máy chủ: danh sách có thể đã cũ và thao tác sẽ không được thực hiện. "
     "Đang thử kết nối lại…",
     "The server cannot be reached: the lists may be out of date and actions will not go "
     "through. Reconnecting…"},
    {BoothText::other_language, "English", "Tiếng Việt"},
    {BoothText::log_out, "Đăng xuất", "Log out"},
    {BoothText::booth_paused, "Gian đang tạm dừng: chưa thể gọi sinh viên.",
     "The booth is paused: nobody can be called."},
    {BoothText::booth_on_break, "Gian đang nghỉ giữa giờ đến {}: chưa thể gọi sinh viên.",
     "The booth is on a break until {}: nobody can be called."},
    {BoothText::loading_queue, "Đang tải danh sách phỏng vấn…", "Loading the interviews…"},
    {BoothText::sending, "Đang gửi…", "Sending…"},
    {BoothText::dismiss, "Đã hiểu", "Understood"},
    // Login
    {BoothText::login_title, "Đăng nhập gian {}", "Log in to booth {}"},
    {BoothText::login_prompt, "Nhập mã PIN 6 số của gian (do ban tổ chức cấp)",
     "Enter the booth's 6-digit PIN (given by the organizers)"},
    {BoothText::login_checking, "Đang kiểm tra mã PIN…", "Checking the PIN…"},
    {BoothText::pin_delete, "Xóa", "Delete"},
    {BoothText::pin_clear, "Xóa hết", "Clear"},
    {BoothText::login_server_unreachable,
     "Không kết nối được máy chủ. Kiểm tra mạng; trạm đang thử lại…",
     "The server cannot be reached. Check the network; retrying…"},
    {BoothText::protocol_mismatch,
     "Máy chủ dùng giao thức phiên bản {}, trạm này dùng phiên bản {}: cần cập nhật phần mềm. "
     "Hãy báo ban tổ chức.",
     "The server speaks protocol version {}, this station version {}: the software needs "
     "updating. Tell the organizers."},
    {BoothText::session_ended,
     "Phiên làm việc đã kết thúc (hết hạn hoặc đã có mã PIN mới). Hãy nhập lại mã PIN.",
     "The session has ended (expired, or a new PIN was issued). Enter the PIN again."},
    {BoothText::server_answered_http, "Máy chủ từ chối (HTTP {}).",
     "The server refused (HTTP {})."},
    {BoothText::server_answer_unreadable, "Không đọc được câu trả lời của máy chủ.",
     "The server's answer could not be read."},
    {BoothText::station_not_enrolled,
     "Máy này chưa được đăng ký cho gian hàng. Hãy xin ban tổ chức mã đăng ký thiết bị và "
     "nhờ kỹ thuật viên khởi động lại máy với mã đó.",
     "This station is not enrolled for the booth. Ask an organizer for a device code and "
     "restart with --device-code."},
    {BoothText::station_code_for_other,
     "Mã đăng ký này dành cho gian hàng khác hoặc loại máy khác. Hãy xin ban tổ chức mã đúng.",
     "This device code is for another booth or another kind of device. Ask an organizer for "
     "the right one."},
    // Notices of the model
    {BoothText::unreachable_nothing_done, "Mất kết nối với máy chủ. Thao tác chưa được thực hiện.",
     "The server cannot be reached. Nothing was done."},
    {BoothText::choose_outcome_first, "Hãy chọn kết quả trước khi kết thúc.",
     "Choose an outcome before finishing."},
    {BoothText::called_ticket, "Đã gọi {} vào bàn {}", "Called {} to seat {}"},
    {BoothText::nobody_to_verify, "Chưa có sinh viên nào được gọi để đối chiếu vé.",
     "Nobody is called: there is no ticket to check against."},
    {BoothText::why_seat_busy, "Không gọi được: bàn {} vẫn đang bận với {}.",
     "Nobody called: seat {} is still busy with {}."},
    {BoothText::why_nobody_waiting,
     "Không gọi được: chưa có sinh viên nào đã đến đang chờ gian này.",
     "Nobody called: nobody checked in is waiting for this booth."},
    {BoothText::why_outside_hours, "Không gọi được: ngoài giờ phỏng vấn của hội chợ.",
     "Nobody called: the fair's interview hours are over or have not begun."},
    {BoothText::why_seat_held,
     "Không gọi được: bàn đang được giữ cho {}, sinh viên này đang phỏng vấn ở gian khác.",
     "Nobody called: the seat is held for {}, who is busy at another booth."},
    {BoothText::why_not_in_standby, "Chưa mời được {} từ hàng chờ dự bị của gian {} lúc này.",
     "{} cannot be called from booth {}'s standby queue now."},
    {BoothText::why_booth_full,
     "Không gọi được: gian hàng đã đủ số buổi phỏng vấn đăng ký cho cả ngày.",
     "Nobody called: the booth has done all the interviews it offered for the day."},
    {BoothText::why_not_yet,
     "Chưa gọi: {} có hẹn ở lượt kế tiếp và được mời sớm nhất {} phút trước giờ hẹn.",
     "Not yet: {} has the next slot and is called at most {} minutes before it."},
    {BoothText::why_other, "Không gọi được: {}", "Nobody called: {}"},
    {BoothText::walk_in_busy, "{} đang phỏng vấn ở gian {}: chưa mời được.",
     "{} is busy at booth {}: they cannot be called now."},
    {BoothText::walk_in_seat_busy, "Bàn {} đang bận: hãy kết thúc lượt hiện tại trước.",
     "Seat {} is busy: finish the current interview first."},
    {BoothText::finished_saved, "Đã lưu kết quả của {}: {}", "Saved the outcome for {}: {}"},
    {BoothText::ticket_match, "Đúng sinh viên được gọi: {} · {}", "The called student: {} · {}"},
    {BoothText::ticket_mismatch_title, "VÉ KHÔNG KHỚP", "WRONG TICKET"},
    {BoothText::ticket_mismatch_body,
     "Vé vừa quét ({}) không phải của sinh viên được gọi ({} · {}). Hãy hỏi lại tên và kiểm tra "
     "giấy tờ trước khi phỏng vấn.",
     "The ticket just scanned ({}) is not the called student's ({} · {}). Ask the name again "
     "and check an ID before the interview."},
    // Seat cards
    {BoothText::seat_number, "Bàn {}", "Seat {}"},
    {BoothText::seat_free, "Bàn trống", "Seat free"},
    {BoothText::seat_free_hint, "Bấm “Gọi người tiếp theo” để mời sinh viên vào bàn này.",
     "Press “Call next” to call a student to this seat."},
    {BoothText::status_called, "Đã gọi, chờ sinh viên đến", "Called, waiting for the student"},
    {BoothText::status_in_progress, "Đang phỏng vấn", "Interviewing"},
    {BoothText::called_for, "Từ lúc gọi", "Since the call"},
    {BoothText::interviewing_for, "Từ lúc bắt đầu", "Since the start"},
    {BoothText::slot_time, "Lượt {}–{}", "Slot {}–{}"},
    {BoothText::rank_choice, "Nguyện vọng {}", "Choice {}"},
    {BoothText::rank_unknown, "Không rõ nguyện vọng", "Choice not known"},
    {BoothText::label_trade, "Nghề", "Trade"},
    {BoothText::label_level, "Trình độ", "Level"},
    {BoothText::label_school, "Trường", "School"},
    {BoothText::school_unknown, "Chưa khai", "Not given"},
    {BoothText::ticket_checked, "Đã đối chiếu vé", "Ticket checked"},
    {BoothText::scan_hint, "Quét vé của sinh viên để đối chiếu",
     "Scan the student's ticket to check"},
    // Actions
    {BoothText::call_next, "Gọi người tiếp theo", "Call next"},
    {BoothText::recall, "Gọi lại", "Call again"},
    {BoothText::skip, "Chưa đến, để sau", "Not here, later"},
    {BoothText::start, "Bắt đầu phỏng vấn", "Start the interview"},
    {BoothText::finish, "Kết thúc…", "Finish…"},
    {BoothText::no_show, "Vắng mặt", "No-show"},
    {BoothText::take_walk_in_to_seat, "Mời vào bàn {}", "Call to seat {}"},
    // The next interviews
    {BoothText::next_title, "Lượt tiếp theo", "Next interviews"},
    {BoothText::next_empty, "Chưa có lượt nào tiếp theo.", "No more interviews planned."},
    {BoothText::status_planned, "Dự kiến", "Planned"},
    {BoothText::status_promised, "Đã hẹn", "Promised"},
    {BoothText::whereabouts_checked_in, "Đã đến", "Checked in"},
    {BoothText::whereabouts_busy, "Đang ở gian {}", "Busy at booth {}"},
    {BoothText::whereabouts_not_arrived, "Chưa đến", "Not arrived"},
    {BoothText::whereabouts_away, "Ra ngoài, quay lại lúc {}", "Away until {}"},
    // Standby
    {BoothText::standby_title, "Hàng chờ dự bị ({})", "Standby ({})"},
    {BoothText::standby_explained, "Đã đến hội chợ, chọn gian này, chưa có lượt ở đây.",
     "Checked in, chose this booth, no interview here yet."},
    {BoothText::standby_empty, "Không có ai trong hàng chờ dự bị.", "Nobody is on standby."},
    {BoothText::arrived_at, "Đến lúc {}", "Arrived {}"},
    {BoothText::waited_hours_minutes, "đã chờ {} giờ {} phút", "waited {} h {} min"},
    {BoothText::waited_minutes, "đã chờ {} phút", "waited {} min"},
    {BoothText::seat_has_interview, "Bàn {} đang có lượt", "Seat {} is in use"},
    {BoothText::action_on_its_way, "Đang gửi…", "Sending…"},
    {BoothText::unknown_student, "một sinh viên", "a student"},
    {BoothText::why_not_paused, "Gian đang tạm dừng", "The booth is paused"},
    {BoothText::why_not_break, "Nghỉ đến {}", "On a break until {}"},
    {BoothText::why_not_no_outcome, "Hãy chọn kết quả trước", "Choose an outcome first"},
    {BoothText::blocked_outside_hours, "Ngoài giờ phỏng vấn", "Outside interview hours"},
    {BoothText::blocked_interview_limit, "Đã đủ số lượt", "Has all their interviews"},
    {BoothText::blocked_own_interview_near, "Sắp có lượt khác", "Another interview soon"},
    {BoothText::blocked_away, "Đang ra ngoài", "Stepped away"},
    {BoothText::blocked_other, "Chưa mời được lúc này", "Cannot be invited now"},
    {BoothText::walk_in_blocked, "Chưa mời được {}: {}.", "{} cannot be invited now: {}."},
    // Finish dialog
    {BoothText::finish_title, "Kết thúc phỏng vấn: {} · {}", "Finish the interview: {} · {}"},
    {BoothText::outcome_prompt, "Kết quả", "Outcome"},
    {BoothText::outcome_offer, "Nhận việc", "Job offer"},
    {BoothText::outcome_internship, "Thực tập", "Internship"},
    {BoothText::outcome_next_round, "Vòng sau", "Next round"},
    {BoothText::outcome_not_suitable, "Chưa phù hợp", "Not suitable"},
    {BoothText::note_label, "Ghi chú (không bắt buộc)", "Note (optional)"},
    {BoothText::note_size, "{} / {} byte", "{} / {} bytes"},
    {BoothText::show_keyboard, "Bàn phím", "Keyboard"},
    {BoothText::hide_keyboard, "Ẩn bàn phím", "Hide keyboard"},
    {BoothText::save_outcome, "Lưu kết quả", "Save the outcome"},
    {BoothText::back, "Quay lại", "Back"},
}};

}  // namespace

const char* tr(BoothText text, Language language) {
    return text_in(kTable, text, language);
}

std::string tr_fill(BoothText text, Language language,
                    std::initializer_list<std::string_view> values) {
    return fill_blanks(tr(text, language), values);
}

std::string outcome_words(InterviewOutcome outcome, Language language) {
    switch (outcome) {
        case InterviewOutcome::offer:
            return tr(BoothText::outcome_offer, language);
        case InterviewOutcome::internship:
            return tr(BoothText::outcome_internship, language);
        case InterviewOutcome::next_round:
            return tr(BoothText::outcome_next_round, language);
        case InterviewOutcome::not_suitable:
            return tr(BoothText::outcome_not_suitable, language);
    }
    return std::string(outcome_code(outcome));
}

std::optional<BoothText> standby_block_text(StandbyBlock block) {
    switch (block) {
        case StandbyBlock::none:
            return std::nullopt;
        case StandbyBlock::outside_hours:
            return BoothText::blocked_outside_hours;
        case StandbyBlock::interview_limit:
            return BoothText::blocked_interview_limit;
        case StandbyBlock::own_interview_near:
            return BoothText::blocked_own_interview_near;
        case StandbyBlock::away:
            return BoothText::blocked_away;
        case StandbyBlock::left:
        case StandbyBlock::busy_elsewhere:  // shows busy_at
        case StandbyBlock::met_booth:
            break;
    }
    return BoothText::blocked_other;
}

BoothText booth_table_entry_id(std::size_t index) {
    return kTable.at(index).text;
}

}  // namespace jobfair::booth
