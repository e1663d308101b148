// The check-in kiosk's views: one thin draw function per Screen. They only read the KioskState
// and append the Intents the student asked for (STYLE.md rule 3); every word comes from the
// string table (kiosk/checkin/model/strings.hpp). Widget ids come from data ids: booth, occupation
// code, consent purpose, field.
//
// Layouts: portrait (1080x1920) stacks the blocks of a screen; landscape (1920x1080) puts them in
// two columns side by side. ScreenLayout decides from the window size alone.
//
// Index: ScreenLayout · KioskView (header and footer, welcome, checking_in, register_form with the
// trade picker, choose_enterprises, confirm, submitting, result)
#pragma once

#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/qr.hpp"
#include "kiosk/checkin/model/session.hpp"
#include "kiosk/ui/fonts.hpp"

namespace jobfair::checkin::app {

struct ScreenLayout {
    ImVec2 size;
    bool portrait = true;
    int columns = 1;       // blocks side by side: 1 portrait, 2 landscape
    int card_columns = 2;  // enterprise cards per row
    float margin = 40;
    float key_height = 80;
    float footer_height = 64;

    static ScreenLayout for_window(ImVec2 size);
};

class KioskView {
  public:
    explicit KioskView(const ui::FontSet& fonts) : fonts_(fonts) {}

    // Draws the whole window for `state`; what the student tapped is appended to `asked`.
    void draw(const KioskState& state, TimePoint now, std::vector<Intent>& asked);

    // Where a tappable target was drawn in the last frame ("register_now", "field:phone",
    // "trade:welding", "card:B07", ...), for scripted runs that click like a finger.
    std::optional<ImVec2> target_centre(const std::string& id) const;

  private:
    struct Frame;  // the state, the time, the layout and the intents of one draw()

    void header(Frame& frame);
    void footer(Frame& frame);
    void welcome(Frame& frame);
    void waiting(Frame& frame, Text message);
    void register_form(Frame& frame);
    void trade_picker(Frame& frame);
    void choose_enterprises(Frame& frame);
    void confirm(Frame& frame);
    void result(Frame& frame);
    void rest_of_day(Frame& frame);

    void text_field(Frame& frame, Field field, Text label, const std::string& value);
    void problem_line(Frame& frame, FormItem item);
    void back_telex_next(Frame& frame);  // Back, the Telex switch and Next in one row
    void keyboard(Frame& frame, bool digits_only);
    void enterprise_card(Frame& frame, const protocol::EnterpriseCard& card, ImVec2 size);
    void remember(const std::string& id);  // the item just drawn, as a target

    const ui::FontSet& fonts_;
    // Drawing aids that belong to no student; reset on Welcome.
    bool shift_ = false;
    bool digits_ = false;
    bool trade_picker_open_ = false;
    std::string qr_payload_;  // the ticket whose matrix is cached, to encode it once
    QrMatrix qr_;
    std::string phone_qr_payload_;  // the status link whose matrix is cached
    QrMatrix phone_qr_;
    std::map<std::string, std::pair<ImVec2, ImVec2>> targets_;
};

}  // namespace jobfair::checkin::app
