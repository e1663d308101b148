#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "common/protocol.hpp"
#include "common/string_table.hpp"
#include "kiosk/checkin/model/strings.hpp"
#include "kiosk/checkin/model/text.hpp"

using namespace jobfair::checkin;

TEST_CASE("kiosk strings: every entry is non-empty NFC UTF-8 in both languages, in enum order") {
    for (std::size_t i = 0; i < kTextCount; ++i) {
        const auto text = static_cast<Text>(i);
        CAPTURE(i);
        CHECK(table_entry_id(i) == text);
        const std::string vi = tr(text, Language::vi);
        const std::string en = tr(text, Language::en);
        CHECK_FALSE(vi.empty());
        CHECK_FALSE(en.empty());
        CHECK(is_nfc(vi));
        CHECK(is_nfc(en));
        CHECK(jobfair::count_blanks(vi) ==
              jobfair::count_blanks(en));  // both languages take the same values
    }
}

TEST_CASE("kiosk strings: Vietnamese comes with its diacritics") {
    CHECK(std::string(tr(Text::register_now, Language::vi)) == "Đăng ký ngay");
    CHECK(std::string(tr(Text::register_now, Language::en)) == "Register now");
    CHECK(std::string(tr(Text::status_offline, Language::vi)).find("Mất kết nối") == 0);
}

TEST_CASE("kiosk strings: tr_fill puts values into the holes in order") {
    CHECK(tr_fill(Text::countdown, Language::en, {"7"}) == "Returning to start in 7 s");
    CHECK(tr_fill(Text::countdown, Language::vi, {"7"}) == "Quay về màn hình đầu sau 7 giây");
    CHECK(tr_fill(Text::chosen_count, Language::en, {"2", "5"}) == "2 of 5 chosen");
    CHECK(tr_fill(Text::greeting, Language::vi, {"Lan"}) == "Xin chào Lan!");
    CHECK(tr_fill(Text::greeting, Language::en, {}) == "Hello {}!");  // a missing value shows
}

TEST_CASE("kiosk strings: every consent purpose of the protocol has its sentence") {
    for (std::string_view purpose : jobfair::protocol::kConsentPurposes) {
        CAPTURE(purpose);
        const Text text = consent_text(purpose);
        CHECK(std::string(tr(text, Language::vi)).size() > 20);
        CHECK(std::string(tr(text, Language::en)).size() > 20);
    }
    CHECK_THROWS_AS(consent_text("marketing"), std::out_of_range);
}
