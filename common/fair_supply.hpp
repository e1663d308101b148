// Supply against demand before the fair: for each trade and each booth, the interviews the booths
// can hold (seat-slots within their caps) against the students who could and who want to meet
// them. It tells the organizer, days ahead, which enterprise to invite or which booth needs
// another interviewer.
#pragma once

#include <string>
#include <vector>

#include "common/fair.hpp"

namespace jobfair {

struct TradeSupply {
    std::string trade;    // code; "" for students who gave no trade
    int students = 0;     // students of this trade
    int booths = 0;       // booths that take this trade (by their list, not "any trade")
    int capacity = 0;     // interviews those booths can hold (seat-slots within caps)
    int preferences = 0;  // preferences of these students naming a booth they may meet
    int students_without_eligible_preference = 0;
};

struct BoothSupply {
    BoothId booth;
    std::string enterprise;
    int capacity = 0;                // seat-slots within the booth's cap
    int eligible_students = 0;       // students whose trade and level the booth takes
    int preferences = 0;             // eligible students who named it
    int ineligible_preferences = 0;  // students who named it but may not meet it
    int turned_away() const { return preferences > capacity ? preferences - capacity : 0; }
};

struct SupplyReport {
    int seat_slots = 0;  // within caps
    int students = 0;
    int preferences = 0;
    std::vector<TradeSupply> trades;                // most students first
    std::vector<BoothSupply> booths;                // most turned away first
    std::vector<std::string> trades_without_booth;  // codes with students and no booth at all
};

SupplyReport supply_report(const Fair& fair);

// The report as text an organizer reads: Vietnamese first, English second. `trade_name` gives a
// trade's display name.
std::string format_supply_report(const SupplyReport& report, const Fair& fair);

}  // namespace jobfair
