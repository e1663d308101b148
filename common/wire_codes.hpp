// The closed sets of the booth's queue and calls that cross the wire as codes (docs/api.md section
// 6), each an enum with one code table; the interview's status and outcome are in
// interview_status.hpp. JSON reads a code once, into the enum; an unknown code throws UnknownCode.
//
// Index: Whereabouts · CallNobody · StandbyBlock · NoInterviewReason
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "common/code_table.hpp"

namespace jobfair {

// --- Whereabouts: where the student of a queued interview is now ------------------------------
enum class Whereabouts {
    not_arrived,  // not checked in
    checked_in,   // here and free for this interview
    busy,         // called to or interviewing at another booth (busy_at says which)
    away,         // said from their phone they are late or stepped out (away_until says till when)
};

inline constexpr CodeTable<Whereabouts, 4> kWhereaboutsCodes{{
    {Whereabouts::not_arrived, "not_arrived"},
    {Whereabouts::checked_in, "checked_in"},
    {Whereabouts::busy, "busy"},
    {Whereabouts::away, "away"},
}};

std::string_view whereabouts_code(Whereabouts whereabouts);
std::optional<Whereabouts> parse_whereabouts(std::string_view text);
void to_json(nlohmann::json& out, Whereabouts whereabouts);
void from_json(const nlohmann::json& in, Whereabouts& whereabouts);

// --- CallNobody: why a call-next or take-walk-in called nobody ("nobody" of the answer) -------
enum class CallNobody {
    none,            // someone was called ("")
    seat_busy,       // the seat still holds a called or in-progress interview
    seat_held,       // the seat is held for a promised student
    outside_hours,   // the fair's interview hours are over or have not begun
    nobody_waiting,  // nobody checked in is waiting for this booth
    not_in_standby,  // the student asked for is not in the booth's standby queue
    booth_full,      // the booth has reached its max_interviews for the day
    not_yet,         // the seat's next promise is called only shortly before its slot
};

inline constexpr CodeTable<CallNobody, 8> kCallNobodyCodes{{
    {CallNobody::none, ""},
    {CallNobody::seat_busy, "seat_busy"},
    {CallNobody::seat_held, "seat_held"},
    {CallNobody::outside_hours, "outside_hours"},
    {CallNobody::nobody_waiting, "nobody_waiting"},
    {CallNobody::not_in_standby, "not_in_standby"},
    {CallNobody::booth_full, "booth_full"},
    {CallNobody::not_yet, "not_yet"},
}};

// "seat_busy", ...: the code the API names it by; "" for none.
std::string_view nobody_code(CallNobody nobody);
std::optional<CallNobody> parse_nobody(std::string_view text);
void to_json(nlohmann::json& out, CallNobody nobody);
void from_json(const nlohmann::json& in, CallNobody& nobody);

// --- StandbyBlock: why a checked-in student who wants a booth cannot be called into it from its
// standby queue now. One rule for the engine (call_next, take_from_standby) and for what booth
// staff are shown ("blocked" of a standby entry, null for none).
enum class StandbyBlock {
    none,
    outside_hours,       // the fair's interview hours are over or have not begun
    left,                // past the time the student said they leave
    busy_elsewhere,      // called to or interviewing at another booth
    met_booth,           // already called, interviewed or missed here (a pair meets once)
    interview_limit,     // as many interviews as the student may have
    own_interview_near,  // one of their own promises is too close to now (the gap rule)
    away,                // said from their phone they are late or stepped out, until a time
};

inline constexpr CodeTable<StandbyBlock, 8> kStandbyBlockCodes{{
    {StandbyBlock::none, ""},
    {StandbyBlock::outside_hours, "outside_hours"},
    {StandbyBlock::left, "left"},
    {StandbyBlock::busy_elsewhere, "busy_elsewhere"},
    {StandbyBlock::met_booth, "met_booth"},
    {StandbyBlock::interview_limit, "interview_limit"},
    {StandbyBlock::own_interview_near, "own_interview_near"},
    {StandbyBlock::away, "away"},
}};

// "busy_elsewhere", ...: the code the API names it by; "" for none.
std::string_view standby_block_code(StandbyBlock block);
std::optional<StandbyBlock> parse_standby_block(std::string_view text);
// JSON: null for none, else the code.
void to_json(nlohmann::json& out, StandbyBlock block);
void from_json(const nlohmann::json& in, StandbyBlock& block);

// --- NoInterviewReason: why a student here has nothing promised or estimated for the rest of
// the day, told plainly and early (scheduler/live/outlook.hpp).
enum class NoInterviewReason {
    none,               // something is promised or estimated
    no_booth_for_them,  // none of their booths takes their trade or level
    booths_full,        // their booths have no seat left while they are here
    booths_closed,      // their booths have closed or paused, or they met them all
    own_limit_reached,  // they have had as many interviews as a student may
    leaving,            // their stay ends before any seat is expected to free
};

inline constexpr CodeTable<NoInterviewReason, 6> kNoInterviewReasonCodes{{
    {NoInterviewReason::none, ""},
    {NoInterviewReason::no_booth_for_them, "no_booth_for_them"},
    {NoInterviewReason::booths_full, "booths_full"},
    {NoInterviewReason::booths_closed, "booths_closed"},
    {NoInterviewReason::own_limit_reached, "own_limit_reached"},
    {NoInterviewReason::leaving, "leaving"},
}};

std::string_view no_interview_reason_code(NoInterviewReason reason);
// What the student is told, in Vietnamese and in English.
std::string_view no_interview_reason_vi(NoInterviewReason reason);
std::string_view no_interview_reason_en(NoInterviewReason reason);
// JSON: null for none, else the code.
void to_json(nlohmann::json& out, NoInterviewReason reason);
void from_json(const nlohmann::json& in, NoInterviewReason& reason);

}  // namespace jobfair
