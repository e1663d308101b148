#include "common/fair_workbook/write.hpp"

#include <xlsxwriter.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/fair_date.hpp"
#include "common/fair_workbook/cell_values.hpp"
#include "common/fair_workbook/layout.hpp"
#include "common/level.hpp"
#include "common/occupations.hpp"

namespace jobfair::sheets {

namespace {

constexpr lxw_row_t kTitleRow = 0;
constexpr lxw_row_t kHeaderRow = 1;
constexpr lxw_row_t kFirstDataRow = 2;
constexpr lxw_row_t kValidatedRows = 5000;

struct Formats {
    lxw_format* title;
    lxw_format* header;
    lxw_format* time;
    lxw_format* date;
    lxw_format* text;
    lxw_format* example;
    lxw_format* example_time;
    lxw_format* label;
    lxw_format* value;  // numbers in the fair sheet, aligned with its texts and times
};

class Writer {
  public:
    Writer(const FairBook& book, WriteMode mode, const std::filesystem::path& path)
        : book_(book), mode_(mode), path_(path), trades_(book.fair.extra_trades) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_FALSE;
        options.tmpdir = nullptr;
        workbook_ = workbook_new_opt(path.string().c_str(), &options);
        if (workbook_ == nullptr) {
            throw WorkbookWriteError("Không tạo được tệp " + path.string() + " / Cannot create " +
                                     path.string());
        }
        make_formats();
        // A fixed creation time: the same fair gives the same file on every run.
        lxw_doc_properties properties{};
        properties.title = const_cast<char*>("jobfair");
        properties.created = 1735689600;  // 2025-01-01T00:00:00Z
        workbook_set_properties(workbook_, &properties);
    }
    ~Writer() {
        if (workbook_ != nullptr) workbook_close(workbook_);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void write() {
        fair_sheet();
        booths_sheet();
        positions_sheet();
        trades_sheet();
        schools_sheet();
        students_sheet();
        promised_sheet();
        const lxw_error closed = workbook_close(workbook_);
        workbook_ = nullptr;
        if (closed != LXW_NO_ERROR) {
            throw WorkbookWriteError("Không ghi được tệp " + path_.string() + " / Cannot write " +
                                     path_.string() + ": " + lxw_strerror(closed));
        }
    }

  private:
    bool is_template() const { return mode_ == WriteMode::template_to_fill; }

    void make_formats() {
        auto make = [&] { return workbook_add_format(workbook_); };
        formats_.title = make();
        format_set_bold(formats_.title);
        format_set_font_size(formats_.title, 14);
        formats_.header = make();
        format_set_bold(formats_.header);
        format_set_text_wrap(formats_.header);
        format_set_align(formats_.header, LXW_ALIGN_VERTICAL_TOP);
        format_set_bg_color(formats_.header, 0xDDEBF7);
        format_set_border(formats_.header, LXW_BORDER_THIN);
        formats_.time = make();
        format_set_num_format(formats_.time, "hh:mm");
        format_set_align(formats_.time, LXW_ALIGN_LEFT);
        formats_.date = make();
        format_set_num_format(formats_.date, "dd/mm/yyyy");
        format_set_align(formats_.date, LXW_ALIGN_LEFT);
        formats_.text = make();
        format_set_num_format(formats_.text, "@");  // ids and phones stay text: no lost 0
        formats_.example = make();
        format_set_italic(formats_.example);
        format_set_font_color(formats_.example, 0x595959);
        format_set_num_format(formats_.example, "@");
        formats_.example_time = make();
        format_set_italic(formats_.example_time);
        format_set_font_color(formats_.example_time, 0x595959);
        format_set_num_format(formats_.example_time, "hh:mm");
        formats_.label = make();
        format_set_bold(formats_.label);
        formats_.value = make();
        format_set_align(formats_.value, LXW_ALIGN_LEFT);
    }

    lxw_worksheet* sheet(SheetKind kind) {
        const SheetSpec& spec = sheet_spec(kind);
        lxw_worksheet* sheet = workbook_add_worksheet(workbook_, std::string(spec.name).c_str());
        // The title row is merged across the header, as organizers' own sheets often are; the
        // importer skips it.
        const lxw_col_t last = static_cast<lxw_col_t>(spec.columns.size() - 1);
        if (last > 0) {
            worksheet_merge_range(sheet, kTitleRow, 0, kTitleRow, last,
                                  std::string(spec.title).c_str(), formats_.title);
        } else {
            worksheet_write_string(sheet, kTitleRow, 0, std::string(spec.title).c_str(),
                                   formats_.title);
        }
        worksheet_set_row(sheet, kHeaderRow, 48, nullptr);  // three wrapped lines
        for (lxw_col_t c = 0; c <= last; ++c) {
            const ColumnSpec& column = spec.columns[c];
            worksheet_set_column(sheet, c, c, column.width, nullptr);
            worksheet_write_string(sheet, kHeaderRow, c, header_text(column).c_str(),
                                   formats_.header);
            if (!column.note.empty()) {
                lxw_comment_options options{};
                options.author = const_cast<char*>("jobfair");
                options.width = 320;
                options.height = 90;
                worksheet_write_comment_opt(sheet, kHeaderRow, c, std::string(column.note).c_str(),
                                            &options);
            }
        }
        worksheet_freeze_panes(sheet, kFirstDataRow, 1);
        printable(sheet);
        return sheet;
    }

    // Organizers print rosters for the schools: A4 landscape, one page wide, headers on each page.
    static void printable(lxw_worksheet* sheet) {
        worksheet_set_paper(sheet, 9);  // A4
        worksheet_set_landscape(sheet);
        worksheet_fit_to_pages(sheet, 1, 0);
        worksheet_repeat_rows(sheet, kTitleRow, kHeaderRow);
    }

    void text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const std::string& value,
              bool example = false) {
        if (value.empty()) return;
        worksheet_write_string(sheet, row, column, value.c_str(),
                               example ? formats_.example : formats_.text);
    }
    void number(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, double value) {
        worksheet_write_number(sheet, row, column, value, nullptr);
    }
    void time(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, TimeOfDay value,
              bool example = false) {
        worksheet_write_number(sheet, row, column, excel_time(value),
                               example ? formats_.example_time : formats_.time);
    }
    // Column index of `column` in its sheet.
    static lxw_col_t col(SheetKind kind, Column column) {
        const SheetSpec& spec = sheet_spec(kind);
        for (std::size_t c = 0; c < spec.columns.size(); ++c)
            if (spec.columns[c].column == column) return static_cast<lxw_col_t>(c);
        return 0;
    }

    void list_validation(lxw_worksheet* sheet, lxw_col_t column,
                         const std::vector<std::string>& values) {
        std::vector<char*> list;
        for (const std::string& value : values)
            list.push_back(const_cast<char*>(value.c_str()));
        list.push_back(nullptr);
        lxw_data_validation validation{};
        validation.validate = LXW_VALIDATION_TYPE_LIST;
        validation.value_list = list.data();
        validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        worksheet_data_validation_range(sheet, kFirstDataRow, column, kValidatedRows, column,
                                        &validation);
    }
    void trade_validation(lxw_worksheet* sheet, lxw_col_t column) {
        // The trades sheet's Vietnamese names, so trades the organizer adds appear in the list.
        std::string formula = "='" + std::string(sheet_spec(SheetKind::trades).name) +
                              "'!$B$3:$B$" + std::to_string(kFirstDataRow + 200);
        lxw_data_validation validation{};
        validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        validation.value_formula = formula.data();
        validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        worksheet_data_validation_range(sheet, kFirstDataRow, column, kValidatedRows, column,
                                        &validation);
    }
    std::vector<std::string> level_names() const {
        std::vector<std::string> names;
        for (const Level level :
             {Level::none, Level::intermediate, Level::college, Level::university})
            names.emplace_back(level_name_vi(level));
        return names;
    }
    static std::vector<std::string> yes_no() { return {"Có", "Không"}; }

    std::string trades_text(const std::vector<std::string>& codes) const {
        std::string out;
        for (const std::string& code : codes) {
            if (!out.empty()) out += "; ";
            out += trades_.display(code);
        }
        return out;
    }

    // ---- the sheets
    void fair_sheet() {
        const SheetSpec& spec = sheet_spec(SheetKind::fair);
        lxw_worksheet* sheet = workbook_add_worksheet(workbook_, std::string(spec.name).c_str());
        worksheet_write_string(sheet, kTitleRow, 0, std::string(spec.title).c_str(),
                               formats_.title);
        printable(sheet);
        worksheet_set_column(sheet, 0, 0, 66, nullptr);
        worksheet_set_column(sheet, 1, 1, 62, nullptr);
        worksheet_set_column(sheet, 2, 2, 48, nullptr);
        worksheet_write_string(sheet, kHeaderRow, 0, "Mục / Setting", formats_.header);
        worksheet_write_string(sheet, kHeaderRow, 1, "Giá trị / Value", formats_.header);
        worksheet_write_string(sheet, kHeaderRow, 2, "Ghi chú / Note", formats_.header);
        worksheet_freeze_panes(sheet, kFirstDataRow, 0);
        const FairSettings& settings = book_.fair.settings;
        lxw_row_t row = kFirstDataRow;
        for (const SettingSpec& setting : fair_settings_rows()) {
            worksheet_write_string(sheet, row, 0, setting_label(setting).c_str(), formats_.label);
            if (!setting.note.empty())
                worksheet_write_string(sheet, row, 2, std::string(setting.note).c_str(), nullptr);
            const bool example = is_template();
            switch (setting.setting) {
                case Setting::name:
                    text(sheet, row, 1, example ? "" : settings.name);
                    break;
                case Setting::date:
                    if (!example && settings.date) {
                        if (const auto date = parse_iso_date(*settings.date)) {
                            worksheet_write_number(sheet, row, 1,
                                                   static_cast<double>(excel_serial(*date)),
                                                   formats_.date);
                        }
                    }
                    break;
                case Setting::venue:
                    if (!example && settings.venue) text(sheet, row, 1, *settings.venue);
                    break;
                case Setting::organizer:
                    if (!example && settings.organizer) text(sheet, row, 1, *settings.organizer);
                    break;
                case Setting::day_start:
                    time(sheet, row, 1, settings.grid.day_start);
                    break;
                case Setting::day_end:
                    time(sheet, row, 1, settings.grid.day_end);
                    break;
                case Setting::slot_minutes:
                    worksheet_write_number(sheet, row, 1, settings.grid.slot_minutes,
                                           formats_.value);
                    break;
                case Setting::student_gap_slots:
                    worksheet_write_number(sheet, row, 1, settings.student_gap_slots,
                                           formats_.value);
                    break;
                case Setting::max_interviews_per_student:
                    worksheet_write_number(sheet, row, 1, settings.max_interviews_per_student,
                                           formats_.value);
                    break;
            }
            ++row;
        }
    }

    void booths_sheet() {
        constexpr SheetKind k = SheetKind::booths;
        lxw_worksheet* out = sheet(k);
        list_validation(out, col(k, Column::booth_min_level), level_names());
        list_validation(out, col(k, Column::booth_accepts_cvs), yes_no());
        lxw_row_t row = kFirstDataRow;
        if (is_template()) {
            text(out, row, col(k, Column::booth_id), std::string(kExampleMarker), true);
            text(out, row, col(k, Column::booth_enterprise), "Công ty TNHH Điện tử Ví Dụ", true);
            text(out, row, col(k, Column::booth_location), "Dãy A, số 7", true);
            text(out, row, col(k, Column::booth_interviewers), "2", true);
            time(out, row, col(k, Column::booth_open), TimeOfDay::hm(8, 0), true);
            time(out, row, col(k, Column::booth_close), TimeOfDay::hm(11, 30), true);
            text(out, row, col(k, Column::booth_breaks), "10:00-10:15", true);
            text(out, row, col(k, Column::booth_trades), "Điện tử công nghiệp; Tự động hóa", true);
            text(out, row, col(k, Column::booth_min_level), "Trung cấp", true);
            text(out, row, col(k, Column::booth_max_interviews), "20", true);
            text(out, row, col(k, Column::booth_accepts_cvs), "Có", true);
            return;
        }
        for (const Booth& booth : book_.fair.booths) {
            text(out, row, col(k, Column::booth_id), booth.id.str());
            text(out, row, col(k, Column::booth_enterprise), booth.enterprise);
            if (booth.location) text(out, row, col(k, Column::booth_location), *booth.location);
            number(out, row, col(k, Column::booth_interviewers), booth.interviewers);
            time(out, row, col(k, Column::booth_open), booth.open);
            time(out, row, col(k, Column::booth_close), booth.close);
            std::string breaks;
            for (const TimeRange& pause : booth.breaks) {
                if (!breaks.empty()) breaks += "; ";
                breaks += pause.begin.str() + "-" + pause.end.str();
            }
            text(out, row, col(k, Column::booth_breaks), breaks);
            text(out, row, col(k, Column::booth_trades), trades_text(booth.occupations));
            if (booth.min_level) {
                text(out, row, col(k, Column::booth_min_level),
                     std::string(level_name_vi(*booth.min_level)));
            }
            if (booth.max_interviews)
                number(out, row, col(k, Column::booth_max_interviews), *booth.max_interviews);
            text(out, row, col(k, Column::booth_accepts_cvs), booth.accepts_cvs ? "Có" : "Không");
            ++row;
        }
    }

    void positions_sheet() {
        constexpr SheetKind k = SheetKind::positions;
        lxw_worksheet* out = sheet(k);
        trade_validation(out, col(k, Column::position_trade));
        lxw_row_t row = kFirstDataRow;
        if (is_template()) {
            text(out, row, col(k, Column::position_booth), std::string(kExampleMarker), true);
            text(out, row, col(k, Column::position_title), "Kỹ thuật viên bảo trì điện tử", true);
            text(out, row, col(k, Column::position_trade), "Điện tử công nghiệp", true);
            text(out, row, col(k, Column::position_openings), "5", true);
            return;
        }
        for (const Booth& booth : book_.fair.booths) {
            for (const Position& position : booth.positions) {
                text(out, row, col(k, Column::position_booth), booth.id.str());
                text(out, row, col(k, Column::position_title), position.title);
                if (position.occupation) {
                    text(out, row, col(k, Column::position_trade),
                         trades_.display(*position.occupation));
                }
                if (position.openings)
                    number(out, row, col(k, Column::position_openings), *position.openings);
                ++row;
            }
        }
    }

    void trades_sheet() {
        constexpr SheetKind k = SheetKind::trades;
        lxw_worksheet* out = sheet(k);
        lxw_row_t row = kFirstDataRow;
        for (const Occupation& occupation : occupation_catalogue()) {
            text(out, row, col(k, Column::trade_id), std::string(occupation.code));
            text(out, row, col(k, Column::trade_name_vi), std::string(occupation.name_vi));
            text(out, row, col(k, Column::trade_name_en), std::string(occupation.name_en));
            ++row;
        }
        for (const TradeName& trade : book_.fair.extra_trades) {
            text(out, row, col(k, Column::trade_id), trade.code);
            text(out, row, col(k, Column::trade_name_vi), trade.name_vi);
            text(out, row, col(k, Column::trade_name_en), trade.name_en);
            ++row;
        }
        // Codes the fair uses that nothing names (an instance's own codes): listed bare, so
        // the importer knows them and they come back as the same codes.
        for (const std::string& code : unnamed_codes()) {
            text(out, row, col(k, Column::trade_id), code);
            text(out, row, col(k, Column::trade_name_vi), code);
            ++row;
        }
    }

    std::vector<std::string> unnamed_codes() const {
        std::set<std::string> named;
        for (const Occupation& occupation : occupation_catalogue())
            named.emplace(occupation.code);
        for (const TradeName& trade : book_.fair.extra_trades)
            named.insert(trade.code);
        std::vector<std::string> codes;
        auto consider = [&](const std::string& code) {
            if (named.insert(code).second) codes.push_back(code);
        };
        for (const Booth& booth : book_.fair.booths) {
            for (const std::string& code : booth.occupations)
                consider(code);
            for (const Position& position : booth.positions)
                if (position.occupation) consider(*position.occupation);
        }
        for (const Student& student : book_.fair.students)
            if (student.occupation) consider(*student.occupation);
        return codes;
    }

    void schools_sheet() {
        constexpr SheetKind k = SheetKind::schools;
        lxw_worksheet* out = sheet(k);
        lxw_row_t row = kFirstDataRow;
        if (is_template()) {
            text(out, row, col(k, Column::school_name), std::string(kExampleMarker), true);
            time(out, row, col(k, Column::school_arrive), TimeOfDay::hm(8, 30), true);
            time(out, row, col(k, Column::school_leave), TimeOfDay::hm(11, 30), true);
            return;
        }
        for (const SchoolGroup& school : book_.schools) {
            text(out, row, col(k, Column::school_name), school.name);
            if (school.arrive) time(out, row, col(k, Column::school_arrive), *school.arrive);
            if (school.leave) time(out, row, col(k, Column::school_leave), *school.leave);
            ++row;
        }
    }

    void students_sheet() {
        constexpr SheetKind k = SheetKind::students;
        lxw_worksheet* out = sheet(k);
        trade_validation(out, col(k, Column::student_trade));
        list_validation(out, col(k, Column::student_level), level_names());
        list_validation(out, col(k, Column::student_consent), yes_no());
        lxw_row_t row = kFirstDataRow;
        if (is_template()) {
            text(out, row, col(k, Column::student_id), std::string(kExampleMarker), true);
            text(out, row, col(k, Column::student_name), "Nguyễn Văn An", true);
            text(out, row, col(k, Column::student_school), "Trường Cao đẳng Việt – Hàn Quảng Ninh",
                 true);
            text(out, row, col(k, Column::student_class), "CĐ ĐTCN K23", true);
            text(out, row, col(k, Column::student_trade), "Điện tử công nghiệp", true);
            text(out, row, col(k, Column::student_level), "Cao đẳng", true);
            text(out, row, col(k, Column::student_phone), "0912345678", true);
            text(out, row, col(k, Column::student_preferences), "B03, B11, B07", true);
            text(out, row, col(k, Column::student_consent), "Có", true);
            return;
        }
        std::map<std::string, const SchoolGroup*> schools;
        for (const SchoolGroup& school : book_.schools)
            schools[school.name] = &school;
        const SlotGrid& day = book_.fair.settings.grid;
        for (const Student& student : book_.fair.students) {
            text(out, row, col(k, Column::student_id), student.id.str());
            text(out, row, col(k, Column::student_name), student.name);
            const SchoolGroup* school = nullptr;
            if (student.school) {
                text(out, row, col(k, Column::student_school), *student.school);
                if (const auto it = schools.find(*student.school); it != schools.end())
                    school = it->second;
            }
            if (student.class_name)
                text(out, row, col(k, Column::student_class), *student.class_name);
            if (student.occupation) {
                text(out, row, col(k, Column::student_trade), trades_.display(*student.occupation));
            }
            text(out, row, col(k, Column::student_level),
                 std::string(level_name_vi(student.level)));
            std::string preferences;
            for (const BoothId& booth : student.preferences) {
                if (!preferences.empty()) preferences += ", ";
                preferences += booth.str();
            }
            text(out, row, col(k, Column::student_preferences), preferences);
            if (student.max_interviews) {
                number(out, row, col(k, Column::student_max_interviews), *student.max_interviews);
            }
            // Blank when the student comes and goes with the school (or stays all day).
            const TimeOfDay group_arrive =
                school && school->arrive ? *school->arrive : day.day_start;
            const TimeOfDay group_leave = school && school->leave ? *school->leave : day.day_end;
            if (student.arrive != group_arrive)
                time(out, row, col(k, Column::student_arrive), student.arrive);
            if (student.leave != group_leave)
                time(out, row, col(k, Column::student_leave), student.leave);
            if (const auto it = book_.contacts.find(student.id); it != book_.contacts.end()) {
                if (it->second.phone)
                    text(out, row, col(k, Column::student_phone), *it->second.phone);
                text(out, row, col(k, Column::student_consent),
                     it->second.consent_to_contact ? "Có" : "Không");
            }
            ++row;
        }
    }

    void promised_sheet() {
        constexpr SheetKind k = SheetKind::promised;
        lxw_worksheet* out = sheet(k);
        lxw_row_t row = kFirstDataRow;
        if (is_template()) {
            text(out, row, col(k, Column::promised_student), std::string(kExampleMarker), true);
            text(out, row, col(k, Column::promised_booth), "B03", true);
            text(out, row, col(k, Column::promised_seat), "1", true);
            time(out, row, col(k, Column::promised_start), TimeOfDay::hm(9, 0), true);
            return;
        }
        for (const Interview& interview : book_.fair.fixed) {
            text(out, row, col(k, Column::promised_student), interview.student.str());
            text(out, row, col(k, Column::promised_booth), interview.booth.str());
            number(out, row, col(k, Column::promised_seat), interview.seat + 1);
            time(out, row, col(k, Column::promised_start), interview.start);
            ++row;
        }
    }

    const FairBook& book_;
    WriteMode mode_;
    std::filesystem::path path_;
    TradeNames trades_;
    lxw_workbook* workbook_ = nullptr;
    Formats formats_{};
};

}  // namespace

void write_fair_book(const FairBook& book, WriteMode mode, const std::filesystem::path& path) {
    Writer(book, mode, path).write();
}

void write_list_book(const ListSheet& list, const std::filesystem::path& path) {
    lxw_workbook_options options{};
    lxw_workbook* workbook = workbook_new_opt(path.string().c_str(), &options);
    if (workbook == nullptr) {
        throw WorkbookWriteError("Không tạo được tệp " + path.string() + " / Cannot create " +
                                 path.string());
    }
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>("jobfair");
    properties.created = 1735689600;  // fixed, as in write_fair_book: same list, same file
    workbook_set_properties(workbook, &properties);
    lxw_format* title = workbook_add_format(workbook);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header, 0xDDEBF7);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* text = workbook_add_format(workbook);
    format_set_num_format(text, "@");
    format_set_text_wrap(text);
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);

    lxw_worksheet* sheet = workbook_add_worksheet(workbook, list.name.c_str());
    const lxw_col_t last =
        static_cast<lxw_col_t>(list.columns.empty() ? 0 : list.columns.size() - 1);
    if (last > 0) {
        worksheet_merge_range(sheet, kTitleRow, 0, kTitleRow, last, list.title.c_str(), title);
    } else {
        worksheet_write_string(sheet, kTitleRow, 0, list.title.c_str(), title);
    }
    worksheet_set_row(sheet, kHeaderRow, 32, nullptr);
    for (lxw_col_t c = 0; c < list.columns.size(); ++c) {
        const ListColumn& column = list.columns[c];
        worksheet_set_column(sheet, c, c, column.width, nullptr);
        worksheet_write_string(sheet, kHeaderRow, c, column.header.c_str(), header);
        if (!column.note.empty()) {
            lxw_comment_options note{};
            note.author = const_cast<char*>("jobfair");
            note.width = 320;
            note.height = 90;
            worksheet_write_comment_opt(sheet, kHeaderRow, c, column.note.c_str(), &note);
        }
    }
    lxw_row_t row = kFirstDataRow;
    for (const auto& cells : list.rows) {
        for (lxw_col_t c = 0; c < cells.size() && c < list.columns.size(); ++c) {
            if (!cells[c].empty()) worksheet_write_string(sheet, row, c, cells[c].c_str(), text);
        }
        ++row;
    }
    worksheet_freeze_panes(sheet, kFirstDataRow, 0);
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_set_landscape(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_repeat_rows(sheet, kTitleRow, kHeaderRow);
    const lxw_error closed = workbook_close(workbook);
    if (closed != LXW_NO_ERROR) {
        throw WorkbookWriteError("Không ghi được tệp " + path.string() + " / Cannot write " +
                                 path.string() + ": " + lxw_strerror(closed));
    }
}

FairBook book_of(const Fair& fair) {
    FairBook book;
    book.fair = fair;
    book.schools = schools_from_students(fair);
    return book;
}

}  // namespace jobfair::sheets
