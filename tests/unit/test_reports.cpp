// The day's exports and summary (scheduler/reports/reports.hpp), read back as a spreadsheet would.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "common/store.hpp"
#include "fair_builder.hpp"
#include "scheduler/reports/follow_up.hpp"
#include "scheduler/reports/reports.hpp"

using namespace jobfair;
using jobfair::testing::add_booth;
using jobfair::testing::add_student;
using jobfair::testing::at;

namespace {

using Table = std::vector<std::vector<std::string>>;

// RFC 4180 as Excel reads it, after checking the byte-order mark and that every line ends CRLF.
Table read_csv(const std::string& file) {
    REQUIRE(file.rfind("\xEF\xBB\xBF", 0) == 0);
    const std::string text = file.substr(3);
    Table table;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.push_back(field);
            field.clear();
        } else if (c == '\r') {
            REQUIRE(i + 1 < text.size());
            REQUIRE(text[i + 1] == '\n');
            record.push_back(field);
            field.clear();
            table.push_back(record);
            record.clear();
            ++i;
        } else {
            REQUIRE_MESSAGE(c != '\n', "a bare LF outside quotes at byte ", i);
            field.push_back(c);
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(record.empty());
    REQUIRE(field.empty());  // the last line ends with CRLF too
    return table;
}

// The rows of a table keyed by their first cell, each as header -> value.
std::map<std::string, std::map<std::string, std::string>> by_first_column(const Table& table) {
    std::map<std::string, std::map<std::string, std::string>> rows;
    for (size_t r = 1; r < table.size(); ++r) {
        REQUIRE(table[r].size() == table[0].size());
        for (size_t c = 0; c < table[0].size(); ++c)
            rows[table[r][0]][table[0][c]] = table[r][c];
    }
    return rows;
}

// 2025-03-14 01:30 UTC is 08:30 in Vietnam.
WallClock fixed_clock(int utc_hour) {
    using namespace std::chrono;
    const system_clock::time_point time =
        sys_days{year{2025} / 3 / 14} + hours{utc_hour} + minutes{30};
    return [time] { return time; };
}

const StoredInterview& find_interview(const std::vector<StoredInterview>& rows, const char* student,
                                      const char* booth) {
    for (const StoredInterview& row : rows) {
        if (row.interview.student == StudentId(student) && row.interview.booth == BoothId(booth))
            return row;
    }
    FAIL("no interview of " << student << " at " << booth);
    return rows.front();
}

void finish(Store& store, InterviewId id, InterviewOutcome outcome, std::string note = {}) {
    store.move_interview(id, InterviewStatus::called, "booth");
    store.move_interview(id, InterviewStatus::in_progress, "booth");
    Store::MoveDetails details;
    details.outcome = outcome;
    if (!note.empty()) details.note = note;
    store.move_interview(id, InterviewStatus::done, "booth", details);
}

Store::StudentDetails school(const char* name) {
    Store::StudentDetails details;
    details.school = name;
    details.registered_via = "pre_registration";
    return details;
}

// The small day every test below reads:
//   S1 (welding, school A)  checks in 08:00; B01 08:15 done offer, B02 08:30 done internship
//   S2 (logistics, A)       checks in 08:05; B01 08:15 no-show, B02 08:45 done not_suitable
//   S3 (no trade, B)        checks in 08:20; B01 08:30 in progress
//   S4 (welding, no school) never comes; B02 09:00 planned, B01 09:00 cancelled (booth_closed)
//   W0001 (walk-in, A typed with extra spaces) checks in 08:40, no interview
Store sample_day(int utc_hour = 1, std::optional<std::string> date = "2025-03-14") {
    Fair fair = testing::small_fair(8);
    fair.settings.name = "Hội chợ <Sông Khoai> & \"2025\"";
    fair.settings.date = std::move(date);
    fair.settings.venue = "Nhà văn hóa <Quảng Yên>";
    add_booth(fair, "B01", 2).enterprise = "Công ty \"Hải, Long\" <b>";
    add_booth(fair, "B02", 1).enterprise = "Công ty TNHH Kho vận Đông Á";
    fair.booths[0].positions = {{"Thợ hàn", std::string("welding"), 5}, {"Thợ phụ", {}, 3}};
    add_student(fair, "S1", {"B01", "B02"}).occupation = "welding";
    add_student(fair, "S2", {"B01", "B02"}).occupation = "logistics";
    add_student(fair, "S3", {"B01"});
    add_student(fair, "S4", {"B01", "B02"}).occupation = "welding";

    Store store(":memory:", fixed_clock(utc_hour));
    store.import_fair(fair, "test");
    store.issue_tickets("test");
    store.import_student_details({{StudentId("S1"), school("Trường Cao đẳng A")},
                                  {StudentId("S2"), school("Trường Cao đẳng A")},
                                  {StudentId("S3"), school("Trường Trung cấp B")}},
                                 "test");
    store.save_planned_schedule({{StudentId("S1"), BoothId("B01"), 0, at(8, 15)},
                                 {StudentId("S1"), BoothId("B02"), 0, at(8, 30)},
                                 {StudentId("S2"), BoothId("B01"), 1, at(8, 15)},
                                 {StudentId("S2"), BoothId("B02"), 0, at(8, 45)},
                                 {StudentId("S3"), BoothId("B01"), 0, at(8, 30)},
                                 {StudentId("S4"), BoothId("B02"), 0, at(9, 0)},
                                 {StudentId("S4"), BoothId("B01"), 0, at(9, 0)}},
                                "engine");
    store.check_in(StudentId("S1"), at(8, 0), std::nullopt, "kiosk");
    store.check_in(StudentId("S2"), at(8, 5), std::nullopt, "kiosk");
    store.check_in(StudentId("S3"), at(8, 20), std::nullopt, "kiosk");

    const auto rows = store.interviews();
    finish(store, find_interview(rows, "S1", "B01").id, InterviewOutcome::offer,
           "tốt,\nrất \"tốt\"");
    finish(store, find_interview(rows, "S1", "B02").id, InterviewOutcome::internship);
    const InterviewId missed = find_interview(rows, "S2", "B01").id;
    store.move_interview(missed, InterviewStatus::called, "booth");
    store.move_interview(missed, InterviewStatus::no_show, "booth");
    finish(store, find_interview(rows, "S2", "B02").id, InterviewOutcome::not_suitable,
           "=HYPERLINK(\"x\")");
    const InterviewId current = find_interview(rows, "S3", "B01").id;
    store.move_interview(current, InterviewStatus::called, "booth");
    store.move_interview(current, InterviewStatus::in_progress, "booth");
    Store::MoveDetails closed;
    closed.cancel_reason = "booth_closed";
    store.move_interview(find_interview(rows, "S4", "B01").id, InterviewStatus::cancelled, "server",
                         closed);

    Student walk_in = add_student(fair, "ignored", {"B02"});
    walk_in.name = "@Lê Thị Hà";
    Store::StudentDetails details;
    details.phone = "0912345678";
    details.school = "  Trường   Cao đẳng A ";
    const auto registered = store.register_walk_in(walk_in, details, "k1", "d1", "kiosk");
    store.check_in(registered.student, at(8, 40), std::nullopt, "kiosk");
    return store;
}

}  // namespace

TEST_CASE("reports: a CSV field is quoted per RFC 4180 and never runs as a formula") {
    using reports::csv_field;
    CHECK(csv_field("Nguyễn Văn An") == "Nguyễn Văn An");
    CHECK(csv_field("") == "");
    CHECK(csv_field("Hải, Long") == "\"Hải, Long\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\r\nlines") == "\"two\r\nlines\"");
    CHECK(csv_field("line\nbreak") == "\"line\nbreak\"");
    CHECK(csv_field("=1+2") == "'=1+2");
    CHECK(csv_field("+84912345678") == "'+84912345678");
    CHECK(csv_field("-2") == "'-2");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("\tcmd") == "'\tcmd");
    CHECK(csv_field("=A1,B1") == "\"'=A1,B1\"");
    CHECK(csv_field("a=b") == "a=b");  // only a leading sign is a formula
    CHECK(reports::csv_record({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("reports: HTML escaping covers the five special characters and keeps Vietnamese") {
    CHECK(reports::html_escape("<a href=\"x\">'&'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(reports::html_escape("Trường Cao đẳng Việt – Hàn") == "Trường Cao đẳng Việt – Hàn");
}

TEST_CASE("reports: every export has a BOM, CRLF lines and Vietnamese intact") {
    const Store store = sample_day();
    for (std::string_view name : reports::export_names()) {
        const auto file = reports::render_export(store, name, at(9, 0));
        REQUIRE(file.has_value());
        CAPTURE(name);
        if (name.ends_with(".csv")) {
            CHECK(file->content_type == "text/csv; charset=utf-8");
            const Table table = read_csv(file->content);
            CHECK(table.size() >= 2);
            CHECK(table[0][0].find(" / ") != std::string::npos);  // "Vietnamese / English"
        } else {
            CHECK(file->content_type == "text/html; charset=utf-8");
            CHECK(file->content.rfind("<!DOCTYPE html>", 0) == 0);
        }
    }
    CHECK(reports::export_names().size() == 5);
    CHECK_FALSE(reports::render_export(store, "secrets.csv", at(9, 0)).has_value());
    CHECK_FALSE(reports::render_export(store, "../interviews.csv", at(9, 0)).has_value());
    const Store empty(":memory:");
    CHECK_THROWS_AS(reports::render_export(empty, "interviews.csv", at(9, 0)), StoreError);
}

TEST_CASE("reports: interviews.csv has one row per interview, texts intact and neutralised") {
    const Store store = sample_day();
    const Table table = read_csv(reports::interviews_csv(store));
    REQUIRE(table.size() == 1 + store.interviews().size());
    const auto& header = table[0];
    CHECK(header.front() == "Mã lượt PV / Interview id");
    CHECK(header.size() == 16);
    std::map<std::string, size_t> column;
    for (size_t c = 0; c < header.size(); ++c)
        column[header[c]] = c;
    // Sorted by start, then booth, then seat: the 08:15 pair at B01 first, seat 0 shown as 1.
    const auto& first = table[1];
    CHECK(first[column.at("Bắt đầu / Start")] == "08:15");
    CHECK(first[column.at("Kết thúc / End")] == "08:30");
    CHECK(first[column.at("Bàn / Seat")] == "1");
    CHECK(first[column.at("Mã học viên / Student id")] == "S1");
    CHECK(first[column.at("Doanh nghiệp / Enterprise")] == "Công ty \"Hải, Long\" <b>");
    CHECK(first[column.at("Vé / Ticket")] == "A-0001");
    CHECK(first[column.at("Họ và tên / Full name")] == "Nguyễn Văn S1");
    CHECK(first[column.at("Nghề / Trade")] == "Hàn");
    CHECK(first[column.at("Trường / School")] == "Trường Cao đẳng A");
    CHECK(first[column.at("Trạng thái / Status")] == "Đã phỏng vấn / done");
    CHECK(first[column.at("Kết quả / Outcome")] == "Nhận việc / offer");
    CHECK(first[column.at("Ghi chú / Note")] == "tốt,\nrất \"tốt\"");
    CHECK(table[2][column.at("Bàn / Seat")] == "2");
    CHECK(table[2][column.at("Trạng thái / Status")] == "Vắng mặt / no-show");
    bool saw_formula = false, saw_cancel = false;
    for (const auto& row : table) {
        const std::string& note = row[column.at("Ghi chú / Note")];
        if (note.find("HYPERLINK") != std::string::npos) {
            saw_formula = true;
            CHECK(note == "'=HYPERLINK(\"x\")");
        }
        if (row[column.at("Lý do hủy / Cancel reason")] == "booth_closed") saw_cancel = true;
    }
    CHECK(saw_formula);
    CHECK(saw_cancel);
}

TEST_CASE("reports: outcomes by enterprise and by trade add up to the store's interviews") {
    const Store store = sample_day();
    int done = 0, no_shows = 0, cancelled = 0;
    for (const auto& row : store.interviews()) {
        done += row.status == InterviewStatus::done;
        no_shows += row.status == InterviewStatus::no_show;
        cancelled += row.status == InterviewStatus::cancelled;
    }
    for (const std::string& file :
         {reports::outcomes_by_enterprise_csv(store), reports::outcomes_by_trade_csv(store)}) {
        const Table table = read_csv(file);
        const auto sum = [&](const std::string& header) {
            int total = 0;
            for (size_t c = 0; c < table[0].size(); ++c) {
                if (table[0][c] != header) continue;
                for (size_t r = 1; r < table.size(); ++r)
                    total += std::stoi(table[r][c]);
            }
            return total;
        };
        CHECK(sum("Đã phỏng vấn / Interviews done") == done);
        CHECK(sum("Nhận việc / Offer") + sum("Thực tập / Internship") +
                  sum("Vòng sau / Next round") + sum("Chưa phù hợp / Not suitable") +
                  sum("Chưa ghi kết quả / No outcome recorded") ==
              done);
        CHECK(sum("Vắng mặt / No-shows") == no_shows);
        CHECK(sum("Đã hủy / Cancelled") == cancelled);
    }

    const auto booths = by_first_column(read_csv(reports::outcomes_by_enterprise_csv(store)));
    CHECK(booths.at("B01").at("Doanh nghiệp / Enterprise") == "Công ty \"Hải, Long\" <b>");
    CHECK(booths.at("B01").at("Đã phỏng vấn / Interviews done") == "1");
    CHECK(booths.at("B01").at("Nhận việc / Offer") == "1");
    CHECK(booths.at("B01").at("Vắng mặt / No-shows") == "1");
    CHECK(booths.at("B01").at("Đã hủy / Cancelled") == "1");
    CHECK(booths.at("B02").at("Đã phỏng vấn / Interviews done") == "2");
    // Jobs offered, for the labour department (contract v1.1 booth.positions).
    CHECK(booths.at("B01").at("Vị trí tuyển dụng / Positions") == "Thợ hàn (5); Thợ phụ (3)");
    CHECK(booths.at("B01").at("Chỉ tiêu tuyển / Openings") == "8");
    CHECK(booths.at("B02").at("Chỉ tiêu tuyển / Openings") == "");

    const Table trades = read_csv(reports::outcomes_by_trade_csv(store));
    REQUIRE(trades.size() == 4);  // welding, logistics, no trade
    CHECK(trades[1][0] == "welding");
    CHECK(trades[1][1] == "Hàn");
    CHECK(trades[1][2] == "Welding");
    CHECK(trades[1][3] == "2");
    CHECK(trades[2][0] == "logistics");
    CHECK(trades[3][0] == "");
    CHECK(trades[3][1] == "(không có nghề)");
}

TEST_CASE("reports: attendance groups students by school, no school last") {
    const Store store = sample_day();
    const Table table = read_csv(reports::attendance_by_school_csv(store));
    REQUIRE(table.size() == 4);
    CHECK(table[1][0] == "Trường Cao đẳng A");  // the walk-in's spaces collapsed: one school
    CHECK(table[2][0] == "Trường Trung cấp B");
    CHECK(table[3][0] == "(chưa ghi trường / school not recorded)");
    const auto rows = by_first_column(table);
    const auto& a = rows.at("Trường Cao đẳng A");
    CHECK(a.at("Đăng ký trước / Pre-registered") == "2");
    CHECK(a.at("Đăng ký tại chỗ / Walk-ins") == "1");
    CHECK(a.at("Đã check-in / Checked in") == "3");
    CHECK(a.at("Học viên được phỏng vấn / Students interviewed") == "2");
    CHECK(a.at("Lượt phỏng vấn / Interviews done") == "3");
    CHECK(a.at("Nhận việc / Offers") == "1");
    const auto& b = rows.at("Trường Trung cấp B");
    CHECK(b.at("Đã check-in / Checked in") == "1");
    CHECK(b.at("Học viên được phỏng vấn / Students interviewed") == "0");
    const auto& none = rows.at("(chưa ghi trường / school not recorded)");
    CHECK(none.at("Đăng ký trước / Pre-registered") == "1");
    CHECK(none.at("Đã check-in / Checked in") == "0");
}

TEST_CASE("reports: the day's figures match the store") {
    const Store store = sample_day();
    const reports::DayFigures f = reports::day_figures(store, at(9, 10));
    CHECK(f.date == "14/03/2025");
    CHECK(f.booths == 2);
    CHECK(f.enterprises == 2);
    CHECK(f.seats == 3);
    CHECK(f.pre_registered == 4);
    CHECK(f.pre_registered_checked_in == 3);
    CHECK(f.walk_ins == 1);
    CHECK(f.checked_in == 4);
    CHECK(f.interviews_done == 3);
    CHECK(f.students_interviewed == 2);
    CHECK(f.no_shows == 1);
    CHECK(f.cancelled == 1);
    CHECK(f.open_interviews == 2);  // S3 in progress, S4 planned
    CHECK(f.offers == 1);
    CHECK(f.internships == 1);
    CHECK(f.not_suitable == 1);
    CHECK(f.no_outcome == 0);
    // Waits: S1 08:00 -> 08:15, S2 08:05 -> 08:45 (the no-show is not met), S3 08:20 -> 08:30.
    CHECK(f.waits_counted == 3);
    REQUIRE(f.wait_mean_minutes.has_value());
    CHECK(*f.wait_mean_minutes == doctest::Approx(65.0 / 3));
    CHECK(f.wait_p90_minutes == 40);
    REQUIRE(f.top_booths.size() == 2);
    CHECK(f.top_booths[0].name_en == "B02");
    CHECK(f.top_booths[0].count == 2);
    REQUIRE(f.top_schools.size() == 2);
    CHECK(f.top_schools[0].name_vi == "Trường Cao đẳng A");
    CHECK(f.top_schools[0].count == 3);
    REQUIRE(f.top_trades.size() == 2);
    CHECK(f.top_trades[0].name_vi == "Hàn");
}

TEST_CASE("reports: the date is the fair's own, never the machine's nor a check-in's") {
    // The check-ins happen on 14/03/2025 (the store's clock); the fair says 20/11/2025.
    const Store dated = sample_day(1, "2025-11-20");
    const reports::DayFigures f = reports::day_figures(dated, at(9, 0));
    CHECK(f.date == "20/11/2025");
    CHECK(f.date_line == "Thứ Năm, 20/11/2025 / Thursday 20 November 2025");
    CHECK(f.venue == "Nhà văn hóa <Quảng Yên>");
    const std::string html = reports::summary_html(dated, at(9, 0));
    CHECK(html.find("Thứ Năm, 20/11/2025 / Thursday 20 November 2025") != std::string::npos);
    CHECK(html.find("Nhà văn hóa &lt;Quảng Yên&gt;") != std::string::npos);
    CHECK(html.find("14/03/2025") == std::string::npos);

    // A fair dated 14/03/2025 says so, whatever day the machine thinks it is.
    CHECK(reports::summary_html(sample_day(), at(9, 0)).find("14/03/2025") != std::string::npos);

    // Without a date the report says it has none, even with check-ins on a known day.
    const Store undated = sample_day(1, std::nullopt);
    CHECK_FALSE(reports::day_figures(undated, at(9, 0)).date.has_value());
    const std::string none = reports::summary_html(undated, at(9, 0));
    CHECK(none.find("Chưa có ngày tổ chức / No date set") != std::string::npos);
    CHECK(none.find("/2025") == std::string::npos);
    const std::chrono::year_month_day today{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    CHECK(none.find("/" + std::to_string(int(today.year()))) == std::string::npos);

    Store quiet(":memory:", fixed_clock(1));
    Fair fair = testing::small_fair();
    add_booth(fair, "B01");
    quiet.import_fair(fair, "test");
    CHECK(reports::summary_html(quiet, at(9, 0)).find("Chưa có số liệu") != std::string::npos);
}

TEST_CASE("reports: the summary is printable with every text from the data escaped") {
    const Store store = sample_day();
    const std::string html = reports::summary_html(store, at(9, 10));
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("@page { size: A4") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("Sở Lao động – Thương binh và Xã hội") != std::string::npos);
    CHECK(html.find("Hội chợ &lt;Sông Khoai&gt; &amp; &quot;2025&quot;") != std::string::npos);
    CHECK(html.find("<Sông Khoai>") == std::string::npos);
    CHECK(html.find("Công ty &quot;Hải, Long&quot; &lt;b&gt;") != std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("14/03/2025") != std::string::npos);
    CHECK(html.find("09:10") != std::string::npos);
    CHECK(html.find("25,0%") != std::string::npos);      // no-show rate 1 / (3 + 1)
    CHECK(html.find("21,7 phút") != std::string::npos);  // mean wait
    CHECK(html.find("40 phút") != std::string::npos);    // p90
    // Self-contained: nothing fetched from elsewhere.
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("reports: a walk-in of another trade shows the trade they typed, in both lists") {
    Fair fair = testing::small_fair(4);
    add_booth(fair, "B01");  // any trade
    add_student(fair, "S1", {"B01"}).occupation = "welding";
    Store store(":memory:", fixed_clock(1));
    store.import_fair(fair, "test");
    store.issue_tickets("test");
    Student walk_in = add_student(fair, "ignored", {"B01"});  // no occupation code
    walk_in.name = "Phạm Văn Đức";
    Store::StudentDetails details;
    details.phone = "0912345678";
    details.consent_json = R"({"interview":true,"follow_up":true})";
    details.occupation_text = "Sửa chữa điện thoại";
    const StudentId id = store.register_walk_in(walk_in, details, "k1", "d1", "kiosk").student;
    store.save_planned_schedule(
        {{StudentId("S1"), BoothId("B01"), 0, at(8, 0)}, {id, BoothId("B01"), 0, at(8, 15)}},
        "engine");
    store.check_in(StudentId("S1"), at(8, 0), std::nullopt, "kiosk");
    store.check_in(id, at(8, 5), std::nullopt, "kiosk");
    const auto rows = store.interviews();
    finish(store, find_interview(rows, "S1", "B01").id, InterviewOutcome::offer);
    finish(store, find_interview(rows, id.str().c_str(), "B01").id, InterviewOutcome::next_round);

    const Table table = read_csv(reports::interviews_csv(store));
    REQUIRE(table.size() == 3);
    std::map<std::string, size_t> column;
    for (size_t c = 0; c < table[0].size(); ++c)
        column[table[0][c]] = c;
    CHECK(table[1][column.at("Nghề / Trade")] == "Hàn");
    CHECK(table[2][column.at("Mã học viên / Student id")] == id.str());
    CHECK(table[2][column.at("Nghề / Trade")] == "Ngành khác: Sửa chữa điện thoại");

    const auto lists = reports::follow_up_lists(store);
    REQUIRE(lists.size() == 1);
    REQUIRE(lists[0].rows.size() == 2);
    CHECK(lists[0].rows[0].trade == "Hàn");
    CHECK(lists[0].rows[1].student == id.str());
    CHECK(lists[0].rows[1].trade == "Ngành khác: Sửa chữa điện thoại");
    const auto sheet = reports::follow_up_sheet(lists[0], "Hội chợ");
    CHECK(sheet.rows[1][5] == "Ngành khác: Sửa chữa điện thoại");  // the "Nghề / Trade" column
}
