#include <doctest/doctest.h>

#include <algorithm>

#include "common/availability.hpp"

using jobfair::Booth;
using jobfair::FairSettings;
using jobfair::TimeOfDay;
using jobfair::TimeRange;

namespace {

FairSettings morning_fair() {
    FairSettings settings;
    settings.grid = {TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 30), 15};  // 18 slots
    return settings;
}

Booth booth_open(TimeOfDay open, TimeOfDay close, std::vector<TimeRange> breaks = {}) {
    Booth booth;
    booth.open = open;
    booth.close = close;
    booth.breaks = std::move(breaks);
    return booth;
}

std::vector<int> slots_from_to(int first, int last) {
    std::vector<int> slots;
    for (int slot = first; slot <= last; ++slot)
        slots.push_back(slot);
    return slots;
}

}  // namespace

TEST_CASE("a booth open all day without breaks can use every slot") {
    const Booth booth = booth_open(TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 30));
    CHECK(usable_slots(morning_fair(), booth) == slots_from_to(0, 17));
}

TEST_CASE("a slot must lie wholly inside the booth's opening hours") {
    // 08:37 -> first whole slot starts 08:45 (slot 3); 11:00 -> last slot 10:45-11:00 (slot 11).
    const Booth booth = booth_open(TimeOfDay::hm(8, 37), TimeOfDay::hm(11, 0));
    CHECK(usable_slots(morning_fair(), booth) == slots_from_to(3, 11));
    // Closing at 11:10 still cannot fit the 11:00-11:15 slot.
    const Booth late = booth_open(TimeOfDay::hm(8, 0), TimeOfDay::hm(11, 10));
    CHECK(usable_slots(morning_fair(), late) == slots_from_to(0, 11));
}

TEST_CASE("a break removes every slot it overlaps, half-open") {
    const FairSettings settings = morning_fair();
    SUBCASE("a break on the grid removes exactly its slot") {
        const Booth booth = booth_open(TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 30),
                                       {{TimeOfDay::hm(10, 0), TimeOfDay::hm(10, 15)}});
        const auto slots = usable_slots(settings, booth);
        CHECK(slots.size() == 17);
        CHECK(std::find(slots.begin(), slots.end(), 8) == slots.end());  // 10:00
        CHECK(std::find(slots.begin(), slots.end(), 7) != slots.end());  // 09:45 ends as it begins
        CHECK(std::find(slots.begin(), slots.end(), 9) != slots.end());  // 10:15 starts as it ends
    }
    SUBCASE("a break off the grid removes both slots it touches") {
        const Booth booth = booth_open(TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 30),
                                       {{TimeOfDay::hm(10, 5), TimeOfDay::hm(10, 20)}});
        auto expected = slots_from_to(0, 7);
        for (int slot = 10; slot <= 17; ++slot)
            expected.push_back(slot);
        CHECK(usable_slots(settings, booth) == expected);
    }
    SUBCASE("an empty break overlaps nothing") {
        const Booth booth = booth_open(TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 30),
                                       {{TimeOfDay::hm(10, 0), TimeOfDay::hm(10, 0)}});
        CHECK(usable_slots(settings, booth).size() == 18);
    }
}

TEST_CASE("a booth that closes before it opens has no usable slot") {
    const Booth booth = booth_open(TimeOfDay::hm(11, 0), TimeOfDay::hm(10, 0));
    CHECK(usable_slots(morning_fair(), booth).empty());
}

TEST_CASE("seat-slots multiply usable slots by seats") {
    Booth booth = booth_open(TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 30),
                             {{TimeOfDay::hm(10, 0), TimeOfDay::hm(10, 30)}});
    booth.interviewers = 3;
    CHECK(seat_slots(morning_fair(), booth) == 3 * 16);
}
