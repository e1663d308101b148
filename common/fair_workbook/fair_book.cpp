#include "common/fair_workbook/fair_book.hpp"

#include <nlohmann/json.hpp>
#include <tuple>

namespace jobfair::sheets {

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

std::string consent_json(const StudentContact& contact) {
    nlohmann::json consent{{"interview", true}};
    if (contact.consent_to_contact) consent["follow_up"] = true;
    return consent.dump();
}

bool consents_to_contact(const std::string& consent_json) {
    const auto consent = nlohmann::json::parse(consent_json, nullptr, false);
    if (!consent.is_object()) return false;
    const auto it = consent.find("follow_up");
    return it != consent.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace jobfair::sheets
