#include "service/db_copy.h"

#include <filesystem>
#include <memory>

namespace gongkai::service {
namespace {

Status CheckCurrent(storage::Store& store, const std::string& which) {
  GK_ASSIGN_OR_RETURN(storage::MigrationStatus m, store.Migrations());
  if (m.database_version == m.binary_version) return OkStatus();
  std::string hint = m.database_version < m.binary_version
                         ? "; run `gongkai --db URL db migrate` on it first"
                         : "; upgrade gongkai";
  return FailedPrecondition(which + " database is at migration " +
                                std::to_string(m.database_version) + ", this gongkai at " +
                                std::to_string(m.binary_version) + hint,
                            "数据库版本与本程序不一致，请先迁移或升级");
}

// SQLite would create a missing source file, empty; a typo in --from must fail instead.
Status CheckSourceExists(const std::string& url) {
  if (url.find("://") != std::string::npos) return OkStatus();
  std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
  std::error_code ec;
  if (path.empty() || path == ":memory:" || std::filesystem::exists(path, ec)) return OkStatus();
  return NotFound("source database file '" + path + "' does not exist",
                  "源数据库文件“" + path + "”不存在");
}

Result<storage::DataSnapshot> Export(storage::Store& store) {
  GK_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx,
                      store.Begin(storage::TxMode::kRead));
  return tx->ExportAll();
}

}  // namespace

Result<CopyReport> CopyStore(storage::Store& from, storage::Store& to) {
  GK_RETURN_IF_ERROR(CheckCurrent(from, "source"));
  GK_RETURN_IF_ERROR(CheckCurrent(to, "target"));
  CopyReport report;
  GK_ASSIGN_OR_RETURN(storage::MigrationStatus m, to.Migrations());
  report.migration = m.database_version;

  // One read transaction: a consistent source even if it is in use. It ends before the target's
  // write transaction begins, which matters when both are the same SQLite file.
  GK_ASSIGN_OR_RETURN(storage::DataSnapshot source, Export(from));
  report.source = SummariseSnapshot(source);
  {
    GK_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx,
                        to.Begin(storage::TxMode::kWrite));
    // Holding the head lock keeps the target's writers out while we compare and import.
    GK_RETURN_IF_ERROR(tx->LockAuditHead().status());
    GK_ASSIGN_OR_RETURN(storage::DataSnapshot existing, tx->ExportAll());
    GK_ASSIGN_OR_RETURN(storage::DataSnapshot missing, MissingRows(source, existing));
    report.copied = SummariseSnapshot(missing);
    report.copied.pop_back();  // the head is moved, not copied as a row
    GK_RETURN_IF_ERROR(tx->ImportAll(missing));
    GK_RETURN_IF_ERROR(tx->Commit());
  }
  GK_ASSIGN_OR_RETURN(storage::DataSnapshot copied, Export(to));
  report.target = SummariseSnapshot(copied);
  for (size_t i = 0; i < report.source.size(); ++i) {
    if (report.source[i] != report.target[i]) report.mismatches.push_back(report.source[i].table);
  }
  return report;
}

Result<CopyReport> CopyDatabase(const std::string& from_url, const std::string& to_url) {
  if (from_url == to_url) {
    return InvalidArgument("--from and --to name the same database", "源库与目标库相同");
  }
  GK_RETURN_IF_ERROR(CheckSourceExists(from_url));
  Result<std::unique_ptr<storage::Store>> from = storage::OpenStoreUnmigrated(from_url);
  if (!from.ok()) {
    Status status = from.status();
    return status.Annotate("source", "源库");
  }
  Result<std::unique_ptr<storage::Store>> to = storage::OpenStore(to_url);
  if (!to.ok()) {
    Status status = to.status();
    return status.Annotate("target", "目标库");
  }
  return CopyStore(**from, **to);
}

}  // namespace gongkai::service
