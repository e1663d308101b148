#include "scheduler/server/security_log.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace jobfair {

namespace {
// A flood of millions of requests keeps memory bounded: the dashboard needs the shape, not each.
constexpr size_t kMaxHistory = 20'000;
}  // namespace

SecurityLog::SecurityLog(std::chrono::seconds write_every, std::chrono::seconds recent_window)
    : write_every_(write_every), recent_window_(recent_window) {}

void SecurityLog::record(std::string_view kind, std::string_view address, std::string_view device,
                         Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Pending& pending = pending_[{std::string(kind), std::string(address)}];
    ++pending.count;
    if (!device.empty()) pending.device = std::string(device);
    history_.emplace_back(now, std::string(kind), std::string(address));
    if (history_.size() > kMaxHistory) {
        history_.erase(history_.begin(),
                       history_.begin() + static_cast<std::ptrdiff_t>(history_.size() / 2));
    }
}

std::vector<SecurityLog::Entry> SecurityLog::take_due(Clock::time_point now) {
    std::lock_guard lock(mutex_);
    std::vector<Entry> due;
    for (auto& [key, pending] : pending_) {
        if (pending.count == 0) continue;
        if (pending.ever_written && now - pending.last_written < write_every_) continue;
        due.push_back(Entry{key.first, key.second, pending.device, pending.count});
        pending.count = 0;
        pending.last_written = now;
        pending.ever_written = true;
    }
    // Keys quiet for a whole window are forgotten, so a scan of many addresses does not pile up.
    std::erase_if(pending_, [&](const auto& item) {
        return item.second.count == 0 && now - item.second.last_written >= write_every_;
    });
    return due;
}

std::vector<SecurityLog::Recent> SecurityLog::recent(Clock::time_point now) const {
    std::lock_guard lock(mutex_);
    std::map<std::string, std::pair<int, std::set<std::string>>> by_kind;
    for (const auto& [at, kind, address] : history_) {
        if (now - at > recent_window_) continue;
        auto& [count, addresses] = by_kind[kind];
        ++count;
        addresses.insert(address);
    }
    std::vector<Recent> out;
    for (const auto& [kind, seen] : by_kind)
        out.push_back(Recent{kind, seen.first, static_cast<int>(seen.second.size())});
    std::stable_sort(out.begin(), out.end(),
                     [](const Recent& a, const Recent& b) { return a.count > b.count; });
    return out;
}

}  // namespace jobfair
