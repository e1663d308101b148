#include "kiosk/booth/app/booth_app.hpp"

#include <imgui.h>

namespace jobfair::booth::app {

void BoothApp::apply(const Intent& intent) {
    runner_.run(update(state_, intent, Clock::now()));
}

void BoothApp::typed_keys(std::vector<Intent>& intents) const {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // the note field has the keyboard
    for (const ImWchar character : io.InputQueueCharacters) {
        if (character >= 0x20 && character != 0x7f)
            intents.push_back(intent::Key{static_cast<char32_t>(character)});
    }
    // ImGui 1.86 names keys through io.KeyMap.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)))
        intents.push_back(intent::Enter{});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)))
        intents.push_back(intent::PinBackspace{});
}

void BoothApp::frame() {
    const Clock::time_point now = Clock::now();
    std::vector<Intent> intents = runner_.take_answers();
    typed_keys(intents);
    for (const Intent& intent : intents)
        runner_.run(update(state_, intent, now));
    intents.clear();
    view_.draw(state_, now, intents);
    intents.push_back(intent::Tick{});
    for (const Intent& intent : intents)
        runner_.run(update(state_, intent, now));
}

}  // namespace jobfair::booth::app
