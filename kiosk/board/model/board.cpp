#include "kiosk/board/model/board.hpp"

#include "kiosk/board/model/board_speech.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace jobfair::board {

namespace {

template <class... Handlers>
struct Overloaded : Handlers... {
    using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

}  // namespace

RecentCalls parse_recent_calls_answer(std::string_view body) {
    RecentCalls answer_read;
    std::vector<Call>& calls = answer_read.calls;
    try {
        const nlohmann::json answer = nlohmann::json::parse(body);
        if (answer.contains("now")) {
            answer_read.now = TimeOfDay::parse(answer.at("now").get<std::string>());
            if (!answer_read.now) throw std::invalid_argument("the answer's \"now\" is not HH:MM");
        }
        for (const nlohmann::json& entry : answer.at("calls")) {
            Call call;
            call.event = entry.at("event").get<std::int64_t>();
            call.ticket_label = entry.at("ticket_label").get<std::string>();
            call.booth = entry.at("booth").get<std::string>();
            call.seat = entry.at("seat").get<int>();
            call.recall = entry.value("recall", false);
            call.status = entry.at("status").get<InterviewStatus>();
            const auto at = parse_utc_timestamp(entry.at("at").get<std::string>());
            if (!at) throw std::invalid_argument("a call has an unreadable \"at\" time");
            call.at = *at;
            const auto time = TimeOfDay::parse(entry.at("time").get<std::string>());
            if (!time) throw std::invalid_argument("a call's \"time\" is not HH:MM");
            call.time = *time;
            calls.push_back(std::move(call));
        }
    } catch (const nlohmann::json::exception& error) {
        throw std::invalid_argument(std::string("not a recent-calls answer: ") + error.what());
    }
    std::stable_sort(calls.begin(), calls.end(),
                     [](const Call& a, const Call& b) { return a.event > b.event; });
    return answer_read;
}

std::vector<Call> parse_recent_calls(std::string_view body) {
    return parse_recent_calls_answer(body).calls;
}

BoardState make_board(const BoardConfig& config) {
    BoardState state;
    state.config = config;
    state.voice_on = config.voice;
    return state;  // the first Tick fetches the calls and asks the fair clock
}

bool event_changes_calls(std::string_view kind) {
    return kind.starts_with("interview.") || kind == "student.left";
}

namespace {

std::vector<Effect> fetch(BoardState& state) {
    if (state.fetch_in_flight) {
        state.fetch_again = true;
        return {};
    }
    state.fetch_in_flight = true;
    return {effect::FetchRecentCalls{}};
}

void hear_fair(BoardState& state, const std::optional<FairHeading>& fair,
               std::optional<TimeOfDay> fair_now) {
    if (fair) state.fair = fair;
    // The fair clock only moves forward: an answer that left before a newer one says nothing new.
    if (fair_now && (!state.fair_now || *fair_now > *state.fair_now)) state.fair_now = fair_now;
}

// What is said for the calls newer than `mark`, oldest first, when the voice is on.
void say_new_calls(const BoardState& state, std::int64_t mark, std::vector<Effect>& effects) {
    if (!state.voice_on || !state.config.voice_installed || fair_over(state)) return;
    for (auto call = state.calls.rbegin(); call != state.calls.rend(); ++call) {
        if (call->event <= mark || call->status != InterviewStatus::called) continue;
        effects.push_back(effect::Speak{speech_text(*call, state.config.language)});
    }
}

}  // namespace

std::vector<Effect> update(BoardState& state, const Intent& intent, WallTime now) {
    return std::visit(Overloaded{
                          [&](const intent::CallsAnswered& answered) -> std::vector<Effect> {
                              state.fetch_in_flight = false;
                              if (answered.fair) state.fair = answered.fair;
                              std::vector<Effect> effects;
                              if (!answered.calls) {
                                  state.connection = Connection::offline;
                                  state.fetch_again = false;
                                  state.next_retry = now + state.config.retry_every;
                                  return effects;
                              }
                              state.connection = Connection::online;
                              hear_fair(state, std::nullopt, answered.fair_now);
                              const std::int64_t newest =
                                  answered.calls->empty() ? 0 : answered.calls->front().event;
                              // The first answer (or the first after being offline with nothing)
                              // only sets the mark: a board switched on mid-morning does not ring
                              // for old calls.
                              const bool ring =
                                  state.calls_loaded && newest > state.newest_call_event;
                              const std::int64_t mark = state.newest_call_event;
                              state.newest_call_event = std::max(state.newest_call_event, newest);
                              state.calls = *answered.calls;
                              state.calls_loaded = true;
                              if (ring && !fair_over(state)) {
                                  effects.push_back(effect::PlayChime{});
                                  ++state.chimes_rung;
                                  const std::size_t before = effects.size();
                                  say_new_calls(state, mark, effects);
                                  state.calls_spoken += static_cast<int>(effects.size() - before);
                              }
                              if (std::exchange(state.fetch_again, false)) {
                                  for (Effect& more : fetch(state))
                                      effects.push_back(std::move(more));
                              }
                              return effects;
                          },
                          [&](const intent::ClockHeard& heard) -> std::vector<Effect> {
                              state.clock_check_in_flight = false;
                              hear_fair(state, heard.fair, heard.fair_now);
                              return {};
                          },
                          [&](const intent::VoiceToggled&) -> std::vector<Effect> {
                              state.voice_on = !state.voice_on;
                              if (state.voice_on) return {};
                              return {effect::StopSpeaking{}};
                          },
                          [&](const intent::StreamOpened&) -> std::vector<Effect> {
                              // Reconnected: what was missed is fetched again as a whole.
                              return fetch(state);
                          },
                          [&](const intent::StreamLost&) -> std::vector<Effect> {
                              state.connection = Connection::offline;
                              state.next_retry = now + state.config.retry_every;
                              return {};
                          },
                          [&](const intent::StreamEventArrived& event) -> std::vector<Effect> {
                              state.last_stream_event = std::max(state.last_stream_event, event.id);
                              if (!event_changes_calls(event.kind)) return {};
                              return fetch(state);
                          },
                          [&](const intent::Tick&) -> std::vector<Effect> {
                              std::vector<Effect> effects;
                              if (state.page_turned_at == WallTime{}) {
                                  state.page_turned_at = now;  // the first page starts now
                              } else if (now - state.page_turned_at >= state.config.page_every) {
                                  state.page_turned_at = now;
                                  const TilePage shown = current_page(state);
                                  state.page = (shown.index + 1) % shown.count;
                              }
                              if (!state.clock_check_in_flight && now >= state.next_clock_check) {
                                  state.clock_check_in_flight = true;
                                  state.next_clock_check = now + state.config.clock_every;
                                  effects.push_back(effect::AskFairClock{});
                              }
                              const bool first_load = !state.calls_loaded && !state.fetch_in_flight;
                              const bool retry = state.connection == Connection::offline;
                              if ((!first_load && !retry) || now < state.next_retry) return effects;
                              state.next_retry = now + state.config.retry_every;
                              for (Effect& more : fetch(state))
                                  effects.push_back(std::move(more));
                              return effects;
                          },
                      },
                      intent);
}

bool fair_over(const BoardState& state) {
    return state.fair && state.fair->day_end && state.fair_now &&
           *state.fair_now >= *state.fair->day_end;
}

std::optional<int> minutes_since(const BoardState& state, const Call& call) {
    if (!state.fair_now) return std::nullopt;
    return std::max(0, state.fair_now->minutes() - call.time.minutes());
}

std::vector<Call> now_calling(const BoardState& state) {
    std::vector<Call> calling;
    if (fair_over(state)) return calling;
    std::set<std::string> tickets_shown;
    for (const Call& call : state.calls) {  // newest first
        if (call.status != InterviewStatus::called) continue;
        // Before the fair clock is heard every called ticket stays: better shown than lost.
        if (minutes_since(state, call).value_or(0) > state.config.now_calling_minutes) continue;
        if (!tickets_shown.insert(call.ticket_label).second) continue;
        calling.push_back(call);
    }
    return calling;
}

TilePage current_page(const BoardState& state) {
    const std::vector<Call> calling = now_calling(state);
    const std::size_t per_page = std::max<std::size_t>(1, state.config.tiles_per_page);
    TilePage page;
    page.count = std::max<std::size_t>(1, (calling.size() + per_page - 1) / per_page);
    page.index = state.page % page.count;
    const std::size_t first = page.index * per_page;
    for (std::size_t index = first; index < calling.size() && index < first + per_page; ++index)
        page.calls.push_back(calling[index]);
    return page;
}

WallTime next_change(const BoardState& state, WallTime now) {
    using std::chrono::minutes;
    // The header's clock shows whole minutes; time zones are whole minutes off UTC.
    WallTime next = std::chrono::floor<minutes>(now) + minutes(1);
    // "Now calling" and "called N min ago" move with the fair clock, asked again on its beat.
    if (!state.clock_check_in_flight) next = std::min(next, std::max(state.next_clock_check, now));
    // Pages turn while the calls need more than one.
    if (current_page(state).count > 1)
        next = std::min(next, std::max(state.page_turned_at + state.config.page_every, now));
    // A fetch under way wakes the loop with its answer.
    const bool waiting_to_fetch =
        !state.fetch_in_flight && (!state.calls_loaded || state.connection == Connection::offline);
    if (waiting_to_fetch) next = std::min(next, std::max(state.next_retry, now));
    return next;
}

}  // namespace jobfair::board
