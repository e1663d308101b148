// The security log: a flood is counted, not written row by row.
#include <doctest/doctest.h>

#include "scheduler/server/security_log.hpp"

using namespace jobfair;
using namespace std::chrono_literals;

TEST_CASE("security log: each kind and address is written at most once a minute, with its count") {
    SecurityLog log(60s, 600s);
    const auto start = SecurityLog::Clock::now();
    for (int i = 0; i < 1000; ++i)
        log.record("wrong_pin", "10.0.0.7", "booth-staff:B07", start);
    log.record("body_too_large", "10.0.0.9", {}, start);
    auto due = log.take_due(start);
    REQUIRE(due.size() == 2);
    CHECK(due[0].kind == "body_too_large");
    CHECK(due[1].count == 1000);
    CHECK(due[1].device == "booth-staff:B07");

    log.record("wrong_pin", "10.0.0.7", {}, start + 10s);
    CHECK(log.take_due(start + 20s).empty());  // within the minute: it keeps counting
    due = log.take_due(start + 61s);
    REQUIRE(due.size() == 1);
    CHECK(due[0].count == 1);

    const auto recent = log.recent(start + 61s);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].kind == "wrong_pin");
    CHECK(recent[0].count == 1001);
    CHECK(recent[0].addresses == 1);
    CHECK(log.recent(start + 700s).empty());  // older than the window
}
