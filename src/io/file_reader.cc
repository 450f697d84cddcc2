#include "io/file_reader.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace gongkai::io {

Result<std::string> ReadFileLimited(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    return NotFound(path + ": cannot read file (" + ec.message() + ")",
                    "无法读取文件“" + path + "”");
  }
  if (size > max_bytes) {
    return ResourceExhausted(path + ": file is " + std::to_string(size) + " bytes, the limit is " +
                                 std::to_string(max_bytes),
                             "文件“" + path + "”过大");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open file", "无法打开文件“" + path + "”");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<CalendarYear> ReadCalendarFile(const std::string& path) {
  GK_ASSIGN_OR_RETURN(std::string text, ReadFileLimited(path, 1 << 20));
  auto year = ParseCalendarYear(text);
  if (!year.ok()) {
    Status st = year.status();
    return st.Annotate(path, "文件“" + path + "”");
  }
  return year;
}

}  // namespace gongkai::io
