#include "kiosk/checkin/model/strings.hpp"

#include <array>
#include <stdexcept>

#include "common/string_table.hpp"

namespace jobfair::checkin {

namespace {

constexpr std::array<TextEntry<Text>, kTextCount> kTable{{
    // Welcome
    {Text::welcome_title, "Chào mừng bạn đến Ngày hội việc làm", "Welcome to the job fair"},
    {Text::welcome_scan_prompt, "Đưa mã QR trên vé của bạn vào máy quét",
     "Hold the QR code on your ticket under the scanner"},
    {Text::register_now, "Đăng ký ngay", "Register now"},
    {Text::switch_language, "English", "Tiếng Việt"},
    {Text::help_desk_hint, "Cần giúp đỡ? Bàn hỗ trợ ở cạnh lối vào.",
     "Need help? The help desk is next to the entrance."},
    {Text::welcome_or, "hoặc", "or"},
    {Text::map_hint, "Sơ đồ các gian hàng ở bảng lớn cạnh lối vào.",
     "The map of the booths is on the big board by the entrance."},
    // Check-in by ticket and the result
    {Text::checking_in, "Đang kiểm tra vé…", "Checking your ticket…"},
    {Text::greeting, "Xin chào {}!", "Hello {}!"},
    {Text::phone_on_file, "Số điện thoại: {}", "Phone: {}"},
    {Text::ticket_label, "Số vé: {}", "Ticket: {}"},
    {Text::provisional_ticket_label, "Vé tạm thời: {}", "Provisional ticket: {}"},
    {Text::provisional_explained,
     "Máy chưa kết nối được máy chủ. Đăng ký của bạn đã được lưu trên máy này và sẽ tự gửi đi khi "
     "có kết nối. Hãy đến bàn hỗ trợ để nhận lịch phỏng vấn.",
     "The kiosk cannot reach the server. Your registration is saved on this kiosk and will be sent "
     "as soon as the connection returns. Please go to the help desk for your interview times."},
    {Text::already_checked_in, "Bạn đã điểm danh rồi. Lịch của bạn ở dưới đây.",
     "You are already checked in. Your schedule is below."},
    {Text::your_interviews, "Lịch phỏng vấn của bạn", "Your interviews"},
    {Text::no_interviews_yet,
     "Bạn chưa có lịch phỏng vấn. Hệ thống sẽ xếp lịch và gọi số vé của bạn trên bảng.",
     "No interviews yet. The fair will schedule you and call your ticket on the board."},
    {Text::interview_time, "{} – {}", "{} – {}"},
    {Text::be_at_booth_by, "Có mặt tại gian {} trước {}", "Be at booth {} by {}"},
    {Text::booth_number, "Gian {}", "Booth {}"},
    {Text::seat_number, "Bàn {}", "Seat {}"},
    {Text::standby_title, "Bạn đang chờ gọi (dự bị) tại:", "You are on standby at:"},
    {Text::standby_at, "Chờ gọi tại {} — khoảng {}", "Standby at {} — about {}"},
    {Text::standby_unlikely, "Chờ gọi tại {} — khó có chỗ hôm nay",
     "Standby at {} — a seat is unlikely today"},
    {Text::no_interview_title,
     "Hôm nay chưa thể xếp phỏng vấn cho bạn:", "No interview is possible for you today:"},
    {Text::free_seats_title,
     "Các gian hàng còn chỗ, bạn có thể thêm:", "Booths with free seats you can add:"},
    {Text::free_seat_line, "{} · {} — còn chỗ từ {}", "{} · {} — free from {}"},
    {Text::add_booth, "Thêm", "Add"},
    {Text::adding_booth, "Đang thêm…", "Adding…"},
    {Text::takes_cvs_title, "Gian hàng nhận hồ sơ (CV):", "Booths taking CVs:"},
    {Text::photograph_qr, "Hãy chụp ảnh mã QR này để dùng ở các gian hàng.",
     "Take a photo of this QR code to use at the booths."},
    {Text::phone_status_qr,
     "Quét bằng điện thoại để xem lịch của bạn và báo đến muộn (Wi-Fi hội chợ, không cần "
     "Internet).",
     "Scan with your phone to follow your interviews and say you're late (fair Wi-Fi, no "
     "internet)."},
    {Text::slip_printing, "Đang in phiếu của bạn…", "Printing your slip…"},
    {Text::done, "Xong", "Done"},
    // Registration form
    {Text::register_title, "Đăng ký tham gia phỏng vấn", "Register for interviews"},
    {Text::field_full_name, "Họ và tên", "Full name"},
    {Text::field_phone, "Số điện thoại di động", "Mobile phone number"},
    {Text::field_school, "Trường", "School"},
    {Text::field_trade, "Nghề", "Trade"},
    {Text::field_level, "Trình độ", "Level"},
    {Text::choose_trade, "Chạm để chọn nghề", "Tap to choose your trade"},
    {Text::trade_picker_title, "Bạn học nghề gì?", "Which trade do you study?"},
    {Text::other_trade, "Ngành khác", "Other trade"},
    {Text::field_trade_text, "Tên nghề", "Your trade"},
    {Text::other_trade_named, "Ngành khác: {}", "Other trade: {}"},
    {Text::consent_title, "Hãy đánh dấu từng mục bạn đồng ý:", "Tick each item you agree to:"},
    {Text::consent_interview,
     "Chia sẻ họ tên, trường, nghề và trình độ của tôi với các doanh nghiệp tôi chọn để phỏng vấn.",
     "Share my name, school, trade and level with the enterprises I choose, for interviews."},
    {Text::consent_follow_up, "Doanh nghiệp có thể gọi điện cho tôi sau ngày hội.",
     "Enterprises may phone me after the fair."},
    {Text::consent_school_report, "Trường của tôi được nhận kết quả phỏng vấn.",
     "My school may receive my interview results."},
    {Text::consent_job_news, "Trung tâm dịch vụ việc làm của tỉnh có thể gửi tin việc làm qua SMS.",
     "The province's job service may send me job news by SMS."},
    {Text::consent_required, "(bắt buộc)", "(required)"},
    {Text::consent_optional, "(không bắt buộc)", "(optional)"},
    {Text::problem_full_name_missing, "Hãy nhập họ và tên của bạn.", "Please type your full name."},
    {Text::problem_school_missing, "Hãy nhập tên trường của bạn.",
     "Please type the name of your school."},
    {Text::problem_trade_missing, "Hãy chọn nghề bạn học.", "Please choose your trade."},
    {Text::problem_trade_text_missing, "Hãy nhập tên nghề bạn học.",
     "Please type the name of your trade."},
    {Text::problem_trade_text_too_short, "Tên nghề quá ngắn: hãy nhập ít nhất 2 ký tự.",
     "The trade name is too short: type at least 2 characters."},
    {Text::problem_trade_text_too_long, "Tên nghề quá dài: tối đa 60 ký tự.",
     "The trade name is too long: at most 60 characters."},
    {Text::problem_trade_text_control,
     "Tên nghề có ký tự điều khiển hoặc ký tự không đọc được: hãy xoá chúng.",
     "The trade name has control or unreadable characters: please delete them."},
    {Text::problem_level_missing, "Hãy chọn trình độ của bạn.", "Please choose your level."},
    {Text::problem_interview_consent,
     "Để được phỏng vấn, bạn cần đồng ý chia sẻ thông tin với doanh nghiệp (mục đầu tiên).",
     "To take part in interviews, please tick the first item: sharing your details with the "
     "enterprises."},
    {Text::phone_empty, "Hãy nhập số điện thoại di động, ví dụ 0912 345 678.",
     "Please type your mobile number, for example 0912 345 678."},
    {Text::phone_bad_characters, "Số điện thoại chỉ gồm chữ số. Hãy xoá các ký tự khác.",
     "A phone number has digits only. Please delete the other characters."},
    {Text::phone_wrong_length, "Số di động có 10 chữ số, ví dụ 0912 345 678. Hãy kiểm tra lại.",
     "A mobile number has 10 digits, for example 0912 345 678. Please check it."},
    {Text::phone_not_mobile,
     "Đây không phải số di động Việt Nam. Số di động bắt đầu bằng 03, 05, 07, 08 hoặc 09.",
     "This is not a Vietnamese mobile number. Mobile numbers start with 03, 05, 07, 08 or 09."},
    // Choosing enterprises
    {Text::choose_title, "Chọn tối đa 5 doanh nghiệp, thứ tự bạn muốn nhất trước",
     "Choose up to 5 enterprises, the one you want most first"},
    {Text::field_search, "Tìm doanh nghiệp", "Search enterprises"},
    {Text::chosen_count, "Đã chọn {}/{}", "{} of {} chosen"},
    {Text::choose_limit_reached,
     "Bạn đã chọn đủ 5 doanh nghiệp. Bỏ chọn một doanh nghiệp để chọn doanh nghiệp khác.",
     "You have chosen 5 enterprises. Remove one to choose another."},
    {Text::choose_at_least_one, "Hãy chọn ít nhất một doanh nghiệp.",
     "Please choose at least one enterprise."},
    {Text::no_matching_enterprises, "Không tìm thấy doanh nghiệp phù hợp. Hãy thử từ khoá khác.",
     "No matching enterprise. Please try other words."},
    {Text::other_trade_booths, "Với ngành khác, bạn chọn được các gian hàng nhận mọi nghề.",
     "With another trade, you can choose the booths that take any trade."},
    {Text::no_booth_for_trade, "Hôm nay không có gian hàng nào phỏng vấn nghề của bạn.",
     "No booth interviews for your trade today."},
    {Text::no_booth_way_forward,
     "Bạn vẫn có thể nộp hồ sơ (CV) tại các gian hàng dưới đây, hoặc hỏi bàn hỗ trợ.",
     "You can still leave your CV at the booths below, or ask at the help desk."},
    {Text::no_booth_no_cvs,
     "Hôm nay không gian hàng nào nhận hồ sơ (CV). Mời bạn đến bàn hỗ trợ để được tư vấn.",
     "No booth takes CVs today. Please go to the help desk for advice."},
    {Text::next_no_booth, "Chưa thể tiếp tục: không có gian hàng nào để bạn chọn.",
     "You cannot continue: there is no booth for you to choose."},
    {Text::any_trade, "Mọi nghề", "Any trade"},
    {Text::open_jobs, "{} vị trí đang tuyển", "{} open jobs"},
    {Text::minimum_level, "Từ {} trở lên", "{} or higher"},
    {Text::free_from, "Còn chỗ từ {}", "Free from {}"},
    {Text::full_for_today, "Hết chỗ hôm nay", "Full for today"},
    {Text::chosen_all_full,
     "Các doanh nghiệp bạn chọn đã hết chỗ hôm nay. Những gian hàng này còn chỗ:",
     "The enterprises you chose are full for today. These booths still have seats:"},
    // Confirm and submit
    {Text::confirm_title, "Kiểm tra lại thông tin của bạn", "Check your details"},
    {Text::confirm_submit, "Xác nhận", "Confirm"},
    {Text::confirm_choices, "Doanh nghiệp bạn chọn:", "Enterprises you chose:"},
    {Text::confirm_consents, "Bạn đồng ý:", "You agreed to:"},
    {Text::submitting, "Đang gửi đăng ký…", "Sending your registration…"},
    // Errors, each with the way forward
    {Text::server_refused, "Máy chủ báo: {}", "The server says: {}"},
    {Text::ticket_unreadable, "Không đọc được vé này. Mời bạn đến bàn hỗ trợ.",
     "We could not read this ticket. Please go to the help desk."},
    {Text::way_forward_check_in, "Hãy quét lại vé. Nếu vẫn lỗi, hãy đến bàn hỗ trợ.",
     "Please scan your ticket again. If it still fails, go to the help desk."},
    {Text::way_forward_register,
     "Hãy kiểm tra lại thông tin rồi bấm Xác nhận. Nếu vẫn lỗi, hãy đến bàn hỗ trợ.",
     "Please check your details and press Confirm again. If it still fails, go to the help desk."},
    {Text::check_in_offline,
     "Máy chưa kết nối được máy chủ nên chưa kiểm tra được vé. Hãy thử lại sau ít phút hoặc đến "
     "bàn hỗ trợ.",
     "The kiosk cannot reach the server, so it cannot check your ticket. Please try again in a few "
     "minutes or go to the help desk."},
    {Text::outbox_failed,
     "Máy không lưu được đăng ký của bạn. Hãy đến bàn hỗ trợ để đăng ký với nhân viên.",
     "The kiosk could not save your registration. Please go to the help desk to register with "
     "the staff."},
    {Text::unexpected_answer,
     "Máy chủ trả lời không như mong đợi. Hãy thử lại hoặc đến bàn hỗ trợ.",
     "The server gave an unexpected answer. Please try again or go to the help desk."},
    {Text::version_mismatch,
     "Phiên bản máy điểm danh ({}) không khớp với máy chủ ({}). Hãy báo nhân viên kỹ thuật.",
     "This kiosk's version ({}) does not match the server's ({}). Please tell the technical "
     "staff."},
    // Always on screen
    {Text::status_online, "Đã kết nối", "Online"},
    {Text::status_offline, "Mất kết nối – vẫn đăng ký được", "Offline – you can still register"},
    {Text::status_syncing, "Đang gửi {} đăng ký đã lưu", "Syncing {} saved registrations"},
    {Text::countdown, "Quay về màn hình đầu sau {} giây", "Returning to start in {} s"},
    {Text::next, "Tiếp tục", "Next"},
    {Text::back, "Quay lại", "Back"},
    {Text::cancel, "Huỷ", "Cancel"},
    // On-screen keyboard
    {Text::key_space, "Dấu cách", "Space"},
    {Text::key_backspace, "Xoá", "Delete"},
    {Text::telex_on, "Gõ tiếng Việt (Telex): bật", "Vietnamese typing (Telex): on"},
    {Text::telex_off, "Gõ tiếng Việt (Telex): tắt", "Vietnamese typing (Telex): off"},
}};

}  // namespace

const char* tr(Text text, Language language) {
    return text_in(kTable, text, language);
}

std::string tr_fill(Text text, Language language, std::initializer_list<std::string_view> values) {
    return fill_blanks(tr(text, language), values);
}

Text consent_text(std::string_view purpose) {
    if (purpose == "interview") return Text::consent_interview;
    if (purpose == "follow_up") return Text::consent_follow_up;
    if (purpose == "school_report") return Text::consent_school_report;
    if (purpose == "job_news") return Text::consent_job_news;
    throw std::out_of_range("no kiosk text for consent purpose '" + std::string(purpose) + "'");
}

Text table_entry_id(std::size_t index) {
    return kTable.at(index).text;
}

}  // namespace jobfair::checkin
