#include "common/occupations.hpp"

#include <array>

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

}  // namespace jobfair
