// The figures tab: the day's figures as cards, then three bar charts drawn with ImDrawList (no
// ImPlot in Debian 12): check-ins per quarter hour, outcomes, and interviews per booth (stacked).
// Each chart has a title, a y axis with ticks, grid lines and its name, x labels and the x axis's
// name, and a legend when it stacks layers.
//
// Index: draw_figures · cards · bar_chart
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "kiosk/dashboard/app/dashboard_view.hpp"

namespace jobfair::dashboard::app {

namespace {

constexpr float kGap = 14;

ImU32 layer_colour(Layer layer) {
    switch (layer) {
        case Layer::check_ins:
            return packed(rgb(0x0B57D0));
        case Layer::done:
            return packed(rgb(0x1E7B34));
        case Layer::no_show:
            return packed(rgb(0xC5221F));
        case Layer::under_way:
            return packed(rgb(0x0B6E99));
        case Layer::remaining:
            return packed(rgb(0xBCC7D6));
        case Layer::outcome:
            break;
    }
    return packed(rgb(0x0B57D0));
}

ImU32 outcome_colour(InterviewOutcome outcome) {
    switch (outcome) {
        case InterviewOutcome::offer:
            return packed(rgb(0x1E7B34));
        case InterviewOutcome::internship:
            return packed(rgb(0x0B6E99));
        case InterviewOutcome::next_round:
            return packed(rgb(0x0B57D0));
        case InterviewOutcome::not_suitable:
            return packed(rgb(0x8A93A0));
    }
    return packed(rgb(0x5F6B7A));
}

// --- Cards ---------------------------------------------------------------------------------------
struct Card {
    DashText label;
    std::string value;
    std::string sub;
};

void cards(Frame& frame, const std::vector<Card>& all, ImVec2 from, float width, float height) {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float card_width = (width - kGap * (all.size() - 1)) / all.size();
    for (std::size_t index = 0; index < all.size(); ++index) {
        const Card& card = all[index];
        const ImVec2 at(from.x + index * (card_width + kGap), from.y);
        list.AddRectFilled(at, ImVec2(at.x + card_width, at.y + height), packed(rgb(0xFFFFFF)), 12);
        list.AddRect(at, ImVec2(at.x + card_width, at.y + height), packed(rgb(0xC3CAD4)), 12, 0,
                     1.5f);
        const float wrap = card_width - 28;
        const char* label = frame.text(card.label);
        list.AddText(frame.fonts.small, frame.fonts.small->FontSize, ImVec2(at.x + 14, at.y + 10),
                     muted_colour(), label, nullptr, wrap);
        const float value_y = at.y + height - 18 - frame.fonts.large->FontSize -
                              (card.sub.empty() ? 0 : frame.fonts.small->FontSize + 2);
        draw_text(list, frame.fonts.large, ImVec2(at.x + 14, value_y), text_colour(),
                  fit_text(frame.fonts.large, card.value, wrap, frame.language));
        if (!card.sub.empty())
            draw_text(list, frame.fonts.small,
                      ImVec2(at.x + 14, value_y + frame.fonts.large->FontSize + 2), muted_colour(),
                      fit_text(frame.fonts.small, card.sub, wrap, frame.language));
    }
}

// --- Bar charts ----------------------------------------------------------------------------------
struct ChartWords {
    DashText title;
    DashText x_name;
    DashText y_name;
};

void bar_chart(Frame& frame, const BarChart& chart, const ChartWords& words,
               const std::vector<std::string>& labels, bool colour_by_category, ImVec2 from,
               ImVec2 size) {
    ImDrawList& list = *ImGui::GetWindowDrawList();
    ImFont* small = frame.fonts.small;
    const ImVec2 to(from.x + size.x, from.y + size.y);
    list.AddRectFilled(from, to, packed(rgb(0xFFFFFF)), 12);
    list.AddRect(from, to, packed(rgb(0xC3CAD4)), 12, 0, 1.5f);
    draw_text(list, frame.fonts.body_bold, ImVec2(from.x + 16, from.y + 12), text_colour(),
              frame.text(words.title));

    // Legend, right-aligned on the title's line, when layers stack.
    if (chart.layers.size() > 1) {
        float x = to.x - 16;
        for (auto layer = chart.layers.rbegin(); layer != chart.layers.rend(); ++layer) {
            const std::string name = layer_words(*layer, frame.language);
            const float name_width = text_size(small, name).x;
            x -= name_width;
            draw_text(list, small, ImVec2(x, from.y + 16), text_colour(), name);
            x -= small->FontSize + 8;
            list.AddRectFilled(ImVec2(x, from.y + 17),
                               ImVec2(x + small->FontSize, from.y + 17 + small->FontSize),
                               layer_colour(*layer), 4);
            x -= 20;
        }
    }

    const float y_name_top = from.y + 12 + frame.fonts.body_bold->FontSize + 8;
    draw_text(list, small, ImVec2(from.x + 16, y_name_top), muted_colour(),
              frame.text(words.y_name));
    const float plot_left = from.x + 72;
    const float plot_right = to.x - 20;
    const float plot_top = y_name_top + small->FontSize + 12;
    const float plot_bottom = to.y - 16 - 2 * small->FontSize - 14;
    const float plot_height = plot_bottom - plot_top;
    const auto y_of = [&](double value) {
        return plot_bottom - static_cast<float>(value / chart.y.top) * plot_height;
    };

    // Grid lines and tick labels.
    for (const double tick : chart.y.values) {
        const float y = y_of(tick);
        list.AddLine(ImVec2(plot_left, y), ImVec2(plot_right, y), packed(rgb(0xE3E7EC)), 1.0f);
        const std::string label = format_count(static_cast<long long>(tick), frame.language);
        const ImVec2 label_size = text_size(small, label);
        draw_text(list, small, ImVec2(plot_left - 10 - label_size.x, y - label_size.y / 2),
                  text_colour(), label);
        list.AddLine(ImVec2(plot_left - 5, y), ImVec2(plot_left, y), packed(rgb(0x4F5866)), 1.5f);
    }

    // Bars.
    const std::size_t count = chart.categories.size();
    const float slot = count == 0 ? 0 : (plot_right - plot_left) / static_cast<float>(count);
    const float bar = std::min(slot * 0.7f, 90.0f);
    // Every k-th x label, so they never overlap.
    float widest = 0;
    for (const std::string& label : labels)
        widest = std::max(widest, text_size(small, label).x);
    const std::size_t every =
        slot <= 0 ? 1 : static_cast<std::size_t>(std::ceil((widest + 10) / slot));
    for (std::size_t category = 0; category < count; ++category) {
        const float centre = plot_left + slot * (static_cast<float>(category) + 0.5f);
        float base = 0;
        for (std::size_t layer = 0; layer < chart.layers.size(); ++layer) {
            const int value = chart.values[layer][category];
            if (value <= 0) continue;
            const ImU32 colour = colour_by_category && category < chart.outcomes.size()
                                     ? outcome_colour(chart.outcomes[category])
                                     : layer_colour(chart.layers[layer]);
            list.AddRectFilled(ImVec2(centre - bar / 2, y_of(base + value)),
                               ImVec2(centre + bar / 2, y_of(base)), colour,
                               layer + 1 == chart.layers.size() ? 3.0f : 0.0f,
                               ImDrawFlags_RoundCornersTop);
            base += value;
        }
        const int total = chart.total(category);
        const std::string value_label = format_count(total, frame.language);
        const ImVec2 value_size = text_size(small, value_label);
        if (value_size.x <= slot - 2)
            draw_text(list, small,
                      ImVec2(centre - value_size.x / 2, y_of(total) - value_size.y - 2),
                      text_colour(), value_label);
        if (category % std::max<std::size_t>(1, every) == 0) {
            const std::string& label = labels[category];
            const float label_width = text_size(small, label).x;
            draw_text(list, small, ImVec2(centre - label_width / 2, plot_bottom + 6), text_colour(),
                      label);
            list.AddLine(ImVec2(centre, plot_bottom), ImVec2(centre, plot_bottom + 4),
                         packed(rgb(0x4F5866)), 1.5f);
        }
    }
    // Axes over the bars.
    list.AddLine(ImVec2(plot_left, plot_top - 4), ImVec2(plot_left, plot_bottom),
                 packed(rgb(0x4F5866)), 2.0f);
    list.AddLine(ImVec2(plot_left, plot_bottom), ImVec2(plot_right, plot_bottom),
                 packed(rgb(0x4F5866)), 2.0f);
    const char* x_name = frame.text(words.x_name);
    const float x_name_width = text_size(small, x_name).x;
    draw_text(list, small,
              ImVec2((plot_left + plot_right - x_name_width) / 2, to.y - 12 - small->FontSize),
              muted_colour(), x_name);
}

}  // namespace

void draw_figures(Frame& frame) {
    const DashboardState& state = frame.state;
    const ImGuiIO& io = ImGui::GetIO();
    const auto tab_top = overview_tab_top(frame);
    if (!tab_top) return;
    const ImVec2 top = *tab_top;
    const Overview& overview = *state.overview;
    const Figures figures = figures_of(overview);
    const Language language = frame.language;
    const float width = io.DisplaySize.x - 2 * kMargin;
    const std::vector<Card> all = {
        {DashText::fig_checked_in, format_count(figures.checked_in, language),
         frame.fill(DashText::fig_checked_in_of, {format_count(figures.students, language)})},
        {DashText::fig_done, format_count(figures.interviews_done, language), {}},
        {DashText::fig_promised, format_count(figures.interviews_promised, language), {}},
        {DashText::fig_under_way, format_count(figures.interviews_under_way, language), {}},
        {DashText::fig_remaining, format_count(figures.interviews_remaining, language), {}},
        {DashText::fig_no_show_rate, format_percent(figures.no_show_rate, language), {}},
        {DashText::fig_wait_mean, format_minutes(figures.wait_mean_minutes, language), {}},
        {DashText::fig_wait_p90, format_minutes(figures.wait_p90_minutes, language), {}},
        {DashText::fig_without_interview,
         format_count(figures.students_without_interview, language),
         {}},
    };
    const float card_height = 128;
    cards(frame, all, top, width, card_height);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const std::string note =
        frame.fill(DashText::fig_wait_note, {format_count(figures.waits_counted, language)});
    const float note_y = top.y + card_height + 6;
    draw_text(list, frame.fonts.small,
              ImVec2(top.x + width - text_size(frame.fonts.small, note).x, note_y), muted_colour(),
              note);

    const float charts_top = note_y + frame.fonts.small->FontSize + 8;
    const float charts_height = io.DisplaySize.y - kMargin - charts_top;
    const float row_height = (charts_height - kGap) / 2;
    const BarChart check_ins = check_ins_chart(overview);
    const BarChart outcomes = outcomes_chart(overview);
    const BarChart per_booth = interviews_per_booth_chart(overview);
    std::vector<std::string> outcome_labels;
    for (const InterviewOutcome outcome : outcomes.outcomes)
        outcome_labels.push_back(outcome_words(outcome, language));

    const float left_width = std::round(width * 0.58f);
    bar_chart(frame, check_ins,
              {DashText::chart_check_ins, DashText::axis_quarter, DashText::axis_check_ins},
              check_ins.categories, false, ImVec2(top.x, charts_top),
              ImVec2(left_width, row_height));
    bar_chart(frame, outcomes,
              {DashText::chart_outcomes, DashText::axis_outcome, DashText::axis_interviews},
              outcome_labels, true, ImVec2(top.x + left_width + kGap, charts_top),
              ImVec2(width - left_width - kGap, row_height));
    bar_chart(frame, per_booth,
              {DashText::chart_per_booth, DashText::axis_booth, DashText::axis_interviews},
              per_booth.categories, false, ImVec2(top.x, charts_top + row_height + kGap),
              ImVec2(width, row_height));
    ImGui::Dummy(ImVec2(width, charts_height));
}

}  // namespace jobfair::dashboard::app
