#include "common/fair_workbook/fair_book.hpp"

#include <nlohmann/json.hpp>

namespace jobfair::sheets {

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
