// The jobs a client's frames ask for (effects), done on worker threads, and the answers those
// bring back (intents), taken at the start of the next frame. A frame never waits on the network:
// post() and take_answers() hold the lock only to move vectors.
//
//   client::WorkQueue<Effect, Intent> jobs;
//   jobs.post(update(state, intent, now));              // the frame
//   while (auto job = jobs.next(stop)) {                 // a worker
//       jobs.answer(perform(*job));
//       jobs.finished();
//   }
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <utility>
#include <vector>

namespace jobfair::client {

template <class Job, class Answer>
class WorkQueue {
  public:
    // `answered` runs on the worker after each answer is queued: a GUI wakes its sleeping frame
    // loop there (ui::wake_frame_loop).
    explicit WorkQueue(std::function<void()> answered = {}) : answered_(std::move(answered)) {}

    void post(std::vector<Job> jobs) {
        if (jobs.empty()) return;
        {
            std::lock_guard lock(mutex_);
            for (Job& job : jobs)
                waiting_.push_back(std::move(job));
        }
        wake_.notify_all();
    }

    // The next job, counted as under way until finished(); nullopt once `stop` is requested.
    std::optional<Job> next(std::stop_token stop) {
        std::unique_lock lock(mutex_);
        if (!wake_.wait(lock, stop, [this] { return !waiting_.empty(); })) return std::nullopt;
        std::optional<Job> job(std::move(waiting_.front()));
        waiting_.pop_front();
        ++under_way_;
        return job;
    }

    // Answer before finishing a job: whoever waits for quiet then finds the answer there.
    void answer(Answer answer) {
        {
            std::lock_guard lock(mutex_);
            answers_.push_back(std::move(answer));
        }
        if (answered_) answered_();
    }
    void finished() {
        std::lock_guard lock(mutex_);
        --under_way_;
    }

    std::vector<Answer> take_answers() {
        std::lock_guard lock(mutex_);
        return std::exchange(answers_, {});
    }

    // Jobs waiting or under way (scripted runs wait for quiet).
    int pending() const {
        std::lock_guard lock(mutex_);
        return static_cast<int>(waiting_.size()) + under_way_;
    }

  private:
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::deque<Job> waiting_;
    int under_way_ = 0;
    std::vector<Answer> answers_;
    std::function<void()> answered_;
};

}  // namespace jobfair::client
