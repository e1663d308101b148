#include "kiosk/dashboard/model/timeline_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace jobfair::dashboard {

TimelineLayout layout_timeline(const Timeline& timeline, bool show_cancelled) {
    TimelineLayout layout;
    layout.slot_count = (timeline.day_end.minutes() - timeline.day_start.minutes()) /
                        std::max(1, timeline.slot_minutes);

    std::map<std::string, std::size_t> booth_index;
    std::vector<int> seats(timeline.booths.size());
    for (std::size_t index = 0; index < timeline.booths.size(); ++index) {
        booth_index[timeline.booths[index].booth] = index;
        seats[index] = std::max(1, timeline.booths[index].seats);
    }
    for (const TimelineInterview& interview : timeline.interviews) {
        const auto found = booth_index.find(interview.booth);
        if (found != booth_index.end())
            seats[found->second] = std::max(seats[found->second], interview.seat + 1);
    }

    std::vector<std::size_t> first_row(timeline.booths.size());
    for (std::size_t booth = 0; booth < timeline.booths.size(); ++booth) {
        first_row[booth] = layout.rows.size();
        for (int seat = 0; seat < seats[booth]; ++seat)
            layout.rows.push_back(TimelineRow{booth, seat, {}});
    }
    for (std::size_t index = 0; index < timeline.interviews.size(); ++index) {
        const TimelineInterview& interview = timeline.interviews[index];
        if (!show_cancelled && interview.status == InterviewStatus::cancelled) continue;
        const auto found = booth_index.find(interview.booth);
        if (found == booth_index.end() || interview.seat < 0) continue;
        layout.rows[first_row[found->second] + static_cast<std::size_t>(interview.seat)]
            .interviews.push_back(index);
        ++layout.interviews_shown;
    }
    for (TimelineRow& row : layout.rows) {
        std::stable_sort(
            row.interviews.begin(), row.interviews.end(), [&](std::size_t a, std::size_t b) {
                const TimelineInterview& left = timeline.interviews[a];
                const TimelineInterview& right = timeline.interviews[b];
                const bool left_cancelled = left.status == InterviewStatus::cancelled;
                const bool right_cancelled = right.status == InterviewStatus::cancelled;
                return std::tie(left.start, left_cancelled) <
                       std::tie(right.start, right_cancelled);
            });
    }
    return layout;
}

std::optional<std::pair<std::size_t, std::size_t>> find_in_layout(const Timeline& timeline,
                                                                  const TimelineLayout& layout,
                                                                  std::int64_t id) {
    for (std::size_t row = 0; row < layout.rows.size(); ++row) {
        const std::vector<std::size_t>& interviews = layout.rows[row].interviews;
        for (std::size_t place = 0; place < interviews.size(); ++place)
            if (timeline.interviews[interviews[place]].id == id) return std::make_pair(row, place);
    }
    return std::nullopt;
}

float TimeScale::pixels_per_minute() const {
    const int minutes = std::max(1, to.minutes() - from.minutes());
    return width / static_cast<float>(minutes);
}

float TimeScale::x_of(TimeOfDay time) const {
    return x0 + static_cast<float>(time.minutes() - from.minutes()) * pixels_per_minute();
}

int TimeScale::minute_at(float x) const {
    const int minute =
        from.minutes() + static_cast<int>(std::floor((x - x0) / pixels_per_minute()));
    return std::clamp(minute, from.minutes(), to.minutes());
}

std::pair<std::size_t, std::size_t> visible_rows(std::size_t row_count, float top, float row_height,
                                                 float clip_top, float clip_bottom) {
    if (row_count == 0 || row_height <= 0 || clip_bottom <= clip_top) return {0, 0};
    const float first = std::floor((clip_top - top) / row_height);
    const float last = std::ceil((clip_bottom - top) / row_height);
    const auto clamp_row = [&](float row) {
        return static_cast<std::size_t>(std::clamp(row, 0.0f, static_cast<float>(row_count)));
    };
    return {clamp_row(first), clamp_row(last)};
}

std::pair<std::size_t, std::size_t> visible_in_row(const Timeline& timeline, const TimelineRow& row,
                                                   int from_minute, int to_minute) {
    const auto& order = row.interviews;
    // Starts are sorted; an interview meets the window when start < to and end > from. Interviews
    // are at most a few slots long, so everything that ends after `from` starts after
    // from - (longest interview).
    int longest = 0;
    for (const std::size_t index : order) {
        const TimelineInterview& interview = timeline.interviews[index];
        longest = std::max(longest, interview.end.minutes() - interview.start.minutes());
    }
    const auto first = std::lower_bound(
        order.begin(), order.end(), from_minute - longest, [&](std::size_t index, int minute) {
            return timeline.interviews[index].start.minutes() <= minute;
        });
    const auto last =
        std::lower_bound(first, order.end(), to_minute, [&](std::size_t index, int minute) {
            return timeline.interviews[index].start.minutes() < minute;
        });
    return {static_cast<std::size_t>(first - order.begin()),
            static_cast<std::size_t>(last - order.begin())};
}

std::optional<std::size_t> interview_at(const Timeline& timeline, const TimelineRow& row,
                                        int minute) {
    std::optional<std::size_t> cancelled;
    for (const std::size_t index : row.interviews) {
        const TimelineInterview& interview = timeline.interviews[index];
        if (interview.start.minutes() > minute) break;
        if (interview.end.minutes() <= minute) continue;
        if (interview.status != InterviewStatus::cancelled) return index;
        if (!cancelled) cancelled = index;
    }
    return cancelled;
}

std::vector<TimeOfDay> move_start_choices(const Timeline& timeline, const std::string& booth) {
    std::vector<TimeOfDay> starts;
    const auto found =
        std::find_if(timeline.booths.begin(), timeline.booths.end(),
                     [&](const TimelineBooth& entry) { return entry.booth == booth; });
    if (found == timeline.booths.end()) return starts;
    const int step = std::max(1, timeline.slot_minutes);
    for (TimeOfDay start = timeline.day_start; start.plus_minutes(step) <= timeline.day_end;
         start = start.plus_minutes(step)) {
        if (start < timeline.now || start < found->open) continue;
        if (start.plus_minutes(step) > found->close) continue;
        starts.push_back(start);
    }
    return starts;
}

bool seat_taken(const Timeline& timeline, const std::string& booth, int seat, TimeOfDay start,
                std::int64_t moving) {
    const TimeOfDay end = start.plus_minutes(std::max(1, timeline.slot_minutes));
    for (const TimelineInterview& interview : timeline.interviews) {
        if (interview.id == moving || interview.booth != booth || interview.seat != seat) continue;
        if (interview.status == InterviewStatus::cancelled) continue;
        if (interview.start < end && start < interview.end) return true;
    }
    return false;
}

int seats_of(const Timeline& timeline, const std::string& booth) {
    for (const TimelineBooth& entry : timeline.booths)
        if (entry.booth == booth) return std::max(1, entry.seats);
    return 1;
}

std::optional<std::size_t> find_interview(const Timeline& timeline, std::int64_t id) {
    for (std::size_t index = 0; index < timeline.interviews.size(); ++index)
        if (timeline.interviews[index].id == id) return index;
    return std::nullopt;
}

}  // namespace jobfair::dashboard
