// The JSON contract reader and writer: every kind of bad input is rejected with a message naming
// its place, defaults are applied, unknown fields ignored, and write -> read is the identity.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "common/fair_format.hpp"

using jobfair::BoothId;
using jobfair::Fair;
using jobfair::FairFormatError;
using jobfair::Level;
using jobfair::Schedule;
using jobfair::StudentId;
using jobfair::TimeOfDay;
using Json = nlohmann::json;

namespace {

// A small valid instance: 08:00-12:30 in 15-minute slots, three booths, two students.
Json valid_instance() {
    return Json::parse(R"({
      "format": "jobfair-instance/1",
      "fair": { "name": "Hội chợ việc làm", "slot_minutes": 15, "day_start": "08:00",
                "day_end": "12:30", "student_gap_slots": 1, "max_interviews_per_student": 3 },
      "booths": [
        { "id": "B01", "enterprise": "Amata Electronics Co.", "interviewers": 2,
          "open": "08:00", "close": "12:00", "breaks": [["10:00", "10:15"]],
          "occupations": ["welding", "automation"], "min_level": "intermediate",
          "max_interviews": 20 },
        { "id": "B02", "enterprise": "Đồng Nai Mechanics" },
        { "id": "B03", "enterprise": "Biên Hòa Foods", "open": "09:00" }
      ],
      "students": [
        { "id": "S0001", "name": "Nguyễn Văn An", "occupation": "welding", "level": "college",
          "arrive": "08:30", "leave": "11:00", "preferences": ["B01", "B02", "B03"],
          "max_interviews": 2 },
        { "id": "S0002", "name": "Trần Thị Bích", "preferences": ["B02", "B03"] }
      ],
      "fixed": [ { "student": "S0001", "booth": "B01", "seat": 0, "start": "09:00" } ]
    })");
}

// The message of the FairFormatError that reading `text` throws, or a marker when none is thrown.
std::string instance_text_error(const std::string& text) {
    try {
        (void)jobfair::read_instance(text);
    } catch (const FairFormatError& error) {
        return error.what();
    }
    return "<accepted>";
}
std::string instance_error(const Json& document) {
    return instance_text_error(document.dump());
}

std::string schedule_text_error(const std::string& text) {
    try {
        (void)jobfair::read_schedule(text);
    } catch (const FairFormatError& error) {
        return error.what();
    }
    return "<accepted>";
}
std::string schedule_error(const Json& document) {
    return schedule_text_error(document.dump());
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Checks that `document` is rejected with a message containing every part in `parts`.
#define CHECK_REJECTED(document, ...)                                        \
    do {                                                                     \
        const std::string message_ = instance_error(document);               \
        INFO("message: " << message_);                                       \
        for (const std::string& part_ : {__VA_ARGS__}) {                     \
            CHECK_MESSAGE(contains(message_, part_), "expected: " << part_); \
        }                                                                    \
    } while (false)

Json valid_schedule() {
    return Json::parse(R"({
      "format": "jobfair-schedule/1",
      "interviews": [ { "student": "S0001", "booth": "B01", "seat": 0, "start": "09:00" },
                      { "student": "S0002", "booth": "B02", "seat": 0, "start": "08:00" } ],
      "score": 2010
    })");
}

void check_same_fair(const Fair& a, const Fair& b) {
    CHECK(a.settings.name == b.settings.name);
    CHECK(a.settings.grid.slot_minutes == b.settings.grid.slot_minutes);
    CHECK(a.settings.grid.day_start == b.settings.grid.day_start);
    CHECK(a.settings.grid.day_end == b.settings.grid.day_end);
    CHECK(a.settings.student_gap_slots == b.settings.student_gap_slots);
    CHECK(a.settings.max_interviews_per_student == b.settings.max_interviews_per_student);
    REQUIRE(a.booths.size() == b.booths.size());
    for (std::size_t i = 0; i < a.booths.size(); ++i) {
        const auto& x = a.booths[i];
        const auto& y = b.booths[i];
        CHECK(x.id == y.id);
        CHECK(x.enterprise == y.enterprise);
        CHECK(x.interviewers == y.interviewers);
        CHECK(x.open == y.open);
        CHECK(x.close == y.close);
        CHECK(x.breaks == y.breaks);
        CHECK(x.occupations == y.occupations);
        CHECK(x.min_level == y.min_level);
        CHECK(x.max_interviews == y.max_interviews);
    }
    REQUIRE(a.students.size() == b.students.size());
    for (std::size_t i = 0; i < a.students.size(); ++i) {
        const auto& x = a.students[i];
        const auto& y = b.students[i];
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.occupation == y.occupation);
        CHECK(x.level == y.level);
        CHECK(x.arrive == y.arrive);
        CHECK(x.leave == y.leave);
        CHECK(x.preferences == y.preferences);
        CHECK(x.max_interviews == y.max_interviews);
    }
    CHECK(a.fixed == b.fixed);
}

}  // namespace

TEST_CASE("read_instance reads a valid instance field by field") {
    const Fair fair = jobfair::read_instance(valid_instance().dump());
    CHECK(fair.settings.name == "Hội chợ việc làm");
    CHECK(fair.settings.grid.slot_count() == 18);
    CHECK(fair.settings.student_gap_slots == 1);
    REQUIRE(fair.booths.size() == 3);
    const auto& b01 = fair.booths[0];
    CHECK(b01.interviewers == 2);
    CHECK(b01.close == TimeOfDay::hm(12, 0));
    REQUIRE(b01.breaks.size() == 1);
    CHECK(b01.breaks[0].begin == TimeOfDay::hm(10, 0));
    CHECK(b01.breaks[0].end == TimeOfDay::hm(10, 15));
    CHECK(b01.occupations == std::vector<std::string>{"welding", "automation"});
    CHECK(b01.min_level == Level::intermediate);
    CHECK(b01.max_interviews == 20);
    const auto& s1 = fair.students[0];
    CHECK(s1.name == "Nguyễn Văn An");
    CHECK(s1.occupation == "welding");
    CHECK(s1.level == Level::college);
    CHECK(s1.arrive == TimeOfDay::hm(8, 30));
    CHECK(s1.preferences == std::vector<BoothId>{BoothId("B01"), BoothId("B02"), BoothId("B03")});
    CHECK(s1.max_interviews == 2);
    REQUIRE(fair.fixed.size() == 1);
    CHECK(fair.fixed[0] ==
          jobfair::Interview{StudentId("S0001"), BoothId("B01"), 0, TimeOfDay::hm(9, 0)});
}

TEST_CASE("read_instance applies the defaults of every optional field") {
    Json document = valid_instance();
    document["fair"].erase("student_gap_slots");
    document["fair"].erase("max_interviews_per_student");
    document.erase("fixed");
    const Fair fair = jobfair::read_instance(document.dump());
    CHECK(fair.settings.student_gap_slots == 0);
    CHECK(fair.settings.max_interviews_per_student == 3);
    CHECK(fair.fixed.empty());

    const auto& b02 = fair.booths[1];  // gives only id and enterprise
    CHECK(b02.interviewers == 1);
    CHECK(b02.open == TimeOfDay::hm(8, 0));
    CHECK(b02.close == TimeOfDay::hm(12, 30));
    CHECK(b02.breaks.empty());
    CHECK(b02.occupations.empty());
    CHECK_FALSE(b02.min_level);
    CHECK_FALSE(b02.max_interviews);
    CHECK(fair.booths[2].open == TimeOfDay::hm(9, 0));
    CHECK(fair.booths[2].close == TimeOfDay::hm(12, 30));

    const auto& s2 = fair.students[1];  // gives only id, name and preferences
    CHECK_FALSE(s2.occupation);
    CHECK(s2.level == Level::none);
    CHECK(s2.arrive == TimeOfDay::hm(8, 0));
    CHECK(s2.leave == TimeOfDay::hm(12, 30));
    CHECK_FALSE(s2.max_interviews);  // the fair's cap applies, but the model keeps "not given"
    CHECK(fair.max_interviews_of(s2) == 3);
}

TEST_CASE("read_instance treats null optional fields as absent") {
    Json document = valid_instance();
    document["students"][1]["max_interviews"] = nullptr;
    document["booths"][1]["min_level"] = nullptr;
    const Fair fair = jobfair::read_instance(document.dump());
    CHECK_FALSE(fair.students[1].max_interviews);
    CHECK_FALSE(fair.booths[1].min_level);
}

TEST_CASE("read_instance ignores unknown fields everywhere") {
    Json document = valid_instance();
    document["generator"] = {{"seed", 42}};
    document["fair"]["venue"] = "Biên Hòa";
    document["booths"][0]["website"] = "https://example.com";
    document["students"][0]["phone"] = nullptr;
    document["fixed"][0]["note"] = "promised by phone";
    const Fair fair = jobfair::read_instance(document.dump());
    CHECK(fair.booths.size() == 3);
    CHECK(fair.fixed.size() == 1);
}

TEST_CASE("times other than interview starts may lie anywhere in the day") {
    Json document = valid_instance();
    document["students"][1]["arrive"] = "08:37";
    document["students"][1]["leave"] = "12:30";
    document["booths"][1]["open"] = "08:07";
    document["booths"][1]["close"] = "12:29";
    document["booths"][1]["breaks"] = Json::array({Json::array({"09:52", "10:03"})});
    const Fair fair = jobfair::read_instance(document.dump());
    CHECK(fair.students[1].arrive == TimeOfDay::hm(8, 37));
    CHECK(fair.booths[1].open == TimeOfDay::hm(8, 7));
    CHECK(fair.booths[1].breaks[0].end == TimeOfDay::hm(10, 3));
}

TEST_CASE("write_instance then read_instance gives the same fair") {
    const Fair original = jobfair::read_instance(valid_instance().dump());
    const std::string written = jobfair::write_instance(original);
    const Fair again = jobfair::read_instance(written);
    check_same_fair(original, again);
    CHECK(jobfair::write_instance(again) == written);

    SUBCASE("pretty, UTF-8 kept, newline at the end") {
        CHECK(written.back() == '\n');
        CHECK(contains(written, "\n  \"fair\": {\n    \"name\": \"Hội chợ việc làm\""));
        CHECK(contains(written, "Nguyễn Văn An"));
        CHECK_FALSE(contains(written, "\\u"));
    }
    SUBCASE("optional fields are written only when set") {
        const Json parsed = Json::parse(written);
        CHECK(parsed["students"][0]["max_interviews"] == 2);
        CHECK_FALSE(parsed["students"][1].contains("max_interviews"));
        CHECK_FALSE(parsed["students"][1].contains("occupation"));
        CHECK_FALSE(parsed["booths"][1].contains("min_level"));
        CHECK_FALSE(parsed["booths"][1].contains("max_interviews"));
    }
}

TEST_CASE("the spec's example fragment reads once its other booths are added") {
    // Verbatim from spec/fair-format.md, with booths B03, B11 and B07 appended.
    const std::string fragment = R"({
  "format": "jobfair-instance/1",
  "fair": {
    "name": "Song Khoai Industrial Park Job Fair 2025",
    "slot_minutes": 15,
    "day_start": "08:00",
    "day_end": "12:30",
    "student_gap_slots": 0,
    "max_interviews_per_student": 3
  },
  "booths": [
    {
      "id": "B01",
      "enterprise": "Amata Electronics Co.",
      "interviewers": 1,
      "open": "08:00",
      "close": "12:30",
      "breaks": [["10:00", "10:15"]],
      "occupations": ["industrial-electronics", "automation"],
      "min_level": "intermediate",
      "max_interviews": 20
    },
    { "id": "B03", "enterprise": "Third Co." },
    { "id": "B11", "enterprise": "Eleventh Co." },
    { "id": "B07", "enterprise": "Seventh Co." }
  ],
  "students": [
    {
      "id": "S0001",
      "name": "Nguyễn Văn An",
      "occupation": "welding",
      "level": "college",
      "arrive": "08:30",
      "leave": "11:00",
      "preferences": ["B03", "B11", "B07"],
      "max_interviews": 3
    }
  ],
  "fixed": [
    { "student": "S0001", "booth": "B03", "seat": 0, "start": "09:00" }
  ]
})";
    const Fair fair = jobfair::read_instance(fragment);
    CHECK(fair.settings.name == "Song Khoai Industrial Park Job Fair 2025");
    CHECK(fair.booths.size() == 4);
    CHECK(fair.students[0].preferences.size() == 3);
    CHECK(fair.fixed.size() == 1);

    SUBCASE("without the added booths the fragment names an unknown booth") {
        // The other booths are left out of the spec's fragment on purpose; a reader must say so.
        Json only_b01 = Json::parse(fragment);
        only_b01["booths"] = Json::array({only_b01["booths"][0]});
        CHECK_REJECTED(only_b01, "students[0] (S0001).preferences[0]: unknown booth \"B03\"");
    }
}

TEST_CASE("JSON syntax errors give line and column") {
    CHECK(instance_text_error("{\n  \"format\": \"jobfair-instance/1\",\n  \"fair\": {,\n}") ==
          "JSON syntax error at line 3, column 12: syntax error while parsing object key - "
          "unexpected ','; expected string literal");
    CHECK(contains(instance_text_error(""), "JSON syntax error at line 1, column 1"));
    CHECK(
        contains(instance_text_error("{\"format\": \"jobfair-instance/1\""), "JSON syntax error"));
    // Columns count characters, not bytes: "ễ" is three bytes of UTF-8.
    CHECK(contains(instance_text_error("{\n\"ễ\": x}"), "line 2, column 6"));
    CHECK(contains(instance_text_error("[1, 2] trailing"), "line 1, column 10"));
    CHECK(contains(schedule_text_error("{\"format\":\n\n  nul}"), "line 3, column"));
    CHECK(contains(instance_text_error("{\"name\": \"\xff\"}"), "JSON syntax error"));  // not UTF-8
}

TEST_CASE("the format string is required and must match") {
    Json document = valid_instance();
    document.erase("format");
    CHECK_REJECTED(document, "format: missing (expected \"jobfair-instance/1\")");
    document["format"] = "jobfair-instance/2";
    CHECK_REJECTED(document,
                   "format: expected \"jobfair-instance/1\", found \"jobfair-instance/2\"");
    document["format"] = 1;
    CHECK_REJECTED(document, "format: expected \"jobfair-instance/1\", found 1");
    document["format"] = "jobfair-schedule/1";
    CHECK_REJECTED(document, "format:");
    CHECK(contains(instance_text_error("[]"), "document: expected an object, found array"));
}

TEST_CASE("wrong types and missing required fields name their place") {
    auto with = [](auto&& change) {
        Json document = valid_instance();
        change(document);
        return document;
    };
    CHECK_REJECTED(with([](Json& d) { d.erase("fair"); }), "fair: missing");
    CHECK_REJECTED(with([](Json& d) { d["fair"] = 3; }), "fair: expected an object, found 3");
    CHECK_REJECTED(with([](Json& d) { d.erase("booths"); }), "booths: missing");
    CHECK_REJECTED(with([](Json& d) { d["booths"] = Json::object(); }),
                   "booths: expected an array, found object");
    CHECK_REJECTED(with([](Json& d) { d.erase("students"); }), "students: missing");
    CHECK_REJECTED(with([](Json& d) { d["fixed"] = "none"; }), "fixed: expected an array");
    CHECK_REJECTED(with([](Json& d) { d["fair"]["slot_minutes"] = "15"; }),
                   "fair.slot_minutes: expected an integer, found string");
    CHECK_REJECTED(with([](Json& d) { d["fair"].erase("day_end"); }), "fair.day_end: missing");
    CHECK_REJECTED(with([](Json& d) { d["fair"]["day_start"] = 800; }),
                   "fair.day_start: expected a time \"HH:MM\", found 800");
    CHECK_REJECTED(with([](Json& d) { d["booths"][1] = "B02"; }),
                   "booths[1]: expected an object, found string");
    CHECK_REJECTED(with([](Json& d) { d["booths"][1].erase("id"); }), "booths[1].id: missing");
    CHECK_REJECTED(with([](Json& d) { d["booths"][1]["id"] = 2; }),
                   "booths[1].id: expected a string, found 2");
    CHECK_REJECTED(with([](Json& d) { d["booths"][1]["id"] = ""; }), "booths[1].id: empty");
    CHECK_REJECTED(with([](Json& d) { d["booths"][0]["interviewers"] = 1.5; }),
                   "booths[0] (B01).interviewers: expected an integer, found 1.5");
    CHECK_REJECTED(with([](Json& d) { d["booths"][0]["interviewers"] = true; }),
                   "booths[0] (B01).interviewers: expected an integer, found true");
    CHECK_REJECTED(with([](Json& d) {
                       d["booths"][0]["occupations"] = {"welding", 7};
                   }),
                   "booths[0] (B01).occupations[1]: expected a string, found 7");
    CHECK_REJECTED(with([](Json& d) {
                       d["booths"][0]["breaks"] = Json::array({"10:00", "10:15"});
                   }),
                   "booths[0] (B01).breaks[0]: expected a pair");
    CHECK_REJECTED(
        with([](Json& d) { d["booths"][0]["breaks"] = Json::array({Json::array({"10:00"})}); }),
        "booths[0] (B01).breaks[0]: expected a pair");
    CHECK_REJECTED(with([](Json& d) { d["booths"][0]["min_level"] = 2; }),
                   "booths[0] (B01).min_level: expected a string");
    CHECK_REJECTED(with([](Json& d) { d["students"][1].erase("preferences"); }),
                   "students[1] (S0002).preferences: missing");
    CHECK_REJECTED(with([](Json& d) { d["students"][1]["preferences"] = "B02"; }),
                   "students[1] (S0002).preferences: expected an array, found string");
    CHECK_REJECTED(with([](Json& d) { d["students"][1]["preferences"][1] = 3; }),
                   "students[1] (S0002).preferences[1]: expected a string, found 3");
    CHECK_REJECTED(with([](Json& d) { d["students"][1]["name"] = {"Trần"}; }),
                   "students[1] (S0002).name: expected a string, found array");
    CHECK_REJECTED(with([](Json& d) { d["students"][0]["max_interviews"] = "2"; }),
                   "students[0] (S0001).max_interviews: expected an integer");
    CHECK_REJECTED(with([](Json& d) { d["fixed"][0]["seat"] = "0"; }),
                   "fixed[0].seat: expected an integer, found string");
    CHECK_REJECTED(with([](Json& d) { d["fixed"][0].erase("start"); }), "fixed[0].start: missing");
}

TEST_CASE("duplicate ids are rejected") {
    Json document = valid_instance();
    document["booths"][2]["id"] = "B01";
    CHECK_REJECTED(document, "booths[2] (B01): duplicate booth id \"B01\" (first at booths[0])");
    document = valid_instance();
    document["students"][1]["id"] = "S0001";
    CHECK_REJECTED(document,
                   "students[1] (S0001): duplicate student id \"S0001\" (first at students[0])");
}

TEST_CASE("preferences name known booths, each once") {
    Json document = valid_instance();
    document["students"][1]["preferences"] = {"B02", "B03", "B99"};
    CHECK_REJECTED(document, "students[1] (S0002).preferences[2]: unknown booth \"B99\"");
    document["students"][1]["preferences"] = {"B02", "B03", "B02"};
    CHECK_REJECTED(document,
                   "students[1] (S0002).preferences[2]: booth \"B02\" repeated (already at "
                   "students[1] (S0002).preferences[0])");
}

TEST_CASE("times must be HH:MM inside the fair's day") {
    auto with = [](auto&& change) {
        Json document = valid_instance();
        change(document);
        return document;
    };
    CHECK_REJECTED(with([](Json& d) { d["students"][0]["arrive"] = "8:30"; }),
                   "students[0] (S0001).arrive: malformed time \"8:30\"");
    CHECK_REJECTED(with([](Json& d) { d["fair"]["day_start"] = "08:60"; }),
                   "fair.day_start: malformed time \"08:60\"");
    CHECK_REJECTED(with([](Json& d) { d["booths"][0]["close"] = "24:00"; }),
                   "booths[0] (B01).close: malformed time \"24:00\"");
    CHECK_REJECTED(with([](Json& d) { d["students"][0]["arrive"] = "07:59"; }),
                   "students[0] (S0001).arrive: 07:59 is outside the fair's day [08:00, 12:30]");
    CHECK_REJECTED(with([](Json& d) { d["students"][0]["leave"] = "12:31"; }),
                   "students[0] (S0001).leave: 12:31 is outside the fair's day");
    CHECK_REJECTED(with([](Json& d) { d["booths"][1]["open"] = "07:00"; }),
                   "booths[1] (B02).open: 07:00 is outside the fair's day");
    CHECK_REJECTED(with([](Json& d) { d["booths"][1]["close"] = "13:00"; }),
                   "booths[1] (B02).close: 13:00 is outside the fair's day");
}

TEST_CASE("close must come after open, leave after arrive") {
    Json document = valid_instance();
    document["booths"][0]["close"] = "07:59";
    CHECK_REJECTED(document, "booths[0] (B01).close: 07:59 is outside");
    document["booths"][0]["open"] = "11:00";
    document["booths"][0]["close"] = "10:00";
    CHECK_REJECTED(document, "booths[0] (B01).close: 10:00 is not after open 11:00");
    document["booths"][0]["close"] = "11:00";
    CHECK_REJECTED(document, "booths[0] (B01).close: 11:00 is not after open 11:00");
    document = valid_instance();
    document["students"][0]["leave"] = "08:30";
    CHECK_REJECTED(document, "students[0] (S0001).leave: 08:30 is not after arrive 08:30");
}

TEST_CASE("breaks must end after they start and lie inside the day") {
    Json document = valid_instance();
    document["booths"][0]["breaks"] =
        Json::array({Json::array({"10:00", "10:15"}), Json::array({"11:00", "11:00"})});
    CHECK_REJECTED(document, "booths[0] (B01).breaks[1]: ends at 11:00, not after its start 11:00");
    document["booths"][0]["breaks"] = Json::array({Json::array({"11:00", "10:45"})});
    CHECK_REJECTED(document, "booths[0] (B01).breaks[0]: ends at 10:45");
    document["booths"][0]["breaks"] = Json::array({Json::array({"12:00", "12:45"})});
    CHECK_REJECTED(document, "booths[0] (B01).breaks[0][1]: 12:45 is outside the fair's day");
    document["booths"][0]["breaks"] = Json::array({Json::array({"7:00", "08:45"})});
    CHECK_REJECTED(document, "booths[0] (B01).breaks[0][0]: malformed time \"7:00\"");
}

TEST_CASE("levels must be known") {
    Json document = valid_instance();
    document["students"][1]["level"] = "master";
    CHECK_REJECTED(document, "students[1] (S0002).level: unknown level \"master\"");
    document = valid_instance();
    document["booths"][0]["min_level"] = "College";
    CHECK_REJECTED(document, "booths[0] (B01).min_level: unknown level \"College\"");
}

TEST_CASE("counts must be in range") {
    auto with = [](auto&& change) {
        Json document = valid_instance();
        change(document);
        return document;
    };
    CHECK_REJECTED(with([](Json& d) { d["fair"]["slot_minutes"] = 0; }),
                   "fair.slot_minutes: 0 is not positive");
    CHECK_REJECTED(with([](Json& d) { d["fair"]["slot_minutes"] = -15; }),
                   "fair.slot_minutes: -15 is not positive");
    CHECK_REJECTED(with([](Json& d) { d["booths"][0]["interviewers"] = 0; }),
                   "booths[0] (B01).interviewers: 0 is not positive");
    CHECK_REJECTED(with([](Json& d) { d["booths"][0]["max_interviews"] = -1; }),
                   "booths[0] (B01).max_interviews: -1 is negative");
    CHECK_REJECTED(with([](Json& d) { d["students"][0]["max_interviews"] = -2; }),
                   "students[0] (S0001).max_interviews: -2 is negative");
    CHECK_REJECTED(with([](Json& d) { d["fair"]["max_interviews_per_student"] = -3; }),
                   "fair.max_interviews_per_student: -3 is negative");
    CHECK_REJECTED(with([](Json& d) { d["fair"]["student_gap_slots"] = -1; }),
                   "fair.student_gap_slots: -1 is negative");
    // Caps of zero are allowed: a booth that takes no interviews today.
    CHECK(instance_error(with([](Json& d) { d["booths"][1]["max_interviews"] = 0; })) ==
          "<accepted>");
}

TEST_CASE("huge numbers are rejected, never wrapped") {
    auto with_interviewers = [&](const std::string& number) {
        Json copy = valid_instance();
        copy["booths"][0]["interviewers"] = 1;
        std::string changed = copy.dump();
        const std::string from = "\"interviewers\":1";
        changed.replace(changed.find(from), from.size(), "\"interviewers\":" + number);
        return instance_text_error(changed);
    };
    CHECK(contains(with_interviewers("2147483648"),
                   "booths[0] (B01).interviewers: 2147483648 is too large"));
    CHECK(contains(with_interviewers("4294967297"), "interviewers: 4294967297 is too large"));
    CHECK(contains(with_interviewers("-2147483649"), "interviewers: -2147483649 is out of range"));
    CHECK(contains(with_interviewers("18446744073709551615"), "is too large"));
    CHECK(contains(with_interviewers("-9223372036854775808"), "is out of range"));
    CHECK(contains(with_interviewers("1e300"), "expected an integer"));
    CHECK(contains(with_interviewers("123456789012345678901234567890"), "expected an integer"));
    CHECK(contains(with_interviewers("1e999"), "JSON value cannot be read"));

    SUBCASE("the largest int is accepted and nothing allocates per seat") {
        Json big = valid_instance();
        big["booths"][0]["interviewers"] = 2147483647;
        big["booths"][0]["max_interviews"] = 2147483647;
        big["fair"]["student_gap_slots"] = 2147483647;
        big["fair"]["max_interviews_per_student"] = 2147483647;
        big["fixed"][0]["seat"] = 2147483646;
        const Fair fair = jobfair::read_instance(big.dump());
        CHECK(fair.booths[0].interviewers == 2147483647);
        CHECK(fair.fixed[0].seat == 2147483646);
    }
    SUBCASE("a slot longer than the day") {
        Json big = valid_instance();
        big["fair"]["slot_minutes"] = 2147483647;
        CHECK_REJECTED(big, "fair.slot_minutes: no slot of 2147483647 minutes fits");
    }
}

TEST_CASE("the day must hold at least one slot") {
    Json document = valid_instance();
    document["fair"]["day_end"] = "08:00";
    CHECK_REJECTED(document, "fair.day_end: 08:00 is not after day_start 08:00");
    document["fair"]["day_end"] = "07:00";
    CHECK_REJECTED(document, "fair.day_end: 07:00 is not after day_start 08:00");
    document["fair"]["day_end"] = "08:10";
    CHECK_REJECTED(document,
                   "fair.slot_minutes: no slot of 15 minutes fits between day_start "
                   "08:00 and day_end 08:10");
    document["fair"]["day_end"] = "12:30";
    document["fair"]["slot_minutes"] = 300;
    CHECK_REJECTED(document, "fair.slot_minutes: no slot of 300 minutes fits");
}

TEST_CASE("fixed interviews must sit on the grid and name known ids") {
    Json document = valid_instance();
    document["fixed"][0]["start"] = "09:07";
    CHECK_REJECTED(document,
                   "fixed[0].start: 09:07 is not a slot start (slots of 15 minutes from "
                   "08:00, the last starting at 12:15)");
    document["fixed"][0]["start"] = "12:30";  // would end past day_end
    CHECK_REJECTED(document, "fixed[0].start: 12:30 is not a slot start");
    document["fixed"][0]["start"] = "07:45";
    CHECK_REJECTED(document, "fixed[0].start: 07:45 is not a slot start");
    document["fixed"][0]["start"] = "9:00";
    CHECK_REJECTED(document, "fixed[0].start: malformed time \"9:00\"");
    document = valid_instance();
    document["fixed"][0]["student"] = "S0404";
    CHECK_REJECTED(document, "fixed[0].student: unknown student \"S0404\"");
    document = valid_instance();
    document["fixed"][0]["booth"] = "B99";
    CHECK_REJECTED(document, "fixed[0].booth: unknown booth \"B99\"");
}

TEST_CASE("fixed interviews must keep every hard constraint, and say which rule") {
    // valid_instance: gap 1 slot; B01 has 2 seats, a 10:00-10:15 break, welding/automation from
    // intermediate up, closes 12:00; B03 opens 09:00. S0001 (welding, college) is here
    // 08:30-11:00, wants B01, B02, B03, at most 2; S0002 (no trade, level none) wants B02, B03.
    auto with_fixed = [](Json fixed) {
        Json document = valid_instance();
        document["fixed"] = std::move(fixed);
        return document;
    };
    auto interview = [](const char* student, const char* booth, int seat, const char* start) {
        return Json{{"student", student}, {"booth", booth}, {"seat", seat}, {"start", start}};
    };

    SUBCASE("rule 1: seat >= interviewers") {
        CHECK_REJECTED(with_fixed({interview("S0001", "B01", 2, "09:00")}),
                       "fixed[0]: rule 1:", "seat 2 does not exist");
        CHECK_REJECTED(with_fixed({interview("S0001", "B01", -1, "09:00")}), "fixed[0]: rule 1:");
    }
    SUBCASE("rule 1: two fixed interviews on one seat and slot") {
        CHECK_REJECTED(with_fixed({interview("S0001", "B02", 0, "09:00"),
                                   interview("S0002", "B02", 0, "09:00")}),
                       "fixed[0], fixed[1]: rule 1: booth B02 seat 0 at 09:00 has 2 interviews "
                       "(S0001, S0002)");
    }
    SUBCASE("rule 2: one student in two places at once") {
        CHECK_REJECTED(with_fixed({interview("S0001", "B01", 0, "09:30"),
                                   interview("S0001", "B02", 0, "09:30")}),
                       "fixed[0], fixed[1]: rule 2: student S0001 has 2 interviews at 09:30");
    }
    SUBCASE("rule 2: too close for student_gap_slots") {
        CHECK_REJECTED(with_fixed({interview("S0001", "B01", 0, "09:30"),
                                   interview("S0001", "B02", 0, "09:45")}),
                       "fixed[0], fixed[1]: rule 2:", "0 free slots between; needs 1");
    }
    SUBCASE("rule 3: before the student arrives") {
        CHECK_REJECTED(with_fixed({interview("S0001", "B02", 0, "08:15")}),
                       "fixed[0]: rule 3:", "before student S0001 arrives at 08:30");
    }
    SUBCASE("rule 3: after the student leaves") {
        CHECK_REJECTED(with_fixed({interview("S0001", "B02", 0, "10:50")}), "not a slot start");
        CHECK_REJECTED(with_fixed({interview("S0001", "B02", 0, "11:00")}),
                       "fixed[0]: rule 3:", "after student S0001 leaves at 11:00");
    }
    SUBCASE("rule 3: outside the booth's hours") {
        CHECK_REJECTED(with_fixed({interview("S0002", "B03", 0, "08:45")}),
                       "fixed[0]: rule 3:", "before booth B03 opens at 09:00");
        Json late = with_fixed({interview("S0002", "B02", 0, "12:00")});
        late["booths"][1]["close"] = "12:10";
        CHECK_REJECTED(late, "fixed[0]: rule 3:", "after booth B02 closes at 12:10");
    }
    SUBCASE("rule 3: overlapping a break") {
        CHECK_REJECTED(with_fixed({interview("S0001", "B01", 1, "10:00")}),
                       "fixed[0]: rule 3:", "overlaps booth B01's break 10:00-10:15");
    }
    SUBCASE("rule 4: not eligible") {
        Json document = with_fixed({interview("S0002", "B01", 0, "09:00")});
        document["students"][1]["preferences"] = {"B02", "B03", "B01"};
        CHECK_REJECTED(document, "fixed[0]: rule 4:", "occupation (none) is not in booth B01");
        document["students"][1]["occupation"] = "welding";
        CHECK_REJECTED(document, "fixed[0]: rule 4:",
                       "level none is below booth B01's min_level intermediate");
    }
    SUBCASE("rule 5: booth not in preferences") {
        CHECK_REJECTED(with_fixed({interview("S0002", "B01", 0, "09:00")}),
                       "fixed[0]: rule 5:", "booth B01 is not in student S0002's preferences");
    }
    SUBCASE("rule 5: the same student and booth twice") {
        CHECK_REJECTED(with_fixed({interview("S0002", "B02", 0, "09:00"),
                                   interview("S0002", "B02", 0, "11:00")}),
                       "fixed[0], fixed[1]: rule 5: student S0002 meets booth B02 2 times");
    }
    SUBCASE("rule 6: more fixed than the student's max_interviews") {
        CHECK_REJECTED(with_fixed({interview("S0001", "B01", 0, "09:00"),
                                   interview("S0001", "B02", 0, "09:30"),
                                   interview("S0001", "B03", 0, "10:00")}),
                       "fixed[0], fixed[1], fixed[2]: rule 6: student S0001 has 3 interviews; "
                       "max_interviews is 2");
    }
    SUBCASE("rule 6: more fixed than the booth's max_interviews") {
        Json document = with_fixed(
            {interview("S0001", "B02", 0, "09:00"), interview("S0002", "B02", 0, "09:00")});
        document["fixed"][1]["start"] = "10:00";
        document["booths"][1]["max_interviews"] = 1;
        CHECK_REJECTED(document,
                       "fixed[0], fixed[1]: rule 6: booth B02 has 2 interviews; "
                       "max_interviews is 1");
    }
    SUBCASE("every broken rule is listed") {
        const std::string message = instance_error(with_fixed(
            {interview("S0001", "B01", 5, "10:00"), interview("S0002", "B01", 0, "08:00")}));
        CHECK(contains(message, "rule 1"));
        CHECK(contains(message, "rule 3"));
        CHECK(contains(message, "rule 4"));
        CHECK(contains(message, "rule 5"));
    }
}

TEST_CASE("read_schedule reads interviews and the claimed score") {
    const Schedule schedule = jobfair::read_schedule(valid_schedule().dump());
    REQUIRE(schedule.interviews.size() == 2);
    CHECK(schedule.interviews[1] ==
          jobfair::Interview{StudentId("S0002"), BoothId("B02"), 0, TimeOfDay::hm(8, 0)});
    CHECK(schedule.score == 2010);

    SUBCASE("write then read is the identity") {
        const std::string written = jobfair::write_schedule(schedule);
        CHECK(written.back() == '\n');
        CHECK(contains(written, "\n  \"interviews\": [\n    {\n      \"student\": \"S0001\""));
        const Schedule again = jobfair::read_schedule(written);
        CHECK(again.interviews == schedule.interviews);
        CHECK(again.score == schedule.score);
    }
    SUBCASE("unknown fields are ignored, unknown ids are the checker's business") {
        Json document = valid_schedule();
        document["solver"] = "greedy";
        document["interviews"][0]["status"] = "promised";
        document["interviews"][0]["booth"] = "B99";
        document["interviews"][0]["seat"] = 7;
        document["interviews"][0]["start"] = "09:07";
        const Schedule read = jobfair::read_schedule(document.dump());
        CHECK(read.interviews[0].booth == BoothId("B99"));
        CHECK(read.interviews[0].start == TimeOfDay::hm(9, 7));
    }
    SUBCASE("an empty schedule") {
        const Schedule empty = jobfair::read_schedule(
            R"({"format": "jobfair-schedule/1", "interviews": [], "score": 0})");
        CHECK(empty.interviews.empty());
    }
    SUBCASE("a large score") {
        Json document = valid_schedule();
        document["score"] = 9223372036854775807LL;
        CHECK(jobfair::read_schedule(document.dump()).score == 9223372036854775807LL);
    }
}

TEST_CASE("read_schedule rejects malformed fields with their place") {
    auto with = [](auto&& change) {
        Json document = valid_schedule();
        change(document);
        return schedule_error(document);
    };
    CHECK(contains(with([](Json& d) { d.erase("format"); }), "format: missing"));
    CHECK(contains(with([](Json& d) { d["format"] = "jobfair-instance/1"; }),
                   "format: expected \"jobfair-schedule/1\", found \"jobfair-instance/1\""));
    CHECK(contains(with([](Json& d) { d.erase("score"); }), "score: missing"));
    CHECK(contains(with([](Json& d) { d["score"] = "2010"; }),
                   "score: expected an integer, found string"));
    CHECK(contains(with([](Json& d) { d["score"] = 2010.5; }),
                   "score: expected an integer, found 2010.5"));
    CHECK(contains(with([](Json& d) { d["score"] = nullptr; }), "score: expected an integer"));
    CHECK(contains(with([](Json& d) { d["score"] = 18446744073709551615ULL; }),
                   "score: 18446744073709551615 is too large"));
    CHECK(contains(with([](Json& d) { d.erase("interviews"); }), "interviews: missing"));
    CHECK(contains(with([](Json& d) { d["interviews"] = 1; }), "interviews: expected an array"));
    CHECK(contains(with([](Json& d) { d["interviews"][1] = "S0002"; }),
                   "interviews[1]: expected an object, found string"));
    CHECK(contains(with([](Json& d) { d["interviews"][1].erase("booth"); }),
                   "interviews[1].booth: missing"));
    CHECK(contains(with([](Json& d) { d["interviews"][1]["student"] = 2; }),
                   "interviews[1].student: expected a string, found 2"));
    CHECK(contains(with([](Json& d) { d["interviews"][1]["seat"] = "0"; }),
                   "interviews[1].seat: expected an integer, found string"));
    CHECK(contains(with([](Json& d) { d["interviews"][1]["seat"] = 4294967296LL; }),
                   "interviews[1].seat: 4294967296 is too large"));
    CHECK(contains(with([](Json& d) { d["interviews"][1]["start"] = "8:00"; }),
                   "interviews[1].start: malformed time \"8:00\""));
    CHECK(contains(schedule_text_error("{\"format\": \"jobfair-schedule/1\",\n \"score\": 1,,}"),
                   "JSON syntax error at line 2, column 13"));
}

TEST_CASE("reading files names the file, and a missing file is an error") {
    CHECK_THROWS_AS((void)jobfair::read_instance_file("/nonexistent/fair.json"), FairFormatError);
    CHECK_THROWS_WITH_AS((void)jobfair::read_schedule_file("/nonexistent/schedule.json"),
                         "/nonexistent/schedule.json: cannot open for reading", FairFormatError);
    CHECK_THROWS_WITH_AS((void)jobfair::read_instance_file("/"),
                         "/: is a directory, not a JSON file", FairFormatError);
}

TEST_CASE("no input crashes the readers: truncations, byte flips, deep nesting") {
    const std::string instance = valid_instance().dump(2);
    const std::string schedule = valid_schedule().dump(2);
    auto only_format_errors = [](const std::string& text) {
        try {
            (void)jobfair::read_instance(text);
        } catch (const FairFormatError&) {
        }
        try {
            (void)jobfair::read_schedule(text);
        } catch (const FairFormatError&) {
        }
    };
    for (std::size_t length = 0; length < instance.size(); length += 3) {
        CHECK_NOTHROW(only_format_errors(instance.substr(0, length)));
    }
    std::mt19937 random(20250315);  // fixed seed: the same inputs every run
    const std::string alphabet = "{}[]\",:0123456789-.eE \n\tnulltruefalse\\u00e1\xc3\xa1\xff";
    for (int round = 0; round < 3000; ++round) {
        std::string text = round % 2 == 0 ? instance : schedule;
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int e = 0; e < edits; ++e) {
            text[random() % text.size()] = alphabet[random() % alphabet.size()];
        }
        CHECK_NOTHROW(only_format_errors(text));
    }
    CHECK_NOTHROW(only_format_errors(std::string(100000, '[') + std::string(100000, ']')));
    CHECK_NOTHROW(only_format_errors(std::string(100000, '[')));
}
