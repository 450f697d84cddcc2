// Table 二's records (normative_documents, decision_figures): the register of rules and normative
// documents, and the yearly decision and fee figures.
#include "storage/soci/columns.h"
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {
namespace {

using disclosure::DecisionFigures;
using disclosure::NormativeDocument;

// Every column but id, in the order bound and read below.
constexpr char kDocumentColumns[] =
    "agency_id, kind, title, number, made_on, repealed_on, note, created_by, created_at,"
    " updated_by, updated_at, version";
constexpr char kFiguresColumns[] =
    "agency_id, year, licensing, penalty, coercion, fee_fen, updated_by, updated_at, version";

std::string Describe(const NormativeDocument& d) {
  return d.id > 0 ? "normative document " + std::to_string(d.id)
                  : "normative document of agency " + std::to_string(d.agency_id);
}
std::string Describe(const DecisionFigures& f) {
  return "decision figures of agency " + std::to_string(f.agency_id) + " for " +
         std::to_string(f.year);
}

ConstraintMessages DocumentConstraints(const NormativeDocument& d) {
  return {
      .unique =
          [&](const UniqueViolation&) {
            return AlreadyExists(Describe(d) + ": the agency already has a document numbered '" +
                                     d.number + "'",
                                 "本单位已登记发文字号为“" + d.number + "”的文件");
          },
      .foreign_key =
          [&] {
            return FailedPrecondition(Describe(d) + ": its agency does not exist",
                                      "文件所属单位不存在");
          },
  };
}

ConstraintMessages FiguresConstraints(const DecisionFigures& f) {
  return {
      .unique =
          [&](const UniqueViolation&) {
            return AlreadyExists(Describe(f) + " already exist",
                                 "该单位" + std::to_string(f.year) + "年度的数据已存在");
          },
      .foreign_key =
          [&] {
            return FailedPrecondition(Describe(f) + ": the agency does not exist", "单位不存在");
          },
  };
}

Status NoSuchDocument(int64_t id) {
  return NotFound("normative document " + std::to_string(id) + " does not exist",
                  "文件（编号" + std::to_string(id) + "）不存在");
}

Status Stale(const std::string& what, int64_t current, int64_t had) {
  return Aborted(what + " was changed by someone else (version " + std::to_string(current) +
                     ", you had " + std::to_string(had) + "); reload and retry",
                 "该记录已被他人修改，请刷新后重试");
}

}  // namespace

Result<int64_t> SociTransaction::InsertNormativeDocument(const NormativeDocument& d) {
  GK_RETURN_IF_ERROR(CheckUsable("insert normative document", true));
  return Write(
      "insert " + Describe(d),
      [&]() -> Result<int64_t> { return InsertNormativeDocumentRow(d, false); },
      DocumentConstraints(d));
}

int64_t SociTransaction::InsertNormativeDocumentRow(const NormativeDocument& d, bool keep_id) {
  std::string kind(Code(d.kind)), made_on = d.made_on.ToString();
  NullableText repealed_on = OfDate(d.repealed_on);
  int64_t version = keep_id ? d.version : 1;
  int64_t id = 0;
  soci::details::prepare_temp_type query =
      (sql().prepare << std::string("INSERT INTO normative_documents (") +
                            (keep_id ? "id, " : "") + kDocumentColumns + ") VALUES (" +
                            (keep_id ? ":id, " : "") + Placeholders(kDocumentColumns) +
                            ") RETURNING id");
  if (keep_id) query, soci::use(d.id);
  query, soci::use(d.agency_id), soci::use(kind), soci::use(d.title), soci::use(d.number),
      soci::use(made_on), soci::use(repealed_on.text, repealed_on.ind), soci::use(d.note),
      soci::use(d.created_by), soci::use(d.created_at), soci::use(d.updated_by),
      soci::use(d.updated_at), soci::use(version), soci::into(id);
  soci::statement insert = query;
  insert.execute(true);
  return id;
}

Status SociTransaction::UpdateNormativeDocument(const NormativeDocument& d) {
  GK_RETURN_IF_ERROR(CheckUsable("update normative document", true));
  return Write(
      "update " + Describe(d),
      [&]() -> Status {
        std::string kind(Code(d.kind)), made_on = d.made_on.ToString();
        NullableText repealed_on = OfDate(d.repealed_on);
        soci::statement update =
            (sql().prepare << "UPDATE normative_documents SET kind = :kind, title = :title,"
                              " number = :number, made_on = :made_on, repealed_on = :repealed_on,"
                              " note = :note, updated_by = :updated_by, updated_at = :updated_at,"
                              " version = version + 1 WHERE id = :id AND version = :version",
             soci::use(kind), soci::use(d.title), soci::use(d.number), soci::use(made_on),
             soci::use(repealed_on.text, repealed_on.ind), soci::use(d.note),
             soci::use(d.updated_by), soci::use(d.updated_at), soci::use(d.id),
             soci::use(d.version));
        update.execute(true);
        if (update.get_affected_rows() > 0) return OkStatus();
        int64_t current = 0;
        sql() << "SELECT version FROM normative_documents WHERE id = :id", soci::use(d.id),
            soci::into(current);
        if (!sql().got_data()) return NoSuchDocument(d.id);
        return Stale(Describe(d), current, d.version);
      },
      DocumentConstraints(d));
}

Result<NormativeDocument> SociTransaction::GetNormativeDocument(int64_t id) {
  GK_RETURN_IF_ERROR(CheckUsable("get normative document", false));
  Binds binds;
  std::string where = " WHERE id = " + binds.Add(id);
  GK_ASSIGN_OR_RETURN(std::vector<NormativeDocument> found,
                      SelectNormativeDocuments(where, binds, "id"));
  if (found.empty()) return NoSuchDocument(id);
  return std::move(found.front());
}

Result<std::vector<NormativeDocument>> SociTransaction::ListNormativeDocuments(int64_t agency_id) {
  GK_RETURN_IF_ERROR(CheckUsable("list normative documents", false));
  Binds binds;
  std::string where = " WHERE agency_id = " + binds.Add(agency_id);
  return SelectNormativeDocuments(where, binds, "made_on, id");
}

Result<std::vector<NormativeDocument>> SociTransaction::SelectNormativeDocuments(
    const std::string& where, Binds& binds, const std::string& order) {
  return Read("read normative documents", [&]() -> Result<std::vector<NormativeDocument>> {
    std::vector<NormativeDocument> out;
    NormativeDocument row;
    std::string kind, made_on;
    NullableText repealed_on;
    soci::details::prepare_temp_type query =
        (sql().prepare << std::string("SELECT id, ") + kDocumentColumns +
                              " FROM normative_documents" + where + " ORDER BY " + order,
         soci::into(row.id), soci::into(row.agency_id), soci::into(kind), soci::into(row.title),
         soci::into(row.number), soci::into(made_on),
         soci::into(repealed_on.text, repealed_on.ind), soci::into(row.note),
         soci::into(row.created_by), soci::into(row.created_at), soci::into(row.updated_by),
         soci::into(row.updated_at), soci::into(row.version));
    binds.Apply(query);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) {
      NormativeDocument d = row;
      bool ok = ParseInto(disclosure::ParseDocumentKind(kind), &d.kind) &&
                TakeDate(made_on, &d.made_on) && TakeDate(repealed_on, &d.repealed_on);
      if (!ok) {
        return Internal("normative_documents row " + std::to_string(d.id) +
                        " holds a code or date this gongkai cannot read");
      }
      out.push_back(std::move(d));
    }
    return out;
  });
}

Result<int64_t> SociTransaction::InsertDecisionFigures(const DecisionFigures& f) {
  GK_RETURN_IF_ERROR(CheckUsable("insert decision figures", true));
  return Write(
      "insert " + Describe(f),
      [&]() -> Result<int64_t> { return InsertDecisionFiguresRow(f, false); },
      FiguresConstraints(f));
}

int64_t SociTransaction::InsertDecisionFiguresRow(const DecisionFigures& f, bool keep_id) {
  int64_t version = keep_id ? f.version : 1;
  int64_t id = 0;
  soci::details::prepare_temp_type query =
      (sql().prepare << std::string("INSERT INTO decision_figures (") + (keep_id ? "id, " : "") +
                            kFiguresColumns + ") VALUES (" + (keep_id ? ":id, " : "") +
                            Placeholders(kFiguresColumns) + ") RETURNING id");
  if (keep_id) query, soci::use(f.id);
  query, soci::use(f.agency_id), soci::use(f.year), soci::use(f.licensing), soci::use(f.penalty),
      soci::use(f.coercion), soci::use(f.fee_fen), soci::use(f.updated_by),
      soci::use(f.updated_at), soci::use(version), soci::into(id);
  soci::statement insert = query;
  insert.execute(true);
  return id;
}

Status SociTransaction::UpdateDecisionFigures(const DecisionFigures& f) {
  GK_RETURN_IF_ERROR(CheckUsable("update decision figures", true));
  return Write(
      "update " + Describe(f),
      [&]() -> Status {
        soci::statement update =
            (sql().prepare << "UPDATE decision_figures SET licensing = :licensing,"
                              " penalty = :penalty, coercion = :coercion, fee_fen = :fee_fen,"
                              " updated_by = :updated_by, updated_at = :updated_at,"
                              " version = version + 1 WHERE agency_id = :agency_id"
                              " AND year = :year AND version = :version",
             soci::use(f.licensing), soci::use(f.penalty), soci::use(f.coercion),
             soci::use(f.fee_fen), soci::use(f.updated_by), soci::use(f.updated_at),
             soci::use(f.agency_id), soci::use(f.year), soci::use(f.version));
        update.execute(true);
        if (update.get_affected_rows() > 0) return OkStatus();
        int64_t current = 0;
        sql() << "SELECT version FROM decision_figures WHERE agency_id = :agency_id"
                 " AND year = :year",
            soci::use(f.agency_id), soci::use(f.year), soci::into(current);
        if (!sql().got_data()) {
          return NotFound(Describe(f) + " do not exist",
                          "该单位" + std::to_string(f.year) + "年度的数据不存在");
        }
        return Stale(Describe(f), current, f.version);
      },
      FiguresConstraints(f));
}

Result<std::optional<DecisionFigures>> SociTransaction::FindDecisionFigures(int64_t agency_id,
                                                                            int year) {
  GK_RETURN_IF_ERROR(CheckUsable("find decision figures", false));
  Binds binds;
  std::string where = " WHERE agency_id = " + binds.Add(agency_id);
  where += " AND year = " + binds.Add(static_cast<int64_t>(year));
  GK_ASSIGN_OR_RETURN(std::vector<DecisionFigures> found, SelectDecisionFigures(where, binds));
  if (found.empty()) return std::optional<DecisionFigures>();
  return std::optional<DecisionFigures>(std::move(found.front()));
}

Result<std::vector<DecisionFigures>> SociTransaction::ListDecisionFigures(int64_t agency_id) {
  GK_RETURN_IF_ERROR(CheckUsable("list decision figures", false));
  Binds binds;
  std::string where = " WHERE agency_id = " + binds.Add(agency_id);
  return SelectDecisionFigures(where, binds);
}

Result<std::vector<DecisionFigures>> SociTransaction::SelectDecisionFigures(
    const std::string& where, Binds& binds) {
  return Read("read decision figures", [&]() -> Result<std::vector<DecisionFigures>> {
    std::vector<DecisionFigures> out;
    DecisionFigures row;
    soci::details::prepare_temp_type query =
        (sql().prepare << std::string("SELECT id, ") + kFiguresColumns + " FROM decision_figures" +
                              where + (where.empty() ? " ORDER BY id" : " ORDER BY year, id"),
         soci::into(row.id), soci::into(row.agency_id), soci::into(row.year),
         soci::into(row.licensing), soci::into(row.penalty), soci::into(row.coercion),
         soci::into(row.fee_fen), soci::into(row.updated_by), soci::into(row.updated_at),
         soci::into(row.version));
    binds.Apply(query);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) out.push_back(row);
    return out;
  });
}

}  // namespace gongkai::storage
