#include "kiosk/ui/contrast/text_contrast.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "common/text.hpp"

namespace jobfair::ui {

namespace {

struct Box {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // [x0, x1) x [y0, y1)
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

struct Run {
    std::vector<GlyphQuad> glyphs;
    std::vector<Box> boxes;  // the glyphs' quads as drawn: clipped, in whole pixels
    std::string text;
    float left = 0, top = 0, right = 0, bottom = 0;
};

// The quad as pixels: clipped to its clip rectangle and to the frame.
Box visible_box(const GlyphQuad& glyph, PixelView frame) {
    const float x0 = std::max({glyph.x0, glyph.clip_x0, 0.0f});
    const float y0 = std::max({glyph.y0, glyph.clip_y0, 0.0f});
    const float x1 = std::min({glyph.x1, glyph.clip_x1, float(frame.width)});
    const float y1 = std::min({glyph.y1, glyph.clip_y1, float(frame.height)});
    return {int(std::floor(x0)), int(std::floor(y0)), int(std::ceil(x1)), int(std::ceil(y1))};
}

bool same_style(const GlyphQuad& a, const GlyphQuad& b) {
    return a.colour.hex == b.colour.hex && std::fabs(a.alpha - b.alpha) < 0.01f &&
           a.font_size == b.font_size && a.clip_x0 == b.clip_x0 && a.clip_y0 == b.clip_y0 &&
           a.clip_x1 == b.clip_x1 && a.clip_y1 == b.clip_y1;
}

// Whether `glyph` goes on after `run` on the same line: same style, a little to the right (a
// word's gap at most one em), its middle inside the line's height.
bool continues(const Run& run, const GlyphQuad& glyph) {
    const GlyphQuad& last = run.glyphs.back();
    if (!same_style(last, glyph)) return false;
    const float middle = (glyph.y0 + glyph.y1) / 2;
    const float slack = 0.25f * glyph.font_size;
    if (middle < run.top - slack || middle > run.bottom + slack) return false;
    return glyph.x0 >= last.x0 && glyph.x0 - run.right <= glyph.font_size;
}

std::vector<Run> runs_of(const std::vector<GlyphQuad>& glyphs, PixelView frame) {
    std::vector<Run> runs;
    for (const GlyphQuad& glyph : glyphs) {
        const Box box = visible_box(glyph, frame);
        if (box.empty() || glyph.alpha < 0.1f) continue;  // clipped away, or not shown
        if (runs.empty() || !continues(runs.back(), glyph)) {
            runs.push_back({{}, {}, {}, glyph.x0, glyph.y0, glyph.x1, glyph.y1});
        } else if (glyph.x0 - runs.back().right > 0.12f * glyph.font_size) {
            runs.back().text += ' ';
        }
        Run& run = runs.back();
        run.glyphs.push_back(glyph);
        run.boxes.push_back(box);
        append_utf8(run.text, glyph.codepoint);
        run.left = std::min(run.left, glyph.x0);
        run.top = std::min(run.top, glyph.y0);
        run.right = std::max(run.right, glyph.x1);
        run.bottom = std::max(run.bottom, glyph.y1);
    }
    return runs;
}

Rgb pixel(PixelView frame, int x, int y) {
    const std::uint8_t* p = frame.rgb + (size_t(y) * size_t(frame.width) + size_t(x)) * 3;
    return {(std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2]};
}

float distance(Rgb a, Rgb b) {
    const float dr = float(int((a.hex >> 16) & 0xFF) - int((b.hex >> 16) & 0xFF));
    const float dg = float(int((a.hex >> 8) & 0xFF) - int((b.hex >> 8) & 0xFF));
    const float db = float(int(a.hex & 0xFF) - int(b.hex & 0xFF));
    return std::sqrt(dr * dr + dg * dg + db * db);
}

// What blending `colour` at `alpha` over `background` puts on screen (sRGB, as OpenGL blends).
Rgb blended(Rgb colour, float alpha, Rgb background) {
    std::uint32_t hex = 0;
    for (int shift : {16, 8, 0}) {
        const float over = float((colour.hex >> shift) & 0xFF);
        const float under = float((background.hex >> shift) & 0xFF);
        const auto channel = std::uint32_t(std::lround(alpha * over + (1 - alpha) * under));
        hex |= std::min<std::uint32_t>(channel, 255) << shift;
    }
    return {hex};
}

// The commonest colour around and between the run's glyphs, inside what the run may draw on.
std::optional<Rgb> background_of(const Run& run, PixelView frame) {
    const GlyphQuad& first = run.glyphs.front();
    const float margin = std::max(2.0f, std::round(0.15f * first.font_size));
    const Box area{
        int(std::floor(std::max({run.left - margin, first.clip_x0, 0.0f}))),
        int(std::floor(std::max({run.top - margin, first.clip_y0, 0.0f}))),
        int(std::ceil(std::min({run.right + margin, first.clip_x1, float(frame.width)}))),
        int(std::ceil(std::min({run.bottom + margin, first.clip_y1, float(frame.height)})))};
    if (area.empty()) return std::nullopt;
    const int width = area.x1 - area.x0;
    std::vector<char> on_glyph(size_t(width) * size_t(area.y1 - area.y0), 0);
    for (const Box& box : run.boxes) {
        for (int y = std::max(box.y0, area.y0); y < std::min(box.y1, area.y1); ++y) {
            for (int x = std::max(box.x0, area.x0); x < std::min(box.x1, area.x1); ++x)
                on_glyph[size_t(y - area.y0) * size_t(width) + size_t(x - area.x0)] = 1;
        }
    }
    std::unordered_map<std::uint32_t, int> counts;
    for (int y = area.y0; y < area.y1; ++y) {
        for (int x = area.x0; x < area.x1; ++x) {
            if (!on_glyph[size_t(y - area.y0) * size_t(width) + size_t(x - area.x0)])
                ++counts[pixel(frame, x, y).hex];
        }
    }
    if (counts.empty()) return std::nullopt;
    const auto commonest =
        std::max_element(counts.begin(), counts.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    return Rgb{commonest->first};
}

// Whether some pixel of the glyphs shows the run's colour: text covered by a later window, or
// dimmed behind a modal popup, does not.
bool shows_its_colour(const Run& run, Rgb seen, Rgb background, PixelView frame) {
    const float tolerance = 12.0f + 0.35f * distance(seen, background);
    for (const Box& box : run.boxes) {
        for (int y = box.y0; y < box.y1; ++y) {
            for (int x = box.x0; x < box.x1; ++x) {
                if (distance(pixel(frame, x, y), seen) <= tolerance) return true;
            }
        }
    }
    return false;
}

std::string hex(Rgb colour) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", unsigned(colour.hex));
    return text;
}

std::string ratio_text(float ratio) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f:1", double(ratio));
    return text;
}

}  // namespace

ContrastReport audit_text_contrast(const std::vector<GlyphQuad>& glyphs, PixelView frame) {
    ContrastReport report;
    if (frame.width <= 0 || frame.height <= 0 || frame.rgb == nullptr) return report;
    for (const Run& run : runs_of(glyphs, frame)) {
        const auto background = background_of(run, frame);
        if (!background) continue;
        const GlyphQuad& first = run.glyphs.front();
        const Rgb seen = blended(first.colour, first.alpha, *background);
        if (!shows_its_colour(run, seen, *background, frame)) {
            ++report.runs_hidden;
            report.hidden_texts.push_back(run.text);
            continue;
        }
        TextRunContrast measured;
        measured.text = run.text;
        measured.colour = seen;
        measured.background = *background;
        measured.ratio = contrast_ratio(seen, *background);
        measured.font_size = first.font_size;
        measured.required = first.font_size >= 24.0f ? kAaLargeText : kAaNormalText;
        measured.x = int(run.left);
        measured.y = int(run.top);
        measured.width = int(std::ceil(run.right - run.left));
        measured.height = int(std::ceil(run.bottom - run.top));
        ++report.runs_checked;
        if (!report.lowest || measured.ratio < report.lowest->ratio) report.lowest = measured;
        if (measured.ratio < measured.required) report.below_aa.push_back(std::move(measured));
    }
    return report;
}

std::string describe(const ContrastReport& report, const std::string& picture) {
    std::string out;
    for (const auto& run : report.below_aa) {
        out += "contrast below AA in " + picture + ": \"" + run.text + "\" " + hex(run.colour) +
               " on " + hex(run.background) + " " + ratio_text(run.ratio) + " (needs " +
               ratio_text(run.required) + "), " + std::to_string(int(run.font_size)) + " px at " +
               std::to_string(run.x) + "," + std::to_string(run.y) + "\n";
    }
    out += "contrast " + picture + ": " + std::to_string(report.runs_checked) + " text runs";
    if (report.lowest) {
        out +=
            ", lowest " + ratio_text(report.lowest->ratio) + " (\"" + report.lowest->text + "\")";
    }
    out += ", " + std::to_string(report.below_aa.size()) + " below AA";
    if (report.runs_hidden > 0) {
        out += ", " + std::to_string(report.runs_hidden) + " hidden under other windows (";
        for (size_t i = 0; i < report.hidden_texts.size() && i < 3; ++i)
            out += (i > 0 ? ", \"" : "\"") + report.hidden_texts[i] + "\"";
        out += report.hidden_texts.size() > 3 ? ", …)" : ")";
    }
    out += "\n";
    return out;
}

}  // namespace jobfair::ui
