// The checker reads like the contract: resolve every interview to dense indices once, then one
// block per hard constraint, each headed by its rule in the words of spec/fair-format.md.
#include "common/schedule_check.hpp"

#include <algorithm>
#include <climits>
#include <iterator>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace jobfair {

namespace {

// An interview whose student, booth and slot all exist; the other rules are checked on these.
struct PlacedInterview {
    std::size_t index;  // into schedule.interviews
    int student;        // into fair.students
    int booth;          // into fair.booths
    int slot;           // on fair.settings.grid
};

template <class Item>
std::unordered_map<std::string_view, int> index_by_id(const std::vector<Item>& items) {
    std::unordered_map<std::string_view, int> index;
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        index.emplace(items[i].id.str(), static_cast<int>(i));  // the first of duplicates wins
    }
    return index;
}

std::string describe(const Interview& interview) {
    return interview.student.str() + " with " + interview.booth.str() + ", seat " +
           std::to_string(interview.seat) + ", at " + interview.start.str();
}

std::string join_ids(const std::vector<std::string>& ids) {
    std::string joined;
    for (const auto& id : ids) {
        if (!joined.empty()) joined += ", ";
        joined += id;
    }
    return joined;
}

std::string describe_range(TimeRange range) {
    return range.begin.str() + "-" + range.end.str();
}

class ScheduleChecker {
  public:
    ScheduleChecker(const Fair& fair, const Schedule& schedule)
        : fair_(fair),
          grid_(fair.settings.grid),
          interviews_(schedule.interviews),
          student_index_(index_by_id(fair.students)),
          booth_index_(index_by_id(fair.booths)) {}

    std::vector<Violation> run() {
        check_references();
        check_seats();
        check_students_one_at_a_time();
        check_availability();
        check_eligibility();
        check_preferences();
        check_caps();
        check_fixed_kept();
        return std::move(violations_);
    }

  private:
    const Student& student_of(const PlacedInterview& placed) const {
        return fair_.students[static_cast<std::size_t>(placed.student)];
    }
    const Booth& booth_of(const PlacedInterview& placed) const {
        return fair_.booths[static_cast<std::size_t>(placed.booth)];
    }
    const Interview& interview_of(const PlacedInterview& placed) const {
        return interviews_[placed.index];
    }

    void report(int rule, std::string message, std::vector<std::size_t> involved) {
        violations_.push_back({rule, "rule " + std::to_string(rule) + ": " + std::move(message),
                               std::move(involved)});
    }

    // Rule 0: every interview names a known student and booth and starts on the slot grid.
    void check_references() {
        placed_.reserve(interviews_.size());
        for (std::size_t i = 0; i < interviews_.size(); ++i) {
            const Interview& interview = interviews_[i];
            const auto student = student_index_.find(interview.student.str());
            const auto booth = booth_index_.find(interview.booth.str());
            const auto slot = grid_.slot_at(interview.start);
            const std::string where =
                "interview " + std::to_string(i) + " (" + describe(interview) + ")";
            if (student == student_index_.end()) {
                report(0, where + ": unknown student \"" + interview.student.str() + "\"", {i});
            }
            if (booth == booth_index_.end()) {
                report(0, where + ": unknown booth \"" + interview.booth.str() + "\"", {i});
            }
            if (!slot) {
                report(0,
                       where + ": start " + interview.start.str() +
                           " is not a slot start (slots of " + std::to_string(grid_.slot_minutes) +
                           " minutes from " + grid_.day_start.str() + " ending by " +
                           grid_.day_end.str() + ")",
                       {i});
            }
            if (student != student_index_.end() && booth != booth_index_.end() && slot) {
                placed_.push_back({i, student->second, booth->second, *slot});
            }
        }
    }

    // Rule 1: at most one interview per booth seat per slot; seat < interviewers.
    void check_seats() {
        for (const auto& placed : placed_) {
            const Booth& booth = booth_of(placed);
            const int seat = interview_of(placed).seat;
            if (seat < 0 || seat >= booth.interviewers) {
                report(1,
                       describe(interview_of(placed)) + ": seat " + std::to_string(seat) +
                           " does not exist; booth " + booth.id.str() + " has " +
                           std::to_string(booth.interviewers) + " interviewer(s), seats 0.." +
                           std::to_string(booth.interviewers - 1),
                       {placed.index});
            }
        }
        auto by_seat_and_slot = placed_;
        const auto seat_key = [this](const PlacedInterview& p) {
            return std::tuple(p.booth, interview_of(p).seat, p.slot);
        };
        std::stable_sort(by_seat_and_slot.begin(), by_seat_and_slot.end(),
                         [&](const auto& a, const auto& b) { return seat_key(a) < seat_key(b); });
        for_each_group(by_seat_and_slot, seat_key, [&](auto first, auto last) {
            if (last - first < 2) return;
            const Interview& sample = interview_of(*first);
            report(1,
                   "booth " + sample.booth.str() + " seat " + std::to_string(sample.seat) + " at " +
                       sample.start.str() + " has " + std::to_string(last - first) +
                       " interviews (" + student_ids(first, last) + ")",
                   indices(first, last));
        });
    }

    // Rule 2: a student has at most one interview per slot, and at least student_gap_slots free
    // slots between two.
    void check_students_one_at_a_time() {
        auto by_student_and_slot = placed_;
        const auto slot_key = [](const PlacedInterview& p) { return std::pair(p.student, p.slot); };
        std::stable_sort(by_student_and_slot.begin(), by_student_and_slot.end(),
                         [&](const auto& a, const auto& b) { return slot_key(a) < slot_key(b); });
        const int gap = fair_.settings.student_gap_slots;
        const PlacedInterview* previous = nullptr;
        for_each_group(by_student_and_slot, slot_key, [&](auto first, auto last) {
            const Interview& sample = interview_of(*first);
            if (last - first >= 2) {
                report(2,
                       "student " + sample.student.str() + " has " + std::to_string(last - first) +
                           " interviews at " + sample.start.str() + " (" + booth_ids(first, last) +
                           ")",
                       indices(first, last));
            }
            // Checking neighbouring slots is enough: farther pairs are at least as far apart.
            if (previous != nullptr && previous->student == first->student) {
                const int free_slots = first->slot - previous->slot - 1;
                if (free_slots < gap) {
                    const Interview& earlier = interview_of(*previous);
                    report(2,
                           "student " + sample.student.str() + " has interviews at " +
                               earlier.start.str() + " (" + earlier.booth.str() + ") and " +
                               sample.start.str() + " (" + sample.booth.str() + ") with " +
                               std::to_string(free_slots) + " free slots between; needs " +
                               std::to_string(gap),
                           {previous->index, first->index});
                }
            }
            previous = &*first;
        });
    }

    // Rule 3: every interview lies inside the student's [arrive, leave) and the booth's
    // [open, close), and overlaps no break.
    void check_availability() {
        for (const auto& placed : placed_) {
            const Student& student = student_of(placed);
            const Booth& booth = booth_of(placed);
            const Interview& interview = interview_of(placed);
            const TimeOfDay start = grid_.slot_start(placed.slot);
            const TimeOfDay end = grid_.slot_end(placed.slot);
            const std::string what = describe(interview) + " (slot until " + end.str() + ")";
            if (start < student.arrive) {
                report(3,
                       what + " starts before student " + student.id.str() + " arrives at " +
                           student.arrive.str(),
                       {placed.index});
            }
            if (student.leave < end) {
                report(3,
                       what + " ends after student " + student.id.str() + " leaves at " +
                           student.leave.str(),
                       {placed.index});
            }
            if (start < booth.open) {
                report(3,
                       what + " starts before booth " + booth.id.str() + " opens at " +
                           booth.open.str(),
                       {placed.index});
            }
            if (booth.close < end) {
                report(3,
                       what + " ends after booth " + booth.id.str() + " closes at " +
                           booth.close.str(),
                       {placed.index});
            }
            for (const TimeRange& pause : booth.breaks) {
                if (start < pause.end && pause.begin < end) {
                    report(3,
                           what + " overlaps booth " + booth.id.str() + "'s break " +
                               describe_range(pause),
                           {placed.index});
                }
            }
        }
    }

    // Rule 4: the student is eligible: occupation in the booth's list (when the list is not
    // empty) and level >= min_level.
    void check_eligibility() {
        for (const auto& placed : placed_) {
            const Student& student = student_of(placed);
            const Booth& booth = booth_of(placed);
            switch (eligibility_of(student, booth)) {
                case Ineligibility::none:
                    break;
                case Ineligibility::trade:
                    report(4,
                           describe(interview_of(placed)) + ": student " + student.id.str() +
                               "'s occupation " + student.occupation.value_or("(none)") +
                               " is not in booth " + booth.id.str() + "'s occupations (" +
                               join_ids(booth.occupations) + ")",
                           {placed.index});
                    break;
                case Ineligibility::level:
                    report(4,
                           describe(interview_of(placed)) + ": student " + student.id.str() +
                               " level " + std::string(level_code(student.level)) +
                               " is below booth " + booth.id.str() + "'s min_level " +
                               std::string(level_code(booth.min_level.value_or(Level::none))),
                           {placed.index});
                    break;
            }
        }
    }

    // Rule 5: the booth is in the student's preferences; a student meets a booth at most once.
    void check_preferences() {
        for (const auto& placed : placed_) {
            const Student& student = student_of(placed);
            if (preference_rank(student, booth_of(placed).id) == 0) {
                report(5,
                       describe(interview_of(placed)) + ": booth " + booth_of(placed).id.str() +
                           " is not in student " + student.id.str() + "'s preferences",
                       {placed.index});
            }
        }
        auto by_pair = placed_;
        const auto pair_key = [](const PlacedInterview& p) {
            return std::pair(p.student, p.booth);
        };
        std::stable_sort(by_pair.begin(), by_pair.end(),
                         [&](const auto& a, const auto& b) { return pair_key(a) < pair_key(b); });
        for_each_group(by_pair, pair_key, [&](auto first, auto last) {
            if (last - first < 2) return;
            const Interview& sample = interview_of(*first);
            std::vector<std::string> starts;
            for (auto it = first; it != last; ++it)
                starts.push_back(interview_of(*it).start.str());
            report(5,
                   "student " + sample.student.str() + " meets booth " + sample.booth.str() + " " +
                       std::to_string(last - first) + " times (" + join_ids(starts) + ")",
                   indices(first, last));
        });
    }

    // Rule 6: a student has at most max_interviews interviews; a booth at most max_interviews.
    void check_caps() {
        std::vector<std::vector<std::size_t>> of_student(fair_.students.size());
        std::vector<std::vector<std::size_t>> of_booth(fair_.booths.size());
        for (const auto& placed : placed_) {
            of_student[static_cast<std::size_t>(placed.student)].push_back(placed.index);
            of_booth[static_cast<std::size_t>(placed.booth)].push_back(placed.index);
        }
        for (std::size_t s = 0; s < of_student.size(); ++s) {
            const Student& student = fair_.students[s];
            const auto count = of_student[s].size();
            const int cap = fair_.max_interviews_of(student);
            if (count > static_cast<std::size_t>(std::max(cap, 0))) {
                report(6,
                       "student " + student.id.str() + " has " + std::to_string(count) +
                           " interviews; max_interviews is " + std::to_string(cap),
                       std::move(of_student[s]));
            }
        }
        for (std::size_t b = 0; b < of_booth.size(); ++b) {
            const Booth& booth = fair_.booths[b];
            const auto count = of_booth[b].size();
            if (booth.max_interviews &&
                count > static_cast<std::size_t>(std::max(*booth.max_interviews, 0))) {
                report(6,
                       "booth " + booth.id.str() + " has " + std::to_string(count) +
                           " interviews; max_interviews is " +
                           std::to_string(*booth.max_interviews),
                       std::move(of_booth[b]));
            }
        }
    }

    // Rule 7: every fixed interview appears unchanged (same student, booth, seat and start).
    void check_fixed_kept() {
        if (fair_.fixed.empty()) return;
        std::vector<std::size_t> sorted(interviews_.size());
        for (std::size_t i = 0; i < sorted.size(); ++i)
            sorted[i] = i;
        const auto less = [this](std::size_t a, std::size_t b) {
            return interviews_[a] < interviews_[b];
        };
        std::sort(sorted.begin(), sorted.end(), less);
        for (const Interview& promised : fair_.fixed) {
            // Interviews order by student, then booth: the first of this pair sorts at or after
            // a probe with the lowest seat and start.
            const Interview probe{promised.student, promised.booth, INT_MIN, TimeOfDay(INT_MIN)};
            auto it = std::lower_bound(sorted.begin(), sorted.end(), probe,
                                       [this](std::size_t index, const Interview& key) {
                                           return interviews_[index] < key;
                                       });
            bool kept = false;
            std::vector<std::size_t> same_pair;  // where the schedule moved it, if anywhere
            for (; it != sorted.end() && interviews_[*it].student == promised.student &&
                   interviews_[*it].booth == promised.booth;
                 ++it) {
                if (interviews_[*it] == promised) {
                    kept = true;
                    break;
                }
                same_pair.push_back(*it);
            }
            if (kept) continue;
            std::string message = "fixed interview " + describe(promised) + " is missing";
            if (!same_pair.empty()) {
                message += "; the schedule has " + describe(interviews_[same_pair.front()]);
            }
            report(7, std::move(message), std::move(same_pair));
        }
    }

    // Calls visit(first, last) for each run of equal keys in a range sorted by that key.
    template <class Key, class Visit>
    static void for_each_group(const std::vector<PlacedInterview>& sorted, Key key, Visit visit) {
        auto first = sorted.begin();
        while (first != sorted.end()) {
            auto last = std::next(first);
            while (last != sorted.end() && key(*last) == key(*first))
                ++last;
            visit(first, last);
            first = last;
        }
    }

    using Iterator = std::vector<PlacedInterview>::const_iterator;
    std::string student_ids(Iterator first, Iterator last) const {
        std::vector<std::string> ids;
        for (auto it = first; it != last; ++it)
            ids.push_back(interview_of(*it).student.str());
        return join_ids(ids);
    }
    std::string booth_ids(Iterator first, Iterator last) const {
        std::vector<std::string> ids;
        for (auto it = first; it != last; ++it)
            ids.push_back(interview_of(*it).booth.str());
        return join_ids(ids);
    }
    static std::vector<std::size_t> indices(Iterator first, Iterator last) {
        std::vector<std::size_t> result;
        for (auto it = first; it != last; ++it)
            result.push_back(it->index);
        return result;
    }

    const Fair& fair_;
    const SlotGrid& grid_;
    const std::vector<Interview>& interviews_;
    std::unordered_map<std::string_view, int> student_index_;
    std::unordered_map<std::string_view, int> booth_index_;
    std::vector<PlacedInterview> placed_;
    std::vector<Violation> violations_;
};

}  // namespace

CheckReport check_schedule(const Fair& fair, const Schedule& schedule) {
    CheckReport report;
    report.violations = ScheduleChecker(fair, schedule).run();
    report.claimed_score = schedule.score;
    report.recomputed_score = score_of(fair, schedule.interviews);
    report.total_idle_minutes = total_idle_minutes(fair, schedule.interviews);
    return report;
}

long long total_idle_minutes(const Fair& fair, const std::vector<Interview>& interviews) {
    struct Day {
        TimeOfDay last_end;
        int interviews = 0;
    };
    std::unordered_map<std::string_view, Day> days;
    for (const Interview& interview : interviews) {
        Day& day = days[interview.student.str()];
        const TimeOfDay end = interview.start.plus_minutes(fair.settings.grid.slot_minutes);
        if (day.interviews == 0 || day.last_end < end) day.last_end = end;
        ++day.interviews;
    }
    long long total = 0;
    for (const Student& student : fair.students) {
        const auto day = days.find(student.id.str());
        if (day == days.end()) continue;
        total += day->second.last_end.minutes() - student.arrive.minutes() -
                 static_cast<long long>(fair.settings.grid.slot_minutes) * day->second.interviews;
        days.erase(day);  // a student listed twice counts once
    }
    return total;
}

}  // namespace jobfair
