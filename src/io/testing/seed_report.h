// The real published seed report (磁钟乡 2023) for tests: read from ../shared/fixtures beside the
// project (GONGKAI_SOURCE_DIR names the project root; ctest sets it). Not copied into the project.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace gongkai::io::testing {

inline std::string SeedReportPath() {
  const char* root = std::getenv("GONGKAI_SOURCE_DIR");
  return std::string(root ? root : ".") + "/../shared/fixtures/seed-annual-report-2023-cizhong.txt";
}

// The file's bytes, or "" when it is not there (tests then fail saying so).
inline std::string ReadSeedReport() {
  std::ifstream in(SeedReportPath(), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace gongkai::io::testing
