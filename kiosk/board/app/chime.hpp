// The chime the board plays on each new call: a two-tone "ding-dong" written once as a WAV file
// (16-bit mono PCM, generated, no asset) and played with `aplay` when it is installed. Playing
// blocks for the length of the sound: call it off the UI thread. Without aplay it stays silent.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace jobfair::board::app {

// The samples of the chime at `sample_rate`: 660 Hz then 520 Hz, each fading out.
std::vector<std::int16_t> chime_samples(int sample_rate = 22050);

// Writes `samples` as a WAV file; throws std::runtime_error when the file cannot be written.
void write_wav(const std::filesystem::path& file, const std::vector<std::int16_t>& samples,
               int sample_rate = 22050);

class Chime {
  public:
    // Writes the WAV into the temporary folder once; finds aplay on the PATH.
    Chime();
    ~Chime();
    Chime(const Chime&) = delete;
    Chime& operator=(const Chime&) = delete;

    bool available() const { return available_; }
    // Plays the chime and returns when it ends; false when unavailable or it could not be played
    // (no sound device).
    bool play() const;

  private:
    std::filesystem::path wav_file_;
    bool available_ = false;
};

}  // namespace jobfair::board::app
