// Choosing a stored report version and sending rendered reports to a terminal, a pipe or a file.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/common.h"
#include "cli/report_cli.h"
#include "render/report_document.h"

namespace gongkai::cli {

void AddVersionOptions(CLI::App* cmd, VersionChoice* choice) {
  cmd->add_option("--version", choice->version, "Report version N (default: the newest)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--published", choice->published, "The newest published version");
}

void AddOutputOptions(CLI::App* cmd, OutputChoice* choice) {
  cmd->add_option("--format", choice->format, "text|md|html|json|docx|pdf|xlsx");
  cmd->add_option("-o,--output", choice->path,
                  "Write to this file ('-' for standard output, even for binary formats)");
}

Result<int> ParseYear(const std::string& text) {
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos) {
    return InvalidArgument("'" + text + "' is not a year (e.g. 2023)");
  }
  return std::stoi(text);
}

Result<service::ReportView> LoadStoredReport(service::Platform& platform,
                                             const std::string& agency_spec,
                                             const std::string& year_text,
                                             const VersionChoice& choice) {
  if (choice.version != 0 && choice.published) {
    return InvalidArgument("--version and --published exclude each other");
  }
  GK_ASSIGN_OR_RETURN(int year, ParseYear(year_text));
  GK_ASSIGN_OR_RETURN(Agency agency, ResolveAgency(platform, agency_spec));
  const service::Actor actor = service::Actor::Cli();
  if (choice.version == 0 && !choice.published) {
    auto v = platform.reports().Current(actor, agency.id, year);
    if (!v.ok() && v.status().code() == StatusCode::kNotFound) {
      return NotFound(agency.name + " has no report for " + std::to_string(year));
    }
    return v;
  }
  GK_ASSIGN_OR_RETURN(std::vector<service::ReportSummaryLine> lines,
                      platform.reports().List(actor, agency.id));
  const AnnualReport* pick = nullptr;
  std::string versions;
  for (const auto& line : lines) {
    const AnnualReport& r = line.record;
    if (r.year != year) continue;
    versions += (versions.empty() ? "" : ", ") + std::to_string(r.version);
    bool wanted =
        choice.published ? r.status == ReportStatus::kPublished : r.version == choice.version;
    if (wanted && (!pick || r.version > pick->version)) pick = &r;
  }
  if (!pick) {
    std::string what =
        choice.published ? "no published version" : "no version " + std::to_string(choice.version);
    return NotFound(agency.name + "'s " + std::to_string(year) + " report has " + what +
                    (versions.empty() ? " (no versions at all)" : " (versions: " + versions + ")"));
  }
  return platform.reports().Get(actor, pick->id);
}

render::ReportDocument DocumentOf(const service::ReportView& view) {
  return render::DocumentFor(view.record, view.data, view.agency, view.title(), view.versions,
                             view.unit_names);
}

Status WriteFileAtomically(const std::string& path, const std::string& bytes) {
  // A reader (or a crash) never sees half a document: write beside the target, then rename.
  std::string temp = path + ".part";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return InvalidArgument("cannot write " + path + ": " + std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      return InvalidArgument("cannot write " + path + ": " + std::strerror(errno));
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return InvalidArgument("cannot write " + path + ": " + ec.message());
  }
  return OkStatus();
}

Status EmitRendered(const std::string& bytes, render::OutputFormat format,
                    const std::string& path) {
  if (path.empty() && render::IsBinary(format) && isatty(STDOUT_FILENO)) {
    return InvalidArgument("refusing to write " + std::string(render::FormatName(format)) +
                           " (binary) to a terminal: use -o FILE, or -o - to force");
  }
  if (path.empty() || path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    return OkStatus();
  }
  GK_RETURN_IF_ERROR(WriteFileAtomically(path, bytes));
  std::cout << "wrote " << path << " (" << bytes.size() << " bytes)\n";
  return OkStatus();
}

}  // namespace gongkai::cli
