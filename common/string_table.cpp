#include "common/string_table.hpp"

namespace jobfair {

std::string fill_blanks(std::string_view text, std::initializer_list<std::string_view> values) {
    std::string out;
    const auto* value = values.begin();
    std::size_t at = 0;
    while (value != values.end()) {
        const std::size_t blank = text.find("{}", at);
        if (blank == std::string_view::npos) break;
        out += text.substr(at, blank - at);
        out += *value++;
        at = blank + 2;
    }
    out += text.substr(at);
    return out;
}

}  // namespace jobfair
