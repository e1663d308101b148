#include <doctest/doctest.h>

#include "common/time_of_day.hpp"

using jobfair::SlotGrid;
using jobfair::TimeOfDay;

TEST_CASE("TimeOfDay parses only two-digit HH:MM") {
    CHECK(TimeOfDay::parse("08:30")->minutes() == 8 * 60 + 30);
    CHECK(TimeOfDay::parse("00:00")->minutes() == 0);
    CHECK(TimeOfDay::parse("23:59")->minutes() == 23 * 60 + 59);
    CHECK_FALSE(TimeOfDay::parse("8:30"));
    CHECK_FALSE(TimeOfDay::parse("08:60"));
    CHECK_FALSE(TimeOfDay::parse("24:00"));
    CHECK_FALSE(TimeOfDay::parse("08-30"));
    CHECK_FALSE(TimeOfDay::parse("08:3a"));
    CHECK_FALSE(TimeOfDay::parse(""));
    CHECK(TimeOfDay::hm(9, 5).str() == "09:05");
}

TEST_CASE("SlotGrid has no partial last slot") {
    SlotGrid grid{TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 40), 15};
    CHECK(grid.slot_count() == 18);  // 08:00..12:30; 12:30-12:45 would end past 12:40
    CHECK(grid.slot_at(TimeOfDay::hm(8, 0)) == 0);
    CHECK(grid.slot_at(TimeOfDay::hm(12, 15)) == 17);
    CHECK_FALSE(grid.slot_at(TimeOfDay::hm(12, 30)));
    CHECK_FALSE(grid.slot_at(TimeOfDay::hm(8, 7)));
    CHECK_FALSE(grid.slot_at(TimeOfDay::hm(7, 45)));
    CHECK(grid.first_slot_starting_at_or_after(TimeOfDay::hm(8, 37)) == 3);  // 08:45
    CHECK(grid.first_slot_starting_at_or_after(TimeOfDay::hm(8, 45)) == 3);
    CHECK(grid.slots_ending_by(TimeOfDay::hm(11, 0)) == 12);  // slots 0..11 end by 11:00
    CHECK(grid.slots_ending_by(TimeOfDay::hm(11, 10)) == 12);
}
