// Annual reports (one row per version), their accepted warnings and a summary's units.
#include <map>

#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {
namespace {

std::string Describe(const AnnualReport& r) {
  return "annual report of agency " + std::to_string(r.agency_id) + " for " +
         std::to_string(r.year) + " version " + std::to_string(r.version);
}

ConstraintMessages ReportConstraints(const AnnualReport& r) {
  return {
      .unique =
          [&](const UniqueViolation& violation) {
            // PostgreSQL names the index; SQLite lists its columns (the open-version index has two,
            // the version key three).
            bool one_open =
                violation.names_constraint
                    ? violation.detail == "annual_reports_one_open"
                    : violation.detail.find("annual_reports.year") != std::string_view::npos &&
                          violation.detail.find("annual_reports.version") == std::string_view::npos;
            if (one_open) {
              return AlreadyExists(
                  Describe(r) + ": another version of that year is already being edited",
                  std::to_string(r.year) + "年度报告已有一个正在编辑或待审批的版本");
            }
            return AlreadyExists(
                Describe(r) + " already exists (" + std::string(violation.detail) + ")",
                std::to_string(r.year) + "年度报告第" + std::to_string(r.version) + "版已存在");
          },
      .foreign_key =
          [&] {
            return FailedPrecondition(
                Describe(r) + ": its agency, a summary unit or its source file does not exist",
                "年度报告所属单位、汇总单位或来源文件不存在");
          },
  };
}

Status NoSuchReport(int64_t id) {
  return NotFound("annual report " + std::to_string(id) + " does not exist",
                  "年度报告（编号" + std::to_string(id) + "）不存在");
}

}  // namespace

Result<int64_t> SociTransaction::InsertReport(const AnnualReport& r) {
  GK_RETURN_IF_ERROR(CheckUsable("insert annual report", true));
  return Write(
      "insert " + Describe(r),
      [&]() -> Result<int64_t> {
        std::string status(Code(r.status)), origin(Code(r.origin));
        int64_t id = 0;
        soci::indicator source_ind = r.source_id ? soci::i_ok : soci::i_null;
        sql() << "INSERT INTO annual_reports (agency_id, year, version, status, origin, format_id,"
                 " body, correction_note, return_comment, source_name, created_by, created_at,"
                 " updated_by, updated_at, submitted_by, submitted_at, approved_by, published_at,"
                 " source_id, row_version) VALUES (:agency_id, :year, :version, :status, :origin,"
                 " :format_id, :body, :correction_note, :return_comment, :source_name,"
                 " :created_by, :created_at, :updated_by, :updated_at, :submitted_by,"
                 " :submitted_at, :approved_by, :published_at, :source_id, 1) RETURNING id",
            soci::use(r.agency_id), soci::use(r.year), soci::use(r.version), soci::use(status),
            soci::use(origin), soci::use(r.format_id), soci::use(r.body),
            soci::use(r.correction_note), soci::use(r.return_comment), soci::use(r.source_name),
            soci::use(r.created_by), soci::use(r.created_at), soci::use(r.updated_by),
            soci::use(r.updated_at), soci::use(r.submitted_by), soci::use(r.submitted_at),
            soci::use(r.approved_by), soci::use(r.published_at), soci::use(r.source_id, source_ind),
            soci::into(id);
        AnnualReport with_id = r;
        with_id.id = id;
        ReplaceReportChildren(with_id);
        return id;
      },
      ReportConstraints(r));
}

Status SociTransaction::UpdateReport(const AnnualReport& r) {
  GK_RETURN_IF_ERROR(CheckUsable("update annual report", true));
  return Write(
      "update annual report " + std::to_string(r.id),
      [&]() -> Status {
        std::string status(Code(r.status)), origin(Code(r.origin));
        soci::statement update =
            (sql().prepare << "UPDATE annual_reports SET status = :status, origin = :origin,"
                              " format_id = :format_id, body = :body,"
                              " correction_note = :correction_note,"
                              " return_comment = :return_comment, source_name = :source_name,"
                              " updated_by = :updated_by, updated_at = :updated_at,"
                              " submitted_by = :submitted_by, submitted_at = :submitted_at,"
                              " approved_by = :approved_by, published_at = :published_at,"
                              " row_version = row_version + 1"
                              " WHERE id = :id AND row_version = :row_version",
             soci::use(status), soci::use(origin), soci::use(r.format_id), soci::use(r.body),
             soci::use(r.correction_note), soci::use(r.return_comment), soci::use(r.source_name),
             soci::use(r.updated_by), soci::use(r.updated_at), soci::use(r.submitted_by),
             soci::use(r.submitted_at), soci::use(r.approved_by), soci::use(r.published_at),
             soci::use(r.id), soci::use(r.row_version));
        update.execute(true);
        if (update.get_affected_rows() == 0) {
          int64_t current = 0;
          sql() << "SELECT row_version FROM annual_reports WHERE id = :id", soci::use(r.id),
              soci::into(current);
          if (!sql().got_data()) return NoSuchReport(r.id);
          return Aborted("annual report " + std::to_string(r.id) +
                             " was changed by someone else (version " + std::to_string(current) +
                             ", you had " + std::to_string(r.row_version) + "); reload and retry",
                         "该年度报告已被他人修改，请刷新后重试（您的输入已保留）");
        }
        // Explanations and units change only while the report is being worked on; a published
        // version's are frozen with it (the database refuses otherwise).
        if (r.status == ReportStatus::kDraft || r.status == ReportStatus::kPending) {
          ReplaceReportChildren(r);
        }
        return OkStatus();
      },
      ReportConstraints(r));
}

void SociTransaction::ReplaceReportChildren(const AnnualReport& r) {
  sql() << "DELETE FROM report_acceptances WHERE report_id = :id", soci::use(r.id);
  for (size_t i = 0; i < r.acceptances.size(); ++i) {
    const WarningAcceptance& a = r.acceptances[i];
    int position = static_cast<int>(i);
    sql()
        << "INSERT INTO report_acceptances (report_id, position, rule, fingerprint, reason,"
           " accepted_by, accepted_at) VALUES (:report_id, :position, :rule, :fingerprint, :reason,"
           " :accepted_by, :accepted_at)",
        soci::use(r.id), soci::use(position), soci::use(a.rule), soci::use(a.fingerprint),
        soci::use(a.reason), soci::use(a.by), soci::use(a.at);
  }
  sql() << "DELETE FROM report_summary_units WHERE report_id = :id", soci::use(r.id);
  for (int64_t unit : r.summary_units) {
    sql() << "INSERT INTO report_summary_units (report_id, unit_id) VALUES (:report_id, :unit_id)",
        soci::use(r.id), soci::use(unit);
  }
}

Result<AnnualReport> SociTransaction::GetReport(int64_t id) {
  GK_RETURN_IF_ERROR(CheckUsable("get annual report", false));
  GK_ASSIGN_OR_RETURN(std::vector<AnnualReport> found, SelectReports(" WHERE id = :v", id, "id"));
  if (found.empty()) return NoSuchReport(id);
  return std::move(found.front());
}

Result<std::vector<AnnualReport>> SociTransaction::ListReports(int64_t agency_id) {
  GK_RETURN_IF_ERROR(CheckUsable("list annual reports", false));
  return SelectReports(" WHERE agency_id = :v", agency_id, "year DESC, version");
}

Result<std::vector<AnnualReport>> SociTransaction::ListReportsOfYear(int year) {
  GK_RETURN_IF_ERROR(CheckUsable("list annual reports", false));
  return SelectReports(" WHERE year = :v", year, "agency_id, version");
}

Result<std::vector<AnnualReport>> SociTransaction::SelectReports(const std::string& where,
                                                                 int64_t value,
                                                                 const std::string& order) {
  return Read("read annual reports", [&]() -> Result<std::vector<AnnualReport>> {
    std::vector<AnnualReport> reports;
    AnnualReport row;
    std::string status, origin;
    int64_t source = 0;
    soci::indicator source_ind = soci::i_null;
    soci::details::prepare_temp_type query =
        (sql().prepare << "SELECT id, agency_id, year, version, status, origin, format_id, body,"
                          " correction_note, return_comment, source_name, created_by, created_at,"
                          " updated_by, updated_at, submitted_by, submitted_at, approved_by,"
                          " published_at, row_version, source_id FROM annual_reports" +
                              where + " ORDER BY " + order,
         soci::into(row.id), soci::into(row.agency_id), soci::into(row.year),
         soci::into(row.version), soci::into(status), soci::into(origin), soci::into(row.format_id),
         soci::into(row.body), soci::into(row.correction_note), soci::into(row.return_comment),
         soci::into(row.source_name), soci::into(row.created_by), soci::into(row.created_at),
         soci::into(row.updated_by), soci::into(row.updated_at), soci::into(row.submitted_by),
         soci::into(row.submitted_at), soci::into(row.approved_by), soci::into(row.published_at),
         soci::into(row.row_version), soci::into(source, source_ind));
    if (!where.empty()) query, soci::use(value);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) {
      std::optional<ReportStatus> s = ParseReportStatus(status);
      std::optional<ReportOrigin> o = ParseReportOrigin(origin);
      if (!s || !o) {
        return Internal("annual_reports row " + std::to_string(row.id) + " has unknown status '" +
                        status + "' or origin '" + origin + "'");
      }
      row.status = *s;
      row.origin = *o;
      row.source_id = source_ind == soci::i_ok ? source : 0;
      reports.push_back(row);
    }
    if (reports.empty()) return reports;

    // Children, fetched per report: a listing holds a handful of versions per agency.
    for (AnnualReport& r : reports) {
      WarningAcceptance a;
      soci::statement acceptances =
          (sql().prepare << "SELECT rule, fingerprint, reason, accepted_by, accepted_at FROM"
                            " report_acceptances WHERE report_id = :id ORDER BY position",
           soci::into(a.rule), soci::into(a.fingerprint), soci::into(a.reason), soci::into(a.by),
           soci::into(a.at), soci::use(r.id));
      acceptances.execute();
      while (acceptances.fetch()) r.acceptances.push_back(a);
      if (r.origin != ReportOrigin::kSummary) continue;
      int64_t unit = 0;
      soci::statement units =
          (sql().prepare << "SELECT unit_id FROM report_summary_units WHERE report_id = :id"
                            " ORDER BY unit_id",
           soci::into(unit), soci::use(r.id));
      units.execute();
      while (units.fetch()) r.summary_units.push_back(unit);
    }
    return reports;
  });
}

}  // namespace gongkai::storage
