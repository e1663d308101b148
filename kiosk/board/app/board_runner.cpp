#include "kiosk/board/app/board_runner.hpp"

#include <iostream>
#include <utility>

#include "kiosk/ui/window.hpp"

namespace jobfair::board::app {

namespace {

// Sentences waiting at most: a burst of calls is said in order, but a board that fell far behind
// says the newest, not calls made minutes ago.
constexpr std::size_t kMostSentencesWaiting = 12;

}  // namespace

BoardRunner::BoardRunner(BoardClient& board_client, SoundChoice sound)
    : client_(board_client), sound_(sound) {
    if (sound_.chime) chime_.emplace();
    fetcher_ = std::jthread([this](std::stop_token stop) { fetch_when_asked(stop); });
    player_ = std::jthread([this](std::stop_token stop) { play_when_asked(stop); });
    client::EventStreamHandlers handlers;
    handlers.token = [this] { return client_.token(); };
    handlers.token_refused = [this] { client_.token_refused(); };
    handlers.opened = [this] { answer(intent::StreamOpened{}); };
    handlers.lost = [this] { answer(intent::StreamLost{}); };
    handlers.event = [this](const client::ServerSentEvent& event) {
        answer(intent::StreamEventArrived{event.id.value_or(0), event.kind});
    };
    stream_ = std::make_unique<client::EventStream>(client_.server_url(), std::move(handlers));
}

BoardRunner::~BoardRunner() {
    stream_.reset();
    fetcher_.request_stop();
    player_.request_stop();
    wake_.notify_all();
}

void BoardRunner::run(std::vector<Effect> effects) {
    if (effects.empty()) return;
    {
        std::lock_guard lock(mutex_);
        for (Effect& effect : effects) {
            if (std::holds_alternative<effect::FetchRecentCalls>(effect)) ++fetches_asked_;
            if (std::holds_alternative<effect::AskFairClock>(effect)) ++clock_asks_;
            if (std::holds_alternative<effect::PlayChime>(effect) && chime_) {
                // Calls that come together ring once.
                if (sounds_.empty() || !sounds_.back().chime) sounds_.push_back({true, {}});
            }
            if (auto* speak = std::get_if<effect::Speak>(&effect); speak && sound_.voice) {
                sounds_.push_back({false, std::move(speak->text)});
                std::size_t sentences = 0;
                for (const Sound& sound : sounds_)
                    sentences += sound.chime ? 0 : 1;
                if (sentences > kMostSentencesWaiting) {
                    for (auto it = sounds_.begin(); it != sounds_.end(); ++it) {
                        if (it->chime) continue;
                        sounds_.erase(it);
                        break;
                    }
                }
            }
            if (std::holds_alternative<effect::StopSpeaking>(effect)) {
                std::erase_if(sounds_, [](const Sound& sound) { return !sound.chime; });
            }
        }
    }
    wake_.notify_all();
}

std::vector<Intent> BoardRunner::take_answers() {
    std::lock_guard lock(mutex_);
    return std::exchange(answers_, {});
}

void BoardRunner::answer(Intent intent) {
    {
        std::lock_guard lock(mutex_);
        answers_.push_back(std::move(intent));
    }
    ui::wake_frame_loop();  // the sleeping frame loop takes it now
}

void BoardRunner::fetch_when_asked(std::stop_token stop) {
    bool heading_heard = false;  // this worker's own: no lock needed
    while (!stop.stop_requested()) {
        bool fetch = false;
        bool ask_clock = false;
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [this] { return fetches_asked_ > 0 || clock_asks_ > 0; }))
                return;
            // One fetch answers every request made so far; so does one hello.
            fetch = std::exchange(fetches_asked_, 0) > 0;
            ask_clock = std::exchange(clock_asks_, 0) > 0;
        }
        if (fetch) {
            const std::optional<RecentCalls> recent = client_.recent_calls();
            intent::CallsAnswered answered{recent ? std::optional(recent->calls) : std::nullopt,
                                           std::nullopt, recent ? recent->now : std::nullopt};
            // The heading comes with the first fetch, so the first picture has it.
            if (!heading_heard) {
                const std::optional<intent::ClockHeard> hello = client_.hello();
                if (hello && hello->fair) {
                    answered.fair = hello->fair;
                    heading_heard = true;
                }
            }
            answer(std::move(answered));
        }
        if (ask_clock) {
            answer(client_.hello().value_or(intent::ClockHeard{std::nullopt, std::nullopt}));
        }
    }
}

void BoardRunner::play_when_asked(std::stop_token stop) {
    bool silence_logged = false;
    while (!stop.stop_requested()) {
        Sound sound;
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [this] { return !sounds_.empty(); })) return;
            sound = std::move(sounds_.front());
            sounds_.pop_front();
        }
        const bool played =
            sound.chime ? chime_ && chime_->play() : voice_.say(sound.text, sound_.language);
        if (!played && !silence_logged) {
            // Once: a board without a sound device (Xvfb, a TV on HDMI without audio) still
            // shows every call; the log says why it is silent.
            std::cerr << "jobfair-board: no sound played (no sound device, or "
                      << (sound.chime ? "aplay" : "espeak-ng or aplay")
                      << " missing); the board stays silent and shows every call\n";
            silence_logged = true;
        }
    }
}

}  // namespace jobfair::board::app
