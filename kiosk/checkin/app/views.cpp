#include "kiosk/checkin/app/views.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "common/fair_date.hpp"
#include "common/occupations.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace jobfair::checkin::app {

// --- ScreenLayout --------------------------------------------------------------------------------

ScreenLayout ScreenLayout::for_window(ImVec2 size) {
    ScreenLayout layout;
    layout.size = size;
    layout.portrait = size.y >= size.x;
    layout.columns = layout.portrait ? 1 : 2;
    layout.card_columns = 2;
    layout.margin = std::round(std::clamp(std::min(size.x, size.y) * 0.035f, 16.0f, 48.0f));
    layout.key_height = layout.portrait ? 76 : ui::kMinTouchTarget;
    return layout;
}

// --- Helpers -------------------------------------------------------------------------------------

struct KioskView::Frame {
    const KioskState& state;
    TimePoint now;
    std::vector<Intent>& asked;
    ScreenLayout layout;
    Language language;

    const char* text(Text id) const { return tr(id, language); }
    std::string fill(Text id, std::initializer_list<std::string_view> values) const {
        return tr_fill(id, language, values);
    }
    bool vietnamese() const { return language == Language::vi; }
    const StudentSession& student() const { return *state.student; }
};

namespace {

using ui::packed;
using ui::ScopedFont;

void wrapped(std::string_view text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

void wrapped_in(ImFont* font, std::string_view text) {
    const ScopedFont scoped(font);
    wrapped(text);
}

void toned_text(ui::Tone tone, std::string_view text) {
    // The tone's text colour for the background (amber itself is 1.7:1 on white; the palette's
    // dark amber-brown is checked at AA by tests/unit/test_theme_contrast.cpp).
    ImGui::PushStyleColor(ImGuiCol_Text, ui::tone_colours(tone).on_background);
    wrapped(text);
    ImGui::PopStyleColor();
}

void gap(float height) {
    ImGui::Dummy(ImVec2(1, height));
}

std::string level_name(Level level, bool vietnamese) {
    return std::string(vietnamese ? level_name_vi(level) : level_name_en(level));
}

constexpr Level kLevels[] = {Level::none, Level::intermediate, Level::college, Level::university};

// Portrait draws the blocks one under the other; landscape puts them side by side in children of
// the given height, each with its own wrap width.
template <class Left, class Right>
void two_blocks(const ScreenLayout& layout, float height, float left_fraction, Left left,
                Right right) {
    if (layout.columns == 1) {
        left();
        right();
        return;
    }
    const float gap_x = layout.margin;
    const float width = ImGui::GetContentRegionAvail().x;
    const float left_width = std::floor((width - gap_x) * left_fraction);
    ImGui::BeginChild("left_block", ImVec2(left_width, height), false,
                      ImGuiWindowFlags_NoBackground);
    left();
    ImGui::EndChild();
    ImGui::SameLine(0, gap_x);
    ImGui::BeginChild("right_block", ImVec2(0, height), false, ImGuiWindowFlags_NoBackground);
    right();
    ImGui::EndChild();
}

// The width of the form's label column: its longest label, in either language.
float label_column_width() {
    float widest = 0;
    for (const Text label : {Text::field_full_name, Text::field_phone, Text::field_school,
                             Text::field_trade, Text::field_trade_text, Text::field_level}) {
        for (const Language language : {Language::vi, Language::en})
            widest = std::max(widest, ImGui::CalcTextSize(tr(label, language)).x);
    }
    return widest + 16;
}

// A label in the form's label column, centred on a row of `height`; the row's item follows.
void label_beside(const char* label, float height) {
    const float width = label_column_width();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    const float text_height = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddText(ImVec2(origin.x, origin.y + (height - text_height) / 2),
                                        ImGui::GetColorU32(ImGuiCol_Text), label);
    ImGui::SameLine(0, 0);
}

// A button whose id is fixed ("###id") while its label changes with the language.
float button_height() {
    return std::max(ImGui::GetFrameHeight(), ui::kMinTouchTarget);
}

bool labelled_button(const char* label, const char* id, ui::Tone tone, ImVec2 size) {
    const std::string with_id = std::string(label) + "###" + id;
    return ui::touch_button(with_id.c_str(), tone, size);
}

}  // namespace

void KioskView::remember(const std::string& id) {
    targets_[id] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

std::optional<ImVec2> KioskView::target_centre(const std::string& id) const {
    const auto found = targets_.find(id);
    if (found == targets_.end()) return std::nullopt;
    const auto& [min, max] = found->second;
    return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2);
}

// --- The whole window ----------------------------------------------------------------------------

void KioskView::draw(const KioskState& state, TimePoint now, std::vector<Intent>& asked) {
    const ImGuiIO& io = ImGui::GetIO();
    Frame frame{state, now, asked, ScreenLayout::for_window(io.DisplaySize), state.language};
    targets_.clear();
    const Screen screen = current_screen(state);
    if (screen == Screen::welcome) {
        // Nothing drawn for one student may remain for the next.
        shift_ = false;
        digits_ = false;
        trade_picker_open_ = false;
    }
    if (screen != Screen::result || !state.student->answer) {
        qr_payload_.clear();
        qr_ = QrMatrix{};
        phone_qr_payload_.clear();
        phone_qr_ = QrMatrix{};
    }
    if (screen != Screen::register_form) trade_picker_open_ = false;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(frame.layout.margin, frame.layout.margin));
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    header(frame);
    ImGui::BeginChild("body", ImVec2(0, -frame.layout.footer_height), false,
                      ImGuiWindowFlags_NoBackground);
    // The theme's 20 px between items is for sparse screens; the form must fit with its keyboard.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(20, 10));
    switch (screen) {
        case Screen::welcome:
            welcome(frame);
            break;
        case Screen::checking_in:
            waiting(frame, Text::checking_in);
            break;
        case Screen::register_form:
            if (trade_picker_open_) {
                trade_picker(frame);
            } else {
                register_form(frame);
            }
            break;
        case Screen::choose_enterprises:
            choose_enterprises(frame);
            break;
        case Screen::confirm:
            confirm(frame);
            break;
        case Screen::submitting:
            waiting(frame, Text::submitting);
            break;
        case Screen::result:
            result(frame);
            break;
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
    footer(frame);
    ImGui::End();
}

// --- Header and footer: connection, language, time left ------------------------------------------

void KioskView::header(Frame& frame) {
    const KioskState& state = frame.state;
    ui::Tone tone = ui::Tone::ok;
    switch (connection(state)) {
        case Connection::online:
            tone = ui::Tone::ok;
            break;
        case Connection::offline:
            tone = ui::Tone::warning;
            break;
        case Connection::syncing:
            tone = ui::Tone::info;
            break;
    }
    ImGui::AlignTextToFramePadding();
    ui::status_pill(connection_text(state).c_str(), tone);
    const char* toggle = frame.text(Text::switch_language);
    const float toggle_width =
        std::max(ImGui::CalcTextSize(toggle).x + 2 * ImGui::GetStyle().FramePadding.x,
                 ui::kMinTouchTarget * 3);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - toggle_width);
    if (labelled_button(toggle, "language", ui::Tone::neutral, ImVec2(toggle_width, 0)))
        frame.asked.push_back(intent::ToggleLanguage{});
    remember("language");
    ImGui::Separator();
}

void KioskView::footer(Frame& frame) {
    const auto seconds = countdown_seconds(frame.state, frame.now);
    if (!seconds) return;
    const float limit = static_cast<float>(countdown_length(frame.state).count());
    const float bar_height = frame.layout.footer_height - ImGui::GetStyle().ItemSpacing.y;
    ui::countdown_bar(static_cast<float>(*seconds) / std::max(limit, 1.0f),
                      frame.fill(Text::countdown, {std::to_string(*seconds)}).c_str(),
                      ImVec2(0, bar_height), ui::Tone::warning);
}

// --- Welcome -------------------------------------------------------------------------------------

void KioskView::welcome(Frame& frame) {
    const KioskState& state = frame.state;
    const ScreenLayout& layout = frame.layout;
    const float height = ImGui::GetContentRegionAvail().y;
    two_blocks(
        layout, height, 0.55f,
        [&] {
            gap(layout.margin);
            wrapped_in(fonts_.large,
                       state.fair_name.empty() ? frame.text(Text::welcome_title) : state.fair_name);
            if (!state.fair_name.empty()) {
                wrapped_in(fonts_.body, fair_date_text(state.fair_date, state.language));
                wrapped_in(fonts_.body, frame.text(Text::welcome_title));
            }
            gap(layout.margin * 2);
            wrapped_in(fonts_.huge, frame.text(Text::welcome_scan_prompt));
            if (state.server_protocol_mismatch) {
                gap(layout.margin);
                const ScopedFont font(fonts_.body_bold);
                toned_text(ui::Tone::danger,
                           frame.fill(Text::version_mismatch,
                                      {std::to_string(protocol::kVersion),
                                       std::to_string(*state.server_protocol_mismatch)}));
            }
        },
        [&] {
            gap(layout.margin * (layout.portrait ? 1.0f : 6.0f));
            {
                const ScopedFont font(fonts_.large);
                ImGui::TextUnformatted(frame.text(Text::welcome_or));
                gap(layout.margin / 2);
                if (labelled_button(frame.text(Text::register_now), "register_now",
                                    ui::Tone::primary, ImVec2(-1, 180))) {
                    frame.asked.push_back(intent::StartRegistration{});
                }
                remember("register_now");
            }
            gap(layout.margin * 2);
            wrapped_in(fonts_.body, frame.text(Text::map_hint));
            gap(layout.margin / 2);
            wrapped_in(fonts_.body, frame.text(Text::help_desk_hint));
        });
}

void KioskView::waiting(Frame& frame, Text message) {
    gap(frame.layout.size.y * 0.25f);
    wrapped_in(fonts_.huge, frame.text(message));
}

// --- Registration form ---------------------------------------------------------------------------

void KioskView::text_field(Frame& frame, Field field, Text label, const std::string& value) {
    const StudentSession& student = frame.student();
    const bool focused = student.focused == field;
    ImGui::PushID(static_cast<int>(field));
    const float height = ui::kMinTouchTarget + 12;
    if (field == Field::search) {
        ImGui::TextUnformatted(frame.text(label));
    } else {
        // The form's labels sit beside their boxes: the form must fit above its keyboard.
        label_beside(frame.text(label), height);
    }
    const float width = ImGui::GetContentRegionAvail().x;
    if (ImGui::InvisibleButton("field", ImVec2(width, height)))
        frame.asked.push_back(intent::Focus{field});
    constexpr const char* kFieldIds[] = {"field:full_name", "field:phone", "field:school",
                                         "field:search", "field:occupation_text"};
    remember(kFieldIds[static_cast<int>(field)]);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw->AddRectFilled(min, max, IM_COL32_WHITE, rounding);
    const ImVec4 border = focused ? ui::tone_colours(ui::Tone::primary).fill
                                  : ui::tone_colours(ui::Tone::neutral).pressed;
    draw->AddRect(min, max, packed(border), rounding, 0, focused ? 4.0f : 2.0f);
    // Long text shows its end, where the student is typing.
    const float padding = 16;
    const float room = width - 2 * padding - 8;
    const ImVec2 text_size = ImGui::CalcTextSize(value.c_str());
    const float text_x = min.x + padding - std::max(0.0f, text_size.x - room);
    const float text_y = min.y + (height - ImGui::GetTextLineHeight()) / 2;
    draw->PushClipRect(ImVec2(min.x + 4, min.y), ImVec2(max.x - 4, max.y), true);
    draw->AddText(ImVec2(text_x, text_y), ImGui::GetColorU32(ImGuiCol_Text), value.c_str());
    if (focused) {
        const float caret_x = text_x + text_size.x + 3;
        draw->AddLine(ImVec2(caret_x, text_y), ImVec2(caret_x, text_y + ImGui::GetTextLineHeight()),
                      packed(border), 3.0f);
    }
    draw->PopClipRect();
    ImGui::PopID();
}

void KioskView::problem_line(Frame& frame, FormItem item) {
    const auto& problems = frame.student().form.problems;
    if (const auto found = problems.find(item); found != problems.end()) {
        const ScopedFont font(fonts_.body_bold);
        toned_text(ui::Tone::danger, frame.text(found->second));
    }
}

void KioskView::back_telex_next(Frame& frame) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = ImGui::GetContentRegionAvail().x - 2 * spacing;
    // When Next cannot be used now, it is greyed and the reason stands just above it.
    const std::optional<Text> next_blocked = next_disabled_reason(frame.state);
    if (next_blocked) {
        const ScopedFont font(fonts_.body_bold);
        toned_text(ui::Tone::warning, frame.text(*next_blocked));
    }
    if (labelled_button(frame.text(Text::back), "back", ui::Tone::neutral,
                        ImVec2(std::floor(width * 0.28f), 0))) {
        frame.asked.push_back(intent::Back{});
    }
    remember("back");
    ImGui::SameLine();
    if (frame.student().focused != Field::phone) {  // digits need no Telex
        const bool telex = frame.student().editor.telex_enabled();
        const ScopedFont font(fonts_.small);
        if (labelled_button(frame.text(telex ? Text::telex_on : Text::telex_off), "telex",
                            telex ? ui::Tone::info : ui::Tone::neutral,
                            ImVec2(std::floor(width * 0.44f), button_height()))) {
            frame.asked.push_back(intent::SetTelex{!telex});
        }
        remember("telex");
    } else {
        ImGui::Dummy(ImVec2(std::floor(width * 0.44f), button_height()));
    }
    ImGui::SameLine();
    ui::begin_disabled(next_blocked.has_value());
    if (labelled_button(frame.text(Text::next), "next", ui::Tone::primary, ImVec2(-1, 0)))
        frame.asked.push_back(intent::Next{});
    ui::end_disabled(next_blocked.has_value());
    remember("next");
}

void KioskView::keyboard(Frame& frame, bool digits_only) {
    const StudentSession& student = frame.student();
    ui::KeyboardView view;
    view.layout = digits_only || digits_ ? ui::KeyboardLayout::digits : ui::KeyboardLayout::letters;
    view.uppercase = shift_;
    view.can_switch_layout = !digits_only;
    view.key_height = frame.layout.key_height;
    if (view.layout == ui::KeyboardLayout::digits) {
        // A phone pad as wide as a letters keyboard would have keys the size of a door.
        view.width = std::min(ImGui::GetContentRegionAvail().x, 640.0f);
    }
    const auto tapped = ui::on_screen_keyboard(view);
    if (!tapped) return;
    switch (tapped->kind) {
        case ui::KeyKind::character:
            frame.asked.push_back(intent::Key{static_cast<char32_t>(tapped->character)});
            shift_ = false;  // one capital, as on a phone
            break;
        case ui::KeyKind::space:
            frame.asked.push_back(intent::Key{U' '});
            break;
        case ui::KeyKind::backspace:
            frame.asked.push_back(intent::Backspace{});
            break;
        case ui::KeyKind::enter:
            // Enter moves on to the next field of the form, as on a phone; after the school, to
            // the trade's name when the student chose Other trade.
            if (student.screen == Screen::register_form) {
                if (student.focused == Field::full_name) {
                    frame.asked.push_back(intent::Focus{Field::phone});
                } else if (student.focused == Field::phone) {
                    frame.asked.push_back(intent::Focus{Field::school});
                } else if (student.focused == Field::school && has_other_trade(student.form)) {
                    frame.asked.push_back(intent::Focus{Field::occupation_text});
                }
            }
            break;
        case ui::KeyKind::shift:
            shift_ = !shift_;
            break;
        case ui::KeyKind::show_digits:
        case ui::KeyKind::show_letters:
            digits_ = !digits_;
            break;
    }
}

void KioskView::register_form(Frame& frame) {
    const StudentSession& student = frame.student();
    const RegistrationForm& form = student.form;
    const ScreenLayout& layout = frame.layout;
    two_blocks(
        layout, ImGui::GetContentRegionAvail().y, 0.5f,
        [&] {
            wrapped_in(fonts_.large, frame.text(Text::register_title));
            text_field(frame, Field::full_name, Text::field_full_name, form.full_name);
            problem_line(frame, FormItem::full_name);
            text_field(frame, Field::phone, Text::field_phone, form.phone);
            problem_line(frame, FormItem::phone);
            text_field(frame, Field::school, Text::field_school, form.school);
            problem_line(frame, FormItem::school);
            label_beside(frame.text(Text::field_trade), button_height());
            const std::string trade = form.occupation.empty() ? frame.text(Text::choose_trade)
                                      : has_other_trade(form) ? frame.text(Text::other_trade)
                                                              : trade_display(form, frame.language);
            if (labelled_button(trade.c_str(), "trade", ui::Tone::neutral, ImVec2(-1, 0)))
                trade_picker_open_ = true;
            remember("trade");
            problem_line(frame, FormItem::trade);
            // Other trade: the student types the trade's name (Telex, as the other fields).
            if (has_other_trade(form)) {
                text_field(frame, Field::occupation_text, Text::field_trade_text,
                           form.occupation_text);
                problem_line(frame, FormItem::trade_text);
            }
            // Two by two: "Chưa qua đào tạo" is too long for a row of four.
            label_beside(frame.text(Text::field_level), button_height());
            const float level_spacing = 8;
            const float level_width =
                std::floor((ImGui::GetContentRegionAvail().x - level_spacing) / 2);
            const float level_column_x = ImGui::GetCursorPosX();
            ImGui::BeginGroup();
            for (const Level level : kLevels) {
                ImGui::PushID(static_cast<int>(level));
                const bool chosen = form.level == level;
                if (ui::touch_button(level_name(level, frame.vietnamese()).c_str(),
                                     chosen ? ui::Tone::primary : ui::Tone::neutral,
                                     ImVec2(level_width, 0))) {
                    frame.asked.push_back(intent::ChooseLevel{level});
                }
                remember("level:" + std::string(level_code(level)));
                ImGui::PopID();
                if (level == Level::none || level == Level::college) {
                    ImGui::SameLine(0, level_spacing);
                } else if (level == Level::intermediate) {
                    ImGui::SetCursorPosX(level_column_x);
                }
            }
            ImGui::EndGroup();
            problem_line(frame, FormItem::level);
        },
        [&] {
            ImGui::TextUnformatted(frame.text(Text::consent_title));
            for (const std::string_view purpose : protocol::kConsentPurposes) {
                const std::string id(purpose);
                const bool ticked = form.consent.at(id);
                ImGui::PushID(id.c_str());
                std::string sentence = frame.text(consent_text(purpose));
                sentence += " ";
                sentence += frame.text(purpose == "interview" ? Text::consent_required
                                                              : Text::consent_optional);
                // The whole row is the target; the box is drawn at its left.
                const float box = 48;
                const float text_width = ImGui::GetContentRegionAvail().x - box - 24;
                const ImVec2 text_size =
                    ImGui::CalcTextSize(sentence.c_str(), nullptr, false, text_width);
                const float row_height = std::max(ui::kMinTouchTarget, text_size.y + 12);
                const ImVec2 origin = ImGui::GetCursorScreenPos();
                if (ImGui::InvisibleButton("consent",
                                           ImVec2(ImGui::GetContentRegionAvail().x, row_height))) {
                    frame.asked.push_back(intent::SetConsent{id, !ticked});
                }
                remember("consent:" + id);
                ImDrawList* draw = ImGui::GetWindowDrawList();
                const ImVec2 box_min(origin.x, origin.y + (row_height - box) / 2);
                const ImVec2 box_max(box_min.x + box, box_min.y + box);
                const ImVec4 accent = ui::tone_colours(ui::Tone::primary).fill;
                draw->AddRectFilled(box_min, box_max, ticked ? packed(accent) : IM_COL32_WHITE, 6);
                draw->AddRect(box_min, box_max, packed(accent), 6, 0, 3);
                if (ticked) {
                    const ImVec2 tick[] = {{box_min.x + box * 0.2f, box_min.y + box * 0.52f},
                                           {box_min.x + box * 0.42f, box_min.y + box * 0.74f},
                                           {box_min.x + box * 0.8f, box_min.y + box * 0.28f}};
                    draw->AddPolyline(tick, 3, IM_COL32_WHITE, ImDrawFlags_None, 6);
                }
                draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                              ImVec2(box_max.x + 24, origin.y + (row_height - text_size.y) / 2),
                              ImGui::GetColorU32(ImGuiCol_Text), sentence.c_str(), nullptr,
                              text_width);
                ImGui::PopID();
            }
            problem_line(frame, FormItem::interview_consent);
            back_telex_next(frame);
            keyboard(frame, student.focused == Field::phone);
        });
}

void KioskView::trade_picker(Frame& frame) {
    const ScreenLayout& layout = frame.layout;
    wrapped_in(fonts_.large, frame.text(Text::trade_picker_title));
    gap(layout.margin / 2);
    const auto trades = occupation_catalogue();
    const int columns = layout.portrait ? 1 : 2;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width =
        (ImGui::GetContentRegionAvail().x - static_cast<float>(columns - 1) * spacing) /
        static_cast<float>(columns);
    const std::string& chosen = frame.student().form.occupation;
    int column = 0;
    for (const Occupation& trade : trades) {
        const std::string code(trade.code);
        ImGui::PushID(code.c_str());
        const std::string name(frame.vietnamese() ? trade.name_vi : trade.name_en);
        if (ui::touch_button(name.c_str(), code == chosen ? ui::Tone::primary : ui::Tone::neutral,
                             ImVec2(width, 0))) {
            frame.asked.push_back(intent::ChooseTrade{code});
            trade_picker_open_ = false;
        }
        remember("trade:" + code);
        ImGui::PopID();
        if (++column < columns) {
            ImGui::SameLine();
        } else {
            column = 0;
        }
    }
    // The last entry: a trade that is not on the list, typed on the form.
    {
        const std::string code(kOtherOccupation);
        ImGui::PushID(code.c_str());
        if (ui::touch_button(frame.text(Text::other_trade),
                             code == chosen ? ui::Tone::primary : ui::Tone::neutral,
                             ImVec2(width, 0))) {
            frame.asked.push_back(intent::ChooseTrade{code});
            trade_picker_open_ = false;
        }
        remember("trade:" + code);
        ImGui::PopID();
        if (++column < columns) {
            ImGui::SameLine();
        } else {
            column = 0;
        }
    }
    if (column != 0) ImGui::NewLine();
    gap(layout.margin / 2);
    if (labelled_button(frame.text(Text::back), "trade_back", ui::Tone::neutral, ImVec2(width, 0)))
        trade_picker_open_ = false;
    remember("trade_back");
}

// --- Choosing enterprises
// --------------------------------------------------------------------------

void KioskView::enterprise_card(Frame& frame, const protocol::EnterpriseCard& card, ImVec2 size) {
    const auto& chosen = frame.student().chosen_booths;
    const auto at = std::find(chosen.begin(), chosen.end(), card.booth);
    const bool is_chosen = at != chosen.end();
    ImGui::PushID(card.booth.c_str());
    if (ImGui::InvisibleButton("card", size))
        frame.asked.push_back(intent::ToggleEnterprise{card.booth});
    remember("card:" + card.booth);
    if (!ImGui::IsItemVisible()) {  // scrolled out of the list: laid out, not drawn
        ImGui::PopID();
        return;
    }
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const ui::ToneColours tone =
        ui::tone_colours(is_chosen ? ui::Tone::primary : ui::Tone::neutral);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw->AddRectFilled(min, max, packed(ImGui::IsItemActive() ? tone.pressed : tone.fill),
                        rounding);
    const float padding = 16;
    const float badge = 56;
    const float text_width = size.x - 2 * padding - (is_chosen ? badge + 8 : 0);
    const ImU32 ink = packed(tone.text);
    float y = min.y + padding;
    const auto line = [&](ImFont* font, const std::string& text) {
        if (y + font->FontSize > max.y - padding / 2) return;  // the card is full: never spill
        const ImVec2 text_size =
            font->CalcTextSizeA(font->FontSize, FLT_MAX, text_width, text.c_str());
        draw->PushClipRect(min, ImVec2(max.x, max.y - padding / 2), true);
        draw->AddText(font, font->FontSize, ImVec2(min.x + padding, y), ink, text.c_str(), nullptr,
                      text_width);
        draw->PopClipRect();
        y += text_size.y + 4;
    };
    line(fonts_.body_bold, card.enterprise);
    std::string trades;
    for (const auto& code : card.occupations) {
        if (!trades.empty()) trades += ", ";
        trades += occupation_display_name(code, frame.vietnamese());
    }
    line(fonts_.small, frame.fill(Text::booth_number, {card.booth}) + " · " +
                           (trades.empty() ? frame.text(Text::any_trade) : trades));
    line(fonts_.body_bold, free_seat_text(card, frame.language));
    std::string extra;
    if (card.min_level) {
        if (const auto level = parse_level(*card.min_level))
            extra = frame.fill(Text::minimum_level, {level_name(*level, frame.vietnamese())});
    }
    if (card.open_jobs) {
        if (!extra.empty()) extra += " · ";
        extra += frame.fill(Text::open_jobs, {std::to_string(*card.open_jobs)});
    }
    if (!extra.empty()) line(fonts_.small, extra);
    if (is_chosen) {
        // The order of the choice: 1 is the most wanted.
        const ImVec2 centre(max.x - padding - badge / 2, min.y + padding + badge / 2);
        draw->AddCircleFilled(centre, badge / 2, IM_COL32_WHITE, 32);
        const std::string order = std::to_string(at - chosen.begin() + 1);
        const ImVec2 order_size =
            fonts_.body_bold->CalcTextSizeA(fonts_.body_bold->FontSize, FLT_MAX, 0, order.c_str());
        draw->AddText(fonts_.body_bold, fonts_.body_bold->FontSize,
                      ImVec2(centre.x - order_size.x / 2, centre.y - order_size.y / 2),
                      packed(tone.fill), order.c_str());
    }
    ImGui::PopID();
}

void KioskView::choose_enterprises(Frame& frame) {
    const StudentSession& student = frame.student();
    const ScreenLayout& layout = frame.layout;
    const float item_spacing = ImGui::GetStyle().ItemSpacing.y;
    const float key_spacing = 16;  // on_screen_keyboard's gap is at most 1.2 % of 1000-odd px
    const float keyboard_height = 4 * layout.key_height + 3 * key_spacing + item_spacing;
    // Room for the reason Next is greyed (two lines at most), shown above the buttons.
    const float reason_height =
        next_disabled_reason(frame.state) ? 2 * fonts_.body_bold->FontSize + item_spacing : 0;
    const float controls_height = button_height() + 2 * item_spacing + reason_height;
    const auto cards = [&](float height) {
        const auto visible = visible_enterprises(frame.state);
        ImGui::BeginChild("cards", ImVec2(0, height), false, ImGuiWindowFlags_NoBackground);
        if (no_booth_for_student(frame.state)) {
            // No booth interviews for the student's trade today: said plainly, with the booths
            // that take CVs (or the help desk when none does).
            {
                const ScopedFont font(fonts_.large);
                toned_text(ui::Tone::warning, frame.text(Text::no_booth_for_trade));
            }
            gap(layout.margin / 2);
            const auto takes_cvs = cv_booths(frame.state);
            wrapped_in(fonts_.body, frame.text(takes_cvs.empty() ? Text::no_booth_no_cvs
                                                                 : Text::no_booth_way_forward));
            if (!takes_cvs.empty()) {
                gap(layout.margin / 4);
                wrapped_in(fonts_.body_bold, frame.text(Text::takes_cvs_title));
                for (const auto* card : takes_cvs) {
                    wrapped("• " + frame.fill(Text::booth_number, {card->booth}) + " · " +
                            card->enterprise);
                }
            }
            ImGui::EndChild();
            return;
        }
        if (visible.empty()) wrapped_in(fonts_.body, frame.text(Text::no_matching_enterprises));
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float width = (ImGui::GetContentRegionAvail().x -
                             static_cast<float>(layout.card_columns - 1) * spacing) /
                            static_cast<float>(layout.card_columns);
        int column = 0;
        for (const auto* card : visible) {
            enterprise_card(frame, *card, ImVec2(width, 176));
            if (++column < layout.card_columns) {
                ImGui::SameLine();
            } else {
                column = 0;
            }
        }
        ImGui::EndChild();
    };
    const auto search_and_count = [&] {
        text_field(frame, Field::search, Text::field_search, student.search);
        {
            const ScopedFont font(fonts_.body_bold);
            ImGui::TextUnformatted(
                frame
                    .fill(Text::chosen_count, {std::to_string(student.chosen_booths.size()),
                                               std::to_string(kMaxChoices)})
                    .c_str());
        }
        if (has_other_trade(student.form) && !no_booth_for_student(frame.state))
            toned_text(ui::Tone::info, frame.text(Text::other_trade_booths));
        if (student.choose_notice) toned_text(ui::Tone::danger, frame.text(*student.choose_notice));
        // Every booth chosen is full today: the ones that still have a seat, with their time.
        if (const auto free = free_alternatives(frame.state); !free.empty()) {
            const ScopedFont font(fonts_.body_bold);
            toned_text(ui::Tone::warning, frame.text(Text::chosen_all_full));
            for (const auto* card : free) {
                wrapped(frame.fill(Text::booth_number, {card->booth}) + " · " + card->enterprise +
                        " — " + free_seat_text(*card, frame.language));
            }
        }
    };
    const auto back_and_next = [&] { back_telex_next(frame); };
    if (layout.portrait) {
        wrapped_in(fonts_.large, frame.text(Text::choose_title));
        search_and_count();
        const float rest = ImGui::GetContentRegionAvail().y - keyboard_height - controls_height;
        cards(std::max(rest, 200.0f));
        back_and_next();
        keyboard(frame, false);
        return;
    }
    two_blocks(
        layout, ImGui::GetContentRegionAvail().y, 0.55f,
        [&] {
            wrapped_in(fonts_.large, frame.text(Text::choose_title));
            cards(ImGui::GetContentRegionAvail().y);
        },
        [&] {
            search_and_count();
            back_and_next();
            keyboard(frame, false);
        });
}

// --- Confirm -------------------------------------------------------------------------------------

void KioskView::confirm(Frame& frame) {
    const StudentSession& student = frame.student();
    const RegistrationForm& form = student.form;
    const ScreenLayout& layout = frame.layout;
    const auto detail = [&](Text label, const std::string& value) {
        ImGui::TextUnformatted(frame.text(label));
        wrapped_in(fonts_.body_bold, value);
        gap(8);
    };
    two_blocks(
        layout, ImGui::GetContentRegionAvail().y, 0.5f,
        [&] {
            wrapped_in(fonts_.large, frame.text(Text::confirm_title));
            gap(layout.margin / 2);
            const protocol::WalkInRegistration registration = registration_of(student);
            detail(Text::field_full_name, registration.full_name);
            detail(Text::field_phone, registration.phone);
            detail(Text::field_school, registration.school);
            detail(Text::field_trade, trade_display(form, frame.language));
            if (form.level) detail(Text::field_level, level_name(*form.level, frame.vietnamese()));
            ImGui::TextUnformatted(frame.text(Text::confirm_consents));
            for (const std::string_view purpose : protocol::kConsentPurposes) {
                if (form.consent.at(std::string(purpose)))
                    wrapped(std::string("• ") + frame.text(consent_text(purpose)));
            }
            gap(layout.margin / 2);
        },
        [&] {
            ImGui::TextUnformatted(frame.text(Text::confirm_choices));
            int order = 0;
            for (const std::string& booth : student.chosen_booths) {
                std::string name;
                for (const auto& card : frame.state.enterprises) {
                    if (card.booth == booth) name = card.enterprise;
                }
                const ScopedFont font(fonts_.body_bold);
                wrapped(std::to_string(++order) + ". " + name + " (" +
                        frame.fill(Text::booth_number, {booth}) + ")");
            }
            gap(layout.margin / 2);
            if (student.error) {
                const ScopedFont font(fonts_.body_bold);
                toned_text(ui::Tone::danger, error_text(*student.error, frame.language));
                gap(layout.margin / 2);
            }
            {
                const ScopedFont font(fonts_.large);
                if (labelled_button(frame.text(Text::confirm_submit), "submit", ui::Tone::primary,
                                    ImVec2(-1, 120))) {
                    frame.asked.push_back(intent::Submit{});
                }
            }
            remember("submit");
            if (labelled_button(frame.text(Text::back), "back", ui::Tone::neutral, ImVec2(-1, 0)))
                frame.asked.push_back(intent::Back{});
            remember("back");
        });
}

// --- Result --------------------------------------------------------------------------------------

// The rest of the day under the interviews: standby queues with their estimate; when no
// interview is possible, why, and the free booths with an "Add" each; booths taking CVs.
void KioskView::rest_of_day(Frame& frame) {
    const StudentSession& student = frame.student();
    const protocol::CheckInAnswer& answer = *student.answer;
    if (!answer.standby.empty()) {
        gap(8);
        wrapped_in(fonts_.body_bold, frame.text(Text::standby_title));
        for (const auto& standby : answer.standby) {
            // An estimate is a time to come back for: as large as a promise's line below it.
            wrapped_in(standby.estimate ? fonts_.large : fonts_.body_bold,
                       standby_line(standby, frame.language) + "  ·  " + standby.enterprise);
        }
    }
    if (const std::string reason = no_interview_text(answer, frame.language); !reason.empty()) {
        gap(8);
        wrapped_in(fonts_.body_bold, frame.text(Text::no_interview_title));
        {
            const ScopedFont font(fonts_.large);
            toned_text(ui::Tone::warning, reason);
        }
        if (!answer.free_seats.empty()) {
            gap(8);
            wrapped_in(fonts_.body_bold, frame.text(Text::free_seats_title));
        }
        for (const auto& free : answer.free_seats) {
            ImGui::PushID(free.booth.c_str());
            const float add_width = 220;
            const float text_width = ImGui::GetContentRegionAvail().x - add_width - 16;
            ImGui::BeginGroup();
            {
                // Wrapped short of the button beside it.
                const ScopedFont font(fonts_.body_bold);
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width);
                const std::string line = free_seat_line(free, frame.language);
                ImGui::TextUnformatted(line.c_str());
                ImGui::PopTextWrapPos();
            }
            ImGui::EndGroup();
            ImGui::SameLine(ImGui::GetContentRegionMax().x - add_width);
            const bool adding = student.adding_booth && *student.adding_booth == free.booth;
            const bool cannot_add = !can_add_booth(student, free.booth);
            ui::begin_disabled(cannot_add);
            {
                const ScopedFont font(fonts_.large);
                if (labelled_button(frame.text(adding ? Text::adding_booth : Text::add_booth),
                                    "add", ui::Tone::primary, ImVec2(add_width, 84)))
                    frame.asked.push_back(intent::AddBooth{free.booth});
            }
            ui::end_disabled(cannot_add);
            remember("add:" + free.booth);
            ImGui::PopID();
        }
    }
    if (student.add_error) {
        const ScopedFont font(fonts_.body_bold);
        toned_text(ui::Tone::danger, error_text(*student.add_error, frame.language));
    }
    if (!answer.takes_cvs.empty()) {
        gap(8);
        wrapped_in(fonts_.body_bold, frame.text(Text::takes_cvs_title));
        for (const auto& booth : answer.takes_cvs)
            wrapped_in(fonts_.body,
                       frame.fill(Text::booth_number, {booth.booth}) + " · " + booth.enterprise);
    }
}

void KioskView::result(Frame& frame) {
    const StudentSession& student = frame.student();
    const ScreenLayout& layout = frame.layout;
    const auto done_button = [&] {
        const ScopedFont font(fonts_.large);
        if (labelled_button(frame.text(Text::done), "done", ui::Tone::primary, ImVec2(-1, 120)))
            frame.asked.push_back(intent::Finish{});
        remember("done");
    };
    if (!student.answer) {
        // A check-in that failed: the problem and the way forward, in plain words.
        gap(layout.margin * 2);
        {
            const ScopedFont font(fonts_.large);
            toned_text(ui::Tone::danger, student.error ? error_text(*student.error, frame.language)
                                                       : frame.text(Text::unexpected_answer));
        }
        gap(layout.margin * 2);
        done_button();
        return;
    }
    const protocol::CheckInAnswer& answer = *student.answer;
    if (qr_payload_ != answer.ticket && !answer.ticket.empty()) {
        qr_ = encode_qr(answer.ticket);
        qr_payload_ = answer.ticket;
    }
    const auto phone_link = phone_status_link(answer, student.provisional);
    if (phone_link && phone_qr_payload_ != *phone_link) {
        phone_qr_ = encode_qr(*phone_link);
        phone_qr_payload_ = *phone_link;
    }
    const auto details = [&] {
        // The come-back times below are the point of this screen: nothing is larger than them.
        wrapped_in(fonts_.large, frame.fill(Text::greeting, {answer.given_name}));
        if (!answer.phone_masked.empty())
            wrapped_in(fonts_.body, frame.fill(Text::phone_on_file, {answer.phone_masked}));
        wrapped_in(fonts_.large, frame.fill(student.provisional ? Text::provisional_ticket_label
                                                                : Text::ticket_label,
                                            {answer.ticket_label}));
        if (answer.already_checked_in)
            wrapped_in(fonts_.body, frame.text(Text::already_checked_in));
        if (student.provisional) {
            const ScopedFont font(fonts_.body_bold);
            toned_text(ui::Tone::warning, frame.text(Text::provisional_explained));
        }
        gap(layout.margin / 2);
        // With no interview possible the reason below says so: no "we will schedule you".
        const bool none_possible = answer.interviews.empty() && answer.no_interview;
        if (!none_possible) wrapped_in(fonts_.large, frame.text(Text::your_interviews));
        if (answer.interviews.empty() && !student.provisional && !answer.no_interview)
            wrapped_in(fonts_.body, frame.text(Text::no_interviews_yet));
        for (const auto& interview : answer.interviews) {
            ImGui::PushID(static_cast<int>(interview.id));
            wrapped_in(fonts_.huge, frame.fill(Text::be_at_booth_by,
                                               {interview.booth, come_back_time(interview)}));
            {
                const ScopedFont font(fonts_.body_bold);
                // Seats are numbered from 0 on the wire, from 1 for people.
                ImGui::TextUnformatted(
                    (frame.fill(Text::interview_time, {interview.start, interview.end}) + "   " +
                     frame.fill(Text::booth_number, {interview.booth}) + "   " +
                     frame.fill(Text::seat_number, {std::to_string(interview.seat + 1)}))
                        .c_str());
            }
            wrapped_in(fonts_.body, interview.enterprise);
            gap(8);
            ImGui::PopID();
        }
        rest_of_day(frame);
    };
    // A QR centred in the room left, at most `largest` px, with its caption under it.
    const auto centred_qr = [&](const QrMatrix& matrix, float largest, const char* target,
                                Text caption) {
        const float room = std::min(ImGui::GetContentRegionAvail().x, largest);
        const int pixels = ui::qr_pixels_per_module_to_fit(matrix, room);
        const float side = static_cast<float>(ui::qr_side_px(matrix, pixels));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                             std::max(0.0f, (ImGui::GetContentRegionAvail().x - side) / 2));
        ui::qr_code(matrix, pixels);
        remember(target);
        wrapped_in(fonts_.body, frame.text(caption));
    };
    // A day with standby, a reason or booths to add needs the room: the codes shrink for it.
    const bool more =
        !answer.standby.empty() || answer.no_interview.has_value() || !answer.takes_cvs.empty();
    const float qr_largest = more ? 280.0f : 480.0f;
    const auto ticket = [&] {
        const bool both = qr_.size > 0 && phone_qr_.size > 0;
        // Two codes side by side: the ticket for the booths, the phone's link for the student.
        if (both && ImGui::BeginTable("codes", 2)) {
            ImGui::TableNextColumn();
            centred_qr(qr_, layout.portrait ? qr_largest : 420.0f, "ticket_qr",
                       Text::photograph_qr);
            ImGui::TableNextColumn();
            centred_qr(phone_qr_, layout.portrait ? qr_largest : 420.0f, "phone_qr",
                       Text::phone_status_qr);
            ImGui::EndTable();
        } else if (qr_.size > 0) {
            centred_qr(qr_, layout.portrait ? 520.0f : 600.0f, "ticket_qr", Text::photograph_qr);
        }
        if (frame.state.config.printer_configured)
            wrapped_in(fonts_.body, frame.text(Text::slip_printing));
        gap(layout.margin / 2);
        done_button();
    };
    if (layout.portrait) {
        const float height = ImGui::GetContentRegionAvail().y;
        ImGui::BeginChild("details", ImVec2(0, height * (more ? 0.6f : 0.45f)), false,
                          ImGuiWindowFlags_NoBackground);
        details();
        ImGui::EndChild();
        ticket();
        return;
    }
    two_blocks(layout, ImGui::GetContentRegionAvail().y, 0.55f, details, ticket);
}

}  // namespace jobfair::checkin::app
