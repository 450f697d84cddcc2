#include "storage/migration.h"

#include <cstdio>

namespace gongkai::storage {

int LatestVersion(std::span<const Migration> migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

std::string MigrationLabel(const Migration& m) {
  char number[16];
  std::snprintf(number, sizeof number, "%04d", m.version);
  return std::string(number) + "_" + std::string(m.name);
}

Status CheckNotNewer(int database_version, int binary_version) {
  if (database_version <= binary_version) return OkStatus();
  return FailedPrecondition("database is at migration " + std::to_string(database_version) +
                                " but this gongkai knows only up to " +
                                std::to_string(binary_version) + "; upgrade gongkai",
                            "数据库版本（" + std::to_string(database_version) +
                                "）高于本程序支持的版本（" + std::to_string(binary_version) +
                                "），请升级 gongkai");
}

}  // namespace gongkai::storage
