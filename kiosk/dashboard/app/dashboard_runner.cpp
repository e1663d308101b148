#include "kiosk/dashboard/app/dashboard_runner.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "common/protocol.hpp"
#include "kiosk/booth/model/booth.hpp"

namespace jobfair::dashboard::app {

namespace {

template <class... Handlers>
struct Overloaded : Handlers... {
    using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

Reply reply_of(const client::Answer& answer) {
    Reply reply;
    reply.reached = answer.reached;
    reply.status = answer.status;
    reply.ok = answer.ok();
    if (!reply.ok) reply.problem = ServerWords{answer.problem(false), answer.problem(true)};
    return reply;
}

// An answer that came back 2xx but could not be read.
Reply unreadable(const client::Answer& answer, const std::exception& error) {
    Reply reply;
    reply.reached = true;
    reply.status = answer.status;
    reply.problem = ServerWords{tr_fill(DashText::answer_unreadable, Language::en, {error.what()}),
                                tr_fill(DashText::answer_unreadable, Language::vi, {error.what()})};
    return reply;
}

// Parses an ok answer with `parse`; the intent gets the reply and, when readable, the value.
template <class Value, class Parse>
std::pair<Reply, std::optional<Value>> read_answer(const client::Answer& answer, Parse parse) {
    Reply reply = reply_of(answer);
    if (!reply.ok) return {reply, std::nullopt};
    try {
        return {reply, parse(answer.body)};
    } catch (const std::exception& error) {
        return {unreadable(answer, error), std::nullopt};
    }
}

// Writes `content` to `file` through a temporary next to it, so a half-written export never
// carries the final name. Returns the problem, or "" when written.
std::string write_file(const std::filesystem::path& file, const std::string& content) {
    std::error_code error;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
    if (error) return error.message();
    const std::filesystem::path partial = file.string() + ".part";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) return "cannot open " + partial.string();
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) return "cannot write " + partial.string();
    }
    std::filesystem::rename(partial, file, error);
    return error ? error.message() : std::string();
}

}  // namespace

DashboardRunner::DashboardRunner(std::string server_url,
                                 std::optional<client::EnrolmentSettings> console, int workers)
    : client_(std::move(server_url)) {
    if (console) console_.emplace(std::move(*console));
    for (int index = 0; index < workers; ++index)
        workers_.emplace_back([this](std::stop_token stop) { work(stop); });
}

DashboardRunner::~DashboardRunner() {
    close_stream();
    for (std::jthread& worker : workers_)
        worker.request_stop();  // wakes the workers waiting for a job
    workers_.clear();           // joins
}

void DashboardRunner::run(std::vector<Effect> effects) {
    jobs_.post(std::move(effects));
}

std::vector<Intent> DashboardRunner::take_answers() {
    return jobs_.take_answers();
}

int DashboardRunner::busy() const {
    return jobs_.pending();
}

void DashboardRunner::answer(Intent intent) {
    jobs_.answer(std::move(intent));
}

std::optional<std::string> DashboardRunner::token() const {
    std::lock_guard lock(token_mutex_);
    return token_;
}

void DashboardRunner::work(std::stop_token stop) {
    while (const std::optional<Effect> effect = jobs_.next(stop)) {
        if (std::holds_alternative<effect::ForgetSession>(*effect)) {
            close_stream();
            std::lock_guard lock(token_mutex_);
            token_.reset();
        } else {
            jobs_.answer(perform(*effect));
        }
        jobs_.finished();
    }
}

void DashboardRunner::open_stream() {
    std::lock_guard lock(stream_mutex_);
    if (stream_) return;
    client::EventStreamHandlers handlers;
    handlers.token = [this] { return token(); };
    handlers.opened = [this] { answer(intent::StreamOpened{}); };
    handlers.lost = [this] { answer(intent::StreamLost{}); };
    handlers.event = [this](const client::ServerSentEvent& event) {
        answer(intent::StreamEventArrived{event.id.value_or(0), event.kind});
    };
    stream_ = std::make_unique<client::EventStream>(client_.server_url(), std::move(handlers));
}

void DashboardRunner::close_stream() {
    std::unique_ptr<client::EventStream> closing;
    {
        std::lock_guard lock(stream_mutex_);
        closing = std::move(stream_);
    }
    closing.reset();  // joins the stream's thread, outside both locks
}

Intent DashboardRunner::perform(const Effect& effect) {
    return std::visit(
        Overloaded{
            [&](const effect::SayHello&) -> Intent {
                const client::Answer answer = client_.get("/hello", std::nullopt);
                intent::HelloAnswered hello;
                hello.reached = answer.reached;
                if (answer.ok()) {
                    try {
                        const nlohmann::json body = nlohmann::json::parse(answer.body);
                        hello.protocol = body.value("protocol", 0);
                        const auto parsed = body.get<protocol::Hello>();
                        hello.fair_name = parsed.fair_name;
                        hello.date = parsed.date;
                        hello.venue = parsed.venue;
                    } catch (const nlohmann::json::exception&) {
                        hello.protocol = 0;
                    }
                }
                return hello;
            },
            [&](const effect::LogIn& login) -> Intent {
                std::optional<std::string> console_token;
                if (console_) {
                    console_token = console_->token(client_);
                    if (!console_token) {
                        const client::EnrolmentProblem& problem = console_->problem();
                        return intent::LoginAnswered{Reply{
                            problem.reached, false, 0, {problem.message_en, problem.message_vi}}};
                    }
                }
                const nlohmann::json body = {{"password", login.password}};
                const client::Answer answer =
                    client_.post("/auth/login", body.dump(), console_token);
                if (console_ && answer.error() &&
                    answer.error()->code == "not_an_organizer_console")
                    console_->forget();  // revoked: a new code is needed
                auto [reply, token] = read_answer<std::string>(answer, [](const std::string& text) {
                    return nlohmann::json::parse(text).at("token").get<std::string>();
                });
                if (token) {
                    {
                        std::lock_guard lock(token_mutex_);
                        token_ = std::move(*token);
                    }
                    open_stream();
                }
                return intent::LoginAnswered{reply};
            },
            [&](const effect::ForgetSession&) -> Intent { return intent::Tick{}; },
            [&](const effect::FetchOverview&) -> Intent {
                auto [reply, overview] =
                    read_answer<Overview>(client_.get("/overview", token()), parse_overview);
                return intent::OverviewAnswered{reply, std::move(overview)};
            },
            [&](const effect::FetchTimeline&) -> Intent {
                auto [reply, timeline] =
                    read_answer<Timeline>(client_.get("/interviews", token()), parse_timeline);
                return intent::TimelineAnswered{reply, std::move(timeline)};
            },
            [&](const effect::FetchBoothQueue& fetch) -> Intent {
                auto [reply, queue] = read_answer<booth::BoothQueue>(
                    client_.get("/booths/" + fetch.booth + "/queue", token()),
                    booth::parse_booth_queue);
                return intent::QueueAnswered{fetch.booth, reply, std::move(queue)};
            },
            [&](const effect::SearchStudents& search) -> Intent {
                auto [reply, found] = read_answer<StudentSearch>(
                    client_.get("/students?q=" + url_encode(search.query), token()),
                    parse_student_search);
                return intent::SearchAnswered{search.query, reply, std::move(found)};
            },
            [&](const effect::FetchReplanPreview&) -> Intent {
                auto [reply, counts] = read_answer<ReplanCounts>(
                    client_.get("/replan/preview", token()), parse_replan_counts);
                return intent::ReplanPreviewAnswered{reply, counts};
            },
            [&](const effect::PostAction& action) -> Intent {
                const client::Answer answer = client_.post(action.path, action.body, token());
                return intent::ActionAnswered{action.kind, action.subject, action.detail,
                                              reply_of(answer), answer.ok() ? answer.body : ""};
            },
            [&](const effect::SaveExport& save) -> Intent {
                const client::Answer answer = client_.get("/exports/" + save.server_name, token());
                Reply reply = reply_of(answer);
                const std::filesystem::path file = std::filesystem::absolute(save.file);
                if (!reply.ok) return intent::ExportAnswered{save.kind, reply, file.string(), 0};
                const std::string content = save.add_bom ? csv_with_bom(answer.body) : answer.body;
                const std::string problem = write_file(file, content);
                if (!problem.empty()) {
                    reply.ok = false;
                    reply.problem = ServerWords{
                        tr_fill(DashText::write_failed, Language::en, {file.string(), problem}),
                        tr_fill(DashText::write_failed, Language::vi, {file.string(), problem})};
                    return intent::ExportAnswered{save.kind, reply, file.string(), 0};
                }
                return intent::ExportAnswered{save.kind, reply, file.string(), content.size()};
            },
        },
        effect);
}

}  // namespace jobfair::dashboard::app
