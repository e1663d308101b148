// The two languages every screen speaks: Vietnamese first, English second.
#pragma once

namespace jobfair {

enum class Language { vi, en };

}  // namespace jobfair
