// What the board says aloud for a call: the ticket label and the booth, never a name (a Call holds
// none). Vietnamese reads the ticket's characters one by one, as ticket numbers are read out in
// Vietnam ("A-0087": "A, không, không, tám, bảy"), letters by their Vietnamese names ("B": "bê"),
// and the booth as a letter and a number ("B07": "bê bảy"); English does the same in English.
// The text goes to espeak-ng (`-v vi` or `-v en`); commas give the listener a pause.
#pragma once

#include <string>
#include <string_view>

#include "common/language.hpp"
#include "kiosk/board/model/board.hpp"

namespace jobfair::board {

// "A-0087" -> "A, không, không, tám, bảy" / "A, zero, zero, eight, seven"; characters other than
// letters and digits are left out.
std::string spoken_ticket(std::string_view label, Language language);

// "B07" -> "bê bảy" / "B 7"; "B15" -> "bê mười lăm" / "B 15".
std::string spoken_booth(std::string_view booth, Language language);

// A number as said in Vietnamese: 7 "bảy", 15 "mười lăm", 21 "hai mươi mốt", 104 "một, không,
// bốn" (past 99, digit by digit).
std::string vietnamese_number(int number);

// "Mời số vé A, không, không, tám, bảy, đến gian bê bảy, bàn một." /
// "Ticket A, zero, zero, eight, seven, please go to booth B 7, desk 1."; a recall starts
// "Gọi lại." / "Calling again.".
std::string speech_text(const Call& call, Language language);

}  // namespace jobfair::board
