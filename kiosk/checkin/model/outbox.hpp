// The kiosk's offline outbox: walk-in registrations the server could not take yet, kept in a
// local SQLite file until they are sent. Each carries its idempotency key, so sending it again
// after a lost answer never registers the student twice, and a provisional ticket label the
// student is shown meanwhile.
//
// One Outbox object per thread; WAL and a busy timeout let the UI's thread and the sync thread
// each open the same file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "common/protocol.hpp"

namespace jobfair::checkin {

// 24 characters of [A-Za-z0-9_-] (144 random bits from libsodium).
std::string make_idempotency_key();
// What protocol::kIdempotencyHeader accepts: 8 to 64 characters of [A-Za-z0-9_-].
bool is_idempotency_key(std::string_view key);

struct OutboxEntry {
    std::string idempotency_key;
    protocol::WalkInRegistration registration;
    std::string provisional_label;  // "P-7KQ3": told apart from the server's "A-0427" at a glance
};

class Outbox {
  public:
    // Opens or creates the file and brings its schema up to date; ":memory:" for tests.
    explicit Outbox(const std::string& path);

    // Stores a registration; storing the same key again returns the first entry unchanged.
    // Throws std::invalid_argument for a malformed key.
    OutboxEntry store(const protocol::WalkInRegistration& registration,
                      const std::string& idempotency_key);
    std::vector<OutboxEntry> pending() const;  // oldest first
    std::size_t pending_count() const;
    // The server took the registration: its personal data is deleted from the kiosk, the server's
    // ticket label kept next to the provisional one for the help desk. Throws
    // std::invalid_argument for a key the outbox does not hold.
    void mark_sent(std::string_view idempotency_key, const protocol::CheckInAnswer& answer);
    // The server's label for a sent entry; nothing while it is pending or for an unknown key.
    std::optional<std::string> ticket_label_for(std::string_view idempotency_key) const;

    static constexpr int kSchemaVersion = 1;
    int schema_version() const;

  private:
    void migrate();
    SQLite::Database db_;
};

}  // namespace jobfair::checkin
