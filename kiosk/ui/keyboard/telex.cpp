#include "kiosk/ui/keyboard/telex.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "common/text.hpp"

namespace jobfair::keyboard {

namespace {

// --- A letter as base + shape + tone ---------------------------------------------------------

enum class Shape { plain, circumflex, breve, horn, stroke };
enum class Tone { level, acute, grave, hook, tilde, dot };

struct Letter {
    char32_t base = 0;  // lowercase ASCII
    bool upper = false;
    Shape shape = Shape::plain;
    Tone tone = Tone::level;
};

constexpr char32_t kSmallDWithStroke = 0x0111;
constexpr char32_t kCapitalDWithStroke = 0x0110;

bool is_ascii_letter(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char32_t ascii_lower(char32_t c) {
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}
char32_t ascii_upper(char32_t c) {
    return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
}
bool is_vowel(char32_t base) {
    return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

// A Vietnamese letter (Latin base with only Vietnamese marks), or nothing: digits, spaces and
// other scripts end a word.
std::optional<Letter> split_letter(char32_t c) {
    if (c == kSmallDWithStroke || c == kCapitalDWithStroke)
        return Letter{'d', c == kCapitalDWithStroke, Shape::stroke, Tone::level};
    const std::u32string parts = to_code_points(to_nfd(to_utf8(std::u32string(1, c))));
    if (parts.empty() || !is_ascii_letter(parts[0])) return std::nullopt;
    Letter letter{ascii_lower(parts[0]), parts[0] != ascii_lower(parts[0])};
    for (std::size_t i = 1; i < parts.size(); ++i) {
        switch (parts[i]) {
            case 0x0302:
                letter.shape = Shape::circumflex;
                break;
            case 0x0306:
                letter.shape = Shape::breve;
                break;
            case 0x031B:
                letter.shape = Shape::horn;
                break;
            case 0x0301:
                letter.tone = Tone::acute;
                break;
            case 0x0300:
                letter.tone = Tone::grave;
                break;
            case 0x0309:
                letter.tone = Tone::hook;
                break;
            case 0x0303:
                letter.tone = Tone::tilde;
                break;
            case 0x0323:
                letter.tone = Tone::dot;
                break;
            default:
                return std::nullopt;
        }
    }
    return letter;
}

std::u32string join_letter(const Letter& letter) {
    if (letter.shape == Shape::stroke)
        return std::u32string(1, letter.upper ? kCapitalDWithStroke : kSmallDWithStroke);
    std::u32string parts(1, letter.upper ? ascii_upper(letter.base) : letter.base);
    constexpr std::array<char32_t, 5> kShapeMarks{0, 0x0302, 0x0306, 0x031B, 0};
    constexpr std::array<char32_t, 6> kToneMarks{0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};
    if (char32_t mark = kShapeMarks[static_cast<std::size_t>(letter.shape)]) parts += mark;
    if (char32_t mark = kToneMarks[static_cast<std::size_t>(letter.tone)]) parts += mark;
    return to_code_points(to_nfc(to_utf8(parts)));
}

// --- The last word as a syllable -------------------------------------------------------------

struct Word {
    std::size_t begin = 0;  // index in the text where the word starts
    std::vector<Letter> letters;
};

Word last_word(const std::u32string& text) {
    Word word{text.size(), {}};
    while (word.begin > 0) {
        const auto letter = split_letter(text[word.begin - 1]);
        if (!letter) break;
        word.letters.insert(word.letters.begin(), *letter);
        --word.begin;
    }
    return word;
}

struct Syllable {
    bool valid = false;  // consonants, one vowel group, an allowed final
    std::size_t vowels_begin = 0;
    std::size_t vowels_end = 0;
    bool has_final = false;
};

Syllable parse_syllable(const std::vector<Letter>& letters) {
    Syllable syllable;
    const std::size_t n = letters.size();
    std::size_t begin = 0;
    while (begin < n && !is_vowel(letters[begin].base))
        ++begin;
    if (begin == n) return syllable;
    std::size_t end = begin;
    while (end < n && is_vowel(letters[end].base))
        ++end;

    std::string final_consonants;
    for (std::size_t i = end; i < n; ++i)
        final_consonants += static_cast<char>(letters[i].base);
    constexpr std::array<std::string_view, 9> kFinals{"",   "c",  "ch", "m", "n",
                                                      "ng", "nh", "p",  "t"};
    if (std::find(kFinals.begin(), kFinals.end(), final_consonants) == kFinals.end())
        return syllable;

    // "qu" and "gi" before another vowel: that u or i is part of the consonant.
    if (begin > 0 && end - begin >= 2) {
        const char32_t before = letters[begin - 1].base;
        const char32_t first = letters[begin].base;
        if ((before == 'q' && first == 'u') || (before == 'g' && first == 'i')) ++begin;
    }
    syllable = {true, begin, end, end < n};
    return syllable;
}

// Where the tone goes; see the rule in telex.hpp.
std::size_t tone_position(const std::vector<Letter>& letters, const Syllable& syllable) {
    const std::size_t b = syllable.vowels_begin;
    const std::size_t e = syllable.vowels_end;
    for (std::size_t i = e; i-- > b;) {
        const Shape shape = letters[i].shape;
        if (shape == Shape::circumflex || shape == Shape::breve || shape == Shape::horn) return i;
    }
    if (syllable.has_final) return e - 1;
    const std::size_t count = e - b;
    if (count == 1) return b;
    if (count == 2) {
        const char32_t first = letters[b].base;
        const char32_t second = letters[b + 1].base;
        const bool modern_second =
            (first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y');
        return modern_second ? b + 1 : b;
    }
    return b + 1;
}

Tone current_tone(const std::vector<Letter>& letters) {
    for (const Letter& letter : letters)
        if (letter.tone != Tone::level) return letter.tone;
    return Tone::level;
}

void clear_tones(std::vector<Letter>& letters) {
    for (Letter& letter : letters)
        letter.tone = Tone::level;
}

std::optional<Tone> tone_key(char32_t key) {
    switch (key) {
        case 's':
            return Tone::acute;
        case 'f':
            return Tone::grave;
        case 'r':
            return Tone::hook;
        case 'x':
            return Tone::tilde;
        case 'j':
            return Tone::dot;
        case 'z':
            return Tone::level;
        default:
            return std::nullopt;
    }
}

Shape w_shape(char32_t base) {
    return base == 'a' ? Shape::breve : Shape::horn;
}

}  // namespace

// --- TelexInput -----------------------------------------------------------------------------

TelexInput::TelexInput(std::string_view initial, bool telex_enabled)
    : text_(to_code_points(to_nfc(initial))), telex_enabled_(telex_enabled) {
    refresh();
}

void TelexInput::type(std::string_view utf8) {
    for (char32_t key : to_code_points(utf8))
        type(key);
}

void TelexInput::type(char32_t key) {
    if (!(telex_enabled_ && apply_telex(key))) text_ += key;
    // Keys may arrive decomposed (a combining mark from a physical keyboard's input method).
    text_ = to_code_points(to_nfc(to_utf8(text_)));
    if (telex_enabled_) place_tone_in_last_word();
    refresh();
}

void TelexInput::backspace() {
    auto is_mark = [](char32_t c) {
        const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
        return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC;
    };
    while (!text_.empty() && is_mark(text_.back()))
        text_.pop_back();
    if (!text_.empty()) text_.pop_back();
    refresh();
}

void TelexInput::refresh() {
    utf8_ = to_utf8(text_);
}

bool TelexInput::apply_telex(char32_t key) {
    if (!is_ascii_letter(key)) return false;
    const char32_t command = ascii_lower(key);
    Word word = last_word(text_);
    std::vector<Letter>& letters = word.letters;
    if (letters.empty()) return false;
    const Syllable syllable = parse_syllable(letters);

    // Writes the word back, with the key itself typed after it when it undid its own mark.
    auto commit = [&](bool type_key_too) {
        text_.resize(word.begin);
        for (const Letter& letter : letters)
            text_ += join_letter(letter);
        if (type_key_too) text_ += key;
        return true;
    };

    if (const auto tone = tone_key(command)) {
        if (!syllable.valid) return false;
        const Tone before = current_tone(letters);
        if (*tone == Tone::level) {  // z
            if (before == Tone::level) return false;
            clear_tones(letters);
            return commit(false);
        }
        clear_tones(letters);
        if (before == *tone) return commit(true);
        letters[tone_position(letters, syllable)].tone = *tone;
        return commit(false);
    }

    if (command == 'a' || command == 'e' || command == 'o') {
        if (!syllable.valid) return false;
        for (std::size_t i = syllable.vowels_end; i-- > syllable.vowels_begin;) {
            Letter& vowel = letters[i];
            if (vowel.base != command) continue;
            if (vowel.shape == Shape::circumflex) {
                vowel.shape = Shape::plain;
                return commit(true);
            }
            vowel.shape = Shape::circumflex;
            // "ươ" + o reads as "uô", not "ưô".
            if (i > 0 && letters[i - 1].base == 'u') letters[i - 1].shape = Shape::plain;
            return commit(false);
        }
        return false;
    }

    if (command == 'w') {
        if (!syllable.valid) return false;
        const std::size_t b = syllable.vowels_begin;
        const std::size_t e = syllable.vowels_end;
        // "uo" + w gives "ươ" (người, trường); w again undoes both.
        for (std::size_t i = b; i + 1 < e; ++i) {
            if (letters[i].base == 'u' && letters[i + 1].base == 'o') {
                const bool undo =
                    letters[i].shape == Shape::horn && letters[i + 1].shape == Shape::horn;
                letters[i].shape = letters[i + 1].shape = undo ? Shape::plain : Shape::horn;
                return commit(undo);
            }
        }
        for (std::size_t i = e; i-- > b;) {
            Letter& vowel = letters[i];
            if (vowel.base != 'a' && vowel.base != 'o' && vowel.base != 'u') continue;
            const bool undo = vowel.shape == w_shape(vowel.base);
            vowel.shape = undo ? Shape::plain : w_shape(vowel.base);
            return commit(undo);
        }
        return false;
    }

    if (command == 'd') {
        // dd -> đ; the d may come later in the word ("did" -> "đi"), as in common Telex tools.
        Letter& first = letters.front();
        const bool has_vowel = std::any_of(letters.begin(), letters.end(),
                                           [](const Letter& l) { return is_vowel(l.base); });
        if (first.base != 'd' || (has_vowel && !syllable.valid)) return false;
        if (first.shape == Shape::stroke) {
            if (letters.size() != 1) return false;  // undo only right after "đ"
            first.shape = Shape::plain;
            return commit(true);
        }
        first.shape = Shape::stroke;
        return commit(false);
    }
    return false;
}

void TelexInput::place_tone_in_last_word() {
    Word word = last_word(text_);
    const Tone tone = current_tone(word.letters);
    if (tone == Tone::level) return;
    const Syllable syllable = parse_syllable(word.letters);
    if (!syllable.valid) return;
    clear_tones(word.letters);
    word.letters[tone_position(word.letters, syllable)].tone = tone;
    text_.resize(word.begin);
    for (const Letter& letter : word.letters)
        text_ += join_letter(letter);
}

}  // namespace jobfair::keyboard
