// Index: helpers (notices, fetch, post) · parse_booth_queue · update (login, queue, actions,
// finish dialog, ticket check, stream, tick) · parse_stream_event · queries
#include "kiosk/booth/model/booth.hpp"

#include <functional>
#include <vector>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

#include "common/protocol.hpp"
#include "common/text.hpp"

namespace jobfair::booth {

namespace {

template <class... Handlers>
struct Overloaded : Handlers... {
    using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

Person person_from(const nlohmann::json& json) {
    Person person;
    person.student = text_or_empty(json, "student");
    person.ticket_label = text_or_empty(json, "ticket_label");
    person.full_name = text_or_empty(json, "full_name");
    person.given_name = text_or_empty(json, "given_name");
    person.occupation = text_or_empty(json, "occupation");
    person.occupation_text = text_or_empty(json, "occupation_text");
    person.level = text_or_empty(json, "level");
    person.school = text_or_empty(json, "school");
    const auto rank = json.find("rank");
    if (rank != json.end() && rank->is_number_integer()) person.rank = rank->get<int>();
    return person;
}

// --- Notices: always from the string table, or the server's own words -------------------------
Notice table_notice(Notice::Kind kind, BoothText text,
                    std::initializer_list<std::string_view> values = {}) {
    return {kind, tr_fill(text, Language::vi, values), tr_fill(text, Language::en, values)};
}

Notice refusal_notice(const ServerRefusal& refusal) {
    return {Notice::Kind::danger, refusal.message_vi.empty() ? refusal.message : refusal.message_vi,
            refusal.message};
}

std::string seat_label(int seat) {
    return std::to_string(seat + 1);
}

// The server's reason for calling nobody, in the table's words; without a reason, the server's own
// (English) words.
// The ticket label (A-0087) of a student the queue knows, else "a student": the student id
// (S0483) the server names is internal and never shown.
std::string ticket_or_someone(const BoothState& state, const std::string& student,
                              Language language) {
    if (state.queue) {
        for (const auto& interview : state.queue->queue)
            if (interview.person.student == student) return interview.person.ticket_label;
        for (const auto& waiting : state.queue->standby)
            if (waiting.person.student == student) return waiting.person.ticket_label;
    }
    return tr(BoothText::unknown_student, language);
}

// A notice naming the student in the way, in each language.
Notice notice_about(const BoothState& state, const std::string& student, BoothText text,
                    const std::function<std::vector<std::string>(const std::string&)>& values) {
    const auto in = [&](Language language) {
        const std::vector<std::string> filled = values(ticket_or_someone(state, student, language));
        std::string out = tr(text, language);
        for (const std::string& value : filled) {
            const auto blank = out.find("{}");
            if (blank == std::string::npos) break;
            out.replace(blank, 2, value);
        }
        return out;
    };
    return {Notice::Kind::info, in(Language::vi), in(Language::en)};
}

// The server's reason for calling nobody, in the table's words; without a reason, the server's own
// (English) words.
Notice why_nobody_notice(const BoothState& state, const intent::ActionAnswered& answered,
                         int seat) {
    const std::string& student = answered.nobody_student;
    switch (answered.nobody) {
        case CallNobody::nobody_waiting:
            return table_notice(Notice::Kind::info, BoothText::why_nobody_waiting);
        case CallNobody::outside_hours:
            return table_notice(Notice::Kind::info, BoothText::why_outside_hours);
        case CallNobody::seat_busy:
            return notice_about(state, student, BoothText::why_seat_busy, [&](const auto& who) {
                return std::vector<std::string>{seat_label(seat), who};
            });
        case CallNobody::seat_held:
            return notice_about(state, student, BoothText::why_seat_held,
                                [](const auto& who) { return std::vector<std::string>{who}; });
        case CallNobody::not_in_standby:
            return notice_about(state, student, BoothText::why_not_in_standby,
                                [&](const auto& who) {
                                    return std::vector<std::string>{who, state.booth};
                                });
        case CallNobody::booth_full:
            return table_notice(Notice::Kind::info, BoothText::why_booth_full);
        case CallNobody::not_yet:
            return notice_about(state, student, BoothText::why_not_yet, [](const auto& who) {
                return std::vector<std::string>{
                    who, std::to_string(protocol::kEarliestEarlyCallMinutes)};
            });
        case CallNobody::none:
            break;
    }
    return table_notice(Notice::Kind::info, BoothText::why_other, {answered.why_nobody});
}

// A note as the server takes it: NFC (ImGui draws only precomposed Vietnamese), at most
// kMaxNoteBytes, never cut inside a character.
std::string clean_note(std::string_view typed) {
    std::string note = to_nfc(typed);
    if (note.size() <= kMaxNoteBytes) return note;
    std::size_t cut = kMaxNoteBytes;
    while (cut > 0 && (static_cast<unsigned char>(note[cut]) & 0xC0) == 0x80)
        --cut;
    note.resize(cut);
    return note;
}

// --- Calls ------------------------------------------------------------------------------------
std::vector<Effect> fetch(BoothState& state, Clock::time_point now) {
    state.next_refresh = now + kRefreshEvery;
    if (state.fetch_in_flight) {
        state.fetch_again = true;
        return {};
    }
    state.fetch_in_flight = true;
    return {effect::FetchQueue{}};
}

const QueuedInterview* find_interview(const BoothState& state, std::int64_t id) {
    if (!state.queue) return nullptr;
    for (const QueuedInterview& interview : state.queue->queue)
        if (interview.id == id) return &interview;
    return nullptr;
}

const StandbyStudent* find_standby(const BoothState& state, std::string_view student) {
    if (!state.queue) return nullptr;
    for (const StandbyStudent& standby : state.queue->standby)
        if (standby.person.student == student) return &standby;
    return nullptr;
}

bool can_act(const BoothState& state) {
    return !state.action_in_flight && state.screen == Screen::booth && state.queue;
}

std::string interview_path(std::int64_t interview, std::string_view verb) {
    return "/interviews/" + std::to_string(interview) + "/" + std::string(verb);
}

// An action on an interview, when nothing else is in flight and the interview is in the queue
// with a status that allows it (the server checks again).
std::vector<Effect> post(BoothState& state, Action action, std::int64_t interview,
                         std::initializer_list<InterviewStatus> allowed_statuses,
                         const nlohmann::json& body = nlohmann::json::object()) {
    if (!can_act(state)) return {};
    const QueuedInterview* found = find_interview(state, interview);
    if (!found) return {};
    if (std::find(allowed_statuses.begin(), allowed_statuses.end(), found->status) ==
        allowed_statuses.end())
        return {};
    static constexpr std::string_view kVerbs[] = {"call-next", "recall",  "skip",        "start",
                                                  "finish",    "no-show", "take-walk-in"};
    state.action_in_flight = action;
    state.action_interview = interview;
    state.action_seat = found->seat;
    return {effect::PostAction{action, interview_path(interview, kVerbs[static_cast<int>(action)]),
                               body.dump()}};
}

bool event_concerns_booth(const BoothState& state, const intent::StreamEventArrived& event) {
    if (!event.booth.empty()) return event.booth == state.booth;
    if (event.interview && find_interview(state, *event.interview)) return true;
    // Check-ins, departures and re-plans change whereabouts and the standby list.
    return event.kind.starts_with("student.") || event.kind == "schedule.saved" ||
           event.kind.starts_with("interview.called");
}

// Back to the PIN pad with nothing of the booth's students left (STYLE.md rule 4): a new state,
// keeping only the booth, the language and what the hello said.
void back_to_login(BoothState& state, std::optional<Notice> problem) {
    BoothState fresh = make_booth(state.booth, state.vietnamese);
    fresh.server_reachable = state.server_reachable;
    fresh.protocol_mismatch = state.protocol_mismatch;
    fresh.fair_name = state.fair_name;
    fresh.fair_date = state.fair_date;
    fresh.login_problem = std::move(problem);
    state = std::move(fresh);
}

bool session_ended(const Outcome& outcome) {
    return outcome.refusal && outcome.refusal->code == "unauthenticated";
}

// A refused or unanswered call on the booth screen: offline, session over, or the server's words.
std::vector<Effect> call_failed(BoothState& state, const Outcome& outcome, Clock::time_point now) {
    if (!outcome.reached) {
        state.online = false;
        state.next_retry = now + kRetryEvery;
        state.notice = table_notice(Notice::Kind::danger, BoothText::unreachable_nothing_done);
        return {};
    }
    if (session_ended(outcome)) {
        back_to_login(state, table_notice(Notice::Kind::warning, BoothText::session_ended));
        return {effect::LogOut{false}};
    }
    state.notice = refusal_notice(*outcome.refusal);
    return {};
}

}  // namespace

std::string text_or_empty(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string()) return {};
    return found->get<std::string>();
}

BoothQueue parse_booth_queue(std::string_view body) {
    try {
        const nlohmann::json json = nlohmann::json::parse(body);
        BoothQueue queue;
        queue.booth = json.at("booth").get<std::string>();
        queue.enterprise = text_or_empty(json, "enterprise");
        queue.now = text_or_empty(json, "now");
        queue.seats = json.value("seats", 1);
        queue.paused = json.value("paused", false);
        queue.break_until = text_or_empty(json, "break_until");  // absent from an older server
        for (const nlohmann::json& entry : json.at("queue")) {
            QueuedInterview interview;
            interview.id = entry.at("id").get<std::int64_t>();
            interview.seat = entry.at("seat").get<int>();
            interview.start = text_or_empty(entry, "start");
            interview.end = text_or_empty(entry, "end");
            interview.status = entry.at("status").get<InterviewStatus>();
            if (const auto where = entry.find("whereabouts"); where != entry.end())
                where->get_to(interview.whereabouts);
            interview.busy_at = text_or_empty(entry, "busy_at");
            interview.away_until = text_or_empty(entry, "away_until");
            if (const auto seconds = entry.find("status_seconds");
                seconds != entry.end() && seconds->is_number_integer())
                interview.status_seconds = seconds->get<std::int64_t>();
            if (entry.contains("person")) interview.person = person_from(entry.at("person"));
            queue.queue.push_back(std::move(interview));
        }
        for (const nlohmann::json& entry : json.at("standby")) {
            StandbyStudent student;
            student.person = person_from(entry);
            student.arrived = text_or_empty(entry, "arrived");
            student.busy_at = text_or_empty(entry, "busy_at");
            if (const auto blocked = entry.find("blocked"); blocked != entry.end())
                blocked->get_to(student.blocked);
            queue.standby.push_back(std::move(student));
        }
        return queue;
    } catch (const nlohmann::json::exception& error) {
        throw std::invalid_argument(std::string("not a booth queue answer: ") + error.what());
    }
}

BoothState make_booth(std::string booth, bool vietnamese) {
    BoothState state;
    state.booth = std::move(booth);
    state.vietnamese = vietnamese;
    return state;
}

std::vector<Effect> update(BoothState& state, const Intent& intent, Clock::time_point now) {
    return std::visit(
        Overloaded{
            // --- Hello and login ------------------------------------------------------------
            [&](const intent::HelloAnswered& answered) -> std::vector<Effect> {
                state.hello_in_flight = false;
                state.server_reachable = answered.reached;
                if (!answered.reached) {
                    state.next_retry = now + kRetryEvery;
                    return {};
                }
                state.fair_name = answered.fair_name;
                state.fair_date = answered.fair_date;
                if (answered.protocol != protocol::kVersion)
                    state.protocol_mismatch = answered.protocol;
                else
                    state.protocol_mismatch.reset();
                return {};
            },
            [&](const intent::PinDigit& typed) -> std::vector<Effect> {
                if (state.screen != Screen::login || state.logging_in) return {};
                if (typed.digit < '0' || typed.digit > '9') return {};
                if (state.pin.size() < kPinLength) state.pin.push_back(typed.digit);
                state.login_problem.reset();
                if (state.pin.size() < kPinLength || state.protocol_mismatch) return {};
                state.logging_in = true;
                return {effect::LogIn{state.booth, state.pin}};
            },
            [&](const intent::PinBackspace&) -> std::vector<Effect> {
                if (state.screen == Screen::login && !state.logging_in && !state.pin.empty())
                    state.pin.pop_back();
                return {};
            },
            [&](const intent::PinClear&) -> std::vector<Effect> {
                if (state.screen == Screen::login && !state.logging_in) state.pin.clear();
                return {};
            },
            [&](const intent::LoginAnswered& answered) -> std::vector<Effect> {
                if (state.screen != Screen::login) return {};
                state.logging_in = false;
                state.pin.clear();  // never kept: a wrong PIN is typed again from the start
                if (!answered.outcome.ok()) {
                    if (!answered.outcome.reached) state.server_reachable = false;
                    state.login_problem = answered.outcome.reached
                                              ? refusal_notice(*answered.outcome.refusal)
                                              : table_notice(Notice::Kind::danger,
                                                             BoothText::login_server_unreachable);
                    return {};
                }
                state.server_reachable = true;
                state.screen = Screen::booth;
                state.online = true;
                state.login_problem.reset();
                return fetch(state, now);
            },
            [&](const intent::LogOut&) -> std::vector<Effect> {
                if (state.screen != Screen::booth) return {};
                back_to_login(state, std::nullopt);
                return {effect::LogOut{true}};
            },
            [&](const intent::SwitchLanguage&) -> std::vector<Effect> {
                state.vietnamese = !state.vietnamese;
                return {};
            },
            // --- The queue ----------------------------------------------------------------------
            [&](const intent::QueueAnswered& answered) -> std::vector<Effect> {
                if (state.screen != Screen::booth) return {};  // logged out meanwhile
                state.fetch_in_flight = false;
                if (!answered.outcome.ok() || !answered.queue) {
                    state.fetch_again = false;
                    state.next_retry = now + kRetryEvery;
                    if (!answered.outcome.reached) {
                        state.online = false;
                        return {};
                    }
                    return call_failed(state, answered.outcome, now);
                }
                state.online = true;
                state.queue = answered.queue;
                // Timers: kept for the interviews still called or under way, dropped for the rest;
                // one seen for the first time starts where the server says it is (a restarted
                // station shows the same timers).
                std::map<std::int64_t, Clock::time_point> called_at;
                std::map<std::int64_t, Clock::time_point> started_at;
                const auto keep_or_start = [&](const std::map<std::int64_t, Clock::time_point>& old,
                                               const QueuedInterview& interview) {
                    const auto seen = old.find(interview.id);
                    if (seen != old.end()) return seen->second;
                    return now - std::chrono::seconds(interview.status_seconds.value_or(0));
                };
                for (const QueuedInterview& interview : state.queue->queue) {
                    if (interview.status == InterviewStatus::called) {
                        called_at[interview.id] = keep_or_start(state.called_at, interview);
                    } else if (interview.status == InterviewStatus::in_progress) {
                        started_at[interview.id] = keep_or_start(state.started_at, interview);
                    }
                }
                state.called_at = std::move(called_at);
                state.started_at = std::move(started_at);
                // The dialog closes when its interview is no longer under way (finished elsewhere).
                if (state.finishing) {
                    const QueuedInterview* open = find_interview(state, state.finishing->interview);
                    if (!open || open->status != InterviewStatus::in_progress)
                        state.finishing.reset();
                }
                if (state.fetch_again) {
                    state.fetch_again = false;
                    return fetch(state, now);
                }
                return {};
            },
            // --- Actions ------------------------------------------------------------------------
            [&](const intent::CallNext& asked) -> std::vector<Effect> {
                if (!can_act(state)) return {};
                if (asked.seat < 0 || asked.seat >= state.queue->seats) return {};
                if (current_interview(state, asked.seat)) return {};  // the seat is busy
                state.action_in_flight = Action::call_next;
                state.action_interview = 0;
                state.action_seat = asked.seat;
                return {effect::PostAction{Action::call_next,
                                           "/booths/" + state.booth + "/seats/" +
                                               std::to_string(asked.seat) + "/call-next",
                                           "{}"}};
            },
            [&](const intent::Recall& asked) {
                return post(state, Action::recall, asked.interview, {InterviewStatus::called});
            },
            [&](const intent::Skip& asked) {
                return post(state, Action::skip, asked.interview, {InterviewStatus::called});
            },
            [&](const intent::Start& asked) {
                return post(state, Action::start, asked.interview, {InterviewStatus::called});
            },
            [&](const intent::OpenFinish& asked) -> std::vector<Effect> {
                if (state.screen != Screen::booth || state.finishing) return {};
                const QueuedInterview* interview = find_interview(state, asked.interview);
                if (!interview || interview->status != InterviewStatus::in_progress) return {};
                if (state.note_for != interview->id) {  // a new interview starts with a clean form
                    state.note.clear();
                    state.outcome_by_seat.erase(interview->seat);
                    state.note_for = interview->id;
                }
                state.finishing = FinishDialog{interview->id, interview->seat};
                return {};
            },
            [&](const intent::CloseFinish&) -> std::vector<Effect> {
                state.finishing.reset();
                return {};
            },
            [&](const intent::ChooseOutcome& chosen) -> std::vector<Effect> {
                state.outcome_by_seat[chosen.seat] = chosen.outcome;
                return {};
            },
            [&](const intent::NoteTyped& typed) -> std::vector<Effect> {
                state.note = clean_note(typed.text);
                return {};
            },
            [&](const intent::Finish& asked) -> std::vector<Effect> {
                const QueuedInterview* interview = find_interview(state, asked.interview);
                if (!interview) return {};
                const auto chosen = state.outcome_by_seat.find(interview->seat);
                if (chosen == state.outcome_by_seat.end()) {
                    state.notice =
                        table_notice(Notice::Kind::warning, BoothText::choose_outcome_first);
                    return {};
                }
                nlohmann::json body = {{"outcome", chosen->second}};
                if (!state.note.empty()) body["note"] = state.note;
                return post(state, Action::finish, asked.interview, {InterviewStatus::in_progress},
                            body);
            },
            [&](const intent::NoShow& asked) {
                return post(state, Action::no_show, asked.interview, {InterviewStatus::called});
            },
            [&](const intent::TakeWalkIn& asked) -> std::vector<Effect> {
                if (!can_act(state)) return {};
                if (asked.seat < 0 || asked.seat >= state.queue->seats) return {};
                const StandbyStudent* student = find_standby(state, asked.student);
                if (!student) return {};
                if (!student->busy_at.empty()) {
                    state.notice = table_notice(Notice::Kind::warning, BoothText::walk_in_busy,
                                                {student->person.ticket_label, student->busy_at});
                    return {};
                }
                if (const auto why = standby_block_text(student->blocked)) {
                    const auto in = [&](Language language) {
                        return tr_fill(BoothText::walk_in_blocked, language,
                                       {student->person.ticket_label, tr(*why, language)});
                    };
                    state.notice = {Notice::Kind::warning, in(Language::vi), in(Language::en)};
                    return {};
                }
                if (current_interview(state, asked.seat)) {
                    state.notice = table_notice(Notice::Kind::warning, BoothText::walk_in_seat_busy,
                                                {seat_label(asked.seat)});
                    return {};
                }
                state.action_in_flight = Action::take_walk_in;
                state.action_interview = 0;
                state.action_seat = asked.seat;
                const nlohmann::json body = {{"student", asked.student}, {"seat", asked.seat}};
                return {effect::PostAction{
                    Action::take_walk_in, "/booths/" + state.booth + "/take-walk-in", body.dump()}};
            },
            [&](const intent::ActionAnswered& answered) -> std::vector<Effect> {
                if (state.screen != Screen::booth) return {};
                const std::int64_t acted_on = std::exchange(state.action_interview, 0);
                state.action_in_flight.reset();
                if (!answered.outcome.ok()) {
                    std::vector<Effect> effects = call_failed(state, answered.outcome, now);
                    // Refused: the queue has moved on without us; read it again.
                    if (answered.outcome.reached && state.screen == Screen::booth)
                        for (Effect& effect : fetch(state, now))
                            effects.push_back(std::move(effect));
                    return effects;
                }
                state.online = true;
                switch (answered.action) {
                    case Action::call_next:
                    case Action::take_walk_in:
                        state.notice =
                            answered.called_ticket_label.empty()
                                ? why_nobody_notice(state, answered, state.action_seat)
                                : table_notice(Notice::Kind::ok, BoothText::called_ticket,
                                               {answered.called_ticket_label,
                                                seat_label(state.action_seat)});
                        break;
                    case Action::finish: {
                        const QueuedInterview* finished = find_interview(state, acted_on);
                        const auto chosen = state.outcome_by_seat.find(state.action_seat);
                        if (finished && chosen != state.outcome_by_seat.end()) {
                            state.notice =
                                Notice{Notice::Kind::ok,
                                       tr_fill(BoothText::finished_saved, Language::vi,
                                               {finished->person.ticket_label,
                                                outcome_words(chosen->second, Language::vi)}),
                                       tr_fill(BoothText::finished_saved, Language::en,
                                               {finished->person.ticket_label,
                                                outcome_words(chosen->second, Language::en)})};
                        } else {
                            state.notice.reset();
                        }
                        // Nothing of this student stays for the next one (STYLE.md rule 4).
                        state.note.clear();
                        state.note_for = 0;
                        state.outcome_by_seat.erase(state.action_seat);
                        state.finishing.reset();
                        break;
                    }
                    case Action::recall:
                        state.called_at[acted_on] = now;  // the no-show wait starts again
                        state.notice.reset();
                        break;
                    default:
                        state.notice.reset();
                        break;
                }
                if (answered.action == Action::start || answered.action == Action::finish ||
                    answered.action == Action::skip || answered.action == Action::no_show)
                    state.ticket_check.reset();
                return fetch(state, now);
            },
            // --- Ticket check by scanner ----------------------------------------------------
            [&](const intent::Key& typed) -> std::vector<Effect> {
                if (state.screen == Screen::login) {
                    if (typed.character >= U'0' && typed.character <= U'9')
                        return update(state, intent::PinDigit{static_cast<char>(typed.character)},
                                      now);
                    return {};
                }
                // A pause longer than a scanner's makes this the first key of a new scan.
                if (now - state.last_key > kScanGap) state.scanned.clear();
                state.last_key = now;
                // Ticket payloads are base32: A-Z, 2-7 (a scanner may send lowercase).
                if (typed.character > 0x20 && typed.character < 0x7f &&
                    state.scanned.size() < kMaxTicketChars)
                    state.scanned.push_back(static_cast<char>(typed.character));
                return {};
            },
            [&](const intent::Enter&) -> std::vector<Effect> {
                std::string ticket = std::exchange(state.scanned, {});
                if (state.screen != Screen::booth || ticket.empty()) return {};
                const QueuedInterview* interview = interview_to_verify(state);
                if (!interview) {
                    state.notice = table_notice(Notice::Kind::warning, BoothText::nobody_to_verify);
                    return {};
                }
                return {effect::VerifyTicket{interview->id, std::move(ticket)}};
            },
            [&](const intent::VerifyAnswered& answered) -> std::vector<Effect> {
                if (state.screen != Screen::booth) return {};
                if (!answered.outcome.ok()) {
                    state.ticket_check.reset();
                    return call_failed(state, answered.outcome, now);
                }
                state.online = true;
                const QueuedInterview* expected = find_interview(state, answered.interview);
                TicketCheck check;
                check.interview = answered.interview;
                check.match = answered.match;
                check.ticket_label = answered.ticket_label;
                check.message = answered.message;
                if (expected) {
                    check.expected_label = expected->person.ticket_label;
                    check.expected_name = expected->person.given_name;
                }
                state.notice =
                    answered.match
                        ? table_notice(Notice::Kind::ok, BoothText::ticket_match,
                                       {check.expected_label, check.expected_name})
                        : table_notice(
                              Notice::Kind::danger, BoothText::ticket_mismatch_body,
                              {check.ticket_label, check.expected_label, check.expected_name});
                state.ticket_check = std::move(check);
                return {};
            },
            [&](const intent::DismissTicketCheck&) -> std::vector<Effect> {
                if (state.ticket_check && !state.ticket_check->match) {
                    state.ticket_check.reset();
                    state.notice.reset();
                }
                return {};
            },
            [&](const intent::DismissNotice&) -> std::vector<Effect> {
                state.notice.reset();
                return {};
            },
            // --- Live updates and connection ------------------------------------------------
            [&](const intent::StreamOpened&) -> std::vector<Effect> {
                if (state.screen != Screen::booth) return {};
                return fetch(state, now);  // resync: whatever was missed is in the queue
            },
            [&](const intent::StreamLost&) -> std::vector<Effect> {
                if (state.screen != Screen::booth) return {};
                state.online = false;
                state.next_retry = now + kRetryEvery;
                return {};
            },
            [&](const intent::StreamEventArrived& event) -> std::vector<Effect> {
                if (state.screen != Screen::booth || !event_concerns_booth(state, event)) return {};
                return fetch(state, now);
            },
            [&](const intent::Tick&) -> std::vector<Effect> {
                if (state.screen == Screen::login) {
                    if (state.hello_in_flight || state.server_reachable.value_or(false) ||
                        (state.server_reachable && now < state.next_retry))
                        return {};
                    state.hello_in_flight = true;
                    return {effect::SayHello{}};
                }
                if (!state.online) {
                    if (now < state.next_retry || state.fetch_in_flight) return {};
                    state.next_retry = now + kRetryEvery;
                    return fetch(state, now);
                }
                if (now >= state.next_refresh && !state.fetch_in_flight) return fetch(state, now);
                return {};
            },
        },
        intent);
}

intent::StreamEventArrived parse_stream_event(std::string_view kind, std::string_view data) {
    intent::StreamEventArrived event{std::string(kind), {}, std::nullopt};
    const nlohmann::json json = nlohmann::json::parse(data, nullptr, false);
    if (!json.is_object()) return event;
    event.booth = text_or_empty(json, "booth");
    const auto payload = json.find("payload");
    if (payload == json.end() || !payload->is_object()) return event;
    if (event.booth.empty()) event.booth = text_or_empty(*payload, "booth");
    const auto interview = payload->find("interview");
    if (interview != payload->end() && interview->is_number_integer())
        event.interview = interview->get<std::int64_t>();
    return event;
}

const QueuedInterview* current_interview(const BoothState& state, int seat) {
    if (!state.queue) return nullptr;
    for (const QueuedInterview& interview : state.queue->queue)
        if (interview.seat == seat && (interview.status == InterviewStatus::called ||
                                       interview.status == InterviewStatus::in_progress))
            return &interview;
    return nullptr;
}

std::vector<const QueuedInterview*> next_interviews(const BoothState& state, std::size_t limit) {
    std::vector<const QueuedInterview*> next;
    if (!state.queue) return next;
    for (const QueuedInterview& interview : state.queue->queue) {
        if (interview.status != InterviewStatus::planned &&
            interview.status != InterviewStatus::promised)
            continue;
        next.push_back(&interview);
        if (next.size() >= limit) break;
    }
    return next;
}

const QueuedInterview* interview_to_verify(const BoothState& state) {
    if (!state.queue) return nullptr;
    for (const InterviewStatus status : {InterviewStatus::called, InterviewStatus::in_progress})
        for (const QueuedInterview& interview : state.queue->queue)
            if (interview.status == status) return &interview;
    return nullptr;
}

std::optional<std::chrono::seconds> running_for(const BoothState& state,
                                                const QueuedInterview& interview,
                                                Clock::time_point now) {
    const std::map<std::int64_t, Clock::time_point>* seen = nullptr;
    if (interview.status == InterviewStatus::called) seen = &state.called_at;
    if (interview.status == InterviewStatus::in_progress) seen = &state.started_at;
    if (!seen) return std::nullopt;
    const auto found = seen->find(interview.id);
    if (found == seen->end()) return std::nullopt;
    return std::max(std::chrono::seconds(0),
                    std::chrono::duration_cast<std::chrono::seconds>(now - found->second));
}

std::optional<Clock::time_point> next_change(const BoothState& state, Clock::time_point now) {
    std::optional<Clock::time_point> next;
    const auto at = [&](Clock::time_point moment) {
        moment = std::max(moment, now);
        next = next ? std::min(*next, moment) : moment;
    };
    if (state.screen == Screen::login) {
        if (!state.hello_in_flight && !state.server_reachable.value_or(false))
            at(state.server_reachable ? state.next_retry : now);
        return next;
    }
    if (!state.fetch_in_flight) at(state.online ? state.next_refresh : state.next_retry);
    if (state.queue) {
        for (const QueuedInterview& interview : state.queue->queue) {
            if (const auto running = running_for(state, interview, now)) {
                const auto& seen = interview.status == InterviewStatus::called ? state.called_at
                                                                               : state.started_at;
                at(seen.at(interview.id) + *running + std::chrono::seconds(1));
            }
        }
    }
    return next;
}

int seat_count(const BoothState& state) {
    return state.queue ? std::max(1, state.queue->seats) : 1;
}

std::string clock_text(std::chrono::seconds duration) {
    const long long total = std::max<long long>(0, duration.count());
    const long long hours = total / 3600;
    const long long minutes = total / 60 % 60;
    const long long seconds = total % 60;
    char text[32];
    if (hours > 0)
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", hours, minutes, seconds);
    else
        std::snprintf(text, sizeof text, "%lld:%02lld", minutes, seconds);
    return text;
}

namespace {

std::optional<int> minutes_of_day(std::string_view clock) {
    if (clock.size() != 5 || clock[2] != ':') return std::nullopt;
    for (const std::size_t index : {0u, 1u, 3u, 4u})
        if (clock[index] < '0' || clock[index] > '9') return std::nullopt;
    const int hours = (clock[0] - '0') * 10 + (clock[1] - '0');
    const int minutes = (clock[3] - '0') * 10 + (clock[4] - '0');
    if (hours > 23 || minutes > 59) return std::nullopt;
    return hours * 60 + minutes;
}

}  // namespace

std::optional<int> minutes_waited(std::string_view arrived, std::string_view now) {
    const auto from = minutes_of_day(arrived);
    const auto to = minutes_of_day(now);
    if (!from || !to || *to < *from) return std::nullopt;
    return *to - *from;
}

std::string waited_words(int minutes, Language language) {
    if (minutes < 60)
        return tr_fill(BoothText::waited_minutes, language, {std::to_string(minutes)});
    return tr_fill(BoothText::waited_hours_minutes, language,
                   {std::to_string(minutes / 60), std::to_string(minutes % 60)});
}

std::optional<std::string> standby_block_words(const BoothQueue& queue,
                                               const StandbyStudent& student, Language language) {
    if (student.blocked == StandbyBlock::outside_hours && !queue.break_until.empty())
        return tr_fill(BoothText::why_not_break, language, {queue.break_until});
    if (const auto words = standby_block_text(student.blocked)) return tr(*words, language);
    return std::nullopt;
}

std::optional<std::string> call_next_blocked(const BoothState& state, Language language) {
    if (state.action_in_flight) return tr(BoothText::action_on_its_way, language);
    if (!state.queue) return std::nullopt;
    if (state.queue->paused) return tr(BoothText::why_not_paused, language);
    if (!state.queue->break_until.empty())
        return tr_fill(BoothText::why_not_break, language, {state.queue->break_until});
    return std::nullopt;
}

std::optional<std::string> take_walk_in_blocked(const BoothState& state, int seat,
                                                Language language) {
    if (state.action_in_flight) return tr(BoothText::action_on_its_way, language);
    if (current_interview(state, seat))
        return tr_fill(BoothText::seat_has_interview, language, {std::to_string(seat + 1)});
    return std::nullopt;
}

}  // namespace jobfair::booth
