// The student's status page (assets/phone/status.html), compiled into the server at build time
// (scheduler/server/CMakeLists.txt), so a venue's server needs no file beside it.
#pragma once

#include <string_view>

namespace jobfair {

std::string_view phone_status_page();

}  // namespace jobfair
