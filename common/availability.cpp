#include "common/availability.hpp"

#include <algorithm>

namespace jobfair {

bool slot_lies_inside(const SlotGrid& grid, int slot, const TimeRange& range) {
    return range.begin <= grid.slot_start(slot) && grid.slot_end(slot) <= range.end;
}

bool slot_overlaps(const SlotGrid& grid, int slot, const TimeRange& range) {
    return grid.slot_start(slot) < range.end && range.begin < grid.slot_end(slot);
}

std::vector<int> usable_slots(const FairSettings& settings, const Booth& booth) {
    const SlotGrid& grid = settings.grid;
    const TimeRange opening{booth.open, booth.close};
    std::vector<int> slots;
    for (int slot = 0; slot < grid.slot_count(); ++slot) {
        if (!slot_lies_inside(grid, slot, opening)) continue;
        const bool in_break =
            std::any_of(booth.breaks.begin(), booth.breaks.end(),
                        [&](const TimeRange& pause) { return slot_overlaps(grid, slot, pause); });
        if (!in_break) slots.push_back(slot);
    }
    return slots;
}

int seat_slots(const FairSettings& settings, const Booth& booth) {
    return booth.seats() * static_cast<int>(usable_slots(settings, booth).size());
}

}  // namespace jobfair
