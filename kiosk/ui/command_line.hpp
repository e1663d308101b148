// The command line of the GUI programs: the flags they all share, and a small parser each program
// extends with its own.
//
//   struct BoothOptions : ui::DisplayFlags { std::string booth; ... };
//   BoothOptions options;
//   options.size = {1920, 1080};                 // the program's default window size
//   ui::CommandLine line(options);
//   line.add_value_to("--booth", options.booth);
//   if (std::string problem = line.parse(argc, argv); !problem.empty()) ...
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "common/language.hpp"
#include "kiosk/ui/window.hpp"

namespace jobfair::ui {

// --server URL  --lang vi|en  --size WxH  --windowed  --snapshot-file FILE
struct DisplayFlags {
    std::string server_url;
    Language language = Language::vi;
    WindowSize size{1920, 1080};
    bool windowed = false;
    std::optional<std::filesystem::path> snapshot_file;  // SIGUSR1 saves the screen there

    // The window these flags ask for, with `title`.
    WindowOptions window_options(std::string title) const;
};

inline constexpr const char* kDisplayUsage =
    "--server URL [--lang vi|en] [--size WxH] [--windowed] [--snapshot-file FILE]";

// A program's options, or what is wrong with them (options is empty then).
template <typename Options>
struct ParsedOptions {
    std::optional<Options> options;
    std::string problem;
};

class CommandLine {
  public:
    // A value's handler returns what is wrong with it, or "" when it is taken.
    using ValueHandler = std::function<std::string(const std::string& value)>;

    // Registers the shared flags, which fill `display`; it must outlive parse().
    explicit CommandLine(DisplayFlags& display);

    void add_switch(const std::string& flag, std::function<void()> handler);
    void add_value(const std::string& flag, ValueHandler handler);
    // A value taken as it is into `target` (a string or path, optional or not).
    template <typename Target>
    void add_value_to(const std::string& flag, Target& target) {
        add_value(flag, [&target](const std::string& value) {
            target = value;
            return std::string();
        });
    }

    // What is wrong with the command line, or "" when every flag was taken. --server is required.
    std::string parse(int argc, char** argv) const;

  private:
    DisplayFlags& display_;
    std::map<std::string, std::function<void()>> switches_;
    std::map<std::string, ValueHandler> values_;
};

}  // namespace jobfair::ui
