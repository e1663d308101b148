#include "kiosk/dashboard/model/dashboard.hpp"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/protocol.hpp"
#include "common/string_table.hpp"

namespace jobfair::dashboard {

namespace {

// The ticket label of interview `subject` (its id as text) in the shown timeline: what the
// organizer knows it by; the id itself is the server's and never shown.
std::string ticket_of(const DashboardState& state, const std::string& subject) {
    if (state.timeline) {
        for (const TimelineInterview& interview : state.timeline->interviews)
            if (std::to_string(interview.id) == subject) return interview.ticket_label;
    }
    return tr(DashText::no_value, state.language);
}

// --- Helpers -------------------------------------------------------------------------------------

void show_notice(DashboardState& state, NoticeTone tone, DashText text,
                 std::vector<std::string> values, Clock::time_point now, ServerWords server = {}) {
    state.notice =
        Notice{tone, text, std::move(values), std::move(server), now + state.config.notice_for};
}

// A refused or unanswered call, said in a notice.
void show_failure(DashboardState& state, const Reply& reply, Clock::time_point now) {
    if (!reply.reached) {
        show_notice(state, NoticeTone::danger, DashText::notice_unreachable, {}, now);
    } else {
        show_notice(state, NoticeTone::danger, DashText::notice_refused, {}, now, reply.problem);
    }
}

void want_everything(DashboardState& state) {
    state.overview_fetch.wanted = true;
    state.timeline_fetch.wanted = true;
    if (state.open_booth) state.queue_fetch.wanted = true;
}

bool due(const FetchSlot& slot, const DashboardConfig& config, Clock::time_point now) {
    return slot.wanted && !slot.in_flight &&
           (!slot.ever_sent || now - slot.last_sent >= config.min_fetch_gap);
}

void mark_sent(FetchSlot& slot, Clock::time_point now) {
    slot.wanted = false;
    slot.in_flight = true;
    slot.last_sent = now;
    slot.ever_sent = true;
}

// The token was refused: everything shown is dropped with it (a new state keeps only the
// language, the settings and the server's hello) and the login screen says why.
std::vector<Effect> session_ended(DashboardState& state, Clock::time_point now) {
    DashboardState fresh = make_dashboard(state.config, state.language);
    fresh.hello_done = state.hello_done;
    fresh.fair_name = state.fair_name;
    fresh.fair_date = state.fair_date;
    fresh.fair_venue = state.fair_venue;
    fresh.server_protocol = state.server_protocol;
    fresh.connection = Connection::online;
    fresh.login_problem = Notice{
        NoticeTone::warning, DashText::session_expired, {}, {}, now + state.config.notice_for};
    state = std::move(fresh);
    return {effect::ForgetSession{}};
}

bool unauthorized(const Reply& reply) {
    return reply.reached && reply.status == 401;
}

std::vector<Effect> post(DashboardState& state, ActionKind kind, std::string subject,
                         std::string detail, std::string path, std::string body) {
    ++state.actions_in_flight;
    return {effect::PostAction{kind, std::move(subject), std::move(detail), std::move(path),
                               std::move(body)}};
}

// Re-finds the selected interview in a new timeline: by id, or for a planned interview (whose id
// changes at every re-plan) by its student, booth and start.
void keep_selection(DashboardState& state) {
    if (!state.selection || !state.timeline) return;
    Selection& selection = *state.selection;
    std::optional<std::size_t> found = find_interview(*state.timeline, selection.interview);
    if (!found) {
        for (std::size_t index = 0; index < state.timeline->interviews.size(); ++index) {
            const TimelineInterview& interview = state.timeline->interviews[index];
            if (interview.student == selection.student && interview.booth == selection.booth &&
                interview.start == selection.start && !interview_is_over(interview.status)) {
                found = index;
                break;
            }
        }
    }
    if (!found) {
        state.selection.reset();
        state.move_form.reset();
        state.cancel_form.reset();
        return;
    }
    const TimelineInterview& interview = state.timeline->interviews[*found];
    selection = Selection{interview.id, interview.student, interview.booth, interview.start};
    if (state.move_form) state.move_form->interview = interview.id;
    if (state.cancel_form) state.cancel_form->interview = interview.id;
    if (state.move_form && !interview_can_move(interview.status)) state.move_form.reset();
    if (state.cancel_form && interview_is_over(interview.status)) state.cancel_form.reset();
}

int cancelled_count(const std::string& body) {
    try {
        const nlohmann::json answer = nlohmann::json::parse(body);
        return static_cast<int>(answer.value("cancelled", nlohmann::json::array()).size());
    } catch (const nlohmann::json::exception&) {
        return 0;
    }
}

std::optional<int> new_seat(const std::string& body) {
    try {
        return nlohmann::json::parse(body).at("seat").get<int>();
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

std::vector<Effect> submit_login(DashboardState& state, Clock::time_point now) {
    if (state.logging_in) return {};
    if (protocol_mismatch(state)) {
        state.password.clear();
        return {};
    }
    if (state.password.empty()) {
        state.login_problem = Notice{
            NoticeTone::warning, DashText::login_empty, {}, {}, now + state.config.notice_for};
        return {};
    }
    state.logging_in = true;
    state.login_problem.reset();
    return {effect::LogIn{std::exchange(state.password, std::string())}};
}

std::vector<Effect> save_export(DashboardState& state, ExportKind kind) {
    for (ExportStatus& status : state.exports) {
        if (status.kind != kind) continue;
        if (status.state == ExportState::fetching) return {};
        const ExportSpec& spec = export_spec(kind);
        const std::string fair_now = state.overview ? state.overview->now : std::string();
        status.state = ExportState::fetching;
        status.problem = {};
        const std::string file = (std::filesystem::path(state.config.export_dir) /
                                  export_file_name(spec.name, fair_now, state.fair_date))
                                     .string();
        return {effect::SaveExport{kind, std::string(spec.name), file, spec.csv}};
    }
    return {};
}

// Keeps the form's start when it is offered and free; otherwise the first free start offered
// (or the first offered when none is free).
void settle_move_start(const Timeline& timeline, MoveForm& form) {
    const std::vector<TimeOfDay> starts = move_start_choices(timeline, form.booth);
    if (starts.empty()) return;
    const auto free = [&](TimeOfDay start) {
        return !seat_taken(timeline, form.booth, form.seat, start, form.interview);
    };
    if (std::find(starts.begin(), starts.end(), form.start) != starts.end() && free(form.start))
        return;
    const auto first_free = std::find_if(starts.begin(), starts.end(), free);
    form.start = first_free != starts.end() ? *first_free : starts.front();
}

// --- One handler per intent ----------------------------------------------------------------------
using Effects = std::vector<Effect>;
using Time = Clock::time_point;

Effects on(DashboardState& state, const intent::PasswordTyped& typed, Time) {
    state.password = typed.text;
    return {};
}

Effects on(DashboardState& state, const intent::SubmitLogin&, Time now) {
    return submit_login(state, now);
}

Effects on(DashboardState& state, const intent::LoginWithPassword& login, Time now) {
    state.password = login.password;
    return submit_login(state, now);
}

Effects on(DashboardState& state, const intent::SetLanguage& set, Time) {
    state.language = set.language;
    return {};
}

Effects on(DashboardState& state, const intent::ShowTab& show, Time) {
    state.tab = show.tab;
    if (show.tab == Tab::timeline) state.timeline_fetch.wanted = true;
    if (show.tab == Tab::overview || show.tab == Tab::figures) state.overview_fetch.wanted = true;
    return {};
}

Effects on(DashboardState& state, const intent::OpenBooth& open, Time) {
    if (state.open_booth != open.booth) state.booth_queue.reset();
    state.open_booth = open.booth;
    state.queue_fetch.wanted = true;
    return {};
}

Effects on(DashboardState& state, const intent::CloseBooth&, Time) {
    state.open_booth.reset();
    state.booth_queue.reset();
    state.queue_fetch.wanted = false;
    return {};
}

Effects on(DashboardState& state, const intent::PauseBooth& pause, Time) {
    return post(state, ActionKind::pause, pause.booth, "", "/booths/" + pause.booth + "/pause",
                "{}");
}

Effects on(DashboardState& state, const intent::ResumeBooth& resume, Time) {
    return post(state, ActionKind::resume, resume.booth, "", "/booths/" + resume.booth + "/resume",
                "{}");
}

Effects on(DashboardState& state, const intent::ExtendBooth& extend, Time now) {
    const std::optional<TimeOfDay> close = extended_close(state, extend.booth, extend.minutes);
    if (!close) {
        show_notice(state, NoticeTone::info, DashText::extend_at_day_end, {}, now);
        return {};
    }
    const nlohmann::json body = {{"close", close->str()}};
    return post(state, ActionKind::extend, extend.booth, close->str(),
                "/booths/" + extend.booth + "/hours", body.dump());
}

Effects on(DashboardState& state, const intent::AddSeat& add, Time) {
    return post(state, ActionKind::add_seat, add.booth, "", "/booths/" + add.booth + "/seats",
                "{}");
}

Effects on(DashboardState& state, const intent::SelectInterview& select, Time) {
    state.move_form.reset();
    state.cancel_form.reset();
    state.selection.reset();
    if (!state.timeline) return {};
    const auto found = find_interview(*state.timeline, select.interview);
    if (!found) return {};
    const TimelineInterview& interview = state.timeline->interviews[*found];
    state.selection = Selection{interview.id, interview.student, interview.booth, interview.start};
    return {};
}

Effects on(DashboardState& state, const intent::ClearSelection&, Time) {
    state.selection.reset();
    state.move_form.reset();
    state.cancel_form.reset();
    return {};
}

Effects on(DashboardState& state, const intent::ToggleCancelled&, Time) {
    state.show_cancelled = !state.show_cancelled;
    if (state.timeline) state.layout = layout_timeline(*state.timeline, state.show_cancelled);
    return {};
}

Effects on(DashboardState& state, const intent::BeginMove&, Time) {
    const TimelineInterview* interview = selected_interview(state);
    if (!interview || !interview_can_move(interview->status)) return {};
    state.cancel_form.reset();
    state.move_form = MoveForm{interview->id, interview->booth, interview->seat, interview->start};
    settle_move_start(*state.timeline, *state.move_form);
    return {};
}

Effects on(DashboardState& state, const intent::ChooseMoveBooth& choose, Time) {
    if (!state.move_form || !state.timeline) return {};
    MoveForm& form = *state.move_form;
    form.booth = choose.booth;
    form.seat = std::clamp(form.seat, 0, seats_of(*state.timeline, form.booth) - 1);
    settle_move_start(*state.timeline, form);
    return {};
}

Effects on(DashboardState& state, const intent::ChooseMoveSeat& choose, Time) {
    if (!state.move_form || !state.timeline) return {};
    state.move_form->seat =
        std::clamp(choose.seat, 0, seats_of(*state.timeline, state.move_form->booth) - 1);
    settle_move_start(*state.timeline, *state.move_form);
    return {};
}

Effects on(DashboardState& state, const intent::ChooseMoveStart& choose, Time) {
    if (state.move_form) state.move_form->start = choose.start;
    return {};
}

Effects on(DashboardState& state, const intent::ConfirmMove&, Time) {
    if (!state.move_form) return {};
    const MoveForm& form = *state.move_form;
    const nlohmann::json body = {
        {"booth", form.booth}, {"seat", form.seat}, {"start", form.start.str()}};
    const std::string id = std::to_string(form.interview);
    return post(state, ActionKind::move, id, form.booth + " " + form.start.str(),
                "/interviews/" + id + "/move", body.dump());
}

Effects on(DashboardState& state, const intent::BeginCancel&, Time) {
    const TimelineInterview* interview = selected_interview(state);
    if (!interview || interview_is_over(interview->status)) return {};
    state.move_form.reset();
    state.cancel_form = CancelForm{interview->id, {}};
    return {};
}

Effects on(DashboardState& state, const intent::CancelReasonTyped& typed, Time) {
    if (state.cancel_form) state.cancel_form->reason = typed.text;
    return {};
}

Effects on(DashboardState& state, const intent::ConfirmCancel&, Time) {
    if (!state.cancel_form) return {};
    const std::string id = std::to_string(state.cancel_form->interview);
    nlohmann::json body = nlohmann::json::object();
    const std::string reason = search_query_of(state.cancel_form->reason);
    if (!reason.empty()) body["reason"] = reason;
    return post(state, ActionKind::cancel, id, "", "/interviews/" + id + "/cancel", body.dump());
}

Effects on(DashboardState& state, const intent::CloseForm&, Time) {
    state.move_form.reset();
    state.cancel_form.reset();
    return {};
}

Effects on(DashboardState& state, const intent::SearchTyped& typed, Time now) {
    state.search_typed = typed.text;
    state.search_due = now + state.config.search_pause;
    return {};
}

Effects on(DashboardState& state, const intent::SearchNow&, Time now) {
    state.search_due = now;
    return {};
}

Effects on(DashboardState& state, const intent::AskMarkLeft& ask, Time) {
    state.confirm_left = ask.student;
    return {};
}

Effects on(DashboardState& state, const intent::ConfirmMarkLeft&, Time) {
    if (!state.confirm_left) return {};
    const std::string student = *std::exchange(state.confirm_left, std::nullopt);
    return post(state, ActionKind::mark_left, student, "", "/students/" + student + "/left", "{}");
}

Effects on(DashboardState& state, const intent::AskReplan&, Time) {
    if (state.replan_step == ReplanStep::previewing || state.replan_step == ReplanStep::applying)
        return {};
    state.replan_step = ReplanStep::previewing;
    state.replan_preview.reset();
    return {effect::FetchReplanPreview{}};
}

Effects on(DashboardState& state, const intent::ConfirmReplan&, Time) {
    if (state.replan_step != ReplanStep::confirming) return {};
    state.replan_step = ReplanStep::applying;
    return post(state, ActionKind::replan, "", "", "/replan", "{}");
}

Effects on(DashboardState& state, const intent::CloseDialog&, Time) {
    state.replan_step = ReplanStep::none;
    state.replan_preview.reset();
    state.confirm_left.reset();
    return {};
}

Effects on(DashboardState& state, const intent::SaveExport& save, Time) {
    return save_export(state, save.kind);
}

Effects on(DashboardState& state, const intent::SaveAllExports&, Time) {
    Effects effects;
    for (const ExportSpec& spec : export_catalogue())
        for (Effect& effect : save_export(state, spec.kind))
            effects.push_back(std::move(effect));
    return effects;
}

Effects on(DashboardState& state, const intent::DismissNotice&, Time) {
    state.notice.reset();
    return {};
}

Effects on(DashboardState& state, const intent::HelloAnswered& hello, Time now) {
    state.hello_in_flight = false;
    if (!hello.reached) {
        state.connection = Connection::offline;
        state.next_retry = now + state.config.retry_every;
        return {};
    }
    state.hello_done = true;
    state.server_protocol = hello.protocol;
    if (!hello.fair_name.empty()) state.fair_name = hello.fair_name;
    state.fair_date = hello.date;
    state.fair_venue = hello.venue;
    if (state.screen == Screen::login) state.connection = Connection::online;
    return {};
}

Effects on(DashboardState& state, const intent::LoginAnswered& answered, Time now) {
    state.logging_in = false;
    if (answered.reply.ok) {
        state.screen = Screen::dashboard;
        state.connection = Connection::connecting;
        state.login_problem.reset();
        want_everything(state);
        return {};
    }
    const Time until = now + state.config.notice_for;
    if (!answered.reply.reached) {
        state.connection = Connection::offline;
        state.login_problem =
            Notice{NoticeTone::danger, DashText::login_unreachable, {}, {}, until};
    } else {
        state.connection = Connection::online;
        state.login_problem =
            Notice{NoticeTone::danger, DashText::notice_refused, {}, answered.reply.problem, until};
    }
    return {};
}

Effects on(DashboardState& state, const intent::OverviewAnswered& answered, Time now) {
    state.overview_fetch.in_flight = false;
    if (state.screen != Screen::dashboard) return {};
    if (answered.reply.ok && answered.overview) {
        const bool was_offline = state.connection != Connection::online;
        state.overview = *answered.overview;
        state.alerts = alerts_of(*state.overview, state.config.alerts);
        if (state.fair_name.empty()) state.fair_name = state.overview->fair_name;
        // The organizer may have set the date since the hello: the overview is the newer word.
        if (state.overview->has_fair_details) {
            state.fair_date = state.overview->date;
            state.fair_venue = state.overview->venue;
        }
        state.last_overview_at = now;
        state.connection = Connection::online;
        if (was_offline) want_everything(state);  // resync what the view shows
        state.overview_fetch.wanted = state.overview_fetch.wanted && !was_offline;
        return {};
    }
    if (unauthorized(answered.reply)) return session_ended(state, now);
    if (!answered.reply.reached) {
        state.connection = Connection::offline;
        state.next_retry = now + state.config.retry_every;
        return {};
    }
    show_failure(state, answered.reply, now);
    return {};
}

Effects on(DashboardState& state, const intent::TimelineAnswered& answered, Time now) {
    state.timeline_fetch.in_flight = false;
    if (state.screen != Screen::dashboard) return {};
    if (answered.reply.ok && answered.timeline) {
        state.timeline = *answered.timeline;
        state.layout = layout_timeline(*state.timeline, state.show_cancelled);
        keep_selection(state);
        return {};
    }
    if (unauthorized(answered.reply)) return session_ended(state, now);
    if (!answered.reply.reached) {
        state.connection = Connection::offline;
        state.next_retry = now + state.config.retry_every;
        state.timeline_fetch.wanted = true;
        return {};
    }
    show_failure(state, answered.reply, now);
    return {};
}

Effects on(DashboardState& state, const intent::QueueAnswered& answered, Time now) {
    state.queue_fetch.in_flight = false;
    if (state.screen != Screen::dashboard || state.open_booth != answered.booth) return {};
    if (answered.reply.ok && answered.queue) {
        state.booth_queue = *answered.queue;
        return {};
    }
    if (unauthorized(answered.reply)) return session_ended(state, now);
    if (!answered.reply.reached) {
        state.queue_fetch.wanted = true;  // again once the server is back
        return {};
    }
    show_failure(state, answered.reply, now);
    return {};
}

Effects on(DashboardState& state, const intent::SearchAnswered& answered, Time now) {
    state.search_in_flight = false;
    if (state.screen != Screen::dashboard) return {};
    if (answered.reply.ok && answered.search) {
        state.results = *answered.search;
        state.results_query = answered.query;
        state.search_problem.reset();
        return {};
    }
    if (unauthorized(answered.reply)) return session_ended(state, now);
    const Time until = now + state.config.notice_for;
    state.search_problem =
        answered.reply.reached
            ? Notice{NoticeTone::danger,
                     DashText::notice_refused,
                     {},
                     answered.reply.problem,
                     until}
            : Notice{NoticeTone::danger, DashText::notice_unreachable, {}, {}, until};
    return {};
}

Effects on(DashboardState& state, const intent::ReplanPreviewAnswered& answered, Time now) {
    if (state.replan_step != ReplanStep::previewing) return {};
    if (answered.reply.ok && answered.counts) {
        state.replan_step = ReplanStep::confirming;
        state.replan_preview = answered.counts;
        return {};
    }
    state.replan_step = ReplanStep::none;
    if (unauthorized(answered.reply)) return session_ended(state, now);
    show_failure(state, answered.reply, now);
    return {};
}

Effects on(DashboardState& state, const intent::ActionAnswered& answered, Time now) {
    state.actions_in_flight = std::max(0, state.actions_in_flight - 1);
    if (answered.kind == ActionKind::replan) {
        state.replan_step = ReplanStep::none;
        state.replan_preview.reset();
    }
    if (!answered.reply.ok) {
        if (unauthorized(answered.reply)) return session_ended(state, now);
        show_failure(state, answered.reply, now);
        return {};
    }
    want_everything(state);
    const std::string& subject = answered.subject;
    switch (answered.kind) {
        case ActionKind::pause:
            show_notice(state, NoticeTone::ok, DashText::notice_paused, {subject}, now);
            break;
        case ActionKind::resume:
            show_notice(state, NoticeTone::ok, DashText::notice_resumed, {subject}, now);
            break;
        case ActionKind::extend:
            show_notice(state, NoticeTone::ok, DashText::notice_extended,
                        {subject, answered.detail}, now);
            break;
        case ActionKind::add_seat: {
            const std::optional<int> seat = new_seat(answered.body);
            show_notice(state, NoticeTone::ok, DashText::notice_seat_added,
                        {subject, seat ? std::to_string(*seat + 1) : std::string("?")}, now);
            break;
        }
        case ActionKind::move:
            if (state.move_form && state.selection) {
                state.selection->booth = state.move_form->booth;
                state.selection->start = state.move_form->start;
            }
            state.move_form.reset();
            show_notice(state, NoticeTone::ok, DashText::notice_moved, {ticket_of(state, subject)},
                        now);
            break;
        case ActionKind::cancel:
            state.cancel_form.reset();
            show_notice(state, NoticeTone::ok, DashText::notice_cancelled,
                        {ticket_of(state, subject)}, now);
            break;
        case ActionKind::mark_left: {
            const std::string cancelled = std::to_string(cancelled_count(answered.body));
            if (const StudentMatch* match = find_match(state, subject))
                show_notice(state, NoticeTone::ok, DashText::notice_left_named,
                            {match->full_name, match->ticket_label, cancelled}, now);
            else
                show_notice(state, NoticeTone::ok, DashText::notice_left, {subject, cancelled},
                            now);
            if (!state.results_query.empty()) state.search_due = now;  // show "left" at once
            break;
        }
        case ActionKind::replan: {
            ReplanCounts counts;
            try {
                counts = parse_replan_counts(answered.body);
            } catch (const std::invalid_argument&) {
            }
            show_notice(state, NoticeTone::ok, DashText::notice_replanned,
                        {std::to_string(counts.moved), std::to_string(counts.added),
                         std::to_string(counts.dropped)},
                        now);
            break;
        }
    }
    return {};
}

Effects on(DashboardState& state, const intent::ExportAnswered& answered, Time now) {
    for (ExportStatus& status : state.exports) {
        if (status.kind != answered.kind) continue;
        const std::string title = tr(export_title(answered.kind), state.language);
        if (answered.reply.ok) {
            status.state = ExportState::saved;
            status.path = answered.path;
            status.bytes = answered.bytes;
            status.problem = {};
            show_notice(state, NoticeTone::ok, DashText::notice_export_saved,
                        {title, answered.path}, now);
        } else {
            if (unauthorized(answered.reply)) return session_ended(state, now);
            status.state = ExportState::failed;
            status.problem = answered.reply.reached
                                 ? answered.reply.problem
                                 : ServerWords{tr(DashText::notice_unreachable, Language::en),
                                               tr(DashText::notice_unreachable, Language::vi)};
            show_notice(state, NoticeTone::danger, DashText::notice_export_failed, {title}, now,
                        status.problem);
        }
    }
    return {};
}

Effects on(DashboardState& state, const intent::StreamOpened&, Time) {
    state.stream_open = true;
    if (state.screen == Screen::dashboard) want_everything(state);  // catch up on what was missed
    return {};
}

Effects on(DashboardState& state, const intent::StreamLost&, Time) {
    state.stream_open = false;
    if (state.screen == Screen::dashboard) state.overview_fetch.wanted = true;  // is it down?
    return {};
}

Effects on(DashboardState& state, const intent::StreamEventArrived& event, Time) {
    state.last_event_id = std::max(state.last_event_id, event.id);
    ++state.events_seen;
    if (state.screen != Screen::dashboard) return {};
    state.overview_fetch.wanted = true;
    const bool changes_day = event.kind.starts_with("interview.") ||
                             event.kind.starts_with("booth.") || event.kind == "schedule.saved" ||
                             event.kind.starts_with("student.");
    if (changes_day) {
        state.timeline_fetch.wanted = true;
        if (state.open_booth) state.queue_fetch.wanted = true;
    }
    return {};
}

Effects on(DashboardState& state, const intent::Tick&, Time now) {
    Effects effects;
    if (state.notice && now >= state.notice->until) state.notice.reset();
    if (state.screen == Screen::login) {
        if (!state.hello_done && !state.hello_in_flight && now >= state.next_retry) {
            state.hello_in_flight = true;
            state.next_retry = now + state.config.retry_every;
            effects.push_back(effect::SayHello{});
        }
        return effects;
    }

    const DashboardConfig& config = state.config;
    const auto stale = [&](const FetchSlot& slot) {
        return slot.ever_sent && !slot.in_flight && now - slot.last_sent >= config.refresh_every;
    };
    if (stale(state.overview_fetch)) state.overview_fetch.wanted = true;
    if (state.tab == Tab::timeline && stale(state.timeline_fetch))
        state.timeline_fetch.wanted = true;
    if (state.open_booth && stale(state.queue_fetch)) state.queue_fetch.wanted = true;

    if (state.connection == Connection::offline) {
        // Only the overview probes the server; the rest follows once it answers.
        if (now >= state.next_retry && !state.overview_fetch.in_flight) {
            state.next_retry = now + config.retry_every;
            mark_sent(state.overview_fetch, now);
            effects.push_back(effect::FetchOverview{});
        }
        return effects;
    }
    if (due(state.overview_fetch, config, now)) {
        mark_sent(state.overview_fetch, now);
        effects.push_back(effect::FetchOverview{});
    }
    const bool timeline_needed = state.tab == Tab::timeline || !state.timeline || state.move_form;
    if (timeline_needed && due(state.timeline_fetch, config, now)) {
        mark_sent(state.timeline_fetch, now);
        effects.push_back(effect::FetchTimeline{});
    }
    if (state.open_booth && due(state.queue_fetch, config, now)) {
        mark_sent(state.queue_fetch, now);
        effects.push_back(effect::FetchBoothQueue{*state.open_booth});
    }
    if (state.search_due && now >= *state.search_due && !state.search_in_flight) {
        state.search_due.reset();
        const std::string query = search_query_of(state.search_typed);
        if (character_count(query) >= kMinSearchLength) {
            state.search_in_flight = true;
            state.search_sent = query;
            effects.push_back(effect::SearchStudents{query});
        }
    }
    return effects;
}

}  // namespace

DashboardState make_dashboard(const DashboardConfig& config, Language language) {
    DashboardState state;
    state.config = config;
    state.language = language;
    for (const ExportSpec& spec : export_catalogue()) {
        ExportStatus status;
        status.kind = spec.kind;
        state.exports.push_back(std::move(status));
    }
    return state;  // the first Tick says hello
}

std::vector<Effect> update(DashboardState& state, const Intent& intent, Clock::time_point now) {
    return std::visit([&](const auto& happened) { return on(state, happened, now); }, intent);
}

const BoothSummary* find_booth(const DashboardState& state, const std::string& booth) {
    if (!state.overview) return nullptr;
    for (const BoothSummary& summary : state.overview->booths)
        if (summary.booth == booth) return &summary;
    return nullptr;
}

const TimelineInterview* selected_interview(const DashboardState& state) {
    if (!state.selection || !state.timeline) return nullptr;
    const auto found = find_interview(*state.timeline, state.selection->interview);
    return found ? &state.timeline->interviews[*found] : nullptr;
}

std::optional<TimeOfDay> extended_close(const DashboardState& state, const std::string& booth,
                                        int minutes) {
    const BoothSummary* summary = find_booth(state, booth);
    if (!summary) return std::nullopt;
    const auto close = TimeOfDay::parse(summary->close);
    if (!close) return std::nullopt;
    TimeOfDay later = close->plus_minutes(minutes);
    if (state.timeline) later = std::min(later, state.timeline->day_end);
    if (later.minutes() > 23 * 60 + 59) later = TimeOfDay(23 * 60 + 59);
    if (later <= *close) return std::nullopt;
    return later;
}

int seconds_since_update(const DashboardState& state, Clock::time_point now) {
    if (!state.overview) return 0;
    return static_cast<int>(
        std::chrono::duration_cast<std::chrono::seconds>(now - state.last_overview_at).count());
}

std::optional<Clock::time_point> next_change(const DashboardState& state, Clock::time_point now) {
    std::optional<Clock::time_point> next;
    const auto at = [&](Clock::time_point moment) {
        moment = std::max(moment, now);
        next = next ? std::min(*next, moment) : moment;
    };
    if (state.notice) at(state.notice->until);
    if (state.screen == Screen::login) {
        if (!state.hello_done && !state.hello_in_flight) at(state.next_retry);
        return next;
    }
    const DashboardConfig& config = state.config;
    const auto refresh = [&](const FetchSlot& slot) {
        if (slot.in_flight) return;  // its answer wakes the loop
        if (slot.wanted)
            at(slot.ever_sent ? slot.last_sent + config.min_fetch_gap : now);
        else if (slot.ever_sent)
            at(slot.last_sent + config.refresh_every);
    };
    if (state.connection != Connection::offline) {  // offline, only the overview probes
        refresh(state.overview_fetch);
        if (state.tab == Tab::timeline || !state.timeline || state.move_form)
            refresh(state.timeline_fetch);
        if (state.open_booth) refresh(state.queue_fetch);
    } else {
        if (!state.overview_fetch.in_flight) at(state.next_retry);
        if (state.overview) {  // "N s ago" turns at each whole second since the last overview
            at(state.last_overview_at + std::chrono::seconds(seconds_since_update(state, now) + 1));
        }
    }
    if (state.search_due && !state.search_in_flight) at(*state.search_due);
    return next;
}

bool dialog_open(const DashboardState& state) {
    return state.replan_step != ReplanStep::none || state.confirm_left.has_value();
}

bool protocol_mismatch(const DashboardState& state) {
    return state.server_protocol && *state.server_protocol != protocol::kVersion;
}

std::string notice_text(const Notice& notice, Language language) {
    std::string text = fill_blanks(tr(notice.text, language), notice.values);
    const std::string& server = notice.server.in(language);
    if (!server.empty()) text += " " + server;
    return text;
}

const StudentMatch* find_match(const DashboardState& state, const std::string& student) {
    if (!state.results) return nullptr;
    for (const StudentMatch& match : state.results->students)
        if (match.student == student) return &match;
    return nullptr;
}

std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    for (const char byte : text)
        if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++count;
    return count;
}

}  // namespace jobfair::dashboard
