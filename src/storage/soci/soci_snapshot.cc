// Bulk export and import for `gongkai db copy`: every row with its own id, so foreign keys and the
// audit log's entity references stay right in the target.
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {

Result<DataSnapshot> SociTransaction::ExportAll() {
  GK_RETURN_IF_ERROR(CheckUsable("export", false));
  DataSnapshot out;
  GK_ASSIGN_OR_RETURN(out.agencies, ListAgencies());
  GK_ASSIGN_OR_RETURN(out.users, ListUsers());
  GK_ASSIGN_OR_RETURN(out.calendar_years, ListCalendarYears());
  GK_ASSIGN_OR_RETURN(out.report_sources, SelectReportSources(std::nullopt));
  GK_ASSIGN_OR_RETURN(out.reports, SelectReports("", 0, "id"));
  Binds none;
  GK_ASSIGN_OR_RETURN(out.applications,
                      SelectApplications("", " ORDER BY id", none, /*with_events=*/true));
  GK_ASSIGN_OR_RETURN(out.review_cases, SelectReviewCases("", none, "id"));
  GK_ASSIGN_OR_RETURN(out.publications,
                      SelectPublications("", " ORDER BY id", none, /*full=*/true));
  GK_ASSIGN_OR_RETURN(std::vector<publication::Attachment> attachments,
                      SelectAttachments("", 0, nullptr));
  for (const publication::Attachment& a : attachments) {
    std::string data;
    GK_ASSIGN_OR_RETURN(std::vector<publication::Attachment> one,
                        SelectAttachments(" WHERE id = :id", a.id, &data));
    out.attachments.emplace_back(a, std::move(data));
  }
  GK_ASSIGN_OR_RETURN(out.channel_records, SelectChannelRecords(std::nullopt));
  GK_ASSIGN_OR_RETURN(out.normative_documents, SelectNormativeDocuments("", none, "id"));
  GK_ASSIGN_OR_RETURN(out.decision_figures, SelectDecisionFigures("", none));
  for (;;) {
    int64_t after = out.audit.empty() ? 0 : out.audit.back().seq;
    GK_ASSIGN_OR_RETURN(std::vector<AuditEntry> page, ListAudit(after, 5000));
    if (page.empty()) break;
    out.audit.insert(out.audit.end(), page.begin(), page.end());
  }
  GK_ASSIGN_OR_RETURN(out.audit_head, ReadAuditHead(false));
  return out;
}

Status SociTransaction::ImportAll(const DataSnapshot& rows) {
  GK_RETURN_IF_ERROR(CheckUsable("import", true));
  appended_audit_ = true;
  std::string row;  // the row being written, for messages: "agencies id 3"
  ConstraintMessages messages{
      .unique =
          [&](const UniqueViolation& violation) {
            return AlreadyExists("import: " + row + " clashes with a row already in the target (" +
                                     std::string(violation.detail) + ")",
                                 "导入失败：" + row + " 与目标库中已有记录冲突");
          },
      .foreign_key =
          [&] {
            return FailedPrecondition("import: " + row + " refers to a row the target lacks",
                                      "导入失败：" + row + " 引用的记录在目标库中不存在");
          },
  };
  // A savepoint on every backend: all-or-nothing, and the transaction stays usable.
  Status status = Write(
      "import",
      [&]() -> Status {
        // Parents are linked in a second pass: an agency may have been moved under a newer one.
        for (const Agency& a : rows.agencies) {
          row = "agencies id " + std::to_string(a.id);
          std::string level(Code(a.level));
          sql() << "INSERT INTO agencies (id, parent_id, level, name, short_name, region_code,"
                   " office_name, office_address, office_phone, office_hours, office_email,"
                   " version) VALUES (:id, NULL, :level, :name, :short_name, :region_code,"
                   " :office_name, :office_address, :office_phone, :office_hours, :office_email,"
                   " :version)",
              soci::use(a.id), soci::use(level), soci::use(a.name), soci::use(a.short_name),
              soci::use(a.region_code), soci::use(a.office.name), soci::use(a.office.address),
              soci::use(a.office.phone), soci::use(a.office.hours), soci::use(a.office.email),
              soci::use(a.version);
          ReplaceLeadingGroup(a.id, a.leading_group);
        }
        for (const Agency& a : rows.agencies) {
          if (!a.parent_id) continue;
          row = "agencies id " + std::to_string(a.id);
          sql() << "UPDATE agencies SET parent_id = :parent_id WHERE id = :id",
              soci::use(*a.parent_id), soci::use(a.id);
        }
        for (const User& u : rows.users) {
          row = "users id " + std::to_string(u.id);
          std::string role(Code(u.role));
          int active = u.active ? 1 : 0;
          sql() << "INSERT INTO users (id, username, display_name, role, agency_id, password_hash,"
                   " active, failed_logins, locked_until, version) VALUES (:id, :username,"
                   " :display_name, :role, :agency_id, :password_hash, :active, :failed_logins,"
                   " :locked_until, :version)",
              soci::use(u.id), soci::use(u.username), soci::use(u.display_name), soci::use(role),
              soci::use(u.agency_id), soci::use(u.password_hash), soci::use(active),
              soci::use(u.failed_logins), soci::use(u.locked_until), soci::use(u.version);
        }
        for (const CalendarYear& y : rows.calendar_years) {
          row = "calendar_years year " + std::to_string(y.year);
          std::string body = FormatCalendarYear(y);
          sql() << "INSERT INTO calendar_years (year, source, body) VALUES (:year, :source, :body)",
              soci::use(y.year), soci::use(y.source), soci::use(body);
        }
        for (const ReportSource& source : rows.report_sources) {
          row = "report_sources id " + std::to_string(source.id);
          InsertReportSourceRow(source, /*keep_id=*/true);
        }
        for (const AnnualReport& r : rows.reports) {
          row = "annual_reports id " + std::to_string(r.id);
          std::string status(Code(r.status)), origin(Code(r.origin));
          soci::indicator source_ind = r.source_id ? soci::i_ok : soci::i_null;
          sql() << "INSERT INTO annual_reports (id, agency_id, year, version, status, origin,"
                   " format_id, body, correction_note, return_comment, source_name, created_by,"
                   " created_at, updated_by, updated_at, submitted_by, submitted_at, approved_by,"
                   " published_at, source_id, row_version) VALUES (:id, :agency_id, :year,"
                   " :version, :status, :origin, :format_id, :body, :correction_note,"
                   " :return_comment, :source_name, :created_by, :created_at, :updated_by,"
                   " :updated_at, :submitted_by, :submitted_at, :approved_by, :published_at,"
                   " :source_id, :row_version)",
              soci::use(r.id), soci::use(r.agency_id), soci::use(r.year), soci::use(r.version),
              soci::use(status), soci::use(origin), soci::use(r.format_id), soci::use(r.body),
              soci::use(r.correction_note), soci::use(r.return_comment), soci::use(r.source_name),
              soci::use(r.created_by), soci::use(r.created_at), soci::use(r.updated_by),
              soci::use(r.updated_at), soci::use(r.submitted_by), soci::use(r.submitted_at),
              soci::use(r.approved_by), soci::use(r.published_at),
              soci::use(r.source_id, source_ind), soci::use(r.row_version);
          ReplaceReportChildren(r);
        }
        for (const application::Application& a : rows.applications) {
          row = "applications id " + std::to_string(a.id);
          InsertApplicationRow(a, /*keep_id=*/true);
        }
        for (const litigation::ReviewCase& c : rows.review_cases) {
          row = "review_cases id " + std::to_string(c.id);
          InsertReviewCaseRow(c, /*keep_id=*/true);
        }
        for (const publication::Publication& p : rows.publications) {
          row = "publications id " + std::to_string(p.id);
          InsertPublicationRow(p, /*keep_id=*/true);
        }
        for (const auto& [a, data] : rows.attachments) {
          row = "publication_attachments id " + std::to_string(a.id);
          InsertAttachmentRow(a, data, /*keep_id=*/true);
        }
        for (const publication::ChannelRecord& r : rows.channel_records) {
          row = "publication_channels id " + std::to_string(r.id);
          InsertChannelRow(r, /*keep_id=*/true);
        }
        for (const disclosure::NormativeDocument& d : rows.normative_documents) {
          row = "normative_documents id " + std::to_string(d.id);
          InsertNormativeDocumentRow(d, /*keep_id=*/true);
        }
        for (const disclosure::DecisionFigures& f : rows.decision_figures) {
          row = "decision_figures id " + std::to_string(f.id);
          InsertDecisionFiguresRow(f, /*keep_id=*/true);
        }
        row = "identity sequences";
        dialect_.ContinueIdsAfterImport(sql());
        if (rows.audit.empty()) return OkStatus();
        GK_ASSIGN_OR_RETURN(AuditHead head, ReadAuditHead(true));
        for (const AuditEntry& e : rows.audit) {
          row = "audit_log seq " + std::to_string(e.seq);
          if (e.seq != head.seq + 1 || e.prev_hash != head.hash) {
            return Aborted("import: " + row + " does not continue the target's audit chain (head " +
                               std::to_string(head.seq) + ")",
                           "导入失败：" + row + " 与目标库的操作日志链不衔接");
          }
          InsertAuditRow(e);
          head = {e.seq, e.hash};
        }
        MoveAuditHead(head);
        return OkStatus();
      },
      messages, /*savepoint=*/true);
  if (status.code() == StatusCode::kInternal) status.Annotate(row, row);
  return status;
}

}  // namespace gongkai::storage
