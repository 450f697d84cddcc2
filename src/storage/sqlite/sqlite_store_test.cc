// SQLite-only behaviour: URL forms, WAL, busy handling, corrupt enum codes, the embedded
// migrations.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>

#include "storage/migration.h"
#include "storage/store.h"
#include "storage/testing/sqlite_raw.h"

namespace gongkai::storage {
namespace {

class TempDir {
 public:
  TempDir() {
    std::string t = (std::filesystem::temp_directory_path() / "gk-sqlite-XXXXXX").string();
    path_ = mkdtemp(t.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

TEST(OpenStoreTest, UrlForms) {
  struct Case {
    std::string url;
    StatusCode want;
  };
  const Case cases[] = {
      {":memory:", StatusCode::kOk},
      {"sqlite::memory:", StatusCode::kOk},
      {"sqlite:", StatusCode::kInvalidArgument},
      {"", StatusCode::kInvalidArgument},
      {"/nonexistent-dir-gk/x.db", StatusCode::kUnavailable},
  };
  for (const Case& c : cases) {
    auto store = OpenStore(c.url);
    EXPECT_EQ(store.status().code(), c.want) << c.url << ": " << store.status().ToString();
    if (store.ok()) {
      EXPECT_EQ((*store)->backend(), "sqlite");
    }
  }
  // postgresql:// and postgres:// URLs: see postgres/postgres_store_test.cc.
}

TEST(SqliteStoreTest, FileDatabaseUsesWal) {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);  // a bare path works as well as sqlite:PATH
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
}

TEST(SqliteStoreTest, UnknownEnumCodesAreInternalErrors) {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  {
    auto tx = (*store)->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    Agency a;
    a.name = "甲";
    a.leading_group = {{"乙", "主任", GroupRole::kHead}};
    auto id = (*tx)->InsertAgency(a);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    User u;
    u.username = "zhangsan";
    u.display_name = "张三";
    u.agency_id = *id;
    ASSERT_TRUE((*tx)->InsertUser(u).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  struct Case {
    std::string corrupt;
    std::function<Status(Transaction&)> read;
    std::string want;
  };
  const Case cases[] = {
      {"UPDATE agencies SET level = 'galaxy'",
       [](Transaction& tx) { return tx.GetAgency(1).status(); },
       "agencies row 1 has unknown level 'galaxy'"},
      {"UPDATE agencies SET level = 'district'; UPDATE agency_group_members SET role = 'emperor'",
       [](Transaction& tx) { return tx.ListAgencies().status(); },
       "agency_group_members row of agency 1 has unknown role 'emperor'"},
      {"UPDATE users SET role = 'root'",
       [](Transaction& tx) { return tx.FindUserByName("zhangsan").status(); },
       "users row 1 has unknown role 'root'"},
      {"INSERT INTO calendar_years (year, source, body) VALUES (2023, 'x', 'nonsense')",
       [](Transaction& tx) { return tx.ListCalendarYears().status(); },
       "calendar_years row 2023 does not parse"},
  };
  for (const Case& c : cases) {
    ASSERT_EQ(
        test_support::ExecSqliteRaw(path, "PRAGMA ignore_check_constraints = ON; " + c.corrupt),
        "");
    auto tx = (*store)->Begin(TxMode::kRead);
    ASSERT_TRUE(tx.ok());
    Status s = c.read(**tx);
    EXPECT_EQ(s.code(), StatusCode::kInternal) << s.ToString();
    EXPECT_NE(s.message().find(c.want), std::string::npos) << s.message();
  }
}

// Slow (waits out busy_timeout): another process holds the write lock for longer than 5 s.
TEST(SqliteStoreTest, WriterBlockedPastBusyTimeoutIsUnavailable) {
  TempDir dir;
  std::string path = dir.File("g.db");
  auto store = OpenStore(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto tx = (*store)->Begin(TxMode::kWrite);
  EXPECT_EQ(tx.status().code(), StatusCode::kUnavailable) << tx.status().ToString();
  // Readers are not blocked by a writer (WAL).
  auto read = (*store)->Begin(TxMode::kRead);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_TRUE((*read)->ListAgencies().ok());
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
}

TEST(SqliteMigrationsTest, NumberedWithoutGaps) {
  auto migrations = SqliteMigrations();
  ASSERT_FALSE(migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(migrations[i].name.empty());
    EXPECT_NE(migrations[i].sql.find("CREATE"), std::string_view::npos);
  }
  EXPECT_EQ(migrations[0].name, "foundation");
}

}  // namespace
}  // namespace gongkai::storage
