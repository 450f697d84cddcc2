// Status and Result<T>: how every layer reports an expected failure without throwing.
//
// A Status carries a precise code (after abseil), an English message for logs and developers, and a
// Simplified-Chinese message for the UI. Both messages say what went wrong and where (field, line,
// id). Callers may rely on: ok() iff code() == kOk; messages are never empty for a non-ok Status.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace gongkai {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // the input itself is wrong (malformed date, bad field)
  kNotFound,            // the thing named does not exist
  kAlreadyExists,       // a unique thing would be duplicated
  kFailedPrecondition,  // the input is fine but the state forbids it (e.g. calendar year not
                        // loaded)
  kAborted,             // a concurrent change won (stale version): reload and retry
  kPermissionDenied,    // authenticated but not allowed
  kUnauthenticated,     // not logged in or wrong password
  kResourceExhausted,   // a limit was hit (throttling, size)
  kUnavailable,         // a dependency (database) is down; retry later
  kInternal,            // a bug or an unexpected library failure
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::string ui_message = {})
      : code_(code), message_(std::move(message)), ui_message_(std::move(ui_message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // English, for logs and the CLI.
  const std::string& message() const { return message_; }
  // Simplified Chinese, for the UI; falls back to a generic text per code when none was given.
  std::string ui_message() const;
  // "NotFound: agency 42 does not exist"
  std::string ToString() const;

  // Adds context in front of both messages, e.g. Annotate("line 3", "第3行").
  Status& Annotate(std::string_view where_en, std::string_view where_zh);
  void IgnoreError() const {}

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string ui_message_;
};

inline Status OkStatus() { return Status(); }
inline Status InvalidArgument(std::string en, std::string zh = {}) {
  return Status(StatusCode::kInvalidArgument, std::move(en), std::move(zh));
}
inline Status NotFound(std::string en, std::string zh = {}) {
  return Status(StatusCode::kNotFound, std::move(en), std::move(zh));
}
inline Status AlreadyExists(std::string en, std::string zh = {}) {
  return Status(StatusCode::kAlreadyExists, std::move(en), std::move(zh));
}
inline Status FailedPrecondition(std::string en, std::string zh = {}) {
  return Status(StatusCode::kFailedPrecondition, std::move(en), std::move(zh));
}
inline Status Aborted(std::string en, std::string zh = {}) {
  return Status(StatusCode::kAborted, std::move(en), std::move(zh));
}
inline Status PermissionDenied(std::string en, std::string zh = {}) {
  return Status(StatusCode::kPermissionDenied, std::move(en), std::move(zh));
}
inline Status Unauthenticated(std::string en, std::string zh = {}) {
  return Status(StatusCode::kUnauthenticated, std::move(en), std::move(zh));
}
inline Status ResourceExhausted(std::string en, std::string zh = {}) {
  return Status(StatusCode::kResourceExhausted, std::move(en), std::move(zh));
}
inline Status Unavailable(std::string en, std::string zh = {}) {
  return Status(StatusCode::kUnavailable, std::move(en), std::move(zh));
}
inline Status Internal(std::string en, std::string zh = {}) {
  return Status(StatusCode::kInternal, std::move(en), std::move(zh));
}

// A value or the Status explaining why there is none. Never holds an ok Status.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace gongkai

// Early-return helpers; keep them few.
#define GK_CONCAT_INNER(a, b) a##b
#define GK_CONCAT(a, b) GK_CONCAT_INNER(a, b)
#define GK_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::gongkai::Status gk_status_ = (expr);   \
    if (!gk_status_.ok()) return gk_status_; \
  } while (0)
#define GK_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
#define GK_ASSIGN_OR_RETURN(lhs, expr) \
  GK_ASSIGN_OR_RETURN_IMPL(GK_CONCAT(gk_result_, __LINE__), lhs, expr)
