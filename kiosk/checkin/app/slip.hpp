// The printed slip: the ticket's QR with its label, the student's given name and their
// interviews, as a grayscale image for a receipt printer (576 dots: 80 mm paper at 203 dpi).
// Text is drawn with stb_truetype from the same Noto Sans the screens use, so Vietnamese prints
// with its diacritics.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/protocol.hpp"
#include "common/qr.hpp"
#include "kiosk/checkin/model/strings.hpp"

namespace jobfair::checkin::app {

inline constexpr int kSlipWidthDots = 576;

class SlipRenderer {
  public:
    // Reads the font file; throws std::runtime_error naming it when it cannot be read.
    explicit SlipRenderer(const std::filesystem::path& font_file);

    GrayImage render(const protocol::CheckInAnswer& answer, bool provisional,
                     Language language) const;

  private:
    std::vector<unsigned char> font_bytes_;
};

// Sends a PNG to a CUPS printer with `lp -d PRINTER FILE` (no shell: the names are arguments).
// Returns lp's exit status, or -1 when lp could not be started.
int send_to_printer(const std::string& printer, const std::filesystem::path& png);

}  // namespace jobfair::checkin::app
