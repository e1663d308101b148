// The schools' lists of pre-registered students' details: reading the CSV, importing it into the
// store in one transaction, and the demo's list made by the generator.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "common/demo_generator.hpp"
#include "common/phone.hpp"
#include "common/store.hpp"
#include "common/student_details_csv.hpp"
#include "fair_builder.hpp"

using namespace jobfair;

namespace {

std::vector<CsvProblem> problems_of(std::string_view text) {
    try {
        parse_student_details_csv(text);
    } catch (const StudentDetailsCsvError& error) {
        return error.problems();
    }
    FAIL("the file was accepted");
    return {};
}

bool has_problem(const std::vector<CsvProblem>& problems, int line, std::string_view words) {
    for (const CsvProblem& problem : problems) {
        if (problem.line == line && problem.message.find(words) != std::string::npos) return true;
    }
    return false;
}

Fair three_student_fair() {
    Fair fair = testing::small_fair();
    testing::add_booth(fair, "B01");
    testing::add_student(fair, "S0001", {"B01"});
    testing::add_student(fair, "S0002", {"B01"});
    testing::add_student(fair, "S0003", {"B01"});
    return fair;
}

Store::StudentDetails with(std::optional<std::string> phone, std::optional<std::string> school) {
    Store::StudentDetails details;
    details.phone = std::move(phone);
    details.school = std::move(school);
    return details;
}

}  // namespace

TEST_CASE("student details CSV: a file with BOM and CRLF reads like one without") {
    const std::string plain =
        "student,phone,school\nS0001,0912345678,Trường Cao đẳng Việt – Hàn Quảng Ninh\n";
    const std::string excel =
        "\xEF\xBB\xBFstudent,phone,school\r\nS0001,0912345678,Trường Cao đẳng Việt – Hàn Quảng "
        "Ninh\r\n";
    const auto a = parse_student_details_csv(plain);
    const auto b = parse_student_details_csv(excel);
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].student == b[0].student);
    CHECK(a[0].details.phone == b[0].details.phone);
    CHECK(b[0].details.school == "Trường Cao đẳng Việt – Hàn Quảng Ninh");
    CHECK(b[0].details.registered_via == "pre_registration");
    CHECK(b[0].line == 2);
}

TEST_CASE("student details CSV: quoted fields hold commas, quotes and line breaks") {
    const std::string text =
        "student,phone,school\n"
        "S0001,,\"Trường Trung cấp Nghề Hạ Long, cơ sở 2\"\n"
        "S0002,0912 345 678,\"Trường \"\"Kỹ thuật\"\"\nUông Bí\"\n"
        "\n"
        "S0003,+84 97 123 4567,\n";
    const auto lines = parse_student_details_csv(text);
    REQUIRE(lines.size() == 3);
    CHECK_FALSE(lines[0].details.phone.has_value());
    CHECK(lines[0].details.school == "Trường Trung cấp Nghề Hạ Long, cơ sở 2");
    CHECK(lines[1].details.phone == "0912345678");
    CHECK(lines[1].details.school == "Trường \"Kỹ thuật\" Uông Bí");  // the break is collapsed
    // Lines count from the header: the quoted break makes S0002 span lines 3-4; a blank line 5.
    CHECK(lines[1].line == 3);
    CHECK(lines[2].line == 6);
    CHECK(lines[2].details.phone == "0971234567");
    CHECK_FALSE(lines[2].details.school.has_value());
}

TEST_CASE("student details CSV: columns in any order, other columns ignored, NFC schools") {
    // "Trường" written decomposed (u + combining hook + combining grave), as some Mac tools do.
    const std::string text =
        "Name,School,Student,PHONE\n"
        "Nguyễn Văn An,  Tru\xCC\x9Bo\xCC\x9B\xCC\x80ng   Cao đẳng A ,S0001,0344882761\n";
    const auto lines = parse_student_details_csv(text);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].student == StudentId("S0001"));
    CHECK(lines[0].details.school == "Trường Cao đẳng A");
    CHECK(lines[0].details.phone == "0344882761");
}

TEST_CASE("student details CSV: every problem is reported with its line") {
    const auto problems = problems_of(
        "student,phone,school\n"
        "S0001,12345,A\n"            // 2: too short
        ",0912345678,A\n"            // 3: no id
        "S0002,,\n"                  // 4: nothing to record
        "S0003,0212345678,B\n"       // 5: a landline
        "S0001,0912345678,A\n"       // 6: twice
        "S0004,0912345678\n"         // 7: a field missing
        "S0005,0912345678,\"A\"x\n"  // 8: text after a closing quote
        "S0006,0912345679,B\n");
    CHECK(problems.size() == 7);
    CHECK(has_problem(problems, 2, "12345"));
    CHECK(has_problem(problems, 3, "student id is empty"));
    CHECK(has_problem(problems, 4, "neither a phone nor a school"));
    CHECK(has_problem(problems, 5, "0212345678"));
    CHECK(has_problem(problems, 6, "already on line 2"));
    CHECK(has_problem(problems, 7, "2 of the 3 fields"));
    CHECK(has_problem(problems, 8, "closing quote"));
    for (size_t i = 1; i < problems.size(); ++i)
        CHECK(problems[i - 1].line <= problems[i].line);
    try {
        parse_student_details_csv("student,phone,school\nS0001,1,A\n");
        FAIL("accepted");
    } catch (const StudentDetailsCsvError& error) {
        CHECK(std::string(error.what()).find("line 2: ") != std::string::npos);
    }
}

TEST_CASE("student details CSV: a bad header, an open quote and non-UTF-8 are refused") {
    CHECK(has_problem(problems_of("id,phone,school\nS0001,0912345678,A\n"), 1, "missing: student"));
    CHECK(has_problem(problems_of(""), 1, "empty"));
    CHECK(has_problem(problems_of("student,phone,school\nS0001,0912345678,\"A\n"), 2,
                      "never closed"));
    CHECK(has_problem(problems_of("student,phone,school\nS0001,0912345678,Tr\xF0\x28\n"), 0,
                      "not UTF-8"));
    const std::string long_school(kMaxSchoolBytes + 1, 'x');
    CHECK(has_problem(problems_of("student,phone,school\nS0001,," + long_school + "\n"), 2,
                      "longer than"));
}

TEST_CASE("student details CSV: written and read back the same") {
    const std::vector<std::pair<StudentId, Store::StudentDetails>> rows{
        {StudentId("S0001"), with("0912345678", "Trường A, cơ sở \"2\"")},
        {StudentId("S0002"), with(std::nullopt, "Trường Cao đẳng Y tế Quảng Ninh")},
        {StudentId("S0003"), with("0981234567", std::nullopt)}};
    const auto lines = parse_student_details_csv(write_student_details_csv(rows));
    REQUIRE(lines.size() == rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        CHECK(lines[i].student == rows[i].first);
        CHECK(lines[i].details.phone == rows[i].second.phone);
        CHECK(lines[i].details.school == rows[i].second.school);
    }
}

TEST_CASE("student details CSV: ids the fair does not hold are named with their lines") {
    const auto lines =
        parse_student_details_csv("student,phone,school\nS0001,0912345678,A\nS0999,0912345679,A\n");
    const auto unknown = unknown_students(lines, three_student_fair());
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].line == 3);
    CHECK(unknown[0].message.find("S0999") != std::string::npos);
}

TEST_CASE("students' details import: stored as pre-registration, logged by count only") {
    Store store(":memory:");
    store.import_fair(three_student_fair(), "test");
    store.import_student_details({{StudentId("S0001"), with("0912345678", "Trường A")},
                                  {StudentId("S0002"), with(std::nullopt, "Trường B")}},
                                 "cli");
    const auto s1 = store.student_details(StudentId("S0001"));
    REQUIRE(s1.has_value());
    CHECK(s1->phone == "0912345678");
    CHECK(s1->school == "Trường A");
    CHECK(s1->registered_via == "pre_registration");
    CHECK(store.all_student_details().size() == 2);
    CHECK_FALSE(store.student_details(StudentId("S0003")).has_value());
    const auto events = store.events();
    CHECK(events.back().kind == "students.details_imported");
    CHECK(events.back().payload_json == R"({"count":2})");
    // A corrected list replaces the earlier details.
    store.import_student_details({{StudentId("S0001"), with("0981234567", "Trường C")}}, "cli");
    CHECK(store.student_details(StudentId("S0001"))->school == "Trường C");
    CHECK(store.student_details(StudentId("S0001"))->phone == "0981234567");
}

TEST_CASE("students' details import: all or nothing") {
    Store store(":memory:");
    store.import_fair(three_student_fair(), "test");
    Student walk_in = three_student_fair().students.front();
    Store::StudentDetails kiosk = with("0901234567", "Trường của em");
    const StudentId walk_in_id = store.register_walk_in(walk_in, kiosk, "k", "d", "kiosk").student;
    const size_t events = store.events().size();

    // An unknown student at the end: the first row is not kept either.
    CHECK_THROWS_AS(store.import_student_details({{StudentId("S0001"), with("0912345678", "A")},
                                                  {StudentId("S9999"), with("0912345679", "A")}},
                                                 "cli"),
                    StoreError);
    CHECK_FALSE(store.student_details(StudentId("S0001")).has_value());
    // A walk-in's own details are never overwritten.
    CHECK_THROWS_AS(store.import_student_details({{StudentId("S0002"), with("0912345678", "A")},
                                                  {walk_in_id, with("0912345679", "B")}},
                                                 "cli"),
                    StoreError);
    CHECK_FALSE(store.student_details(StudentId("S0002")).has_value());
    CHECK(store.student_details(walk_in_id)->school == "Trường của em");
    CHECK(store.student_details(walk_in_id)->registered_via == "walk_in");
    // The same student twice.
    CHECK_THROWS_AS(store.import_student_details({{StudentId("S0003"), with("0912345678", "A")},
                                                  {StudentId("S0003"), with("0912345679", "B")}},
                                                 "cli"),
                    StoreError);
    CHECK_FALSE(store.student_details(StudentId("S0003")).has_value());
    CHECK(store.events().size() == events);
}

TEST_CASE("demo generator: students' details are deterministic, plausible and leave the fair") {
    const Fair fair = generate_demo_fair({});
    const auto details = generate_demo_student_details(fair, 2025);
    REQUIRE(details.size() == fair.students.size());
    CHECK(generate_demo_fair({}).students.size() == fair.students.size());
    const auto again = generate_demo_student_details(generate_demo_fair({}), 2025);
    const auto other = generate_demo_student_details(fair, 7);
    std::set<std::string> phones, schools;
    int without_phone = 0, different = 0;
    for (size_t i = 0; i < details.size(); ++i) {
        CHECK(details[i].student == fair.students[i].id);
        CHECK(details[i].phone == again[i].phone);
        CHECK(details[i].school == again[i].school);
        different += details[i].phone != other[i].phone;
        CHECK(details[i].school.rfind("Tr", 0) == 0);  // Trường ... or Trung tâm ...
        schools.insert(details[i].school);
        if (!details[i].phone) {
            ++without_phone;
            continue;
        }
        const PhoneCheck checked = check_phone(*details[i].phone);
        CHECK_MESSAGE(checked, *details[i].phone);
        if (checked) CHECK(checked.national() == *details[i].phone);
        CHECK_MESSAGE(phones.insert(*details[i].phone).second, "repeated ", *details[i].phone);
    }
    CHECK(different > 700);
    CHECK(schools.size() >= 8);
    CHECK(without_phone > 0);
    CHECK(without_phone < 60);
    CHECK(schools.count("Trường Cao đẳng Việt – Hàn Quảng Ninh") == 1);
}

TEST_CASE("demo generator: the committed students' details are what the generator makes") {
    std::ifstream committed(std::string(JOBFAIR_SOURCE_DIR) + "/assets/demo-students.csv",
                            std::ios::binary);
    REQUIRE(committed.good());
    std::stringstream text;
    text << committed.rdbuf();
    std::vector<std::pair<StudentId, Store::StudentDetails>> rows;
    for (auto& demo : generate_demo_student_details(generate_demo_fair({}), 2025))
        rows.emplace_back(demo.student, with(demo.phone, demo.school));
    CHECK(text.str() == write_student_details_csv(rows));
    // And it imports cleanly into the committed demo fair.
    Store store(":memory:");
    store.import_fair(generate_demo_fair({}), "test");
    const auto lines = parse_student_details_csv(text.str());
    CHECK(unknown_students(lines, store.load_fair()).empty());
    store.import_student_details(details_to_import(lines), "test");
    CHECK(store.all_student_details().size() == 800);
}
