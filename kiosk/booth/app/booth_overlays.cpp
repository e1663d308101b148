// The booth station's overlays: the shade under them, the finish dialog (outcome, note, the
// on-screen keyboard) and the wrong-ticket warning. Part of BoothView (booth_view.hpp).
#include <imgui_internal.h>  // BringWindowToDisplayFront: overlays stay above the screen
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "kiosk/booth/app/booth_frame.hpp"
#include "kiosk/booth/app/draw_kit.hpp"
#include "kiosk/ui/keyboard/telex.hpp"
#include "kiosk/ui/widgets.hpp"

namespace jobfair::booth::app {

using ui::packed;
using ui::ScopedFont;

void BoothView::shade(const char* id) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyle().Colors[ImGuiCol_ModalWindowDimBg]);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::End();
    ImGui::PopStyleColor();
}

void BoothView::finish_dialog(Frame& frame) {
    const BoothState& state = frame.state;
    const FinishDialog& dialog = *state.finishing;
    const QueuedInterview* interview = nullptr;
    if (state.queue)
        for (const QueuedInterview& candidate : state.queue->queue)
            if (candidate.id == dialog.interview) interview = &candidate;
    if (!interview) return;
    shade("##finish_shade");

    const bool tablet = frame.display.y < 1000;
    const ImVec2 size(std::min(frame.display.x - 2 * frame.margin, tablet ? 1180.0f : 1280.0f),
                      std::min(frame.display.y - 2 * frame.margin, tablet ? 760.0f : 900.0f));
    ImGui::SetNextWindowPos(ImVec2((frame.display.x - size.x) / 2, (frame.display.y - size.y) / 2));
    ImGui::SetNextWindowSize(size);
    if (!dialog_was_open_) ImGui::SetNextWindowFocus();
    dialog_was_open_ = true;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyle().Colors[ImGuiCol_ChildBg]);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 20);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2);
    ImGui::Begin(
        "##finish", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    const ImVec2 origin = ImGui::GetWindowPos();
    const float padding = frame.margin;
    const float left = origin.x + padding;
    const float inner = size.x - 2 * padding;
    float y = origin.y + padding;
    const std::string title = frame.fill(
        BoothText::finish_title, {interview->person.ticket_label, interview->person.given_name});
    text_at(fonts_.large, ImVec2(left, y), ink(), fitted(fonts_.large, title, inner));
    y += fonts_.large->FontSize + 4;
    // On the tablet the open keyboard takes the full name's line: the title names the student.
    if (!(tablet && note_keyboard_)) {
        text_at(fonts_.body, ImVec2(left, y), muted(),
                fitted(fonts_.body, interview->person.full_name, inner));
        y += fonts_.body->FontSize;
    }
    y += frame.gap;

    // The four outcomes as big toggles, two by two; while the keyboard is open, the one chosen
    // in a line, so the keyboard has their room.
    const auto chosen = state.outcome_by_seat.find(dialog.seat);
    const InterviewOutcome* outcome =
        chosen == state.outcome_by_seat.end() ? nullptr : &chosen->second;
    if (note_keyboard_) {
        const std::string line =
            std::string(frame.text(BoothText::outcome_prompt)) + ": " +
            (outcome ? outcome_words(*outcome, frame.language) : std::string("—"));
        text_at(fonts_.body_bold, ImVec2(left, y), ink(), line);
        y += fonts_.body_bold->FontSize + frame.gap;
    } else {
        text_at(fonts_.body_bold, ImVec2(left, y), ink(), frame.text(BoothText::outcome_prompt));
        y += fonts_.body_bold->FontSize + frame.gap / 2;
        struct Choice {
            InterviewOutcome outcome;
            BoothText words;
        };
        constexpr Choice kChoices[] = {
            {InterviewOutcome::offer, BoothText::outcome_offer},
            {InterviewOutcome::internship, BoothText::outcome_internship},
            {InterviewOutcome::next_round, BoothText::outcome_next_round},
            {InterviewOutcome::not_suitable, BoothText::outcome_not_suitable}};
        const float toggle_width = (inner - frame.gap) / 2;
        const float toggle_height = frame.button_height;
        {
            ScopedFont font(fonts_.large);
            for (int index = 0; index < 4; ++index) {
                const Choice& choice = kChoices[index];
                ImGui::SetCursorScreenPos(ImVec2(left + (index % 2) * (toggle_width + frame.gap),
                                                 y + (index / 2) * (toggle_height + frame.gap)));
                const bool selected = outcome && *outcome == choice.outcome;
                const std::string target = "outcome:" + std::string(outcome_code(choice.outcome));
                if (ui::touch_button(labelled(frame.text(choice.words), target).c_str(),
                                     selected ? ui::Tone::primary : ui::Tone::neutral,
                                     ImVec2(toggle_width, toggle_height)))
                    frame.asked.push_back(intent::ChooseOutcome{dialog.seat, choice.outcome});
                if (selected) {
                    ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(),
                                                        ImGui::GetItemRectMax(), ink(), 16, 0, 4);
                }
                remember(target);
            }
        }
        y += 2 * toggle_height + frame.gap * 1.5f;
    }

    // The note: a text field for a physical keyboard (Enter adds a line), and an on-screen one
    // (Telex for Vietnamese) behind the "Bàn phím / Keyboard" button for a touch-only station.
    text_at(fonts_.body_bold, ImVec2(left, y + 14), ink(), frame.text(BoothText::note_label));
    const std::string used = frame.fill(
        BoothText::note_size, {std::to_string(state.note.size()), std::to_string(kMaxNoteBytes)});
    const std::string keyboard_label =
        labelled(frame.text(note_keyboard_ ? BoothText::hide_keyboard : BoothText::show_keyboard),
                 "note_keyboard");
    float keyboard_button_width = 0;
    {
        ScopedFont font(fonts_.body);
        keyboard_button_width = ImGui::CalcTextSize(keyboard_label.c_str(), nullptr, true).x +
                                2 * ImGui::GetStyle().FramePadding.x;
        ImGui::SetCursorScreenPos(ImVec2(left + inner - keyboard_button_width, y));
        if (ui::touch_button(keyboard_label.c_str(), ui::Tone::neutral,
                             ImVec2(keyboard_button_width, ui::kMinTouchTarget)))
            note_keyboard_ = !note_keyboard_;
        remember("note_keyboard");
    }
    text_at(
        fonts_.small,
        ImVec2(left + inner - keyboard_button_width - frame.gap - text_width(fonts_.small, used),
               y + 18),
        muted(), used);
    y += ui::kMinTouchTarget + frame.gap / 2;
    const float actions_top = origin.y + size.y - padding - frame.button_height;
    const float key_height = ui::kMinTouchTarget;  // a finger's width, on the tablet too
    const float keyboard_height = note_keyboard_ ? 4 * key_height + 3 * 16 + 2 * frame.gap : 0.0f;
    const float note_height =
        std::max(ui::kMinTouchTarget * 1.5f, actions_top - frame.gap - y - keyboard_height);
    ImGui::SetCursorScreenPos(ImVec2(left, y));
    std::string note = state.note;
    {
        ScopedFont font(fonts_.body);
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2);
        if (ImGui::InputTextMultiline("##note", &note, ImVec2(inner, note_height)))
            frame.asked.push_back(intent::NoteTyped{note});
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        remember("note");
    }
    if (note_keyboard_)
        note_keyboard(frame, ImVec2(left, y + note_height + frame.gap), inner, key_height);

    // Back, and Save (only once an outcome is chosen).
    std::vector<RowButton> buttons;
    buttons.push_back({labelled(frame.text(BoothText::back), "back"), "back", ui::Tone::neutral,
                       intent::CloseFinish{}, true});
    buttons.push_back(
        {labelled(frame.text(BoothText::save_outcome), "save_outcome"), "save_outcome",
         ui::Tone::primary, intent::Finish{dialog.interview}, outcome != nullptr && !frame.busy(),
         frame.text(frame.busy() ? BoothText::action_on_its_way : BoothText::why_not_no_outcome)});
    {
        ScopedFont font(fonts_.large);
        button_rows(
            buttons, ImVec2(left, origin.y + size.y - padding), inner, frame.button_height,
            frame.gap, frame.asked, [this](const std::string& target) { remember(target); },
            fonts_.small);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void BoothView::note_keyboard(Frame& frame, ImVec2 at, float width, float key_height) {
    ImGui::SetCursorScreenPos(at);
    ui::KeyboardView view;
    view.layout = note_digits_ ? ui::KeyboardLayout::digits : ui::KeyboardLayout::letters;
    view.uppercase = note_shift_;
    view.width = width;
    view.key_height = std::max(key_height, ui::kMinTouchTarget);
    ScopedFont font(fonts_.body_bold);
    const auto tapped = ui::on_screen_keyboard(view);
    if (!tapped) return;
    // Telex works on the note as it reads: "Tot" + "s" is "Tót", "dd" is "đ".
    keyboard::TelexInput editor(frame.state.note);
    switch (tapped->kind) {
        case ui::KeyKind::character:
            editor.type(static_cast<char32_t>(tapped->character));
            note_shift_ = false;  // one capital, as on a phone
            break;
        case ui::KeyKind::space:
            editor.type(U' ');
            break;
        case ui::KeyKind::backspace:
            editor.backspace();
            break;
        case ui::KeyKind::enter:
            editor.type(U'\n');
            break;
        case ui::KeyKind::shift:
            note_shift_ = !note_shift_;
            return;
        case ui::KeyKind::show_digits:
        case ui::KeyKind::show_letters:
            note_digits_ = !note_digits_;
            return;
    }
    frame.asked.push_back(intent::NoteTyped{editor.text()});
}

void BoothView::ticket_mismatch(Frame& frame) {
    const TicketCheck& check = *frame.state.ticket_check;
    shade("##mismatch_shade");
    const ui::ToneColours danger = ui::tone_colours(ui::Tone::danger);
    const bool tablet = frame.display.y < 1000;
    const float width = std::min(frame.display.x - 2 * frame.margin, tablet ? 1100.0f : 1300.0f);
    const float padding = frame.margin * 1.5f;
    const float wrap = width - 2 * padding;
    const std::string body =
        frame.fill(BoothText::ticket_mismatch_body,
                   {check.ticket_label, check.expected_label, check.expected_name});
    const ImVec2 body_size =
        fonts_.large->CalcTextSizeA(fonts_.large->FontSize, FLT_MAX, wrap, body.c_str());
    const float height = padding + fonts_.huge->FontSize + frame.gap + body_size.y + frame.gap * 2 +
                         frame.button_height + padding;
    const ImVec2 origin((frame.display.x - width) / 2, (frame.display.y - height) / 2);
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, danger.fill);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 24);
    ImGui::Begin(
        "##mismatch", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImDrawList& list = *ImGui::GetWindowDrawList();
    float y = origin.y + padding;
    const std::string title = frame.text(BoothText::ticket_mismatch_title);
    // A warning triangle before the title, drawn (no icon font needed).
    const float icon = fonts_.huge->FontSize * 0.9f;
    const float title_width = text_width(fonts_.huge, title);
    const float title_left = origin.x + (width - title_width - icon - frame.gap) / 2;
    const ImVec2 apex(title_left + icon / 2, y + fonts_.huge->FontSize * 0.1f);
    list.AddTriangleFilled(apex, ImVec2(title_left, apex.y + icon * 0.9f),
                           ImVec2(title_left + icon, apex.y + icon * 0.9f), packed(danger.text));
    list.AddRectFilled(ImVec2(apex.x - icon * 0.05f, apex.y + icon * 0.28f),
                       ImVec2(apex.x + icon * 0.05f, apex.y + icon * 0.62f), packed(danger.fill));
    list.AddRectFilled(ImVec2(apex.x - icon * 0.05f, apex.y + icon * 0.70f),
                       ImVec2(apex.x + icon * 0.05f, apex.y + icon * 0.80f), packed(danger.fill));
    text_at(fonts_.huge, ImVec2(title_left + icon + frame.gap, y), packed(danger.text), title);
    y += fonts_.huge->FontSize + frame.gap;
    list.AddText(fonts_.large, fonts_.large->FontSize, ImVec2(origin.x + padding, y),
                 packed(danger.text), body.c_str(), nullptr, wrap);
    y += body_size.y + frame.gap * 2;
    {
        ScopedFont font(fonts_.large);
        const std::string label = labelled(frame.text(BoothText::dismiss), "dismiss_mismatch");
        const float button_width =
            std::max(360.0f, ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
                                 2 * ImGui::GetStyle().FramePadding.x);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + (width - button_width) / 2, y));
        if (ui::touch_button(label.c_str(), ui::Tone::neutral,
                             ImVec2(button_width, frame.button_height)))
            frame.asked.push_back(intent::DismissTicketCheck{});
        remember("dismiss_mismatch");
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace jobfair::booth::app
