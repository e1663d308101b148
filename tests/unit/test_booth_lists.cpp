// The paper fallback (scheduler/reports/booth_lists.hpp): each booth's seats, slots and standby
// queue on printable pages, dated with the fair's own date.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "common/store.hpp"
#include "scheduler/reports/booth_lists.hpp"
#include "tests/unit/fair_builder.hpp"

using namespace jobfair;
using reports::booth_lists;

namespace {

// B01 (two seats, a break at 08:30) and B02; S0001 promised at B01, S0002 done at B01 seat 2,
// S0003 checked in and waiting in B01's standby queue, S0004 planned only.
Store morning(std::optional<std::string> date) {
    Fair fair = testing::small_fair(4);
    fair.settings.name = "Ngày hội việc làm Sông Khoai 2025";
    fair.settings.date = std::move(date);
    Booth& amata = testing::add_booth(fair, "B01", 2);
    amata.enterprise = "Công ty TNHH Điện tử <Amata> & Co";
    amata.location = "Khu A, ô 7";
    amata.breaks = {{testing::at(8, 30), testing::at(8, 45)}};
    testing::add_booth(fair, "B02");
    Student& nhung = testing::add_student(fair, "S0001", {"B01"});
    nhung.name = "Nguyễn Thị Hồng Nhung";
    nhung.school = "Trường Cao đẳng Việt – Hàn Quảng Ninh";
    nhung.occupation = "welding";
    testing::add_student(fair, "S0002", {"B01"}).name = "Trần Văn An";
    testing::add_student(fair, "S0003", {"B02", "B01"}).name = "Phạm Đức Mạnh";
    testing::add_student(fair, "S0004", {"B01"}).name = "Lê Thùy Linh";

    Store store(":memory:");
    store.import_fair(fair, "test");
    store.issue_tickets("test");
    store.save_planned_schedule({{StudentId("S0001"), BoothId("B01"), 0, testing::at(8, 0)},
                                 {StudentId("S0002"), BoothId("B01"), 1, testing::at(8, 0)},
                                 {StudentId("S0004"), BoothId("B01"), 0, testing::at(8, 45)}},
                                "server");
    for (const char* id : {"S0001", "S0002", "S0003"})
        store.check_in(StudentId(id), testing::at(8, 0), std::nullopt, "kiosk");
    for (const auto& row : store.interviews()) {
        if (row.interview.student != StudentId("S0002")) continue;
        store.move_interview(row.id, InterviewStatus::called, "booth");
        store.move_interview(row.id, InterviewStatus::in_progress, "booth");
        store.move_interview(row.id, InterviewStatus::done, "booth",
                             {std::nullopt, InterviewOutcome::offer, {}});
    }
    // A walk-in of another trade, in B01's standby queue with the trade they typed.
    Student duc = testing::add_student(fair, "ignored", {"B01"});
    duc.name = "Phạm Văn Đức";
    Store::StudentDetails typed;
    typed.occupation_text = "Sửa chữa điện thoại";
    const StudentId walk_in = store.register_walk_in(duc, typed, "k1", "d1", "kiosk").student;
    store.check_in(walk_in, testing::at(8, 0), std::nullopt, "kiosk");
    return store;
}

bool has(const std::string& html, const std::string& text) {
    return html.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("booth lists: one page per seat with every slot and a standby queue") {
    const Store store = morning("2025-03-14");
    const auto files = booth_lists(store, std::nullopt);
    REQUIRE(files.size() == 4);  // B01, B02, all, index
    CHECK(files[0].name == "01-B01.html");
    CHECK(files[1].name == "02-B02.html");
    CHECK(files[2].name == "tat-ca-all.html");
    CHECK(files[3].name == "index.html");

    const std::string& b01 = files[0].html;
    CAPTURE(b01);
    CHECK(has(b01, "<html lang=\"vi\">"));
    CHECK(has(b01, "@page { size: A4 landscape"));
    CHECK(has(b01, "break-before: page"));
    CHECK(has(b01, "<span class=\"id\">B01</span>Công ty TNHH Điện tử &lt;Amata&gt; &amp; Co"));
    CHECK(has(b01, "Khu A, ô 7"));
    CHECK(has(b01, "Bàn 1 / <span class=\"en\">Seat 1"));
    CHECK(has(b01, "Bàn 2 / <span class=\"en\">Seat 2"));
    CHECK(has(b01, "Danh sách chờ"));
    CHECK(has(b01, "Standby queue"));
    // The fair's date, in both languages, never the machine's.
    CHECK(has(b01, "Thứ Sáu, 14/03/2025 / Friday 14 March 2025"));
    // Every slot: the interviews, the break and the free ones.
    CHECK(has(b01, "08:00–08:15"));
    CHECK(has(b01, "08:15–08:30"));
    CHECK(has(b01, "Nghỉ / Break"));
    CHECK(has(b01,
              "<td class=\"label\">A-0001</td><td>Nguyễn Thị Hồng Nhung</td>"
              "<td>Trường Cao đẳng Việt – Hàn Quảng Ninh</td><td>Hàn</td>"));
    CHECK(has(b01, "Đã hẹn <span class=\"en\">/ promised"));
    CHECK(has(b01, "Đã xong: nhận việc <span class=\"en\">/ done: offer"));
    CHECK(has(b01, "Chưa đến <span class=\"en\">/ not arrived"));
    CHECK(has(b01, "Trống<br><span class=\"en\">Free"));
    CHECK(has(b01, "<td class=\"tick\"></td>"));
    // S0003 chose B01 second and has no interview there: in its standby queue, with the choice.
    CHECK(has(b01, "<td class=\"label\">A-0003</td><td>Phạm Đức Mạnh</td>"));
    CHECK(has(b01, "<td>2 · 08:00</td>"));
    CHECK(has(b01, "<td>Phạm Văn Đức</td><td></td><td>Ngành khác: Sửa chữa điện thoại</td>"));
    // Seat sheets, then the standby sheet: three sheets for B01.
    std::size_t sheets = 0;
    for (auto at = b01.find("<section class=\"sheet\">"); at != std::string::npos;
         at = b01.find("<section class=\"sheet\">", at + 1))
        ++sheets;
    CHECK(sheets == 3);

    CHECK(has(files[2].html, "<span class=\"id\">B02</span>"));
    CHECK(has(files[2].html, "<span class=\"id\">B01</span>"));
    CHECK(has(files[3].html, "href=\"01-B01.html\""));
}

TEST_CASE("booth lists: a fair without a date says so") {
    const Store store = morning(std::nullopt);
    const auto files = booth_lists(store, testing::at(8, 15));
    CHECK(has(files[0].html, "Chưa có ngày tổ chức / No date set"));
    CHECK(has(files[0].html, "Giờ hội chợ / <span class=\"en\">Fair time</span>: 08:15"));
    // The machine's date appears nowhere.
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{today};
    char machine[16];
    std::snprintf(machine, sizeof machine, "%02u/%02u/%04d", unsigned(ymd.day()),
                  unsigned(ymd.month()), int(ymd.year()));
    CHECK_FALSE(has(files[0].html, machine));
}

TEST_CASE("booth lists: file names are the booth's place and id in plain ASCII") {
    CHECK(reports::booth_list_file_name(7, "B07") == "07-B07.html");
    CHECK(reports::booth_list_file_name(12, "Gian 3/Á") == "12-Gian_3___.html");
}
