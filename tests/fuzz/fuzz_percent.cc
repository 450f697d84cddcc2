// Percent-decoding, encoding, HTML escaping and the Request accessors on arbitrary bytes.
// Round trip: decoding an encoding gives the input back.
#include <cstdint>
#include <cstdlib>

#include "web/http/http.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string out;
  if (gongkai::web::PercentDecode(in, true, &out) && out.size() > in.size()) std::abort();
  std::string back;
  if (!gongkai::web::PercentDecode(gongkai::web::PercentEncode(in), false, &back) || back != in) {
    std::abort();
  }
  std::string escaped = gongkai::web::HtmlEscape(in);
  if (escaped.find('<') != std::string::npos || escaped.find('"') != std::string::npos)
    std::abort();

  gongkai::web::Request request;
  request.query = std::string(in);
  request.headers = {{"cookie", std::string(in)}};
  (void)request.QueryParam("a");
  (void)request.Cookie("a");
  gongkai::web::Response response;
  response.SetCookie(in, in);
  response.SetHeader(std::string(in), std::string(in));
  for (const auto& [name, value] : response.headers) {
    if (name.find_first_of("\r\n") != std::string::npos) std::abort();
    if (value.find_first_of("\r\n") != std::string::npos) std::abort();
  }
  return 0;
}
