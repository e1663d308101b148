#include "common/string_table.hpp"

namespace jobfair {

namespace {

template <class Values>
std::string fill_in(std::string_view text, const Values& values) {
    std::string out;
    auto value = values.begin();
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

}  // namespace

std::string fill_blanks(std::string_view text, std::initializer_list<std::string_view> values) {
    return fill_in(text, values);
}

std::string fill_blanks(std::string_view text, const std::vector<std::string>& values) {
    return fill_in(text, values);
}

std::size_t count_blanks(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t at = text.find("{}"); at != std::string_view::npos;
         at = text.find("{}", at + 2))
        ++count;
    return count;
}

}  // namespace jobfair
