#include "common/phone.hpp"

namespace jobfair {

PhoneCheck check_phone(std::string_view typed) {
    PhoneCheck check;
    std::string digits;
    bool plus = false;
    for (char c : typed) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == '+' && digits.empty() && !plus) {
            plus = true;
        } else if (c != ' ' && c != '.' && c != '-') {
            check.reason_vi = "Số điện thoại chỉ gồm chữ số, ví dụ 0912 345 678.";
            check.reason_en = "A phone number has digits only, for example 0912 345 678.";
            return check;
        }
    }
    if (digits.starts_with("84") && (plus || digits.size() == 11)) {
        digits = "0" + digits.substr(2);
    } else if (plus) {
        check.reason_vi = "Chỉ nhận số di động Việt Nam (+84).";
        check.reason_en = "Only Vietnamese mobile numbers (+84) are accepted.";
        return check;
    }
    if (digits.size() != 10) {
        check.reason_vi = "Số di động có 10 chữ số, bắt đầu bằng 0, ví dụ 0912 345 678.";
        check.reason_en = "A mobile number has 10 digits starting with 0, e.g. 0912 345 678.";
        return check;
    }
    const char network = digits[1];
    if (digits[0] != '0' ||
        (network != '3' && network != '5' && network != '7' && network != '8' && network != '9')) {
        check.reason_vi = "Số di động bắt đầu bằng 03, 05, 07, 08 hoặc 09.";
        check.reason_en = "Mobile numbers start with 03, 05, 07, 08 or 09.";
        return check;
    }
    check.normalised = digits;
    return check;
}

std::string mask_phone(std::string_view normalised) {
    if (normalised.size() < 6) return std::string(normalised.size(), '*');
    std::string masked(normalised.substr(0, 2));
    for (size_t i = 2; i + 3 < normalised.size(); ++i)
        masked += "•";
    masked += normalised.substr(normalised.size() - 3);
    return masked;
}

}  // namespace jobfair
