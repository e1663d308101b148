#include "common/school_groups.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace jobfair {

std::vector<SchoolGroup> schools_from_students(const Fair& fair) {
    using Times = std::pair<int, int>;
    std::vector<std::string> order;
    std::map<std::string, std::map<Times, int>> counts;
    for (const Student& student : fair.students) {
        if (!student.school || student.school->empty()) continue;
        auto [it, inserted] = counts.try_emplace(*student.school);
        if (inserted) order.push_back(*student.school);
        ++it->second[{student.arrive.minutes(), student.leave.minutes()}];
    }
    std::vector<SchoolGroup> schools;
    for (const std::string& name : order) {
        const auto& times = counts.at(name);
        Times best{};
        int best_count = -1;
        for (const auto& [pair, count] : times) {  // ties: the earliest times
            if (count > best_count) {
                best = pair;
                best_count = count;
            }
        }
        schools.push_back(SchoolGroup{name, TimeOfDay(best.first), TimeOfDay(best.second)});
    }
    return schools;
}

namespace {

std::optional<std::string> given(const std::optional<std::string>& text) {
    if (!text || text->find_first_not_of(" \t") == std::string::npos) return std::nullopt;
    return text;
}

}  // namespace

std::vector<ClassGroup> group_by_school_and_class(const std::vector<const Student*>& students) {
    std::vector<ClassGroup> groups;
    std::vector<std::optional<std::string>> school_order;
    for (std::size_t index = 0; index < students.size(); ++index) {
        const auto school = given(students[index]->school);
        const auto class_name = given(students[index]->class_name);
        if (std::find(school_order.begin(), school_order.end(), school) == school_order.end())
            school_order.push_back(school);
        const auto group = std::find_if(groups.begin(), groups.end(), [&](const ClassGroup& g) {
            return g.school == school && g.class_name == class_name;
        });
        if (group != groups.end()) {
            group->members.push_back(index);
        } else {
            groups.push_back(ClassGroup{school, class_name, {index}});
        }
    }
    // Rank: the school's first appearance (no school last), then the class's (no class last).
    const auto school_rank = [&](const std::optional<std::string>& school) {
        if (!school) return school_order.size();
        return static_cast<std::size_t>(
            std::find(school_order.begin(), school_order.end(), school) - school_order.begin());
    };
    std::stable_sort(groups.begin(), groups.end(), [&](const ClassGroup& a, const ClassGroup& b) {
        const auto rank_a = school_rank(a.school);
        const auto rank_b = school_rank(b.school);
        if (rank_a != rank_b) return rank_a < rank_b;
        return a.class_name.has_value() && !b.class_name.has_value();
    });
    return groups;
}

}  // namespace jobfair
