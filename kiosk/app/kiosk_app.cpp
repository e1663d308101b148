#include "kiosk/app/kiosk_app.hpp"

#include <imgui.h>

namespace jobfair::kiosk::app {

KioskApp::KioskApp(const KioskConfig& config, EffectRunner& runner, KioskView& view)
    : state_(make_kiosk(config, KioskClock::now())), runner_(runner), view_(view) {}

void KioskApp::apply(const Intent& intent) {
    runner_.run(update(state_, intent, KioskClock::now()));
}

void KioskApp::typed_keys(std::vector<Intent>& intents) const {
    const ImGuiIO& io = ImGui::GetIO();
    for (const ImWchar character : io.InputQueueCharacters) {
        if (character >= 0x20 && character != 0x7f)
            intents.push_back(intent::Key{static_cast<char32_t>(character)});
    }
    // ImGui 1.86 names keys through io.KeyMap.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter))) {
        intents.push_back(intent::Enter{});
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)))
        intents.push_back(intent::Backspace{});
}

void KioskApp::frame() {
    std::vector<Intent> intents;
    if (!answers_held_) intents = runner_.take_answers();
    typed_keys(intents);
    view_.draw(state_, KioskClock::now(), intents);
    intents.push_back(intent::Tick{});
    for (const Intent& intent : intents)
        apply(intent);
}

}  // namespace jobfair::kiosk::app
