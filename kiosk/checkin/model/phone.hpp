// Phone numbers at the kiosk: the checks are common/phone.hpp's (the server runs the same);
// this adds what to tell the student, from the kiosk's string table.
#pragma once

#include "common/phone.hpp"
#include "kiosk/checkin/model/strings.hpp"

namespace jobfair::checkin {

using jobfair::check_phone;
using jobfair::mask_phone;
using jobfair::PhoneCheck;
using jobfair::PhoneProblem;

// What to tell the student about an invalid number, with what to do about it.
Text phone_reason(const PhoneCheck& check);

}  // namespace jobfair::checkin
