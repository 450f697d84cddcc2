// report check: every consistency rule on a report given as JSON (docs/report-json.md).
#include <iostream>

#include "cli/common.h"
#include "io/file_reader.h"
#include "io/report_json.h"
#include "io/report_text.h"

namespace gongkai::cli {

namespace {

Result<report::ReportData> ReadReport(const std::string& path) {
  GK_ASSIGN_OR_RETURN(std::string text, io::ReadFileLimited(path, 16 << 20));
  auto r = io::ReportFromJson(text);
  if (!r.ok()) {
    Status st = r.status();
    return st.Annotate(path, "文件“" + path + "”");
  }
  return r;
}

}  // namespace

void AddReportCommands(CLI::App& app, int* exit_code) {
  auto* rep = app.add_subcommand("report", "Annual reports (政府信息公开工作年度报告)");
  rep->require_subcommand(1);
  struct CheckArgs {
    std::string file, previous, format = "text";
    bool rule_making_power = false;
  };
  static CheckArgs args;
  auto* check = rep->add_subcommand("check", "Apply every consistency rule to a report file; exit 1 on errors");
  check->add_option("FILE", args.file, "Report as JSON (schema gongkai.annual-report/1)")->required();
  check->add_option("--previous", args.previous, "Last year's report, for the year-over-year rules");
  check->add_option("--format", args.format, "text|json")->check(CLI::IsMember({"text", "json"}));
  check->add_flag("--rule-making-power", args.rule_making_power, "The agency may make 规章 (rule T2-02)");
  check->callback([exit_code] {
    auto r = ReadReport(args.file);
    if (!r.ok()) return void(*exit_code = Fail(r.status()));
    std::optional<report::ReportData> prev;
    if (!args.previous.empty()) {
      auto p = ReadReport(args.previous);
      if (!p.ok()) return void(*exit_code = Fail(p.status()));
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
      std::cout << io::ViolationsToText(checks) << args.file << ": " << r->year << "年度, " << errors << " error(s), "
                << warnings << " warning(s)\n";
    }
    if (errors > 0) *exit_code = 1;
  });

  struct RenderArgs {
    std::string file, format = "text", title;
  };
  static RenderArgs render_args;
  auto* render = rep->add_subcommand("render", "Print a report in the official layout");
  render->add_option("FILE", render_args.file, "Report as JSON (schema gongkai.annual-report/1)")->required();
  render->add_option("--format", render_args.format, "text|md|json")->check(CLI::IsMember({"text", "md", "json"}));
  render->add_option("--title", render_args.title, "Title line (default: <year>年政府信息公开工作年度报告)");
  render->callback([exit_code] {
    auto r = ReadReport(render_args.file);
    if (!r.ok()) return void(*exit_code = Fail(r.status()));
    std::string title =
        render_args.title.empty() ? std::to_string(r->year) + "年政府信息公开工作年度报告" : render_args.title;
    if (render_args.format == "json") {
      std::cout << io::ReportToJson(*r);
    } else {
      std::cout << io::RenderReport(*r, title,
                                    render_args.format == "md" ? io::TextFlavor::kMarkdown : io::TextFlavor::kPlain);
    }
  });
}

}  // namespace gongkai::cli
