#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "common/ticket.hpp"
#include "common/ticket_sheet.hpp"
#include "tests/unit/qr_test_support.hpp"

using namespace jobfair;
using jobfair::testing::decode_with_zbar;
using jobfair::testing::TemporaryFolder;

namespace {

int dark_pixels(const GrayImage& image, int left, int top, int width, int height) {
    int count = 0;
    for (int y = top; y < top + height; ++y) {
        for (int x = left; x < left + width; ++x)
            count += image.at(x, y) < 128 ? 1 : 0;
    }
    return count;
}

std::vector<SheetTicket> sample_tickets(int count) {
    const TicketKey key = TicketKey::generate();
    std::vector<SheetTicket> tickets;
    for (int i = 1; i <= count; ++i) {
        const auto number = static_cast<std::uint32_t>(i);
        tickets.push_back({issue_ticket(key, number), ticket_label(number),
                           "Nguyễn Thị Hồng Nhung " + std::to_string(i)});
    }
    return tickets;
}

}  // namespace

TEST_CASE("a font draws Vietnamese text and measures it") {
    REQUIRE(std::filesystem::exists(kDefaultSheetFont));
    const ImageFont font(kDefaultSheetFont);
    const std::string name = "Trần Thị Ngọc Ánh";
    CHECK(font.text_width(name, 30) > font.text_width(name, 15));
    CHECK(font.text_width("", 30) == 0);
    CHECK(font.text_width("\xFF\xC3", 30) > 0);  // broken UTF-8 draws replacement marks

    GrayImage image(400, 60);
    font.draw(image, name, 10, 10, 30);
    CHECK(dark_pixels(image, 0, 0, 400, 60) > 200);
    CHECK(dark_pixels(image, 0, 0, 400, 5) == 0);  // nothing above the top
    font.draw(image, name, 350, 40, 30);           // runs off the edge: clipped, no crash
    font.draw(image, name, -500, -500, 30);

    CHECK_THROWS_AS(ImageFont("/no/such/font.ttf"), QrError);
    const TemporaryFolder folder("font");
    std::ofstream(folder.path() / "fake.ttf") << "not a font at all";
    CHECK_THROWS_AS(ImageFont(folder.path() / "fake.ttf"), QrError);
}

TEST_CASE("ticket sheets are A4 pages of 20 codes that a real decoder reads back") {
    const ImageFont font(kDefaultSheetFont);
    const std::vector<SheetTicket> tickets = sample_tickets(21);
    CHECK(render_ticket_sheets({}, &font).empty());
    const std::vector<GrayImage> pages = render_ticket_sheets(tickets, &font);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].width == 1240);
    CHECK(pages[0].height == 1754);

    const TemporaryFolder folder("sheet");
    const auto first_page = folder.path() / "sheet-001.png";
    write_png(pages[0], first_page);
    const std::vector<std::string> decoded = decode_with_zbar(first_page);
    const std::set<std::string> found(decoded.begin(), decoded.end());
    std::set<std::string> expected;
    for (int i = 0; i < 20; ++i)
        expected.insert(tickets[static_cast<std::size_t>(i)].payload);
    CHECK(found == expected);

    // The second page holds the 21st ticket only, top left.
    write_png(pages[1], folder.path() / "sheet-002.png");
    CHECK(decode_with_zbar(folder.path() / "sheet-002.png") ==
          std::vector<std::string>{tickets[20].payload});
    CHECK(dark_pixels(pages[1], 700, 900, 400, 400) == 0);
}

TEST_CASE("a sheet without a font still holds the codes — long names are cut to fit") {
    std::vector<SheetTicket> tickets = sample_tickets(3);
    tickets[1].caption = std::string(40, 'W') + " Nguyễn Văn Đặng Quốc Khánh Thành Long";
    tickets[2].caption.clear();
    const ImageFont font(kDefaultSheetFont);
    const std::vector<GrayImage> with_text = render_ticket_sheets(tickets, &font);
    const std::vector<GrayImage> codes_only = render_ticket_sheets(tickets, nullptr);
    REQUIRE(with_text.size() == 1);
    REQUIRE(codes_only.size() == 1);
    const GrayImage& page = with_text[0];
    // The same sheet with the font but no words: the labels and captions are what adds ink.
    std::vector<SheetTicket> silent = tickets;
    for (auto& ticket : silent) {
        ticket.label.clear();
        ticket.caption.clear();
    }
    const GrayImage blank_text = render_ticket_sheets(silent, &font).at(0);
    CHECK(dark_pixels(page, 0, 0, page.width, page.height) >
          dark_pixels(blank_text, 0, 0, page.width, page.height));

    // Text stays inside its cell: nothing dark in the gaps between the first row's cells.
    const int cell_width = (1240 - 2 * 60) / 4;
    for (int column = 1; column < 4; ++column) {
        const int border = 60 + column * cell_width;
        CHECK(dark_pixels(page, border - 3, 60, 6, 300) == 0);
    }

    const TemporaryFolder folder("sheet-plain");
    write_png(codes_only[0], folder.path() / "plain.png");
    CHECK(decode_with_zbar(folder.path() / "plain.png").size() == 3);
}
