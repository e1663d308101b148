// How the day actually runs at the booths, learnt as it goes: how long an interview takes and
// how long a called student needs to sit down. The estimates (outlook.hpp) use it to tell each
// promised student when their interview will likely begin, not only when its slot does.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "common/fair.hpp"
#include "common/ids.hpp"
#include "common/time_of_day.hpp"

namespace jobfair {

struct DayPace {
    // Until the day teaches otherwise: an interview takes its whole slot, and a called student
    // needs two minutes to reach the booth. Each prior is worth kPriorWeight observations, so a
    // few odd interviews early in the morning do not swing every estimate.
    static constexpr double kPriorWeight = 10.0;
    static constexpr double kPriorCallToStartMinutes = 2.0;
    // Until the day teaches otherwise, a promised interview begins two minutes after its slot
    // does (the called student's walk).
    static constexpr int kPriorPromiseLatenessMinutes = 2;
    // From one interview's end to the next one's start in the same seat, when the next student
    // is called at once: staff press "finish", call, and the student walks over.
    static constexpr double kPriorChangeoverMinutes = 3.0;
    // A booth's own pace: its latest promised starts, each worth one observation against
    // kBoothPriorWeight observations of the day's typical lateness. A booth whose interviews
    // run long stays behind all morning, one whose interviews are short runs early.
    static constexpr int kBoothRecentStarts = 8;
    static constexpr int kBoothPriorWeight = 4;

    int slot_minutes = 15;
    int interviews_timed = 0;
    double interview_minutes_total = 0;
    int starts_timed = 0;
    double call_to_start_minutes_total = 0;

    // Fair times of the interviews under way and of the calls not yet answered.
    std::map<InterviewId, TimeOfDay> started_at;
    std::map<InterviewId, TimeOfDay> called_at;
    // Calls of a promise at its own turn (not from standby, not again after a skip), and how
    // many minutes after its slot's start each such interview began (early calls count below 0).
    std::set<InterviewId> promise_calls;
    std::vector<int> promise_lateness;
    std::map<BoothId, std::vector<int>> booth_promise_lateness;
    int changeovers_timed = 0;
    double changeover_minutes_total = 0;
    // When each seat's last interview ended: (booth, seat) -> fair time.
    std::map<std::pair<BoothId, int>, TimeOfDay> seat_freed_at;

    double interview_minutes() const {
        return (kPriorWeight * slot_minutes + interview_minutes_total) /
               (kPriorWeight + interviews_timed);
    }
    double changeover_minutes() const {
        return (kPriorWeight * kPriorChangeoverMinutes + changeover_minutes_total) /
               (kPriorWeight + changeovers_timed);
    }
    double call_to_start_minutes() const {
        return (kPriorWeight * kPriorCallToStartMinutes + call_to_start_minutes_total) /
               (kPriorWeight + starts_timed);
    }

    // How late a promised interview typically begins against its slot today: the median of
    // the interviews seen, with kPriorWeight observations of the prior. Measured on the
    // simulated mornings, this foretells a promise an hour away better than following its seat
    // call by call (docs/estimates.md).
    int typical_promise_lateness() const {
        std::vector<int> seen = promise_lateness;
        seen.insert(seen.end(), size_t(kPriorWeight), kPriorPromiseLatenessMinutes);
        const auto middle = seen.begin() + std::ptrdiff_t(seen.size() / 2);
        std::nth_element(seen.begin(), middle, seen.end());
        return *middle;
    }
    // The same for one booth: its latest kBoothRecentStarts promised starts against the day's.
    int typical_promise_lateness(const BoothId& booth) const {
        const int day = typical_promise_lateness();
        const auto own = booth_promise_lateness.find(booth);
        if (own == booth_promise_lateness.end()) return day;
        const auto& all = own->second;
        std::vector<int> seen(
            all.end() - std::min<std::ptrdiff_t>(ptrdiff_t(all.size()), kBoothRecentStarts),
            all.end());
        seen.insert(seen.end(), size_t(kBoothPriorWeight), day);
        const auto middle = seen.begin() + std::ptrdiff_t(seen.size() / 2);
        std::nth_element(seen.begin(), middle, seen.end());
        return *middle;
    }

    void record_call(InterviewId id, TimeOfDay now) { called_at[id] = now; }
    void record_promise_call(InterviewId id, TimeOfDay now) {
        record_call(id, now);
        promise_calls.insert(id);
    }
    void record_start(InterviewId id, TimeOfDay now, const Interview& interview) {
        const TimeOfDay slot_start = interview.start;
        if (const auto called = called_at.find(id); called != called_at.end()) {
            call_to_start_minutes_total += std::max(0, now.minutes() - called->second.minutes());
            ++starts_timed;
            // Called within a minute of the seat's last interview ending: a changeover.
            const auto freed = seat_freed_at.find({interview.booth, interview.seat});
            if (freed != seat_freed_at.end() &&
                called->second.minutes() - freed->second.minutes() <= 1 &&
                called->second.minutes() >= freed->second.minutes()) {
                changeover_minutes_total += now.minutes() - freed->second.minutes();
                ++changeovers_timed;
            }
            called_at.erase(called);
        }
        if (promise_calls.erase(id) > 0) {
            promise_lateness.push_back(now.minutes() - slot_start.minutes());
            booth_promise_lateness[interview.booth].push_back(promise_lateness.back());
        }
        started_at[id] = now;
    }
    void record_finish(InterviewId id, TimeOfDay now, const Interview& interview) {
        seat_freed_at[{interview.booth, interview.seat}] = now;
        if (const auto started = started_at.find(id); started != started_at.end()) {
            interview_minutes_total += std::max(0, now.minutes() - started->second.minutes());
            ++interviews_timed;
            started_at.erase(started);
        }
    }
    // A call that ended without a start (a skip, a no-show, a cancellation).
    void forget_call(InterviewId id) {
        called_at.erase(id);
        promise_calls.erase(id);
    }
};

}  // namespace jobfair
