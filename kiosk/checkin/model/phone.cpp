#include "kiosk/checkin/model/phone.hpp"

namespace jobfair::checkin {

Text phone_reason(const PhoneCheck& check) {
    switch (check.problem()) {
        case PhoneProblem::empty:
            return Text::phone_empty;
        case PhoneProblem::bad_characters:
            return Text::phone_bad_characters;
        case PhoneProblem::wrong_length:
            return Text::phone_wrong_length;
        case PhoneProblem::not_mobile:
            return Text::phone_not_mobile;
    }
    return Text::phone_empty;
}

}  // namespace jobfair::checkin
