#include "common/time_of_day.hpp"

#include <cstdio>

namespace jobfair {

namespace {
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
}  // namespace

std::optional<TimeOfDay> TimeOfDay::parse(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (size_t i : {0u, 1u, 3u, 4u}) {
        if (!is_digit(text[i])) return std::nullopt;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59) return std::nullopt;
    return TimeOfDay::hm(hours, minutes);
}

std::string TimeOfDay::str() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes_ / 60, minutes_ % 60);
    return buffer;
}

int SlotGrid::slot_count() const {
    if (slot_minutes <= 0 || day_end <= day_start) return 0;
    return (day_end.minutes() - day_start.minutes()) / slot_minutes;
}

std::optional<int> SlotGrid::slot_at(TimeOfDay t) const {
    const int offset = t.minutes() - day_start.minutes();
    if (slot_minutes <= 0 || offset < 0 || offset % slot_minutes != 0) return std::nullopt;
    const int slot = offset / slot_minutes;
    if (slot >= slot_count()) return std::nullopt;
    return slot;
}

int SlotGrid::first_slot_starting_at_or_after(TimeOfDay t) const {
    const int offset = t.minutes() - day_start.minutes();
    if (offset <= 0) return 0;
    const int slot = (offset + slot_minutes - 1) / slot_minutes;
    return slot < slot_count() ? slot : slot_count();
}

int SlotGrid::slots_ending_by(TimeOfDay t) const {
    const int offset = t.minutes() - day_start.minutes();
    if (offset < slot_minutes) return 0;
    const int slots = offset / slot_minutes;
    return slots < slot_count() ? slots : slot_count();
}

}  // namespace jobfair
