// report show AGENCY YEAR: one stored version as the back office sees it — where it stands in the
// workflow, who did what when (Beijing time, as the agency reads it), its versions and its checks
// with the reasons given for accepted warnings.
#include <cstdlib>
#include <iostream>

#include "cli/common.h"
#include "cli/report_cli.h"
#include "core/date.h"
#include "io/report_json.h"
#include "render/report_document.h"

namespace gongkai::cli {

namespace {

// "2024-01-19T02:05:00.000Z" → "2024-01-19 10:05" (UTC+8 all year); "-" when empty or unreadable.
std::string BeijingTime(const std::string& utc) {
  auto day = Date::BeijingDateOfUtc(utc);
  if (!day || utc.size() < 16 || utc[13] != ':') return "-";
  int hour = (std::atoi(utc.substr(11, 2).c_str()) + 8) % 24;
  return day->ToString() + " " + (hour < 10 ? "0" : "") + std::to_string(hour) + ":" +
         utc.substr(14, 2);
}

std::string WhenBy(const std::string& at, const std::string& by) {
  if (at.empty() && by.empty()) return "-";
  return BeijingTime(at) + (by.empty() ? "" : "  " + by);
}

void PrintView(const service::ReportView& v) {
  const AnnualReport& r = v.record;
  std::cout << "report:       " << v.title() << "\n"
            << "id:           " << r.id << "\n"
            << "agency:       " << v.agency.id << "  " << v.agency.name << "\n"
            << "year:         " << r.year << " (format " << r.format_id << ")\n"
            << "version:      " << r.version << " of " << v.versions.size() << "\n"
            << "status:       " << Label(r.status) << " (" << Code(r.status) << ")\n"
            << "origin:       " << Label(r.origin) << " (" << Code(r.origin) << ")";
  if (!r.source_name.empty()) std::cout << ", from " << r.source_name;
  std::cout << "\n";
  if (!v.unit_names.empty()) {
    std::cout << "units:\n";
    for (const auto& name : v.unit_names) std::cout << "  " << name << "\n";
  }
  std::cout << "created:      " << WhenBy(r.created_at, r.created_by) << "\n"
            << "updated:      " << WhenBy(r.updated_at, r.updated_by) << "\n"
            << "submitted:    " << WhenBy(r.submitted_at, r.submitted_by) << "\n"
            << "approved by:  " << (r.approved_by.empty() ? "-" : r.approved_by) << "\n"
            << "published:    " << BeijingTime(r.published_at) << "\n";
  if (!r.correction_note.empty()) std::cout << "correction:   " << r.correction_note << "\n";
  if (!r.return_comment.empty()) std::cout << "returned:     " << r.return_comment << "\n";
  std::cout << "checked against last year: ";
  if (v.previous_year) {
    std::cout << v.previous_year->year << " version " << v.previous_year->version << " ("
              << Label(v.previous_year->status) << ")\n";
  } else {
    std::cout << "none (no " << r.year - 1 << " report)\n";
  }
  std::cout << "versions:\n";
  for (const AnnualReport& x : v.versions) {
    std::string day = render::BeijingDay(x.published_at);
    std::cout << (x.version == r.version ? "* " : "  ") << "v" << x.version << "  "
              << Label(x.status) << "  " << (day.empty() ? "-" : day);
    if (!x.correction_note.empty()) std::cout << "  更正说明：" << x.correction_note;
    std::cout << "\n";
  }
  std::cout << "checks:" << (v.checks.empty() ? " none\n" : "\n");
  for (const auto& c : v.checks) {
    std::cout << "  " << io::ViolationsToText({c.violation});
    if (c.acceptance) {
      std::cout << "      已说明：" << c.acceptance->reason << "（" << c.acceptance->by << "，"
                << BeijingTime(c.acceptance->at) << "）\n";
    }
  }
  int warnings = 0;
  for (const auto& c : v.checks) warnings += c.violation.severity == report::Severity::kWarning;
  std::cout << r.year << "年度 第" << r.version << "版 " << Label(r.status) << ": " << v.errors
            << " error(s), " << warnings << " warning(s) (" << warnings - v.open_warnings
            << " explained)";
  bool open = r.status == ReportStatus::kDraft || r.status == ReportStatus::kPending;
  if (open && v.blocks_publication()) std::cout << ", cannot be published yet";
  std::cout << "\n";
}

struct ShowArgs {
  std::string agency, year;
  VersionChoice version;
};

}  // namespace

void AddReportShowCommand(CLI::App* rep, int* exit_code) {
  static ShowArgs args;
  auto* show =
      rep->add_subcommand("show", "Status, history, versions and checks of a stored report");
  show->add_option("AGENCY", args.agency, "Agency id, region code, name or short name")->required();
  show->add_option("YEAR", args.year, "Report year")->required();
  AddVersionOptions(show, &args.version);
  show->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto view = LoadStoredReport(*p, args.agency, args.year, args.version);
    if (!view.ok()) return void(*exit_code = Fail(view.status()));
    PrintView(*view);
  });
}

}  // namespace gongkai::cli
