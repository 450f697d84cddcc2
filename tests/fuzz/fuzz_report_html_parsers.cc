// Differential: the strict HTML parser (io/readers/html_tree.h) must read every page it accepts
// exactly as gumbo does, down to each block, cell and column; a difference aborts. The strict
// parser is a fast path for well-formed markup, and this is what keeps it one.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/readers/html_tree.h"

namespace {

std::string Dump(const gongkai::Result<gongkai::report::SourceDocument>& doc) {
  if (!doc.ok()) return "refused: " + doc.status().ToString();
  std::string out;
  for (const auto& b : doc->blocks) {
    out += std::to_string(static_cast<int>(b.kind)) + "/" + std::to_string(b.table) + "/" +
           std::to_string(b.line) + ":";
    for (const auto& c : b.cells) out += " [" + std::to_string(c.column) + "]" + c.text;
    out += "\n";
  }
  for (const auto& n : doc->notes) out += "note: " + n + "\n";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using gongkai::io::HtmlParser;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string either = Dump(gongkai::io::ReadHtmlReportWith(bytes, HtmlParser::kAuto));
  const std::string gumbo = Dump(gongkai::io::ReadHtmlReportWith(bytes, HtmlParser::kGumboOnly));
  if (either != gumbo) {
    std::fprintf(stderr,
                 "the strict parser and gumbo differ\n--- auto ---\n%s\n--- gumbo ---\n%s\n",
                 either.c_str(), gumbo.c_str());
    std::abort();
  }
  return 0;
}
