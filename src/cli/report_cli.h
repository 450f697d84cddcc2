// Pieces shared by the `report` commands: cmd_report.cc (report files, and check/render choosing
// between a file and a stored report) and cmd_report_stored.cc (reports in the database).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "core/report/report_data.h"
#include "core/status.h"
#include "render/render.h"
#include "service/platform.h"

namespace gongkai::cli {

// Which stored version of an agency's year a command works on.
struct VersionChoice {
  int version = 0;         // --version N; 0 = the newest
  bool published = false;  // --published: the newest published version
};

// Where rendered bytes go: "" = standard output (binary only when it is not a terminal), "-" =
// standard output regardless, anything else a file written whole or not at all.
struct OutputChoice {
  std::string format = "text";
  std::string path;
};

// A report file in the JSON form; errors name the file and what is wrong in it.
Result<report::ReportData> ReadReportFile(const std::string& path);

void AddVersionOptions(CLI::App* cmd, VersionChoice* choice);
void AddOutputOptions(CLI::App* cmd, OutputChoice* choice);

// "2023" → 2023; InvalidArgument for anything that is not a four-digit year.
Result<int> ParseYear(const std::string& text);
// The chosen version of the agency's report for the year, with its checks.
Result<service::ReportView> LoadStoredReport(service::Platform& platform, const std::string& agency,
                                             const std::string& year, const VersionChoice& choice);
// The view as the official document (draft marks, corrections, summary units).
render::ReportDocument DocumentOf(const service::ReportView& view);

// Writes bytes to a file atomically (temporary file, then rename).
Status WriteFileAtomically(const std::string& path, const std::string& bytes);
// Sends a rendered document where OutputChoice says; names the file written on standard output.
Status EmitRendered(const std::string& bytes, render::OutputFormat format, const std::string& path);

// The stored-report forms of check and render (AGENCY YEAR), called by cmd_report.cc.
int CheckStoredReport(const std::string& agency, const std::string& year,
                      const VersionChoice& choice, const std::string& format);
int RenderStoredReport(const std::string& agency, const std::string& year,
                       const VersionChoice& choice, const OutputChoice& output);

// report list|show|export|import|summary (show in cmd_report_show.cc).
void AddStoredReportCommands(CLI::App* report, int* exit_code);
void AddReportShowCommand(CLI::App* report, int* exit_code);

}  // namespace gongkai::cli
