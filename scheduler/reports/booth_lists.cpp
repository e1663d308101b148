// The paper fallback: each booth's morning on A4 sheets (booth_lists.hpp).
#include "scheduler/reports/booth_lists.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "common/availability.hpp"
#include "common/fair_date.hpp"
#include "common/occupations.hpp"
#include "common/ticket.hpp"
#include "scheduler/live/outlook.hpp"
#include "scheduler/live/server_views.hpp"
#include "scheduler/reports/lost_events.hpp"
#include "scheduler/reports/reports.hpp"

namespace jobfair::reports {

namespace {

// Landscape: eight columns stay readable. Each seat and the standby queue start a new sheet,
// each with the booth's header, so a sheet handed to one interviewer stands alone.
constexpr std::string_view kStyle = R"css(
@page { size: A4 landscape; margin: 8mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 9pt; color: #111;
       line-height: 1.25; margin: 6mm auto; max-width: 277mm; }
.en { color: #555; font-style: italic; font-weight: normal; }
.sheet { break-before: page; }
.sheet:first-of-type { break-before: auto; }
header { border-bottom: 2px solid #1f4e79; padding-bottom: 1.5mm; margin-bottom: 2mm;
         display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; }
.booth { font-size: 15pt; font-weight: 700; color: #1f4e79; margin: 0; }
.booth .id { display: inline-block; border: 2px solid #1f4e79; padding: 0 2mm; margin-right: 2mm; }
.meta { margin: 0.5mm 0; font-size: 9pt; }
.right { text-align: right; max-width: 100mm; flex: none; }
h2 { font-size: 12pt; margin: 1mm 0 1.5mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.time { width: 21mm; } col.label { width: 16mm; } col.name { width: 42mm; }
col.school { width: 70mm; } col.trade { width: 30mm; } col.status { width: 40mm; }
col.tick { width: 15mm; }
thead { display: table-header-group; }
th, td { border: 1px solid #8fa3b8; padding: 0.9mm 1.3mm; vertical-align: top; text-align: left; }
th { background: #e8eef4; font-weight: 600; font-size: 8.5pt; }
tr { break-inside: avoid; }
tbody td { height: 7mm; }  /* room to write by hand */
tr.repeat th { background: none; border: none; text-align: right; font-weight: normal;
               color: #555; font-size: 7.5pt; padding: 0 0 0.5mm; }
td.time, td.label { white-space: nowrap; font-variant-numeric: tabular-nums; font-weight: 600; }
tr.break td { background: #f3f3f3; color: #555; font-style: italic; }
tr.free td.time { color: #555; font-weight: normal; }
footer { margin-top: 2mm; font-size: 8pt; color: #444; }
ul.booths { columns: 2; }
@media print {
  body { margin: 0; max-width: none; }
  th, tr.break td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav { display: none; }
}
)css";

constexpr int kBlankStandbyRows = 6;

// Both tables have the same eight columns; the notes take what is left.
constexpr std::string_view kColumns =
    "<colgroup><col class=\"time\"><col class=\"label\"><col class=\"name\">"
    "<col class=\"school\"><col class=\"trade\"><col class=\"status\"><col class=\"tick\">"
    "<col></colgroup>\n";

std::string both(std::string_view vi, std::string_view en) {
    return html_escape(vi) + "<br><span class=\"en\">" + html_escape(en) + "</span>";
}

std::string status_words(InterviewStatus status, const std::optional<InterviewOutcome>& outcome) {
    std::string vi, en;
    switch (status) {
        case InterviewStatus::planned:
            vi = "Chưa đến";  // only planned: the student has not checked in
            en = "not arrived";
            break;
        case InterviewStatus::promised:
            vi = "Đã hẹn";
            en = "promised";
            break;
        case InterviewStatus::called:
            vi = "Đang gọi";
            en = "called";
            break;
        case InterviewStatus::in_progress:
            vi = "Đang phỏng vấn";
            en = "in progress";
            break;
        case InterviewStatus::done:
            vi = "Đã xong";
            en = "done";
            break;
        case InterviewStatus::no_show:
            vi = "Vắng mặt";
            en = "no-show";
            break;
        case InterviewStatus::cancelled:
            vi = "Đã hủy";
            en = "cancelled";
            break;
    }
    if (outcome == InterviewOutcome::offer) vi += ": nhận việc", en += ": offer";
    if (outcome == InterviewOutcome::internship) vi += ": thực tập", en += ": internship";
    if (outcome == InterviewOutcome::next_round) vi += ": vòng sau", en += ": next round";
    if (outcome == InterviewOutcome::not_suitable) vi += ": chưa phù hợp", en += ": not suitable";
    // One line: a list of one line per slot fits a seat's morning on one sheet.
    return html_escape(vi) + " <span class=\"en\">/ " + html_escape(en) + "</span>";
}

// The trade in Vietnamese; "Ngành khác: ..." with the name a walk-in typed (Other trade).
std::string trade_of(const Student& student,
                     const std::map<StudentId, Store::StudentDetails>& details) {
    if (student.occupation) return occupation_display_name(*student.occupation, true);
    const auto found = details.find(student.id);
    if (found == details.end() || !found->second.occupation_text) return "";
    return other_trade_display_name(*found->second.occupation_text, true);
}

struct Sheets {
    Fair fair;
    DayState day;
    std::optional<TimeOfDay> now;
    std::map<StudentId, Store::StudentDetails> details;  // the trades typed with Other trade
    std::string data_line;  // what the lists are made from, for every header

    Sheets(const Store& source, std::optional<TimeOfDay> at)
        : fair(source.load_fair()),
          day{fair, source.interviews(), source.check_ins(), {}, at.value_or(TimeOfDay(0)), {}},
          now(at),
          details(source.all_student_details()) {
        for (const auto& ticket : source.tickets())
            if (!ticket.revoked_reason) day.tickets[ticket.student] = ticket.number;
        const auto last = source.last_event();
        data_line =
            last ? "Dữ liệu đến sự kiện #" + std::to_string(last->id) + " lúc " +
                       local_time_of(last->at) + " / <span class=\"en\">Data up to event #" +
                       std::to_string(last->id) + " at " + local_time_of(last->at) + "</span>"
                 : "";
        if (now) {
            data_line += std::string(data_line.empty() ? "" : "<br>") +
                         "Giờ hội chợ / <span class=\"en\">Fair time</span>: " + now->str();
        }
    }

    std::string header(const Booth& booth, std::string_view part_vi, std::string_view part_en) {
        std::string html = "<header>\n<div>\n<p class=\"booth\"><span class=\"id\">" +
                           html_escape(booth.id.str()) + "</span>" + html_escape(booth.enterprise) +
                           "</p>\n";
        if (booth.location && !booth.location->empty()) {
            html += "<p class=\"meta\">Vị trí / <span class=\"en\">Place</span>: " +
                    html_escape(*booth.location) + "</p>\n";
        }
        html += "<h2>" + html_escape(part_vi) + " / <span class=\"en\">" + html_escape(part_en) +
                "</span></h2>\n</div>\n<div class=\"right\">\n<p class=\"meta\"><strong>" +
                html_escape(fair.settings.name) + "</strong></p>\n";
        html += "<p class=\"meta\">Ngày / <span class=\"en\">Date</span>: " +
                html_escape(fair_date_line(fair.settings.date)) + "</p>\n";
        if (!data_line.empty()) html += "<p class=\"meta\">" + data_line + "</p>\n";
        return html + "</div>\n</header>\n";
    }

    // The first header row names the sheet: printed again on every page a long list runs to.
    static std::string repeat(const Booth& booth, std::string_view part_vi,
                              std::string_view part_en) {
        return "<tr class=\"repeat\"><th colspan=\"8\">" + html_escape(booth.id.str()) + " · " +
               html_escape(part_vi) + " / " + html_escape(part_en) + " · " +
               html_escape(booth.enterprise) + "</th></tr>";
    }

    static std::string footer() {
        return "<footer>Danh sách giấy dự phòng khi máy chủ ngừng: đánh dấu ✓ bằng tay, ghi kết "
               "quả vào cột ghi chú, nhập lại khi máy chủ chạy lại. / <span class=\"en\">Paper "
               "fallback while the server is down: tick by hand, write the outcome in the notes, "
               "enter it again once the server is back.</span></footer>\n";
    }

    std::string student_cells(const StudentId& id) {
        const Student* student = fair.find_student(id);
        std::string html = "<td class=\"label\">" + html_escape(day.label_of(id)) + "</td>";
        html += "<td>" + html_escape(student ? student->name : id.str()) + "</td>";
        html += "<td>" + html_escape(student && student->school ? *student->school : "") + "</td>";
        html += "<td>" + html_escape(student ? trade_of(*student, details) : "") + "</td>";
        return html;
    }

    std::string seat_sheet(const Booth& booth, int seat) {
        const std::string seat_vi = "Bàn " + std::to_string(seat + 1);
        const std::string seat_en = "Seat " + std::to_string(seat + 1);
        std::string html = "<section class=\"sheet\">\n" + header(booth, seat_vi, seat_en);
        html += "<table>\n" + std::string(kColumns) + "<thead>" + repeat(booth, seat_vi, seat_en) +
                "<tr><th>" + both("Giờ", "Time") + "</th><th>" + both("Vé", "Ticket") +
                "</th><th>" + both("Họ tên", "Name") + "</th><th>" + both("Trường", "School") +
                "</th><th>" + both("Nghề", "Trade") + "</th><th>" + both("Trạng thái", "Status") +
                "</th><th>" + both("✓ Xong", "Done") + "</th><th>" +
                both("Ghi chú, kết quả", "Notes, outcome") + "</th></tr></thead>\n";
        html += "<tbody>\n";
        const auto usable = usable_slots(fair.settings, booth);
        const SlotGrid& grid = fair.settings.grid;
        for (int slot = 0; slot < grid.slot_count(); ++slot) {
            const TimeOfDay start = grid.slot_start(slot);
            if (start < booth.open || !(grid.slot_end(slot) <= booth.close)) continue;
            const std::string time =
                "<td class=\"time\">" + start.str() + "–" + grid.slot_end(slot).str() + "</td>";
            if (std::find(usable.begin(), usable.end(), slot) == usable.end()) {
                html +=
                    "<tr class=\"break\">" + time + "<td colspan=\"7\">Nghỉ / Break</td></tr>\n";
                continue;
            }
            bool any = false;
            for (const auto& row : day.interviews) {
                const Interview& interview = row.interview;
                if (interview.booth != booth.id || interview.seat != seat ||
                    interview.start != start || row.status == InterviewStatus::cancelled) {
                    continue;
                }
                any = true;
                html += "<tr>" + time + student_cells(interview.student) + "<td>" +
                        status_words(row.status, row.outcome) +
                        "</td><td class=\"tick\"></td><td class=\"note\"></td></tr>\n";
            }
            if (!any) {
                html += "<tr class=\"free\">" + time + "<td></td><td></td><td></td><td></td><td>" +
                        both("Trống", "Free") +
                        "</td><td class=\"tick\"></td><td class=\"note\"></td></tr>\n";
            }
        }
        return html + "</tbody>\n</table>\n" + footer() + "</section>\n";
    }

    std::string standby_sheet(const Booth& booth) {
        std::string html =
            "<section class=\"sheet\">\n" + header(booth, "Danh sách chờ (gọi khi có bàn trống)",
                                                   "Standby queue (call when a seat is free)");
        const auto waiting = standby_queue(day, booth.id);
        if (waiting.empty()) {
            html +=
                "<p>Không có học viên nào đang chờ. / <span class=\"en\">Nobody is waiting."
                "</span></p>\n";
        }
        html += "<table>\n" + std::string(kColumns) + "<thead>" +
                repeat(booth, "Danh sách chờ", "Standby queue") + "<tr><th>" +
                both("Thứ tự", "Order") + "</th><th>" + both("Vé", "Ticket") + "</th><th>" +
                both("Họ tên", "Name") + "</th><th>" + both("Trường", "School") + "</th><th>" +
                both("Nghề", "Trade") + "</th><th>" +
                both("Nguyện vọng, giờ đến", "Choice, arrived") + "</th><th>" +
                both("✓ Xong", "Done") + "</th><th>" +
                both("Bàn, giờ, kết quả", "Seat, time, outcome") + "</th></tr></thead>\n<tbody>\n";
        int order = 0;
        for (const StandbyEntry& entry : waiting) {
            html += "<tr><td class=\"time\">" + std::to_string(++order) + "</td>" +
                    student_cells(entry.id) + "<td>" + std::to_string(entry.rank) + " · " +
                    entry.arrived.str() +
                    "</td><td class=\"tick\"></td><td class=\"note\"></td>"
                    "</tr>\n";
        }
        // Blank rows for students who come to the booth while the server is down.
        for (int blank = 0; blank < kBlankStandbyRows; ++blank) {
            html += "<tr class=\"free\"><td class=\"time\">" + std::to_string(++order) +
                    "</td><td></td><td></td><td></td><td></td><td></td><td class=\"tick\"></td>"
                    "<td class=\"note\"></td></tr>\n";
        }
        return html + "</tbody>\n</table>\n" + footer() + "</section>\n";
    }

    std::string booth_sheets(const Booth& booth) {
        std::string html;
        for (int seat = 0; seat < booth.interviewers; ++seat)
            html += seat_sheet(booth, seat);
        return html + standby_sheet(booth);
    }

    std::string page(const std::string& title, const std::string& body) {
        return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
               html_escape(title) + "</title>\n<style>" + std::string(kStyle) +
               "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }
};

}  // namespace

std::string booth_list_file_name(int position, const std::string& booth_id) {
    char number[16];
    std::snprintf(number, sizeof number, "%02d-", position);
    std::string name = number;
    for (const char c : booth_id) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_';
        name += plain ? c : '_';
    }
    return name + ".html";
}

std::vector<BoothListFile> booth_lists(const Store& store, std::optional<TimeOfDay> now) {
    Sheets sheets(store, now);
    std::vector<BoothListFile> files;
    std::string all;
    std::string index = "<h1>" + both("Danh sách giấy theo gian hàng", "Paper lists by booth") +
                        "</h1>\n<p class=\"meta\"><strong>" +
                        html_escape(sheets.fair.settings.name) + "</strong> · " +
                        html_escape(fair_date_line(sheets.fair.settings.date)) + "</p>\n";
    if (!sheets.data_line.empty()) index += "<p class=\"meta\">" + sheets.data_line + "</p>\n";
    index +=
        "<p><a href=\"tat-ca-all.html\">In tất cả / <span class=\"en\">Print all</span></a>"
        "</p>\n<ul class=\"booths\">\n";
    int position = 0;
    for (const Booth& booth : sheets.fair.booths) {
        const std::string name = booth_list_file_name(++position, booth.id.str());
        const std::string body = sheets.booth_sheets(booth);
        all += body;
        files.push_back(
            {name, sheets.page("Gian / Booth " + booth.id.str() + " – " + booth.enterprise, body)});
        index += "<li><a href=\"" + name + "\">" + html_escape(booth.id.str()) + " – " +
                 html_escape(booth.enterprise) + "</a></li>\n";
    }
    files.push_back(
        {"tat-ca-all.html",
         sheets.page("Tất cả gian hàng / All booths – " + sheets.fair.settings.name, all)});
    files.push_back(
        {"index.html", sheets.page("Danh sách giấy / Paper lists – " + sheets.fair.settings.name,
                                   index + "</ul>\n")});
    return files;
}

}  // namespace jobfair::reports
