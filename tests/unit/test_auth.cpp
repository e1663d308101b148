#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "common/auth.hpp"

using namespace jobfair;
using namespace std::chrono_literals;

namespace {

// Time moves only when a test says so.
struct FakeClock {
    TimePoint now = TimePoint{} + std::chrono::hours{24 * 365 * 55};
    AccessControl::Now reader() {
        return [this] { return now; };
    }
};

// Argon2id at libsodium's minimum cost: the sanitizer run stays fast.
AccessSettings fast_settings() {
    AccessSettings settings;
    settings.password_cost = PasswordHashCost::minimum();
    settings.pin_cost = PasswordHashCost::minimum();
    return settings;
}

const BoothId kB07{"B07"};
const BoothId kB08{"B08"};

// A valid PIN that is not `pin`.
std::string other_pin(const std::string& pin) {
    std::string wrong = pin;
    wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
    return wrong;
}

Principal principal_of(Role role, std::optional<BoothId> booth = std::nullopt) {
    return Principal{role, std::move(booth), "test", "t-test"};
}

// An enrolled booth station of `booth`, or an organizer console: where PINs and the password
// are typed.
Principal enrol(AccessControl& access, Role role, std::optional<BoothId> booth = std::nullopt) {
    const EnrolmentCode code =
        access.create_enrolment_code(role, "Máy " + std::string(role_code(role)), booth);
    const auto device = access.enrol_device(code.code, "10.0.0.30");
    REQUIRE(device);
    return device->principal;
}

const PasswordPlace kServer = PasswordPlace::server_machine();

}  // namespace

TEST_CASE("Role and permission codes round-trip") {
    for (Role role : {Role::organizer, Role::booth_staff, Role::kiosk, Role::board}) {
        CHECK(parse_role(role_code(role)) == role);
        CHECK_FALSE(role_name_vi(role).empty());
        CHECK_FALSE(role_name_en(role).empty());
    }
    CHECK_FALSE(parse_role("admin"));
    std::set<std::string_view> codes;
    for (Permission permission : all_permissions()) {
        CHECK(parse_permission(permission_code(permission)) == permission);
        codes.insert(permission_code(permission));
    }
    CHECK(codes.size() == all_permissions().size());
    CHECK_FALSE(parse_permission("do_anything"));
    CHECK(reason_code(RefusalReason::wrong_pin) == "wrong_pin");
    CHECK(reason_code(RefusalReason::enrolment_code_used) == "enrolment_code_used");
}

TEST_CASE("Who may do what: the whole role x permission table") {
    using P = Permission;
    const std::set<P> booth_staff_own_booth{P::read_booth_queue, P::read_student_personal_data,
                                            P::call_next,        P::recall,
                                            P::skip_student,     P::start_interview,
                                            P::finish_interview, P::mark_no_show,
                                            P::take_walk_in};
    const std::set<P> kiosk{P::check_in_by_ticket, P::register_walk_in, P::read_enterprise_list,
                            P::read_student_status_by_ticket};
    const std::set<P> board{P::read_recent_calls};

    const Principal organizer = principal_of(Role::organizer);
    const Principal staff_b07 = principal_of(Role::booth_staff, kB07);
    const Principal a_kiosk = principal_of(Role::kiosk);
    const Principal a_board = principal_of(Role::board);

    for (Permission permission : all_permissions()) {
        CAPTURE(permission_code(permission));
        CHECK(authorize(organizer, permission));
        CHECK(authorize(organizer, permission, kB08));

        CHECK(is_booth_scoped(permission) == booth_staff_own_booth.contains(permission));
        if (booth_staff_own_booth.contains(permission)) {
            CHECK(authorize(staff_b07, permission, kB07));
            const AccessDecision other = authorize(staff_b07, permission, kB08);
            REQUIRE_FALSE(other);
            CHECK(other.refusal().reason == RefusalReason::other_booth);
            CHECK(authorize(staff_b07, permission).refusal().reason ==
                  RefusalReason::booth_not_given);
        } else {
            CHECK(authorize(staff_b07, permission, kB07).refusal().reason ==
                  RefusalReason::role_not_permitted);
        }

        CHECK(authorize(a_kiosk, permission, kB07).allowed() == kiosk.contains(permission));
        CHECK(authorize(a_board, permission, kB07).allowed() == board.contains(permission));
    }
}

TEST_CASE("Refusals name the role and booth in both languages") {
    const Principal staff_b07 = principal_of(Role::booth_staff, kB07);
    const AccessDecision other_booth = authorize(staff_b07, Permission::call_next, kB08);
    REQUIRE_FALSE(other_booth);
    CHECK(other_booth.refusal().message_vi ==
          "Bạn chỉ được thao tác cho gian hàng B07, không phải B08.");
    CHECK(other_booth.refusal().message_en == "You may act only for booth B07, not B08.");

    // The board is a public screen: no personal data of any kind.
    const Principal a_board = principal_of(Role::board);
    for (Permission personal :
         {Permission::read_student_personal_data, Permission::read_all_students_personal_data}) {
        const AccessDecision decision = authorize(a_board, personal, kB07);
        REQUIRE_FALSE(decision);
        CHECK(decision.refusal().reason == RefusalReason::role_not_permitted);
        CHECK(decision.refusal().message_en.find("board") != std::string::npos);
        CHECK(decision.refusal().message_vi.find("Bảng gọi số") != std::string::npos);
    }
    // Kiosks check students in; they do not run booths or see students' details.
    const Principal a_kiosk = principal_of(Role::kiosk);
    for (Permission booth_action :
         {Permission::call_next, Permission::finish_interview, Permission::mark_no_show,
          Permission::read_booth_queue, Permission::read_student_personal_data}) {
        CHECK(authorize(a_kiosk, booth_action, kB07).refusal().reason ==
              RefusalReason::role_not_permitted);
    }
    // Booth staff see their own queue's students, never the whole list.
    CHECK_FALSE(authorize(staff_b07, Permission::read_all_students_personal_data));
    CHECK_FALSE(authorize(staff_b07, Permission::manage_access));
}

TEST_CASE("Organizer password: length, first set, change, wrong password") {
    FakeClock clock;
    AccessControl access{fast_settings(), clock.reader()};
    CHECK_FALSE(access.has_organizer_password());

    const auto not_set = access.organizer_login("whatever-password", kServer);
    REQUIRE_FALSE(not_set);
    CHECK(not_set.refusal().reason == RefusalReason::password_not_set);

    const AccessDecision too_short = access.set_organizer_password("1234567", {}, "console");
    REQUIRE_FALSE(too_short);
    CHECK(too_short.refusal().reason == RefusalReason::password_too_short);
    CHECK(too_short.refusal().message_vi == "Mật khẩu phải có ít nhất 8 ký tự.");
    CHECK(too_short.refusal().message_en == "The password must be at least 8 characters long.");
    // Characters, not bytes: 7 Vietnamese letters take 9 bytes and are still too short.
    CHECK(access.set_organizer_password("mậtkhẩu", {}, "console").refusal().reason ==
          RefusalReason::password_too_short);
    CHECK(access.set_organizer_password(std::string(kMaxPasswordBytes + 1, 'x'), {}, "console")
              .refusal()
              .reason == RefusalReason::password_too_long);
    CHECK_FALSE(access.has_organizer_password());

    REQUIRE(access.set_organizer_password("Hội chợ 2025", {}, "console"));
    CHECK(access.has_organizer_password());

    const auto wrong = access.organizer_login("Hoi cho 2025", kServer);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.refusal().reason == RefusalReason::wrong_password);
    CHECK(wrong.refusal().attempts_left == 4);
    CHECK(wrong.refusal().message_vi == "Sai mật khẩu. Còn 4 lần thử.");
    CHECK(wrong.refusal().message_en == "Wrong password. 4 attempts left.");

    const auto session = access.organizer_login("Hội chợ 2025", kServer);
    REQUIRE(session);
    CHECK(session->principal.role == Role::organizer);
    CHECK_FALSE(session->principal.booth);
    CHECK(access.authenticate(session->bearer_token) == session->principal);

    // Setting it again needs the current password.
    CHECK(access.set_organizer_password("a new password", {}, "10.0.0.2").refusal().reason ==
          RefusalReason::password_already_set);
    CHECK(access.set_organizer_password("a new password", "not the current one", "10.0.0.2")
              .refusal()
              .reason == RefusalReason::wrong_password);
    REQUIRE(access.set_organizer_password("a new password", "Hội chợ 2025", "10.0.0.2"));

    // The change ends organizer sessions; only the new password logs in.
    CHECK_FALSE(access.authenticate(session->bearer_token));
    CHECK_FALSE(access.organizer_login("Hội chợ 2025", kServer));
    CHECK(access.organizer_login("a new password", kServer));
}

TEST_CASE("Organizer password guesses lock only the place they are typed at") {
    FakeClock clock;
    AccessControl access{fast_settings(), clock.reader()};
    REQUIRE(access.set_organizer_password("correct horse", {}, "console"));
    const PasswordPlace console =
        PasswordPlace::organizer_console(enrol(access, Role::organizer_console));
    for (int i = 0; i < 4; ++i) {
        CHECK(access.organizer_login("wrong guess", kServer).refusal().reason ==
              RefusalReason::wrong_password);
    }
    const auto fifth = access.organizer_login("wrong guess", kServer);
    CHECK(fifth.refusal().reason == RefusalReason::locked_out);
    CHECK(fifth.refusal().message_en ==
          "Wrong password. Locked for 30 seconds after repeated "
          "wrong passwords");
    // Even the right password waits out the lockout there; the console is unaffected.
    CHECK(access.organizer_login("correct horse", kServer).refusal().reason ==
          RefusalReason::locked_out);
    const auto on_console = access.organizer_login("correct horse", console);
    REQUIRE(on_console);
    // Any other device is no place for the password, and gets no guess.
    const PasswordPlace kiosk = PasswordPlace::organizer_console(enrol(access, Role::kiosk));
    CHECK(access.organizer_login("correct horse", kiosk).refusal().reason ==
          RefusalReason::not_an_organizer_console);
    // Revoking the console ends the session opened on it.
    REQUIRE(access.revoke_token(console.console->token_id));
    CHECK_FALSE(access.authenticate(on_console->bearer_token));
    CHECK(access.organizer_login("correct horse", console).refusal().reason ==
          RefusalReason::wrong_password);
}

TEST_CASE("Booth PINs: six random digits, malformed and unknown booths not counted") {
    FakeClock clock;
    AccessControl access{fast_settings(), clock.reader()};
    const std::string pin = access.issue_booth_pin(kB07);
    const Principal at_b07 = enrol(access, Role::booth_station, kB07);
    const Principal at_b08 = enrol(access, Role::booth_station, kB08);
    CHECK(pin.size() == 6);
    CHECK(std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }));

    const auto no_pin = access.booth_login(at_b08, pin);
    REQUIRE_FALSE(no_pin);
    CHECK(no_pin.refusal().reason == RefusalReason::no_pin_for_booth);
    CHECK(no_pin.refusal().message_en == "Booth B08 has no PIN yet; ask an organizer.");

    for (std::string_view typo : {"", "12345", "1234567", "12a456", " 123456"}) {
        CHECK(access.booth_login(at_b07, typo).refusal().reason == RefusalReason::malformed_pin);
    }
    CHECK(access.snapshot().throttles.empty());

    const auto session = access.booth_login(at_b07, pin);
    REQUIRE(session);
    CHECK(session->principal.role == Role::booth_staff);
    CHECK(session->principal.booth == kB07);
    const auto principal = access.authenticate(session->bearer_token);
    REQUIRE(principal);
    CHECK(authorize(*principal, Permission::call_next, kB07));
    CHECK_FALSE(authorize(*principal, Permission::call_next, kB08));
}

TEST_CASE("Wrong PINs: 5 free, then 30 s, doubling up to 15 minutes — success resets") {
    FakeClock clock;
    AccessControl access{fast_settings(), clock.reader()};
    const std::string pin = access.issue_booth_pin(kB07);
    const std::string wrong = other_pin(pin);
    const Principal at_b07 = enrol(access, Role::booth_station, kB07);

    for (int left = 4; left >= 1; --left) {
        const auto attempt = access.booth_login(at_b07, wrong);
        REQUIRE_FALSE(attempt);
        CHECK(attempt.refusal().reason == RefusalReason::wrong_pin);
        CHECK(attempt.refusal().attempts_left == left);
        if (left == 2) {
            CHECK(attempt.refusal().message_vi == "Sai mã PIN. Còn 2 lần thử.");
            CHECK(attempt.refusal().message_en == "Wrong PIN. 2 attempts left.");
        }
        if (left == 1) CHECK(attempt.refusal().message_en == "Wrong PIN. 1 attempt left.");
    }
    const auto fifth = access.booth_login(at_b07, wrong);
    REQUIRE_FALSE(fifth);
    CHECK(fifth.refusal().reason == RefusalReason::locked_out);
    CHECK(fifth.refusal().retry_after == 30s);
    CHECK(fifth.refusal().message_vi == "Sai mã PIN. Tạm khóa 30 giây do nhập sai nhiều lần");
    CHECK(fifth.refusal().message_en ==
          "Wrong PIN. Locked for 30 seconds after repeated wrong PINs");

    // During the lockout even the right PIN is refused, and not looked at.
    clock.now += 29s;
    const auto during = access.booth_login(at_b07, pin);
    REQUIRE_FALSE(during);
    CHECK(during.refusal().reason == RefusalReason::locked_out);
    CHECK(during.refusal().retry_after == 1s);
    CHECK(during.refusal().message_vi == "Tạm khóa do nhập sai nhiều lần. Thử lại sau 1 giây.");
    CHECK(during.refusal().message_en ==
          "Locked after repeated wrong PINs. Try again in 1 second.");

    // After each lockout one more wrong PIN locks again, twice as long, up to 15 minutes.
    clock.now += 1s;
    for (std::chrono::seconds expected : {60s, 120s, 240s, 480s, 900s, 900s}) {
        const auto again = access.booth_login(at_b07, wrong);
        REQUIRE_FALSE(again);
        CHECK(again.refusal().reason == RefusalReason::locked_out);
        CHECK(again.refusal().retry_after == expected);
        clock.now += expected - 1s;
        CHECK(access.booth_login(at_b07, pin).refusal().reason == RefusalReason::locked_out);
        clock.now += 1s;
    }
    const auto locked_long = access.booth_login(at_b07, wrong);
    CHECK(locked_long.refusal().message_vi == "Sai mã PIN. Tạm khóa 15 phút do nhập sai nhiều lần");
    clock.now += 90s;
    CHECK(access.booth_login(at_b07, pin).refusal().message_en ==
          "Locked after repeated wrong PINs. Try again in 13 minutes 30 seconds.");
    clock.now += 15min;

    // Success clears the count: the next wrong PIN has 4 attempts left again.
    REQUIRE(access.booth_login(at_b07, pin));
    CHECK(access.booth_login(at_b07, wrong).refusal().attempts_left == 4);
}

TEST_CASE("Wrong PINs are counted per station and only an enrolled station may try") {
    FakeClock clock;
    AccessControl access{fast_settings(), clock.reader()};
    const std::string pin = access.issue_booth_pin(kB07);
    const Principal tablet = enrol(access, Role::booth_station, kB07);
    const Principal spare = enrol(access, Role::booth_station, kB07);

    // Nothing but a booth station gets a guess: no hash, no count, nothing locked.
    for (Role role : {Role::kiosk, Role::board, Role::organizer_console}) {
        const Principal device = enrol(access, role);
        for (int i = 0; i < 10; ++i) {
            CHECK(access.booth_login(device, other_pin(pin)).refusal().reason ==
                  RefusalReason::not_a_booth_station);
        }
    }
    CHECK(access.booth_login(principal_of(Role::booth_staff, kB07), pin).refusal().reason ==
          RefusalReason::not_a_booth_station);
    CHECK(access.snapshot().throttles.empty());

    // One station guessing locks itself, not the booth: the spare still opens it.
    for (int i = 0; i < 5; ++i)
        access.booth_login(tablet, other_pin(pin));
    CHECK(access.booth_login(tablet, pin).refusal().reason == RefusalReason::locked_out);
    CHECK(access.booth_login(spare, pin));
    // Re-issuing the PIN lifts the booth's stations' lockouts; revoking a station ends the
    // sessions opened on it and its count.
    const std::string new_pin = access.issue_booth_pin(kB07);
    const auto session = access.booth_login(tablet, new_pin);
    REQUIRE(session);
    REQUIRE(access.revoke_token(tablet.token_id));
    CHECK_FALSE(access.authenticate(session->bearer_token));
    CHECK(access.booth_login(tablet, new_pin).refusal().reason == RefusalReason::wrong_pin);
}

TEST_CASE("Re-issuing a booth PIN retires the old PIN and the booth's sessions") {
    FakeClock clock;
    AccessControl access{fast_settings(), clock.reader()};
    const std::string old_pin = access.issue_booth_pin(kB07);
    const std::string b08_pin = access.issue_booth_pin(kB08);
    const Principal at_b07 = enrol(access, Role::booth_station, kB07);
    const Principal at_b08 = enrol(access, Role::booth_station, kB08);
    const auto b07_session = access.booth_login(at_b07, old_pin);
    const auto b08_session = access.booth_login(at_b08, b08_pin);
    REQUIRE(b07_session);
    REQUIRE(b08_session);

    std::string new_pin = access.issue_booth_pin(kB07);
    while (new_pin == old_pin)
        new_pin = access.issue_booth_pin(kB07);  // 1 in 10^6

    CHECK_FALSE(access.authenticate(b07_session->bearer_token));
    CHECK(access.authenticate(b08_session->bearer_token));
    CHECK(access.booth_login(at_b07, old_pin).refusal().reason == RefusalReason::wrong_pin);
    CHECK(access.booth_login(at_b07, new_pin));
}

TEST_CASE("Concurrent wrong PINs cannot get past the free attempts") {
    FakeClock clock;
    AccessControl access{fast_settings(), clock.reader()};
    const std::string wrong = other_pin(access.issue_booth_pin(kB07));
    const Principal at_b07 = enrol(access, Role::booth_station, kB07);
    std::atomic<int> looked_at{0};
    std::vector<std::thread> guessers;
    for (int i = 0; i < 8; ++i) {
        guessers.emplace_back([&] {
            const auto attempt = access.booth_login(at_b07, wrong);
            // Refused before the hash ran: "Locked ... Try again in ...".
            if (attempt.refusal().message_en.starts_with("Wrong PIN.")) ++looked_at;
        });
    }
    for (std::thread& guesser : guessers)
        guesser.join();
    CHECK(looked_at.load() == 5);
}

TEST_CASE("Enrolment codes: typable, single use, expire") {
    FakeClock clock;
    AccessControl access{fast_settings(), clock.reader()};
    const EnrolmentCode code =
        access.create_enrolment_code(Role::kiosk, "Kiosk 3", std::nullopt, 10min);
    CHECK(code.code.size() == 9);
    CHECK(code.code[4] == '-');
    CHECK(code.code.find_first_of("01OIL") == std::string::npos);
    CHECK(code.expires_at == clock.now + 10min);

    // Typed in lower case without the dash still works.
    std::string typed = code.code.substr(0, 4) + code.code.substr(5);
    std::transform(typed.begin(), typed.end(), typed.begin(),
                   [](char c) { return static_cast<char>(std::tolower(c)); });
    const auto device = access.enrol_device(typed, "10.0.0.31");
    REQUIRE(device);
    CHECK(device->principal.role == Role::kiosk);
    CHECK(device->principal.device_or_user == "Kiosk 3");
    CHECK_FALSE(device->expires_at);
    CHECK(access.authenticate(device->bearer_token) == device->principal);

    const auto twice = access.enrol_device(code.code, "10.0.0.32");
    REQUIRE_FALSE(twice);
    CHECK(twice.refusal().reason == RefusalReason::enrolment_code_used);

    const EnrolmentCode board_code = access.create_enrolment_code(Role::board, "Board hall A");
    clock.now += AccessSettings{}.enrolment_code_lifetime;
    const auto late = access.enrol_device(board_code.code, "10.0.0.40");
    REQUIRE_FALSE(late);
    CHECK(late.refusal().reason == RefusalReason::enrolment_code_expired);
    CHECK(late.refusal().message_en ==
          "This enrolment code has expired; ask an organizer for a new one.");

    const auto malformed = access.enrol_device("ABC", "10.0.0.50");
    CHECK(malformed.refusal().reason == RefusalReason::unknown_enrolment_code);
    CHECK(access.snapshot().throttles.empty());
    const auto unknown = access.enrol_device("ZZZZ-ZZZZ", "10.0.0.50");
    CHECK(unknown.refusal().reason == RefusalReason::unknown_enrolment_code);
    CHECK(unknown.refusal().attempts_left == 4);
    CHECK(unknown.refusal().message_en == "Unknown enrolment code. 4 attempts left.");

    CHECK_THROWS_AS(access.create_enrolment_code(Role::booth_staff, "x"), std::invalid_argument);
    CHECK_THROWS_AS(access.create_enrolment_code(Role::organizer, "x"), std::invalid_argument);
    // A booth station belongs to one booth; nothing else does.
    CHECK_THROWS_AS(access.create_enrolment_code(Role::booth_station, "x"), std::invalid_argument);
    CHECK_THROWS_AS(access.create_enrolment_code(Role::kiosk, "x", kB07), std::invalid_argument);
    const auto station = access.enrol_device(
        access.create_enrolment_code(Role::booth_station, "Máy B07", kB07).code, "10.0.0.60");
    REQUIRE(station);
    CHECK(station->principal.role == Role::booth_station);
    CHECK(station->principal.booth == kB07);
}

TEST_CASE("Tokens: authenticate, revoke, expire") {
    FakeClock clock;
    AccessSettings settings = fast_settings();
    settings.organizer_session_lifetime = 2h;
    AccessControl access{settings, clock.reader()};
    REQUIRE(access.set_organizer_password("organizer password", {}, "console"));

    CHECK_FALSE(access.authenticate(""));
    CHECK_FALSE(access.authenticate("not-a-token"));
    CHECK_FALSE(access.authenticate(std::string(10'000, 'a')));

    const auto session = access.organizer_login("organizer password", kServer);
    REQUIRE(session);
    CHECK(session->bearer_token.size() == 43);  // base64url of 32 bytes, no padding
    CHECK(session->expires_at == clock.now + 2h);
    const auto device = access.enrol_device(
        access.create_enrolment_code(Role::board, "Board hall A").code, "10.0.0.40");
    REQUIRE(device);
    CHECK(device->bearer_token != session->bearer_token);

    clock.now += 2h - 1s;
    CHECK(access.authenticate(session->bearer_token));
    clock.now += 1s;
    CHECK_FALSE(access.authenticate(session->bearer_token));

    // Devices stay enrolled until an organizer revokes them.
    clock.now += 24h;
    const auto board = access.authenticate(device->bearer_token);
    REQUIRE(board);
    CHECK(board->role == Role::board);
    CHECK(access.revoke_token(board->token_id));
    CHECK_FALSE(access.authenticate(device->bearer_token));
    CHECK_FALSE(access.revoke_token(board->token_id));
}

TEST_CASE("Snapshot and restore keep logins, tokens, used codes and lockouts") {
    FakeClock clock;
    AccessState saved;
    std::string pin;
    std::string device_token;
    std::string used_code;
    Principal at_b07, at_b08;
    {
        AccessControl access{fast_settings(), clock.reader()};
        REQUIRE(access.set_organizer_password("organizer password", {}, "console"));
        pin = access.issue_booth_pin(kB07);
        access.issue_booth_pin(kB08);
        at_b07 = enrol(access, Role::booth_station, kB07);
        at_b08 = enrol(access, Role::booth_station, kB08);
        used_code = access.create_enrolment_code(Role::kiosk, "Kiosk 1").code;
        const auto device = access.enrol_device(used_code, "10.0.0.31");
        REQUIRE(device);
        device_token = device->bearer_token;
        for (int i = 0; i < 5; ++i)
            access.booth_login(at_b08, "000000");
        saved = access.snapshot();
    }
    CHECK(saved.organizer_password_hash);
    CHECK(saved.booth_pins.size() == 2);
    CHECK(saved.enrolment_codes.size() == 3);
    CHECK(saved.tokens.size() == 3);

    AccessControl restarted{fast_settings(), clock.reader()};
    restarted.restore(saved);
    CHECK(restarted.snapshot() == saved);
    CHECK(restarted.has_organizer_password());
    CHECK(restarted.organizer_login("organizer password", kServer));
    CHECK(restarted.booth_login(at_b07, pin));
    const auto kiosk = restarted.authenticate(device_token);
    REQUIRE(kiosk);
    CHECK(kiosk->device_or_user == "Kiosk 1");
    CHECK(restarted.enrol_device(used_code, "10.0.0.32").refusal().reason ==
          RefusalReason::enrolment_code_used);
    // A restart is no way around a lockout (unless 000000 happened to be the PIN: then B08 was
    // not locked and this check is skipped).
    if (!restarted.booth_login(at_b08, "000000")) {
        CHECK(restarted.booth_login(at_b08, "000000").refusal().reason ==
              RefusalReason::locked_out);
    }
}

TEST_CASE("The saved state holds no password, PIN, enrolment code or token") {
    FakeClock clock;
    AccessControl access{fast_settings(), clock.reader()};
    const std::string password = "mật khẩu ban tổ chức";
    REQUIRE(access.set_organizer_password(password, {}, "console"));
    std::vector<std::string> secrets{password};
    for (const BoothId& booth : {kB07, kB08}) {
        secrets.push_back(access.issue_booth_pin(booth));
        const auto staff =
            access.booth_login(enrol(access, Role::booth_station, booth), secrets.back());
        REQUIRE(staff);
        secrets.push_back(staff->bearer_token);
    }
    const auto organizer = access.organizer_login(password, kServer);
    REQUIRE(organizer);
    secrets.push_back(organizer->bearer_token);
    const EnrolmentCode used = access.create_enrolment_code(Role::kiosk, "Kiosk 1");
    const EnrolmentCode unused = access.create_enrolment_code(Role::board, "Board");
    const auto device = access.enrol_device(used.code, "10.0.0.31");
    REQUIRE(device);
    secrets.push_back(device->bearer_token);
    for (const EnrolmentCode& code : {used, unused}) {
        secrets.push_back(code.code);
        secrets.push_back(code.code.substr(0, 4) + code.code.substr(5));
    }

    const AccessState state = access.snapshot();
    std::string everything = state.organizer_password_hash.value_or("");
    for (const BoothPinRecord& record : state.booth_pins) {
        CHECK(record.pin_hash.starts_with("$argon2id$"));
        everything += "|" + record.booth.str() + "|" + record.pin_hash;
    }
    for (const EnrolmentCodeRecord& record : state.enrolment_codes) {
        everything += "|" + record.code_hash + "|" + record.device_name;
    }
    for (const TokenRecord& record : state.tokens) {
        everything += "|" + record.token_id + "|" + record.token_hash + "|" + record.device_or_user;
    }
    CHECK(state.organizer_password_hash->starts_with("$argon2id$"));
    CHECK(state.tokens.size() == 6);  // with the two booth stations
    for (const std::string& secret : secrets) {
        CAPTURE(secret);
        CHECK(everything.find(secret) == std::string::npos);
    }
}
