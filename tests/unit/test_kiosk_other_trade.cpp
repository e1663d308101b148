// "Ngành khác / Other trade" at the check-in kiosk (issue 17): the picker's last entry, the typed
// trade's name and its problems in both languages, the booths it may choose, and what it sends.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "common/occupations.hpp"
#include "kiosk/checkin/model/session.hpp"

using namespace jobfair::checkin;
using namespace std::chrono_literals;
using jobfair::kOtherOccupation;
using jobfair::Level;
using jobfair::protocol::EnterpriseCard;

namespace {

struct Kiosk {
    Kiosk() : state(make_kiosk({}, now)) {}
    std::vector<Effect> send(const Intent& intent) { return update(state, intent, now); }
    void type(std::string_view ascii) {  // slow typing: never taken for a scanner
        for (const char c : ascii) {
            now += 150ms;
            send(intent::Key{static_cast<char32_t>(static_cast<unsigned char>(c))});
        }
    }
    Screen screen() const { return current_screen(state); }
    const RegistrationForm& form() const { return state.student->form; }

    TimePoint now = TimePoint{} + 10h;
    KioskState state;
};

EnterpriseCard card(std::string booth, std::vector<std::string> trades, bool takes_cvs = false) {
    EnterpriseCard result;
    result.booth = booth;
    result.enterprise = "Công ty " + booth;
    result.occupations = std::move(trades);
    result.open = "08:00";
    result.close = "12:00";
    result.takes_cvs = takes_cvs;
    return result;
}

// B02 and B05 take any trade; B01 and B03 take listed trades; B03 also takes CVs.
std::vector<EnterpriseCard> the_fair() {
    return {card("B01", {"industrial-electronics"}), card("B02", {}),
            card("B03", {"welding"}, true), card("B05", {})};
}

// The form filled but for the trade: name, phone, school, college, consent to interviews.
void fill_all_but_trade(Kiosk& kiosk, std::vector<EnterpriseCard> cards = the_fair()) {
    kiosk.send(intent::StartRegistration{});
    kiosk.send(intent::EnterprisesAnswered{
        BackendResult<std::vector<EnterpriseCard>>::ok(std::move(cards))});
    kiosk.send(intent::Focus{Field::full_name});
    kiosk.type("Nguyeenx Thij Lan");
    kiosk.send(intent::Focus{Field::phone});
    kiosk.type("0912345678");
    kiosk.send(intent::Focus{Field::school});
    kiosk.type("Cao ddawngr Vieetj Hanf");
    kiosk.send(intent::ChooseLevel{Level::college});
    kiosk.send(intent::SetConsent{"interview", true});
}

std::vector<std::string> booths_of(const std::vector<const EnterpriseCard*>& cards) {
    std::vector<std::string> out;
    for (const auto* c : cards)
        out.push_back(c->booth);
    return out;
}

}  // namespace

TEST_CASE("other trade: choosing it asks for the trade's name, typed with Telex") {
    Kiosk kiosk;
    fill_all_but_trade(kiosk);
    kiosk.send(intent::ChooseTrade{std::string(kOtherOccupation)});
    CHECK(kiosk.form().occupation == "other");
    CHECK(has_other_trade(kiosk.form()));
    // The name's field has the focus at once, with Vietnamese typing on.
    CHECK(kiosk.state.student->focused == Field::occupation_text);
    CHECK(kiosk.state.student->editor.telex_enabled());
    kiosk.type("Suwar chuwax ddieenj thoaij");
    CHECK(kiosk.form().occupation_text == "Sửa chữa điện thoại");
    CHECK(trade_display(kiosk.form(), Language::vi) == "Ngành khác: Sửa chữa điện thoại");
    CHECK(trade_display(kiosk.form(), Language::en) == "Other trade: Sửa chữa điện thoại");
    kiosk.send(intent::Next{});
    CHECK(kiosk.screen() == Screen::choose_enterprises);
}

TEST_CASE("other trade: an empty, short or long name stops the form with words in both languages") {
    struct Case {
        const char* typed;
        Text problem;
        const char* vi;
        const char* en;
    };
    const std::string sixty_one(61, 'x');
    for (const Case& c : {Case{"", Text::problem_trade_text_missing, "Hãy nhập tên nghề bạn học.",
                               "Please type the name of your trade."},
                          Case{"   ", Text::problem_trade_text_missing,
                               "Hãy nhập tên nghề bạn học.", "Please type the name of your trade."},
                          Case{" x ", Text::problem_trade_text_too_short,
                               "Tên nghề quá ngắn: hãy nhập ít nhất 2 ký tự.",
                               "The trade name is too short: type at least 2 characters."},
                          Case{sixty_one.c_str(), Text::problem_trade_text_too_long,
                               "Tên nghề quá dài: tối đa 60 ký tự.",
                               "The trade name is too long: at most 60 characters."}}) {
        CAPTURE(c.typed);
        Kiosk kiosk;
        fill_all_but_trade(kiosk);
        kiosk.send(intent::ChooseTrade{"other"});
        kiosk.type(c.typed);
        const RegistrationForm before = kiosk.form();
        const auto effects = kiosk.send(intent::Next{});
        CHECK(effects.empty());  // nothing loaded, nothing sent
        CHECK(kiosk.screen() == Screen::register_form);
        const auto& problems = kiosk.form().problems;
        REQUIRE(problems.count(FormItem::trade_text) == 1);
        CHECK(problems.size() == 1);  // the rest of the form was right
        CHECK(problems.at(FormItem::trade_text) == c.problem);
        CHECK(std::string(tr(c.problem, Language::vi)) == c.vi);
        CHECK(std::string(tr(c.problem, Language::en)) == c.en);
        // Nothing the student typed or chose changed.
        CHECK(kiosk.form().occupation == before.occupation);
        CHECK(kiosk.form().occupation_text == before.occupation_text);
        CHECK(kiosk.form().full_name == before.full_name);
        CHECK(kiosk.state.student->chosen_booths.empty());
    }
}

TEST_CASE("other trade: a name with a control character is refused by the shared rule") {
    // The kiosk's keyboard cannot type one, but a USB keyboard's Tab or a pasted escape could.
    Kiosk kiosk;
    fill_all_but_trade(kiosk);
    kiosk.send(intent::ChooseTrade{"other"});
    kiosk.type("May\tmac");
    kiosk.send(intent::Next{});
    CHECK(kiosk.screen() == Screen::register_form);
    REQUIRE(kiosk.form().problems.count(FormItem::trade_text) == 1);
    CHECK(kiosk.form().problems.at(FormItem::trade_text) == Text::problem_trade_text_control);
    // The shared check: trims, collapses, NFC, counts characters not bytes.
    CHECK(jobfair::check_occupation_text("  Sửa   chữa  ").text == "Sửa chữa");
    CHECK(jobfair::check_occupation_text("Su\xCC\x9B\xCC\x89"
                                         "a")
              .text == "Sửa");  // NFD in
    CHECK(jobfair::check_occupation_text(std::string(60, 'x')));
    CHECK(jobfair::check_occupation_text("Điện lạnh ô tô công nghiệp, sửa chữa và bảo dưỡng máy "
                                         "móc")
              .problem == jobfair::OccupationTextProblem::none);
    CHECK(jobfair::check_occupation_text("Hàn\xE2\x80\xAE").problem ==
          jobfair::OccupationTextProblem::control_character);  // a bidi override
    CHECK(jobfair::check_occupation_text("H\xFF").problem ==
          jobfair::OccupationTextProblem::control_character);  // not UTF-8
    // Once fixed, the problem goes as the student types.
    kiosk.send(intent::Backspace{});
    kiosk.send(intent::Backspace{});
    kiosk.send(intent::Backspace{});
    kiosk.send(intent::Backspace{});
    kiosk.type(" mac");
    CHECK(kiosk.form().problems.count(FormItem::trade_text) == 0);
}

TEST_CASE("other trade: only booths that take any trade are offered, and they are sent") {
    Kiosk kiosk;
    fill_all_but_trade(kiosk);
    kiosk.send(intent::ChooseTrade{"other"});
    kiosk.type("  Suwar chuwax   ddieenj thoaij ");
    kiosk.send(intent::Next{});
    REQUIRE(kiosk.screen() == Screen::choose_enterprises);
    CHECK(booths_of(visible_enterprises(kiosk.state)) == std::vector<std::string>{"B02", "B05"});
    CHECK_FALSE(no_booth_for_student(kiosk.state));
    // A booth of a listed trade cannot be chosen, even by its id.
    kiosk.send(intent::ToggleEnterprise{"B01"});
    CHECK(kiosk.state.student->chosen_booths.empty());
    kiosk.send(intent::ToggleEnterprise{"B05"});
    kiosk.send(intent::Next{});
    REQUIRE(kiosk.screen() == Screen::confirm);
    const auto effects = kiosk.send(intent::Submit{});
    REQUIRE(effects.size() == 1);
    const auto* submit = std::get_if<effect::SubmitRegistration>(&effects.front());
    REQUIRE(submit);
    CHECK(submit->request.occupation == "other");
    CHECK(submit->request.occupation_text == "Sửa chữa điện thoại");  // trimmed, NFC
    CHECK(submit->request.preferences == std::vector<std::string>{"B05"});
    // The JSON the server reads carries it; a listed trade's carries none.
    const nlohmann::json sent = submit->request;
    CHECK(sent.at("occupation_text") == "Sửa chữa điện thoại");
}

TEST_CASE("other trade: going back to a listed trade forgets the typed name") {
    Kiosk kiosk;
    fill_all_but_trade(kiosk);
    kiosk.send(intent::ChooseTrade{"other"});
    kiosk.type("Gowx");
    kiosk.send(intent::ChooseTrade{"welding"});
    CHECK(kiosk.form().occupation == "welding");
    CHECK(kiosk.form().occupation_text.empty());
    CHECK(kiosk.state.student->focused != Field::occupation_text);
    // Its field is not on the form any more: tapping where it was changes nothing.
    kiosk.send(intent::Focus{Field::occupation_text});
    CHECK(kiosk.state.student->focused != Field::occupation_text);
    // An unknown code changes nothing either.
    kiosk.send(intent::ChooseTrade{"astronaut"});
    CHECK(kiosk.form().occupation == "welding");
    kiosk.send(intent::Next{});
    REQUIRE(kiosk.screen() == Screen::choose_enterprises);
    CHECK(booths_of(visible_enterprises(kiosk.state)) ==
          std::vector<std::string>{"B02", "B03", "B05"});
    kiosk.send(intent::ToggleEnterprise{"B03"});
    kiosk.send(intent::Next{});
    const auto effects = kiosk.send(intent::Submit{});
    const auto* submit = std::get_if<effect::SubmitRegistration>(&effects.front());
    REQUIRE(submit);
    CHECK_FALSE(submit->request.occupation_text.has_value());
    CHECK_FALSE(nlohmann::json(submit->request).contains("occupation_text"));
}

TEST_CASE("other trade: with no booth for any trade the kiosk says so and lists CV booths") {
    Kiosk kiosk;
    fill_all_but_trade(kiosk, {card("B01", {"industrial-electronics"}),
                               card("B03", {"welding"}, true), card("B04", {"nursing"}, true)});
    kiosk.send(intent::ChooseTrade{"other"});
    kiosk.type("Thuyr thur");
    kiosk.send(intent::Next{});
    REQUIRE(kiosk.screen() == Screen::choose_enterprises);
    CHECK(visible_enterprises(kiosk.state).empty());
    CHECK(no_booth_for_student(kiosk.state));
    CHECK(booths_of(cv_booths(kiosk.state)) == std::vector<std::string>{"B03", "B04"});
    CHECK(std::string(tr(Text::no_booth_for_trade, Language::vi)) ==
          "Hôm nay không có gian hàng nào phỏng vấn nghề của bạn.");
    CHECK(std::string(tr(Text::no_booth_for_trade, Language::en)) ==
          "No booth interviews for your trade today.");
    // Nothing can be chosen or sent: "Tiếp tục" is greyed and says why; pressed anyway (a stale
    // tap), it changes nothing and adds no notice asking to choose.
    REQUIRE(next_disabled_reason(kiosk.state).has_value());
    CHECK(*next_disabled_reason(kiosk.state) == Text::next_no_booth);
    CHECK(std::string(tr(Text::next_no_booth, Language::vi)) ==
          "Chưa thể tiếp tục: không có gian hàng nào để bạn chọn.");
    CHECK(std::string(tr(Text::next_no_booth, Language::en)) ==
          "You cannot continue: there is no booth for you to choose.");
    kiosk.send(intent::ToggleEnterprise{"B03"});
    CHECK(kiosk.state.student->chosen_booths.empty());
    const auto effects = kiosk.send(intent::Next{});
    CHECK(effects.empty());
    CHECK(kiosk.screen() == Screen::choose_enterprises);
    CHECK_FALSE(kiosk.state.student->choose_notice.has_value());
    // Back to the form, a listed trade with a booth: Continue works again.
    kiosk.send(intent::Back{});
    REQUIRE(kiosk.screen() == Screen::register_form);
    kiosk.send(intent::ChooseTrade{"welding"});
    kiosk.send(intent::Next{});
    REQUIRE(kiosk.screen() == Screen::choose_enterprises);
    CHECK_FALSE(no_booth_for_student(kiosk.state));
    CHECK_FALSE(next_disabled_reason(kiosk.state).has_value());
    kiosk.send(intent::Next{});  // nothing chosen yet: asked to choose, not refused
    CHECK(kiosk.state.student->choose_notice == Text::choose_at_least_one);
    kiosk.send(intent::ToggleEnterprise{"B03"});
    kiosk.send(intent::Next{});
    CHECK(kiosk.screen() == Screen::confirm);

    // A search that finds nothing is not "no booth for your trade".
    Kiosk searching;
    fill_all_but_trade(searching);
    searching.send(intent::ChooseTrade{"other"});
    searching.type("Thuyr thur");
    searching.send(intent::Next{});
    searching.type("zzzz");
    CHECK(visible_enterprises(searching.state).empty());
    CHECK_FALSE(no_booth_for_student(searching.state));
    CHECK_FALSE(next_disabled_reason(searching.state).has_value());
}

TEST_CASE("a student's trade in a list: the catalogue's name, the typed name for Other trade") {
    CHECK(jobfair::student_trade_display_name("welding", "", true) == "Hàn");
    CHECK(jobfair::student_trade_display_name("welding", "", false) == "Welding");
    CHECK(jobfair::student_trade_display_name("", "Sửa chữa điện thoại", true) ==
          "Ngành khác: Sửa chữa điện thoại");
    CHECK(jobfair::student_trade_display_name("", "Sửa chữa điện thoại", false) ==
          "Other trade: Sửa chữa điện thoại");
    // A code wins over a stray typed name; neither known: empty, and the lists show "—".
    CHECK(jobfair::student_trade_display_name("welding", "Hàn ống", true) == "Hàn");
    CHECK(jobfair::student_trade_display_name("", "", true).empty());
}
