#include "common/device_token.hpp"

#include <sys/stat.h>

#include <fstream>

namespace jobfair {

std::optional<std::string> read_device_token(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string token;
    if (!in || !std::getline(in, token) || token.empty()) return std::nullopt;
    return token;
}

bool write_device_token(const std::filesystem::path& file, const std::string& token) {
    std::ofstream out(file, std::ios::trunc);
    out << token << '\n';
    out.close();
    return out && ::chmod(file.c_str(), S_IRUSR | S_IWUSR) == 0;
}

}  // namespace jobfair
