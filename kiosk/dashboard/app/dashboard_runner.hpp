// Runs the dashboard's Effects off the UI thread and hands what happened back as Intents: two
// workers take effects from one queue (so a slow export never holds up the overview), call the
// server through client::ApiClient with the organizer token, parse the answers with the model's
// parsers and write exports to disk. After a login it opens the event stream (client::EventStream,
// resuming with Last-Event-ID), whose opening, events and loss also become Intents. The UI loop
// calls run() with a frame's effects and take_answers() at the start of the next; it never waits.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/client/api_client.hpp"
#include "common/client/device_enrolment.hpp"
#include "common/client/event_stream.hpp"
#include "common/client/work_queue.hpp"
#include "kiosk/dashboard/model/dashboard.hpp"
#include "kiosk/ui/window.hpp"

namespace jobfair::dashboard::app {

class DashboardRunner {
  public:
    // `console`: this laptop is not the server's machine, so the password is sent with its
    // organizer-console token (enrolled once with a device code, docs/security.md).
    explicit DashboardRunner(std::string server_url,
                             std::optional<client::EnrolmentSettings> console = std::nullopt,
                             int workers = 2);
    ~DashboardRunner();
    DashboardRunner(const DashboardRunner&) = delete;
    DashboardRunner& operator=(const DashboardRunner&) = delete;

    void run(std::vector<Effect> effects);
    std::vector<Intent> take_answers();
    // Effects queued or being worked on (for scripts that wait for quiet).
    int busy() const;

  private:
    void work(std::stop_token stop);
    Intent perform(const Effect& effect);
    std::optional<std::string> token() const;
    void answer(Intent intent);
    void open_stream();
    void close_stream();

    client::ApiClient client_;
    std::optional<client::DeviceEnrolment> console_;
    client::WorkQueue<Effect, Intent> jobs_{ui::wake_frame_loop};  // answers wake the frame loop
    mutable std::mutex token_mutex_;
    std::optional<std::string> token_;  // the organizer's bearer token, never shown

    std::mutex stream_mutex_;  // never held with token_mutex_
    std::unique_ptr<client::EventStream> stream_;
    std::vector<std::jthread> workers_;  // last: stopped first
};

}  // namespace jobfair::dashboard::app
