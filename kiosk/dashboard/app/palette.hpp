// The dashboard's own colours as plain numbers (0xRRGGBB), without ImGui, so a unit test can hold
// every text colour against the background it is drawn on to WCAG AA (4.5:1): kTextPairs lists
// them all. view_kit and the tabs draw with these names; the shared theme's colours are kiosk/ui's.
#pragma once

namespace jobfair::dashboard::palette {

// Text.
inline constexpr unsigned kInk = 0x111418;    // body text on every light panel
inline constexpr unsigned kMuted = 0x4F5866;  // secondary text, also on the tinted tiles
inline constexpr unsigned kWhite = 0xFFFFFF;
inline constexpr unsigned kNoShowRed = 0xA91D1A;    // a tile's no-show count
inline constexpr unsigned kPausedLabel = 0x7A5200;  // a paused booth's row label on the timeline
inline constexpr unsigned kHeaderSoft = 0xC9D7F0;   // the header's secondary words
inline constexpr unsigned kHeaderSofter = 0xAFC3E6;

// Backgrounds.
inline constexpr unsigned kHeader = 0x0B2F63;
inline constexpr unsigned kTintOk = 0xE8F4EA;  // a tile or pulse card by health
inline constexpr unsigned kTintWarning = 0xFFF4D1;
inline constexpr unsigned kTintDanger = 0xFCE3E2;
inline constexpr unsigned kTintQuiet = 0xEDEFF2;
inline constexpr unsigned kAlertRow = 0xF2F4F7;
inline constexpr unsigned kAlertRowHovered = 0xE1E5EB;
inline constexpr unsigned kTimelineStripe = 0xF1F3F6;  // every other timeline row
inline constexpr unsigned kTimelineAxis = 0xEDEFF2;

// Interview statuses: block fill and the text on it.
inline constexpr unsigned kPlanned = 0xC9D1DC;
inline constexpr unsigned kPromised = 0x9CC0F5;
inline constexpr unsigned kCalled = 0xF4B400;
inline constexpr unsigned kInProgress = 0x0B6E99;
inline constexpr unsigned kDone = 0x1E7B34;
inline constexpr unsigned kNoShow = 0xC5221F;
inline constexpr unsigned kCancelledText = 0x6B7280;  // on white
inline constexpr unsigned kUnknownStatus = 0xBCC4CF;

struct TextOn {
    const char* where;
    unsigned text;
    unsigned background;
};

// Every pair of text and background the dashboard draws itself.
inline constexpr TextOn kTextPairs[] = {
    {"header title", kWhite, kHeader},
    {"header details", kHeaderSoft, kHeader},
    {"header fair clock", kHeaderSofter, kHeader},
    {"tile ok", kInk, kTintOk},
    {"tile warning", kInk, kTintWarning},
    {"tile danger", kInk, kTintDanger},
    {"tile quiet", kInk, kTintQuiet},
    {"tile ok, muted", kMuted, kTintOk},
    {"tile warning, muted", kMuted, kTintWarning},
    {"tile danger, muted", kMuted, kTintDanger},
    {"tile quiet, muted", kMuted, kTintQuiet},
    {"tile ok, no-shows", kNoShowRed, kTintOk},
    {"tile warning, no-shows", kNoShowRed, kTintWarning},
    {"tile danger, no-shows", kNoShowRed, kTintDanger},
    {"tile quiet, no-shows", kNoShowRed, kTintQuiet},
    {"alert row", kInk, kAlertRow},
    {"alert row hovered", kInk, kAlertRowHovered},
    {"muted on white", kMuted, kWhite},
    {"paused booth label", kPausedLabel, kWhite},
    {"paused booth label, stripe", kPausedLabel, kTimelineStripe},
    {"timeline axis", kMuted, kTimelineAxis},
    {"planned", kInk, kPlanned},
    {"promised", kInk, kPromised},
    {"called", kInk, kCalled},
    {"in progress", kWhite, kInProgress},
    {"done", kWhite, kDone},
    {"no-show", kWhite, kNoShow},
    {"cancelled", kCancelledText, kWhite},
    {"unknown status", kInk, kUnknownStatus},
};

}  // namespace jobfair::dashboard::palette
