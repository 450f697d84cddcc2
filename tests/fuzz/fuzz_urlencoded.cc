// ParseUrlEncoded on arbitrary bytes: must not crash, and what it accepts must respect the limits.
#include <cstdint>
#include <cstdlib>

#include "web/http/form.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  gongkai::web::FormLimits limits;
  limits.max_fields = 50;
  limits.max_name_bytes = 32;
  auto r = gongkai::web::ParseUrlEncoded(body, limits);
  if (r.ok()) {
    if (r->all().size() > limits.max_fields) std::abort();
    for (const auto& [name, value] : r->all()) {
      if (name.empty() || name.size() > limits.max_name_bytes) std::abort();
      if (value.size() > body.size()) std::abort();
    }
  } else if (r.status().message().empty() || r.status().ui_message().empty()) {
    std::abort();
  }
  return 0;
}
