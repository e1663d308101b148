// When a booth can hold interviews: the slots of the fair's grid that lie inside the booth's
// opening hours and overlap none of its breaks (rule 3 of ../shared/spec/fair-format.md).
#pragma once

#include <vector>

#include "common/fair.hpp"

namespace jobfair {

// Whether slot `slot` of the grid lies inside [range.begin, range.end): the whole slot,
// `begin <= start` and `start + slot_minutes <= end`.
bool slot_lies_inside(const SlotGrid& grid, int slot, const TimeRange& range);

// Whether slot `slot` overlaps the half-open break [begin, end): `start < end` and
// `begin < start + slot_minutes`.
bool slot_overlaps(const SlotGrid& grid, int slot, const TimeRange& range);

// The booth's usable slots, ascending: inside [open, close) and overlapping no break.
std::vector<int> usable_slots(const FairSettings& settings, const Booth& booth);

// Interviews the booth could hold in a day if every seat were busy in every usable slot.
int seat_slots(const FairSettings& settings, const Booth& booth);

}  // namespace jobfair
