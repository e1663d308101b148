// One code table per closed set: an enum and the code it crosses the wire by (the JSON strings of
// docs/api.md and the database's CHECK lists), read in both directions from the same rows. A code
// that is not in the table is refused with UnknownCode, in Vietnamese and English, never mapped to
// a default.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace jobfair {

template <class Enum>
struct CodeRow {
    Enum value;
    std::string_view code;
};

template <class Enum, std::size_t N>
using CodeTable = std::array<CodeRow<Enum>, N>;

// The code of `value`; every enumerator has a row (the tests check each table both ways).
template <class Enum, std::size_t N>
constexpr std::string_view code_in(const CodeTable<Enum, N>& table, Enum value) {
    for (const auto& row : table)
        if (row.value == value) return row.code;
    return {};
}

template <class Enum, std::size_t N>
constexpr std::optional<Enum> parse_in(const CodeTable<Enum, N>& table, std::string_view code) {
    for (const auto& row : table)
        if (row.code == code) return row.value;
    return std::nullopt;
}

// A code read from the wire (or the database) that its closed set does not hold. what() is
// "Vietnamese / English", e.g. `mã trạng thái phỏng vấn không hợp lệ: "late" / unknown interview
// status code: "late"`.
class UnknownCode : public std::invalid_argument {
  public:
    // `set_vi`, `set_en`: the closed set's name ("trạng thái phỏng vấn", "interview status").
    UnknownCode(std::string_view set_vi, std::string_view set_en, std::string_view code);

    const std::string& code() const { return code_; }

  private:
    std::string code_;
};

// The code held by `in` (a JSON string) in `table`; UnknownCode when `in` is no string or no code
// of the set. For the from_json of each closed set.
std::string_view code_text_of(const nlohmann::json& in, std::string_view set_vi,
                              std::string_view set_en);

template <class Enum, std::size_t N>
Enum enum_from_json(const nlohmann::json& in, const CodeTable<Enum, N>& table,
                    std::string_view set_vi, std::string_view set_en) {
    const std::string_view code = code_text_of(in, set_vi, set_en);
    if (const auto value = parse_in(table, code)) return *value;
    throw UnknownCode(set_vi, set_en, code);
}

}  // namespace jobfair
