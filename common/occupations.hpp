// The catalogue of trades (occupations) with Vietnamese and English names.
// Instances may name trades outside the catalogue; they then display by their code.
#pragma once

#include <cstddef>
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

// "Ngành khác / Other trade": a walk-in whose trade is not among the fair's picks this code (or
// none) and types the trade's name (`occupation_text`). The student has no occupation code, so
// they are eligible only at booths that take any trade (fair-format.md: `occupations` empty).
inline constexpr std::string_view kOtherOccupation = "other";
inline constexpr std::size_t kOccupationTextMin = 2;   // characters (code points), after NFC
inline constexpr std::size_t kOccupationTextMax = 60;  // the width of a list's trade column

enum class OccupationTextProblem { none, missing, too_short, too_long, control_character };

// A typed trade name checked: surrounding spaces trimmed and inner runs collapsed, NFC, 2 to 60
// characters, no control characters (C0, DEL, C1, line separators, bidi controls) and valid
// UTF-8. The kiosk and the server use the same rule, so the kiosk never sends what the server
// refuses.
struct OccupationTextCheck {
    std::string text;  // the cleaned text when the check passed; empty otherwise
    OccupationTextProblem problem = OccupationTextProblem::none;
    explicit operator bool() const { return problem == OccupationTextProblem::none; }
};
OccupationTextCheck check_occupation_text(std::string_view typed);
// Plain words for a problem, in Vietnamese and in English (empty for `none`).
std::string_view occupation_text_problem_vi(OccupationTextProblem problem);
std::string_view occupation_text_problem_en(OccupationTextProblem problem);
// "Ngành khác: Sửa chữa điện thoại" / "Other trade: Phone repair".
std::string other_trade_display_name(std::string_view text, bool vietnamese);
// A student's trade in a list: the catalogue's name for `code`, or, with Other trade (no code),
// the name they typed; empty when neither is known.
std::string student_trade_display_name(std::string_view code, std::string_view typed,
                                       bool vietnamese);

}  // namespace jobfair
