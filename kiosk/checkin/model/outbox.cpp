#include "kiosk/checkin/model/outbox.hpp"

#include <sodium.h>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <chrono>
#include <stdexcept>

#include "common/sodium_init.hpp"

namespace jobfair::checkin {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr std::size_t kKeyRandomBytes = 18;  // 24 base64url characters
// No I/1, O/0, S/5, B/8, Z/2 pairs a student could misread when telling staff their label.
constexpr std::string_view kLabelAlphabet = "ACDEFGHJKLMNPQRTUVWXY34679";
constexpr std::size_t kLabelChars = 4;

std::string provisional_label() {
    std::string label = "P-";
    for (std::size_t i = 0; i < kLabelChars; ++i)
        label +=
            kLabelAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kLabelAlphabet.size()))];
    return label;
}

std::int64_t unix_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

OutboxEntry entry_of(SQLite::Statement& row) {
    OutboxEntry entry;
    entry.idempotency_key = row.getColumn(0).getString();
    entry.registration =
        nlohmann::json::parse(row.getColumn(1).getString()).get<protocol::WalkInRegistration>();
    entry.provisional_label = row.getColumn(2).getString();
    return entry;
}

}  // namespace

std::string make_idempotency_key() {
    ensure_sodium();
    std::array<unsigned char, kKeyRandomBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char,
               sodium_base64_ENCODED_LEN(kKeyRandomBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)>
        text{};
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return std::string(text.data());
}

bool is_idempotency_key(std::string_view key) {
    if (key.size() < 8 || key.size() > 64) return false;
    for (char c : key) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                             (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!allowed) return false;
    }
    return true;
}

Outbox::Outbox(const std::string& path)
    : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs) {
    ensure_sodium();
    db_.exec("PRAGMA journal_mode = WAL");
    migrate();
}

int Outbox::schema_version() const {
    SQLite::Statement version(db_, "PRAGMA user_version");
    version.executeStep();
    return version.getColumn(0).getInt();
}

void Outbox::migrate() {
    SQLite::Transaction transaction(db_);
    const int version = schema_version();
    if (version > kSchemaVersion)
        throw std::runtime_error("the outbox file was written by a newer kiosk (schema " +
                                 std::to_string(version) + ")");
    // Migration 1: the outbox table. `registration` is emptied once sent.
    if (version < 1) {
        db_.exec(
            "CREATE TABLE outbox ("
            "  idempotency_key TEXT PRIMARY KEY,"
            "  registration TEXT,"
            "  provisional_label TEXT NOT NULL UNIQUE,"
            "  stored_at INTEGER NOT NULL,"
            "  sent_at INTEGER,"
            "  ticket_label TEXT)");
        db_.exec("PRAGMA user_version = 1");
    }
    transaction.commit();
}

OutboxEntry Outbox::store(const protocol::WalkInRegistration& registration,
                          const std::string& idempotency_key) {
    if (!is_idempotency_key(idempotency_key))
        throw std::invalid_argument("not an idempotency key: '" + idempotency_key + "'");
    SQLite::Transaction transaction(db_);
    SQLite::Statement existing(db_,
                               "SELECT idempotency_key, registration, provisional_label "
                               "FROM outbox WHERE idempotency_key = ? AND sent_at IS NULL");
    existing.bind(1, idempotency_key);
    if (existing.executeStep()) return entry_of(existing);

    const std::string json = nlohmann::json(registration).dump();
    // A fresh label until it is unique among the stored ones (26^4 labels: a retry is rare).
    while (true) {
        const std::string label = provisional_label();
        SQLite::Statement taken(db_, "SELECT 1 FROM outbox WHERE provisional_label = ?");
        taken.bind(1, label);
        if (taken.executeStep()) continue;
        SQLite::Statement insert(db_,
                                 "INSERT INTO outbox (idempotency_key, registration, "
                                 "provisional_label, stored_at) VALUES (?, ?, ?, ?)");
        insert.bind(1, idempotency_key);
        insert.bind(2, json);
        insert.bind(3, label);
        insert.bind(4, unix_seconds());
        insert.exec();
        transaction.commit();
        return OutboxEntry{idempotency_key, registration, label};
    }
}

std::vector<OutboxEntry> Outbox::pending() const {
    SQLite::Statement rows(db_,
                           "SELECT idempotency_key, registration, provisional_label FROM outbox "
                           "WHERE sent_at IS NULL ORDER BY stored_at, rowid");
    std::vector<OutboxEntry> entries;
    while (rows.executeStep())
        entries.push_back(entry_of(rows));
    return entries;
}

std::size_t Outbox::pending_count() const {
    SQLite::Statement count(db_, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL");
    count.executeStep();
    return static_cast<std::size_t>(count.getColumn(0).getInt64());
}

void Outbox::mark_sent(std::string_view idempotency_key, const protocol::CheckInAnswer& answer) {
    SQLite::Statement update(db_,
                             "UPDATE outbox SET sent_at = ?, ticket_label = ?, registration = NULL "
                             "WHERE idempotency_key = ?");
    update.bind(1, unix_seconds());
    update.bind(2, answer.ticket_label);
    update.bind(3, std::string(idempotency_key));
    if (update.exec() != 1)
        throw std::invalid_argument("the outbox holds no registration with key '" +
                                    std::string(idempotency_key) + "'");
}

std::optional<std::string> Outbox::ticket_label_for(std::string_view idempotency_key) const {
    SQLite::Statement row(db_,
                          "SELECT ticket_label FROM outbox "
                          "WHERE idempotency_key = ? AND sent_at IS NOT NULL");
    row.bind(1, std::string(idempotency_key));
    if (!row.executeStep()) return std::nullopt;
    return row.getColumn(0).getString();
}

}  // namespace jobfair::checkin
