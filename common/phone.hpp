// Vietnamese mobile numbers as people type them: "0912 345 678", "+84 912 345 678",
// "84912345678". Stored normalised ("0912345678") and shown masked ("09•••••678").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jobfair {

struct PhoneCheck {
    std::optional<std::string> normalised;  // set when valid
    std::string reason_vi;                  // set when not
    std::string reason_en;
    explicit operator bool() const { return normalised.has_value(); }
};

// Valid: 10 digits starting 03, 05, 07, 08 or 09 (the mobile ranges since 2018), written with
// an optional +84/84 instead of the leading 0; spaces, dots and dashes between digits are ignored.
PhoneCheck check_phone(std::string_view typed);

// "0912345678" -> "09•••••678": enough for a student to recognise their own number on a
// screen others can see, not enough to read it off.
std::string mask_phone(std::string_view normalised);

}  // namespace jobfair
