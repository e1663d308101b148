#include <doctest/doctest.h>

#include <chrono>
#include <deque>
#include <string>
#include <vector>

#include "common/ticket.hpp"
#include "kiosk/checkin/model/outbox.hpp"
#include "kiosk/checkin/model/session.hpp"

using namespace jobfair::checkin;
using namespace std::chrono_literals;
using jobfair::Level;
using jobfair::protocol::CheckInAnswer;
using jobfair::protocol::EnterpriseCard;
using jobfair::protocol::ErrorAnswer;

namespace {

using Answer = BackendResult<CheckInAnswer>;

// A kiosk driven by a hand-moved clock: no sleeping.
struct Kiosk {
    explicit Kiosk(KioskConfig config = {}) : state(make_kiosk(config, now)) {}

    std::vector<Effect> send(const Intent& intent) { return update(state, intent, now); }
    void wait(std::chrono::milliseconds time) { now += time; }
    std::vector<Effect> type(std::string_view utf8, std::chrono::milliseconds gap = 150ms) {
        std::vector<Effect> effects;
        for (char32_t c : std::u32string(utf8.begin(), utf8.end())) {  // ASCII keys only
            wait(gap);
            for (auto& e : send(intent::Key{c}))
                effects.push_back(std::move(e));
        }
        return effects;
    }
    std::vector<Effect> scan(const std::string& payload) {
        type(payload, 3ms);
        wait(3ms);
        return send(intent::Enter{});
    }
    Screen screen() const { return current_screen(state); }

    TimePoint now = TimePoint{} + 10h;
    KioskState state;
};

std::string a_ticket() {
    std::vector<std::uint8_t> bytes(jobfair::TicketKey::kSize, 7);
    return jobfair::issue_ticket(jobfair::TicketKey::from_bytes(bytes), 427);
}

EnterpriseCard card(std::string booth, std::string name, std::vector<std::string> trades,
                    std::optional<std::string> min_level = {}) {
    EnterpriseCard result;
    result.booth = std::move(booth);
    result.enterprise = std::move(name);
    result.occupations = std::move(trades);
    result.min_level = std::move(min_level);
    result.open = "08:00";
    result.close = "12:00";
    return result;
}

std::vector<EnterpriseCard> the_fair() {
    return {card("B01", "Công ty TNHH Nguyễn Phát", {"industrial-electronics"}),
            card("B02", "Tập đoàn Than Hòn Gai", {}),
            card("B03", "Đóng tàu Hạ Long", {"welding"}),
            card("B04", "Điện lực Quảng Ninh", {"industrial-electronics"}, "university"),
            card("B05", "Cơ khí Đông Triều", {}, "college"),
            card("B06", "Nhiệt điện Uông Bí", {}),
            card("B07", "Xi măng Cẩm Phả", {}),
            card("B08", "May Nguyên Lan", {})};
}

CheckInAnswer an_answer() {
    CheckInAnswer answer;
    answer.ticket = a_ticket();
    answer.ticket_label = "A-0427";
    answer.given_name = "Lan";
    answer.phone_masked = "09•••••678";
    return answer;
}

template <class T>
const T* find_effect(const std::vector<Effect>& effects) {
    for (const auto& e : effects)
        if (const T* found = std::get_if<T>(&e)) return found;
    return nullptr;
}

// A copy of the first effect of type T, for effects returned by a temporary.
template <class T>
std::optional<T> take_effect(const std::vector<Effect>& effects) {
    const T* found = find_effect<T>(effects);
    return found ? std::optional<T>(*found) : std::nullopt;
}

// Fills the form of a college student of industrial electronics, every consent but job news.
void fill_form(Kiosk& kiosk) {
    kiosk.send(intent::StartRegistration{});
    kiosk.send(
        intent::EnterprisesAnswered{BackendResult<std::vector<EnterpriseCard>>::ok(the_fair())});
    kiosk.send(intent::Focus{Field::full_name});
    kiosk.type("Nguyeenx  Thij Lan");
    kiosk.send(intent::Focus{Field::phone});
    kiosk.type("+84 912 345 678");
    kiosk.send(intent::Focus{Field::school});
    kiosk.type("Cao ddawngr Vieetj Hanf");
    kiosk.send(intent::ChooseTrade{"industrial-electronics"});
    kiosk.send(intent::ChooseLevel{Level::college});
    kiosk.send(intent::SetConsent{"interview", true});
    kiosk.send(intent::SetConsent{"follow_up", true});
    kiosk.send(intent::SetConsent{"school_report", true});
}

// From Welcome to Confirm with booths B02 and B01 chosen, in that order.
void register_up_to_confirm(Kiosk& kiosk) {
    fill_form(kiosk);
    kiosk.send(intent::Next{});
    REQUIRE(kiosk.screen() == Screen::choose_enterprises);
    kiosk.send(intent::ToggleEnterprise{"B02"});
    kiosk.send(intent::ToggleEnterprise{"B01"});
    kiosk.send(intent::Next{});
    REQUIRE(kiosk.screen() == Screen::confirm);
}

}  // namespace

TEST_CASE("kiosk session: a scanned ticket on Welcome checks in and shows the schedule") {
    Kiosk kiosk(KioskConfig{Language::vi, {}, true});
    CHECK(kiosk.screen() == Screen::welcome);
    const auto effects = kiosk.scan(a_ticket());
    CHECK(kiosk.screen() == Screen::checking_in);
    const auto* submit = find_effect<effect::SubmitCheckIn>(effects);
    REQUIRE(submit);
    CHECK(submit->request.ticket == a_ticket());
    CHECK(is_idempotency_key(submit->idempotency_key));

    const auto shown =
        kiosk.send(intent::CheckInAnswered{submit->idempotency_key, Answer::ok(an_answer())});
    CHECK(kiosk.screen() == Screen::result);
    REQUIRE(kiosk.state.student->answer);
    CHECK(kiosk.state.student->answer->ticket_label == "A-0427");
    CHECK_FALSE(kiosk.state.student->provisional);
    const auto* print = find_effect<effect::PrintSlip>(shown);
    REQUIRE(print);
    CHECK(print->answer.ticket_label == "A-0427");

    kiosk.send(intent::Finish{});
    CHECK(kiosk.screen() == Screen::welcome);
    CHECK_FALSE(kiosk.state.student);
}

TEST_CASE("kiosk session: no slip without a printer — typing slowly is no scan") {
    Kiosk kiosk;
    CHECK(kiosk.type(a_ticket(), 200ms).empty());
    CHECK(kiosk.send(intent::Enter{}).empty());
    CHECK(kiosk.screen() == Screen::welcome);

    const auto submit_effects = kiosk.scan(a_ticket());
    const auto* submit = find_effect<effect::SubmitCheckIn>(submit_effects);
    REQUIRE(submit);
    const auto shown =
        kiosk.send(intent::CheckInAnswered{submit->idempotency_key, Answer::ok(an_answer())});
    CHECK_FALSE(find_effect<effect::PrintSlip>(shown));
}

TEST_CASE("kiosk session: a scan on the registration form starts a check-in, form discarded") {
    Kiosk kiosk;
    kiosk.send(intent::StartRegistration{});
    kiosk.type("Lan");
    kiosk.wait(2s);
    const auto effects = kiosk.scan(a_ticket());
    REQUIRE(find_effect<effect::SubmitCheckIn>(effects));
    CHECK(kiosk.screen() == Screen::checking_in);
    CHECK(kiosk.state.student->form.full_name.empty());
}

TEST_CASE("kiosk session: check-in errors are shown with the way forward") {
    Kiosk kiosk;
    auto key = find_effect<effect::SubmitCheckIn>(kiosk.scan(a_ticket()))->idempotency_key;
    kiosk.send(intent::CheckInAnswered{
        key, Answer::refused(ErrorAnswer{"ticket_forged", "This ticket is not valid.",
                                         "Vé này không hợp lệ."})});
    CHECK(kiosk.screen() == Screen::result);
    REQUIRE(kiosk.state.student->error);
    // A forged ticket: plain words and a person to see, not the server's accusation.
    CHECK(error_text(*kiosk.state.student->error, Language::vi) ==
          "Không đọc được vé này. Mời bạn đến bàn hỗ trợ.");
    CHECK(error_text(*kiosk.state.student->error, Language::en) ==
          "We could not read this ticket. Please go to the help desk.");

    // Any other refusal keeps the server's words and the way forward.
    key = find_effect<effect::SubmitCheckIn>(kiosk.scan(a_ticket()))->idempotency_key;
    kiosk.send(intent::CheckInAnswered{
        key, Answer::refused(
                 ErrorAnswer{"fair_closed", "The fair is closed.", "Hội chợ đã đóng cửa."})});
    REQUIRE(kiosk.state.student->error);
    CHECK(error_text(*kiosk.state.student->error, Language::vi) ==
          "Máy chủ báo: Hội chợ đã đóng cửa. Hãy quét lại vé. Nếu vẫn lỗi, hãy đến bàn hỗ trợ.");
    CHECK(error_text(*kiosk.state.student->error, Language::en).find("scan your ticket again") !=
          std::string::npos);

    key = find_effect<effect::SubmitCheckIn>(kiosk.scan(a_ticket()))->idempotency_key;
    kiosk.send(intent::CheckInAnswered{key, Answer::failed(BackendError::unreachable)});
    REQUIRE(kiosk.state.student->error);
    CHECK(kiosk.state.student->error->problem == Text::check_in_offline);
    CHECK(connection(kiosk.state) == Connection::offline);
}

TEST_CASE("kiosk session: an answer for a student who has left is dropped") {
    Kiosk kiosk;
    const auto key = find_effect<effect::SubmitCheckIn>(kiosk.scan(a_ticket()))->idempotency_key;
    kiosk.send(intent::CheckInAnswered{"someone-elses-key", Answer::ok(an_answer())});
    CHECK(kiosk.screen() == Screen::checking_in);
    kiosk.send(intent::CheckInAnswered{key, Answer::ok(an_answer())});
    kiosk.send(intent::Finish{});
    kiosk.send(intent::CheckInAnswered{key, Answer::ok(an_answer())});
    CHECK(kiosk.screen() == Screen::welcome);
}

TEST_CASE("kiosk session: the form starts empty with nothing ticked and checks every item") {
    Kiosk kiosk;
    const auto effects = kiosk.send(intent::StartRegistration{});
    CHECK(find_effect<effect::LoadEnterprises>(effects));
    REQUIRE(kiosk.screen() == Screen::register_form);
    const RegistrationForm& form = kiosk.state.student->form;
    CHECK(form.consent.size() == std::size(jobfair::protocol::kConsentPurposes));
    for (const auto& [purpose, ticked] : form.consent)
        CHECK_MESSAGE(!ticked, purpose);

    kiosk.send(intent::Next{});
    CHECK(kiosk.screen() == Screen::register_form);
    CHECK(form.problems.size() == 6);
    CHECK(form.problems.at(FormItem::phone) == Text::phone_empty);

    kiosk.send(intent::SetConsent{"marketing", true});  // not a purpose: not stored
    CHECK(form.consent.size() == std::size(jobfair::protocol::kConsentPurposes));
    kiosk.send(intent::SetConsent{"interview", true});
    CHECK_FALSE(form.problems.contains(FormItem::interview_consent));
}

TEST_CASE("kiosk session: the interview consent is required, the others are not") {
    Kiosk kiosk;
    fill_form(kiosk);
    kiosk.send(intent::SetConsent{"interview", false});
    kiosk.send(intent::Next{});
    CHECK(kiosk.screen() == Screen::register_form);
    CHECK(kiosk.state.student->form.problems.size() == 1);
    CHECK(kiosk.state.student->form.problems.at(FormItem::interview_consent) ==
          Text::problem_interview_consent);
    kiosk.send(intent::SetConsent{"interview", true});
    kiosk.send(intent::Next{});
    CHECK(kiosk.screen() == Screen::choose_enterprises);
}

TEST_CASE("kiosk session: a bad phone number stops the form with its reason") {
    Kiosk kiosk;
    fill_form(kiosk);
    kiosk.send(intent::Focus{Field::phone});
    kiosk.send(intent::Backspace{});
    kiosk.send(intent::Next{});
    CHECK(kiosk.state.student->form.problems.at(FormItem::phone) == Text::phone_wrong_length);
    // Typing the missing digit back removes the problem at once.
    kiosk.send(intent::Key{U'8'});
    CHECK(kiosk.state.student->form.problems.count(FormItem::phone) == 0);
}

TEST_CASE("kiosk session: only eligible enterprises are offered, searchable without diacritics") {
    Kiosk kiosk;
    fill_form(kiosk);
    kiosk.send(intent::Next{});
    auto booths = [&] {
        std::vector<std::string> out;
        for (const auto* shown : visible_enterprises(kiosk.state))
            out.push_back(shown->booth);
        return out;
    };
    // B03 is for welders, B04 wants a university degree.
    CHECK(booths() == std::vector<std::string>{"B01", "B02", "B05", "B06", "B07", "B08"});
    kiosk.type("nguyen");
    CHECK(kiosk.state.student->search == "nguyen");
    CHECK(booths() == std::vector<std::string>{"B01", "B08"});
    for (int i = 0; i < 6; ++i)
        kiosk.send(intent::Backspace{});
    kiosk.type("dong");
    CHECK(booths() == std::vector<std::string>{"B05"});  // "Đông Triều"
    kiosk.send(intent::ToggleEnterprise{"B03"});         // not offered: ignored
    CHECK(kiosk.state.student->chosen_booths.empty());
}

TEST_CASE("kiosk session: up to five enterprises in the order chosen") {
    Kiosk kiosk;
    fill_form(kiosk);
    kiosk.send(intent::Next{});
    kiosk.send(intent::Next{});
    CHECK(kiosk.state.student->choose_notice == Text::choose_at_least_one);
    for (const char* booth : {"B07", "B01", "B02", "B05", "B06", "B08"})
        kiosk.send(intent::ToggleEnterprise{booth});
    CHECK(kiosk.state.student->chosen_booths ==
          std::vector<std::string>{"B07", "B01", "B02", "B05", "B06"});
    CHECK(kiosk.state.student->choose_notice == Text::choose_limit_reached);
    kiosk.send(intent::ToggleEnterprise{"B01"});  // unchoose
    kiosk.send(intent::ToggleEnterprise{"B08"});
    CHECK(kiosk.state.student->chosen_booths ==
          std::vector<std::string>{"B07", "B02", "B05", "B06", "B08"});
}

TEST_CASE("kiosk session: a walk-in registration reaches the server as typed, in NFC") {
    Kiosk kiosk(KioskConfig{Language::vi, {}, true});
    register_up_to_confirm(kiosk);
    const auto effects = kiosk.send(intent::Submit{});
    CHECK(kiosk.screen() == Screen::submitting);
    const auto* submit = find_effect<effect::SubmitRegistration>(effects);
    REQUIRE(submit);
    const auto& sent = submit->request;
    CHECK(sent.full_name == "Nguyễn Thị Lan");
    CHECK(sent.phone == "0912345678");
    CHECK(sent.school == "Cao đẳng Việt Hàn");
    CHECK(sent.occupation == "industrial-electronics");
    CHECK(sent.level == "college");
    CHECK(sent.preferences == std::vector<std::string>{"B02", "B01"});
    CHECK(sent.consent == std::map<std::string, bool>{{"interview", true},
                                                      {"follow_up", true},
                                                      {"school_report", true},
                                                      {"job_news", false}});

    const auto shown =
        kiosk.send(intent::RegistrationAnswered{submit->idempotency_key, Answer::ok(an_answer())});
    CHECK(kiosk.screen() == Screen::result);
    CHECK(find_effect<effect::PrintSlip>(shown));
}

TEST_CASE("kiosk session: a refused registration goes back to Confirm — the retry keeps its key") {
    Kiosk kiosk;
    register_up_to_confirm(kiosk);
    const auto first = take_effect<effect::SubmitRegistration>(kiosk.send(intent::Submit{}));
    REQUIRE(first);
    const std::string key = first->idempotency_key;
    kiosk.send(intent::RegistrationAnswered{
        key, Answer::refused(ErrorAnswer{"booth_closed", "Booth B02 has closed.", ""})});
    CHECK(kiosk.screen() == Screen::confirm);
    REQUIRE(kiosk.state.student->error);
    // No Vietnamese message from the server: the English one, with the Vietnamese way forward.
    CHECK(error_text(*kiosk.state.student->error, Language::vi) ==
          "Máy chủ báo: Booth B02 has closed. Hãy kiểm tra lại thông tin rồi bấm Xác nhận. Nếu vẫn "
          "lỗi, hãy đến bàn hỗ trợ.");
    const auto retry = take_effect<effect::SubmitRegistration>(kiosk.send(intent::Submit{}));
    REQUIRE(retry);
    CHECK(retry->idempotency_key == key);
    CHECK_FALSE(kiosk.state.student->error);
}

TEST_CASE("kiosk session: offline, the registration completes into the outbox") {
    Kiosk kiosk(KioskConfig{Language::en, {}, true});
    Outbox outbox(":memory:");
    register_up_to_confirm(kiosk);
    const auto submit_effects = kiosk.send(intent::Submit{});
    const auto* submit = find_effect<effect::SubmitRegistration>(submit_effects);
    REQUIRE(submit);
    const auto stored_effects = kiosk.send(intent::RegistrationAnswered{
        submit->idempotency_key, Answer::failed(BackendError::unreachable)});
    CHECK(kiosk.screen() == Screen::submitting);
    CHECK(connection(kiosk.state) == Connection::offline);
    CHECK(connection_text(kiosk.state) == "Offline – you can still register");
    const auto* store = find_effect<effect::StoreInOutbox>(stored_effects);
    REQUIRE(store);
    CHECK(store->idempotency_key == submit->idempotency_key);

    // What the app does with the effect, then reports back.
    const OutboxEntry entry = outbox.store(store->registration, store->idempotency_key);
    const auto shown =
        kiosk.send(intent::StoredInOutbox{store->idempotency_key, entry.provisional_label});
    CHECK(kiosk.screen() == Screen::result);
    REQUIRE(kiosk.state.student->answer);
    CHECK(kiosk.state.student->provisional);
    CHECK(kiosk.state.student->answer->ticket_label == entry.provisional_label);
    CHECK(kiosk.state.student->answer->given_name == "Lan");
    CHECK(kiosk.state.student->answer->phone_masked == "09•••••678");
    const auto* print = find_effect<effect::PrintSlip>(shown);
    REQUIRE(print);
    CHECK(print->provisional);

    // The server returns: the kiosk asks the app to sync and shows it doing so.
    const auto back = kiosk.send(intent::HelloAnswered{BackendResult<jobfair::protocol::Hello>::ok(
        {1, "Song Khoai 2025", "09:12", "2025-03-14"})});
    CHECK(find_effect<effect::SyncOutbox>(back));
    CHECK(connection(kiosk.state) == Connection::syncing);
    CHECK(connection_text(kiosk.state) == "Syncing 1 saved registrations");
    kiosk.send(intent::OutboxChanged{0});
    CHECK(connection(kiosk.state) == Connection::online);
    CHECK(kiosk.state.fair_name == "Song Khoai 2025");
    CHECK(kiosk.state.fair_date == "2025-03-14");  // the welcome screen shows the fair's date
}

TEST_CASE("kiosk session: an outbox that cannot store shows the way to the help desk") {
    Kiosk kiosk;
    register_up_to_confirm(kiosk);
    const auto key =
        find_effect<effect::SubmitRegistration>(kiosk.send(intent::Submit{}))->idempotency_key;
    kiosk.send(intent::RegistrationAnswered{key, Answer::failed(BackendError::unreachable)});
    kiosk.send(intent::StoredInOutbox{key, std::nullopt});
    CHECK(kiosk.screen() == Screen::confirm);
    CHECK(kiosk.state.student->error->problem == Text::outbox_failed);
}

TEST_CASE("kiosk session: a server of another protocol version is shown, not guessed around") {
    Kiosk kiosk;
    kiosk.send(intent::HelloAnswered{BackendResult<jobfair::protocol::Hello>::ok({2, "x", ""})});
    CHECK(kiosk.state.server_protocol_mismatch == 2);
    kiosk.send(intent::HelloAnswered{BackendResult<jobfair::protocol::Hello>::ok({1, "x", ""})});
    CHECK_FALSE(kiosk.state.server_protocol_mismatch);
}

TEST_CASE("kiosk session: inactivity counts down the last 10 s, then destroys the student") {
    Kiosk kiosk;
    fill_form(kiosk);
    kiosk.send(intent::ToggleLanguage{});
    CHECK(kiosk.state.language == Language::en);
    kiosk.wait(49s);
    kiosk.send(intent::Tick{});
    CHECK_FALSE(countdown_seconds(kiosk.state, kiosk.now));
    kiosk.wait(2s);
    kiosk.send(intent::Tick{});
    CHECK(countdown_seconds(kiosk.state, kiosk.now) == 9);
    CHECK(tr_fill(Text::countdown, kiosk.state.language, {"9"}) == "Returning to start in 9 s");
    CHECK(kiosk.screen() == Screen::register_form);
    kiosk.wait(9s);
    kiosk.send(intent::Tick{});
    CHECK(kiosk.screen() == Screen::welcome);
    CHECK_FALSE(kiosk.state.student);
    CHECK(kiosk.state.language == Language::vi);  // back to the kiosk's language

    // The next student starts from nothing: no name, phone, choices, or consent of the last one.
    kiosk.send(intent::StartRegistration{});
    const StudentSession& next = *kiosk.state.student;
    CHECK(next.form.full_name.empty());
    CHECK(next.form.phone.empty());
    CHECK(next.form.school.empty());
    CHECK(next.form.occupation.empty());
    CHECK_FALSE(next.form.level);
    for (const auto& [purpose, ticked] : next.form.consent)
        CHECK_MESSAGE(!ticked, purpose);
    CHECK(next.editor.empty());
    CHECK(next.chosen_booths.empty());
    CHECK(next.request_key.empty());
    CHECK_FALSE(next.answer);
}

TEST_CASE(
    "kiosk session: the Result screen stays 3 min without a touch, counting down the last 30 s") {
    Kiosk kiosk;
    const auto key = find_effect<effect::SubmitCheckIn>(kiosk.scan(a_ticket()))->idempotency_key;
    kiosk.wait(5min);
    kiosk.send(intent::Tick{});
    CHECK(kiosk.screen() == Screen::checking_in);  // waiting for the server never times out
    CHECK_FALSE(countdown_seconds(kiosk.state, kiosk.now));
    kiosk.send(intent::CheckInAnswered{key, Answer::ok(an_answer())});
    kiosk.wait(2min);
    kiosk.send(intent::Tick{});
    CHECK(kiosk.screen() == Screen::result);  // long enough to read and photograph the QR
    CHECK_FALSE(countdown_seconds(kiosk.state, kiosk.now));
    kiosk.wait(30s);
    kiosk.send(intent::Tick{});
    CHECK(countdown_seconds(kiosk.state, kiosk.now) == 30);
    CHECK(countdown_length(kiosk.state) == 30s);
    kiosk.wait(29500ms);
    CHECK(countdown_seconds(kiosk.state, kiosk.now) == 1);
    kiosk.send(intent::Tick{});
    CHECK(kiosk.screen() == Screen::result);
    kiosk.wait(500ms);
    kiosk.send(intent::Tick{});
    CHECK(kiosk.screen() == Screen::welcome);
}

TEST_CASE("kiosk session: a new scan on the Result screen starts the next student at once") {
    Kiosk kiosk;
    const auto first = find_effect<effect::SubmitCheckIn>(kiosk.scan(a_ticket()))->idempotency_key;
    kiosk.send(intent::CheckInAnswered{first, Answer::ok(an_answer())});
    REQUIRE(kiosk.screen() == Screen::result);
    kiosk.wait(5s);
    const auto effects = kiosk.scan(a_ticket());
    const auto* second = find_effect<effect::SubmitCheckIn>(effects);
    REQUIRE(second);
    CHECK(second->idempotency_key != first);
    CHECK(kiosk.screen() == Screen::checking_in);
}

TEST_CASE("kiosk session: Back walks the screens back — Cancel goes home") {
    Kiosk kiosk;
    register_up_to_confirm(kiosk);
    kiosk.send(intent::Back{});
    CHECK(kiosk.screen() == Screen::choose_enterprises);
    kiosk.send(intent::Back{});
    CHECK(kiosk.screen() == Screen::register_form);
    CHECK(kiosk.state.student->form.full_name == "Nguyễn  Thị Lan");  // as typed, kept
    kiosk.send(intent::Cancel{});
    CHECK(kiosk.screen() == Screen::welcome);
    CHECK_FALSE(kiosk.state.student);
}

TEST_CASE("kiosk session: given names and the phone field without Telex") {
    CHECK(given_name_of("  Nguyễn  Thị Lan ") == "Lan");
    CHECK(given_name_of("Lan") == "Lan");
    Kiosk kiosk;
    kiosk.send(intent::StartRegistration{});
    kiosk.send(intent::Focus{Field::phone});
    CHECK_FALSE(kiosk.state.student->editor.telex_enabled());
    kiosk.send(intent::Focus{Field::full_name});
    CHECK(kiosk.state.student->editor.telex_enabled());
    kiosk.send(intent::SetTelex{false});
    kiosk.type("Dd");
    CHECK(kiosk.state.student->form.full_name == "Dd");
}

TEST_CASE(
    "kiosk session: tickets scanned while the last one is being checked in go next, in order") {
    Kiosk kiosk;
    const auto first_effects = kiosk.scan(a_ticket());
    const auto* first = find_effect<effect::SubmitCheckIn>(first_effects);
    REQUIRE(first);
    std::string key = first->idempotency_key;
    // Two more students scan before the server has answered the first (one of them twice): kept,
    // in order, not sent yet, none dropped.
    const std::string second = a_ticket(), third = "JF" + std::string(34, '7');
    CHECK_FALSE(find_effect<effect::SubmitCheckIn>(kiosk.scan(second)));
    CHECK_FALSE(find_effect<effect::SubmitCheckIn>(kiosk.scan(third)));
    CHECK_FALSE(find_effect<effect::SubmitCheckIn>(kiosk.scan(third)));
    CHECK(kiosk.state.queued_scans == std::deque<std::string>{second, third});
    CHECK(kiosk.send(intent::Tick{}).empty());  // still waiting for the first answer
    for (const std::string& next_ticket : {second, third}) {
        kiosk.send(intent::CheckInAnswered{key, Answer::ok(an_answer())});
        CHECK(kiosk.screen() == Screen::result);
        // The next frame sends the next queued ticket.
        const auto next = kiosk.send(intent::Tick{});
        const auto* submit = find_effect<effect::SubmitCheckIn>(next);
        REQUIRE(submit);
        CHECK(submit->request.ticket == next_ticket);
        CHECK(submit->idempotency_key != key);
        key = submit->idempotency_key;
        CHECK(kiosk.screen() == Screen::checking_in);
    }
    CHECK(kiosk.state.queued_scans.empty());
}

TEST_CASE("kiosk session: cards say when a seat is free, and full choices point to free booths") {
    Kiosk kiosk;
    fill_form(kiosk);
    auto cards = the_fair();
    cards[1].free_from = "10:15";  // B02
    cards[6].free_from = "09:30";  // B07
    cards[2].free_from = "08:45";  // B03: welders only, never offered to this student
    kiosk.send(intent::EnterprisesAnswered{BackendResult<std::vector<EnterpriseCard>>::ok(cards)});
    kiosk.send(intent::Next{});
    REQUIRE(kiosk.screen() == Screen::choose_enterprises);
    CHECK(free_seat_text(cards[1], Language::vi) == "Còn chỗ từ 10:15");
    CHECK(free_seat_text(cards[1], Language::en) == "Free from 10:15");
    CHECK(free_seat_text(cards[0], Language::vi) == "Hết chỗ hôm nay");
    CHECK(free_seat_text(cards[0], Language::en) == "Full for today");

    CHECK(free_alternatives(kiosk.state).empty());  // nothing chosen yet
    kiosk.send(intent::ToggleEnterprise{"B01"});
    kiosk.send(intent::ToggleEnterprise{"B05"});
    std::vector<std::string> offered;
    for (const auto* shown : free_alternatives(kiosk.state))
        offered.push_back(shown->booth + " " + *shown->free_from);
    CHECK(offered == std::vector<std::string>{"B07 09:30", "B02 10:15"});
    kiosk.send(intent::ToggleEnterprise{"B07"});  // one chosen booth has a seat: no hint
    CHECK(free_alternatives(kiosk.state).empty());
}

TEST_CASE(
    "kiosk session: with no interview possible, Add takes a free booth and shows the answer") {
    Kiosk kiosk(KioskConfig{Language::vi, {}, true});
    const auto submit = take_effect<effect::SubmitCheckIn>(kiosk.scan(a_ticket()));
    REQUIRE(submit);
    CheckInAnswer full = an_answer();
    full.status_url = "http://192.168.1.10:8080/p#token";
    full.no_interview = "booths_full";
    full.standby = {{"B01", "Công ty TNHH Nguyễn Phát", std::nullopt}};
    full.free_seats = {{"B07", "Xi măng Cẩm Phả", "10:15"}};
    full.takes_cvs = {{"B02", "Tập đoàn Than Hòn Gai"}};
    kiosk.send(intent::CheckInAnswered{submit->idempotency_key, Answer::ok(full)});
    REQUIRE(kiosk.screen() == Screen::result);
    const StudentSession& student = *kiosk.state.student;
    CHECK(no_interview_text(*student.answer, Language::vi) ==
          "Các doanh nghiệp bạn chọn đã kín lịch trong thời gian bạn ở hội chợ.");
    CHECK_FALSE(no_interview_text(*student.answer, Language::en).empty());
    CHECK(standby_line(student.answer->standby[0], Language::vi) ==
          "Chờ gọi tại B01 — khó có chỗ hôm nay");
    CHECK(standby_line({"B07", "", "10:20"}, Language::vi) == "Chờ gọi tại B07 — khoảng 10:20");
    CHECK(standby_line({"B07", "", "10:20"}, Language::en) == "Standby at B07 — about 10:20");
    CHECK(free_seat_line(student.answer->free_seats[0], Language::vi) ==
          "B07 · Xi măng Cẩm Phả — còn chỗ từ 10:15");
    CHECK(can_add_booth(student, "B07"));
    CHECK_FALSE(can_add_booth(student, "B02"));  // not offered
    CHECK(kiosk.send(intent::AddBooth{"B02"}).empty());

    const auto add = take_effect<effect::SubmitAddBooth>(kiosk.send(intent::AddBooth{"B07"}));
    REQUIRE(add);
    CHECK(add->request.ticket == a_ticket());
    CHECK(add->request.booth == "B07");
    CHECK(is_idempotency_key(add->idempotency_key));
    CHECK(add->idempotency_key != submit->idempotency_key);
    CHECK(student.adding_booth == std::optional<std::string>("B07"));
    CHECK_FALSE(can_add_booth(student, "B07"));  // one press, one request
    CHECK(kiosk.send(intent::AddBooth{"B07"}).empty());

    // Refused: the server's words, and the answer shown stays as it was.
    kiosk.send(intent::AddBoothAnswered{
        add->idempotency_key,
        Answer::refused({"booth_full", "booth B07 has no free seat before you leave",
                         "Gian hàng B07 không còn chỗ trống trước khi bạn về"})});
    REQUIRE(student.add_error);
    CHECK(error_text(*student.add_error, Language::vi) ==
          "Máy chủ báo: Gian hàng B07 không còn chỗ trống trước khi bạn về");
    CHECK(student.answer->no_interview == std::optional<std::string>("booths_full"));

    // Accepted: the new answer replaces the old, with its promise, and the slip prints again.
    const auto retry = take_effect<effect::SubmitAddBooth>(kiosk.send(intent::AddBooth{"B07"}));
    REQUIRE(retry);
    CHECK_FALSE(student.add_error);
    CheckInAnswer promised = full;
    promised.no_interview.reset();
    promised.free_seats.clear();
    promised.interviews.push_back(
        {9, "B07", "Xi măng Cẩm Phả", 0, "10:15", "10:30", jobfair::InterviewStatus::promised});
    // An answer to an older request is dropped.
    kiosk.send(intent::AddBoothAnswered{add->idempotency_key, Answer::ok(promised)});
    CHECK(student.answer->interviews.empty());
    const auto shown =
        kiosk.send(intent::AddBoothAnswered{retry->idempotency_key, Answer::ok(promised)});
    CHECK_FALSE(student.adding_booth);
    REQUIRE(student.answer->interviews.size() == 1);
    CHECK(student.answer->interviews[0].booth == "B07");
    CHECK(no_interview_text(*student.answer, Language::vi).empty());
    CHECK(find_effect<effect::PrintSlip>(shown));
}

TEST_CASE("kiosk session: a provisional answer offers no booth to add") {
    Kiosk kiosk;
    StudentSession student;
    student.screen = Screen::result;
    CheckInAnswer answer = an_answer();
    answer.free_seats = {{"B07", "Xi măng Cẩm Phả", "10:15"}};
    student.answer = answer;
    CHECK(can_add_booth(student, "B07"));
    student.provisional = true;
    CHECK_FALSE(can_add_booth(student, "B07"));
}

TEST_CASE("kiosk session: the screen next changes when the countdown shows or turns, not before") {
    Kiosk kiosk;
    CHECK_FALSE(next_change(kiosk.state, kiosk.now));  // Welcome in the kiosk's language: never
    fill_form(kiosk);
    const TimePoint typed = kiosk.now;
    // Idle 60 s with a 10 s countdown: nothing changes until 50 s after the last key.
    REQUIRE(next_change(kiosk.state, kiosk.now));
    CHECK(*next_change(kiosk.state, kiosk.now) == typed + 50s);
    CHECK_FALSE(countdown_seconds(kiosk.state, typed + 50s - 1ms));
    CHECK(countdown_seconds(kiosk.state, typed + 50s) == 10);
    // Within the countdown, the next change is when the shown second turns.
    const TimePoint within = typed + 52s + 300ms;
    const TimePoint turn = *next_change(kiosk.state, within);
    CHECK(turn == typed + 53s);
    CHECK(countdown_seconds(kiosk.state, turn - 1ms) == 8);
    CHECK(countdown_seconds(kiosk.state, turn) == 7);
    CHECK(*next_change(kiosk.state, typed + 60s) == typed + 60s);  // back to Welcome now
}
