// The spreadsheet reader (common/sheets): CSV files, sheet look-up and column names.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "common/sheets/workbook.hpp"
#include "qr_test_support.hpp"

using namespace jobfair::sheets;
using jobfair::testing::TemporaryFolder;

namespace {

std::string csv_refusal(const std::string& text) {
    try {
        read_csv(text, "Gian hàng");
    } catch (const WorkbookError& error) {
        return error.what();
    }
    FAIL("the file was read");
    return {};
}

bool contains(const std::string& text, const std::string& words) {
    return text.find(words) != std::string::npos;
}

// Both languages, the file's name, and the reason in English.
void check_refusal(const std::string& message, const std::string& file, const std::string& why) {
    CHECK_MESSAGE(contains(message, "Không đọc được tệp"), message);
    CHECK_MESSAGE(contains(message, "Cannot read the"), message);
    CHECK_MESSAGE(contains(message, "\"" + file + "\""), message);
    CHECK_MESSAGE(contains(message, why), message);
}

}  // namespace

TEST_CASE("sheets: column letters count as Excel does") {
    CHECK(column_letters(0) == "A");
    CHECK(column_letters(25) == "Z");
    CHECK(column_letters(26) == "AA");
    CHECK(column_letters(701) == "ZZ");
    CHECK(column_letters(702) == "AAA");
    CHECK(column_letters(16383) == "XFD");
}

TEST_CASE("sheets workbook: find prefers the exact name then ignores case and diacritics") {
    Workbook book;
    book.sheets.push_back(Sheet{"Hoc sinh", {}});
    book.sheets.push_back(Sheet{"Học sinh", {}});
    book.sheets.push_back(Sheet{"Gian hàng", {}});
    CHECK(book.find("Học sinh") == &book.sheets[1]);
    CHECK(book.find("HỌC SINH") == &book.sheets[0]);  // the first that folds the same
    CHECK(book.find("gian hang") == &book.sheets[2]);
    CHECK(book.find("Doanh nghiệp") == nullptr);
}

TEST_CASE("sheets csv: BOM and semicolons and a quoted field holding a newline and quotes") {
    const std::string text =
        "\xEF\xBB\xBFMã gian;Doanh nghiệp;Ghi chú\r\n"
        "B01;Công ty TNHH \"Việt – Hàn\";\"Tầng 2\r\ncửa \"\"B\"\"; gần thang máy\"\r\n"
        "B02;  Dệt may Hạ Long ;\r\n";
    const Sheet sheet = read_csv(text, "Gian hàng");
    CHECK(sheet.name == "Gian hàng");
    REQUIRE(sheet.row_count() == 3);
    CHECK(sheet.at(0, 0).text == "Mã gian");  // the BOM is not part of the first header
    CHECK(sheet.at(0, 2).text == "Ghi chú");
    CHECK(sheet.at(1, 1).text == "Công ty TNHH \"Việt – Hàn\"");
    CHECK(sheet.at(1, 2).text == "Tầng 2\r\ncửa \"B\"; gần thang máy");
    CHECK(sheet.at(2, 1).text == "  Dệt may Hạ Long ");  // as stored
    CHECK(sheet.at(2, 1).kind == Cell::Kind::text);
    CHECK(sheet.rows[2].size() == 3);
    CHECK(sheet.at(2, 2).kind == Cell::Kind::empty);
}

TEST_CASE("sheets csv: commas and LF and blank lines kept as rows") {
    const Sheet sheet = read_csv("student,school\nS0001,\"Trường A, cơ sở 2\"\n\n,S0003\n", "s");
    REQUIRE(sheet.row_count() == 4);
    CHECK(sheet.at(1, 1).text == "Trường A, cơ sở 2");
    CHECK(sheet.rows[2].empty());
    CHECK(sheet.at(3, 0).empty());
    CHECK(sheet.at(3, 1).text == "S0003");
    // A tab-separated file, and a header whose quoted name holds a ';'.
    const Sheet tabs = read_csv("\"a;b\"\tc\n1\t2", "t");
    CHECK(tabs.at(0, 0).text == "a;b");
    CHECK(tabs.at(1, 1).text == "2");
}

TEST_CASE("sheets csv: a file saved as Windows-1258 is refused naming the line") {
    // "Nguyễn Văn An" in Windows-1258: ê is 0xEA, the combining tilde 0xDE, ă 0xE3.
    const std::string text = "student,name\nS0001,An\nS0002,Nguy\xEA\xDEn V\xE3n An\n";
    const std::string message = csv_refusal(text);
    check_refusal(message, "Gian hàng", "line 3 is not UTF-8");
    CHECK_MESSAGE(contains(message, "dòng 3"), message);
    CHECK_MESSAGE(contains(message, "\"CSV UTF-8\""), message);
}

TEST_CASE("sheets csv: an unclosed quote and UTF-16 are refused") {
    check_refusal(csv_refusal("a,b\n\"never closed,1\n2,3\n"), "Gian hàng",
                  "quote opened on line 2 is never closed");
    check_refusal(csv_refusal(std::string("\xFF\xFE"
                                          "a\0,\0b\0",
                                          8)),
                  "Gian hàng", "UTF-16");
}

TEST_CASE("sheets csv: a file's sheet is named after the file") {
    const TemporaryFolder folder("sheets-csv");
    const std::filesystem::path path = folder.path() / "Học sinh.csv";
    std::ofstream(path, std::ios::binary) << "Mã;Họ và tên\nS0001;Nguyễn Thị Đào\n";
    const Sheet sheet = read_csv_file(path);
    CHECK(sheet.name == "Học sinh");
    CHECK(sheet.at(1, 1).text == "Nguyễn Thị Đào");
    try {
        read_csv_file(folder.path() / "missing.csv");
        FAIL("a missing file was read");
    } catch (const WorkbookError& error) {
        check_refusal(error.what(), "missing.csv", "cannot open the file");
    }
}
