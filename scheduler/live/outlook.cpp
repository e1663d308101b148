#include "scheduler/live/outlook.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "common/availability.hpp"

namespace jobfair {

namespace {

bool holds_seat(InterviewStatus status) {
    return status == InterviewStatus::promised || status == InterviewStatus::called ||
           status == InterviewStatus::in_progress || status == InterviewStatus::done;
}

// A pair that is over or taken: met, under way, promised, missed.
bool ends_pair(InterviewStatus status) {
    return status != InterviewStatus::planned && status != InterviewStatus::cancelled;
}

int current_slot(const DayState& day) {
    const auto& grid = day.fair.settings.grid;
    const int offset = day.now.minutes() - grid.day_start.minutes();
    if (offset < 0) return 0;
    return std::min(offset / grid.slot_minutes, grid.slot_count());
}

// The rows of one booth, for a single question about it.
std::vector<const StoredInterview*> rows_at(const DayState& day, const BoothId& booth) {
    std::vector<const StoredInterview*> rows;
    for (const auto& row : day.interviews)
        if (row.interview.booth == booth) rows.push_back(&row);
    return rows;
}

// One pass over the day's interviews and students, shared by every booth's queue and every
// student's outlook of one read: without it a status read walked every interview once per booth,
// and a fair ten times larger cost a hundred times more.
struct DayIndex {
    struct Wanting {
        const Student* student;
        int rank;  // the place the student gave the booth
        TimeOfDay arrived;
    };

    explicit DayIndex(const DayState& day) {
        const auto& grid = day.fair.settings.grid;
        const TimeOfDay slot_now = grid.slot_start(current_slot(day));
        students.reserve(day.fair.students.size());
        for (const Student& student : day.fair.students)
            students.emplace(student.id, &student);
        for (const auto& row : day.interviews) {
            const StudentId& student = row.interview.student;
            rows_of_booth[row.interview.booth].push_back(&row);
            rows_of_student[student].push_back(&row);
            if (holds_seat(row.status)) covered.insert(student);
            if (holds_seat(row.status) && row.status != InterviewStatus::done) {
                if (const auto slot = grid.slot_at(row.interview.start))
                    committed[student].push_back(*slot);
            }
            if (row.status == InterviewStatus::planned && row.interview.start == slot_now)
                planned_now[student].push_back(row.interview.booth);
        }
        for (const auto& [id, arrived] : day.check_ins) {
            const Student* here = student(id);
            if (!here) continue;
            for (size_t i = 0; i < here->preferences.size(); ++i) {
                const BoothId& booth = here->preferences[i];
                if (preference_rank(*here, booth) != int(i) + 1) continue;  // listed twice
                wanting[booth].push_back({here, int(i) + 1, arrived});
            }
        }
    }

    const Student* student(const StudentId& id) const {
        const auto it = students.find(id);
        return it == students.end() ? nullptr : it->second;
    }
    const std::vector<const StoredInterview*>& rows_of(const BoothId& booth) const {
        const auto it = rows_of_booth.find(booth);
        return it == rows_of_booth.end() ? none : it->second;
    }
    const std::vector<const StoredInterview*>& rows_of(const StudentId& student) const {
        const auto it = rows_of_student.find(student);
        return it == rows_of_student.end() ? none : it->second;
    }
    const std::vector<Wanting>& wanting_of(const BoothId& booth) const {
        const auto it = wanting.find(booth);
        return it == wanting.end() ? nobody : it->second;
    }
    // The slots where the student is committed (rule 2: one place at a time, with the gap).
    const std::vector<int>& committed_slots(const StudentId& id) const {
        const auto it = committed.find(id);
        return it == committed.end() ? no_slots : it->second;
    }
    // Placed by the plan in the slot under way at a booth other than `booth`.
    bool planned_elsewhere_now(const StudentId& id, const BoothId& booth) const {
        const auto it = planned_now.find(id);
        return it != planned_now.end() &&
               std::any_of(it->second.begin(), it->second.end(),
                           [&](const BoothId& other) { return other != booth; });
    }

    std::unordered_map<StudentId, const Student*> students;
    std::unordered_map<BoothId, std::vector<const StoredInterview*>> rows_of_booth;
    std::unordered_map<StudentId, std::vector<const StoredInterview*>> rows_of_student;
    std::unordered_set<StudentId> covered;  // holds an interview somewhere, done or to come
    std::unordered_map<StudentId, std::vector<int>> committed;
    std::unordered_map<StudentId, std::vector<BoothId>> planned_now;
    std::unordered_map<BoothId, std::vector<Wanting>> wanting;  // checked-in students who picked it
    const std::vector<Wanting> nobody;
    const std::vector<const StoredInterview*> none;
    const std::vector<int> no_slots;
};

// A booth's seats over the rest of the day, and the seats a standby student can expect there.
struct BoothSupply {
    std::vector<double> openings;  // per slot: free seats plus expected no-shows
    int slots = 0;
};

BoothSupply supply_of(const DayState& day, const std::vector<const StoredInterview*>& booth_rows,
                      const Booth& booth, bool paused, double no_show_rate) {
    const auto& grid = day.fair.settings.grid;
    BoothSupply supply;
    supply.slots = grid.slot_count();
    supply.openings.assign(size_t(supply.slots), 0.0);
    if (paused) return supply;
    const int now_slot = current_slot(day);
    std::vector<int> taken(size_t(supply.slots), 0), promised(size_t(supply.slots), 0);
    int used_of_cap = 0;
    for (const StoredInterview* stored : booth_rows) {
        const StoredInterview& row = *stored;
        const auto slot = grid.slot_at(row.interview.start);
        // The plan's seat for a student not checked in yet, now or in the next slot, is not
        // theirs: they cannot be called before they check in, so the booth calls standby.
        const bool planned_for_someone_absent = row.status == InterviewStatus::planned && slot &&
                                                *slot <= now_slot + 1 &&
                                                day.check_ins.count(row.interview.student) == 0;
        const bool holds = holds_seat(row.status) ||
                           (row.status == InterviewStatus::planned && !planned_for_someone_absent);
        if (holds) ++used_of_cap;
        if (!slot || *slot < now_slot) continue;
        if (holds) ++taken[size_t(*slot)];
        if (row.status == InterviewStatus::promised ||
            (row.status == InterviewStatus::called && *slot == now_slot)) {
            ++promised[size_t(*slot)];
        }
    }
    // Free seats count until the booth's cap is reached; a no-show gives its place in the cap
    // back, so expected no-shows always count.
    int cap_left = booth.max_interviews ? std::max(0, *booth.max_interviews - used_of_cap)
                                        : supply.slots * booth.seats();
    for (int slot : usable_slots(day.fair.settings, booth)) {
        if (slot < now_slot) continue;
        const int free = std::min(cap_left, std::max(0, booth.seats() - taken[size_t(slot)]));
        cap_left -= free;
        supply.openings[size_t(slot)] = free + no_show_rate * promised[size_t(slot)];
    }
    return supply;
}

// The first slot, now or later, with a seat free in a supply counted without no-shows.
std::optional<int> first_free_slot(const DayState& day, const BoothSupply& supply) {
    for (int slot = current_slot(day); slot < supply.slots; ++slot) {
        if (supply.openings[size_t(slot)] >= 1.0) return slot;
    }
    return std::nullopt;
}

// When that seat frees: the slot's start, or now when it has begun.
TimeOfDay free_from(const DayState& day, int slot) {
    return std::max(day.fair.settings.grid.slot_start(slot), day.now);
}

bool slot_free_for(const std::vector<int>& own, int slot, int gap) {
    return std::none_of(own.begin(), own.end(),
                        [&](int other) { return std::abs(other - slot) <= gap; });
}

// Each standby student of one booth: place in the queue, and when the openings ahead of them
// likely reach them, walking the queue in call order.
struct BoothEstimates {
    std::map<StudentId, StandbyOutlook> by_student;
    std::vector<StandbyEntry> queue;
};

// The booth's standby queue (standby_queue() says the order), from the day's index.
std::vector<StandbyEntry> queue_of(const DayState& day, const DayIndex& index, const Booth& booth) {
    const auto& grid = day.fair.settings.grid;
    std::unordered_set<StudentId> pair_over;
    std::unordered_map<StudentId, TimeOfDay> planned_here;
    const TimeOfDay slot_now = grid.slot_start(current_slot(day));
    for (const StoredInterview* row : index.rows_of(booth.id)) {
        if (ends_pair(row->status)) pair_over.insert(row->interview.student);
        if (row->status == InterviewStatus::planned) {
            const auto [it, fresh] =
                planned_here.emplace(row->interview.student, row->interview.start);
            if (!fresh) it->second = std::min(it->second, row->interview.start);
        }
    }
    // 0: the plan's choice for now; 1: nothing anywhere yet; 2: not placed here; 3: placed here
    // later, or placed at another booth now (that booth expects them).
    struct Ordered {
        int group;
        StandbyEntry entry;
    };
    std::vector<Ordered> ordered;
    for (const DayIndex::Wanting& want : index.wanting_of(booth.id)) {
        const StudentId& id = want.student->id;
        if (pair_over.count(id) || day.now >= want.student->leave) continue;
        if (!is_eligible(*want.student, booth)) continue;
        StandbyEntry entry{id, want.rank, want.arrived, index.covered.count(id) > 0, std::nullopt};
        if (const auto planned = planned_here.find(id); planned != planned_here.end())
            entry.planned_at = planned->second;
        int group = entry.covered ? 2 : 1;
        if (entry.planned_at && *entry.planned_at <= slot_now)
            group = 0;
        else if (entry.planned_at || index.planned_elsewhere_now(id, booth.id))
            group = 3;
        ordered.push_back({group, std::move(entry)});
    }
    std::sort(ordered.begin(), ordered.end(), [](const Ordered& a, const Ordered& b) {
        return std::tie(a.group, a.entry.rank, a.entry.arrived, a.entry.id) <
               std::tie(b.group, b.entry.rank, b.entry.arrived, b.entry.id);
    });
    std::vector<StandbyEntry> waiting;
    waiting.reserve(ordered.size());
    for (Ordered& one : ordered)
        waiting.push_back(std::move(one.entry));
    return waiting;
}

BoothEstimates estimate_booth(const DayState& day, const DayIndex& index, const Booth& booth,
                              bool paused, double no_show_rate, bool ignore_leave = false) {
    BoothEstimates out;
    out.queue = queue_of(day, index, booth);
    const auto& grid = day.fair.settings.grid;
    const BoothSupply supply = supply_of(day, index.rows_of(booth.id), booth, paused, no_show_rate);
    const int now_slot = current_slot(day);
    const int gap = day.fair.settings.student_gap_slots;
    double consumed = 0;
    int position = 0;
    for (const StandbyEntry& entry : out.queue) {
        StandbyOutlook standby;
        standby.booth = booth.id;
        standby.position = ++position;
        const Student& student = *index.student(entry.id);
        if (entry.planned_at) {
            standby.planned = true;
            standby.estimate = std::max(*entry.planned_at, day.now);
            out.by_student[entry.id] = standby;
            continue;
        }
        const std::vector<int>& own = index.committed_slots(entry.id);
        double cumulative = 0;
        for (int slot = now_slot; slot < supply.slots; ++slot) {
            cumulative += supply.openings[size_t(slot)];
            // Half an expected seat is where the call becomes more likely than not.
            if (cumulative < consumed + 0.5) continue;
            if (!ignore_leave && grid.slot_end(slot) > student.leave) break;
            if (!slot_free_for(own, slot, gap)) continue;
            standby.estimate = std::max(grid.slot_start(slot), day.now);
            consumed += 1;
            break;
        }
        out.by_student[entry.id] = standby;
    }
    return out;
}

bool booth_still_open(const DayState& day, const Booth& booth, bool paused) {
    if (paused) return false;
    const auto slots = usable_slots(day.fair.settings, booth);
    const int now_slot = current_slot(day);
    return std::any_of(slots.begin(), slots.end(), [&](int slot) { return slot >= now_slot; });
}

}  // namespace

NoShowRate no_show_rate(const std::vector<StoredInterview>& interviews) {
    NoShowRate rate;
    for (const auto& row : interviews) {
        if (row.status == InterviewStatus::no_show) ++rate.no_shows;
        if (row.status == InterviewStatus::in_progress || row.status == InterviewStatus::done)
            ++rate.shows;
    }
    return rate;
}

std::optional<TimeOfDay> next_free_seat(const DayState& day, const Booth& booth, bool paused) {
    const auto slot =
        first_free_slot(day, supply_of(day, rows_at(day, booth.id), booth, paused, 0.0));
    if (!slot) return std::nullopt;
    return free_from(day, *slot);
}

std::vector<StandbyEntry> standby_queue(const DayState& day, const BoothId& booth_id) {
    const Booth* booth = day.fair.find_booth(booth_id);
    if (!booth) return {};
    return queue_of(day, DayIndex(day), *booth);
}

namespace {

std::map<InterviewId, TimeOfDay> starts_at(const DayState& day,
                                           const std::vector<const StoredInterview*>& booth_rows,
                                           const BoothId& booth_id) {
    std::map<InterviewId, TimeOfDay> out;
    const Booth* booth = day.fair.find_booth(booth_id);
    if (!booth) return out;
    const double length = day.pace.interview_minutes();
    const double walk = day.pace.call_to_start_minutes();
    const double changeover = day.pace.changeover_minutes();
    const double lateness = day.pace.typical_promise_lateness(booth_id);
    const double now = day.now.minutes();
    const auto rounded = [](double minutes) { return TimeOfDay(int(std::lround(minutes))); };

    struct SeatNow {
        double free_at;  // when the interview under way, or the student called, is done
        bool busy;       // so its next student is called when it ends
    };
    std::vector<SeatNow> seats(size_t(booth->seats()), SeatNow{now, false});
    std::set<std::pair<int, int>> held;  // (seat, slot start): a commitment sits there
    std::vector<const StoredInterview*> waiting;
    for (const StoredInterview* stored : booth_rows) {
        const StoredInterview& row = *stored;
        const int seat = row.interview.seat;
        if (seat < 0 || seat >= booth->seats()) continue;
        if (holds_seat(row.status)) held.insert({seat, row.interview.start.minutes()});
        SeatNow& state = seats[size_t(seat)];
        if (row.status == InterviewStatus::in_progress) {
            const auto started = day.pace.started_at.find(row.id);
            const double from = started != day.pace.started_at.end()
                                    ? started->second.minutes()
                                    : row.interview.start.minutes();
            // One running long is expected to end soon, not at once.
            state.free_at = std::max(state.free_at, std::max(from + length, now + 1));
            state.busy = true;
        } else if (row.status == InterviewStatus::called) {
            const auto called = day.pace.called_at.find(row.id);
            const double from = called != day.pace.called_at.end() ? called->second.minutes() : now;
            const double begin = std::max(now, from + walk);
            out[row.id] = rounded(begin);
            state.free_at = std::max(state.free_at, begin + length);
            state.busy = true;
        } else if (row.status == InterviewStatus::promised) {
            waiting.push_back(&row);
        }
    }
    std::sort(waiting.begin(), waiting.end(), [](const auto* a, const auto* b) {
        return std::tie(a->interview.start, a->id) < std::tie(b->interview.start, b->id);
    });
    // Each promise at its slot's start plus the booth's typical lateness; a seat behind that
    // (an interview under way running into the slot, promises overdue) pushes it later, one
    // interview and one changeover after the other, until the seat has caught up. A seat of
    // the booth with nothing of its own in that slot takes the student when it frees first
    // (LiveFair::call_next calls a promise due now from another seat).
    for (const StoredInterview* promise : waiting) {
        const int slot_start = promise->interview.start.minutes();
        const auto begin_at = [&](const SeatNow& seat) {
            const double after = seat.busy ? seat.free_at + changeover : now + walk;
            return std::max({slot_start + lateness, now + walk, after});
        };
        int chosen = promise->interview.seat;
        double begin = begin_at(seats[size_t(chosen)]);
        for (int other = 0; other < booth->seats(); ++other) {
            if (other == chosen || held.count({other, slot_start})) continue;
            if (const double there = begin_at(seats[size_t(other)]); there < begin) {
                begin = there;
                chosen = other;
            }
        }
        if (chosen != promise->interview.seat) {
            held.erase({promise->interview.seat, slot_start});
            held.insert({chosen, slot_start});
        }
        out[promise->id] = rounded(begin);
        seats[size_t(chosen)] = SeatNow{begin + length, true};
    }
    return out;
}

}  // namespace

std::map<InterviewId, TimeOfDay> expected_starts(const DayState& day, const BoothId& booth) {
    return starts_at(day, rows_at(day, booth), booth);
}

std::optional<TimeOfDay> StudentOutlook::next_expected() const {
    std::optional<TimeOfDay> next;
    for (const auto& promise : promises)
        if (!next || promise.start < *next) next = promise.start;
    for (const auto& standby : this->standby)
        if (standby.estimate && (!next || *standby.estimate < *next)) next = standby.estimate;
    return next;
}

// Per-booth figures shared by every student's outlook of one read of the day.
class DayOutlooks::Cache {
  public:
    Cache(const DayState& day, std::set<BoothId> paused, double rate)
        : day_(day), index_(day), paused_(std::move(paused)), rate_(rate) {}

    const DayState& day() const { return day_; }
    const DayIndex& index() const { return index_; }
    bool paused(const BoothId& booth) const { return paused_.count(booth) > 0; }
    const BoothEstimates& estimates(const Booth& booth, bool ignore_leave) {
        auto& cache = ignore_leave ? unbounded_ : bounded_;
        auto it = cache.find(booth.id);
        if (it == cache.end())
            it = cache
                     .emplace(booth.id, estimate_booth(day_, index_, booth, paused(booth.id), rate_,
                                                       ignore_leave))
                     .first;
        return it->second;
    }
    const BoothSupply& free_seats(const Booth& booth) {
        auto it = free_.find(booth.id);
        if (it == free_.end())
            it = free_
                     .emplace(booth.id, supply_of(day_, index_.rows_of(booth.id), booth,
                                                  paused(booth.id), 0.0))
                     .first;
        return it->second;
    }

    const std::map<InterviewId, TimeOfDay>& starts(const BoothId& booth) {
        auto it = starts_.find(booth);
        if (it == starts_.end())
            it = starts_.emplace(booth, starts_at(day_, index_.rows_of(booth), booth)).first;
        return it->second;
    }

  private:
    const DayState& day_;
    const DayIndex index_;
    const std::set<BoothId> paused_;
    double rate_;
    std::map<BoothId, BoothEstimates> bounded_, unbounded_;
    std::map<BoothId, BoothSupply> free_;
    std::map<BoothId, std::map<InterviewId, TimeOfDay>> starts_;
};

namespace {

StudentOutlook outlook_with(const StudentId& student_id, DayOutlooks::Cache& cache) {
    const DayState& day = cache.day();
    StudentOutlook out;
    out.student = student_id;
    const Student* student = cache.index().student(student_id);
    if (!student) return out;
    const auto& grid = day.fair.settings.grid;
    const TimeOfDay slot_now = grid.slot_start(current_slot(day));

    int interviews = 0;
    std::set<BoothId> met;
    for (const StoredInterview* stored : cache.index().rows_of(student_id)) {
        const StoredInterview& row = *stored;
        if (ends_pair(row.status)) met.insert(row.interview.booth);
        if (holds_seat(row.status)) ++interviews;
        if (row.status == InterviewStatus::promised || row.status == InterviewStatus::called ||
            row.status == InterviewStatus::in_progress) {
            out.promises.push_back({row.id, row.interview.booth, row.interview.start,
                                    row.interview.start.plus_minutes(-kComeBackMinutesBefore),
                                    row.status, std::nullopt});
        }
    }
    std::sort(out.promises.begin(), out.promises.end(),
              [](const auto& a, const auto& b) { return a.start < b.start; });
    for (PromiseOutlook& promise : out.promises) {
        const auto& starts = cache.starts(promise.booth);
        if (const auto it = starts.find(promise.interview); it != starts.end())
            promise.expected = it->second;
    }

    const bool here = day.check_ins.count(student_id) > 0 && day.now < student->leave;
    const bool room_for_more = interviews < day.fair.max_interviews_of(*student);
    bool any_eligible = false, any_open = false, any_after_leave = false;
    for (const BoothId& booth_id : student->preferences) {
        const Booth* booth = day.fair.find_booth(booth_id);
        if (!booth || !is_eligible(*student, *booth)) continue;
        any_eligible = true;
        if (met.count(booth_id)) continue;
        if (!booth_still_open(day, *booth, cache.paused(booth_id))) continue;
        any_open = true;
        if (!here || !room_for_more) continue;
        const BoothEstimates& estimates = cache.estimates(*booth, /*ignore_leave=*/false);
        const auto mine = estimates.by_student.find(student_id);
        if (mine == estimates.by_student.end()) continue;
        out.standby.push_back(mine->second);
        if (!mine->second.estimate) {
            const BoothEstimates& later = cache.estimates(*booth, /*ignore_leave=*/true);
            const auto unbounded = later.by_student.find(student_id);
            any_after_leave = any_after_leave ||
                              (unbounded != later.by_student.end() && unbounded->second.estimate);
        }
    }
    std::stable_sort(out.standby.begin(), out.standby.end(), [](const auto& a, const auto& b) {
        if (a.estimate.has_value() != b.estimate.has_value()) return a.estimate.has_value();
        return a.estimate && *a.estimate < *b.estimate;
    });

    // What is still possible elsewhere: booths with a seat nobody holds, now or in the next
    // slot, and booths that take CVs.
    for (const Booth& booth : day.fair.booths) {
        if (!is_eligible(*student, booth) || met.count(booth.id)) continue;
        if (!booth_still_open(day, booth, cache.paused(booth.id))) continue;
        if (booth.accepts_cvs) out.takes_cvs.push_back(booth.id);
        const BoothSupply& supply = cache.free_seats(booth);
        const int now_slot = current_slot(day);
        double free_soon = 0;
        for (int slot = now_slot; slot < std::min(now_slot + 2, supply.slots); ++slot)
            if (grid.slot_end(slot) <= student->leave) free_soon += supply.openings[size_t(slot)];
        // Seats the booth's own standby queue will not take first.
        int unplanned_waiting = 0;
        for (const auto& entry : cache.estimates(booth, false).queue)
            unplanned_waiting += !entry.planned_at && entry.id != student_id;
        if (free_soon > unplanned_waiting) out.free_seats_now.push_back(booth.id);
        if (!here || !room_for_more || preference_rank(*student, booth.id) != 0) continue;
        if (const auto slot = first_free_slot(day, supply);
            slot && grid.slot_end(*slot) <= student->leave) {
            out.free_seats.push_back({booth.id, free_from(day, *slot)});
        }
    }
    std::stable_sort(out.free_seats.begin(), out.free_seats.end(),
                     [](const auto& a, const auto& b) {
                         return std::tie(a.from, a.booth) < std::tie(b.from, b.booth);
                     });

    const bool expected = std::any_of(out.promises.begin(), out.promises.end(),
                                      [&](const auto& p) { return p.start >= slot_now; }) ||
                          std::any_of(out.standby.begin(), out.standby.end(),
                                      [](const auto& s) { return s.estimate.has_value(); });
    if (!expected && !out.promises.empty()) return out;  // one under way or due now
    if (!expected) {
        if (!room_for_more) {
            out.no_interview = NoInterviewReason::own_limit_reached;
        } else if (!any_eligible) {
            out.no_interview = NoInterviewReason::no_booth_for_them;
        } else if (!any_open) {
            out.no_interview = NoInterviewReason::booths_closed;
        } else if (any_after_leave) {
            out.no_interview = NoInterviewReason::leaving;
        } else {
            out.no_interview = NoInterviewReason::booths_full;
        }
    }
    return out;
}

}  // namespace

DayOutlooks::DayOutlooks(const DayState& day, std::set<BoothId> paused, const NoShowRate& rate)
    : cache_(std::make_unique<Cache>(day, std::move(paused), rate.rate())) {}

DayOutlooks::~DayOutlooks() = default;

const DayState& DayOutlooks::day() const {
    return cache_->day();
}

StudentOutlook DayOutlooks::of(const StudentId& student) {
    return outlook_with(student, *cache_);
}

std::optional<TimeOfDay> DayOutlooks::next_free_seat(const Booth& booth) {
    const auto slot = first_free_slot(cache_->day(), cache_->free_seats(booth));
    if (!slot) return std::nullopt;
    return free_from(cache_->day(), *slot);
}

StudentOutlook outlook_of(const DayState& day, const StudentId& student,
                          const std::set<BoothId>& paused, const NoShowRate& rate) {
    return DayOutlooks(day, paused, rate).of(student);
}

std::vector<StudentOutlook> outlooks_of(const DayState& day, const std::vector<StudentId>& students,
                                        const std::set<BoothId>& paused, const NoShowRate& rate) {
    DayOutlooks outlooks(day, paused, rate);
    std::vector<StudentOutlook> out;
    out.reserve(students.size());
    for (const StudentId& student : students)
        out.push_back(outlooks.of(student));
    return out;
}

}  // namespace jobfair
