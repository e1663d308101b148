// Small hand-made fairs for tests, and random ones for property tests.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "common/fair.hpp"

namespace jobfair::testing {

inline TimeOfDay at(int hours, int minutes) {
    return TimeOfDay::hm(hours, minutes);
}

// A fair of 08:00-09:00 with 15-minute slots (4 slots) unless changed.
inline Fair small_fair(int slots = 4) {
    Fair fair;
    fair.settings.name = "Test fair";
    fair.settings.grid = SlotGrid{at(8, 0), TimeOfDay(8 * 60 + 15 * slots), 15};
    return fair;
}

inline Booth& add_booth(Fair& fair, std::string id, int seats = 1) {
    Booth booth;
    booth.id = BoothId(std::move(id));
    booth.enterprise = "Công ty " + booth.id.str();
    booth.interviewers = seats;
    booth.open = fair.settings.grid.day_start;
    booth.close = fair.settings.grid.day_end;
    fair.booths.push_back(booth);
    return fair.booths.back();
}

inline Student& add_student(Fair& fair, std::string id, std::vector<std::string> preferences) {
    Student student;
    student.id = StudentId(std::move(id));
    student.name = "Nguyễn Văn " + student.id.str();
    student.arrive = fair.settings.grid.day_start;
    student.leave = fair.settings.grid.day_end;
    for (auto& booth : preferences)
        student.preferences.emplace_back(std::move(booth));
    fair.students.push_back(student);
    return fair.students.back();
}

// Deterministic pseudo-random numbers for property tests (splitmix64).
class TestRandom {
  public:
    explicit TestRandom(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }

  private:
    uint64_t state_;
};

// A random but valid fair: windows, breaks, caps, trades, levels and a gap vary with the seed.
inline Fair random_fair(uint64_t seed, int booth_count, int student_count) {
    TestRandom rng(seed);
    Fair fair = small_fair(6 + rng.below(8));
    fair.settings.student_gap_slots = rng.chance(30) ? 1 : 0;
    fair.settings.max_interviews_per_student = 1 + rng.below(3);
    const int slots = fair.settings.grid.slot_count();
    const std::vector<std::string> trades{"welding", "logistics", "nursing"};
    for (int b = 0; b < booth_count; ++b) {
        auto& booth = add_booth(fair, "B" + std::to_string(10 + b), 1 + (rng.chance(25) ? 1 : 0));
        if (rng.chance(30)) booth.open = fair.settings.grid.slot_start(rng.below(3));
        if (rng.chance(30)) booth.close = fair.settings.grid.slot_end(slots - 1 - rng.below(3));
        if (rng.chance(30)) {
            const auto start = fair.settings.grid.slot_start(rng.below(slots)).plus_minutes(5);
            booth.breaks.push_back({start, start.plus_minutes(10)});
        }
        if (rng.chance(40)) booth.occupations.push_back(trades[size_t(rng.below(3))]);
        if (rng.chance(20)) booth.min_level = Level::college;
        if (rng.chance(25)) booth.max_interviews = 1 + rng.below(slots);
    }
    for (int s = 0; s < student_count; ++s) {
        std::vector<std::string> preferences;
        const int wanted = std::min(1 + rng.below(4), booth_count);
        while (static_cast<int>(preferences.size()) < wanted) {
            std::string booth = "B" + std::to_string(10 + rng.below(booth_count));
            if (std::find(preferences.begin(), preferences.end(), booth) == preferences.end()) {
                preferences.push_back(booth);
            }
        }
        auto& student = add_student(fair, "S" + std::to_string(1000 + s), preferences);
        if (rng.chance(80)) student.occupation = trades[size_t(rng.below(3))];
        student.level = rng.chance(50) ? Level::college : Level::intermediate;
        if (rng.chance(40))
            student.arrive = fair.settings.grid.day_start.plus_minutes(rng.below(60));
        if (rng.chance(30)) student.leave = fair.settings.grid.day_end.plus_minutes(-rng.below(60));
        if (rng.chance(10)) student.max_interviews = 1 + rng.below(3);
    }
    return fair;
}

}  // namespace jobfair::testing
