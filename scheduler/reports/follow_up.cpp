#include "scheduler/reports/follow_up.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "common/fair_workbook/fair_book.hpp"
#include "common/level.hpp"
#include "common/occupations.hpp"
#include "common/text.hpp"
#include "common/ticket.hpp"
#include "scheduler/reports/reports.hpp"

namespace jobfair::reports {

namespace {

std::string outcome_text(const StoredInterview& row) {
    if (row.status != InterviewStatus::done) return "Đang phỏng vấn / in progress";
    if (!row.outcome) return "Chưa ghi kết quả / no outcome recorded";
    return outcome_label(row.outcome);
}

// "Công ty TNHH Đại Dương" -> "cong-ty-tnhh-dai-duong": a file name any computer can open.
std::string file_slug(const std::string& name) {
    std::string slug;
    for (char c : fold_for_search(name)) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            slug.push_back(c);
        } else if (!slug.empty() && slug.back() != '-') {
            slug.push_back('-');
        }
        if (slug.size() >= 48) break;
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug;
}

}  // namespace

std::vector<FollowUpList> follow_up_lists(const Store& store) {
    const Fair fair = store.load_fair();
    const auto details = store.all_student_details();
    std::map<StudentId, std::uint32_t> tickets;
    for (const Store::TicketRecord& ticket : store.tickets())
        tickets[ticket.student] = ticket.number;
    std::map<StudentId, const Student*> students;
    for (const Student& student : fair.students)
        students[student.id] = &student;
    std::map<BoothId, std::vector<StoredInterview>> by_booth;
    for (const StoredInterview& row : store.interviews()) {
        if (row.status == InterviewStatus::done || row.status == InterviewStatus::in_progress)
            by_booth[row.interview.booth].push_back(row);
    }

    std::vector<FollowUpList> lists;
    for (const Booth& booth : fair.booths) {
        FollowUpList list;
        list.booth = booth.id.str();
        list.enterprise = booth.enterprise;
        const std::string slug = file_slug(booth.enterprise);
        list.file_name = list.booth + (slug.empty() ? "" : "-" + slug) + ".xlsx";
        auto& rows = by_booth[booth.id];
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            return std::tie(a.interview.start, a.interview.seat, a.id) <
                   std::tie(b.interview.start, b.interview.seat, b.id);
        });
        for (const StoredInterview& row : rows) {
            const StudentId& id = row.interview.student;
            FollowUpRow line;
            line.student = id.str();
            if (const auto ticket = tickets.find(id); ticket != tickets.end())
                line.ticket = ticket_label(ticket->second);
            if (const auto known = students.find(id); known != students.end()) {
                const Student& student = *known->second;
                line.name = student.name;
                line.school = student.school.value_or("");
                line.class_name = student.class_name.value_or("");
                if (student.occupation)
                    line.trade = occupation_display_name(*student.occupation, true);
                else if (const auto about = details.find(id);
                         about != details.end() && about->second.occupation_text)
                    line.trade = other_trade_display_name(*about->second.occupation_text, true);
                line.level = std::string(level_name_vi(student.level));
            }
            if (const auto about = details.find(id); about != details.end()) {
                line.consented = sheets::consents_to_contact(about->second.consent_json);
                if (line.consented && about->second.phone) line.phone = about->second.phone;
                if (line.school.empty() && about->second.school)
                    line.school = *about->second.school;
            }
            line.start = row.interview.start.str();
            line.outcome = outcome_text(row);
            line.note = row.note.value_or("");
            list.rows.push_back(std::move(line));
        }
        lists.push_back(std::move(list));
    }
    return lists;
}

sheets::ListSheet follow_up_sheet(const FollowUpList& list, const std::string& fair_name) {
    sheets::ListSheet sheet;
    sheet.name = "Theo doi - Follow-up";
    sheet.title = "Danh sách liên hệ sau ngày hội / Follow-up list — " + list.booth + " " +
                  list.enterprise + " — " + fair_name;
    sheet.columns = {
        {"Vé / Ticket", "", 10},
        {"Mã học viên / Student id", "", 12},
        {"Họ và tên / Full name", "", 24},
        {"Trường / School", "", 30},
        {"Lớp / Class", "", 10},
        {"Nghề / Trade", "", 22},
        {"Trình độ / Level", "", 12},
        {"Giờ phỏng vấn / Interview time", "", 10},
        {"Kết quả / Outcome", "", 22},
        {"Ghi chú / Note", "Ghi chú của cán bộ gian hàng / The booth staff's note", 30},
        {"Đồng ý liên hệ / Consent to contact", "", 12},
        {"Điện thoại / Phone",
         "Chỉ khi học viên đồng ý cho doanh nghiệp gọi lại sau ngày hội / Only where the student "
         "agreed that enterprises may phone after the fair",
         14},
    };
    for (const FollowUpRow& row : list.rows) {
        sheet.rows.push_back({row.ticket, row.student, row.name, row.school, row.class_name,
                              row.trade, row.level, row.start, row.outcome, row.note,
                              row.consented ? "Có / Yes" : "Không / No", row.phone.value_or("")});
    }
    return sheet;
}

}  // namespace jobfair::reports
