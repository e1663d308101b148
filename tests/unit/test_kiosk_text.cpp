#include <doctest/doctest.h>

#include <string>

#include "kiosk/checkin/model/text.hpp"

using namespace jobfair::checkin;

TEST_CASE("kiosk text: NFD input becomes precomposed NFC") {
    const std::string decomposed = "Nguye\xCC\x82\xCC\x83n";  // e + combining circumflex + tilde
    CHECK_FALSE(is_nfc(decomposed));
    CHECK(to_nfc(decomposed) == "Nguyễn");
    CHECK(is_nfc("Nguyễn Thị Lan"));
    CHECK(to_nfd("ễ") == "e\xCC\x82\xCC\x83");
}

TEST_CASE("kiosk text: invalid UTF-8 is detected and replaced, never thrown") {
    const std::string broken =
        "ab\xFF"
        "c";
    CHECK_FALSE(is_valid_utf8(broken));
    CHECK_FALSE(is_nfc(broken));
    CHECK(to_code_points(broken) == U"ab\uFFFDc");
    CHECK(to_nfc(broken) ==
          "ab\xEF\xBF\xBD"
          "c");
    CHECK(is_valid_utf8("Đà Nẵng"));
}

TEST_CASE("kiosk text: code points round-trip through UTF-8") {
    const std::u32string points = U"Trường Cao đẳng";
    CHECK(to_code_points(to_utf8(points)) == points);
    std::string out;
    append_utf8(out, U'ư');
    CHECK(out == "ư");
}

TEST_CASE("kiosk text: the search fold drops case and diacritics, and d matches đ") {
    CHECK(fold_for_search("Nguyễn Thị Đào") == "nguyen thi dao");
    CHECK(fold_for_search("ĐIỆN TỬ CÔNG NGHIỆP") == "dien tu cong nghiep");
    CHECK(fold_for_search("Ă Â Ê Ô Ơ Ư ă â ê ô ơ ư") == "a a e o o u a a e o o u");
}

TEST_CASE("kiosk text: contains_folded finds Vietnamese names typed without marks") {
    CHECK(contains_folded("Công ty TNHH Nguyễn Phát", "nguyen"));
    CHECK(contains_folded("Công ty TNHH Nguyễn Phát", "NGUYỄN"));
    CHECK(contains_folded("Đông Triều", "dong trieu"));
    CHECK(contains_folded("Đông   Triều", " dong trieu "));
    CHECK(contains_folded("Đông Triều", ""));
    CHECK_FALSE(contains_folded("Công ty Hải Long", "nguyen"));
    CHECK_FALSE(contains_folded("Hà", "hai"));
}

TEST_CASE("kiosk text: collapse_spaces trims and joins runs of white space") {
    CHECK(collapse_spaces("  Nguyễn \t Thị  Lan \n") == "Nguyễn Thị Lan");
    CHECK(collapse_spaces("   ").empty());
}

TEST_CASE("printable text: control characters and bidi overrides never reach a name or a note") {
    using jobfair::printable_lines;
    using jobfair::printable_text;
    using namespace std::string_view_literals;
    CHECK(printable_text("Nguy\u1ec5n\r\nV\u0103n\0 An"sv) == "Nguyễn Văn An");
    CHECK(printable_text("\u202eAn \u2066B\u00ecnh\u2069") == "An Bình");
    CHECK(printable_text(" \t\u0007\u202e ").empty());
    using jobfair::printable_lines;
    using jobfair::printable_text;
    CHECK(printable_text("Nguye\u0302\u0303n") == "Nguyễn");  // NFC
    CHECK(printable_lines("Tốt.\r\n\r\nGọi lại \u202esau.\u0007\n") == "Tốt.\nGọi lại sau.");
}
