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

Result<Agency> ResolveAgency(service::Platform& platform, const std::string& spec) {
  if (spec.empty()) return InvalidArgument("name an agency (id, region code, name or short name)");
  bool digits = spec.find_first_not_of("0123456789") == std::string::npos;
  // Ids are small; region codes have 6, 9 or 12 digits. A short number is an id first.
  if (digits && spec.size() < 6) return platform.agencies().Get(std::stoll(spec));
  GK_ASSIGN_OR_RETURN(std::vector<Agency> all, platform.agencies().List());
  std::vector<const Agency*> by_short;
  for (const Agency& a : all) {
    if ((digits && a.region_code == spec) || a.name == spec) return a;
    if (a.short_name == spec) by_short.push_back(&a);
  }
  if (by_short.size() == 1) return *by_short.front();
  if (by_short.size() > 1) {
    std::string names;
    for (const Agency* a : by_short) {
      names += (names.empty() ? "" : ", ") + std::to_string(a->id) + " " + a->name;
    }
    return InvalidArgument("'" + spec + "' names several agencies (" + names + "): use the id");
  }
  if (digits && spec.size() < 10) return platform.agencies().Get(std::stoll(spec));
  return NotFound("no agency has the id, region code, name or short name '" + spec + "'");
}

Result<std::vector<Agency>> ResolveAgencies(service::Platform& platform, const std::string& specs) {
  std::vector<Agency> out;
  size_t start = 0;
  while (start <= specs.size()) {
    size_t comma = specs.find(',', start);
    if (comma == std::string::npos) comma = specs.size();
    std::string one = specs.substr(start, comma - start);
    if (!one.empty()) {
      GK_ASSIGN_OR_RETURN(Agency a, ResolveAgency(platform, one));
      out.push_back(std::move(a));
    }
    start = comma + 1;
  }
  if (out.empty()) return InvalidArgument("name at least one agency (comma-separated)");
  return out;
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
