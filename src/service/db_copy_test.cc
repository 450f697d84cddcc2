// db copy from a SQLite file into a fresh SQLite file and, when GONGKAI_TEST_PG_URL is set, into a
// fresh PostgreSQL database: counts, checksums, re-runs, conflicts, and the copied audit chain.
#include "service/db_copy.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "service/demo.h"
#include "service/platform.h"
#include "storage/testing/pg_raw.h"

namespace gongkai::service {
namespace {

struct Target {
  std::string name;
  std::function<std::string()> fresh_url;
  std::function<void(const std::string&)> drop;
};
void PrintTo(const Target& target, std::ostream* os) { *os << target.name; }

int64_t Rows(const std::vector<TableSummary>& tables, const std::string& name) {
  for (const auto& t : tables) {
    if (t.table == name) return t.rows;
  }
  return -1;
}

class DbCopyTest : public ::testing::TestWithParam<Target> {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("gongkai-db-copy-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    source_url_ = (dir_ / "source.db").string();
    target_url_ = GetParam().fresh_url();
    ASSERT_NE(target_url_, "");
    auto source = Open(source_url_);
    ASSERT_NE(source, nullptr);
    auto calendar = ParseCalendarYear("year: 2027\nsource: 测试通知\nholiday: 2027-01-01 元旦\n");
    ASSERT_TRUE(calendar.ok()) << calendar.status().ToString();
    auto seeded = SeedDemo(*source, {*calendar});
    ASSERT_TRUE(seeded.ok()) << seeded.status().ToString();
  }
  void TearDown() override {
    if (GetParam().drop) GetParam().drop(target_url_);
    std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<Platform> Open(const std::string& url) {
    PlatformOptions options;
    options.hasher = HasherOptions::FastForTests();
    auto p = OpenPlatform(url, clock_, options);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? std::move(p).value() : nullptr;
  }

  int64_t VerifiedAuditEntries(const std::string& url) {
    auto p = Open(url);
    if (!p) return -1;
    auto v = p->audit().Verify();
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_TRUE(v->ok()) << (v->problems.empty() ? "" : v->problems[0].what);
    return v->entries;
  }

  FakeClock clock_{1764316800};
  std::filesystem::path dir_;
  std::string source_url_, target_url_;
};

TEST_P(DbCopyTest, CopiesEverythingVerifiablyAndReRunIsANoOp) {
  auto first = CopyDatabase(source_url_, target_url_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->verified()) << first->mismatches.front();
  EXPECT_EQ(first->source, first->target);
  EXPECT_GT(Rows(first->source, "agencies"), 5);
  EXPECT_GT(Rows(first->source, "agency_group_members"), 0);
  EXPECT_GT(Rows(first->source, "users"), 3);
  EXPECT_EQ(Rows(first->source, "calendar_years"), 1);
  for (const auto& copied : first->copied) {
    EXPECT_EQ(copied.rows, Rows(first->source, copied.table)) << copied.table;
  }

  // The chain verifies on the target, and ids survived: the demo admin has the same id and agency.
  int64_t entries = VerifiedAuditEntries(target_url_);
  EXPECT_EQ(entries, Rows(first->source, "audit_log"));
  auto source = Open(source_url_);
  auto target = Open(target_url_);
  ASSERT_TRUE(source && target);
  auto want = source->users().List();
  auto got = target->users().List();
  ASSERT_TRUE(want.ok() && got.ok());
  ASSERT_EQ(want->size(), got->size());
  for (size_t i = 0; i < want->size(); ++i) {
    EXPECT_EQ((*want)[i].id, (*got)[i].id);
    EXPECT_EQ((*want)[i].username, (*got)[i].username);
    EXPECT_EQ((*want)[i].agency_id, (*got)[i].agency_id);
  }
  // The target keeps working: new ids continue above the copied ones, the chain extends.
  Agency extra;
  extra.level = AgencyLevel::kDistrict;
  extra.name = "新设区人民政府";
  auto id = target->agencies().Create(Actor::Cli(), extra);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*id, Rows(first->source, "agencies") + 1);
  target.reset();
  EXPECT_EQ(VerifiedAuditEntries(target_url_), entries + 1);
}

TEST_P(DbCopyTest, ReRunCopiesNothing) {
  ASSERT_TRUE(CopyDatabase(source_url_, target_url_).ok());
  auto again = CopyDatabase(source_url_, target_url_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->verified());
  for (const auto& copied : again->copied) EXPECT_EQ(copied.rows, 0) << copied.table;
}

TEST_P(DbCopyTest, ChangedRowIsAConflictAndNothingIsWritten) {
  auto first = CopyDatabase(source_url_, target_url_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  // The source keeps working after the copy: agency 1 changes (and the audit log grows).
  {
    auto source = Open(source_url_);
    ASSERT_NE(source, nullptr);
    auto agency = source->agencies().Get(1);
    ASSERT_TRUE(agency.ok());
    agency->office.phone = "0371-65900000";
    ASSERT_TRUE(source->agencies().Update(Actor::Cli(), *agency).ok());
  }
  auto second = CopyDatabase(source_url_, target_url_);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(second.status().message().find("agencies id 1"), std::string::npos)
      << second.status().message();
  // Not even the new audit entry was written.
  EXPECT_EQ(VerifiedAuditEntries(target_url_), Rows(first->source, "audit_log"));
}

TEST_P(DbCopyTest, RefusesTargetWithItsOwnAuditHistory) {
  {
    auto target = Open(target_url_);
    ASSERT_NE(target, nullptr);
    Agency own;
    own.level = AgencyLevel::kProvince;
    own.name = "另一个省人民政府";
    ASSERT_TRUE(target->agencies().Create(Actor::Cli(), own).ok());
  }
  auto copy = CopyDatabase(source_url_, target_url_);
  ASSERT_FALSE(copy.ok());
  EXPECT_EQ(copy.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(copy.status().message().find("audit log differs"), std::string::npos)
      << copy.status().message();
  auto target = Open(target_url_);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->agencies().List()->size(), 1u);
}

TEST_P(DbCopyTest, RefusesMissingSourceAndSameDatabase) {
  auto missing = CopyDatabase((dir_ / "typo.db").string(), target_url_);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound) << missing.status().ToString();
  EXPECT_FALSE(std::filesystem::exists(dir_ / "typo.db"));
  EXPECT_EQ(CopyDatabase(source_url_, source_url_).status().code(), StatusCode::kInvalidArgument);
}

Target SqliteFile() {
  return {.name = "SqliteFile",
          .fresh_url =
              [] {
                std::string dir =
                    (std::filesystem::temp_directory_path() / "gk db copy target XXXXXX").string();
                EXPECT_NE(mkdtemp(dir.data()), nullptr);
                return "sqlite:" + dir + "/target.db";
              },
          .drop =
              [](const std::string& url) {
                std::filesystem::remove_all(std::filesystem::path(url.substr(7)).parent_path());
              }};
}

INSTANTIATE_TEST_SUITE_P(Sqlite, DbCopyTest, ::testing::Values(SqliteFile()),
                         [](const auto& info) { return info.param.name; });

// A fresh database per test on the server named by GONGKAI_TEST_PG_URL; no instances without it.
std::vector<Target> PostgresIfConfigured() {
  std::string maintenance = storage::test_support::PgTestUrl();
  if (maintenance.empty()) return {};
  return {{.name = "Postgres",
           .fresh_url =
               [maintenance] {
                 std::string error;
                 std::string url = storage::test_support::CreatePgTestDatabase(maintenance, &error);
                 EXPECT_EQ(error, "");
                 return url;
               },
           .drop =
               [maintenance](const std::string& url) {
                 EXPECT_EQ(storage::test_support::DropPgTestDatabase(maintenance, url), "");
               }}};
}

INSTANTIATE_TEST_SUITE_P(Postgres, DbCopyTest, ::testing::ValuesIn(PostgresIfConfigured()),
                         [](const auto& info) { return info.param.name; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(DbCopyTest);

// An uploaded report file and the report saved from it arrive byte for byte, still linked.
TEST_P(DbCopyTest, CopiesUploadedReportFilesAndTheReportsNamingThem) {
  std::string bytes;
  {
    const char* root = std::getenv("GONGKAI_SOURCE_DIR");
    std::ifstream in(std::string(root ? root : ".") +
                     "/../shared/fixtures/seed-annual-report-2023-cizhong.txt");
    std::stringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  ASSERT_GT(bytes.size(), 1000u);
  int64_t source_id = 0, report_id = 0;
  {
    auto source = Open(source_url_);
    ASSERT_NE(source, nullptr);
    auto items = source->report_audit().AuditUploads(Actor::Cli(), {{"磁钟乡2023.txt", bytes}});
    ASSERT_TRUE(items.ok()) << items.status().ToString();
    ASSERT_TRUE((*items)[0].unit) << (*items)[0].unit_problem;
    source_id = (*items)[0].source.id;
    auto saved =
        source->report_audit().SaveAudited(Actor::Cli(), source_id, (*items)[0].unit->id, 2023);
    ASSERT_TRUE(saved.ok()) << saved.status().ToString();
    report_id = *saved;
  }
  auto copied = CopyDatabase(source_url_, target_url_);
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  EXPECT_TRUE(copied->verified());
  EXPECT_EQ(Rows(copied->source, "report_sources"), 1);
  auto target = Open(target_url_);
  ASSERT_NE(target, nullptr);
  auto file = target->report_audit().Source(Actor::Cli(), source_id);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->content, bytes);
  auto report = target->reports().Get(Actor::Cli(), report_id);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->record.source_id, source_id);
  EXPECT_EQ(report->record.version, 2);  // the demo's published 2023 report is version 1
}

// Applications arrive with their ids, file numbers and whole history, and their review cases with
// them; numbering continues on the target; a case that moved on in the source is a conflict.
TEST_P(DbCopyTest, CopiesApplicationsWithTheirEventsAndReviewCases) {
  auto date = [](std::string_view iso) { return Date::Parse(iso).value(); };
  application::Application app;
  app.agency_id = 1;
  app.query_code = "COPY-ME-0001";
  app.serial_year = 2024;
  app.receipt_date = date("2024-03-01");
  app.applicant.name = "张三";
  app.request.title = "磁钟乡2023年征地补偿标准";
  app.state = application::CaseState::kClosed;
  app.outcome = application::Outcome::kPartial;
  app.closed_on = date("2024-03-20");
  app.created_at = "2024-03-01T02:00:00.000Z";
  application::CaseEvent received;
  received.seq = 1;
  received.kind = application::EventKind::kReceived;
  received.date = date("2024-03-01");
  application::CaseEvent closed = received;
  closed.seq = 2;
  closed.kind = application::EventKind::kClosed;
  closed.date = date("2024-03-20");
  closed.outcome = application::Outcome::kPartial;
  closed.text = "部分公开";
  app.events = {received, closed};
  litigation::ReviewCase review;
  review.agency_id = 1;
  review.filed_on = date("2024-04-10");
  review.case_number = "湖政复〔2024〕7号";
  {
    auto source = storage::OpenStore(source_url_);
    ASSERT_TRUE(source.ok()) << source.status().ToString();
    auto tx = (*source)->Begin(storage::TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    auto id = (*tx)->InsertApplication(app);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    app.id = *id;
    auto stored = (*tx)->GetApplication(app.id);
    ASSERT_TRUE(stored.ok());
    app.serial_no = stored->serial_no;  // after the demo's cases, if it has some
    review.application_id = app.id;
    auto review_id = (*tx)->InsertReviewCase(review);
    ASSERT_TRUE(review_id.ok()) << review_id.status().ToString();
    review.id = *review_id;
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto copied = CopyDatabase(source_url_, target_url_);
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  EXPECT_TRUE(copied->verified());
  EXPECT_GE(Rows(copied->source, "applications"), 1);
  EXPECT_GE(Rows(copied->source, "application_events"), 2);
  EXPECT_GE(Rows(copied->source, "review_cases"), 1);
  for (const char* table : {"applications", "application_events", "review_cases"}) {
    EXPECT_EQ(Rows(copied->copied, table), Rows(copied->source, table)) << table;
    EXPECT_EQ(Rows(copied->target, table), Rows(copied->source, table)) << table;
  }
  {
    auto target = storage::OpenStore(target_url_);
    ASSERT_TRUE(target.ok()) << target.status().ToString();
    auto tx = (*target)->Begin(storage::TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    auto got = (*tx)->GetApplication(app.id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->query_code, app.query_code);
    EXPECT_EQ(got->serial_no, app.serial_no);
    ASSERT_EQ(got->events.size(), 2u);
    EXPECT_EQ(got->events[1].text, "部分公开");
    auto reviews = (*tx)->ListReviewCases(1, app.id);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ((*reviews)[0].id, review.id);
    application::Application next = app;
    next.query_code = "COPY-ME-0002";
    next.events.clear();
    auto next_id = (*tx)->InsertApplication(next);
    ASSERT_TRUE(next_id.ok()) << next_id.status().ToString();
    EXPECT_EQ(*next_id, app.id + 1);
    auto numbered = (*tx)->GetApplication(*next_id);
    ASSERT_TRUE(numbered.ok());
    EXPECT_EQ(numbered->serial_no, app.serial_no + 1);
  }  // not committed: the target stays a copy
  // The source case gains an event: the next copy names it as a conflict and writes nothing.
  {
    auto source = storage::OpenStore(source_url_);
    ASSERT_TRUE(source.ok());
    auto tx = (*source)->Begin(storage::TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    auto stored = (*tx)->GetApplication(app.id);
    ASSERT_TRUE(stored.ok());
    application::CaseEvent note = received;
    note.seq = 3;
    note.kind = application::EventKind::kNote;
    note.text = "已邮寄";
    stored->events.push_back(note);
    ASSERT_TRUE((*tx)->UpdateApplication(*stored).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto again = CopyDatabase(source_url_, target_url_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(again.status().message().find("applications id " + std::to_string(app.id)),
            std::string::npos)
      << again.status().message();
}

// Table 二's records arrive with their ids; a document repealed in the source afterwards is a
// conflict on the next copy.
TEST_P(DbCopyTest, CopiesNormativeDocumentsAndDecisionFigures) {
  disclosure::NormativeDocument doc;
  doc.agency_id = 1;
  doc.title = "关于印发《村级财务管理办法》的通知";
  doc.number = "湖政〔2024〕9号";
  doc.made_on = Date::Parse("2024-05-01").value();
  disclosure::DecisionFigures figures;
  figures.agency_id = 1;
  figures.year = 2024;
  figures.penalty = 4;
  figures.fee_fen = 120'000;
  {
    auto source = storage::OpenStore(source_url_);
    ASSERT_TRUE(source.ok()) << source.status().ToString();
    auto tx = (*source)->Begin(storage::TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    doc.id = (*tx)->InsertNormativeDocument(doc).value();
    figures.id = (*tx)->InsertDecisionFigures(figures).value();
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto copied = CopyDatabase(source_url_, target_url_);
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  EXPECT_TRUE(copied->verified());
  for (const char* table : {"normative_documents", "decision_figures"}) {
    EXPECT_GE(Rows(copied->source, table), 1) << table;
    EXPECT_EQ(Rows(copied->target, table), Rows(copied->source, table)) << table;
  }
  {
    auto target = storage::OpenStore(target_url_);
    ASSERT_TRUE(target.ok());
    auto tx = (*target)->Begin(storage::TxMode::kRead);
    ASSERT_TRUE(tx.ok());
    auto got = (*tx)->GetNormativeDocument(doc.id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->number, doc.number);
    auto found = (*tx)->FindDecisionFigures(1, 2024);
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->fee_fen, 120'000);
  }
  {
    auto source = storage::OpenStore(source_url_);
    ASSERT_TRUE(source.ok());
    auto tx = (*source)->Begin(storage::TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    doc.version = 1;
    doc.repealed_on = Date::Parse("2024-12-01").value();
    ASSERT_TRUE((*tx)->UpdateNormativeDocument(doc).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto again = CopyDatabase(source_url_, target_url_);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("normative_documents id " + std::to_string(doc.id)),
            std::string::npos)
      << again.status().message();
}

// --- The pure parts ------------------------------------------------------------------------------

TEST(DbCopyRowsTest, EmptyTablesHashTheEmptyString) {
  auto tables = SummariseSnapshot({});
  ASSERT_EQ(tables.size(), 16u);
  EXPECT_EQ(tables[0].table, "agencies");
  EXPECT_EQ(tables[0].rows, 0);
  EXPECT_EQ(tables[0].sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(DbCopyRowsTest, MissingRowsSkipsIdenticalAndNamesConflicts) {
  storage::DataSnapshot source;
  User u;
  u.id = 7;
  u.username = "a.user";
  source.users = {u};
  auto none = MissingRows(source, source);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->users.empty());
  auto all = MissingRows(source, {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->users.size(), 1u);

  storage::DataSnapshot target = source;
  target.users[0].locked_until = 1;
  auto conflict = MissingRows(source, target);
  EXPECT_EQ(conflict.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(conflict.status().message().find("users id 7"), std::string::npos);
  // A leading group change is a change of its agency.
  Agency a;
  a.id = 3;
  source.agencies = {a};
  target = source;
  target.agencies[0].leading_group = {{"王五", "", GroupRole::kHead}};
  EXPECT_NE(MissingRows(source, target).status().message().find("agencies id 3"),
            std::string::npos);
}

}  // namespace
}  // namespace gongkai::service
