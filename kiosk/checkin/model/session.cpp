#include "kiosk/checkin/model/session.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/occupations.hpp"
#include "common/time_of_day.hpp"
#include "common/wire_codes.hpp"
#include "kiosk/checkin/model/outbox.hpp"
#include "kiosk/checkin/model/phone.hpp"
#include "kiosk/checkin/model/text.hpp"

namespace jobfair::checkin {

namespace {

bool waits_for_server(Screen screen) {
    return screen == Screen::checking_in || screen == Screen::submitting;
}

bool has_text_field(Screen screen) {
    return screen == Screen::register_form || screen == Screen::choose_enterprises;
}

std::string& field_text(StudentSession& student, Field field) {
    switch (field) {
        case Field::full_name:
            return student.form.full_name;
        case Field::phone:
            return student.form.phone;
        case Field::school:
            return student.form.school;
        case Field::search:
            return student.search;
        case Field::occupation_text:
            return student.form.occupation_text;
    }
    return student.search;
}

// Phone digits need no Telex; names, schools and searches are Vietnamese.
void focus(StudentSession& student, Field field) {
    student.focused = field;
    student.editor = TelexInput(field_text(student, field), field != Field::phone);
}

StudentSession new_registration() {
    StudentSession student;
    for (std::string_view purpose : protocol::kConsentPurposes)
        student.form.consent[std::string(purpose)] = false;
    focus(student, Field::full_name);
    return student;
}

std::chrono::seconds time_limit(const KioskState& state) {
    return state.student && state.student->screen == Screen::result ? state.config.timeouts.result
                                                                    : state.config.timeouts.idle;
}

std::map<FormItem, Text> form_problems(const RegistrationForm& form) {
    std::map<FormItem, Text> problems;
    if (collapse_spaces(form.full_name).empty())
        problems[FormItem::full_name] = Text::problem_full_name_missing;
    if (const PhoneCheck phone = check_phone(form.phone); !phone)
        problems[FormItem::phone] = phone_reason(phone);
    if (collapse_spaces(form.school).empty())
        problems[FormItem::school] = Text::problem_school_missing;
    if (form.occupation.empty()) problems[FormItem::trade] = Text::problem_trade_missing;
    if (has_other_trade(form)) {
        switch (check_occupation_text(form.occupation_text).problem) {
            case OccupationTextProblem::none:
                break;
            case OccupationTextProblem::missing:
                problems[FormItem::trade_text] = Text::problem_trade_text_missing;
                break;
            case OccupationTextProblem::too_short:
                problems[FormItem::trade_text] = Text::problem_trade_text_too_short;
                break;
            case OccupationTextProblem::too_long:
                problems[FormItem::trade_text] = Text::problem_trade_text_too_long;
                break;
            case OccupationTextProblem::control_character:
                problems[FormItem::trade_text] = Text::problem_trade_text_control;
                break;
        }
    }
    if (!form.level) problems[FormItem::level] = Text::problem_level_missing;
    if (!form.consent.at("interview"))
        problems[FormItem::interview_consent] = Text::problem_interview_consent;
    return problems;
}

// Runs one intent against the state; collects the effects.
// A shown problem of a text field goes as soon as the student has fixed it (new problems still
// wait for Next, so typing is not interrupted by red text).
void clear_fixed_problem(StudentSession& student) {
    std::optional<FormItem> item;
    switch (student.focused) {
        case Field::full_name:
            item = FormItem::full_name;
            break;
        case Field::phone:
            item = FormItem::phone;
            break;
        case Field::school:
            item = FormItem::school;
            break;
        case Field::occupation_text:
            item = FormItem::trade_text;
            break;
        case Field::search:
            break;
    }
    if (!item || !student.form.problems.count(*item)) return;
    if (!form_problems(student.form).count(*item)) student.form.problems.erase(*item);
}

class Updater {
  public:
    Updater(KioskState& state, TimePoint now) : s_(state), now_(now) {}
    std::vector<Effect> effects;

    void operator()(const intent::Tick&) {
        if (s_.student && waits_for_server(s_.student->screen)) return;
        if (!s_.queued_scans.empty()) {
            const std::string payload = std::move(s_.queued_scans.front());
            s_.queued_scans.pop_front();
            start_check_in(payload);
            return;
        }
        if (now_ - s_.last_activity < time_limit(s_)) return;
        if (s_.student || s_.language != s_.config.language) back_to_welcome();
    }
    void operator()(const intent::ToggleLanguage&) {
        touch();
        s_.language = s_.language == Language::vi ? Language::en : Language::vi;
    }
    void operator()(const intent::Key& key) {
        touch();
        s_.scanner.push(key.code, now_);
        if (StudentSession* student = editing()) {
            student->editor.type(key.code);
            field_text(*student, student->focused) = student->editor.text();
            clear_fixed_problem(*student);
        }
    }
    void operator()(const intent::Backspace&) {
        touch();
        s_.scanner.clear();
        if (StudentSession* student = editing()) {
            student->editor.backspace();
            field_text(*student, student->focused) = student->editor.text();
            clear_fixed_problem(*student);
        }
    }
    void operator()(const intent::Enter&) {
        touch();
        if (auto payload = s_.scanner.enter(now_)) start_check_in(*payload);
    }
    void operator()(const intent::TicketScanned& scanned) {
        touch();
        if (looks_like_ticket(scanned.payload)) start_check_in(scanned.payload);
    }
    void operator()(const intent::StartRegistration&) {
        touch();
        if (s_.student) return;
        s_.student = new_registration();
        effects.push_back(effect::LoadEnterprises{});
    }
    void operator()(const intent::Focus& target) {
        touch();
        if (StudentSession* student = on(Screen::register_form)) {
            // The trade's name is asked for only with Other trade.
            const bool shown =
                target.field != Field::occupation_text || has_other_trade(student->form);
            if (target.field != Field::search && shown) focus(*student, target.field);
        } else if (StudentSession* choosing = on(Screen::choose_enterprises)) {
            if (target.field == Field::search) focus(*choosing, target.field);
        }
    }
    void operator()(const intent::SetTelex& telex) {
        touch();
        if (StudentSession* student = editing()) student->editor.set_telex(telex.enabled);
    }
    void operator()(const intent::ChooseTrade& trade) {
        touch();
        StudentSession* student = on(Screen::register_form);
        if (!student) return;
        // Only the trades of the list and Other trade exist; anything else changes nothing.
        const bool other = trade.occupation == kOtherOccupation;
        if (!other && !find_occupation(trade.occupation)) return;
        RegistrationForm& form = student->form;
        form.occupation = trade.occupation;
        form.problems.erase(FormItem::trade);
        if (other) {
            focus(*student, Field::occupation_text);  // the name is typed next
        } else {
            // A trade of the list: a name typed for Other trade is not this student's trade.
            form.occupation_text.clear();
            form.problems.erase(FormItem::trade_text);
            if (student->focused == Field::occupation_text) focus(*student, Field::full_name);
        }
    }
    void operator()(const intent::ChooseLevel& level) {
        touch();
        if (StudentSession* student = on(Screen::register_form)) {
            student->form.level = level.level;
            student->form.problems.erase(FormItem::level);
        }
    }
    void operator()(const intent::SetConsent& consent) {
        touch();
        StudentSession* student = on(Screen::register_form);
        if (!student) return;
        // Only the purposes of the protocol exist; anything else is ignored, never stored.
        auto found = student->form.consent.find(consent.purpose);
        if (found == student->form.consent.end()) return;
        found->second = consent.given;
        if (consent.purpose == "interview" && consent.given)
            student->form.problems.erase(FormItem::interview_consent);
    }
    void operator()(const intent::ToggleEnterprise& toggle) {
        touch();
        StudentSession* student = on(Screen::choose_enterprises);
        if (!student) return;
        student->choose_notice.reset();
        auto& chosen = student->chosen_booths;
        if (auto at = std::find(chosen.begin(), chosen.end(), toggle.booth); at != chosen.end()) {
            chosen.erase(at);
            return;
        }
        const auto visible = visible_enterprises(s_);
        const bool offered = std::any_of(visible.begin(), visible.end(), [&](const auto* card) {
            return card->booth == toggle.booth;
        });
        if (!offered) return;
        if (chosen.size() >= kMaxChoices) {
            student->choose_notice = Text::choose_limit_reached;
            return;
        }
        chosen.push_back(toggle.booth);
    }
    void operator()(const intent::Next&) {
        touch();
        if (StudentSession* student = on(Screen::register_form)) {
            next_from_form(*student);
        } else if (StudentSession* choosing = on(Screen::choose_enterprises)) {
            if (next_disabled_reason(s_)) return;  // greyed, its reason shown beside it
            if (choosing->chosen_booths.empty()) {
                choosing->choose_notice = Text::choose_at_least_one;
            } else {
                choosing->screen = Screen::confirm;
            }
        }
    }
    void operator()(const intent::Back&) {
        touch();
        if (!s_.student) return;
        StudentSession& student = *s_.student;
        switch (student.screen) {
            case Screen::register_form:
                back_to_welcome();
                break;
            case Screen::choose_enterprises:
                student.screen = Screen::register_form;
                focus(student, Field::full_name);
                break;
            case Screen::confirm:
                student.screen = Screen::choose_enterprises;
                student.error.reset();
                focus(student, Field::search);
                break;
            default:
                break;
        }
    }
    void operator()(const intent::Cancel&) {
        touch();
        if (s_.student && !waits_for_server(s_.student->screen)) back_to_welcome();
    }
    void operator()(const intent::Submit&) {
        touch();
        StudentSession* student = on(Screen::confirm);
        if (!student) return;
        // One key per student: a retry after an error must not register them twice.
        if (student->request_key.empty()) student->request_key = make_idempotency_key();
        student->error.reset();
        student->screen = Screen::submitting;
        effects.push_back(
            effect::SubmitRegistration{registration_of(*student), student->request_key});
    }
    void operator()(const intent::Finish&) {
        touch();
        if (on(Screen::result)) back_to_welcome();
    }

    void operator()(const intent::AddBooth& add) {
        touch();
        StudentSession* student = on(Screen::result);
        if (!student || !can_add_booth(*student, add.booth)) return;
        student->adding_booth = add.booth;
        student->add_key = make_idempotency_key();
        student->add_error.reset();
        effects.push_back(effect::SubmitAddBooth{
            protocol::AddBooth{student->answer->ticket, add.booth}, student->add_key});
    }
    void operator()(const intent::AddBoothAnswered& answered) {
        StudentSession* student = on(Screen::result);
        if (!student || !student->adding_booth || student->add_key != answered.idempotency_key)
            return;
        student->adding_booth.reset();
        enter_screen();
        const auto& result = answered.result;
        if (result) {
            s_.server_reachable = true;
            student->answer = *result;
            if (s_.config.printer_configured)
                effects.push_back(effect::PrintSlip{*result, false, s_.language});
            return;
        }
        switch (result.error()) {
            case BackendError::unreachable:
                s_.server_reachable = false;
                student->add_error = ShownError{Text::check_in_offline, {}, {}};
                break;
            case BackendError::refused:
                student->add_error = ShownError{Text::server_refused, result.server_error(), {}};
                break;
            case BackendError::unexpected:
                student->add_error = ShownError{Text::unexpected_answer, {}, {}};
                break;
        }
    }

    void operator()(const intent::CheckInAnswered& answered) {
        StudentSession* student = awaiting(Screen::checking_in, answered.idempotency_key);
        if (!student) return;
        const auto& result = answered.result;
        if (result) {
            s_.server_reachable = true;
            show_result(*student, *result, false);
            return;
        }
        student->screen = Screen::result;
        enter_screen();
        switch (result.error()) {
            case BackendError::unreachable:
                s_.server_reachable = false;
                student->error = ShownError{Text::check_in_offline, {}, {}};
                break;
            case BackendError::refused:
                // A ticket the server will not take (forged, revoked, unknown...) needs a person,
                // and the student is told so plainly: no blame, no server jargon.
                if (result.server_error() && result.server_error()->code.starts_with("ticket_"))
                    student->error = ShownError{Text::ticket_unreadable, {}, {}};
                else
                    student->error = ShownError{Text::server_refused, result.server_error(),
                                                Text::way_forward_check_in};
                break;
            case BackendError::unexpected:
                student->error = ShownError{Text::unexpected_answer, {}, {}};
                break;
        }
    }
    void operator()(const intent::RegistrationAnswered& answered) {
        StudentSession* student = awaiting(Screen::submitting, answered.idempotency_key);
        if (!student) return;
        const auto& result = answered.result;
        if (result) {
            s_.server_reachable = true;
            show_result(*student, *result, false);
            return;
        }
        switch (result.error()) {
            case BackendError::unreachable:
                // Offline: the registration completes into the outbox instead.
                s_.server_reachable = false;
                effects.push_back(
                    effect::StoreInOutbox{registration_of(*student), student->request_key});
                return;
            case BackendError::refused:
                student->error = ShownError{Text::server_refused, result.server_error(),
                                            Text::way_forward_register};
                break;
            case BackendError::unexpected:
                student->error = ShownError{Text::unexpected_answer, {}, {}};
                break;
        }
        student->screen = Screen::confirm;
        enter_screen();
    }
    void operator()(const intent::StoredInOutbox& stored) {
        StudentSession* student = awaiting(Screen::submitting, stored.idempotency_key);
        if (!student) return;
        if (!stored.provisional_label) {
            student->screen = Screen::confirm;
            student->error = ShownError{Text::outbox_failed, {}, {}};
            enter_screen();
            return;
        }
        protocol::CheckInAnswer provisional;
        provisional.ticket_label = *stored.provisional_label;
        provisional.given_name = given_name_of(student->form.full_name);
        provisional.phone_masked = mask_phone(student->form.phone);
        ++s_.outbox_pending;  // until the outbox reports its own count
        show_result(*student, provisional, true);
    }
    void operator()(const intent::HelloAnswered& answered) {
        if (!reachable(answered.result)) return;
        s_.fair_name = answered.result->fair_name;
        s_.fair_date = answered.result->date;
        if (answered.result->protocol != protocol::kVersion)
            s_.server_protocol_mismatch = answered.result->protocol;
        else
            s_.server_protocol_mismatch.reset();
    }
    void operator()(const intent::EnterprisesAnswered& answered) {
        if (reachable(answered.result)) s_.enterprises = *answered.result;
    }
    void operator()(const intent::OutboxChanged& changed) { s_.outbox_pending = changed.pending; }

  private:
    // Activity of the student: restarts the inactivity timer.
    void touch() { s_.last_activity = now_; }
    // A screen change the student did not ask for still gives them the full time on it.
    void enter_screen() { s_.last_activity = now_; }

    void back_to_welcome() {
        s_.student.reset();  // destroys everything the student typed, chose and was shown
        s_.scanner.clear();
        s_.language = s_.config.language;
        s_.last_activity = now_;
    }

    StudentSession* on(Screen screen) {
        return s_.student && s_.student->screen == screen ? &*s_.student : nullptr;
    }
    StudentSession* editing() {
        return s_.student && has_text_field(s_.student->screen) ? &*s_.student : nullptr;
    }
    StudentSession* awaiting(Screen screen, const std::string& key) {
        StudentSession* student = on(screen);
        return student && student->request_key == key ? student : nullptr;
    }

    template <class T>
    bool reachable(const BackendResult<T>& result) {
        const bool was_reachable = s_.server_reachable;
        if (!result && result.error() == BackendError::unreachable) {
            s_.server_reachable = false;
            return false;
        }
        s_.server_reachable = true;
        if (!was_reachable && s_.outbox_pending > 0) effects.push_back(effect::SyncOutbox{});
        return static_cast<bool>(result);
    }

    void start_check_in(const std::string& payload) {
        if (s_.student && waits_for_server(s_.student->screen)) {
            // One request at a time: this one goes after those before it. The same ticket twice
            // in the queue is one student scanning again while waiting.
            if (std::find(s_.queued_scans.begin(), s_.queued_scans.end(), payload) ==
                s_.queued_scans.end())
                s_.queued_scans.push_back(payload);
            return;
        }
        s_.student.reset();  // a scan on any screen is a new student (or the same one, afresh)
        s_.student.emplace();
        StudentSession& student = *s_.student;
        student.screen = Screen::checking_in;
        student.request_key = make_idempotency_key();
        effects.push_back(
            effect::SubmitCheckIn{protocol::TicketCheckIn{payload}, student.request_key});
    }

    void next_from_form(StudentSession& student) {
        RegistrationForm& form = student.form;
        form.problems = form_problems(form);
        if (!form.problems.empty()) return;
        student.screen = Screen::choose_enterprises;
        // A changed trade or level may have made earlier choices ineligible.
        const auto visible = visible_enterprises(s_);
        std::erase_if(student.chosen_booths, [&](const std::string& booth) {
            return std::none_of(visible.begin(), visible.end(),
                                [&](const auto* card) { return card->booth == booth; });
        });
        focus(student, Field::search);
        effects.push_back(effect::LoadEnterprises{});
    }

    void show_result(StudentSession& student, const protocol::CheckInAnswer& answer,
                     bool provisional) {
        student.screen = Screen::result;
        student.answer = answer;
        student.provisional = provisional;
        student.error.reset();
        enter_screen();
        if (s_.config.printer_configured)
            effects.push_back(effect::PrintSlip{answer, provisional, s_.language});
    }

    KioskState& s_;
    TimePoint now_;
};

}  // namespace

KioskState make_kiosk(const KioskConfig& config, TimePoint now) {
    KioskState state;
    state.config = config;
    state.language = config.language;
    state.last_activity = now;
    return state;
}

std::vector<Effect> update(KioskState& state, const Intent& intent, TimePoint now) {
    Updater updater(state, now);
    std::visit(updater, intent);
    return std::move(updater.effects);
}

Screen current_screen(const KioskState& state) {
    return state.student ? state.student->screen : Screen::welcome;
}

std::chrono::seconds countdown_length(const KioskState& state) {
    return state.student && state.student->screen == Screen::result
               ? state.config.timeouts.result_countdown
               : state.config.timeouts.countdown;
}

std::optional<int> countdown_seconds(const KioskState& state, TimePoint now) {
    if (!state.student || waits_for_server(state.student->screen)) return std::nullopt;
    const auto left = time_limit(state) - (now - state.last_activity);
    if (left > countdown_length(state)) return std::nullopt;
    const auto whole = std::chrono::ceil<std::chrono::seconds>(left).count();
    return static_cast<int>(std::max<decltype(whole)>(whole, 0));
}

std::optional<TimePoint> next_change(const KioskState& state, TimePoint now) {
    // Queued scans are taken by the frame that the running check-in's answer wakes.
    if (!state.queued_scans.empty() && !(state.student && waits_for_server(state.student->screen)))
        return now;
    const bool runs_out = (state.student && !waits_for_server(state.student->screen)) ||
                          state.language != state.config.language;
    if (!runs_out) return std::nullopt;
    const TimePoint back_to_welcome = state.last_activity + time_limit(state);
    if (now >= back_to_welcome) return now;
    // The countdown shows whole seconds left, rounded up: it turns when the time left reaches a
    // whole second; it first shows when the time left reaches `countdown`.
    const auto left = back_to_welcome - now;
    const auto countdown = state.config.timeouts.countdown;
    if (left > countdown) return back_to_welcome - countdown;
    const auto shown = std::chrono::ceil<std::chrono::seconds>(left);
    return back_to_welcome - (shown - std::chrono::seconds(1));
}

Connection connection(const KioskState& state) {
    if (!state.server_reachable) return Connection::offline;
    return state.outbox_pending > 0 ? Connection::syncing : Connection::online;
}

std::string connection_text(const KioskState& state) {
    switch (connection(state)) {
        case Connection::online:
            return tr(Text::status_online, state.language);
        case Connection::offline:
            return tr(Text::status_offline, state.language);
        case Connection::syncing:
            return tr_fill(Text::status_syncing, state.language,
                           {std::to_string(state.outbox_pending)});
    }
    return tr(Text::status_online, state.language);
}

bool is_eligible(const protocol::EnterpriseCard& card, std::string_view occupation, Level level) {
    if (card.paused) return false;
    // Other trade (no code): only booths that take any trade (fair-format.md rule 4).
    const bool trade_fits =
        card.occupations.empty() || (occupation != kOtherOccupation && !occupation.empty() &&
                                     std::find(card.occupations.begin(), card.occupations.end(),
                                               occupation) != card.occupations.end());
    if (!trade_fits) return false;
    if (!card.min_level) return true;
    const auto minimum = parse_level(*card.min_level);
    return minimum && level >= *minimum;  // an unknown minimum level admits nobody, safely
}

std::vector<const protocol::EnterpriseCard*> visible_enterprises(const KioskState& state) {
    std::vector<const protocol::EnterpriseCard*> visible;
    if (!state.student || !state.student->form.level) return visible;
    const StudentSession& student = *state.student;
    for (const auto& card : state.enterprises) {
        if (!is_eligible(card, student.form.occupation, *student.form.level)) continue;
        bool matches = contains_folded(card.enterprise, student.search) ||
                       contains_folded(card.booth, student.search);
        for (const auto& code : card.occupations) {
            matches = matches ||
                      contains_folded(occupation_display_name(code, true), student.search) ||
                      contains_folded(occupation_display_name(code, false), student.search);
        }
        if (matches) visible.push_back(&card);
    }
    return visible;
}

bool has_other_trade(const RegistrationForm& form) {
    return form.occupation == kOtherOccupation;
}

std::string trade_display(const RegistrationForm& form, Language language) {
    if (has_other_trade(form)) {
        const OccupationTextCheck typed = check_occupation_text(form.occupation_text);
        return tr_fill(Text::other_trade_named, language,
                       {typed ? typed.text : collapse_spaces(form.occupation_text)});
    }
    return occupation_display_name(form.occupation, language == Language::vi);
}

bool no_booth_for_student(const KioskState& state) {
    if (!state.student || state.student->screen != Screen::choose_enterprises) return false;
    if (state.enterprises.empty()) return false;  // not loaded yet: nothing to say
    const StudentSession& student = *state.student;
    if (!student.form.level) return false;
    return std::none_of(state.enterprises.begin(), state.enterprises.end(), [&](const auto& card) {
        return is_eligible(card, student.form.occupation, *student.form.level);
    });
}

std::optional<Text> next_disabled_reason(const KioskState& state) {
    if (no_booth_for_student(state)) return Text::next_no_booth;
    return std::nullopt;
}

std::vector<const protocol::EnterpriseCard*> cv_booths(const KioskState& state) {
    std::vector<const protocol::EnterpriseCard*> out;
    for (const auto& card : state.enterprises) {
        if (card.takes_cvs) out.push_back(&card);
    }
    return out;
}

std::string free_seat_text(const protocol::EnterpriseCard& card, Language language) {
    if (card.free_from) return tr_fill(Text::free_from, language, {*card.free_from});
    return tr(Text::full_for_today, language);
}

std::vector<const protocol::EnterpriseCard*> free_alternatives(const KioskState& state) {
    std::vector<const protocol::EnterpriseCard*> out;
    if (!state.student || !state.student->form.level) return out;
    const StudentSession& student = *state.student;
    if (student.chosen_booths.empty()) return out;
    const auto chosen = [&](const std::string& booth) {
        return std::find(student.chosen_booths.begin(), student.chosen_booths.end(), booth) !=
               student.chosen_booths.end();
    };
    for (const auto& card : state.enterprises) {
        if (chosen(card.booth) && card.free_from) return {};  // one chosen booth has a seat
    }
    for (const auto& card : state.enterprises) {
        if (chosen(card.booth) || !card.free_from) continue;
        if (is_eligible(card, student.form.occupation, *student.form.level)) out.push_back(&card);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return std::tie(*a->free_from, a->booth) < std::tie(*b->free_from, b->booth);
    });
    if (out.size() > 3) out.resize(3);
    return out;
}

std::string standby_line(const protocol::StandbyBooth& standby, Language language) {
    if (standby.estimate)
        return tr_fill(Text::standby_at, language, {standby.booth, *standby.estimate});
    return tr_fill(Text::standby_unlikely, language, {standby.booth});
}

std::string no_interview_text(const protocol::CheckInAnswer& answer, Language language) {
    if (!answer.no_interview) return {};
    NoInterviewReason reason = NoInterviewReason::none;
    try {
        reason = nlohmann::json(*answer.no_interview).get<NoInterviewReason>();
    } catch (const std::exception&) {
        return {};  // a reason this kiosk does not know: say nothing rather than guess
    }
    return std::string(language == Language::vi ? no_interview_reason_vi(reason)
                                                : no_interview_reason_en(reason));
}

std::string free_seat_line(const protocol::FreeSeat& free, Language language) {
    return tr_fill(Text::free_seat_line, language, {free.booth, free.enterprise, free.from});
}

bool can_add_booth(const StudentSession& student, const std::string& booth) {
    if (student.screen != Screen::result || !student.answer || student.provisional ||
        student.adding_booth || student.answer->ticket.empty())
        return false;
    const auto& free = student.answer->free_seats;
    return std::any_of(free.begin(), free.end(), [&](const auto& f) { return f.booth == booth; });
}

std::string error_text(const ShownError& error, Language language) {
    std::string text;
    if (error.server) {
        const bool vietnamese = language == Language::vi && !error.server->message_vi.empty();
        text = tr_fill(error.problem, language,
                       {vietnamese ? error.server->message_vi : error.server->message});
    } else {
        text = tr(error.problem, language);
    }
    if (error.way_forward) text += std::string(" ") + tr(*error.way_forward, language);
    return text;
}

std::optional<std::string> phone_status_link(const protocol::CheckInAnswer& answer,
                                             bool provisional) {
    if (provisional || !answer.status_url) return std::nullopt;
    const std::string& url = *answer.status_url;
    const bool web = url.starts_with("http://") || url.starts_with("https://");
    // A QR at version 7 or below stays easy to scan from a slip: about 120 bytes.
    if (!web || url.find("/p#") == std::string::npos || url.size() > 120) return std::nullopt;
    return url;
}

std::string come_back_time(const protocol::ScheduledInterview& interview) {
    const auto start = TimeOfDay::parse(interview.start);
    if (!start) return interview.start;
    return start->plus_minutes(-protocol::kComeBackMinutesBeforeStart).str();
}

std::string given_name_of(std::string_view full_name) {
    const std::string name = collapse_spaces(to_nfc(full_name));
    const auto space = name.rfind(' ');
    return space == std::string::npos ? name : name.substr(space + 1);
}

protocol::WalkInRegistration registration_of(const StudentSession& student) {
    const RegistrationForm& form = student.form;
    protocol::WalkInRegistration registration;
    registration.full_name = collapse_spaces(to_nfc(form.full_name));
    const PhoneCheck phone = check_phone(form.phone);
    registration.phone = phone ? phone.national() : form.phone;
    registration.school = collapse_spaces(to_nfc(form.school));
    registration.occupation = form.occupation;
    if (has_other_trade(form)) {
        const OccupationTextCheck typed = check_occupation_text(form.occupation_text);
        registration.occupation_text = typed ? typed.text : form.occupation_text;
    }
    registration.level = form.level ? std::string(level_code(*form.level)) : std::string();
    registration.preferences = student.chosen_booths;
    registration.consent = form.consent;
    return registration;
}

}  // namespace jobfair::checkin
