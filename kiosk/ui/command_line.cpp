#include "kiosk/ui/command_line.hpp"

#include <string_view>

namespace jobfair::ui {

WindowOptions DisplayFlags::window_options(std::string title) const {
    WindowOptions options;
    options.title = std::move(title);
    options.width = size.width;
    options.height = size.height;
    options.fullscreen = !windowed;
    options.snapshot_file = snapshot_file;
    return options;
}

CommandLine::CommandLine(DisplayFlags& display) : display_(display) {
    add_switch("--windowed", [this] { display_.windowed = true; });
    add_value_to("--server", display_.server_url);
    add_value("--lang", [this](const std::string& value) -> std::string {
        if (value != "vi" && value != "en") return "--lang takes vi or en";
        display_.language = value == "vi" ? Language::vi : Language::en;
        return "";
    });
    add_value("--size", [this](const std::string& value) -> std::string {
        const auto size = parse_window_size(value);
        if (!size) {
            return "--size takes WIDTHxHEIGHT, e.g. " + std::to_string(display_.size.width) + "x" +
                   std::to_string(display_.size.height);
        }
        display_.size = *size;
        return "";
    });
    add_value_to("--snapshot-file", display_.snapshot_file);
}

void CommandLine::add_switch(const std::string& flag, std::function<void()> handler) {
    switches_[flag] = std::move(handler);
}

void CommandLine::add_value(const std::string& flag, ValueHandler handler) {
    values_[flag] = std::move(handler);
}

std::string CommandLine::parse(int argc, char** argv) const {
    for (int index = 1; index < argc; ++index) {
        const std::string flag = argv[index];
        if (const auto found = switches_.find(flag); found != switches_.end()) {
            found->second();
            continue;
        }
        const auto found = values_.find(flag);
        if (found == values_.end()) return "unknown option " + flag;
        if (index + 1 >= argc) return flag + " needs a value";
        if (std::string problem = found->second(argv[++index]); !problem.empty()) return problem;
    }
    if (display_.server_url.empty()) return "--server URL is required";
    return "";
}

}  // namespace jobfair::ui
