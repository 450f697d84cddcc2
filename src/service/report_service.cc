#include "service/report_service.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/application/tally.h"
#include "core/report/format.h"
#include "core/report/narrative_draft.h"
#include "core/report/publication.h"
#include "core/report/region_sum.h"
#include "core/text.h"
#include "io/report_json.h"
#include "service/audit_service.h"
#include "service/authorize.h"
#include "service/disclosure_figures_service.h"
#include "service/tx.h"

namespace gongkai::service {

namespace {

constexpr size_t kMaxNarrativeChars = 20000;  // per section
constexpr size_t kMaxReasonChars = 1000;

// Comments and reasons come from text areas: CRLF from browsers, surrounding blanks dropped.
std::string CleanText(const std::string& in) {
  std::string s(TrimAscii(in));
  std::erase(s, '\r');
  return s;
}

std::string Entity(int64_t id) { return "report:" + std::to_string(id); }

Result<report::ReportData> DecodeBody(const AnnualReport& r) {
  auto data = io::ReportFromJson(r.body);
  if (!data.ok()) {
    return Internal("stored annual report " + std::to_string(r.id) +
                    " has an unreadable body: " + data.status().message());
  }
  return data;
}

std::string StatusJson(const AnnualReport& r) {
  return nlohmann::json{{"agency_id", r.agency_id},
                        {"year", r.year},
                        {"version", r.version},
                        {"status", Code(r.status)},
                        {"origin", Code(r.origin)}}
      .dump();
}

// What changed, for the audit log: cells with their before and after values, narrative sections.
std::string DiffJson(const report::ReportData& before, const report::ReportData& after) {
  nlohmann::json cells = nlohmann::json::object();
  std::set<std::string> ids;
  for (const auto& [id, _] : before.cells) ids.insert(id);
  for (const auto& [id, _] : after.cells) ids.insert(id);
  auto show = [](const report::ReportData& d, const std::string& id) -> nlohmann::json {
    auto it = d.cells.find(id);
    if (it == d.cells.end() || it->second.state == report::CellState::kBlank) return nullptr;
    if (it->second.state == report::CellState::kNumber) return it->second.value;
    if (it->second.state == report::CellState::kDash) return "/";
    return it->second.text;
  };
  for (const std::string& id : ids) {
    nlohmann::json b = show(before, id), a = show(after, id);
    if (b != a) cells[id] = {b, a};
  }
  nlohmann::json narrative = nlohmann::json::array();
  std::set<std::string> sections;
  for (const auto& [k, _] : before.narrative) sections.insert(k);
  for (const auto& [k, _] : after.narrative) sections.insert(k);
  for (const std::string& k : sections) {
    auto b = before.narrative.find(k), a = after.narrative.find(k);
    std::string bt = b == before.narrative.end() ? "" : b->second;
    std::string at = a == after.narrative.end() ? "" : a->second;
    if (bt != at) narrative.push_back(k);
  }
  return nlohmann::json{{"cells", cells}, {"narrative_changed", narrative}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status Stale(const AnnualReport& r, int64_t row_version) {
  if (r.row_version == row_version) return OkStatus();
  return Aborted("annual report " + std::to_string(r.id) +
                     " was changed by someone else (version " + std::to_string(r.row_version) +
                     ", you had " + std::to_string(row_version) + "); reload and retry",
                 "该年度报告已被他人修改，请刷新后重试（您的输入已保留）");
}

// The leader in charge approves their own agency's report; a leader above it does not (the
// township's 主管领导, not the district's, signs off the township's report).
Status RequireOwnLeader(const Actor& actor, const AnnualReport& r) {
  if (actor.kind != Actor::Kind::kStaff || actor.user->agency_id == r.agency_id) return OkStatus();
  return PermissionDenied("only a leader of the report's own agency approves it",
                          "年度报告由本单位主管领导审批");
}

Status RequireStatus(const AnnualReport& r, ReportStatus want, std::string_view doing_en,
                     std::string_view doing_zh) {
  if (r.status == want) return OkStatus();
  return FailedPrecondition(
      "cannot " + std::string(doing_en) + ": the report is " + std::string(Code(r.status)) +
          ", not " + std::string(Code(want)),
      "当前状态为“" + std::string(Label(r.status)) + "”，不能" + std::string(doing_zh));
}

}  // namespace

report::RuleOptions RuleOptionsFor(const Agency& agency, const std::string& first_published_at) {
  report::RuleOptions o;
  // Art. 49: a local people's government's own report is due on 31 March; departments (and, by
  // common local rule, townships) on 31 January.
  bool government = agency.level == AgencyLevel::kProvince || agency.level == AgencyLevel::kCity ||
                    agency.level == AgencyLevel::kDistrict;
  o.reporter_kind =
      government ? report::ReporterKind::kGovernment : report::ReporterKind::kDepartment;
  o.published_on = Date::BeijingDateOfUtc(first_published_at);
  // Rule-making power (立法法): State Council departments, provincial governments and the
  // governments of cities with districts. The platform's tree has no State Council level, so
  // provinces and cities.
  o.has_rule_making_power =
      agency.level == AgencyLevel::kProvince || agency.level == AgencyLevel::kCity;
  return o;
}

namespace {

const AnnualReport* NewestPublished(const std::vector<AnnualReport>& versions) {
  const AnnualReport* best = nullptr;
  for (const AnnualReport& r : versions)
    if (r.status == ReportStatus::kPublished && (!best || r.version > best->version)) best = &r;
  return best;
}

const AnnualReport* Newest(const std::vector<AnnualReport>& versions) {
  const AnnualReport* best = nullptr;
  for (const AnnualReport& r : versions)
    if (!best || r.version > best->version) best = &r;
  return best;
}

bool IsPublic(const Actor& a) { return a.kind == Actor::Kind::kPublic; }

bool IsPublished(const AnnualReport& r) {
  return r.status == ReportStatus::kPublished || r.status == ReportStatus::kSuperseded;
}

// The version another report is compared with (last year's for Y-*/N-05, a unit's for A-01). A
// published report is compared only with what was published when it was: what the public reads must
// not quote unpublished figures, nor change when another report is published or corrected later.
const AnnualReport* ComparedVersion(const std::vector<AnnualReport>& versions,
                                    const AnnualReport& record) {
  if (!IsPublished(record)) {
    const AnnualReport* pick = NewestPublished(versions);
    return pick ? pick : Newest(versions);
  }
  const AnnualReport* pick = nullptr;
  for (const AnnualReport& v : versions) {
    if (!IsPublished(v) || v.published_at.empty() || v.published_at > record.published_at) continue;
    if (!pick || v.published_at > pick->published_at) pick = &v;
  }
  return pick;
}

// When the report for the year first went public: corrections do not make it late (P-01).
std::string FirstPublication(const std::vector<AnnualReport>& versions,
                             const AnnualReport& record) {
  std::string first = record.published_at;
  for (const AnnualReport& v : versions) {
    if (IsPublished(v) && !v.published_at.empty() && v.origin != ReportOrigin::kImported &&
        (first.empty() || v.published_at < first)) {
      first = v.published_at;
    }
  }
  return first;
}

std::vector<AnnualReport> OfYear(std::vector<AnnualReport> all, int year) {
  std::erase_if(all, [&](const AnnualReport& r) { return r.year != year; });
  std::sort(all.begin(), all.end(),
            [](const AnnualReport& a, const AnnualReport& b) { return a.version < b.version; });
  return all;
}

// Cells exist in the format; figures are bounded (sums must not overflow) and money is whole 元
// (the finest the official 万元 column with four decimals shows, so a save never rounds it
// silently). Imported reports may carry negative figures (the 2019 format's 本年增/减); the rules
// judge them.
Status ValidateFigures(const report::FormatDef& format, const report::ReportData& data,
                       bool allow_negative) {
  constexpr int64_t kMaxFigure = 1'000'000'000'000;  // 10^12: a count, or 10^4 万元 in fen
  for (const auto& [id, value] : data.cells) {
    if (!format.HasCell(id)) {
      return InvalidArgument("unknown cell '" + id + "' for format " + format.id,
                             "表格中没有“" + id + "”这一栏");
    }
    if (value.state != report::CellState::kNumber) continue;
    if (value.value < 0 && !allow_negative) {
      return InvalidArgument("cell " + id + " is negative (" + std::to_string(value.value) + ")",
                             "“" + id + "”不能为负数");
    }
    if (value.value > kMaxFigure || value.value < -kMaxFigure) {
      return InvalidArgument(
          "cell " + id + " is implausibly large (" + std::to_string(value.value) + ")",
          "“" + id + "”数值过大");
    }
    if (format.IsMoney(id) && value.value % 100 != 0) {
      return InvalidArgument("cell " + id + " is money in fen but not whole yuan",
                             "“" + id + "”金额的最小单位为元（万元保留四位小数）");
    }
  }
  return OkStatus();
}

// Validates what a person entered and puts it in the stored shape.
Status ValidateEntered(const AnnualReport& record, report::ReportData& data) {
  const report::FormatDef* format = report::FormatById(record.format_id);
  if (format == nullptr) {
    return FailedPrecondition("the report's format '" + record.format_id + "' is unknown",
                              "报告格式“" + record.format_id + "”未知");
  }
  if (!data.format_id.empty() && data.format_id != record.format_id) {
    return InvalidArgument(
        "the figures are in format " + data.format_id + ", the report in " + record.format_id,
        "填报的格式（" + data.format_id + "）与报告格式（" + record.format_id + "）不一致");
  }
  if (data.year != 0 && data.year != record.year) {
    return InvalidArgument("the figures are for " + std::to_string(data.year) +
                               ", the report for " + std::to_string(record.year),
                           "填报年度与报告年度不一致");
  }
  GK_RETURN_IF_ERROR(ValidateFigures(*format, data, /*allow_negative=*/false));
  for (auto& [numeral, text] : data.narrative) {
    if (numeral != "一" && numeral != "五" && numeral != "六") {
      return InvalidArgument("narrative section '" + numeral + "' does not exist (only 一, 五, 六)",
                             "正文只有第一、五、六部分可以填写");
    }
    std::erase(text, '\r');  // browsers send CRLF
    GK_RETURN_IF_ERROR(CheckText(text, 0, kMaxNarrativeChars, "narrative section " + numeral,
                                 "第" + numeral + "部分正文"));
  }
  data.year = record.year;
  data.format_id = record.format_id;
  data.sections.clear();
  for (const auto& s : format->sections) data.sections.push_back(s.numeral);
  return OkStatus();
}

}  // namespace

std::string ViolationFingerprint(const report::Violation& v) {
  std::string key = v.rule + "|";
  for (size_t i = 0; i < v.cells.size(); ++i) key += (i ? "," : "") + v.cells[i];
  return key + "|" + v.message_zh;
}

std::string ReportView::title() const {
  std::string t = agency.name + std::to_string(record.year) + "年政府信息公开工作年度报告";
  if (record.origin == ReportOrigin::kSummary) t += "（汇总）";
  return t;
}

namespace {

// annual-report.md §7: Tables 二, 三 and 四 counted from the agency's own records (Table 二's
// decision and fee cells only when the year's figures were entered).
Result<report::ReportData> TallyRecords(storage::Transaction& tx, int64_t agency_id, int year) {
  GK_ASSIGN_OR_RETURN(report::ReportData tally, TallyTable2(tx, agency_id, year));
  GK_ASSIGN_OR_RETURN(std::vector<application::CaseSummary> cases,
                      tx.SummariseApplications(agency_id, year));
  application::TallyTable3(cases, year, tally);
  GK_ASSIGN_OR_RETURN(std::vector<litigation::ReviewCase> reviews,
                      tx.ListReviewCases(agency_id, 0));
  application::TallyTable4(reviews, year, tally);
  return tally;
}

}  // namespace

Result<ReportView> ReportService::Load(storage::Transaction& tx, const AnnualReport& record) {
  ReportView v;
  v.record = record;
  GK_ASSIGN_OR_RETURN(v.data, DecodeBody(record));
  GK_ASSIGN_OR_RETURN(v.agency, tx.GetAgency(record.agency_id));
  if (record.origin == ReportOrigin::kEntered &&
      (record.status == ReportStatus::kDraft || record.status == ReportStatus::kPending)) {
    GK_ASSIGN_OR_RETURN(report::ReportData tally, TallyRecords(tx, record.agency_id, record.year));
    for (const auto& [cell, value] : tally.cells) {
      if (v.data.Get(cell) != value.value) v.differs_from_records.push_back(cell);
    }
    v.compared_with_records = true;
  }
  GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> all, tx.ListReports(record.agency_id));
  v.versions = OfYear(all, record.year);
  std::vector<AnnualReport> last_year = OfYear(all, record.year - 1);
  const AnnualReport* prev = ComparedVersion(last_year, record);
  std::optional<report::ReportData> previous;
  if (prev) {
    v.previous_year = *prev;
    GK_ASSIGN_OR_RETURN(previous, DecodeBody(*prev));
  }
  // An imported report's publication date is not the platform's: P-01 is not judged for it.
  report::RuleOptions options = RuleOptionsFor(
      v.agency,
      record.origin == ReportOrigin::kImported ? "" : FirstPublication(v.versions, record));
  v.publication_deadline = report::PublicationDeadline(record.year, options.reporter_kind);
  std::vector<report::Violation> found =
      report::CheckReport(v.data, previous ? &*previous : nullptr, options);
  if (record.origin == ReportOrigin::kSummary && !record.summary_units.empty()) {
    // a stored region report is compared with its units' current reports.
    std::vector<report::ReportData> units;
    for (int64_t unit : record.summary_units) {
      GK_ASSIGN_OR_RETURN(Agency a, tx.GetAgency(unit));
      v.unit_names.push_back(a.name);
      GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> theirs, tx.ListReports(unit));
      std::vector<AnnualReport> year = OfYear(theirs, record.year);
      const AnnualReport* pick = ComparedVersion(year, record);
      if (!pick) continue;  // a unit without a report is not summed; the figures say so
      GK_ASSIGN_OR_RETURN(report::ReportData d, DecodeBody(*pick));
      units.push_back(std::move(d));
    }
    std::vector<const report::ReportData*> ptrs;
    for (const auto& u : units) ptrs.push_back(&u);
    if (!ptrs.empty()) {
      for (report::Violation& a01 : report::CheckRegionSum(v.data, ptrs))
        found.push_back(std::move(a01));
    }
  }
  for (report::Violation& violation : found)
    v.checks.push_back({std::move(violation), std::nullopt});
  for (CheckedViolation& c : v.checks) {
    const std::string key = ViolationFingerprint(c.violation);
    for (const WarningAcceptance& a : v.record.acceptances)
      if (a.rule == c.violation.rule && a.fingerprint == key) c.acceptance = a;
    if (c.violation.severity == report::Severity::kError) ++v.errors;
    if (c.violation.severity == report::Severity::kWarning && !c.acceptance) ++v.open_warnings;
  }
  return v;
}

Result<int64_t> ReportService::Create(const Actor& actor, int64_t agency_id, int year) {
  int64_t id = 0;
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditReport, agency_id));
    GK_ASSIGN_OR_RETURN(Agency agency, tx.GetAgency(agency_id));
    int this_year = clock_.Today().year();
    if (year > this_year) {
      return InvalidArgument("the year " + std::to_string(year) + " has not begun",
                             std::to_string(year) + "年尚未开始，不能编制该年度报告");
    }
    const report::FormatDef* format = report::FormatForYear(year);
    if (format == nullptr) {
      return InvalidArgument(
          "no report format to fill in for " + std::to_string(year) +
              " (the 2021 national format applies from 2021; earlier reports can only be imported)",
          std::to_string(year) +
              "年度没有可填报的报告格式（现行格式自2021年度起适用；更早的年度报告只能导入）");
    }
    report::ReportData data;
    data.year = year;
    data.format_id = format->id;
    for (const auto* t : {&format->t2, &format->t3, &format->t4})
      for (const auto& cell : t->CellIds()) data.Set(cell, 0);
    for (const auto& s : format->sections) data.sections.push_back(s.numeral);
    GK_ASSIGN_OR_RETURN(report::ReportData tally, TallyRecords(tx, agency_id, year));
    for (const auto& [cell, value] : tally.cells) data.cells[cell] = value;
    AnnualReport r;
    r.agency_id = agency.id;
    r.year = year;
    r.version = 1;
    r.format_id = format->id;
    r.body = io::ReportToJson(data);
    r.created_by = r.updated_by = actor.DisplayName();
    r.created_at = r.updated_at = clock_.NowRfc3339();
    GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> existing, tx.ListReports(agency_id));
    if (!OfYear(existing, year).empty()) {
      return AlreadyExists("agency " + std::to_string(agency_id) + " already has a report for " +
                               std::to_string(year),
                           agency.name + "已有" + std::to_string(year) + "年度报告");
    }
    GK_ASSIGN_OR_RETURN(id, tx.InsertReport(r));
    r.id = id;
    return RecordChange(tx, clock_, actor, "report.create", Entity(id), "", StatusJson(r));
  });
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "report.create", "agency:" + std::to_string(agency_id),
                   st);
    return st;
  }
  return id;
}

Result<ReportView> ReportService::Get(const Actor& actor, int64_t report_id) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<ReportView> {
    GK_ASSIGN_OR_RETURN(AnnualReport r, tx.GetReport(report_id));
    if (IsPublic(actor)) {
      if (r.status != ReportStatus::kPublished && r.status != ReportStatus::kSuperseded) {
        return NotFound("annual report " + std::to_string(report_id) + " is not published",
                        "该年度报告尚未发布");
      }
    } else {
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, r.agency_id));
    }
    GK_ASSIGN_OR_RETURN(ReportView v, Load(tx, r));
    if (IsPublic(actor)) {
      std::erase_if(v.versions, [](const AnnualReport& x) {
        return x.status != ReportStatus::kPublished && x.status != ReportStatus::kSuperseded;
      });
    }
    return v;
  });
}

Result<ReportView> ReportService::Current(const Actor& actor, int64_t agency_id, int year) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<ReportView> {
    if (!IsPublic(actor)) {
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, agency_id));
    }
    GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> all, tx.ListReports(agency_id));
    std::vector<AnnualReport> versions = OfYear(all, year);
    const AnnualReport* pick = IsPublic(actor) ? NewestPublished(versions) : Newest(versions);
    if (!pick) {
      return NotFound(
          "agency " + std::to_string(agency_id) + " has no " +
              (IsPublic(actor) ? "published " : "") + "report for " + std::to_string(year),
          std::to_string(year) + "年度报告" + (IsPublic(actor) ? "尚未发布" : "尚未建立"));
    }
    GK_ASSIGN_OR_RETURN(ReportView v, Load(tx, *pick));
    if (IsPublic(actor)) {
      std::erase_if(v.versions, [](const AnnualReport& x) {
        return x.status != ReportStatus::kPublished && x.status != ReportStatus::kSuperseded;
      });
    }
    return v;
  });
}

Result<std::vector<ReportSummaryLine>> ReportService::List(const Actor& actor, int64_t agency_id) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<std::vector<ReportSummaryLine>> {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, agency_id));
    GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> all, tx.ListReports(agency_id));
    std::vector<ReportSummaryLine> out;
    for (const AnnualReport& r : all) {
      GK_ASSIGN_OR_RETURN(ReportView v, Load(tx, r));
      ReportSummaryLine line{r, v.errors, 0};
      for (const auto& c : v.checks)
        if (c.violation.severity == report::Severity::kWarning) ++line.warnings;
      line.record.body.clear();
      out.push_back(std::move(line));
    }
    return out;
  });
}

Result<std::vector<AnnualReport>> ReportService::Published(int64_t agency_id) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<std::vector<AnnualReport>> {
    GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> all, tx.ListReports(agency_id));
    std::map<int, AnnualReport, std::greater<>> by_year;
    for (AnnualReport& r : all) {
      if (r.status != ReportStatus::kPublished) continue;
      auto it = by_year.find(r.year);
      if (it == by_year.end() || it->second.version < r.version) {
        r.body.clear();
        by_year[r.year] = std::move(r);
      }
    }
    std::vector<AnnualReport> out;
    for (auto& [_, r] : by_year) out.push_back(std::move(r));
    return out;
  });
}

Status ReportService::Save(const Actor& actor, int64_t report_id, int64_t row_version,
                           const report::ReportData& input) {
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(AnnualReport r, tx.GetReport(report_id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditReport, r.agency_id));
    GK_RETURN_IF_ERROR(RequireStatus(r, ReportStatus::kDraft, "edit", "修改"));
    GK_RETURN_IF_ERROR(Stale(r, row_version));
    report::ReportData data = input;
    GK_RETURN_IF_ERROR(ValidateEntered(r, data));
    GK_ASSIGN_OR_RETURN(report::ReportData before, DecodeBody(r));
    r.body = io::ReportToJson(data);
    // Explanations of warnings the new figures no longer raise lapse (they explained other
    // figures).
    GK_ASSIGN_OR_RETURN(ReportView after, Load(tx, r));
    std::set<std::string> current;
    for (const CheckedViolation& c : after.checks)
      current.insert(ViolationFingerprint(c.violation));
    std::erase_if(r.acceptances,
                  [&](const WarningAcceptance& a) { return !current.contains(a.fingerprint); });
    r.updated_by = actor.DisplayName();
    r.updated_at = clock_.NowRfc3339();
    GK_RETURN_IF_ERROR(tx.UpdateReport(r));
    return RecordChange(tx, clock_, actor, "report.save", Entity(r.id), StatusJson(r),
                        DiffJson(before, data));
  });
  if (!st.ok()) RecordRejected(store_, clock_, actor, "report.save", Entity(report_id), st);
  return st;
}

Status ReportService::AcceptWarning(const Actor& actor, int64_t report_id, int64_t row_version,
                                    const std::string& fingerprint, const std::string& reason_in) {
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(AnnualReport r, tx.GetReport(report_id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditReport, r.agency_id));
    GK_RETURN_IF_ERROR(RequireStatus(r, ReportStatus::kDraft, "explain a warning", "填写警告说明"));
    GK_RETURN_IF_ERROR(Stale(r, row_version));
    std::string reason = CleanText(reason_in);
    GK_RETURN_IF_ERROR(CheckText(reason, 0, kMaxReasonChars, "reason", "说明"));
    GK_ASSIGN_OR_RETURN(ReportView v, Load(tx, r));
    const report::Violation* target = nullptr;
    for (const CheckedViolation& c : v.checks)
      if (ViolationFingerprint(c.violation) == fingerprint) target = &c.violation;
    if (target == nullptr) {
      return NotFound("no such warning to explain (the figures may have changed); reload",
                      "没有找到这条警告（数据可能已经改变），请刷新页面");
    }
    if (target->severity == report::Severity::kError) {
      return FailedPrecondition(
          "rule " + target->rule + " is an error: fix the figures, it cannot be explained away",
          "规则 " + target->rule + " 是错误，必须改正数据，不能以说明代替");
    }
    size_t before = r.acceptances.size();
    std::erase_if(r.acceptances,
                  [&](const WarningAcceptance& a) { return a.fingerprint == fingerprint; });
    if (reason.empty() && before == r.acceptances.size()) {
      return InvalidArgument("an explanation needs a reason", "请填写说明");
    }
    if (!reason.empty() && Utf8Length(reason) < 5) {
      return InvalidArgument("the explanation is too short", "说明过短，请写明原因（至少5个字）");
    }
    if (!reason.empty()) {
      r.acceptances.push_back(
          {target->rule, fingerprint, reason, actor.DisplayName(), clock_.NowRfc3339()});
    }
    r.updated_by = actor.DisplayName();
    r.updated_at = clock_.NowRfc3339();
    GK_RETURN_IF_ERROR(tx.UpdateReport(r));
    return RecordChange(
        tx, clock_, actor, "report.accept_warning", Entity(r.id), "",
        nlohmann::json{{"rule", target->rule}, {"warning", target->message_zh}, {"reason", reason}}
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  });
  if (!st.ok())
    RecordRejected(store_, clock_, actor, "report.accept_warning", Entity(report_id), st);
  return st;
}

Status ReportService::FillFromRecords(const Actor& actor, int64_t report_id, int64_t row_version) {
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(AnnualReport r, tx.GetReport(report_id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditReport, r.agency_id));
    GK_RETURN_IF_ERROR(
        RequireStatus(r, ReportStatus::kDraft, "fill from records", "按记录生成表二、表三、表四"));
    GK_RETURN_IF_ERROR(Stale(r, row_version));
    GK_ASSIGN_OR_RETURN(report::ReportData data, DecodeBody(r));
    GK_ASSIGN_OR_RETURN(report::ReportData tally, TallyRecords(tx, r.agency_id, r.year));
    nlohmann::json before = nlohmann::json::object(), after = nlohmann::json::object();
    for (const auto& [cell, value] : tally.cells) {
      auto it = data.cells.find(cell);
      if (it != data.cells.end() && it->second.state == report::CellState::kNumber &&
          it->second.value == value.value) {
        continue;
      }
      before[cell] = data.Get(cell);
      after[cell] = value.value;
      data.cells[cell] = value;
    }
    r.body = io::ReportToJson(data);
    r.updated_by = actor.DisplayName();
    r.updated_at = clock_.NowRfc3339();
    GK_RETURN_IF_ERROR(tx.UpdateReport(r));
    return RecordChange(tx, clock_, actor, "report.fill_from_records", Entity(r.id), before.dump(),
                        after.dump());
  });
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "report.fill_from_records", Entity(report_id), st);
  }
  return st;
}

Result<report::NarrativeFacts> ReportService::NarrativeFactsFromRecords(const Actor& actor,
                                                                        int64_t report_id) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<report::NarrativeFacts> {
    GK_ASSIGN_OR_RETURN(AnnualReport r, tx.GetReport(report_id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, r.agency_id));
    GK_ASSIGN_OR_RETURN(Agency agency, tx.GetAgency(r.agency_id));
    report::NarrativeFacts facts;
    facts.people_government = IsPeoplesGovernment(agency.level);
    // Items: those first published in the year, whatever became of them later.
    storage::PublicationFilter items;
    items.agency_ids = {r.agency_id};
    items.limit = 1000000;
    GK_ASSIGN_OR_RETURN(std::vector<publication::Publication> register_items,
                        tx.ListPublications(items));
    int64_t published = 0;
    for (const auto& p : register_items) {
      if (p.first_released_on && p.first_released_on->year() == r.year) ++published;
    }
    if (published > 0) facts.items_published = published;
    GK_ASSIGN_OR_RETURN(std::vector<storage::ChannelCount> channels,
                        tx.CountChannelRecords(r.agency_id, r.year));
    for (const storage::ChannelCount& c : channels) {
      facts.channels.emplace_back(std::string(publication::Label(c.channel)), c.records);
    }
    // Fees (section 六): notices dated in the year, and what was paid on them.
    storage::ApplicationFilter cases;
    cases.agency_ids = {r.agency_id};
    cases.with_events = true;
    cases.limit = 1000000;
    GK_ASSIGN_OR_RETURN(std::vector<application::Application> apps, tx.ListApplications(cases));
    int64_t notices = 0, notified = 0, collected = 0;
    for (const application::Application& a : apps) {
      for (const application::CaseEvent& e : a.events) {
        if (e.kind != application::EventKind::kFeeNoticeIssued || e.date.year() != r.year) {
          continue;
        }
        ++notices;
        notified += e.amount_fen;
        for (const application::CaseEvent& paid : a.events) {
          if (paid.kind == application::EventKind::kFeePaid && paid.ref == e.seq) {
            collected += e.amount_fen;
          }
        }
      }
    }
    facts.fee_notices = notices;
    facts.fee_notified_fen = notified;
    facts.fee_collected_fen = collected;
    return facts;
  });
}

Status ReportService::Submit(const Actor& actor, int64_t report_id, int64_t row_version) {
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(AnnualReport r, tx.GetReport(report_id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditReport, r.agency_id));
    GK_RETURN_IF_ERROR(RequireStatus(r, ReportStatus::kDraft, "submit", "送审"));
    GK_RETURN_IF_ERROR(Stale(r, row_version));
    GK_ASSIGN_OR_RETURN(ReportView v, Load(tx, r));
    if (v.errors > 0) {
      return FailedPrecondition(std::to_string(v.errors) + " error-level violations remain",
                                "还有 " + std::to_string(v.errors) + " 处错误未改正，不能送审");
    }
    std::string empty;
    for (const char* numeral : {"一", "五", "六"}) {
      auto it = v.data.narrative.find(numeral);
      if (it == v.data.narrative.end() || TrimAscii(it->second).empty()) {
        empty += (empty.empty() ? "" : "、") + std::string(numeral);
      }
    }
    if (!empty.empty()) {
      return FailedPrecondition("narrative sections are empty",
                                "第" + empty + "部分尚未填写，不能送审");
    }
    if (v.open_warnings > 0) {
      return FailedPrecondition(
          std::to_string(v.open_warnings) + " warnings have no written explanation",
          "还有 " + std::to_string(v.open_warnings) + " 处警告没有书面说明，请说明后再送审");
    }
    if (std::vector<std::string> unfilled = report::UnfilledDraftSections(v.data);
        !unfilled.empty()) {
      std::string zh;
      for (const auto& n : unfilled) zh += (zh.empty() ? "" : "、") + n;
      return FailedPrecondition("the narrative still asks for something to be filled in",
                                "第" + zh + "部分仍有初稿中“请补充”的内容，请补充或删除后再送审");
    }
    std::string before = StatusJson(r);
    r.status = ReportStatus::kPending;
    r.submitted_by = actor.DisplayName();
    r.submitted_at = clock_.NowRfc3339();
    r.return_comment.clear();
    GK_RETURN_IF_ERROR(tx.UpdateReport(r));
    return RecordChange(tx, clock_, actor, "report.submit", Entity(r.id), before, StatusJson(r));
  });
  if (!st.ok()) RecordRejected(store_, clock_, actor, "report.submit", Entity(report_id), st);
  return st;
}

Status ReportService::Return(const Actor& actor, int64_t report_id, int64_t row_version,
                             const std::string& comment_in) {
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(AnnualReport r, tx.GetReport(report_id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kApproveReport, r.agency_id));
    GK_RETURN_IF_ERROR(RequireOwnLeader(actor, r));
    GK_RETURN_IF_ERROR(RequireStatus(r, ReportStatus::kPending, "return", "退回"));
    GK_RETURN_IF_ERROR(Stale(r, row_version));
    std::string comment = CleanText(comment_in);
    if (comment.empty()) {
      return InvalidArgument("say what to change when returning a report", "退回时请写明修改意见");
    }
    GK_RETURN_IF_ERROR(CheckText(comment, 1, kMaxReasonChars, "comment", "修改意见"));
    std::string before = StatusJson(r);
    r.status = ReportStatus::kDraft;
    r.return_comment = comment;
    r.submitted_by.clear();
    r.submitted_at.clear();
    r.updated_by = actor.DisplayName();
    r.updated_at = clock_.NowRfc3339();
    GK_RETURN_IF_ERROR(tx.UpdateReport(r));
    nlohmann::json after = nlohmann::json::parse(StatusJson(r));
    after["comment"] = comment;
    return RecordChange(tx, clock_, actor, "report.return", Entity(r.id), before, after.dump());
  });
  if (!st.ok()) RecordRejected(store_, clock_, actor, "report.return", Entity(report_id), st);
  return st;
}

Status ReportService::Publish(const Actor& actor, int64_t report_id, int64_t row_version) {
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(AnnualReport r, tx.GetReport(report_id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kApproveReport, r.agency_id));
    GK_RETURN_IF_ERROR(RequireOwnLeader(actor, r));
    GK_RETURN_IF_ERROR(RequireStatus(r, ReportStatus::kPending, "approve", "审批发布"));
    GK_RETURN_IF_ERROR(Stale(r, row_version));
    GK_ASSIGN_OR_RETURN(ReportView v, Load(tx, r));
    if (v.errors > 0) {
      return FailedPrecondition(std::to_string(v.errors) + " error-level violations remain",
                                "还有 " + std::to_string(v.errors) + " 处错误，不能发布");
    }
    if (v.open_warnings > 0) {
      return FailedPrecondition(
          std::to_string(v.open_warnings) + " warnings have no written explanation",
          "还有 " + std::to_string(v.open_warnings) + " 处警告没有书面说明，不能发布");
    }
    nlohmann::json superseded = nlohmann::json::array();
    for (AnnualReport older : v.versions) {
      if (older.id == r.id || older.status != ReportStatus::kPublished) continue;
      older.status = ReportStatus::kSuperseded;
      GK_RETURN_IF_ERROR(tx.UpdateReport(older));
      superseded.push_back(older.id);
    }
    std::string before = StatusJson(r);
    r.status = ReportStatus::kPublished;
    r.approved_by = r.updated_by = actor.DisplayName();
    r.published_at = r.updated_at = clock_.NowRfc3339();
    GK_RETURN_IF_ERROR(tx.UpdateReport(r));
    nlohmann::json after = nlohmann::json::parse(StatusJson(r));
    after["supersedes"] = superseded;
    return RecordChange(tx, clock_, actor, "report.publish", Entity(r.id), before, after.dump());
  });
  if (!st.ok()) RecordRejected(store_, clock_, actor, "report.publish", Entity(report_id), st);
  return st;
}

Result<int64_t> ReportService::StartCorrection(const Actor& actor, int64_t report_id,
                                               const std::string& note_in) {
  int64_t id = 0;
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(AnnualReport r, tx.GetReport(report_id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditReport, r.agency_id));
    GK_RETURN_IF_ERROR(RequireStatus(r, ReportStatus::kPublished, "correct", "更正"));
    std::string note = CleanText(note_in);
    if (note.empty()) {
      return InvalidArgument("a correction needs a note saying what is corrected and why",
                             "更正须写明更正说明（更正了什么、为什么）");
    }
    GK_RETURN_IF_ERROR(CheckText(note, 1, kMaxReasonChars, "correction note", "更正说明"));
    GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> all, tx.ListReports(r.agency_id));
    const std::vector<AnnualReport> versions = OfYear(all, r.year);
    const AnnualReport* newest = Newest(versions);
    AnnualReport next = r;
    next.id = 0;
    next.version = (newest ? newest->version : r.version) + 1;
    next.status = ReportStatus::kDraft;
    next.correction_note = note;
    next.return_comment.clear();
    next.created_by = next.updated_by = actor.DisplayName();
    next.created_at = next.updated_at = clock_.NowRfc3339();
    next.submitted_by.clear();
    next.submitted_at.clear();
    next.approved_by.clear();
    next.published_at.clear();
    GK_ASSIGN_OR_RETURN(id, tx.InsertReport(next));
    next.id = id;
    nlohmann::json after = nlohmann::json::parse(StatusJson(next));
    after["correction_note"] = note;
    after["corrects"] = r.id;
    return RecordChange(tx, clock_, actor, "report.correct", Entity(id), StatusJson(r),
                        after.dump());
  });
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "report.correct", Entity(report_id), st);
    return st;
  }
  return id;
}

Result<ReportView> ReportService::Summarise(const Actor& actor, int64_t agency_id, int year,
                                            const std::vector<int64_t>& unit_ids,
                                            bool include_unpublished) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<ReportView> {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kSummariseReports, agency_id));
    if (unit_ids.empty()) {
      return InvalidArgument("name the units to add up", "请选择要汇总的单位");
    }
    if (std::set<int64_t>(unit_ids.begin(), unit_ids.end()).size() != unit_ids.size()) {
      return InvalidArgument("a unit is named twice", "汇总单位有重复");
    }
    ReportView v;
    GK_ASSIGN_OR_RETURN(v.agency, tx.GetAgency(agency_id));
    std::vector<report::ReportData> units;
    bool all_published = true;
    std::string missing_en, missing_zh;  // every unit without a report, named at once
    for (int64_t unit : unit_ids) {
      GK_ASSIGN_OR_RETURN(Agency a, tx.GetAgency(unit));
      GK_ASSIGN_OR_RETURN(bool inside, InSubtree(tx, agency_id, unit));
      if (!inside || unit == agency_id) {
        return InvalidArgument(a.name + " is not under " + v.agency.name,
                               a.name + "不是" + v.agency.name + "的下级单位");
      }
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, unit));
      GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> theirs, tx.ListReports(unit));
      std::vector<AnnualReport> of_year = OfYear(theirs, year);
      const AnnualReport* pick = NewestPublished(of_year);
      if (!pick && include_unpublished) pick = Newest(of_year);
      if (!pick) {
        missing_en += (missing_en.empty() ? "" : ", ") + a.name;
        missing_zh += (missing_zh.empty() ? "" : "、") + a.name;
        continue;
      }
      if (pick->status != ReportStatus::kPublished) all_published = false;
      GK_ASSIGN_OR_RETURN(report::ReportData d, DecodeBody(*pick));
      units.push_back(std::move(d));
      v.unit_names.push_back(a.name);
      v.record.summary_units.push_back(unit);
    }
    std::vector<const report::ReportData*> ptrs;
    for (const auto& u : units) ptrs.push_back(&u);
    if (!missing_zh.empty()) {
      return FailedPrecondition("no " + std::string(include_unpublished ? "" : "published ") +
                                    "report for " + std::to_string(year) + " from: " + missing_en,
                                missing_zh + (include_unpublished ? "尚未建立" : "尚未发布") +
                                    std::to_string(year) + "年度报告" +
                                    (include_unpublished ? "" : "（可勾选“包括尚未发布的报告”）"));
    }
    GK_ASSIGN_OR_RETURN(v.data, report::SumReports(ptrs, year));
    if (const report::FormatDef* f = report::FormatById(v.data.format_id)) {
      for (const auto& s : f->sections) v.data.sections.push_back(s.numeral);
    }
    v.record.agency_id = agency_id;
    v.record.year = year;
    v.record.origin = ReportOrigin::kSummary;
    v.record.format_id = v.data.format_id;
    v.record.status = all_published ? ReportStatus::kPublished : ReportStatus::kDraft;
    return v;
  });
}

Result<int64_t> ReportService::Import(const Actor& actor, int64_t agency_id,
                                      const report::ReportData& data, ReportOrigin origin,
                                      const std::string& source_name,
                                      const std::vector<int64_t>& summary_units) {
  int64_t id = 0;
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditReport, agency_id));
    if (!summary_units.empty()) {
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kSummariseReports, agency_id));
    }
    GK_ASSIGN_OR_RETURN(
        id, ImportIn(tx, actor, agency_id, data, origin, source_name, 0, summary_units));
    return OkStatus();
  });
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "report.create", "agency:" + std::to_string(agency_id),
                   st);
    return st;
  }
  return id;
}

Result<int64_t> ReportService::ImportIn(storage::Transaction& tx, const Actor& actor,
                                        int64_t agency_id, const report::ReportData& data,
                                        ReportOrigin origin, const std::string& source_name,
                                        int64_t source_id,
                                        const std::vector<int64_t>& summary_units) {
  GK_ASSIGN_OR_RETURN(Agency agency, tx.GetAgency(agency_id));
  const report::FormatDef* format = report::FormatById(data.format_id);
  if (format == nullptr) {
    return InvalidArgument("unknown report format '" + data.format_id + "'",
                           "未知的报告格式“" + data.format_id + "”");
  }
  GK_RETURN_IF_ERROR(ValidateFigures(*format, data, /*allow_negative=*/true));
  for (const auto& [numeral, text] : data.narrative) {
    GK_RETURN_IF_ERROR(CheckText(text, 0, kMaxNarrativeChars, "narrative section " + numeral,
                                 "第" + numeral + "部分正文"));
  }
  if (data.year < 2008 || data.year > clock_.Today().year()) {
    return InvalidArgument("report year " + std::to_string(data.year) + " is out of range",
                           "报告年度 " + std::to_string(data.year) + " 不在有效范围内");
  }
  std::set<int64_t> distinct(summary_units.begin(), summary_units.end());
  if (distinct.size() != summary_units.size()) {
    return InvalidArgument("a summary unit is named twice", "汇总单位有重复");
  }
  for (int64_t unit : summary_units) {
    GK_ASSIGN_OR_RETURN(bool inside, InSubtree(tx, agency_id, unit));
    if (!inside || unit == agency_id) {
      return InvalidArgument("summary unit " + std::to_string(unit) + " is not below agency " +
                                 std::to_string(agency_id),
                             "汇总单位（编号" + std::to_string(unit) + "）不是本单位的下级单位");
    }
  }
  GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> all, tx.ListReports(agency_id));
  const std::vector<AnnualReport> versions = OfYear(all, data.year);
  const AnnualReport* newest = Newest(versions);
  AnnualReport r;
  r.agency_id = agency.id;
  r.year = data.year;
  r.version = newest ? newest->version + 1 : 1;
  r.origin = origin;
  r.format_id = data.format_id;
  r.body = io::ReportToJson(data);
  r.source_name = source_name;
  r.source_id = source_id;
  r.summary_units = summary_units;
  if (newest) r.correction_note = "以导入的文件“" + source_name + "”替换";
  r.created_by = r.updated_by = actor.DisplayName();
  r.created_at = r.updated_at = clock_.NowRfc3339();
  GK_ASSIGN_OR_RETURN(r.id, tx.InsertReport(r));
  nlohmann::json after = nlohmann::json::parse(StatusJson(r));
  after["source"] = source_name;
  if (source_id != 0) after["source_id"] = source_id;
  GK_RETURN_IF_ERROR(
      RecordChange(tx, clock_, actor, "report.create", Entity(r.id), "",
                   after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
  return r.id;
}

}  // namespace gongkai::service
