// Excel workbooks (.xlsx): a zip of XML parts (ECMA-376 SpreadsheetML). Sections:
//   1. Zip       - the archive through libzip, every part read against the size limits
//   2. XML       - pugixml trees, matched on local names so prefixed files ("x:row") read too
//   3. Parts     - relationships, shared strings, number formats
//   4. Cells     - references, values, and the memory budget a hostile file runs into
//   5. Workbook  - the parts put together, in the workbook's order
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "common/sheets/internal.hpp"
#include "common/sheets/workbook.hpp"
#include "common/text.hpp"

namespace jobfair::sheets {

namespace {

using detail::failure;
using detail::FileKind;

// Old binary workbooks (.xls, Excel 97-2003) and password-protected .xlsx files are OLE2
// compound files, not zips: told apart so the message can say what to do.
constexpr std::string_view kCompoundFileMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

[[noreturn]] void fail(std::string_view file, const std::string& vietnamese,
                       const std::string& english) {
    throw failure(FileKind::excel, file, vietnamese, english);
}

// ---- 1. Zip -----------------------------------------------------------------------------------

// A read-only archive over bytes held by the caller. Every part is read against kMaxPartBytes
// and, together, kMaxWorkbookBytes, counting what is really decompressed: a zip's directory may
// lie about sizes (a "zip bomb"), so reading stops one byte past what it declared.
class ZipArchive {
  public:
    ZipArchive(std::string_view bytes, std::string_view file) : file_(file) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source != nullptr) zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (zip_ == nullptr) {
            if (source != nullptr) zip_source_free(source);  // the archive did not take it
            const bool not_zip = zip_error_code_zip(&error) == ZIP_ER_NOZIP;
            const std::string reason = zip_error_strerror(&error);
            zip_error_fini(&error);
            if (not_zip) {
                fail(file_, "đây không phải tệp .xlsx (không phải tệp zip)",
                     "this is not an .xlsx file (not a zip archive)");
            }
            fail(file_, "tệp zip bị hỏng (" + reason + ")", "the zip is damaged (" + reason + ")");
        }
        zip_error_fini(&error);
    }
    ~ZipArchive() { zip_discard(zip_); }  // read-only: nothing to write back
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // The part's bytes, or nullopt when the archive has no such entry.
    std::optional<std::string> read(const std::string& name) {
        zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
        if (index < 0) index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
        if (index < 0) return std::nullopt;
        const auto entry = static_cast<zip_uint64_t>(index);
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(zip_, entry, 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
            fail(file_, "không đọc được mục " + name + " trong tệp zip",
                 "cannot read the entry " + name + " of the zip");
        }
        if (stat.size > kMaxPartBytes) {
            fail(file_, "phần " + name + " lớn hơn 256 MiB khi giải nén",
                 "the part " + name + " is larger than 256 MiB uncompressed");
        }
        const auto size = static_cast<std::size_t>(stat.size);
        if (size > kMaxWorkbookBytes - total_) {
            fail(file_, "các phần của tệp lớn hơn 512 MiB khi giải nén",
                 "the file's parts are larger than 512 MiB uncompressed");
        }
        const std::unique_ptr<zip_file_t, decltype(&zip_fclose)> part(
            zip_fopen_index(zip_, entry, 0), &zip_fclose);
        if (!part) {
            const std::string reason = zip_strerror(zip_);
            fail(file_, "không mở được phần " + name + " (" + reason + ")",
                 "cannot open the part " + name + " (" + reason + ")");
        }
        std::string bytes(size, '\0');
        std::size_t done = 0;
        zip_int64_t got = 1;
        while (done < size && got > 0) {
            got = zip_fread(part.get(), bytes.data() + done, size - done);
            if (got > 0) done += static_cast<std::size_t>(got);
        }
        char beyond = 0;
        if (got >= 0) got = zip_fread(part.get(), &beyond, 1);  // 0 at the declared end
        if (got != 0 || done != size) {
            const std::string reason = got < 0 ? zip_file_strerror(part.get())
                                               : "its size differs from the zip's directory";
            fail(file_, "phần " + name + " bị hỏng (" + reason + ")",
                 "the part " + name + " is damaged (" + reason + ")");
        }
        total_ += size;
        return bytes;
    }

  private:
    std::string_view file_;
    zip_t* zip_ = nullptr;
    std::size_t total_ = 0;  // bytes decompressed so far, all parts
};

// ---- 2. XML -----------------------------------------------------------------------------------

// pugixml keeps a node of 64 bytes for each element and each text between tags, and 40 bytes for
// each attribute. Counted on the text before parsing, so a part made of tiny tags cannot make a
// tree many times its own size. Far above a fair's largest sheet.
constexpr std::size_t kMaxXmlTreeBytes = 1u << 30;

std::size_t estimated_tree_bytes(std::string_view xml) {
    const auto tags = static_cast<std::size_t>(std::count(xml.begin(), xml.end(), '<'));
    const auto attributes = static_cast<std::size_t>(std::count(xml.begin(), xml.end(), '='));
    return tags * 2 * 64 + attributes * 40;
}

// One parsed part. pugixml parses in place (names and values point into `text_`) and expands
// only XML's predefined entities and character references: no DTD entities, no external files.
class XmlPart {
  public:
    XmlPart(std::string text, const std::string& name, std::string_view file)
        : text_(std::move(text)) {
        if (estimated_tree_bytes(text_) > kMaxXmlTreeBytes) {
            fail(file, "phần " + name + " có quá nhiều thẻ XML",
                 "the part " + name + " has too many XML tags");
        }
        // ws_pcdata_single keeps a cell whose whole text is spaces (<t xml:space="preserve"> </t>).
        const pugi::xml_parse_result parsed = document_.load_buffer_inplace(
            text_.data(), text_.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!parsed) {
            const std::string where = std::to_string(parsed.offset);
            fail(file,
                 "phần " + name + " không phải XML hợp lệ (" + parsed.description() + ", byte " +
                     where + ")",
                 "the part " + name + " is not well-formed XML (" + parsed.description() +
                     ", byte " + where + ")");
        }
    }
    XmlPart(const XmlPart&) = delete;
    XmlPart& operator=(const XmlPart&) = delete;

    pugi::xml_node root() const { return document_.document_element(); }

  private:
    std::string text_;
    pugi::xml_document document_;
};

std::string_view local_name(const char* qualified) {
    const std::string_view name(qualified);
    const std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_node each : node.children()) {
        if (each.type() == pugi::node_element && local_name(each.name()) == name) return each;
    }
    return {};
}

template <typename Visit>
void for_each_child(pugi::xml_node node, std::string_view name, Visit visit) {
    for (pugi::xml_node each : node.children()) {
        if (each.type() == pugi::node_element && local_name(each.name()) == name) visit(each);
    }
}

pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_attribute each : node.attributes()) {
        if (local_name(each.name()) == name) return each;
    }
    return {};
}

// ---- 3. Parts ---------------------------------------------------------------------------------

// Excel escapes characters XML cannot hold as _xHHHH_ ("_x000D_" for a carriage return, and
// "_x005F_" for a literal underscore before such a pattern).
std::string without_escapes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool escape =
            text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_' &&
            std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i) + 2,
                        text.begin() + static_cast<std::ptrdiff_t>(i) + 6,
                        [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
        unsigned value = 0;
        if (escape) std::from_chars(text.data() + i + 2, text.data() + i + 6, value, 16);
        if (escape && (value < 0xD800 || value > 0xDFFF)) {
            append_utf8(out, static_cast<char32_t>(value));
            i += 6;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

// The text of a shared string <si> or an inline string <is>: one <t>, or rich-text runs <r><t>
// joined. Phonetic runs (<rPh>, furigana) are not the cell's text.
std::string string_item_text(pugi::xml_node item) {
    std::string text;
    for (pugi::xml_node part : item.children()) {
        if (part.type() != pugi::node_element) continue;
        const std::string_view name = local_name(part.name());
        if (name == "t") text += part.text().get();
        if (name == "r") text += child(part, "t").text().get();
    }
    return without_escapes(text);
}

// Part names are zip entry names: no leading '/', "." and ".." resolved.
std::string normalised_part_name(std::string_view path) {
    std::vector<std::string_view> segments;
    while (!path.empty()) {
        const std::size_t slash = path.find('/');
        const std::string_view segment = path.substr(0, slash);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    std::string name;
    for (const std::string_view segment : segments) {
        if (!name.empty()) name += '/';
        name += segment;
    }
    return name;
}

std::string folder_of(std::string_view part) {
    const std::size_t slash = part.rfind('/');
    return slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
}

struct Relationship {
    std::string type;  // the last segment of the type URI: "worksheet", "sharedStrings", ...
    std::string part;  // the target as a part name
};

// The relationships of `source` (its "_rels/NAME.rels" part), by id; none when that is absent.
// Targets are relative to the source's folder unless they start with '/' (openpyxl writes
// "/xl/worksheets/sheet1.xml", Excel and LibreOffice "worksheets/sheet1.xml").
std::map<std::string, Relationship> read_relationships(ZipArchive& zip, const std::string& source,
                                                       std::string_view file) {
    const std::string folder = folder_of(source);
    const std::string rels_name = folder + "_rels/" + source.substr(folder.size()) + ".rels";
    std::map<std::string, Relationship> relationships;
    std::optional<std::string> text = zip.read(rels_name);
    if (!text) return relationships;
    const XmlPart rels(std::move(*text), rels_name, file);
    for_each_child(rels.root(), "Relationship", [&](pugi::xml_node node) {
        if (std::string_view(attribute(node, "TargetMode").value()) == "External") return;
        const std::string_view type = attribute(node, "Type").value();
        const std::string_view target = attribute(node, "Target").value();
        Relationship relationship;
        relationship.type = std::string(type.substr(type.rfind('/') + 1));
        relationship.part = normalised_part_name(
            target.starts_with('/') ? std::string(target) : folder + std::string(target));
        relationships.emplace(attribute(node, "Id").value(), std::move(relationship));
    });
    return relationships;
}

std::optional<std::string> part_of_type(const std::map<std::string, Relationship>& relationships,
                                        std::string_view type) {
    for (const auto& [id, relationship] : relationships) {
        if (relationship.type == type) return relationship.part;
    }
    return std::nullopt;
}

// A custom number format shows a date or time when it holds d, m, y, h or s outside quoted text,
// escaped characters (\x), padding (_x), fills (*x) and brackets - except elapsed-time brackets
// such as [h] or [mm]; "[Red]" and "[$-42A]" are colours and locales.
bool is_time_format_code(std::string_view code) {
    bool quoted = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (quoted) {
            continue;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            const std::size_t close = code.find(']', i);
            if (close == std::string_view::npos) return false;
            const std::string_view inside = code.substr(i + 1, close - i - 1);
            const bool elapsed =
                !inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos;
            if (elapsed) return true;
            i = close;
        } else if (std::string_view("dDmMyYhHsS").find(c) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

bool is_builtin_time_format(unsigned id) {
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

// For each cell style (cellXfs, the index a cell's s="" names), whether it shows a date or time.
std::vector<bool> time_formatted_styles(const XmlPart& styles) {
    std::map<unsigned, bool> custom;
    for_each_child(child(styles.root(), "numFmts"), "numFmt", [&](pugi::xml_node format) {
        custom[attribute(format, "numFmtId").as_uint()] =
            is_time_format_code(attribute(format, "formatCode").value());
    });
    std::vector<bool> time_by_style;
    for_each_child(child(styles.root(), "cellXfs"), "xf", [&](pugi::xml_node style) {
        const unsigned id = attribute(style, "numFmtId").as_uint();
        const auto found = custom.find(id);
        time_by_style.push_back(found != custom.end() ? found->second : is_builtin_time_format(id));
    });
    return time_by_style;
}

// ---- 4. Cells ---------------------------------------------------------------------------------

struct Reference {
    std::size_t row = 0;  // 0-based
    std::size_t column = 0;
};

// "B7" -> {6, 1}; nullopt when malformed or beyond XFD1048576. Never overflows: digits and
// letters are bounded before they are added up.
std::optional<Reference> parse_reference(std::string_view text) {
    std::size_t i = 0;
    std::size_t column = 0;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) != 0) {
        column = column * 26 + static_cast<std::size_t>(
                                   std::toupper(static_cast<unsigned char>(text[i])) - 'A' + 1);
        if (column > kMaxColumns) return std::nullopt;
        ++i;
    }
    if (i == 0 || i == text.size()) return std::nullopt;
    std::size_t row = 0;
    for (; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        row = row * 10 + static_cast<std::size_t>(text[i] - '0');
        if (row > kMaxRows) return std::nullopt;
    }
    if (row == 0) return std::nullopt;
    return Reference{row - 1, column - 1};
}

// A row number (1-based in the file) -> 0-based; nullopt when malformed or beyond the limit.
std::optional<std::size_t> parse_row_number(std::string_view text) {
    std::size_t row = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), row);
    if (error != std::errc() || end != text.data() + text.size() || row == 0 || row > kMaxRows) {
        return std::nullopt;
    }
    return row - 1;
}

struct SheetContext {
    std::string_view file;
    const std::string& sheet;
    const std::vector<std::string>& shared_strings;
    const std::vector<bool>& time_by_style;
};

[[noreturn]] void fail_cell(const SheetContext& context, const std::string& where,
                            const std::string& vietnamese, const std::string& english) {
    fail(context.file, "trang \"" + context.sheet + "\", ô " + where + ": " + vietnamese,
         "sheet \"" + context.sheet + "\", cell " + where + ": " + english);
}

Cell read_cell(pugi::xml_node node, const std::string& where, const SheetContext& context) {
    const std::string_view type = attribute(node, "t").value();
    Cell cell;
    if (type == "inlineStr") {
        if (const pugi::xml_node inline_string = child(node, "is")) {
            cell.kind = Cell::Kind::text;
            cell.text = string_item_text(inline_string);
            return cell;
        }
    }
    const pugi::xml_node value_node = child(node, "v");
    if (!value_node) return cell;  // formatted but empty, or a formula never calculated
    const std::string_view value = value_node.text().get();
    if (type == "s") {
        std::size_t index = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
        if (error != std::errc() || end != value.data() + value.size() ||
            index >= context.shared_strings.size()) {
            fail_cell(context, where,
                      "chỉ tới chuỗi dùng chung " + std::string(value) + " không tồn tại",
                      "names the shared string " + std::string(value) + ", which does not exist");
        }
        cell.kind = Cell::Kind::text;
        cell.text = context.shared_strings[index];
    } else if (type == "str" || type == "inlineStr") {
        cell.kind = Cell::Kind::text;
        cell.text = without_escapes(value);
    } else if (type == "d") {
        cell.kind = Cell::Kind::text;  // an ISO 8601 date or time, kept as written
        cell.text = std::string(value);
    } else if (type == "b") {
        if (value != "0" && value != "1") {
            fail_cell(context, where, "giá trị đúng/sai \"" + std::string(value) + "\" lạ",
                      "the boolean \"" + std::string(value) + "\" is neither 0 nor 1");
        }
        cell.kind = Cell::Kind::boolean;
        cell.number = value == "1" ? 1 : 0;
        cell.text = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "e") {
        cell.kind = Cell::Kind::error;
        cell.text = std::string(value);
    } else if (type == "n" || type.empty()) {
        std::string_view digits = value;
        if (digits.starts_with('+')) digits.remove_prefix(1);  // xsd:double allows it
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), cell.number);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
            fail_cell(context, where, "\"" + std::string(value) + "\" không phải là số",
                      "\"" + std::string(value) + "\" is not a number");
        }
        cell.kind = Cell::Kind::number;
        cell.text = std::string(value);
        const unsigned style = attribute(node, "s").as_uint();
        cell.time_format = style < context.time_by_style.size() && context.time_by_style[style];
    } else {
        fail_cell(context, where, "kiểu ô \"" + std::string(type) + "\" không được hỗ trợ",
                  "the cell type \"" + std::string(type) + "\" is unknown");
    }
    return cell;
}

// Cells and rows may be skipped (only those holding something are written), and their r="" may
// be absent: then each follows the one before it.
void read_sheet_data(pugi::xml_node worksheet, Sheet& sheet, const SheetContext& context,
                     detail::MemoryBudget& budget) {
    std::size_t next_row = 0;
    for_each_child(child(worksheet, "sheetData"), "row", [&](pugi::xml_node row_node) {
        std::size_t row = next_row;
        if (const pugi::xml_attribute number = attribute(row_node, "r")) {
            const std::optional<std::size_t> parsed = parse_row_number(number.value());
            if (!parsed) {
                fail(context.file,
                     "trang \"" + context.sheet + "\": số hàng \"" + number.value() +
                         "\" không hợp lệ hoặc vượt quá 1.048.576",
                     "sheet \"" + context.sheet + "\": the row number \"" + number.value() +
                         "\" is malformed or beyond 1,048,576");
            }
            row = *parsed;
        } else if (row >= kMaxRows) {
            fail(context.file, "trang \"" + context.sheet + "\" có hơn 1.048.576 hàng",
                 "sheet \"" + context.sheet + "\" has more than 1,048,576 rows");
        }
        next_row = row + 1;
        std::size_t next_column = 0;
        for_each_child(row_node, "c", [&](pugi::xml_node cell_node) {
            std::size_t column = next_column;
            std::string where;
            if (const pugi::xml_attribute reference = attribute(cell_node, "r")) {
                where = reference.value();
                const std::optional<Reference> parsed = parse_reference(where);
                if (!parsed) {
                    fail_cell(context, where,
                              "địa chỉ ô không hợp lệ hoặc vượt quá giới hạn của Excel "
                              "(XFD1048576)",
                              "the reference is malformed or beyond Excel's limits "
                              "(XFD1048576)");
                }
                column = parsed->column;
            } else {
                where = column_letters(column) + std::to_string(row + 1);
                if (column >= kMaxColumns) {
                    fail_cell(context, where, "hàng có hơn 16.384 cột",
                              "the row has more than 16,384 columns");
                }
            }
            next_column = column + 1;
            Cell cell = read_cell(cell_node, where, context);
            if (cell.kind == Cell::Kind::empty) return;  // formatting alone widens nothing
            if (row >= sheet.rows.size()) {
                budget.charge((row + 1 - sheet.rows.size()) * sizeof(std::vector<Cell>));
                sheet.rows.resize(row + 1);
            }
            std::vector<Cell>& cells = sheet.rows[row];
            if (column >= cells.size()) {
                budget.charge((column + 1 - cells.size()) * sizeof(Cell));
                cells.resize(column + 1);
            }
            budget.charge(cell.text.size());
            cells[column] = std::move(cell);
        });
    });
}

// ---- 5. Workbook ------------------------------------------------------------------------------

// The main part is named by the package's relationships; every writer we know uses this name.
constexpr std::string_view kDefaultWorkbookPart = "xl/workbook.xml";

std::string workbook_part_name(ZipArchive& zip, std::string_view file) {
    const auto package = read_relationships(zip, "", file);
    return part_of_type(package, "officeDocument").value_or(std::string(kDefaultWorkbookPart));
}

std::vector<std::string> read_shared_strings(ZipArchive& zip, const std::string& name,
                                             std::string_view file, detail::MemoryBudget& budget) {
    std::vector<std::string> strings;
    std::optional<std::string> text = zip.read(name);
    if (!text) return strings;  // a workbook without text, or with inline strings only
    const XmlPart part(std::move(*text), name, file);
    for_each_child(part.root(), "si", [&](pugi::xml_node item) {
        strings.push_back(string_item_text(item));
        budget.charge(sizeof(std::string) + strings.back().size());
    });
    return strings;
}

}  // namespace

Workbook read_xlsx(std::string_view bytes, std::string_view file_name_for_messages) {
    const std::string_view file = file_name_for_messages;
    if (bytes.starts_with(kCompoundFileMagic)) {
        fail(file,
             "đây là tệp Excel cũ (.xls) hoặc có mật khẩu; hãy mở bằng Excel và lưu lại dạng "
             "\"Sổ làm việc Excel (.xlsx)\" không có mật khẩu",
             "this is an old Excel file (.xls) or a password-protected one; open it in Excel "
             "and save it as \"Excel Workbook (.xlsx)\" without a password");
    }
    if (bytes.empty()) {
        // libzip opens zero bytes as an empty archive; a 0-byte file is a failed copy or download.
        fail(file, "tệp rỗng (0 byte)", "the file is empty (0 bytes)");
    }
    ZipArchive zip(bytes, file);
    detail::MemoryBudget budget(FileKind::excel, file);

    const std::string workbook_name = workbook_part_name(zip, file);
    std::optional<std::string> workbook_text = zip.read(workbook_name);
    if (!workbook_text) {
        fail(file, "tệp zip không có phần " + workbook_name + ": đây không phải sổ làm việc Excel",
             "the zip has no " + workbook_name + " part: this is not an Excel workbook");
    }
    const XmlPart workbook_part(std::move(*workbook_text), workbook_name, file);
    const pugi::xml_node root = workbook_part.root();
    Workbook workbook;
    workbook.date1904 = attribute(child(root, "workbookPr"), "date1904").as_bool();

    const auto relationships = read_relationships(zip, workbook_name, file);
    const std::string folder = folder_of(workbook_name);
    const std::vector<std::string> shared_strings = read_shared_strings(
        zip, part_of_type(relationships, "sharedStrings").value_or(folder + "sharedStrings.xml"),
        file, budget);
    std::vector<bool> time_by_style;
    const std::string styles_name =
        part_of_type(relationships, "styles").value_or(folder + "styles.xml");
    if (std::optional<std::string> styles_text = zip.read(styles_name)) {
        time_by_style = time_formatted_styles(XmlPart(std::move(*styles_text), styles_name, file));
    }

    for_each_child(child(root, "sheets"), "sheet", [&](pugi::xml_node entry) {
        Sheet& sheet = workbook.sheets.emplace_back();
        sheet.name = attribute(entry, "name").value();
        const auto relationship = relationships.find(attribute(entry, "id").value());
        if (relationship == relationships.end()) {
            fail(file, "không tìm thấy nơi lưu trang \"" + sheet.name + "\"",
                 "the workbook does not say where sheet \"" + sheet.name + "\" is stored");
        }
        const std::string& part_name = relationship->second.part;
        std::optional<std::string> text = zip.read(part_name);
        if (!text) {
            fail(file, "thiếu phần " + part_name + " của trang \"" + sheet.name + "\"",
                 "the part " + part_name + " of sheet \"" + sheet.name + "\" is missing");
        }
        // Parsed, read and freed one sheet at a time: only one tree is alive at once.
        const XmlPart part(std::move(*text), part_name, file);
        const SheetContext context{file, sheet.name, shared_strings, time_by_style};
        read_sheet_data(part.root(), sheet, context, budget);
    });
    return workbook;
}

Workbook read_xlsx_file(const std::filesystem::path& path) {
    const std::string bytes =
        detail::read_file_bytes(path, FileKind::excel, kMaxWorkbookBytes, "512 MiB");
    return read_xlsx(bytes, path.filename().string());
}

}  // namespace jobfair::sheets
