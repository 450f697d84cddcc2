// GuardWith: the adapter boundary. SOCI and the database libraries report failures by throwing;
// callers of the Store get a Status. Each backend's Guard supplies the conversion.
#pragma once

namespace gongkai::storage {

// Runs body; if it throws, returns convert(), which runs inside the catch block and so may rethrow
// to inspect the exception.
template <class F, class Convert>
auto GuardWith(F&& body, Convert&& convert) -> decltype(body()) {
  try {
    return body();
  } catch (...) {
    return convert();
  }
}

}  // namespace gongkai::storage
