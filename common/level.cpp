#include "common/level.hpp"

#include <array>

namespace jobfair {

namespace {
struct LevelNames {
    Level level;
    std::string_view code;
    std::string_view vi;
    std::string_view en;
};
constexpr std::array<LevelNames, 4> kLevels{{
    {Level::none, "none", "Chưa qua đào tạo", "No qualification"},
    {Level::intermediate, "intermediate", "Trung cấp", "Intermediate"},
    {Level::college, "college", "Cao đẳng", "College"},
    {Level::university, "university", "Đại học", "University"},
}};
const LevelNames& names_of(Level level) {
    return kLevels[static_cast<size_t>(level)];
}
}  // namespace

std::optional<Level> parse_level(std::string_view text) {
    for (const auto& entry : kLevels) {
        if (entry.code == text) return entry.level;
    }
    return std::nullopt;
}

std::string_view level_code(Level level) {
    return names_of(level).code;
}
std::string_view level_name_vi(Level level) {
    return names_of(level).vi;
}
std::string_view level_name_en(Level level) {
    return names_of(level).en;
}

}  // namespace jobfair
