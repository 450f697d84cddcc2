// The Store contract: every adapter must pass this suite unchanged. Each backend is one
// INSTANTIATE_TEST_SUITE_P line at the bottom; a test gets a fresh, empty database.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <tuple>

#include "storage/store.h"
#include "storage/testing/pg_raw.h"
#include "storage/testing/sqlite_raw.h"

namespace gongkai::storage {
namespace {

// How to reach one backend. open() is OpenStore(url) on a fresh url.
struct StoreFactory {
  std::string name;
  // A new, empty database per call.
  std::function<std::string()> fresh_url;
  // Opening the same url twice reaches the same data and may hold several connections (files,
  // PostgreSQL); false for :memory:, which is private to one connection.
  bool persistent = false;
  // Runs SQL behind the Store's back; returns "" or the error. Used only when persistent.
  std::function<std::string(const std::string& url, const std::string& sql)> exec_raw;
  std::function<void(const std::string& url)> drop;
};
void PrintTo(const StoreFactory& factory, std::ostream* os) { *os << factory.name; }

const Status& StatusOf(const Status& s) { return s; }
template <class T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

// For a Status or a Result.
#define ASSERT_OK(expr)                                              \
  do {                                                               \
    const auto& gk_v_ = (expr);                                      \
    ASSERT_TRUE(StatusOf(gk_v_).ok()) << StatusOf(gk_v_).ToString(); \
  } while (0)
#define ASSERT_OK_AND_ASSIGN(lhs, expr)                                                     \
  auto GK_CONCAT(r_, __LINE__) = (expr);                                                    \
  ASSERT_TRUE(GK_CONCAT(r_, __LINE__).ok()) << GK_CONCAT(r_, __LINE__).status().ToString(); \
  lhs = std::move(GK_CONCAT(r_, __LINE__)).value()

Agency MakeAgency(std::string name, std::string region_code, std::optional<int64_t> parent,
                  AgencyLevel level = AgencyLevel::kDistrict) {
  Agency a;
  a.parent_id = parent;
  a.level = level;
  a.name = std::move(name);
  a.region_code = std::move(region_code);
  return a;
}

void ExpectSameAgency(const Agency& want, const Agency& got) {
  EXPECT_EQ(want.id, got.id);
  EXPECT_EQ(want.parent_id, got.parent_id);
  EXPECT_EQ(want.level, got.level);
  EXPECT_EQ(want.name, got.name);
  EXPECT_EQ(want.short_name, got.short_name);
  EXPECT_EQ(want.region_code, got.region_code);
  EXPECT_EQ(want.office.name, got.office.name);
  EXPECT_EQ(want.office.address, got.office.address);
  EXPECT_EQ(want.office.phone, got.office.phone);
  EXPECT_EQ(want.office.hours, got.office.hours);
  EXPECT_EQ(want.office.email, got.office.email);
  EXPECT_EQ(want.leading_group, got.leading_group);
  EXPECT_EQ(want.version, got.version);
}

User MakeUser(std::string username, int64_t agency_id) {
  User u;
  u.username = std::move(username);
  u.display_name = "张三";
  u.role = Role::kClerk;
  u.agency_id = agency_id;
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  return u;
}

AuditEntry MakeEntry(int64_t seq, std::string entity, std::string prev_hash) {
  AuditEntry e;
  e.seq = seq;
  e.at = "2026-11-28T14:50:23.123Z";
  e.actor = "user:7 zhangsan";
  e.action = "agency.update";
  e.entity = std::move(entity);
  e.before_json = R"({"name":"旧"})";
  e.after_json = R"({"name":"新"})";
  e.prev_hash = std::move(prev_hash);
  e.hash = std::string(63, 'a') + std::to_string(seq % 10);
  return e;
}

class StoreContractTest : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    url_ = GetParam().fresh_url();
    auto opened = Open();
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }
  void TearDown() override {
    store_.reset();
    if (GetParam().drop) GetParam().drop(url_);
  }

  Result<std::unique_ptr<Store>> Open() { return OpenStore(url_); }

  std::unique_ptr<Transaction> Tx(TxMode mode) {
    auto tx = store_->Begin(mode);
    EXPECT_TRUE(tx.ok()) << tx.status().ToString();
    return tx.ok() ? std::move(tx).value() : nullptr;
  }

  // Inserts a root province and commits; returns its id.
  int64_t InsertRoot() {
    auto tx = Tx(TxMode::kWrite);
    auto id = tx->InsertAgency(
        MakeAgency("河南省人民政府", "410000", std::nullopt, AgencyLevel::kProvince));
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    EXPECT_TRUE(tx->Commit().ok());
    return id.ok() ? *id : 0;
  }

  std::string url_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreContractTest, AgencyRoundTripsEveryField) {
  Agency parent =
      MakeAgency("三门峡市湖滨区人民政府", "411202", std::nullopt, AgencyLevel::kDistrict);
  Agency child =
      MakeAgency("三门峡市湖滨区磁钟乡人民政府", "411202200", std::nullopt, AgencyLevel::kTownship);
  child.short_name = "磁钟乡";
  child.office = {.name = "党政综合办公室",
                  .address = "湖滨区磁钟乡政府院内",
                  .phone = "0398-2860000",
                  .hours = "工作日 8:30—12:00，14:30—17:30",
                  .email = "czx@example.gov.cn"};
  child.leading_group = {{"王五", "党委书记", GroupRole::kHead},
                         {"赵六", "乡长", GroupRole::kExecutiveDeputy},
                         {"钱七", "副乡长", GroupRole::kDeputy},
                         {"孙八", "党政办主任", GroupRole::kMember}};
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(parent.id, tx->InsertAgency(parent));
  child.parent_id = parent.id;
  ASSERT_OK_AND_ASSIGN(child.id, tx->InsertAgency(child));
  ASSERT_OK((tx->Commit()));
  EXPECT_NE(parent.id, child.id);
  parent.version = child.version = 1;

  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(Agency got, read->GetAgency(child.id));
  ExpectSameAgency(child, got);
  ASSERT_OK_AND_ASSIGN(std::vector<Agency> all, read->ListAgencies());
  ASSERT_EQ(all.size(), 2u);
  ExpectSameAgency(parent, all[0]);
  ExpectSameAgency(child, all[1]);
  EXPECT_EQ(read->GetAgency(child.id + 100).status().code(), StatusCode::kNotFound);
}

TEST_P(StoreContractTest, AgencyParentMustExist) {
  auto tx = Tx(TxMode::kWrite);
  auto id = tx->InsertAgency(MakeAgency("孤儿乡", "", 4242, AgencyLevel::kTownship));
  EXPECT_EQ(id.status().code(), StatusCode::kFailedPrecondition) << id.status().ToString();
  EXPECT_NE(id.status().message().find("4242"), std::string::npos);
  ASSERT_OK_AND_ASSIGN(std::vector<Agency> all, tx->ListAgencies());
  EXPECT_TRUE(all.empty());
}

TEST_P(StoreContractTest, RegionCodeIsUniqueWhenNonEmpty) {
  struct Case {
    std::string first, second;
    StatusCode want;
  };
  const Case cases[] = {{"411202", "411202", StatusCode::kAlreadyExists},
                        {"411202", "411203", StatusCode::kOk},
                        {"", "", StatusCode::kOk}};
  for (const Case& c : cases) {
    SCOPED_TRACE("'" + c.first + "' then '" + c.second + "'");
    auto tx = Tx(TxMode::kWrite);  // rolled back at the end of each case
    ASSERT_OK(tx->InsertAgency(MakeAgency("甲", c.first, std::nullopt)));
    auto second = tx->InsertAgency(MakeAgency("乙", c.second, std::nullopt));
    EXPECT_EQ(second.status().code(), c.want) << second.status().ToString();
    if (c.want == StatusCode::kAlreadyExists) {
      EXPECT_NE(second.status().message().find(c.second), std::string::npos);
      EXPECT_NE(second.status().ui_message().find(c.second), std::string::npos);
    }
  }
}

TEST_P(StoreContractTest, UpdateAgencyIsGuardedByVersion) {
  Agency a = MakeAgency("湖滨区人民政府", "411202", std::nullopt);
  a.leading_group = {{"甲", "区长", GroupRole::kHead}, {"乙", "副区长", GroupRole::kDeputy}};
  {
    auto tx = Tx(TxMode::kWrite);
    ASSERT_OK_AND_ASSIGN(a.id, tx->InsertAgency(a));
    ASSERT_OK((tx->Commit()));
  }
  a.version = 1;
  a.name = "三门峡市湖滨区人民政府";
  a.leading_group = {{"丙", "副区长", GroupRole::kDeputy}, {"甲", "区长", GroupRole::kHead}};
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK((tx->UpdateAgency(a)));
  a.version = 2;
  ASSERT_OK_AND_ASSIGN(Agency got, tx->GetAgency(a.id));
  ExpectSameAgency(a, got);

  struct Case {
    int64_t id, version;
    StatusCode want;
    std::string message_part;
  };
  const Case cases[] = {
      {a.id, 1, StatusCode::kAborted, "(version 2, you had 1)"},
      {a.id, 3, StatusCode::kAborted, "(version 2, you had 3)"},
      {a.id + 99, 1, StatusCode::kNotFound, "does not exist"},
  };
  for (const Case& c : cases) {
    Agency stale = a;
    stale.id = c.id;
    stale.version = c.version;
    stale.name = "不该写入";
    Status s = tx->UpdateAgency(stale);
    EXPECT_EQ(s.code(), c.want) << s.ToString();
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s.message();
  }
  ASSERT_OK_AND_ASSIGN(Agency after, tx->GetAgency(a.id));
  ExpectSameAgency(a, after);
}

TEST_P(StoreContractTest, UsersRoundTripAndUniqueName) {
  int64_t agency = InsertRoot();
  User u = MakeUser("zhangsan", agency);
  u.role = Role::kSupervisor;
  u.active = false;
  u.failed_logins = 3;
  u.locked_until = 1'900'000'000;
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(u.id, tx->InsertUser(u));
  u.version = 1;
  User other = MakeUser("lisi", agency);
  ASSERT_OK_AND_ASSIGN(other.id, tx->InsertUser(other));
  other.version = 1;

  auto dup = tx->InsertUser(MakeUser("zhangsan", agency));
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(dup.status().message(), "user name 'zhangsan' is already taken");
  EXPECT_EQ(dup.status().ui_message(), "用户名“zhangsan”已被使用");
  EXPECT_EQ(tx->InsertUser(MakeUser("wangwu", agency + 77)).status().code(),
            StatusCode::kFailedPrecondition);
  ASSERT_OK((tx->Commit()));

  auto read = Tx(TxMode::kRead);
  for (auto got : {read->GetUser(u.id), read->FindUserByName("zhangsan")}) {
    ASSERT_OK(got);
    EXPECT_EQ(got->id, u.id);
    EXPECT_EQ(got->username, u.username);
    EXPECT_EQ(got->display_name, u.display_name);
    EXPECT_EQ(got->role, u.role);
    EXPECT_EQ(got->agency_id, u.agency_id);
    EXPECT_EQ(got->password_hash, u.password_hash);
    EXPECT_EQ(got->active, u.active);
    EXPECT_EQ(got->failed_logins, u.failed_logins);
    EXPECT_EQ(got->locked_until, u.locked_until);
    EXPECT_EQ(got->version, 1);
  }
  ASSERT_OK_AND_ASSIGN(std::vector<User> all, read->ListUsers());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].username, "zhangsan");
  EXPECT_EQ(all[1].username, "lisi");
  EXPECT_EQ(read->FindUserByName("nobody").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(read->GetUser(u.id + 50).status().code(), StatusCode::kNotFound);
}

TEST_P(StoreContractTest, UpdateUserIsGuardedByVersionAndName) {
  int64_t agency = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  User u = MakeUser("zhangsan", agency);
  ASSERT_OK_AND_ASSIGN(u.id, tx->InsertUser(u));
  ASSERT_OK(tx->InsertUser(MakeUser("lisi", agency)));
  u.version = 1;
  u.failed_logins = 1;
  ASSERT_OK((tx->UpdateUser(u)));
  ASSERT_OK_AND_ASSIGN(User got, tx->GetUser(u.id));
  EXPECT_EQ(got.version, 2);
  EXPECT_EQ(got.failed_logins, 1);

  EXPECT_EQ(tx->UpdateUser(u).code(), StatusCode::kAborted);  // still version 1
  User renamed = got;
  renamed.username = "lisi";
  EXPECT_EQ(tx->UpdateUser(renamed).code(), StatusCode::kAlreadyExists);
  User missing = got;
  missing.id += 10;
  EXPECT_EQ(tx->UpdateUser(missing).code(), StatusCode::kNotFound);
}

TEST_P(StoreContractTest, Sessions) {
  int64_t agency = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int64_t alice, tx->InsertUser(MakeUser("alice", agency)));
  ASSERT_OK_AND_ASSIGN(int64_t bob, tx->InsertUser(MakeUser("bob", agency)));
  const SessionRecord sessions[] = {{"h1", alice, "c1", 100, 200},
                                    {"h2", alice, "c2", 100, 300},
                                    {"h3", bob, "c3", 100, 400},
                                    {"h4", bob, "c4", 100, 500}};
  for (const SessionRecord& s : sessions) ASSERT_OK((tx->InsertSession(s)));
  EXPECT_EQ(tx->InsertSession(sessions[0]).code(), StatusCode::kAlreadyExists);
  EXPECT_FALSE(tx->InsertSession({"h9", bob + 100, "c", 1, 2}).ok());

  ASSERT_OK_AND_ASSIGN(SessionRecord got, tx->GetSession("h2"));
  EXPECT_EQ(got.id_hash, "h2");
  EXPECT_EQ(got.user_id, alice);
  EXPECT_EQ(got.csrf_token, "c2");
  EXPECT_EQ(got.created_at, 100);
  EXPECT_EQ(got.expires_at, 300);

  ASSERT_OK((tx->DeleteSession("h4")));
  ASSERT_OK((tx->DeleteSession("h4")));  // deleting twice is fine (logout is idempotent)
  EXPECT_EQ(tx->GetSession("h4").status().code(), StatusCode::kNotFound);
  // Expired means expires_at <= now: h1 (200) and h2 (300) at 300.
  ASSERT_OK_AND_ASSIGN(int64_t expired, tx->DeleteExpiredSessions(300));
  EXPECT_EQ(expired, 2);
  EXPECT_EQ(tx->GetSession("h1").status().code(), StatusCode::kNotFound);
  ASSERT_OK(tx->GetSession("h3"));
  ASSERT_OK((tx->DeleteUserSessions(bob)));
  EXPECT_EQ(tx->GetSession("h3").status().code(), StatusCode::kNotFound);
}

CalendarYear LoadCalendar(int year) {
  const char* dir = getenv("GONGKAI_SOURCE_DIR");
  std::string root = dir != nullptr ? dir : ".";
  std::ifstream in(root + "/data/calendar/" + std::to_string(year) + ".txt");
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = ParseCalendarYear(text.str());
  EXPECT_TRUE(parsed.ok()) << "set GONGKAI_SOURCE_DIR: " << parsed.status().ToString();
  return parsed.ok() ? std::move(parsed).value() : CalendarYear{};
}

TEST_P(StoreContractTest, CalendarYearsRoundTripAndReplace) {
  CalendarYear y2023 = LoadCalendar(2023);
  CalendarYear y2024 = LoadCalendar(2024);
  ASSERT_EQ(y2023.year, 2023);
  ASSERT_FALSE(y2023.holidays.empty());
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK((tx->PutCalendarYear(y2024)));
  ASSERT_OK((tx->PutCalendarYear(y2023)));
  CalendarYear replaced = y2023;
  replaced.source = "国办发明电〔2022〕16号（更正）";
  replaced.makeup_days.pop_back();
  ASSERT_OK((tx->PutCalendarYear(replaced)));
  ASSERT_OK((tx->Commit()));

  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(std::vector<CalendarYear> years, read->ListCalendarYears());
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(FormatCalendarYear(years[0]), FormatCalendarYear(replaced));
  EXPECT_EQ(FormatCalendarYear(years[1]), FormatCalendarYear(y2024));
  WorkingCalendar calendar;
  ASSERT_OK((calendar.AddYear(years[0])));
}

TEST_P(StoreContractTest, AuditChain) {
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(AuditHead head, tx->LockAuditHead());
  EXPECT_EQ(head.seq, 0);
  EXPECT_EQ(head.hash, kGenesisHash);

  const char* entities[] = {"agency:1", "user:2", "agency:1", "agency:3", "user:2"};
  std::vector<AuditEntry> appended;
  for (const char* entity : entities) {
    AuditEntry e = MakeEntry(head.seq + 1, entity, head.hash);
    ASSERT_OK((tx->AppendAudit(e)));
    appended.push_back(e);
    ASSERT_OK_AND_ASSIGN(head, tx->LockAuditHead());
    EXPECT_EQ(head.seq, e.seq);
    EXPECT_EQ(head.hash, e.hash);
  }
  // A stale head (wrong seq or prev_hash) must not fork the chain.
  EXPECT_EQ(tx->AppendAudit(MakeEntry(3, "agency:1", head.hash)).code(), StatusCode::kAborted);
  EXPECT_EQ(tx->AppendAudit(MakeEntry(7, "agency:1", head.hash)).code(), StatusCode::kAborted);
  EXPECT_EQ(tx->AppendAudit(MakeEntry(6, "agency:1", std::string(kGenesisHash))).code(),
            StatusCode::kAborted);
  ASSERT_OK((tx->Commit()));

  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(std::vector<AuditEntry> all, read->ListAudit(0, 100));
  ASSERT_EQ(all.size(), 5u);
  const AuditEntry& a = all[2];
  const AuditEntry& b = appended[2];
  EXPECT_EQ(std::tie(a.seq, a.at, a.actor, a.action, a.entity, a.before_json, a.after_json,
                     a.prev_hash, a.hash),
            std::tie(b.seq, b.at, b.actor, b.action, b.entity, b.before_json, b.after_json,
                     b.prev_hash, b.hash));

  struct ListCase {
    int64_t after;
    int limit;
    std::vector<int64_t> seqs;
  };
  for (const ListCase& c :
       std::vector<ListCase>{{0, 2, {1, 2}}, {3, 10, {4, 5}}, {5, 10, {}}, {0, 0, {}}}) {
    ASSERT_OK_AND_ASSIGN(std::vector<AuditEntry> page, read->ListAudit(c.after, c.limit));
    std::vector<int64_t> seqs;
    for (const AuditEntry& e : page) seqs.push_back(e.seq);
    EXPECT_EQ(seqs, c.seqs) << "after " << c.after << " limit " << c.limit;
  }

  struct RecentCase {
    std::vector<std::string> entities;
    int limit;
    std::vector<int64_t> seqs;
  };
  for (const RecentCase& c : std::vector<RecentCase>{{{"agency:1"}, 10, {3, 1}},
                                                     {{"agency:1", "user:2"}, 3, {5, 3, 2}},
                                                     {{"agency:9"}, 10, {}},
                                                     {{}, 10, {}}}) {
    ASSERT_OK_AND_ASSIGN(std::vector<AuditEntry> recent, read->RecentAudit(c.entities, c.limit));
    std::vector<int64_t> seqs;
    for (const AuditEntry& e : recent) seqs.push_back(e.seq);
    EXPECT_EQ(seqs, c.seqs);
  }
}

TEST_P(StoreContractTest, UncommittedWritesRollBack) {
  {
    auto tx = Tx(TxMode::kWrite);
    ASSERT_OK(tx->InsertAgency(MakeAgency("未提交", "411299", std::nullopt)));
    ASSERT_OK((tx->AppendAudit(MakeEntry(1, "agency:1", std::string(kGenesisHash)))));
  }
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(std::vector<Agency> all, tx->ListAgencies());
  EXPECT_TRUE(all.empty());
  ASSERT_OK_AND_ASSIGN(AuditHead head, tx->LockAuditHead());
  EXPECT_EQ(head.seq, 0);
  // The region code is free again.
  ASSERT_OK(tx->InsertAgency(MakeAgency("已提交", "411299", std::nullopt)));
}

TEST_P(StoreContractTest, ReadTransactionsRefuseWritesAndCommittedOnesRefuseEverything) {
  auto read = Tx(TxMode::kRead);
  EXPECT_EQ(read->InsertAgency(MakeAgency("甲", "", std::nullopt)).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(read->LockAuditHead().status().code(), StatusCode::kFailedPrecondition);
  ASSERT_OK((read->Commit()));
  EXPECT_EQ(read->ListAgencies().status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(read->Commit().code(), StatusCode::kFailedPrecondition);
}

TEST_P(StoreContractTest, MigrationStatus) {
  ASSERT_OK_AND_ASSIGN(MigrationStatus status, store_->Migrations());
  EXPECT_GE(status.binary_version, 1);
  EXPECT_EQ(status.database_version, status.binary_version);
}

TEST_P(StoreContractTest, ReaderSeesCommittedSnapshotWhileWriterWorks) {
  if (!GetParam().persistent) GTEST_SKIP() << "one connection only";
  auto writer = Tx(TxMode::kWrite);
  ASSERT_OK(writer->InsertAgency(MakeAgency("写入中", "", std::nullopt)));
  {
    auto reader = Tx(TxMode::kRead);
    ASSERT_OK_AND_ASSIGN(std::vector<Agency> all, reader->ListAgencies());
    EXPECT_TRUE(all.empty());
  }
  ASSERT_OK((writer->Commit()));
  auto reader = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(std::vector<Agency> all, reader->ListAgencies());
  EXPECT_EQ(all.size(), 1u);
}

TEST_P(StoreContractTest, ConcurrentWritersBothSucceed) {
  if (!GetParam().persistent) GTEST_SKIP() << "one connection only";
  constexpr int kPerThread = 25;
  auto work = [&](int thread, std::vector<Status>* errors) {
    for (int i = 0; i < kPerThread; ++i) {
      auto tx = store_->Begin(TxMode::kWrite);
      if (!tx.ok()) {
        errors->push_back(tx.status());
        continue;
      }
      auto id = (*tx)->InsertAgency(
          MakeAgency("单位" + std::to_string(thread) + "-" + std::to_string(i), "", std::nullopt));
      if (!id.ok()) errors->push_back(id.status());
      // Each writer also extends the audit chain: serialised writers keep it linear.
      auto head = (*tx)->LockAuditHead();
      if (head.ok()) {
        Status s = (*tx)->AppendAudit(MakeEntry(head->seq + 1, "agency:1", head->hash));
        if (!s.ok()) errors->push_back(s);
      }
      Status s = (*tx)->Commit();
      if (!s.ok()) errors->push_back(s);
    }
  };
  std::vector<Status> errors_a, errors_b;
  std::thread a(work, 0, &errors_a), b(work, 1, &errors_b);
  a.join();
  b.join();
  for (const Status& s : errors_a) ADD_FAILURE() << s.ToString();
  for (const Status& s : errors_b) ADD_FAILURE() << s.ToString();
  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(std::vector<Agency> all, read->ListAgencies());
  EXPECT_EQ(all.size(), 2u * kPerThread);
  ASSERT_OK_AND_ASSIGN(std::vector<AuditEntry> log, read->ListAudit(0, 1000));
  EXPECT_EQ(log.size(), 2u * kPerThread);
}

TEST_P(StoreContractTest, ReopeningKeepsDataAndDoesNotReapplyMigrations) {
  if (!GetParam().persistent) GTEST_SKIP() << "not reopenable";
  int64_t id = InsertRoot();
  store_.reset();
  ASSERT_OK_AND_ASSIGN(store_, Open());
  ASSERT_OK_AND_ASSIGN(MigrationStatus status, store_->Migrations());
  EXPECT_EQ(status.database_version, status.binary_version);
  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(Agency got, read->GetAgency(id));
  EXPECT_EQ(got.name, "河南省人民政府");
  // SQLite says "UNIQUE constraint failed: schema_migrations.version", PostgreSQL 'duplicate key
  // value violates unique constraint "schema_migrations_pkey"'.
  std::string duplicate = GetParam().exec_raw(url_,
                                              "INSERT INTO schema_migrations (version, name,"
                                              " applied_at) VALUES (1, 'again', 'x')");
  EXPECT_NE(duplicate.find("schema_migrations"), std::string::npos) << duplicate;
  EXPECT_TRUE(duplicate.find("UNIQUE") != std::string::npos ||
              duplicate.find("unique") != std::string::npos)
      << "migration 1 should be recorded exactly once: " << duplicate;
}

TEST_P(StoreContractTest, RefusesDatabaseFromNewerGongkai) {
  if (!GetParam().persistent) GTEST_SKIP() << "not reopenable";
  store_.reset();
  ASSERT_EQ(GetParam().exec_raw(url_,
                                "INSERT INTO schema_migrations (version, name, applied_at)"
                                " VALUES (9999, 'future', '2030-01-01T00:00:00Z')"),
            "");
  auto reopened = Open();
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(reopened.status().message().find("database is at migration 9999 but this gongkai knows"
                                             " only up to "),
            std::string::npos)
      << reopened.status().message();
  EXPECT_NE(reopened.status().message().find("upgrade gongkai"), std::string::npos);
  EXPECT_NE(reopened.status().ui_message().find("请升级"), std::string::npos);
}

TEST_P(StoreContractTest, AuditLogIsAppendOnlyInTheDatabase) {
  if (!GetParam().persistent) GTEST_SKIP() << "needs raw access";
  {
    auto tx = Tx(TxMode::kWrite);
    ASSERT_OK((tx->AppendAudit(MakeEntry(1, "agency:1", std::string(kGenesisHash)))));
    ASSERT_OK((tx->Commit()));
  }
  EXPECT_NE(GetParam().exec_raw(url_, "UPDATE audit_log SET actor = 'mallory'"), "");
  EXPECT_NE(GetParam().exec_raw(url_, "DELETE FROM audit_log"), "");
  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(std::vector<AuditEntry> log, read->ListAudit(0, 10));
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].actor, "user:7 zhangsan");
}

// --- Annual reports ---------------------------------------------------------------------------

AnnualReport MakeReport(int64_t agency_id, int year, int version = 1) {
  AnnualReport r;
  r.agency_id = agency_id;
  r.year = year;
  r.version = version;
  r.format_id = "2021";
  r.body = R"({"schema":"gongkai.annual-report/1","year":)" + std::to_string(year) + "}";
  r.created_by = "磁钟乡公开专员";
  r.created_at = "2024-01-05T09:00:00+08:00";
  return r;
}

TEST_P(StoreContractTest, ReportRoundTripsEveryFieldAndIsGuardedByRowVersion) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  AnnualReport r = MakeReport(root, 2023);
  r.acceptances = {{"Y-03", "t3.new.total", "本年新收申请增多，系征地补偿政策集中出台", "李四",
                    "2024-01-06T10:00:00+08:00"},
                   {"N-05", "", "工作内容确与上年相近", "李四", "2024-01-06T10:01:00+08:00"}};
  r.correction_note = "";
  r.submitted_by = "甲";
  ASSERT_OK_AND_ASSIGN(r.id, tx->InsertReport(r));
  ASSERT_OK_AND_ASSIGN(AnnualReport got, tx->GetReport(r.id));
  EXPECT_EQ(got.agency_id, root);
  EXPECT_EQ(got.year, 2023);
  EXPECT_EQ(got.version, 1);
  EXPECT_EQ(got.status, ReportStatus::kDraft);
  EXPECT_EQ(got.origin, ReportOrigin::kEntered);
  EXPECT_EQ(got.body, r.body);
  EXPECT_EQ(got.created_by, "磁钟乡公开专员");
  EXPECT_EQ(got.submitted_by, "甲");
  EXPECT_EQ(got.row_version, 1);
  ASSERT_EQ(got.acceptances.size(), 2u);
  EXPECT_EQ(got.acceptances[0].reason, r.acceptances[0].reason);
  EXPECT_EQ(got.acceptances[1].rule, "N-05");
  EXPECT_EQ(got.acceptances[1].fingerprint, "");

  got.body = "{}";
  got.acceptances.pop_back();
  ASSERT_OK(tx->UpdateReport(got));
  got.body = "{\"stale\":1}";  // still row_version 1
  EXPECT_EQ(tx->UpdateReport(got).code(), StatusCode::kAborted);
  ASSERT_OK_AND_ASSIGN(AnnualReport again, tx->GetReport(r.id));
  EXPECT_EQ(again.body, "{}");
  EXPECT_EQ(again.row_version, 2);
  EXPECT_EQ(again.acceptances.size(), 1u);
  EXPECT_EQ(tx->GetReport(9999).status().code(), StatusCode::kNotFound);
  ASSERT_OK(tx->Commit());
}

TEST_P(StoreContractTest, OneOpenVersionPerYearAndVersionsAreUnique) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  AnnualReport v1 = MakeReport(root, 2023);
  ASSERT_OK_AND_ASSIGN(v1.id, tx->InsertReport(v1));
  // A second open version of the same year is refused.
  Status second = tx->InsertReport(MakeReport(root, 2023, 2)).status();
  EXPECT_EQ(second.code(), StatusCode::kAlreadyExists) << second.ToString();
  EXPECT_NE(second.ui_message().find("正在编辑"), std::string::npos) << second.ui_message();
  // Once v1 is published, v2 may be opened; v1 again is a duplicate version.
  v1.row_version = 1;
  v1.status = ReportStatus::kPublished;
  v1.published_at = "2024-01-20T10:00:00+08:00";
  ASSERT_OK(tx->UpdateReport(v1));
  ASSERT_OK(tx->InsertReport(MakeReport(root, 2023, 2)).status());
  AnnualReport dup = MakeReport(root, 2023, 1);
  dup.status = ReportStatus::kSuperseded;
  EXPECT_EQ(tx->InsertReport(dup).status().code(), StatusCode::kAlreadyExists);
  ASSERT_OK(tx->InsertReport(MakeReport(root, 2022)).status());
  EXPECT_EQ(tx->InsertReport(MakeReport(4242, 2022)).status().code(),
            StatusCode::kFailedPrecondition);

  ASSERT_OK_AND_ASSIGN(std::vector<AnnualReport> mine, tx->ListReports(root));
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_EQ(std::make_pair(mine[0].year, mine[0].version), std::make_pair(2023, 1));
  EXPECT_EQ(std::make_pair(mine[1].year, mine[1].version), std::make_pair(2023, 2));
  EXPECT_EQ(mine[2].year, 2022);
  ASSERT_OK_AND_ASSIGN(std::vector<AnnualReport> of_2023, tx->ListReportsOfYear(2023));
  EXPECT_EQ(of_2023.size(), 2u);
  ASSERT_OK(tx->Commit());
}

TEST_P(StoreContractTest, PublishedReportIsFrozenByTheDatabase) {
  int64_t root = InsertRoot();
  AnnualReport r = MakeReport(root, 2023);
  {
    auto tx = Tx(TxMode::kWrite);
    ASSERT_OK_AND_ASSIGN(r.id, tx->InsertReport(r));
    r.row_version = 1;
    r.status = ReportStatus::kPublished;
    r.published_at = "2024-01-20T10:00:00+08:00";
    ASSERT_OK(tx->UpdateReport(r));
    ASSERT_OK(tx->Commit());
  }
  auto tx = Tx(TxMode::kWrite);
  AnnualReport changed = r;
  changed.row_version = 2;
  changed.body = "{\"silently\":\"changed\"}";
  EXPECT_FALSE(tx->UpdateReport(changed).ok());
  // The move to superseded is allowed (a correction was published).
  changed = r;
  changed.row_version = 2;
  changed.status = ReportStatus::kSuperseded;
  ASSERT_OK(tx->UpdateReport(changed));
  ASSERT_OK_AND_ASSIGN(AnnualReport got, tx->GetReport(r.id));
  EXPECT_EQ(got.body, r.body);
  EXPECT_EQ(got.status, ReportStatus::kSuperseded);
  ASSERT_OK(tx->Commit());
  // Back from superseded to published is refused too.
  {
    auto tx2 = Tx(TxMode::kWrite);
    AnnualReport back = got;
    back.status = ReportStatus::kPublished;
    EXPECT_FALSE(tx2->UpdateReport(back).ok());
  }
  if (GetParam().persistent) {
    EXPECT_NE(GetParam().exec_raw(url_, "UPDATE annual_reports SET body = 'x'"), "");
    EXPECT_NE(GetParam().exec_raw(url_, "UPDATE annual_reports SET approved_by = 'mallory'"), "");
    EXPECT_NE(GetParam().exec_raw(url_, "DELETE FROM annual_reports"), "");
  }
}

TEST_P(StoreContractTest, ExplanationsOfAPublishedReportAreFrozen) {
  int64_t root = InsertRoot();
  AnnualReport r = MakeReport(root, 2023);
  r.acceptances = {{"Y-03", "Y-03|t3.new.total|…", "说明", "李四", "2024-01-06T10:00:00+08:00"}};
  {
    auto tx = Tx(TxMode::kWrite);
    ASSERT_OK_AND_ASSIGN(r.id, tx->InsertReport(r));
    r.row_version = 1;
    r.status = ReportStatus::kPublished;
    ASSERT_OK(tx->UpdateReport(r));  // publishing keeps the explanation
    ASSERT_OK(tx->Commit());
  }
  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(AnnualReport got, read->GetReport(r.id));
  ASSERT_EQ(got.acceptances.size(), 1u);
  read.reset();
  if (GetParam().persistent) {
    EXPECT_NE(GetParam().exec_raw(url_, "UPDATE report_acceptances SET reason = '改过'"), "");
    EXPECT_NE(GetParam().exec_raw(url_, "DELETE FROM report_acceptances"), "");
  }
}

TEST_P(StoreContractTest, SummaryReportKeepsItsUnits) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int64_t a,
                       tx->InsertAgency(MakeAgency("甲乡", "", root, AgencyLevel::kTownship)));
  ASSERT_OK_AND_ASSIGN(int64_t b,
                       tx->InsertAgency(MakeAgency("乙乡", "", root, AgencyLevel::kTownship)));
  AnnualReport sum = MakeReport(root, 2023);
  sum.origin = ReportOrigin::kSummary;
  sum.summary_units = {b, a};
  ASSERT_OK_AND_ASSIGN(sum.id, tx->InsertReport(sum));
  ASSERT_OK_AND_ASSIGN(AnnualReport got, tx->GetReport(sum.id));
  EXPECT_EQ(got.origin, ReportOrigin::kSummary);
  EXPECT_EQ(got.summary_units, (std::vector<int64_t>{a, b}));
  AnnualReport bad = MakeReport(a, 2023);
  bad.origin = ReportOrigin::kSummary;
  bad.summary_units = {4242};
  EXPECT_EQ(tx->InsertReport(bad).status().code(), StatusCode::kFailedPrecondition);
  ASSERT_OK(tx->Commit());
}

// --- Uploaded report files ------------------------------------------------------------------

// Every byte value, NULs and invalid UTF-8 included: what a PDF or a GBK page holds.
std::string AllBytes() {
  std::string bytes;
  for (int round = 0; round < 3; ++round)
    for (int b = 0; b < 256; ++b) bytes.push_back(static_cast<char>(b));
  return bytes;
}

ReportSource MakeSource(std::string content, std::optional<int64_t> uploader = std::nullopt) {
  ReportSource s;
  s.uploader_id = uploader;
  s.uploaded_by = "刘芳";
  s.uploaded_at = "2026-11-28T14:50:23.123Z";
  s.file_name = "磁钟乡2023年报告.pdf";
  s.media_kind = "pdf";
  s.size = static_cast<int64_t>(content.size());
  s.sha256 = std::string(64, 'e');
  s.content = std::move(content);
  return s;
}

TEST_P(StoreContractTest, ReportFileKeepsEveryByteAndItsUnitIsSetOnce) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int64_t other,
                       tx->InsertAgency(MakeAgency("甲乡", "", root, AgencyLevel::kTownship)));
  ASSERT_OK_AND_ASSIGN(int64_t uploader, tx->InsertUser(MakeUser("hubin.supervisor", root)));
  ReportSource s = MakeSource(AllBytes(), uploader);
  ASSERT_OK_AND_ASSIGN(s.id, tx->InsertReportSource(s));
  ASSERT_OK_AND_ASSIGN(ReportSource got, tx->GetReportSource(s.id));
  EXPECT_EQ(got.id, s.id);
  EXPECT_EQ(got.content, s.content);
  EXPECT_EQ(got.content.size(), 768u);
  EXPECT_EQ(got.agency_id, std::nullopt);
  EXPECT_EQ(got.uploader_id, uploader);
  EXPECT_EQ(std::tie(got.uploaded_by, got.uploaded_at, got.file_name, got.media_kind, got.size,
                     got.sha256),
            std::tie(s.uploaded_by, s.uploaded_at, s.file_name, s.media_kind, s.size, s.sha256));
  // An empty file, from the command line (no uploader).
  ASSERT_OK_AND_ASSIGN(int64_t empty, tx->InsertReportSource(MakeSource("")));
  ASSERT_OK_AND_ASSIGN(ReportSource none, tx->GetReportSource(empty));
  EXPECT_EQ(none.content, "");
  EXPECT_EQ(none.uploader_id, std::nullopt);
  EXPECT_EQ(tx->GetReportSource(9999).status().code(), StatusCode::kNotFound);

  // The unit is set once: again for the same unit is fine, another unit is refused.
  ASSERT_OK(tx->SetReportSourceAgency(s.id, root));
  ASSERT_OK(tx->SetReportSourceAgency(s.id, root));
  Status moved = tx->SetReportSourceAgency(s.id, other);
  EXPECT_EQ(moved.code(), StatusCode::kFailedPrecondition) << moved.ToString();
  EXPECT_EQ(tx->SetReportSourceAgency(9999, root).code(), StatusCode::kNotFound);
  EXPECT_EQ(tx->SetReportSourceAgency(empty, 4242).code(), StatusCode::kFailedPrecondition);
  ASSERT_OK_AND_ASSIGN(got, tx->GetReportSource(s.id));
  EXPECT_EQ(got.agency_id, root);
  // A file of unknown kind, or whose size is not its length, is refused by the database.
  ReportSource bad = MakeSource("abc");
  bad.media_kind = "exe";
  EXPECT_FALSE(tx->InsertReportSource(bad).ok());
  bad = MakeSource("abc");
  bad.size = 4;
  EXPECT_FALSE(tx->InsertReportSource(bad).ok());
  ASSERT_OK(tx->Commit());

  if (GetParam().persistent) {
    // Behind the Store's back: the bytes and the unit of a saved file cannot change, nor can it go.
    EXPECT_NE(GetParam().exec_raw(url_, "UPDATE report_sources SET file_name = 'x.pdf'"), "");
    EXPECT_NE(
        GetParam().exec_raw(url_, "UPDATE report_sources SET sha256 = '" + std::string(64, 'f') +
                                      "' WHERE id = " + std::to_string(s.id)),
        "");
    EXPECT_NE(
        GetParam().exec_raw(url_, "UPDATE report_sources SET agency_id = " + std::to_string(other) +
                                      " WHERE id = " + std::to_string(s.id)),
        "");
    EXPECT_NE(
        GetParam().exec_raw(url_, "DELETE FROM report_sources WHERE id = " + std::to_string(s.id)),
        "");
    // An unsaved file may be removed (housekeeping).
    EXPECT_EQ(
        GetParam().exec_raw(url_, "DELETE FROM report_sources WHERE id = " + std::to_string(empty)),
        "");
  }
}

TEST_P(StoreContractTest, ImportedReportNamesItsFileWhichThenStays) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int64_t source, tx->InsertReportSource(MakeSource("第一份")));
  AnnualReport r = MakeReport(root, 2023);
  r.origin = ReportOrigin::kImported;
  r.source_name = "磁钟乡2023年报告.pdf";
  r.source_id = source;
  ASSERT_OK_AND_ASSIGN(r.id, tx->InsertReport(r));
  ASSERT_OK_AND_ASSIGN(AnnualReport got, tx->GetReport(r.id));
  EXPECT_EQ(got.source_id, source);
  ASSERT_OK_AND_ASSIGN(AnnualReport other,
                       tx->GetReport(tx->InsertReport(MakeReport(root, 2022)).value()));
  EXPECT_EQ(other.source_id, 0);
  AnnualReport dangling = MakeReport(root, 2021);
  dangling.source_id = 4242;
  EXPECT_EQ(tx->InsertReport(dangling).status().code(), StatusCode::kFailedPrecondition);

  // Housekeeping removes only old files that are neither saved for a unit nor named by a report.
  ReportSource old = MakeSource("旧的");
  old.uploaded_at = "2026-10-01T00:00:00.000Z";
  ASSERT_OK_AND_ASSIGN(int64_t old_id, tx->InsertReportSource(old));
  ReportSource old_named = old;
  ASSERT_OK_AND_ASSIGN(old_named.id, tx->InsertReportSource(old_named));
  AnnualReport names_it = MakeReport(root, 2020);
  names_it.source_id = old_named.id;
  ASSERT_OK(tx->InsertReport(names_it).status());
  ReportSource old_saved = old;
  ASSERT_OK_AND_ASSIGN(old_saved.id, tx->InsertReportSource(old_saved));
  ASSERT_OK(tx->SetReportSourceAgency(old_saved.id, root));
  ASSERT_OK_AND_ASSIGN(int64_t deleted, tx->DeleteUnsavedReportSources("2026-11-01T00:00:00.000Z"));
  EXPECT_EQ(deleted, 1);
  EXPECT_EQ(tx->GetReportSource(old_id).status().code(), StatusCode::kNotFound);
  ASSERT_OK(tx->GetReportSource(old_named.id).status());
  ASSERT_OK(tx->GetReportSource(old_saved.id).status());
  ASSERT_OK(tx->GetReportSource(source).status());  // newer than the cut-off

  // Once published, the report's file link is frozen with the rest of it.
  r.row_version = 1;
  r.status = ReportStatus::kPublished;
  r.published_at = "2024-01-20T10:00:00+08:00";
  ASSERT_OK(tx->UpdateReport(r));
  ASSERT_OK(tx->Commit());
  if (GetParam().persistent) {
    EXPECT_NE(GetParam().exec_raw(url_, "UPDATE annual_reports SET source_id = NULL WHERE id = " +
                                            std::to_string(r.id)),
              "");
    EXPECT_NE(GetParam().exec_raw(
                  url_, "DELETE FROM report_sources WHERE id = " + std::to_string(source)),
              "");
  }
}

// --- Disclosure applications -----------------------------------------------------------------

using application::ApplicantType;
using application::Application;
using application::CaseEvent;
using application::CaseState;
using application::CaseSummary;
using application::EventKind;
using application::Outcome;
using litigation::ReviewCase;

Date D(std::string_view iso) {
  auto parsed = Date::Parse(iso);
  EXPECT_TRUE(parsed.ok()) << iso;
  return parsed.ok() ? *parsed : Date();
}

CaseEvent MakeEvent(int seq, EventKind kind, std::string_view date) {
  CaseEvent e;
  e.seq = seq;
  e.kind = kind;
  e.date = D(date);
  e.recorded_at = std::string(date) + "T01:00:00.000Z";
  e.by = "磁钟乡公开专员";
  return e;
}

// A case received in person and being handled; closed when `closed_on` is given.
Application MakeApplication(int64_t agency_id, std::string query_code,
                            std::optional<std::string_view> receipt = "2024-03-01",
                            std::optional<std::string_view> closed_on = std::nullopt,
                            Outcome outcome = Outcome::kGranted) {
  Application a;
  a.agency_id = agency_id;
  a.query_code = std::move(query_code);
  a.serial_year = 2024;
  a.applicant.name = "张三";
  a.applicant.id_number = "410102199001011234";
  a.applicant.phone = "13800000000";
  a.request.title = "2023年磁钟乡征地补偿标准";
  a.created_at = "2024-03-01T02:00:00.000Z";
  if (receipt) {
    a.receipt_date = D(*receipt);
    a.state = CaseState::kHandling;
    a.events.push_back(MakeEvent(1, EventKind::kReceived, *receipt));
  } else {
    a.channel = application::IntakeChannel::kOnline;
    a.submitted_on = D("2024-02-28");
    a.state = CaseState::kAwaitingConfirmation;
    a.events.push_back(MakeEvent(1, EventKind::kSubmittedOnline, "2024-02-28"));
  }
  if (closed_on) {
    a.state = CaseState::kClosed;
    a.closed_on = D(*closed_on);
    a.outcome = outcome;
    CaseEvent closed = MakeEvent(2, EventKind::kClosed, *closed_on);
    closed.outcome = outcome;
    closed.text = "经审查，予以公开。";
    a.events.push_back(closed);
  }
  return a;
}

void ExpectSameEvents(const std::vector<CaseEvent>& want, const std::vector<CaseEvent>& got) {
  ASSERT_EQ(want.size(), got.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const CaseEvent& w = want[i];
    const CaseEvent& g = got[i];
    SCOPED_TRACE("event " + std::to_string(w.seq));
    EXPECT_EQ(std::tie(w.seq, w.kind, w.date, w.recorded_at, w.by, w.by_user_id, w.days, w.ref,
                       w.until, w.party, w.consultation, w.fee_method, w.quantity, w.amount_fen,
                       w.outcome, w.text),
              std::tie(g.seq, g.kind, g.date, g.recorded_at, g.by, g.by_user_id, g.days, g.ref,
                       g.until, g.party, g.consultation, g.fee_method, g.quantity, g.amount_fen,
                       g.outcome, g.text));
  }
}

void ExpectSameApplication(const Application& w, const Application& g) {
  SCOPED_TRACE("application " + std::to_string(w.id));
  EXPECT_EQ(std::tie(w.id, w.agency_id, w.query_code, w.serial_year, w.serial_no, w.channel,
                     w.submitted_on, w.receipt_date, w.request_key, w.applicant_key, w.client_key,
                     w.handler_id, w.handler_name, w.state, w.outcome, w.closed_on, w.created_at,
                     w.version),
            std::tie(g.id, g.agency_id, g.query_code, g.serial_year, g.serial_no, g.channel,
                     g.submitted_on, g.receipt_date, g.request_key, g.applicant_key, g.client_key,
                     g.handler_id, g.handler_name, g.state, g.outcome, g.closed_on, g.created_at,
                     g.version));
  const application::Applicant& wa = w.applicant;
  const application::Applicant& ga = g.applicant;
  EXPECT_EQ(
      std::tie(wa.type, wa.name, wa.id_type, wa.id_number, wa.credit_code, wa.legal_representative,
               wa.contact_name, wa.phone, wa.email, wa.address, wa.postcode),
      std::tie(ga.type, ga.name, ga.id_type, ga.id_number, ga.credit_code, ga.legal_representative,
               ga.contact_name, ga.phone, ga.email, ga.address, ga.postcode));
  const application::RequestedInfo& wr = w.request;
  const application::RequestedInfo& gr = g.request;
  EXPECT_EQ(std::tie(wr.title, wr.document_number, wr.description, wr.purpose, wr.form, wr.way),
            std::tie(gr.title, gr.document_number, gr.description, gr.purpose, gr.form, gr.way));
  ExpectSameEvents(w.events, g.events);
}

std::vector<int64_t> IdsOf(const std::vector<Application>& apps) {
  std::vector<int64_t> ids;
  for (const Application& a : apps) ids.push_back(a.id);
  return ids;
}

TEST_P(StoreContractTest, ApplicationRoundTripsEveryFieldAndEvent) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int64_t clerk, tx->InsertUser(MakeUser("cizhong.clerk", root)));
  ASSERT_OK_AND_ASSIGN(int64_t leader, tx->InsertUser(MakeUser("cizhong.leader", root)));

  // Every field away from its default, every optional set; a second case has them unset.
  Application full;
  full.agency_id = root;
  full.query_code = "Q7K2-9XPM-4HTD";
  full.serial_year = 2024;
  full.serial_no = 77;  // ignored: the store numbers
  full.channel = application::IntakeChannel::kOnline;
  full.submitted_on = D("2024-01-19");
  full.receipt_date = D("2024-01-22");
  full.applicant = {.type = ApplicantType::kOtherOrg,
                    .name = "三门峡市某某环保协会",
                    .id_type = application::IdDocumentType::kHkMacaoPermit,
                    .id_number = "H12345678",
                    .credit_code = "51411200MJ0000000X",
                    .legal_representative = "李四",
                    .contact_name = "王五",
                    .phone = "0398-2860000",
                    .email = "env@example.org",
                    .address = "河南省三门峡市湖滨区某路1号",
                    .postcode = "472000"};
  full.request = {.title = "磁钟乡2023年环境监测报告",
                  .document_number = "磁政〔2023〕12号",
                  .description = "2023年第三季度的监测数据",
                  .purpose = "科研",
                  .form = application::DeliveryForm::kElectronic,
                  .way = application::DeliveryWay::kEmail};
  full.request_key = "磁钟乡2023年环境监测报告";
  full.applicant_key = "51411200MJ0000000X";
  full.client_key = "c1f0a3";
  full.handler_id = clerk;
  full.handler_name = "张三";
  full.state = CaseState::kClosed;
  full.outcome = Outcome::kWithheldThirdParty;
  full.closed_on = D("2024-03-20");
  full.created_at = "2024-01-19T03:04:05.678Z";
  {
    CaseEvent e = MakeEvent(1, EventKind::kSubmittedOnline, "2024-01-19");
    e.by = "申请人";
    full.events.push_back(e);
    e = MakeEvent(2, EventKind::kReceived, "2024-01-22");
    e.by_user_id = clerk;
    full.events.push_back(e);
    e = MakeEvent(3, EventKind::kCorrectionRequested, "2024-01-25");
    e.until = D("2024-02-08");
    e.text = "请补充所需信息的时间范围";
    full.events.push_back(e);
    e = MakeEvent(4, EventKind::kConsultationSent, "2024-02-01");
    e.party = "三门峡市生态环境局湖滨分局";
    e.consultation = application::ConsultationKind::kOtherAgency;
    full.events.push_back(e);
    e = MakeEvent(5, EventKind::kExtensionApproved, "2024-02-20");
    e.days = 20;
    e.ref = 4;
    e.by_user_id = leader;
    full.events.push_back(e);
    e = MakeEvent(6, EventKind::kFeeNoticeIssued, "2024-03-01");
    e.fee_method = application::FeeMethod::kPerVolume;
    e.quantity = 130;
    e.amount_fen = 1234567890123;
    full.events.push_back(e);
    e = MakeEvent(7, EventKind::kClosed, "2024-03-20");
    e.outcome = Outcome::kWithheldThirdParty;
    e.text = "经征求第三方意见，第三方不同意公开。\n依据第三十二条……";
    full.events.push_back(e);
  }
  Application bare = MakeApplication(root, "BARE-0001", std::nullopt);
  bare.events[0].by_user_id = 0;  // the public

  ASSERT_OK_AND_ASSIGN(full.id, tx->InsertApplication(full));
  ASSERT_OK_AND_ASSIGN(bare.id, tx->InsertApplication(bare));
  EXPECT_NE(full.id, bare.id);
  full.serial_no = 1;
  bare.serial_no = 2;
  full.version = bare.version = 1;
  ASSERT_OK(tx->Commit());

  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(Application got, read->GetApplication(full.id));
  ExpectSameApplication(full, got);
  ASSERT_OK_AND_ASSIGN(got, read->GetApplication(bare.id));
  ExpectSameApplication(bare, got);
  EXPECT_FALSE(got.receipt_date.has_value());
  EXPECT_FALSE(got.outcome.has_value());
  EXPECT_EQ(got.handler_id, 0);
  ASSERT_OK_AND_ASSIGN(got, read->FindApplicationByQueryCode("Q7K2-9XPM-4HTD"));
  ExpectSameApplication(full, got);

  Status missing = read->GetApplication(full.id + 100).status();
  EXPECT_EQ(missing.code(), StatusCode::kNotFound) << missing.ToString();
  missing = read->FindApplicationByQueryCode("NO-SUCH-CODE").status();
  EXPECT_EQ(missing.code(), StatusCode::kNotFound) << missing.ToString();
  EXPECT_EQ(missing.message().find("NO-SUCH-CODE"), std::string::npos) << "codes are secrets";
}

TEST_P(StoreContractTest, ApplicationSerialNumbersCountPerAgencyAndYear) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int64_t other,
                       tx->InsertAgency(MakeAgency("交口乡", "", root, AgencyLevel::kTownship)));
  struct Case {
    int64_t agency;
    int year;
    int want;
  };
  const Case cases[] = {{root, 2024, 1}, {root, 2024, 2},  {other, 2024, 1}, {root, 2025, 1},
                        {root, 2024, 3}, {other, 2024, 2}, {root, 2023, 1},  {root, 2025, 2}};
  int n = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE("agency " + std::to_string(c.agency) + " year " + std::to_string(c.year));
    Application a = MakeApplication(c.agency, "SERIAL-" + std::to_string(++n));
    a.serial_year = c.year;
    a.serial_no = 500;  // whatever the caller says
    ASSERT_OK_AND_ASSIGN(int64_t id, tx->InsertApplication(a));
    ASSERT_OK_AND_ASSIGN(Application got, tx->GetApplication(id));
    EXPECT_EQ(got.serial_year, c.year);
    EXPECT_EQ(got.serial_no, c.want);
    EXPECT_EQ(got.version, 1);
  }
  Application no_year = MakeApplication(root, "NO-YEAR");
  no_year.serial_year = 0;
  EXPECT_EQ(tx->InsertApplication(no_year).status().code(), StatusCode::kInvalidArgument);
  Status orphan = tx->InsertApplication(MakeApplication(4242, "ORPHAN")).status();
  EXPECT_EQ(orphan.code(), StatusCode::kFailedPrecondition) << orphan.ToString();
  Application bad_handler = MakeApplication(root, "BAD-HANDLER");
  bad_handler.handler_id = 4242;
  Status handler = tx->InsertApplication(bad_handler).status();
  EXPECT_EQ(handler.code(), StatusCode::kFailedPrecondition) << handler.ToString();
  // A refused insert leaves nothing behind: the next number is still free.
  ASSERT_OK_AND_ASSIGN(int64_t id, tx->InsertApplication(MakeApplication(root, "AFTER")));
  ASSERT_OK_AND_ASSIGN(Application got, tx->GetApplication(id));
  EXPECT_EQ(got.serial_no, 4);
  ASSERT_OK(tx->Commit());
}

TEST_P(StoreContractTest, ConcurrentApplicationInsertsGetDistinctSerialNumbers) {
  if (!GetParam().persistent) GTEST_SKIP() << "one connection only";
  int64_t root = InsertRoot();
  constexpr int kPerThread = 15;
  auto work = [&](int thread, std::vector<Status>* errors) {
    for (int i = 0; i < kPerThread; ++i) {
      auto tx = store_->Begin(TxMode::kWrite);
      if (!tx.ok()) {
        errors->push_back(tx.status());
        continue;
      }
      auto id = (*tx)->InsertApplication(
          MakeApplication(root, "T" + std::to_string(thread) + "-" + std::to_string(i)));
      if (!id.ok()) errors->push_back(id.status());
      // Held open a moment, so the other writer tries to number while this number is uncommitted.
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      Status s = (*tx)->Commit();
      if (!s.ok()) errors->push_back(s);
    }
  };
  std::vector<Status> errors_a, errors_b;
  std::thread a(work, 0, &errors_a), b(work, 1, &errors_b);
  a.join();
  b.join();
  for (const Status& s : errors_a) ADD_FAILURE() << s.ToString();
  for (const Status& s : errors_b) ADD_FAILURE() << s.ToString();
  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(std::vector<Application> all,
                       read->ListApplications({.agency_ids = {root}}));
  std::vector<int> serials;
  for (const Application& app : all) serials.push_back(app.serial_no);
  std::sort(serials.begin(), serials.end());
  std::vector<int> want(2 * kPerThread);
  for (int i = 0; i < 2 * kPerThread; ++i) want[i] = i + 1;
  EXPECT_EQ(serials, want);
}

TEST_P(StoreContractTest, ApplicationQueryCodeIsUnique) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK(tx->InsertApplication(MakeApplication(root, "SAME-CODE")).status());
  Status again = tx->InsertApplication(MakeApplication(root, "SAME-CODE")).status();
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists) << again.ToString();
  EXPECT_NE(again.message().find("query code"), std::string::npos) << again.message();
  EXPECT_EQ(again.message().find("SAME-CODE"), std::string::npos) << "codes are secrets";
  EXPECT_NE(again.ui_message().find("查询码"), std::string::npos) << again.ui_message();
  // The transaction stays usable, and the refused case took no serial number.
  ASSERT_OK_AND_ASSIGN(int64_t id, tx->InsertApplication(MakeApplication(root, "OTHER-CODE")));
  ASSERT_OK_AND_ASSIGN(Application got, tx->GetApplication(id));
  EXPECT_EQ(got.serial_no, 2);
  ApplicationFilter all{.agency_ids = {root}};
  ASSERT_OK_AND_ASSIGN(int64_t count, tx->CountApplications(all));
  EXPECT_EQ(count, 2);
  ASSERT_OK(tx->Commit());
}

TEST_P(StoreContractTest, UpdateApplicationReplacesTheSnapshotAndAppendsEvents) {
  int64_t root = InsertRoot();
  int64_t clerk = 0;
  Application a = MakeApplication(root, "UPDATE-ME");
  {
    auto tx = Tx(TxMode::kWrite);
    ASSERT_OK_AND_ASSIGN(clerk, tx->InsertUser(MakeUser("cizhong.clerk", root)));
    CaseEvent note = MakeEvent(2, EventKind::kNote, "2024-03-02");
    note.text = "申请人来电询问";
    a.events.push_back(note);
    ASSERT_OK_AND_ASSIGN(a.id, tx->InsertApplication(a));
    ASSERT_OK(tx->Commit());
  }
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(Application stored, tx->GetApplication(a.id));
  ASSERT_EQ(stored.version, 1);

  // Every replaceable field changes; the identity fields are sent changed too and must stay.
  Application next = stored;
  next.receipt_date = D("2024-03-04");
  next.applicant.type = ApplicantType::kLegal;
  next.applicant.name = "河南某律师事务所";
  next.applicant.id_type = application::IdDocumentType::kOther;
  next.applicant.id_number = "X1";
  next.applicant.credit_code = "31410000MD0000000Y";
  next.applicant.legal_representative = "赵六";
  next.applicant.contact_name = "钱七";
  next.applicant.phone = "0371-0000000";
  next.applicant.email = "law@example.cn";
  next.applicant.address = "郑州市";
  next.applicant.postcode = "450000";
  next.request.title = "新的标题";
  next.request.document_number = "豫政〔2024〕1号";
  next.request.description = "补正后的描述";
  next.request.purpose = "诉讼";
  next.request.form = application::DeliveryForm::kElectronic;
  next.request.way = application::DeliveryWay::kOnline;
  next.request_key = "新的标题";
  next.applicant_key = "31410000MD0000000Y";
  next.handler_id = clerk;
  next.handler_name = "张三";
  next.state = CaseState::kClosed;
  next.outcome = Outcome::kUnableNotHeld;
  next.closed_on = D("2024-03-25");
  // Stored events sent changed must not change; new ones are appended.
  next.events[0].text = "改写历史";
  next.events[1].by = "别人";
  CaseEvent closed = MakeEvent(3, EventKind::kClosed, "2024-03-25");
  closed.outcome = Outcome::kUnableNotHeld;
  closed.by_user_id = clerk;
  next.events.push_back(closed);
  CaseEvent note = MakeEvent(4, EventKind::kNote, "2024-03-26");
  note.text = "已邮寄";
  next.events.push_back(note);
  Application sent = next;
  sent.query_code = "CHANGED";
  sent.serial_year = 2030;
  sent.serial_no = 99;
  sent.created_at = "changed";
  ASSERT_OK(tx->UpdateApplication(sent));

  Application want = next;
  want.version = 2;
  want.events = stored.events;
  want.events.push_back(closed);
  want.events.push_back(note);
  ASSERT_OK_AND_ASSIGN(Application got, tx->GetApplication(a.id));
  ExpectSameApplication(want, got);

  // A stale version is refused and changes nothing, events included.
  Application stale = got;
  stale.version = 1;
  stale.handler_name = "过期的表单";
  stale.events.push_back(MakeEvent(5, EventKind::kNote, "2024-03-27"));
  Status refused = tx->UpdateApplication(stale);
  EXPECT_EQ(refused.code(), StatusCode::kAborted) << refused.ToString();
  ASSERT_OK_AND_ASSIGN(got, tx->GetApplication(a.id));
  ExpectSameApplication(want, got);

  Application ghost = got;
  ghost.id = a.id + 100;
  EXPECT_EQ(tx->UpdateApplication(ghost).code(), StatusCode::kNotFound);
  ASSERT_OK(tx->Commit());

  // The database itself keeps the history append-only.
  if (GetParam().persistent) {
    EXPECT_NE(GetParam().exec_raw(url_, "UPDATE application_events SET body = 'x'"), "");
    EXPECT_NE(GetParam().exec_raw(url_, "DELETE FROM application_events"), "");
    auto read = Tx(TxMode::kRead);
    ASSERT_OK_AND_ASSIGN(got, read->GetApplication(a.id));
    ExpectSameEvents(want.events, got.events);
  }
}

TEST_P(StoreContractTest, DatabaseRefusesAnInconsistentApplicationSnapshot) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  Application closed_without_date = MakeApplication(root, "C1", "2024-03-01", "2024-03-10");
  closed_without_date.closed_on.reset();
  Application open_with_outcome = MakeApplication(root, "C2");
  open_with_outcome.outcome = Outcome::kGranted;
  Application duplicate_seq = MakeApplication(root, "C3");
  duplicate_seq.events.push_back(duplicate_seq.events[0]);
  for (const Application& bad : {closed_without_date, open_with_outcome, duplicate_seq}) {
    SCOPED_TRACE(bad.query_code);
    EXPECT_FALSE(tx->InsertApplication(bad).ok());
  }
  ApplicationFilter all{.agency_ids = {root}};
  ASSERT_OK_AND_ASSIGN(int64_t count, tx->CountApplications(all));
  EXPECT_EQ(count, 0);
}

TEST_P(StoreContractTest, ListApplicationsAppliesEveryFilterField) {
  int64_t a_agency = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int64_t b_agency, tx->InsertAgency(MakeAgency("交口乡", "", a_agency,
                                                                     AgencyLevel::kTownship)));
  ASSERT_OK_AND_ASSIGN(int64_t h1, tx->InsertUser(MakeUser("h1", a_agency)));
  ASSERT_OK_AND_ASSIGN(int64_t h2, tx->InsertUser(MakeUser("h2", a_agency)));

  // Inserted in this order, so ids ascend: a1 < a2 < ... < a6.
  Application a1 = MakeApplication(a_agency, "A1", "2024-01-10");
  a1.handler_id = h1;
  a1.applicant_key = "k1";
  a1.request_key = "r1";
  Application a2 = MakeApplication(a_agency, "A2", "2024-02-10", "2024-03-01", Outcome::kGranted);
  a2.applicant.type = ApplicantType::kCommercial;
  a2.applicant_key = "k2";
  a2.request_key = "r1";
  a2.handler_id = h2;
  Application a3 = MakeApplication(a_agency, "A3", std::nullopt);
  Application a4 =
      MakeApplication(a_agency, "A4", "2023-12-01", "2024-01-05", Outcome::kWithheldStateSecret);
  a4.handler_id = h1;
  a4.applicant_key = "k1";
  Application a5 = MakeApplication(b_agency, "A5", "2024-01-10");
  a5.applicant.type = ApplicantType::kLegal;
  a5.state = CaseState::kAwaitingCorrection;
  Application a6 = MakeApplication(a_agency, "A6", "2024-01-10");
  a6.state = CaseState::kConsulting;
  std::map<std::string, int64_t> id;
  for (Application* app : {&a1, &a2, &a3, &a4, &a5, &a6}) {
    ASSERT_OK_AND_ASSIGN(app->id, tx->InsertApplication(*app));
    id[app->query_code] = app->id;
  }
  ASSERT_OK(tx->Commit());

  const std::vector<int64_t> ab = {a_agency, b_agency};
  struct Case {
    std::string name;
    ApplicationFilter filter;
    std::vector<std::string> want;  // in order
    int64_t count;                  // ignores limit and offset
  };
  const Case cases[] = {
      {"one agency", {.agency_ids = {a_agency}}, {"A3", "A4", "A1", "A6", "A2"}, 5},
      {"two agencies", {.agency_ids = ab}, {"A3", "A4", "A1", "A5", "A6", "A2"}, 6},
      {"no scope", {}, {}, 0},
      {"states",
       {.agency_ids = ab, .states = {CaseState::kHandling, CaseState::kConsulting}},
       {"A1", "A6"},
       2},
      {"open only", {.agency_ids = ab, .open_only = true}, {"A3", "A1", "A5", "A6"}, 4},
      {"received from",
       {.agency_ids = ab, .received_from = D("2024-01-10")},
       {"A1", "A5", "A6", "A2"},
       4},
      {"received through",
       {.agency_ids = ab, .received_through = D("2024-01-10")},
       {"A4", "A1", "A5", "A6"},
       4},
      {"received on one day",
       {.agency_ids = ab, .received_from = D("2024-01-10"), .received_through = D("2024-01-10")},
       {"A1", "A5", "A6"},
       3},
      {"closed from", {.agency_ids = ab, .closed_from = D("2024-01-06")}, {"A2"}, 1},
      {"closed through", {.agency_ids = ab, .closed_through = D("2024-01-05")}, {"A4"}, 1},
      {"closed from and through",
       {.agency_ids = ab, .closed_from = D("2024-01-05"), .closed_through = D("2024-03-01")},
       {"A4", "A2"},
       2},
      {"outcome", {.agency_ids = ab, .outcome = Outcome::kGranted}, {"A2"}, 1},
      {"applicant type",
       {.agency_ids = ab, .applicant_type = ApplicantType::kNatural},
       {"A3", "A4", "A1", "A6"},
       4},
      {"handler", {.agency_ids = ab, .handler_id = h1}, {"A4", "A1"}, 2},
      {"unassigned", {.agency_ids = ab, .handler_id = 0}, {"A3", "A5", "A6"}, 3},
      {"applicant key", {.agency_ids = ab, .applicant_key = "k1"}, {"A4", "A1"}, 2},
      {"request key", {.agency_ids = ab, .request_key = "r1"}, {"A1", "A2"}, 2},
      {"combined",
       {.agency_ids = ab, .open_only = true, .applicant_type = ApplicantType::kNatural},
       {"A3", "A1", "A6"},
       3},
      {"limit", {.agency_ids = ab, .limit = 2}, {"A3", "A4"}, 6},
      {"limit and offset", {.agency_ids = ab, .limit = 2, .offset = 2}, {"A1", "A5"}, 6},
      {"offset past the end", {.agency_ids = ab, .offset = 10}, {}, 6},
  };
  auto read = Tx(TxMode::kRead);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<int64_t> want;
    for (const std::string& code : c.want) want.push_back(id[code]);
    ASSERT_OK_AND_ASSIGN(std::vector<Application> got, read->ListApplications(c.filter));
    EXPECT_EQ(IdsOf(got), want);
    for (const Application& app : got) EXPECT_TRUE(app.events.empty()) << "not asked for";
    ASSERT_OK_AND_ASSIGN(int64_t count, read->CountApplications(c.filter));
    EXPECT_EQ(count, c.count);
  }

  // With events: every case of the page carries its own, in order.
  ASSERT_OK_AND_ASSIGN(std::vector<Application> page,
                       read->ListApplications({.agency_ids = ab, .with_events = true}));
  ASSERT_EQ(page.size(), 6u);
  for (const Application& got : page) {
    for (const Application* want : {&a1, &a2, &a3, &a4, &a5, &a6}) {
      if (want->id == got.id) ExpectSameEvents(want->events, got.events);
    }
  }
}

TEST_P(StoreContractTest, CountRecentSubmissionsByClientKeyAndTime) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  struct Row {
    std::string client_key, created_at;
  };
  const Row rows[] = {{"client-a", "2024-03-01T01:00:00.000Z"},
                      {"client-a", "2024-03-01T02:00:00.000Z"},
                      {"client-a", "2024-03-01T03:00:00.000Z"},
                      {"client-b", "2024-03-01T03:00:00.000Z"},
                      {"", "2024-03-01T03:00:00.000Z"}};
  int n = 0;
  for (const Row& r : rows) {
    Application a = MakeApplication(root, "ONLINE-" + std::to_string(++n), std::nullopt);
    a.client_key = r.client_key;
    a.created_at = r.created_at;
    ASSERT_OK(tx->InsertApplication(a).status());
  }
  struct Case {
    std::string client_key, since;
    int64_t want;
  };
  const Case cases[] = {{"client-a", "2024-03-01T00:00:00.000Z", 3},
                        {"client-a", "2024-03-01T02:00:00.000Z", 2},  // inclusive
                        {"client-a", "2024-03-01T03:00:00.001Z", 0},
                        {"client-b", "2024-01-01T00:00:00.000Z", 1},
                        {"client-c", "2024-01-01T00:00:00.000Z", 0},
                        {"", "2024-01-01T00:00:00.000Z", 0}};  // staff-entered cases have none
  for (const Case& c : cases) {
    SCOPED_TRACE(c.client_key + " since " + c.since);
    ASSERT_OK_AND_ASSIGN(int64_t got, tx->CountRecentSubmissions(c.client_key, c.since));
    EXPECT_EQ(got, c.want);
  }
}

TEST_P(StoreContractTest, SummariseApplicationsGroupsTheCasesOfTheYear) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int64_t other,
                       tx->InsertAgency(MakeAgency("交口乡", "", root, AgencyLevel::kTownship)));
  struct Case {
    std::string what;
    ApplicantType type;
    std::optional<std::string_view> receipt, closed;
    Outcome outcome;
    int64_t agency;  // 0: root
  };
  const ApplicantType kNatural = ApplicantType::kNatural;
  const Case cases[] = {
      {"received before, closed in", kNatural, "2023-12-20", "2024-01-10", Outcome::kGranted, 0},
      {"received before, closed on Jan 1", ApplicantType::kCommercial, "2023-12-31", "2024-01-01",
       Outcome::kOtherOther, 0},
      {"received before, closed after", kNatural, "2023-11-01", "2025-01-05", Outcome::kPartial, 0},
      {"received before, still open", ApplicantType::kCommercial, "2023-06-01", std::nullopt,
       Outcome::kGranted, 0},
      {"received in, open", kNatural, "2024-05-01", std::nullopt, Outcome::kGranted, 0},
      {"received in, closed in", kNatural, "2024-02-10", "2024-04-01", Outcome::kGranted, 0},
      {"received in, closed in (earlier)", kNatural, "2024-02-01", "2024-04-02", Outcome::kGranted,
       0},
      {"received Jan 1, closed Dec 31", ApplicantType::kResearch, "2024-01-01", "2024-12-31",
       Outcome::kRejectedRepeat, 0},
      {"received Dec 31, closed after", ApplicantType::kLegal, "2024-12-31", "2025-01-02",
       Outcome::kUnableNotHeld, 0},
      {"excluded: closed before the year", kNatural, "2023-01-05", "2023-12-31", Outcome::kGranted,
       0},
      {"excluded: no receipt date", kNatural, std::nullopt, std::nullopt, Outcome::kGranted, 0},
      {"excluded: received after the year", kNatural, "2025-01-02", std::nullopt, Outcome::kGranted,
       0},
      {"excluded: another agency", kNatural, "2024-03-01", std::nullopt, Outcome::kGranted, -1},
  };
  int n = 0;
  for (const Case& c : cases) {
    int64_t agency = c.agency == 0 ? root : other;
    Application a =
        MakeApplication(agency, "SUM-" + std::to_string(++n), c.receipt, c.closed, c.outcome);
    a.applicant.type = c.type;
    SCOPED_TRACE(c.what);
    ASSERT_OK(tx->InsertApplication(a).status());
  }
  ASSERT_OK(tx->Commit());

  // The contract: Table 三 counted from the summaries equals Table 三 counted from the cases of
  // the agency one by one (the hand count), and no summary is empty.
  std::vector<CaseSummary> each;
  for (const Case& c : cases) {
    if (c.agency != 0 || !c.receipt) continue;
    CaseSummary one;
    one.type = c.type;
    one.receipt_date = D(*c.receipt);
    if (c.closed) {
      one.closed_on = D(*c.closed);
      one.outcome = c.outcome;
    }
    each.push_back(one);
  }
  report::ReportData want, got_tables;
  application::TallyTable3(each, 2024, want);
  EXPECT_EQ(want.Get("t3.new.total"), 5);
  EXPECT_EQ(want.Get("t3.carried_in.total"), 4);
  EXPECT_EQ(want.Get("t3.carried_out.total"), 4);

  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(std::vector<CaseSummary> got, read->SummariseApplications(root, 2024));
  int64_t counted = 0;
  for (const CaseSummary& s : got) {
    EXPECT_GT(s.count, 0);
    EXPECT_EQ(s.closed_on.has_value(), s.outcome.has_value());
    counted += s.count;
  }
  EXPECT_EQ(counted, 9);
  EXPECT_LT(got.size(), 9u) << "the two cases received and closed alike share a summary";
  application::TallyTable3(got, 2024, got_tables);
  for (const auto& [cell, value] : want.cells) {
    EXPECT_EQ(got_tables.Get(cell), value.value) << cell;
  }
  // Another year sees other cases: 2023 has the ones received in 2023 (closed then or not).
  ASSERT_OK_AND_ASSIGN(std::vector<CaseSummary> of_2023, read->SummariseApplications(root, 2023));
  int64_t total = 0;
  for (const CaseSummary& s : of_2023) total += s.count;
  EXPECT_EQ(total, 5);
  ASSERT_OK_AND_ASSIGN(std::vector<CaseSummary> none, read->SummariseApplications(root, 2019));
  EXPECT_TRUE(none.empty());
}

ReviewCase MakeReviewCase(int64_t agency_id, std::string_view filed_on) {
  ReviewCase c;
  c.agency_id = agency_id;
  c.decision = "磁政依复〔2024〕3号（2024年3月20日）";
  c.applicant = "张三";
  c.body = "三门峡市湖滨区人民政府";
  c.case_number = "湖政复〔2024〕7号";
  c.filed_on = D(filed_on);
  c.created_by = "磁钟乡公开专员";
  c.created_at = "2024-04-01T01:00:00.000Z";
  return c;
}

void ExpectSameReviewCase(const ReviewCase& w, const ReviewCase& g) {
  EXPECT_EQ(std::tie(w.id, w.agency_id, w.application_id, w.kind, w.role, w.decision, w.applicant,
                     w.body, w.case_number, w.filed_on, w.result, w.result_on, w.note, w.created_by,
                     w.created_at, w.updated_by, w.updated_at, w.version),
            std::tie(g.id, g.agency_id, g.application_id, g.kind, g.role, g.decision, g.applicant,
                     g.body, g.case_number, g.filed_on, g.result, g.result_on, g.note, g.created_by,
                     g.created_at, g.updated_by, g.updated_at, g.version));
}

TEST_P(StoreContractTest, ReviewCasesRoundTripAreGuardedByVersionAndListByFilingDate) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int64_t other,
                       tx->InsertAgency(MakeAgency("交口乡", "", root, AgencyLevel::kTownship)));
  ASSERT_OK_AND_ASSIGN(int64_t app, tx->InsertApplication(MakeApplication(root, "RC-APP")));

  ReviewCase linked = MakeReviewCase(root, "2024-04-10");
  linked.application_id = app;
  ReviewCase decided = MakeReviewCase(root, "2024-02-01");
  decided.kind = litigation::CaseKind::kSuitAfterReview;
  decided.role = litigation::AgencyRole::kCoDefendantReviewOrgan;
  decided.result = litigation::CaseResult::kCorrected;
  decided.result_on = D("2024-06-30");
  decided.note = "判决责令重新答复";
  decided.updated_by = "李四";
  decided.updated_at = "2024-07-01T01:00:00.000Z";
  ReviewCase same_day = MakeReviewCase(root, "2024-04-10");
  same_day.kind = litigation::CaseKind::kSuitDirect;
  ReviewCase elsewhere = MakeReviewCase(other, "2024-01-01");
  for (ReviewCase* c : {&linked, &decided, &same_day, &elsewhere}) {
    ASSERT_OK_AND_ASSIGN(c->id, tx->InsertReviewCase(*c));
    c->version = 1;
  }
  for (const ReviewCase* c : {&linked, &decided, &same_day, &elsewhere}) {
    ASSERT_OK_AND_ASSIGN(ReviewCase got, tx->GetReviewCase(c->id));
    ExpectSameReviewCase(*c, got);
  }
  EXPECT_EQ(tx->GetReviewCase(elsewhere.id + 100).status().code(), StatusCode::kNotFound);

  // Listing: by filing date, then id; an application restricts to its cases.
  struct ListCase {
    int64_t agency, application;
    std::vector<int64_t> want;
  };
  const ListCase lists[] = {{root, 0, {decided.id, linked.id, same_day.id}},
                            {root, app, {linked.id}},
                            {other, 0, {elsewhere.id}},
                            {other, app, {}}};
  for (const ListCase& l : lists) {
    SCOPED_TRACE("agency " + std::to_string(l.agency) + " application " +
                 std::to_string(l.application));
    ASSERT_OK_AND_ASSIGN(std::vector<ReviewCase> got, tx->ListReviewCases(l.agency, l.application));
    std::vector<int64_t> ids;
    for (const ReviewCase& c : got) ids.push_back(c.id);
    EXPECT_EQ(ids, l.want);
  }

  // Update: every field but the agency and creation; then a stale version changes nothing.
  ReviewCase changed = linked;
  changed.application_id = 0;
  changed.kind = litigation::CaseKind::kSuitDirect;
  changed.role = litigation::AgencyRole::kCoDefendantReviewOrgan;
  changed.decision = "新";
  changed.applicant = "李四";
  changed.body = "三门峡市湖滨区人民法院";
  changed.case_number = "(2024)豫1202行初1号";
  changed.filed_on = D("2024-04-11");
  changed.result = litigation::CaseResult::kUpheld;
  changed.result_on = D("2024-09-01");
  changed.note = "驳回诉讼请求";
  changed.updated_by = "王五";
  changed.updated_at = "2024-09-02T01:00:00.000Z";
  ASSERT_OK(tx->UpdateReviewCase(changed));
  changed.version = 2;
  ASSERT_OK_AND_ASSIGN(ReviewCase got, tx->GetReviewCase(linked.id));
  ExpectSameReviewCase(changed, got);
  ReviewCase stale = changed;
  stale.version = 1;
  stale.note = "过期";
  EXPECT_EQ(tx->UpdateReviewCase(stale).code(), StatusCode::kAborted);
  ASSERT_OK_AND_ASSIGN(got, tx->GetReviewCase(linked.id));
  ExpectSameReviewCase(changed, got);
  stale.id = elsewhere.id + 100;
  EXPECT_EQ(tx->UpdateReviewCase(stale).code(), StatusCode::kNotFound);

  // References must exist, and a result comes with its date (pending without one).
  ReviewCase orphan = MakeReviewCase(root, "2024-01-01");
  orphan.application_id = 4242;
  EXPECT_EQ(tx->InsertReviewCase(orphan).status().code(), StatusCode::kFailedPrecondition);
  ReviewCase dated_pending = MakeReviewCase(root, "2024-01-01");
  dated_pending.result_on = D("2024-02-01");
  EXPECT_FALSE(tx->InsertReviewCase(dated_pending).ok());
  ASSERT_OK(tx->Commit());
}

// --- Table 二's records: normative documents and decision figures ----------------------------

using disclosure::DecisionFigures;
using disclosure::DocumentKind;
using disclosure::NormativeDocument;

NormativeDocument MakeDocument(int64_t agency_id, std::string number, std::string_view made_on) {
  NormativeDocument d;
  d.agency_id = agency_id;
  d.kind = DocumentKind::kNormative;
  d.title = "关于印发《磁钟乡村级财务管理办法》的通知";
  d.number = std::move(number);
  d.made_on = D(made_on);
  d.note = "备注";
  d.created_by = d.updated_by = "张三";
  d.created_at = d.updated_at = "2026-11-28T14:50:23.123Z";
  return d;
}

void ExpectSameDocument(const NormativeDocument& w, const NormativeDocument& g) {
  EXPECT_EQ(std::tie(w.id, w.agency_id, w.kind, w.title, w.number, w.made_on, w.repealed_on,
                     w.note, w.created_by, w.created_at, w.updated_by, w.updated_at, w.version),
            std::tie(g.id, g.agency_id, g.kind, g.title, g.number, g.made_on, g.repealed_on,
                     g.note, g.created_by, g.created_at, g.updated_by, g.updated_at, g.version));
}

DecisionFigures MakeFigures(int64_t agency_id, int year) {
  DecisionFigures f;
  f.agency_id = agency_id;
  f.year = year;
  f.licensing = 12;
  f.penalty = 3;
  f.coercion = 1;
  f.fee_fen = 1'234'500;
  f.updated_by = "张三";
  f.updated_at = "2026-11-28T14:50:23.123Z";
  return f;
}

void ExpectSameFigures(const DecisionFigures& w, const DecisionFigures& g) {
  EXPECT_EQ(std::tie(w.id, w.agency_id, w.year, w.licensing, w.penalty, w.coercion, w.fee_fen,
                     w.updated_by, w.updated_at, w.version),
            std::tie(g.id, g.agency_id, g.year, g.licensing, g.penalty, g.coercion, g.fee_fen,
                     g.updated_by, g.updated_at, g.version));
}

TEST_P(StoreContractTest, NormativeDocumentsRoundTripAreGuardedAndNumbersUniquePerAgency) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int64_t other,
                       tx->InsertAgency(MakeAgency("三门峡市人民政府", "411200", root)));
  NormativeDocument later = MakeDocument(root, "磁政〔2024〕5号", "2024-05-01");
  NormativeDocument earlier = MakeDocument(root, "磁政〔2023〕2号", "2023-02-01");
  earlier.kind = DocumentKind::kRule;
  earlier.repealed_on = D("2024-06-30");
  NormativeDocument elsewhere = MakeDocument(other, "磁政〔2024〕5号", "2024-01-01");  // same number
  for (NormativeDocument* d : {&later, &earlier, &elsewhere}) {
    ASSERT_OK_AND_ASSIGN(d->id, tx->InsertNormativeDocument(*d));
    d->version = 1;
  }
  for (const NormativeDocument* d : {&later, &earlier, &elsewhere}) {
    ASSERT_OK_AND_ASSIGN(NormativeDocument got, tx->GetNormativeDocument(d->id));
    ExpectSameDocument(*d, got);
  }
  EXPECT_EQ(tx->GetNormativeDocument(elsewhere.id + 100).status().code(), StatusCode::kNotFound);
  ASSERT_OK_AND_ASSIGN(std::vector<NormativeDocument> listed, tx->ListNormativeDocuments(root));
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, earlier.id);  // by made date
  EXPECT_EQ(listed[1].id, later.id);

  // One number names one document of an agency; the transaction stays usable after the refusal.
  Status dup = tx->InsertNormativeDocument(MakeDocument(root, "磁政〔2024〕5号", "2024-07-01"))
                   .status();
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists) << dup.ToString();
  EXPECT_NE(dup.ui_message().find("磁政〔2024〕5号"), std::string::npos);
  NormativeDocument renumbered = earlier;
  renumbered.number = later.number;
  EXPECT_EQ(tx->UpdateNormativeDocument(renumbered).code(), StatusCode::kAlreadyExists);

  // Update replaces the fields and bumps the version; a stale one changes nothing.
  NormativeDocument changed = later;
  changed.title = "新标题";
  changed.repealed_on = D("2025-01-01");
  changed.updated_by = "李四";
  ASSERT_OK(tx->UpdateNormativeDocument(changed));
  changed.version = 2;
  ASSERT_OK_AND_ASSIGN(NormativeDocument got, tx->GetNormativeDocument(later.id));
  ExpectSameDocument(changed, got);
  NormativeDocument stale = later;
  stale.title = "过期";
  EXPECT_EQ(tx->UpdateNormativeDocument(stale).code(), StatusCode::kAborted);
  stale.id = elsewhere.id + 100;
  EXPECT_EQ(tx->UpdateNormativeDocument(stale).code(), StatusCode::kNotFound);

  // The database refuses a repeal before the document was made, and an unknown agency.
  NormativeDocument backwards = MakeDocument(root, "磁政〔2024〕9号", "2024-05-01");
  backwards.repealed_on = D("2024-04-30");
  EXPECT_FALSE(tx->InsertNormativeDocument(backwards).ok());
  EXPECT_EQ(tx->InsertNormativeDocument(MakeDocument(4242, "x", "2024-01-01")).status().code(),
            StatusCode::kFailedPrecondition);
  ASSERT_OK(tx->Commit());
}

TEST_P(StoreContractTest, DecisionFiguresOnePerAgencyAndYearGuardedByVersion) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  DecisionFigures y2024 = MakeFigures(root, 2024);
  DecisionFigures y2023 = MakeFigures(root, 2023);
  y2023.fee_fen = 0;
  for (DecisionFigures* f : {&y2024, &y2023}) {
    ASSERT_OK_AND_ASSIGN(f->id, tx->InsertDecisionFigures(*f));
    f->version = 1;
  }
  ASSERT_OK_AND_ASSIGN(std::optional<DecisionFigures> found, tx->FindDecisionFigures(root, 2024));
  ASSERT_TRUE(found.has_value());
  ExpectSameFigures(y2024, *found);
  ASSERT_OK_AND_ASSIGN(found, tx->FindDecisionFigures(root, 2022));
  EXPECT_FALSE(found.has_value());
  ASSERT_OK_AND_ASSIGN(std::vector<DecisionFigures> listed, tx->ListDecisionFigures(root));
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].year, 2023);  // by year
  EXPECT_EQ(listed[1].year, 2024);

  EXPECT_EQ(tx->InsertDecisionFigures(MakeFigures(root, 2024)).status().code(),
            StatusCode::kAlreadyExists);
  DecisionFigures changed = y2024;
  changed.penalty = 7;
  changed.fee_fen = 100;
  ASSERT_OK(tx->UpdateDecisionFigures(changed));
  changed.version = 2;
  ASSERT_OK_AND_ASSIGN(found, tx->FindDecisionFigures(root, 2024));
  ExpectSameFigures(changed, *found);
  EXPECT_EQ(tx->UpdateDecisionFigures(y2024).code(), StatusCode::kAborted);
  DecisionFigures missing = MakeFigures(root, 2020);
  missing.version = 1;
  EXPECT_EQ(tx->UpdateDecisionFigures(missing).code(), StatusCode::kNotFound);

  DecisionFigures negative = MakeFigures(root, 2021);
  negative.coercion = -1;
  EXPECT_FALSE(tx->InsertDecisionFigures(negative).ok());
  EXPECT_EQ(tx->InsertDecisionFigures(MakeFigures(4242, 2024)).status().code(),
            StatusCode::kFailedPrecondition);
  ASSERT_OK(tx->Commit());
}

// --- Migrations and bulk copy ---------------------------------------------------------------

TEST_P(StoreContractTest, MigrateReportsWhatItApplies) {
  // The fixture's store is migrated already: nothing left to apply.
  ASSERT_OK_AND_ASSIGN(std::vector<AppliedMigration> again, store_->Migrate());
  EXPECT_TRUE(again.empty());

  std::string url = GetParam().fresh_url();
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> fresh, OpenStoreUnmigrated(url));
    ASSERT_OK_AND_ASSIGN(MigrationStatus before, fresh->Migrations());
    EXPECT_EQ(before.database_version, 0);
    ASSERT_OK_AND_ASSIGN(std::vector<AppliedMigration> applied, fresh->Migrate());
    ASSERT_EQ(static_cast<int>(applied.size()), before.binary_version);
    EXPECT_EQ(applied[0].version, 1);
    EXPECT_EQ(applied[0].name, "foundation");
    ASSERT_OK_AND_ASSIGN(MigrationStatus after, fresh->Migrations());
    EXPECT_EQ(after.database_version, after.binary_version);
  }
  if (GetParam().drop) GetParam().drop(url);
}

// A bit of everything, including an agency whose parent has a higher id (it was moved later).
DataSnapshot FillForExport(Store& store) {
  DataSnapshot want;
  auto begun = store.Begin(TxMode::kWrite);
  EXPECT_TRUE(begun.ok()) << begun.status().ToString();
  auto& tx = *begun;
  Agency district = MakeAgency("三门峡市湖滨区人民政府", "411202", std::nullopt);
  Agency township = MakeAgency("磁钟乡人民政府", "411202200", std::nullopt, AgencyLevel::kTownship);
  township.short_name = "磁钟乡";
  township.office = {"党政综合办公室", "湖滨区磁钟乡政府院内", "0398-2860000", "工作日", "a@b.cn"};
  township.leading_group = {{"王五", "党委书记", GroupRole::kHead},
                            {"赵六", "乡长", GroupRole::kExecutiveDeputy}};
  township.id = tx->InsertAgency(township).value();
  district.id = tx->InsertAgency(district).value();
  township.parent_id = district.id;
  township.version = 1;
  EXPECT_TRUE(tx->UpdateAgency(township).ok());
  township.version = 2;
  district.version = 1;
  want.agencies = {township, district};

  User clerk = MakeUser("cizhong.clerk", township.id);
  clerk.active = false;
  clerk.failed_logins = 3;
  clerk.locked_until = 1764316800;
  clerk.id = tx->InsertUser(clerk).value();
  clerk.version = 1;
  want.users = {clerk};

  CalendarYear year = LoadCalendar(2024);
  EXPECT_TRUE(tx->PutCalendarYear(year).ok());
  want.calendar_years = {year};

  std::string prev(kGenesisHash);
  for (int64_t seq = 1; seq <= 3; ++seq) {
    AuditEntry e = MakeEntry(seq, "agency:" + std::to_string(township.id), prev);
    EXPECT_TRUE(tx->AppendAudit(e).ok());
    prev = e.hash;
    want.audit.push_back(e);
  }
  want.audit_head = {3, prev};

  ReportSource file = MakeSource(AllBytes(), clerk.id);
  file.agency_id = township.id;
  file.id = tx->InsertReportSource(file).value();
  want.report_sources = {file};

  AnnualReport imported = MakeReport(township.id, 2022);
  imported.origin = ReportOrigin::kImported;
  imported.source_id = file.id;
  imported.id = tx->InsertReport(imported).value();
  imported.row_version = 1;

  AnnualReport report = MakeReport(township.id, 2023);
  report.origin = ReportOrigin::kSummary;
  report.summary_units = {district.id};
  report.acceptances = {{"Y-03", "t3.new.total", "说明", "李四", "2024-01-06T10:00:00+08:00"}};
  report.id = tx->InsertReport(report).value();
  report.row_version = 1;
  want.reports = {imported, report};

  // A closed case with its history and one still awaiting confirmation, and a review of the first.
  Application closed =
      MakeApplication(township.id, "EXPORT-1", "2024-03-01", "2024-03-20", Outcome::kPartial);
  closed.handler_id = clerk.id;
  closed.handler_name = clerk.display_name;
  closed.events[1].by_user_id = clerk.id;
  closed.events[1].until = D("2024-04-01");
  closed.id = tx->InsertApplication(closed).value();
  closed.serial_no = 1;
  closed.version = 1;
  Application online = MakeApplication(township.id, "EXPORT-2", std::nullopt);
  online.client_key = "c0ffee";
  online.id = tx->InsertApplication(online).value();
  online.serial_no = 2;
  online.version = 1;
  want.applications = {closed, online};
  ReviewCase review = MakeReviewCase(township.id, "2024-04-10");
  review.application_id = closed.id;
  review.result = litigation::CaseResult::kUpheld;
  review.result_on = D("2024-06-01");
  review.id = tx->InsertReviewCase(review).value();
  review.version = 1;
  want.review_cases = {review};
  NormativeDocument doc = MakeDocument(township.id, "磁政〔2024〕5号", "2024-05-01");
  doc.repealed_on = D("2024-12-31");
  doc.id = tx->InsertNormativeDocument(doc).value();
  doc.version = 1;
  want.normative_documents = {doc};
  DecisionFigures figures = MakeFigures(township.id, 2024);
  figures.id = tx->InsertDecisionFigures(figures).value();
  figures.version = 1;
  want.decision_figures = {figures};
  EXPECT_TRUE(tx->Commit().ok());
  return want;
}

void ExpectSameSnapshot(const DataSnapshot& want, const DataSnapshot& got) {
  ASSERT_EQ(want.agencies.size(), got.agencies.size());
  for (size_t i = 0; i < want.agencies.size(); ++i) {
    ExpectSameAgency(want.agencies[i], got.agencies[i]);
  }
  ASSERT_EQ(want.users.size(), got.users.size());
  for (size_t i = 0; i < want.users.size(); ++i) {
    const User& w = want.users[i];
    const User& g = got.users[i];
    EXPECT_EQ(std::tie(w.id, w.username, w.display_name, w.role, w.agency_id, w.password_hash,
                       w.active, w.failed_logins, w.locked_until, w.version),
              std::tie(g.id, g.username, g.display_name, g.role, g.agency_id, g.password_hash,
                       g.active, g.failed_logins, g.locked_until, g.version));
  }
  ASSERT_EQ(want.calendar_years.size(), got.calendar_years.size());
  for (size_t i = 0; i < want.calendar_years.size(); ++i) {
    EXPECT_EQ(FormatCalendarYear(want.calendar_years[i]),
              FormatCalendarYear(got.calendar_years[i]));
  }
  ASSERT_EQ(want.audit.size(), got.audit.size());
  for (size_t i = 0; i < want.audit.size(); ++i) {
    EXPECT_EQ(AuditCanonical(want.audit[i]) + want.audit[i].hash,
              AuditCanonical(got.audit[i]) + got.audit[i].hash);
  }
  EXPECT_EQ(want.audit_head.seq, got.audit_head.seq);
  EXPECT_EQ(want.audit_head.hash, got.audit_head.hash);
  ASSERT_EQ(want.reports.size(), got.reports.size());
  for (size_t i = 0; i < want.reports.size(); ++i) {
    const AnnualReport& w = want.reports[i];
    const AnnualReport& g = got.reports[i];
    EXPECT_EQ(std::tie(w.id, w.agency_id, w.year, w.version, w.body, w.row_version, w.summary_units,
                       w.source_id),
              std::tie(g.id, g.agency_id, g.year, g.version, g.body, g.row_version, g.summary_units,
                       g.source_id));
    ASSERT_EQ(w.acceptances.size(), g.acceptances.size());
    if (!w.acceptances.empty()) {
      EXPECT_EQ(w.acceptances[0].reason, g.acceptances[0].reason);
    }
  }
  ASSERT_EQ(want.applications.size(), got.applications.size());
  for (size_t i = 0; i < want.applications.size(); ++i) {
    ExpectSameApplication(want.applications[i], got.applications[i]);
  }
  ASSERT_EQ(want.review_cases.size(), got.review_cases.size());
  for (size_t i = 0; i < want.review_cases.size(); ++i) {
    ExpectSameReviewCase(want.review_cases[i], got.review_cases[i]);
  }
  ASSERT_EQ(want.normative_documents.size(), got.normative_documents.size());
  for (size_t i = 0; i < want.normative_documents.size(); ++i) {
    ExpectSameDocument(want.normative_documents[i], got.normative_documents[i]);
  }
  ASSERT_EQ(want.decision_figures.size(), got.decision_figures.size());
  for (size_t i = 0; i < want.decision_figures.size(); ++i) {
    ExpectSameFigures(want.decision_figures[i], got.decision_figures[i]);
  }
  ASSERT_EQ(want.report_sources.size(), got.report_sources.size());
  for (size_t i = 0; i < want.report_sources.size(); ++i) {
    const ReportSource& w = want.report_sources[i];
    const ReportSource& g = got.report_sources[i];
    EXPECT_EQ(std::tie(w.id, w.agency_id, w.uploader_id, w.uploaded_by, w.uploaded_at, w.file_name,
                       w.media_kind, w.size, w.sha256, w.content),
              std::tie(g.id, g.agency_id, g.uploader_id, g.uploaded_by, g.uploaded_at, g.file_name,
                       g.media_kind, g.size, g.sha256, g.content));
  }
}

TEST_P(StoreContractTest, ExportImportRoundTripKeepsIdsAndContinuesAbove) {
  DataSnapshot want = FillForExport(*store_);
  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(DataSnapshot exported, read->ExportAll());
  read.reset();
  ExpectSameSnapshot(want, exported);

  std::string url = GetParam().fresh_url();
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> target, OpenStore(url));
    {
      ASSERT_OK_AND_ASSIGN(std::unique_ptr<Transaction> tx, target->Begin(TxMode::kWrite));
      ASSERT_OK(tx->ImportAll(exported));
      ASSERT_OK(tx->Commit());
    }
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Transaction> tx, target->Begin(TxMode::kWrite));
    ASSERT_OK_AND_ASSIGN(DataSnapshot imported, tx->ExportAll());
    ExpectSameSnapshot(want, imported);
    // New rows get ids above the imported ones, and the chain continues from the imported head.
    ASSERT_OK_AND_ASSIGN(int64_t next_agency, tx->InsertAgency(MakeAgency("新单位", "", 1)));
    EXPECT_EQ(next_agency, 3);
    ASSERT_OK_AND_ASSIGN(int64_t next_user, tx->InsertUser(MakeUser("new.user", 1)));
    EXPECT_EQ(next_user, 2);
    ASSERT_OK_AND_ASSIGN(int64_t next_source, tx->InsertReportSource(MakeSource("x")));
    EXPECT_EQ(next_source, want.report_sources.back().id + 1);
    ASSERT_OK_AND_ASSIGN(int64_t next_report, tx->InsertReport(MakeReport(1, 2021)));
    EXPECT_EQ(next_report, want.reports.back().id + 1);
    ASSERT_OK_AND_ASSIGN(int64_t next_app, tx->InsertApplication(MakeApplication(1, "NEXT")));
    EXPECT_EQ(next_app, want.applications.back().id + 1);
    ASSERT_OK_AND_ASSIGN(Application numbered, tx->GetApplication(next_app));
    EXPECT_EQ(numbered.serial_no, 3);  // after the two imported ones of 2024
    ASSERT_OK_AND_ASSIGN(int64_t next_review,
                         tx->InsertReviewCase(MakeReviewCase(1, "2024-01-01")));
    EXPECT_EQ(next_review, want.review_cases.back().id + 1);
    ASSERT_OK_AND_ASSIGN(int64_t next_doc,
                         tx->InsertNormativeDocument(MakeDocument(1, "新", "2024-01-01")));
    EXPECT_EQ(next_doc, want.normative_documents.back().id + 1);
    ASSERT_OK_AND_ASSIGN(int64_t next_figures, tx->InsertDecisionFigures(MakeFigures(1, 2023)));
    EXPECT_EQ(next_figures, want.decision_figures.back().id + 1);
    ASSERT_OK(tx->AppendAudit(MakeEntry(4, "agency:3", want.audit_head.hash)));
    ASSERT_OK(tx->Commit());
  }
  if (GetParam().drop) GetParam().drop(url);
}

TEST_P(StoreContractTest, ImportIsAllOrNothing) {
  DataSnapshot rows = FillForExport(*store_);
  auto tx = Tx(TxMode::kWrite);
  // Every key exists already: the first agency clashes, and nothing of the import stays.
  Status again = tx->ImportAll(rows);
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists) << again.ToString();
  EXPECT_NE(again.message().find("agencies id"), std::string::npos) << again.message();

  // New agency and user, but an audit entry that does not continue the chain.
  DataSnapshot broken;
  broken.agencies = {MakeAgency("另一个单位", "", std::nullopt)};
  broken.agencies[0].id = 10;
  broken.agencies[0].version = 1;
  broken.audit = {MakeEntry(5, "agency:10", rows.audit_head.hash)};
  Status gap = tx->ImportAll(broken);
  EXPECT_EQ(gap.code(), StatusCode::kAborted) << gap.ToString();
  EXPECT_NE(gap.message().find("audit_log seq 5"), std::string::npos) << gap.message();
  // The transaction is still usable and holds none of the refused rows.
  EXPECT_EQ(tx->GetAgency(10).status().code(), StatusCode::kNotFound);
  ASSERT_OK(tx->Commit());
  auto read = Tx(TxMode::kRead);
  ASSERT_OK_AND_ASSIGN(DataSnapshot after, read->ExportAll());
  EXPECT_EQ(after.agencies.size(), 2u);
  EXPECT_EQ(after.audit_head.seq, 3);
}

// --- Proactive disclosure register ------------------------------------------------------------

publication::Publication MakePublication(int64_t agency_id, std::string index_number,
                                         std::string title, std::string body) {
  publication::Publication p;
  p.agency_id = agency_id;
  p.index_number = std::move(index_number);
  p.stage = publication::Stage::kDraft;
  p.working_version = 1;
  publication::Version v;
  v.number = 1;
  v.content.title = std::move(title);
  v.content.subject = "agriculture";
  v.content.item_code = "20.11";
  v.content.written_date = *Date::Parse("2025-03-03");
  v.content.body_html = std::move(body);
  v.created_at = "2025-03-03T01:00:00Z";
  v.created_by = "公开专员";
  p.versions.push_back(v);
  publication::Event e;
  e.seq = 1;
  e.kind = publication::EventKind::kCreated;
  e.version = 1;
  e.date = *Date::Parse("2025-03-03");
  e.by = "公开专员";
  p.events.push_back(e);
  p.created_at = "2025-03-03T01:00:00Z";
  return p;
}

// As Apply would leave it after the leader's approval on `day`.
void Publish(publication::Publication& p, const char* day) {
  p.stage = publication::Stage::kPublished;
  p.live_version = p.working_version;
  p.versions.back().released_on = *Date::Parse(day);
  if (!p.first_released_on) p.first_released_on = *Date::Parse(day);
  publication::Event e;
  e.seq = p.events.back().seq + 1;
  e.kind = publication::EventKind::kApproved;
  e.version = p.live_version;
  e.date = *Date::Parse(day);
  e.by = "主管领导";
  p.events.push_back(e);
}

TEST_P(StoreContractTest, PublicationRoundTripsAndIsGuardedByVersion) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  ASSERT_OK_AND_ASSIGN(int serial, tx->NextPublicationSerial(root, 2025));
  EXPECT_EQ(serial, 1);
  auto p = MakePublication(root, "410000/2025-00001", "春耕补贴发放方案", "<p>补贴&amp;标准</p>");
  p.serial_year = 2025;
  p.serial_no = 1;
  p.versions[0].content.review_by = *Date::Parse("2025-12-31");
  p.versions[0].content.document_number = "豫政〔2025〕1号";
  ASSERT_OK_AND_ASSIGN(int64_t id, tx->InsertPublication(p));
  ASSERT_OK_AND_ASSIGN(int next, tx->NextPublicationSerial(root, 2025));
  EXPECT_EQ(next, 2);
  ASSERT_OK_AND_ASSIGN(publication::Publication got, tx->GetPublication(id));
  EXPECT_EQ(got.index_number, "410000/2025-00001");
  EXPECT_EQ(got.serial_no, 1);
  EXPECT_EQ(got.version, 1);
  ASSERT_EQ(got.versions.size(), 1u);
  EXPECT_EQ(got.versions[0].content, p.versions[0].content);
  ASSERT_EQ(got.events.size(), 1u);
  EXPECT_EQ(got.events[0].kind, publication::EventKind::kCreated);

  // A used index number is AlreadyExists and names it.
  auto dup = tx->InsertPublication(MakePublication(root, "410000/2025-00001", "另一条", ""));
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists) << dup.status().ToString();
  EXPECT_NE(dup.status().ui_message().find("410000/2025-00001"), std::string::npos);

  Publish(got, "2025-03-10");
  ASSERT_OK(tx->UpdatePublication(got));
  // Stale now.
  EXPECT_EQ(tx->UpdatePublication(got).code(), StatusCode::kAborted);
  ASSERT_OK_AND_ASSIGN(publication::Publication live,
                       tx->FindPublicationByIndexNumber("410000/2025-00001"));
  EXPECT_EQ(live.version, 2);
  EXPECT_EQ(live.stage, publication::Stage::kPublished);
  EXPECT_EQ(live.first_released_on, Date::Parse("2025-03-10").value());
  EXPECT_EQ(live.events.size(), 2u);
  EXPECT_EQ(live.Live()->released_on, Date::Parse("2025-03-10").value());
  ASSERT_OK(tx->Commit());
}

TEST_P(StoreContractTest, PublicationEventsAreAppendOnlyInTheDatabase) {
  if (!GetParam().persistent) GTEST_SKIP() << "needs a second connection";
  int64_t root = InsertRoot();
  {
    auto tx = Tx(TxMode::kWrite);
    ASSERT_OK(tx->InsertPublication(MakePublication(root, "X-1", "标题", "")));
    ASSERT_OK(tx->Commit());
  }
  EXPECT_NE(GetParam().exec_raw(url_, "UPDATE publication_events SET body = 'x'"), "");
  EXPECT_NE(GetParam().exec_raw(url_, "DELETE FROM publication_events"), "");
}

TEST_P(StoreContractTest, PortalListsAndSearchSeeOnlyLiveItems) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  auto a = MakePublication(root, "A-1", "关于春耕生产补贴发放的公示", "<p>全乡农户补贴标准</p>");
  Publish(a, "2025-03-10");
  auto b = MakePublication(root, "A-2", "防汛应急预案", "<p>汛期春耕安排：各村排查</p>");
  b.versions[0].content.item_code = "20.12";
  Publish(b, "2025-04-01");
  auto draft = MakePublication(root, "A-3", "春耕草稿", "<p>春耕</p>");
  ASSERT_OK_AND_ASSIGN(int64_t ia, tx->InsertPublication(a));
  ASSERT_OK_AND_ASSIGN(int64_t ib, tx->InsertPublication(b));
  ASSERT_OK(tx->InsertPublication(draft));

  PublicationFilter portal;
  portal.agency_ids = {root};
  portal.on_portal = true;
  ASSERT_OK_AND_ASSIGN(auto items, tx->ListPublications(portal));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, ib);                                   // newest first
  EXPECT_TRUE(items[0].versions[0].content.body_html.empty());  // lists carry no bodies
  portal.item_code = "20.12";
  EXPECT_EQ(*tx->CountPublications(portal), 1);
  portal.item_code.clear();
  portal.year = 2024;
  EXPECT_EQ(*tx->CountPublications(portal), 0);
  ASSERT_OK_AND_ASSIGN(auto counts, tx->CountPortalItems(root));
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0], (std::pair<std::string, int64_t>{"20.11", 1}));

  // Two characters, title matches first, the draft never.
  PublicationQuery q;
  q.text = "春耕";
  ASSERT_OK_AND_ASSIGN(PublicationHits hits, tx->SearchPublications(q));
  EXPECT_EQ(hits.total, 2);
  EXPECT_EQ(hits.title_hits, 1);
  ASSERT_EQ(hits.ids.size(), 2u);
  EXPECT_EQ(hits.ids[0], ia);
  EXPECT_EQ(hits.ids[1], ib);
  // Paging continues into the body matches.
  q.offset = 1;
  q.limit = 1;
  ASSERT_OK_AND_ASSIGN(hits, tx->SearchPublications(q));
  ASSERT_EQ(hits.ids.size(), 1u);
  EXPECT_EQ(hits.ids[0], ib);
  // Exact substring: 补贴标准 is in a's body; 标准补贴 is not anywhere.
  q = {};
  q.text = "补贴标准";
  EXPECT_EQ(tx->SearchPublications(q)->total, 1);
  q.text = "标准补贴";
  EXPECT_EQ(tx->SearchPublications(q)->total, 0);
  q.text = "汛";  // one character
  EXPECT_EQ(tx->SearchPublications(q)->total, 1);
  q.text = "\" OR * NEAR(";  // operators are only text
  auto operators = tx->SearchPublications(q);
  EXPECT_TRUE(operators.ok()) << operators.status().ToString();
  q.text = "春耕";
  q.agency_ids = {root + 1000};
  EXPECT_EQ(tx->SearchPublications(q)->total, 0);

  // Withdrawing takes it out of the index in the same transaction.
  ASSERT_OK_AND_ASSIGN(publication::Publication got, tx->GetPublication(ia));
  got.stage = publication::Stage::kWithdrawn;
  got.withdrawn_on = *Date::Parse("2025-05-01");
  ASSERT_OK(tx->UpdatePublication(got));
  q = {};
  q.text = "春耕";
  ASSERT_OK_AND_ASSIGN(hits, tx->SearchPublications(q));
  EXPECT_EQ(hits.total, 1);
  EXPECT_EQ(hits.title_hits, 0);
  ASSERT_OK(tx->Commit());
}

TEST_P(StoreContractTest, SearchCountsUpToItsLimitAndPagesStopThere) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  // Seven items hold 防汛: three in the title (ids t[0..2]), four in the body only (b[0..3]).
  std::vector<int64_t> t, b;
  for (int i = 0; i < 7; ++i) {
    bool in_title = i % 2 == 0 && t.size() < 3;
    auto p = MakePublication(root, "S-" + std::to_string(i),
                             in_title ? "防汛通知" + std::to_string(i) : "通知" + std::to_string(i),
                             "<p>做好防汛工作</p>");
    Publish(p, "2025-06-01");
    ASSERT_OK_AND_ASSIGN(int64_t id, tx->InsertPublication(p));
    (in_title ? t : b).push_back(id);
  }
  PublicationQuery q;
  q.text = "防汛";
  q.count_limit = 5;
  q.limit = 4;
  ASSERT_OK_AND_ASSIGN(PublicationHits hits, tx->SearchPublications(q));
  EXPECT_EQ(hits.total, 5);
  EXPECT_TRUE(hits.more);
  EXPECT_EQ(hits.title_hits, 3);
  // Title hits first, newest first within each group; the page crosses into the body hits.
  EXPECT_EQ(hits.ids, (std::vector<int64_t>{t[2], t[1], t[0], b[3]}));
  q.offset = 4;
  ASSERT_OK_AND_ASSIGN(hits, tx->SearchPublications(q));
  EXPECT_EQ(hits.ids, (std::vector<int64_t>{b[2]}));  // the page ends at the count limit
  q.offset = 5;
  ASSERT_OK_AND_ASSIGN(hits, tx->SearchPublications(q));
  EXPECT_TRUE(hits.ids.empty());
  EXPECT_TRUE(hits.more);
  // Exactly at the limit: no "more".
  q.offset = 0;
  q.count_limit = 7;
  ASSERT_OK_AND_ASSIGN(hits, tx->SearchPublications(q));
  EXPECT_EQ(hits.total, 7);
  EXPECT_FALSE(hits.more);
  // A title limit below the title hits: the pages hold title hits only.
  q.count_limit = 2;
  ASSERT_OK_AND_ASSIGN(hits, tx->SearchPublications(q));
  EXPECT_EQ(hits.title_hits, 2);
  EXPECT_EQ(hits.ids, (std::vector<int64_t>{t[2], t[1]}));
  // One character, through the prefix index; scoped to another agency, nothing.
  q = {};
  q.text = "汛";
  ASSERT_OK_AND_ASSIGN(hits, tx->SearchPublications(q));
  EXPECT_EQ(hits.total, 7);
  EXPECT_EQ(hits.title_hits, 3);
  q.agency_ids = {root + 1000};
  ASSERT_OK_AND_ASSIGN(hits, tx->SearchPublications(q));
  EXPECT_EQ(hits.total, 0);
  EXPECT_TRUE(hits.ids.empty());
  ASSERT_OK(tx->Commit());
}

TEST_P(StoreContractTest, ReadingManyItemsTakesTheirVersionsAndEventsInBatches) {
  // More items than one batch of ids (and so, by construction, than an IN list may hold): a
  // database copy reads every item at once.
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  const int n = 1234;
  for (int i = 0; i < n; ++i) {
    auto p = MakePublication(root, "M-" + std::to_string(i), "第" + std::to_string(i) + "条", "");
    if (i % 2 == 0) Publish(p, "2025-04-01");
    ASSERT_OK(tx->InsertPublication(p));
  }
  ASSERT_OK_AND_ASSIGN(DataSnapshot all, tx->ExportAll());
  ASSERT_EQ(all.publications.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const publication::Publication& p = all.publications[static_cast<size_t>(i)];
    ASSERT_EQ(p.versions.size(), 1u) << p.index_number;
    EXPECT_EQ(p.versions[0].content.title, "第" + std::to_string(i) + "条");
    EXPECT_EQ(p.events.size(), i % 2 == 0 ? 2u : 1u) << p.index_number;
  }
  ASSERT_OK(tx->Commit());
}

TEST_P(StoreContractTest, AttachmentsKeepEveryByteAndChannelsAreCounted) {
  int64_t root = InsertRoot();
  auto tx = Tx(TxMode::kWrite);
  auto p = MakePublication(root, "B-1", "公示", "");
  Publish(p, "2025-03-10");
  ASSERT_OK_AND_ASSIGN(int64_t id, tx->InsertPublication(p));
  publication::Attachment a;
  a.publication_id = id;
  a.version = 1;
  a.file_name = "名单.pdf";
  a.content_type = "application/pdf";
  std::string bytes("%PDF-\0\x01\xff end", 12);
  a.size = static_cast<int64_t>(bytes.size());
  a.sha256 = "x";
  ASSERT_OK_AND_ASSIGN(int64_t att, tx->InsertAttachment(a, bytes));
  std::string back;
  ASSERT_OK_AND_ASSIGN(publication::Attachment meta, tx->GetAttachment(att, &back));
  EXPECT_EQ(back, bytes);
  EXPECT_EQ(meta.file_name, "名单.pdf");
  EXPECT_EQ(tx->ListAttachments(id)->size(), 1u);
  a.publication_id = 99999;
  EXPECT_EQ(tx->InsertAttachment(a, bytes).status().code(), StatusCode::kFailedPrecondition);

  publication::ChannelRecord r;
  r.publication_id = id;
  r.channel = publication::Channel::kWechat;
  r.date = *Date::Parse("2025-03-11");
  r.link = "https://mp.weixin.qq.com/s/abc";
  ASSERT_OK(tx->InsertChannelRecord(r));
  r.channel = publication::Channel::kBulletinBoard;
  r.place = "乡政府院内公开栏";
  r.photo_attachment_id = att;
  ASSERT_OK(tx->InsertChannelRecord(r));
  r.date = *Date::Parse("2024-12-31");
  ASSERT_OK(tx->InsertChannelRecord(r));
  ASSERT_OK_AND_ASSIGN(auto records, tx->ListChannelRecords(id));
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].photo_attachment_id, att);
  EXPECT_EQ(records[1].place, "乡政府院内公开栏");
  ASSERT_OK_AND_ASSIGN(auto counts, tx->CountChannelRecords(root, 2025));
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].channel, publication::Channel::kWechat);
  EXPECT_EQ(counts[1].records, 1);

  ASSERT_OK_AND_ASSIGN(DataSnapshot all, tx->ExportAll());
  EXPECT_EQ(all.publications.size(), 1u);
  ASSERT_EQ(all.attachments.size(), 1u);
  EXPECT_EQ(all.attachments[0].second, bytes);
  EXPECT_EQ(all.channel_records.size(), 3u);
  ASSERT_OK(tx->Commit());
}

TEST_P(StoreContractTest, ConcurrentDraftsNeverShareAnIndexSerial) {
  if (!GetParam().persistent) GTEST_SKIP() << "needs several connections";
  int64_t root = InsertRoot();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        for (int attempt = 0; attempt < 50; ++attempt) {
          auto tx = store_->Begin(TxMode::kWrite);
          if (!tx.ok()) continue;
          auto serial = (*tx)->NextPublicationSerial(root, 2025);
          if (!serial.ok()) continue;
          auto p = MakePublication(root, "C/" + std::to_string(*serial), "t", "");
          p.serial_year = 2025;
          p.serial_no = *serial;
          if ((*tx)->InsertPublication(p).ok() && (*tx)->Commit().ok()) break;
          if (attempt == 49) ++failures;
        }
      }
      (void)t;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto tx = Tx(TxMode::kRead);
  PublicationFilter f;
  f.agency_ids = {root};
  EXPECT_EQ(*tx->CountPublications(f), 20);
}

// --- Backends
// -------------------------------------------------------------------------------------

std::string SqlitePathOf(const std::string& url) {
  return url.starts_with("sqlite:") ? url.substr(7) : url;
}

StoreFactory SqliteFile() {
  return {
      .name = "SqliteFile",
      .fresh_url =
          [] {
            std::string dir_template =
                (std::filesystem::temp_directory_path() / "gk store XXXXXX").string();
            // A space in the path also checks that the path reaches SQLite intact.
            char* dir = mkdtemp(dir_template.data());
            EXPECT_NE(dir, nullptr);
            return "sqlite:" + dir_template + "/gongkai.db";
          },
      .persistent = true,
      .exec_raw =
          [](const std::string& url, const std::string& sql) {
            return test_support::ExecSqliteRaw(SqlitePathOf(url), sql);
          },
      .drop =
          [](const std::string& url) {
            std::filesystem::remove_all(std::filesystem::path(SqlitePathOf(url)).parent_path());
          },
  };
}

StoreFactory SqliteMemory() {
  return {.name = "SqliteMemory",
          .fresh_url = [] { return std::string(":memory:"); },
          .persistent = false,
          .exec_raw = nullptr,
          .drop = nullptr};
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContractTest, ::testing::Values(SqliteMemory(), SqliteFile()),
                         [](const auto& info) { return info.param.name; });

// PostgreSQL: a fresh database per test on the server named by env GONGKAI_TEST_PG_URL (start one
// with scripts/pg-test-server); no instances when it is unset, so the suite does not fail without a
// server.
std::vector<StoreFactory> PostgresFactoriesIfConfigured() {
  std::string maintenance = test_support::PgTestUrl();
  if (maintenance.empty()) return {};
  return {{
      .name = "Postgres",
      .fresh_url =
          [maintenance] {
            std::string error;
            std::string url = test_support::CreatePgTestDatabase(maintenance, &error);
            EXPECT_EQ(error, "") << "cannot create a test database via GONGKAI_TEST_PG_URL";
            return url;
          },
      .persistent = true,
      .exec_raw = test_support::ExecPgRaw,
      .drop =
          [maintenance](const std::string& url) {
            EXPECT_EQ(test_support::DropPgTestDatabase(maintenance, url), "");
          },
  }};
}

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContractTest,
                         ::testing::ValuesIn(PostgresFactoriesIfConfigured()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace gongkai::storage
