// Printable ticket sheets: A4 pages (150 dpi) holding a grid of ticket QR codes, each with its
// ticket label and a caption (the student's name) underneath, with light cut lines between them,
// under an optional header (the fair, the school and class, when to come, what to do) repeated on
// every page, since a class's pages are handed out one by one.
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
    float title_height = 34;  // the header's first line
    float line_height = 24;   // the header's other lines
};

// The words at the top of every page of one group of tickets. Lines too long for the page are
// shrunk, then cut with "…". The page's number ("Trang 2/3 · Page 2 of 3") is added to the last
// line of `lines`, on the right.
struct SheetHeader {
    std::string title;                     // the fair's name
    std::vector<std::string> lines;        // date and venue, school and class, arrival time
    std::vector<std::string> instruction;  // what to do with the ticket, Vietnamese first; in a
                                           // grey band
};

// The header's height in pixels for `layout` (0 without a font: codes only).
int sheet_header_height(const SheetHeader& header, const SheetLayout& layout);

// One image per page, tickets in reading order. Without a font the pages hold the codes only,
// and no header. With a header, every page carries it and the grid fills the rest of the page.
std::vector<GrayImage> render_ticket_sheets(const std::vector<SheetTicket>& tickets,
                                            const ImageFont* font, const SheetLayout& layout = {},
                                            const SheetHeader* header = nullptr);

}  // namespace jobfair
