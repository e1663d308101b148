#include "common/text.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace jobfair {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

const utf8proc_uint8_t* bytes_of(std::string_view text) {
    return reinterpret_cast<const utf8proc_uint8_t*>(text.data());
}

// Runs utf8proc_map_custom on sanitised input (so it cannot fail on bad bytes) and owns the
// malloc'd answer.
std::string map_text(std::string_view text, int options, utf8proc_custom_func custom = nullptr) {
    const std::string clean =
        is_valid_utf8(text) ? std::string(text) : to_utf8(to_code_points(text));
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t length =
        utf8proc_map_custom(bytes_of(clean), static_cast<utf8proc_ssize_t>(clean.size()), &mapped,
                            static_cast<utf8proc_option_t>(options), custom, nullptr);
    if (length < 0) throw std::runtime_error(utf8proc_errmsg(length));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

// đ and Đ have no decomposition in Unicode, so stripping marks alone would leave them.
utf8proc_int32_t fold_d_with_stroke(utf8proc_int32_t code_point, void*) {
    if (code_point == 0x0110 || code_point == 0x0111) return 'd';
    return code_point;
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    utf8proc_ssize_t at = 0;
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    while (at < size) {
        utf8proc_int32_t code_point = 0;
        const utf8proc_ssize_t used = utf8proc_iterate(bytes_of(text) + at, size - at, &code_point);
        if (used < 0) return false;
        at += used;
    }
    return true;
}

std::u32string to_code_points(std::string_view utf8) {
    std::u32string out;
    utf8proc_ssize_t at = 0;
    const auto size = static_cast<utf8proc_ssize_t>(utf8.size());
    while (at < size) {
        utf8proc_int32_t code_point = 0;
        const utf8proc_ssize_t used = utf8proc_iterate(bytes_of(utf8) + at, size - at, &code_point);
        if (used < 0) {
            out += kReplacement;
            ++at;  // skip one bad byte and resynchronise on the next
        } else {
            out += static_cast<char32_t>(code_point);
            at += used;
        }
    }
    return out;
}

void append_utf8(std::string& out, char32_t code_point) {
    if (!utf8proc_codepoint_valid(static_cast<utf8proc_int32_t>(code_point)))
        code_point = kReplacement;
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t used =
        utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(used));
}

std::string to_utf8(std::u32string_view code_points) {
    std::string out;
    out.reserve(code_points.size());
    for (char32_t c : code_points)
        append_utf8(out, c);
    return out;
}

std::string to_nfc(std::string_view text) {
    return map_text(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string to_nfd(std::string_view text) {
    return map_text(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
}

bool is_nfc(std::string_view text) {
    return is_valid_utf8(text) && to_nfc(text) == text;
}

std::string fold_for_search(std::string_view text) {
    return map_text(text, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
                    &fold_d_with_stroke);
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
    const std::string folded_needle = collapse_spaces(fold_for_search(needle));
    if (folded_needle.empty()) return true;
    return collapse_spaces(fold_for_search(haystack)).find(folded_needle) != std::string::npos;
}

std::string collapse_spaces(std::string_view text) {
    std::u32string out;
    bool pending_space = false;
    for (char32_t c : to_code_points(text)) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += U' ';
        pending_space = false;
        out += c;
    }
    return to_utf8(out);
}

std::string printable_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : to_code_points(text)) {
        const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
                          c == 0x200E || c == 0x200F || c == 0x061C;
        if (bidi || c == 0xFEFF) continue;
        append_utf8(out, control ? U' ' : c);
    }
    return to_nfc(collapse_spaces(out));
}

std::string printable_lines(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string line = printable_text(text.substr(start, end - start));
        if (!line.empty()) {
            if (!out.empty()) out += '\n';
            out += line;
        }
        start = end + 1;
    }
    return out;
}

}  // namespace jobfair
