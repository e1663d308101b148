// Runs the booth station's Effects off the UI thread and hands what happened back as Intents:
// one worker runs the calls in the order they were asked (hello, login, queue, actions, ticket
// checks, logout), and once logged in an EventStream reports the stream opening, the events
// (parsed by the model's parse_stream_event) and its loss. The UI loop calls run() with a frame's
// effects and take_answers() at the start of the next; it never waits.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "common/client/event_stream.hpp"
#include "common/client/work_queue.hpp"
#include "kiosk/booth/app/booth_client.hpp"
#include "kiosk/booth/model/booth.hpp"
#include "kiosk/ui/window.hpp"

namespace jobfair::booth::app {

class BoothRunner {
  public:
    explicit BoothRunner(BoothClient& client);
    ~BoothRunner();
    BoothRunner(const BoothRunner&) = delete;
    BoothRunner& operator=(const BoothRunner&) = delete;

    void run(std::vector<Effect> effects);
    std::vector<Intent> take_answers();
    // True while effects wait or one runs (scripted runs wait for quiet).
    bool busy() const;

  private:
    void answer(Intent intent);
    void work(std::stop_token stop);
    void perform(const Effect& effect);
    void open_stream();
    void close_stream();

    BoothClient& client_;
    client::WorkQueue<Effect, Intent> jobs_{ui::wake_frame_loop};  // answers wake the frame loop
    std::unique_ptr<client::EventStream> stream_;                  // only touched by the worker
    std::jthread worker_;  // last: starts after everything above
};

}  // namespace jobfair::booth::app
