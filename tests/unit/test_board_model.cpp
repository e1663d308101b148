// The now-calling board's model (kiosk/board/model): parsing /calls/recent, what is "now
// calling", the chime on new calls only, offline and resync, and the SSE parser.
#include <doctest/doctest.h>

#include "common/client/sse.hpp"
#include "kiosk/board/model/board.hpp"
#include "kiosk/board/model/board_strings.hpp"

using namespace jobfair::board;
using jobfair::InterviewStatus;
using jobfair::client::ServerSentEvent;
using jobfair::client::SseParser;
using namespace std::chrono_literals;

namespace {

const char* const kRecentCalls = R"({"calls":[
  {"at":"2026-11-23T16:39:18.427Z","booth":"B01","event":22,"recall":false,"seat":0,"status":"called","ticket_label":"A-0379"},
  {"at":"2026-11-23T16:39:15.923Z","booth":"B01","event":20,"recall":false,"seat":0,"status":"no_show","ticket_label":"A-0801"},
  {"at":"2026-11-23T16:39:07.180Z","booth":"B02","event":12,"recall":true,"seat":1,"status":"called","ticket_label":"A-0087"},
  {"at":"2026-11-23T16:30:00.000Z","booth":"B03","event":5,"recall":false,"seat":0,"status":"called","ticket_label":"A-0005"}
]})";

WallTime at(const char* text) {
    return *parse_utc_timestamp(text);
}

bool has_fetch(const std::vector<Effect>& effects) {
    for (const Effect& effect : effects)
        if (std::holds_alternative<effect::FetchRecentCalls>(effect)) return true;
    return false;
}

bool has_chime(const std::vector<Effect>& effects) {
    for (const Effect& effect : effects)
        if (std::holds_alternative<effect::PlayChime>(effect)) return true;
    return false;
}

Call call(std::int64_t event, const char* ticket, InterviewStatus status, WallTime when) {
    return Call{event, ticket, "B07", 0, false, status, when};
}

}  // namespace

TEST_CASE("board: a UTC timestamp of the API is read to the millisecond") {
    const auto time = parse_utc_timestamp("2026-11-23T16:39:18.427Z");
    REQUIRE(time);
    const auto later = parse_utc_timestamp("2026-11-23T16:39:19.000Z");
    CHECK(*later - *time == 573ms);
    CHECK(parse_utc_timestamp("2026-11-23T16:39:18Z"));
    CHECK_FALSE(parse_utc_timestamp("2026-11-23 16:39:18Z"));
    CHECK_FALSE(parse_utc_timestamp("2026-13-23T16:39:18.427Z"));
    CHECK_FALSE(parse_utc_timestamp("yesterday"));
}

TEST_CASE("board: the recent calls are parsed newest first, and a bad body is refused") {
    const std::vector<Call> calls = parse_recent_calls(kRecentCalls);
    REQUIRE(calls.size() == 4);
    CHECK(calls[0].ticket_label == "A-0379");
    CHECK(calls[0].event == 22);
    CHECK(calls[2].recall);
    CHECK(calls[2].seat == 1);
    CHECK(calls[1].status == InterviewStatus::no_show);
    CHECK_THROWS_AS(parse_recent_calls("{\"calls\":[{\"event\":1}]}"), std::invalid_argument);
    CHECK_THROWS_AS(parse_recent_calls("not json"), std::invalid_argument);
}

TEST_CASE("board: now calling holds called tickets of the last minutes, one per ticket") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:00.000Z");
    state.calls = parse_recent_calls(kRecentCalls);
    const std::vector<Call> calling = now_calling(state, now);
    REQUIRE(calling.size() == 2);  // A-0801 is a no-show; A-0005 was called 10 minutes ago
    CHECK(calling[0].ticket_label == "A-0379");
    CHECK(calling[1].ticket_label == "A-0087");
    CHECK(now_calling(state, now + 10min).empty());

    state.calls = {call(3, "A-0001", InterviewStatus::called, now),
                   call(2, "A-0001", InterviewStatus::called, now - 1min)};
    CHECK(now_calling(state, now).size() == 1);  // a recall replaces the first call
    state.config.now_calling_limit = 1;
    state.calls = {call(3, "A-0001", InterviewStatus::called, now),
                   call(2, "A-0002", InterviewStatus::called, now)};
    CHECK(now_calling(state, now).size() == 1);
}

TEST_CASE("board: the first tick fetches, the first answer rings no chime, a new call does") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:00.000Z");
    CHECK(has_fetch(update(state, intent::Tick{}, now)));
    CHECK(update(state, intent::Tick{}, now).empty());  // already fetching
    std::vector<Call> calls = {call(10, "A-0010", InterviewStatus::called, now)};
    CHECK_FALSE(has_chime(update(state, intent::CallsAnswered{calls}, now)));
    CHECK(state.connection == Connection::online);
    CHECK(state.calls_loaded);

    CHECK(has_fetch(update(state, intent::StreamEventArrived{11, "interview.called"}, now)));
    calls.insert(calls.begin(), call(11, "A-0011", InterviewStatus::called, now));
    CHECK(has_chime(update(state, intent::CallsAnswered{calls}, now)));
    CHECK(state.chimes_rung == 1);

    // A status change of an old call (no newer event) is fetched but rings nothing.
    CHECK(has_fetch(update(state, intent::StreamEventArrived{12, "interview.in_progress"}, now)));
    calls[0].status = InterviewStatus::in_progress;
    CHECK_FALSE(has_chime(update(state, intent::CallsAnswered{calls}, now)));
    CHECK(state.last_stream_event == 12);
}

TEST_CASE("board: the header keeps the fair's own heading once heard, date or no date") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:00.000Z");
    CHECK_FALSE(state.fair);
    update(state, intent::Tick{}, now);
    update(state,
           intent::CallsAnswered{std::vector<Call>{},
                                 FairHeading{"Ngày hội việc làm", "2025-03-14", std::nullopt}},
           now);
    REQUIRE(state.fair);
    CHECK(state.fair->date == "2025-03-14");  // not 23/11/2026, the day the board runs
    // Later fetches do not ask again; what was heard stays.
    update(state, intent::StreamEventArrived{5, "interview.called"}, now);
    update(state, intent::CallsAnswered{std::vector<Call>{}}, now);
    REQUIRE(state.fair);
    CHECK(state.fair->name == "Ngày hội việc làm");
}

TEST_CASE("board: events that are not interview moves fetch nothing") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:00.000Z");
    update(state, intent::Tick{}, now);
    update(state, intent::CallsAnswered{std::vector<Call>{}}, now);
    CHECK(update(state, intent::StreamEventArrived{5, "schedule.saved"}, now).empty());
    CHECK(update(state, intent::StreamEventArrived{6, "student.checked_in"}, now).empty());
    CHECK(event_changes_calls("interview.recalled"));
    CHECK(event_changes_calls("interview.called_from_standby"));
    CHECK(event_changes_calls("student.left"));
}

TEST_CASE("board: an event during a fetch fetches once more when the answer comes") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:00.000Z");
    update(state, intent::Tick{}, now);
    CHECK(update(state, intent::StreamEventArrived{1, "interview.called"}, now).empty());
    CHECK(update(state, intent::StreamEventArrived{2, "interview.called"}, now).empty());
    CHECK(has_fetch(update(state, intent::CallsAnswered{std::vector<Call>{}}, now)));
    CHECK_FALSE(has_fetch(update(state, intent::CallsAnswered{std::vector<Call>{}}, now)));
}

TEST_CASE("board: offline when unreachable, retried, and resynced on reconnect") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:00.000Z");
    update(state, intent::Tick{}, now);
    update(
        state,
        intent::CallsAnswered{std::vector<Call>{call(4, "A-0004", InterviewStatus::called, now)}},
        now);
    update(state, intent::StreamLost{}, now);
    CHECK(state.connection == Connection::offline);
    CHECK(state.calls.size() == 1);  // the last known calls stay on screen
    CHECK(update(state, intent::Tick{}, now + 1s).empty());
    CHECK(has_fetch(update(state, intent::Tick{}, now + 6s)));
    update(state, intent::CallsAnswered{std::nullopt}, now + 6s);
    CHECK(state.connection == Connection::offline);
    CHECK(has_fetch(update(state, intent::StreamOpened{}, now + 8s)));
    const std::vector<Call> missed = {call(9, "A-0009", InterviewStatus::called, now + 7s),
                                      call(4, "A-0004", InterviewStatus::done, now)};
    CHECK(has_chime(update(state, intent::CallsAnswered{missed}, now + 8s)));
    CHECK(state.connection == Connection::online);
}

TEST_CASE("board: the SSE parser joins chunks split anywhere and skips keep-alives") {
    SseParser parser;
    CHECK(parser.feed(": keep-alive\n\nid: 1").empty());
    CHECK(parser.feed("1\nevent: interview.cal").empty());
    const auto events =
        parser.feed("led\ndata: {\"id\":11}\r\n\nid: 12\nevent: interview.recalled\ndata: {}\n\n");
    REQUIRE(events.size() == 2);
    CHECK(events[0].id == 11);
    CHECK(events[0].kind == "interview.called");
    CHECK(events[0].data == "{\"id\":11}");
    CHECK(events[1].id == 12);
    CHECK(parser.comments_seen() == 1);
}

TEST_CASE("board: every string exists in both languages, in enum order") {
    for (std::size_t index = 0; index < kBoardTextCount; ++index) {
        const auto text = static_cast<BoardText>(index);
        CHECK(board_table_entry_id(index) == text);
        CHECK(std::string(tr(text, Language::vi)).size() > 0);
        CHECK(std::string(tr(text, Language::en)).size() > 0);
    }
    CHECK(tr_fill(BoardText::please_go_to, Language::vi, {"B07", "2"}) ==
          "Mời đến gian B07 · bàn 2");
    CHECK(status_words(InterviewStatus::no_show, Language::vi) == "Vắng mặt");
    CHECK(status_words(InterviewStatus::planned, Language::en) == "planned");
}

TEST_CASE("board: the screen next changes at the clock's minute, a call's expiry or a retry") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:10.000Z");
    // Loading: the first fetch is due at once.
    CHECK(next_change(state, now) == now);
    state.calls = parse_recent_calls(kRecentCalls);
    state.calls_loaded = true;
    state.connection = Connection::online;
    // The first call to leave "now calling" goes at 16:42:07.180 (three minutes after A-0087's
    // call); the header's clock turns to 16:41 before that.
    CHECK(next_change(state, now) == at("2026-11-23T16:41:00.000Z"));
    const WallTime later = at("2026-11-23T16:42:05.000Z");
    CHECK(next_change(state, later) == at("2026-11-23T16:42:07.180Z"));  // A-0087 leaves
    state.connection = Connection::offline;
    state.next_retry = at("2026-11-23T16:42:06.000Z");
    CHECK(next_change(state, later) == state.next_retry);
    // Expired calls and statuses other than "called" bring no change.
    state.connection = Connection::online;
    CHECK(next_change(state, at("2026-11-23T16:50:30.000Z")) == at("2026-11-23T16:51:00.000Z"));
}
