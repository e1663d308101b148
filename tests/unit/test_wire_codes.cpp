// The closed sets that cross the wire as codes (common/code_table.hpp, interview_status.hpp,
// wire_codes.hpp): every code goes both ways, unknown codes are refused in both languages, and the
// protocol's typed answers hold the enums.
#include <doctest/doctest.h>

#include <set>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "common/interview_status.hpp"
#include "common/protocol.hpp"
#include "common/wire_codes.hpp"
#include "kiosk/board/model/board.hpp"
#include "kiosk/booth/model/booth.hpp"
#include "kiosk/dashboard/model/answers.hpp"

using namespace jobfair;
using nlohmann::json;

namespace {

// Every row of `table`: the code names the value and back, through the functions and through
// JSON; the values are the enum's, 0 to N-1, each once; the codes are distinct.
template <class Enum, std::size_t N, class CodeOf, class Parse>
void check_round_trip(const CodeTable<Enum, N>& table, CodeOf code_of, Parse parse) {
    std::set<std::string_view> codes;
    for (std::size_t index = 0; index < N; ++index) {
        const auto value = static_cast<Enum>(index);
        const std::string_view code = code_of(value);
        CAPTURE(code);
        CHECK(code == code_in(table, value));
        REQUIRE(parse(code));
        CHECK(*parse(code) == value);
        CHECK(json(value).template get<Enum>() == value);
        CHECK(codes.insert(code).second);
    }
    CHECK(codes.size() == table.size());
}

// The message of the UnknownCode `read` throws.
template <class Read>
std::string refusal_of(Read read) {
    try {
        read();
    } catch (const UnknownCode& error) {
        return error.what();
    }
    FAIL("no UnknownCode thrown");
    return {};
}

}  // namespace

TEST_CASE("wire codes: interview statuses go both ways and keep their wire spelling") {
    check_round_trip(kInterviewStatusCodes, status_code, parse_status);
    // The spelling of docs/api.md and fair-format.md.
    CHECK(json(InterviewStatus::in_progress) == "in_progress");
    CHECK(json(InterviewStatus::no_show) == "no_show");
    CHECK(json::parse(R"("cancelled")").get<InterviewStatus>() == InterviewStatus::cancelled);
}

TEST_CASE("wire codes: outcomes whereabouts call answers and standby blocks go both ways") {
    check_round_trip(kInterviewOutcomeCodes, outcome_code, parse_outcome);
    check_round_trip(kWhereaboutsCodes, whereabouts_code, parse_whereabouts);
    check_round_trip(kCallNobodyCodes, nobody_code, parse_nobody);
    // A standby entry nothing blocks says null, not "".
    CHECK(json(StandbyBlock::none).is_null());
    CHECK(json(nullptr).get<StandbyBlock>() == StandbyBlock::none);
    for (std::size_t index = 1; index < kStandbyBlockCodes.size(); ++index) {
        const auto block = static_cast<StandbyBlock>(index);
        CHECK(json(block).get<StandbyBlock>() == block);
        CHECK(parse_standby_block(standby_block_code(block)) == block);
    }
    CHECK(json(InterviewOutcome::next_round) == "next_round");
    CHECK(json(CallNobody::none) == "");
}

TEST_CASE("wire codes: an unknown code is refused in Vietnamese and English") {
    const std::string status = refusal_of([] { json("late").get<InterviewStatus>(); });
    CHECK(status ==
          "mã trạng thái phỏng vấn không hợp lệ: \"late\" / unknown interview status code: "
          "\"late\"");
    const std::string outcome = refusal_of([] { json("hired").get<InterviewOutcome>(); });
    CHECK(outcome.find("kết quả phỏng vấn") != std::string::npos);
    CHECK(outcome.find("unknown interview outcome code: \"hired\"") != std::string::npos);
    CHECK(refusal_of([] { json(3).get<InterviewStatus>(); }).find("\"3\"") != std::string::npos);
    CHECK(refusal_of([] { json("").get<InterviewStatus>(); }).find("\"\"") != std::string::npos);
    refusal_of([] { json("somewhere").get<Whereabouts>(); });
    refusal_of([] { json("tea_break").get<CallNobody>(); });
    refusal_of([] { json("a_newer_rule").get<StandbyBlock>(); });
    // Codes are exact: no case folding, no spaces.
    CHECK_FALSE(parse_status("Called"));
    CHECK_FALSE(parse_outcome(" offer"));
}

TEST_CASE("wire codes: the protocol's typed answers refuse an unknown code") {
    const json interview = {{"id", 7},          {"booth", "B01"}, {"seat", 0},
                            {"start", "08:00"}, {"end", "08:15"}, {"status", "promised"}};
    CHECK(interview.get<protocol::ScheduledInterview>().status == InterviewStatus::promised);
    json unknown = interview;
    unknown["status"] = "postponed";
    CHECK_THROWS_AS(unknown.get<protocol::ScheduledInterview>(), UnknownCode);

    protocol::CallAnswer answer;
    answer.nobody = CallNobody::seat_held;
    answer.nobody_student = "S0123";
    answer.why_nobody = "the seat is held";
    const json wire = answer;
    CHECK(wire["nobody"] == "seat_held");
    CHECK(wire["called"].is_null());
    CHECK_FALSE(wire.contains("ticket_label"));
    const auto back = wire.get<protocol::CallAnswer>();
    CHECK(back.nobody == CallNobody::seat_held);
    CHECK(back.nobody_student == "S0123");
    json newer = wire;
    newer["nobody"] = "tea_break";
    CHECK_THROWS_AS(newer.get<protocol::CallAnswer>(), UnknownCode);

    StoredInterview row;
    row.id = 9;
    row.interview = Interview{StudentId("S1"), BoothId("B01"), 1, TimeOfDay::hm(9, 15)};
    row.status = InterviewStatus::done;
    row.outcome = InterviewOutcome::internship;
    row.note = "tốt";
    answer.called = row;
    answer.ticket_label = "A-0001";
    const auto called = json(answer).get<protocol::CallAnswer>();
    REQUIRE(called.called);
    CHECK(called.called->id == 9);
    CHECK(called.called->interview == row.interview);
    CHECK(called.called->status == InterviewStatus::done);
    CHECK(called.called->outcome == InterviewOutcome::internship);
    CHECK(called.called->note == "tốt");
    CHECK(called.ticket_label == "A-0001");
}

TEST_CASE("wire codes: the clients' parsers refuse an unknown code instead of guessing") {
    const std::string queue = R"({"booth":"B07","queue":[{"id":1,"seat":0,"start":"08:00",
        "end":"08:15","status":"postponed","whereabouts":"checked_in"}],"standby":[]})";
    CHECK_THROWS_WITH_AS(booth::parse_booth_queue(queue),
                         doctest::Contains("unknown interview status code: \"postponed\""),
                         std::invalid_argument);
    const std::string calls = R"({"calls":[{"event":1,"ticket_label":"A-0001","booth":"B01",
        "seat":0,"status":"waiting","at":"2026-11-23T16:39:18.427Z"}]})";
    CHECK_THROWS_AS(board::parse_recent_calls(calls), std::invalid_argument);
    const std::string timeline = R"({"now":"09:00","slot_minutes":15,"day_start":"08:00",
        "day_end":"12:00","booths":[],"interviews":[{"interview":1,"booth":"B01","seat":0,
        "start":"08:00","end":"08:15","status":"done","outcome":"hired"}]})";
    CHECK_THROWS_WITH_AS(dashboard::parse_timeline(timeline),
                         doctest::Contains("kết quả phỏng vấn"), std::invalid_argument);
    const std::string overview = R"({"now":"09:00","booths":[],
        "devices":[{"device":1,"name":"Kiosk","role":"printer"}]})";
    CHECK_THROWS_WITH_AS(dashboard::parse_overview(overview),
                         doctest::Contains("unknown device role code: \"printer\""),
                         std::invalid_argument);
}
