// The day's exports and summary. Sections:
//   1. Writing   - CSV fields and records, HTML escaping, Vietnamese number formats
//   2. The day   - one read of the store, with lookups by id
//   3. Tallies   - interviews counted by status and outcome
//   4. CSV files - interviews, outcomes by enterprise and by trade, attendance by school
//   5. Figures   - the numbers of the summary
//   6. Summary   - the one-page HTML report
//   7. By name   - what the server serves at /api/v1/exports/{name}
#include "scheduler/reports/reports.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "common/fair_date.hpp"
#include "common/level.hpp"
#include "common/occupations.hpp"
#include "common/text.hpp"
#include "common/ticket.hpp"
#include "scheduler/reports/day_report.hpp"

namespace jobfair::reports {

namespace {

constexpr std::string_view kCsvType = "text/csv; charset=utf-8";
constexpr std::string_view kHtmlType = "text/html; charset=utf-8";
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kNoSchool = "(chưa ghi trường / school not recorded)";
constexpr std::string_view kNoTradeVi = "(không có nghề)";
constexpr std::string_view kNoTradeEn = "(no trade)";

constexpr std::array<std::string_view, 5> kExportNames{
    "interviews.csv", "outcomes-by-enterprise.csv", "outcomes-by-trade.csv",
    "attendance-by-school.csv", "summary.html"};

// ---- 1. Writing -------------------------------------------------------------------------------

std::string csv_file(const std::vector<std::vector<std::string>>& records) {
    std::string out(kByteOrderMark);
    for (const auto& record : records)
        out += csv_record(record);
    return out;
}

std::string number(long long value) {
    return std::to_string(value);
}

// 1234567 -> "1.234.567", the Vietnamese grouping.
std::string grouped(long long value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<size_t>(i), ".");
    return value < 0 ? "-" + digits : digits;
}

// One decimal with a decimal comma: 23.45 -> "23,5".
std::string decimal(double value) {
    const long long tenths = static_cast<long long>(value * 10.0 + 0.5);
    return grouped(tenths / 10) + "," + std::to_string(tenths % 10);
}

std::string percent(int part, int whole) {
    if (whole <= 0) return "—";
    return decimal(100.0 * part / whole) + "%";
}

std::string status_label(InterviewStatus status) {
    switch (status) {
        case InterviewStatus::planned:
            return "Dự kiến / planned";
        case InterviewStatus::promised:
            return "Đã hẹn / promised";
        case InterviewStatus::called:
            return "Đang gọi / called";
        case InterviewStatus::in_progress:
            return "Đang phỏng vấn / in progress";
        case InterviewStatus::done:
            return "Đã phỏng vấn / done";
        case InterviewStatus::no_show:
            return "Vắng mặt / no-show";
        case InterviewStatus::cancelled:
            return "Đã hủy / cancelled";
    }
    return std::string(status_code(status));
}

// ---- 2. The day -------------------------------------------------------------------------------

struct Day {
    Fair fair;
    std::vector<StoredInterview> interviews;
    std::map<StudentId, TimeOfDay> check_ins;
    std::map<StudentId, std::uint32_t> tickets;
    std::map<StudentId, Store::StudentDetails> details;
    std::map<BoothId, size_t> booth_index;
    std::map<StudentId, size_t> student_index;

    const Booth* booth(const BoothId& id) const {
        const auto it = booth_index.find(id);
        return it == booth_index.end() ? nullptr : &fair.booths[it->second];
    }
    size_t booth_position(const BoothId& id) const {
        const auto it = booth_index.find(id);
        return it == booth_index.end() ? fair.booths.size() : it->second;
    }
    const Student* student(const StudentId& id) const {
        const auto it = student_index.find(id);
        return it == student_index.end() ? nullptr : &fair.students[it->second];
    }
    bool is_walk_in(const StudentId& id) const {
        const auto it = details.find(id);
        return it != details.end() && it->second.registered_via == "walk_in";
    }
    // NFC with spaces collapsed, so one school typed two ways is still one school.
    std::optional<std::string> school(const StudentId& id) const {
        const auto it = details.find(id);
        if (it == details.end() || !it->second.school) return std::nullopt;
        std::string name = collapse_spaces(to_nfc(*it->second.school));
        if (name.empty()) return std::nullopt;
        return name;
    }
    // The trade in Vietnamese; "Ngành khác: ..." with the name a walk-in typed (Other trade).
    std::string trade(const Student& student) const {
        if (student.occupation) return occupation_display_name(*student.occupation, true);
        const auto it = details.find(student.id);
        if (it == details.end() || !it->second.occupation_text) return "";
        return other_trade_display_name(*it->second.occupation_text, true);
    }
};

Day read_day(const Store& store) {
    Day day;
    day.fair = store.load_fair();
    day.interviews = store.interviews();
    day.check_ins = store.check_ins();
    for (const Store::TicketRecord& ticket : store.tickets())
        day.tickets[ticket.student] = ticket.number;
    day.details = store.all_student_details();
    for (size_t b = 0; b < day.fair.booths.size(); ++b)
        day.booth_index.emplace(day.fair.booths[b].id, b);
    for (size_t s = 0; s < day.fair.students.size(); ++s)
        day.student_index.emplace(day.fair.students[s].id, s);
    return day;
}

// "14/03/2025": the fair's own date (contract v1.1), never the machine's or a check-in's.
std::optional<std::string> fair_date(const FairSettings& settings) {
    const auto date = settings.date ? parse_iso_date(*settings.date) : std::nullopt;
    if (!date) return std::nullopt;
    char text[16];
    std::snprintf(text, sizeof text, "%02d/%02d/%04d", date->day, date->month, date->year);
    return std::string(text);
}

// ---- 3. Tallies -------------------------------------------------------------------------------

struct Tally {
    int done = 0;
    int offer = 0;
    int internship = 0;
    int next_round = 0;
    int not_suitable = 0;
    int no_outcome = 0;
    int no_shows = 0;
    int cancelled = 0;

    void add(const StoredInterview& row) {
        if (row.status == InterviewStatus::no_show) ++no_shows;
        if (row.status == InterviewStatus::cancelled) ++cancelled;
        if (row.status != InterviewStatus::done) return;
        ++done;
        if (!row.outcome) {
            ++no_outcome;
            return;
        }
        switch (*row.outcome) {
            case InterviewOutcome::offer:
                ++offer;
                break;
            case InterviewOutcome::internship:
                ++internship;
                break;
            case InterviewOutcome::next_round:
                ++next_round;
                break;
            case InterviewOutcome::not_suitable:
                ++not_suitable;
                break;
        }
    }
    std::vector<std::string> fields() const {
        return {number(done),         number(offer),      number(internship), number(next_round),
                number(not_suitable), number(no_outcome), number(no_shows),   number(cancelled)};
    }
};

const std::vector<std::string> kTallyHeaders{"Đã phỏng vấn / Interviews done",
                                             "Nhận việc / Offer",
                                             "Thực tập / Internship",
                                             "Vòng sau / Next round",
                                             "Chưa phù hợp / Not suitable",
                                             "Chưa ghi kết quả / No outcome recorded",
                                             "Vắng mặt / No-shows",
                                             "Đã hủy / Cancelled"};

std::vector<std::string> with_tally_headers(std::vector<std::string> leading) {
    leading.insert(leading.end(), kTallyHeaders.begin(), kTallyHeaders.end());
    return leading;
}

// A student's trade as the key of a per-trade table: the code, or nullopt for none.
using TradeKey = std::optional<std::string>;

TradeKey trade_of(const Day& day, const StudentId& id) {
    const Student* student = day.student(id);
    return student ? student->occupation : std::nullopt;
}

std::map<TradeKey, Tally> tally_by_trade(const Day& day) {
    std::map<TradeKey, Tally> by_trade;
    for (const Student& student : day.fair.students)
        by_trade[student.occupation];  // every trade at the fair, even without interviews
    for (const StoredInterview& row : day.interviews)
        by_trade[trade_of(day, row.interview.student)].add(row);
    return by_trade;
}

// Trades with most interviews done first, then by code; students without a trade last.
std::vector<std::pair<TradeKey, Tally>> ranked_trades(const Day& day) {
    const auto by_trade = tally_by_trade(day);
    std::vector<std::pair<TradeKey, Tally>> ranked(by_trade.begin(), by_trade.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
        if (a.second.done != b.second.done) return a.second.done > b.second.done;
        return a.first < b.first;
    });
    return ranked;
}

struct SchoolRow {
    int pre_registered = 0;
    int checked_in = 0;
    int walk_ins = 0;
    int students_interviewed = 0;
    int interviews_done = 0;
    int offers = 0;
};

// Keyed by school; nullopt gathers the students with no school recorded.
std::map<std::optional<std::string>, SchoolRow> tally_by_school(const Day& day) {
    std::map<StudentId, std::pair<int, int>> done_and_offers;
    for (const StoredInterview& row : day.interviews) {
        if (row.status != InterviewStatus::done) continue;
        auto& [done, offers] = done_and_offers[row.interview.student];
        ++done;
        if (row.outcome == InterviewOutcome::offer) ++offers;
    }
    std::map<std::optional<std::string>, SchoolRow> by_school;
    for (const Student& student : day.fair.students) {
        SchoolRow& school = by_school[day.school(student.id)];
        if (day.is_walk_in(student.id)) {
            ++school.walk_ins;
        } else {
            ++school.pre_registered;
        }
        if (day.check_ins.count(student.id) > 0) ++school.checked_in;
        const auto done = done_and_offers.find(student.id);
        if (done != done_and_offers.end()) {
            ++school.students_interviewed;
            school.interviews_done += done->second.first;
            school.offers += done->second.second;
        }
    }
    return by_school;
}

}  // namespace

std::string outcome_label(const std::optional<InterviewOutcome>& outcome) {
    if (!outcome) return "";
    switch (*outcome) {
        case InterviewOutcome::offer:
            return "Nhận việc / offer";
        case InterviewOutcome::internship:
            return "Thực tập / internship";
        case InterviewOutcome::next_round:
            return "Vòng sau / next round";
        case InterviewOutcome::not_suitable:
            return "Chưa phù hợp / not suitable";
    }
    return std::string(outcome_code(*outcome));
}

// ---- 1. Writing (continued): the public building blocks -----------------------------------

std::string csv_field(std::string_view text) {
    std::string value(text);
    // Formula injection: a spreadsheet would run a cell starting with one of these.
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string::npos) {
        value.insert(0, 1, '\'');
    }
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string csv_record(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out.push_back(',');
        out += csv_field(fields[i]);
    }
    out += "\r\n";
    return out;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

// ---- 4. CSV files -----------------------------------------------------------------------------

std::string interviews_csv(const Store& store) {
    const Day day = read_day(store);
    std::vector<const StoredInterview*> rows;
    for (const StoredInterview& row : day.interviews)
        rows.push_back(&row);
    std::sort(rows.begin(), rows.end(), [&](const StoredInterview* a, const StoredInterview* b) {
        return std::make_tuple(a->interview.start, day.booth_position(a->interview.booth),
                               a->interview.seat, a->id) <
               std::make_tuple(b->interview.start, day.booth_position(b->interview.booth),
                               b->interview.seat, b->id);
    });

    std::vector<std::vector<std::string>> records{
        {"Mã lượt PV / Interview id", "Gian hàng / Booth", "Doanh nghiệp / Enterprise",
         "Bàn / Seat", "Bắt đầu / Start", "Kết thúc / End", "Trạng thái / Status",
         "Mã học viên / Student id", "Vé / Ticket", "Họ và tên / Full name", "Nghề / Trade",
         "Trình độ / Level", "Trường / School", "Kết quả / Outcome", "Ghi chú / Note",
         "Lý do hủy / Cancel reason"}};
    const int slot_minutes = day.fair.settings.grid.slot_minutes;
    for (const StoredInterview* row : rows) {
        const Interview& interview = row->interview;
        const Booth* booth = day.booth(interview.booth);
        const Student* student = day.student(interview.student);
        const auto ticket = day.tickets.find(interview.student);
        records.push_back({
            number(row->id),
            interview.booth.str(),
            booth ? booth->enterprise : "",
            number(interview.seat + 1),
            interview.start.str(),
            interview.start.plus_minutes(slot_minutes).str(),
            status_label(row->status),
            interview.student.str(),
            ticket == day.tickets.end() ? "" : ticket_label(ticket->second),
            student ? student->name : "",
            student ? day.trade(*student) : "",
            student ? std::string(level_name_vi(student->level)) : "",
            day.school(interview.student).value_or(""),
            outcome_label(row->outcome),
            row->note.value_or(""),
            row->cancel_reason.value_or(""),
        });
    }
    return csv_file(records);
}

std::string outcomes_by_enterprise_csv(const Store& store) {
    const Day day = read_day(store);
    std::vector<Tally> tallies(day.fair.booths.size());
    for (const StoredInterview& row : day.interviews) {
        const size_t b = day.booth_position(row.interview.booth);
        if (b < tallies.size()) tallies[b].add(row);
    }
    std::vector<std::vector<std::string>> records{
        with_tally_headers({"Gian hàng / Booth", "Doanh nghiệp / Enterprise",
                            "Vị trí tuyển dụng / Positions", "Chỉ tiêu tuyển / Openings"})};
    for (size_t b = 0; b < day.fair.booths.size(); ++b) {
        const Booth& booth = day.fair.booths[b];
        // The jobs offered (contract v1.1): titles with their openings, and the total when known.
        std::string positions;
        std::optional<int> openings;
        for (const Position& position : booth.positions) {
            if (!positions.empty()) positions += "; ";
            positions += position.title;
            if (position.openings) {
                positions += " (" + std::to_string(*position.openings) + ")";
                openings = openings.value_or(0) + *position.openings;
            }
        }
        std::vector<std::string> record{booth.id.str(), booth.enterprise, positions,
                                        openings ? std::to_string(*openings) : ""};
        for (std::string& field : tallies[b].fields())
            record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return csv_file(records);
}

std::string outcomes_by_trade_csv(const Store& store) {
    const Day day = read_day(store);
    std::vector<std::vector<std::string>> records{with_tally_headers(
        {"Mã nghề / Trade code", "Nghề / Trade", "Nghề (tiếng Anh) / Trade (English)"})};
    for (const auto& [trade, tally] : ranked_trades(day)) {
        std::vector<std::string> record;
        if (trade) {
            record = {*trade, occupation_display_name(*trade, true),
                      occupation_display_name(*trade, false)};
        } else {
            record = {"", std::string(kNoTradeVi), std::string(kNoTradeEn)};
        }
        for (std::string& field : tally.fields())
            record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return csv_file(records);
}

std::string attendance_by_school_csv(const Store& store) {
    const Day day = read_day(store);
    const auto by_school = tally_by_school(day);
    std::vector<std::pair<std::optional<std::string>, SchoolRow>> ranked(by_school.begin(),
                                                                         by_school.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
        return std::make_tuple(-a.second.pre_registered, -a.second.walk_ins, a.first) <
               std::make_tuple(-b.second.pre_registered, -b.second.walk_ins, b.first);
    });
    std::vector<std::vector<std::string>> records{
        {"Trường / School", "Đăng ký trước / Pre-registered", "Đã check-in / Checked in",
         "Đăng ký tại chỗ / Walk-ins", "Học viên được phỏng vấn / Students interviewed",
         "Lượt phỏng vấn / Interviews done", "Nhận việc / Offers"}};
    for (const auto& [school, row] : ranked) {
        records.push_back({school.value_or(std::string(kNoSchool)), number(row.pre_registered),
                           number(row.checked_in), number(row.walk_ins),
                           number(row.students_interviewed), number(row.interviews_done),
                           number(row.offers)});
    }
    return csv_file(records);
}

// ---- 5. Figures -------------------------------------------------------------------------------

DayFigures day_figures(const Store& store, TimeOfDay now) {
    const Day day = read_day(store);
    DayFigures figures;
    figures.fair_name = day.fair.settings.name;
    figures.date = fair_date(day.fair.settings);
    figures.date_line = fair_date_line(day.fair.settings.date);
    figures.venue = day.fair.settings.venue;
    figures.organizer = day.fair.settings.organizer;
    figures.now = now;
    figures.booths = static_cast<int>(day.fair.booths.size());
    std::set<std::string> enterprises;
    for (const Booth& booth : day.fair.booths) {
        enterprises.insert(booth.enterprise);
        figures.seats += booth.seats();
    }
    figures.enterprises = static_cast<int>(enterprises.size());

    for (const Student& student : day.fair.students) {
        const bool checked_in = day.check_ins.count(student.id) > 0;
        figures.checked_in += checked_in;
        if (day.is_walk_in(student.id)) {
            ++figures.walk_ins;
        } else {
            ++figures.pre_registered;
            figures.pre_registered_checked_in += checked_in;
        }
    }

    Tally all;
    std::set<StudentId> interviewed;
    std::map<StudentId, TimeOfDay> first_met;
    for (const StoredInterview& row : day.interviews) {
        all.add(row);
        switch (row.status) {
            case InterviewStatus::planned:
            case InterviewStatus::promised:
            case InterviewStatus::called:
                ++figures.open_interviews;
                break;
            case InterviewStatus::in_progress:
                ++figures.open_interviews;
                [[fallthrough]];
            case InterviewStatus::done: {
                if (row.status == InterviewStatus::done) interviewed.insert(row.interview.student);
                auto [it, inserted] = first_met.emplace(row.interview.student, row.interview.start);
                if (!inserted) it->second = std::min(it->second, row.interview.start);
                break;
            }
            case InterviewStatus::no_show:
            case InterviewStatus::cancelled:
                break;
        }
    }
    figures.students_interviewed = static_cast<int>(interviewed.size());
    figures.interviews_done = all.done;
    figures.no_shows = all.no_shows;
    figures.cancelled = all.cancelled;
    figures.offers = all.offer;
    figures.internships = all.internship;
    figures.next_rounds = all.next_round;
    figures.not_suitable = all.not_suitable;
    figures.no_outcome = all.no_outcome;

    // A student called from standby into a slot already under way waited 0 minutes.
    std::vector<int> waits;
    for (const auto& [student, checked_in_at] : day.check_ins) {
        const auto met = first_met.find(student);
        if (met == first_met.end()) continue;
        waits.push_back(std::max(0, met->second.minutes() - checked_in_at.minutes()));
    }
    std::sort(waits.begin(), waits.end());
    figures.waits_counted = static_cast<int>(waits.size());
    if (!waits.empty()) {
        long long total = 0;
        for (int wait : waits)
            total += wait;
        figures.wait_mean_minutes = static_cast<double>(total) / static_cast<double>(waits.size());
        const size_t rank = (9 * waits.size() + 9) / 10;  // nearest rank: ceil(0.9 n)
        figures.wait_p90_minutes = waits[rank - 1];
    }

    for (const auto& [trade, tally] : ranked_trades(day)) {
        if (!trade || tally.done == 0 || figures.top_trades.size() == kTopLines) continue;
        figures.top_trades.push_back({occupation_display_name(*trade, true),
                                      occupation_display_name(*trade, false), tally.done,
                                      tally.offer});
    }

    std::vector<RankedLine> schools;
    for (const auto& [school, row] : tally_by_school(day)) {
        if (!school || row.checked_in == 0) continue;
        schools.push_back({*school, *school, row.checked_in, row.offers});
    }
    std::stable_sort(schools.begin(), schools.end(), [](const auto& a, const auto& b) {
        return a.count != b.count ? a.count > b.count : a.name_vi < b.name_vi;
    });
    if (schools.size() > kTopLines) schools.resize(kTopLines);
    figures.top_schools = std::move(schools);

    std::vector<Tally> by_booth(day.fair.booths.size());
    for (const StoredInterview& row : day.interviews) {
        const size_t b = day.booth_position(row.interview.booth);
        if (b < by_booth.size()) by_booth[b].add(row);
    }
    std::vector<size_t> order;
    for (size_t b = 0; b < by_booth.size(); ++b) {
        if (by_booth[b].done > 0) order.push_back(b);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return by_booth[a].done > by_booth[b].done; });
    for (size_t i = 0; i < order.size() && i < kTopLines; ++i) {
        const Booth& booth = day.fair.booths[order[i]];
        figures.top_booths.push_back(
            {booth.enterprise, booth.id.str(), by_booth[order[i]].done, by_booth[order[i]].offer});
    }
    return figures;
}

// ---- 6. Summary -------------------------------------------------------------------------------

namespace {

constexpr std::string_view kStyle = R"css(
@page { size: A4 portrait; margin: 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 9.5pt; color: #111;
       line-height: 1.3; max-width: 182mm; margin: 8mm auto; }
.en { color: #555; font-style: italic; font-weight: normal; }
header { border-bottom: 2px solid #1f4e79; padding-bottom: 2mm; margin-bottom: 3mm; }
.to { margin: 0 0 1mm; font-size: 9pt; }
h1 { font-size: 14pt; margin: 1mm 0; color: #1f4e79; }
h2 { font-size: 10.5pt; margin: 3mm 0 1mm; color: #1f4e79; }
.meta { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #b8c4d0; padding: 0.8mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #e8eef4; font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.key td:first-child { width: 58%; }
.columns { display: flex; gap: 4mm; }
.columns > section { flex: 1; min-width: 0; }
footer { margin-top: 3mm; font-size: 7.5pt; color: #444; border-top: 1px solid #b8c4d0;
         padding-top: 1mm; }
footer p { margin: 0.5mm 0; }
.chart { margin: 1mm 0 2mm; }
.chart svg { width: 100%; height: auto; }
.chart text { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; }
.note { font-size: 8pt; color: #444; margin: 0.5mm 0; }
.page { break-before: page; }
@media print {
  body { margin: 0; max-width: none; }
  section, table, tr { break-inside: avoid; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

// "Tiếng Việt<br><span class=en>English</span>": Vietnamese first, English second.
std::string both(std::string_view vi, std::string_view en) {
    return html_escape(vi) + "<br><span class=\"en\">" + html_escape(en) + "</span>";
}

std::string key_row(std::string_view vi, std::string_view en, const std::string& value_html) {
    return "<tr><td>" + both(vi, en) + "</td><td class=\"n\">" + value_html + "</td></tr>\n";
}

std::string ranked_table(std::string_view title_vi, std::string_view title_en,
                         std::string_view name_vi, std::string_view name_en,
                         std::string_view count_vi, std::string_view count_en,
                         const std::vector<RankedLine>& lines, bool show_english_name) {
    std::string html = "<section>\n<h2>" + both(title_vi, title_en) + "</h2>\n<table>\n";
    html += "<tr><th>" + both(name_vi, name_en) + "</th><th class=\"n\">" +
            both(count_vi, count_en) + "</th><th class=\"n\">" + both("Nhận việc", "Offers") +
            "</th></tr>\n";
    if (lines.empty()) {
        html +=
            "<tr><td colspan=\"3\">" + both("Chưa có số liệu", "No figures yet") + "</td></tr>\n";
    }
    for (const RankedLine& line : lines) {
        html += "<tr><td>" +
                (show_english_name ? both(line.name_vi, line.name_en) : html_escape(line.name_vi)) +
                "</td><td class=\"n\">" + grouped(line.count) + "</td><td class=\"n\">" +
                grouped(line.offers) + "</td></tr>\n";
    }
    html += "</table>\n</section>\n";
    return html;
}

std::string outcome_row(std::string_view vi, std::string_view en, int count, int done) {
    return "<tr><td>" + both(vi, en) + "</td><td class=\"n\">" + grouped(count) +
           "</td><td class=\"n\">" + percent(count, done) + "</td></tr>\n";
}

// ---- Charts: inline SVG drawn here (no script, no internet; prints as it shows). Inline SVG in
// HTML needs no namespace attribute, so the page names no address at all. ---------------------

std::string svg_text(double x, double y, const std::string& text, std::string_view anchor,
                     double size = 9, std::string_view fill = "#222") {
    char head[160];
    std::snprintf(head, sizeof head,
                  "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"%s\" "
                  "fill=\"%s\">",
                  x, y, size, std::string(anchor).c_str(), std::string(fill).c_str());
    return head + html_escape(text) + "</text>";
}

std::string svg_rect(double x, double y, double w, double h, std::string_view fill) {
    char rect[160];
    std::snprintf(rect, sizeof rect,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                  "fill=\"%s\"/>",
                  x, y, w, std::max(0.0, h), std::string(fill).c_str());
    return rect;
}

// Vertical bars with their values above and labels below; `caption` names the axis.
std::string column_chart(const std::vector<std::string>& labels, const std::vector<int>& values,
                         const std::string& caption, std::string_view fill) {
    constexpr double kWidth = 680, kHeight = 190, kLeft = 8, kTop = 14, kBottom = 36;
    const int top =
        std::max(1, values.empty() ? 1 : *std::max_element(values.begin(), values.end()));
    const double plot = kHeight - kTop - kBottom;
    const double step = values.empty() ? 0 : (kWidth - 2 * kLeft) / double(values.size());
    std::string svg = "<div class=\"chart\"><svg viewBox=\"0 0 680 190\" role=\"img\">";
    svg += "<line x1=\"8\" y1=\"" + std::to_string(int(kTop + plot)) + "\" x2=\"672\" y2=\"" +
           std::to_string(int(kTop + plot)) + "\" stroke=\"#888\"/>";
    for (size_t i = 0; i < values.size(); ++i) {
        const double h = plot * values[i] / top;
        const double x = kLeft + step * double(i);
        svg += svg_rect(x + step * 0.12, kTop + plot - h, step * 0.76, h, fill);
        svg += svg_text(x + step / 2, kTop + plot - h - 2, std::to_string(values[i]), "middle", 8);
        svg += svg_text(x + step / 2, kTop + plot + 11, labels[i], "middle", 7.5, "#444");
    }
    svg += svg_text(kWidth / 2, kHeight - 4, caption, "middle", 8.5, "#555");
    svg += "</svg></div>\n";
    return svg;
}

// One row per booth: its seat-slots within the cap (light) and the interviews done (dark).
std::string booth_use_chart(const std::vector<BoothUse>& booths) {
    constexpr double kWidth = 680, kRow = 13, kLabel = 190, kRight = 70;
    const double height = 20 + kRow * double(booths.size());
    int top = 1;
    for (const BoothUse& booth : booths)
        top = std::max({top, booth.capacity, booth.done});
    const double plot = kWidth - kLabel - kRight;
    char head[200];
    std::snprintf(head, sizeof head,
                  "<div class=\"chart\"><svg viewBox=\"0 0 680 %.0f\" role=\"img\">", height);
    std::string svg = head;
    double y = 4;
    for (const BoothUse& booth : booths) {
        std::string name = booth.booth + " " + booth.enterprise;
        if (name.size() > 40) {  // cut at a character boundary, never inside a UTF-8 sequence
            size_t cut = 38;
            while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
                --cut;
            name = name.substr(0, cut) + "…";
        }
        svg += svg_text(kLabel - 4, y + 9.5, name, "end", 8);
        svg += svg_rect(kLabel, y + 1, plot * booth.capacity / top, kRow - 3, "#c9d7e6");
        svg += svg_rect(kLabel, y + 1, plot * booth.done / top, kRow - 3, "#1f4e79");
        const int used =
            booth.capacity > 0 ? (100 * booth.done + booth.capacity / 2) / booth.capacity : 0;
        svg += svg_text(kLabel + plot * std::max(booth.capacity, booth.done) / top + 4, y + 9.5,
                        std::to_string(booth.done) + "/" + std::to_string(booth.capacity) + " (" +
                            std::to_string(used) + "%)",
                        "start", 8);
        y += kRow;
    }
    svg += svg_rect(kLabel, y + 4, 10, 8, "#1f4e79") +
           svg_text(kLabel + 14, y + 11, "đã phỏng vấn / done", "start", 8) +
           svg_rect(kLabel + 130, y + 4, 10, 8, "#c9d7e6") +
           svg_text(kLabel + 144, y + 11, "chỗ trong giới hạn / seat-slots within the cap", "start",
                    8);
    svg += "</svg></div>\n";
    return svg;
}

// Counts of `minutes` in buckets of `width`, the last open-ended.
std::pair<std::vector<std::string>, std::vector<int>> buckets(const std::vector<int>& minutes,
                                                              int width, int count) {
    std::vector<std::string> labels;
    std::vector<int> values(static_cast<size_t>(count), 0);
    for (int b = 0; b < count; ++b) {
        labels.push_back(b + 1 == count ? "≥" + std::to_string(b * width)
                         : width == 1   ? std::to_string(b)
                                        : std::to_string(b * width) + "–" +
                                            std::to_string((b + 1) * width - 1));
    }
    for (int value : minutes)
        ++values[static_cast<size_t>(std::clamp(value / width, 0, count - 1))];
    return {labels, values};
}

std::string minutes_text(std::optional<int> value) {
    return value ? grouped(*value) + " phút / min" : "—";
}

// The report of the day (day_report.hpp) with its charts, after the one-page summary.
std::string day_report_html(const DayReport& d) {
    std::string html = "<div class=\"page\">\n<section>\n<h2>" +
                       both("Báo cáo trong ngày", "Report of the day") +
                       "</h2>\n<table class=\"key\">\n";
    html += key_row("Lượt phỏng vấn đã thực hiện", "Interviews done", grouped(d.interviews_done));
    html += key_row("Học viên được phỏng vấn / đã check-in", "Students covered / checked in",
                    grouped(d.students_covered) + " / " + grouped(d.checked_in) + " (" +
                        percent(d.students_covered, d.checked_in) + ")");
    html += key_row("Sử dụng chỗ phỏng vấn (bàn × ca)", "Seat-slot use (seats × slots)",
                    grouped(d.interviews_done) + " / " + grouped(d.seat_slots) + " (" +
                        percent(d.interviews_done, d.seat_slots) + ")");
    html += key_row("Trong giới hạn của gian hàng", "Within the booths' caps",
                    grouped(d.interviews_done) + " / " + grouped(d.capacity) + " (" +
                        percent(d.interviews_done, d.capacity) + ")");
    html += key_row("Chỗ trống (vắng mặt, bỏ lượt, xong sớm) được lấp, trước giờ cuối",
                    "Freed seat-slots (no-show, skip, ended early) refilled, before the last hour",
                    grouped(d.freed.refilled) + " / " + grouped(d.freed.freed) + " (" +
                        percent(d.freed.refilled, d.freed.freed) + ")");
    const auto freed_line = [&](const std::string& why, std::string_view vi, std::string_view en) {
        const auto freed = d.freed.freed_by.find(why);
        if (freed == d.freed.freed_by.end()) return std::string();
        const auto refilled = d.freed.refilled_by.find(why);
        const int again = refilled == d.freed.refilled_by.end() ? 0 : refilled->second;
        return key_row(vi, en,
                       grouped(again) + " / " + grouped(freed->second) + " (" +
                           percent(again, freed->second) + ")");
    };
    html += freed_line("no_show", "— do vắng mặt", "— freed by no-shows");
    html += freed_line("skip", "— do bỏ lượt", "— freed by skips");
    html += freed_line("ended_early", "— do xong sớm", "— freed by interviews ending early");
    if (d.freed.taken_back > 0)
        html += key_row("— chính học viên lỡ lượt quay lại dùng, không tính là lấp",
                        "— taken back by the student who missed the call, not counted as refilled",
                        grouped(d.freed.taken_back));
    html += key_row("Chờ từ check-in đến lượt đầu: trung bình / p90",
                    "Wait, check-in to first interview: mean / p90",
                    (d.check_in_to_first.mean() ? decimal(*d.check_in_to_first.mean()) : "—") +
                        " / " + minutes_text(d.check_in_to_first.p90()));
    html += key_row("Đứng chờ tại gian hàng, từ lúc gọi đến lúc bắt đầu: trung bình / p90",
                    "At the booth, from the call to the start: mean / p90",
                    (d.call_to_start.mean() ? decimal(*d.call_to_start.mean()) : "—") + " / " +
                        minutes_text(d.call_to_start.p90()));
    html += "</table>\n</section>\n";

    html += "<section>\n<h2>" +
            both("Học viên đã đến nhưng chưa được phỏng vấn, theo lý do",
                 "Students who came and had no interview, by reason") +
            "</h2>\n<table>\n<tr><th>" + both("Lý do", "Reason") + "</th><th class=\"n\">" +
            both("Học viên", "Students") + "</th></tr>\n";
    for (std::string_view reason : kNoInterviewReasons) {
        const auto count = d.no_interview_by_reason.find(std::string(reason));
        html += "<tr><td>" + both(no_interview_reason_vi(reason), no_interview_reason_en(reason)) +
                "</td><td class=\"n\">" +
                grouped(count == d.no_interview_by_reason.end() ? 0 : count->second) +
                "</td></tr>\n";
    }
    html += "<tr><th>" + both("Tổng", "Total") + "</th><th class=\"n\">" + grouped(d.no_interview) +
            "</th></tr>\n</table>\n</section>\n";

    html += "<section>\n<h2>" +
            both("Độ chính xác của giờ dự kiến báo cho học viên",
                 "How well the times students were shown foretold their interviews") +
            "</h2>\n";
    if (!d.estimates) {
        html += "<p class=\"note\">" +
                both(
                    "Chỉ đo được trong mô phỏng (jobfair simulate); ngày hội thật không lưu các "
                    "giờ đã hiển thị.",
                    "Measured by the simulator only (jobfair simulate); a real fair does not "
                    "store the times it showed.") +
                "</p>\n";
    } else {
        const MeasuredEstimates& e = *d.estimates;
        html += "<table>\n<tr><th>" + both("Giờ dự kiến", "Estimate") + "</th><th class=\"n\">" +
                both("Học viên", "Students") + "</th><th class=\"n\">" +
                both("Bắt đầu trong ±" + std::to_string(e.within_minutes) + " phút",
                     "Started within " + std::to_string(e.within_minutes) + " min") +
                "</th><th class=\"n\">" + both("Sai số p90", "p90 error") +
                "</th><th class=\"n\">" + both("Không có phỏng vấn", "No interview followed") +
                "</th></tr>\n";
        for (const MeasuredEstimates::Row& row : e.rows) {
            const bool first = row.when == "first";
            const bool promise = row.kind == "promise";
            html += "<tr><td>" +
                    both(std::string(first ? "Lúc check-in" : "Muộn nhất, ≥30 phút trước") + ", " +
                             (promise ? "giờ hẹn" : "chờ lượt (dự kiến)"),
                         std::string(first ? "First, at check-in" : "Latest, ≥30 min before") +
                             ", " + (promise ? "promised time" : "standby estimate")) +
                    "</td><td class=\"n\">" + grouped(row.students) + "</td><td class=\"n\">" +
                    grouped(row.within) + " (" + percent(row.within, row.students) +
                    ")</td><td class=\"n\">" + minutes_text(row.p90_error_minutes) +
                    "</td><td class=\"n\">" + grouped(row.no_interview_followed) + "</td></tr>\n";
        }
        html += "</table>\n<p class=\"note\">" +
                both("Được báo “không thể phỏng vấn hôm nay”: " + grouped(e.told_no_interview) +
                         " học viên; đúng (không có phỏng vấn sau đó): " +
                         grouped(e.told_no_interview_right) +
                         ". Mục tiêu: 90% trong ±10 phút, sai số p90 ≤ 15 phút. Đo bởi trình mô "
                         "phỏng.",
                     "Told “no interview possible today”: " + grouped(e.told_no_interview) +
                         " students; right (no interview afterwards): " +
                         grouped(e.told_no_interview_right) +
                         ". Target: 90% within 10 min, p90 error 15 min or less. Measured by the "
                         "simulator.") +
                "</p>\n";
    }
    html += "</section>\n";

    std::vector<std::string> halves;
    for (size_t i = 0; i < d.started_per_half_hour.size(); ++i)
        halves.push_back(TimeOfDay(d.day_start_minutes + 30 * int(i)).str());
    html += "<section>\n<h2>" +
            both("Lượt phỏng vấn đã xong, theo nửa giờ bắt đầu",
                 "Interviews done, by the half hour they started") +
            "</h2>\n" +
            column_chart(halves, d.started_per_half_hour, "giờ bắt đầu / start time", "#1f4e79") +
            "</section>\n";
    const auto [wait_labels, wait_values] = buckets(d.check_in_to_first.minutes, 15, 13);
    html += "<section>\n<h2>" +
            both("Thời gian chờ từ check-in đến lượt phỏng vấn đầu",
                 "Wait from check-in to the first interview") +
            "</h2>\n" +
            column_chart(wait_labels, wait_values, "phút / minutes — số học viên / students",
                         "#5b8db8") +
            "</section>\n";
    const auto [call_labels, call_values] = buckets(d.call_to_start.minutes, 1, 11);
    html +=
        "<section>\n<h2>" +
        both("Đứng chờ tại gian hàng, từ lúc gọi đến lúc bắt đầu",
             "At the booth, from the call to the start") +
        "</h2>\n" +
        column_chart(call_labels, call_values, "phút / minutes — số lượt / interviews", "#7a9a3a") +
        "</section>\n</div>\n";
    html += "<div class=\"page\">\n<section>\n<h2>" +
            both("Sử dụng chỗ phỏng vấn theo gian hàng", "Seat-slot use per booth") + "</h2>\n" +
            booth_use_chart(d.booths) + "</section>\n";
    html += "<p class=\"note\">" +
            both(d.simulated ? "Giờ của các sự kiện: phút mô phỏng do trình mô phỏng ghi lại."
                             : "Giờ của các sự kiện: giờ Việt Nam (UTC+7) theo nhật ký.",
                 d.simulated ? "Event times: the simulated minutes the simulator recorded."
                             : "Event times: Viet Nam time (UTC+7) of the audit log.") +
            "</p>\n</div>\n";
    return html;
}

}  // namespace

std::string summary_html(const Store& store, TimeOfDay now) {
    const DayFigures f = day_figures(store, now);
    std::string html;
    html += "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n";
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    html += "<title>Báo cáo ngày hội việc làm / Job fair report – " + html_escape(f.fair_name) +
            "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";

    html +=
        "<header>\n<p class=\"to\">Kính gửi: Sở Lao động – Thương binh và Xã hội"
        "<br><span class=\"en\">To: Department of Labour, Invalids and Social Affairs"
        "</span></p>\n";
    html += "<h1>" + both("Báo cáo kết quả ngày hội việc làm", "Job fair report of the day") +
            "</h1>\n";
    html += "<p class=\"meta\"><strong>" + html_escape(f.fair_name) + "</strong></p>\n";
    if (f.organizer && !f.organizer->empty()) {
        html += "<p class=\"meta\">Đơn vị tổ chức / <span class=\"en\">Organizer</span>: " +
                html_escape(*f.organizer) + "</p>\n";
    }
    html += "<p class=\"meta\">Ngày / <span class=\"en\">Date</span>: " + html_escape(f.date_line) +
            " &nbsp;·&nbsp; Số liệu đến / <span class=\"en\">Figures as of</span>: " +
            html_escape(f.now.str()) + "</p>\n";
    if (f.venue && !f.venue->empty()) {
        html += "<p class=\"meta\">Địa điểm / <span class=\"en\">Venue</span>: " +
                html_escape(*f.venue) + "</p>\n";
    }
    html += "</header>\n";

    html +=
        "<section>\n<h2>" + both("Số liệu chính", "Key figures") + "</h2>\n<table class=\"key\">\n";
    html += key_row("Doanh nghiệp tham gia", "Enterprises taking part", grouped(f.enterprises));
    html += key_row("Gian hàng / bàn phỏng vấn", "Booths / interview seats",
                    grouped(f.booths) + " / " + grouped(f.seats));
    html += key_row("Học viên đăng ký trước", "Students pre-registered", grouped(f.pre_registered));
    html += key_row("Học viên đăng ký trước đã đến", "Pre-registered students who came",
                    grouped(f.pre_registered_checked_in) + " (" +
                        percent(f.pre_registered_checked_in, f.pre_registered) + ")");
    html += key_row("Học viên đăng ký tại chỗ", "Walk-in students", grouped(f.walk_ins));
    html += key_row("Tổng số học viên đã check-in", "Students checked in, walk-ins included",
                    grouped(f.checked_in));
    html += key_row("Lượt phỏng vấn đã thực hiện (số học viên)",
                    "Interviews done (students interviewed)",
                    grouped(f.interviews_done) + " (" + grouped(f.students_interviewed) + ")");
    html += key_row(
        "Tỷ lệ vắng mặt khi được gọi (số lượt)", "No-show rate when called (no-shows)",
        percent(f.no_shows, f.interviews_done + f.no_shows) + " (" + grouped(f.no_shows) + ")");
    const std::string mean =
        f.wait_mean_minutes ? decimal(*f.wait_mean_minutes) + " phút / min" : "—";
    const std::string p90 = f.wait_p90_minutes ? grouped(*f.wait_p90_minutes) + " phút / min" : "—";
    html += key_row("Thời gian chờ từ check-in đến lượt phỏng vấn đầu: trung bình",
                    "Wait from check-in to first interview: mean", mean);
    html +=
        key_row("Thời gian chờ: 90% học viên chờ không quá", "Wait: 90th percentile (p90)", p90);
    html += key_row("Lượt phỏng vấn đã hủy / còn chưa xong", "Interviews cancelled / still open",
                    grouped(f.cancelled) + " / " + grouped(f.open_interviews));
    html += "</table>\n</section>\n";

    html += "<section>\n<h2>" + both("Kết quả phỏng vấn", "Interview outcomes") +
            "</h2>\n<table>\n<tr><th>" + both("Kết quả", "Outcome") + "</th><th class=\"n\">" +
            both("Lượt", "Interviews") + "</th><th class=\"n\">" + both("Tỷ lệ", "Share of done") +
            "</th></tr>\n";
    html += outcome_row("Nhận việc", "Job offer", f.offers, f.interviews_done);
    html += outcome_row("Thực tập", "Internship", f.internships, f.interviews_done);
    html += outcome_row("Hẹn vòng sau", "Next round", f.next_rounds, f.interviews_done);
    html += outcome_row("Chưa phù hợp", "Not suitable", f.not_suitable, f.interviews_done);
    html += outcome_row("Chưa ghi kết quả", "No outcome recorded", f.no_outcome, f.interviews_done);
    html += "</table>\n</section>\n";

    html += "<div class=\"columns\">\n";
    html += ranked_table("Nghề có nhiều lượt phỏng vấn nhất", "Top trades", "Nghề", "Trade",
                         "Lượt PV", "Interviews", f.top_trades, true);
    html += ranked_table("Trường có nhiều học viên đến nhất", "Top schools", "Trường", "School",
                         "Đã đến", "Came", f.top_schools, false);
    html += "</div>\n";

    html += "<section>\n<h2>" + both("Gian hàng có nhiều lượt phỏng vấn nhất", "Busiest booths") +
            "</h2>\n<table>\n<tr><th>" + both("Gian hàng", "Booth") + "</th><th>" +
            both("Doanh nghiệp", "Enterprise") + "</th><th class=\"n\">" +
            both("Lượt PV", "Interviews") + "</th><th class=\"n\">" + both("Nhận việc", "Offers") +
            "</th></tr>\n";
    if (f.top_booths.empty()) {
        html +=
            "<tr><td colspan=\"4\">" + both("Chưa có số liệu", "No figures yet") + "</td></tr>\n";
    }
    for (const RankedLine& line : f.top_booths) {
        html += "<tr><td>" + html_escape(line.name_en) + "</td><td>" + html_escape(line.name_vi) +
                "</td><td class=\"n\">" + grouped(line.count) + "</td><td class=\"n\">" +
                grouped(line.offers) + "</td></tr>\n";
    }
    html += "</table>\n</section>\n";

    html +=
        "<footer>\n<p>Tỷ lệ vắng mặt = vắng mặt ÷ (đã phỏng vấn + vắng mặt). Thời gian chờ = giờ "
        "bắt đầu ca của lượt phỏng vấn đầu tiên − giờ check-in, tính cho " +
        grouped(f.waits_counted) +
        " học viên đã được phỏng vấn. Chi tiết: các tệp CSV xuất cùng báo cáo.</p>\n"
        "<p class=\"en\">No-show rate = no-shows ÷ (interviews done + no-shows). Wait = start of "
        "the slot of the first interview met − check-in time, over " +
        grouped(f.waits_counted) +
        " students interviewed. Details: the CSV files exported with this report.</p>\n"
        "<p>Lập bởi hệ thống jobfair / <span class=\"en\">Produced by jobfair</span></p>\n"
        "</footer>\n";
    html += day_report_html(day_report(store));
    html += "</body>\n</html>\n";
    return html;
}

// ---- 7. By name -------------------------------------------------------------------------------

std::span<const std::string_view> export_names() {
    return kExportNames;
}

std::optional<ExportFile> render_export(const Store& store, std::string_view name, TimeOfDay now) {
    const auto csv = [](std::string content) {
        return ExportFile{std::move(content), std::string(kCsvType)};
    };
    if (name == "interviews.csv") return csv(interviews_csv(store));
    if (name == "outcomes-by-enterprise.csv") return csv(outcomes_by_enterprise_csv(store));
    if (name == "outcomes-by-trade.csv") return csv(outcomes_by_trade_csv(store));
    if (name == "attendance-by-school.csv") return csv(attendance_by_school_csv(store));
    if (name == "summary.html") return ExportFile{summary_html(store, now), std::string(kHtmlType)};
    return std::nullopt;
}

}  // namespace jobfair::reports
