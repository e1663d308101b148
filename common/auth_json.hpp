// The access state (hashes only) as JSON, for the store's access_state row.
#pragma once

#include <string>

#include "common/auth.hpp"

namespace jobfair {

std::string access_state_to_json(const AccessState& state);
// Throws std::runtime_error naming the field when the text is not a saved access state.
AccessState access_state_from_json(const std::string& text);

}  // namespace jobfair
