#include "kiosk/ui/gallery_view.hpp"

#include <imgui.h>

namespace jobfair::ui {
namespace {

// A ticket payload in the real format (36 characters, A-Z and 2-7): version 2, 25x25 modules.
constexpr const char* kSampleTicket = "JF1AB2CDEFGH3IJKLMNOPQRSTUVWXYZ4567A";

// Every Vietnamese vowel with every tone mark, and đ.
constexpr const char* kToneMarksLower =
    "a á à ả ã ạ  ă ắ ằ ẳ ẵ ặ  â ấ ầ ẩ ẫ ậ  e é è ẻ ẽ ẹ  ê ế ề ể ễ ệ  i í ì ỉ ĩ ị  đ\n"
    "o ó ò ỏ õ ọ  ô ố ồ ổ ỗ ộ  ơ ớ ờ ở ỡ ợ  u ú ù ủ ũ ụ  ư ứ ừ ử ữ ự  y ý ỳ ỷ ỹ ỵ";
constexpr const char* kToneMarksUpper =
    "A Á À Ả Ã Ạ  Ă Ắ Ằ Ẳ Ẵ Ặ  Â Ấ Ầ Ẩ Ẫ Ậ  E É È Ẻ Ẽ Ẹ  Ê Ế Ề Ể Ễ Ệ  I Í Ì Ỉ Ĩ Ị  Đ\n"
    "O Ó Ò Ỏ Õ Ọ  Ô Ố Ồ Ổ Ỗ Ộ  Ơ Ớ Ờ Ở Ỡ Ợ  U Ú Ù Ủ Ũ Ụ  Ư Ứ Ừ Ử Ữ Ự  Y Ý Ỳ Ỷ Ỹ Ỵ";

bool is_landscape() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    return display.x > display.y;
}

}  // namespace

GalleryView::GalleryView(const FontSet& fonts)
    : fonts_(fonts), ticket_qr_(encode_qr(kSampleTicket)) {}

void GalleryView::record(const std::optional<KeyTap>& tap) {
    if (!tap) return;
    switch (tap->kind) {
        case KeyKind::character:
            last_key_ = std::string(1, tap->character);
            break;
        case KeyKind::space:
            last_key_ = "space";
            break;
        case KeyKind::backspace:
            last_key_ = "backspace";
            break;
        case KeyKind::enter:
            last_key_ = "enter";
            break;
        case KeyKind::shift:
            letters_.uppercase = !letters_.uppercase;
            last_key_ = "shift";
            break;
        case KeyKind::show_digits:
            last_key_ = "123";
            break;
        case KeyKind::show_letters:
            last_key_ = "ABC";
            break;
    }
}

void GalleryView::draw() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("gallery", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PushFont(fonts_.huge);
    ImGui::TextUnformatted("A042 • Bàn B07");
    ImGui::PopFont();
    if (is_landscape() && ImGui::BeginTable("columns", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        draw_text_samples();
        draw_controls();
        ImGui::TableNextColumn();
        draw_qr_and_digits();
        draw_letters_keyboard();
        ImGui::EndTable();
    } else {
        draw_text_samples();
        draw_controls();
        draw_qr_and_digits();
        draw_letters_keyboard();
    }
    ImGui::End();
}

void GalleryView::draw_text_samples() {
    ImGui::PushFont(fonts_.large);
    ImGui::TextWrapped("Nguyễn Thị Hường — Trường Cao đẳng Việt–Hàn Quảng Ninh");
    ImGui::PopFont();
    ImGui::TextWrapped(
        "Phỏng vấn lúc 09:30 tại bàn B07, “Hàn điện” bậc Cao đẳng; lương khởi điểm 8 triệu ₫… "
        "Hãy đến sớm 10 phút — mang theo vé QR.");
    ImGui::PushFont(fonts_.small);
    ImGui::TextUnformatted(kToneMarksLower);
    ImGui::TextUnformatted(kToneMarksUpper);
    ImGui::PopFont();
}

void GalleryView::draw_controls() {
    touch_button("Đăng ký ngay", Tone::primary);
    ImGui::SameLine();
    touch_button("Quét vé", Tone::neutral);
    ImGui::SameLine();
    touch_button("Xác nhận", Tone::ok);
    touch_button("Tạm dừng", Tone::warning);
    ImGui::SameLine();
    touch_button("Huỷ phỏng vấn", Tone::danger);
    ImGui::SameLine();
    touch_button("Hướng dẫn", Tone::info);

    status_pill("Đã kết nối", Tone::ok);
    ImGui::SameLine();
    status_pill("Trễ 5 phút", Tone::warning);
    ImGui::SameLine();
    status_pill("Ngoại tuyến", Tone::danger);
    ImGui::SameLine();
    status_pill("Đang gọi", Tone::info);

    countdown_ring(0.6f, "18", 56);
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushFont(fonts_.body_bold);
    ImGui::Text("Phím vừa bấm: %s", last_key_.c_str());
    ImGui::PopFont();
    countdown_bar(0.6f, "Tự động quay lại sau 18 giây", ImVec2(0, 48));
    ImGui::EndGroup();
}

void GalleryView::draw_qr_and_digits() {
    const int pixels_per_module = qr_pixels_per_module_to_fit(ticket_qr_, 330);
    ImGui::BeginGroup();
    qr_code(ticket_qr_, pixels_per_module);
    ImGui::PushFont(fonts_.small);
    ImGui::Text("Vé QR, %d px/mô-đun", pixels_per_module);
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::SameLine(0, 48);
    KeyboardView digits;
    digits.layout = KeyboardLayout::digits;
    digits.width = 3 * 110 + 2 * 12;
    record(on_screen_keyboard(digits));
}

void GalleryView::draw_letters_keyboard() {
    record(on_screen_keyboard(letters_));
}

}  // namespace jobfair::ui
