#include "kiosk/checkin/app/effect_runner.hpp"

#include <iostream>
#include <utility>

#include "common/qr.hpp"
#include "kiosk/checkin/app/slip.hpp"
#include "kiosk/checkin/model/outbox.hpp"
#include "kiosk/ui/window.hpp"

namespace jobfair::checkin::app {

// What lives on the worker thread only: the outbox connection (one per thread) and the slip
// renderer.
class EffectRunner::Worker {
  public:
    explicit Worker(EffectRunner& runner) : runner_(runner), backend_(*runner.backend_) {
        try {
            outbox_.emplace(runner.options_.outbox_file.string());
        } catch (const std::exception& failure) {
            std::cerr << "jobfair-kiosk: cannot open the outbox " << runner.options_.outbox_file
                      << ": " << failure.what() << " (offline registration is off)\n";
        }
    }

    void operator()(const effect::SubmitCheckIn& job) {
        runner_.answer(intent::CheckInAnswered{
            job.idempotency_key, backend_.check_in(job.request, job.idempotency_key)});
    }
    void operator()(const effect::SubmitRegistration& job) {
        runner_.answer(intent::RegistrationAnswered{
            job.idempotency_key, backend_.register_walk_in(job.request, job.idempotency_key)});
    }
    void operator()(const effect::SubmitAddBooth& job) {
        runner_.answer(intent::AddBoothAnswered{
            job.idempotency_key, backend_.add_booth(job.request, job.idempotency_key)});
    }
    void operator()(const effect::StoreInOutbox& job) {
        std::optional<std::string> label;
        if (outbox_) {
            try {
                label = outbox_->store(job.registration, job.idempotency_key).provisional_label;
            } catch (const std::exception& failure) {
                std::cerr << "jobfair-kiosk: the outbox could not store a registration: "
                          << failure.what() << '\n';
            }
        }
        runner_.answer(intent::StoredInOutbox{job.idempotency_key, label});
        report_outbox();
    }
    void operator()(const effect::PrintSlip& job) {
        const auto& options = runner_.options_;
        if (!options.printer) return;
        try {
            if (!slips_) slips_.emplace(options.slip_font_file);
            const std::filesystem::path file =
                options.slip_folder / ("slip-" + job.answer.ticket_label + ".png");
            write_png(slips_->render(job.answer, job.provisional, job.language), file);
            const int status = send_to_printer(*options.printer, file);
            if (status != 0) {
                std::cerr << "jobfair-kiosk: lp -d " << *options.printer << " " << file
                          << " failed (status " << status << ")\n";
            }
            std::filesystem::remove(file);  // the slip carries the student's ticket
        } catch (const std::exception& failure) {
            std::cerr << "jobfair-kiosk: cannot print the slip: " << failure.what() << '\n';
        }
    }
    void operator()(const effect::LoadEnterprises&) {
        runner_.answer(intent::EnterprisesAnswered{backend_.enterprises()});
    }
    void operator()(const effect::SyncOutbox&) { sync_outbox(); }

    void say_hello() {
        auto hello = backend_.hello();
        reachable_ = hello || hello.error() != BackendError::unreachable;
        runner_.answer(intent::HelloAnswered{std::move(hello)});
        if (reachable_ && !enterprises_loaded_) {
            auto cards = backend_.enterprises();
            enterprises_loaded_ = static_cast<bool>(cards);
            runner_.answer(intent::EnterprisesAnswered{std::move(cards)});
        }
    }

    // Sends each pending registration with its own key: a lost answer is simply sent again.
    void sync_outbox() {
        if (!outbox_ || !reachable_) return;
        for (const OutboxEntry& entry : outbox_->pending()) {
            const auto sent = backend_.register_walk_in(entry.registration, entry.idempotency_key);
            if (!sent) {
                if (sent.error() == BackendError::unreachable) {
                    reachable_ = false;
                    break;
                }
                // Refused: the entry stays for the help desk; the others still go.
                std::cerr << "jobfair-kiosk: the server refused a saved registration ("
                          << (sent.server_error() ? sent.server_error()->message : "unexpected")
                          << ")\n";
                continue;
            }
            outbox_->mark_sent(entry.idempotency_key, *sent);
        }
        report_outbox();
    }

    void report_outbox() {
        if (outbox_) runner_.answer(intent::OutboxChanged{outbox_->pending_count()});
    }

  private:
    EffectRunner& runner_;
    KioskBackend& backend_;
    std::optional<Outbox> outbox_;
    std::optional<SlipRenderer> slips_;
    bool reachable_ = false;
    bool enterprises_loaded_ = false;
};

EffectRunner::EffectRunner(std::unique_ptr<KioskBackend> backend, RunnerOptions options)
    : backend_(std::move(backend)), options_(std::move(options)) {
    worker_ = std::jthread([this](std::stop_token stop) {
        Worker worker(*this);
        using Clock = std::chrono::steady_clock;
        auto next_hello = Clock::now();
        auto next_sync = Clock::now();
        worker.report_outbox();
        while (!stop.stop_requested()) {
            if (Clock::now() >= next_hello) {
                worker.say_hello();
                next_hello = Clock::now() + options_.hello_every;
            }
            if (Clock::now() >= next_sync) {
                worker.sync_outbox();
                next_sync = Clock::now() + options_.sync_every;
            }
            std::optional<Effect> job;
            {
                std::unique_lock lock(mutex_);
                wake_.wait_until(lock, stop, std::min(next_hello, next_sync),
                                 [this] { return !jobs_.empty(); });
                if (jobs_.empty()) continue;
                job = std::move(jobs_.front());
                jobs_.pop_front();
                job_running_ = true;
            }
            std::visit(worker, *job);
            std::lock_guard lock(mutex_);
            job_running_ = false;
        }
    });
}

EffectRunner::~EffectRunner() {
    worker_.request_stop();
}

void EffectRunner::run(std::vector<Effect> effects) {
    if (effects.empty()) return;
    {
        std::lock_guard lock(mutex_);
        for (auto& effect : effects)
            jobs_.push_back(std::move(effect));
    }
    wake_.notify_one();
}

std::vector<Intent> EffectRunner::take_answers() {
    std::lock_guard lock(mutex_);
    return std::exchange(answers_, {});
}

bool EffectRunner::busy() const {
    std::lock_guard lock(mutex_);
    return job_running_ || !jobs_.empty();
}

void EffectRunner::answer(Intent intent) {
    {
        std::lock_guard lock(mutex_);
        answers_.push_back(std::move(intent));
    }
    ui::wake_frame_loop();  // the sleeping frame loop takes it now
}

}  // namespace jobfair::checkin::app
