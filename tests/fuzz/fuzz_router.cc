// Router::Find on arbitrary paths against a fixed table: never crashes, and a match's parameters
// are non-empty.
#include <cstdint>
#include <cstdlib>

#include "web/http/router.h"

namespace {

const gongkai::web::Router& Table() {
  static const gongkai::web::Router* router = [] {
    auto* r = new gongkai::web::Router;
    auto ok = [](gongkai::web::Request&) { return gongkai::web::Response::Text("ok"); };
    r->Get("/", ok);
    r->Get("/agencies", ok);
    r->Get("/agencies/{id}", ok);
    r->Get("/agencies/new", ok);
    r->Post("/agencies/{id}", ok);
    r->Get("/cases/{case}/files/{file}", ok);
    return r;
  }();
  return *router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  auto method = static_cast<gongkai::web::Method>(data[0] % 8);
  std::string_view path(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto match = Table().Find(method, path);
  if (match.route != nullptr && match.method_not_allowed) std::abort();
  for (const auto& [name, value] : match.params) {
    if (name.empty() || value.empty()) std::abort();
  }
  return 0;
}
