// The HTML report reader (the strict parser or gumbo) and the extractor on arbitrary bytes.
#include <cstdint>

#include "fuzz_report_reader.h"
#include "io/readers/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  gongkai::fuzz::CheckReaderResult(gongkai::io::ReadHtmlReport(bytes));
  return 0;
}
