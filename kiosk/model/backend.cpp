#include "kiosk/model/backend.hpp"

namespace jobfair::kiosk {

std::string_view to_string(BackendError error) {
    switch (error) {
        case BackendError::unreachable:
            return "unreachable";
        case BackendError::refused:
            return "refused";
        case BackendError::unexpected:
            return "unexpected";
    }
    return "unexpected";
}

}  // namespace jobfair::kiosk
