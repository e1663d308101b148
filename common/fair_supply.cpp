#include "common/fair_supply.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "common/availability.hpp"
#include "common/occupations.hpp"

namespace jobfair {

namespace {

int capacity_of(const FairSettings& settings, const Booth& booth) {
    const int slots = seat_slots(settings, booth);
    return booth.max_interviews ? std::min(slots, *booth.max_interviews) : slots;
}

std::string trade_name(const Fair& fair, const std::string& code) {
    if (code.empty()) return "(không ghi nghề / no trade)";
    for (const TradeName& trade : fair.extra_trades)
        if (trade.code == code) return trade.name_vi;
    return occupation_display_name(code, true);
}

}  // namespace

SupplyReport supply_report(const Fair& fair) {
    SupplyReport report;
    report.students = static_cast<int>(fair.students.size());
    std::map<BoothId, std::size_t> booth_index;
    for (const Booth& booth : fair.booths) {
        booth_index[booth.id] = report.booths.size();
        BoothSupply supply;
        supply.booth = booth.id;
        supply.enterprise = booth.enterprise;
        supply.capacity = capacity_of(fair.settings, booth);
        report.seat_slots += supply.capacity;
        report.booths.push_back(std::move(supply));
    }
    std::map<std::string, TradeSupply> trades;
    for (const Student& student : fair.students) {
        const std::string code = student.occupation.value_or("");
        TradeSupply& trade = trades[code];
        trade.trade = code;
        ++trade.students;
        bool any_eligible = false;
        for (const BoothId& id : student.preferences) {
            ++report.preferences;
            BoothSupply& booth = report.booths[booth_index.at(id)];
            if (is_eligible(student, *fair.find_booth(id))) {
                ++booth.preferences;
                ++trade.preferences;
                any_eligible = true;
            } else {
                ++booth.ineligible_preferences;
            }
        }
        if (!any_eligible) ++trade.students_without_eligible_preference;
        for (std::size_t b = 0; b < fair.booths.size(); ++b) {
            if (is_eligible(student, fair.booths[b])) ++report.booths[b].eligible_students;
        }
    }
    for (auto& [code, trade] : trades) {
        for (const Booth& booth : fair.booths) {
            if (code.empty() || booth.occupations.empty()) continue;
            if (std::find(booth.occupations.begin(), booth.occupations.end(), code) ==
                booth.occupations.end()) {
                continue;
            }
            ++trade.booths;
            trade.capacity += capacity_of(fair.settings, booth);
        }
        const bool any_open_booth =
            std::any_of(fair.booths.begin(), fair.booths.end(),
                        [](const Booth& b) { return b.occupations.empty(); });
        if (!code.empty() && trade.booths == 0 && !any_open_booth) {
            report.trades_without_booth.push_back(code);
        }
        report.trades.push_back(trade);
    }
    std::stable_sort(
        report.trades.begin(), report.trades.end(),
        [](const TradeSupply& a, const TradeSupply& b) { return a.students > b.students; });
    std::stable_sort(report.booths.begin(), report.booths.end(),
                     [](const BoothSupply& a, const BoothSupply& b) {
                         return a.turned_away() > b.turned_away();
                     });
    return report;
}

std::string format_supply_report(const SupplyReport& report, const Fair& fair) {
    std::ostringstream out;
    out << "Cung và cầu / Supply and demand\n"
        << "  " << report.seat_slots << " lượt phỏng vấn có thể (trong giới hạn của gian) / "
        << "interviews the booths can hold\n"
        << "  " << report.students << " học sinh, " << report.preferences << " nguyện vọng / "
        << report.students << " students, " << report.preferences << " preferences\n\n";
    out << "Theo nghề / By trade (học sinh / students · gian / booths · lượt / capacity · "
           "nguyện vọng hợp lệ / eligible preferences)\n";
    for (const TradeSupply& trade : report.trades) {
        out << "  " << trade_name(fair, trade.trade) << ": " << trade.students << " · "
            << trade.booths << " · " << trade.capacity << " · " << trade.preferences;
        if (trade.students_without_eligible_preference > 0) {
            out << "  (" << trade.students_without_eligible_preference
                << " học sinh không có nguyện vọng nào hợp lệ / students with no eligible "
                   "preference)";
        }
        out << '\n';
    }
    if (!report.trades_without_booth.empty()) {
        out << "\nNghề chưa có gian nào tuyển / Trades no booth recruits:\n";
        for (const std::string& code : report.trades_without_booth)
            out << "  " << trade_name(fair, code) << '\n';
    }
    out << "\nGian sẽ phải từ chối nhiều nhất / Booths that will turn most students away "
           "(nguyện vọng / preferences − lượt / capacity):\n";
    int listed = 0;
    for (const BoothSupply& booth : report.booths) {
        if (booth.turned_away() == 0 || listed == 10) break;
        ++listed;
        out << "  " << booth.booth.str() << " " << booth.enterprise << ": " << booth.preferences
            << " nguyện vọng / preferences, " << booth.capacity << " lượt / capacity → "
            << booth.turned_away() << " không được phỏng vấn / not interviewed\n";
    }
    if (listed == 0) out << "  (không có / none)\n";
    return out.str();
}

}  // namespace jobfair
