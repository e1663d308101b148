// Tickets: the QR payload a student shows at kiosks and booths. The server signs an opaque ticket
// number with its secret key; anyone holding the key can tell a real ticket from a forged or
// altered one. A ticket carries no personal data: the server maps ticket numbers to students.
//
// Payload (36 characters, uppercase A-Z and 2-7 only, so QR alphanumeric mode applies and the code
// stays at version 2, 25x25 modules, at error-correction level M):
//
//   JF 1 KK NNNNNNN MMMMMMMMMMMMMMMMMMMMMMMM
//   |  | |  |       `- MAC: 120 bits, base32 (24 characters), over everything before it
//   |  | |  `- ticket number: 32 bits, base32 (7 characters, top 3 bits zero)
//   |  | `- key id: 10 bits derived from the key, so a ticket of another fair or an old key is told
//   |  |    apart from a forged one
//   |  `- format version
//   `- magic: "JobFair"
//
// Base32 is RFC 4648's alphabet without padding.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace jobfair {

// A key that cannot be read, written or built, with a message a person can act on.
class TicketKeyError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The server's secret for signing tickets: 32 random bytes, wiped from memory on destruction.
class TicketKey {
  public:
    static constexpr std::size_t kSize = 32;

    static TicketKey generate();
    // Reads the key at `path`, or creates a fresh one there (owner read/write only, mode 0600),
    // creating missing parent folders. The file holds the key as 64 hex digits and a newline.
    static TicketKey load_or_create(const std::filesystem::path& path);
    // Throws TicketKeyError unless `bytes` holds exactly kSize bytes.
    static TicketKey from_bytes(std::span<const std::uint8_t> bytes);

    TicketKey(const TicketKey&) = default;
    TicketKey& operator=(const TicketKey&) = default;
    ~TicketKey();

    // Printed on every ticket so a verifier can tell which key signed it; not secret.
    std::uint16_t key_id() const;

    // Constant time: keys are secrets.
    friend bool operator==(const TicketKey& a, const TicketKey& b);

  private:
    friend struct TicketKeyAccess;  // the signing code in ticket.cpp
    TicketKey() = default;
    std::array<std::uint8_t, kSize> bytes_{};
};

inline constexpr std::size_t kTicketPayloadLength = 36;

// Signs `ticket_number` (1 or more; 0 throws std::invalid_argument).
std::string issue_ticket(const TicketKey& key, std::uint32_t ticket_number);

// Why a payload was refused, in the order the checks run.
enum class TicketRefusal {
    malformed,      // not a jobfair ticket: wrong length, characters or prefix
    wrong_version,  // a jobfair ticket in a format this build does not read
    unknown_key,    // signed with another key: another fair, or a key replaced since
    forged,         // MAC mismatch: forged or altered
    revoked,        // genuine, but the server withdrew it
};

std::string_view to_string(TicketRefusal refusal);  // "malformed", "forged", ...
std::string_view message_vi(TicketRefusal refusal);
std::string_view message_en(TicketRefusal refusal);

// The answer of verify_ticket: converts to true when the ticket is accepted.
class TicketCheck {
  public:
    static TicketCheck accepted(std::uint32_t ticket_number) { return TicketCheck(ticket_number); }
    static TicketCheck refused(TicketRefusal refusal) { return TicketCheck(refusal); }

    explicit operator bool() const { return ticket_number_.has_value(); }
    // Only on an accepted check; throws std::logic_error otherwise.
    std::uint32_t ticket_number() const;
    // Only on a refused check; throws std::logic_error otherwise.
    TicketRefusal refusal() const;

    // For the screen: "Vé hợp lệ" / "Valid ticket", or the refusal's message.
    std::string_view message_vi() const;
    std::string_view message_en() const;

  private:
    explicit TicketCheck(std::uint32_t ticket_number) : ticket_number_(ticket_number) {}
    explicit TicketCheck(TicketRefusal refusal) : refusal_(refusal) {}
    std::optional<std::uint32_t> ticket_number_;
    TicketRefusal refusal_ = TicketRefusal::malformed;
};

// Checks a scanned payload. Surrounding whitespace (a USB scanner types a trailing Enter) and
// lowercase letters are accepted; anything else out of format is refused as malformed.
// `is_revoked` is asked only about genuine tickets.
TicketCheck verify_ticket(const TicketKey& key, std::string_view payload,
                          const std::function<bool(std::uint32_t)>& is_revoked = {});

// The short label shown on the board and at booths: a block letter and four digits, "A-0427" for
// ticket 427, "B-0000" for 10000. Letters skip I and O (read as 1 and 0); after Z come AA, AB...
std::string ticket_label(std::uint32_t ticket_number);

// --- Status tokens: the read-only link of the student's own phone (docs/security.md) ----------
// 43 characters of base64url: 32 bytes derived from the ticket key and the ticket number, so each
// ticket has exactly one, the kiosk can be handed it again on a repeated check-in, a standby
// server started from the online copy (which holds the key) gives the same, and a reissued ticket
// (a new number) gets a new one. It reads that student's status and presses the phone's buttons;
// it is never a ticket: no check-in takes it.
inline constexpr std::size_t kStatusTokenLength = 43;
std::string status_token_for(const TicketKey& key, std::uint32_t ticket_number);
// What the database keeps of a status token: its BLAKE2b-256 digest in hex, never the token.
std::string status_token_digest(std::string_view token);
// Exactly kStatusTokenLength characters of [A-Za-z0-9_-]: anything else is not looked up.
bool looks_like_status_token(std::string_view token);

}  // namespace jobfair
