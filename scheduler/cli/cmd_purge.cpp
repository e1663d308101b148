// After the fair, from the command line:
//   `jobfair purge --db FILE [--dry-run] [--including-consented]`
//       removes personal data as each student's consent says (Store::purge_personal_data,
//       docs/privacy.md), keeping every figure of `jobfair export-day`; then compacts the file
// Exit 0: purged (or counted, with --dry-run); 1: refused (no fair, the fair is not over, another
// program has the database open); 2: not a jobfair database.
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/fair_date.hpp"
#include "common/store.hpp"
#include "scheduler/cli/commands.hpp"

namespace jobfair::cli {

namespace {

constexpr int kExitRefused = 1;
constexpr int kExitUnusable = 2;
constexpr std::string_view kActor = "cli";

struct PurgeCommandOptions {
    std::string database_path;
    bool dry_run = false;
    bool including_consented = false;
};

[[noreturn]] void fail(std::string_view message, int exit_code) {
    std::cerr << "jobfair purge: " << message << '\n';
    throw CLI::RuntimeError(exit_code);
}

// Opening a Store creates a missing file and migrates an empty one: look first.
void require_jobfair_database(const std::string& path) {
    switch (Store::identify(path)) {
        case DatabaseFile::jobfair:
            return;
        case DatabaseFile::missing:
            fail("không có tệp " + path + " / no such file " + path, kExitUnusable);
        case DatabaseFile::not_a_database:
            fail(path + " không phải cơ sở dữ liệu SQLite / " + path + " is not an SQLite database",
                 kExitUnusable);
        case DatabaseFile::other_program:
            fail(path + " là cơ sở dữ liệu của chương trình khác, không phải của jobfair / " +
                     path + " is another program's database, not a jobfair one",
                 kExitUnusable);
        case DatabaseFile::empty:
            fail(path + " trống, không phải cơ sở dữ liệu jobfair / " + path +
                     " is empty, not a jobfair database",
                 kExitUnusable);
    }
    fail("không đọc được " + path + " / cannot read " + path, kExitUnusable);
}

// The fair's data is still needed before and during its day. The machine's local date and
// time are the venue's (the organizer's laptop).
void require_fair_over(const FairSettings& settings) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    const CalendarDate today{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
    const TimeOfDay clock = TimeOfDay::hm(local.tm_hour, local.tm_min);
    const std::string date = settings.date.value_or("");
    switch (fair_day_status(settings.date, settings.grid.day_end, today, clock)) {
        case FairDayStatus::over:
            return;
        case FairDayStatus::unknown:
            std::cout << "Lưu ý: ngày hội chưa có ngày tổ chức, không kiểm tra được ngày hội đã "
                         "kết thúc chưa / Note: the fair has no date, so whether it is over "
                         "cannot be checked\n";
            return;
        case FairDayStatus::ahead:
            fail("ngày hội " + date +
                     " chưa diễn ra: dữ liệu của học sinh còn cần cho ngày hội; chưa thay đổi "
                     "gì / the fair of " +
                     date +
                     " has not taken place yet: its students' data is still needed; "
                     "nothing was changed",
                 kExitRefused);
        case FairDayStatus::under_way:
            fail("ngày hội đang diễn ra hôm nay đến " + settings.grid.day_end.str() +
                     ": hãy xoá sau khi kết thúc; chưa thay đổi gì / the fair is running today "
                     "until " +
                     settings.grid.day_end.str() + ": purge after it ends; nothing was changed",
                 kExitRefused);
    }
}

// The count first: Vietnamese labels are wider in bytes than on screen, so they go last.
void print_line(int count, std::string_view label) {
    std::cout << "  " << std::setw(6) << count << "  " << label << '\n';
}

void print_counts(const Store::PurgeCounts& counts) {
    print_line(counts.phones, "số điện thoại / phone numbers");
    print_line(counts.names, "họ tên / names");
    print_line(counts.classes, "lớp / classes");
    print_line(counts.interview_notes, "ghi chú phỏng vấn / interview notes");
    print_line(counts.cancel_reasons, "lý do hủy do người gõ / typed cancel reasons");
    print_line(counts.revoke_reasons, "lý do thu hồi vé do người gõ / typed ticket revoke reasons");
    print_line(counts.events,
               "mục nhật ký có ghi chú, lý do / audit-log entries with notes, reasons");
    print_line(counts.walk_in_fingerprints,
               "dấu vết yêu cầu đăng ký tại quầy / walk-in request fingerprints");
    std::cout << "Giữ theo sự đồng ý / Kept by consent: " << counts.phones_kept
              << " số điện thoại / phone numbers, " << counts.names_kept << " họ tên / names\n";
}

void run_purge(const PurgeCommandOptions& options) {
    require_jobfair_database(options.database_path);
    try {
        Store store(options.database_path);
        if (!store.has_fair()) {
            fail(
                "cơ sở dữ liệu chưa có ngày hội nào; chưa thay đổi gì / no fair is loaded in "
                "this database; nothing was changed",
                kExitRefused);
        }
        require_fair_over(store.load_fair().settings);
        Store::PurgeOptions purge;
        purge.honour_consent = !options.including_consented;
        purge.dry_run = options.dry_run;
        const Store::PurgeCounts counts = store.purge_personal_data(purge, kActor);
        std::cout << (options.dry_run ? "Sẽ xoá khỏi / Would remove from "
                                      : "Đã xoá khỏi / Removed from ")
                  << options.database_path << ":\n";
        print_counts(counts);
        if (options.dry_run) {
            std::cout << "--dry-run: chưa thay đổi gì / nothing was changed\n";
        } else if (counts.removed() == 0) {
            std::cout << "Không còn gì để xoá; tệp đã được dọn (VACUUM) / Nothing left to "
                         "remove; the file was compacted (VACUUM)\n";
        } else {
            std::cout << "Đã xoá trong một giao dịch, ghi sự kiện data.purged và dọn tệp (VACUUM) "
                         "/ Purged in one transaction, logged data.purged and compacted the file "
                         "(VACUUM)\n";
        }
    } catch (const StoreInUseError&) {
        fail(
            "chương trình khác đang mở cơ sở dữ liệu (máy chủ jobfair serve đang chạy?): hãy "
            "dừng nó rồi chạy lại; chưa thay đổi gì / another program has the database open (a "
            "running jobfair serve?): stop it and try again; nothing was changed",
            kExitRefused);
    } catch (const StoreError& error) {
        fail(std::string("không xoá được dữ liệu / cannot purge: ") + error.what(), kExitRefused);
    }
}

constexpr const char* kFooter =
    "Xoá / Removes:\n"
    "  - số điện thoại, trừ khi học sinh đồng ý follow_up (doanh nghiệp gọi lại sau ngày hội)\n"
    "    hoặc job_news (tin việc làm qua SMS)\n"
    "    phone numbers, except where the student agreed to follow_up (enterprises phone after\n"
    "    the fair) or job_news (job news by SMS)\n"
    "  - họ tên, trừ khi học sinh đồng ý follow_up, job_news hoặc school_report (trường nhận\n"
    "    kết quả); lớp, trừ khi đồng ý school_report\n"
    "    names, except for follow_up, job_news or school_report (the school receives the\n"
    "    results); classes, except for school_report\n"
    "  - ghi chú phỏng vấn, lý do hủy và lý do thu hồi vé do người gõ, cả trong nhật ký sự kiện\n"
    "    interview notes, typed cancel and ticket revoke reasons, in the audit log too\n"
    "  - dấu vết các yêu cầu đăng ký tại quầy / fingerprints of the kiosks' walk-in requests\n"
    "Giữ / Keeps: trường, nghề, trình độ, giờ, nguyện vọng, check-in, vé, lượt phỏng vấn, kết\n"
    "  quả: mọi số liệu ẩn danh của export-day. Báo cáo cho Sở không cần họ tên.\n"
    "  school, trade, level, times, preferences, check-ins, tickets, interviews, outcomes:\n"
    "  every anonymous figure of export-day. The Department's figures need no names.\n"
    "Dừng jobfair serve trước: lệnh từ chối khi chương trình khác đang mở cơ sở dữ liệu, và\n"
    "  khi ngày hội chưa kết thúc. Một giao dịch: xoá hết hoặc không xoá gì. Sau đó tệp được\n"
    "  VACUUM để không còn dữ liệu đã xoá.\n"
    "Stop jobfair serve first: purge refuses while another program has the database open, and\n"
    "  before the fair is over. One transaction: all or nothing. The file is then VACUUMed so\n"
    "  no removed text is left in it.\n"
    "Xuất báo cáo (export-day) trước khi xoá; interviews.csv đã xuất vẫn còn họ tên, ghi chú.\n"
    "Export the day (export-day) first; an interviews.csv exported before still holds names\n"
    "  and notes. See docs/privacy.md.";

}  // namespace

void add_purge_command(CLI::App& app) {
    auto options = std::make_shared<PurgeCommandOptions>();
    CLI::App* sub = app.add_subcommand(
        "purge",
        "Sau ngày hội: xoá dữ liệu cá nhân theo sự đồng ý của học sinh, giữ số liệu ẩn danh / "
        "After the fair: remove personal data as the students' consent says, keep the "
        "anonymous figures");
    sub->add_option("--db", options->database_path,
                    "cơ sở dữ liệu của ngày hội / the fair's database (SQLite)")
        ->required();
    sub->add_flag("--dry-run", options->dry_run,
                  "chỉ đếm những gì sẽ xoá, không thay đổi gì / count what would be removed, "
                  "change nothing");
    sub->add_flag("--including-consented", options->including_consented,
                  "xoá cả số điện thoại, họ tên, lớp mà sự đồng ý giữ lại (hết thời hạn liên hệ) "
                  "/ also remove the phones, names and classes consent kept (the follow-up "
                  "period is over)");
    sub->footer(kFooter);
    sub->callback([options] { run_purge(*options); });
}

}  // namespace jobfair::cli
