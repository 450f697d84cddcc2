// SanitizeHtml on arbitrary bytes: never crashes; refuses only with both messages set; what it
// returns is safe (no <script, no on… attribute, no javascript: or other scheme in href/src, only
// allowed elements), valid UTF-8 when the input was, and a fixed point of SanitizeHtml.
#include <cstdint>
#include <cstdlib>

#include "core/text.h"
#include "io/html_sanitize.h"
#include "io/testing/sanitized_html_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto once = gongkai::io::SanitizeHtml(input);
  if (!once.ok()) {
    if (once.status().message().empty() || once.status().ui_message().empty()) std::abort();
    return 0;
  }
  if (!gongkai::io::testing::UnsafeHtml(once->html).empty()) std::abort();
  if (gongkai::IsValidUtf8(input) && !gongkai::IsValidUtf8(once->html)) std::abort();
  auto twice = gongkai::io::SanitizeHtml(once->html);
  if (!twice.ok() || twice->html != once->html || !twice->removed.empty()) std::abort();
  return 0;
}
