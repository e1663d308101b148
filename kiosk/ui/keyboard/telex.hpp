// Telex: how Vietnamese is typed on a plain keyboard. Fed one key at a time by the on-screen
// keyboard or a physical one; the text is always NFC.
//
//   aa â   aw ă   ee ê   oo ô   ow ơ   uw ư   (uo + w: ươ)   dd đ
//   s sắc (á)   f huyền (à)   r hỏi (ả)   x ngã (ã)   j nặng (ạ)   z removes the tone
//
// A key pressed again undoes its mark and types the letter itself: "ass" -> "as", "aaa" -> "aa",
// "ddd" -> "dd". Marks apply only to a word shaped like a Vietnamese syllable (consonants, one
// group of vowels, then nothing or c, ch, m, n, ng, nh, p, t), so "Hello" or "as" stay as typed.
//
// Tone placement follows the modern rule (the "new style" of the 2018 school texts): in oa, oe
// and uy without a final consonant the tone sits on the second vowel: "hoà", "khoẻ", "thuý".
// A vowel with a shape mark (â ă ê ô ơ ư; ơ in ươ) always carries the tone; with a final
// consonant the last vowel does; otherwise the first of two vowels or the middle of three.
// The "u" of "qu" and the "i" of "gi" before another vowel belong to the consonant.
#pragma once

#include <string>
#include <string_view>

namespace jobfair::keyboard {

class TelexInput {
  public:
    explicit TelexInput(std::string_view initial = {}, bool telex_enabled = true);

    void type(char32_t key);
    void type(std::string_view utf8);  // each code point as a key
    // Removes the last character (a letter with all its marks, as the student sees it).
    void backspace();

    // Off: keys are typed as they are, for English words, e-mail addresses or numbers.
    void set_telex(bool enabled) { telex_enabled_ = enabled; }
    bool telex_enabled() const { return telex_enabled_; }

    const std::string& text() const { return utf8_; }  // NFC
    bool empty() const { return text_.empty(); }

  private:
    bool apply_telex(char32_t key);  // true when the key changed the last word
    void place_tone_in_last_word();
    void refresh();

    std::u32string text_;  // NFC code points
    std::string utf8_;
    bool telex_enabled_ = true;
};

}  // namespace jobfair::keyboard
