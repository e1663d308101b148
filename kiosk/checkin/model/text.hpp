// The kiosk's text functions live in common/text.hpp (the server searches names too); this
// header keeps the kiosk's own spelling, jobfair::checkin::fold_for_search and friends.
#pragma once

#include "common/text.hpp"

namespace jobfair::checkin {
using jobfair::append_utf8;
using jobfair::collapse_spaces;
using jobfair::contains_folded;
using jobfair::fold_for_search;
using jobfair::is_nfc;
using jobfair::is_valid_utf8;
using jobfair::to_code_points;
using jobfair::to_nfc;
using jobfair::to_nfd;
using jobfair::to_utf8;
}  // namespace jobfair::checkin
