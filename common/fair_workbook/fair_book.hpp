// A fair as the organizer's workbook holds it: the contract's instance (common/fair.hpp) and,
// beside it, what only the organizer's lists know: each school's bus times, and the students'
// phones and consent (personal data: kept in the database, never written into an instance).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/fair.hpp"
#include "common/school_groups.hpp"

namespace jobfair::sheets {

// The schools sheet is the schools of common/school_groups.hpp, which tickets group by too.
using ::jobfair::SchoolGroup;
using ::jobfair::schools_from_students;

struct StudentContact {
    std::optional<std::string> phone;  // normalised, "0912345678"
    bool consent_to_contact = false;   // enterprises may phone after the fair ("follow_up")

    friend bool operator==(const StudentContact&, const StudentContact&) = default;
};

struct FairBook {
    Fair fair;
    std::vector<SchoolGroup> schools;              // in the sheet's order
    std::map<StudentId, StudentContact> contacts;  // students with a phone or a consent

    friend bool operator==(const FairBook&, const FairBook&) = default;
};

// consent JSON as the store keeps it ({"interview": true, "follow_up": true}) and back.
std::string consent_json(const StudentContact& contact);
bool consents_to_contact(const std::string& consent_json);

}  // namespace jobfair::sheets
