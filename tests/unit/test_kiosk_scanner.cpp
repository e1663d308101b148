#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "common/ticket.hpp"
#include "kiosk/checkin/model/scanner.hpp"

using namespace jobfair::checkin;
using namespace std::chrono_literals;

namespace {
const std::string kPayload =
    "JF1AB"
    "CDEFGHI"
    "JKLMNOPQRSTUVWXYZ2345672";  // the shape only

// Types `text` one key every `gap`, starting at `start`; returns when the last key arrived.
TimePoint type_keys(ScanBuffer& buffer, std::string_view text, TimePoint start,
                    std::chrono::milliseconds gap) {
    TimePoint now = start;
    for (char c : text) {
        now += gap;
        buffer.push(static_cast<char32_t>(c), now);
    }
    return now;
}
}  // namespace

TEST_CASE("kiosk scanner: the shape of a ticket payload") {
    REQUIRE(kPayload.size() == jobfair::kTicketPayloadLength);
    CHECK(looks_like_ticket(kPayload));
    CHECK(looks_like_ticket(" jf1abcdefghijklmnopqrstuvwxyz2345672 "));
    CHECK_FALSE(looks_like_ticket(kPayload.substr(1)));
    CHECK_FALSE(looks_like_ticket("XX" + kPayload.substr(2)));
    CHECK_FALSE(looks_like_ticket(kPayload.substr(0, 35) + "-"));
    CHECK_FALSE(looks_like_ticket(""));
}

TEST_CASE("kiosk scanner: a fast burst and Enter is a scan") {
    ScanBuffer buffer;
    const TimePoint last = type_keys(buffer, kPayload, TimePoint{} + 1h, 5ms);
    const auto scanned = buffer.enter(last + 5ms);
    REQUIRE(scanned);
    CHECK(*scanned == kPayload);
    CHECK_FALSE(buffer.enter(last + 10ms));  // consumed
}

TEST_CASE("kiosk scanner: many keys in one frame (same time stamp) are a scan too") {
    ScanBuffer buffer;
    const TimePoint frame = TimePoint{} + 1h;
    for (char c : kPayload)
        buffer.push(static_cast<char32_t>(c), frame);
    CHECK(buffer.enter(frame + 16ms));
}

TEST_CASE("kiosk scanner: Enter lagging a fast ticket (a loaded machine) still ends the scan") {
    ScanBuffer buffer;
    TimePoint frame = TimePoint{} + 1h;
    for (char c : kPayload)
        buffer.push(static_cast<char32_t>(c), frame);
    frame += 300ms;  // ten frames without a key
    const auto scanned = buffer.enter(frame);
    REQUIRE(scanned);
    CHECK(*scanned == kPayload);
    // Not forever: Enter long after the burst is someone else's key.
    for (char c : kPayload)
        buffer.push(static_cast<char32_t>(c), frame);
    CHECK_FALSE(buffer.enter(frame + kScannerEnterGrace + 1ms));
}

TEST_CASE("kiosk scanner: a person typing the same characters is not a scan") {
    ScanBuffer buffer;
    const TimePoint last = type_keys(buffer, kPayload, TimePoint{} + 1h, 200ms);
    CHECK_FALSE(buffer.enter(last + 100ms));
}

TEST_CASE("kiosk scanner: text typed before a scan is not part of it") {
    ScanBuffer buffer;
    TimePoint now = type_keys(buffer, "Lan", TimePoint{} + 1h, 300ms);
    now = type_keys(buffer, kPayload, now + 1s, 5ms);
    const auto scanned = buffer.enter(now + 5ms);
    REQUIRE(scanned);
    CHECK(*scanned == kPayload);
}

TEST_CASE("kiosk scanner: a slow Enter, a non-ticket burst or a non-ASCII key is not a scan") {
    ScanBuffer buffer;
    TimePoint now = type_keys(buffer, kPayload, TimePoint{} + 1h, 5ms);
    CHECK_FALSE(buffer.enter(now + 2s));

    now = type_keys(buffer, "HELLO WORLD", now + 2s, 5ms);
    CHECK_FALSE(buffer.enter(now + 5ms));

    now = type_keys(buffer, kPayload.substr(0, 10), now + 2s, 5ms);
    buffer.push(U'ư', now + 5ms);
    now = type_keys(buffer, kPayload.substr(10), now + 5ms, 5ms);
    CHECK_FALSE(buffer.enter(now + 5ms));
}

TEST_CASE("kiosk scanner: a slow frame inside a scan is no pause, a person's pace is") {
    // A busy kiosk reads the scanner's keys frame by frame, each stamped with its frame's time,
    // 150 ms apart: the ticket took 750 ms, a scanner's pace.
    ScanBuffer buffer;
    TimePoint frame = TimePoint{} + 1h;
    for (size_t i = 0; i < kPayload.size(); ++i) {
        buffer.push(static_cast<char32_t>(kPayload[i]), frame);
        if (i % 6 == 5) frame += 150ms;
    }
    const auto scanned = buffer.enter(frame);
    REQUIRE(scanned);
    CHECK(*scanned == kPayload);

    // A person: one key a frame, 150 ms apart, 5 s for the ticket.
    for (char c : kPayload) {
        buffer.push(static_cast<char32_t>(c), frame);
        frame += 150ms;
    }
    CHECK_FALSE(buffer.enter(frame));
}

TEST_CASE("kiosk scanner: a stall mid-ticket (a busy machine) does not lose the scan") {
    // The program typing for the scanner (tests/gui/kiosk_scanner.sh) or a wireless scanner can
    // stop for a moment inside a ticket; a rule on each gap took the two halves for typing, and
    // the 500-scan test lost 2 scans while both cores ran whole simulated mornings.
    ScanBuffer buffer;
    TimePoint now = type_keys(buffer, kPayload.substr(0, 18), TimePoint{} + 1h, 2ms);
    now = type_keys(buffer, kPayload.substr(18), now + 400ms, 2ms);
    const auto scanned = buffer.enter(now + 2ms);
    REQUIRE(scanned);
    CHECK(*scanned == kPayload);

    // Several stalls still count: the whole ticket is what must be fast.
    now = type_keys(buffer, kPayload.substr(0, 12), now + 2s, 2ms);
    now = type_keys(buffer, kPayload.substr(12, 12), now + 900ms, 2ms);
    now = type_keys(buffer, kPayload.substr(24), now + 900ms, 2ms);
    CHECK(buffer.enter(now + 2ms));

    // Slower than a scanner on the whole (36 keys in more than 36 x kScannerMaxGap) is typing.
    now = type_keys(buffer, kPayload, now + 2s, kScannerMaxGap + 10ms);
    CHECK_FALSE(buffer.enter(now + 2ms));
    now = type_keys(buffer, kPayload, now + 2s, kScannerMaxGap - 10ms);
    CHECK(buffer.enter(now + 2ms));
}

TEST_CASE("kiosk scanner: the buffer keeps the latest keys, so a scan after long typing counts") {
    ScanBuffer buffer;
    TimePoint now = type_keys(buffer, std::string(500, 'a'), TimePoint{} + 1h, 100ms);
    now = type_keys(buffer, "  " + kPayload + " ", now + 1s, 3ms);
    const auto scanned = buffer.enter(now + 3ms);
    REQUIRE(scanned);
    CHECK(*scanned == kPayload);
}
