#include "kiosk/checkin/model/backend.hpp"

namespace jobfair::checkin {

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

}  // namespace jobfair::checkin
