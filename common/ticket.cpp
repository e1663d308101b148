#include "common/ticket.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>

#include "common/sodium_init.hpp"

namespace jobfair {

namespace {

// The MAC is keyed BLAKE2b (crypto_generichash with a key): a MAC by design, one call, no
// length-extension weakness, and safe to truncate. 120 bits is far beyond what anyone can guess
// at a kiosk that answers one scan at a time, yet as 24 base32 characters it keeps the whole
// payload at 36 characters: QR version 2 (25x25) at level M, easy to scan from a phone screen.
constexpr std::size_t kMacBytes = 15;
constexpr std::size_t kMacComputedBytes = crypto_generichash_BYTES_MIN;  // 16, truncated to 15
static_assert(kMacComputedBytes >= kMacBytes);

constexpr std::string_view kMagic = "JF";
constexpr char kVersion = '1';
constexpr std::size_t kKeyIdChars = 2;   // 10 bits
constexpr std::size_t kNumberChars = 7;  // 35 bits, holds a uint32
constexpr std::size_t kMacChars = 24;    // 120 bits
constexpr std::size_t kKeyIdAt = 3;
constexpr std::size_t kNumberAt = kKeyIdAt + kKeyIdChars;
constexpr std::size_t kMacAt = kNumberAt + kNumberChars;  // the signed text is everything before
static_assert(kMacAt + kMacChars == kTicketPayloadLength);
static_assert(kMacChars * 5 == kMacBytes * 8);

// A scanner line is a few dozen characters; anything much longer is refused before any work.
constexpr std::size_t kMaxScannedLength = 128;

constexpr std::string_view kKeyIdContext = "jobfair ticket key id";
static_assert(kKeyIdContext.size() != kMacAt);  // never the same input as a MAC

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// `chars` base32 digits of `value`, most significant first.
void append_base32(std::string& out, std::uint64_t value, std::size_t chars) {
    for (std::size_t i = chars; i-- > 0;)
        out += kBase32Alphabet[(value >> (5 * i)) & 31];
}

int base32_digit(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= '2' && c <= '7') return c - '2' + 26;
    return -1;
}

// At most 12 digits (60 bits); nullopt on a character outside the alphabet.
std::optional<std::uint64_t> decode_base32(std::string_view digits) {
    std::uint64_t value = 0;
    for (char c : digits) {
        const int digit = base32_digit(c);
        if (digit < 0) return std::nullopt;
        value = (value << 5) | static_cast<std::uint64_t>(digit);
    }
    return value;
}

// 5 bytes at a time become 8 digits.
void append_mac_base32(std::string& out, const std::array<std::uint8_t, kMacBytes>& mac) {
    for (std::size_t group = 0; group < kMacBytes; group += 5) {
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < 5; ++i)
            value = (value << 8) | mac[group + i];
        append_base32(out, value, 8);
    }
}

std::optional<std::array<std::uint8_t, kMacBytes>> decode_mac(std::string_view digits) {
    std::array<std::uint8_t, kMacBytes> mac{};
    for (std::size_t group = 0; group < kMacBytes; group += 5) {
        const auto value = decode_base32(digits.substr(group / 5 * 8, 8));
        if (!value) return std::nullopt;
        for (std::size_t i = 0; i < 5; ++i)
            mac[group + i] = static_cast<std::uint8_t>(*value >> (8 * (4 - i)));
    }
    return mac;
}

bool is_scanner_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_scanner_whitespace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_scanner_whitespace(text.back()))
        text.remove_suffix(1);
    return text;
}

// Uppercase A-Z and digits only; nullopt on anything else (inner spaces, punctuation, UTF-8).
std::optional<std::string> uppercase_alphanumeric(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const bool alphanumeric = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alphanumeric) return std::nullopt;
        out += c;
    }
    return out;
}

std::string system_message(std::string_view what, const std::filesystem::path& path) {
    return std::string(what) + " " + path.string() + ": " + std::strerror(errno);
}

// Parses the key file: 64 hex digits, optionally followed by a newline.
TicketKey parse_key_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TicketKeyError(system_message("cannot read the ticket key", path));
    std::string text;
    constexpr std::size_t kMaxFileSize = 256;  // a key file is 65 bytes
    text.resize(kMaxFileSize);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    const std::string_view hex = trim(text);
    std::array<std::uint8_t, TicketKey::kSize> bytes{};
    std::size_t decoded = 0;
    const char* hex_end = nullptr;
    const bool ok = hex.size() == 2 * TicketKey::kSize &&
                    sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr,
                                   &decoded, &hex_end) == 0 &&
                    decoded == bytes.size() && hex_end == hex.data() + hex.size();
    sodium_memzero(text.data(), text.size());
    if (!ok) {
        throw TicketKeyError("the ticket key " + path.string() +
                             " is damaged: it must hold 64 hex digits. Restore it from a backup "
                             "(a new key makes every issued ticket invalid).");
    }
    TicketKey key = TicketKey::from_bytes(bytes);
    sodium_memzero(bytes.data(), bytes.size());
    return key;
}

// Writes a new key file without ever exposing it to other users or overwriting a key another
// process wrote first: a private temporary file, then link(2), which fails if the name exists.
// Returns false when another process created the key first.
bool create_key_file(const std::filesystem::path& path, const std::string& hex_line) {
    const std::filesystem::path temporary =
        path.string() + ".new-" + std::to_string(static_cast<long>(::getpid()));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw TicketKeyError(system_message("cannot create the ticket key", temporary));
    const bool written =
        ::fchmod(fd, 0600) == 0 &&  // O_TRUNC may have reopened an older temporary file
        ::write(fd, hex_line.data(), hex_line.size()) == static_cast<ssize_t>(hex_line.size()) &&
        ::fsync(fd) == 0;
    const std::string write_error = system_message("cannot write the ticket key", temporary);
    ::close(fd);
    if (!written) {
        ::unlink(temporary.c_str());
        throw TicketKeyError(write_error);
    }
    const bool linked = ::link(temporary.c_str(), path.c_str()) == 0;
    const int link_errno = errno;
    ::unlink(temporary.c_str());
    if (linked) return true;
    if (link_errno == EEXIST) return false;
    errno = link_errno;
    throw TicketKeyError(system_message("cannot create the ticket key", path));
}

// Bijective base 24 over the letters without I and O: 0 -> A, 23 -> Z, 24 -> AA.
std::string block_letters(std::uint32_t block) {
    constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::string letters;
    std::uint64_t rest = static_cast<std::uint64_t>(block) + 1;
    while (rest > 0) {
        --rest;
        letters.insert(letters.begin(), kLetters[rest % kLetters.size()]);
        rest /= kLetters.size();
    }
    return letters;
}

}  // namespace

struct TicketKeyAccess {
    static std::array<std::uint8_t, kMacBytes> mac_of(const TicketKey& key,
                                                      std::string_view signed_text) {
        std::array<std::uint8_t, kMacComputedBytes> full{};
        crypto_generichash(full.data(), full.size(),
                           reinterpret_cast<const unsigned char*>(signed_text.data()),
                           signed_text.size(), key.bytes_.data(), key.bytes_.size());
        std::array<std::uint8_t, kMacBytes> mac{};
        std::memcpy(mac.data(), full.data(), kMacBytes);
        return mac;
    }

    static std::array<std::uint8_t, 32> status_token_of(const TicketKey& key,
                                                        std::uint32_t ticket_number) {
        // A context of its own, so a status token can never equal any ticket's MAC.
        const std::string message = "jobfair status token v1:" + std::to_string(ticket_number);
        std::array<std::uint8_t, 32> token{};
        crypto_generichash(token.data(), token.size(),
                           reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                           key.bytes_.data(), key.bytes_.size());
        return token;
    }
};

TicketKey TicketKey::generate() {
    ensure_sodium();
    TicketKey key;
    randombytes_buf(key.bytes_.data(), key.bytes_.size());
    return key;
}

TicketKey TicketKey::from_bytes(std::span<const std::uint8_t> bytes) {
    if (bytes.size() != kSize) {
        throw TicketKeyError("a ticket key has " + std::to_string(kSize) + " bytes, not " +
                             std::to_string(bytes.size()));
    }
    ensure_sodium();
    TicketKey key;
    std::memcpy(key.bytes_.data(), bytes.data(), kSize);
    return key;
}

TicketKey TicketKey::load_or_create(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::exists(path, error)) return parse_key_file(path);
    if (path.has_parent_path()) {
        std::filesystem::create_directories(path.parent_path(), error);
        if (error) {
            throw TicketKeyError("cannot create the folder " + path.parent_path().string() +
                                 " for the ticket key: " + error.message());
        }
    }
    const TicketKey key = generate();
    std::string hex_line(2 * kSize + 1, '\0');
    sodium_bin2hex(hex_line.data(), hex_line.size(), key.bytes_.data(), key.bytes_.size());
    hex_line.back() = '\n';
    const bool created = create_key_file(path, hex_line);
    sodium_memzero(hex_line.data(), hex_line.size());
    return created ? key : parse_key_file(path);
}

TicketKey::~TicketKey() {
    sodium_memzero(bytes_.data(), bytes_.size());
}

bool operator==(const TicketKey& a, const TicketKey& b) {
    return sodium_memcmp(a.bytes_.data(), b.bytes_.data(), TicketKey::kSize) == 0;
}

std::uint16_t TicketKey::key_id() const {
    ensure_sodium();
    std::array<std::uint8_t, crypto_generichash_BYTES_MIN> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(kKeyIdContext.data()),
                       kKeyIdContext.size(), bytes_.data(), bytes_.size());
    return static_cast<std::uint16_t>(((digest[0] << 8) | digest[1]) >> 6);  // top 10 bits
}

std::string issue_ticket(const TicketKey& key, std::uint32_t ticket_number) {
    if (ticket_number == 0) throw std::invalid_argument("ticket numbers start at 1");
    ensure_sodium();
    std::string payload;
    payload.reserve(kTicketPayloadLength);
    payload += kMagic;
    payload += kVersion;
    append_base32(payload, key.key_id(), kKeyIdChars);
    append_base32(payload, ticket_number, kNumberChars);
    append_mac_base32(payload, TicketKeyAccess::mac_of(key, payload));
    return payload;
}

TicketCheck verify_ticket(const TicketKey& key, std::string_view payload,
                          const std::function<bool(std::uint32_t)>& is_revoked) {
    ensure_sodium();
    if (payload.size() > kMaxScannedLength) return TicketCheck::refused(TicketRefusal::malformed);
    const std::optional<std::string> text = uppercase_alphanumeric(trim(payload));
    if (!text || !text->starts_with(kMagic) || text->size() <= kMagic.size())
        return TicketCheck::refused(TicketRefusal::malformed);
    if ((*text)[kMagic.size()] != kVersion)
        return TicketCheck::refused(TicketRefusal::wrong_version);
    if (text->size() != kTicketPayloadLength) return TicketCheck::refused(TicketRefusal::malformed);

    const std::string_view fields(*text);
    const auto key_id = decode_base32(fields.substr(kKeyIdAt, kKeyIdChars));
    const auto number = decode_base32(fields.substr(kNumberAt, kNumberChars));
    const auto mac = decode_mac(fields.substr(kMacAt, kMacChars));
    if (!key_id || !number || !mac || *number > std::numeric_limits<std::uint32_t>::max())
        return TicketCheck::refused(TicketRefusal::malformed);
    if (*key_id != key.key_id()) return TicketCheck::refused(TicketRefusal::unknown_key);

    const auto expected = TicketKeyAccess::mac_of(key, fields.substr(0, kMacAt));
    if (sodium_memcmp(expected.data(), mac->data(), kMacBytes) != 0)
        return TicketCheck::refused(TicketRefusal::forged);
    const auto ticket_number = static_cast<std::uint32_t>(*number);
    if (is_revoked && is_revoked(ticket_number))
        return TicketCheck::refused(TicketRefusal::revoked);
    return TicketCheck::accepted(ticket_number);
}

std::string_view to_string(TicketRefusal refusal) {
    switch (refusal) {
        case TicketRefusal::malformed:
            return "malformed";
        case TicketRefusal::wrong_version:
            return "wrong_version";
        case TicketRefusal::unknown_key:
            return "unknown_key";
        case TicketRefusal::forged:
            return "forged";
        case TicketRefusal::revoked:
            return "revoked";
    }
    return "unknown";
}

std::string_view message_vi(TicketRefusal refusal) {
    switch (refusal) {
        case TicketRefusal::malformed:
            return "Không đọc được vé: đây không phải mã QR vé của hội chợ";
        case TicketRefusal::wrong_version:
            return "Vé theo định dạng mà phiên bản phần mềm này không đọc được: vui lòng đến bàn "
                   "hỗ trợ";
        case TicketRefusal::unknown_key:
            return "Vé của hội chợ khác hoặc đã được cấp lại: vui lòng đến bàn hỗ trợ";
        case TicketRefusal::forged:
            return "Vé không hợp lệ: mã QR đã bị sửa hoặc giả mạo";
        case TicketRefusal::revoked:
            return "Vé đã bị thu hồi: vui lòng đến bàn hỗ trợ";
    }
    return "Vé không hợp lệ";
}

std::string_view message_en(TicketRefusal refusal) {
    switch (refusal) {
        case TicketRefusal::malformed:
            return "Unreadable ticket: this is not a job fair ticket";
        case TicketRefusal::wrong_version:
            return "Ticket in a format this version cannot read: please go to the help desk";
        case TicketRefusal::unknown_key:
            return "Ticket from another fair or an old key: please go to the help desk";
        case TicketRefusal::forged:
            return "Invalid ticket: the QR code was altered or forged";
        case TicketRefusal::revoked:
            return "This ticket was withdrawn: please go to the help desk";
    }
    return "Invalid ticket";
}

std::uint32_t TicketCheck::ticket_number() const {
    if (!ticket_number_) throw std::logic_error("ticket_number() of a refused ticket");
    return *ticket_number_;
}

TicketRefusal TicketCheck::refusal() const {
    if (ticket_number_) throw std::logic_error("refusal() of an accepted ticket");
    return refusal_;
}

std::string_view TicketCheck::message_vi() const {
    return ticket_number_ ? "Vé hợp lệ" : jobfair::message_vi(refusal_);
}

std::string_view TicketCheck::message_en() const {
    return ticket_number_ ? "Valid ticket" : jobfair::message_en(refusal_);
}

std::string ticket_label(std::uint32_t ticket_number) {
    const std::string digits = std::to_string(ticket_number % 10000);
    return block_letters(ticket_number / 10000) + "-" + std::string(4 - digits.size(), '0') +
           digits;
}

std::string status_token_for(const TicketKey& key, std::uint32_t ticket_number) {
    ensure_sodium();
    const auto bytes = TicketKeyAccess::status_token_of(key, ticket_number);
    std::string text(
        sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    text.resize(std::strlen(text.c_str()));
    return text;
}

std::string status_token_digest(std::string_view token) {
    ensure_sodium();
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

bool looks_like_status_token(std::string_view token) {
    return token.size() == kStatusTokenLength &&
           std::all_of(token.begin(), token.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
           });
}

}  // namespace jobfair
