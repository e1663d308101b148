// Runs the session's Effects off the UI thread (STYLE.md rule 3) and hands their answers back as
// Intents. One worker thread does everything that may block: HTTP calls, the SQLite outbox and
// printing. The UI loop calls run() with the effects of a frame and take_answers() at the start
// of the next; neither ever waits for the network.
//
// Between jobs the worker says hello every few seconds (the connection pill and the protocol
// version check) and, while the server is reachable, sends what the outbox holds.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/checkin/model/backend.hpp"
#include "kiosk/checkin/model/session.hpp"

namespace jobfair::checkin::app {

struct RunnerOptions {
    std::filesystem::path outbox_file;
    std::optional<std::string> printer;    // a CUPS destination for `lp -d`
    std::filesystem::path slip_folder;     // where slip PNGs are written before printing
    std::filesystem::path slip_font_file;  // Noto Sans: the slip prints Vietnamese too
    std::chrono::seconds hello_every{3};
    std::chrono::seconds sync_every{10};
};

class EffectRunner {
  public:
    // Starts the worker; it says hello and loads the enterprises at once.
    EffectRunner(std::unique_ptr<KioskBackend> backend, RunnerOptions options);
    ~EffectRunner();  // stops the worker after the job it is on
    EffectRunner(const EffectRunner&) = delete;
    EffectRunner& operator=(const EffectRunner&) = delete;

    void run(std::vector<Effect> effects);
    std::vector<Intent> take_answers();
    // True while a job is queued or running: scripts wait for the answers.
    bool busy() const;

  private:
    class Worker;
    void answer(Intent intent);

    std::unique_ptr<KioskBackend> backend_;
    RunnerOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::deque<Effect> jobs_;
    bool job_running_ = false;
    std::vector<Intent> answers_;
    std::jthread worker_;  // last: it starts after, and stops before, everything above
};

}  // namespace jobfair::checkin::app
