#include "common/qr.hpp"

#include <qrencode.h>
#include <stb_image_write.h>  // the implementation is compiled into Debian's libstb

#include <memory>
#include <string>

namespace jobfair {

namespace {

struct QrcodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

QrMatrix encode_qr(std::string_view text) {
    if (text.empty()) throw QrError("cannot make a QR code of empty text");
    if (text.find('\0') != std::string_view::npos)
        throw QrError("cannot make a QR code of text holding a NUL byte");
    const std::string c_text(text);
    // Version 0: the smallest that fits. Case-sensitive, so lowercase letters stay as they are
    // (and force byte mode for their stretch) instead of being changed.
    const std::unique_ptr<QRcode, QrcodeDeleter> code(
        QRcode_encodeString(c_text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) {
        throw QrError("cannot make a QR code of " + std::to_string(text.size()) +
                      " characters: too long for level M");
    }
    QrMatrix matrix;
    matrix.size = code->width;
    matrix.dark.resize(static_cast<std::size_t>(code->width) * code->width);
    for (std::size_t i = 0; i < matrix.dark.size(); ++i)
        matrix.dark[i] = code->data[i] & 1;  // bit 0 is the module's colour; others are metadata
    return matrix;
}

GrayImage::GrayImage(int width, int height, uint8_t fill)
    : width(width),
      height(height),
      pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), fill) {
    if (width < 0 || height < 0) throw std::invalid_argument("negative image size");
}

GrayImage render_qr(const QrMatrix& matrix, int pixels_per_module) {
    if (pixels_per_module < 1) throw std::invalid_argument("pixels_per_module must be at least 1");
    const int side = (matrix.size + 2 * kQrQuietZoneModules) * pixels_per_module;
    GrayImage image(side, side);
    const int margin = kQrQuietZoneModules * pixels_per_module;
    for (int y = 0; y < side - 2 * margin; ++y) {
        for (int x = 0; x < side - 2 * margin; ++x) {
            if (matrix.is_dark(x / pixels_per_module, y / pixels_per_module))
                image.at(margin + x, margin + y) = 0;
        }
    }
    return image;
}

void write_png(const GrayImage& image, const std::filesystem::path& path) {
    if (image.width <= 0 || image.height <= 0) throw QrError("cannot write an empty image");
    const int written = stbi_write_png(path.c_str(), image.width, image.height, 1,
                                       image.pixels.data(), image.width);
    if (written == 0) throw QrError("cannot write " + path.string());
}

}  // namespace jobfair
