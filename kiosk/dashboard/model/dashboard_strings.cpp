#include "kiosk/dashboard/model/dashboard_strings.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "common/level.hpp"
#include "common/occupations.hpp"
#include "common/string_table.hpp"

namespace jobfair::dashboard {

namespace {

using T = DashText;

constexpr std::array<TextEntry<DashText>, kDashTextCount> kTable{{
    // Header, tabs, connection
    {T::app_title, "Bảng điều hành ngày hội", "Fair dashboard"},
    {T::tab_overview, "Tổng quan", "Overview"},
    {T::tab_timeline, "Lịch phỏng vấn", "Timeline"},
    {T::tab_figures, "Số liệu", "Figures"},
    {T::tab_students, "Tìm sinh viên", "Find a student"},
    {T::tab_exports, "Xuất báo cáo", "Exports"},
    {T::fair_clock, "Giờ hội chợ {}", "Fair clock {}"},
    {T::connection_online, "Trực tuyến", "Online"},
    {T::connection_offline, "Mất kết nối", "Offline"},
    {T::connection_connecting, "Đang kết nối…", "Connecting…"},
    {T::switch_language, "English", "Tiếng Việt"},
    {T::replan_button, "Xếp lại lịch…", "Re-plan the day…"},
    {T::offline_banner,
     "Mất kết nối với máy chủ. Số liệu dưới đây là lúc {} (cách đây {} giây). Đang thử kết nối "
     "lại…",
     "The server cannot be reached. The figures below are from {} ({} s ago). Reconnecting…"},
    {T::offline_never_loaded, "Mất kết nối với máy chủ. Đang thử kết nối lại…",
     "The server cannot be reached. Reconnecting…"},
    {T::protocol_mismatch,
     "Máy chủ dùng giao thức phiên bản {}, bảng điều hành này cần phiên bản {}: hãy cập nhật "
     "phần mềm.",
     "The server speaks protocol version {}, this dashboard needs version {}: please update it."},
    {T::loading, "Đang tải…", "Loading…"},
    {T::updated_ago, "Cập nhật {} giây trước", "Updated {} s ago"},
    {T::sending, "Đang gửi…", "Sending…"},
    {T::ellipsis, "…", "…"},
    {T::answer_unreadable, "Máy chủ trả lời nhưng không đọc được câu trả lời ({}).",
     "The server answered, but the answer could not be read ({})."},
    {T::write_failed, "Không ghi được tệp {}: {}", "Cannot write the file {}: {}"},
    // Login
    {T::login_title, "Đăng nhập ban tổ chức", "Organizer login"},
    {T::login_server, "Máy chủ: {}", "Server: {}"},
    {T::login_password, "Mật khẩu ban tổ chức", "Organizer password"},
    {T::login_button, "Đăng nhập", "Log in"},
    {T::login_hint,
     "Mật khẩu nằm trong tệp .organizer-password cạnh tệp dữ liệu của máy chủ (hoặc do "
     "người cài đặt máy chủ đặt).",
     "The password is in the .organizer-password file beside the server's database (or was "
     "set by whoever set up the server)."},
    {T::login_empty, "Hãy nhập mật khẩu.", "Please type the password."},
    {T::login_in_progress, "Đang đăng nhập…", "Logging in…"},
    {T::login_unreachable, "Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.",
     "The server cannot be reached. Check the network and try again."},
    {T::session_expired, "Phiên đăng nhập đã hết hạn hoặc bị thu hồi: hãy đăng nhập lại.",
     "The session expired or was revoked: please log in again."},
    // Booth conditions and tiles
    {T::phase_open, "Đang mở", "Open"},
    {T::phase_paused, "Tạm dừng", "Paused"},
    {T::phase_late, "Trễ {} phút", "Late {} min"},
    {T::phase_not_open_yet, "Mở lúc {}", "Opens {}"},
    {T::phase_closed, "Đã đóng", "Closed"},
    {T::phase_idle, "Đang trống", "Idle"},
    {T::tile_nobody, "Không có ai ở bàn", "Nobody at the desk"},
    {T::tile_waiting, "Chờ {}", "Waiting {}"},
    {T::tile_standby, "Dự bị {}", "Standby {}"},
    {T::tile_done, "Xong {}", "Done {}"},
    {T::tile_no_shows, "Vắng {}", "No-shows {}"},
    {T::tile_next, "Tiếp {}", "Next {}"},
    {T::tile_remaining, "Còn {}", "Left {}"},
    {T::tile_seats, "{} bàn", "{} seats"},
    {T::tile_more, "+{} nữa", "+{} more"},
    {T::health_ok, "Bình thường", "On track"},
    {T::health_warning, "Cần chú ý", "Needs attention"},
    {T::health_danger, "Nghiêm trọng", "Serious"},
    {T::health_quiet, "Không hoạt động", "Not running"},
    {T::overview_hint,
     "Chờ: sinh viên có hẹn ở gian đã đến. Dự bị: sinh viên đã đến, chọn gian này nhưng chưa có "
     "hẹn ở đây; gian gọi họ khi có bàn trống (một người có thể dự bị ở nhiều gian). Bấm vào một "
     "gian để xem hàng chờ và thao tác.",
     "Waiting: students with a promise here who have arrived. Standby: arrived students who chose "
     "this booth but hold nothing here; the booth calls them when a seat is free (one student can "
     "be on standby at several booths). Click a booth to see its queue and act on it."},
    // Alerts
    {T::alerts_title, "Cảnh báo ({})", "Alerts ({})"},
    {T::no_alerts, "Không có cảnh báo nào.", "No alerts."},
    {T::alert_booth_late, "Gian {} trễ {} phút", "Booth {} is {} min late"},
    {T::alert_booth_idle, "Gian {} đang trống trong khi {} sinh viên chờ",
     "Booth {} is idle while {} students wait"},
    {T::alert_student_waiting, "{} · {} đã chờ {} phút mà chưa được phỏng vấn",
     "{} · {} has waited {} min without an interview"},
    {T::alert_student_next, "{} · {} đã chờ {} phút, lượt kế tiếp lúc {}",
     "{} · {} has waited {} min, next interview at {}"},
    {T::alert_device_offline, "{} “{}” mất kết nối {} giây", "{} “{}” not seen for {} s"},
    {T::alert_device_never_seen, "{} “{}” chưa kết nối từ khi máy chủ khởi động",
     "{} “{}” not seen since the server started"},
    {T::alert_security, "An ninh: {} — {} lần từ {} địa chỉ trong 10 phút qua",
     "Security: {} — {} times from {} addresses in the last 10 min"},
    {T::alert_students_not_listed,
     "Thêm {} sinh viên đã chờ hơn 30 phút mà chưa có buổi phỏng vấn (chỉ nêu tên {} người chờ lâu "
     "nhất; tìm họ ở thẻ Tìm sinh viên)",
     "{} more students have waited over 30 min without an interview (only the {} longest are "
     "named; find them under Find a student)"},
    {T::alert_affects_waiting, "{} sinh viên đang chờ", "{} students waiting"},
    {T::alert_affects_arrivals, "khoảng {} sinh viên sắp đến không điểm danh được ở đây",
     "about {} arriving students cannot check in here"},
    {T::alert_affects_board, "khoảng {} sinh viên đang chờ không thấy lượt gọi",
     "about {} waiting students cannot see their calls"},
    {T::pulse_without_interview, "Chưa có buổi phỏng vấn", "No interview yet"},
    {T::pulse_without_interview_of, "trên {} sinh viên đã điểm danh",
     "of the {} students checked in"},
    {T::pulse_wait, "9/10 sinh viên đã chờ dưới", "9 in 10 waited under"},
    {T::pulse_waiting_long, "{} người đang chờ quá {} phút", "{} waiting over {} min now"},
    {T::pulse_seats_idle, "Bàn phỏng vấn đang trống", "Interview seats idle now"},
    {T::pulse_seats_idle_of, "{} / {} bàn", "{} of {} seats"},
    {T::pulse_seats_idle_waiting, "{} bàn trống trong khi có sinh viên chờ",
     "{} idle while students wait"},
    {T::pulse_no_shows, "Buổi vắng mặt", "No-shows"},
    {T::pulse_no_shows_of, "trên {} buổi đã đến giờ", "of {} interviews due so far"},
    {T::pulse_reasons, "Vì sao chưa có buổi phỏng vấn: {}", "Why they have no interview: {}"},
    {T::pulse_refilled, "Ghế vắng có người thay", "No-show seats refilled"},
    {T::pulse_refilled_of, "{} / {} ({})", "{} of {} ({})"},
    {T::pulse_refilled_note, "lượt trống đã có người khác vào", "freed slots someone else used"},
    {T::reason_booths_full, "các gian họ chọn đã kín, chưa tới lượt {}",
     "their booths are full, no seat yet {}"},
    {T::reason_no_booth, "không gian nào họ chọn nhận ngành hoặc trình độ của họ {}",
     "no booth they chose takes their trade or level {}"},
    {T::reason_left, "đã về {}", "gone home {}"},
    {T::reason_no_show, "được gọi nhưng không đến {}", "called but did not come {}"},
    {T::reason_other, "lý do khác {}", "other reasons {}"},
    {T::security_guessing_pin, "có người nhập sai mã PIN gian hàng", "wrong booth PINs entered"},
    {T::security_guessing_password, "có người nhập sai mật khẩu ban tổ chức",
     "wrong organizer passwords entered"},
    {T::security_locked_out, "đăng nhập bị khoá tạm vì đoán sai",
     "logins locked for a while after wrong guesses"},
    {T::security_guessing_code, "mã đăng ký thiết bị sai", "wrong device enrolment codes"},
    {T::security_pin_elsewhere, "mã PIN gửi từ máy không phải máy gian hàng",
     "booth PINs sent from machines that are not booth stations"},
    {T::security_password_elsewhere, "mật khẩu ban tổ chức gửi từ máy lạ",
     "organizer passwords sent from machines that are not consoles"},
    {T::security_bad_token, "mã truy cập không hợp lệ hoặc đã hết hạn",
     "invalid or expired access tokens"},
    {T::security_ticket_refused, "vé giả hoặc hỏng bị từ chối",
     "forged or damaged tickets refused"},
    {T::security_bad_request, "yêu cầu quá lớn hoặc sai định dạng",
     "oversized or malformed requests"},
    {T::security_slow, "kết nối gửi dữ liệu quá chậm", "connections sending too slowly"},
    {T::security_too_many, "quá nhiều kết nối hoặc luồng sự kiện",
     "too many connections or event streams"},
    {T::role_kiosk, "Máy điểm danh", "Check-in kiosk"},
    {T::role_board, "Bảng gọi số", "Calling board"},
    {T::role_booth_station, "Máy của gian hàng", "Booth station"},
    {T::role_organizer_console, "Máy của ban tổ chức", "Organizer console"},
    // Booth detail
    {T::detail_title, "Gian {} · {}", "Booth {} · {}"},
    {T::detail_hours, "Giờ mở {}–{} · số bàn phỏng vấn: {}", "Open {}–{} · interview seats: {}"},
    {T::action_pause, "Tạm dừng", "Pause"},
    {T::action_resume, "Mở lại", "Resume"},
    {T::action_extend, "Kéo dài đến {}", "Extend to {}"},
    {T::action_add_seat, "Thêm bàn", "Add a seat"},
    {T::action_close, "Đóng", "Close"},
    {T::extend_at_day_end, "Gian đã mở đến cuối ngày.", "The booth is open to the end of the day."},
    {T::queue_title, "Hàng chờ ({})", "Queue ({})"},
    {T::queue_empty, "Hàng chờ trống.", "The queue is empty."},
    {T::standby_title, "Hàng chờ dự bị ({})", "Standby ({})"},
    {T::standby_empty, "Không có ai trong hàng chờ dự bị.", "Nobody is on standby."},
    {T::column_time, "Giờ", "Time"},
    {T::column_seat, "Bàn", "Seat"},
    {T::column_ticket, "Số vé", "Ticket"},
    {T::column_name, "Họ tên", "Name"},
    {T::column_status, "Trạng thái", "Status"},
    {T::column_where, "Ở đâu", "Where"},
    {T::column_arrived, "Đến lúc", "Arrived"},
    {T::column_choice, "Nguyện vọng", "Choice"},
    {T::column_trade, "Nghề", "Trade"},
    {T::column_level, "Trình độ", "Level"},
    {T::column_school, "Trường", "School"},
    {T::column_phone, "Điện thoại", "Phone"},
    {T::column_checked_in, "Điểm danh", "Checked in"},
    {T::column_interviews, "Lịch phỏng vấn", "Interviews"},
    {T::column_booth, "Gian", "Booth"},
    {T::where_not_arrived, "Chưa đến", "Not arrived"},
    {T::where_checked_in, "Đã đến", "Checked in"},
    {T::where_busy, "Đang ở gian {}", "Busy at booth {}"},
    {T::where_away, "Ra ngoài (báo từ điện thoại)", "Away (told from their phone)"},
    {T::seat_number, "Bàn {}", "Seat {}"},
    // Interview statuses and outcomes
    {T::status_planned, "Dự kiến", "Planned"},
    {T::status_promised, "Đã hẹn", "Promised"},
    {T::status_called, "Đang gọi", "Called"},
    {T::status_in_progress, "Đang phỏng vấn", "Interviewing"},
    {T::status_done, "Đã phỏng vấn", "Done"},
    {T::status_no_show, "Vắng mặt", "No-show"},
    {T::status_cancelled, "Đã hủy", "Cancelled"},
    {T::outcome_offer, "Nhận việc", "Job offer"},
    {T::outcome_internship, "Thực tập", "Internship"},
    {T::outcome_next_round, "Vòng sau", "Next round"},
    {T::outcome_not_suitable, "Chưa phù hợp", "Not suitable"},
    // Timeline
    {T::timeline_summary, "{} gian · {} buổi phỏng vấn · lượt {} phút",
     "{} booths · {} interviews · {}-minute slots"},
    {T::timeline_now, "Bây giờ {}", "Now {}"},
    {T::timeline_show_cancelled, "Hiện các buổi đã hủy", "Show cancelled interviews"},
    {T::timeline_hint, "Bấm vào một buổi phỏng vấn để dời hoặc hủy.",
     "Click an interview to move or cancel it."},
    {T::timeline_row, "{} · bàn {}", "{} · seat {}"},
    {T::selected_title, "Buổi phỏng vấn của vé {}", "Interview of ticket {}"},
    {T::selected_place, "Gian {} · bàn {} · {}–{}", "Booth {} · seat {} · {}–{}"},
    {T::selected_status, "Trạng thái: {}", "Status: {}"},
    {T::selected_outcome, "Kết quả: {}", "Outcome: {}"},
    {T::selected_reason, "Lý do hủy: {}", "Cancelled because: {}"},
    {T::selected_over, "Buổi này đã kết thúc: không thể dời hay hủy.",
     "This interview is over: it can be neither moved nor cancelled."},
    {T::button_move, "Dời lịch…", "Move…"},
    {T::button_cancel_interview, "Hủy buổi này…", "Cancel it…"},
    {T::move_title, "Dời buổi phỏng vấn của vé {}", "Move the interview of ticket {}"},
    {T::move_booth, "Gian", "Booth"},
    {T::move_seat, "Bàn", "Seat"},
    {T::move_start, "Giờ bắt đầu", "Start"},
    {T::move_start_taken, "{} · bàn đã có lịch", "{} · seat taken"},
    {T::move_confirm, "Dời đến đây", "Move it here"},
    {T::move_no_slots, "Gian này không còn lượt nào từ bây giờ.",
     "This booth has no slot left from now on."},
    {T::cancel_title, "Hủy buổi phỏng vấn của vé {}", "Cancel the interview of ticket {}"},
    {T::cancel_reason, "Lý do (không bắt buộc)", "Reason (optional)"},
    {T::cancel_confirm, "Xác nhận hủy", "Cancel the interview"},
    {T::form_back, "Quay lại", "Back"},
    // Figures and charts
    {T::figures_title, "Số liệu trong ngày", "The day in figures"},
    {T::fig_checked_in, "Đã điểm danh", "Checked in"},
    {T::fig_checked_in_of, "trên {} sinh viên", "of {} students"},
    {T::fig_done, "Đã phỏng vấn", "Interviews done"},
    {T::fig_promised, "Đã hẹn", "Promised"},
    {T::fig_under_way, "Đang diễn ra", "Under way"},
    {T::fig_remaining, "Còn lại (dự kiến + đã hẹn)", "Remaining (planned + promised)"},
    {T::fig_no_show_rate, "Tỷ lệ vắng mặt", "No-show rate"},
    {T::fig_wait_mean, "Chờ trung bình", "Mean wait"},
    {T::fig_wait_p90, "9/10 sinh viên chờ dưới", "9 in 10 waited less than"},
    {T::fig_wait_note, "Từ lúc điểm danh đến buổi phỏng vấn đầu tiên · {} sinh viên",
     "From check-in to the first interview · {} students"},
    {T::fig_without_interview, "Sinh viên chưa có buổi phỏng vấn", "Students without an interview"},
    {T::minutes_value, "{} phút", "{} min"},
    {T::no_value, "—", "—"},
    {T::chart_check_ins, "Lượt điểm danh mỗi 15 phút", "Check-ins per 15 minutes"},
    {T::chart_per_booth, "Buổi phỏng vấn theo gian", "Interviews per booth"},
    {T::chart_outcomes, "Kết quả phỏng vấn", "Interview outcomes"},
    {T::axis_quarter, "Giờ (đầu mỗi 15 phút)", "Time (start of each quarter hour)"},
    {T::axis_check_ins, "Lượt điểm danh", "Check-ins"},
    {T::axis_booth, "Gian", "Booth"},
    {T::axis_interviews, "Buổi phỏng vấn", "Interviews"},
    {T::axis_outcome, "Kết quả", "Outcome"},
    {T::layer_check_ins, "Điểm danh", "Check-ins"},
    {T::layer_done, "Đã phỏng vấn", "Done"},
    {T::layer_no_show, "Vắng mặt", "No-show"},
    {T::layer_under_way, "Đang diễn ra", "Under way"},
    {T::layer_remaining, "Còn lại", "Remaining"},
    {T::layer_outcome, "Số buổi", "Interviews"},
    // Students
    {T::search_label, "Tên (có dấu hoặc không dấu), số vé, mã sinh viên hoặc số điện thoại",
     "Name (with or without diacritics), ticket, student id or phone"},
    {T::search_button, "Tìm", "Search"},
    {T::search_too_short, "Hãy gõ ít nhất 2 ký tự.", "Type at least 2 characters."},
    {T::search_searching, "Đang tìm…", "Searching…"},
    {T::search_none, "Không tìm thấy sinh viên nào cho “{}”.", "No student found for “{}”."},
    {T::search_count, "{} kết quả cho “{}”", "{} results for “{}”"},
    {T::search_truncated, "{} kết quả đầu cho “{}”; còn nữa, hãy gõ cụ thể hơn.",
     "The first {} results for “{}”; there are more, type more to narrow it down."},
    {T::student_left, "Đã về", "Left"},
    {T::student_not_checked_in, "Chưa điểm danh", "Not checked in"},
    {T::student_no_interviews, "Chưa có lịch", "None yet"},
    {T::student_interview, "Gian {} lúc {} · {}", "Booth {} at {} · {}"},
    {T::button_mark_left, "Đánh dấu đã về…", "Mark as left…"},
    {T::confirm_left_title, "Sinh viên đã rời hội chợ?", "Has the student left the fair?"},
    {T::confirm_left_text,
     "{} ({}) đã về. Mọi buổi phỏng vấn chưa diễn ra của sinh viên này sẽ bị hủy và lịch được xếp "
     "lại.",
     "{} ({}) has gone home. Every interview of theirs that is not over will be cancelled and "
     "the day re-planned."},
    {T::confirm_yes, "Xác nhận", "Confirm"},
    {T::confirm_no, "Không", "No"},
    // Re-plan
    {T::replan_title, "Xếp lại lịch cho phần còn lại của ngày", "Re-plan the rest of the day"},
    {T::replan_loading, "Đang tính thử…", "Working it out…"},
    {T::replan_changes, "{} buổi phỏng vấn sẽ thay đổi", "{} interviews would change"},
    {T::replan_details, "Dời sang giờ hoặc bàn khác: {} · thêm mới: {} · bỏ: {}",
     "Moved to another time or seat: {} · added: {} · dropped: {}"},
    {T::replan_kept, "Giữ nguyên {} buổi; sau khi xếp lại có {} buổi dự kiến.",
     "{} stay as they are; {} planned afterwards."},
    {T::replan_note,
     "Chỉ các buổi dự kiến thay đổi; các buổi đã hẹn với sinh viên không bao giờ bị dời.",
     "Only planned interviews change; promises made to students are never moved."},
    {T::replan_why_added,
     "{} buổi mới cho những sinh viên chưa có buổi phỏng vấn (hiện có {} người).",
     "{} new interviews for students without one ({} of them now)."},
    {T::replan_why_better,
     "Những buổi còn lại được xếp lại để bù cho các gian trễ, tạm dừng hoặc sinh viên đã về.",
     "The rest of the day is rearranged around late or paused booths and students who left."},
    {T::replan_why_unknown, "Không có thay đổi nào.", "Nothing would change."},
    {T::replan_why_all_placed,
     "Không có thay đổi: mọi sinh viên đã điểm danh đều có buổi phỏng vấn và lịch hiện tại vẫn "
     "tốt nhất.",
     "0 changes: every student checked in has an interview and today's plan is still the best."},
    {T::replan_why_no_seat,
     "Không có thay đổi: {} sinh viên chưa có buổi phỏng vấn không còn bàn trống nào ở gian tuyển "
     "đúng ngành của họ trước khi gian đóng cửa hoặc trước giờ họ về.",
     "0 changes: the {} students without an interview have no free seat at a booth for their "
     "trade before the booths close or they leave."},
    {T::replan_apply, "Xếp lại ngay", "Re-plan now"},
    {T::replan_applying, "Đang xếp lại…", "Re-planning…"},
    // Exports
    {T::exports_title, "Xuất báo cáo", "Exports"},
    {T::exports_folder, "Lưu vào thư mục {}", "Saved into the folder {}"},
    {T::exports_note,
     "Các tệp CSV là UTF-8 có BOM: mở bằng Excel vẫn giữ đúng dấu tiếng Việt. Báo cáo tóm tắt là "
     "một trang HTML để in cho Sở Lao động.",
     "The CSV files are UTF-8 with a BOM: Excel keeps the Vietnamese right. The summary is one "
     "printable HTML page for the Department of Labour."},
    {T::export_interviews, "Danh sách buổi phỏng vấn (CSV)", "Interviews (CSV)"},
    {T::export_outcomes_by_enterprise, "Kết quả theo doanh nghiệp (CSV)",
     "Outcomes per enterprise (CSV)"},
    {T::export_outcomes_by_trade, "Kết quả theo nghề (CSV)", "Outcomes per trade (CSV)"},
    {T::export_attendance_by_school, "Tham dự theo trường (CSV)", "Attendance per school (CSV)"},
    {T::export_summary, "Báo cáo tóm tắt một trang (HTML)", "One-page summary report (HTML)"},
    {T::export_button, "Tải về", "Download"},
    {T::export_all, "Tải tất cả", "Download all"},
    {T::export_idle, "Chưa tải", "Not downloaded yet"},
    {T::export_fetching, "Đang tải…", "Downloading…"},
    {T::export_saved, "Đã lưu {} ({})", "Saved {} ({})"},
    {T::export_failed, "Không lưu được: {}", "Not saved: {}"},
    // Notices
    {T::notice_done, "Xong.", "Done."},
    {T::notice_paused, "Đã tạm dừng gian {}.", "Booth {} is paused."},
    {T::notice_resumed, "Đã mở lại gian {}.", "Booth {} is open again."},
    {T::notice_extended, "Gian {} nay đóng lúc {}.", "Booth {} now closes at {}."},
    {T::notice_seat_added, "Gian {} có thêm bàn {}.", "Booth {} has a new seat {}."},
    {T::notice_moved, "Đã dời buổi phỏng vấn của vé {}.", "The interview of ticket {} was moved."},
    {T::notice_cancelled, "Đã hủy buổi phỏng vấn của vé {}.",
     "The interview of ticket {} was cancelled."},
    {T::notice_left, "{} đã về: hủy {} buổi phỏng vấn.", "{} left: {} interviews cancelled."},
    {T::notice_left_named, "{} ({}) đã về: hủy {} buổi phỏng vấn.",
     "{} ({}) left: {} interviews cancelled."},
    {T::notice_replanned, "Đã xếp lại lịch: dời {}, thêm {}, bỏ {}.",
     "Re-planned: {} moved, {} added, {} dropped."},
    {T::notice_refused, "Máy chủ từ chối:", "The server refused:"},
    {T::notice_unreachable, "Không kết nối được máy chủ: chưa thực hiện.",
     "The server cannot be reached: nothing was done."},
    {T::notice_export_saved, "Đã lưu {} vào {}", "Saved {} to {}"},
    {T::notice_export_failed, "Không lưu được {}:", "Could not save {}:"},
}};

// Groups of three digits joined by `separator`.
std::string grouped(unsigned long long value, char separator) {
    std::string digits = std::to_string(value);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), 1, separator);
    return digits;
}

}  // namespace

const char* tr(DashText text, Language language) {
    return text_in(kTable, text, language);
}

std::string tr_fill(DashText text, Language language,
                    std::initializer_list<std::string_view> values) {
    return fill_blanks(tr(text, language), values);
}

DashText dash_table_entry_id(std::size_t index) {
    return kTable.at(index).text;
}

std::string status_words(InterviewStatus status, Language language) {
    switch (status) {
        case InterviewStatus::planned:
            return tr(T::status_planned, language);
        case InterviewStatus::promised:
            return tr(T::status_promised, language);
        case InterviewStatus::called:
            return tr(T::status_called, language);
        case InterviewStatus::in_progress:
            return tr(T::status_in_progress, language);
        case InterviewStatus::done:
            return tr(T::status_done, language);
        case InterviewStatus::no_show:
            return tr(T::status_no_show, language);
        case InterviewStatus::cancelled:
            return tr(T::status_cancelled, language);
    }
    return std::string(status_code(status));
}

std::string outcome_words(InterviewOutcome outcome, Language language) {
    switch (outcome) {
        case InterviewOutcome::offer:
            return tr(T::outcome_offer, language);
        case InterviewOutcome::internship:
            return tr(T::outcome_internship, language);
        case InterviewOutcome::next_round:
            return tr(T::outcome_next_round, language);
        case InterviewOutcome::not_suitable:
            return tr(T::outcome_not_suitable, language);
    }
    return std::string(outcome_code(outcome));
}

std::string whereabouts_words(Whereabouts whereabouts, std::string_view busy_at,
                              Language language) {
    switch (whereabouts) {
        case Whereabouts::not_arrived:
            return tr(T::where_not_arrived, language);
        case Whereabouts::checked_in:
            return tr(T::where_checked_in, language);
        case Whereabouts::busy:
            return tr_fill(T::where_busy, language, {busy_at});
        case Whereabouts::away:
            return tr(T::where_away, language);
    }
    return std::string(whereabouts_code(whereabouts));
}

std::string role_words(Role role, Language language) {
    switch (role) {
        case Role::kiosk:
            return tr(T::role_kiosk, language);
        case Role::board:
            return tr(T::role_board, language);
        case Role::booth_station:
            return tr(T::role_booth_station, language);
        case Role::organizer_console:
            return tr(T::role_organizer_console, language);
        case Role::organizer:
        case Role::booth_staff:
            break;
    }
    return std::string(role_code(role));
}

std::string trade_words(std::string_view occupation, Language language) {
    return occupation_display_name(occupation, language == Language::vi);
}

std::string level_words(std::string_view level, Language language) {
    const auto parsed = parse_level(level);
    if (!parsed) return std::string(level);
    return std::string(language == Language::vi ? level_name_vi(*parsed) : level_name_en(*parsed));
}

std::string layer_words(Layer layer, Language language) {
    switch (layer) {
        case Layer::check_ins:
            return tr(T::layer_check_ins, language);
        case Layer::done:
            return tr(T::layer_done, language);
        case Layer::no_show:
            return tr(T::layer_no_show, language);
        case Layer::under_way:
            return tr(T::layer_under_way, language);
        case Layer::remaining:
            return tr(T::layer_remaining, language);
        case Layer::outcome:
            break;
    }
    return tr(T::layer_outcome, language);
}

std::string condition_words(const BoothCondition& condition, const std::string& open,
                            Language language) {
    switch (condition.phase) {
        case BoothPhase::paused:
            return tr(T::phase_paused, language);
        case BoothPhase::not_open_yet:
            return tr_fill(T::phase_not_open_yet, language, {open});
        case BoothPhase::closed:
            return tr(T::phase_closed, language);
        case BoothPhase::open:
            break;
    }
    if (condition.late_minutes > 0)
        return tr_fill(T::phase_late, language, {std::to_string(condition.late_minutes)});
    if (condition.idle_while_waiting) return tr(T::phase_idle, language);
    return tr(T::phase_open, language);
}

std::string health_words(Health health, Language language) {
    switch (health) {
        case Health::ok:
            return tr(T::health_ok, language);
        case Health::warning:
            return tr(T::health_warning, language);
        case Health::danger:
            return tr(T::health_danger, language);
        case Health::quiet:
            break;
    }
    return tr(T::health_quiet, language);
}

DashText export_title(ExportKind kind) {
    switch (kind) {
        case ExportKind::interviews:
            return T::export_interviews;
        case ExportKind::outcomes_by_enterprise:
            return T::export_outcomes_by_enterprise;
        case ExportKind::outcomes_by_trade:
            return T::export_outcomes_by_trade;
        case ExportKind::attendance_by_school:
            return T::export_attendance_by_school;
        case ExportKind::summary:
            break;
    }
    return T::export_summary;
}

std::string format_count(long long value, Language language) {
    const std::string digits = grouped(static_cast<unsigned long long>(value < 0 ? -value : value),
                                       language == Language::vi ? '.' : ',');
    return value < 0 ? "-" + digits : digits;
}

std::string format_decimal(double value, int decimals, Language language) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string result = text;
    const std::size_t point = result.find('.');
    const bool negative = !result.empty() && result.front() == '-';
    std::string whole =
        result.substr(negative ? 1 : 0,
                      point == std::string::npos ? std::string::npos : point - (negative ? 1 : 0));
    const std::string fraction = point == std::string::npos ? "" : result.substr(point + 1);
    std::string out = (negative ? "-" : "") + grouped(std::stoull(whole.empty() ? "0" : whole),
                                                      language == Language::vi ? '.' : ',');
    if (!fraction.empty()) out += (language == Language::vi ? ',' : '.') + fraction;
    return out;
}

std::string format_percent(double rate, Language language) {
    const std::string number = format_decimal(rate * 100.0, 1, language);
    return language == Language::vi ? number + " %" : number + "%";
}

std::string format_bytes(std::size_t bytes, Language language) {
    if (bytes < 1024) return format_count(static_cast<long long>(bytes), language) + " B";
    if (bytes < 1024 * 1024)
        return format_decimal(static_cast<double>(bytes) / 1024.0, 1, language) + " KB";
    return format_decimal(static_cast<double>(bytes) / (1024.0 * 1024.0), 1, language) + " MB";
}

std::string format_minutes(std::optional<double> minutes, Language language) {
    if (!minutes) return tr(T::no_value, language);
    return tr_fill(T::minutes_value, language, {format_decimal(*minutes, 1, language)});
}

namespace {
std::string security_words(const std::string& kind, Language language) {
    if (kind == "wrong_pin" || kind == "malformed_pin")
        return tr(T::security_guessing_pin, language);
    if (kind == "wrong_password") return tr(T::security_guessing_password, language);
    if (kind == "locked_out") return tr(T::security_locked_out, language);
    if (kind.rfind("unknown_enrolment", 0) == 0 || kind.rfind("enrolment_code", 0) == 0)
        return tr(T::security_guessing_code, language);
    if (kind == "pin_not_at_station") return tr(T::security_pin_elsewhere, language);
    if (kind == "password_not_at_console") return tr(T::security_password_elsewhere, language);
    if (kind == "bad_token") return tr(T::security_bad_token, language);
    if (kind == "ticket_refused") return tr(T::security_ticket_refused, language);
    if (kind == "headers_too_slow" || kind == "body_too_slow" || kind == "stream_not_read")
        return tr(T::security_slow, language);
    if (kind.rfind("too_many", 0) == 0) return tr(T::security_too_many, language);
    return tr(T::security_bad_request, language);
}
}  // namespace

std::string alert_text(const Alert& alert, Language language) {
    switch (alert.kind) {
        case AlertKind::security:
            return tr_fill(T::alert_security, language,
                           {security_words(alert.security_kind, language),
                            std::to_string(alert.count), std::to_string(alert.addresses)});
        case AlertKind::booth_late: {
            std::string text = tr_fill(T::alert_booth_late, language,
                                       {alert.booth, std::to_string(alert.minutes)});
            if (alert.affected > 0)
                text += " · " + tr_fill(T::alert_affects_waiting, language,
                                        {std::to_string(alert.affected)});
            return text;
        }
        case AlertKind::booth_idle:
            return tr_fill(T::alert_booth_idle, language,
                           {alert.booth, std::to_string(alert.count)});
        case AlertKind::student_waiting:
            if (!alert.next.empty())
                return tr_fill(T::alert_student_next, language,
                               {alert.ticket_label, alert.full_name, std::to_string(alert.minutes),
                                alert.next});
            return tr_fill(T::alert_student_waiting, language,
                           {alert.ticket_label, alert.full_name, std::to_string(alert.minutes)});
        case AlertKind::device_offline: {
            std::string text = tr_fill(T::alert_device_offline, language,
                                       {role_words(alert.device_role, language), alert.device_name,
                                        std::to_string(alert.seconds)});
            if (alert.affected > 0)
                text += " · " + tr_fill(alert.device_role == Role::kiosk ? T::alert_affects_arrivals
                                                                         : T::alert_affects_board,
                                        language, {std::to_string(alert.affected)});
            return text;
        }
        case AlertKind::students_not_listed:
            return tr_fill(T::alert_students_not_listed, language,
                           {std::to_string(alert.count), std::to_string(alert.listed)});
        case AlertKind::device_never_seen:
            break;
    }
    return tr_fill(T::alert_device_never_seen, language,
                   {role_words(alert.device_role, language), alert.device_name});
}

}  // namespace jobfair::dashboard
