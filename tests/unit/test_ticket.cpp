#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "common/ticket.hpp"
#include "tests/unit/qr_test_support.hpp"

using namespace jobfair;
using jobfair::testing::TemporaryFolder;

namespace {

// A fixed key, so failures reproduce; `seed` makes a different one.
TicketKey fixed_key(std::uint8_t seed = 0) {
    std::vector<std::uint8_t> bytes(TicketKey::kSize);
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(i + seed);
    return TicketKey::from_bytes(bytes);
}

TicketRefusal refusal_of(const TicketKey& key, std::string_view payload) {
    const TicketCheck check = verify_ticket(key, payload);
    REQUIRE_MESSAGE(!check, "accepted: ", std::string(payload));
    return check.refusal();
}

bool is_base32(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
}

}  // namespace

TEST_CASE("a ticket issued with a key verifies with it and gives back the ticket number") {
    const TicketKey key = fixed_key();
    for (std::uint32_t number :
         {1u, 2u, 427u, 9999u, 10000u, 800u * 1000u, std::numeric_limits<std::uint32_t>::max()}) {
        const std::string payload = issue_ticket(key, number);
        const TicketCheck check = verify_ticket(key, payload);
        REQUIRE_MESSAGE(check, payload, ": ", check.message_en());
        CHECK(check.ticket_number() == number);
        CHECK(std::string(check.message_vi()) == "Vé hợp lệ");
        CHECK(std::string(check.message_en()) == "Valid ticket");
    }
}

TEST_CASE("a payload is 36 characters of QR alphanumeric mode and the same each time") {
    const TicketKey key = fixed_key();
    std::set<std::string> payloads;
    for (std::uint32_t number = 1; number <= 300; ++number) {
        const std::string payload = issue_ticket(key, number);
        CHECK(payload.size() == kTicketPayloadLength);
        CHECK(payload.starts_with("JF1"));
        for (char c : payload.substr(3))
            CHECK(is_base32(c));
        CHECK(issue_ticket(key, number) == payload);
        payloads.insert(payload);
    }
    CHECK(payloads.size() == 300);
    CHECK_THROWS_AS(issue_ticket(key, 0), std::invalid_argument);
}

TEST_CASE("every single-character alteration of a ticket is refused, with the part it hit") {
    const TicketKey key = fixed_key();
    const std::string payload = issue_ticket(key, 427);
    int alterations = 0;
    for (std::size_t position = 0; position < payload.size(); ++position) {
        for (int code = 0x20; code < 0x7F; ++code) {
            const char replacement = static_cast<char>(code);
            const char original = payload[position];
            // The same letter in lowercase is the same ticket (scanners may send it so).
            const bool same_letter_lowercase =
                original >= 'A' && original <= 'Z' && replacement == original - 'A' + 'a';
            if (replacement == original || same_letter_lowercase) continue;
            std::string altered = payload;
            altered[position] = replacement;
            const TicketCheck check = verify_ticket(key, altered);
            REQUIRE_MESSAGE(!check, "accepted the altered payload ", altered);
            const TicketRefusal refusal = check.refusal();
            ++alterations;
            CAPTURE(altered);
            const bool outside_format = refusal == TicketRefusal::malformed;
            if (position < 2) {
                CHECK(outside_format);  // the "JF" prefix
            } else if (position == 2) {
                CHECK((refusal == TicketRefusal::wrong_version || outside_format));
            } else if (position < 5) {
                CHECK((refusal == TicketRefusal::unknown_key || outside_format));
            } else {
                CHECK((refusal == TicketRefusal::forged || outside_format));
            }
            // A replacement that stays in the alphabet must reach the MAC or the key id check,
            // except in the number's first character, which holds only the top 2 of 32 bits:
            // values from 4 up would make a 33-bit number, which no ticket has.
            const bool overflows_number = position == 5 && is_base32(replacement) &&
                                          !(replacement >= 'A' && replacement <= 'D');
            if (position >= 3 && is_base32(replacement) && !overflows_number)
                CHECK(!outside_format);
            if (overflows_number) CHECK(outside_format);
        }
    }
    CHECK(alterations > 30 * 90);
}

TEST_CASE("a ticket with a character dropped, added or swapped is refused") {
    const TicketKey key = fixed_key();
    const std::string payload = issue_ticket(key, 427);
    for (std::size_t position = 0; position < payload.size(); ++position) {
        std::string shorter = payload;
        shorter.erase(position, 1);
        CHECK(!verify_ticket(key, shorter));
        std::string longer = payload;
        longer.insert(position, 1, 'A');
        CHECK(!verify_ticket(key, longer));
        if (position + 1 < payload.size() && payload[position] != payload[position + 1]) {
            std::string swapped = payload;
            std::swap(swapped[position], swapped[position + 1]);
            CHECK(!verify_ticket(key, swapped));
        }
    }
}

TEST_CASE("a ticket signed with another key is refused") {
    const TicketKey ours = fixed_key(0);
    const TicketKey theirs = fixed_key(1);
    REQUIRE(ours.key_id() != theirs.key_id());
    CHECK(refusal_of(ours, issue_ticket(theirs, 427)) == TicketRefusal::unknown_key);
    CHECK(refusal_of(ours, issue_ticket(TicketKey::generate(), 427)) != TicketRefusal::revoked);

    // With only 10 bits, another key can share our key id: its tickets then fail the MAC.
    std::optional<TicketKey> same_id;
    for (std::uint8_t seed = 2; seed != 0 && !same_id; ++seed) {
        for (std::uint8_t flip = 0; flip < 200 && !same_id; ++flip) {
            std::vector<std::uint8_t> bytes(TicketKey::kSize, seed);
            bytes[0] = flip;
            const TicketKey candidate = TicketKey::from_bytes(bytes);
            if (candidate.key_id() == ours.key_id()) same_id.emplace(candidate);
        }
    }
    REQUIRE(same_id);
    CHECK_FALSE(*same_id == ours);
    CHECK(refusal_of(ours, issue_ticket(*same_id, 427)) == TicketRefusal::forged);
}

TEST_CASE("a revoked ticket is refused, and only genuine tickets are looked up") {
    const TicketKey key = fixed_key();
    std::vector<std::uint32_t> looked_up;
    const auto revoked_427 = [&looked_up](std::uint32_t number) {
        looked_up.push_back(number);
        return number == 427;
    };
    const TicketCheck revoked = verify_ticket(key, issue_ticket(key, 427), revoked_427);
    REQUIRE(!revoked);
    CHECK(revoked.refusal() == TicketRefusal::revoked);
    CHECK(verify_ticket(key, issue_ticket(key, 428), revoked_427).ticket_number() == 428);

    std::string forged = issue_ticket(key, 429);
    forged.back() = forged.back() == 'A' ? 'B' : 'A';
    CHECK(verify_ticket(key, forged, revoked_427).refusal() == TicketRefusal::forged);
    CHECK(looked_up == std::vector<std::uint32_t>{427, 428});
}

TEST_CASE("malformed input is refused with its reason, never a crash") {
    const TicketKey key = fixed_key();
    const std::string good = issue_ticket(key, 427);
    const std::string rest = good.substr(3);

    for (const std::string& input :
         {std::string(),
          std::string("   "),
          std::string("\r\n"),
          std::string("J"),
          std::string("JF"),
          std::string("XF1") + rest,
          std::string("jx1") + rest,
          std::string("JF1"),
          good.substr(0, 35),
          good + "A",
          good + ";",
          "JF1 " + rest,
          good.substr(0, 10) + " " + good.substr(10),
          good.substr(0, 20) + "-" + good.substr(21),
          std::string("JF1") + rest.substr(0, 32) + "\xC3\xA1",
          std::string(5000, 'A'),
          std::string("JF1") + std::string(2000, ' '),
          good.substr(0, 12) + '\0' + good.substr(13),
          std::string("https://example.com/?t=") + good,
          std::string("JF1") + rest.substr(0, 2) + "ZZZZZZZ" + rest.substr(9)}) {
        CAPTURE(input);
        CHECK(refusal_of(key, input) == TicketRefusal::malformed);
    }
    // "ZZZZZZZ" above is 2^35 - 1: a number wider than 32 bits cannot be a ticket.

    CHECK(refusal_of(key, "JF2" + rest) == TicketRefusal::wrong_version);
    CHECK(refusal_of(key, "JF2") == TicketRefusal::wrong_version);
    CHECK(refusal_of(key, "jf9abc") == TicketRefusal::wrong_version);
    CHECK(refusal_of(key, "JF0" + rest + "EXTRA") == TicketRefusal::wrong_version);
}

TEST_CASE("a scanner's surrounding whitespace and lowercase letters are accepted") {
    const TicketKey key = fixed_key();
    const std::string good = issue_ticket(key, 427);
    std::string lower = good;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string mixed = good;
    for (std::size_t i = 0; i < mixed.size(); i += 2)
        mixed[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(mixed[i])));

    for (const std::string& input : {good + "\n", good + "\r\n", "  " + good + " \t\r\n",
                                     "\n" + good, lower, lower + "\r\n", mixed}) {
        CAPTURE(input);
        const TicketCheck check = verify_ticket(key, input);
        REQUIRE(check);
        CHECK(check.ticket_number() == 427);
    }
}

TEST_CASE("refusals carry a reason name and messages in Vietnamese and English") {
    for (TicketRefusal refusal :
         {TicketRefusal::malformed, TicketRefusal::wrong_version, TicketRefusal::unknown_key,
          TicketRefusal::forged, TicketRefusal::revoked}) {
        CHECK(!to_string(refusal).empty());
        CHECK(!message_vi(refusal).empty());
        CHECK(!message_en(refusal).empty());
        CHECK(message_vi(refusal) != message_en(refusal));
        const TicketCheck check = TicketCheck::refused(refusal);
        CHECK(check.message_vi() == message_vi(refusal));
        CHECK_THROWS_AS((void)check.ticket_number(), std::logic_error);
    }
    CHECK(to_string(TicketRefusal::forged) == "forged");
    CHECK(message_vi(TicketRefusal::forged) == "Vé không hợp lệ: mã QR đã bị sửa hoặc giả mạo");
    CHECK(message_en(TicketRefusal::forged) == "Invalid ticket: the QR code was altered or forged");
    CHECK_THROWS_AS((void)TicketCheck::accepted(1).refusal(), std::logic_error);
}

TEST_CASE("a ticket label is a block letter and four digits, unique per ticket number") {
    CHECK(ticket_label(1) == "A-0001");
    CHECK(ticket_label(427) == "A-0427");
    CHECK(ticket_label(9999) == "A-9999");
    CHECK(ticket_label(10000) == "B-0000");
    CHECK(ticket_label(80005) == "J-0005");  // I is skipped: it reads as 1
    CHECK(ticket_label(230000) == "Z-0000");
    CHECK(ticket_label(240000) == "AA-0000");
    CHECK(ticket_label(std::numeric_limits<std::uint32_t>::max()) == "AGAQS-7295");
    std::set<std::string> labels;
    for (std::uint32_t number = 1; number <= 60000; ++number) {
        const std::string label = ticket_label(number);
        CHECK(label.find_first_of("IO") == std::string::npos);
        labels.insert(label);
    }
    CHECK(labels.size() == 60000);
}

TEST_CASE("keys: generated at random, built from 32 bytes only") {
    CHECK_FALSE(TicketKey::generate() == TicketKey::generate());
    CHECK(fixed_key(3) == fixed_key(3));
    CHECK_THROWS_AS(TicketKey::from_bytes(std::vector<std::uint8_t>(31)), TicketKeyError);
    CHECK_THROWS_AS(TicketKey::from_bytes(std::vector<std::uint8_t>(33)), TicketKeyError);
    const TicketKey copy = fixed_key();
    CHECK(verify_ticket(copy, issue_ticket(fixed_key(), 5)).ticket_number() == 5);
}

TEST_CASE("a key file is created private, read back the same, and refused when damaged") {
    const TemporaryFolder folder("ticket-key");
    const auto path = folder.path() / "keys" / "ticket.key";  // the "keys" folder is created too

    const TicketKey created = TicketKey::load_or_create(path);
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(std::filesystem::file_size(path) == 65);
    CHECK(std::distance(std::filesystem::directory_iterator(path.parent_path()),
                        std::filesystem::directory_iterator()) == 1);  // no temporary file left

    const TicketKey loaded = TicketKey::load_or_create(path);
    CHECK(loaded == created);
    CHECK(verify_ticket(loaded, issue_ticket(created, 12)).ticket_number() == 12);

    for (const std::string& damaged :
         {std::string(), std::string(63, 'a') + "\n", std::string(64, 'g'),
          std::string(64, 'a') + "x\n", std::string(32, '\0')}) {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << damaged;
        CHECK_THROWS_AS(TicketKey::load_or_create(path), TicketKeyError);
    }
}
