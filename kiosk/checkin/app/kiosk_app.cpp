#include "kiosk/checkin/app/kiosk_app.hpp"

namespace jobfair::checkin::app {

KioskApp::KioskApp(const KioskConfig& config, EffectRunner& runner, KioskView& view)
    : state_(make_kiosk(config, KioskClock::now())), runner_(runner), view_(view) {}

void KioskApp::apply(const Intent& intent) {
    runner_.run(update(state_, intent, KioskClock::now()));
}

void KioskApp::typed_keys(const std::vector<ui::TypedKey>& typed, std::vector<Intent>& intents) {
    for (const ui::TypedKey& key : typed) {
        switch (key.kind) {
            case ui::TypedKey::Kind::character:
                if (key.character >= 0x20 && key.character != 0x7f)
                    intents.push_back(intent::Key{key.character});
                break;
            case ui::TypedKey::Kind::enter:
                intents.push_back(intent::Enter{});
                break;
            case ui::TypedKey::Kind::backspace:
                intents.push_back(intent::Backspace{});
                break;
        }
    }
}

void KioskApp::frame(const std::vector<ui::TypedKey>& typed) {
    std::vector<Intent> intents;
    if (!answers_held_) intents = runner_.take_answers();
    typed_keys(typed, intents);
    view_.draw(state_, KioskClock::now(), intents);
    intents.push_back(intent::Tick{});
    for (const Intent& intent : intents)
        apply(intent);
}

}  // namespace jobfair::checkin::app
