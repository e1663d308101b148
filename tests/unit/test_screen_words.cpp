// Issue 17 item 2: in Vietnamese mode every visible word is Vietnamese. Scans the Vietnamese
// string tables of the four programs (and the trade and level names they all show) for English
// words and for what a visitor should never read: server ids, environment variables, flags.
#include <doctest/doctest.h>

#include <cstddef>
#include <regex>
#include <string>
#include <vector>

#include "common/level.hpp"
#include "common/occupations.hpp"
#include "kiosk/board/model/board_strings.hpp"
#include "kiosk/booth/model/booth_strings.hpp"
#include "kiosk/checkin/model/strings.hpp"
#include "kiosk/dashboard/model/dashboard_strings.hpp"

using namespace jobfair;

namespace {

struct Forbidden {
    const char* pattern;  // ECMAScript, matched case-insensitively
    const char* why;
};

// What leaked before (issue 17): "check-in" where Vietnamese says "điểm danh", the kiosk's
// English name, "P90" for the 9-in-10 wait, a trade left in English, a student id (S0483), an
// interview's number (#58), an environment variable or a command-line flag.
const std::vector<Forbidden>& forbidden() {
    static const std::vector<Forbidden> list{
        {R"(check[- ]?in)", "“điểm danh”"},
        {R"(\bkiosk|ki-ốt)", "“máy điểm danh”"},
        {R"(\bp90\b|\bpercentile)", "“9/10 sinh viên”"},
        {R"(\blogistics\b)", "“kho vận”"},
        {R"(\bs0\d+)", "a student id is the server's, never shown"},
        {R"(#\d)", "an internal number, never shown"},
        {R"(jobfair_)", "an environment variable"},
        {R"((^|\s)--[a-z])", "a command-line flag"},
        {R"(\b(booth|seat|student|interview|waiting|queue|standby|offline|online|kiosk)\b)",
         "an English word"},
    };
    return list;
}

struct Row {
    std::string where;
    std::string vi;
};

// The first forbidden pattern `text` matches, with why; empty when it is clean.
std::string leak_in(const std::string& text) {
    for (const Forbidden& entry : forbidden()) {
        const std::regex re(entry.pattern, std::regex::ECMAScript | std::regex::icase);
        if (std::regex_search(text, re)) return std::string(entry.pattern) + " (" + entry.why + ")";
    }
    return {};
}

template <typename Id, typename Tr>
void add_table(std::vector<Row>& rows, const char* program, std::size_t count, Tr tr_vi) {
    for (std::size_t i = 0; i < count; ++i)
        rows.push_back(
            {std::string(program) + " row " + std::to_string(i), tr_vi(static_cast<Id>(i))});
}

std::vector<Row> every_vietnamese_row() {
    std::vector<Row> rows;
    add_table<checkin::Text>(rows, "check-in kiosk", checkin::kTextCount,
                             [](checkin::Text t) { return checkin::tr(t, Language::vi); });
    add_table<booth::BoothText>(rows, "booth station", booth::kBoothTextCount,
                                [](booth::BoothText t) { return booth::tr(t, Language::vi); });
    add_table<dashboard::DashText>(
        rows, "dashboard", dashboard::kDashTextCount,
        [](dashboard::DashText t) { return dashboard::tr(t, Language::vi); });
    add_table<board::BoardText>(rows, "board", board::kBoardTextCount,
                                [](board::BoardText t) { return board::tr(t, Language::vi); });
    for (const Occupation& occupation : occupation_catalogue())
        rows.push_back({"trade " + std::string(occupation.code), std::string(occupation.name_vi)});
    for (Level level : {Level::none, Level::intermediate, Level::college, Level::university})
        rows.push_back(
            {"level " + std::string(level_code(level)), std::string(level_name_vi(level))});
    return rows;
}

}  // namespace

TEST_CASE("screen words: the check finds each kind of leak") {
    // The check itself must be able to fail: one sample per pattern.
    CHECK_FALSE(leak_in("Lượt check-in mỗi 15 phút").empty());
    CHECK_FALSE(leak_in("Ki-ốt check-in").empty());
    CHECK_FALSE(leak_in("Phiên bản máy Kiosk").empty());
    CHECK_FALSE(leak_in("Chờ P90").empty());
    CHECK_FALSE(leak_in("Logistics").empty());
    CHECK_FALSE(leak_in("Sinh viên S0483").empty());
    CHECK_FALSE(leak_in("Buổi #58").empty());
    CHECK_FALSE(leak_in("Đặt JOBFAIR_SERVER").empty());
    CHECK_FALSE(leak_in("khởi động lại với --device-code.").empty());
    CHECK_FALSE(leak_in("Gian B07 offline").empty());
    // ... and lets Vietnamese, ticket labels, booth codes and the words Vietnamese uses pass.
    CHECK(leak_in("Đã điểm danh").empty());
    CHECK(leak_in("Vé A-0412 · gian B07 · bàn 2").empty());
    CHECK(leak_in("Nhập mã PIN 6 số").empty());
    CHECK(leak_in("Kho vận").empty());
    CHECK(leak_in("9/10 sinh viên chờ dưới").empty());
}

TEST_CASE("screen words: every Vietnamese string of the four programs is Vietnamese") {
    const std::vector<Row> rows = every_vietnamese_row();
    CHECK(rows.size() > 400);  // the four tables really were read
    for (const Row& row : rows) {
        INFO(row.where, ": ", row.vi);
        CHECK(leak_in(row.vi) == "");
    }
}
