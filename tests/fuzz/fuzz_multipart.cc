// ParseMultipart on arbitrary bytes. The first line of the input is the Content-Type header, the
// rest the body, so the fuzzer explores boundaries too. Accepted output must respect the limits.
#include <cstdint>
#include <cstdlib>

#include "web/http/form.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  std::string_view content_type = input.substr(0, nl);
  std::string_view body = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
  gongkai::web::FormLimits limits;
  limits.max_parts = 20;
  limits.max_name_bytes = 64;
  limits.max_part_headers = 4;
  limits.max_part_header_bytes = 512;
  auto r = gongkai::web::ParseMultipart(body, content_type, limits);
  if (r.ok()) {
    if (r->size() > limits.max_parts) std::abort();
    size_t total = 0;
    for (const auto& part : *r) {
      if (part.name.empty() || part.name.size() > limits.max_name_bytes) std::abort();
      total += part.data.size();
    }
    if (total > body.size()) std::abort();
    (void)gongkai::web::FieldsOf(*r);
  } else if (r.status().message().empty() || r.status().ui_message().empty()) {
    std::abort();
  }
  return 0;
}
