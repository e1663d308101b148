// libsodium must be initialised once before use; every user of it calls ensure_sodium() first.
#pragma once

namespace jobfair {

// Initialises libsodium (safe to call from any thread, any number of times). Throws
// std::runtime_error when the library cannot start (no usable random source).
void ensure_sodium();

}  // namespace jobfair
