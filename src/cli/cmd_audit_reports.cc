// audit PATH...: published annual reports in files (text, HTML, DOCX, PDF), one or thousands,
// offline. Reads each, extracts its figures, runs every rule, and reports per file and in total.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/common.h"
#include "cli/report_cli.h"
#include "core/report/report_audit.h"
#include "io/audit_output.h"
#include "io/file_reader.h"
#include "io/report_import.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxReportBytes = 64u << 20;

struct AuditArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  bool summary_only = false;
  bool rule_making_power = false;
  int pdf_timeout_s = 20;
};

// Files named directly, and every regular file under named folders (hidden ones skipped), sorted
// so a batch is read in the same order every time. Missing paths are kept: they become refusals.
std::vector<std::string> CollectFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it =
             fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// "[#######.......] 12/40 name" on a terminal, redrawn in place.
void Progress(size_t done, size_t total, const std::string& name) {
  constexpr int kWidth = 30;
  int filled = static_cast<int>(kWidth * done / std::max<size_t>(total, 1));
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::string shown = name.size() > 40 ? "…" + name.substr(name.size() - 39) : name;
  std::cerr << "\r\033[K[" << bar << "] " << done << "/" << total << " " << shown << std::flush;
}

int Run(const AuditArgs& args) {
  if (args.format != "text" && args.format != "json" && args.format != "csv") {
    return Fail(InvalidArgument("--format must be text, json or csv, not '" + args.format + "'"));
  }
  std::vector<std::string> files = CollectFiles(args.paths);
  if (files.empty()) return Fail(NotFound("no files found under the paths given"));
  io::PdfOptions pdf;
  pdf.timeout_ms = args.pdf_timeout_s * 1000;
  bool progress = files.size() > 1 && isatty(STDERR_FILENO);
  std::vector<report::AuditedReport> reports;
  reports.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    if (progress) Progress(i, files.size(), files[i]);
    auto bytes = io::ReadFileLimited(files[i], kMaxReportBytes);
    if (!bytes.ok()) {
      report::AuditedReport refused;
      refused.source = files[i];
      Status st = bytes.status();
      refused.refused =
          Status(st.code(), st.message(),
                 st.code() == StatusCode::kResourceExhausted
                     ? "文件过大（上限" + std::to_string(kMaxReportBytes >> 20) + " MB）"
                     : "无法读取文件");
      reports.push_back(std::move(refused));
      continue;
    }
    reports.push_back(io::ReadPublishedReport(*bytes, files[i], pdf));
  }
  if (progress) std::cerr << "\r\033[K" << std::flush;
  report::RuleOptions options;
  options.has_rule_making_power = args.rule_making_power;
  report::AuditBatch(reports, options);

  std::string out = args.format == "json"  ? io::AuditToJson(reports)
                    : args.format == "csv" ? io::AuditToCsv(reports)
                                           : io::AuditToText(reports, !args.summary_only);
  if (args.output.empty() || args.output == "-") {
    std::cout << out << std::flush;
  } else if (Status st = WriteFileAtomically(args.output, out); !st.ok()) {
    return Fail(st);
  }
  auto totals = report::Totals(reports);
  return totals.with_errors > 0 || totals.refused > 0 ? 1 : 0;
}

}  // namespace

void AddAuditReportsCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<AuditArgs>();
  auto* cmd = app.add_subcommand(
      "audit",
      "Audit published annual reports in files or folders (text, HTML, DOCX, PDF; UTF-8, GBK, "
      "UTF-16): extract Tables 二/三/四 and run every rule. Exit 1 if any report has an "
      "error-level violation or a file could not be read");
  cmd->add_option("paths", args->paths, "Report files, or folders searched recursively")
      ->required();
  cmd->add_option("--format", args->format, "text|json|csv");
  cmd->add_option("-o,--output", args->output, "Write to this file instead of standard output");
  cmd->add_flag("--summary-only", args->summary_only, "Text: one line per report, no details");
  cmd->add_flag("--rule-making-power", args->rule_making_power,
                "The agencies may make 规章 (rule T2-02 then allows 规章 figures)");
  cmd->add_option("--pdf-timeout", args->pdf_timeout_s, "Seconds allowed to read one PDF")
      ->check(CLI::Range(1, 600));
  cmd->callback([args, exit_code] { *exit_code = Run(*args); });
}

}  // namespace gongkai::cli
