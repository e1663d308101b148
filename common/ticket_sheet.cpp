#include "common/ticket_sheet.hpp"

#include <stb_truetype.h>  // the implementation is compiled into Debian's libstb

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

namespace jobfair {

namespace {

// Decodes UTF-8; a broken sequence becomes U+FFFD rather than stopping the sheet.
std::vector<int> codepoints_of(std::string_view utf8) {
    std::vector<int> codepoints;
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const int length = lead < 0x80           ? 1
                           : (lead >> 5) == 0x6  ? 2
                           : (lead >> 4) == 0xE  ? 3
                           : (lead >> 3) == 0x1E ? 4
                                                 : 0;
        int codepoint = length == 1   ? lead
                        : length == 2 ? lead & 0x1F
                        : length == 3 ? lead & 0x0F
                                      : lead & 0x07;
        bool valid = length > 0 && i + static_cast<std::size_t>(length) <= utf8.size();
        for (int k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]);
            valid = (next >> 6) == 0x2;
            codepoint = (codepoint << 6) | (next & 0x3F);
        }
        codepoints.push_back(valid ? codepoint : 0xFFFD);
        i += valid ? static_cast<std::size_t>(length) : 1;
    }
    return codepoints;
}

}  // namespace

struct ImageFont::Loaded {
    std::vector<unsigned char> file;  // stbtt_fontinfo points into it
    stbtt_fontinfo info{};
};

ImageFont::ImageFont(const std::filesystem::path& path) : loaded_(std::make_unique<Loaded>()) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw QrError("cannot read the font " + path.string());
    loaded_->file.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const unsigned char* data = loaded_->file.data();
    const int offset = loaded_->file.size() < 12 ? -1 : stbtt_GetFontOffsetForIndex(data, 0);
    if (offset < 0 || stbtt_InitFont(&loaded_->info, data, offset) == 0)
        throw QrError(path.string() + " is not a TrueType font");
}

ImageFont::ImageFont(ImageFont&&) noexcept = default;
ImageFont& ImageFont::operator=(ImageFont&&) noexcept = default;
ImageFont::~ImageFont() = default;

int ImageFont::text_width(std::string_view utf8, float pixel_height) const {
    const float scale = stbtt_ScaleForPixelHeight(&loaded_->info, pixel_height);
    const std::vector<int> codepoints = codepoints_of(utf8);
    float width = 0;
    for (std::size_t i = 0; i < codepoints.size(); ++i) {
        int advance = 0;
        int left_bearing = 0;
        stbtt_GetCodepointHMetrics(&loaded_->info, codepoints[i], &advance, &left_bearing);
        width += static_cast<float>(advance) * scale;
        if (i + 1 < codepoints.size()) {
            width += scale * static_cast<float>(stbtt_GetCodepointKernAdvance(
                                 &loaded_->info, codepoints[i], codepoints[i + 1]));
        }
    }
    return static_cast<int>(std::ceil(width));
}

void ImageFont::draw(GrayImage& image, std::string_view utf8, int left, int top,
                     float pixel_height) const {
    const stbtt_fontinfo& info = loaded_->info;
    const float scale = stbtt_ScaleForPixelHeight(&info, pixel_height);
    int ascent = 0;
    int descent = 0;
    int line_gap = 0;
    stbtt_GetFontVMetrics(&info, &ascent, &descent, &line_gap);
    const int baseline = top + static_cast<int>(std::lround(static_cast<float>(ascent) * scale));
    const std::vector<int> codepoints = codepoints_of(utf8);
    float pen_x = static_cast<float>(left);
    std::vector<unsigned char> glyph;
    for (std::size_t i = 0; i < codepoints.size(); ++i) {
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetCodepointBitmapBox(&info, codepoints[i], scale, scale, &x0, &y0, &x1, &y1);
        const int glyph_width = x1 - x0;
        const int glyph_height = y1 - y0;
        if (glyph_width > 0 && glyph_height > 0) {
            glyph.assign(static_cast<std::size_t>(glyph_width * glyph_height), 0);
            stbtt_MakeCodepointBitmap(&info, glyph.data(), glyph_width, glyph_height, glyph_width,
                                      scale, scale, codepoints[i]);
            const int origin_x = static_cast<int>(std::lround(pen_x)) + x0;
            for (int gy = 0; gy < glyph_height; ++gy) {
                const int y = baseline + y0 + gy;
                if (y < 0 || y >= image.height) continue;
                for (int gx = 0; gx < glyph_width; ++gx) {
                    const int x = origin_x + gx;
                    if (x < 0 || x >= image.width) continue;
                    const auto ink = glyph[static_cast<std::size_t>(gy * glyph_width + gx)];
                    // Overlapping glyph edges keep the darker pixel.
                    image.at(x, y) = std::min(image.at(x, y), static_cast<uint8_t>(255 - ink));
                }
            }
        }
        int advance = 0;
        int left_bearing = 0;
        stbtt_GetCodepointHMetrics(&info, codepoints[i], &advance, &left_bearing);
        pen_x += static_cast<float>(advance) * scale;
        if (i + 1 < codepoints.size()) {
            pen_x += scale * static_cast<float>(stbtt_GetCodepointKernAdvance(&info, codepoints[i],
                                                                              codepoints[i + 1]));
        }
    }
}

namespace {

void drop_last_character(std::string& utf8) {
    while (!utf8.empty() && (static_cast<unsigned char>(utf8.back()) >> 6) == 0x2)
        utf8.pop_back();  // continuation bytes
    if (!utf8.empty()) utf8.pop_back();
}

struct FittedText {
    std::string text;
    float height = 0;
};

// `text` shrunk down to 60% of `pixel_height` to fit `width`, then cut with "…".
FittedText fit(const ImageFont& font, std::string text, int width, float pixel_height) {
    constexpr std::string_view kEllipsis = "…";
    float height = pixel_height;
    while (font.text_width(text, height) > width && height > pixel_height * 0.6f)
        height -= 1;
    bool cut = false;
    while (!text.empty() && font.text_width(std::string(text) + (cut ? "…" : ""), height) > width) {
        drop_last_character(text);
        cut = true;
    }
    if (cut) text += kEllipsis;
    return {std::move(text), height};
}

// Centres `text` in [left, left + width).
void draw_centred(GrayImage& page, const ImageFont& font, std::string text, int left, int top,
                  int width, float pixel_height) {
    const FittedText fitted = fit(font, std::move(text), width, pixel_height);
    font.draw(page, fitted.text, left + (width - font.text_width(fitted.text, fitted.height)) / 2,
              top, fitted.height);
}

void draw_left(GrayImage& page, const ImageFont& font, std::string text, int left, int top,
               int width, float pixel_height) {
    const FittedText fitted = fit(font, std::move(text), width, pixel_height);
    font.draw(page, fitted.text, left, top, fitted.height);
}

void fill(GrayImage& page, int left, int top, int width, int height, uint8_t gray) {
    for (int y = std::max(0, top); y < std::min(page.height, top + height); ++y) {
        for (int x = std::max(0, left); x < std::min(page.width, left + width); ++x)
            page.at(x, y) = gray;
    }
}

constexpr float kLineSpacing = 1.3f;
constexpr int kBandPadding = 8;
constexpr int kRuleGap = 14;

std::string page_number(std::size_t page, std::size_t pages) {
    const std::string n = std::to_string(page + 1);
    const std::string of = std::to_string(pages);
    return "Trang " + n + "/" + of + " · Page " + n + " of " + of;
}

// Draws the header from the page's top margin; returns where the ticket grid may start.
int draw_header(GrayImage& page, const ImageFont& font, const SheetHeader& header,
                const SheetLayout& layout, std::size_t page_index, std::size_t pages) {
    const int left = layout.margin;
    const int width = layout.page_width - 2 * layout.margin;
    int top = layout.margin;
    const std::string number = page_number(page_index, pages);
    const int number_width = font.text_width(number, layout.line_height);
    const auto line_advance = [](float height) {
        return static_cast<int>(std::ceil(height * kLineSpacing));
    };
    draw_left(page, font, header.title, left, top,
              header.lines.empty() ? width - number_width - 20 : width, layout.title_height);
    if (header.lines.empty())
        font.draw(page, number, left + width - number_width, top, layout.line_height);
    top += line_advance(layout.title_height);
    for (std::size_t i = 0; i < header.lines.size(); ++i) {
        const bool last = i + 1 == header.lines.size();
        draw_left(page, font, header.lines[i], left, top, last ? width - number_width - 20 : width,
                  layout.line_height);
        if (last) font.draw(page, number, left + width - number_width, top, layout.line_height);
        top += line_advance(layout.line_height);
    }
    if (!header.instruction.empty()) {
        constexpr uint8_t kBandGray = 225;  // light enough that black text stays crisp in print
        const int band_height =
            static_cast<int>(header.instruction.size()) * line_advance(layout.line_height) +
            2 * kBandPadding;
        top += kBandPadding / 2;
        fill(page, left, top, width, band_height, kBandGray);
        int line_top = top + kBandPadding;
        for (const std::string& line : header.instruction) {
            draw_centred(page, font, line, left + kBandPadding, line_top, width - 2 * kBandPadding,
                         layout.line_height);
            line_top += line_advance(layout.line_height);
        }
        top += band_height;
    }
    top += kRuleGap / 2;
    fill(page, left, top, width, 2, 0);
    return top + kRuleGap;
}

void draw_cut_lines(GrayImage& page, int left, int top, int width, int height) {
    constexpr uint8_t kCutLineGray = 200;
    for (int x = left; x < left + width; x += 2) {  // dotted, so it reads as "cut here"
        page.at(x, top) = kCutLineGray;
        page.at(x, top + height - 1) = kCutLineGray;
    }
    for (int y = top; y < top + height; y += 2) {
        page.at(left, y) = kCutLineGray;
        page.at(left + width - 1, y) = kCutLineGray;
    }
}

}  // namespace

int sheet_header_height(const SheetHeader& header, const SheetLayout& layout) {
    const auto line_advance = [](float height) {
        return static_cast<int>(std::ceil(height * kLineSpacing));
    };
    int height = line_advance(layout.title_height) +
                 static_cast<int>(header.lines.size()) * line_advance(layout.line_height);
    if (!header.instruction.empty()) {
        height += kBandPadding / 2 +
                  static_cast<int>(header.instruction.size()) * line_advance(layout.line_height) +
                  2 * kBandPadding;
    }
    return height + kRuleGap / 2 + 2 + kRuleGap;
}

std::vector<GrayImage> render_ticket_sheets(const std::vector<SheetTicket>& tickets,
                                            const ImageFont* font, const SheetLayout& layout,
                                            const SheetHeader* header) {
    const bool with_header = font && header;
    const int grid_top = layout.margin + (with_header ? sheet_header_height(*header, layout) : 0);
    const int cell_width = (layout.page_width - 2 * layout.margin) / layout.columns;
    const int cell_height = (layout.page_height - layout.margin - grid_top) / layout.rows;
    const int text_height =
        font
            ? static_cast<int>(std::ceil(layout.label_height * 1.3f + layout.caption_height * 1.3f))
            : 0;
    const int per_page = layout.columns * layout.rows;
    const std::size_t page_count = (tickets.size() + static_cast<std::size_t>(per_page) - 1) /
                                   static_cast<std::size_t>(per_page);
    std::vector<GrayImage> pages;
    for (std::size_t index = 0; index < tickets.size(); ++index) {
        const int on_page = static_cast<int>(index % static_cast<std::size_t>(per_page));
        if (on_page == 0) {
            pages.emplace_back(layout.page_width, layout.page_height);
            if (with_header)
                draw_header(pages.back(), *font, *header, layout, pages.size() - 1, page_count);
        }
        GrayImage& page = pages.back();
        const int cell_left = layout.margin + (on_page % layout.columns) * cell_width;
        const int cell_top = grid_top + (on_page / layout.columns) * cell_height;
        draw_cut_lines(page, cell_left, cell_top, cell_width, cell_height);

        const SheetTicket& ticket = tickets[index];
        const QrMatrix matrix = encode_qr(ticket.payload);
        const int modules = matrix.size + 2 * kQrQuietZoneModules;
        const int pixels_per_module =
            std::max(1, std::min(cell_width - 4, cell_height - 4 - text_height) / modules);
        const GrayImage code = render_qr(matrix, pixels_per_module);
        const int code_left = cell_left + (cell_width - code.width) / 2;
        const int code_top = cell_top + 2;
        for (int y = 0; y < code.height; ++y) {
            for (int x = 0; x < code.width; ++x)
                page.at(code_left + x, code_top + y) = code.at(x, y);
        }
        if (!font) continue;
        const int label_top = code_top + code.height;  // never inside the code's quiet zone
        draw_centred(page, *font, ticket.label, cell_left + 4, label_top, cell_width - 8,
                     layout.label_height);
        draw_centred(page, *font, ticket.caption, cell_left + 4,
                     label_top + static_cast<int>(layout.label_height * 1.3f), cell_width - 8,
                     layout.caption_height);
    }
    return pages;
}

}  // namespace jobfair
