// The organizer's workbook: a fair written as .xlsx and read back is the same fair; cells typed
// as people type them are understood; every problem is reported with its sheet and row and
// nothing is returned when there is one.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "common/demo_generator.hpp"
#include "common/fair_date.hpp"
#include "common/fair_format.hpp"
#include "common/fair_supply.hpp"
#include "common/fair_workbook/cell_values.hpp"
#include "common/fair_workbook/import.hpp"
#include "common/fair_workbook/layout.hpp"
#include "common/fair_workbook/write.hpp"
#include "common/store.hpp"

using namespace jobfair;
using namespace jobfair::sheets;

namespace {

std::filesystem::path temporary_file(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / "jobfair-sheets-tests";
    std::filesystem::create_directories(folder);
    return folder / name;
}

Cell text_cell(std::string text) {
    Cell cell;
    cell.kind = Cell::Kind::text;
    cell.text = std::move(text);
    return cell;
}

Cell number_cell(double number, bool time_format = false) {
    Cell cell;
    cell.kind = Cell::Kind::number;
    cell.number = number;
    cell.text = std::to_string(number);
    cell.time_format = time_format;
    return cell;
}

Sheet sheet_of(std::string name, std::vector<std::vector<std::string>> rows) {
    Sheet sheet;
    sheet.name = std::move(name);
    for (auto& row : rows) {
        std::vector<Cell> cells;
        for (auto& text : row)
            cells.push_back(text.empty() ? Cell{} : text_cell(text));
        sheet.rows.push_back(std::move(cells));
    }
    return sheet;
}

// A small fair as CSV sheets would hold it, with the untidiness of real files.
Workbook small_workbook() {
    Workbook workbook;
    workbook.sheets.push_back(sheet_of("fair", {
                                                   {"Tên ngày hội / Fair name", "Ngày hội thử"},
                                                   {"Ngày tổ chức", "14/03/2025"},
                                                   {"Giờ bắt đầu", "8h"},
                                                   {"Giờ kết thúc", "12g30"},
                                                   {"Slot length (minutes)", "15"},
                                               }));
    workbook.sheets.push_back(sheet_of(
        "booths", {
                      {"Danh sách gian (tiêu đề gộp ô)"},
                      {"Gian", "Doanh nghiệp", "Nghề tuyển", "Trình độ tối thiểu", "Ghi chú riêng"},
                      {"B01", "Công ty A", "han; dien tu cong nghiep", "trung cap", "x"},
                      {"", "", "", "", ""},
                      {"B02  ", "Công ty B", "", "", ""},
                  }));
    workbook.sheets.push_back(sheet_of(
        "students", {
                        {"Student id", "Full name", "Trade", "Level", "Preferences", "Arrives"},
                        {"S1", "Nguyễn Văn An", "Welding", "CĐ", "b01, B02", "8g30"},
                        {"S2", "Trần Thị Bích", "Hàn", "", "B02", ""},
                    }));
    return workbook;
}

}  // namespace

TEST_CASE("sheets: times as people type them and as Excel stores them") {
    CHECK(parse_time_loose("8:30") == TimeOfDay::hm(8, 30));
    CHECK(parse_time_loose("08h30") == TimeOfDay::hm(8, 30));
    CHECK(parse_time_loose("8g30") == TimeOfDay::hm(8, 30));
    CHECK(parse_time_loose(" 8 giờ 30 ") == TimeOfDay::hm(8, 30));
    CHECK(parse_time_loose("8h") == TimeOfDay::hm(8, 0));
    CHECK(parse_time_loose("08:30:00") == TimeOfDay::hm(8, 30));
    CHECK_FALSE(parse_time_loose("8:75"));
    CHECK_FALSE(parse_time_loose("25:00"));
    CHECK_FALSE(parse_time_loose("tám giờ"));
    CHECK(cell_time(number_cell(0.3541666666666667, true)) == TimeOfDay::hm(8, 30));
    CHECK(cell_time(number_cell(45730.3541666666667, true)) == TimeOfDay::hm(8, 30));
    CHECK(cell_time(number_cell(9)) == TimeOfDay::hm(9, 0));
    CHECK(cell_time(text_cell("0.375")) == TimeOfDay::hm(9, 0));
    // A 12-hour clock, as LibreOffice in an English locale writes times to CSV.
    CHECK(parse_time_loose("08:00:00 AM") == TimeOfDay::hm(8, 0));
    CHECK(parse_time_loose("12:30:00 PM") == TimeOfDay::hm(12, 30));
    CHECK(parse_time_loose("1:15 PM") == TimeOfDay::hm(13, 15));
    CHECK(parse_time_loose("2:00 CH") == TimeOfDay::hm(14, 0));
    CHECK(parse_time_loose("12:10 AM") == TimeOfDay::hm(0, 10));
    CHECK_FALSE(parse_time_loose("13:00 PM"));
}

TEST_CASE("sheets: levels and trades with or without diacritics and in any case") {
    CHECK(parse_level_loose("Trung cấp") == Level::intermediate);
    CHECK(parse_level_loose("trung cap") == Level::intermediate);
    CHECK(parse_level_loose("CĐ") == Level::college);
    CHECK(parse_level_loose("University") == Level::university);
    CHECK_FALSE(parse_level_loose("Trung capp"));
    const TradeNames trades({TradeName{"ceramics", "Gốm sứ", "Ceramics"}});
    CHECK(trades.find("Hàn") == "welding");
    CHECK(trades.find("han") == "welding");
    CHECK(trades.find("WELDING") == "welding");
    CHECK(trades.find("gom su") == "ceramics");
    CHECK_FALSE(trades.find("hàng"));
    CHECK(cell_yes_no(text_cell("Có")) == true);
    CHECK(cell_yes_no(text_cell("không")) == false);
    CHECK_FALSE(cell_yes_no(text_cell("maybe")));
}

TEST_CASE("sheets: dates day first and as serial numbers") {
    CHECK(cell_date(text_cell("14/03/2025"), false) == "2025-03-14");
    CHECK(cell_date(text_cell("2025-03-14"), false) == "2025-03-14");
    CHECK(cell_date(number_cell(45730), false) == "2025-03-14");
    CHECK(cell_date(number_cell(44268), true) == "2025-03-14");
    CHECK_FALSE(cell_date(text_cell("30/02/2025"), false));
    CHECK(cell_date(text_cell("03/14/2025"), false) == "2025-03-14");  // month first: no 14th month
    CHECK(cell_date(text_cell("03/04/2025"), false) == "2025-04-03");  // day first when both fit
    CHECK(fair_date_line(std::string("2025-03-14")) ==
          "Thứ Sáu, 14/03/2025 / Friday 14 March 2025");
    CHECK(fair_date_line(std::nullopt) == "Chưa có ngày tổ chức / No date set");
}

TEST_CASE("sheets: an untidy workbook is read and the importer says what it mapped") {
    const ImportResult result = import_fair_book(small_workbook());
    for (const Problem& problem : result.problems)
        MESSAGE(describe(problem));
    REQUIRE(result.book);
    const Fair& fair = result.book->fair;
    CHECK(fair.settings.date == "2025-03-14");
    CHECK(fair.settings.grid.day_start == TimeOfDay::hm(8, 0));
    CHECK(fair.settings.grid.day_end == TimeOfDay::hm(12, 30));
    REQUIRE(fair.booths.size() == 2);
    CHECK(fair.booths[0].occupations ==
          std::vector<std::string>{"welding", "industrial-electronics"});
    CHECK(fair.booths[0].min_level == Level::intermediate);
    CHECK(fair.booths[1].id == BoothId("B02"));
    REQUIRE(fair.students.size() == 2);
    CHECK(fair.students[0].preferences == std::vector<BoothId>{BoothId("B01"), BoothId("B02")});
    CHECK(fair.students[0].arrive == TimeOfDay::hm(8, 30));
    CHECK(fair.students[0].level == Level::college);
    CHECK(fair.students[1].occupation == "welding");
    bool said_times = false;
    bool said_han = false;
    bool said_extra_column = false;
    for (const std::string& note : result.notes) {
        said_han = said_han || note.find("“han”") != std::string::npos;
        said_times = said_times || note.find("“9g99” read on a 24-hour clock") != std::string::npos;
        said_extra_column = said_extra_column || note.find("Ghi chú riêng") != std::string::npos;
    }
    CHECK(said_han);
    CHECK(said_times);
    CHECK(said_extra_column);
}

TEST_CASE("sheets: every problem is reported at once with its row and nothing is returned") {
    Workbook workbook = small_workbook();
    auto& students = workbook.sheets[2];
    students.rows.push_back({text_cell("S1"), text_cell("Lê Văn C"), text_cell("Hàn"),
                             text_cell("Trung capp"), text_cell("B09"), text_cell("13:00")});
    students.rows.push_back({text_cell("S4"), text_cell("   "), Cell{}, Cell{}, Cell{}, Cell{}});
    const ImportResult result = import_fair_book(workbook);
    CHECK_FALSE(result.book);
    std::vector<std::string> described;
    for (const Problem& problem : result.problems)
        described.push_back(describe(problem));
    auto has = [&](std::size_t row, std::string_view column_letter, std::string_view words) {
        for (const Problem& problem : result.problems) {
            if (problem.row == row && problem.column.starts_with(column_letter) &&
                describe(problem).find(words) != std::string::npos) {
                return true;
            }
        }
        return false;
    };
    CHECK(has(4, "A", "duplicate student id"));
    CHECK(has(4, "D", "unknown level"));
    CHECK(has(4, "E", "“B09”"));
    CHECK(has(4, "F", "outside the fair's day"));
    CHECK(has(5, "B", "name is empty"));
    CHECK(result.problems.size() == 5);
}

TEST_CASE("sheets: the demo fair written as xlsx reads back as the same fair") {
    const Fair fair =
        generate_demo_fair(GeneratorOptions{.seed = 2025, .scale = 1, .fixed_promises = 12});
    FairBook book = book_of(fair);
    book.contacts[fair.students[0].id] = StudentContact{"0912345678", true};
    book.contacts[fair.students[1].id] = StudentContact{std::nullopt, true};
    const auto path = temporary_file("demo.xlsx");
    write_fair_book(book, WriteMode::fair, path);
    const ImportResult result = import_fair_book(read_xlsx_file(path));
    for (const Problem& problem : result.problems)
        MESSAGE(describe(problem));
    REQUIRE(result.book);
    CHECK(result.book->fair == fair);
    CHECK(result.book->contacts == book.contacts);
    CHECK(result.book->schools == book.schools);
}

TEST_CASE("sheets: the template reads as an empty fair missing only its booths") {
    const auto path = temporary_file("template.xlsx");
    write_fair_book(FairBook{}, WriteMode::template_to_fill, path);
    const Workbook workbook = read_xlsx_file(path);
    CHECK(workbook.sheets.size() == workbook_sheets().size());
    const ImportResult result = import_fair_book(workbook);
    CHECK_FALSE(result.book);
    // The example rows are skipped: what is missing is any booth (a name is optional).
    std::string all;
    for (const Problem& problem : result.problems)
        all += describe(problem) + "\n";
    CHECK(all.find("there is no booth") != std::string::npos);
    CHECK(result.problems.size() == 1);
}

TEST_CASE("v1.1 fields survive a database: import then load gives the same fair") {
    Fair fair = generate_demo_fair(GeneratorOptions{.seed = 7, .scale = 1, .fixed_promises = 3});
    fair.booths[0].positions.push_back(Position{"Thợ hàn", std::string("welding"), 5});
    fair.booths[0].location = "Dãy A, số 1";
    fair.booths[0].accepts_cvs = true;
    fair.extra_trades.push_back(TradeName{"ceramics", "Gốm sứ", "Ceramics"});
    Store store(":memory:");
    store.import_fair(fair, "test");
    const Fair loaded = store.load_fair();
    CHECK(loaded == fair);
    CHECK(read_instance(write_instance(fair)) == fair);
    CHECK(store.student_details(fair.students[0].id)->school == fair.students[0].school);
}

TEST_CASE("supply against demand names the booths that turn students away") {
    const Fair fair = generate_demo_fair(GeneratorOptions{});
    const SupplyReport report = supply_report(fair);
    CHECK(report.students == 800);
    CHECK(report.booths.size() == 30);
    CHECK(report.booths.front().turned_away() >= report.booths.back().turned_away());
    CHECK(report.booths.front().turned_away() > 0);
    const std::string text = format_supply_report(report, fair);
    CHECK(text.find("Booths that will turn most students away") != std::string::npos);
}

TEST_CASE("sheets: the committed demo workbook holds the committed demo fair") {
    const std::filesystem::path assets = std::filesystem::path(JOBFAIR_SOURCE_DIR) / "assets";
    const ImportResult result = import_fair_book(read_xlsx_file(assets / "demo-fair.xlsx"));
    for (const Problem& problem : result.problems)
        MESSAGE(describe(problem));
    REQUIRE(result.book);
    CHECK(result.book->fair == read_instance_file(assets / "demo-fair.json"));
    CHECK(result.book->contacts.size() > 700);  // the phones of assets/demo-students.csv
}

TEST_CASE("a corrected roster adds updates and removes students and revokes the removed tickets") {
    const Fair fair =
        generate_demo_fair(GeneratorOptions{.seed = 3, .scale = 1, .fixed_promises = 2});
    Store store(":memory:");
    store.import_fair(fair, "test");
    store.issue_tickets("test");
    std::vector<Student> roster = fair.students;
    // The first promise's student must stay; remove two students without any commitment.
    const StudentId promised = fair.fixed[0].student;
    std::vector<StudentId> removed;
    for (auto it = roster.begin(); it != roster.end() && removed.size() < 2;) {
        const bool holds = std::any_of(fair.fixed.begin(), fair.fixed.end(),
                                       [&](const Interview& i) { return i.student == it->id; });
        if (!holds) {
            removed.push_back(it->id);
            it = roster.erase(it);
        } else {
            ++it;
        }
    }
    roster[5].name = "Tên Đã Sửa";
    roster[5].class_name = "CĐ Hàn K24";
    Student added = roster[6];
    added.id = StudentId("S9001");
    roster.push_back(added);
    const auto update = store.update_roster(roster, {}, "test");
    CHECK(update.added == std::vector<StudentId>{StudentId("S9001")});
    CHECK(update.updated == std::vector<StudentId>{roster[5].id});
    CHECK(update.removed == removed);
    CHECK(update.revoked_tickets.size() == 2);
    const Fair after = store.load_fair();
    CHECK(after.students.size() == fair.students.size() - 1);
    CHECK(after.find_student(removed[0]) == nullptr);
    CHECK(after.find_student(roster[5].id)->name == "Tên Đã Sửa");
    CHECK_FALSE(store.ticket_of(removed[0]));  // no live ticket
    const auto revoked = store.ticket(update.revoked_tickets[0]);
    REQUIRE(revoked);
    CHECK(revoked->revoked_reason == "removed from the roster");

    // Leaving out a student who holds a promise is refused and changes nothing.
    std::vector<Student> without_promised;
    for (const Student& student : roster)
        if (student.id != promised) without_promised.push_back(student);
    CHECK_THROWS_WITH_AS(store.update_roster(without_promised, {}, "test"),
                         doctest::Contains("nothing was changed"), StoreError);
    CHECK(store.load_fair().find_student(promised) != nullptr);
}

TEST_CASE("sheets: a fair with its own trade codes and no names comes back identical") {
    const Fair fair = read_instance(R"({
      "format": "jobfair-instance/1",
      "fair": { "slot_minutes": 20, "day_start": "07:30", "day_end": "11:10" },
      "booths": [
        { "id": "K1", "occupations": ["occ-7", "welding"], "open": "07:50", "breaks": [["09:00", "09:10"]] },
        { "id": "K2", "interviewers": 3, "max_interviews": 0 }
      ],
      "students": [
        { "id": "0001", "name": "An", "occupation": "occ-7", "preferences": ["K2", "K1"],
          "arrive": "08:37", "max_interviews": 1 },
        { "id": "0002", "name": "Bình", "preferences": [] }
      ],
      "fixed": [ { "student": "0001", "booth": "K1", "seat": 0, "start": "09:10" } ]
    })");
    const auto path = temporary_file("own-codes.xlsx");
    write_fair_book(book_of(fair), WriteMode::fair, path);
    const ImportResult result = import_fair_book(read_xlsx_file(path));
    for (const Problem& problem : result.problems)
        MESSAGE(describe(problem));
    REQUIRE(result.book);
    CHECK(result.book->fair == fair);
    CHECK(write_instance(result.book->fair) == write_instance(fair));
}
