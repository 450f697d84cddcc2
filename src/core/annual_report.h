// A stored annual report: one version of one agency's report for one year, and where it stands in
// the workflow draft → pending (submitted to the leader) → published. A published version never
// changes; a correction is a new version (with its note) and the old one becomes superseded (rule
// P-02).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

enum class ReportStatus { kDraft, kPending, kPublished, kSuperseded };
inline constexpr std::array kAllReportStatuses = {ReportStatus::kDraft, ReportStatus::kPending,
                                                  ReportStatus::kPublished,
                                                  ReportStatus::kSuperseded};
std::string_view Code(ReportStatus s);
std::optional<ReportStatus> ParseReportStatus(std::string_view code);
std::string_view Label(ReportStatus s);

// Entered in the platform, imported from a published document, or a region summary of units.
enum class ReportOrigin { kEntered, kImported, kSummary };
inline constexpr std::array kAllReportOrigins = {ReportOrigin::kEntered, ReportOrigin::kImported,
                                                 ReportOrigin::kSummary};
std::string_view Code(ReportOrigin o);
std::optional<ReportOrigin> ParseReportOrigin(std::string_view code);
std::string_view Label(ReportOrigin o);

// A warning (W rule) the agency explains instead of fixing; kept and shown with the report.
struct WarningAcceptance {
  std::string rule;         // "Y-03"
  std::string fingerprint;  // the violation explained: rule, cells and message (with its figures),
                            // so an explanation lapses when the figures it explained change
  std::string reason;
  std::string by;  // display name
  std::string at;  // ISO time, Beijing
};

struct AnnualReport {
  int64_t id = 0;
  int64_t agency_id = 0;
  int year = 0;
  int version = 1;  // 1, then one more per correction
  ReportStatus status = ReportStatus::kDraft;
  ReportOrigin origin = ReportOrigin::kEntered;
  std::string format_id;  // "2021"
  std::string body;       // the figures and narrative, JSON schema gongkai.annual-report/1
  std::vector<WarningAcceptance> acceptances;
  std::string correction_note;         // why this version corrects the previous one (version > 1)
  std::string return_comment;          // the leader's comment when returned for changes
  std::vector<int64_t> summary_units;  // for kSummary: the agencies summed
  std::string source_name;             // for kImported: the file it came from
  int64_t source_id = 0;  // for kImported from an uploaded file: its ReportSource (0: none)
  std::string created_by, created_at;
  std::string updated_by, updated_at;
  std::string submitted_by, submitted_at;
  std::string approved_by, published_at;  // the leader who approved; when it went public
  int64_t row_version = 0;                // optimistic concurrency, as Agency::version
};

// A published report file uploaded to be audited, kept byte for byte: a report imported from it
// names it (AnnualReport::source_id), so what was imported can always be read again.
struct ReportSource {
  int64_t id = 0;
  std::optional<int64_t> agency_id;    // the unit it was saved for; unset until saved
  std::optional<int64_t> uploader_id;  // the staff user who uploaded it; unset for the CLI
  std::string uploaded_by;             // display name
  std::string uploaded_at;             // ISO time
  std::string file_name;               // as the user named it, without folders
  std::string media_kind;              // "text", "html", "docx", "pdf"
  int64_t size = 0;                    // bytes
  std::string sha256;                  // hex, of content
  std::string content;                 // the file's bytes
};

}  // namespace gongkai
