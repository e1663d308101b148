// Index: DashboardView::draw · header and tabs · offline banner · notice · login · students ·
// exports · dialogs
#include "kiosk/dashboard/app/dashboard_view.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "common/fair_date.hpp"
#include "common/protocol.hpp"
#include "kiosk/dashboard/app/palette.hpp"
#include "kiosk/ui/widgets.hpp"

namespace jobfair::dashboard::app {

namespace {

constexpr float kHeaderHeight = 64;

void connection_pill(Frame& frame, ImDrawList& list, ImVec2 at) {
    const Connection connection = frame.state.connection;
    const DashText words = connection == Connection::online    ? DashText::connection_online
                           : connection == Connection::offline ? DashText::connection_offline
                                                               : DashText::connection_connecting;
    const ui::Tone tone = connection == Connection::online    ? ui::Tone::ok
                          : connection == Connection::offline ? ui::Tone::danger
                                                              : ui::Tone::info;
    draw_pill(list, frame.fonts.body_bold, at, tone, frame.text(words));
}

void language_button(Frame& frame, ImVec2 at) {
    ImGui::SetCursorScreenPos(at);
    if (button(frame, frame.text(DashText::switch_language), "header:language")) {
        frame.ask(
            intent::SetLanguage{frame.language == Language::vi ? Language::en : Language::vi});
    }
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
}

// --- Header and tabs -----------------------------------------------------------------------------
void header(Frame& frame) {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ImGuiIO& io = ImGui::GetIO();
    const DashboardState& state = frame.state;
    ImGui::GetBackgroundDrawList()->AddRectFilled(
        ImVec2(0, 0), ImVec2(io.DisplaySize.x, kHeaderHeight), packed(rgb(palette::kHeader)));
    const ImU32 white = packed(rgb(0xFFFFFF));
    ImFont* title_font = frame.fonts.large;
    const char* title = frame.text(DashText::app_title);
    draw_text(list, title_font, ImVec2(kMargin, (kHeaderHeight - title_font->FontSize) / 2), white,
              title);
    const float after_title = kMargin + text_size(title_font, title).x + 28;

    // From the right: language, re-plan, connection, clock, sending.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button_y =
        (kHeaderHeight - (frame.fonts.body->FontSize + 2 * style.FramePadding.y)) / 2;
    float right = io.DisplaySize.x - kMargin;
    right -= button_width(frame.text(DashText::switch_language));
    language_button(frame, ImVec2(right, button_y));
    right -= button_width(frame.text(DashText::replan_button)) + 12;
    ImGui::SetCursorScreenPos(ImVec2(right, button_y));
    const bool can_replan = state.connection == Connection::online;
    if (button(frame, frame.text(DashText::replan_button), "header:replan", ui::Tone::primary,
               ImVec2(0, 0), can_replan))
        frame.ask(intent::AskReplan{});
    const DashText connection_words =
        state.connection == Connection::online    ? DashText::connection_online
        : state.connection == Connection::offline ? DashText::connection_offline
                                                  : DashText::connection_connecting;
    const ImVec2 pill = pill_size(frame.fonts.body_bold, frame.text(connection_words));
    right -= pill.x + 20;
    connection_pill(frame, list, ImVec2(right, (kHeaderHeight - pill.y) / 2));
    if (state.overview) {
        const std::string clock = frame.fill(DashText::fair_clock, {state.overview->now});
        const ImVec2 size = text_size(frame.fonts.body_bold, clock);
        right -= size.x + 24;
        draw_text(list, frame.fonts.body_bold, ImVec2(right, (kHeaderHeight - size.y) / 2), white,
                  clock);
    }
    if (state.actions_in_flight > 0) {
        const char* sending = frame.text(DashText::sending);
        const ImVec2 size = text_size(frame.fonts.body, sending);
        right -= size.x + 24;
        draw_text(list, frame.fonts.body, ImVec2(right, (kHeaderHeight - size.y) / 2),
                  packed(rgb(palette::kHeaderSoft)), sending);
    }
    // The fair's name between the title and the right-hand items, cut to fit, and under it the
    // fair's own date (or that it has none: never the machine's) and venue.
    const float room = right - 24 - after_title;
    if (room > 80 && (state.hello_done || !state.fair_name.empty())) {
        std::string when = fair_date_text(state.fair_date, frame.language);
        if (state.fair_venue && !state.fair_venue->empty()) when += "  ·  " + *state.fair_venue;
        const float lines_height = frame.fonts.body->FontSize + frame.fonts.small->FontSize + 2;
        const float top = (kHeaderHeight - lines_height) / 2;
        draw_text(list, frame.fonts.body, ImVec2(after_title, top),
                  packed(rgb(palette::kHeaderSoft)),
                  fit_text(frame.fonts.body, state.fair_name, room, frame.language));
        draw_text(list, frame.fonts.small,
                  ImVec2(after_title, top + frame.fonts.body->FontSize + 2),
                  packed(rgb(palette::kHeaderSofter)),
                  fit_text(frame.fonts.small, when, room, frame.language));
    }
}

void tabs(Frame& frame) {
    struct TabButton {
        Tab tab;
        DashText words;
        const char* target;
    };
    static constexpr TabButton kTabs[] = {
        {Tab::overview, DashText::tab_overview, "tab:overview"},
        {Tab::timeline, DashText::tab_timeline, "tab:timeline"},
        {Tab::figures, DashText::tab_figures, "tab:figures"},
        {Tab::students, DashText::tab_students, "tab:students"},
        {Tab::exports, DashText::tab_exports, "tab:exports"},
    };
    ImGui::SetCursorScreenPos(ImVec2(kMargin, kHeaderHeight + 12));
    for (const TabButton& tab : kTabs) {
        const bool active = frame.state.tab == tab.tab;
        if (button(frame, frame.text(tab.words), tab.target,
                   active ? ui::Tone::primary : ui::Tone::neutral, ImVec2(0, 0)))
            frame.ask(intent::ShowTab{tab.tab});
        ImGui::SameLine(0, 10);
    }
    ImGui::NewLine();
    // Alerts waiting while another tab is shown: a count on the right of the tab row.
    const auto& alerts = frame.state.alerts;
    if (!alerts.empty() && frame.state.tab != Tab::overview) {
        const std::string count =
            frame.fill(DashText::alerts_title, {std::to_string(alerts.size())});
        const bool red = std::any_of(alerts.begin(), alerts.end(), [](const Alert& alert) {
            return alert.severity == Severity::danger;
        });
        ImDrawList& list = *ImGui::GetWindowDrawList();
        const ImVec2 size = pill_size(frame.fonts.body_bold, count);
        draw_pill(list, frame.fonts.body_bold,
                  ImVec2(ImGui::GetIO().DisplaySize.x - kMargin - size.x, kHeaderHeight + 18),
                  red ? ui::Tone::danger : ui::Tone::warning, count);
    }
}

// --- Offline banner ------------------------------------------------------------------------------
void offline_banner(Frame& frame) {
    const DashboardState& state = frame.state;
    if (state.connection != Connection::offline) return;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ui::ToneColours danger = ui::tone_colours(ui::Tone::danger);
    const std::string text =
        state.overview ? frame.fill(DashText::offline_banner,
                                    {state.overview->now,
                                     std::to_string(seconds_since_update(state, frame.now))})
                       : std::string(frame.text(DashText::offline_never_loaded));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetIO().DisplaySize.x - 2 * kMargin;
    const float height = frame.fonts.body_bold->FontSize + 20;
    list.AddRectFilled(ImVec2(kMargin, at.y), ImVec2(kMargin + width, at.y + height),
                       packed(danger.fill), 10);
    draw_text(list, frame.fonts.body_bold, ImVec2(kMargin + 16, at.y + 10), packed(danger.text),
              fit_text(frame.fonts.body_bold, text, width - 32, frame.language));
    ImGui::SetCursorScreenPos(ImVec2(kMargin, at.y + height + 10));
}

// --- Notice --------------------------------------------------------------------------------------
void notice_toast(Frame& frame) {
    if (!frame.state.notice) return;
    const Notice& notice = *frame.state.notice;
    const std::string text = notice_text(notice, frame.language);
    const ImGuiIO& io = ImGui::GetIO();
    const float wrap = std::min(1300.0f, io.DisplaySize.x - 4 * kMargin);
    const ui::ToneColours colours = ui::tone_colours(notice_tone(notice.tone));
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y - kMargin),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colours.fill);
    ImGui::PushStyleColor(ImGuiCol_Text, colours.text);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 14));
    ImGui::Begin("##notice", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav);
    ImGui::PushFont(frame.fonts.body_bold);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0)) frame.ask(intent::DismissNotice{});
    const ImVec2 at = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    frame.targets.add("notice", at, ImVec2(at.x + size.x, at.y + size.y));
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

}  // namespace

// --- DashboardView::draw -------------------------------------------------------------------------
void DashboardView::draw(const DashboardState& state, Clock::time_point now,
                         std::vector<Intent>& intents) {
    targets_.clear();
    timeline_.drawn = false;
    Frame frame{state, fonts_, state.language, now, intents, targets_, timeline_};
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("dashboard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    // (No background: the frame is cleared with the window colour already. Under llvmpipe every
    // full-screen layer costs milliseconds, so nothing is painted twice.)
    if (state.screen == Screen::login) {
        draw_login(frame, server_url_);
    } else {
        header(frame);
        tabs(frame);
        offline_banner(frame);
        switch (state.tab) {
            case Tab::overview:
                draw_overview(frame);
                break;
            case Tab::timeline:
                draw_timeline(frame);
                break;
            case Tab::figures:
                draw_figures(frame);
                break;
            case Tab::students:
                draw_students(frame);
                break;
            case Tab::exports:
                draw_exports(frame);
                break;
        }
        draw_dialogs(frame);
    }
    ImGui::End();
    notice_toast(frame);
}

std::optional<ImVec2> DashboardView::interview_centre(const DashboardState& state,
                                                      std::int64_t id) const {
    if (!timeline_.drawn || !state.timeline) return std::nullopt;
    const auto place = find_in_layout(*state.timeline, state.layout, id);
    if (!place) return std::nullopt;
    const TimelineInterview& interview =
        state.timeline->interviews[state.layout.rows[place->first].interviews[place->second]];
    const float x =
        (timeline_.scale.x_of(interview.start) + timeline_.scale.x_of(interview.end)) / 2;
    const float y =
        timeline_.rows_top + (static_cast<float>(place->first) + 0.5f) * timeline_.row_height;
    if (y < timeline_.clip_top || y > timeline_.clip_bottom) return std::nullopt;
    return ImVec2(x, y);
}

// --- Login ---------------------------------------------------------------------------------------
void draw_login(Frame& frame, const std::string& server_url) {
    const DashboardState& state = frame.state;
    const ImGuiIO& io = ImGui::GetIO();
    ImDrawList& list = *ImGui::GetWindowDrawList();
    ImGui::GetBackgroundDrawList()->AddRectFilled(
        ImVec2(0, 0), ImVec2(io.DisplaySize.x, kHeaderHeight), packed(rgb(palette::kHeader)));
    draw_text(list, frame.fonts.large,
              ImVec2(kMargin, (kHeaderHeight - frame.fonts.large->FontSize) / 2),
              packed(rgb(0xFFFFFF)), frame.text(DashText::app_title));
    const float language_width = button_width(frame.text(DashText::switch_language));
    language_button(frame, ImVec2(io.DisplaySize.x - kMargin - language_width,
                                  (kHeaderHeight - (frame.fonts.body->FontSize +
                                                    2 * ImGui::GetStyle().FramePadding.y)) /
                                      2));

    const float width = 860;
    const float left = (io.DisplaySize.x - width) / 2;
    const float top = std::max(kHeaderHeight + 40, io.DisplaySize.y * 0.2f);
    constexpr float kPadding = 32;
    // The card is drawn behind its content once the content's height is known.
    ImDrawList& card = *ImGui::GetWindowDrawList();
    card.ChannelsSplit(2);
    card.ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(left + kPadding, top + kPadding));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(width - 2 * kPadding);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * kPadding);
    ImGui::PushFont(frame.fonts.large);
    ImGui::TextUnformatted(frame.text(DashText::login_title));
    ImGui::PopFont();
    if (!state.fair_name.empty()) ImGui::TextUnformatted(state.fair_name.c_str());
    if (state.hello_done) {
        ImGui::TextUnformatted(fair_date_text(state.fair_date, frame.language).c_str());
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(frame.fill(DashText::login_server, {server_url}).c_str());
    ImGui::PopStyleColor();
    connection_pill(frame, *ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos());
    ImGui::Dummy(ImVec2(0, pill_size(frame.fonts.body_bold, "A").y));
    ImGui::Spacing();

    if (protocol_mismatch(state)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::tone_colours(ui::Tone::danger).fill);
        ImGui::PushFont(frame.fonts.body_bold);
        ImGui::TextUnformatted(
            frame
                .fill(DashText::protocol_mismatch,
                      {std::to_string(*state.server_protocol), std::to_string(protocol::kVersion)})
                .c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }

    ImGui::TextUnformatted(frame.text(DashText::login_password));
    std::string password = state.password;
    const bool entered =
        ImGui::InputText("##password", &password,
                         ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    frame.targets.add_last_item("login:password");
    if (password != state.password) frame.ask(intent::PasswordTyped{password});
    if (entered) frame.ask(intent::SubmitLogin{});
    ImGui::Spacing();
    const char* label = state.logging_in ? frame.text(DashText::login_in_progress)
                                         : frame.text(DashText::login_button);
    if (button(frame, label, "login:submit", ui::Tone::primary, ImVec2(width - 2 * kPadding, 0),
               !state.logging_in && !protocol_mismatch(state)))
        frame.ask(intent::SubmitLogin{});
    if (state.login_problem) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ui::tone_colours(ui::Tone::danger).fill);
        ImGui::PushFont(frame.fonts.body_bold);
        ImGui::TextUnformatted(notice_text(*state.login_problem, frame.language).c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    ImGui::PushFont(frame.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(frame.text(DashText::login_hint));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + kPadding;
    card.ChannelsSetCurrent(0);
    card.AddRectFilled(ImVec2(left, top), ImVec2(left + width, bottom),
                       packed(ImGui::GetStyle().Colors[ImGuiCol_ChildBg]), 16);
    card.AddRect(ImVec2(left, top), ImVec2(left + width, bottom),
                 packed(ImGui::GetStyle().Colors[ImGuiCol_Border]), 16, 0, 1.5f);
    card.ChannelsMerge();
}

// --- Students ------------------------------------------------------------------------------------
void draw_students(Frame& frame) {
    const DashboardState& state = frame.state;
    ImGui::SetCursorScreenPos(ImVec2(kMargin, ImGui::GetCursorScreenPos().y + 4));
    ImGui::TextUnformatted(frame.text(DashText::search_label));
    std::string typed = state.search_typed;
    ImGui::SetNextItemWidth(900);
    const bool entered = ImGui::InputText("##search", &typed, ImGuiInputTextFlags_EnterReturnsTrue);
    frame.targets.add_last_item("students:field");
    if (typed != state.search_typed) frame.ask(intent::SearchTyped{typed});
    ImGui::SameLine();
    if (button(frame, frame.text(DashText::search_button), "students:search", ui::Tone::primary) ||
        entered)
        frame.ask(intent::SearchNow{});

    // What the search is doing.
    const std::string query = search_query_of(state.search_typed);
    std::string status;
    ImVec4 status_colour = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
    if (state.search_problem) {
        status = notice_text(*state.search_problem, frame.language);
        status_colour = ui::tone_colours(ui::Tone::danger).fill;
    } else if (state.search_in_flight || (state.search_due && character_count(query) >= 2)) {
        status = frame.text(DashText::search_searching);
    } else if (!query.empty() && character_count(query) < kMinSearchLength) {
        status = frame.text(DashText::search_too_short);
    } else if (state.results && state.results->students.empty()) {
        status = frame.fill(DashText::search_none, {state.results_query});
    } else if (state.results) {
        status = frame.fill(
            state.results->truncated ? DashText::search_truncated : DashText::search_count,
            {std::to_string(state.results->students.size()), state.results_query});
    }
    ImGui::SetCursorScreenPos(ImVec2(kMargin, ImGui::GetCursorScreenPos().y));
    ImGui::PushStyleColor(ImGuiCol_Text, status_colour);
    ImGui::TextUnformatted(status.empty() ? " " : status.c_str());
    ImGui::PopStyleColor();
    if (!state.results || state.results->students.empty()) return;

    const ImVec2 avail(ImGui::GetIO().DisplaySize.x - 2 * kMargin,
                       ImGui::GetIO().DisplaySize.y - ImGui::GetCursorScreenPos().y - kMargin);
    ImGui::SetCursorScreenPos(ImVec2(kMargin, ImGui::GetCursorScreenPos().y));
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("results", 8, flags, avail)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    setup_columns(
        frame,
        {fixed_column(DashText::column_ticket, 110), stretch_column(DashText::column_name, 1.1f),
         stretch_column(DashText::column_school, 1.3f),
         stretch_column(DashText::column_trade, 1.0f), fixed_column(DashText::column_phone, 140),
         fixed_column(DashText::column_checked_in, 130),
         stretch_column(DashText::column_interviews, 1.5f)});
    ImGui::TableSetupColumn("##action", ImGuiTableColumnFlags_WidthFixed, 230);
    ImGui::TableHeadersRow();
    for (const StudentMatch& match : state.results->students) {
        ImGui::PushID(match.student.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushFont(frame.fonts.body_bold);
        ImGui::TextUnformatted(match.ticket_label.c_str());
        ImGui::PopFont();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(match.full_name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(match.school.empty() ? frame.text(DashText::no_value)
                                                    : match.school.c_str());
        ImGui::TableNextColumn();
        const std::string trade = match_trade_words(match, frame.language);
        ImGui::TextUnformatted(trade.empty() ? frame.text(DashText::no_value) : trade.c_str());
        ImGui::PushFont(frame.fonts.small);
        ImGui::TextDisabled("%s", level_words(match.level, frame.language).c_str());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(match.phone.c_str());
        ImGui::TableNextColumn();
        if (match.checked_in.empty())
            ImGui::TextDisabled("%s", frame.text(DashText::student_not_checked_in));
        else
            ImGui::TextUnformatted(match.checked_in.c_str());
        ImGui::TableNextColumn();
        if (match.interviews.empty())
            ImGui::TextDisabled("%s", frame.text(DashText::student_no_interviews));
        for (const StudentInterview& interview : match.interviews) {
            const BlockColours colours = status_colours(interview.status);
            ImDrawList& list = *ImGui::GetWindowDrawList();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float chip = frame.fonts.body->FontSize * 0.6f;
            list.AddRectFilled(ImVec2(at.x, at.y + chip * 0.35f),
                               ImVec2(at.x + chip, at.y + chip * 1.35f), colours.fill, 4);
            list.AddRect(ImVec2(at.x, at.y + chip * 0.35f),
                         ImVec2(at.x + chip, at.y + chip * 1.35f), packed(rgb(0x8A93A0)), 4);
            ImGui::SetCursorScreenPos(ImVec2(at.x + chip + 8, at.y));
            ImGui::TextUnformatted(frame
                                       .fill(DashText::student_interview,
                                             {interview.booth, interview.start,
                                              status_words(interview.status, frame.language)})
                                       .c_str());
        }
        ImGui::TableNextColumn();
        if (match.left) {
            draw_pill(*ImGui::GetWindowDrawList(), frame.fonts.body_bold,
                      ImGui::GetCursorScreenPos(), ui::Tone::neutral,
                      frame.text(DashText::student_left));
            ImGui::Dummy(pill_size(frame.fonts.body_bold, frame.text(DashText::student_left)));
        } else if (button(frame, frame.text(DashText::button_mark_left), "left:" + match.student,
                          ui::Tone::neutral, ImVec2(-1, 0),
                          state.connection == Connection::online)) {
            frame.ask(intent::AskMarkLeft{match.student});
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// --- Exports -------------------------------------------------------------------------------------
void draw_exports(Frame& frame) {
    const DashboardState& state = frame.state;
    const float width = ImGui::GetIO().DisplaySize.x - 2 * kMargin;
    ImGui::SetCursorScreenPos(ImVec2(kMargin, ImGui::GetCursorScreenPos().y + 4));
    ImGui::BeginChild("exports", ImVec2(width, 0), false, ImGuiWindowFlags_NoBackground);
    ImGui::PushFont(frame.fonts.large);
    ImGui::TextUnformatted(frame.text(DashText::exports_title));
    ImGui::PopFont();
    std::error_code error;
    const std::filesystem::path folder = std::filesystem::absolute(state.config.export_dir, error);
    ImGui::TextUnformatted(frame.fill(DashText::exports_folder, {folder.string()}).c_str());
    ImGui::PushTextWrapPos(width - 40);
    ImGui::TextDisabled("%s", frame.text(DashText::exports_note));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const bool online = state.connection == Connection::online;
    if (button(frame, frame.text(DashText::export_all), "exports:all", ui::Tone::primary,
               ImVec2(0, 0), online))
        frame.ask(intent::SaveAllExports{});
    ImGui::Spacing();
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("export_list", 3, flags)) {
        ImGui::TableSetupColumn("##title", ImGuiTableColumnFlags_WidthFixed, 520);
        ImGui::TableSetupColumn("##status", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##button", ImGuiTableColumnFlags_WidthFixed, 180);
        for (const ExportStatus& status : state.exports) {
            const ExportSpec& spec = export_spec(status.kind);
            ImGui::PushID(static_cast<int>(status.kind));
            ImGui::TableNextRow(0, 56);
            ImGui::TableNextColumn();
            ImGui::PushFont(frame.fonts.body_bold);
            ImGui::TextUnformatted(frame.text(export_title(status.kind)));
            ImGui::PopFont();
            ImGui::TextDisabled("%.*s", static_cast<int>(spec.name.size()), spec.name.data());
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0);
            switch (status.state) {
                case ExportState::idle:
                    ImGui::TextDisabled("%s", frame.text(DashText::export_idle));
                    break;
                case ExportState::fetching:
                    ImGui::TextUnformatted(frame.text(DashText::export_fetching));
                    break;
                case ExportState::saved:
                    ImGui::PushStyleColor(ImGuiCol_Text, ui::tone_colours(ui::Tone::ok).fill);
                    ImGui::TextUnformatted(
                        frame
                            .fill(DashText::export_saved,
                                  {status.path, format_bytes(status.bytes, frame.language)})
                            .c_str());
                    ImGui::PopStyleColor();
                    break;
                case ExportState::failed:
                    ImGui::PushStyleColor(ImGuiCol_Text, ui::tone_colours(ui::Tone::danger).fill);
                    ImGui::TextUnformatted(
                        frame.fill(DashText::export_failed, {status.problem.in(frame.language)})
                            .c_str());
                    ImGui::PopStyleColor();
                    break;
            }
            ImGui::PopTextWrapPos();
            ImGui::TableNextColumn();
            if (button(frame, frame.text(DashText::export_button),
                       "export:" + std::string(spec.name), ui::Tone::neutral, ImVec2(-1, 0),
                       online && status.state != ExportState::fetching))
                frame.ask(intent::SaveExport{status.kind});
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

// --- Dialogs -------------------------------------------------------------------------------------
void draw_dialogs(Frame& frame) {
    const DashboardState& state = frame.state;
    const bool open = dialog_open(state);
    if (open && !ImGui::IsPopupOpen("##confirm")) ImGui::OpenPopup("##confirm");
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(820, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(32, 28));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 16);
    if (!ImGui::BeginPopupModal("##confirm", nullptr,
                                ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                    ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PopStyleVar(2);
        return;
    }
    if (!open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        ImGui::PopStyleVar(2);
        return;
    }
    ImGui::PushTextWrapPos(820 - 64);
    if (state.confirm_left) {
        const StudentMatch* match = find_match(state, *state.confirm_left);
        ImGui::PushFont(frame.fonts.large);
        ImGui::TextUnformatted(frame.text(DashText::confirm_left_title));
        ImGui::PopFont();
        ImGui::Spacing();
        ImGui::TextUnformatted(frame
                                   .fill(DashText::confirm_left_text,
                                         {match ? match->full_name : *state.confirm_left,
                                          match ? match->ticket_label : *state.confirm_left})
                                   .c_str());
        ImGui::Spacing();
        if (button(frame, frame.text(DashText::confirm_yes), "dialog:yes", ui::Tone::danger))
            frame.ask(intent::ConfirmMarkLeft{});
        ImGui::SameLine();
        if (button(frame, frame.text(DashText::confirm_no), "dialog:no"))
            frame.ask(intent::CloseDialog{});
    } else {
        ImGui::PushFont(frame.fonts.large);
        ImGui::TextUnformatted(frame.text(DashText::replan_title));
        ImGui::PopFont();
        ImGui::Spacing();
        if (state.replan_step == ReplanStep::previewing) {
            ImGui::TextUnformatted(frame.text(DashText::replan_loading));
        } else if (state.replan_step == ReplanStep::applying) {
            ImGui::TextUnformatted(frame.text(DashText::replan_applying));
        } else if (state.replan_preview) {
            const ReplanCounts& counts = *state.replan_preview;
            ImGui::PushFont(frame.fonts.huge);
            ImGui::PushStyleColor(ImGuiCol_Text, ui::tone_colours(ui::Tone::primary).fill);
            ImGui::TextUnformatted(
                frame.fill(DashText::replan_changes, {std::to_string(counts.changed())}).c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
            ImGui::PushFont(frame.fonts.body_bold);
            ImGui::TextUnformatted(
                frame
                    .fill(DashText::replan_details,
                          {std::to_string(counts.moved), std::to_string(counts.added),
                           std::to_string(counts.dropped)})
                    .c_str());
            ImGui::PopFont();
            ImGui::TextUnformatted(
                frame
                    .fill(DashText::replan_kept,
                          {std::to_string(counts.kept), std::to_string(counts.planned_after)})
                    .c_str());
            // What the counts mean, and why nothing changes when nothing does.
            const ReplanExplanation why = explain_replan(counts, state.overview);
            ImGui::Spacing();
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(explanation_text(why, frame.language).c_str());
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            ImGui::TextDisabled("%s", frame.text(DashText::replan_note));
        }
        ImGui::Spacing();
        if (button(frame, frame.text(DashText::replan_apply), "dialog:yes", ui::Tone::primary,
                   ImVec2(0, 0), state.replan_step == ReplanStep::confirming))
            frame.ask(intent::ConfirmReplan{});
        ImGui::SameLine();
        if (button(frame, frame.text(DashText::confirm_no), "dialog:no"))
            frame.ask(intent::CloseDialog{});
    }
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
    ImGui::PopStyleVar(2);
}

}  // namespace jobfair::dashboard::app
