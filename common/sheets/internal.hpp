// What the two readers share and callers never see: how a WorkbookError is worded, so every
// message has the same shape ("Không đọc được tệp Excel "a.xlsx": <lý do> / Cannot read the Excel
// file "a.xlsx": <reason>"), and reading a whole file with a size limit.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "common/sheets/workbook.hpp"

namespace jobfair::sheets::detail {

enum class FileKind { excel, csv };

inline WorkbookError failure(FileKind kind, std::string_view file, std::string_view vietnamese,
                             std::string_view english) {
    const bool excel = kind == FileKind::excel;
    std::string message = excel ? "Không đọc được tệp Excel \"" : "Không đọc được tệp CSV \"";
    message += file;
    message += "\": ";
    message += vietnamese;
    message += excel ? " / Cannot read the Excel file \"" : " / Cannot read the CSV file \"";
    message += file;
    message += "\": ";
    message += english;
    return WorkbookError(message);
}

// The memory a sheet's cells take, charged as they are stored: the row vectors, the cells up to
// each row's last value, and the text each cell copies (an .xlsx may name one long shared string
// a million times; a CSV of 256 MiB of ';' would be 256 million cells).
class MemoryBudget {
  public:
    MemoryBudget(FileKind kind, std::string_view file) : kind_(kind), file_(file) {}
    void charge(std::size_t bytes) {
        if (bytes > kMaxCellMemoryBytes - used_) {
            throw failure(kind_, file_, "bảng tính quá lớn: các ô cần hơn 512 MiB bộ nhớ",
                          "the sheet is too large: its cells would need more than 512 MiB of "
                          "memory");
        }
        used_ += bytes;
    }

  private:
    FileKind kind_;
    std::string_view file_;
    std::size_t used_ = 0;
};

// The file's bytes; a WorkbookError when it cannot be read or is larger than `limit`, checked
// before anything is allocated.
inline std::string read_file_bytes(const std::filesystem::path& path, FileKind kind,
                                   std::size_t limit, std::string_view limit_text) {
    const std::string file = path.filename().string();
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) {
        throw failure(kind, file, "không mở được tệp (" + error.message() + ")",
                      "cannot open the file (" + error.message() + ")");
    }
    if (size > limit) {
        throw failure(kind, file, "tệp lớn hơn " + std::string(limit_text),
                      "the file is larger than " + std::string(limit_text));
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in || static_cast<std::size_t>(in.gcount()) != bytes.size()) {
        throw failure(kind, file, "không đọc được nội dung tệp", "cannot read the file's contents");
    }
    return bytes;
}

}  // namespace jobfair::sheets::detail
