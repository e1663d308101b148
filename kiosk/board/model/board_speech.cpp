#include "kiosk/board/model/board_speech.hpp"

#include <array>
#include <cctype>

namespace jobfair::board {

namespace {

constexpr std::array<const char*, 10> kDigitsVi = {"không", "một", "hai", "ba",  "bốn",
                                                   "năm",   "sáu", "bảy", "tám", "chín"};
constexpr std::array<const char*, 10> kDigitsEn = {"zero", "one", "two",   "three", "four",
                                                   "five", "six", "seven", "eight", "nine"};
// The letters' Vietnamese names, as a teacher spells: espeak-ng -v vi reads "B" alone badly.
constexpr std::array<const char*, 26> kLettersVi = {
    "A",     "bê", "xê", "dê",  "E",    "ép", "giê", "hát", "I",  "gi",     "ca",  "e lờ",  "em mờ",
    "en nờ", "O",  "pê", "quy", "e rờ", "ét", "tê",  "U",   "vê", "vê kép", "ích", "i dài", "dét"};

bool is_letter(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string letter_name(char c, Language language) {
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (language == Language::en) return std::string(1, upper);
    return kLettersVi[static_cast<std::size_t>(upper - 'A')];
}

}  // namespace

std::string vietnamese_number(int number) {
    if (number < 0) return "";
    if (number < 10) return kDigitsVi[static_cast<std::size_t>(number)];
    if (number < 100) {
        const int tens = number / 10;
        const int units = number % 10;
        std::string words = tens == 1 ? "mười" : std::string(kDigitsVi[tens]) + " mươi";
        if (units == 0) return words;
        // 15 "mười lăm", 21 "hai mươi mốt", 24 "hai mươi tư": the forms people say.
        const char* unit = units == 5               ? "lăm"
                           : units == 1 && tens > 1 ? "mốt"
                           : units == 4 && tens > 1 ? "tư"
                                                    : kDigitsVi[static_cast<std::size_t>(units)];
        return words + " " + unit;
    }
    std::string words;
    for (const char digit : std::to_string(number)) {
        if (!words.empty()) words += ", ";
        words += kDigitsVi[static_cast<std::size_t>(digit - '0')];
    }
    return words;
}

std::string spoken_ticket(std::string_view label, Language language) {
    std::string words;
    for (const char c : label) {
        std::string word;
        if (is_digit(c)) {
            word = language == Language::vi ? kDigitsVi[static_cast<std::size_t>(c - '0')]
                                            : kDigitsEn[static_cast<std::size_t>(c - '0')];
        } else if (is_letter(c)) {
            word = letter_name(c, language);
        } else {
            continue;
        }
        if (!words.empty()) words += ", ";
        words += word;
    }
    return words;
}

std::string spoken_booth(std::string_view booth, Language language) {
    std::string words;
    std::size_t index = 0;
    for (; index < booth.size() && !is_digit(booth[index]); ++index) {
        if (!is_letter(booth[index])) continue;
        if (!words.empty()) words += ' ';
        words += letter_name(booth[index], language);
    }
    std::string digits;
    for (; index < booth.size(); ++index)
        if (is_digit(booth[index])) digits += booth[index];
    if (digits.empty() || digits.size() > 4) return words + (digits.empty() ? "" : " " + digits);
    const int number = std::stoi(digits);  // "07" -> 7: booths are said as numbers
    if (!words.empty()) words += ' ';
    words += language == Language::vi ? vietnamese_number(number) : std::to_string(number);
    return words;
}

std::string speech_text(const Call& call, Language language) {
    const std::string seat =
        language == Language::vi ? vietnamese_number(call.seat + 1) : std::to_string(call.seat + 1);
    if (language == Language::vi) {
        return std::string(call.recall ? "Gọi lại. " : "") + "Mời số vé " +
               spoken_ticket(call.ticket_label, language) + ", đến gian " +
               spoken_booth(call.booth, language) + ", bàn " + seat + ".";
    }
    return std::string(call.recall ? "Calling again. " : "") + "Ticket " +
           spoken_ticket(call.ticket_label, language) + ", please go to booth " +
           spoken_booth(call.booth, language) + ", desk " + seat + ".";
}

}  // namespace jobfair::board
