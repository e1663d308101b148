#include "kiosk/board/app/chime.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <numbers>
#include <stdexcept>
#include <string>

namespace jobfair::board::app {

namespace {

void append_tone(std::vector<std::int16_t>& samples, double frequency, double seconds,
                 int sample_rate) {
    const int count = static_cast<int>(seconds * sample_rate);
    for (int index = 0; index < count; ++index) {
        const double time = static_cast<double>(index) / sample_rate;
        const double envelope = std::exp(-4.0 * time / seconds);
        const double wave = std::sin(2 * std::numbers::pi * frequency * time);
        samples.push_back(static_cast<std::int16_t>(12000 * envelope * wave));
    }
}

template <class Integer>
void put(std::ofstream& out, Integer value) {
    for (std::size_t byte = 0; byte < sizeof(Integer); ++byte)  // little-endian
        out.put(static_cast<char>((static_cast<std::uint64_t>(value) >> (8 * byte)) & 0xff));
}

bool aplay_on_path() {
    return std::system("command -v aplay >/dev/null 2>&1") == 0;
}

}  // namespace

std::vector<std::int16_t> chime_samples(int sample_rate) {
    std::vector<std::int16_t> samples;
    append_tone(samples, 660, 0.35, sample_rate);
    append_tone(samples, 520, 0.55, sample_rate);
    return samples;
}

void write_wav(const std::filesystem::path& file, const std::vector<std::int16_t>& samples,
               int sample_rate) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + file.string());
    const auto data_bytes = static_cast<std::uint32_t>(samples.size() * 2);
    out.write("RIFF", 4);
    put<std::uint32_t>(out, 36 + data_bytes);
    out.write("WAVEfmt ", 8);
    put<std::uint32_t>(out, 16);  // size of the fmt chunk
    put<std::uint16_t>(out, 1);   // PCM
    put<std::uint16_t>(out, 1);   // mono
    put<std::uint32_t>(out, static_cast<std::uint32_t>(sample_rate));
    put<std::uint32_t>(out, static_cast<std::uint32_t>(sample_rate * 2));  // bytes per second
    put<std::uint16_t>(out, 2);                                            // bytes per frame
    put<std::uint16_t>(out, 16);                                           // bits per sample
    out.write("data", 4);
    put<std::uint32_t>(out, data_bytes);
    for (const std::int16_t sample : samples)
        put<std::uint16_t>(out, static_cast<std::uint16_t>(sample));
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

Chime::Chime()
    : wav_file_(std::filesystem::temp_directory_path() /
                ("jobfair-board-chime-" + std::to_string(::getpid()) + ".wav")) {
    if (!aplay_on_path()) return;
    try {
        write_wav(wav_file_, chime_samples());
        available_ = true;
    } catch (const std::exception&) {
        available_ = false;  // a board without sound still shows every call
    }
}

Chime::~Chime() {
    std::error_code ignored;
    std::filesystem::remove(wav_file_, ignored);
}

bool Chime::play() const {
    if (!available_) return false;
    const std::string command = "aplay -q '" + wav_file_.string() + "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

}  // namespace jobfair::board::app
