// The now-calling board's model (kiosk/board/model): parsing /calls/recent, what is "now
// calling" on the fair clock, pages of tiles, the fair's end, the chime and the voice on new calls
// only, what is said, offline and resync, the layout's sizes, the palette's contrast, and the SSE
// parser.
#include <doctest/doctest.h>

#include <set>

#include "common/client/sse.hpp"
#include "kiosk/board/model/board.hpp"
#include "kiosk/board/model/board_layout.hpp"
#include "kiosk/board/model/board_speech.hpp"
#include "kiosk/board/model/board_strings.hpp"

using namespace jobfair::board;
using jobfair::InterviewStatus;
using jobfair::TimeOfDay;
using jobfair::client::ServerSentEvent;
using jobfair::client::SseParser;
using namespace std::chrono_literals;

namespace {

// A simulated morning: the server's wall clock says 16:39, the fair clock 09:4x.
const char* const kRecentCalls = R"({"now":"09:42","calls":[
  {"at":"2026-11-23T16:39:18.427Z","time":"09:41","booth":"B01","event":22,"recall":false,"seat":0,"status":"called","ticket_label":"A-0379"},
  {"at":"2026-11-23T16:39:15.923Z","time":"09:40","booth":"B01","event":20,"recall":false,"seat":0,"status":"no_show","ticket_label":"A-0801"},
  {"at":"2026-11-23T16:39:07.180Z","time":"09:39","booth":"B02","event":12,"recall":true,"seat":1,"status":"called","ticket_label":"A-0087"},
  {"at":"2026-11-23T16:39:00.000Z","time":"09:30","booth":"B03","event":5,"recall":false,"seat":0,"status":"called","ticket_label":"A-0005"}
]})";

TimeOfDay fair(const char* text) {
    return *TimeOfDay::parse(text);
}

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

std::vector<std::string> spoken(const std::vector<Effect>& effects) {
    std::vector<std::string> texts;
    for (const Effect& effect : effects)
        if (const auto* speak = std::get_if<effect::Speak>(&effect)) texts.push_back(speak->text);
    return texts;
}

Call call(std::int64_t event, const char* ticket, InterviewStatus status, WallTime when,
          TimeOfDay time = TimeOfDay::hm(9, 0)) {
    return Call{event, ticket, "B07", 0, false, status, when, time};
}

// `count` calls, all called at `time` (fair clock) at B01..., newest (highest event) first.
std::vector<Call> many_calls(int count, WallTime when, TimeOfDay time = TimeOfDay::hm(9, 0)) {
    std::vector<Call> calls;
    for (int index = count; index >= 1; --index) {
        const std::string label =
            "A-" + std::string(index < 10 ? "000" : "00") + std::to_string(index);
        calls.push_back(Call{index, label, "B0" + std::to_string(index % 10), 0, false,
                             InterviewStatus::called, when, time});
    }
    return calls;
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
    const RecentCalls answer = parse_recent_calls_answer(kRecentCalls);
    const std::vector<Call>& calls = answer.calls;
    REQUIRE(calls.size() == 4);
    CHECK(answer.now == fair("09:42"));
    CHECK(calls[0].ticket_label == "A-0379");
    CHECK(calls[0].event == 22);
    CHECK(calls[0].time == fair("09:41"));
    CHECK(calls[2].recall);
    CHECK(calls[2].seat == 1);
    CHECK(calls[1].status == InterviewStatus::no_show);
    CHECK(parse_recent_calls(kRecentCalls).size() == 4);
    CHECK_THROWS_AS(parse_recent_calls("{\"calls\":[{\"event\":1}]}"), std::invalid_argument);
    CHECK_THROWS_AS(parse_recent_calls("not json"), std::invalid_argument);
    CHECK_THROWS_AS(parse_recent_calls(R"({"now":"9h","calls":[]})"), std::invalid_argument);
    CHECK_THROWS_AS(parse_recent_calls(R"({"calls":[{"at":"2026-11-23T16:39:18.427Z","time":"later",
            "booth":"B01","event":1,"seat":0,"status":"called","ticket_label":"A-0001"}]})"),
                    std::invalid_argument);
}

TEST_CASE("board: now calling is reckoned on the fair clock, one tile per ticket") {
    BoardState state = make_board();
    const RecentCalls answer = parse_recent_calls_answer(kRecentCalls);
    state.calls = answer.calls;
    state.fair_now = answer.now;  // 09:42 on the fair clock; the wall clock says 16:39
    std::vector<Call> calling = now_calling(state);
    REQUIRE(calling.size() == 2);  // A-0801 is a no-show; A-0005 was called at 09:30
    CHECK(calling[0].ticket_label == "A-0379");
    CHECK(calling[1].ticket_label == "A-0087");
    CHECK(minutes_since(state, calling[0]) == 1);
    CHECK(minutes_since(state, calling[1]) == 3);
    state.fair_now = fair("09:44");  // two fair minutes on: A-0087's call is 5 minutes old
    calling = now_calling(state);
    REQUIRE(calling.size() == 1);
    CHECK(calling[0].ticket_label == "A-0379");
    state.fair_now = fair("10:00");
    CHECK(now_calling(state).empty());

    const WallTime now = at("2026-11-23T16:40:00.000Z");
    state.fair_now = fair("09:00");
    state.calls = {call(3, "A-0001", InterviewStatus::called, now),
                   call(2, "A-0001", InterviewStatus::called, now)};
    CHECK(now_calling(state).size() == 1);  // a recall replaces the first call
}

TEST_CASE("board: the fair clock comes from the server and only moves forward") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:00.000Z");
    const std::vector<Effect> first = update(state, intent::Tick{}, now);
    CHECK(has_fetch(first));
    CHECK(std::holds_alternative<effect::AskFairClock>(first.front()));
    CHECK_FALSE(state.fair_now);
    update(state, intent::ClockHeard{std::nullopt, fair("09:40")}, now);
    CHECK(state.fair_now == fair("09:40"));
    // The next ask waits clock_every; an older answer does not move the clock back.
    CHECK(update(state, intent::Tick{}, now + 1s).empty());
    bool asked = false;
    for (const Effect& effect : update(state, intent::Tick{}, now + 5s))
        asked = asked || std::holds_alternative<effect::AskFairClock>(effect);
    CHECK(asked);
    update(state, intent::CallsAnswered{std::vector<Call>{}, std::nullopt, fair("09:39")}, now);
    CHECK(state.fair_now == fair("09:40"));
    update(state, intent::CallsAnswered{std::vector<Call>{}, std::nullopt, fair("09:43")}, now);
    CHECK(state.fair_now == fair("09:43"));
}

TEST_CASE("board: every call now calling gets its big tile, a page at a time") {
    BoardState state = make_board();
    state.config.tiles_per_page = 3;
    const WallTime now = at("2026-11-23T16:40:00.000Z");
    state.fair_now = fair("09:01");
    state.calls = many_calls(7, now);
    TilePage page = current_page(state);
    CHECK(page.count == 3);
    CHECK(page.index == 0);
    CHECK(page.calls.size() == 3);
    // Ticks turn the pages every page_every; the seventh call gets its tile on page 3.
    std::set<std::string> tiles_seen;
    WallTime clock = now;
    update(state, intent::Tick{}, clock);  // the first tick starts the page's time
    for (int turn = 0; turn < 3; ++turn) {
        page = current_page(state);
        CHECK(page.index == static_cast<std::size_t>(turn));
        for (const Call& shown : page.calls)
            tiles_seen.insert(shown.ticket_label);
        update(state, intent::Tick{}, clock + state.config.page_every / 2);  // not yet
        CHECK(current_page(state).index == static_cast<std::size_t>(turn));
        clock += state.config.page_every;
        update(state, intent::Tick{}, clock);
    }
    CHECK(tiles_seen.size() == 7);
    CHECK(current_page(state).index == 0);  // round again
    CHECK(current_page(state).calls.size() == 3);
    // No turn before page_every has passed.
    update(state, intent::Tick{}, clock + 1s);
    CHECK(current_page(state).index == 0);
    // Fewer calls: one page, and a page index left over from more calls wraps.
    state.page = 2;
    state.calls = many_calls(2, now);
    page = current_page(state);
    CHECK(page.count == 1);
    CHECK(page.index == 0);
    CHECK(page.calls.size() == 2);
}

TEST_CASE("board: when the fair clock reaches the day's end the board says the fair is over") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:00.000Z");
    update(state, intent::Tick{}, now);
    update(state,
           intent::ClockHeard{FairHeading{"Ngày hội", "2025-03-14", std::nullopt, fair("12:30")},
                              fair("12:29")},
           now);
    update(state,
           intent::CallsAnswered{many_calls(2, now, fair("12:28")), std::nullopt, fair("12:29")},
           now);
    CHECK_FALSE(fair_over(state));
    CHECK(now_calling(state).size() == 2);
    update(state, intent::ClockHeard{std::nullopt, fair("12:30")}, now + 5s);
    CHECK(fair_over(state));
    CHECK(now_calling(state).empty());      // no stale tile, no "please wait"
    CHECK(state.fair->name == "Ngày hội");  // a clock-only answer keeps the heading
    // A call after the end rings and says nothing.
    std::vector<Call> later = many_calls(3, now, fair("12:30"));
    const auto effects =
        update(state, intent::CallsAnswered{later, std::nullopt, fair("12:31")}, now + 6s);
    CHECK_FALSE(has_chime(effects));
    CHECK(spoken(effects).empty());
    // Without a known day's end the board never guesses the fair is over.
    BoardState unknown = make_board();
    unknown.fair_now = fair("23:59");
    CHECK_FALSE(fair_over(unknown));
}

TEST_CASE("board: each new call is said aloud once, oldest first, and the switch silences it") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:00.000Z");
    update(state, intent::Tick{}, now);
    std::vector<Call> calls = many_calls(1, now);
    CHECK(spoken(update(state, intent::CallsAnswered{calls}, now)).empty());  // old calls: silent
    calls = many_calls(3, now);
    std::vector<std::string> said = spoken(update(state, intent::CallsAnswered{calls}, now));
    REQUIRE(said.size() == 2);
    CHECK(said[0] == speech_text(calls[1], Language::vi));  // A-0002 before A-0003
    CHECK(said[1] == speech_text(calls[0], Language::vi));
    CHECK(state.calls_spoken == 2);
    CHECK(spoken(update(state, intent::CallsAnswered{calls}, now)).empty());  // said once

    const auto off = update(state, intent::VoiceToggled{}, now);
    CHECK_FALSE(state.voice_on);
    REQUIRE(off.size() == 1);
    CHECK(std::holds_alternative<effect::StopSpeaking>(off.front()));
    calls = many_calls(4, now);
    const auto effects = update(state, intent::CallsAnswered{calls}, now);
    CHECK(has_chime(effects));  // the chime is its own switch (--no-chime)
    CHECK(spoken(effects).empty());
    CHECK(update(state, intent::VoiceToggled{}, now).empty());
    CHECK(state.voice_on);

    BoardConfig quiet;
    quiet.voice = false;  // --no-voice
    CHECK_FALSE(make_board(quiet).voice_on);
    BoardConfig english;
    english.language = Language::en;
    BoardState board_en = make_board(english);
    update(board_en, intent::CallsAnswered{many_calls(1, now)}, now);
    said = spoken(update(board_en, intent::CallsAnswered{many_calls(2, now)}, now));
    REQUIRE(said.size() == 1);
    CHECK(said[0].starts_with("Ticket A, zero"));
}

TEST_CASE("board: what is said is the ticket and booth in words, never anything else") {
    Call called{7, "A-0087", "B07", 1, false, InterviewStatus::called, WallTime{}, TimeOfDay()};
    CHECK(speech_text(called, Language::vi) ==
          "Mời số vé A, không, không, tám, bảy, đến gian bê bảy, bàn hai.");
    CHECK(speech_text(called, Language::en) ==
          "Ticket A, zero, zero, eight, seven, please go to booth B 7, desk 2.");
    called.recall = true;
    called.booth = "B15";
    called.seat = 0;
    CHECK(speech_text(called, Language::vi) ==
          "Gọi lại. Mời số vé A, không, không, tám, bảy, đến gian bê mười lăm, bàn một.");
    CHECK(speech_text(called, Language::en).starts_with("Calling again. Ticket A, zero"));
    CHECK(vietnamese_number(10) == "mười");
    CHECK(vietnamese_number(21) == "hai mươi mốt");
    CHECK(vietnamese_number(24) == "hai mươi tư");
    CHECK(vietnamese_number(30) == "ba mươi");
    CHECK(vietnamese_number(11) == "mười một");
    CHECK(vietnamese_number(104) == "một, không, bốn");
    CHECK(spoken_booth("C12", Language::vi) == "xê mười hai");
    CHECK(spoken_ticket("W-0001", Language::vi) == "vê kép, không, không, không, một");
    // Whatever else a label might hold (quotes, a name by mistake) is never spoken as such.
    CHECK(spoken_ticket("A-1'; rm", Language::en) == "A, one, R, M");
}

TEST_CASE("board: where to go is at least 1/15 of the screen and the tiles fit their room") {
    for (const auto& [width, height] :
         {std::pair{1920.0f, 1080.0f}, std::pair{1280.0f, 720.0f}, std::pair{3840.0f, 2160.0f}}) {
        CAPTURE(height);
        const BoardLayout layout = board_layout(width, height);
        CHECK(layout.where_to_go_px >= height / 15);
        CHECK(layout.ticket_px > layout.where_to_go_px);
        CHECK(layout.tiles_per_page >= 2);
        const float tiles =
            layout.tiles_per_page * layout.tile_height + (layout.tiles_per_page - 1) * layout.gap;
        CHECK(layout.tiles_top + tiles <= layout.tiles_bottom);
        CHECK(layout.footer_height >= 64);  // the voice switch is a finger's target
        CHECK(layout.tiles_bottom + layout.footer_height <= height);
    }
    CHECK(board_layout(1920, 1080).where_to_go_px == 72);
    CHECK(board_layout(1920, 1080).tiles_per_page == 3);
}

TEST_CASE("board: every text colour of the board meets WCAG AA on what it is drawn on") {
    CHECK(contrast_ratio(0xFFFFFF, 0x000000) == doctest::Approx(21.0));
    CHECK(contrast_ratio(0x777777, 0xFFFFFF) == doctest::Approx(4.48).epsilon(0.01));
    const std::vector<ColourPair> pairs = board_colour_pairs();
    CHECK(pairs.size() >= 15);
    for (const ColourPair& pair : pairs) {
        CAPTURE(pair.use);
        const double ratio = contrast_ratio(pair.text, pair.fill);
        CAPTURE(ratio);
        CHECK(ratio >= (pair.large ? 3.0 : 4.5));
    }
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

TEST_CASE(
    "board: the screen next changes at the minute, the fair clock's beat, a page or a retry") {
    BoardState state = make_board();
    const WallTime now = at("2026-11-23T16:40:10.000Z");
    // Loading: the first fetch and the first ask of the fair clock are due at once.
    CHECK(next_change(state, now) == now);
    state.calls = parse_recent_calls(kRecentCalls);
    state.calls_loaded = true;
    state.connection = Connection::online;
    state.fair_now = fair("09:42");
    // The fair clock (which moves "now calling" and "N min ago") is asked again on its beat.
    state.next_clock_check = now + state.config.clock_every;
    CHECK(next_change(state, now) == at("2026-11-23T16:40:15.000Z"));
    // While it is being asked, its answer wakes the loop: the header's minute is next.
    state.clock_check_in_flight = true;
    CHECK(next_change(state, now) == at("2026-11-23T16:41:00.000Z"));
    // Offline: the retry.
    state.connection = Connection::offline;
    state.next_retry = at("2026-11-23T16:40:30.000Z");
    CHECK(next_change(state, now) == state.next_retry);
    state.connection = Connection::online;
    // More calls than one page holds: the page turns after config.page_every.
    state.config.tiles_per_page = 1;
    REQUIRE(current_page(state).count > 1);
    state.page_turned_at = now;
    CHECK(next_change(state, now) == now + state.config.page_every);
}
