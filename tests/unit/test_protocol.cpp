// The protocol's messages survive a trip through JSON, and older or provisional answers that
// leave the newer fields out still read.
#include <doctest/doctest.h>

#include "common/protocol.hpp"

using namespace jobfair;
using nlohmann::json;

TEST_CASE("an enterprise card carries when a seat is free, and reads without one") {
    protocol::EnterpriseCard card;
    card.booth = "B07";
    card.enterprise = "Công ty Việt Hàn";
    card.open = "08:00";
    card.close = "11:30";
    card.free_from = "10:15";
    const json wire = card;
    CHECK(wire.at("free_from") == "10:15");
    CHECK(wire.get<protocol::EnterpriseCard>().free_from == std::optional<std::string>("10:15"));
    card.free_from.reset();
    const json full = card;
    CHECK_FALSE(full.contains("free_from"));
    CHECK_FALSE(full.get<protocol::EnterpriseCard>().free_from.has_value());
}

TEST_CASE("an enterprise card says when the enterprise takes CVs, and an old one reads as not") {
    protocol::EnterpriseCard card;
    card.booth = "B03";
    card.enterprise = "Công ty B03";
    card.open = "08:00";
    card.close = "11:30";
    CHECK_FALSE(json(card).contains("takes_cvs"));
    card.takes_cvs = true;
    const json wire = card;
    CHECK(wire.at("takes_cvs") == true);
    CHECK(wire.get<protocol::EnterpriseCard>().takes_cvs);
    json old = wire;
    old.erase("takes_cvs");
    CHECK_FALSE(old.get<protocol::EnterpriseCard>().takes_cvs);
}

TEST_CASE("a walk-in form carries the typed trade with Other trade, and reads without a code") {
    protocol::WalkInRegistration form;
    form.full_name = "Phạm Văn Đức";
    form.phone = "0912345678";
    form.occupation = "other";
    form.occupation_text = "Sửa chữa điện thoại";
    form.level = "intermediate";
    form.preferences = {"B06"};
    json wire = form;
    CHECK(wire.at("occupation_text") == "Sửa chữa điện thoại");
    CHECK(wire.get<protocol::WalkInRegistration>().occupation_text == form.occupation_text);
    // Occupation left out or null: no code (Other trade), the rest read as sent.
    wire.erase("occupation");
    CHECK(wire.get<protocol::WalkInRegistration>().occupation.empty());
    wire["occupation"] = nullptr;
    CHECK(wire.get<protocol::WalkInRegistration>().occupation.empty());
    // A listed trade's form has no typed name, on the wire or read back.
    form.occupation = "welding";
    form.occupation_text.reset();
    CHECK_FALSE(json(form).contains("occupation_text"));
    CHECK_FALSE(json(form).get<protocol::WalkInRegistration>().occupation_text.has_value());
    // A typed name of the wrong JSON type is a malformed form.
    json wrong = form;
    wrong["occupation_text"] = 7;
    CHECK_THROWS_AS(wrong.get<protocol::WalkInRegistration>(), json::exception);
}

TEST_CASE("a check-in answer carries standby, the reason, free booths and CV booths both ways") {
    protocol::CheckInAnswer answer;
    answer.ticket = "JF1.abc";
    answer.ticket_label = "A-0427";
    answer.standby = {{"B07", "Công ty B07", "10:20"}, {"B09", "Công ty B09", std::nullopt}};
    answer.no_interview = "booths_full";
    answer.free_seats = {{"B12", "Công ty B12", "10:15"}};
    answer.takes_cvs = {{"B03", "Công ty B03"}};
    const json wire = answer;
    CHECK(wire.at("standby").at(1).at("estimate").is_null());
    CHECK(wire.at("free_seats").at(0).at("from") == "10:15");
    const auto back = wire.get<protocol::CheckInAnswer>();
    REQUIRE(back.standby.size() == 2);
    CHECK(back.standby[0].estimate == std::optional<std::string>("10:20"));
    CHECK_FALSE(back.standby[1].estimate.has_value());
    CHECK(back.standby[1].enterprise == "Công ty B09");
    CHECK(back.no_interview == std::optional<std::string>("booths_full"));
    REQUIRE(back.free_seats.size() == 1);
    CHECK(back.free_seats[0].booth == "B12");
    CHECK(back.free_seats[0].from == "10:15");
    REQUIRE(back.takes_cvs.size() == 1);
    CHECK(back.takes_cvs[0].enterprise == "Công ty B03");

    // An answer without the newer fields (an older server) reads as "nothing known".
    json old = wire;
    for (const char* key : {"standby", "no_interview", "free_seats", "takes_cvs"})
        old.erase(key);
    const auto plain = old.get<protocol::CheckInAnswer>();
    CHECK(plain.standby.empty());
    CHECK_FALSE(plain.no_interview.has_value());
    CHECK(plain.free_seats.empty());
    CHECK(plain.takes_cvs.empty());
}

TEST_CASE("the student's status carries free booths and CV booths both ways") {
    protocol::StudentStatus status;
    status.ticket_label = "A-0087";
    status.now = "10:00";
    status.checked_in = true;
    status.no_interview = "booths_full";
    status.free_seats = {{"B12", "Công ty B12", "10:15"}, {"B14", "Công ty B14", "10:45"}};
    status.takes_cvs = {{"B03", "Công ty B03"}};
    const auto back = json(status).get<protocol::StudentStatus>();
    REQUIRE(back.free_seats.size() == 2);
    CHECK(back.free_seats[1].booth == "B14");
    CHECK(back.free_seats[1].from == "10:45");
    REQUIRE(back.takes_cvs.size() == 1);
    CHECK(back.takes_cvs[0].booth == "B03");
    CHECK(back.no_interview == std::optional<std::string>("booths_full"));
}

TEST_CASE("an add-booth request names the booth, and the ticket only from a kiosk") {
    const json kiosk = protocol::AddBooth{"JF1.abc", "B12"};
    CHECK(kiosk == json{{"ticket", "JF1.abc"}, {"booth", "B12"}});
    const json phone = protocol::AddBooth{"", "B12"};
    CHECK(phone == json{{"booth", "B12"}});
    const auto back = phone.get<protocol::AddBooth>();
    CHECK(back.ticket.empty());
    CHECK(back.booth == "B12");
    CHECK_THROWS_AS(json::object().get<protocol::AddBooth>(), json::exception);
}
