// Reading and writing the fair contract. Sections:
//   1. Messages: places, quoting, JSON syntax errors with line and column
//   2. JsonObject: typed access to one object's fields, failing with the field's place
//   3. Instance reader: fair, booths, students, fixed interviews
//   4. Schedule reader
//   5. Writers and files
#include "common/fair_format.hpp"

#include <climits>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include "common/fair_date.hpp"
#include "common/schedule_check.hpp"

namespace jobfair {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;  // keeps the spec's field order when writing

// ---- 1. Messages -------------------------------------------------------------------------------

[[noreturn]] void fail(std::string_view place, std::string_view problem) {
    throw FairFormatError(std::string(place) + ": " + std::string(problem));
}

// Cuts `text` to at most `limit` bytes on a UTF-8 boundary, marking the cut.
std::string shortened(std::string text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut) + "...";
}

// A JSON value as it appears in a message, cut short so a huge value cannot flood the terminal.
std::string shown(const Json& value) {
    return shortened(value.dump(), 60);
}

std::string json_quoted(std::string_view text) {
    return shown(Json(std::string(text)));
}

// nlohmann reports a byte offset; people need the line and column (in characters) of the mistake.
std::string syntax_error_message(std::string_view text, const Json::parse_error& error) {
    const std::size_t offending = std::min(error.byte > 0 ? error.byte - 1 : 0, text.size());
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offending; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    std::size_t column = 1;
    for (std::size_t i = line_start; i < offending; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    // nlohmann's text reads "[json.exception.parse_error.101] parse error at ...: <detail>".
    const std::string what = error.what();
    const auto detail_start = what.find(": ", what.find("parse error"));
    // The detail quotes the token read so far, which may be a whole long string.
    const std::string detail =
        shortened(detail_start == std::string::npos ? what : what.substr(detail_start + 2), 200);
    return "JSON syntax error at line " + std::to_string(line) + ", column " +
           std::to_string(column) + ": " + detail;
}

Json parse_json(std::string_view text) {
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& error) {
        throw FairFormatError(syntax_error_message(text, error));
    } catch (const Json::exception& error) {  // e.g. out_of_range for the number 1e999
        throw FairFormatError("JSON value cannot be read: " + shortened(error.what(), 200));
    }
}

std::string element_place(std::string_view array_place, std::size_t index) {
    return std::string(array_place) + "[" + std::to_string(index) + "]";
}

// ---- 2. JsonObject -----------------------------------------------------------------------------

std::string expected(std::string_view what, const Json& found) {
    return "expected " + std::string(what) + ", found " +
           (found.is_number() || found.is_boolean() ? shown(found)
                                                    : std::string(found.type_name()));
}

int to_int(const Json& value, std::string_view place) {
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(INT_MAX))
            fail(place, shown(value) + " is too large");
        return static_cast<int>(number);
    }
    if (value.is_number_integer()) {
        const auto number = value.get<std::int64_t>();
        if (number < INT_MIN || number > INT_MAX) fail(place, shown(value) + " is out of range");
        return static_cast<int>(number);
    }
    fail(place, expected("an integer", value));
}

TimeOfDay to_time(const Json& value, std::string_view place) {
    if (!value.is_string()) fail(place, expected("a time \"HH:MM\"", value));
    const auto time = TimeOfDay::parse(value.get_ref<const std::string&>());
    if (!time)
        fail(place, "malformed time " + shown(value) + " (expected \"HH:MM\", two digits each)");
    return *time;
}

std::string to_string(const Json& value, std::string_view place) {
    if (!value.is_string()) fail(place, expected("a string", value));
    return value.get<std::string>();
}

const Json& to_array(const Json& value, std::string_view place) {
    if (!value.is_array()) fail(place, expected("an array", value));
    return value;
}

// One JSON object and its place in the document. Absent and null optional fields read as absent.
class JsonObject {
  public:
    JsonObject(const Json& value, std::string place) : value_(value), place_(std::move(place)) {
        if (!value.is_object())
            fail(place_.empty() ? "document" : place_, expected("an object", value));
    }

    const std::string& place() const { return place_; }
    void rename(std::string place) { place_ = std::move(place); }
    std::string place_of(std::string_view key) const {
        return place_.empty() ? std::string(key) : place_ + "." + std::string(key);
    }

    const Json* find(std::string_view key) const {
        const auto it = value_.find(key);
        if (it == value_.end() || it->is_null()) return nullptr;
        return &*it;
    }
    const Json& require(std::string_view key) const {
        const auto it = value_.find(key);
        if (it == value_.end()) fail(place_of(key), "missing");
        return *it;
    }

    std::string required_string(std::string_view key) const {
        return to_string(require(key), place_of(key));
    }
    std::optional<std::string> optional_string(std::string_view key) const {
        const Json* value = find(key);
        if (value == nullptr) return std::nullopt;
        return to_string(*value, place_of(key));
    }

    int required_int(std::string_view key) const { return to_int(require(key), place_of(key)); }
    std::optional<int> optional_int(std::string_view key) const {
        const Json* value = find(key);
        if (value == nullptr) return std::nullopt;
        return to_int(*value, place_of(key));
    }

    TimeOfDay required_time(std::string_view key) const {
        return to_time(require(key), place_of(key));
    }
    std::optional<TimeOfDay> optional_time(std::string_view key) const {
        const Json* value = find(key);
        if (value == nullptr) return std::nullopt;
        return to_time(*value, place_of(key));
    }

    std::optional<bool> optional_bool(std::string_view key) const {
        const Json* value = find(key);
        if (value == nullptr) return std::nullopt;
        if (!value->is_boolean()) fail(place_of(key), expected("true or false", *value));
        return value->get<bool>();
    }

    const Json& required_array(std::string_view key) const {
        return to_array(require(key), place_of(key));
    }
    const Json* optional_array(std::string_view key) const {
        const Json* value = find(key);
        if (value == nullptr) return nullptr;
        return &to_array(*value, place_of(key));
    }

  private:
    const Json& value_;
    std::string place_;
};

void require_format(const JsonObject& root, std::string_view format) {
    const Json* value = root.find("format");
    if (value == nullptr) fail("format", "missing (expected " + json_quoted(format) + ")");
    if (!value->is_string() || value->get_ref<const std::string&>() != format) {
        fail("format", "expected " + json_quoted(format) + ", found " + shown(*value));
    }
}

void require_at_least(int value, int minimum, const std::string& place) {
    if (value >= minimum) return;
    fail(place, std::to_string(value) + (minimum == 1   ? " is not positive"
                                         : minimum == 0 ? " is negative"
                                                        : " is too small"));
}

int optional_count(const JsonObject& object, std::string_view key, int default_value, int minimum) {
    const int value = object.optional_int(key).value_or(default_value);
    require_at_least(value, minimum, object.place_of(key));
    return value;
}

// ---- 3. Instance reader ------------------------------------------------------------------------

class InstanceReader {
  public:
    Fair read(const Json& document) {
        const JsonObject root(document, "");
        require_format(root, kInstanceFormat);
        read_settings(JsonObject(root.require("fair"), "fair"));
        read_booths(root.required_array("booths"));
        read_students(root.required_array("students"));
        if (const Json* fixed = root.optional_array("fixed")) read_fixed(*fixed);
        if (const Json* trades = root.optional_array("trades")) read_trades(*trades);
        check_fixed_against_hard_constraints();
        return std::move(fair_);
    }

  private:
    const SlotGrid& grid() const { return fair_.settings.grid; }

    std::string day_text() const {
        return "[" + grid().day_start.str() + ", " + grid().day_end.str() + "]";
    }

    // Times other than interview starts may fall anywhere inside [day_start, day_end].
    TimeOfDay time_in_day(const JsonObject& object, std::string_view key,
                          TimeOfDay default_value) const {
        const TimeOfDay time = object.optional_time(key).value_or(default_value);
        require_in_day(time, object.place_of(key));
        return time;
    }
    void require_in_day(TimeOfDay time, const std::string& place) const {
        if (time < grid().day_start || grid().day_end < time) {
            fail(place, time.str() + " is outside the fair's day " + day_text());
        }
    }

    void read_settings(const JsonObject& settings) {
        FairSettings& out = fair_.settings;
        out.name = settings.optional_string("name").value_or("");
        out.grid.slot_minutes = settings.required_int("slot_minutes");
        require_at_least(out.grid.slot_minutes, 1, "fair.slot_minutes");
        out.grid.day_start = settings.required_time("day_start");
        out.grid.day_end = settings.required_time("day_end");
        if (out.grid.day_end <= out.grid.day_start) {
            fail("fair.day_end",
                 out.grid.day_end.str() + " is not after day_start " + out.grid.day_start.str());
        }
        if (out.grid.slot_count() == 0) {
            fail("fair.slot_minutes", "no slot of " + std::to_string(out.grid.slot_minutes) +
                                          " minutes fits between day_start " +
                                          out.grid.day_start.str() + " and day_end " +
                                          out.grid.day_end.str());
        }
        out.student_gap_slots = optional_count(settings, "student_gap_slots", 0, 0);
        out.max_interviews_per_student =
            optional_count(settings, "max_interviews_per_student", 3, 0);
        out.date = settings.optional_string("date");
        if (out.date && !parse_iso_date(*out.date)) {
            fail("fair.date", "malformed date " + json_quoted(*out.date) +
                                  " (expected \"YYYY-MM-DD\", a real day)");
        }
        out.venue = settings.optional_string("venue");
        out.organizer = settings.optional_string("organizer");
    }

    // Project field: names of trades outside the built-in catalogue.
    void read_trades(const Json& trades) {
        for (std::size_t i = 0; i < trades.size(); ++i) {
            const JsonObject object(trades[i], element_place("trades", i));
            TradeName trade;
            trade.code = object.required_string("id");
            if (trade.code.empty()) fail(object.place_of("id"), "empty");
            trade.name_vi = object.optional_string("name_vi").value_or(trade.code);
            trade.name_en = object.optional_string("name_en").value_or(trade.name_vi);
            fair_.extra_trades.push_back(std::move(trade));
        }
    }

    void read_booths(const Json& booths) {
        fair_.booths.reserve(booths.size());
        for (std::size_t i = 0; i < booths.size(); ++i) {
            JsonObject object(booths[i], element_place("booths", i));
            Booth booth;
            booth.id = BoothId(object.required_string("id"));
            if (booth.id.empty()) fail(object.place_of("id"), "empty");
            object.rename(object.place() + " (" + booth.id.str() + ")");
            const auto [first, inserted] = booth_index_.emplace(booth.id.str(), i);
            if (!inserted) {
                fail(object.place(), "duplicate booth id " + json_quoted(booth.id.str()) +
                                         " (first at " + element_place("booths", first->second) +
                                         ")");
            }
            read_booth(object, booth);
            fair_.booths.push_back(std::move(booth));
        }
    }

    void read_booth(const JsonObject& object, Booth& booth) const {
        booth.enterprise = object.optional_string("enterprise").value_or("");
        booth.interviewers = optional_count(object, "interviewers", 1, 1);
        booth.open = time_in_day(object, "open", grid().day_start);
        booth.close = time_in_day(object, "close", grid().day_end);
        if (booth.close <= booth.open) {
            fail(object.place_of("close"),
                 booth.close.str() + " is not after open " + booth.open.str());
        }
        if (const Json* breaks = object.optional_array("breaks")) {
            for (std::size_t k = 0; k < breaks->size(); ++k) {
                booth.breaks.push_back(
                    read_break((*breaks)[k], element_place(object.place_of("breaks"), k)));
            }
        }
        if (const Json* occupations = object.optional_array("occupations")) {
            for (std::size_t k = 0; k < occupations->size(); ++k) {
                booth.occupations.push_back(
                    to_string((*occupations)[k], element_place(object.place_of("occupations"), k)));
            }
        }
        if (const auto level = object.optional_string("min_level")) {
            booth.min_level = to_level(*level, object.place_of("min_level"));
        }
        if (const auto cap = object.optional_int("max_interviews")) {
            require_at_least(*cap, 0, object.place_of("max_interviews"));
            booth.max_interviews = cap;
        }
        if (const Json* positions = object.optional_array("positions")) {
            for (std::size_t k = 0; k < positions->size(); ++k) {
                const JsonObject position((*positions)[k],
                                          element_place(object.place_of("positions"), k));
                Position out;
                out.title = position.optional_string("title").value_or("");
                out.occupation = position.optional_string("occupation");
                out.openings = position.optional_int("openings");
                if (out.openings) require_at_least(*out.openings, 0, position.place_of("openings"));
                booth.positions.push_back(std::move(out));
            }
        }
        booth.location = object.optional_string("location");
        booth.accepts_cvs = object.optional_bool("accepts_cvs").value_or(false);
    }

    TimeRange read_break(const Json& value, const std::string& place) const {
        if (!value.is_array() || value.size() != 2) {
            fail(place, expected("a pair [\"HH:MM\", \"HH:MM\"]", value));
        }
        const TimeRange pause{to_time(value[0], element_place(place, 0)),
                              to_time(value[1], element_place(place, 1))};
        require_in_day(pause.begin, element_place(place, 0));
        require_in_day(pause.end, element_place(place, 1));
        if (pause.end <= pause.begin) {
            fail(place,
                 "ends at " + pause.end.str() + ", not after its start " + pause.begin.str());
        }
        return pause;
    }

    static Level to_level(const std::string& text, const std::string& place) {
        const auto level = parse_level(text);
        if (!level) {
            fail(place, "unknown level " + json_quoted(text) +
                            " (expected none, intermediate, college or university)");
        }
        return *level;
    }

    void read_students(const Json& students) {
        fair_.students.reserve(students.size());
        std::unordered_map<std::string, std::size_t> first_at;
        for (std::size_t i = 0; i < students.size(); ++i) {
            JsonObject object(students[i], element_place("students", i));
            Student student;
            student.id = StudentId(object.required_string("id"));
            if (student.id.empty()) fail(object.place_of("id"), "empty");
            object.rename(object.place() + " (" + student.id.str() + ")");
            const auto [first, inserted] = student_index_.emplace(student.id.str(), i);
            if (!inserted) {
                fail(object.place(), "duplicate student id " + json_quoted(student.id.str()) +
                                         " (first at " + element_place("students", first->second) +
                                         ")");
            }
            read_student(object, student);
            fair_.students.push_back(std::move(student));
        }
    }

    void read_student(const JsonObject& object, Student& student) const {
        student.name = object.optional_string("name").value_or("");
        student.occupation = object.optional_string("occupation");
        if (const auto level = object.optional_string("level")) {
            student.level = to_level(*level, object.place_of("level"));
        }
        student.arrive = time_in_day(object, "arrive", grid().day_start);
        student.leave = time_in_day(object, "leave", grid().day_end);
        if (student.leave <= student.arrive) {
            fail(object.place_of("leave"),
                 student.leave.str() + " is not after arrive " + student.arrive.str());
        }
        const Json& preferences = object.required_array("preferences");
        const std::string preferences_place = object.place_of("preferences");
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t k = 0; k < preferences.size(); ++k) {
            const std::string place = element_place(preferences_place, k);
            std::string booth = to_string(preferences[k], place);
            if (!booth_index_.contains(booth)) fail(place, "unknown booth " + json_quoted(booth));
            const auto [first, inserted] = seen.emplace(booth, k);
            if (!inserted) {
                fail(place, "booth " + json_quoted(booth) + " repeated (already at " +
                                element_place(preferences_place, first->second) + ")");
            }
            student.preferences.emplace_back(std::move(booth));
        }
        if (const auto cap = object.optional_int("max_interviews")) {
            require_at_least(*cap, 0, object.place_of("max_interviews"));
            student.max_interviews = cap;
        }
        student.school = object.optional_string("school");
        student.class_name = object.optional_string("class");
    }

    // Each fixed interview on its own: known ids and a start on the slot grid.
    void read_fixed(const Json& fixed) {
        fair_.fixed.reserve(fixed.size());
        for (std::size_t i = 0; i < fixed.size(); ++i) {
            const JsonObject object(fixed[i], element_place("fixed", i));
            Interview interview;
            interview.student = StudentId(object.required_string("student"));
            interview.booth = BoothId(object.required_string("booth"));
            interview.seat = object.required_int("seat");
            interview.start = object.required_time("start");
            if (!student_index_.contains(interview.student.str())) {
                fail(object.place_of("student"),
                     "unknown student " + json_quoted(interview.student.str()));
            }
            if (!booth_index_.contains(interview.booth.str())) {
                fail(object.place_of("booth"),
                     "unknown booth " + json_quoted(interview.booth.str()));
            }
            if (!grid().slot_at(interview.start)) {
                fail(object.place_of("start"),
                     interview.start.str() + " is not a slot start (slots of " +
                         std::to_string(grid().slot_minutes) + " minutes from " +
                         grid().day_start.str() + ", the last starting at " +
                         grid().slot_start(grid().slot_count() - 1).str() + ")");
            }
            fair_.fixed.push_back(std::move(interview));
        }
    }

    // Together the fixed interviews must already form a valid (partial) schedule: the checker
    // finds every hard constraint they break; each is reported at the fixed entries involved.
    void check_fixed_against_hard_constraints() const {
        if (fair_.fixed.empty()) return;
        const CheckReport report = check_schedule(fair_, Schedule{fair_.fixed, 0});
        if (report.violations.empty()) return;
        constexpr std::size_t kMaxListed = 10;
        std::string message;
        for (std::size_t v = 0; v < report.violations.size() && v < kMaxListed; ++v) {
            const Violation& violation = report.violations[v];
            if (!message.empty()) message += "\n";
            std::string places;
            for (const std::size_t index : violation.interviews) {
                if (!places.empty()) places += ", ";
                places += element_place("fixed", index);
            }
            message += (places.empty() ? "fixed" : places) + ": " + violation.message;
        }
        if (report.violations.size() > kMaxListed) {
            message += "\n(and " + std::to_string(report.violations.size() - kMaxListed) +
                       " more fixed-interview violations)";
        }
        throw FairFormatError(message);
    }

    Fair fair_;
    std::unordered_map<std::string, std::size_t> booth_index_;
    std::unordered_map<std::string, std::size_t> student_index_;
};

// ---- 4. Schedule reader ------------------------------------------------------------------------

Schedule read_schedule_document(const Json& document) {
    const JsonObject root(document, "");
    require_format(root, kScheduleFormat);
    Schedule schedule;
    const Json& interviews = root.required_array("interviews");
    schedule.interviews.reserve(interviews.size());
    for (std::size_t i = 0; i < interviews.size(); ++i) {
        const JsonObject object(interviews[i], element_place("interviews", i));
        Interview interview;
        interview.student = StudentId(object.required_string("student"));
        interview.booth = BoothId(object.required_string("booth"));
        interview.seat = object.required_int("seat");
        interview.start = object.required_time("start");
        schedule.interviews.push_back(std::move(interview));
    }
    const Json& score = root.require("score");
    if (score.is_number_unsigned()) {
        if (score.get<std::uint64_t>() > static_cast<std::uint64_t>(LLONG_MAX)) {
            fail("score", shown(score) + " is too large");
        }
        schedule.score = static_cast<long long>(score.get<std::uint64_t>());
    } else if (score.is_number_integer()) {
        schedule.score = score.get<std::int64_t>();
    } else {
        fail("score", expected("an integer", score));
    }
    return schedule;
}

// ---- 5. Writers and files ----------------------------------------------------------------------

OrderedJson interview_json(const Interview& interview) {
    return OrderedJson{{"student", interview.student.str()},
                       {"booth", interview.booth.str()},
                       {"seat", interview.seat},
                       {"start", interview.start.str()}};
}

std::string pretty(const OrderedJson& document) {
    try {
        return document.dump(2) + "\n";  // UTF-8 kept as is, not \u-escaped
    } catch (const OrderedJson::type_error& error) {
        throw FairFormatError(std::string("cannot write JSON (text must be valid UTF-8): ") +
                              error.what());
    }
}

std::string read_whole_file(const std::filesystem::path& path) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        throw FairFormatError(path.string() + ": is a directory, not a JSON file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FairFormatError(path.string() + ": cannot open for reading");
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw FairFormatError(path.string() + ": read error");
    return std::move(content).str();
}

// Error messages from a file name the file first: "fair.json: students[3] (S0004).level: ...".
template <class Read>
auto read_file_with(const std::filesystem::path& path, Read read) {
    const std::string text = read_whole_file(path);
    try {
        return read(text);
    } catch (const FairFormatError& error) {
        throw FairFormatError(path.string() + ": " + error.what());
    }
}

}  // namespace

Fair read_instance(std::string_view json_text) {
    return InstanceReader().read(parse_json(json_text));
}

Fair read_instance_file(const std::filesystem::path& path) {
    return read_file_with(path, [](std::string_view text) { return read_instance(text); });
}

Schedule read_schedule(std::string_view json_text) {
    return read_schedule_document(parse_json(json_text));
}

Schedule read_schedule_file(const std::filesystem::path& path) {
    return read_file_with(path, [](std::string_view text) { return read_schedule(text); });
}

std::string write_instance(const Fair& fair) {
    const FairSettings& settings = fair.settings;
    OrderedJson document;
    document["format"] = kInstanceFormat;
    document["fair"] =
        OrderedJson{{"name", settings.name},
                    {"slot_minutes", settings.grid.slot_minutes},
                    {"day_start", settings.grid.day_start.str()},
                    {"day_end", settings.grid.day_end.str()},
                    {"student_gap_slots", settings.student_gap_slots},
                    {"max_interviews_per_student", settings.max_interviews_per_student}};
    if (settings.date) document["fair"]["date"] = *settings.date;
    if (settings.venue) document["fair"]["venue"] = *settings.venue;
    if (settings.organizer) document["fair"]["organizer"] = *settings.organizer;

    OrderedJson booths = OrderedJson::array();
    for (const Booth& booth : fair.booths) {
        OrderedJson out;
        out["id"] = booth.id.str();
        out["enterprise"] = booth.enterprise;
        out["interviewers"] = booth.interviewers;
        out["open"] = booth.open.str();
        out["close"] = booth.close.str();
        if (!booth.breaks.empty()) {
            OrderedJson breaks = OrderedJson::array();
            for (const TimeRange& pause : booth.breaks) {
                breaks.push_back(OrderedJson::array({pause.begin.str(), pause.end.str()}));
            }
            out["breaks"] = std::move(breaks);
        }
        if (!booth.occupations.empty()) out["occupations"] = booth.occupations;
        if (booth.min_level) out["min_level"] = level_code(*booth.min_level);
        if (booth.max_interviews) out["max_interviews"] = *booth.max_interviews;
        if (!booth.positions.empty()) {
            OrderedJson positions = OrderedJson::array();
            for (const Position& position : booth.positions) {
                OrderedJson one{{"title", position.title}};
                if (position.occupation) one["occupation"] = *position.occupation;
                if (position.openings) one["openings"] = *position.openings;
                positions.push_back(std::move(one));
            }
            out["positions"] = std::move(positions);
        }
        if (booth.location) out["location"] = *booth.location;
        if (booth.accepts_cvs) out["accepts_cvs"] = true;
        booths.push_back(std::move(out));
    }
    document["booths"] = std::move(booths);

    OrderedJson students = OrderedJson::array();
    for (const Student& student : fair.students) {
        OrderedJson out;
        out["id"] = student.id.str();
        out["name"] = student.name;
        if (student.occupation) out["occupation"] = *student.occupation;
        out["level"] = level_code(student.level);
        out["arrive"] = student.arrive.str();
        out["leave"] = student.leave.str();
        OrderedJson preferences = OrderedJson::array();
        for (const BoothId& booth : student.preferences)
            preferences.push_back(booth.str());
        out["preferences"] = std::move(preferences);
        if (student.max_interviews) out["max_interviews"] = *student.max_interviews;
        if (student.school) out["school"] = *student.school;
        if (student.class_name) out["class"] = *student.class_name;
        students.push_back(std::move(out));
    }
    document["students"] = std::move(students);

    OrderedJson fixed = OrderedJson::array();
    for (const Interview& interview : fair.fixed)
        fixed.push_back(interview_json(interview));
    document["fixed"] = std::move(fixed);
    if (!fair.extra_trades.empty()) {
        OrderedJson trades = OrderedJson::array();
        for (const TradeName& trade : fair.extra_trades) {
            trades.push_back(OrderedJson{
                {"id", trade.code}, {"name_vi", trade.name_vi}, {"name_en", trade.name_en}});
        }
        document["trades"] = std::move(trades);
    }
    return pretty(document);
}

std::string write_schedule(const Schedule& schedule) {
    OrderedJson document;
    document["format"] = kScheduleFormat;
    OrderedJson interviews = OrderedJson::array();
    for (const Interview& interview : schedule.interviews) {
        interviews.push_back(interview_json(interview));
    }
    document["interviews"] = std::move(interviews);
    document["score"] = schedule.score;
    return pretty(document);
}

}  // namespace jobfair
