#include "kiosk/dashboard/model/charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace jobfair::dashboard {

AxisTicks nice_axis(double largest, int wanted_ticks) {
    AxisTicks ticks;
    wanted_ticks = std::max(1, wanted_ticks);
    if (!(largest > 0)) largest = 1;
    const double rough = largest / wanted_ticks;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power;
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor == 2.5 && power < 10) continue;  // counts: whole steps only
        step = factor * power;
        if (step >= rough) break;
    }
    step = std::max(1.0, step);
    ticks.step = step;
    ticks.top = std::ceil(largest / step) * step;
    for (double value = 0; value <= ticks.top + step / 2; value += step)
        ticks.values.push_back(value);
    return ticks;
}

int BarChart::total(std::size_t category) const {
    int sum = 0;
    for (const std::vector<int>& layer : values)
        if (category < layer.size()) sum += layer[category];
    return sum;
}

namespace {

void finish_axis(BarChart& chart) {
    int largest = 0;
    for (std::size_t category = 0; category < chart.categories.size(); ++category)
        largest = std::max(largest, chart.total(category));
    chart.y = nice_axis(largest);
}

}  // namespace

BarChart check_ins_chart(const Overview& overview) {
    BarChart chart;
    chart.layers = {Layer::check_ins};
    chart.values.resize(1);
    const auto now = TimeOfDay::parse(overview.now);
    std::map<int, int> by_quarter;
    for (const auto& [quarter, count] : overview.check_ins_per_quarter) {
        if (const auto time = TimeOfDay::parse(quarter))
            by_quarter[time->minutes() / 15 * 15] += count;
    }
    int first = now ? now->minutes() / 15 * 15 : 0;
    int last = first;
    if (!by_quarter.empty()) {
        first = std::min(first, by_quarter.begin()->first);
        last = std::max(last, by_quarter.rbegin()->first);
    }
    if (!now && by_quarter.empty()) {
        finish_axis(chart);
        return chart;
    }
    for (int quarter = first; quarter <= last; quarter += 15) {
        chart.categories.push_back(TimeOfDay(quarter).str());
        const auto found = by_quarter.find(quarter);
        chart.values[0].push_back(found == by_quarter.end() ? 0 : found->second);
    }
    finish_axis(chart);
    return chart;
}

BarChart interviews_per_booth_chart(const Overview& overview) {
    BarChart chart;
    chart.layers = {Layer::done, Layer::no_show, Layer::under_way, Layer::remaining};
    chart.values.resize(chart.layers.size());
    for (const BoothSummary& booth : overview.booths) {
        chart.categories.push_back(booth.booth);
        chart.values[0].push_back(booth.done);
        chart.values[1].push_back(booth.no_shows);
        chart.values[2].push_back(static_cast<int>(booth.current.size()));
        chart.values[3].push_back(booth.remaining);
    }
    finish_axis(chart);
    return chart;
}

BarChart outcomes_chart(const Overview& overview) {
    BarChart chart;
    chart.layers = {Layer::outcome};
    chart.values.resize(1);
    for (const auto& [outcome, code] : kInterviewOutcomeCodes) {
        chart.categories.emplace_back(code);
        chart.outcomes.push_back(outcome);
        const auto found = overview.outcomes.find(outcome);
        chart.values[0].push_back(found == overview.outcomes.end() ? 0 : found->second);
    }
    finish_axis(chart);
    return chart;
}

}  // namespace jobfair::dashboard
