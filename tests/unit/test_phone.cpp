#include <doctest/doctest.h>

#include "common/phone.hpp"

using namespace jobfair;

TEST_CASE("Vietnamese mobile numbers are accepted as people type them, and normalised") {
    for (const char* typed : {"0912345678", "091 234 5678", "0912.345.678", "+84912345678",
                              "+84 912 345 678", "84912345678"}) {
        CAPTURE(typed);
        const PhoneCheck check = check_phone(typed);
        REQUIRE(check);
        CHECK(*check.normalised == "0912345678");
    }
    CHECK(*check_phone("0387654321").normalised == "0387654321");
}

TEST_CASE("a phone number that is not a Vietnamese mobile gets a reason in both languages") {
    for (const char* typed : {"", "091234567", "09123456789", "0212345678", "1912345678",
                              "+1 415 555 0100", "09l2345678", "++84912345678"}) {
        CAPTURE(typed);
        const PhoneCheck check = check_phone(typed);
        CHECK_FALSE(check);
        CHECK_FALSE(check.reason_vi.empty());
        CHECK_FALSE(check.reason_en.empty());
    }
}

TEST_CASE("a masked phone shows the network and the last three digits only") {
    CHECK(mask_phone("0912345678") == "09•••••678");
}
