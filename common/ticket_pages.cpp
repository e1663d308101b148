#include "common/ticket_pages.hpp"

#include <cstdio>
#include <map>

#include "common/fair_date.hpp"
#include "common/text.hpp"

namespace jobfair {

namespace {

constexpr std::string_view kInstructionVi =
    "Mỗi học viên giữ mã QR của mình, mang đến ngày hội và quét tại kiosk check-in để nhận giờ "
    "phỏng vấn.";
constexpr std::string_view kInstructionEn =
    "Each student keeps their own QR code, brings it to the fair and scans it at a check-in kiosk "
    "to get their interview times.";

std::string two_digits(std::size_t number) {
    char text[24];
    std::snprintf(text, sizeof text, "%02zu", number);
    return text;
}

}  // namespace

std::string ascii_slug(std::string_view text) {
    constexpr std::size_t kMaxLength = 40;
    std::string slug;
    for (const char c : fold_for_search(text)) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            if (slug.size() == kMaxLength) break;
            slug += c;
        } else if (!slug.empty() && slug.back() != '-') {
            slug += '-';
        }
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug.empty() ? "x" : slug;
}

std::vector<TicketPile> plan_ticket_piles(const Fair& fair,
                                          const std::vector<const Student*>& students) {
    std::map<std::string, TimeOfDay> arrivals;
    for (const SchoolGroup& school : schools_from_students(fair)) {
        if (school.arrive) arrivals.emplace(school.name, *school.arrive);
    }
    const FairSettings& settings = fair.settings;
    std::string when = fair_date_line(settings.date);
    if (settings.venue && !settings.venue->empty()) when += "  ·  " + *settings.venue;

    std::vector<TicketPile> piles;
    std::map<std::optional<std::string>, std::size_t> school_numbers;
    for (ClassGroup& group : group_by_school_and_class(students)) {
        const auto [number, added] =
            school_numbers.try_emplace(group.school, school_numbers.size() + 1);
        (void)added;
        TicketPile pile;
        const std::string school_vi = group.school.value_or(std::string(kNoSchoolVi));
        pile.folder = two_digits(number->second) + "-" + ascii_slug(school_vi);
        pile.stem = group.class_name ? "lop-" + ascii_slug(*group.class_name) : "chua-ghi-lop";

        SheetHeader& header = pile.header;
        header.title = settings.name;
        header.lines.push_back(when);
        if (settings.organizer && !settings.organizer->empty())
            header.lines.push_back("Đơn vị tổ chức / Organizer: " + *settings.organizer);
        std::string who = "Trường / School: " + (group.school ? *group.school
                                                              : std::string(kNoSchoolVi) + " / " +
                                                                    std::string(kNoSchoolEn));
        who += "    Lớp / Class: " + group.class_name.value_or("—");
        header.lines.push_back(who);
        const auto arrival = group.school ? arrivals.find(*group.school) : arrivals.end();
        header.lines.push_back(arrival != arrivals.end()
                                   ? "Giờ đến của trường / School arrives at: " +
                                         arrival->second.str()
                                   : std::string("Giờ đến / Arrival: theo giờ hẹn của từng học "
                                                 "viên / each student's own time"));
        header.instruction = {std::string(kInstructionVi), std::string(kInstructionEn)};
        pile.group = std::move(group);
        piles.push_back(std::move(pile));
    }
    return piles;
}

}  // namespace jobfair
