// The board's voice: espeak-ng (Debian's `espeak-ng`, voices `vi` and `en`) writes what the model
// built (board_speech) to a WAV file, and aplay plays it, as the chime is played. Saying blocks
// for the length of the sentence: call it off the UI thread. Without espeak-ng it stays silent and
// the board's voice switch says why. The text goes through a file, never through a shell.
#pragma once

#include <filesystem>
#include <string>

#include "common/language.hpp"

namespace jobfair::board::app {

class Voice {
  public:
    Voice();  // finds espeak-ng and aplay on the PATH
    ~Voice();
    Voice(const Voice&) = delete;
    Voice& operator=(const Voice&) = delete;

    bool installed() const { return installed_; }
    // Says `text` and returns when it is said; false when it could not be made or played (no
    // sound device, as under Xvfb: the caller logs that once).
    bool say(const std::string& text, Language language) const;

  private:
    std::filesystem::path text_file_;
    std::filesystem::path wav_file_;
    bool installed_ = false;
};

}  // namespace jobfair::board::app
