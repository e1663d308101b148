#include "kiosk/board/app/voice.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace jobfair::board::app {

namespace {

bool on_path(const char* program) {
    return std::system(("command -v " + std::string(program) + " >/dev/null 2>&1").c_str()) == 0;
}

std::filesystem::path temporary(const std::string& suffix) {
    return std::filesystem::temp_directory_path() /
           ("jobfair-board-voice-" + std::to_string(::getpid()) + suffix);
}

}  // namespace

Voice::Voice()
    : text_file_(temporary(".txt")),
      wav_file_(temporary(".wav")),
      installed_(on_path("espeak-ng") && on_path("aplay")) {}

Voice::~Voice() {
    std::error_code ignored;
    std::filesystem::remove(text_file_, ignored);
    std::filesystem::remove(wav_file_, ignored);
}

bool Voice::say(const std::string& text, Language language) const {
    if (!installed_) return false;
    {
        std::ofstream out(text_file_, std::ios::trunc);
        out << text << '\n';
        if (!out) return false;
    }
    // 140 words a minute: a little slower than espeak's 175, for a hall and a listener who is
    // looking for their number. The paths are ours (no quote in them); the text stays in its file.
    const std::string voice = language == Language::vi ? "vi" : "en";
    const std::string make = "espeak-ng -v " + voice + " -s 140 -f '" + text_file_.string() +
                             "' -w '" + wav_file_.string() + "' >/dev/null 2>&1";
    if (std::system(make.c_str()) != 0) return false;
    const std::string play = "aplay -q '" + wav_file_.string() + "' >/dev/null 2>&1";
    return std::system(play.c_str()) == 0;
}

}  // namespace jobfair::board::app
