// Access control for the fair server: who is asking (roles, logins, device tokens) and what each
// role may do. Plain C++: no HTTP, no SQL. The server authenticates every request's bearer token,
// then asks authorize() before acting; the store saves snapshot() and hands it back to restore().
//
// Sections:
//   1. Roles and permissions: the table of who may do what
//   2. Refusals: every "no" carries a reason and a message in Vietnamese and English
//   3. Persistent state: plain structs holding hashes, never a password, PIN, code or token
//   4. AccessControl: organizer password, booth PINs, device enrolment, bearer tokens
//
// Security choices (details next to the code in auth.cpp):
//   - organizer password and booth PINs: Argon2id (crypto_pwhash_str), slow on purpose;
//   - a booth PIN works only on an enrolled booth station, and the organizer password only on the
//     server's own machine or an enrolled organizer console: a stranger on the venue's Wi-Fi gets
//     no guess at all. Wrong guesses are throttled per station or console (never per booth, so
//     nobody elsewhere can lock real staff out): 5 free attempts, then a lockout of 30 s that
//     doubles with each further wrong guess, capped at 15 minutes (docs/security.md, the sums);
//   - bearer tokens and enrolment codes are random and kept only as BLAKE2b hashes
//     (crypto_generichash), compared in constant time.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/ids.hpp"

namespace jobfair {

// --- 1. Roles and permissions ------------------------------------------------------------------

enum class Role {
    organizer,    // runs the fair: may do everything
    booth_staff,  // one enterprise booth: its own queue and interviews only
    kiosk,        // a check-in touchscreen: check-in and a student's own status by ticket
    board,        // the now-calling screen: ticket numbers of recent calls, never names
    // Enrolled devices that may do nothing by themselves: they are where people log in. A booth
    // station is one booth's tablet, where its staff enter the booth's PIN; an organizer console
    // is a laptop other than the server's own machine where the organizer password is accepted.
    booth_station,
    organizer_console,
};

// "organizer", "booth_staff", "kiosk", "board", "booth_station", "organizer_console"
std::string_view role_code(Role role);
// Whether the role is held by an enrolled device (its token lasts until revoked).
bool is_device_role(Role role);
std::optional<Role> parse_role(std::string_view text);
std::string_view role_name_vi(Role role);  // "Ban tổ chức", ...
std::string_view role_name_en(Role role);  // "organizer", ...

// What a request wants to do. Names that read or export a person's details say so
// ("personal_data"); everything else carries ticket numbers, booth ids and times only.
enum class Permission {
    // Organizer only.
    manage_access,                    // set the password, issue PINs, enrol and revoke devices
    manage_booths,                    // pause or resume a booth, extend its hours, add a seat
    manage_interviews,                // move or cancel an interview, re-plan the rest of the day
    mark_student_left,                // a student went home: cancel what remains
    issue_tickets,                    // tickets in bulk for pre-registered students
    read_fair_overview,               // per booth: current, next, waiting, delay, counts
    read_all_students_personal_data,  // find any student by name or phone, export lists

    // One booth: that booth's own staff (and organizers). Checked with the booth's id.
    read_booth_queue,            // the booth's queue: ticket numbers, times, states
    read_student_personal_data,  // name, phone, school, trade of a student in that booth's queue
    call_next,
    recall,
    skip_student,
    start_interview,
    finish_interview,
    mark_no_show,
    take_walk_in,  // a student who walks up to the booth joins its standby queue

    // Kiosks (and organizers).
    check_in_by_ticket,
    register_walk_in,               // collects a walk-in's details; reads nobody's back
    read_enterprise_list,           // booths, trades, hours
    read_student_status_by_ticket,  // the ticket holder's own interviews; no name

    // The board (and organizers).
    read_recent_calls,  // ticket numbers and booths only
};

// Every permission, in declaration order (for tests, docs and admin screens).
std::span<const Permission> all_permissions();
std::string_view permission_code(Permission permission);  // "call_next", ...
std::optional<Permission> parse_permission(std::string_view text);
// Whether the permission is about one booth, so authorize() must be given that booth.
bool is_booth_scoped(Permission permission);

// Who is asking: established from a bearer token by AccessControl::authenticate().
struct Principal {
    Role role = Role::board;
    std::optional<BoothId> booth;  // booth staff only: the booth they may act for
    std::string device_or_user;    // "organizer", "booth-staff:B07", or the device's name
    std::string token_id;          // which token: for logging out and for the event log

    bool operator==(const Principal&) const = default;
};

// --- 2. Refusals -------------------------------------------------------------------------------

enum class RefusalReason {
    role_not_permitted,  // the role may never do this
    other_booth,         // booth staff acting on a booth that is not theirs
    booth_not_given,     // a booth-scoped permission checked without a booth (a server bug)
    password_too_short,
    password_too_long,
    password_not_set,      // nobody has set the organizer password yet
    password_already_set,  // setting it again needs the current one
    wrong_password,
    no_pin_for_booth,  // the organizer has not issued a PIN for this booth
    malformed_pin,     // not 6 digits: a typo, not counted as a guess
    wrong_pin,
    locked_out,  // too many wrong guesses: wait retry_after
    unknown_enrolment_code,
    enrolment_code_expired,
    enrolment_code_used,
    not_a_booth_station,       // a PIN sent from anywhere but an enrolled booth station
    not_an_organizer_console,  // the password sent from anywhere but the server or a console
};

std::string_view reason_code(RefusalReason reason);  // "wrong_pin", ...

struct Refusal {
    RefusalReason reason = RefusalReason::role_not_permitted;
    std::string message_vi;  // shown to the person at the screen
    std::string message_en;
    std::optional<int> attempts_left;                 // wrong guesses left before a lockout
    std::optional<std::chrono::seconds> retry_after;  // locked out: try again after this long
};

// Allowed, or refused with a reason. Converts to true when allowed.
class AccessDecision {
  public:
    static AccessDecision allow() { return AccessDecision{}; }
    static AccessDecision refuse(Refusal refusal) { return AccessDecision{std::move(refusal)}; }

    explicit operator bool() const { return !refusal_; }
    bool allowed() const { return !refusal_; }
    // Only when refused.
    const Refusal& refusal() const { return *refusal_; }

  private:
    AccessDecision() = default;
    explicit AccessDecision(Refusal refusal) : refusal_(std::move(refusal)) {}
    std::optional<Refusal> refusal_;
};

// A value, or a refusal. Converts to true when it holds the value.
template <class T>
class AccessResult {
  public:
    AccessResult(T value) : content_(std::move(value)) {}
    AccessResult(Refusal refusal) : content_(std::move(refusal)) {}

    explicit operator bool() const { return content_.index() == 0; }
    // Only when it holds the value.
    const T& value() const { return std::get<T>(content_); }
    const T& operator*() const { return value(); }
    const T* operator->() const { return &value(); }
    // Only when refused.
    const Refusal& refusal() const { return std::get<Refusal>(content_); }

  private:
    std::variant<T, Refusal> content_;
};

// Whether `principal` may do `permission`. Booth-scoped permissions need the booth concerned: a
// booth's staff may act for that booth only. Organizers may do everything.
// read_student_personal_data is granted per booth: the caller must also check that the student
// is in that booth's queue.
AccessDecision authorize(const Principal& principal, Permission permission);
AccessDecision authorize(const Principal& principal, Permission permission, const BoothId& booth);

// --- 3. Persistent state -----------------------------------------------------------------------
// Everything AccessControl must remember across a restart. Holds hashes only: saving it, or
// leaking it, gives away no password, PIN, enrolment code or token.

using TimePoint = std::chrono::system_clock::time_point;

struct BoothPinRecord {
    BoothId booth;
    std::string pin_hash;  // crypto_pwhash_str output: "$argon2id$v=19$..."
    TimePoint issued_at;

    bool operator==(const BoothPinRecord&) const = default;
};

struct EnrolmentCodeRecord {
    std::string code_hash;    // hex BLAKE2b of the normalised code
    Role role = Role::kiosk;  // a device role: kiosk, board, booth_station, organizer_console
    std::string device_name;  // given by the organizer, e.g. "Kiosk 3 (cổng chính)"
    TimePoint expires_at;
    bool used = false;
    std::optional<BoothId> booth;  // booth stations: the booth whose PIN they take

    bool operator==(const EnrolmentCodeRecord&) const = default;
};

struct TokenRecord {
    std::string token_id;    // public handle for listing and revoking: not a secret
    std::string token_hash;  // hex BLAKE2b of the bearer token
    Role role = Role::board;
    std::optional<BoothId> booth;
    std::string device_or_user;
    TimePoint issued_at;
    std::optional<TimePoint> expires_at;  // none: a device token, valid until revoked
    // A session opened on a booth station or organizer console: that device's token id. Revoking
    // the device ends the sessions opened on it.
    std::optional<std::string> opened_on;

    bool operator==(const TokenRecord&) const = default;
};

// Wrong guesses against one key: "pin-at:t-3f...", "password-at:server", "enrol-from:10.0.0.12".
struct ThrottleRecord {
    std::string key;
    int consecutive_failures = 0;
    int lockouts = 0;  // lockouts so far: the next one lasts first_lockout * 2^lockouts
    std::optional<TimePoint> locked_until;

    bool operator==(const ThrottleRecord&) const = default;
};

struct AccessState {
    std::optional<std::string> organizer_password_hash;  // crypto_pwhash_str output
    std::vector<BoothPinRecord> booth_pins;
    std::vector<EnrolmentCodeRecord> enrolment_codes;
    std::vector<TokenRecord> tokens;
    std::vector<ThrottleRecord> throttles;

    bool operator==(const AccessState&) const = default;
};

// --- 4. AccessControl --------------------------------------------------------------------------

// The cost of one Argon2id hash. Production uses interactive(); tests may use minimum() so the
// sanitizer run stays fast. Hashes record their own cost, so either verifies the other's.
struct PasswordHashCost {
    unsigned long long opslimit = 0;
    std::size_t memlimit = 0;

    static PasswordHashCost interactive();  // libsodium's *_INTERACTIVE: ~0.1 s, 64 MiB
    static PasswordHashCost minimum();      // libsodium's *_MIN: for tests only
};

// Wrong guesses allowed before a lockout, and how long lockouts last.
struct ThrottlePolicy {
    int free_attempts = 5;
    std::chrono::seconds first_lockout{30};  // doubles with each further wrong guess
    std::chrono::seconds longest_lockout{15 * 60};
};

struct AccessSettings {
    PasswordHashCost password_cost = PasswordHashCost::interactive();
    PasswordHashCost pin_cost = PasswordHashCost::interactive();
    ThrottlePolicy throttle;
    std::chrono::seconds organizer_session_lifetime{12 * 60 * 60};
    std::chrono::seconds booth_session_lifetime{12 * 60 * 60};  // a fair day
    std::chrono::seconds enrolment_code_lifetime{15 * 60};
};

inline constexpr std::size_t kMinPasswordLength = 8;    // characters (UTF-8 code points)
inline constexpr std::size_t kMaxPasswordBytes = 1024;  // bounds the work one request can cause
inline constexpr std::size_t kBoothPinDigits = 6;       // "042917"
inline constexpr std::size_t kEnrolmentCodeLength = 8;  // shown as "ABCD-EFGH"

// A bearer token handed out once, at login or enrolment. Only its hash is kept.
struct IssuedToken {
    std::string bearer_token;  // 43 characters, base64url of 32 random bytes
    Principal principal;
    std::optional<TimePoint> expires_at;
};

// A one-time enrolment code for a device, shown to the organizer once.
struct EnrolmentCode {
    std::string code;  // "ABCD-EFGH": no 0/O, 1/I/L; dash and case do not matter when typed
    Role role = Role::kiosk;
    std::string device_name;
    TimePoint expires_at;
    std::optional<BoothId> booth;  // booth stations only
};

// Where the organizer password was typed: the machine the server runs on (its own loopback
// address), or an enrolled organizer console. Each place has its own budget of wrong guesses.
struct PasswordPlace {
    std::optional<Principal> console;  // none: the server's own machine

    static PasswordPlace server_machine() { return {}; }
    static PasswordPlace organizer_console(Principal console) { return {std::move(console)}; }
};

// All access state of one fair server. Thread-safe: every method may be called from any thread.
// Slow password hashing runs outside the state lock (one hash at a time, bounding memory), so
// authenticate() never waits behind a login.
class AccessControl {
  public:
    using Now = std::function<TimePoint()>;

    // `now` defaults to the system clock; tests pass a fake one.
    explicit AccessControl(AccessSettings settings = {}, Now now = {});

    AccessControl(const AccessControl&) = delete;
    AccessControl& operator=(const AccessControl&) = delete;

    // --- organizer password
    bool has_organizer_password() const;
    // Sets the password when none is set yet (first start), or changes it given the current one.
    // Changing it ends every organizer session. Wrong current passwords are throttled per
    // organizer session (`session`, a token id; empty on first start).
    AccessDecision set_organizer_password(std::string_view new_password,
                                          std::optional<std::string_view> current_password,
                                          std::string_view session);
    AccessResult<IssuedToken> organizer_login(std::string_view password,
                                              const PasswordPlace& place);

    // --- booth staff
    // A fresh random 6-digit PIN for the booth, returned once to the organizer. Replaces the old
    // PIN, ends the booth's staff sessions and lifts the lockouts of the booth's stations:
    // re-issuing is what an organizer does when a PIN leaked or a station got locked out.
    std::string issue_booth_pin(const BoothId& booth);
    // Staff log in on `station` (a booth_station principal) with its booth's PIN. Wrong PINs count
    // against that station only.
    AccessResult<IssuedToken> booth_login(const Principal& station, std::string_view pin);

    // --- devices
    // A one-time code for a device (std::invalid_argument for a role that is not a device's, or a
    // booth station without its booth), valid for `valid_for` or settings'
    // enrolment_code_lifetime.
    EnrolmentCode create_enrolment_code(Role device_role, std::string device_name,
                                        std::optional<BoothId> booth = std::nullopt,
                                        std::optional<std::chrono::seconds> valid_for = {});
    // Exchanges a code, once, for a device token that stays valid until revoked.
    AccessResult<IssuedToken> enrol_device(std::string_view code, std::string_view client_address);

    // --- tokens
    // Who holds this bearer token; nothing when unknown, revoked or expired.
    std::optional<Principal> authenticate(std::string_view bearer_token);
    // Revokes the token with this id (Principal::token_id, TokenRecord::token_id), and the sessions
    // opened on it when it is a station's or console's. Returns whether there was one.
    bool revoke_token(std::string_view token_id);

    // --- persistence
    AccessState snapshot() const;
    void restore(const AccessState& state);

  private:
    const AccessSettings settings_;
    const Now now_;
    mutable std::mutex state_mutex_;  // guards state_
    std::mutex hashing_mutex_;        // one Argon2id hash at a time: 64 MiB each
    AccessState state_;
};

}  // namespace jobfair
