#include "common/sodium_init.hpp"

#include <sodium.h>

#include <stdexcept>

namespace jobfair {

void ensure_sodium() {
    // sodium_init() is itself thread-safe and returns 1 when already initialised, so no flag of
    // our own is needed.
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium could not be initialised (no usable random source?)");
    }
}

}  // namespace jobfair
