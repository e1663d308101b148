// Runs the board's Effects off the UI thread and hands what happened back as Intents: one worker
// fetches GET /calls/recent, another plays the chime (it blocks for the sound's length), and the
// EventStream's thread reports the stream opening, its events and its loss. The UI loop calls
// run() with a frame's effects and take_answers() at the start of the next; it never waits.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "common/client/event_stream.hpp"
#include "kiosk/board/app/board_client.hpp"
#include "kiosk/board/app/chime.hpp"
#include "kiosk/board/model/board.hpp"

namespace jobfair::board::app {

class BoardRunner {
  public:
    BoardRunner(BoardClient& board_client, bool chime_wanted);
    ~BoardRunner();
    BoardRunner(const BoardRunner&) = delete;
    BoardRunner& operator=(const BoardRunner&) = delete;

    void run(std::vector<Effect> effects);
    std::vector<Intent> take_answers();

  private:
    void answer(Intent intent);
    void fetch_when_asked(std::stop_token stop);
    void chime_when_asked(std::stop_token stop);

    BoardClient& client_;
    std::optional<Chime> chime_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    int fetches_asked_ = 0;
    int chimes_asked_ = 0;
    std::vector<Intent> answers_;
    std::jthread fetcher_;
    std::jthread chimer_;
    std::unique_ptr<client::EventStream> stream_;  // last: stopped first
};

}  // namespace jobfair::board::app
