// Uploaded report files (report_sources): the bytes kept as uploaded, the unit set once.
#include "storage/soci/hex.h"
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {
namespace {

Status NoSuchSource(int64_t id) {
  return NotFound("report file " + std::to_string(id) + " does not exist",
                  "上传的报告文件（编号" + std::to_string(id) + "）不存在");
}

ConstraintMessages SourceConstraints(const ReportSource& s) {
  return {
      .unique = nullptr,
      .foreign_key =
          [&] {
            return FailedPrecondition(
                "report file '" + s.file_name + "': its unit or uploader does not exist",
                "上传的报告文件所属单位或上传人不存在");
          },
  };
}

}  // namespace

Result<int64_t> SociTransaction::InsertReportSource(const ReportSource& s) {
  GK_RETURN_IF_ERROR(CheckUsable("insert report file", true));
  return Write(
      "insert report file '" + s.file_name + "'",
      [&]() -> Result<int64_t> { return InsertReportSourceRow(s, /*keep_id=*/false); },
      SourceConstraints(s));
}

Result<ReportSource> SociTransaction::GetReportSource(int64_t id) {
  GK_RETURN_IF_ERROR(CheckUsable("get report file", false));
  GK_ASSIGN_OR_RETURN(std::vector<ReportSource> found, SelectReportSources(id));
  if (found.empty()) return NoSuchSource(id);
  return std::move(found.front());
}

Result<std::vector<ReportSource>> SociTransaction::SelectReportSources(std::optional<int64_t> id) {
  return Read("read report files", [&]() -> Result<std::vector<ReportSource>> {
    std::vector<ReportSource> out;
    ReportSource row;
    int64_t agency = 0, uploader = 0, one = id.value_or(0);
    soci::indicator agency_ind = soci::i_null, uploader_ind = soci::i_null;
    std::string content;
    soci::details::prepare_temp_type query =
        (sql().prepare << "SELECT id, agency_id, uploader_id, uploaded_by, uploaded_at, file_name,"
                          " media_kind, size, sha256, " +
                              dialect_.BinaryColumn("content") + " FROM report_sources" +
                              (id ? " WHERE id = :id" : "") + " ORDER BY id",
         soci::into(row.id), soci::into(agency, agency_ind), soci::into(uploader, uploader_ind),
         soci::into(row.uploaded_by), soci::into(row.uploaded_at), soci::into(row.file_name),
         soci::into(row.media_kind), soci::into(row.size), soci::into(row.sha256),
         soci::into(content));
    if (id) query, soci::use(one);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) {
      row.agency_id = agency_ind == soci::i_ok ? std::optional<int64_t>(agency) : std::nullopt;
      row.uploader_id =
          uploader_ind == soci::i_ok ? std::optional<int64_t>(uploader) : std::nullopt;
      if (!dialect_.BinaryAsHex()) {
        row.content = content;
      } else if (!FromHex(content, &row.content)) {
        return Internal("report_sources row " + std::to_string(row.id) +
                        ": the database returned malformed hex");
      }
      out.push_back(row);
    }
    return out;
  });
}

Status SociTransaction::SetReportSourceAgency(int64_t id, int64_t agency_id) {
  GK_RETURN_IF_ERROR(CheckUsable("set the unit of a report file", true));
  return Write(
      "set the unit of report file " + std::to_string(id),
      [&]() -> Status {
        int64_t current = 0;
        soci::indicator current_ind = soci::i_null;
        sql() << "SELECT agency_id FROM report_sources WHERE id = :id", soci::use(id),
            soci::into(current, current_ind);
        if (!sql().got_data()) return NoSuchSource(id);
        if (current_ind == soci::i_ok) {
          if (current == agency_id) return OkStatus();
          return FailedPrecondition("report file " + std::to_string(id) +
                                        " was already saved as the report of agency " +
                                        std::to_string(current),
                                    "该文件已保存为另一个单位的报告，不能再保存为本单位的报告");
        }
        sql() << "UPDATE report_sources SET agency_id = :agency_id WHERE id = :id",
            soci::use(agency_id), soci::use(id);
        return OkStatus();
      },
      {.unique = nullptr, .foreign_key = [&] {
         return FailedPrecondition("agency " + std::to_string(agency_id) + " does not exist",
                                   "单位（编号" + std::to_string(agency_id) + "）不存在");
       }});
}

Result<int64_t> SociTransaction::DeleteUnsavedReportSources(std::string_view uploaded_before) {
  GK_RETURN_IF_ERROR(CheckUsable("delete unsaved report files", true));
  return Write("delete unsaved report files", [&]() -> Result<int64_t> {
    std::string before(uploaded_before);
    soci::statement del =
        (sql().prepare << "DELETE FROM report_sources WHERE agency_id IS NULL AND"
                          " uploaded_at < :before AND NOT EXISTS (SELECT 1 FROM annual_reports"
                          " WHERE annual_reports.source_id = report_sources.id)",
         soci::use(before));
    del.execute(true);
    return static_cast<int64_t>(del.get_affected_rows());
  });
}

int64_t SociTransaction::InsertReportSourceRow(const ReportSource& s, bool keep_id) {
  int64_t id = 0;
  int64_t agency = s.agency_id.value_or(0), uploader = s.uploader_id.value_or(0);
  soci::indicator agency_ind = s.agency_id ? soci::i_ok : soci::i_null;
  soci::indicator uploader_ind = s.uploader_id ? soci::i_ok : soci::i_null;
  std::string hex;
  if (dialect_.BinaryAsHex()) hex = ToHex(s.content);
  const std::string& content = dialect_.BinaryAsHex() ? hex : s.content;
  std::string columns =
      "agency_id, uploader_id, uploaded_by, uploaded_at, file_name, media_kind,"
      " size, sha256, content";
  std::string values =
      ":agency_id, :uploader_id, :uploaded_by, :uploaded_at, :file_name,"
      " :media_kind, :size, :sha256, " +
      dialect_.BinaryParam("content");
  soci::details::prepare_temp_type query =
      (sql().prepare << "INSERT INTO report_sources (" + std::string(keep_id ? "id, " : "") +
                            columns + ") VALUES (" + (keep_id ? ":id, " : "") + values +
                            ") RETURNING id");
  if (keep_id) query, soci::use(s.id);
  query, soci::use(agency, agency_ind), soci::use(uploader, uploader_ind), soci::use(s.uploaded_by),
      soci::use(s.uploaded_at), soci::use(s.file_name), soci::use(s.media_kind), soci::use(s.size),
      soci::use(s.sha256), soci::use(content), soci::into(id);
  soci::statement insert = query;
  insert.execute(true);
  return id;
}

}  // namespace gongkai::storage
