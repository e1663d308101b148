#include "scheduler/engine/explain.hpp"

#include <algorithm>
#include <cstdlib>

namespace jobfair::alloc {

namespace {

struct Wording {
    PreferenceOutcome outcome;
    std::string_view code;
    std::string_view vi;
    std::string_view en;
};

// {n} stands for a number filled in at run time.
constexpr Wording kWordings[] = {
    {PreferenceOutcome::scheduled, "scheduled", "Đã xếp lịch phỏng vấn", "Interview scheduled"},
    {PreferenceOutcome::unknown_booth, "unknown_booth", "Không có gian tuyển dụng này",
     "There is no such booth"},
    {PreferenceOutcome::not_eligible_trade, "not_eligible_trade",
     "Không đủ điều kiện: doanh nghiệp không tuyển ngành nghề của bạn",
     "Not eligible: the enterprise does not recruit your trade"},
    {PreferenceOutcome::not_eligible_level, "not_eligible_level",
     "Không đủ điều kiện: doanh nghiệp yêu cầu trình độ đào tạo cao hơn",
     "Not eligible: the enterprise asks for a higher level of training"},
    {PreferenceOutcome::blocked, "blocked", "Buổi phỏng vấn này đã bị hủy hoặc bạn đã lỡ lượt gọi",
     "This interview was cancelled or you missed the call"},
    {PreferenceOutcome::booth_closed, "booth_closed",
     "Gian tuyển dụng không mở trong thời gian bạn có mặt tại ngày hội",
     "The booth is not open while you are at the fair"},
    {PreferenceOutcome::booth_cap_reached, "booth_cap_reached",
     "Doanh nghiệp đã đủ {n} buổi phỏng vấn tối đa trong ngày",
     "The booth has reached its cap of {n} interviews for the day"},
    {PreferenceOutcome::student_cap_reached, "student_cap_reached",
     "Bạn đã có đủ {n} buổi phỏng vấn, mức tối đa cho mỗi người",
     "You already have {n} interviews, the most allowed per student"},
    {PreferenceOutcome::booth_full, "booth_full",
     "Gian tuyển dụng đã kín chỗ ở mọi khung giờ bạn có mặt",
     "The booth is full at every time you are at the fair"},
    {PreferenceOutcome::own_interviews, "own_interviews",
     "Những khung giờ còn chỗ trùng với các buổi phỏng vấn khác của bạn",
     "Your other interviews take the times when the booth has a free seat"},
    {PreferenceOutcome::placeable, "placeable",
     "Còn chỗ trống vào lúc bạn rảnh: lần xếp lịch tiếp theo có thể thêm buổi này",
     "A seat is free at a time you are free: the next re-plan can add this interview"},
};

const Wording& wording_of(PreferenceOutcome outcome) {
    return *std::find_if(std::begin(kWordings), std::end(kWordings),
                         [&](const Wording& w) { return w.outcome == outcome; });
}

std::string fill_number(std::string_view text, int n) {
    std::string out(text);
    if (auto at = out.find("{n}"); at != std::string::npos) out.replace(at, 3, std::to_string(n));
    return out;
}

}  // namespace

std::string_view outcome_code(PreferenceOutcome outcome) {
    return wording_of(outcome).code;
}

std::vector<PreferenceExplanation> explain_student(const AllocationModel& model,
                                                   const std::vector<Placement>& placements,
                                                   int student) {
    const auto& state = model.students()[size_t(student)];
    const int gap = model.student_gap_slots();
    std::vector<int> own_slots;
    for (const auto& p : placements) {
        if (p.student == student) own_slots.push_back(p.slot);
    }

    std::vector<PreferenceExplanation> explanations;
    for (const auto& entry : state.preferences) {
        PreferenceExplanation out;
        out.rank = entry.rank;
        int number = 0;
        const auto placed = std::find_if(placements.begin(), placements.end(), [&](const auto& p) {
            return p.student == student && p.booth == entry.booth;
        });
        out.outcome = [&] {
            if (entry.booth < 0) return PreferenceOutcome::unknown_booth;
            if (placed != placements.end()) return PreferenceOutcome::scheduled;
            if (entry.ineligible == Ineligibility::trade) {
                return PreferenceOutcome::not_eligible_trade;
            }
            if (entry.ineligible == Ineligibility::level) {
                return PreferenceOutcome::not_eligible_level;
            }
            if (entry.blocked) return PreferenceOutcome::blocked;
            const auto& booth = model.booths()[size_t(entry.booth)];
            std::vector<int> open_slots;
            for (int k = std::max(state.window_begin, model.now_slot()); k < state.window_end;
                 ++k) {
                if (booth.open[size_t(k)]) open_slots.push_back(k);
            }
            if (open_slots.empty()) return PreferenceOutcome::booth_closed;
            const auto at_booth =
                std::count_if(placements.begin(), placements.end(),
                              [&](const auto& p) { return p.booth == entry.booth; });
            if (booth.max_interviews != kNoCap && at_booth >= booth.max_interviews) {
                number = booth.max_interviews;
                return PreferenceOutcome::booth_cap_reached;
            }
            if (static_cast<int>(own_slots.size()) >= state.max_interviews) {
                number = state.max_interviews;
                return PreferenceOutcome::student_cap_reached;
            }
            bool free_seat_somewhere = false;
            for (int k : open_slots) {
                const auto taken = std::count_if(
                    placements.begin(), placements.end(),
                    [&](const auto& p) { return p.booth == entry.booth && p.slot == k; });
                if (taken >= booth.seats) continue;
                free_seat_somewhere = true;
                const bool student_free =
                    std::none_of(own_slots.begin(), own_slots.end(),
                                 [&](int o) { return std::abs(o - k) <= gap; });
                if (student_free) return PreferenceOutcome::placeable;
            }
            return free_seat_somewhere ? PreferenceOutcome::own_interviews
                                       : PreferenceOutcome::booth_full;
        }();
        if (entry.booth >= 0) out.booth = model.booths()[size_t(entry.booth)].id;
        if (placed != placements.end()) out.placement = *placed;
        const auto& words = wording_of(out.outcome);
        out.reason_vi = fill_number(words.vi, number);
        out.reason_en = fill_number(words.en, number);
        explanations.push_back(std::move(out));
    }
    return explanations;
}

}  // namespace jobfair::alloc
