// Wall-clock times of the fair's day and the interview slot grid.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace jobfair {

// Minutes since midnight. Written and read only as "HH:MM" with two digits each.
class TimeOfDay {
  public:
    constexpr TimeOfDay() = default;
    constexpr explicit TimeOfDay(int minutes) : minutes_(minutes) {}
    static constexpr TimeOfDay hm(int hours, int minutes) {
        return TimeOfDay(hours * 60 + minutes);
    }

    // Strict "HH:MM" (00:00..23:59); "8:30" or "08:60" give nullopt.
    static std::optional<TimeOfDay> parse(std::string_view text);
    std::string str() const;

    constexpr int minutes() const { return minutes_; }
    constexpr TimeOfDay plus_minutes(int m) const { return TimeOfDay(minutes_ + m); }

    friend constexpr auto operator<=>(TimeOfDay, TimeOfDay) = default;

  private:
    int minutes_ = 0;
};

// The fair's slots: slot k is [day_start + k*slot_minutes, +slot_minutes), and must end by day_end.
struct SlotGrid {
    TimeOfDay day_start = TimeOfDay::hm(8, 0);
    TimeOfDay day_end = TimeOfDay::hm(12, 30);
    int slot_minutes = 15;

    int slot_count() const;
    TimeOfDay slot_start(int slot) const { return day_start.plus_minutes(slot * slot_minutes); }
    TimeOfDay slot_end(int slot) const { return slot_start(slot).plus_minutes(slot_minutes); }
    // The slot that starts exactly at `t`, or nullopt when `t` is off the grid or past the last
    // slot.
    std::optional<int> slot_at(TimeOfDay t) const;
    // The first slot whose whole interval lies at or after `t` (slot_count() when none).
    int first_slot_starting_at_or_after(TimeOfDay t) const;
    // One past the last slot that ends at or before `t`.
    int slots_ending_by(TimeOfDay t) const;
    friend bool operator==(const SlotGrid&, const SlotGrid&) = default;
};

// A half-open interval [begin, end) of the day.
struct TimeRange {
    TimeOfDay begin;
    TimeOfDay end;
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

}  // namespace jobfair
