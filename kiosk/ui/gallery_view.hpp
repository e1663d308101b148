// The gallery's one screen: every jobfair_ui widget and Vietnamese text in every tone mark, laid
// out for portrait (1080x1920) or landscape (1920x1080). A demo, so its strings live here.
#pragma once

#include <optional>
#include <string>

#include "common/qr.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/widgets.hpp"

namespace jobfair::ui {

class GalleryView {
  public:
    explicit GalleryView(const FontSet& fonts);
    void draw();

  private:
    void draw_text_samples();
    void draw_controls();
    void draw_qr_and_digits();
    void draw_letters_keyboard();
    void record(const std::optional<KeyTap>& tap);

    const FontSet& fonts_;
    QrMatrix ticket_qr_;
    KeyboardView letters_;
    std::string last_key_ = "—";
};

}  // namespace jobfair::ui
