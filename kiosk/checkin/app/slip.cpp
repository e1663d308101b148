#include "kiosk/checkin/app/slip.hpp"

#include <spawn.h>
#include <stb_truetype.h>  // the implementation is compiled into Debian's libstb
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string_view>

#include "kiosk/checkin/model/session.hpp"
#include "kiosk/checkin/model/text.hpp"

extern char** environ;

namespace jobfair::checkin::app {

namespace {

constexpr int kMarginDots = 24;
constexpr int kQrDotsPerModule = 8;

// Lines of text laid out top to bottom on a growing white image.
class SlipCanvas {
  public:
    explicit SlipCanvas(const std::vector<unsigned char>& font_bytes) {
        if (stbtt_InitFont(&font_, font_bytes.data(), 0) == 0) {
            throw std::runtime_error("the slip font is not a TrueType font");
        }
    }

    // Draws `utf8`, wrapped at spaces to the paper's width.
    void text_line(const std::string& utf8, float pixel_height) {
        const float scale = stbtt_ScaleForPixelHeight(&font_, pixel_height);
        const std::u32string text = to_code_points(to_nfc(utf8));
        const float room = kSlipWidthDots - 2 * kMarginDots;
        std::size_t line_start = 0;
        while (line_start < text.size()) {
            std::size_t line_end = text.size();
            if (width_of(text.substr(line_start), scale) > room) {
                // The last space that still fits; a single long word is cut at the edge instead.
                std::size_t fits = line_start;
                for (std::size_t at = line_start; at < text.size(); ++at) {
                    if (text[at] == U' ' &&
                        width_of(text.substr(line_start, at - line_start), scale) <= room) {
                        fits = at;
                    }
                }
                if (fits > line_start) line_end = fits;
            }
            draw_line(text.substr(line_start, line_end - line_start), scale);
            line_start = line_end;
            while (line_start < text.size() && text[line_start] == U' ')
                ++line_start;
        }
    }

    void qr(const QrMatrix& matrix) {
        const GrayImage code = render_qr(matrix, kQrDotsPerModule);
        const int left = (kSlipWidthDots - code.width) / 2;
        grow(y_ + code.height);
        for (int y = 0; y < code.height; ++y) {
            for (int x = 0; x < code.width; ++x)
                image_.at(left + x, y_ + y) = code.at(x, y);
        }
        y_ += code.height;
    }

    void gap(int dots) {
        y_ += dots;
        grow(y_);
    }

    GrayImage finish() {
        gap(kMarginDots);
        return std::move(image_);
    }

  private:
    void grow(int height) {
        if (height <= image_.height) return;
        GrayImage taller(kSlipWidthDots, height);
        std::copy(image_.pixels.begin(), image_.pixels.end(), taller.pixels.begin());
        image_ = std::move(taller);
    }

    void blend(const std::vector<unsigned char>& coverage, int width, int height, int left,
               int top) {
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                const int px = left + x;
                const int py = top + y;
                if (px < 0 || py < 0 || px >= image_.width || py >= image_.height) continue;
                const int ink = coverage[static_cast<std::size_t>(y * width + x)];
                uint8_t& pixel = image_.at(px, py);
                pixel = static_cast<uint8_t>(std::min<int>(pixel, 255 - ink));
            }
        }
    }

    float width_of(std::u32string_view text, float scale) const {
        float width = 0;
        for (const char32_t code_point : text) {
            int advance = 0, left_bearing = 0;
            stbtt_GetCodepointHMetrics(&font_, static_cast<int>(code_point), &advance,
                                       &left_bearing);
            width += static_cast<float>(advance) * scale;
        }
        return width;
    }

    void draw_line(std::u32string_view text, float scale) {
        int ascent = 0, descent = 0, line_gap = 0;
        stbtt_GetFontVMetrics(&font_, &ascent, &descent, &line_gap);
        const int baseline = y_ + static_cast<int>(std::ceil(static_cast<float>(ascent) * scale));
        const int line_height =
            static_cast<int>(std::ceil(static_cast<float>(ascent - descent + line_gap) * scale));
        grow(y_ + line_height);
        float x = kMarginDots;
        for (const char32_t code_point : text) {
            const int glyph = stbtt_FindGlyphIndex(&font_, static_cast<int>(code_point));
            int advance = 0, left_bearing = 0;
            stbtt_GetGlyphHMetrics(&font_, glyph, &advance, &left_bearing);
            int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            stbtt_GetGlyphBitmapBox(&font_, glyph, scale, scale, &x0, &y0, &x1, &y1);
            const int width = x1 - x0;
            const int height = y1 - y0;
            if (width > 0 && height > 0 && x + static_cast<float>(x1) < kSlipWidthDots) {
                std::vector<unsigned char> coverage(static_cast<std::size_t>(width * height));
                stbtt_MakeGlyphBitmap(&font_, coverage.data(), width, height, width, scale, scale,
                                      glyph);
                blend(coverage, width, height, static_cast<int>(x) + x0, baseline + y0);
            }
            x += static_cast<float>(advance) * scale;
        }
        y_ += line_height;
    }

    stbtt_fontinfo font_{};
    GrayImage image_{kSlipWidthDots, kMarginDots};
    int y_ = kMarginDots;
};

}  // namespace

SlipRenderer::SlipRenderer(const std::filesystem::path& font_file) {
    std::ifstream in(font_file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the slip font " + font_file.string());
    font_bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

GrayImage SlipRenderer::render(const protocol::CheckInAnswer& answer, bool provisional,
                               Language language) const {
    SlipCanvas slip(font_bytes_);
    // As on the Result screen: nothing is larger than when and where to come back.
    slip.text_line(tr_fill(Text::greeting, language, {answer.given_name}), 32);
    slip.text_line(tr_fill(provisional ? Text::provisional_ticket_label : Text::ticket_label,
                           language, {answer.ticket_label}),
                   48);
    slip.gap(12);
    if (!answer.ticket.empty()) slip.qr(encode_qr(answer.ticket));
    slip.gap(12);
    slip.text_line(tr(Text::your_interviews, language), 32);
    const std::string reason = no_interview_text(answer, language);
    if (answer.interviews.empty() && reason.empty()) {
        slip.text_line(provisional ? tr(Text::provisional_explained, language)
                                   : tr(Text::no_interviews_yet, language),
                       24);
    }
    for (const auto& interview : answer.interviews) {
        slip.text_line(
            tr_fill(Text::be_at_booth_by, language, {interview.booth, come_back_time(interview)}),
            48);
        slip.text_line(tr_fill(Text::interview_time, language, {interview.start, interview.end}) +
                           "   " + tr_fill(Text::booth_number, language, {interview.booth}),
                       32);
        slip.text_line(interview.enterprise, 24);
    }
    // The rest of the day, as the Result screen tells it (kiosk/checkin/model/session.hpp).
    if (!answer.standby.empty()) {
        slip.gap(8);
        slip.text_line(tr(Text::standby_title, language), 24);
        for (const auto& standby : answer.standby)
            slip.text_line(standby_line(standby, language), 24);
    }
    if (!reason.empty()) {
        slip.gap(8);
        slip.text_line(tr(Text::no_interview_title, language), 24);
        slip.text_line(reason, 24);
        if (!answer.free_seats.empty()) slip.text_line(tr(Text::free_seats_title, language), 24);
        for (const auto& free : answer.free_seats) {
            slip.text_line(
                tr_fill(Text::booth_number, language, {free.booth}) + " · " + free.enterprise, 24);
            slip.text_line(tr_fill(Text::free_from, language, {free.from}), 24);
        }
    }
    if (!answer.takes_cvs.empty()) {
        slip.gap(8);
        slip.text_line(tr(Text::takes_cvs_title, language), 24);
        for (const auto& booth : answer.takes_cvs)
            slip.text_line(
                tr_fill(Text::booth_number, language, {booth.booth}) + " · " + booth.enterprise,
                24);
    }
    if (const auto link = phone_status_link(answer, provisional)) {
        slip.gap(16);
        slip.text_line(tr(Text::phone_status_qr, language), 24);
        slip.gap(8);
        slip.qr(encode_qr(*link));
    }
    return slip.finish();
}

int send_to_printer(const std::string& printer, const std::filesystem::path& png) {
    std::string program = "lp";
    std::string destination_flag = "-d";
    std::string destination = printer;
    std::string file = png.string();
    char* argv[] = {program.data(), destination_flag.data(), destination.data(), file.data(),
                    nullptr};
    pid_t child = 0;
    if (posix_spawnp(&child, "lp", nullptr, nullptr, argv, environ) != 0) return -1;
    int status = 0;
    if (waitpid(child, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace jobfair::checkin::app
