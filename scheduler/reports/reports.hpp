// The day's exports and the one-page summary for the provincial Department of Labour, Invalids
// and Social Affairs (Sở Lao động – Thương binh và Xã hội). Pure functions: each reads the store
// (and, for the summary, the fair clock) and returns a file's contents; nothing is written.
//
// The files (export_names()):
//   interviews.csv                one row per interview, by start, booth, seat, id
//   outcomes-by-enterprise.csv    per booth, in the fair's order
//   outcomes-by-trade.csv         per student trade, most interviews done first
//   attendance-by-school.csv      per school, most pre-registered first; no school last
//   summary.html                  a printable A4 summary page, Vietnamese first, English second,
//                                 then the report of the day with SVG charts (day_report.hpp)
// interviews.csv names students (full name, school; never phones): personal data, for the
// organizer role only. The other files hold counts and enterprise, trade and school names.
//
// CSV rules, for Excel as the Department opens it:
//   - UTF-8 with a byte-order mark (EF BB BF), so Vietnamese shows intact; CRLF line ends.
//   - RFC 4180: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled.
//   - Formula injection: a text field from the data that starts with = + - @, TAB or CR gets a
//     leading apostrophe (' ), so a spreadsheet shows it as text and never runs it. Numbers the
//     reports compute are never negative, so no figure is touched.
//   - Headers in Vietnamese with English in the same cell: "Gian hàng / Booth".
//   - Seats are numbered from 1, as the booths and the board show them ("Bàn 1").
//   - No total rows: every row is one booth, trade or school, so sums in a spreadsheet are right.
//
// Figures (same definitions as GET /api/v1/overview where they overlap):
//   - pre-registered: students of the imported fair (not registered at a kiosk); walk-ins: those
//     registered at a kiosk (student_details.registered_via = walk_in).
//   - checked in: students with a check-in, walk-ins included.
//   - interviews done: status done. Outcomes count done interviews by their recorded outcome.
//   - no-show rate: no-shows / (interviews done + no-shows): the share of called students who did
//     not come.
//   - wait: for each checked-in student with an interview met (in progress or done), the start of
//     the slot of their earliest such interview minus their check-in time; a student called from
//     standby into a slot already under way waits 0. Mean, and p90 by nearest rank.
//   - school: as recorded (NFC, spaces collapsed); no school recorded is its own row/line.
//   - date: the fair's own (contract v1.1 `fair.date`); a fair without one says "Chưa có ngày
//     tổ chức / No date set". Never the machine's date, nor the day of the first check-in.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/store.hpp"
#include "common/time_of_day.hpp"

namespace jobfair::reports {

struct ExportFile {
    std::string content;
    std::string content_type;  // "text/csv; charset=utf-8" or "text/html; charset=utf-8"
};

// The names served at GET /api/v1/exports/{name}, in the order above.
std::span<const std::string_view> export_names();
// "Nhận việc / offer": an outcome as the exports and the follow-up lists show it; "" for none.
std::string outcome_label(const std::optional<InterviewOutcome>& outcome);
// The file called `name` at fair-clock time `now`; nullopt for a name not in export_names().
// Throws StoreError when the store holds no fair or cannot be read.
std::optional<ExportFile> render_export(const Store& store, std::string_view name, TimeOfDay now);

std::string interviews_csv(const Store& store);
std::string outcomes_by_enterprise_csv(const Store& store);
std::string outcomes_by_trade_csv(const Store& store);
std::string attendance_by_school_csv(const Store& store);
std::string summary_html(const Store& store, TimeOfDay now);

// ---- building blocks, exposed for the tests -------------------------------------------------

// One CSV field: formula-neutralised, then quoted when needed.
std::string csv_field(std::string_view text);
// A record of fields joined by commas and ended with CRLF.
std::string csv_record(const std::vector<std::string>& fields);
// & < > " ' as entities: safe in element text and in quoted attributes.
std::string html_escape(std::string_view text);

// The numbers behind summary.html.
struct RankedLine {
    std::string name_vi;
    std::string name_en;  // may equal name_vi (schools, enterprises)
    int count = 0;        // what the ranking is by
    int offers = 0;
};
struct DayFigures {
    std::string fair_name;
    std::optional<std::string> date;  // "14/03/2025": the fair's date; nullopt when it has none
    std::string date_line;            // fair_date_line(): both languages, or "no date set"
    std::optional<std::string> venue;
    std::optional<std::string> organizer;
    TimeOfDay now;
    int booths = 0;
    int enterprises = 0;  // distinct enterprise names
    int seats = 0;
    int pre_registered = 0;
    int pre_registered_checked_in = 0;
    int walk_ins = 0;
    int checked_in = 0;  // walk-ins included
    int students_interviewed = 0;
    int interviews_done = 0;
    int no_shows = 0;
    int cancelled = 0;
    int open_interviews = 0;  // planned, promised, called or in progress
    int offers = 0, internships = 0, next_rounds = 0, not_suitable = 0, no_outcome = 0;
    int waits_counted = 0;
    std::optional<double> wait_mean_minutes;
    std::optional<int> wait_p90_minutes;
    std::vector<RankedLine> top_trades;   // by interviews done
    std::vector<RankedLine> top_schools;  // by students checked in
    std::vector<RankedLine> top_booths;   // by interviews done; name_en holds the booth id
};
inline constexpr std::size_t kTopLines = 5;
DayFigures day_figures(const Store& store, TimeOfDay now);

}  // namespace jobfair::reports
