#include "common/code_table.hpp"

#include <nlohmann/json.hpp>

namespace jobfair {

UnknownCode::UnknownCode(std::string_view set_vi, std::string_view set_en, std::string_view code)
    : std::invalid_argument("mã " + std::string(set_vi) + " không hợp lệ: \"" + std::string(code) +
                            "\" / unknown " + std::string(set_en) + " code: \"" +
                            std::string(code) + "\""),
      code_(code) {}

std::string_view code_text_of(const nlohmann::json& in, std::string_view set_vi,
                              std::string_view set_en) {
    if (!in.is_string()) throw UnknownCode(set_vi, set_en, in.dump());
    return in.get_ref<const std::string&>();
}

}  // namespace jobfair
