#include "cli/common.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "assets/assets.h"

namespace gongkai::cli {

GlobalOptions& Globals() {
  static GlobalOptions g;
  return g;
}

std::string DatabaseUrl() {
  std::string url = Globals().db;
  if (url.empty()) {
    const char* env = std::getenv("GONGKAI_DB");
    url = env && *env ? env : "var/gongkai.db";
  }
  std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
  if (url.find("://") == std::string::npos && path != ":memory:") {
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  return url;
}

const service::Clock& SystemClockInstance() {
  static service::SystemClock clock;
  return clock;
}

std::unique_ptr<service::Platform> OpenOrReport(Status* status) {
  auto p = service::OpenPlatform(DatabaseUrl(), SystemClockInstance());
  if (!p.ok()) {
    *status = p.status();
    Status annotated = p.status();
    annotated.Annotate("database " + DatabaseUrl(), "数据库");
    Fail(annotated);
    return nullptr;
  }
  return std::move(p).value();
}

int ExitCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 0;
    case StatusCode::kInvalidArgument:
      return 2;
    case StatusCode::kNotFound:
      return 3;
    case StatusCode::kAlreadyExists:
      return 4;
    case StatusCode::kAborted:
      return 4;
    case StatusCode::kFailedPrecondition:
      return 5;
    case StatusCode::kPermissionDenied:
      return 6;
    case StatusCode::kUnauthenticated:
      return 6;
    case StatusCode::kResourceExhausted:
      return 7;
    case StatusCode::kUnavailable:
      return 8;
    case StatusCode::kInternal:
      return 10;
  }
  return 10;
}

int Fail(const Status& status) {
  std::cerr << "gongkai: " << status.message() << "\n";
  return ExitCodeFor(status.code());
}

Status LoadBundledCalendars(service::Platform& platform, bool quiet) {
  GK_ASSIGN_OR_RETURN(std::vector<CalendarYear> stored, platform.calendar().List());
  for (const auto& f : assets::Calendars()) {
    GK_ASSIGN_OR_RETURN(CalendarYear y, ParseCalendarYear(f.data));
    bool have = false;
    for (const auto& s : stored) have |= s.year == y.year;
    if (have) continue;
    GK_RETURN_IF_ERROR(platform.calendar().Load(service::Actor::System(), y));
    if (!quiet) std::cout << "loaded calendar " << y.year << " (" << y.source << ")\n";
  }
  return OkStatus();
}

}  // namespace gongkai::cli
