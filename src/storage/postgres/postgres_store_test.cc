// PostgreSQL-only behaviour: URL forms, connection failures, a connection dropped mid-use, servers
// migrating together, the embedded migrations. Tests that need a server skip unless env
// GONGKAI_TEST_PG_URL names one (see scripts/pg-test-server).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "storage/migration.h"
#include "storage/store.h"
#include "storage/testing/pg_raw.h"

namespace gongkai::storage {
namespace {

using test_support::PgTestUrl;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A fresh database for one test, dropped at the end.
class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    maintenance_ = PgTestUrl();
    if (maintenance_.empty()) GTEST_SKIP() << "set GONGKAI_TEST_PG_URL to run";
    std::string error;
    url_ = test_support::CreatePgTestDatabase(maintenance_, &error);
    ASSERT_EQ(error, "");
  }
  void TearDown() override {
    if (!url_.empty()) {
      EXPECT_EQ(test_support::DropPgTestDatabase(maintenance_, url_), "");
    }
  }

  // Ends every connection to our database but the caller's, and waits until they are gone.
  void KillConnections() {
    std::string db = test_support::PgDatabaseOf(url_);
    ASSERT_EQ(test_support::ExecPgRaw(maintenance_,
                                      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                      " WHERE datname = '" +
                                          db + "' AND pid <> pg_backend_pid()"),
              "");
    for (int i = 0; i < 100; ++i) {
      std::string still = test_support::ExecPgRaw(
          maintenance_, "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = '" +
                            db + "') THEN RAISE EXCEPTION 'busy'; END IF; END $$");
      if (still.empty()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "connections to " << db << " did not go away";
  }

  std::string maintenance_;
  std::string url_;
};

Agency NamedAgency(std::string name) {
  Agency a;
  a.name = std::move(name);
  return a;
}

// No server needed: nothing listens on port 1, and malformed URLs fail before connecting.
TEST(PostgresOpenTest, UnreachableOrMalformedUrls) {
  struct Case {
    std::string url;
    StatusCode want;
    std::string message_part;
  };
  const Case cases[] = {
      {"postgresql://gk:s3cret-pw@127.0.0.1:1/gongkai", StatusCode::kUnavailable,
       "cannot connect to PostgreSQL at 127.0.0.1:1: "},
      {"postgres://127.0.0.1:1/gongkai", StatusCode::kUnavailable,
       "cannot connect to PostgreSQL at 127.0.0.1:1: "},
      {"postgresql://gk:s3cret-pw@127.0.0.1:1/gongkai?nonsense=1", StatusCode::kInvalidArgument,
       "malformed PostgreSQL URL: "},
      {"postgresql://gk:s3cret pw@127.0.0.1:1/gongkai", StatusCode::kInvalidArgument,
       "'password' contains a space"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.url);
    auto store = OpenStore(c.url);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), c.want) << store.status().ToString();
    EXPECT_TRUE(Contains(store.status().message(), c.message_part)) << store.status().message();
    EXPECT_FALSE(Contains(store.status().message(), "s3cret")) << store.status().message();
    EXPECT_FALSE(Contains(store.status().ui_message(), "s3cret")) << store.status().ui_message();
  }
}

TEST(PostgresMigrationsTest, NumberedWithoutGapsLikeSqlite) {
  auto migrations = PostgresMigrations();
  ASSERT_EQ(migrations.size(), SqliteMigrations().size());
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
    EXPECT_EQ(migrations[i].name, SqliteMigrations()[i].name);
    EXPECT_NE(migrations[i].sql.find(';'), std::string_view::npos);  // at least one statement
  }
}

TEST_F(PostgresTest, OpensWithBothSchemes) {
  for (std::string scheme : {"postgresql://", "postgres://"}) {
    std::string url = scheme + url_.substr(url_.find("://") + 3);
    auto store = OpenStore(url);
    ASSERT_TRUE(store.ok()) << url << ": " << store.status().ToString();
    EXPECT_EQ((*store)->backend(), "postgresql");
  }
}

TEST_F(PostgresTest, RefusedConnectionsAreUnavailableWithoutThePassword) {
  std::string db = test_support::PgDatabaseOf(url_);
  std::string host_port = url_.substr(url_.find('@') + 1);
  host_port = host_port.substr(0, host_port.find('/'));
  struct Case {
    std::string url;
    std::string message_part;
  };
  // The test server trusts every local user, so an unknown role stands in for a wrong password:
  // both are refusals at login.
  const Case cases[] = {
      {"postgresql://gk_nobody:s3cret-pw@" + host_port + "/" + db, "\"gk_nobody\""},
      {test_support::PgUrlWithDatabase(url_, "gk_no_such_database"), "gk_no_such_database"},
  };
  for (const Case& c : cases) {
    auto store = OpenStore(c.url);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kUnavailable) << store.status().ToString();
    EXPECT_TRUE(
        Contains(store.status().message(), "cannot connect to PostgreSQL at " + host_port + ": "))
        << store.status().message();
    EXPECT_TRUE(Contains(store.status().message(), c.message_part)) << store.status().message();
    EXPECT_FALSE(Contains(store.status().message(), "s3cret")) << store.status().message();
  }
}

TEST_F(PostgresTest, ConnectionKilledMidTransactionIsUnavailableThenRecovers) {
  auto store = OpenStore(url_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto tx = (*store)->Begin(TxMode::kWrite);
  ASSERT_TRUE(tx.ok()) << tx.status().ToString();
  ASSERT_TRUE((*tx)->InsertAgency(NamedAgency("未提交")).ok());

  KillConnections();
  auto listed = (*tx)->ListAgencies();
  EXPECT_EQ(listed.status().code(), StatusCode::kUnavailable) << listed.status().ToString();
  EXPECT_TRUE(Contains(listed.status().message(), "lost the connection to PostgreSQL"))
      << listed.status().message();
  Status write = (*tx)->InsertAgency(NamedAgency("乙")).status();
  EXPECT_EQ(write.code(), StatusCode::kUnavailable) << write.ToString();
  Status commit = (*tx)->Commit();
  EXPECT_EQ(commit.code(), StatusCode::kUnavailable) << commit.ToString();

  // The broken transaction is still alive here; the next one must not get its connection.
  auto next = (*store)->Begin(TxMode::kWrite);
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  ASSERT_TRUE((*next)->InsertAgency(NamedAgency("已提交")).ok());
  ASSERT_TRUE((*next)->Commit().ok());
  tx->reset();

  auto read = (*store)->Begin(TxMode::kRead);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  auto all = (*read)->ListAgencies();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].name, "已提交");
}

TEST_F(PostgresTest, IdleConnectionsKilledBetweenRequestsAreReplaced) {
  auto store = OpenStore(url_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  {
    // Two transactions at once leave two idle connections in the pool.
    auto a = (*store)->Begin(TxMode::kRead);
    auto b = (*store)->Begin(TxMode::kRead);
    ASSERT_TRUE(a.ok() && b.ok());
  }
  KillConnections();
  for (TxMode mode : {TxMode::kRead, TxMode::kWrite, TxMode::kRead}) {
    auto tx = (*store)->Begin(mode);
    ASSERT_TRUE(tx.ok()) << tx.status().ToString();
    auto all = (*tx)->ListAgencies();
    EXPECT_TRUE(all.ok()) << all.status().ToString();
  }
  auto status = (*store)->Migrations();
  EXPECT_TRUE(status.ok()) << status.status().ToString();
}

TEST_F(PostgresTest, ServerDownThenBackIsUnavailableThenRecovers) {
  auto store = OpenStore(url_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  // Refuse new connections to the database, as a server that is down would.
  ASSERT_EQ(
      test_support::ExecPgRaw(maintenance_, "ALTER DATABASE " + test_support::PgDatabaseOf(url_) +
                                                " ALLOW_CONNECTIONS false"),
      "");
  KillConnections();
  auto down = (*store)->Begin(TxMode::kRead);
  EXPECT_EQ(down.status().code(), StatusCode::kUnavailable) << down.status().ToString();
  EXPECT_TRUE(Contains(down.status().message(), "cannot connect to PostgreSQL at "))
      << down.status().message();
  ASSERT_EQ(
      test_support::ExecPgRaw(maintenance_, "ALTER DATABASE " + test_support::PgDatabaseOf(url_) +
                                                " ALLOW_CONNECTIONS true"),
      "");
  auto back = (*store)->Begin(TxMode::kRead);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE((*back)->ListAgencies().ok());
}

TEST_F(PostgresTest, ServersStartingTogetherMigrateOnce) {
  constexpr int kServers = 4;
  std::vector<Status> results(kServers);
  std::vector<std::thread> threads;
  for (int i = 0; i < kServers; ++i) {
    threads.emplace_back([&, i] { results[i] = OpenStore(url_).status(); });
  }
  for (std::thread& t : threads) t.join();
  for (const Status& s : results) EXPECT_TRUE(s.ok()) << s.ToString();
  // Each step recorded once: a second row for version 1 is a duplicate key.
  EXPECT_NE(test_support::ExecPgRaw(url_,
                                    "INSERT INTO schema_migrations (version, name, applied_at)"
                                    " VALUES (1, 'again', 'x')"),
            "");
  EXPECT_EQ(test_support::ExecPgRaw(url_,
                                    "DO $$ BEGIN IF (SELECT count(*) FROM schema_migrations) <> "
                                    "(SELECT max(version) FROM schema_migrations) THEN RAISE "
                                    "EXCEPTION 'gaps or repeats'; END IF; END $$"),
            "");
}

TEST_F(PostgresTest, AuditLogRefusesTruncate) {
  auto store = OpenStore(url_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE(
      Contains(test_support::ExecPgRaw(url_, "TRUNCATE audit_log"), "audit_log is append-only"));
}

}  // namespace
}  // namespace gongkai::storage
