#include <doctest/doctest.h>

#include <stb_image.h>  // the implementation is compiled into Debian's libstb

#include <string>

#include "common/qr.hpp"
#include "common/ticket.hpp"
#include "tests/unit/qr_test_support.hpp"

using namespace jobfair;
using jobfair::testing::decode_with_zbar;
using jobfair::testing::TemporaryFolder;

namespace {

std::string sample_payload(std::uint32_t number = 427) {
    return issue_ticket(TicketKey::generate(), number);
}

}  // namespace

TEST_CASE("a ticket payload fits QR version 2 (25 modules) at level M in alphanumeric mode") {
    const QrMatrix matrix = encode_qr(sample_payload());
    // Byte mode would need version 3 (29 modules) for 36 characters at level M.
    CHECK(matrix.size == 25);
    CHECK(matrix.dark.size() == 25u * 25u);
    for (uint8_t module : matrix.dark)
        CHECK(module <= 1);
    // Finder pattern corners: dark ring, light separator.
    CHECK(matrix.is_dark(0, 0));
    CHECK(matrix.is_dark(6, 6));
    CHECK(matrix.is_dark(24, 0));
    CHECK(matrix.is_dark(0, 24));
    CHECK_FALSE(matrix.is_dark(7, 7));
    CHECK_FALSE(matrix.is_dark(1, 1));
}

TEST_CASE("QR encoding refuses what no code can hold") {
    CHECK_THROWS_AS(encode_qr(""), QrError);
    CHECK_THROWS_AS(encode_qr(std::string("AB\0CD", 5)), QrError);
    CHECK_THROWS_AS(encode_qr(std::string(8000, 'A')), QrError);
    CHECK(encode_qr("https://example.com/vé").size >= 21);  // any UTF-8 text in byte mode
}

TEST_CASE("a rendered code has its quiet zone and square modules") {
    const QrMatrix matrix = encode_qr(sample_payload());
    const int pixels = 3;
    const GrayImage image = render_qr(matrix, pixels);
    const int side = (matrix.size + 2 * kQrQuietZoneModules) * pixels;
    REQUIRE(image.width == side);
    REQUIRE(image.height == side);
    const int margin = kQrQuietZoneModules * pixels;
    for (int i = 0; i < side; ++i) {
        for (int m = 0; m < margin; ++m) {
            CHECK(image.at(i, m) == 255);
            CHECK(image.at(m, i) == 255);
            CHECK(image.at(i, side - 1 - m) == 255);
            CHECK(image.at(side - 1 - m, i) == 255);
        }
    }
    for (int y = 0; y < matrix.size; ++y) {
        for (int x = 0; x < matrix.size; ++x) {
            const uint8_t expected = matrix.is_dark(x, y) ? 0 : 255;
            CHECK(image.at(margin + x * pixels, margin + y * pixels) == expected);
            CHECK(image.at(margin + x * pixels + pixels - 1, margin + y * pixels + pixels - 1) ==
                  expected);
        }
    }
    CHECK_THROWS_AS(render_qr(matrix, 0), std::invalid_argument);
}

TEST_CASE("a written PNG reads back pixel for pixel") {
    const TemporaryFolder folder("qr-png");
    const GrayImage image = render_qr(encode_qr(sample_payload()), 4);
    const auto path = folder.path() / "code.png";
    write_png(image, path);
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &width, &height, &channels, 1);
    REQUIRE(pixels != nullptr);
    CHECK(width == image.width);
    CHECK(height == image.height);
    CHECK(channels == 1);
    CHECK(std::equal(image.pixels.begin(), image.pixels.end(), pixels));
    stbi_image_free(pixels);

    CHECK_THROWS_AS(write_png(image, folder.path() / "no-such-folder" / "code.png"), QrError);
    CHECK_THROWS_AS(write_png(GrayImage(), folder.path() / "empty.png"), QrError);
}

TEST_CASE("a real decoder (zbarimg) reads the payload back from the PNG") {
    const TemporaryFolder folder("qr-zbar");
    // One pixel per module is below what any camera or decoder resolves; kiosks show 8 or more.
    for (int pixels_per_module : {2, 4, 8}) {
        for (std::uint32_t number : {1u, 427u, 4000000000u}) {
            const std::string payload = sample_payload(number);
            const auto path = folder.path() / ("code-" + std::to_string(pixels_per_module) + "-" +
                                               std::to_string(number) + ".png");
            write_png(render_qr(encode_qr(payload), pixels_per_module), path);
            const auto decoded = decode_with_zbar(path);
            CAPTURE(pixels_per_module);
            REQUIRE_MESSAGE(decoded.size() == 1,
                            "zbarimg found no code; is zbar-tools installed (scripts/setup.sh)?");
            CHECK(decoded.front() == payload);
        }
    }
}
