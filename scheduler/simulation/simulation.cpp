// The simulated morning. Sections:
//   1. The API client: retries while the server restarts, counts refusals
//   2. People: who arrives when, who walks in, who leaves early
//   3. Booth seats: call, start, finish, no-show, resync after a lost answer
//   4. The day's loop and the report
#include "scheduler/simulation/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>
#include <tuple>

#include <nlohmann/json.hpp>

#include "common/client/api_client.hpp"
#include "common/occupations.hpp"
#include "common/schedule_check.hpp"

namespace jobfair {

namespace {

using nlohmann::json;

// --- 1. The API client ----------------------------------------------------------------------

// The shared client, with the simulation's patience and its counts.
class Api {
  public:
    Api(const std::string& host, int port, SimulationReport& report)
        : client_("http://" + host + ":" + std::to_string(port), patient()), report_(report) {}

    client::Answer get(const std::string& path, const std::string& token) {
        return send([&] { return client_.get(path, bearer(token)); });
    }
    client::Answer post(const std::string& path, const std::string& token, const json& body = {},
                        const std::string& idempotency_key = "") {
        const std::string text = body.is_null() ? "{}" : body.dump();
        return send([&] { return client_.post(path, text, bearer(token), idempotency_key); });
    }
    // For the simulation's own setup: anything but success is fatal.
    json must(const client::Answer& answer, const std::string& what) {
        if (!answer.ok()) {
            throw std::runtime_error("simulate: " + what + " failed (" +
                                     std::to_string(answer.status) + "): " + answer.body);
        }
        return answer.json();
    }

  private:
    // Answers may take long while the server re-plans a whole morning: read 30 s.
    static client::ClientOptions patient() {
        client::ClientOptions options;
        options.read_timeout = std::chrono::seconds(30);
        return options;
    }
    static std::optional<std::string> bearer(const std::string& token) {
        if (token.empty()) return std::nullopt;
        return token;
    }

    // A server being restarted refuses connections for a moment: retry for up to 30 s. A request
    // whose answer was lost may have been committed; callers resync where that matters.
    template <class Call>
    client::Answer send(Call&& call) {
        ++report_.requests;
        for (int attempt = 0;; ++attempt) {
            client::Answer answer = call();
            if (answer.reached) {
                if (!answer.ok()) ++report_.refused_requests;
                return answer;
            }
            if (attempt >= 300) {
                throw std::runtime_error("simulate: the server did not answer for 30 s (" +
                                         answer.transport_error + ")");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    client::ApiClient client_;
    SimulationReport& report_;
};

// --- 2. People --------------------------------------------------------------------------------

constexpr const char* kFamilyNames[] = {"Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng",
                                        "Vũ",     "Đặng", "Bùi", "Đỗ",   "Ngô"};
constexpr const char* kMiddleNames[] = {"Văn", "Thị", "Minh", "Đức", "Thu", "Quang", "Ngọc"};
constexpr const char* kGivenNames[] = {"Hùng", "Lan",  "Tuấn", "Hường", "Dũng",
                                       "Mai",  "Khoa", "Yến",  "Sơn",   "Trang"};
constexpr const char* kSchools[] = {"Trường Cao đẳng Việt – Hàn Quảng Ninh",
                                    "Trường Cao đẳng Công nghiệp Cẩm Phả",
                                    "Trường Trung cấp Nghề Hạ Long"};

struct Person {
    const Student* student = nullptr;  // nullptr for a walk-in until the server names them
    std::string id;
    std::string ticket;
    std::optional<int> reaches_kiosk_at;    // fair minute; nothing: does not come
    std::optional<int> leaves_at;           // fair minute of an early leave, told the help desk
    std::optional<int> leaves_silently_at;  // fair minute of an early leave, told nobody
    std::optional<int> checked_in_at;
    std::optional<int> first_start;
    std::map<std::string, int> started_at_booth;  // booth -> fair minute the interview began
    bool left = false;
    bool gone_silently = false;
    bool engaged = false;  // called or in an interview: does not wander off
    int away_until = 0;    // fair minute a step-away ends
    // What the student's phone shows (GET /me/status), read until their first interview starts.
    std::string status_token;
    std::string ticket_label;
    struct Shown {
        int at = 0;        // fair minute it was read
        int expected = 0;  // the earliest start or estimate shown
        bool promise = false;
        std::string booth;  // whose interview or standby queue it was
    };
    std::vector<Shown> shown;
    std::optional<int> told_no_interview_at;  // first time "no interview possible" was shown
    std::string told_no_interview_reason;
    // What happened to them, for the estimate trace only: "09:12 called B07", ...
    std::vector<std::string> timeline;
    void note(int now, const std::string& what) {
        timeline.push_back(TimeOfDay(now).str() + " " + what);
    }
};

// The token after "/p#" in the check-in answer's status_url: what the kiosk's second QR holds.
std::string status_token_of(const json& answer) {
    const std::string url = answer.value("status_url", "");
    const auto hash = url.find("/p#");
    return hash == std::string::npos ? "" : url.substr(hash + 3);
}

template <class Rng>
double uniform(Rng& rng) {
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

template <class T, size_t N, class Rng>
const T& pick(const T (&items)[N], Rng& rng) {
    return items[std::uniform_int_distribution<size_t>(0, N - 1)(rng)];
}

template <class Rng>
int uniform_minutes(int low, int high, Rng& rng) {
    return std::uniform_int_distribution<int>(low, std::max(low, high))(rng);
}

// An exponential delay of the given mean, in whole minutes, capped.
template <class Rng>
int exponential_minutes(double mean, int cap, Rng& rng) {
    if (mean <= 0) return 0;
    const double drawn = std::exponential_distribution<double>(1.0 / mean)(rng);
    return static_cast<int>(std::lround(std::min(drawn, double(cap))));
}

// When each pre-registered student reaches the kiosks, or nothing for those who do not come:
// their group's bus (same school, same `arrive`) early or late, then the walk in, and for a
// few stragglers a delay of their own.
template <class Rng>
void draw_arrivals(std::vector<Person>& people, const PeopleModel& model, Rng& rng,
                   SimulationReport& report) {
    std::map<std::pair<std::string, int>, int> bus_offsets;
    for (Person& person : people) {
        const Student& student = *person.student;
        if (uniform(rng) < model.absent_rate) {
            ++report.absent;
            continue;
        }
        const auto group =
            std::make_pair(student.school.value_or(student.id.str()), student.arrive.minutes());
        auto offset = bus_offsets.find(group);
        if (offset == bus_offsets.end()) {
            const int drawn = uniform(rng) < model.group_late_share
                                  ? exponential_minutes(model.group_late_mean_minutes, 60, rng)
                                  : -uniform_minutes(0, model.group_early_max_minutes, rng);
            offset = bus_offsets.emplace(group, drawn).first;
        }
        int at = student.arrive.minutes() + offset->second +
                 uniform_minutes(model.to_kiosk_min_minutes, model.to_kiosk_max_minutes, rng);
        if (uniform(rng) < model.straggler_share)
            at += exponential_minutes(model.straggler_late_mean_minutes, 90, rng);
        person.reaches_kiosk_at = at;
    }
}

// --- 3. Booth seats ---------------------------------------------------------------------------

struct Seat {
    enum class State { idle, called, in_progress } state = State::idle;
    long long interview = 0;
    std::string student;
    int since = 0;                        // fair minute the state began
    int until = 0;                        // in progress: when it ends
    std::optional<int> reaches_booth_at;  // when the called student gets there; nothing: never
};

// Nearest rank: ceil(0.9 n), the definition the reports use for waits.
std::optional<int> p90_of(std::vector<std::optional<int>> errors) {
    if (errors.empty()) return std::nullopt;
    std::sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) {
        if (a.has_value() != b.has_value()) return a.has_value();  // misses last
        return a < b;
    });
    return errors[(9 * errors.size() + 9) / 10 - 1];
}

}  // namespace

EstimateAccuracy::Row accuracy_row(std::string when, std::string kind,
                                   const std::vector<std::optional<int>>& errors) {
    EstimateAccuracy::Row row;
    row.when = std::move(when);
    row.kind = std::move(kind);
    row.students = static_cast<int>(errors.size());
    std::vector<std::optional<int>> sizes;
    for (const auto& error : errors) {
        if (!error) {
            ++row.no_interview_followed;
        } else if (std::abs(*error) <= kEstimateWithinMinutes) {
            ++row.within;
        } else {
            ++(*error < 0 ? row.started_earlier : row.started_later);
        }
        sizes.push_back(error ? std::optional<int>(std::abs(*error)) : std::nullopt);
    }
    row.p90_error_minutes = p90_of(sizes);
    return row;
}

std::vector<std::string> EstimateAccuracy::lines() const {
    std::vector<std::string> out;
    for (const Row& row : rows) {
        char line[240];
        const std::string p90 = row.p90_error_minutes
                                    ? std::to_string(*row.p90_error_minutes) + " min"
                                    : std::string(row.students == 0 ? "-" : "none (a miss)");
        std::snprintf(
            line, sizeof line,
            "estimates, %s %s: %d students, started within %d min: %d (%.1f%%), p90 "
            "error %s, no interview followed: %d, began earlier / later: %d / %d",
            row.when == "first" ? "first shown at check-in," : "latest shown >= 30 min before,",
            row.kind == "promise" ? "promised start" : "standby estimate", row.students,
            kEstimateWithinMinutes, row.within,
            row.students == 0 ? 0.0 : 100.0 * row.within / row.students, p90.c_str(),
            row.no_interview_followed, row.started_earlier, row.started_later);
        out.emplace_back(line);
    }
    for (const Row& row : rows_against_first_interview) {
        char line[200];
        std::snprintf(
            line, sizeof line,
            "  against the first interview at any booth instead, %s %s: %d of %d (%.1f%%)",
            row.when == "first" ? "first" : "latest",
            row.kind == "promise" ? "promised start" : "standby estimate", row.within, row.students,
            row.students == 0 ? 0.0 : 100.0 * row.within / row.students);
        out.emplace_back(line);
    }
    out.push_back("told \"no interview possible\": " + std::to_string(told_no_interview) +
                  " students, of whom " + std::to_string(told_no_interview_right) +
                  " indeed had none afterwards");
    for (const auto& [reason, count] : told_no_interview_by_reason)
        out.push_back("  told no interview (" + reason + "): " + std::to_string(count));
    out.push_back("estimates not measured, the student left before any interview: " +
                  std::to_string(left_before_interview) +
                  "; status reads: " + std::to_string(polls));
    return out;
}

std::string simulation_measured_payload(const SimulationReport& report) {
    json minutes = json::array();
    const auto& events = report.timed_events;
    for (size_t i = 0; i < events.size(); ++i) {
        if (i + 1 == events.size() || events[i + 1].at != events[i].at)
            minutes.push_back({events[i].event.id, events[i].at.minutes()});
    }
    json rows = json::array();
    for (const EstimateAccuracy::Row& row : report.estimates.rows) {
        rows.push_back(
            {{"when", row.when},
             {"kind", row.kind},
             {"students", row.students},
             {"within", row.within},
             {"no_interview_followed", row.no_interview_followed},
             {"started_earlier", row.started_earlier},
             {"started_later", row.started_later},
             {"p90_error_minutes", row.p90_error_minutes ? json(*row.p90_error_minutes) : json()}});
    }
    const EstimateAccuracy& estimates = report.estimates;
    return json{{"event_minutes", minutes},
                {"estimates",
                 {{"within_minutes", kEstimateWithinMinutes},
                  {"latest_before_minutes", kEstimateLatestBeforeMinutes},
                  {"poll_minutes", estimates.poll_minutes},
                  {"rows", rows},
                  {"told_no_interview", estimates.told_no_interview},
                  {"told_no_interview_right", estimates.told_no_interview_right},
                  {"told_no_interview_by_reason", estimates.told_no_interview_by_reason},
                  {"left_before_interview", estimates.left_before_interview}}}}
        .dump();
}

std::vector<std::string> SimulationReport::lines() const {
    std::vector<std::string> out{
        "checked in: " + std::to_string(checked_in),
        "walk-ins registered: " + std::to_string(walk_ins),
        "interviews done: " + std::to_string(interviews_done),
        "students covered: " + std::to_string(students_covered),
        "no-shows: " + std::to_string(no_shows),
        "calls from standby: " + std::to_string(refilled_from_standby),
        "left early: " + std::to_string(left_early),
        freed_seat_slots.line(),
        "booth pauses: " + std::to_string(booth_pauses),
        "re-plans: " + std::to_string(replans),
        "promises moved by late booths: " + std::to_string(promises_moved_late),
    };
    char wait[96];
    std::snprintf(wait, sizeof wait,
                  "wait from check-in to first interview: mean %.1f min, p90 %.1f min",
                  mean_wait_minutes, p90_wait_minutes);
    out.emplace_back(wait);
    char people[240];
    std::snprintf(people, sizeof people,
                  "people: %d absent, check-in %.1f min after the bus time on average, %d "
                  "step-aways, calls missed: %d away, %d unheard, %d after going home; %d sent "
                  "back to wait; interviews %.1f min on average",
                  absent, mean_check_in_delay_minutes, step_aways, calls_missed_away, calls_missed,
                  calls_after_leaving, skips, mean_interview_minutes);
    out.emplace_back(people);
    for (const auto& [why, count] : freed_seat_slots.freed_by) {
        const auto refilled = freed_seat_slots.refilled_by.find(why);
        out.push_back(
            "freed seat-slots (" + why + "): " + std::to_string(count) + ", refilled " +
            std::to_string(refilled == freed_seat_slots.refilled_by.end() ? 0 : refilled->second));
    }
    for (const UnusedSeatSlot& unused : freed_seat_slots.not_refilled) {
        // Why the seat called nobody meanwhile, minute by minute: "nobody_waiting x6".
        std::map<std::string, int> said;
        if (const auto seat = called_nobody.find({unused.booth, unused.seat});
            seat != called_nobody.end()) {
            for (auto minute = seat->second.lower_bound(unused.freed_at.minutes());
                 minute != seat->second.end() && minute->first < unused.slot_end.minutes();
                 ++minute)
                ++said[minute->second];
        }
        std::string answers;
        for (const auto& [code, minutes] : said)
            answers +=
                (answers.empty() ? "; call-next: " : ", ") + code + " x" + std::to_string(minutes);
        out.push_back("  not refilled: " + unused.booth + " seat " + std::to_string(unused.seat) +
                      ", " + unused.freed_at.str() + "-" + unused.slot_end.str() + " (" +
                      unused.why + " of " + unused.freed_by.str() + answers + ")");
    }
    for (const auto& [reason, count] : promises_cancelled)
        out.push_back("promises cancelled (" + reason + "): " + std::to_string(count));
    for (const auto& [outcome, count] : outcomes)
        out.push_back("outcome " + outcome + ": " + std::to_string(count));
    for (std::string& line : estimates.lines())
        out.push_back(std::move(line));
    out.push_back("requests: " + std::to_string(requests) + " (" +
                  std::to_string(refused_requests) + " answered 4xx)");
    return out;
}

SimulationReport simulate_morning(const Fair& fair, const SimulationOptions& options) {
    SimulationReport report;
    const int poll_minutes = std::max(1, options.estimate_poll_minutes);
    report.estimates.poll_minutes = poll_minutes;
    Api api(options.host, options.port, report);
    std::mt19937_64 rng(options.seed);

    // --- setup through the API, as a venue would
    const std::string organizer =
        api.must(api.post("/auth/login", "", {{"password", options.organizer_password}}),
                 "organizer login")["token"];
    std::vector<std::string> kiosks;
    for (int k = 0; k < options.kiosks; ++k) {
        const json code = api.must(
            api.post("/admin/enrolment-codes", organizer,
                     {{"role", "kiosk"}, {"device_name", "Quầy " + std::to_string(k + 1)}}),
            "enrolment code");
        kiosks.push_back(api.must(api.post("/auth/enrol", "", {{"code", code["code"]}}),
                                  "kiosk enrolment")["token"]);
    }
    std::map<std::string, std::string> booth_tokens;
    std::map<std::string, std::vector<Seat>> seats;
    for (const Booth& booth : fair.booths) {
        const auto held = options.booth_pins.find(booth.id.str());
        const std::string pin =
            held != options.booth_pins.end()
                ? held->second
                : api.must(api.post("/admin/booths/" + booth.id.str() + "/pin", organizer),
                           "booth PIN")["pin"]
                      .get<std::string>();
        // Each booth's tablet is enrolled as its booth station, where the PIN is accepted.
        const json station_code =
            api.must(api.post("/admin/enrolment-codes", organizer,
                              {{"role", "booth_station"},
                               {"booth", booth.id.str()},
                               {"device_name", "Máy gian hàng " + booth.id.str()}}),
                     "booth station code");
        const std::string station =
            api.must(api.post("/auth/enrol", "", {{"code", station_code["code"]}}),
                     "station enrolment")["token"];
        booth_tokens[booth.id.str()] = api.must(
            api.post("/auth/booth-login", station, {{"booth", booth.id.str()}, {"pin", pin}}),
            "booth login")["token"];
        seats[booth.id.str()].resize(static_cast<size_t>(booth.seats()));
    }

    std::vector<Person> people;
    for (const Student& student : fair.students) {
        Person person;
        person.student = &student;
        person.id = student.id.str();
        person.ticket =
            api.must(api.get("/students/" + person.id + "/ticket", organizer), "ticket")["ticket"];
        people.push_back(std::move(person));
    }
    const PeopleModel& model = options.people;
    draw_arrivals(people, model, rng, report);
    for (Person& person : people) {
        if (!person.reaches_kiosk_at) continue;
        const int arrived = std::max(*person.reaches_kiosk_at, person.student->arrive.minutes());
        if (uniform(rng) < options.leave_early_rate) {
            person.leaves_at = arrived + 45 + uniform_minutes(0, 90, rng);
        } else if (uniform(rng) < model.silent_leave_rate) {
            person.leaves_silently_at = arrived + 45 + uniform_minutes(0, 120, rng);
        }
    }
    std::map<std::string, size_t> person_index;
    for (size_t i = 0; i < people.size(); ++i)
        person_index[people[i].id] = i;
    std::map<std::string, size_t> label_index;  // walk-ins, by ticket label

    const auto& grid = fair.settings.grid;
    const int day_start = grid.day_start.minutes();
    const int day_end = grid.day_end.minutes();
    // Walk-ins arrive over the first three hours.
    std::multimap<int, int> walk_in_minutes;
    const int walk_in_count =
        static_cast<int>(std::lround(options.walk_in_share * double(fair.students.size())));
    for (int w = 0; w < walk_in_count; ++w) {
        walk_in_minutes.emplace(day_start + std::uniform_int_distribution<int>(0, 180)(rng), w);
    }
    const Booth* paused_booth =
        &fair.booths[std::uniform_int_distribution<size_t>(0, fair.booths.size() - 1)(rng)];
    const int pause_from = day_start + 120, pause_until = day_start + 140;

    const auto outcome_of = [&] {
        const double r = uniform(rng);
        return r < 0.25   ? InterviewOutcome::offer
               : r < 0.5  ? InterviewOutcome::internship
               : r < 0.75 ? InterviewOutcome::next_round
                          : InterviewOutcome::not_suitable;
    };
    size_t next_kiosk = 0;
    const auto kiosk = [&]() -> const std::string& { return kiosks[next_kiosk++ % kiosks.size()]; };

    // A seat whose last answer was lost (a restart) is read back from the booth's queue.
    const auto resync_seat = [&](const std::string& booth, size_t s, int now) {
        Seat& seat = seats[booth][s];
        const json queue = api.get("/booths/" + booth + "/queue", booth_tokens[booth]).json();
        seat = Seat{};
        seat.since = now;
        for (const auto& row : queue.value("queue", json::array())) {
            if (row["seat"] != static_cast<int>(s)) continue;
            const auto status = row["status"].get<InterviewStatus>();
            if (status != InterviewStatus::called && status != InterviewStatus::in_progress)
                continue;
            seat.interview = row["id"];
            seat.student = row["student"];
            seat.state =
                status == InterviewStatus::called ? Seat::State::called : Seat::State::in_progress;
            seat.until = now + grid.slot_minutes;
            seat.reaches_booth_at = now;  // a student already called is taken to be there
        }
    };

    const auto set_engaged = [&](const std::string& student, bool engaged) {
        const auto who = person_index.find(student);
        if (who != person_index.end()) people[who->second].engaged = engaged;
    };
    // What the student's phone shows now: the earliest promised start or standby estimate, or
    // "no interview possible". Read as the phone reads it, with the student's status token.
    const auto read_status = [&](Person& person, int now) {
        if (person.status_token.empty()) return;
        const client::Answer answer = api.get("/me/status", person.status_token);
        ++report.estimates.polls;
        if (!answer.ok()) return;
        const json status = answer.json();
        std::optional<Person::Shown> shown;
        const auto consider = [&](const std::string& at, bool promise, const json& row) {
            const auto time = TimeOfDay::parse(at);
            if (time && (!shown || time->minutes() < shown->expected))
                shown = Person::Shown{now, time->minutes(), promise, row.value("booth", "")};
        };
        for (const auto& row : status.value("interviews", json::array())) {
            const std::string state = row.value("status", "");
            // The likely start the phone shows, else the slot's own.
            const bool estimated = row.contains("estimate") && row["estimate"].is_string();
            if (state == "promised" || state == "called")
                consider(estimated ? row["estimate"].get<std::string>() : row.value("start", ""),
                         true, row);
        }
        for (const auto& row : status.value("standby", json::array())) {
            if (row.contains("estimate") && row["estimate"].is_string())
                consider(row["estimate"].get<std::string>(), false, row);
        }
        if (shown) {
            person.shown.push_back(*shown);
        } else if (status.contains("no_interview") && status["no_interview"].is_string() &&
                   !person.told_no_interview_at) {
            person.told_no_interview_at = now;
            person.told_no_interview_reason = status["no_interview"].get<std::string>();
        }
    };
    // A called student: when they reach the booth, or nothing when they never come (gone home,
    // away until after the staff stop waiting, or the call missed).
    const auto answer_call = [&](const std::string& student, int now) -> std::optional<int> {
        const auto who = person_index.find(student);
        Person* person = who == person_index.end() ? nullptr : &people[who->second];
        if (person && person->left) return std::nullopt;
        if (person && person->gone_silently) {
            ++report.calls_after_leaving;
            return std::nullopt;
        }
        int from = now;
        if (person && person->away_until > now) {
            ++report.calls_missed_away;
            from = person->away_until;  // back, they see the call on the board
        } else if (uniform(rng) < options.no_show_rate) {
            ++report.calls_missed;
            if (person) person->note(now, "did not hear the call");
            return std::nullopt;
        }
        if (person) person->engaged = true;
        return from + uniform_minutes(model.walk_to_booth_min_minutes,
                                      model.walk_to_booth_max_minutes, rng);
    };
    // Log-normal around the median, kept between 3 minutes and three slots.
    const auto interview_length = [&] {
        const double median = model.interview_median_share_of_slot * grid.slot_minutes;
        const double drawn = std::lognormal_distribution<double>(
            std::log(std::max(median, 1.0)), std::max(model.interview_length_sigma, 0.0))(rng);
        return std::clamp(static_cast<int>(std::lround(drawn)), 3, 3 * grid.slot_minutes);
    };

    // After closing time the booths finish the interviews under way (up to 30 minutes).
    const auto seats_busy = [&] {
        for (const auto& [booth, list] : seats) {
            for (const Seat& seat : list) {
                if (seat.state != Seat::State::idle) return true;
            }
        }
        return false;
    };
    // Start a quarter of an hour before the day, or where the server's clock already is (it
    // never runs backwards).
    const auto server_now = TimeOfDay::parse(api.get("/hello", "").json().value("now", ""));
    const int first_minute = std::max(day_start - 15, server_now ? server_now->minutes() : 0);
    // After the day's end the morning goes on while a booth is busy: an interview begun in the
    // last slot runs up to three slots (interview_length), and staff finish it rather than stop
    // it at closing time; the rules are checked on the day as held, once all of it is held.
    const int overtime = 3 * grid.slot_minutes + 15;
    const int last_minute = options.until ? options.until->minutes() : day_end + overtime;
    // Kiosks say hello every 3 s of real time, as jobfair-kiosk does: the dashboard counts a kiosk
    // unheard from for 15 s as lost.
    constexpr auto kKioskHelloEvery = std::chrono::seconds(3);
    auto kiosks_said_hello = std::chrono::steady_clock::time_point{};
    // Students in the order they reach the kiosks.
    std::vector<std::pair<int, size_t>> arrivals;
    for (size_t i = 0; i < people.size(); ++i) {
        if (people[i].reaches_kiosk_at) arrivals.emplace_back(*people[i].reaches_kiosk_at, i);
    }
    std::stable_sort(arrivals.begin(), arrivals.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t next_arrival = 0;
    std::deque<size_t> kiosk_queue;
    int kiosk_seconds = 0;
    const int seconds_per_check_in = std::max(1, model.kiosk_seconds_per_check_in);
    std::vector<int> check_in_delays;
    std::vector<int> interview_lengths;
    std::map<long long, int> skips;  // per interview: how often its student was sent back
    // The audit log, each event with the simulated minute in which it was read (common/seat_use).
    std::vector<TimedEvent> timed_events;
    EventId last_event = 0;
    const auto read_new_events = [&](int now) {
        const client::Answer answer =
            api.get("/events?since=" + std::to_string(last_event), organizer);
        if (!answer.ok()) return;
        for (const auto& event : answer.json().value("events", json::array())) {
            TimedEvent timed;
            timed.at = TimeOfDay(now);
            timed.event.id = event.value("id", EventId{0});
            timed.event.kind = event.value("kind", "");
            timed.event.actor = event.value("actor", "");
            timed.event.at = event.value("at", "");
            timed.event.payload_json = event.value("payload", json::object()).dump();
            last_event = std::max(last_event, timed.event.id);
            timed_events.push_back(std::move(timed));
        }
    };
    for (int now = first_minute;
         now <= last_minute && (now <= day_end || (seats_busy() && now <= day_end + overtime));
         ++now) {
        const auto minute_began = std::chrono::steady_clock::now();
        api.must(api.post("/clock", organizer, {{"now", TimeOfDay(now).str()}}),
                 "moving the clock");
        if (minute_began - kiosks_said_hello >= kKioskHelloEvery) {
            for (const std::string& token : kiosks)
                api.get("/hello", token);
            kiosks_said_hello = minute_began;
        }

        // Arrivals of pre-registered students: they queue at the kiosks and scan their tickets,
        // as many a minute as the kiosks can take.
        while (next_arrival < arrivals.size() && arrivals[next_arrival].first <= now)
            kiosk_queue.push_back(arrivals[next_arrival++].second);
        kiosk_seconds += 60 * static_cast<int>(kiosks.size());
        while (!kiosk_queue.empty() && kiosk_seconds >= seconds_per_check_in) {
            Person& person = people[kiosk_queue.front()];
            kiosk_queue.pop_front();
            if (person.checked_in_at || person.left) continue;
            kiosk_seconds -= seconds_per_check_in;
            const client::Answer answer =
                api.post("/check-ins", kiosk(), {{"ticket", person.ticket}},
                         "sim-" + person.id + "-checkin");
            if (answer.ok()) {
                person.checked_in_at = now;
                ++report.checked_in;
                check_in_delays.push_back(now - person.student->arrive.minutes());
                const json told = answer.json();
                person.status_token = status_token_of(told);
                person.ticket_label = told.value("ticket_label", "");
                read_status(person, now);
            }
        }
        if (kiosk_queue.empty()) kiosk_seconds = std::min(kiosk_seconds, seconds_per_check_in);
        // Walk-ins register at a kiosk and choose up to three booths they are eligible for.
        for (auto [it, end] = walk_in_minutes.equal_range(now); it != end; ++it) {
            const auto trades = occupation_catalogue();
            const std::string trade = std::string(
                trades[std::uniform_int_distribution<size_t>(0, trades.size() - 1)(rng)].code);
            Student probe;
            probe.occupation = trade;
            probe.level = uniform(rng) < 0.5 ? Level::intermediate : Level::college;
            std::vector<std::string> eligible;
            for (const Booth& booth : fair.booths) {
                if (is_eligible(probe, booth)) eligible.push_back(booth.id.str());
            }
            if (eligible.empty()) continue;
            std::shuffle(eligible.begin(), eligible.end(), rng);
            eligible.resize(std::min<size_t>(eligible.size(), 1 + it->second % 3));
            const std::string name = std::string(pick(kFamilyNames, rng)) + " " +
                                     pick(kMiddleNames, rng) + " " + pick(kGivenNames, rng);
            char phone[16];
            std::snprintf(phone, sizeof phone, "09%08d",
                          std::uniform_int_distribution<int>(0, 99999999)(rng));
            const json form{{"full_name", name},
                            {"phone", phone},
                            {"school", pick(kSchools, rng)},
                            {"occupation", trade},
                            {"level", level_code(probe.level)},
                            {"preferences", eligible},
                            {"consent", {{"interview", true}, {"follow_up", uniform(rng) < 0.6}}}};
            const client::Answer answer = api.post(
                "/walk-ins", kiosk(), form,
                "sim-walkin-" + std::to_string(it->second) + "-" + std::to_string(options.seed));
            if (!answer.ok()) continue;
            Person person;
            const json told = answer.json();
            person.ticket = told["ticket"];
            person.checked_in_at = now;
            person.status_token = status_token_of(told);
            person.ticket_label = told.value("ticket_label", "");
            read_status(person, now);
            // The server names walk-ins W0001...; the kiosk answer does not say the id, so the
            // simulation tracks them by ticket only.
            person.id = "walk-in:" + person.ticket;
            person_index[person.id] = people.size();
            label_index[person.ticket_label] = people.size();
            people.push_back(std::move(person));
            ++report.walk_ins;
            ++report.checked_in;
        }
        // Checked-in students wander off for a while; a few go home without telling anyone.
        const double step_away_chance = model.step_aways_per_hour / 60.0;
        for (Person& person : people) {
            if (!person.student || !person.checked_in_at || person.left || person.gone_silently)
                continue;
            if (person.leaves_silently_at && *person.leaves_silently_at <= now && !person.engaged) {
                person.gone_silently = true;
                continue;
            }
            if (person.engaged || person.away_until > now) continue;
            if (uniform(rng) < step_away_chance) {
                person.away_until = now + uniform_minutes(model.step_away_min_minutes,
                                                          model.step_away_max_minutes, rng);
                ++report.step_aways;
                person.note(now, "away until " + TimeOfDay(person.away_until).str());
            }
        }
        // Some students go home early; the organizer marks them so their promises are freed.
        for (Person& person : people) {
            if (!person.student || person.left || !person.leaves_at || *person.leaves_at != now) {
                continue;
            }
            person.left = true;
            if (api.post("/students/" + person.id + "/left", organizer).ok()) ++report.left_early;
        }
        // One booth pauses for twenty minutes mid-morning.
        if (now == pause_from &&
            api.post("/booths/" + paused_booth->id.str() + "/pause", organizer).ok()) {
            ++report.booth_pauses;
        }
        if (now == pause_until)
            api.post("/booths/" + paused_booth->id.str() + "/resume", organizer);

        // Students waiting for their first interview look at their phones every few minutes
        // (spread over the minutes, so the server is not asked all at once).
        for (size_t i = 0; i < people.size(); ++i) {
            Person& person = people[i];
            if (!person.checked_in_at || *person.checked_in_at == now || person.first_start ||
                person.left || person.gone_silently || person.engaged)
                continue;
            if ((static_cast<size_t>(now) + i) % size_t(poll_minutes) == 0)
                read_status(person, now);
        }

        // Booth seats.
        for (const Booth& booth : fair.booths) {
            const std::string id = booth.id.str();
            const std::string& token = booth_tokens[id];
            // Staff on their break do not call anyone (the server would refuse anyway).
            const bool on_break =
                std::any_of(booth.breaks.begin(), booth.breaks.end(), [&](const TimeRange& pause) {
                    return pause.begin.minutes() <= now && now < pause.end.minutes();
                });
            const bool paused = on_break || (booth.id == paused_booth->id && now >= pause_from &&
                                             now < pause_until);
            for (size_t s = 0; s < seats[id].size(); ++s) {
                Seat& seat = seats[id][s];
                const std::string interview = "/interviews/" + std::to_string(seat.interview);
                if (seat.state == Seat::State::idle) {
                    if (paused || now < booth.open.minutes() || now >= booth.close.minutes())
                        continue;
                    const client::Answer call = api.post(
                        "/booths/" + id + "/seats/" + std::to_string(s) + "/call-next", token);
                    if (call.status == 409) {
                        resync_seat(id, s, now);
                        continue;
                    }
                    const json called = call.json();
                    if (call.ok() && !called["called"].is_object())
                        report.called_nobody[{id, int(s)}][now] =
                            called.value("nobody", std::string("?"));
                    if (!call.ok() || !called["called"].is_object()) continue;
                    seat.state = Seat::State::called;
                    seat.interview = called["called"]["id"];
                    seat.student = called["called"]["student"];
                    seat.since = now;
                    // Walk-ins are known by their ticket label until a booth names them.
                    if (!person_index.count(seat.student)) {
                        const auto label = label_index.find(called.value("ticket_label", ""));
                        if (label != label_index.end()) person_index[seat.student] = label->second;
                    }
                    if (called.value("from_standby", false)) ++report.refilled_from_standby;
                    if (const auto who = person_index.find(seat.student); who != person_index.end())
                        people[who->second].note(
                            now, "called to " + id + " for " +
                                     called["called"].value("start", std::string("?")) +
                                     (called.value("from_standby", false) ? " from standby" : ""));
                    seat.reaches_booth_at = answer_call(seat.student, now);
                } else if (seat.state == Seat::State::called) {
                    if (seat.reaches_booth_at && now >= *seat.reaches_booth_at) {
                        const client::Answer started = api.post(interview + "/start", token);
                        if (!started.ok()) {
                            resync_seat(id, s, now);
                            continue;
                        }
                        seat.state = Seat::State::in_progress;
                        const int length = interview_length();
                        interview_lengths.push_back(length);
                        seat.since = now;
                        seat.until = now + length;
                        const auto who = person_index.find(seat.student);
                        if (who != person_index.end()) {
                            Person& person = people[who->second];
                            if (!person.first_start) person.first_start = now;
                            person.started_at_booth.emplace(id, now);
                            person.note(
                                now, "began at " + id + " for " + std::to_string(length) + " min");
                        }
                    } else if (now >= seat.since + model.booth_wait_minutes) {
                        // Nobody came: sent back to wait the first times, then a no-show.
                        int& sent_back = skips[seat.interview];
                        if (const auto who = person_index.find(seat.student);
                            who != person_index.end())
                            people[who->second].note(now, "missed the call at " + id);
                        if (sent_back < model.skips_before_no_show) {
                            if (api.post(interview + "/skip", token).ok()) {
                                ++sent_back;
                                ++report.skips;
                            }
                        } else if (api.post(interview + "/no-show", token).ok()) {
                            ++report.no_shows;
                        }
                        set_engaged(seat.student, false);
                        seat = Seat{};
                    }
                } else if (now >= seat.until) {
                    const InterviewOutcome outcome = outcome_of();
                    const client::Answer finished =
                        api.post(interview + "/finish", token,
                                 {{"outcome", outcome}, {"note", "Phỏng vấn mô phỏng"}});
                    if (finished.ok()) ++report.outcomes[std::string(outcome_code(outcome))];
                    set_engaged(seat.student, false);
                    seat = Seat{};
                }
            }
        }
        read_new_events(now);

        if (options.after_minute) {
            SimulationProgress progress;
            progress.now = TimeOfDay(now);
            progress.walk_ins = report.walk_ins;
            for (const Person& person : people) {
                if (person.student && person.checked_in_at) progress.checked_in.insert(person.id);
            }
            options.after_minute(progress);
        }
        if ((now - day_start) % 15 == 0 && options.report_line) {
            const json overview = api.get("/overview", organizer).json();
            const json& by_status = overview["interviews_by_status"];
            const auto count = [&](const char* status) { return by_status.value(status, 0); };
            char line[200];
            std::snprintf(line, sizeof line,
                          "%s  checked in %3d  in interview %3d  done %3d  promised %3d  "
                          "no-shows %2d  without interview %3d",
                          TimeOfDay(now).str().c_str(), overview.value("checked_in", 0),
                          count("called") + count("in_progress"), count("done"), count("promised"),
                          count("no_show"), overview.value("checked_in_without_interview", 0));
            options.report_line(line);
        }
        if (options.speed > 0) {
            std::this_thread::sleep_until(minute_began +
                                          std::chrono::duration<double>(60.0 / options.speed));
        }
    }

    // The final figures come from the server: the report must equal what the database says.
    const json overview = api.get("/overview", organizer).json();
    report.interviews_done = overview["interviews_by_status"].value("done", 0);
    report.no_shows = overview["interviews_by_status"].value("no_show", 0);
    std::vector<double> waits;
    for (const Person& person : people) {
        if (person.checked_in_at && person.first_start) {
            waits.push_back(double(*person.first_start - *person.checked_in_at));
        }
    }
    report.students_covered = overview.value("students_interviewed", 0);
    // The estimates against what happened, each against the interview it foretold: the one at
    // the booth it named (the promise's booth, or the standby queue's). The first shown, and the
    // latest shown at least 30 minutes before that interview began, per kind. Apart, as measured
    // until 2026-12-06: against the student's first interview at any booth, which counts a
    // promise kept on time as missed when a standby call elsewhere came first.
    std::map<std::pair<std::string, std::string>, std::vector<std::optional<int>>> errors;
    std::map<std::pair<std::string, std::string>, std::vector<std::optional<int>>> errors_any;
    for (const Person& person : people) {
        if (person.shown.empty()) continue;
        if (!person.first_start && (person.left || person.gone_silently)) {
            ++report.estimates.left_before_interview;
            continue;
        }
        const auto start_of = [&](const Person::Shown& shown) -> std::optional<int> {
            const auto started = person.started_at_booth.find(shown.booth);
            if (started == person.started_at_booth.end()) return std::nullopt;
            return started->second;
        };
        // The latest shown at least 30 minutes before the interview it foretold.
        const auto latest_shown = [&](auto interview_start) {
            const Person::Shown* latest = nullptr;
            for (const Person::Shown& shown : person.shown) {
                const std::optional<int> start = interview_start(shown);
                if (!start || shown.at <= *start - kEstimateLatestBeforeMinutes) latest = &shown;
            }
            return latest;
        };
        const auto tally = [&](auto& into, auto interview_start) {
            const auto error_of = [&](const Person::Shown& shown) -> std::optional<int> {
                const std::optional<int> start = interview_start(shown);
                if (!start) return std::nullopt;
                return *start - shown.expected;
            };
            const Person::Shown& first = person.shown.front();
            into[{"first", first.promise ? "promise" : "standby"}].push_back(error_of(first));
            const Person::Shown* latest = latest_shown(interview_start);
            if (latest)
                into[{"latest", latest->promise ? "promise" : "standby"}].push_back(
                    error_of(*latest));
        };
        tally(errors, start_of);
        tally(errors_any, [&](const Person::Shown&) { return person.first_start; });
        if (options.estimate_trace) {
            const auto columns = [&](const Person::Shown& shown) {
                const std::optional<int> start = start_of(shown);
                return std::string(shown.promise ? "promise" : "standby") + "\t" + shown.booth +
                       "\tshown " + TimeOfDay(shown.at).str() + "\t" +
                       TimeOfDay(shown.expected).str() + "\t" +
                       (start ? TimeOfDay(*start).str() : "none") + "\t" +
                       (start ? std::to_string(*start - shown.expected) : "-") + "\t";
            };
            // "-" when every estimate came later than 30 minutes before.
            const Person::Shown* latest = latest_shown(start_of);
            std::string line = person.id + "\t" + columns(person.shown.front()) +
                               (latest ? columns(*latest) : "-\t-\t-\t-\t-\t-\t");
            for (const std::string& step : person.timeline)
                line += step + "; ";
            options.estimate_trace(line);
        }
    }
    for (const char* when : {"first", "latest"}) {
        for (const char* kind : {"promise", "standby"}) {
            report.estimates.rows.push_back(accuracy_row(when, kind, errors[{when, kind}]));
            report.estimates.rows_against_first_interview.push_back(
                accuracy_row(when, kind, errors_any[{when, kind}]));
        }
    }
    for (const Person& person : people) {
        if (!person.told_no_interview_at) continue;
        if (person.first_start && *person.first_start < *person.told_no_interview_at) continue;
        ++report.estimates.told_no_interview;
        ++report.estimates.told_no_interview_by_reason[person.told_no_interview_reason];
        if (!person.first_start) ++report.estimates.told_no_interview_right;
    }
    // Re-plans never cancel a promise (promises are locked): every cancelled promise has a
    // reason a person gave or the day imposed (the student left, the booth closed).
    const json log = api.get("/events?since=0", organizer).json();
    for (const auto& event : log["events"]) {
        if (event["kind"] == "student.checked_in" || event["kind"] == "schedule.saved") {
            ++report.replans;
        }
        if (event["kind"] == "interview.moved" && event.value("actor", "") == "server") {
            ++report.promises_moved_late;
        }
        if (event["kind"] == "interview.cancelled" &&
            parse_status(event["payload"].value("from", "")) != InterviewStatus::planned) {
            ++report.promises_cancelled[event["payload"].value("reason", "")];
        }
    }
    // Seat-slots freed and refilled, from the audit log as read minute by minute.
    read_new_events(last_minute);
    std::vector<StoredInterview> stored;
    const json timeline = api.get("/interviews", organizer).json();
    for (const auto& row : timeline.value("interviews", json::array())) {
        const auto start = TimeOfDay::parse(row.value("start", ""));
        const auto status = parse_status(row.value("status", ""));
        if (!start || !status) continue;
        StoredInterview interview;
        interview.id = row.value("interview", InterviewId{0});
        interview.interview =
            Interview{StudentId(row.value("student", "")), BoothId(row.value("booth", "")),
                      row.value("seat", 0), *start};
        interview.status = *status;
        stored.push_back(std::move(interview));
    }
    report.freed_seat_slots = count_freed_seat_slots(fair.settings, stored, timed_events);
    report.timed_events = std::move(timed_events);
    const auto mean_of = [](const std::vector<int>& values) {
        double sum = 0;
        for (int value : values)
            sum += value;
        return values.empty() ? 0.0 : sum / double(values.size());
    };
    report.mean_check_in_delay_minutes = mean_of(check_in_delays);
    report.mean_interview_minutes = mean_of(interview_lengths);

    std::sort(waits.begin(), waits.end());
    if (!waits.empty()) {
        double sum = 0;
        for (double wait : waits)
            sum += wait;
        report.mean_wait_minutes = sum / double(waits.size());
        report.p90_wait_minutes = waits[std::min(waits.size() - 1, waits.size() * 9 / 10)];
    }
    return report;
}

std::vector<std::string> check_day_invariants(const Store& store,
                                              const SimulationProgress& progress, bool day_over) {
    std::vector<std::string> violations;
    const auto rows = store.interviews();
    std::map<std::tuple<std::string, int, int>, InterviewId> seats;
    std::map<StudentId, InterviewId> busy;
    std::map<std::pair<StudentId, int>, InterviewId> student_slots;
    for (const auto& row : rows) {
        const Interview& interview = row.interview;
        const bool live =
            row.status != InterviewStatus::cancelled && row.status != InterviewStatus::no_show;
        if (live) {
            const auto seat =
                std::make_tuple(interview.booth.str(), interview.seat, interview.start.minutes());
            if (const auto [it, fresh] = seats.emplace(seat, row.id); !fresh) {
                violations.push_back("seat double-booked: interviews " +
                                     std::to_string(it->second) + " and " + std::to_string(row.id) +
                                     " at " + interview.booth.str() + " seat " +
                                     std::to_string(interview.seat) + " " + interview.start.str());
            }
            if (row.status != InterviewStatus::done) {
                const auto slot = std::make_pair(interview.student, interview.start.minutes());
                if (const auto [it, fresh] = student_slots.emplace(slot, row.id); !fresh) {
                    violations.push_back("student " + interview.student.str() +
                                         " has two interviews at " + interview.start.str());
                }
            }
        }
        if (row.status == InterviewStatus::called || row.status == InterviewStatus::in_progress) {
            if (const auto [it, fresh] = busy.emplace(interview.student, row.id); !fresh) {
                violations.push_back("student " + interview.student.str() +
                                     " is in two places: " + "interviews " +
                                     std::to_string(it->second) + " and " + std::to_string(row.id));
            }
        }
        if (row.status == InterviewStatus::cancelled &&
            (!row.cancel_reason || row.cancel_reason->empty())) {
            violations.push_back("interview " + std::to_string(row.id) +
                                 " was cancelled without a reason");
        }
        if (day_over && row.status == InterviewStatus::promised) {
            violations.push_back("promise broken: interview " + std::to_string(row.id) + " of " +
                                 interview.student.str() + " at " + interview.booth.str() + " " +
                                 interview.start.str() + " was neither kept nor cancelled");
        }
    }
    if (day_over) {
        // The day as it happened against the fair's rules (docs/simulation.md): every interview
        // held, in its seat and slot. A student's declared arrival and leaving (rule 3) are
        // only what the school said: the check-in and the day decide those.
        Schedule held;
        for (const auto& row : rows)
            if (row.status == InterviewStatus::done) held.interviews.push_back(row.interview);
        for (const Violation& violation : check_schedule(store.load_fair(), held).violations) {
            const bool student_window =
                violation.rule == 3 &&
                (violation.message.find(" arrives at ") != std::string::npos ||
                 violation.message.find(" leaves at ") != std::string::npos);
            if (!student_window) violations.push_back("the day as held, " + violation.message);
        }
    }
    const auto stored = store.check_ins();
    for (const auto& student : progress.checked_in) {
        if (!stored.count(StudentId(student))) {
            violations.push_back("check-in of " + student + " was acknowledged but is not stored");
        }
    }
    int walk_ins = 0;
    for (const auto& student : store.load_fair().students)
        walk_ins += student.id.str().starts_with("W");
    if (walk_ins < progress.walk_ins) {
        violations.push_back(std::to_string(progress.walk_ins) + " walk-ins acknowledged, " +
                             std::to_string(walk_ins) + " stored");
    }
    return violations;
}

std::vector<std::string> check_event_log(const Store& store, int& events_replayed) {
    std::vector<std::string> violations;
    const auto stored = store.interviews();
    std::map<InterviewId, const StoredInterview*> rows;
    for (const auto& row : stored)
        rows[row.id] = &row;
    const auto occupies = [](InterviewStatus status) {
        return status == InterviewStatus::called || status == InterviewStatus::in_progress;
    };
    std::map<InterviewId, InterviewStatus> logged;  // each interview's status as the log tells it
    std::map<std::pair<std::string, int>, InterviewId> seat_holder;
    std::map<std::string, InterviewId> student_holder;
    events_replayed = 0;
    const std::vector<EventRecord> events = store.events();

    // The seat of each interview as the replay goes: a promise sent back to wait (a skip) may
    // be moved to another seat later, so the stored seat holds only after its last move.
    std::map<InterviewId, std::pair<std::string, int>> seat_of;
    for (const auto& row : stored)
        seat_of[row.id] = {row.interview.booth.str(), row.interview.seat};
    std::set<InterviewId> moved;
    for (const EventRecord& event : events) {
        if (event.kind != "interview.moved") continue;
        const json payload = json::parse(event.payload_json, nullptr, false);
        if (!payload.is_object() || !payload.contains("from") || !payload.contains("interview") ||
            !payload["interview"].is_number_integer())
            continue;
        const InterviewId id = payload["interview"].get<InterviewId>();
        if (!moved.insert(id).second) continue;
        seat_of[id] = {payload["from"].value("booth", ""), payload["from"].value("seat", 0)};
    }

    const auto apply = [&](const EventRecord& event, InterviewId id, InterviewStatus to) {
        const auto row = rows.find(id);
        if (row == rows.end()) {
            violations.push_back("event " + std::to_string(event.id) + " names interview " +
                                 std::to_string(id) + ", which is not stored");
            return;
        }
        const Interview& interview = row->second->interview;
        const auto seat = seat_of[id];
        const std::string student = interview.student.str();
        if (occupies(logged[id])) {
            if (seat_holder[seat] == id) seat_holder.erase(seat);
            if (student_holder[student] == id) student_holder.erase(student);
        }
        if (occupies(to)) {
            const auto [in_seat, seat_free] = seat_holder.emplace(seat, id);
            if (!seat_free && in_seat->second != id) {
                violations.push_back("after event " + std::to_string(event.id) + ": " + seat.first +
                                     " seat " + std::to_string(seat.second) + " holds interviews " +
                                     std::to_string(in_seat->second) + " and " +
                                     std::to_string(id));
            }
            const auto [elsewhere, student_free] = student_holder.emplace(student, id);
            if (!student_free && elsewhere->second != id) {
                violations.push_back("after event " + std::to_string(event.id) + ": student " +
                                     student + " is in interviews " +
                                     std::to_string(elsewhere->second) + " and " +
                                     std::to_string(id) + " at once");
            }
        }
        logged[id] = to;
    };

    for (const EventRecord& event : events) {
        ++events_replayed;
        if (!event.kind.starts_with("interview.") && event.kind != "student.left") continue;
        const json payload = json::parse(event.payload_json, nullptr, false);
        if (!payload.is_object()) {
            violations.push_back("event " + std::to_string(event.id) + " has no readable payload");
            continue;
        }
        if (event.kind == "student.left") {
            for (const auto& id : payload.value("cancelled", json::array()))
                if (id.is_number_integer())
                    apply(event, id.get<InterviewId>(), InterviewStatus::cancelled);
            continue;
        }
        if (!payload.contains("interview") || !payload["interview"].is_number_integer()) continue;
        const InterviewId id = payload["interview"].get<InterviewId>();
        if (event.kind == "interview.moved") {
            if (occupies(logged[id])) {
                violations.push_back("event " + std::to_string(event.id) + " moves interview " +
                                     std::to_string(id) + " while its student is called or in it");
            }
            seat_of[id] = {payload.value("booth", ""), payload.value("seat", 0)};
            continue;
        }
        if (event.kind == "interview.called_from_standby") {
            apply(event, id, InterviewStatus::called);
        } else if (payload.contains("to") && payload["to"].is_string()) {
            const std::string to = payload["to"].get<std::string>();
            if (const auto status = parse_status(to)) {
                apply(event, id, *status);
            } else {
                violations.push_back("event " + std::to_string(event.id) + " moves interview " +
                                     std::to_string(id) + " to an unknown status \"" + to + "\"");
            }
        }
    }
    for (const auto& [id, status] : logged) {
        const auto row = rows.find(id);
        if (row == rows.end()) continue;  // said above
        if (row->second->status != status) {
            violations.push_back("interview " + std::to_string(id) + " is " +
                                 std::string(status_code(row->second->status)) +
                                 " in the database but " + std::string(status_code(status)) +
                                 " in the audit log");
        }
    }
    return violations;
}

}  // namespace jobfair
