#include "kiosk/board/model/board.hpp"

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

std::vector<Call> parse_recent_calls(std::string_view body) {
    std::vector<Call> calls;
    try {
        const nlohmann::json answer = nlohmann::json::parse(body);
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
            calls.push_back(std::move(call));
        }
    } catch (const nlohmann::json::exception& error) {
        throw std::invalid_argument(std::string("not a recent-calls answer: ") + error.what());
    }
    std::stable_sort(calls.begin(), calls.end(),
                     [](const Call& a, const Call& b) { return a.event > b.event; });
    return calls;
}

BoardState make_board(const BoardConfig& config) {
    BoardState state;
    state.config = config;
    return state;  // the first Tick fetches the calls
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
                              const std::int64_t newest =
                                  answered.calls->empty() ? 0 : answered.calls->front().event;
                              // The first answer (or the first after being offline with nothing)
                              // only sets the mark: a board switched on mid-morning does not ring
                              // for old calls.
                              if (state.calls_loaded && newest > state.newest_call_event) {
                                  effects.push_back(effect::PlayChime{});
                                  ++state.chimes_rung;
                              }
                              state.newest_call_event = std::max(state.newest_call_event, newest);
                              state.calls = *answered.calls;
                              state.calls_loaded = true;
                              if (std::exchange(state.fetch_again, false)) {
                                  for (Effect& more : fetch(state))
                                      effects.push_back(std::move(more));
                              }
                              return effects;
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
                              const bool first_load = !state.calls_loaded && !state.fetch_in_flight;
                              const bool retry = state.connection == Connection::offline;
                              if ((!first_load && !retry) || now < state.next_retry) return {};
                              state.next_retry = now + state.config.retry_every;
                              return fetch(state);
                          },
                      },
                      intent);
}

std::vector<Call> now_calling(const BoardState& state, WallTime now) {
    std::vector<Call> calling;
    std::set<std::string> tickets_shown;
    for (const Call& call : state.calls) {  // newest first
        if (call.status != InterviewStatus::called) continue;
        if (now - call.at > state.config.now_calling_window) continue;
        if (!tickets_shown.insert(call.ticket_label).second) continue;
        calling.push_back(call);
        if (calling.size() >= state.config.now_calling_limit) break;
    }
    return calling;
}

WallTime next_change(const BoardState& state, WallTime now) {
    using std::chrono::minutes;
    // The header's clock shows whole minutes; time zones are whole minutes off UTC.
    const auto minute_began = std::chrono::floor<minutes>(now);
    WallTime next = minute_began + minutes(1);
    for (const Call& call : state.calls) {
        const WallTime leaves = call.at + state.config.now_calling_window;
        if (call.status == InterviewStatus::called && leaves > now) next = std::min(next, leaves);
    }
    // A fetch under way wakes the loop with its answer.
    const bool waiting_to_fetch =
        !state.fetch_in_flight && (!state.calls_loaded || state.connection == Connection::offline);
    if (waiting_to_fetch) next = std::min(next, std::max(state.next_retry, now));
    return next;
}

}  // namespace jobfair::board
