#include "common/fair_summary.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "common/availability.hpp"

namespace jobfair {

namespace {

constexpr Level kLevels[] = {Level::none, Level::intermediate, Level::college, Level::university};
constexpr InterviewStatus kStatuses[] = {InterviewStatus::planned,  InterviewStatus::promised,
                                         InterviewStatus::called,   InterviewStatus::in_progress,
                                         InterviewStatus::done,     InterviewStatus::no_show,
                                         InterviewStatus::cancelled};

template <class Key>
void write_counts(std::ostream& out, const std::vector<std::pair<Key, int>>& counts,
                  auto&& label_of) {
    bool first = true;
    for (const auto& [key, count] : counts) {
        out << (first ? " " : ", ") << label_of(key) << ' ' << count;
        first = false;
    }
    if (first) out << " -";
    out << '\n';
}

}  // namespace

FairSummary summarize_fair(const Fair& fair) {
    FairSummary summary;
    summary.name = fair.settings.name;
    summary.grid = fair.settings.grid;
    summary.booths = static_cast<int>(fair.booths.size());
    for (const Booth& booth : fair.booths) {
        summary.seats += booth.seats();
        summary.seat_slots += seat_slots(fair.settings, booth);
    }
    summary.students = static_cast<int>(fair.students.size());
    summary.fixed_interviews = static_cast<int>(fair.fixed.size());

    std::map<Level, int> by_level;
    std::map<std::optional<std::string>, int> by_occupation;
    for (const Student& student : fair.students) {
        summary.preferences += static_cast<int>(student.preferences.size());
        ++by_level[student.level];
        ++by_occupation[student.occupation];
    }
    for (Level level : kLevels)
        summary.students_by_level.emplace_back(level, by_level[level]);
    summary.students_by_occupation.assign(by_occupation.begin(), by_occupation.end());
    // Stable: ties keep the map's alphabetical order, students without an occupation first.
    std::stable_sort(summary.students_by_occupation.begin(), summary.students_by_occupation.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (InterviewStatus status : kStatuses)
        summary.interviews_by_status.emplace_back(status, 0);
    return summary;
}

std::string format_summary(const FairSummary& summary) {
    std::ostringstream out;
    out << "Fair:            " << summary.name << '\n';
    out << "Day:             " << summary.grid.day_start.str() << "-" << summary.grid.day_end.str()
        << ", " << summary.grid.slot_count() << " slots of " << summary.grid.slot_minutes
        << " minutes\n";
    out << "Booths:          " << summary.booths << " (" << summary.seats << " seats, "
        << summary.seat_slots << " seat-slots)\n";
    out << "Students:        " << summary.students << " (" << summary.preferences
        << " preferences, " << summary.fixed_interviews << " fixed)\n";
    out << "By level:       ";
    write_counts(out, summary.students_by_level, [](Level level) { return level_code(level); });
    out << "By occupation:  ";
    write_counts(out, summary.students_by_occupation, [](const std::optional<std::string>& code) {
        return code ? *code : std::string("(none)");
    });
    out << "Interviews:     ";
    write_counts(out, summary.interviews_by_status,
                 [](InterviewStatus status) { return status_code(status); });
    return out.str();
}

}  // namespace jobfair
