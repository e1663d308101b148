// What both readers share: looking cells and sheets up, and column names for messages.
#include "common/sheets/workbook.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace jobfair::sheets {

const Cell& Sheet::at(std::size_t row, std::size_t column) const {
    static const Cell kNoCell;  // constant: callers may hold the reference as long as they like
    if (row >= rows.size() || column >= rows[row].size()) return kNoCell;
    return rows[row][column];
}

const Sheet* Workbook::find(std::string_view name) const {
    for (const Sheet& sheet : sheets) {
        if (sheet.name == name) return &sheet;
    }
    // Organizers rename sheets by hand and drop or change diacritics ("Hoc sinh", "HỌC SINH").
    const std::string folded = fold_for_search(name);
    const auto same = [&](const Sheet& sheet) { return fold_for_search(sheet.name) == folded; };
    const auto found = std::find_if(sheets.begin(), sheets.end(), same);
    return found == sheets.end() ? nullptr : &*found;
}

std::string column_letters(std::size_t column) {
    // Bijective base 26: after "Z" comes "AA", not "BA".
    std::string letters;
    std::size_t n = column + 1;
    while (n > 0) {
        --n;
        letters.insert(letters.begin(), static_cast<char>('A' + n % 26));
        n /= 26;
    }
    return letters;
}

}  // namespace jobfair::sheets
