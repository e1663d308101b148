// Vietnamese mobile numbers as people type them: "0912345678", "091 234 5678",
// "+84912345678" or "84912345678" all mean the national number 0912345678.
// Mobile numbers are 10 digits nationally and start 03, 05, 07, 08 or 09.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jobfair {

enum class PhoneProblem { empty, bad_characters, wrong_length, not_mobile };

// Converts to true when the number is a valid mobile number; then `national()` is "0912345678".
class PhoneCheck {
  public:
    static PhoneCheck valid(std::string national) { return PhoneCheck(std::move(national)); }
    static PhoneCheck invalid(PhoneProblem problem) { return PhoneCheck(problem); }

    explicit operator bool() const { return national_.has_value(); }
    const std::string& national() const;  // only when valid; throws std::logic_error otherwise
    PhoneProblem problem() const;         // only when invalid; throws std::logic_error otherwise

  private:
    explicit PhoneCheck(std::string national) : national_(std::move(national)) {}
    explicit PhoneCheck(PhoneProblem problem) : problem_(problem) {}
    std::optional<std::string> national_;
    PhoneProblem problem_ = PhoneProblem::empty;
};

// Spaces, dots, dashes and parentheses between digits are ignored; "+84"/"84" become "0".
PhoneCheck check_phone(std::string_view typed);

// "0912345678" -> "09•••••678": enough for a student to recognise their own number, not enough
// for the next person in the queue to copy it. Accepts any form check_phone accepts; anything else
// is masked completely.
std::string mask_phone(std::string_view phone);

// The problem in words, for the server's error answers (the kiosk uses its own string table).
std::string_view phone_problem_vi(PhoneProblem problem);
std::string_view phone_problem_en(PhoneProblem problem);

}  // namespace jobfair
