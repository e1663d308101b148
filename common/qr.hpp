// QR codes for tickets: text to a module matrix (libqrencode, error-correction level M), and the
// matrix to a grayscale image or PNG file. The kiosk draws the same matrix with ImGui; printed
// sheets and the per-student files use the image.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace jobfair {

// Text that cannot be encoded, or an image that cannot be written.
class QrError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The symbol's modules, row by row, without the quiet zone.
struct QrMatrix {
    int size = 0;               // modules per side: 21 for version 1, +4 per version
    std::vector<uint8_t> dark;  // size * size entries, 1 dark and 0 light

    bool is_dark(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

// Encodes `text` at level M in the smallest version; uppercase alphanumeric text (such as a
// ticket payload) uses alphanumeric mode. Throws QrError for empty text, a NUL byte, or text too
// long for any version.
QrMatrix encode_qr(std::string_view text);

// 8-bit grayscale pixels, row by row: 0 black, 255 white.
struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;

    GrayImage() = default;
    GrayImage(int width, int height, uint8_t fill = 255);
    uint8_t& at(int x, int y) { return pixels[static_cast<std::size_t>(y * width + x)]; }
    uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y * width + x)]; }
};

inline constexpr int kQrQuietZoneModules = 4;  // the white margin the QR standard requires

// Each module becomes a `pixels_per_module` square, inside a white quiet zone of 4 modules.
GrayImage render_qr(const QrMatrix& matrix, int pixels_per_module);

// Writes `image` as an 8-bit grayscale PNG; throws QrError when the file cannot be written.
void write_png(const GrayImage& image, const std::filesystem::path& path);

}  // namespace jobfair
