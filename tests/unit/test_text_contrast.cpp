// The contrast check run on every screenshot (kiosk/ui/contrast/text_contrast.hpp), on frames
// painted here: glyph quads filled with their colour over a known background.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/ui/contrast/text_contrast.hpp"

using namespace jobfair::ui;

namespace {

struct Frame {
    int width = 200;
    int height = 100;
    std::vector<std::uint8_t> rgb;

    explicit Frame(Rgb background) : rgb(size_t(width * height * 3)) {
        fill(0, 0, width, height, background);
    }
    void fill(int x0, int y0, int x1, int y1, Rgb colour) {
        for (int y = y0; y < y1; ++y) {
            for (int x = x0; x < x1; ++x) {
                std::uint8_t* p = &rgb[size_t(y * width + x) * 3];
                p[0] = std::uint8_t(colour.hex >> 16);
                p[1] = std::uint8_t(colour.hex >> 8);
                p[2] = std::uint8_t(colour.hex);
            }
        }
    }
    PixelView view() const { return {width, height, rgb.data()}; }
};

// A word of `letters` glyphs from (x, y), 10 px wide each with 1 px between; the middle of each
// quad is painted in the colour as seen (the glyph's ink), its rim left as the background.
std::vector<GlyphQuad> word(Frame& frame, std::u32string letters, float x, float y, Rgb colour,
                            float font_size = 20, float alpha = 1.0f, Rgb painted = {0}) {
    std::vector<GlyphQuad> quads;
    for (char32_t letter : letters) {
        GlyphQuad quad;
        quad.x0 = x;
        quad.y0 = y;
        quad.x1 = x + 10;
        quad.y1 = y + 16;
        quad.colour = colour;
        quad.alpha = alpha;
        quad.font_size = font_size;
        quad.codepoint = letter;
        quad.clip_x1 = float(frame.width);
        quad.clip_y1 = float(frame.height);
        frame.fill(int(x) + 2, int(y) + 2, int(x) + 8, int(y) + 14,
                   alpha < 1.0f ? painted : colour);
        quads.push_back(quad);
        x += 11;
    }
    return quads;
}

}  // namespace

TEST_CASE("text contrast: dark ink on white passes and the run's text is read back") {
    Frame frame({0xFFFFFF});
    const auto quads = word(frame, U"Xin chào", 10, 10, {0x111418});
    const auto report = audit_text_contrast(quads, frame.view());
    CHECK(report.runs_checked == 1);
    CHECK(report.below_aa.empty());
    REQUIRE(report.lowest.has_value());
    CHECK(report.lowest->background.hex == 0xFFFFFF);
    CHECK(report.lowest->ratio > 15.0f);
    CHECK(report.lowest->text == "Xin chào");
}

TEST_CASE("text contrast: amber on white is below AA, and so is the same amber on its own fill") {
    Frame frame({0xFFFFFF});
    auto quads = word(frame, U"Ngoại tuyến", 10, 10, {0xF4B400});
    const auto report = audit_text_contrast(quads, frame.view());
    REQUIRE(report.below_aa.size() == 1);
    CHECK(report.below_aa.front().ratio < 2.0f);
    CHECK(report.below_aa.front().required == doctest::Approx(kAaNormalText));
    const std::string line = describe(report, "kiosk.png");
    CHECK(line.find("contrast below AA in kiosk.png: \"Ngoại tuyến\" #F4B400 on #FFFFFF") !=
          std::string::npos);
    CHECK(line.find("1 below AA") != std::string::npos);
}

TEST_CASE("text contrast: the background is read from the pixels, not assumed") {
    // The same dark ink passes on white and fails on a dark-blue button drawn under it.
    Frame frame({0xFFFFFF});
    frame.fill(5, 50, 150, 80, {0x0B57D0});
    auto on_white = word(frame, U"Tiếp", 10, 10, {0x111418});
    const auto on_blue = word(frame, U"tục", 10, 57, {0x111418});
    on_white.insert(on_white.end(), on_blue.begin(), on_blue.end());
    const auto report = audit_text_contrast(on_white, frame.view());
    CHECK(report.runs_checked == 2);
    REQUIRE(report.below_aa.size() == 1);
    CHECK(report.below_aa.front().text == "tục");
    CHECK(report.below_aa.front().background.hex == 0x0B57D0);
}

TEST_CASE("text contrast: alpha dims the colour, and large text needs only 3 to 1") {
    Frame frame({0xFFFFFF});
    // Grey #767676 passes on white at full alpha (4.54:1); at 60% it is seen as #ADADAD.
    const auto dimmed = word(frame, U"Tắt", 10, 10, {0x767676}, 20, 0.6f, {0xADADAD});
    auto report = audit_text_contrast(dimmed, frame.view());
    REQUIRE(report.below_aa.size() == 1);
    CHECK(report.below_aa.front().colour.hex == 0xADADAD);

    Frame large_frame({0xFFFFFF});
    const auto large = word(large_frame, U"B07", 10, 10, {0x949494}, 32);  // 3.03:1
    report = audit_text_contrast(large, large_frame.view());
    CHECK(report.runs_checked == 1);
    CHECK(report.below_aa.empty());
    REQUIRE(report.lowest.has_value());
    CHECK(report.lowest->required == doctest::Approx(kAaLargeText));
}

TEST_CASE("text contrast: text covered by a later window is not judged, clipped text is skipped") {
    Frame frame({0xFFFFFF});
    auto quads = word(frame, U"ẩn", 10, 10, {0xF4B400});
    frame.fill(0, 0, 60, 40, {0xEEF0F3});  // a popup drawn over it afterwards
    auto clipped = word(frame, U"xa", 100, 10, {0x111418});
    for (auto& quad : clipped)
        quad.clip_x1 = 50;  // scrolled out of its list
    quads.insert(quads.end(), clipped.begin(), clipped.end());
    const auto report = audit_text_contrast(quads, frame.view());
    CHECK(report.runs_checked == 0);
    CHECK(report.runs_hidden == 1);
    CHECK(report.below_aa.empty());
}

TEST_CASE("text contrast: words split into runs by line, colour and gap") {
    Frame frame({0xFFFFFF});
    auto quads = word(frame, U"Bàn", 10, 10, {0x111418});
    const auto second_word = word(frame, U"B07", 52, 10, {0x111418});  // a space's gap
    const auto next_line = word(frame, U"Số", 10, 40, {0x111418});
    const auto other_colour = word(frame, U"Mời", 100, 40, {0x0B57D0});
    for (const auto* more : {&second_word, &next_line, &other_colour})
        quads.insert(quads.end(), more->begin(), more->end());
    const auto report = audit_text_contrast(quads, frame.view());
    CHECK(report.runs_checked == 3);
    CHECK(report.below_aa.empty());
}
