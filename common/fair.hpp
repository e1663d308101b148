// The domain model of one fair: settings, booths, students, and the interviews between them.
// Mirrors ../shared/spec/fair-format.md with every optional field resolved to its default.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/ids.hpp"
#include "common/level.hpp"
#include "common/time_of_day.hpp"

namespace jobfair {

struct FairSettings {
    std::string name;
    SlotGrid grid;                       // slot_minutes, day_start, day_end
    int student_gap_slots = 0;           // free slots a student needs between two interviews
    int max_interviews_per_student = 3;  // cap for students without their own
    // v1.1, shown on tickets, sheets, screens and reports; never replaced by the machine's date.
    std::optional<std::string> date;  // "YYYY-MM-DD"
    std::optional<std::string> venue;
    std::optional<std::string> organizer;

    friend bool operator==(const FairSettings&, const FairSettings&) = default;
};

// v1.1: a job an enterprise recruits for, for the labour department's report.
struct Position {
    std::string title;
    std::optional<std::string> occupation;  // trade code
    std::optional<int> openings;

    friend bool operator==(const Position&, const Position&) = default;
};

struct Booth {
    BoothId id;
    std::string enterprise;
    int interviewers = 1;  // parallel seats, numbered 0..interviewers-1
    TimeOfDay open;
    TimeOfDay close;
    std::vector<TimeRange> breaks;
    std::vector<std::string> occupations;  // empty: any occupation
    std::optional<Level> min_level;
    std::optional<int> max_interviews;  // cap for the day
    std::vector<Position> positions;    // v1.1
    // Project fields beside the contract: where the booth stands in the hall ("Dãy A, số 7"),
    // and whether it takes CVs from students it cannot interview.
    std::optional<std::string> location;
    bool accepts_cvs = false;

    int seats() const { return interviewers; }
    friend bool operator==(const Booth&, const Booth&) = default;
};

struct Student {
    StudentId id;
    std::string name;                       // NFC
    std::optional<std::string> occupation;  // none: eligible only where booths accept any trade
    Level level = Level::none;
    TimeOfDay arrive;
    TimeOfDay leave;
    std::vector<BoothId> preferences;   // most wanted first, no repeats
    std::optional<int> max_interviews;  // nullopt: the fair's max_interviews_per_student
    // v1.1: the school and class the student came with; the one place a student's school lives.
    std::optional<std::string> school;
    std::optional<std::string> class_name;  // "class" in the contract

    friend bool operator==(const Student&, const Student&) = default;
};

// One interview on the grid: who meets whom, at which seat, when.
struct Interview {
    StudentId student;
    BoothId booth;
    int seat = 0;
    TimeOfDay start;

    friend bool operator==(const Interview&, const Interview&) = default;
    friend auto operator<=>(const Interview&, const Interview&) = default;
};

// A trade outside the built-in catalogue (common/occupations.hpp), named by the organizer.
struct TradeName {
    std::string code;
    std::string name_vi;
    std::string name_en;

    friend bool operator==(const TradeName&, const TradeName&) = default;
};

struct Fair {
    FairSettings settings;
    std::vector<Booth> booths;
    std::vector<Student> students;
    std::vector<Interview> fixed;         // promised interviews every schedule keeps exactly
    std::vector<TradeName> extra_trades;  // project field "trades": names of codes not built in

    const Booth* find_booth(const BoothId& id) const;
    const Student* find_student(const StudentId& id) const;
    int max_interviews_of(const Student& student) const {
        return student.max_interviews.value_or(settings.max_interviews_per_student);
    }
    friend bool operator==(const Fair&, const Fair&) = default;
};

struct Schedule {
    std::vector<Interview> interviews;
    long long score = 0;  // the producer's claim; checkers recompute it
};

// Rule 4: occupation in the booth's list (when the list is not empty) and level >= min_level.
enum class Ineligibility { none, trade, level };
Ineligibility eligibility_of(const Student& student, const Booth& booth);
inline bool is_eligible(const Student& student, const Booth& booth) {
    return eligibility_of(student, booth) == Ineligibility::none;
}

// Objective: points for the booth's 1-based rank in the student's preferences.
constexpr int points_for_rank(int rank) {
    return rank <= 1 ? 5 : (rank >= 5 ? 1 : 6 - rank);
}
constexpr long long kCoverageWeight = 1000;

// 1-based rank of `booth` in the student's preferences, or 0 when absent.
int preference_rank(const Student& student, const BoothId& booth);

// score = 1000 * covered + sum of points(rank); interviews naming unknown ids or booths outside
// the student's preferences contribute nothing (the checker reports them).
long long score_of(const Fair& fair, const std::vector<Interview>& interviews);

}  // namespace jobfair
