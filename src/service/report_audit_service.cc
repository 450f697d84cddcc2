#include "service/report_audit_service.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "core/report/extract_text.h"
#include "core/report/rules.h"
#include "core/text.h"
#include "io/report_import.h"
#include "io/report_json.h"
#include "service/audit_service.h"
#include "service/authorize.h"
#include "service/crypto.h"
#include "service/tx.h"

namespace gongkai::service {

namespace {

std::string Entity(int64_t source_id) { return "report_source:" + std::to_string(source_id); }

std::string Json(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Megabytes for messages, one decimal.
std::string Megabytes(size_t bytes) {
  size_t tenths = (bytes * 10 + (1u << 19)) >> 20;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

// A file name as the browser sent it, made safe to store and show: UTF-8, no control characters,
// no leading slashes or "..", at most 200 characters (the end kept: it has the extension).
std::string CleanFileName(const std::string& in) {
  std::string s;
  if (IsValidUtf8(in)) {
    for (char ch : in) {
      auto c = static_cast<unsigned char>(ch);
      s += c < 0x20 || c == 0x7f ? '_' : ch == '\\' ? '/' : ch;
    }
  } else {
    for (char ch : in) s += static_cast<unsigned char>(ch) < 0x80 && ch >= 0x20 ? ch : '_';
  }
  std::string out;
  size_t start = 0;
  while (start <= s.size()) {  // segments between slashes, without "", "." and ".."
    size_t slash = s.find('/', start);
    if (slash == std::string::npos) slash = s.size();
    std::string part = s.substr(start, slash - start);
    if (!part.empty() && part != "." && part != "..") out += (out.empty() ? "" : "/") + part;
    start = slash + 1;
  }
  constexpr size_t kMaxChars = 200;
  while (Utf8Length(out) > kMaxChars) {
    size_t cut = 1;
    while (cut < out.size() && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) ++cut;
    out.erase(0, cut);
  }
  return out.empty() ? "未命名文件" : out;
}

std::vector<AnnualReport> OfYear(const std::vector<AnnualReport>& all, int year) {
  std::vector<AnnualReport> out;
  for (const AnnualReport& r : all)
    if (r.year == year) out.push_back(r);
  std::sort(out.begin(), out.end(),
            [](const AnnualReport& a, const AnnualReport& b) { return a.version < b.version; });
  return out;
}

const AnnualReport* NewestWith(const std::vector<AnnualReport>& versions, bool published_only) {
  const AnnualReport* best = nullptr;
  for (const AnnualReport& r : versions) {
    if (published_only && r.status != ReportStatus::kPublished) continue;
    if (!best || r.version > best->version) best = &r;
  }
  return best;
}

std::string VersionLabel(const AnnualReport& r) {
  return std::to_string(r.year) + "年度报告第" + std::to_string(r.version) + "版（" +
         std::string(Label(r.status)) + "）";
}

// Cells of the format whose state or value differ between two reports.
int DifferingCells(const report::ReportData& a, const report::ReportData& b) {
  std::set<std::string> ids;
  for (const auto& [id, _] : a.cells) ids.insert(id);
  for (const auto& [id, _] : b.cells) ids.insert(id);
  int n = 0;
  for (const std::string& id : ids) {
    auto x = a.cells.find(id), y = b.cells.find(id);
    report::CellValue blank = report::CellValue::Blank();
    const report::CellValue& u = x == a.cells.end() ? blank : x->second;
    const report::CellValue& v = y == b.cells.end() ? blank : y->second;
    if (u.state != v.state || (u.state == report::CellState::kNumber && u.value != v.value)) ++n;
  }
  return n;
}

// Who may audit at all: staff with the permission on their own agency, or the command line.
Status AuthorizeAuditing(storage::Transaction& tx, const Actor& actor) {
  if (actor.kind != Actor::Kind::kStaff) return Authorize(tx, actor, Permission::kAuditReports, 0);
  return Authorize(tx, actor, Permission::kAuditReports, actor.user->agency_id);
}

// The agencies the actor may save reports for (every one for the command line).
Result<std::vector<Agency>> InScope(storage::Transaction& tx, const Actor& actor) {
  GK_ASSIGN_OR_RETURN(std::vector<Agency> all, tx.ListAgencies());
  if (actor.kind != Actor::Kind::kStaff) return all;
  std::vector<Agency> out;
  for (Agency& a : all) {
    GK_ASSIGN_OR_RETURN(bool inside, InSubtree(tx, actor.user->agency_id, a.id));
    if (inside) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

std::optional<Agency> MatchAgencyName(const std::vector<Agency>& candidates,
                                      const std::string& name, std::vector<Agency>* several) {
  if (several) several->clear();
  if (TrimAscii(name).empty()) return std::nullopt;
  for (const Agency& a : candidates)
    if (a.name == name) return a;
  const std::string key = report::TextKey(name);
  if (key.empty()) return std::nullopt;
  // Each tier in turn; the first that finds exactly one agency decides, several stop the search.
  auto tier = [&](auto fits) -> std::pair<std::optional<Agency>, bool> {
    std::vector<Agency> found;
    for (const Agency& a : candidates)
      if (fits(a)) found.push_back(a);
    if (found.size() == 1) return {found.front(), true};
    if (found.size() > 1) {
      if (several) *several = found;
      return {std::nullopt, true};
    }
    return {std::nullopt, false};
  };
  // Short keys ("人民政府") would fit everything: a suffix must be a name of its own.
  constexpr size_t kMinSuffixChars = 4;
  std::vector<std::function<bool(const Agency&)>> tiers = {
      [&](const Agency& a) { return report::TextKey(a.name) == key; },
      [&](const Agency& a) {
        std::string theirs = report::TextKey(a.name);
        if (theirs.size() > key.size()) {
          return report::KeyLength(key) >= kMinSuffixChars && theirs.ends_with(key);
        }
        return report::KeyLength(theirs) >= kMinSuffixChars && key.ends_with(theirs);
      },
      [&](const Agency& a) {
        return !a.short_name.empty() && report::TextKey(a.short_name) == key;
      },
  };
  for (const auto& fits : tiers) {
    auto [agency, decided] = tier(fits);
    if (decided) return agency;
  }
  return std::nullopt;
}

Status ReportAuditService::Complete(storage::Transaction& tx, const Actor& actor,
                                    std::vector<AuditedUpload>& items) {
  GK_ASSIGN_OR_RETURN(std::vector<Agency> scope, InScope(tx, actor));
  GK_ASSIGN_OR_RETURN(std::vector<Agency> everyone, tx.ListAgencies());
  const int this_year = clock_.Today().year();
  for (AuditedUpload& item : items) {
    report::AuditedReport& a = item.audit;
    if (!a.read()) continue;
    const report::ExtractedReport& e = a.extracted;
    if (!a.previous_source.empty()) item.compared_with = "同批文件“" + a.previous_source + "”";

    // The unit.
    std::vector<Agency> several;
    if (e.agency_name.empty()) {
      item.unit_problem = "未能从文件中识别出发布机关";
    } else if (item.source.agency_id) {
      // Saved before: it belongs to that unit.
      for (const Agency& s : scope)
        if (s.id == *item.source.agency_id) item.unit = s;
      if (!item.unit) item.unit_problem = "该文件已保存为您管理范围以外单位的报告";
    } else if (auto mine = MatchAgencyName(scope, e.agency_name, &several)) {
      item.unit = *mine;
    } else if (!several.empty()) {
      std::string names;
      for (const Agency& s : several) names += (names.empty() ? "" : "、") + s.name;
      item.unit_problem = "有多个单位与“" + e.agency_name + "”相符：" + names;
    } else if (MatchAgencyName(everyone, e.agency_name)) {
      item.unit_problem = "“" + e.agency_name + "”不在您的管理范围内";
    } else {
      item.unit_problem = "系统中没有与“" + e.agency_name + "”相符的单位";
    }
    if (!item.unit) continue;
    const Agency& unit = *item.unit;

    // The rules again with what is known of the unit, last year's report from the batch (the
    // first file of the same agency and year, as AuditBatch pairs them) or from the platform.
    std::optional<report::ReportData> stored_previous;
    const report::ReportData* previous = nullptr;
    if (e.year != 0) {
      const std::string key = report::TextKey(e.agency_name);
      for (const AuditedUpload& other : items) {
        if (&other == &item || !other.audit.read()) continue;
        const report::ExtractedReport& o = other.audit.extracted;
        if (o.year == e.year - 1 && report::TextKey(o.agency_name) == key) {
          previous = &o.data;
          item.compared_with = "同批文件“" + other.audit.source + "”";
          break;
        }
      }
    }
    GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> theirs, tx.ListReports(unit.id));
    if (!previous && e.year != 0) {
      std::vector<AnnualReport> last = OfYear(theirs, e.year - 1);
      const AnnualReport* pick = NewestWith(last, true);
      if (!pick) pick = NewestWith(last, false);
      if (pick) {
        auto data = io::ReportFromJson(pick->body);
        if (data.ok()) {
          stored_previous = std::move(*data);
          previous = &*stored_previous;
          item.compared_with = "本平台中该单位" + VersionLabel(*pick);
        }
      }
    }
    a.violations = report::CheckReport(e.data, previous, RuleOptionsFor(unit, ""));

    // What saving would do.
    SaveOutlook& save = item.save;
    save.versions = OfYear(theirs, e.year);
    if (const AnnualReport* published = NewestWith(save.versions, true)) {
      auto data = io::ReportFromJson(published->body);
      if (data.ok()) save.differing_cells = DifferingCells(e.data, *data);
      save.published = *published;
      save.published->body.clear();
    }
    for (AnnualReport& v : save.versions) v.body.clear();
    const AnnualReport* newest = NewestWith(save.versions, false);
    save.next_version = newest ? newest->version + 1 : 1;
    if (e.year == 0) {
      save.why_not = "未能识别报告年度，不能保存";
    } else if (e.year < 2008 || e.year > this_year) {
      save.why_not = "报告年度" + std::to_string(e.year) + "不在有效范围内，不能保存";
    } else if (newest && (newest->status == ReportStatus::kDraft ||
                          newest->status == ReportStatus::kPending)) {
      save.why_not = unit.name + std::to_string(e.year) + "年度报告第" +
                     std::to_string(newest->version) + "版" +
                     (newest->status == ReportStatus::kDraft ? "正在编辑" : "正在等待审批") +
                     "，请先办结该版本后再保存";
    } else {
      save.possible = true;
    }
  }
  return OkStatus();
}

Result<std::vector<AuditedUpload>> ReportAuditService::AuditUploads(
    const Actor& actor, const std::vector<UploadedFile>& files) {
  const std::string entity = "report_sources";
  Status allowed = InRead(store_, [&](storage::Transaction& tx) -> Result<bool> {
                     GK_RETURN_IF_ERROR(AuthorizeAuditing(tx, actor));
                     return true;
                   }).status();
  if (allowed.ok() && files.empty()) {
    allowed = InvalidArgument("no files to audit", "请选择要审核的年度报告文件");
  }
  if (allowed.ok() && files.size() > limits_.max_files) {
    allowed =
        InvalidArgument(std::to_string(files.size()) + " files: at most " +
                            std::to_string(limits_.max_files) + " at a time",
                        "一次最多审核" + std::to_string(limits_.max_files) + "个文件，您选择了" +
                            std::to_string(files.size()) + "个，请分批上传");
  }
  size_t total = 0;
  for (const UploadedFile& f : files) total += f.bytes.size();
  if (allowed.ok() && total > limits_.max_total_bytes) {
    allowed = InvalidArgument("the files have " + std::to_string(total) + " bytes, more than " +
                                  std::to_string(limits_.max_total_bytes),
                              "所选文件合计" + Megabytes(total) + "，超过" +
                                  Megabytes(limits_.max_total_bytes) + "的上限，请分批上传");
  }
  if (!allowed.ok()) {
    RecordRejected(store_, clock_, actor, "report.audit_upload", entity, allowed);
    return allowed;
  }

  // Reading and extracting (a PDF runs pdftotext) happens outside any transaction.
  std::vector<AuditedUpload> items(files.size());
  std::vector<report::AuditedReport> reports;
  reports.reserve(files.size());
  for (const UploadedFile& f : files) {
    reports.push_back(io::ReadPublishedReport(f.bytes, CleanFileName(f.name), pdf_));
  }
  report::AuditBatch(reports);
  const std::string now = clock_.NowRfc3339();
  for (size_t i = 0; i < files.size(); ++i) {
    AuditedUpload& item = items[i];
    item.audit = std::move(reports[i]);
    item.source.file_name = item.audit.source;
    item.source.size = static_cast<int64_t>(files[i].bytes.size());
    item.source.sha256 = Sha256Hex(files[i].bytes);
    item.source.media_kind = item.audit.reader;
    item.source.uploaded_by = actor.DisplayName();
    item.source.uploaded_at = now;
    if (actor.user) item.source.uploader_id = actor.user->id;
  }

  Status kept = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_RETURN_IF_ERROR(AuthorizeAuditing(tx, actor));
    // Housekeeping: files nobody saved within the retention period go.
    std::string cutoff =
        FormatRfc3339(clock_.Now() - std::chrono::hours(24) * limits_.keep_unsaved_days);
    GK_ASSIGN_OR_RETURN(int64_t purged, tx.DeleteUnsavedReportSources(cutoff));
    if (purged > 0) {
      GK_RETURN_IF_ERROR(RecordChange(tx, clock_, actor, "report_source.purge", entity, "",
                                      Json({{"deleted", purged}, {"uploaded_before", cutoff}})));
    }
    for (size_t i = 0; i < files.size(); ++i) {
      AuditedUpload& item = items[i];
      if (!item.audit.read()) continue;
      ReportSource row = item.source;
      row.content = files[i].bytes;
      GK_ASSIGN_OR_RETURN(item.source.id, tx.InsertReportSource(row));
      const report::ExtractedReport& e = item.audit.extracted;
      GK_RETURN_IF_ERROR(
          RecordChange(tx, clock_, actor, "report.audit_upload", Entity(item.source.id), "",
                       Json({{"file", row.file_name},
                             {"size", row.size},
                             {"sha256", row.sha256},
                             {"kind", row.media_kind},
                             {"agency", e.agency_name},
                             {"year", e.year},
                             {"errors", item.audit.Count(report::Severity::kError)},
                             {"warnings", item.audit.Count(report::Severity::kWarning)}})));
    }
    return OkStatus();
  });
  if (!kept.ok()) {
    RecordRejected(store_, clock_, actor, "report.audit_upload", entity, kept);
    return kept;
  }
  GK_RETURN_IF_ERROR(InRead(store_, [&](storage::Transaction& tx) -> Result<bool> {
                       GK_RETURN_IF_ERROR(Complete(tx, actor, items));
                       return true;
                     }).status());
  return items;
}

Result<ReportSource> ReportAuditService::Visible(storage::Transaction& tx, const Actor& actor,
                                                 int64_t source_id) {
  if (actor.kind == Actor::Kind::kPublic) {
    return PermissionDenied("the public cannot see uploaded report files", "请先登录");
  }
  GK_ASSIGN_OR_RETURN(ReportSource source, tx.GetReportSource(source_id));
  if (actor.kind != Actor::Kind::kStaff) return source;
  if (source.uploader_id == actor.user->id) return source;
  if (source.agency_id &&
      Authorize(tx, actor, Permission::kViewBackOffice, *source.agency_id).ok()) {
    return source;
  }
  // Not theirs: as if it did not exist (ids are sequential; others' uploads stay private).
  return NotFound(
      "report file " + std::to_string(source_id) + " is not visible to " + actor.Label(),
      "未找到该上传文件（只有上传人和所保存单位的工作人员可以查看）");
}

Result<ReportSource> ReportAuditService::Source(const Actor& actor, int64_t source_id) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<ReportSource> {
    return Visible(tx, actor, source_id);
  });
}

Result<AuditedUpload> ReportAuditService::AuditStored(const Actor& actor, int64_t source_id) {
  GK_ASSIGN_OR_RETURN(ReportSource source, Source(actor, source_id));
  std::vector<report::AuditedReport> reports;
  reports.push_back(io::ReadPublishedReport(source.content, source.file_name, pdf_));
  report::AuditBatch(reports);
  std::vector<AuditedUpload> items(1);
  items[0].audit = std::move(reports[0]);
  source.content.clear();
  items[0].source = std::move(source);
  GK_RETURN_IF_ERROR(InRead(store_, [&](storage::Transaction& tx) -> Result<bool> {
                       GK_RETURN_IF_ERROR(Complete(tx, actor, items));
                       return true;
                     }).status());
  return std::move(items[0]);
}

Result<int64_t> ReportAuditService::SaveAudited(const Actor& actor, int64_t source_id,
                                                int64_t agency_id, int year) {
  const std::string entity = Entity(source_id);
  auto refuse = [&](Status st) -> Status {
    RecordRejected(store_, clock_, actor, "report.import_audited", entity, st);
    return st;
  };
  Result<ReportSource> source = Source(actor, source_id);
  if (!source.ok()) return refuse(source.status());
  // The figures come from the kept file, read again here (outside any transaction: a PDF runs
  // pdftotext), never from the page that showed them.
  report::AuditedReport read = io::ReadPublishedReport(source->content, source->file_name, pdf_);
  if (!read.read()) {
    return refuse(FailedPrecondition(
        "report file " + std::to_string(source_id) + " cannot be read: " + read.refused.message(),
        "文件无法读取：" + read.refused.ui_message()));
  }
  report::ReportData data = read.extracted.data;
  data.year = read.extracted.year;
  if (data.year == 0) {
    return refuse(FailedPrecondition("the file does not state its year",
                                     "未能从文件中识别出报告年度，不能保存"));
  }
  if (year != data.year) {
    return refuse(InvalidArgument(
        "the file is the report for " + std::to_string(data.year) + ", not " + std::to_string(year),
        "文件中的报告年度是" + std::to_string(data.year) + "年，不是" + std::to_string(year) +
            "年"));
  }
  int64_t id = 0;
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kAuditReports, agency_id));
    GK_ASSIGN_OR_RETURN(ReportSource current, Visible(tx, actor, source_id));
    GK_RETURN_IF_ERROR(tx.SetReportSourceAgency(source_id, agency_id));
    GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> all, tx.ListReports(agency_id));
    for (const AnnualReport& r : all) {
      if (r.year == data.year &&
          (r.status == ReportStatus::kDraft || r.status == ReportStatus::kPending)) {
        GK_ASSIGN_OR_RETURN(Agency unit, tx.GetAgency(agency_id));
        return AlreadyExists(
            "the " + std::to_string(data.year) + " report of agency " + std::to_string(agency_id) +
                " has version " + std::to_string(r.version) + " open",
            unit.name + std::to_string(data.year) + "年度报告第" + std::to_string(r.version) +
                "版" + (r.status == ReportStatus::kDraft ? "正在编辑" : "正在等待审批") +
                "，请先办结该版本后再保存");
      }
    }
    GK_ASSIGN_OR_RETURN(id, reports_.ImportIn(tx, actor, agency_id, data, ReportOrigin::kImported,
                                              current.file_name, source_id, {}));
    return RecordChange(tx, clock_, actor, "report.import_audited", entity, "",
                        Json({{"report", id},
                              {"agency_id", agency_id},
                              {"year", data.year},
                              {"file", current.file_name},
                              {"sha256", current.sha256}}));
  });
  if (!st.ok()) return refuse(st);
  return id;
}

}  // namespace gongkai::service
