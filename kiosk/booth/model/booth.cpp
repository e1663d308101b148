#include "kiosk/booth/model/booth.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace jobfair::booth {

namespace {

template <class... Handlers>
struct Overloaded : Handlers... {
    using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

constexpr std::chrono::seconds kRetryEvery{5};

std::string text_or_empty(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string()) return {};
    return found->get<std::string>();
}

Person person_from(const nlohmann::json& json) {
    Person person;
    person.student = text_or_empty(json, "student");
    person.ticket_label = text_or_empty(json, "ticket_label");
    person.full_name = text_or_empty(json, "full_name");
    person.given_name = text_or_empty(json, "given_name");
    person.occupation = text_or_empty(json, "occupation");
    person.level = text_or_empty(json, "level");
    person.school = text_or_empty(json, "school");
    person.rank = json.value("rank", 0);
    return person;
}

std::string in_language(const BoothState& state, const ServerRefusal& refusal) {
    return state.vietnamese && !refusal.message_vi.empty() ? refusal.message_vi : refusal.message;
}

Notice unreachable_notice(const BoothState& state) {
    return {Notice::Kind::danger, state.vietnamese
                                      ? "Mất kết nối với máy chủ. Thao tác chưa được thực hiện."
                                      : "The server cannot be reached. Nothing was done."};
}

std::vector<Effect> fetch(BoothState& state) {
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

// An action on an interview, when nothing else is in flight and the interview is in the queue
// with a status that allows it (the server checks again).
std::vector<Effect> post(BoothState& state, Action action, std::int64_t interview,
                         std::initializer_list<std::string_view> allowed_statuses,
                         nlohmann::json body = nlohmann::json::object()) {
    if (state.action_in_flight || state.screen != Screen::booth) return {};
    const QueuedInterview* found = find_interview(state, interview);
    if (!found) return {};
    if (std::find(allowed_statuses.begin(), allowed_statuses.end(), found->status) ==
        allowed_statuses.end())
        return {};
    static constexpr const char* kPaths[] = {"call-next", "recall", "skip",
                                             "start",     "finish", "no-show"};
    state.action_in_flight = action;
    return {effect::PostAction{
        action, "/interviews/" + std::to_string(interview) + "/" + kPaths[static_cast<int>(action)],
        body.dump()}};
}

bool event_concerns_booth(const BoothState& state, const intent::StreamEventArrived& event) {
    if (!event.booth.empty()) return event.booth == state.booth;
    if (event.interview && find_interview(state, *event.interview)) return true;
    // Check-ins, departures and re-plans change whereabouts and the standby list.
    return event.kind.starts_with("student.") || event.kind == "schedule.saved" ||
           event.kind.starts_with("interview.called");
}

}  // namespace

BoothQueue parse_booth_queue(std::string_view body) {
    try {
        const nlohmann::json json = nlohmann::json::parse(body);
        BoothQueue queue;
        queue.booth = json.at("booth").get<std::string>();
        queue.enterprise = text_or_empty(json, "enterprise");
        queue.now = text_or_empty(json, "now");
        queue.seats = json.value("seats", 1);
        queue.paused = json.value("paused", false);
        for (const nlohmann::json& entry : json.at("queue")) {
            QueuedInterview interview;
            interview.id = entry.at("id").get<std::int64_t>();
            interview.seat = entry.at("seat").get<int>();
            interview.start = text_or_empty(entry, "start");
            interview.end = text_or_empty(entry, "end");
            interview.status = entry.at("status").get<std::string>();
            interview.whereabouts = text_or_empty(entry, "whereabouts");
            interview.busy_at = text_or_empty(entry, "busy_at");
            if (entry.contains("person")) interview.person = person_from(entry.at("person"));
            queue.queue.push_back(std::move(interview));
        }
        for (const nlohmann::json& entry : json.at("standby")) {
            StandbyStudent student;
            student.person = person_from(entry);
            student.arrived = text_or_empty(entry, "arrived");
            student.busy_at = text_or_empty(entry, "busy_at");
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
            [&](const intent::PinDigit& typed) -> std::vector<Effect> {
                if (state.screen != Screen::login || state.logging_in) return {};
                if (typed.digit < '0' || typed.digit > '9') return {};
                if (state.pin.size() < kPinLength) state.pin.push_back(typed.digit);
                state.login_problem.reset();
                if (state.pin.size() < kPinLength) return {};
                state.logging_in = true;
                return {effect::LogIn{state.booth, state.pin}};
            },
            [&](const intent::PinBackspace&) -> std::vector<Effect> {
                if (state.screen == Screen::login && !state.logging_in && !state.pin.empty())
                    state.pin.pop_back();
                return {};
            },
            [&](const intent::LoginAnswered& answered) -> std::vector<Effect> {
                state.logging_in = false;
                state.pin.clear();  // never kept: a wrong PIN is typed again from the start
                if (!answered.outcome.ok()) {
                    state.login_problem =
                        answered.outcome.reached
                            ? Notice{Notice::Kind::danger,
                                     in_language(state, *answered.outcome.refusal)}
                            : unreachable_notice(state);
                    return {};
                }
                state.screen = Screen::booth;
                state.login_problem.reset();
                return fetch(state);
            },
            [&](const intent::QueueAnswered& answered) -> std::vector<Effect> {
                state.fetch_in_flight = false;
                if (!answered.outcome.ok() || !answered.queue) {
                    state.online = answered.outcome.reached;
                    state.fetch_again = false;
                    state.next_retry = now + kRetryEvery;
                    if (answered.outcome.refusal)
                        state.notice = Notice{Notice::Kind::danger,
                                              in_language(state, *answered.outcome.refusal)};
                    return {};
                }
                state.online = true;
                state.queue = answered.queue;
                for (const QueuedInterview& interview : state.queue->queue)
                    if (interview.status == "in_progress")
                        state.started_at.try_emplace(interview.id, now);
                if (state.fetch_again) {
                    state.fetch_again = false;
                    return fetch(state);
                }
                return {};
            },
            [&](const intent::CallNext& asked) -> std::vector<Effect> {
                if (state.action_in_flight || state.screen != Screen::booth || !state.queue)
                    return {};
                if (asked.seat < 0 || asked.seat >= state.queue->seats) return {};
                if (current_interview(state, asked.seat)) return {};  // the seat is busy
                state.action_in_flight = Action::call_next;
                return {effect::PostAction{Action::call_next,
                                           "/booths/" + state.booth + "/seats/" +
                                               std::to_string(asked.seat) + "/call-next",
                                           "{}"}};
            },
            [&](const intent::Recall& asked) {
                return post(state, Action::recall, asked.interview, {"called"});
            },
            [&](const intent::Skip& asked) {
                return post(state, Action::skip, asked.interview, {"called"});
            },
            [&](const intent::Start& asked) {
                return post(state, Action::start, asked.interview, {"called"});
            },
            [&](const intent::ChooseOutcome& chosen) -> std::vector<Effect> {
                static constexpr std::string_view kOutcomes[] = {"offer", "internship",
                                                                 "next_round", "not_suitable"};
                if (std::find(std::begin(kOutcomes), std::end(kOutcomes), chosen.outcome) !=
                    std::end(kOutcomes))
                    state.outcome_by_seat[chosen.seat] = chosen.outcome;
                return {};
            },
            [&](const intent::NoteTyped& typed) -> std::vector<Effect> {
                state.note = typed.text.substr(0, kMaxNoteBytes);
                return {};
            },
            [&](const intent::Finish& asked) -> std::vector<Effect> {
                const QueuedInterview* interview = find_interview(state, asked.interview);
                if (!interview) return {};
                const auto chosen = state.outcome_by_seat.find(interview->seat);
                if (chosen == state.outcome_by_seat.end()) {
                    state.notice = Notice{Notice::Kind::warning,
                                          state.vietnamese ? "Hãy chọn kết quả trước khi kết thúc."
                                                           : "Choose an outcome before finishing."};
                    return {};
                }
                nlohmann::json body = {{"outcome", chosen->second}};
                if (!state.note.empty()) body["note"] = state.note;
                return post(state, Action::finish, asked.interview, {"in_progress"}, body);
            },
            [&](const intent::NoShow& asked) {
                return post(state, Action::no_show, asked.interview, {"called"});
            },
            [&](const intent::ActionAnswered& answered) -> std::vector<Effect> {
                state.action_in_flight.reset();
                if (!answered.outcome.reached) {
                    state.notice = unreachable_notice(state);
                    state.online = false;
                    return {};
                }
                if (answered.outcome.refusal) {
                    state.notice =
                        Notice{Notice::Kind::danger, in_language(state, *answered.outcome.refusal)};
                    return fetch(state);
                }
                state.online = true;
                if (answered.action == Action::call_next) {
                    state.notice =
                        answered.called_ticket_label.empty()
                            ? Notice{Notice::Kind::info, answered.why_nobody}
                            : Notice{Notice::Kind::ok, (state.vietnamese ? "Đã gọi " : "Called ") +
                                                           answered.called_ticket_label};
                } else if (answered.action == Action::finish) {
                    state.note.clear();
                    state.notice.reset();
                } else {
                    state.notice.reset();
                }
                if (answered.action == Action::start || answered.action == Action::finish ||
                    answered.action == Action::skip || answered.action == Action::no_show)
                    state.ticket_check.reset();
                return fetch(state);
            },
            [&](const intent::Key& typed) -> std::vector<Effect> {
                if (state.screen == Screen::login) {
                    if (typed.character >= U'0' && typed.character <= U'9')
                        return update(state, intent::PinDigit{static_cast<char>(typed.character)},
                                      now);
                    return {};
                }
                // Ticket payloads are base32: A-Z, 2-7 (a scanner may send lowercase).
                if (typed.character < 0x80 && state.scanned.size() < 64)
                    state.scanned.push_back(static_cast<char>(typed.character));
                return {};
            },
            [&](const intent::Enter&) -> std::vector<Effect> {
                std::string ticket = std::exchange(state.scanned, {});
                if (state.screen != Screen::booth || ticket.empty()) return {};
                const QueuedInterview* interview = interview_to_verify(state);
                if (!interview) {
                    state.notice =
                        Notice{Notice::Kind::warning,
                               state.vietnamese
                                   ? "Chưa có sinh viên nào được gọi để đối chiếu vé."
                                   : "Nobody is called: there is no ticket to check against."};
                    return {};
                }
                return {effect::VerifyTicket{interview->id, std::move(ticket)}};
            },
            [&](const intent::VerifyAnswered& answered) -> std::vector<Effect> {
                if (!answered.outcome.ok()) {
                    state.ticket_check.reset();
                    state.notice = answered.outcome.reached
                                       ? Notice{Notice::Kind::danger,
                                                in_language(state, *answered.outcome.refusal)}
                                       : unreachable_notice(state);
                    return {};
                }
                state.ticket_check = TicketCheck{answered.interview, answered.match,
                                                 answered.ticket_label, answered.message};
                state.notice = Notice{answered.match ? Notice::Kind::ok : Notice::Kind::danger,
                                      answered.message};
                return {};
            },
            [&](const intent::StreamOpened&) -> std::vector<Effect> {
                if (state.screen != Screen::booth) return {};
                return fetch(state);
            },
            [&](const intent::StreamLost&) -> std::vector<Effect> {
                state.online = false;
                return {};
            },
            [&](const intent::StreamEventArrived& event) -> std::vector<Effect> {
                if (state.screen != Screen::booth || !event_concerns_booth(state, event)) return {};
                return fetch(state);
            },
            [&](const intent::Tick&) -> std::vector<Effect> {
                if (state.screen != Screen::booth || state.online || now < state.next_retry)
                    return {};
                state.next_retry = now + kRetryEvery;
                return fetch(state);
            },
        },
        intent);
}

const QueuedInterview* current_interview(const BoothState& state, int seat) {
    if (!state.queue) return nullptr;
    for (const QueuedInterview& interview : state.queue->queue)
        if (interview.seat == seat &&
            (interview.status == "called" || interview.status == "in_progress"))
            return &interview;
    return nullptr;
}

std::vector<const QueuedInterview*> next_interviews(const BoothState& state, std::size_t limit) {
    std::vector<const QueuedInterview*> next;
    if (!state.queue) return next;
    for (const QueuedInterview& interview : state.queue->queue) {
        if (interview.status != "planned" && interview.status != "promised") continue;
        next.push_back(&interview);
        if (next.size() >= limit) break;
    }
    return next;
}

const QueuedInterview* interview_to_verify(const BoothState& state) {
    if (!state.queue) return nullptr;
    for (const char* status : {"called", "in_progress"})
        for (const QueuedInterview& interview : state.queue->queue)
            if (interview.status == status) return &interview;
    return nullptr;
}

}  // namespace jobfair::booth
