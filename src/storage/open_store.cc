// OpenStore: the one place that turns a database URL into an adapter.
#include <string>

#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/store.h"

namespace gongkai::storage {

Result<std::unique_ptr<Store>> OpenStoreUnmigrated(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return postgres::PostgresStore::Open(std::string(url));
  }
  std::string_view path = url;
  if (path.starts_with("sqlite:")) path.remove_prefix(std::string_view("sqlite:").size());
  if (path.empty()) {
    return InvalidArgument("database URL '" + std::string(url) + "' names no file",
                           "数据库地址“" + std::string(url) + "”未指定文件");
  }
  return sqlite::SqliteStore::Open(std::string(path));
}

Result<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  GK_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStoreUnmigrated(url));
  GK_RETURN_IF_ERROR(store->Migrate().status());
  return store;
}

}  // namespace gongkai::storage
