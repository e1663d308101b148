// Runs the board's Effects off the UI thread and hands what happened back as Intents: one worker
// fetches GET /calls/recent and asks GET /hello for the fair clock, another plays the sounds in
// order (the chime, then each call said aloud; one at a time, never overlapping), and the
// EventStream's thread reports the stream opening, its events and its loss. The UI loop calls
// run() with a frame's effects and take_answers() at the start of the next; it never waits.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/client/event_stream.hpp"
#include "kiosk/board/app/board_client.hpp"
#include "kiosk/board/app/chime.hpp"
#include "kiosk/board/app/voice.hpp"
#include "kiosk/board/model/board.hpp"

namespace jobfair::board::app {

struct SoundChoice {
    bool chime = true;  // --no-chime
    bool voice = true;  // false: nothing is said whatever the switch (--screenshot)
    Language language = Language::vi;
};

class BoardRunner {
  public:
    BoardRunner(BoardClient& board_client, SoundChoice sound);
    ~BoardRunner();
    BoardRunner(const BoardRunner&) = delete;
    BoardRunner& operator=(const BoardRunner&) = delete;

    // espeak-ng and aplay are installed (the voice switch says so when not).
    bool voice_installed() const { return voice_.installed(); }
    void run(std::vector<Effect> effects);
    std::vector<Intent> take_answers();

  private:
    // One sound to play: the chime, or a sentence.
    struct Sound {
        bool chime = false;
        std::string text;
    };
    void answer(Intent intent);
    void fetch_when_asked(std::stop_token stop);
    void play_when_asked(std::stop_token stop);

    BoardClient& client_;
    SoundChoice sound_;
    std::optional<Chime> chime_;
    Voice voice_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    int fetches_asked_ = 0;
    int clock_asks_ = 0;
    std::deque<Sound> sounds_;
    std::vector<Intent> answers_;
    std::jthread fetcher_;
    std::jthread player_;
    std::unique_ptr<client::EventStream> stream_;  // last: stopped first
};

}  // namespace jobfair::board::app
