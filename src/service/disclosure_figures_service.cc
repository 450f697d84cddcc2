#include "service/disclosure_figures_service.h"

#include <algorithm>

#include "io/csv.h"
#include "service/audit_service.h"
#include "service/authorize.h"
#include "service/json_views.h"
#include "service/tx.h"

namespace gongkai::service {

namespace {

using disclosure::DecisionFigures;
using disclosure::NormativeDocument;

std::string DocumentEntity(int64_t id) { return "normative_document:" + std::to_string(id); }
std::string FiguresEntity(const DecisionFigures& f) {
  return "decision_figures:" + std::to_string(f.agency_id) + ":" + std::to_string(f.year);
}
std::string AgencyEntity(int64_t id) { return "agency:" + std::to_string(id); }

}  // namespace

Result<int64_t> DisclosureFiguresService::CreateDocument(const Actor& actor, NormativeDocument d) {
  int64_t id = 0;
  disclosure::Normalise(d);
  Status st = disclosure::ValidateNormativeDocument(d, clock_.Today());
  if (st.ok()) {
    st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditDisclosureFigures, d.agency_id));
      d.created_by = d.updated_by = actor.DisplayName();
      d.created_at = d.updated_at = clock_.NowRfc3339();
      GK_ASSIGN_OR_RETURN(id, tx.InsertNormativeDocument(d));
      d.id = id;
      d.version = 1;
      return RecordChange(tx, clock_, actor, "normative_document.create", DocumentEntity(id), "",
                          Dump(ToJson(d)));
    });
  }
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "normative_document.create", AgencyEntity(d.agency_id),
                   st);
    return st;
  }
  return id;
}

Status DisclosureFiguresService::UpdateDocument(const Actor& actor, const NormativeDocument& in) {
  NormativeDocument d = in;
  disclosure::Normalise(d);
  Status st = disclosure::ValidateNormativeDocument(d, clock_.Today());
  if (st.ok()) {
    st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
      GK_ASSIGN_OR_RETURN(NormativeDocument old, tx.GetNormativeDocument(d.id));
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditDisclosureFigures, old.agency_id));
      d.agency_id = old.agency_id;  // a document never moves between agencies
      d.created_by = old.created_by;
      d.created_at = old.created_at;
      d.updated_by = actor.DisplayName();
      d.updated_at = clock_.NowRfc3339();
      GK_RETURN_IF_ERROR(tx.UpdateNormativeDocument(d));
      d.version = in.version + 1;
      return RecordChange(tx, clock_, actor, "normative_document.update", DocumentEntity(d.id),
                          Dump(ToJson(old)), Dump(ToJson(d)));
    });
  }
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "normative_document.update", DocumentEntity(in.id), st);
  }
  return st;
}

Status DisclosureFiguresService::RepealDocument(const Actor& actor, int64_t id, int64_t version,
                                                Date repealed_on) {
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(NormativeDocument old, tx.GetNormativeDocument(id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditDisclosureFigures, old.agency_id));
    if (old.repealed_on) {
      return FailedPrecondition("normative document " + std::to_string(id) +
                                    " was already repealed on " + old.repealed_on->ToString(),
                                "该文件已于" + old.repealed_on->ToChinese() + "废止");
    }
    NormativeDocument d = old;
    d.version = version;
    d.repealed_on = repealed_on;
    GK_RETURN_IF_ERROR(disclosure::ValidateNormativeDocument(d, clock_.Today()));
    d.updated_by = actor.DisplayName();
    d.updated_at = clock_.NowRfc3339();
    GK_RETURN_IF_ERROR(tx.UpdateNormativeDocument(d));
    d.version = version + 1;
    return RecordChange(tx, clock_, actor, "normative_document.repeal", DocumentEntity(id),
                        Dump(ToJson(old)), Dump(ToJson(d)));
  });
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "normative_document.repeal", DocumentEntity(id), st);
  }
  return st;
}

Result<NormativeDocument> DisclosureFiguresService::GetDocument(const Actor& actor, int64_t id) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<NormativeDocument> {
    GK_ASSIGN_OR_RETURN(NormativeDocument d, tx.GetNormativeDocument(id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, d.agency_id));
    return d;
  });
}

Result<std::vector<NormativeDocument>> DisclosureFiguresService::ListDocuments(
    const Actor& actor, int64_t agency_id, const disclosure::DocumentFilter& filter) {
  const Date today = clock_.Today();
  return InRead(store_, [&](storage::Transaction& tx) -> Result<std::vector<NormativeDocument>> {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, agency_id));
    GK_ASSIGN_OR_RETURN(std::vector<NormativeDocument> all, tx.ListNormativeDocuments(agency_id));
    std::vector<NormativeDocument> out;
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      if (disclosure::Matches(filter, *it, today)) out.push_back(std::move(*it));
    }
    return out;
  });
}

Result<std::optional<DecisionFigures>> DisclosureFiguresService::GetFigures(const Actor& actor,
                                                                            int64_t agency_id,
                                                                            int year) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<std::optional<DecisionFigures>> {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, agency_id));
    return tx.FindDecisionFigures(agency_id, year);
  });
}

Result<std::vector<DecisionFigures>> DisclosureFiguresService::ListFigures(const Actor& actor,
                                                                           int64_t agency_id) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<std::vector<DecisionFigures>> {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, agency_id));
    GK_ASSIGN_OR_RETURN(std::vector<DecisionFigures> all, tx.ListDecisionFigures(agency_id));
    std::reverse(all.begin(), all.end());
    return all;
  });
}

namespace {

// Enters or replaces one agency-year inside the caller's transaction; `version` 0 means the caller
// saw none. Writes the audit entry.
Status PutFigures(storage::Transaction& tx, const Clock& clock, const Actor& actor,
                  DecisionFigures f, const std::string& action, bool replace_any_version,
                  int* created, int* updated) {
  f.updated_by = actor.DisplayName();
  f.updated_at = clock.NowRfc3339();
  GK_ASSIGN_OR_RETURN(std::optional<DecisionFigures> old,
                      tx.FindDecisionFigures(f.agency_id, f.year));
  if (replace_any_version && old) f.version = old->version;
  if (!old) {
    if (f.version != 0) {
      return NotFound(FiguresEntity(f) + " do not exist any more",
                      "该年度的数据已不存在，请刷新后重试");
    }
    GK_ASSIGN_OR_RETURN(f.id, tx.InsertDecisionFigures(f));
    f.version = 1;
    ++*created;
    return RecordChange(tx, clock, actor, action, FiguresEntity(f), "", Dump(ToJson(f)));
  }
  if (f.version == 0) {
    return Aborted(FiguresEntity(f) + " were entered by someone else meanwhile",
                   "该年度的数据已被他人填报，请刷新后核对");
  }
  f.id = old->id;
  GK_RETURN_IF_ERROR(tx.UpdateDecisionFigures(f));
  f.version += 1;
  ++*updated;
  return RecordChange(tx, clock, actor, action, FiguresEntity(f), Dump(ToJson(*old)),
                      Dump(ToJson(f)));
}

}  // namespace

Status DisclosureFiguresService::SaveFigures(const Actor& actor, const DecisionFigures& f) {
  Status st = disclosure::ValidateDecisionFigures(f, clock_.Today());
  if (st.ok()) {
    st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditDisclosureFigures, f.agency_id));
      int created = 0, updated = 0;
      return PutFigures(tx, clock_, actor, f, "decision_figures.save", false, &created, &updated);
    });
  }
  if (!st.ok()) RecordRejected(store_, clock_, actor, "decision_figures.save", FiguresEntity(f), st);
  return st;
}

FiguresImport DisclosureFiguresService::ImportCsv(const Actor& actor, std::string_view csv) {
  FiguresImport out;
  const Date today = clock_.Today();
  auto fail_with_problems = [&] {
    std::string en, zh;
    for (const disclosure::CsvProblem& p : out.problems) {
      en += (en.empty() ? "" : "; ") + p.message;
    }
    out.status = InvalidArgument(
        "figures CSV: " + std::to_string(out.problems.size()) + " problem(s), nothing saved: " + en,
        "CSV文件有" + std::to_string(out.problems.size()) + "处问题，未保存任何数据");
  };
  Result<std::vector<io::CsvRecord>> records = io::ParseCsv(csv);
  if (!records.ok()) {
    out.status = records.status();
    out.problems.push_back({0, "", records.status().message(), records.status().ui_message()});
  } else {
    std::vector<disclosure::CsvLine> lines;
    for (io::CsvRecord& r : *records) lines.push_back({r.line, std::move(r.fields)});
    out.status = InWrite(store_, [&](storage::Transaction& tx) -> Status {
      GK_ASSIGN_OR_RETURN(std::vector<Agency> agencies, tx.ListAgencies());
      std::vector<disclosure::AgencyName> names;
      for (const Agency& a : agencies) names.push_back({a.id, a.name});
      disclosure::FiguresCsv read = disclosure::ReadFiguresCsv(lines, names, today);
      out.problems = std::move(read.problems);
      for (size_t i = 0; i < read.rows.size(); ++i) {
        Status allowed =
            Authorize(tx, actor, Permission::kEditDisclosureFigures, read.rows[i].agency_id);
        if (!allowed.ok()) {
          const int line = read.lines[i];
          out.problems.push_back({line, "agency",
                                  "line " + std::to_string(line) + ", column agency: " +
                                      allowed.message(),
                                  "第" + std::to_string(line) + "行“单位”列：" +
                                      allowed.ui_message()});
        }
      }
      if (!out.problems.empty()) {
        std::stable_sort(out.problems.begin(), out.problems.end(),
                         [](const auto& a, const auto& b) { return a.line < b.line; });
        fail_with_problems();
        return out.status;
      }
      for (const DecisionFigures& f : read.rows) {
        GK_RETURN_IF_ERROR(PutFigures(tx, clock_, actor, f, "decision_figures.import", true,
                                      &out.created, &out.updated));
      }
      return OkStatus();
    });
  }
  if (!out.status.ok()) {
    out.created = out.updated = 0;
    RecordRejected(store_, clock_, actor, "decision_figures.import",
                   actor.user ? AgencyEntity(actor.user->agency_id) : "decision_figures",
                   out.status);
  }
  return out;
}

void DisclosureFiguresService::RecordRefusedForm(const Actor& actor, const std::string& action,
                                                 const std::string& entity,
                                                 const std::vector<std::string>& problems) {
  std::string all;
  for (const std::string& p : problems) all += (all.empty() ? "" : "; ") + p;
  RecordRejected(store_, clock_, actor, action, entity,
                 InvalidArgument("form refused: " + all, "表单填写有误"));
}

Result<report::ReportData> DisclosureFiguresService::CountTable2(const Actor& actor,
                                                                 int64_t agency_id, int year) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<report::ReportData> {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, agency_id));
    return TallyTable2(tx, agency_id, year);
  });
}

Result<report::ReportData> TallyTable2(storage::Transaction& tx, int64_t agency_id, int year) {
  report::ReportData data;
  GK_ASSIGN_OR_RETURN(std::vector<NormativeDocument> docs, tx.ListNormativeDocuments(agency_id));
  disclosure::TallyTable2Documents(docs, year, data);
  GK_ASSIGN_OR_RETURN(std::optional<DecisionFigures> figures,
                      tx.FindDecisionFigures(agency_id, year));
  if (figures) disclosure::TallyTable2Figures(*figures, data);
  return data;
}

}  // namespace gongkai::service
