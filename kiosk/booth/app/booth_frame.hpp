// What one BoothView::draw() works with: the state, the time, the layout and the intents; shared
// by the screen (booth_view.cpp) and its overlays (booth_overlays.cpp).
#pragma once

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/booth/app/booth_view.hpp"
#include "kiosk/booth/model/booth_strings.hpp"

namespace jobfair::booth::app {

struct BoothView::Frame {
    const BoothState& state;
    Clock::time_point now;
    std::vector<Intent>& asked;
    Language language;
    ImVec2 display;
    float margin = 32;
    float gap = 24;
    float button_height = 88;

    const char* text(BoothText id) const { return tr(id, language); }
    std::string fill(BoothText id, std::initializer_list<std::string_view> values) const {
        return tr_fill(id, language, values);
    }
    bool vietnamese() const { return language == Language::vi; }
    bool busy() const { return state.action_in_flight.has_value(); }
};

}  // namespace jobfair::booth::app
