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

}  // namespace jobfair
