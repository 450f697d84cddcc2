// Stored annual reports from the command line: check and render (AGENCY YEAR forms), list,
// export, import and region summaries. Every command goes through ReportService as the CLI actor,
// so the checks, versions and audit entries are the ones the web pages see.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/common.h"
#include "cli/report_cli.h"
#include "io/report_json.h"
#include "render/report_document.h"

namespace gongkai::cli {

namespace {

// Opens the platform, reporting the failure; the caller returns the exit code when null.
std::unique_ptr<service::Platform> Open(int* exit_code) {
  Status st;
  auto p = OpenOrReport(&st);
  if (!p) *exit_code = ExitCodeFor(st.code());
  return p;
}

int CountWarnings(const service::ReportView& view) {
  int n = 0;
  for (const auto& c : view.checks) n += c.violation.severity == report::Severity::kWarning;
  return n;
}

// "三门峡市湖滨区磁钟乡人民政府 2023年度 第2版（已发布）: 0 error(s), 1 warning(s), 1 explained"
std::string ChecksSummary(const service::ReportView& view) {
  int warnings = CountWarnings(view);
  std::string line = view.agency.name + " " + std::to_string(view.record.year) + "年度 第" +
                     std::to_string(view.record.version) + "版（" +
                     std::string(Label(view.record.status)) + "）: " + std::to_string(view.errors) +
                     " error(s), " + std::to_string(warnings) + " warning(s)";
  if (warnings > view.open_warnings) {
    line += ", " + std::to_string(warnings - view.open_warnings) + " explained";
  }
  return line + "\n";
}

Result<std::string> RenderView(const service::ReportView& view, const std::string& format_name,
                               render::OutputFormat* format) {
  GK_ASSIGN_OR_RETURN(*format, render::ParseOutputFormat(format_name));
  return render::Render(DocumentOf(view), *format);
}

struct ExportArgs {
  std::string agency, year;
  VersionChoice version;
  OutputChoice output{"pdf", ""};
};

int Export(const ExportArgs& args) {
  int exit_code = 0;
  auto p = Open(&exit_code);
  if (!p) return exit_code;
  auto view = LoadStoredReport(*p, args.agency, args.year, args.version);
  if (!view.ok()) return Fail(view.status());
  render::OutputFormat format;
  auto bytes = RenderView(*view, args.output.format, &format);
  if (!bytes.ok()) return Fail(bytes.status());
  // Named like the document, so a folder of exports reads like the portal's list.
  std::string name = view->title() + std::string(render::FileExtension(format));
  std::filesystem::path path = name;
  if (!args.output.path.empty()) {
    path = args.output.path;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) path /= name;
  }
  Status st = WriteFileAtomically(path.string(), *bytes);
  if (!st.ok()) return Fail(st);
  std::cout << path.string() << " (" << bytes->size() << " bytes)\n";
  return 0;
}

struct ImportArgs {
  std::string file, agency, summary_of;
};

int Import(const ImportArgs& args) {
  auto data = ReadReportFile(args.file);
  if (!data.ok()) return Fail(data.status());
  int exit_code = 0;
  auto p = Open(&exit_code);
  if (!p) return exit_code;
  auto agency = ResolveAgency(*p, args.agency);
  if (!agency.ok()) return Fail(agency.status());
  std::vector<int64_t> units;
  if (!args.summary_of.empty()) {
    auto resolved = ResolveAgencies(*p, args.summary_of);
    if (!resolved.ok()) return Fail(resolved.status());
    for (const Agency& a : *resolved) units.push_back(a.id);
  }
  const service::Actor actor = service::Actor::Cli();
  auto id = p->reports().Import(actor, agency->id, *data,
                                units.empty() ? ReportOrigin::kImported : ReportOrigin::kSummary,
                                std::filesystem::path(args.file).filename().string(), units);
  if (!id.ok()) return Fail(id.status());
  auto view = p->reports().Get(actor, *id);
  if (!view.ok()) return Fail(view.status());
  std::cout << "report " << *id << " imported: " << view->title() << "\n";
  std::vector<report::Violation> checks;
  for (const auto& c : view->checks) checks.push_back(c.violation);
  std::cout << io::ViolationsToText(checks) << ChecksSummary(*view);
  return 0;
}

struct SummaryArgs {
  std::string agency, year, units;
  bool include_unpublished = false;
  OutputChoice output;
};

int Summary(const SummaryArgs& args) {
  auto year = ParseYear(args.year);
  if (!year.ok()) return Fail(year.status());
  int exit_code = 0;
  auto p = Open(&exit_code);
  if (!p) return exit_code;
  auto agency = ResolveAgency(*p, args.agency);
  if (!agency.ok()) return Fail(agency.status());
  auto units = ResolveAgencies(*p, args.units);
  if (!units.ok()) return Fail(units.status());
  std::vector<int64_t> ids;
  for (const Agency& a : *units) ids.push_back(a.id);
  auto view = p->reports().Summarise(service::Actor::Cli(), agency->id, *year, ids,
                                     args.include_unpublished);
  if (!view.ok()) return Fail(view.status());
  render::OutputFormat format;
  auto bytes = RenderView(*view, args.output.format, &format);
  if (!bytes.ok()) return Fail(bytes.status());
  Status st = EmitRendered(*bytes, format, args.output.path);
  return st.ok() ? 0 : Fail(st);
}

int List(const std::string& agency_spec) {
  int exit_code = 0;
  auto p = Open(&exit_code);
  if (!p) return exit_code;
  auto agency = ResolveAgency(*p, agency_spec);
  if (!agency.ok()) return Fail(agency.status());
  auto lines = p->reports().List(service::Actor::Cli(), agency->id);
  if (!lines.ok()) return Fail(lines.status());
  std::sort(lines->begin(), lines->end(), [](const auto& a, const auto& b) {
    return std::pair(b.record.year, b.record.version) < std::pair(a.record.year, a.record.version);
  });
  std::cout << agency->id << "  " << agency->name << ": " << lines->size()
            << " report version(s)\n";
  if (lines->empty()) return 0;
  std::cout << "year  version  status  origin  errors  warnings  published\n";
  for (const auto& line : *lines) {
    const AnnualReport& r = line.record;
    std::string published = render::BeijingDay(r.published_at);
    std::cout << r.year << "  v" << r.version << "  " << Label(r.status) << "  " << Label(r.origin)
              << "  " << line.errors << "  " << line.warnings << "  "
              << (published.empty() ? "-" : published) << "\n";
  }
  return 0;
}

}  // namespace

int CheckStoredReport(const std::string& agency, const std::string& year,
                      const VersionChoice& choice, const std::string& format) {
  int exit_code = 0;
  auto p = Open(&exit_code);
  if (!p) return exit_code;
  auto view = LoadStoredReport(*p, agency, year, choice);
  if (!view.ok()) return Fail(view.status());
  std::vector<report::Violation> checks;
  for (const auto& c : view->checks) checks.push_back(c.violation);
  if (format == "json") {
    std::cout << io::ReportToJson(view->data, &checks);
  } else {
    for (const auto& c : view->checks) {
      std::cout << io::ViolationsToText({c.violation});
      if (c.acceptance) std::cout << "    已说明：" << c.acceptance->reason << "\n";
    }
    std::cout << ChecksSummary(*view);
  }
  return view->errors > 0 ? 1 : 0;
}

int RenderStoredReport(const std::string& agency, const std::string& year,
                       const VersionChoice& choice, const OutputChoice& output) {
  int exit_code = 0;
  auto p = Open(&exit_code);
  if (!p) return exit_code;
  auto view = LoadStoredReport(*p, agency, year, choice);
  if (!view.ok()) return Fail(view.status());
  render::OutputFormat format;
  auto bytes = RenderView(*view, output.format, &format);
  if (!bytes.ok()) return Fail(bytes.status());
  Status st = EmitRendered(*bytes, format, output.path);
  return st.ok() ? 0 : Fail(st);
}

void AddStoredReportCommands(CLI::App* rep, int* exit_code) {
  static std::string list_agency;
  auto* list = rep->add_subcommand("list", "Every stored report version of an agency");
  list->add_option("AGENCY", list_agency, "Agency id, region code, name or short name")->required();
  list->callback([exit_code] { *exit_code = List(list_agency); });

  AddReportShowCommand(rep, exit_code);

  static ExportArgs export_args;
  auto* exp = rep->add_subcommand(
      "export", "Write a stored report to a file named like its title (default format pdf)");
  exp->add_option("AGENCY", export_args.agency, "Agency id, region code, name or short name")
      ->required();
  exp->add_option("YEAR", export_args.year, "Report year")->required();
  AddVersionOptions(exp, &export_args.version);
  exp->add_option("--format", export_args.output.format, "text|md|html|json|docx|pdf|xlsx");
  exp->add_option("-o,--output", export_args.output.path,
                  "A file to write, or a folder to put the titled file in (default: here)");
  exp->callback([exit_code] { *exit_code = Export(export_args); });

  static ImportArgs import_args;
  auto* imp = rep->add_subcommand(
      "import", "Store a report file (JSON) as a new draft or version of an agency's year");
  imp->add_option("FILE", import_args.file, "Report as JSON (schema gongkai.annual-report/1)")
      ->required();
  imp->add_option("--agency", import_args.agency, "Agency id, region code, name or short name")
      ->required();
  imp->add_option("--summary-of", import_args.summary_of,
                  "The report is a region summary of these units (comma-separated; rule A-01)");
  imp->callback([exit_code] { *exit_code = Import(import_args); });

  static SummaryArgs summary_args;
  auto* sum = rep->add_subcommand(
      "summary", "Add up the units' reports for a year into a region summary (not stored)");
  sum->add_option("AGENCY", summary_args.agency, "The agency the summary is for (e.g. 湖滨区)")
      ->required();
  sum->add_option("YEAR", summary_args.year, "Report year")->required();
  sum->add_option("--units", summary_args.units, "Units below AGENCY, comma-separated")->required();
  sum->add_flag("--include-unpublished", summary_args.include_unpublished,
                "Use a unit's newest version when it has no published one");
  AddOutputOptions(sum, &summary_args.output);
  sum->callback([exit_code] { *exit_code = Summary(summary_args); });
}

}  // namespace gongkai::cli
