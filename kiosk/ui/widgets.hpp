// Widgets the kiosk screens share. They draw and report what was tapped; they hold no screen's
// state and no text of their own (labels come from the caller's Vietnamese/English table).
//
// Index: touch_button · qr_code · status_pill · countdown_ring, countdown_bar · on_screen_keyboard
#pragma once

#include <imgui.h>

#include <optional>

#include "common/qr.hpp"
#include "kiosk/ui/theme.hpp"

namespace jobfair::ui {

// A style colour as ImDrawList takes it.
ImU32 packed(const ImVec4& colour);

// Pushes a font for the scope: every early return pops it.
class ScopedFont {
  public:
    explicit ScopedFont(ImFont* font) { ImGui::PushFont(font); }
    ~ScopedFont() { ImGui::PopFont(); }
    ScopedFont(const ScopedFont&) = delete;
    ScopedFont& operator=(const ScopedFont&) = delete;
};

// A button a finger can hit: at least kMinTouchTarget in both directions (a zero or small `size`
// grows to fit the label; a negative width fills to the right edge, as in ImGui). True on the
// frame the tap is released over it.
bool touch_button(const char* label, Tone tone = Tone::neutral, ImVec2 size = ImVec2(0, 0));

// --- QR codes ------------------------------------------------------------------------------
// Phones read a QR on a screen reliably from 8 px per module; less is a programmer mistake.
inline constexpr int kMinQrPixelsPerModule = 8;

// Side of the drawn code in pixels, the 4-module white quiet zone included.
int qr_side_px(const QrMatrix& matrix, int pixels_per_module);
// The largest whole number of pixels per module whose code fits in `available_px`, but never
// below kMinQrPixelsPerModule (the caller must then make room).
int qr_pixels_per_module_to_fit(const QrMatrix& matrix, float available_px);
// Draws the code at the cursor as pixel-aligned rectangles (crisp, no anti-aliasing), on white
// with the quiet zone, and advances the cursor like an image.
void qr_code(const QrMatrix& matrix, int pixels_per_module = kMinQrPixelsPerModule);

// --- States and time ---------------------------------------------------------------------------
// A rounded label coloured by its tone: "Online", "Offline", "Late 5 min".
void status_pill(const char* text, Tone tone);

// Time left as a ring emptying clockwise from 12 o'clock; `centre_text` (e.g. "12") in the middle.
// `fraction_left` is clamped to [0, 1].
void countdown_ring(float fraction_left, const char* centre_text, float radius,
                    Tone tone = Tone::primary);
// Time left as a bar emptying to the left, with `label` centred on it (may be empty). A zero
// width fills the available width.
void countdown_bar(float fraction_left, const char* label, ImVec2 size, Tone tone = Tone::primary);

// --- On-screen keyboard ------------------------------------------------------------------------
// Only a view: it reports the key tapped, the caller's model does the text (Telex for Vietnamese
// works through the letter keys: aa -> â, s f r x j for tones). Special keys are drawn as icons,
// so the keyboard needs no translated labels.
enum class KeyboardLayout { letters, digits };

enum class KeyKind {
    character,  // a letter (lowercase, or uppercase while `uppercase`) or a digit
    space,      // letters layout only
    backspace,
    enter,
    shift,         // letters layout only
    show_digits,   // the "123" key
    show_letters,  // the "ABC" key
};

struct KeyTap {
    KeyKind kind = KeyKind::character;
    char character = 0;  // set for KeyKind::character: 'a'-'z', 'A'-'Z' or '0'-'9'
};

struct KeyboardView {
    KeyboardLayout layout = KeyboardLayout::letters;
    bool uppercase = false;         // letters show (and report) as capitals; shift looks locked
    bool can_switch_layout = true;  // false for a phone-number pad with no letters
    float width = 0;                // 0: the available width
    float key_height = 80;          // at least kMinTouchTarget
};

// Draws the keyboard at the cursor; returns the key tapped this frame, if any.
std::optional<KeyTap> on_screen_keyboard(const KeyboardView& view);

}  // namespace jobfair::ui
