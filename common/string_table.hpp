// The words a screen says, one row per message in both languages, indexed by the screen's own
// enum. Each program keeps its table in its model (kiosk/*/model/*_strings.cpp); this is what the
// tables share: the row, the lookup, and filling the "{}" blanks.
//
//   constexpr std::array<TextEntry<BoothText>, kBoothTextCount> kTable{{
//       {BoothText::title, "Gian {}", "Booth {}"}, ...}};
//   const char* tr(BoothText text, Language language) { return text_in(kTable, text, language); }
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "common/language.hpp"

namespace jobfair {

template <typename Id>
struct TextEntry {
    Id text;  // repeated in the row so a test can prove the table is in enum order
    const char* vi;
    const char* en;
};

template <typename Id, std::size_t N>
const char* text_in(const std::array<TextEntry<Id>, N>& table, Id text, Language language) {
    const TextEntry<Id>& entry = table.at(static_cast<std::size_t>(text));
    return language == Language::vi ? entry.vi : entry.en;
}

// `text` with each "{}" replaced, in order, by the next of `values`; blanks left over stay, and
// values beyond the blanks are dropped. A value's own "{}" is never filled.
std::string fill_blanks(std::string_view text, std::initializer_list<std::string_view> values);
std::string fill_blanks(std::string_view text, const std::vector<std::string>& values);

// How many "{}" blanks `text` has (a row's two languages must have as many).
std::size_t count_blanks(std::string_view text);

}  // namespace jobfair
