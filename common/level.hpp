// Vocational training levels, lowest to highest, as the fair contract names them.
#pragma once

#include <optional>
#include <string_view>

namespace jobfair {

enum class Level { none = 0, intermediate = 1, college = 2, university = 3 };

std::optional<Level> parse_level(std::string_view text);
std::string_view level_code(Level level);     // "none", "intermediate", ...
std::string_view level_name_vi(Level level);  // "Trung cấp", ...
std::string_view level_name_en(Level level);  // "Intermediate", ...

}  // namespace jobfair
