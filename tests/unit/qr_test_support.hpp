// Helpers for the QR and ticket tests: a scratch folder, and a real QR decoder (zbarimg, from
// zbar-tools, installed by scripts/setup.sh) to prove that what we draw scans.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace jobfair::testing {

// A fresh folder in the temp directory, removed with its contents when the test ends.
class TemporaryFolder {
  public:
    explicit TemporaryFolder(const std::string& purpose) {
        static std::atomic<int> counter{0};  // distinct folders for tests in one process
        path_ = std::filesystem::temp_directory_path() /
                ("jobfair-test-" + purpose + "-" + std::to_string(::getpid()) + "-" +
                 std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// Every code zbarimg finds in the image, one string each; empty when it finds none or is missing.
inline std::vector<std::string> decode_with_zbar(const std::filesystem::path& image) {
    const std::string command = "zbarimg --raw -q '" + image.string() + "' 2>/dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return {};
    std::string output;
    char buffer[4096];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        output.append(buffer, read);
    ::pclose(pipe);
    std::vector<std::string> codes;
    std::size_t start = 0;
    while (start < output.size()) {
        const std::size_t end = output.find('\n', start);
        const std::size_t stop = end == std::string::npos ? output.size() : end;
        if (stop > start) codes.push_back(output.substr(start, stop - start));
        start = stop + 1;
    }
    return codes;
}

}  // namespace jobfair::testing
