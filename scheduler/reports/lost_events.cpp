// What a copy lacks (lost_events.hpp).
#include "scheduler/reports/lost_events.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "common/ticket.hpp"
#include "common/utc_time.hpp"

namespace jobfair {

namespace {

using nlohmann::json;

// What one database knows about the people, booths and interviews its events name.
struct Context {
    Fair fair;
    std::map<std::string, std::uint32_t> tickets;  // student id -> current ticket number
    std::map<InterviewId, StoredInterview> interviews;
    std::map<StudentId, TimeOfDay> check_ins;

    explicit Context(const Store& store)
        : fair(store.has_fair() ? store.load_fair() : Fair{}), check_ins(store.check_ins()) {
        for (const auto& ticket : store.tickets())
            tickets[ticket.student.str()] = ticket.number;
        for (auto& row : store.interviews())
            interviews.emplace(row.id, row);
    }
};

bool same_event(const EventRecord& a, const EventRecord& b) {
    return a.id == b.id && a.at == b.at && a.actor == b.actor && a.kind == b.kind &&
           a.payload_json == b.payload_json;
}

std::string text_of(const json& payload, const char* key) {
    if (!payload.contains(key)) return "";
    const json& value = payload[key];
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return value.dump();
    return "";
}

DescribedEvent describe(const EventRecord& event, const Context& context) {
    DescribedEvent described;
    described.event = event;
    json payload = json::parse(event.payload_json, nullptr, false);
    if (!payload.is_object()) return described;

    described.student = text_of(payload, "student");
    described.booth = text_of(payload, "booth");
    if (payload.contains("seat") && payload["seat"].is_number_integer()) {
        described.seat = payload["seat"].get<int>();
    }
    described.slot = text_of(payload, "start");
    if (payload.contains("interview") && payload["interview"].is_number_integer()) {
        const auto row = context.interviews.find(payload["interview"].get<InterviewId>());
        if (row != context.interviews.end()) {
            const Interview& interview = row->second.interview;
            if (described.student.empty()) described.student = interview.student.str();
            if (described.booth.empty()) described.booth = interview.booth.str();
            if (!described.seat) described.seat = interview.seat;
            if (described.slot.empty()) described.slot = interview.start.str();
        }
    }

    // A ticket named by number (a walk-in's, a revoked one), else the student's own.
    if (payload.contains("ticket") && payload["ticket"].is_number_unsigned()) {
        described.ticket_label = ticket_label(payload["ticket"].get<std::uint32_t>());
    } else if (const auto ticket = context.tickets.find(described.student);
               ticket != context.tickets.end()) {
        described.ticket_label = ticket_label(ticket->second);
    }
    if (!described.student.empty()) {
        if (const Student* student = context.fair.find_student(StudentId(described.student))) {
            described.name = student->name;
        }
    }
    if (!described.booth.empty()) {
        if (const Booth* booth = context.fair.find_booth(BoothId(described.booth))) {
            described.enterprise = booth->enterprise;
        }
    }

    for (const char* key : {"outcome", "reason", "close", "since"}) {
        const std::string value = text_of(payload, key);
        if (!value.empty()) described.detail += (described.detail.empty() ? "" : ", ") + value;
    }
    if (event.kind == "student.checked_in" || event.kind == "student.left") {
        const std::string at = text_of(payload, "at");
        if (!at.empty()) described.detail = "giờ hội chợ / fair time " + at;
    }
    return described;
}

// How far along an interview is, for "has the standby caught up with this move?".
int progress(InterviewStatus status) {
    switch (status) {
        case InterviewStatus::promised:
            return 1;
        case InterviewStatus::called:
            return 2;
        case InterviewStatus::in_progress:
            return 3;
        case InterviewStatus::done:
            return 4;
        case InterviewStatus::planned:
        case InterviewStatus::no_show:
        case InterviewStatus::cancelled:
            return 0;
    }
    return 0;
}

bool holds_again(const DescribedEvent& lost, const Context& other) {
    const std::string& kind = lost.event.kind;
    if (kind == "student.checked_in") return other.check_ins.count(StudentId(lost.student)) > 0;
    if (!kind.starts_with("interview.") || lost.student.empty() || lost.booth.empty()) return false;
    // "interview.<status>", and two event kinds that mean "called" again; other kinds ("moved")
    // name no status.
    const std::string_view move =
        std::string_view(kind).substr(std::string_view("interview.").size());
    const auto to = move == "called_from_standby" || move == "recalled" ? InterviewStatus::called
                                                                        : parse_status(move);
    if (!to) return false;
    for (const auto& [id, row] : other.interviews) {
        if (row.interview.student.str() != lost.student || row.interview.booth.str() != lost.booth)
            continue;
        if (row.status == *to || (progress(*to) > 0 && progress(row.status) >= progress(*to)))
            return true;
    }
    return false;
}

// ---- the printed list ---------------------------------------------------------------------

struct Group {
    std::vector<std::string_view> kinds;  // empty: every kind no other group takes
    std::string_view title;
    std::string_view advice;
    bool list_each = true;
};

const std::vector<Group>& groups() {
    static const std::vector<Group> kGroups{
        {{"student.registered"},
         "Đăng ký tại chỗ / Walk-in registrations",
         "Vé đã in cho các em này không có trên máy dự phòng (bị từ chối: vé không có): đăng ký "
         "lại ở bàn hỗ trợ. Ki-ốt chưa nhận được trả lời sẽ tự gửi lại.\n"
         "    Their printed tickets are unknown to the standby (refused): register them again at "
         "the help desk. A kiosk that never got the answer sends the registration again itself."},
        {{"student.checked_in"},
         "Check-in",
         "Học viên quét lại vé ở ki-ốt (vé vẫn hợp lệ).\n"
         "    The student scans the ticket again at a kiosk (the ticket is still valid)."},
        {{"interview.called", "interview.called_from_standby", "interview.recalled"},
         "Lượt gọi phỏng vấn / Calls",
         "Gian hàng gọi lại học viên. / The booth calls the student again."},
        {{"interview.in_progress"},
         "Phỏng vấn đã bắt đầu / Interviews started",
         "Gian hàng bấm Bắt đầu lại. / The booth starts the interview again."},
        {{"interview.done"},
         "Phỏng vấn đã xong / Interviews finished",
         "Gian hàng ghi lại kết quả theo danh sách giấy. / The booth records the outcome again "
         "from its paper list."},
        {{"interview.no_show", "interview.promised", "interview.cancelled", "interview.moved"},
         "Vắng mặt, bỏ qua, huỷ, chuyển lịch / No-shows, skips, cancellations, moves",
         "Làm lại ở gian hàng hoặc trên bảng điều khiển. / Redo at the booth or on the dashboard."},
        {{"student.left"},
         "Học viên đã về / Students who left",
         "Đánh dấu lại trên bảng điều khiển. / Mark them again on the dashboard."},
        {{"booth.paused", "booth.resumed", "booth.hours_changed", "booth.seat_added"},
         "Thay đổi gian hàng / Booth changes",
         "Làm lại trên bảng điều khiển. / Redo them on the dashboard."},
        {{"ticket.revoked", "ticket.reissued"},
         "Vé thu hồi, cấp lại / Tickets revoked or reissued",
         "Làm lại ở bàn hỗ trợ. / Redo them at the help desk."},
        {{"schedule.saved"},
         "Sắp xếp lại lịch / Re-plans",
         "Không cần làm gì: máy dự phòng tự sắp xếp lại. / Nothing to do: the standby re-plans.",
         false},
        {{}, "Khác / Other", "Xem từng dòng. / See each line."},
    };
    return kGroups;
}

bool in_group(const Group& group, const std::string& kind) {
    if (!group.kinds.empty()) {
        return std::find(group.kinds.begin(), group.kinds.end(), kind) != group.kinds.end();
    }
    for (const Group& other : groups()) {
        if (std::find(other.kinds.begin(), other.kinds.end(), kind) != other.kinds.end()) {
            return false;
        }
    }
    return true;
}

std::string line_of(const DescribedEvent& item) {
    std::string line =
        "  " + local_time_of(item.event.at) + "  #" + std::to_string(item.event.id) + "  ";
    if (!item.ticket_label.empty()) line += item.ticket_label + "  ";
    if (!item.name.empty()) line += item.name + " ";
    if (!item.student.empty()) line += "(" + item.student + ")  ";
    if (!item.booth.empty()) {
        line += item.booth;
        if (!item.enterprise.empty()) line += " " + item.enterprise;
        if (item.seat) line += ", bàn / seat " + std::to_string(*item.seat + 1);
        if (!item.slot.empty()) line += ", " + item.slot;
        line += "  ";
    }
    if (item.event.kind.find('.') != std::string::npos && !item.event.kind.starts_with("student."))
        line += "[" + item.event.kind + "]  ";
    if (!item.detail.empty()) line += item.detail + "  ";
    if (item.redone) line += "✓ đã làm lại / redone";
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line + "\n";
}

std::string grouped_list(const std::vector<DescribedEvent>& items, bool with_advice) {
    std::string text;
    for (const Group& group : groups()) {
        std::vector<const DescribedEvent*> members;
        for (const DescribedEvent& item : items)
            if (in_group(group, item.event.kind)) members.push_back(&item);
        if (members.empty()) continue;
        text += "\n" + std::string(group.title) + ": " + std::to_string(members.size()) + "\n";
        if (with_advice) text += "    " + std::string(group.advice) + "\n";
        if (!group.list_each) continue;
        for (const DescribedEvent* item : members)
            text += line_of(*item);
    }
    return text;
}

}  // namespace

std::string local_time_of(const std::string& iso_utc) {
    const auto time = parse_utc_timestamp(iso_utc);
    if (!time) return iso_utc;
    const std::time_t seconds = std::chrono::system_clock::to_time_t(*time);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

EventLogDifference compare_event_logs(const Store& old_store, const Store& new_store) {
    const std::vector<EventRecord> old_events = old_store.events();
    const std::vector<EventRecord> new_events = new_store.events();
    size_t common = 0;
    while (common < old_events.size() && common < new_events.size() &&
           same_event(old_events[common], new_events[common])) {
        ++common;
    }
    EventLogDifference difference;
    if (common > 0) {
        difference.common_last = old_events[common - 1].id;
        difference.common_last_at = old_events[common - 1].at;
    }
    const Context old_context(old_store);
    const Context new_context(new_store);
    std::set<std::string> lost_walk_ins;  // their tickets are refused: scanning again won't do
    for (size_t i = common; i < old_events.size(); ++i) {
        DescribedEvent lost = describe(old_events[i], old_context);
        lost.redone = holds_again(lost, new_context);
        if (lost.event.kind == "student.registered") lost_walk_ins.insert(lost.student);
        if (lost_walk_ins.count(lost.student) > 0) {
            lost.redone = false;  // the standby's walk-in of that id is someone else
            if (lost.event.kind == "student.checked_in") {
                lost.detail +=
                    " — đăng ký tại chỗ cũng mất, xem trên / its walk-in registration "
                    "is lost too, see above";
            }
        }
        difference.only_in_old.push_back(std::move(lost));
    }
    for (size_t i = common; i < new_events.size(); ++i)
        difference.only_in_new.push_back(describe(new_events[i], new_context));
    return difference;
}

std::string format_lost_list(const EventLogDifference& difference) {
    std::string text;
    const auto& lost = difference.only_in_old;
    if (difference.common_last > 0) {
        text += "Hai bên giống nhau đến sự kiện #" + std::to_string(difference.common_last) +
                " lúc " + local_time_of(difference.common_last_at) + " / Both agree up to event #" +
                std::to_string(difference.common_last) + " at " +
                local_time_of(difference.common_last_at) + "\n";
    } else {
        text +=
            "Hai bên không có sự kiện chung: có phải cùng một hội chợ không? / The two share "
            "no event: are they the same fair?\n";
    }
    int redone = 0;
    for (const auto& item : lost)
        redone += item.redone;
    if (lost.empty()) {
        text +=
            "Không mất gì: bản sao có mọi sự kiện của máy chủ đã dừng. / Nothing lost: the "
            "copy holds every event of the dead server.\n";
    } else {
        const std::string from = local_time_of(lost.front().event.at);
        const std::string to = local_time_of(lost.back().event.at);
        text += "Bản sao thiếu " + std::to_string(lost.size()) +
                " sự kiện của máy chủ đã dừng, từ " + from + " đến " + to + " / The copy lacks " +
                std::to_string(lost.size()) + " event(s) of the dead server, from " + from +
                " to " + to + "\n";
        text += grouped_list(lost, true);
    }
    if (!difference.only_in_new.empty()) {
        text += "\nMáy dự phòng đã ghi thêm " + std::to_string(difference.only_in_new.size()) +
                " sự kiện từ đó / The standby has written " +
                std::to_string(difference.only_in_new.size()) + " event(s) since:\n";
        text += grouped_list(difference.only_in_new, false);
    }
    text += "\nTổng / Total: " + std::to_string(lost.size()) + " sự kiện mất / lost events";
    if (!lost.empty()) {
        text += " (#" + std::to_string(lost.front().event.id) + "–#" +
                std::to_string(lost.back().event.id) + ")";
    }
    text += ", " + std::to_string(redone) + " đã làm lại / redone\n";
    return text;
}

std::string format_copy_end(const std::optional<EventRecord>& last_event) {
    if (!last_event) {
        return "Bản sao chưa có sự kiện nào. / The copy holds no event yet.\n";
    }
    const std::string at = local_time_of(last_event->at);
    return "Bản sao dừng ở sự kiện #" + std::to_string(last_event->id) + " lúc " + at +
           " / The copy ends at event #" + std::to_string(last_event->id) + ", at " + at +
           ".\n"
           "Những gì xảy ra sau " +
           at + " có thể đã mất / What happened after " + at +
           " may be lost:\n"
           "  - check-in: học viên quét lại vé ở ki-ốt / check-ins: students scan their tickets "
           "again at a kiosk\n"
           "  - đăng ký tại chỗ: vé in sau giờ đó bị từ chối, đăng ký lại ở bàn hỗ trợ / walk-ins: "
           "tickets printed after it are refused, register them again at the help desk\n"
           "  - phỏng vấn gọi, bắt đầu, xong sau giờ đó: gian hàng ghi lại theo danh sách giấy / "
           "interviews called, started or finished after it: booths record them again from their "
           "paper lists\n"
           "  - thay đổi gian hàng, vé thu hồi: làm lại trên bảng điều khiển / booth changes, "
           "revoked tickets: redo them on the dashboard\n";
}

}  // namespace jobfair
