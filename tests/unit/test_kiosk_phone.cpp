#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "kiosk/checkin/model/phone.hpp"

using namespace jobfair::checkin;

TEST_CASE("kiosk phone: the usual ways of writing a mobile number give the national form") {
    for (const char* typed : {"0912345678", "091 234 5678", "0912.345.678", "0912-345-678",
                              "+84912345678", "84912345678", "+84 91 234 5678", " 0912345678 "}) {
        CAPTURE(typed);
        const PhoneCheck check = check_phone(typed);
        REQUIRE(check);
        CHECK(check.national() == "0912345678");
    }
}

TEST_CASE("kiosk phone: every mobile network prefix is accepted, landlines and others are not") {
    for (char network : {'3', '5', '7', '8', '9'}) {
        const std::string number = std::string("0") + network + "12345678";
        CHECK_MESSAGE(check_phone(number), number);
    }
    for (const char* other : {"0212345678", "0412345678", "0612345678", "1912345678"}) {
        CAPTURE(other);
        const PhoneCheck check = check_phone(other);
        REQUIRE_FALSE(check);
        CHECK(check.problem() == PhoneProblem::not_mobile);
    }
    CHECK(check_phone("+14155550100").problem() == PhoneProblem::not_mobile);
}

TEST_CASE("kiosk phone: each invalid number has its own reason") {
    CHECK(check_phone("").problem() == PhoneProblem::empty);
    CHECK(check_phone("   ").problem() == PhoneProblem::empty);
    CHECK(check_phone("0912a45678").problem() == PhoneProblem::bad_characters);
    CHECK(check_phone("09123+45678").problem() == PhoneProblem::bad_characters);
    CHECK(check_phone("091234567").problem() == PhoneProblem::wrong_length);
    CHECK(check_phone("09123456789").problem() == PhoneProblem::wrong_length);
    CHECK(check_phone("+8491234567").problem() == PhoneProblem::wrong_length);
    CHECK(check_phone("+").problem() == PhoneProblem::wrong_length);
    CHECK(phone_reason(check_phone("0912a45678")) == Text::phone_bad_characters);
    CHECK(phone_reason(check_phone("091")) == Text::phone_wrong_length);
    CHECK(std::string(tr(phone_reason(check_phone("0212345678")), Language::vi)).find("03, 05") !=
          std::string::npos);
}

TEST_CASE("kiosk phone: asking a check for the wrong half is a programming error") {
    CHECK_THROWS_AS(check_phone("0912345678").problem(), std::logic_error);
    CHECK_THROWS_AS(check_phone("12").national(), std::logic_error);
}

TEST_CASE("kiosk phone: masking keeps the first two and last three digits") {
    CHECK(mask_phone("0912345678") == "09•••••678");
    CHECK(mask_phone("+84 912 345 678") == "09•••••678");
    CHECK(mask_phone("12345") == "•••••");
}
