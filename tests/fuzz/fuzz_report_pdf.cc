// The PDF report reader on arbitrary bytes: each input runs the real pdftotext in its sandboxed
// subprocess (timeout, rlimits), so this also fuzzes the subprocess handling; slow but real.
#include <cstdint>

#include "fuzz_report_reader.h"
#include "io/readers/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  gongkai::io::PdfOptions options;
  options.timeout_ms = 5000;
  gongkai::fuzz::CheckReaderResult(gongkai::io::ReadPdfReport(bytes, options));
  return 0;
}
