// The numbers behind the dashboard's charts, ready to draw with ImDrawList: categories along the
// x axis, one or more stacked layers of values, and a y axis with "nice" ticks (1, 2, 2.5 or 5
// times a power of ten). The view only maps them to pixels; titles and axis names come from the
// string table.
//
// Index: AxisTicks and nice_axis · BarChart · the three charts
#pragma once

#include <string>
#include <vector>

#include "kiosk/dashboard/model/answers.hpp"

namespace jobfair::dashboard {

struct AxisTicks {
    double top = 1;              // the axis runs from 0 to top
    double step = 1;             // ticks every step
    std::vector<double> values;  // 0, step, 2 step, ..., top
};

// Ticks for values from 0 to `largest`, about `wanted_ticks` of them, with a whole-number step
// (counts are whole). `largest` <= 0 gives 0..1.
AxisTicks nice_axis(double largest, int wanted_ticks = 5);

enum class Layer { check_ins, done, no_show, under_way, remaining, outcome };

struct BarChart {
    std::vector<std::string> categories;     // x labels ("08:00", "B07", outcome codes)
    std::vector<InterviewOutcome> outcomes;  // the outcomes chart: each category's outcome
    std::vector<Layer> layers;               // bottom to top
    std::vector<std::vector<int>> values;    // values[layer][category]
    AxisTicks y;

    int total(std::size_t category) const;  // the stacked height of a bar
};

// Check-ins per quarter hour, from the first quarter with a check-in (or the quarter of now) to
// the quarter of the overview's now, empty quarters included.
BarChart check_ins_chart(const Overview& overview);
// Per booth: done, no-show, under way and remaining interviews, stacked.
BarChart interviews_per_booth_chart(const Overview& overview);
// The outcomes of finished interviews: offer, internship, next_round, not_suitable.
BarChart outcomes_chart(const Overview& overview);

}  // namespace jobfair::dashboard
