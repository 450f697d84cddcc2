// Review and litigation records (review_cases): what Table 四 is counted from.
#include "storage/soci/columns.h"
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {
namespace {

using litigation::ReviewCase;

// Every column but id, in the order bound and read below.
constexpr char kReviewCaseColumns[] =
    "agency_id, application_id, kind, role, decision, applicant, body, case_number, filed_on,"
    " result, result_on, note, created_by, created_at, updated_by, updated_at, version";

std::string Describe(const ReviewCase& c) {
  return c.id > 0 ? "review case " + std::to_string(c.id)
                  : "review case of agency " + std::to_string(c.agency_id);
}

ConstraintMessages ReviewCaseConstraints(const ReviewCase& c) {
  return {
      .unique = nullptr,
      .foreign_key =
          [&] {
            return FailedPrecondition(Describe(c) + ": its agency or application does not exist",
                                      "复议诉讼案件所属单位或所涉申请不存在");
          },
  };
}

Status NoSuchReviewCase(int64_t id) {
  return NotFound("review case " + std::to_string(id) + " does not exist",
                  "复议诉讼案件（编号" + std::to_string(id) + "）不存在");
}

}  // namespace

Result<int64_t> SociTransaction::InsertReviewCase(const ReviewCase& c) {
  GK_RETURN_IF_ERROR(CheckUsable("insert review case", true));
  return Write(
      "insert " + Describe(c), [&]() -> Result<int64_t> { return InsertReviewCaseRow(c, false); },
      ReviewCaseConstraints(c));
}

int64_t SociTransaction::InsertReviewCaseRow(const ReviewCase& c, bool keep_id) {
  std::string kind(Code(c.kind)), role(Code(c.role)), result(Code(c.result)),
      filed_on = c.filed_on.ToString();
  NullableId application = OfId(c.application_id);
  NullableText result_on = OfDate(c.result_on);
  int64_t version = keep_id ? c.version : 1;
  int64_t id = 0;
  soci::details::prepare_temp_type query =
      (sql().prepare << std::string("INSERT INTO review_cases (") + (keep_id ? "id, " : "") +
                            kReviewCaseColumns + ") VALUES (" + (keep_id ? ":id, " : "") +
                            Placeholders(kReviewCaseColumns) + ") RETURNING id");
  if (keep_id) query, soci::use(c.id);
  query, soci::use(c.agency_id), soci::use(application.id, application.ind), soci::use(kind),
      soci::use(role), soci::use(c.decision), soci::use(c.applicant), soci::use(c.body),
      soci::use(c.case_number), soci::use(filed_on), soci::use(result),
      soci::use(result_on.text, result_on.ind), soci::use(c.note), soci::use(c.created_by),
      soci::use(c.created_at), soci::use(c.updated_by), soci::use(c.updated_at), soci::use(version),
      soci::into(id);
  soci::statement insert = query;
  insert.execute(true);
  return id;
}

Status SociTransaction::UpdateReviewCase(const ReviewCase& c) {
  GK_RETURN_IF_ERROR(CheckUsable("update review case", true));
  return Write(
      "update " + Describe(c),
      [&]() -> Status {
        std::string kind(Code(c.kind)), role(Code(c.role)), result(Code(c.result)),
            filed_on = c.filed_on.ToString();
        NullableId application = OfId(c.application_id);
        NullableText result_on = OfDate(c.result_on);
        soci::statement update =
            (sql().prepare << "UPDATE review_cases SET application_id = :application_id,"
                              " kind = :kind, role = :role, decision = :decision,"
                              " applicant = :applicant, body = :body, case_number = :case_number,"
                              " filed_on = :filed_on, result = :result, result_on = :result_on,"
                              " note = :note, updated_by = :updated_by, updated_at = :updated_at,"
                              " version = version + 1 WHERE id = :id AND version = :version",
             soci::use(application.id, application.ind), soci::use(kind), soci::use(role),
             soci::use(c.decision), soci::use(c.applicant), soci::use(c.body),
             soci::use(c.case_number), soci::use(filed_on), soci::use(result),
             soci::use(result_on.text, result_on.ind), soci::use(c.note), soci::use(c.updated_by),
             soci::use(c.updated_at), soci::use(c.id), soci::use(c.version));
        update.execute(true);
        if (update.get_affected_rows() > 0) return OkStatus();
        int64_t current = 0;
        sql() << "SELECT version FROM review_cases WHERE id = :id", soci::use(c.id),
            soci::into(current);
        if (!sql().got_data()) return NoSuchReviewCase(c.id);
        return Aborted("review case " + std::to_string(c.id) +
                           " was changed by someone else (version " + std::to_string(current) +
                           ", you had " + std::to_string(c.version) + "); reload and retry",
                       "该复议诉讼案件已被他人修改，请刷新后重试");
      },
      ReviewCaseConstraints(c));
}

Result<ReviewCase> SociTransaction::GetReviewCase(int64_t id) {
  GK_RETURN_IF_ERROR(CheckUsable("get review case", false));
  Binds binds;
  std::string where = " WHERE id = " + binds.Add(id);
  GK_ASSIGN_OR_RETURN(std::vector<ReviewCase> found, SelectReviewCases(where, binds, "id"));
  if (found.empty()) return NoSuchReviewCase(id);
  return std::move(found.front());
}

Result<std::vector<ReviewCase>> SociTransaction::ListReviewCases(int64_t agency_id,
                                                                 int64_t application_id) {
  GK_RETURN_IF_ERROR(CheckUsable("list review cases", false));
  Binds binds;
  std::string where = " WHERE agency_id = " + binds.Add(agency_id);
  if (application_id > 0) where += " AND application_id = " + binds.Add(application_id);
  return SelectReviewCases(where, binds, "filed_on, id");
}

Result<std::vector<ReviewCase>> SociTransaction::SelectReviewCases(const std::string& where,
                                                                   Binds& binds,
                                                                   const std::string& order) {
  return Read("read review cases", [&]() -> Result<std::vector<ReviewCase>> {
    std::vector<ReviewCase> out;
    ReviewCase row;
    std::string kind, role, result, filed_on;
    NullableId application;
    NullableText result_on;
    soci::details::prepare_temp_type query =
        (sql().prepare << std::string("SELECT id, ") + kReviewCaseColumns + " FROM review_cases" +
                              where + " ORDER BY " + order,
         soci::into(row.id), soci::into(row.agency_id), soci::into(application.id, application.ind),
         soci::into(kind), soci::into(role), soci::into(row.decision), soci::into(row.applicant),
         soci::into(row.body), soci::into(row.case_number), soci::into(filed_on),
         soci::into(result), soci::into(result_on.text, result_on.ind), soci::into(row.note),
         soci::into(row.created_by), soci::into(row.created_at), soci::into(row.updated_by),
         soci::into(row.updated_at), soci::into(row.version));
    binds.Apply(query);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) {
      ReviewCase c = row;
      c.application_id = application.value();
      bool ok = ParseInto(litigation::ParseCaseKind(kind), &c.kind) &&
                ParseInto(litigation::ParseAgencyRole(role), &c.role) &&
                ParseInto(litigation::ParseCaseResult(result), &c.result) &&
                TakeDate(filed_on, &c.filed_on) && TakeDate(result_on, &c.result_on);
      if (!ok) {
        return Internal("review_cases row " + std::to_string(c.id) +
                        " holds a code or date this gongkai cannot read");
      }
      out.push_back(std::move(c));
    }
    return out;
  });
}

}  // namespace gongkai::storage
