#include "common/fair_workbook/layout.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace jobfair::sheets {

namespace {

using C = Column;

constexpr std::array kFairColumns{
    ColumnSpec{C::setting_label, "Mục", "Setting", "", true, 42},
    ColumnSpec{C::setting_value, "Giá trị", "Value", "", true, 60},
};

constexpr std::array kBoothColumns{
    ColumnSpec{C::booth_id, "Gian", "Booth",
               "Mã gian, duy nhất (B01, B02...). / Booth id, unique (B01, B02...).", true, 15},
    ColumnSpec{C::booth_enterprise, "Doanh nghiệp", "Enterprise",
               "Tên doanh nghiệp tuyển dụng. / The recruiting enterprise.", true, 42},
    ColumnSpec{C::booth_location, "Vị trí trong hội trường", "Location in the hall",
               "Ví dụ: Dãy A, số 7. / For example: Row A, no. 7.", false, 22},
    ColumnSpec{C::booth_interviewers, "Người phỏng vấn", "Interviewers",
               "Số người phỏng vấn cùng lúc (mặc định 1). / Interviews at the same time "
               "(default 1).",
               false, 12},
    ColumnSpec{C::booth_open, "Mở", "Opens",
               "Giờ bắt đầu phỏng vấn, bỏ trống = giờ khai mạc. / First interview time; blank = "
               "the fair's start.",
               false, 11},
    ColumnSpec{C::booth_close, "Đóng", "Closes",
               "Giờ kết thúc, bỏ trống = giờ bế mạc. / Closing time; blank = the fair's end.",
               false, 11},
    ColumnSpec{C::booth_breaks, "Giờ nghỉ", "Breaks",
               "Ví dụ: 10:00-10:15; 11:30-11:45. / For example: 10:00-10:15; 11:30-11:45.", false,
               20},
    ColumnSpec{C::booth_trades, "Nghề tuyển", "Trades",
               "Các nghề, cách nhau bởi dấu ;  Bỏ trống = mọi nghề. / Trades separated by ;  "
               "Blank = any trade.",
               false, 36},
    ColumnSpec{C::booth_min_level, "Trình độ tối thiểu", "Minimum level",
               "Chọn trong danh sách; bỏ trống = không yêu cầu. / Pick from the list; blank = "
               "none.",
               false, 18},
    ColumnSpec{C::booth_max_interviews, "Tối đa phỏng vấn", "Interview cap",
               "Số buổi phỏng vấn tối đa trong ngày; bỏ trống = không giới hạn. / Most "
               "interviews in the day; blank = no cap.",
               false, 14},
    ColumnSpec{C::booth_accepts_cvs, "Nhận hồ sơ", "Takes CVs",
               "Có: nhận hồ sơ của học sinh không kịp phỏng vấn. / Yes: takes CVs from students "
               "it cannot interview.",
               false, 11},
};

constexpr std::array kPositionColumns{
    ColumnSpec{C::position_booth, "Gian", "Booth", "Mã gian ở trang Gian tuyển dụng. / Booth id.",
               true, 15},
    ColumnSpec{C::position_title, "Vị trí tuyển dụng", "Position",
               "Tên công việc. / The job's title.", true, 40},
    ColumnSpec{C::position_trade, "Nghề", "Trade", "Nghề của vị trí. / The job's trade.", false,
               30},
    ColumnSpec{C::position_openings, "Số lượng", "Openings", "Số người cần tuyển. / People wanted.",
               false, 10},
};

constexpr std::array kTradeColumns{
    ColumnSpec{C::trade_id, "Mã nghề", "Trade id",
               "Mã không dấu, không khoảng trắng (welding). / Code without spaces (welding).", true,
               28},
    ColumnSpec{C::trade_name_vi, "Tên tiếng Việt", "Vietnamese name", "", true, 40},
    ColumnSpec{C::trade_name_en, "Tên tiếng Anh", "English name", "", false, 36},
};

constexpr std::array kSchoolColumns{
    ColumnSpec{C::school_name, "Trường", "School",
               "Tên trường như trên danh sách học sinh. / "
               "The school as the students sheet names it.",
               true, 48},
    ColumnSpec{C::school_arrive, "Giờ đến", "Arrives",
               "Giờ xe của trường đến. / When the school's group arrives.", false, 10},
    ColumnSpec{C::school_leave, "Giờ về", "Leaves",
               "Giờ xe của trường về. / When the school's group leaves.", false, 10},
};

constexpr std::array kStudentColumns{
    ColumnSpec{C::student_id, "Mã học sinh", "Student id",
               "Duy nhất trong ngày hội (S0001). / Unique in the fair (S0001).", true, 13},
    ColumnSpec{C::student_name, "Họ và tên", "Full name", "", true, 28},
    ColumnSpec{C::student_school, "Trường", "School", "", false, 40},
    ColumnSpec{C::student_class, "Lớp", "Class", "", false, 18},
    ColumnSpec{C::student_trade, "Nghề", "Trade", "Chọn trong danh sách. / Pick from the list.",
               false, 26},
    ColumnSpec{C::student_level, "Trình độ", "Level", "Chọn trong danh sách. / Pick from the list.",
               false, 16},
    ColumnSpec{C::student_phone, "Điện thoại", "Phone", "Không bắt buộc. / Optional.", false, 14},
    ColumnSpec{C::student_preferences, "Nguyện vọng", "Preferences",
               "Mã gian theo thứ tự ưu tiên: B03, B11, B07. / Booth ids, most wanted first.", false,
               20},
    ColumnSpec{C::student_max_interviews, "Tối đa phỏng vấn", "Interview cap",
               "Bỏ trống = mức chung của ngày hội. / Blank = the fair's cap.", false, 14},
    ColumnSpec{C::student_arrive, "Giờ đến", "Arrives",
               "Chỉ điền khi khác giờ của trường. / Only when not with the school.", false, 10},
    ColumnSpec{C::student_leave, "Giờ về", "Leaves",
               "Chỉ điền khi khác giờ của trường. / Only when not with the school.", false, 10},
    ColumnSpec{C::student_consent, "Đồng ý liên hệ", "Consent to contact",
               "Có: doanh nghiệp được gọi điện sau ngày hội. / Yes: enterprises may phone after "
               "the fair.",
               false, 14},
};

constexpr std::array kPromisedColumns{
    ColumnSpec{C::promised_student, "Mã học sinh", "Student id", "", true, 16},
    ColumnSpec{C::promised_booth, "Gian", "Booth", "", true, 10},
    ColumnSpec{C::promised_seat, "Người phỏng vấn số", "Interviewer no.",
               "1 = người phỏng vấn thứ nhất của gian. / 1 = the booth's first interviewer.", true,
               16},
    ColumnSpec{C::promised_start, "Giờ", "Time", "Giờ bắt đầu, đúng khung giờ. / Start, on a slot.",
               true, 9},
};

constexpr std::array kSheets{
    SheetSpec{SheetKind::fair, "Ngày hội (Fair)", "Ngày hội việc làm / Job fair", kFairColumns,
              true},
    SheetSpec{SheetKind::booths, "Gian (Booths)", "Gian tuyển dụng / Booths", kBoothColumns, true},
    SheetSpec{SheetKind::positions, "Vị trí (Positions)", "Vị trí tuyển dụng / Positions",
              kPositionColumns, false},
    SheetSpec{SheetKind::trades, "Nghề (Trades)", "Danh mục nghề / Trades", kTradeColumns, false},
    SheetSpec{SheetKind::schools, "Trường (Schools)", "Trường và giờ xe / Schools and bus times",
              kSchoolColumns, false},
    SheetSpec{SheetKind::students, "Học sinh (Students)", "Danh sách học sinh / Students",
              kStudentColumns, true},
    SheetSpec{SheetKind::promised, "Lịch hẹn (Promised)",
              "Phỏng vấn đã hẹn trước / Interviews already promised", kPromisedColumns, false},
};

constexpr std::array kSettings{
    SettingSpec{Setting::name, "Tên ngày hội", "Fair name", "", true},
    SettingSpec{Setting::date, "Ngày tổ chức", "Date",
                "Ngày/tháng/năm, ví dụ 14/03/2025. / Day/month/year.", false},
    SettingSpec{Setting::venue, "Địa điểm", "Venue", "", false},
    SettingSpec{Setting::organizer, "Đơn vị tổ chức", "Organizer", "", false},
    SettingSpec{Setting::day_start, "Giờ bắt đầu", "Day starts", "Ví dụ 8:00. / For example 8:00.",
                true},
    SettingSpec{Setting::day_end, "Giờ kết thúc", "Day ends", "Ví dụ 12:30. / For example 12:30.",
                true},
    SettingSpec{Setting::slot_minutes, "Thời lượng mỗi lượt (phút)", "Slot length (minutes)",
                "Ví dụ 15. / For example 15.", true},
    SettingSpec{Setting::student_gap_slots, "Số lượt nghỉ giữa hai phỏng vấn",
                "Free slots between two interviews", "Mặc định 0. / Default 0.", false},
    SettingSpec{Setting::max_interviews_per_student, "Số phỏng vấn tối đa mỗi học sinh",
                "Interviews per student at most", "Mặc định 3. / Default 3.", false},
};

}  // namespace

std::span<const SheetSpec> workbook_sheets() {
    return kSheets;
}

const SheetSpec& sheet_spec(SheetKind kind) {
    for (const SheetSpec& sheet : kSheets)
        if (sheet.kind == kind) return sheet;
    throw std::logic_error("unknown sheet kind");
}

const ColumnSpec& column_spec(Column column) {
    for (const SheetSpec& sheet : kSheets)
        for (const ColumnSpec& spec : sheet.columns)
            if (spec.column == column) return spec;
    throw std::logic_error("unknown column");
}

std::string header_text(const ColumnSpec& column) {
    return std::string(column.title_vi) + " / " + std::string(column.title_en);
}

std::span<const SettingSpec> fair_settings_rows() {
    return kSettings;
}

std::string setting_label(const SettingSpec& spec) {
    return std::string(spec.label_vi) + " / " + std::string(spec.label_en);
}

}  // namespace jobfair::sheets
