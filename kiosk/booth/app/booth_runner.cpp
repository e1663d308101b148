#include "kiosk/booth/app/booth_runner.hpp"

#include <utility>

namespace jobfair::booth::app {

namespace {
template <class... Handlers>
struct Overloaded : Handlers... {
    using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;
}  // namespace

BoothRunner::BoothRunner(BoothClient& client)
    : client_(client), worker_([this](std::stop_token stop) { work(stop); }) {}

BoothRunner::~BoothRunner() {
    worker_.request_stop();  // wakes the worker waiting for a job
    if (worker_.joinable()) worker_.join();
    stream_.reset();  // the worker has ended: nobody else touches it now
}

void BoothRunner::run(std::vector<Effect> effects) {
    jobs_.post(std::move(effects));
}

std::vector<Intent> BoothRunner::take_answers() {
    return jobs_.take_answers();
}

bool BoothRunner::busy() const {
    return jobs_.pending() > 0;
}

void BoothRunner::answer(Intent intent) {
    jobs_.answer(std::move(intent));
}

void BoothRunner::work(std::stop_token stop) {
    while (const std::optional<Effect> next = jobs_.next(stop)) {
        perform(*next);
        jobs_.finished();
    }
}

void BoothRunner::perform(const Effect& effect) {
    std::visit(Overloaded{
                   [&](const effect::SayHello&) { answer(client_.hello()); },
                   [&](const effect::LogIn& login) {
                       intent::LoginAnswered answered = client_.log_in(login.pin);
                       if (answered.outcome.ok()) open_stream();
                       answer(std::move(answered));
                   },
                   [&](const effect::LogOut& logout) {
                       close_stream();
                       client_.log_out(logout.tell_server);
                   },
                   [&](const effect::FetchQueue&) { answer(client_.queue()); },
                   [&](const effect::PostAction& action) { answer(client_.act(action)); },
                   [&](const effect::VerifyTicket& verify) { answer(client_.verify(verify)); },
               },
               effect);
}

void BoothRunner::open_stream() {
    close_stream();
    client::EventStreamHandlers handlers;
    handlers.token = [this] { return client_.token(); };
    handlers.opened = [this] { answer(intent::StreamOpened{}); };
    handlers.lost = [this] { answer(intent::StreamLost{}); };
    handlers.event = [this](const client::ServerSentEvent& event) {
        answer(parse_stream_event(event.kind, event.data));
    };
    // A refused token is noticed by the next queue fetch (401: back to the PIN pad).
    handlers.token_refused = [] {};
    stream_ = std::make_unique<client::EventStream>(client_.server_url(), std::move(handlers));
}

void BoothRunner::close_stream() {
    stream_.reset();
}

}  // namespace jobfair::booth::app
