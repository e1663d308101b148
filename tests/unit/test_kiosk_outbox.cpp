#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <set>
#include <stdexcept>
#include <string>

#include "kiosk/checkin/model/outbox.hpp"
#include "tests/unit/qr_test_support.hpp"

using namespace jobfair::checkin;
using jobfair::protocol::CheckInAnswer;
using jobfair::protocol::WalkInRegistration;
using jobfair::testing::TemporaryFolder;

namespace {
WalkInRegistration lan() {
    WalkInRegistration registration;
    registration.full_name = "Nguyễn Thị Lan";
    registration.phone = "0912345678";
    registration.school = "Trường Cao đẳng Việt – Hàn Quảng Ninh";
    registration.occupation = "industrial-electronics";
    registration.level = "college";
    registration.preferences = {"B07", "B03"};
    registration.consent = {{"interview", true}, {"follow_up", false}};
    return registration;
}
}  // namespace

TEST_CASE("kiosk outbox: idempotency keys are long, random and in the header's alphabet") {
    std::set<std::string> keys;
    for (int i = 0; i < 200; ++i) {
        const std::string key = make_idempotency_key();
        CHECK(key.size() >= 22);
        CHECK(is_idempotency_key(key));
        keys.insert(key);
    }
    CHECK(keys.size() == 200);
    CHECK_FALSE(is_idempotency_key("short"));
    CHECK_FALSE(is_idempotency_key("has space in it"));
    CHECK_FALSE(is_idempotency_key(std::string(65, 'a')));
}

TEST_CASE("kiosk outbox: a stored registration is pending with a provisional label") {
    Outbox outbox(":memory:");
    CHECK(outbox.schema_version() == Outbox::kSchemaVersion);
    CHECK(outbox.pending_count() == 0);
    const std::string key = make_idempotency_key();
    const OutboxEntry entry = outbox.store(lan(), key);
    CHECK(entry.idempotency_key == key);
    CHECK(entry.provisional_label.starts_with("P-"));
    CHECK(entry.provisional_label.size() == 6);

    const auto pending = outbox.pending();
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].registration.full_name == "Nguyễn Thị Lan");
    CHECK(pending[0].registration.school == "Trường Cao đẳng Việt – Hàn Quảng Ninh");
    CHECK(pending[0].registration.preferences == std::vector<std::string>{"B07", "B03"});
    CHECK(pending[0].registration.consent.at("interview"));
    CHECK(pending[0].provisional_label == entry.provisional_label);
}

TEST_CASE("kiosk outbox: storing the same key again keeps the first entry") {
    Outbox outbox(":memory:");
    const std::string key = make_idempotency_key();
    const OutboxEntry first = outbox.store(lan(), key);
    WalkInRegistration changed = lan();
    changed.full_name = "Someone Else";
    const OutboxEntry again = outbox.store(changed, key);
    CHECK(again.provisional_label == first.provisional_label);
    CHECK(again.registration.full_name == "Nguyễn Thị Lan");
    CHECK(outbox.pending_count() == 1);
    CHECK_THROWS_AS(outbox.store(lan(), "bad key!"), std::invalid_argument);
}

TEST_CASE("kiosk outbox: mark_sent ends pending, keeps the server's label, drops personal data") {
    TemporaryFolder folder("kiosk-outbox");
    const std::string path = (folder.path() / "outbox.db").string();
    const std::string key = make_idempotency_key();
    {
        Outbox outbox(path);
        outbox.store(lan(), key);
        outbox.store(lan(), make_idempotency_key());
        CHECK(outbox.pending_count() == 2);
        CheckInAnswer answer;
        answer.ticket_label = "A-0427";
        outbox.mark_sent(key, answer);
        CHECK(outbox.pending_count() == 1);
        CHECK(outbox.ticket_label_for(key) == "A-0427");
        CHECK_THROWS_AS(outbox.mark_sent("unknown-key-123", answer), std::invalid_argument);
    }
    SQLite::Database raw(path);
    CHECK(raw.execAndGet("SELECT registration IS NULL FROM outbox WHERE idempotency_key = '" + key +
                         "'")
              .getInt() == 1);
    CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("kiosk outbox: pending registrations survive reopening the file, oldest first") {
    TemporaryFolder folder("kiosk-outbox");
    const std::string path = (folder.path() / "outbox.db").string();
    std::vector<std::string> keys;
    {
        Outbox outbox(path);
        for (int i = 0; i < 3; ++i) {
            keys.push_back(make_idempotency_key());
            outbox.store(lan(), keys.back());
        }
    }
    Outbox reopened(path);
    CHECK(reopened.schema_version() == 1);
    const auto pending = reopened.pending();
    REQUIRE(pending.size() == 3);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(pending[i].idempotency_key == keys[i]);
}

TEST_CASE("kiosk outbox: a file from a newer kiosk is refused, not guessed at") {
    TemporaryFolder folder("kiosk-outbox");
    const std::string path = (folder.path() / "outbox.db").string();
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA user_version = 7");
    }
    CHECK_THROWS_AS(Outbox{path}, std::runtime_error);
}
