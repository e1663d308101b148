// The schools students come with (contract v1.1, `student.school` and `student.class`): each
// school as one group with its bus times, and students in groups of school and class, as the
// tickets are handed out and the organizer's workbook lists them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/fair.hpp"
#include "common/time_of_day.hpp"

namespace jobfair {

// A school's group: when its bus arrives and leaves. A student without times of their own
// arrives and leaves with the school.
struct SchoolGroup {
    std::string name;
    std::optional<TimeOfDay> arrive;
    std::optional<TimeOfDay> leave;

    friend bool operator==(const SchoolGroup&, const SchoolGroup&) = default;
};

// Each school's most common arrival and departure among its students (ties: the earliest), in the
// order the schools first appear. Students without a school are in no group.
std::vector<SchoolGroup> schools_from_students(const Fair& fair);

// Students of one school and one class. `school` and `class_name` are empty (nullopt) for
// students who gave none.
struct ClassGroup {
    std::optional<std::string> school;
    std::optional<std::string> class_name;
    std::vector<std::size_t> members;  // indexes into the list grouped, in its order
};

// `students` grouped by school, then class: schools in the order they first appear, students
// without a school last; within a school, classes in the order they first appear, students
// without a class last. A blank school or class counts as none.
std::vector<ClassGroup> group_by_school_and_class(const std::vector<const Student*>& students);

}  // namespace jobfair
