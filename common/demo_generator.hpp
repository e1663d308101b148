// The deterministic demo fair: a realistic instance of the contract built from a seed, shaped on
// the Song Khoai Industrial Park job fair (Quang Ninh, 2025: ~30 enterprises, >800 vocational
// students, >500 interviews in one morning). The same options give the same fair, byte for byte,
// on every machine: the generator draws from its own PRNG and uses no floating point.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/fair.hpp"

namespace jobfair {

struct GeneratorOptions {
    enum class Tightness {
        normal,  // the seed fair's ratio: 700 seat-slots for 800 students (7 per 8)
        tight,   // three quarters of normal: about 0.66 seat-slots per student
        loose,   // twice normal: 1.75 seat-slots per student
    };

    uint64_t seed = 2025;
    // Multiplies booths (30), students (800) and school buses (10: each school comes with one bus
    // per campus): 1, 3, 10, 30; any of 1..100 works.
    int scale = 1;
    Tightness tightness = Tightness::normal;
    int fixed_promises = 0;  // pre-promised interviews to add to `fixed`
};

inline constexpr int kDemoBoothsPerScale = 30;
inline constexpr int kDemoStudentsPerScale = 800;

// Seat-slots the generator aims for (the sum of seat_slots() over booths); it lands within a
// few seat-slots of this figure.
int target_seat_slots(const GeneratorOptions& options);

// Builds the fair. Throws std::invalid_argument when the scale is outside 1..100, when
// fixed_promises is negative, or when that many promises cannot jointly satisfy the hard rules.
Fair generate_demo_fair(const GeneratorOptions& options);

// What makes a fair hard to schedule, for the CLI's report and the tests.
struct DemandFigures {
    int interview_capacity = 0;      // sum over booths of min(seat-slots, booth max_interviews)
    int oversubscribed_booths = 0;   // booths named in more preferences than their capacity
    int ineligible_preferences = 0;  // preferences naming a booth the student may not meet
};
DemandFigures demand_figures(const Fair& fair);

// What the schools' lists say about a pre-registered student (not part of the fair contract):
// the school (the student's own in the fair; for a student without one, a school that teaches
// their trade), and a mobile number.
struct DemoStudentDetails {
    StudentId student;
    std::optional<std::string> phone;  // national form "0912345678"; a few lists lack one
    std::string school;
};

// One entry per student of `fair`, in the fair's order, drawn from the seed's own stream: the
// same seed and fair give the same details, and the fair itself does not change. Phones are
// unique valid mobile numbers (common/phone.hpp) under the networks' real prefixes.
std::vector<DemoStudentDetails> generate_demo_student_details(const Fair& fair, uint64_t seed);

class Store;
// Loads the demo fair and its students' details (school, phone) into an empty store, as
// `serve --demo` and `simulate` do. Returns the fair.
Fair load_demo_fair(Store& store, const GeneratorOptions& options, std::string_view actor);

}  // namespace jobfair
