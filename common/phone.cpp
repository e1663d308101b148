#include "common/phone.hpp"

#include <stdexcept>

namespace jobfair {

namespace {
constexpr std::size_t kNationalDigits = 10;
constexpr std::string_view kMaskDot = "•";
constexpr std::size_t kShownHead = 2;
constexpr std::size_t kShownTail = 3;

bool is_separator(char c) {
    return c == ' ' || c == '.' || c == '-' || c == '(' || c == ')';
}
}  // namespace

const std::string& PhoneCheck::national() const {
    if (!national_) throw std::logic_error("PhoneCheck::national() on an invalid number");
    return *national_;
}

PhoneProblem PhoneCheck::problem() const {
    if (national_) throw std::logic_error("PhoneCheck::problem() on a valid number");
    return problem_;
}

PhoneCheck check_phone(std::string_view typed) {
    std::string digits;
    bool international = false;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const char c = typed[i];
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == '+' && digits.empty() && !international) {
            international = true;
        } else if (!is_separator(c)) {
            return PhoneCheck::invalid(PhoneProblem::bad_characters);
        }
    }
    if (digits.empty()) {
        return PhoneCheck::invalid(international ? PhoneProblem::wrong_length
                                                 : PhoneProblem::empty);
    }
    if (international && !digits.starts_with("84"))
        return PhoneCheck::invalid(PhoneProblem::not_mobile);  // a foreign number
    // 84 + 9 digits is the international form; a national number never starts with 8.
    if (digits.starts_with("84") && digits.size() == kNationalDigits + 1)
        digits = "0" + digits.substr(2);
    else if (international)
        return PhoneCheck::invalid(PhoneProblem::wrong_length);
    if (digits.size() != kNationalDigits) return PhoneCheck::invalid(PhoneProblem::wrong_length);
    const char network = digits[1];
    const bool mobile = digits[0] == '0' && (network == '3' || network == '5' || network == '7' ||
                                             network == '8' || network == '9');
    if (!mobile) return PhoneCheck::invalid(PhoneProblem::not_mobile);
    return PhoneCheck::valid(std::move(digits));
}

std::string mask_phone(std::string_view phone) {
    const PhoneCheck check = check_phone(phone);
    std::string masked;
    if (!check) {
        for (int i = 0; i < 5; ++i)
            masked += kMaskDot;
        return masked;
    }
    const std::string& national = check.national();
    masked = national.substr(0, kShownHead);
    for (std::size_t i = kShownHead; i < national.size() - kShownTail; ++i)
        masked += kMaskDot;
    masked += national.substr(national.size() - kShownTail);
    return masked;
}

std::string_view phone_problem_vi(PhoneProblem problem) {
    switch (problem) {
        case PhoneProblem::empty:
            return "Chưa có số điện thoại.";
        case PhoneProblem::bad_characters:
            return "Số điện thoại chỉ gồm chữ số, ví dụ 0912 345 678.";
        case PhoneProblem::wrong_length:
            return "Số di động có 10 chữ số, ví dụ 0912 345 678.";
        case PhoneProblem::not_mobile:
            return "Chỉ nhận số di động Việt Nam, bắt đầu bằng 03, 05, 07, 08 hoặc 09.";
    }
    return "";
}

std::string_view phone_problem_en(PhoneProblem problem) {
    switch (problem) {
        case PhoneProblem::empty:
            return "The phone number is missing.";
        case PhoneProblem::bad_characters:
            return "A phone number has digits only, for example 0912 345 678.";
        case PhoneProblem::wrong_length:
            return "A mobile number has 10 digits, for example 0912 345 678.";
        case PhoneProblem::not_mobile:
            return "Only Vietnamese mobile numbers are accepted: they start with 03, 05, 07, 08 "
                   "or 09.";
    }
    return "";
}

}  // namespace jobfair
