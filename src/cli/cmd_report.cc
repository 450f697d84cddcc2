// report check | render: on a report file given as JSON (docs/report-json.md), or on a stored
// report named by AGENCY YEAR. One positional means a file, two an agency and a year, so the
// file forms keep working unchanged.
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/common.h"
#include "cli/report_cli.h"
#include "io/file_reader.h"
#include "io/report_json.h"

namespace gongkai::cli {

Result<report::ReportData> ReadReportFile(const std::string& path) {
  GK_ASSIGN_OR_RETURN(std::string text, io::ReadFileLimited(path, 16 << 20));
  auto r = io::ReportFromJson(text);
  if (!r.ok()) {
    Status st = r.status();
    return st.Annotate(path, "文件“" + path + "”");
  }
  return r;
}

namespace {

struct CheckArgs {
  std::vector<std::string> positionals;
  std::string previous, format = "text";
  bool rule_making_power = false;
  VersionChoice version;
};

int CheckFile(const CheckArgs& args) {
  const std::string& file = args.positionals.front();
  auto r = ReadReportFile(file);
  if (!r.ok()) return Fail(r.status());
  std::optional<report::ReportData> prev;
  if (!args.previous.empty()) {
    auto p = ReadReportFile(args.previous);
    if (!p.ok()) return Fail(p.status());
    prev = *p;
  }
  report::RuleOptions options;
  options.has_rule_making_power = args.rule_making_power;
  auto checks = report::CheckReport(*r, prev ? &*prev : nullptr, options);
  int errors = 0, warnings = 0;
  for (const auto& v : checks) (v.severity == report::Severity::kError ? errors : warnings) += 1;
  if (args.format == "json") {
    std::cout << io::ReportToJson(*r, &checks);
  } else {
    std::cout << io::ViolationsToText(checks) << file << ": " << r->year << "年度, " << errors
              << " error(s), " << warnings << " warning(s)\n";
  }
  return errors > 0 ? 1 : 0;
}

struct RenderArgs {
  std::vector<std::string> positionals;
  std::string title;
  OutputChoice output;
  VersionChoice version;
};

int RenderFile(const RenderArgs& args) {
  auto format = render::ParseOutputFormat(args.output.format);
  if (!format.ok()) return Fail(format.status());
  auto r = ReadReportFile(args.positionals.front());
  if (!r.ok()) return Fail(r.status());
  render::ReportDocument doc;
  doc.data = *r;
  doc.title =
      args.title.empty() ? std::to_string(r->year) + "年政府信息公开工作年度报告" : args.title;
  auto bytes = render::Render(doc, *format);
  if (!bytes.ok()) return Fail(bytes.status());
  Status st = EmitRendered(*bytes, *format, args.output.path);
  return st.ok() ? 0 : Fail(st);
}

// Options that only mean something for one of the two forms are refused on the other, rather
// than silently ignored. file_only names the file-form option given, if any.
Status OnlyFor(bool is_file, const std::string& file_only, const VersionChoice& version) {
  if (is_file && (version.version != 0 || version.published)) {
    return InvalidArgument("--version and --published apply to a stored report (AGENCY YEAR)");
  }
  if (!is_file && !file_only.empty()) {
    return InvalidArgument(file_only + " applies to a report file (FILE), not to AGENCY YEAR");
  }
  return OkStatus();
}

// One positional that is no file is most likely an agency whose year was forgotten: say so.
Status NoSuchFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) || path.ends_with(".json")) return OkStatus();
  return NotFound("'" + path + "' is not a file; for a stored report give AGENCY YEAR");
}

}  // namespace

void AddReportCommands(CLI::App& app, int* exit_code) {
  auto* rep = app.add_subcommand("report", "Annual reports (政府信息公开工作年度报告)");
  rep->require_subcommand(1);

  static CheckArgs args;
  auto* check = rep->add_subcommand(
      "check",
      "Apply every consistency rule to a report file or a stored report; exit 1 on errors");
  check
      ->add_option("FILE | AGENCY YEAR", args.positionals,
                   "A report as JSON (schema gongkai.annual-report/1), or an agency (id, region "
                   "code, name or short name) and a year")
      ->required()
      ->expected(1, 2);
  check->add_option("--previous", args.previous, "Last year's report file (FILE form)");
  check->add_option("--format", args.format, "text|json")->check(CLI::IsMember({"text", "json"}));
  check->add_flag("--rule-making-power", args.rule_making_power,
                  "The agency may make 规章 (rule T2-02; FILE form)");
  AddVersionOptions(check, &args.version);
  check->callback([exit_code] {
    bool is_file = args.positionals.size() == 1;
    std::string file_only = !args.previous.empty()   ? "--previous"
                            : args.rule_making_power ? "--rule-making-power"
                                                     : "";
    Status st = OnlyFor(is_file, file_only, args.version);
    if (st.ok() && is_file) st = NoSuchFile(args.positionals.front());
    if (!st.ok()) return void(*exit_code = Fail(st));
    *exit_code = is_file ? CheckFile(args)
                         : CheckStoredReport(args.positionals[0], args.positionals[1], args.version,
                                             args.format);
  });

  static RenderArgs render_args;
  auto* render = rep->add_subcommand(
      "render", "Print a report file or a stored report in the official layout");
  render
      ->add_option("FILE | AGENCY YEAR", render_args.positionals,
                   "A report as JSON, or an agency and a year")
      ->required()
      ->expected(1, 2);
  render->add_option("--title", render_args.title,
                     "Title line (FILE form; default: <year>年政府信息公开工作年度报告)");
  AddOutputOptions(render, &render_args.output);
  AddVersionOptions(render, &render_args.version);
  render->callback([exit_code] {
    bool is_file = render_args.positionals.size() == 1;
    Status st = OnlyFor(is_file, render_args.title.empty() ? "" : "--title", render_args.version);
    if (st.ok() && is_file) st = NoSuchFile(render_args.positionals.front());
    if (!st.ok()) return void(*exit_code = Fail(st));
    *exit_code = is_file
                     ? RenderFile(render_args)
                     : RenderStoredReport(render_args.positionals[0], render_args.positionals[1],
                                          render_args.version, render_args.output);
  });

  AddStoredReportCommands(rep, exit_code);
}

}  // namespace gongkai::cli
