// The catalogue of trades (occupations) with Vietnamese and English names.
// Instances may name trades outside the catalogue; they then display by their code.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace jobfair {

struct Occupation {
    std::string_view code;     // as written in instances: "industrial-electronics"
    std::string_view name_vi;  // "Điện tử công nghiệp"
    std::string_view name_en;  // "Industrial electronics"
};

std::span<const Occupation> occupation_catalogue();
const Occupation* find_occupation(std::string_view code);
// Display name in the requested language; falls back to the code for trades outside the catalogue.
std::string occupation_display_name(std::string_view code, bool vietnamese);

}  // namespace jobfair
