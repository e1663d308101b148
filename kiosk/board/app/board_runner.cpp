#include "kiosk/board/app/board_runner.hpp"

#include <utility>

#include "kiosk/ui/window.hpp"

namespace jobfair::board::app {

BoardRunner::BoardRunner(BoardClient& board_client, bool chime_wanted) : client_(board_client) {
    if (chime_wanted) chime_.emplace();
    fetcher_ = std::jthread([this](std::stop_token stop) { fetch_when_asked(stop); });
    chimer_ = std::jthread([this](std::stop_token stop) { chime_when_asked(stop); });
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
    chimer_.request_stop();
    wake_.notify_all();
}

void BoardRunner::run(std::vector<Effect> effects) {
    if (effects.empty()) return;
    {
        std::lock_guard lock(mutex_);
        for (const Effect& effect : effects) {
            if (std::holds_alternative<effect::FetchRecentCalls>(effect)) ++fetches_asked_;
            if (std::holds_alternative<effect::PlayChime>(effect)) ++chimes_asked_;
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
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [this] { return fetches_asked_ > 0; })) return;
            fetches_asked_ = 0;  // one fetch answers every request made so far
        }
        intent::CallsAnswered answered{client_.recent_calls(), std::nullopt};
        // The heading is asked for until heard once: the fair's name and date do not change
        // during the morning.
        if (!heading_heard) {
            answered.fair = client_.fair_heading();
            heading_heard = answered.fair.has_value();
        }
        answer(std::move(answered));
    }
}

void BoardRunner::chime_when_asked(std::stop_token stop) {
    while (!stop.stop_requested()) {
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [this] { return chimes_asked_ > 0; })) return;
            chimes_asked_ = 0;  // calls that come together ring once
        }
        if (chime_) chime_->play();
    }
}

}  // namespace jobfair::board::app
