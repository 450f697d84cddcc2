#include "io/file_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace gongkai::io {
namespace {

TEST(FileReaderTest, ReadsBundledCalendar) {
  const char* root = std::getenv("GONGKAI_SOURCE_DIR");
  ASSERT_NE(root, nullptr);
  auto y = ReadCalendarFile(std::string(root) + "/data/calendar/2025.txt");
  ASSERT_TRUE(y.ok()) << y.status().ToString();
  EXPECT_EQ(y->year, 2025);
}

TEST(FileReaderTest, ErrorsNameThePath) {
  auto missing = ReadCalendarFile("/nonexistent/2030.txt");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/2030.txt"), std::string::npos);

  auto path = std::filesystem::temp_directory_path() / "gongkai-bad-calendar.txt";
  std::ofstream(path) << "year: 2030\nsource: x\nholiday: 2030-02-30\n";
  auto bad = ReadCalendarFile(path.string());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find(path.string() + ": line 3"), std::string::npos)
      << bad.status().message();
  std::filesystem::remove(path);

  EXPECT_EQ(ReadFileLimited("/etc/hostname", 0).status().code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace gongkai::io
