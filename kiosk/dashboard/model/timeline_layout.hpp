// The timeline's geometry without a window: one row per booth seat, each row's interviews sorted
// by start, the mapping between minutes of the day and pixels, the rows and interviews inside a
// clip rectangle (so ~1000 interviews draw in well under a frame), hit testing, and the choices
// a move offers.
//
// Index: TimelineLayout and layout_timeline · TimeScale · visible ranges and hit tests · moves
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/dashboard/model/answers.hpp"

namespace jobfair::dashboard {

struct TimelineRow {
    std::size_t booth = 0;  // index into Timeline::booths
    int seat = 0;
    // Indices into Timeline::interviews, by start (cancelled ones after the others of the same
    // start, so a hit test finds the live interview first).
    std::vector<std::size_t> interviews;
};

struct TimelineLayout {
    std::vector<TimelineRow> rows;  // booths in the timeline's order, seats from 0
    int slot_count = 0;
    std::size_t interviews_shown = 0;
};

// Rows for every booth seat (seats beyond a booth's count that hold interviews get a row too).
// Cancelled interviews are left out unless `show_cancelled`.
TimelineLayout layout_timeline(const Timeline& timeline, bool show_cancelled);

// The row holding interview `id`, with its place in that row; nullopt when it is not shown.
std::optional<std::pair<std::size_t, std::size_t>> find_in_layout(const Timeline& timeline,
                                                                  const TimelineLayout& layout,
                                                                  std::int64_t id);

// Minutes of the fair day mapped onto [x0, x0 + width).
struct TimeScale {
    TimeOfDay from;
    TimeOfDay to;
    float x0 = 0;
    float width = 1;

    float pixels_per_minute() const;
    float x_of(TimeOfDay time) const;
    // The minute of the day under `x` (clamped to [from, to]).
    int minute_at(float x) const;
};

// Rows [first, last) whose band of `row_height` starting at `top` meets [clip_top, clip_bottom).
std::pair<std::size_t, std::size_t> visible_rows(std::size_t row_count, float top, float row_height,
                                                 float clip_top, float clip_bottom);

// The positions [first, last) in `row` of the interviews that meet [from_minute, to_minute).
std::pair<std::size_t, std::size_t> visible_in_row(const Timeline& timeline, const TimelineRow& row,
                                                   int from_minute, int to_minute);

// The interview of `row` that covers `minute` (a live one before a cancelled one); nullopt when
// none does. Returns the index into Timeline::interviews.
std::optional<std::size_t> interview_at(const Timeline& timeline, const TimelineRow& row,
                                        int minute);

// --- Moves ---------------------------------------------------------------------------------------
// The starts an interview may be moved to at `booth`: the slots of the day that begin at or after
// the timeline's now and lie within the booth's hours. Empty for an unknown booth.
std::vector<TimeOfDay> move_start_choices(const Timeline& timeline, const std::string& booth);
// True when `seat` of `booth` already holds an interview that is not cancelled in the slot that
// starts at `start`, other than interview `moving` (the one being moved): the server would refuse
// the move (rule 1, one interview per seat and slot).
bool seat_taken(const Timeline& timeline, const std::string& booth, int seat, TimeOfDay start,
                std::int64_t moving);
// The seats of `booth` (1 for an unknown booth).
int seats_of(const Timeline& timeline, const std::string& booth);
// The index of interview `id`, or nullopt.
std::optional<std::size_t> find_interview(const Timeline& timeline, std::int64_t id);

}  // namespace jobfair::dashboard
