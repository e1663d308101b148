// The spreadsheet reader (common/sheets): workbooks written by the programs organizers use
// (openpyxl, LibreOffice Calc; tests/data/sheets/make_fixtures.py remakes them), small workbooks
// written here to reach what those programs never write, hostile files, and CSV files.
#include <doctest/doctest.h>
#include <zip.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "common/sheets/workbook.hpp"
#include "qr_test_support.hpp"

using namespace jobfair::sheets;
using jobfair::testing::TemporaryFolder;

namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(JOBFAIR_SOURCE_DIR) / "tests" / "data" / "sheets";

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A zip holding exactly `parts` (name -> content), written by libzip as any writer would.
// Stored uncompressed, so a test can find and change the sizes its directory declares.
std::string zip_of(const std::map<std::string, std::string>& parts) {
    const TemporaryFolder folder("sheets-zip");
    const std::string path = (folder.path() / "book.xlsx").string();
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(zip != nullptr);
    for (const auto& [name, content] : parts) {
        zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
        REQUIRE(source != nullptr);
        const zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE);
        REQUIRE(index >= 0);
        REQUIRE(zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) ==
                0);
    }
    REQUIRE(zip_close(zip) == 0);  // `parts` is still alive here: libzip reads it now
    return read_bytes(path);
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelations =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string one_sheet_workbook() {
    return std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRelations +
           "\"><sheets><sheet name=\"Trang 1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
}

std::string workbook_rels(const std::string& sheet_target) {
    return std::string(
               "<Relationships "
               "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"") +
           kRelations + "/worksheet\" Target=\"" + sheet_target + "\"/></Relationships>";
}

std::string worksheet(const std::string& sheet_data) {
    return std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData>" + sheet_data +
           "</sheetData></worksheet>";
}

// The smallest workbook Excel would open: one sheet with the given <sheetData> content.
std::string workbook_with_sheet_data(const std::string& sheet_data) {
    return zip_of({{"xl/workbook.xml", one_sheet_workbook()},
                   {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
                   {"xl/worksheets/sheet1.xml", worksheet(sheet_data)}});
}

// The message of the WorkbookError reading `bytes` throws; fails the test when it reads.
std::string xlsx_refusal(const std::string& bytes, const std::string& file = "hoi-cho.xlsx") {
    try {
        read_xlsx(bytes, file);
    } catch (const WorkbookError& error) {
        return error.what();
    }
    FAIL("the file was read");
    return {};
}

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

// Changes the uncompressed size that both the local header and the central directory declare
// for `name`, as a hostile or broken writer would.
void declare_size(std::string& zip, const std::string& name, std::uint32_t size) {
    const auto put = [&](std::size_t at) {
        for (int i = 0; i < 4; ++i)
            zip[at + static_cast<std::size_t>(i)] = static_cast<char>((size >> (8 * i)) & 0xFF);
    };
    int patched = 0;
    for (std::size_t at = zip.find("PK\x03\x04"); at != std::string::npos;
         at = zip.find("PK\x03\x04", at + 1)) {
        if (zip.compare(at + 30, name.size(), name) == 0) {
            put(at + 22);
            ++patched;
        }
    }
    for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
         at = zip.find("PK\x01\x02", at + 1)) {
        if (zip.compare(at + 46, name.size(), name) == 0) {
            put(at + 24);
            ++patched;
        }
    }
    REQUIRE(patched == 2);
}

// What make_fixtures.py writes; `eight_thirty` is the number as the program wrote it.
void check_booths_workbook(const Workbook& book, const std::string& eight_thirty) {
    REQUIRE(book.sheets.size() == 2);
    CHECK(book.sheets[0].name == "Gian hàng");
    CHECK(book.sheets[1].name == "Học sinh");
    CHECK_FALSE(book.date1904);
    const Sheet& booths = book.sheets[0];

    // The merged title: the value in its first cell, the merged-over cells empty.
    CHECK(booths.at(0, 0).kind == Cell::Kind::text);
    CHECK(booths.at(0, 0).text == "Ngày hội việc làm – Quảng Ninh 2025");
    CHECK(booths.at(0, 1).empty());
    CHECK(booths.at(1, 0).text == "Mã gian");
    CHECK(booths.at(1, 5).text == "Có phiên dịch");
    CHECK(booths.at(2, 1).text == "Công ty TNHH Điện tử Việt – Hàn");

    // 8:30 as a real time cell, and as a number typed with a custom "hh:mm" format.
    for (const std::size_t row : {2u, 3u}) {
        const Cell& start = booths.at(row, 2);
        CHECK(start.kind == Cell::Kind::number);
        CHECK(start.number == doctest::Approx(8.5 / 24).epsilon(1e-12));
        CHECK(start.text == eight_thirty);
        CHECK(start.time_format);
    }
    CHECK(booths.at(2, 3).number == doctest::Approx(11.75 / 24).epsilon(1e-12));
    CHECK(booths.at(2, 3).time_format);
    CHECK(booths.at(3, 3).text == "0.5");
    CHECK(booths.at(3, 3).time_format);  // "[h]:mm", elapsed hours

    // A phone typed as text stays text, with its leading zero.
    CHECK(booths.at(2, 4).kind == Cell::Kind::text);
    CHECK(booths.at(2, 4).text == "0912345678");
    CHECK(booths.at(3, 4).text == "0203 3825 123");

    CHECK(booths.at(2, 5).kind == Cell::Kind::boolean);
    CHECK(booths.at(2, 5).text == "TRUE");
    CHECK(booths.at(2, 5).number == 1);
    CHECK(booths.at(3, 5).kind == Cell::Kind::boolean);
    CHECK(booths.at(3, 5).text == "FALSE");

    // Two blank rows, kept as rows so row numbers match the spreadsheet's.
    REQUIRE(booths.row_count() == 7);
    CHECK(booths.rows[4].empty());
    CHECK(booths.rows[5].empty());
    CHECK(booths.at(6, 2).kind == Cell::Kind::number);
    CHECK(booths.at(6, 2).text == "12");
    CHECK(booths.at(6, 2).number == 12);
    CHECK_FALSE(booths.at(6, 2).time_format);
    CHECK(booths.at(6, 3).number == 2.5);
    CHECK(booths.at(6, 4).empty());
    CHECK(booths.at(6, 6).number == 45731);  // 2025-03-15
    CHECK(booths.at(6, 6).time_format);      // a date format counts as well

    CHECK(booths.at(100, 100).empty());
    const Sheet* students = book.find("hoc sinh");
    REQUIRE(students != nullptr);
    CHECK(students->at(1, 1).text == "Nguyễn Thị Đào");
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

TEST_CASE("sheets xlsx: a workbook written by openpyxl") {
    // openpyxl writes inline strings, absolute relationship targets and no shared strings.
    const Workbook book = read_xlsx_file(kFixtures / "booths-openpyxl.xlsx");
    check_booths_workbook(book, "0.3541666666666667");
}

TEST_CASE("sheets xlsx: the same workbook re-saved by LibreOffice Calc") {
    // LibreOffice writes shared strings, relative targets, styled empty cells over the merged
    // title, booleans as formulas with their values, and numbers to 15 digits.
    const Workbook book = read_xlsx_file(kFixtures / "booths-libreoffice.xlsx");
    check_booths_workbook(book, "0.354166666666667");
    CHECK(book.sheets[0].rows[0].size() == 1);  // the styled empty cells B1:E1 add nothing
}

TEST_CASE("sheets xlsx: prefixed XML and missing references and every cell type") {
    const std::string x = "xmlns:x=\"" + std::string(kMain) + "\"";
    const std::string workbook = "<x:workbook " + x + " xmlns:r=\"" + kRelations +
                                 "\"><x:workbookPr date1904=\"1\"/><x:sheets>"
                                 "<x:sheet name=\"Một\" sheetId=\"1\" r:id=\"rId7\"/>"
                                 "</x:sheets></x:workbook>";
    const std::string rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId7\" Type=\"" +
        std::string(kRelations) +
        "/worksheet\" Target=\"/xl/worksheets/../worksheets/one.xml\"/>"
        "<Relationship Id=\"rId8\" Type=\"" +
        std::string(kRelations) +
        "/sharedStrings\" Target=\"strings.xml\"/>"
        "<Relationship Id=\"rId9\" Type=\"" +
        std::string(kRelations) + "/styles\" Target=\"styles.xml\"/></Relationships>";
    // Rich text runs with a phonetic run to ignore, and a text of spaces only.
    const std::string strings = "<x:sst " + x +
                                "><x:si><x:r><x:t>Trường </x:t></x:r><x:r><x:rPr/>"
                                "<x:t>Hạ Long</x:t></x:r><x:rPh><x:t>はろん</x:t></x:rPh></x:si>"
                                "<x:si><x:t xml:space=\"preserve\">  </x:t></x:si></x:sst>";
    // Styles 0..5: general, "[h]:mm", built-in 20 (h:mm), built-in 2 (0.00), a colour with a
    // quoted word, an escaped d.
    const std::string styles = "<x:styleSheet " + x +
                               "><x:numFmts><x:numFmt numFmtId=\"170\" formatCode=\"[h]:mm\"/>"
                               "<x:numFmt numFmtId=\"171\" formatCode=\"[Red]0&quot; giờ "
                               "sáng&quot;\"/><x:numFmt numFmtId=\"172\" formatCode=\"0\\d\"/>"
                               "</x:numFmts><x:cellXfs><x:xf numFmtId=\"0\"/><x:xf "
                               "numFmtId=\"170\"/><x:xf numFmtId=\"20\"/><x:xf numFmtId=\"2\"/>"
                               "<x:xf numFmtId=\"171\"/><x:xf numFmtId=\"172\"/></x:cellXfs>"
                               "</x:styleSheet>";
    // Row 1 without r="", its cells without r="" either: A1, B1, ... in order.
    const std::string sheet =
        "<x:worksheet " + x +
        "><x:sheetData>"
        "<x:row><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"s\"><x:v>1</x:v></x:c>"
        "<x:c t=\"str\"><x:f>A1&amp;\"\"</x:f><x:v>Dòng 1_x000D_</x:v></x:c>"
        "<x:c t=\"e\"><x:v>#N/A</x:v></x:c><x:c t=\"d\"><x:v>2025-03-15T08:30:00</x:v></x:c>"
        "<x:c t=\"inlineStr\"><x:is><x:t>nội tuyến</x:t></x:is></x:c>"
        "<x:c><x:f>NOW()</x:f></x:c></x:row>"
        "<x:row r=\"3\"><x:c r=\"B3\" s=\"1\"><x:v>1.5</x:v></x:c><x:c s=\"2\"><x:v>0.25</x:v>"
        "</x:c><x:c s=\"3\"><x:v>7</x:v></x:c><x:c s=\"4\"><x:v>8</x:v></x:c>"
        "<x:c s=\"5\" t=\"n\"><x:v>-1E3</x:v></x:c></x:row>"
        "<x:row><x:c r=\"A4\"><x:v>4</x:v></x:c></x:row>"
        "</x:sheetData></x:worksheet>";
    const Workbook book = read_xlsx(zip_of({{"xl/workbook.xml", workbook},
                                            {"xl/_rels/workbook.xml.rels", rels},
                                            {"xl/strings.xml", strings},
                                            {"xl/styles.xml", styles},
                                            {"xl/worksheets/one.xml", sheet}}),
                                    "prefixed.xlsx");
    CHECK(book.date1904);
    REQUIRE(book.sheets.size() == 1);
    const Sheet& one = book.sheets[0];
    CHECK(one.name == "Một");
    CHECK(one.at(0, 0).text == "Trường Hạ Long");
    CHECK(one.at(0, 1).kind == Cell::Kind::text);
    CHECK(one.at(0, 1).text == "  ");  // as stored: the mapping layer trims
    CHECK(one.at(0, 2).text == "Dòng 1\r");
    CHECK(one.at(0, 3).kind == Cell::Kind::error);
    CHECK(one.at(0, 3).text == "#N/A");
    CHECK(one.at(0, 4).kind == Cell::Kind::text);
    CHECK(one.at(0, 4).text == "2025-03-15T08:30:00");
    CHECK(one.at(0, 5).text == "nội tuyến");
    CHECK(one.at(0, 6).kind == Cell::Kind::empty);  // a formula never calculated
    CHECK(one.rows[0].size() == 6);

    CHECK(one.rows[1].empty());
    CHECK(one.at(2, 0).empty());
    CHECK(one.at(2, 1).time_format);        // [h]:mm
    CHECK(one.at(2, 2).time_format);        // built-in 20
    CHECK_FALSE(one.at(2, 3).time_format);  // built-in 2
    CHECK_FALSE(one.at(2, 4).time_format);  // [Red] and "giờ sáng" are not date tokens
    CHECK_FALSE(one.at(2, 5).time_format);  // \d is a literal d
    CHECK(one.at(2, 5).number == -1000);
    CHECK(one.at(2, 5).text == "-1E3");
    CHECK(one.at(3, 0).number == 4);  // a row without r="" follows row 3
}

TEST_CASE("sheets xlsx: a lone cell far down costs empty rows and no empty cells") {
    const Workbook book = read_xlsx(
        workbook_with_sheet_data("<row r=\"5\"><c r=\"XFD5\" s=\"1\"/></row>"
                                 "<row r=\"1000000\"><c r=\"C1000000\"><v>1</v></c></row>"),
        "far.xlsx");
    const Sheet& sheet = book.sheets.at(0);
    REQUIRE(sheet.row_count() == 1000000);
    CHECK(sheet.rows[4].empty());  // a styled empty cell at XFD5 allocates nothing
    CHECK(sheet.rows[999999].size() == 3);
    CHECK(sheet.at(999999, 2).number == 1);
}

TEST_CASE("sheets xlsx: references beyond XFD1048576 are refused") {
    const std::string beyond_columns =
        xlsx_refusal(workbook_with_sheet_data("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"));
    check_refusal(beyond_columns, "hoi-cho.xlsx", "XFE1");
    const std::string beyond_rows = xlsx_refusal(
        workbook_with_sheet_data("<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row>"));
    check_refusal(beyond_rows, "hoi-cho.xlsx", "1048577");
    const std::string huge_number = xlsx_refusal(
        workbook_with_sheet_data("<row r=\"1\"><c r=\"A99999999999999999999999\"><v>1</v>"
                                 "</c></row>"));
    check_refusal(huge_number, "hoi-cho.xlsx", "beyond Excel's limits");
    // The last cell Excel allows is read.
    const Workbook last = read_xlsx(
        workbook_with_sheet_data("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"),
        "last.xlsx");
    CHECK(last.sheets.at(0).at(1048575, 16383).number == 1);
}

TEST_CASE("sheets xlsx: garbage bytes and old .xls files are refused with what to do") {
    check_refusal(xlsx_refusal("this is not a spreadsheet at all, just text"), "hoi-cho.xlsx",
                  "not a zip");
    check_refusal(xlsx_refusal(""), "hoi-cho.xlsx", "the file is empty");
    const std::string xls = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest";
    check_refusal(xlsx_refusal(xls), "hoi-cho.xlsx", "save it as \"Excel Workbook (.xlsx)\"");
    // A zip cut short, as an interrupted copy from a USB stick leaves it.
    const std::string whole = workbook_with_sheet_data("<row r=\"1\"><c><v>1</v></c></row>");
    check_refusal(xlsx_refusal(whole.substr(0, whole.size() / 2)), "hoi-cho.xlsx",
                  "Cannot read the Excel file");
}

TEST_CASE("sheets xlsx: a zip without workbook.xml is refused") {
    const std::string message = xlsx_refusal(zip_of({{"readme.txt", "hello"}}));
    check_refusal(message, "hoi-cho.xlsx", "no xl/workbook.xml part");
}

TEST_CASE("sheets xlsx: a sheet whose part is missing is refused") {
    const std::string message = xlsx_refusal(
        zip_of({{"xl/workbook.xml", one_sheet_workbook()},
                {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/gone.xml")}}));
    check_refusal(message, "hoi-cho.xlsx", "xl/worksheets/gone.xml of sheet \"Trang 1\"");
    const std::string unrelated = xlsx_refusal(zip_of({{"xl/workbook.xml", one_sheet_workbook()}}));
    check_refusal(unrelated, "hoi-cho.xlsx", "does not say where sheet \"Trang 1\"");
}

TEST_CASE("sheets xlsx: parts larger than their limit or than they declare are refused") {
    std::string bytes = workbook_with_sheet_data("<row r=\"1\"><c><v>1</v></c></row>");
    const Workbook fine = read_xlsx(bytes, "ok.xlsx");
    CHECK(fine.sheets.at(0).at(0, 0).number == 1);

    std::string too_big = bytes;
    declare_size(too_big, "xl/worksheets/sheet1.xml", 300u << 20);
    check_refusal(xlsx_refusal(too_big), "hoi-cho.xlsx", "larger than 256 MiB uncompressed");

    // Declared smaller than it is, as a zip bomb does: reading stops where it said it ends.
    std::string smaller = bytes;
    declare_size(smaller, "xl/worksheets/sheet1.xml", 10);
    check_refusal(xlsx_refusal(smaller), "hoi-cho.xlsx", "xl/worksheets/sheet1.xml is damaged");
}

TEST_CASE("sheets xlsx: broken XML and a shared string that does not exist are refused") {
    check_refusal(xlsx_refusal(workbook_with_sheet_data("<row r=\"1\"><c><v>1</v></row>")),
                  "hoi-cho.xlsx", "not well-formed XML");
    check_refusal(xlsx_refusal(workbook_with_sheet_data("<row r=\"1\"><c t=\"s\"><v>0</v></c>"
                                                        "</row>")),
                  "hoi-cho.xlsx", "sheet \"Trang 1\", cell A1: names the shared string 0");
    check_refusal(xlsx_refusal(workbook_with_sheet_data("<row r=\"2\"><c r=\"C2\"><v>8g30</v>"
                                                        "</c></row>")),
                  "hoi-cho.xlsx", "cell C2: \"8g30\" is not a number");
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
