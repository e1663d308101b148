// Sections: roles and permissions, refusal messages, hashing and random secrets, throttling,
// AccessControl.
#include "common/auth.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <stdexcept>

#include "common/sodium_init.hpp"

namespace jobfair {

// --- Roles and permissions ---------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 6> kRoleCodes{
    "organizer", "booth_staff", "kiosk", "board", "booth_station", "organizer_console"};
constexpr std::array<std::string_view, 6> kRoleNamesVi{"Ban tổ chức",       "Nhân viên gian hàng",
                                                       "Máy kiosk",         "Bảng gọi số",
                                                       "Máy của gian hàng", "Máy của ban tổ chức"};
constexpr std::array<std::string_view, 6> kRoleNamesEn{
    "organizer", "booth staff", "kiosk", "board", "booth station", "organizer console"};

// Who may do what, besides organizers (who may do everything). One row per permission, in the
// enum's order.
struct PermissionRule {
    Permission permission;
    std::string_view code;
    std::optional<Role> granted_to;  // none: organizers only
    bool own_booth_only;             // granted for the principal's own booth only
};

constexpr std::array kPermissionRules{
    // Running the fair and everyone's details: organizers only.
    PermissionRule{Permission::manage_access, "manage_access", std::nullopt, false},
    PermissionRule{Permission::manage_booths, "manage_booths", std::nullopt, false},
    PermissionRule{Permission::manage_interviews, "manage_interviews", std::nullopt, false},
    PermissionRule{Permission::mark_student_left, "mark_student_left", std::nullopt, false},
    PermissionRule{Permission::issue_tickets, "issue_tickets", std::nullopt, false},
    PermissionRule{Permission::read_fair_overview, "read_fair_overview", std::nullopt, false},
    PermissionRule{Permission::read_all_students_personal_data, "read_all_students_personal_data",
                   std::nullopt, false},
    // A booth's staff work their own booth's queue and see who is in it; no other booth's.
    PermissionRule{Permission::read_booth_queue, "read_booth_queue", Role::booth_staff, true},
    PermissionRule{Permission::read_student_personal_data, "read_student_personal_data",
                   Role::booth_staff, true},
    PermissionRule{Permission::call_next, "call_next", Role::booth_staff, true},
    PermissionRule{Permission::recall, "recall", Role::booth_staff, true},
    PermissionRule{Permission::skip_student, "skip_student", Role::booth_staff, true},
    PermissionRule{Permission::start_interview, "start_interview", Role::booth_staff, true},
    PermissionRule{Permission::finish_interview, "finish_interview", Role::booth_staff, true},
    PermissionRule{Permission::mark_no_show, "mark_no_show", Role::booth_staff, true},
    PermissionRule{Permission::take_walk_in, "take_walk_in", Role::booth_staff, true},
    // Kiosks check students in and show a ticket holder their own day; they read nobody's details.
    PermissionRule{Permission::check_in_by_ticket, "check_in_by_ticket", Role::kiosk, false},
    PermissionRule{Permission::register_walk_in, "register_walk_in", Role::kiosk, false},
    PermissionRule{Permission::read_enterprise_list, "read_enterprise_list", Role::kiosk, false},
    PermissionRule{Permission::read_student_status_by_ticket, "read_student_status_by_ticket",
                   Role::kiosk, false},
    // The board shows ticket numbers being called: a public screen, so never a name.
    PermissionRule{Permission::read_recent_calls, "read_recent_calls", Role::board, false},
};

constexpr bool rules_follow_enum_order() {
    for (size_t i = 0; i < kPermissionRules.size(); ++i) {
        if (static_cast<size_t>(kPermissionRules[i].permission) != i) return false;
    }
    return true;
}
static_assert(rules_follow_enum_order(), "kPermissionRules must list permissions in enum order");

constexpr std::array<Permission, kPermissionRules.size()> kAllPermissions = [] {
    std::array<Permission, kPermissionRules.size()> all{};
    for (size_t i = 0; i < all.size(); ++i)
        all[i] = kPermissionRules[i].permission;
    return all;
}();

const PermissionRule& rule_of(Permission permission) {
    return kPermissionRules[static_cast<size_t>(permission)];
}

AccessDecision refuse(RefusalReason reason, std::string message_vi, std::string message_en) {
    return AccessDecision::refuse(
        Refusal{reason, std::move(message_vi), std::move(message_en), std::nullopt, std::nullopt});
}

AccessDecision authorize_for(const Principal& principal, Permission permission,
                             const BoothId* booth) {
    if (principal.role == Role::organizer) return AccessDecision::allow();
    const PermissionRule& rule = rule_of(permission);
    const std::string code{rule.code};
    if (rule.granted_to != principal.role) {
        return refuse(RefusalReason::role_not_permitted,
                      "Vai trò " + std::string{role_name_vi(principal.role)} +
                          " không được phép làm việc này (" + code + ").",
                      "Not allowed for the " + std::string{role_name_en(principal.role)} +
                          " role (" + code + ").");
    }
    if (!rule.own_booth_only) return AccessDecision::allow();
    if (booth == nullptr) {
        return refuse(RefusalReason::booth_not_given,
                      "Thiếu mã gian hàng cho thao tác " + code + ".",
                      "No booth given for " + code + ".");
    }
    if (principal.booth != *booth) {
        const std::string own = principal.booth ? principal.booth->str() : "?";
        return refuse(
            RefusalReason::other_booth,
            "Bạn chỉ được thao tác cho gian hàng " + own + ", không phải " + booth->str() + ".",
            "You may act only for booth " + own + ", not " + booth->str() + ".");
    }
    return AccessDecision::allow();
}

}  // namespace

std::string_view role_code(Role role) {
    return kRoleCodes[static_cast<size_t>(role)];
}

std::optional<Role> parse_role(std::string_view text) {
    for (size_t i = 0; i < kRoleCodes.size(); ++i) {
        if (kRoleCodes[i] == text) return static_cast<Role>(i);
    }
    return std::nullopt;
}

bool is_device_role(Role role) {
    return role == Role::kiosk || role == Role::board || role == Role::booth_station ||
           role == Role::organizer_console;
}

std::string_view role_name_vi(Role role) {
    return kRoleNamesVi[static_cast<size_t>(role)];
}

std::string_view role_name_en(Role role) {
    return kRoleNamesEn[static_cast<size_t>(role)];
}

std::span<const Permission> all_permissions() {
    return kAllPermissions;
}

std::string_view permission_code(Permission permission) {
    return rule_of(permission).code;
}

std::optional<Permission> parse_permission(std::string_view text) {
    for (const PermissionRule& rule : kPermissionRules) {
        if (rule.code == text) return rule.permission;
    }
    return std::nullopt;
}

bool is_booth_scoped(Permission permission) {
    return rule_of(permission).own_booth_only;
}

AccessDecision authorize(const Principal& principal, Permission permission) {
    return authorize_for(principal, permission, nullptr);
}

AccessDecision authorize(const Principal& principal, Permission permission, const BoothId& booth) {
    return authorize_for(principal, permission, &booth);
}

std::string_view reason_code(RefusalReason reason) {
    constexpr std::array<std::string_view, 17> kCodes{"role_not_permitted",
                                                      "other_booth",
                                                      "booth_not_given",
                                                      "password_too_short",
                                                      "password_too_long",
                                                      "password_not_set",
                                                      "password_already_set",
                                                      "wrong_password",
                                                      "no_pin_for_booth",
                                                      "malformed_pin",
                                                      "wrong_pin",
                                                      "locked_out",
                                                      "unknown_enrolment_code",
                                                      "enrolment_code_expired",
                                                      "enrolment_code_used",
                                                      "not_a_booth_station",
                                                      "not_an_organizer_console"};
    return kCodes[static_cast<size_t>(reason)];
}

// --- Refusal messages --------------------------------------------------------------------------

namespace {

Refusal refusal(RefusalReason reason, std::string message_vi, std::string message_en) {
    return Refusal{reason, std::move(message_vi), std::move(message_en), std::nullopt,
                   std::nullopt};
}

// "1 phút 30 giây" / "1 minute 30 seconds".
std::string duration_vi(std::chrono::seconds duration) {
    const long long minutes = duration.count() / 60;
    const long long seconds = duration.count() % 60;
    std::string text;
    if (minutes > 0) text = std::to_string(minutes) + " phút";
    if (seconds > 0 || minutes == 0) {
        text += (text.empty() ? "" : " ") + std::to_string(seconds) + " giây";
    }
    return text;
}

std::string duration_en(std::chrono::seconds duration) {
    const auto counted = [](long long count, std::string_view unit) {
        return std::to_string(count) + " " + std::string{unit} + (count == 1 ? "" : "s");
    };
    const long long minutes = duration.count() / 60;
    const long long seconds = duration.count() % 60;
    std::string text;
    if (minutes > 0) text = counted(minutes, "minute");
    if (seconds > 0 || minutes == 0) text += (text.empty() ? "" : " ") + counted(seconds, "second");
    return text;
}

// What was guessed wrong, for the messages.
struct SecretKind {
    RefusalReason wrong_reason;
    std::string_view wrong_vi;   // "Sai mã PIN."
    std::string_view wrong_en;   // "Wrong PIN."
    std::string_view plural_en;  // "wrong PINs"
};

constexpr SecretKind kPassword{RefusalReason::wrong_password, "Sai mật khẩu.", "Wrong password.",
                               "wrong passwords"};
constexpr SecretKind kPin{RefusalReason::wrong_pin, "Sai mã PIN.", "Wrong PIN.", "wrong PINs"};
constexpr SecretKind kEnrolmentCode{RefusalReason::unknown_enrolment_code,
                                    "Mã đăng ký thiết bị không đúng.", "Unknown enrolment code.",
                                    "wrong enrolment codes"};

Refusal wrong_guess(const SecretKind& kind, int attempts_left) {
    Refusal result =
        refusal(kind.wrong_reason,
                std::string{kind.wrong_vi} + " Còn " + std::to_string(attempts_left) + " lần thử.",
                std::string{kind.wrong_en} + " " + std::to_string(attempts_left) +
                    (attempts_left == 1 ? " attempt" : " attempts") + " left.");
    result.attempts_left = attempts_left;
    return result;
}

// The guess that started a lockout.
Refusal locked_now(const SecretKind& kind, std::chrono::seconds lockout) {
    Refusal result = refusal(
        RefusalReason::locked_out,
        std::string{kind.wrong_vi} + " Tạm khóa " + duration_vi(lockout) + " do nhập sai nhiều lần",
        std::string{kind.wrong_en} + " Locked for " + duration_en(lockout) + " after repeated " +
            std::string{kind.plural_en});
    result.attempts_left = 0;
    result.retry_after = lockout;
    return result;
}

// A guess arriving during a lockout: not even looked at.
Refusal still_locked(const SecretKind& kind, std::chrono::seconds remaining) {
    Refusal result =
        refusal(RefusalReason::locked_out,
                "Tạm khóa do nhập sai nhiều lần. Thử lại sau " + duration_vi(remaining) + ".",
                "Locked after repeated " + std::string{kind.plural_en} + ". Try again in " +
                    duration_en(remaining) + ".");
    result.attempts_left = 0;
    result.retry_after = remaining;
    return result;
}

// --- Hashing and random secrets ----------------------------------------------------------------

// Argon2id. Throws only when the machine cannot give the memory the cost asks for.
std::string slow_hash(std::string_view secret, PasswordHashCost cost) {
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    if (crypto_pwhash_str(hash.data(), secret.empty() ? "" : secret.data(), secret.size(),
                          cost.opslimit, cost.memlimit) != 0) {
        throw std::runtime_error("hashing a password failed: not enough memory for Argon2id");
    }
    return std::string{hash.data()};
}

bool slow_hash_matches(const std::string& hash, std::string_view secret) {
    return crypto_pwhash_str_verify(hash.c_str(), secret.empty() ? "" : secret.data(),
                                    secret.size()) == 0;
}

std::string to_hex(std::span<const unsigned char> bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();  // the terminating NUL
    return hex;
}

// BLAKE2b-256, unkeyed, as hex. Enough for secrets with at least ~40 bits of entropy that live
// briefly (enrolment codes) or 256 bits (tokens): nothing to brute-force, unlike a PIN.
std::string fast_hash(std::string_view secret) {
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                       nullptr, 0);
    return to_hex(digest);
}

// Constant time for equal lengths, so comparing reveals nothing about where hashes differ.
bool same_hash(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string random_pin() {
    std::string pin = std::to_string(randombytes_uniform(1'000'000));
    return std::string(kBoothPinDigits - pin.size(), '0') + pin;
}

bool is_well_formed_pin(std::string_view pin) {
    return pin.size() == kBoothPinDigits &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// No 0/O, 1/I/L: nothing a person can misread off a screen.
constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

std::string random_enrolment_code() {
    std::string code;
    for (size_t i = 0; i < kEnrolmentCodeLength; ++i) {
        code += kCodeAlphabet[randombytes_uniform(static_cast<uint32_t>(kCodeAlphabet.size()))];
    }
    return code;
}

// Upper case, dashes and spaces dropped; nothing when it cannot be a code.
std::optional<std::string> normalise_enrolment_code(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == '-' || c == ' ') continue;
        const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (kCodeAlphabet.find(upper) == std::string_view::npos) return std::nullopt;
        code += upper;
    }
    if (code.size() != kEnrolmentCodeLength) return std::nullopt;
    return code;
}

std::string display_enrolment_code(const std::string& code) {
    return code.substr(0, 4) + "-" + code.substr(4);
}

size_t utf8_code_points(std::string_view text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
    }));
}

// --- Throttling --------------------------------------------------------------------------------
// Each secret is guessed against the place it is typed at: a booth station ("pin-at:t-3f..."),
// the server's machine or an organizer console ("password-at:server", "password-at:t-9a..."), a
// client address for enrolment codes ("enrol-from:10.0.0.7"). Never against the target (a booth):
// a budget shared with strangers is a budget strangers can spend, locking real staff out. After
// free_attempts wrong guesses in a row a key locks; every further wrong guess locks it again for
// twice as long, up to longest_lockout. A right guess clears the key.

std::string station_key(const std::string& station_token_id) {
    return "pin-at:" + station_token_id;
}

std::string password_key(const PasswordPlace& place) {
    return "password-at:" + (place.console ? place.console->token_id : std::string("server"));
}

std::chrono::seconds lockout_length(const ThrottlePolicy& policy, int earlier_lockouts) {
    std::chrono::seconds length = policy.first_lockout;
    for (int i = 0; i < earlier_lockouts && length < policy.longest_lockout; ++i)
        length *= 2;
    return std::min(length, policy.longest_lockout);
}

// A refusal when any key is still locked at `now`.
std::optional<Refusal> check_lockout(const AccessState& state, const SecretKind& kind,
                                     const std::vector<std::string>& keys, TimePoint now) {
    std::optional<TimePoint> locked_until;
    for (const ThrottleRecord& record : state.throttles) {
        if (std::find(keys.begin(), keys.end(), record.key) == keys.end()) continue;
        if (record.locked_until && *record.locked_until > now) {
            locked_until = std::max(locked_until.value_or(now), *record.locked_until);
        }
    }
    if (!locked_until) return std::nullopt;
    return still_locked(kind, std::chrono::ceil<std::chrono::seconds>(*locked_until - now));
}

ThrottleRecord& throttle_of(AccessState& state, const std::string& key) {
    auto found = std::find_if(state.throttles.begin(), state.throttles.end(),
                              [&](const ThrottleRecord& record) { return record.key == key; });
    if (found != state.throttles.end()) return *found;
    return state.throttles.emplace_back(ThrottleRecord{key, 0, 0, std::nullopt});
}

// Counts a wrong guess against every key; returns what to tell the guesser.
Refusal record_failure(AccessState& state, const ThrottlePolicy& policy, const SecretKind& kind,
                       const std::vector<std::string>& keys, TimePoint now) {
    int attempts_left = INT_MAX;
    std::optional<std::chrono::seconds> lockout;
    for (const std::string& key : keys) {
        ThrottleRecord& record = throttle_of(state, key);
        ++record.consecutive_failures;
        if (record.consecutive_failures >= policy.free_attempts) {
            const std::chrono::seconds length = lockout_length(policy, record.lockouts);
            ++record.lockouts;
            record.locked_until = now + length;
            lockout = std::max(lockout.value_or(length), length);
        }
        attempts_left = std::min(attempts_left, policy.free_attempts - record.consecutive_failures);
    }
    if (lockout) return locked_now(kind, *lockout);
    return wrong_guess(kind, attempts_left);
}

void forget_failures(AccessState& state, const std::vector<std::string>& keys) {
    std::erase_if(state.throttles, [&](const ThrottleRecord& record) {
        return std::find(keys.begin(), keys.end(), record.key) != keys.end();
    });
}

// --- Tokens ------------------------------------------------------------------------------------

bool has_token(const AccessState& state, const std::string& token_id) {
    return std::any_of(state.tokens.begin(), state.tokens.end(),
                       [&](const TokenRecord& record) { return record.token_id == token_id; });
}

IssuedToken issue_token(AccessState& state, Role role, std::optional<BoothId> booth,
                        std::string device_or_user, std::optional<std::chrono::seconds> lifetime,
                        TimePoint now, std::optional<std::string> opened_on = std::nullopt) {
    std::erase_if(state.tokens, [&](const TokenRecord& record) {
        return record.expires_at && *record.expires_at <= now;
    });

    std::array<unsigned char, 32> secret{};
    randombytes_buf(secret.data(), secret.size());
    std::string bearer(
        sodium_base64_ENCODED_LEN(secret.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(bearer.data(), bearer.size(), secret.data(), secret.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    bearer.resize(bearer.find('\0'));
    sodium_memzero(secret.data(), secret.size());

    std::array<unsigned char, 8> id_bytes{};
    randombytes_buf(id_bytes.data(), id_bytes.size());

    TokenRecord record{"t-" + to_hex(id_bytes),
                       fast_hash(bearer),
                       role,
                       std::move(booth),
                       std::move(device_or_user),
                       now,
                       lifetime ? std::optional<TimePoint>{now + *lifetime} : std::nullopt,
                       std::move(opened_on)};
    Principal principal{record.role, record.booth, record.device_or_user, record.token_id};
    std::optional<TimePoint> expires_at = record.expires_at;
    state.tokens.push_back(std::move(record));
    return IssuedToken{std::move(bearer), std::move(principal), expires_at};
}

}  // namespace

// --- AccessControl -----------------------------------------------------------------------------

PasswordHashCost PasswordHashCost::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHashCost PasswordHashCost::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

AccessControl::AccessControl(AccessSettings settings, Now now)
    : settings_(std::move(settings)),
      now_(now ? std::move(now) : Now{[] { return std::chrono::system_clock::now(); }}) {
    ensure_sodium();
}

bool AccessControl::has_organizer_password() const {
    std::lock_guard lock(state_mutex_);
    return state_.organizer_password_hash.has_value();
}

// Slow hashes run outside state_mutex_ (so authenticate() never waits ~0.1 s behind a login) but
// one at a time under hashing_mutex_ (so a burst of logins cannot take 64 MiB each at once). A
// guess is counted as wrong before its hash is checked, and undone when right: concurrent guesses
// cannot slip past the limit while their hashes run.

AccessDecision AccessControl::set_organizer_password(
    std::string_view new_password, std::optional<std::string_view> current_password,
    std::string_view session) {
    if (utf8_code_points(new_password) < kMinPasswordLength) {
        return AccessDecision::refuse(
            refusal(RefusalReason::password_too_short,
                    "Mật khẩu phải có ít nhất " + std::to_string(kMinPasswordLength) + " ký tự.",
                    "The password must be at least " + std::to_string(kMinPasswordLength) +
                        " characters long."));
    }
    if (new_password.size() > kMaxPasswordBytes) {
        return AccessDecision::refuse(refusal(
            RefusalReason::password_too_long,
            "Mật khẩu quá dài (tối đa " + std::to_string(kMaxPasswordBytes) + " byte).",
            "The password is too long (at most " + std::to_string(kMaxPasswordBytes) + " bytes)."));
    }
    const Refusal already_set =
        refusal(RefusalReason::password_already_set,
                "Mật khẩu ban tổ chức đã được đặt; hãy nhập mật khẩu hiện tại để đổi.",
                "The organizer password is already set; enter the current one to change it.");

    const std::vector<std::string> keys{"password-change:" + std::string{session}};
    std::optional<std::string> stored;
    std::optional<Refusal> if_wrong;
    {
        std::lock_guard lock(state_mutex_);
        stored = state_.organizer_password_hash;
        if (stored) {
            if (!current_password) return AccessDecision::refuse(already_set);
            const TimePoint now = now_();
            if (auto locked = check_lockout(state_, kPassword, keys, now)) {
                return AccessDecision::refuse(*locked);
            }
            if_wrong = record_failure(state_, settings_.throttle, kPassword, keys, now);
        }
    }

    std::string new_hash;
    {
        std::lock_guard hashing(hashing_mutex_);
        if (stored && !slow_hash_matches(*stored, *current_password)) {
            return AccessDecision::refuse(*if_wrong);
        }
        new_hash = slow_hash(new_password, settings_.password_cost);
    }

    std::lock_guard lock(state_mutex_);
    // Someone else set or changed it while we hashed: theirs stands.
    if (state_.organizer_password_hash != stored) return AccessDecision::refuse(already_set);
    if (stored) forget_failures(state_, keys);
    state_.organizer_password_hash = std::move(new_hash);
    std::erase_if(state_.tokens,
                  [](const TokenRecord& record) { return record.role == Role::organizer; });
    return AccessDecision::allow();
}

AccessResult<IssuedToken> AccessControl::organizer_login(std::string_view password,
                                                         const PasswordPlace& place) {
    if (place.console && place.console->role != Role::organizer_console) {
        return refusal(RefusalReason::not_an_organizer_console,
                       "Chỉ nhập mật khẩu ban tổ chức trên máy chủ hoặc máy đã đăng ký cho ban tổ "
                       "chức.",
                       "The organizer password is accepted only on the server's machine or an "
                       "enrolled organizer console.");
    }
    const std::vector<std::string> keys{password_key(place)};
    std::optional<std::string> stored;
    Refusal if_wrong;
    {
        std::lock_guard lock(state_mutex_);
        stored = state_.organizer_password_hash;
        if (!stored) {
            return refusal(RefusalReason::password_not_set, "Chưa đặt mật khẩu ban tổ chức.",
                           "No organizer password has been set yet.");
        }
        const TimePoint now = now_();
        if (auto locked = check_lockout(state_, kPassword, keys, now)) return *locked;
        if_wrong = record_failure(state_, settings_.throttle, kPassword, keys, now);
    }

    bool right = false;
    {
        std::lock_guard hashing(hashing_mutex_);
        right = password.size() <= kMaxPasswordBytes && slow_hash_matches(*stored, password);
    }

    std::lock_guard lock(state_mutex_);
    if (!right || state_.organizer_password_hash != stored) return if_wrong;
    forget_failures(state_, keys);
    std::optional<std::string> opened_on;
    if (place.console) {
        // The console was revoked while the hash ran: no session on it.
        if (!has_token(state_, place.console->token_id)) return if_wrong;
        opened_on = place.console->token_id;
    }
    return issue_token(state_, Role::organizer, std::nullopt, "organizer",
                       settings_.organizer_session_lifetime, now_(), std::move(opened_on));
}

// A 6-digit PIN has only 10^6 values, so its hash must be slow: with a fast hash (even keyed
// with a server secret, which would be saved next to it) anyone holding the saved state reads
// every PIN in a second. Argon2id at the interactive cost makes that ~a day of CPU per PIN on this
// kind of machine, longer than the fair day a PIN lives. Guessing online is bounded by throttling.
std::string AccessControl::issue_booth_pin(const BoothId& booth) {
    std::string pin = random_pin();
    std::string pin_hash;
    {
        std::lock_guard hashing(hashing_mutex_);
        pin_hash = slow_hash(pin, settings_.pin_cost);
    }

    std::lock_guard lock(state_mutex_);
    const TimePoint now = now_();
    auto found = std::find_if(state_.booth_pins.begin(), state_.booth_pins.end(),
                              [&](const BoothPinRecord& record) { return record.booth == booth; });
    if (found != state_.booth_pins.end()) {
        found->pin_hash = std::move(pin_hash);
        found->issued_at = now;
    } else {
        state_.booth_pins.push_back(BoothPinRecord{booth, std::move(pin_hash), now});
    }
    std::vector<std::string> stations;
    for (const TokenRecord& record : state_.tokens) {
        if (record.role == Role::booth_station && record.booth == booth)
            stations.push_back(station_key(record.token_id));
    }
    forget_failures(state_, stations);
    std::erase_if(state_.tokens, [&](const TokenRecord& record) {
        return record.role == Role::booth_staff && record.booth == booth;
    });
    return pin;
}

AccessResult<IssuedToken> AccessControl::booth_login(const Principal& station,
                                                     std::string_view pin) {
    if (station.role != Role::booth_station || !station.booth) {
        return refusal(RefusalReason::not_a_booth_station,
                       "Mã PIN chỉ dùng được trên máy đã đăng ký cho gian hàng; hãy hỏi ban tổ "
                       "chức.",
                       "A booth PIN works only on an enrolled booth station; ask an organizer.");
    }
    if (!is_well_formed_pin(pin)) {
        return refusal(RefusalReason::malformed_pin, "Mã PIN gồm đúng 6 chữ số.",
                       "A PIN is exactly 6 digits.");
    }
    const BoothId& booth = *station.booth;
    const std::vector<std::string> keys{station_key(station.token_id)};
    const auto pin_hash_of = [&](const AccessState& state) -> std::optional<std::string> {
        for (const BoothPinRecord& record : state.booth_pins) {
            if (record.booth == booth) return record.pin_hash;
        }
        return std::nullopt;
    };

    std::optional<std::string> stored;
    Refusal if_wrong;
    {
        std::lock_guard lock(state_mutex_);
        stored = pin_hash_of(state_);
        if (!stored) {
            return refusal(RefusalReason::no_pin_for_booth,
                           "Gian hàng " + booth.str() + " chưa có mã PIN; hãy hỏi ban tổ chức.",
                           "Booth " + booth.str() + " has no PIN yet; ask an organizer.");
        }
        const TimePoint now = now_();
        if (auto locked = check_lockout(state_, kPin, keys, now)) return *locked;
        if_wrong = record_failure(state_, settings_.throttle, kPin, keys, now);
    }

    bool right = false;
    {
        std::lock_guard hashing(hashing_mutex_);
        right = slow_hash_matches(*stored, pin);
    }

    std::lock_guard lock(state_mutex_);
    // A PIN re-issued or the station revoked while we hashed: no session.
    if (!right || pin_hash_of(state_) != stored || !has_token(state_, station.token_id))
        return if_wrong;
    forget_failures(state_, keys);
    return issue_token(state_, Role::booth_staff, booth, "booth-staff:" + booth.str(),
                       settings_.booth_session_lifetime, now_(), station.token_id);
}

EnrolmentCode AccessControl::create_enrolment_code(Role device_role, std::string device_name,
                                                   std::optional<BoothId> booth,
                                                   std::optional<std::chrono::seconds> valid_for) {
    if (!is_device_role(device_role)) {
        throw std::invalid_argument("enrolment codes are for devices, not " +
                                    std::string{role_code(device_role)});
    }
    if ((device_role == Role::booth_station) != booth.has_value()) {
        throw std::invalid_argument(
            "a booth station, and only a booth station, is enrolled for "
            "one booth");
    }
    std::lock_guard lock(state_mutex_);
    std::string code;
    std::string code_hash;
    do {  // a clash is about 1 in 10^12; never hand out a code that opens two devices
        code = random_enrolment_code();
        code_hash = fast_hash(code);
    } while (std::any_of(
        state_.enrolment_codes.begin(), state_.enrolment_codes.end(),
        [&](const EnrolmentCodeRecord& record) { return same_hash(record.code_hash, code_hash); }));
    const TimePoint expires_at = now_() + valid_for.value_or(settings_.enrolment_code_lifetime);
    state_.enrolment_codes.push_back(EnrolmentCodeRecord{std::move(code_hash), device_role,
                                                         device_name, expires_at, false, booth});
    return EnrolmentCode{display_enrolment_code(code), device_role, std::move(device_name),
                         expires_at, std::move(booth)};
}

AccessResult<IssuedToken> AccessControl::enrol_device(std::string_view code,
                                                      std::string_view client_address) {
    const std::optional<std::string> normalised = normalise_enrolment_code(code);
    if (!normalised) {
        // A typo, not a guess worth counting.
        return refusal(RefusalReason::unknown_enrolment_code,
                       "Mã đăng ký thiết bị gồm 8 chữ và số, ví dụ ABCD-EFGH.",
                       "An enrolment code has 8 letters and digits, e.g. ABCD-EFGH.");
    }
    const std::string code_hash = fast_hash(*normalised);
    const std::vector<std::string> keys{"enrol-from:" + std::string{client_address}};

    std::lock_guard lock(state_mutex_);
    const TimePoint now = now_();
    if (auto locked = check_lockout(state_, kEnrolmentCode, keys, now)) return *locked;
    EnrolmentCodeRecord* match = nullptr;
    for (EnrolmentCodeRecord& record : state_.enrolment_codes) {
        if (same_hash(record.code_hash, code_hash)) match = &record;
    }
    if (match == nullptr)
        return record_failure(state_, settings_.throttle, kEnrolmentCode, keys, now);
    // A real code, used or late: the person needs a new one, not a lockout.
    if (match->used) {
        return refusal(RefusalReason::enrolment_code_used,
                       "Mã đăng ký thiết bị này đã được dùng; hãy xin ban tổ chức mã mới.",
                       "This enrolment code was already used; ask an organizer for a new one.");
    }
    if (match->expires_at <= now) {
        return refusal(RefusalReason::enrolment_code_expired,
                       "Mã đăng ký thiết bị đã hết hạn; hãy xin ban tổ chức mã mới.",
                       "This enrolment code has expired; ask an organizer for a new one.");
    }
    match->used = true;
    forget_failures(state_, keys);
    // Devices keep their token for the whole fair; an organizer revokes a lost or stolen one.
    return issue_token(state_, match->role, match->booth, match->device_name, std::nullopt, now);
}

std::optional<Principal> AccessControl::authenticate(std::string_view bearer_token) {
    if (bearer_token.empty() || bearer_token.size() > 256) return std::nullopt;
    const std::string token_hash = fast_hash(bearer_token);
    const TimePoint now = now_();

    std::lock_guard lock(state_mutex_);
    // Compare with every record, never stopping early: timing tells nothing about which matched.
    std::optional<size_t> match;
    for (size_t i = 0; i < state_.tokens.size(); ++i) {
        if (same_hash(state_.tokens[i].token_hash, token_hash)) match = i;
    }
    if (!match) return std::nullopt;
    const TokenRecord& record = state_.tokens[*match];
    if (record.expires_at && *record.expires_at <= now) {
        state_.tokens.erase(state_.tokens.begin() + static_cast<std::ptrdiff_t>(*match));
        return std::nullopt;
    }
    return Principal{record.role, record.booth, record.device_or_user, record.token_id};
}

bool AccessControl::revoke_token(std::string_view token_id) {
    std::lock_guard lock(state_mutex_);
    const bool had = std::erase_if(state_.tokens, [&](const TokenRecord& record) {
                         return record.token_id == token_id;
                     }) > 0;
    if (!had) return false;
    std::erase_if(state_.tokens,
                  [&](const TokenRecord& record) { return record.opened_on == token_id; });
    const std::string id{token_id};
    forget_failures(state_,
                    {station_key(id), password_key(PasswordPlace::organizer_console(
                                          Principal{Role::organizer_console, {}, {}, id}))});
    return true;
}

AccessState AccessControl::snapshot() const {
    std::lock_guard lock(state_mutex_);
    return state_;
}

void AccessControl::restore(const AccessState& state) {
    std::lock_guard lock(state_mutex_);
    state_ = state;
}

}  // namespace jobfair
