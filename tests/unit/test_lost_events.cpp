// What a copy lacks (scheduler/reports/lost_events.hpp): the dead server's events after the copy,
// described in the fair's words, grouped, and marked when the standby has redone them.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "common/store.hpp"
#include "common/store_backup.hpp"
#include "scheduler/reports/lost_events.hpp"
#include "tests/unit/fair_builder.hpp"

using namespace jobfair;
namespace fs = std::filesystem;

namespace {

class TemporaryFolder {
  public:
    TemporaryFolder() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() / ("jobfair-test-lost-" + std::to_string(::getpid()) +
                                             "-" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    fs::path operator/(const std::string& name) const { return path_ / name; }

  private:
    fs::path path_;
};

Fair three_students() {
    Fair fair = testing::small_fair(4);
    testing::add_booth(fair, "B01", 2).enterprise = "Công ty TNHH Điện tử Amata";
    testing::add_booth(fair, "B02");
    testing::add_student(fair, "S0001", {"B01"}).name = "Nguyễn Thị Hồng Nhung";
    testing::add_student(fair, "S0002", {"B01", "B02"}).name = "Trần Văn An";
    testing::add_student(fair, "S0003", {"B02"}).name = "Phạm Đức Mạnh";
    return fair;
}

Student walk_in() {
    Student student;
    student.name = "Lê Thùy Linh";
    student.arrive = testing::at(8, 0);
    student.leave = testing::at(9, 0);
    student.preferences = {BoothId("B02")};
    return student;
}

}  // namespace

TEST_CASE("the lost list names what the dead server wrote after the copy") {
    TemporaryFolder folder;
    const fs::path dead_path = folder / "fair.db";
    {
        Store dead(dead_path);
        dead.import_fair(three_students(), "test");
        dead.issue_tickets("test");
        dead.save_planned_schedule({{StudentId("S0001"), BoothId("B01"), 1, testing::at(8, 15)}},
                                   "server");
        dead.check_in(StudentId("S0001"), testing::at(8, 5), std::nullopt, "kiosk");
    }
    copy_database(dead_path, folder / "copy.db");
    Store dead(dead_path);
    // After the copy: a call, a check-in, a walk-in with its check-in, a pause, a re-plan.
    const InterviewId promised = dead.interviews().front().id;
    dead.move_interview(promised, InterviewStatus::called, "booth-staff:B01");
    dead.check_in(StudentId("S0002"), testing::at(8, 10), std::nullopt, "kiosk");
    const auto registered = dead.register_walk_in(walk_in(), {}, "kiosk1-0001", "d", "kiosk");
    dead.check_in(registered.student, testing::at(8, 11), std::nullopt, "kiosk");
    dead.set_booth_paused(BoothId("B02"), testing::at(8, 12), "organizer");
    dead.save_planned_schedule({}, "server");

    Store copy(folder / "copy.db");
    const auto difference = compare_event_logs(dead, copy);
    CHECK(difference.common_last == copy.last_event()->id);
    REQUIRE(difference.only_in_old.size() == 6);
    CHECK(difference.only_in_new.empty());

    const DescribedEvent& call = difference.only_in_old[0];
    CHECK(call.event.kind == "interview.called");
    CHECK(call.ticket_label == "A-0001");
    CHECK(call.name == "Nguyễn Thị Hồng Nhung");
    CHECK(call.booth == "B01");
    CHECK(call.enterprise == "Công ty TNHH Điện tử Amata");
    CHECK(call.seat == 1);
    CHECK(call.slot == "08:15");
    const DescribedEvent& registration = difference.only_in_old[2];
    CHECK(registration.event.kind == "student.registered");
    CHECK(registration.ticket_label == "A-0004");
    CHECK(registration.name == "Lê Thùy Linh");

    const std::string text = format_lost_list(difference);
    CAPTURE(text);
    CHECK(text.find("Bản sao thiếu 6 sự kiện") != std::string::npos);
    CHECK(text.find("Đăng ký tại chỗ / Walk-in registrations: 1") != std::string::npos);
    CHECK(text.find("Check-in: 2") != std::string::npos);
    CHECK(text.find("Lượt gọi phỏng vấn / Calls: 1") != std::string::npos);
    CHECK(text.find("Thay đổi gian hàng / Booth changes: 1") != std::string::npos);
    CHECK(text.find("Sắp xếp lại lịch / Re-plans: 1") != std::string::npos);
    CHECK(text.find("A-0002  Trần Văn An (S0002)") != std::string::npos);
    CHECK(text.find("B01 Công ty TNHH Điện tử Amata, bàn / seat 2, 08:15") != std::string::npos);
    CHECK(text.find("its walk-in registration is lost too") != std::string::npos);
    CHECK(text.find("Tổng / Total: 6 sự kiện mất / lost events (#") != std::string::npos);
    CHECK(text.find(", 0 đã làm lại / redone") != std::string::npos);

    // The standby takes over: a scan again redoes S0002's check-in; its own events show apart.
    copy.start_as_standby("copy.db", "standby");
    copy.check_in(StudentId("S0002"), testing::at(8, 20), std::nullopt, "kiosk");
    const auto later = compare_event_logs(dead, copy);
    REQUIRE(later.only_in_old.size() == 6);
    CHECK(later.only_in_old[1].redone);
    CHECK_FALSE(later.only_in_old[3].redone);  // the lost walk-in's check-in
    CHECK(later.only_in_new.size() == 2);
    const std::string after = format_lost_list(later);
    CHECK(after.find("✓ đã làm lại / redone") != std::string::npos);
    CHECK(after.find("Máy dự phòng đã ghi thêm 2 sự kiện") != std::string::npos);
    CHECK(after.find(", 1 đã làm lại / redone") != std::string::npos);
}

TEST_CASE("a copy that holds everything lost nothing") {
    TemporaryFolder folder;
    {
        Store dead(folder / "fair.db");
        dead.import_fair(three_students(), "test");
    }
    copy_database(folder / "fair.db", folder / "copy.db");
    const auto difference =
        compare_event_logs(Store(folder / "fair.db"), Store(folder / "copy.db"));
    CHECK(difference.only_in_old.empty());
    const std::string text = format_lost_list(difference);
    CHECK(text.find("Nothing lost") != std::string::npos);
    CHECK(text.find("Tổng / Total: 0 sự kiện mất / lost events, 0") != std::string::npos);
}

TEST_CASE("without the dead disk the copy's last event is where losses may begin") {
    CHECK(format_copy_end(std::nullopt).find("holds no event yet") != std::string::npos);
    EventRecord last{922, "2025-03-14T02:41:07.123Z", "kiosk", "student.checked_in", "{}"};
    const std::string text = format_copy_end(last);
    CHECK(text.find("#922") != std::string::npos);
    CHECK(text.find(local_time_of(last.at)) != std::string::npos);
    CHECK(text.find("may be lost") != std::string::npos);
    CHECK(local_time_of("not a time") == "not a time");
    CHECK(local_time_of(last.at).size() == 8);
}
