#include <doctest/doctest.h>

#include <string>

#include "common/text.hpp"
#include "kiosk/ui/keyboard/telex.hpp"

using namespace jobfair;
using jobfair::keyboard::TelexInput;

namespace {
std::string telex(std::string_view keys) {
    TelexInput input;
    input.type(keys);
    return input.text();
}
}  // namespace

TEST_CASE("keyboard telex: shape keys make the Vietnamese letters") {
    CHECK(telex("aa") == "â");
    CHECK(telex("aw") == "ă");
    CHECK(telex("ee") == "ê");
    CHECK(telex("oo") == "ô");
    CHECK(telex("ow") == "ơ");
    CHECK(telex("uw") == "ư");
    CHECK(telex("dd") == "đ");
    CHECK(telex("DD") == "Đ");
    CHECK(telex("Dd") == "Đ");
    CHECK(telex("w") == "w");  // no vowel to shape
}

TEST_CASE("keyboard telex: whole words from the issue") {
    CHECK(telex("nguyeenx") == "nguyễn");
    CHECK(telex("truwowngf") == "trường");
    CHECK(telex("truowngf") == "trường");
    CHECK(telex("Vieetj") == "Việt");
    CHECK(telex("Nguyeenx Thij Lan") == "Nguyễn Thị Lan");
    CHECK(telex("ddieenj tuwr") == "điện tử");
    CHECK(telex("Quangr Ninh") == "Quảng Ninh");
    CHECK(telex("nguwowif") == "người");
    CHECK(telex("ddaij hocj") == "đại học");
    CHECK(telex("cao ddawngr") == "cao đẳng");
}

TEST_CASE("keyboard telex: tones follow the modern placement rule") {
    CHECK(telex("hoaf") == "hoà");
    CHECK(telex("hoafn") == "hoàn");
    CHECK(telex("khoer") == "khoẻ");
    CHECK(telex("thuys") == "thuý");
    CHECK(telex("muaf") == "mùa");
    CHECK(telex("quys") == "quý");
    CHECK(telex("giaf") == "già");
    CHECK(telex("gif") == "gì");
    CHECK(telex("giuwxa") == "giữa");
    CHECK(telex("ngoaif") == "ngoài");
    CHECK(telex("tieengs") == "tiếng");
}

TEST_CASE("keyboard telex: the tone may be typed before the rest of the word and moves with it") {
    CHECK(telex("hosa") == "hoá");
    CHECK(telex("tuwf") == "từ");
    CHECK(telex("nguyexen") == "nguyễn");
}

TEST_CASE("keyboard telex: z removes the tone, a repeated key undoes its mark") {
    CHECK(telex("asz") == "a");
    CHECK(telex("az") == "az");
    CHECK(telex("ass") == "as");
    CHECK(telex("asss") == "ass");
    CHECK(telex("aaa") == "aa");
    CHECK(telex("aww") == "aw");
    CHECK(telex("ddd") == "dd");
    CHECK(telex("asf") == "à");  // another tone replaces the first
}

TEST_CASE("keyboard telex: capitals are kept") {
    CHECK(telex("AAS") == "Ấ");
    CHECK(telex("VIEETJ NAM") == "VIỆT NAM");
    CHECK(telex("Ddaof") == "Đào");
}

TEST_CASE("keyboard telex: words that are not Vietnamese syllables stay as typed") {
    CHECK(telex("Hello") == "Hello");
    CHECK(telex("ax") == "ã");
    CHECK(telex("box") == "bõ");
    CHECK(telex("bos") == "bó");
    CHECK(telex("tesst") == "test");
}

TEST_CASE("keyboard telex: off types keys as they are") {
    TelexInput input("", false);
    input.type("0912 aas");
    CHECK(input.text() == "0912 aas");
    input.set_telex(true);
    input.type("s");
    CHECK(input.text() == "0912 aass");  // "aass" is not a syllable, so s is a letter
}

TEST_CASE("keyboard telex: backspace removes one character with all its marks") {
    TelexInput input;
    input.type("nguyeenx");
    input.backspace();
    CHECK(input.text() == "nguyễ");
    input.backspace();
    CHECK(input.text() == "nguy");
    input.type("eenx");
    CHECK(input.text() == "nguyễn");
    for (int i = 0; i < 10; ++i)
        input.backspace();
    CHECK(input.empty());
    CHECK(input.text().empty());
}

TEST_CASE("keyboard telex: text is always NFC, also from decomposed or precomposed input") {
    TelexInput input("Nguye\xCC\x82\xCC\x83n");
    CHECK(input.text() == "Nguyễn");
    input.type(" ");
    input.type("Lê");
    CHECK(input.text() == "Nguyễn Lê");
    input.type(" o\xCC\x82");  // a combining circumflex from a physical keyboard's input method
    CHECK(input.text() == "Nguyễn Lê ô");
    CHECK(is_nfc(input.text()));
}
