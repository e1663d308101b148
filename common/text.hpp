// UTF-8 text of people's names (kiosk and server): code points, NFC normalisation (ImGui draws
// only precomposed Vietnamese), and the search fold that lets "nguyen" find "Nguyễn". Unicode
// data comes from libutf8proc; nothing here holds its own tables.
#pragma once

#include <string>
#include <string_view>

namespace jobfair {

bool is_valid_utf8(std::string_view text);

// Invalid bytes become U+FFFD, so a stray byte from a scanner or the network never throws in the
// UI.
std::u32string to_code_points(std::string_view utf8);
std::string to_utf8(std::u32string_view code_points);
void append_utf8(std::string& out, char32_t code_point);

std::string to_nfc(std::string_view text);
std::string to_nfd(std::string_view text);
bool is_nfc(std::string_view text);  // valid UTF-8 and unchanged by NFC

// Lowercase, without diacritics, with đ/Đ as d: "Nguyễn Thị Đào" -> "nguyen thi dao".
std::string fold_for_search(std::string_view text);
// True when `needle` (folded) occurs in `haystack` (folded); an empty needle is found everywhere.
bool contains_folded(std::string_view haystack, std::string_view needle);

// Surrounding spaces removed and inner runs of white space collapsed to one space.
std::string collapse_spaces(std::string_view text);

// Text a person can read, for names and notes typed anywhere: control characters (C0, C1, NUL,
// CR/LF inside a name) become spaces, bidi overrides and isolates are dropped (they can make a
// name display reversed), then spaces are collapsed and the result is NFC.
std::string printable_text(std::string_view text);
// The same for a text of several lines (a note): line breaks stay, blank lines go.
std::string printable_lines(std::string_view text);

}  // namespace jobfair
