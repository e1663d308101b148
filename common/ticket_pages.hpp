// The printable tickets of a fair, as they go to the schools: one pile per school and class (a
// teacher hands a class its own pages), each page headed by the fair, its date and venue, the
// school and class, when the school's group arrives and what to do with the ticket. The date is
// the fair's own (fair_date_line), never the machine's.
#pragma once

#include <string>
#include <vector>

#include "common/fair.hpp"
#include "common/school_groups.hpp"
#include "common/ticket_sheet.hpp"

namespace jobfair {

struct TicketPile {
    ClassGroup group;    // members index into the students given to plan_ticket_piles
    SheetHeader header;  // on every page of the pile
    std::string folder;  // "01-truong-cao-dang-viet-han": the school's number and name, ASCII
    std::string stem;    // "lop-12a1": the class; its pages are stem-01.png, stem-02.png, ...
};

inline constexpr std::string_view kNoSchoolVi = "Chưa ghi trường";
inline constexpr std::string_view kNoSchoolEn = "No school recorded";

// `students` (the ticket holders, in ticket order) in piles by school and class, schools in the
// fair's order and students without a school last; each school's arrival is the most common
// among all its students in `fair` (schools_from_students).
std::vector<TicketPile> plan_ticket_piles(const Fair& fair,
                                          const std::vector<const Student*>& students);

// "Trường Cao đẳng Việt – Hàn" -> "truong-cao-dang-viet-han": a file name any computer and
// any zip program keeps intact. At most 40 characters; "x" when nothing is left.
std::string ascii_slug(std::string_view text);

}  // namespace jobfair
