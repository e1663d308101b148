#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "common/availability.hpp"
#include "common/demo_generator.hpp"
#include "common/fair_format.hpp"
#include "common/occupations.hpp"
#include "common/schedule_check.hpp"

using namespace jobfair;

namespace {

int total_seat_slots(const Fair& fair) {
    int total = 0;
    for (const Booth& booth : fair.booths)
        total += seat_slots(fair.settings, booth);
    return total;
}

// Decodes UTF-8 strictly (no overlongs, no surrogates); nullopt when malformed.
std::optional<std::u32string> decode_utf8(std::string_view text) {
    std::u32string decoded;
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        int length = 0;
        char32_t code = 0;
        if (lead < 0x80) {
            length = 1;
            code = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            code = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            code = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            code = lead & 0x07;
        } else {
            return std::nullopt;
        }
        if (i + static_cast<size_t>(length) > text.size()) return std::nullopt;
        for (int k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
            if ((next & 0xC0) != 0x80) return std::nullopt;
            code = (code << 6) | (next & 0x3F);
        }
        constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return std::nullopt;
        }
        decoded.push_back(code);
        i += static_cast<size_t>(length);
    }
    return decoded;
}

// Precomposed Vietnamese letters live in Latin-1, Latin Extended-A/B and Latin Extended
// Additional; a decomposed (non-NFC) name would carry combining marks U+0300..U+036F instead.
bool has_precomposed_diacritic(const std::u32string& text) {
    return std::any_of(text.begin(), text.end(), [](char32_t c) { return c >= 0xC0; });
}
bool has_combining_mark(const std::u32string& text) {
    return std::any_of(text.begin(), text.end(),
                       [](char32_t c) { return c >= 0x300 && c <= 0x36F; });
}

bool lies_within_day(const SlotGrid& grid, TimeOfDay t) {
    return grid.day_start <= t && t <= grid.day_end;
}

}  // namespace

TEST_CASE("demo generator: the same options give the same fair, byte for byte") {
    GeneratorOptions options;
    options.fixed_promises = 25;
    CHECK(write_instance(generate_demo_fair(options)) ==
          write_instance(generate_demo_fair(options)));

    options.tightness = GeneratorOptions::Tightness::tight;
    options.scale = 3;
    CHECK(write_instance(generate_demo_fair(options)) ==
          write_instance(generate_demo_fair(options)));
}

TEST_CASE("demo generator: different seeds give different fairs") {
    GeneratorOptions first;
    GeneratorOptions second;
    second.seed = 2026;
    CHECK(write_instance(generate_demo_fair(first)) != write_instance(generate_demo_fair(second)));
}

TEST_CASE("demo generator: fixed promises leave the booths and students unchanged") {
    GeneratorOptions plain;
    GeneratorOptions promised;
    promised.fixed_promises = 40;
    const Fair without = generate_demo_fair(plain);
    Fair with = generate_demo_fair(promised);
    CHECK(with.fixed.size() == 40);
    with.fixed.clear();
    CHECK(write_instance(with) == write_instance(without));
}

TEST_CASE("demo generator: scale 1 has the seed fair's figures") {
    const Fair fair = generate_demo_fair({});
    CHECK(fair.settings.name == "Ngày hội việc làm Khu công nghiệp Sông Khoai 2025");
    CHECK(fair.settings.grid.day_start == TimeOfDay::hm(8, 0));
    CHECK(fair.settings.grid.day_end == TimeOfDay::hm(12, 30));
    CHECK(fair.settings.grid.slot_minutes == 15);
    CHECK(fair.settings.grid.slot_count() == 18);
    CHECK(fair.settings.max_interviews_per_student == 3);
    CHECK(fair.settings.student_gap_slots == 0);

    REQUIRE(fair.booths.size() == 30);
    REQUIRE(fair.students.size() == 800);
    CHECK(fair.booths.front().id.str() == "B01");
    CHECK(fair.booths.back().id.str() == "B30");
    CHECK(fair.students.front().id.str() == "S0001");
    CHECK(fair.students.back().id.str() == "S0800");
    CHECK(fair.fixed.empty());

    const int seat_slot_total = total_seat_slots(fair);
    CHECK(seat_slot_total >= 680);
    CHECK(seat_slot_total <= 720);
    CHECK(target_seat_slots({}) == 700);

    // Most booths have one seat, some two or three; a few pause, open late or close early; some
    // cap their day, some want a level, a few take any trade.
    const auto count_booths = [&](auto&& predicate) {
        return std::count_if(fair.booths.begin(), fair.booths.end(), predicate);
    };
    CHECK(count_booths([](const Booth& b) { return b.interviewers == 1; }) >= 15);
    CHECK(count_booths([](const Booth& b) { return b.interviewers == 2; }) >= 3);
    CHECK(count_booths([](const Booth& b) { return b.interviewers == 3; }) >= 1);
    CHECK(count_booths([](const Booth& b) { return !b.breaks.empty(); }) >= 1);
    CHECK(count_booths([&](const Booth& b) {
              return b.open > fair.settings.grid.day_start || b.close < fair.settings.grid.day_end;
          }) >= 1);
    CHECK(count_booths([](const Booth& b) { return b.max_interviews.has_value(); }) >= 1);
    CHECK(count_booths([](const Booth& b) { return b.min_level.has_value(); }) >= 1);
    const auto any_trade = count_booths([](const Booth& b) { return b.occupations.empty(); });
    CHECK(any_trade >= 2);
    CHECK(any_trade <= 5);

    // Students come with their schools' buses over the morning (next test), many at times off
    // the grid; some leave before the end.
    const auto count_students = [&](auto&& predicate) {
        return std::count_if(fair.students.begin(), fair.students.end(), predicate);
    };
    const SlotGrid& grid = fair.settings.grid;
    CHECK(count_students([&](const Student& s) { return s.arrive < TimeOfDay::hm(9, 0); }) > 150);
    CHECK(count_students([&](const Student& s) { return s.arrive >= TimeOfDay::hm(9, 0); }) > 300);
    CHECK(count_students([&](const Student& s) {
              return !grid.slot_at(s.arrive) && s.arrive < grid.day_end;
          }) > 100);
    CHECK(count_students([&](const Student& s) { return s.leave < grid.day_end; }) > 50);
    CHECK(count_students([](const Student& s) { return s.level == Level::none; }) > 0);
    CHECK(count_students([](const Student& s) {
              return s.level == Level::intermediate || s.level == Level::college;
          }) > 600);
}

namespace {

// Each school's most common (arrive, leave): its bus.
std::map<std::string, std::pair<TimeOfDay, TimeOfDay>> bus_times(const Fair& fair) {
    std::map<std::string, std::map<std::pair<TimeOfDay, TimeOfDay>, int>> seen;
    for (const Student& student : fair.students)
        ++seen[student.school.value_or("")][{student.arrive, student.leave}];
    std::map<std::string, std::pair<TimeOfDay, TimeOfDay>> buses;
    for (const auto& [school, times] : seen) {
        buses[school] =
            std::max_element(times.begin(), times.end(), [](const auto& a, const auto& b) {
                return a.second < b.second;
            })->first;
    }
    return buses;
}

}  // namespace

TEST_CASE("demo generator: students arrive with their school's bus, schools at different times") {
    for (const int scale : {1, 3}) {
        GeneratorOptions options;
        options.scale = scale;
        const Fair fair = generate_demo_fair(options);
        const SlotGrid& grid = fair.settings.grid;
        CAPTURE(scale);
        const auto buses = bus_times(fair);
        CHECK(buses.count("") == 0);  // every student comes with a school
        CHECK(buses.size() == static_cast<size_t>(10 * scale));

        // Nearly all students keep their bus's times; a few come or go by themselves.
        int with_bus = 0;
        for (const Student& student : fair.students) {
            const auto& [arrive, leave] = buses.at(*student.school);
            with_bus += student.arrive == arrive && student.leave == leave;
        }
        CHECK(with_bus * 100 >= static_cast<int>(fair.students.size()) * 80);
        CHECK(with_bus < static_cast<int>(fair.students.size()));

        // Buses come over the morning, from the start to 10:30; some go back before the end.
        std::set<TimeOfDay> arrivals;
        int early_returns = 0;
        for (const auto& [school, times] : buses) {
            arrivals.insert(times.first);
            CHECK(times.first <= TimeOfDay::hm(10, 30));
            CHECK(times.first.plus_minutes(120) <= times.second);
            early_returns += times.second < grid.day_end;
        }
        CHECK(arrivals.size() * 2 >= buses.size());
        CHECK(*arrivals.begin() <= TimeOfDay::hm(8, 15));
        CHECK(*arrivals.rbegin() >= TimeOfDay::hm(9, 45));
        CHECK(early_returns >= 1);
        CHECK(early_returns * 2 < static_cast<int>(buses.size()));

        // No hour holds most of the students: the morning's arrivals are spread.
        std::map<int, int> by_hour;
        for (const Student& student : fair.students)
            ++by_hour[student.arrive.minutes() / 60];
        for (const auto& [hour, arriving] : by_hour)
            CHECK(arriving * 10 < static_cast<int>(fair.students.size()) * 7);
    }
}

TEST_CASE("demo generator: every fair keeps the contract") {
    for (const int scale : {1, 3}) {
        for (const auto tightness :
             {GeneratorOptions::Tightness::normal, GeneratorOptions::Tightness::tight,
              GeneratorOptions::Tightness::loose}) {
            GeneratorOptions options;
            options.scale = scale;
            options.tightness = tightness;
            options.seed = 7 + static_cast<uint64_t>(scale);
            const Fair fair = generate_demo_fair(options);
            const SlotGrid& grid = fair.settings.grid;
            CAPTURE(scale);

            std::set<std::string> booth_ids;
            for (const Booth& booth : fair.booths) {
                CAPTURE(booth.id);
                CHECK(booth_ids.insert(booth.id.str()).second);
                CHECK(!booth.enterprise.empty());
                CHECK(booth.interviewers >= 1);
                CHECK(lies_within_day(grid, booth.open));
                CHECK(lies_within_day(grid, booth.close));
                CHECK(booth.open < booth.close);
                CHECK(seat_slots(fair.settings, booth) > 0);
                for (const TimeRange& pause : booth.breaks) {
                    CHECK(pause.begin < pause.end);
                    CHECK(lies_within_day(grid, pause.begin));
                    CHECK(lies_within_day(grid, pause.end));
                }
                for (const std::string& trade : booth.occupations)
                    CHECK(find_occupation(trade) != nullptr);
                if (booth.max_interviews) CHECK(*booth.max_interviews > 0);
            }
            CHECK(std::is_sorted(booth_ids.begin(), booth_ids.end()));

            std::string previous_student;
            for (const Student& student : fair.students) {
                CAPTURE(student.id);
                CHECK(student.id.str() > previous_student);  // ids sort in fair order
                previous_student = student.id.str();
                CHECK(lies_within_day(grid, student.arrive));
                CHECK(lies_within_day(grid, student.leave));
                CHECK(student.arrive < student.leave);
                // Each student can be seen at least once: a whole slot fits in their hours.
                CHECK(grid.first_slot_starting_at_or_after(student.arrive) <
                      grid.slots_ending_by(student.leave));
                CHECK(student.preferences.size() >= 2);
                CHECK(student.preferences.size() <= 5);
                std::set<BoothId> unique(student.preferences.begin(), student.preferences.end());
                CHECK(unique.size() == student.preferences.size());
                for (const BoothId& id : student.preferences)
                    CHECK(booth_ids.count(id.str()) == 1);
            }
            // The reader of the contract accepts what the generator writes, unchanged.
            const std::string json = write_instance(fair);
            CHECK(write_instance(read_instance(json)) == json);
        }
    }
}

TEST_CASE("demo generator: popular booths are oversubscribed and a few wishes are ineligible") {
    const Fair fair = generate_demo_fair({});
    const DemandFigures demand = demand_figures(fair);
    CHECK(demand.oversubscribed_booths >= 5);
    CHECK(demand.interview_capacity <= total_seat_slots(fair));
    CHECK(demand.interview_capacity > 600);

    int preferences = 0;
    int by_trade = 0;
    int by_level = 0;
    for (const Student& student : fair.students) {
        for (const BoothId& id : student.preferences) {
            ++preferences;
            const Ineligibility why = eligibility_of(student, *fair.find_booth(id));
            by_trade += why == Ineligibility::trade;
            by_level += why == Ineligibility::level;
        }
    }
    CHECK(by_trade > 0);
    CHECK(by_level > 0);
    CHECK(by_trade + by_level == demand.ineligible_preferences);
    CHECK(demand.ineligible_preferences * 10 < preferences);  // mostly eligible
}

TEST_CASE("demo generator: names are NFC UTF-8 with Vietnamese diacritics") {
    const Fair fair = generate_demo_fair({});
    const auto decoded_name = decode_utf8(fair.settings.name);
    REQUIRE(decoded_name);
    CHECK(has_precomposed_diacritic(*decoded_name));

    int with_diacritics = 0;
    for (const Student& student : fair.students) {
        CAPTURE(student.name);
        const auto decoded = decode_utf8(student.name);
        REQUIRE(decoded);
        CHECK_FALSE(has_combining_mark(*decoded));
        CHECK(std::count(student.name.begin(), student.name.end(), ' ') >= 2);
        with_diacritics += has_precomposed_diacritic(*decoded);
    }
    CHECK(with_diacritics > 600);  // Nguyễn alone is a third of the country

    std::set<std::string> enterprises;
    for (const Booth& booth : fair.booths) {
        CAPTURE(booth.enterprise);
        const auto decoded = decode_utf8(booth.enterprise);
        REQUIRE(decoded);
        CHECK_FALSE(has_combining_mark(*decoded));
        CHECK(enterprises.insert(booth.enterprise).second);
    }
}

TEST_CASE("demo generator: fixed promises jointly keep every hard rule") {
    for (const auto tightness :
         {GeneratorOptions::Tightness::normal, GeneratorOptions::Tightness::tight}) {
        GeneratorOptions options;
        options.tightness = tightness;
        options.fixed_promises = 300;  // enough that students get several and seats collide
        const Fair fair = generate_demo_fair(options);
        REQUIRE(fair.fixed.size() == 300);

        const Schedule promised{fair.fixed, score_of(fair, fair.fixed)};
        const CheckReport report = check_schedule(fair, promised);
        for (const Violation& violation : report.violations)
            FAIL_CHECK(violation.message);
        CHECK(report.violations.empty());
        CHECK(report.valid());

        // The contract's reader validates fixed interviews too.
        CHECK_NOTHROW(read_instance(write_instance(fair)));
    }
}

TEST_CASE("demo generator: x10 and the tightness ratios") {
    GeneratorOptions options;
    options.scale = 10;
    const Fair large = generate_demo_fair(options);
    REQUIRE(large.booths.size() == 300);
    REQUIRE(large.students.size() == 8000);
    CHECK(large.booths.front().id.str() == "B001");
    CHECK(large.booths.back().id.str() == "B300");
    CHECK(large.students.back().id.str() == "S8000");
    CHECK(total_seat_slots(large) >= 6900);
    CHECK(total_seat_slots(large) <= 7100);

    options.scale = 1;
    options.tightness = GeneratorOptions::Tightness::tight;
    const int tight = total_seat_slots(generate_demo_fair(options));
    CHECK(tight >= 500);
    CHECK(tight <= 550);
    options.tightness = GeneratorOptions::Tightness::loose;
    const int loose = total_seat_slots(generate_demo_fair(options));
    CHECK(loose >= 1330);
    CHECK(loose <= 1470);
}

TEST_CASE("demo generator: options it cannot meet are refused") {
    GeneratorOptions options;
    options.scale = 0;
    CHECK_THROWS_AS(generate_demo_fair(options), std::invalid_argument);
    options.scale = 1;
    options.fixed_promises = -1;
    CHECK_THROWS_AS(generate_demo_fair(options), std::invalid_argument);
    options.fixed_promises = 5000;  // more than 800 students x 3 interviews
    CHECK_THROWS_AS(generate_demo_fair(options), std::invalid_argument);
}

TEST_CASE("the committed demo fair is what the generator makes from its defaults") {
    std::ifstream committed(std::string(JOBFAIR_SOURCE_DIR) + "/assets/demo-fair.json",
                            std::ios::binary);
    REQUIRE(committed.good());
    std::stringstream text;
    text << committed.rdbuf();
    CHECK(text.str() == jobfair::write_instance(jobfair::generate_demo_fair({})));
}
