#include "common/fair.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace jobfair {

const Booth* Fair::find_booth(const BoothId& id) const {
    for (const auto& booth : booths) {
        if (booth.id == id) return &booth;
    }
    return nullptr;
}

const Student* Fair::find_student(const StudentId& id) const {
    for (const auto& student : students) {
        if (student.id == id) return &student;
    }
    return nullptr;
}

Ineligibility eligibility_of(const Student& student, const Booth& booth) {
    if (!booth.occupations.empty()) {
        if (!student.occupation) return Ineligibility::trade;
        if (std::find(booth.occupations.begin(), booth.occupations.end(), *student.occupation) ==
            booth.occupations.end()) {
            return Ineligibility::trade;
        }
    }
    if (booth.min_level && student.level < *booth.min_level) return Ineligibility::level;
    return Ineligibility::none;
}

int preference_rank(const Student& student, const BoothId& booth) {
    for (size_t i = 0; i < student.preferences.size(); ++i) {
        if (student.preferences[i] == booth) return static_cast<int>(i) + 1;
    }
    return 0;
}

long long score_of(const Fair& fair, const std::vector<Interview>& interviews) {
    std::unordered_map<std::string, const Student*> students;
    students.reserve(fair.students.size());
    for (const auto& student : fair.students)
        students.emplace(student.id.str(), &student);

    std::unordered_set<std::string> covered;
    long long points = 0;
    for (const auto& interview : interviews) {
        auto it = students.find(interview.student.str());
        if (it == students.end()) continue;
        const int rank = preference_rank(*it->second, interview.booth);
        if (rank == 0) continue;
        points += points_for_rank(rank);
        covered.insert(interview.student.str());
    }
    return kCoverageWeight * static_cast<long long>(covered.size()) + points;
}

}  // namespace jobfair
