#include "common/occupations.hpp"

#include <array>

#include "common/text.hpp"

namespace jobfair {

namespace {
// Hai Phong's priority trades first, then the other trades the seed fairs recruit for.
constexpr std::array<Occupation, 14> kCatalogue{{
    {"logistics", "Kho vận", "Logistics"},
    {"industrial-electronics", "Điện tử công nghiệp", "Industrial electronics"},
    {"industrial-electricity", "Điện công nghiệp", "Industrial electricity"},
    {"welding", "Hàn", "Welding"},
    {"automotive-technology", "Công nghệ ô tô", "Automotive technology"},
    {"it-software-application", "Công nghệ thông tin (ứng dụng phần mềm)",
     "IT (software application)"},
    {"hotel-management", "Quản trị khách sạn", "Hotel management"},
    {"nursing", "Điều dưỡng", "Nursing"},
    {"brackish-water-aquaculture", "Nuôi trồng thủy sản nước lợ", "Brackish-water aquaculture"},
    {"automation", "Tự động hóa", "Automation"},
    {"mechatronics", "Cơ điện tử", "Mechatronics"},
    {"tourism-services", "Dịch vụ du lịch", "Tourism services"},
    {"metal-cutting", "Cắt gọt kim loại", "Metal cutting"},
    {"garment-technology", "Công nghệ may", "Garment technology"},
}};
}  // namespace

std::span<const Occupation> occupation_catalogue() {
    return kCatalogue;
}

const Occupation* find_occupation(std::string_view code) {
    for (const auto& occupation : kCatalogue) {
        if (occupation.code == code) return &occupation;
    }
    return nullptr;
}

std::string occupation_display_name(std::string_view code, bool vietnamese) {
    if (const Occupation* occupation = find_occupation(code)) {
        return std::string(vietnamese ? occupation->name_vi : occupation->name_en);
    }
    return std::string(code);
}

namespace {
bool is_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0x200E ||
           c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
           c == 0xFEFF || c == 0xFFFD;
}
}  // namespace

OccupationTextCheck check_occupation_text(std::string_view typed) {
    OccupationTextCheck check;
    // Invalid bytes read as U+FFFD, which is refused like a control character.
    if (!is_valid_utf8(typed)) {
        check.problem = OccupationTextProblem::control_character;
        return check;
    }
    for (const char32_t c : to_code_points(typed)) {
        if (is_control(c)) {
            check.problem = OccupationTextProblem::control_character;
            return check;
        }
    }
    std::string text = to_nfc(collapse_spaces(typed));
    const std::size_t length = to_code_points(text).size();
    if (length == 0) {
        check.problem = OccupationTextProblem::missing;
    } else if (length < kOccupationTextMin) {
        check.problem = OccupationTextProblem::too_short;
    } else if (length > kOccupationTextMax) {
        check.problem = OccupationTextProblem::too_long;
    } else {
        check.text = std::move(text);
    }
    return check;
}

std::string_view occupation_text_problem_vi(OccupationTextProblem problem) {
    switch (problem) {
        case OccupationTextProblem::none:
            return "";
        case OccupationTextProblem::missing:
            return "Hãy nhập tên nghề bạn học.";
        case OccupationTextProblem::too_short:
            return "Tên nghề quá ngắn: hãy nhập ít nhất 2 ký tự.";
        case OccupationTextProblem::too_long:
            return "Tên nghề quá dài: tối đa 60 ký tự.";
        case OccupationTextProblem::control_character:
            return "Tên nghề có ký tự điều khiển hoặc ký tự không đọc được: hãy xoá chúng.";
    }
    return "";
}

std::string_view occupation_text_problem_en(OccupationTextProblem problem) {
    switch (problem) {
        case OccupationTextProblem::none:
            return "";
        case OccupationTextProblem::missing:
            return "Please type the name of your trade.";
        case OccupationTextProblem::too_short:
            return "The trade name is too short: type at least 2 characters.";
        case OccupationTextProblem::too_long:
            return "The trade name is too long: at most 60 characters.";
        case OccupationTextProblem::control_character:
            return "The trade name has control or unreadable characters: please delete them.";
    }
    return "";
}

std::string other_trade_display_name(std::string_view text, bool vietnamese) {
    return std::string(vietnamese ? "Ngành khác: " : "Other trade: ") + std::string(text);
}

std::string student_trade_display_name(std::string_view code, std::string_view typed,
                                       bool vietnamese) {
    if (code.empty() && !typed.empty()) return other_trade_display_name(typed, vietnamese);
    return occupation_display_name(code, vietnamese);
}

}  // namespace jobfair
