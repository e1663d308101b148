#include "common/wire_codes.hpp"

#include <nlohmann/json.hpp>

namespace jobfair {

std::string_view whereabouts_code(Whereabouts whereabouts) {
    return code_in(kWhereaboutsCodes, whereabouts);
}
std::optional<Whereabouts> parse_whereabouts(std::string_view text) {
    return parse_in(kWhereaboutsCodes, text);
}
void to_json(nlohmann::json& out, Whereabouts whereabouts) {
    out = whereabouts_code(whereabouts);
}
void from_json(const nlohmann::json& in, Whereabouts& whereabouts) {
    whereabouts = enum_from_json(in, kWhereaboutsCodes, "vị trí sinh viên", "whereabouts");
}

std::string_view nobody_code(CallNobody nobody) {
    return code_in(kCallNobodyCodes, nobody);
}
std::optional<CallNobody> parse_nobody(std::string_view text) {
    return parse_in(kCallNobodyCodes, text);
}
void to_json(nlohmann::json& out, CallNobody nobody) {
    out = nobody_code(nobody);
}
void from_json(const nlohmann::json& in, CallNobody& nobody) {
    nobody = enum_from_json(in, kCallNobodyCodes, "lý do không gọi được", "nobody-called reason");
}

std::string_view standby_block_code(StandbyBlock block) {
    return code_in(kStandbyBlockCodes, block);
}
std::optional<StandbyBlock> parse_standby_block(std::string_view text) {
    return parse_in(kStandbyBlockCodes, text);
}
void to_json(nlohmann::json& out, StandbyBlock block) {
    if (block == StandbyBlock::none) {
        out = nullptr;
    } else {
        out = standby_block_code(block);
    }
}
void from_json(const nlohmann::json& in, StandbyBlock& block) {
    if (in.is_null()) {
        block = StandbyBlock::none;
        return;
    }
    block = enum_from_json(in, kStandbyBlockCodes, "lý do chưa gọi được", "standby block");
}

std::string_view no_interview_reason_code(NoInterviewReason reason) {
    return code_in(kNoInterviewReasonCodes, reason);
}
std::string_view no_interview_reason_vi(NoInterviewReason reason) {
    switch (reason) {
        case NoInterviewReason::none:
            return "";
        case NoInterviewReason::no_booth_for_them:
            return "Các doanh nghiệp bạn chọn không tuyển nghề hoặc trình độ của bạn.";
        case NoInterviewReason::booths_full:
            return "Các doanh nghiệp bạn chọn đã kín lịch trong thời gian bạn ở hội chợ.";
        case NoInterviewReason::booths_closed:
            return "Các doanh nghiệp bạn chọn đã đóng cửa, tạm dừng, hoặc bạn đã phỏng vấn ở đó.";
        case NoInterviewReason::own_limit_reached:
            return "Bạn đã có đủ số buổi phỏng vấn tối đa hôm nay.";
        case NoInterviewReason::leaving:
            return "Bạn về trước khi có chỗ trống ở các doanh nghiệp bạn chọn.";
    }
    return "";
}
std::string_view no_interview_reason_en(NoInterviewReason reason) {
    switch (reason) {
        case NoInterviewReason::none:
            return "";
        case NoInterviewReason::no_booth_for_them:
            return "The enterprises you chose do not recruit your trade or level.";
        case NoInterviewReason::booths_full:
            return "The enterprises you chose are fully booked while you are at the fair.";
        case NoInterviewReason::booths_closed:
            return "The enterprises you chose have closed or paused, or you have met them.";
        case NoInterviewReason::own_limit_reached:
            return "You have had as many interviews as a student may have today.";
        case NoInterviewReason::leaving:
            return "You leave before a seat is expected to free at the enterprises you chose.";
    }
    return "";
}
void to_json(nlohmann::json& out, NoInterviewReason reason) {
    if (reason == NoInterviewReason::none) {
        out = nullptr;
    } else {
        out = no_interview_reason_code(reason);
    }
}
void from_json(const nlohmann::json& in, NoInterviewReason& reason) {
    if (in.is_null()) {
        reason = NoInterviewReason::none;
        return;
    }
    reason = enum_from_json(in, kNoInterviewReasonCodes, "lý do không có phỏng vấn",
                            "no-interview reason");
}

}  // namespace jobfair
