#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/seat_use.hpp"

using namespace jobfair;

namespace {

// A day of 08:00-12:30 in 15-minute slots.
FairSettings morning() {
    FairSettings settings;
    settings.grid = SlotGrid{TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 30), 15};
    return settings;
}

StoredInterview interview(InterviewId id, const char* student, int seat, TimeOfDay start) {
    StoredInterview row;
    row.id = id;
    row.interview = Interview{StudentId(student), BoothId("B01"), seat, start};
    return row;
}

// The audit log as the store writes it: "interview.<to>" with from/to, or a standby call.
class Log {
  public:
    void move(TimeOfDay at, InterviewId id, const char* from, const char* to) {
        add(at, std::string("interview.") + to,
            {{"interview", id}, {"booth", "B01"}, {"from", from}, {"to", to}});
    }
    void standby_call(TimeOfDay at, InterviewId id, int seat, TimeOfDay slot) {
        add(at, "interview.called_from_standby",
            {{"interview", id}, {"booth", "B01"}, {"seat", seat}, {"start", slot.str()}});
    }
    const std::vector<TimedEvent>& events() const { return events_; }

  private:
    void add(TimeOfDay at, std::string kind, const nlohmann::json& payload) {
        TimedEvent timed;
        timed.at = at;
        timed.event.id = static_cast<EventId>(events_.size() + 1);
        timed.event.kind = std::move(kind);
        timed.event.payload_json = payload.dump();
        events_.push_back(std::move(timed));
    }
    std::vector<TimedEvent> events_;
};

}  // namespace

TEST_CASE("freed seat-slots: a no-show refilled from standby within its slot") {
    const auto t = TimeOfDay::hm;
    std::vector<StoredInterview> rows{interview(1, "S1", 0, t(9, 0)),
                                      interview(2, "S2", 0, t(9, 0))};
    Log log;
    log.move(t(9, 0), 1, "promised", "called");
    log.move(t(9, 3), 1, "called", "no_show");
    log.standby_call(t(9, 3), 2, 0, t(9, 0));
    log.move(t(9, 5), 2, "called", "in_progress");
    log.move(t(9, 16), 2, "in_progress", "done");

    const FreedSeatSlots figures = count_freed_seat_slots(morning(), rows, log.events());
    CHECK(figures.freed == 1);
    CHECK(figures.refilled == 1);
    CHECK(figures.freed_by.at("no_show") == 1);
    CHECK(figures.line() == "freed seat-slots refilled: 1 of 1 (100.0%)");
}

TEST_CASE("freed seat-slots: a skip not refilled, a short interview, the last hour") {
    const auto t = TimeOfDay::hm;
    std::vector<StoredInterview> rows{
        interview(1, "S1", 0, t(9, 0)),     // skipped at 09:03, nobody else comes
        interview(2, "S2", 1, t(9, 0)),     // ends at 09:08: 7 minutes of its slot left
        interview(3, "S3", 1, t(9, 15)),    // the next promise, called at its own time
        interview(4, "S4", 0, t(11, 45)),   // a no-show in the last hour: not counted
        interview(5, "S5", 1, t(10, 0)),    // ends at 10:12: 3 minutes left, not freed
        interview(6, "S6", 1, t(10, 15)),   // ends at 10:20; S6 called again (a recall) is no
        interview(7, "S7", 0, t(10, 15))};  // refill; a call that ends in a no-show neither
    Log log;
    log.move(t(9, 0), 1, "promised", "called");
    log.move(t(9, 3), 1, "called", "promised");
    log.move(t(9, 0), 2, "promised", "called");
    log.move(t(9, 1), 2, "called", "in_progress");
    log.move(t(9, 8), 2, "in_progress", "done");
    log.move(t(9, 15), 3, "promised", "called");
    log.move(t(9, 16), 3, "called", "in_progress");
    log.move(t(11, 45), 4, "promised", "called");
    log.move(t(11, 48), 4, "called", "no_show");
    log.move(t(10, 0), 5, "promised", "called");
    log.move(t(10, 0), 5, "called", "in_progress");
    log.move(t(10, 12), 5, "in_progress", "done");
    log.move(t(10, 15), 6, "promised", "called");
    log.move(t(10, 15), 6, "called", "in_progress");
    log.move(t(10, 20), 6, "in_progress", "done");
    log.move(t(10, 21), 7, "promised", "called");  // seat 0, another seat: no refill of seat 1
    log.move(t(10, 24), 7, "called", "no_show");

    const FreedSeatSlots figures = count_freed_seat_slots(morning(), rows, log.events());
    CHECK(figures.freed_by.at("skip") == 1);
    CHECK(figures.freed_by.at("ended_early") == 2);  // S2 at 09:08 and S6 at 10:20
    CHECK(figures.freed_by.at("no_show") == 1);      // S7 at 10:24, not S4 at 11:48
    CHECK(figures.freed == 4);
    CHECK(figures.refilled == 0);
    CHECK(figures.line() == "freed seat-slots refilled: 0 of 4 (0.0%)");
}

TEST_CASE("freed seat-slots: an early finish used by the next student called early") {
    const auto t = TimeOfDay::hm;
    std::vector<StoredInterview> rows{interview(1, "S1", 0, t(8, 30)),
                                      interview(2, "S2", 0, t(8, 45)),
                                      interview(3, "S3", 0, t(8, 45))};
    Log log;
    log.move(t(8, 30), 1, "promised", "called");
    log.move(t(8, 31), 1, "called", "in_progress");
    log.move(t(8, 37), 1, "in_progress", "done");
    log.move(t(8, 38), 2, "promised", "called");  // called before its slot: it never starts
    log.move(t(8, 41), 2, "called", "no_show");
    log.move(t(8, 42), 3, "promised", "called");
    log.move(t(8, 44), 3, "called", "in_progress");

    const FreedSeatSlots figures = count_freed_seat_slots(morning(), rows, log.events());
    // S1's early end freed the 08:30 seat-slot; S2's no-show in it frees nothing more (one
    // seat-slot is counted once); S3 used it.
    CHECK(figures.freed == 1);
    CHECK(figures.refilled == 1);
    CHECK(figures.refilled_by.at("ended_early") == 1);
    CHECK(figures.freed_by.count("no_show") == 0);
}

TEST_CASE("freed seat-slots: a miss with a minute or two of the slot left frees nothing") {
    const auto t = TimeOfDay::hm;
    std::vector<StoredInterview> rows{interview(1, "S1", 0, t(9, 0)),
                                      interview(2, "S2", 1, t(9, 0)),
                                      interview(3, "S3", 1, t(9, 0))};
    Log log;
    log.move(t(9, 10), 1, "promised", "called");
    log.move(t(9, 13), 1, "called", "no_show");  // 2 minutes left: nobody could walk over
    log.move(t(9, 0), 2, "promised", "called");
    log.move(t(9, 3), 2, "called", "promised");  // a skip with 12 minutes left: freed
    log.standby_call(t(9, 4), 3, 1, t(9, 0));
    log.move(t(9, 8), 3, "called", "no_show");  // the same seat-slot: not freed twice

    const FreedSeatSlots figures = count_freed_seat_slots(morning(), rows, log.events());
    CHECK(figures.freed == 1);
    CHECK(figures.freed_by.at("skip") == 1);
    CHECK(figures.freed_by.count("no_show") == 0);
    CHECK(figures.refilled == 0);
}

TEST_CASE("freed seat-slots: a skipped student back in the same slot is taken back, no refill") {
    const auto t = TimeOfDay::hm;
    std::vector<StoredInterview> rows{interview(1, "S1", 0, t(9, 0)),   // back at 09:06
                                      interview(2, "S2", 1, t(9, 0))};  // back after the slot
    Log log;
    log.move(t(9, 0), 1, "promised", "called");
    log.move(t(9, 2), 1, "called", "promised");
    log.move(t(9, 5), 1, "promised", "called");
    log.move(t(9, 6), 1, "called", "in_progress");
    log.move(t(9, 0), 2, "promised", "called");
    log.move(t(9, 3), 2, "called", "promised");
    log.move(t(9, 20), 2, "promised", "called");
    log.move(t(9, 21), 2, "called", "in_progress");

    const FreedSeatSlots figures = count_freed_seat_slots(morning(), rows, log.events());
    CHECK(figures.freed == 2);
    CHECK(figures.refilled == 0);
    CHECK(figures.taken_back == 1);
    REQUIRE(figures.not_refilled.size() == 1);
    const UnusedSeatSlot& unused = figures.not_refilled.front();
    CHECK(unused.seat == 1);
    CHECK(unused.freed_at == t(9, 3));
    CHECK(unused.slot_end == t(9, 15));
    CHECK(unused.why == "skip");
    CHECK(unused.freed_by == StudentId("S2"));
    CHECK(figures.line() ==
          "freed seat-slots refilled: 0 of 2 (0.0%); 1 more taken back by the "
          "student who had missed the call");
}
