// What every screen's string table shares: the lookup and the "{}" blanks.
#include <doctest/doctest.h>

#include "common/string_table.hpp"

using namespace jobfair;

namespace {

enum class Sample { greeting, seat };
constexpr std::array<TextEntry<Sample>, 2> kSample{{
    {Sample::greeting, "Xin chào {}", "Hello {}"},
    {Sample::seat, "Bàn {} · gian {}", "Seat {} · booth {}"},
}};

}  // namespace

TEST_CASE("a string table gives each row in the language asked for") {
    CHECK(std::string(text_in(kSample, Sample::greeting, Language::vi)) == "Xin chào {}");
    CHECK(std::string(text_in(kSample, Sample::seat, Language::en)) == "Seat {} · booth {}");
}

TEST_CASE("blanks are filled in order, and a value's own braces are left as they are") {
    CHECK(fill_blanks("Bàn {} · gian {}", {"2", "B07"}) == "Bàn 2 · gian B07");
    CHECK(fill_blanks("Bàn {} · gian {}", {"2"}) == "Bàn 2 · gian {}");
    CHECK(fill_blanks("Xin chào", {"Lan"}) == "Xin chào");
    CHECK(fill_blanks("{}{}", {"{}", "x"}) == "{}x");
    CHECK(fill_blanks("", {}).empty());
    CHECK(fill_blanks("{} · {}", std::vector<std::string>{"B07", "bàn 2"}) == "B07 · bàn 2");
    CHECK(count_blanks("Bàn {} · gian {}") == 2);
    CHECK(count_blanks("{{}}") == 1);
    CHECK(count_blanks("Xin chào") == 0);
}
