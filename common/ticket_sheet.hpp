// Printable ticket sheets: A4 pages (150 dpi) holding a grid of ticket QR codes, each with its
// ticket label and a caption (the student's name) underneath, with light cut lines between them.
// Text is drawn with stb_truetype from a TrueType font such as Noto Sans, which has the
// precomposed Vietnamese letters; there is no shaping, so captions must be NFC.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/qr.hpp"

namespace jobfair {

// A TrueType font loaded from a file, for drawing UTF-8 text into grayscale images.
class ImageFont {
  public:
    // Throws QrError when the file cannot be read or is not a TrueType font.
    explicit ImageFont(const std::filesystem::path& path);
    ImageFont(ImageFont&&) noexcept;
    ImageFont& operator=(ImageFont&&) noexcept;
    ~ImageFont();

    // Width in pixels of `utf8` drawn `pixel_height` tall.
    int text_width(std::string_view utf8, float pixel_height) const;
    // Draws dark text with its top at `top` and its left edge at `left`, clipped to the image.
    void draw(GrayImage& image, std::string_view utf8, int left, int top, float pixel_height) const;

  private:
    struct Loaded;
    std::unique_ptr<Loaded> loaded_;
};

// The font the sheets use when present (Debian package fonts-noto-core).
inline const std::filesystem::path kDefaultSheetFont =
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

struct SheetTicket {
    std::string payload;  // what the QR code holds
    std::string label;    // e.g. "A-0427", printed large
    std::string caption;  // e.g. the student's name, printed small; may be empty
};

struct SheetLayout {
    int page_width = 1240;  // A4 at 150 dpi
    int page_height = 1754;
    int margin = 60;  // 1 cm
    int columns = 4;
    int rows = 5;
    float label_height = 34;
    float caption_height = 22;
};

// One image per page, tickets in reading order. Without a font the pages hold the codes only.
std::vector<GrayImage> render_ticket_sheets(const std::vector<SheetTicket>& tickets,
                                            const ImageFont* font, const SheetLayout& layout = {});

}  // namespace jobfair
