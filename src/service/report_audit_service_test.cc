// Auditing uploaded published reports in the back office: the batch read and checked per file, the
// unit found by name within the user's scope, every readable file kept, and its figures saved as
// the unit's imported report from the kept bytes, with versions and the audit log respected.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/report/format.h"
#include "io/testing/seed_report.h"
#include "service/crypto.h"
#include "service/report_audit_service.h"
#include "service/service_fixture_test.h"

namespace gongkai::service {
namespace {

std::string SeedReport() { return io::testing::ReadSeedReport(); }

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// The seed with 3 new applications from natural persons that were never handled: T3-01 fails.
std::string BrokenReport() {
  return Replace(SeedReport(), "一、本年新收政府信息公开申请数量\t\t0\t",
                 "一、本年新收政府信息公开申请数量\t\t3\t");
}

bool HasRule(const report::AuditedReport& r, const std::string& rule) {
  for (const auto& v : r.violations)
    if (v.rule == rule) return true;
  return false;
}

class ReportAuditServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    ASSERT_FALSE(SeedReport().empty()) << "shared/fixtures must sit next to the project root";
    Agency town;
    district_ = AddAgency(AgencyLevel::kDistrict, std::nullopt, "三门峡市湖滨区人民政府");
    town.level = AgencyLevel::kTownship;
    town.parent_id = district_;
    town.name = "三门峡市湖滨区磁钟乡人民政府";
    town.short_name = "磁钟乡";
    town_ = platform_->agencies().Create(Actor::Cli(), town).value();
    other_ = AddAgency(AgencyLevel::kTownship, district_, "三门峡市湖滨区交口乡人民政府");
    elsewhere_ = AddAgency(AgencyLevel::kDistrict, std::nullopt, "三门峡市陕州区人民政府");
    supervisor_ =
        Actor::Staff(AddUser("hubin.supervisor", Role::kSupervisor, district_), "1.2.3.4");
    clerk_ = Actor::Staff(AddUser("cizhong.clerk", Role::kClerk, town_), "1.2.3.4");
    leader_ = Actor::Staff(AddUser("cizhong.leader", Role::kLeader, town_), "1.2.3.4");
    outsider_ = Actor::Staff(AddUser("jiaokou.clerk", Role::kClerk, other_), "1.2.3.4");
    far_ = Actor::Staff(AddUser("shanzhou.supervisor", Role::kSupervisor, elsewhere_), "1.2.3.4");
  }

  ReportAuditService& audit() { return platform_->report_audit(); }

  std::vector<AuditedUpload> Upload(const Actor& actor, const std::vector<UploadedFile>& files) {
    auto r = audit().AuditUploads(actor, files);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::vector<AuditedUpload>{};
  }

  // Publishes figures for the town's year through the workflow (clerk enters, leader approves).
  void Publish(int year) {
    auto& reports = platform_->reports();
    ASSERT_OK_AND_ASSIGN_T(int64_t id, reports.Create(clerk_, town_, year));
    const report::FormatDef& f = report::Format2021();
    report::ReportData d;
    d.year = year;
    d.format_id = f.id;
    for (const auto* t : {&f.t2, &f.t3, &f.t4})
      for (const auto& cell : t->CellIds()) d.Set(cell, 0);
    d.narrative["一"] = "本年度未收到政府信息公开申请。";
    d.narrative["五"] = "存在的主要问题：解读形式单一。改进情况：增加图解。";
    d.narrative["六"] = "无其他需要报告的事项。";
    ASSERT_TRUE(reports.Save(clerk_, id, 1, d).ok());
    ASSERT_OK_AND_ASSIGN_T(ReportView v, reports.Get(clerk_, id));
    for (const auto& c : v.checks) {
      if (c.violation.severity != report::Severity::kWarning) continue;
      ASSERT_OK_AND_ASSIGN_T(ReportView now, reports.Get(clerk_, id));
      ASSERT_TRUE(reports
                      .AcceptWarning(clerk_, id, now.record.row_version,
                                     ViolationFingerprint(c.violation), "与上年相比的变化属实。")
                      .ok());
    }
    ASSERT_OK_AND_ASSIGN_T(v, reports.Get(clerk_, id));
    ASSERT_TRUE(reports.Submit(clerk_, id, v.record.row_version).ok());
    ASSERT_OK_AND_ASSIGN_T(v, reports.Get(clerk_, id));
    ASSERT_TRUE(reports.Publish(leader_, id, v.record.row_version).ok());
  }

  std::vector<AuditEntry> Log() {
    std::unique_ptr<storage::Transaction> tx =
        platform_->store().Begin(storage::TxMode::kRead).value();
    return tx->ListAudit(0, 1000).value();
  }
  int Count(const std::string& action) {
    int n = 0;
    for (const auto& e : Log()) n += e.action == action;
    return n;
  }

  int64_t district_ = 0, town_ = 0, other_ = 0, elsewhere_ = 0;
  Actor supervisor_, clerk_, leader_, outsider_, far_;
};

TEST(MatchAgencyNameTest, ExactSpacedSuffixPrefixShortNameAndAmbiguous) {
  auto agency = [](int64_t id, std::string name, std::string short_name = "") {
    Agency a;
    a.id = id;
    a.name = std::move(name);
    a.short_name = std::move(short_name);
    return a;
  };
  std::vector<Agency> all = {agency(1, "三门峡市湖滨区人民政府", "湖滨区"),
                             agency(2, "三门峡市湖滨区磁钟乡人民政府", "磁钟乡"),
                             agency(3, "三门峡市湖滨区交口乡人民政府"),
                             agency(4, "三门峡市陕州区交口乡人民政府")};
  auto id = [&](const std::string& name) {
    auto a = MatchAgencyName(all, name);
    return a ? a->id : 0;
  };
  EXPECT_EQ(id("三门峡市湖滨区磁钟乡人民政府"), 2);
  EXPECT_EQ(id("三门峡市湖滨区 磁钟乡人民政府"), 2);
  EXPECT_EQ(id("三门峡市湖滨区　磁钟乡 人民政府"), 2);  // full-width space
  EXPECT_EQ(id("磁钟乡人民政府"), 2);
  EXPECT_EQ(id("河南省三门峡市湖滨区磁钟乡人民政府"), 2);
  EXPECT_EQ(id("磁钟乡"), 2);
  EXPECT_EQ(id("湖滨区人民政府"), 1);
  // Too short to name one agency, or two agencies fit.
  EXPECT_EQ(id("人民政府"), 0);
  EXPECT_EQ(id(""), 0);
  EXPECT_EQ(id("卢氏县人民政府"), 0);
  std::vector<Agency> several;
  EXPECT_FALSE(MatchAgencyName(all, "交口乡人民政府", &several));
  ASSERT_EQ(several.size(), 2u);
  EXPECT_EQ(several[0].id, 3);
  EXPECT_EQ(id("湖滨区交口乡人民政府"), 3);
}

TEST_F(ReportAuditServiceTest, SupervisorAuditsABatchAndTheReadableFilesAreKept) {
  int64_t before = AuditCount();
  std::vector<AuditedUpload> items =
      Upload(supervisor_, {{"磁钟乡2023年报告.txt", SeedReport()},
                           {"改过的/磁钟乡2023.txt", BrokenReport()},
                           {"scan.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)},
                           {"empty.txt", ""}});
  ASSERT_EQ(items.size(), 4u);

  const AuditedUpload& seed = items[0];
  ASSERT_TRUE(seed.audit.read()) << seed.audit.refused.ToString();
  EXPECT_EQ(seed.audit.reader, "text");
  EXPECT_EQ(seed.audit.extracted.agency_name, "三门峡市湖滨区磁钟乡人民政府");
  EXPECT_EQ(seed.audit.extracted.year, 2023);
  EXPECT_EQ(seed.audit.extracted.cells_read, 200);
  EXPECT_FALSE(seed.audit.HasErrors());
  ASSERT_TRUE(seed.unit.has_value()) << seed.unit_problem;
  EXPECT_EQ(seed.unit->id, town_);
  EXPECT_GT(seed.source.id, 0);
  EXPECT_EQ(seed.source.media_kind, "text");
  EXPECT_EQ(seed.source.size, static_cast<int64_t>(SeedReport().size()));
  EXPECT_EQ(seed.source.sha256, Sha256Hex(SeedReport()));
  EXPECT_EQ(seed.source.uploaded_by, "测试用户");
  EXPECT_TRUE(seed.save.possible) << seed.save.why_not;
  EXPECT_EQ(seed.save.next_version, 1);
  EXPECT_EQ(seed.save.differing_cells, -1);

  const AuditedUpload& broken = items[1];
  ASSERT_TRUE(broken.audit.read());
  EXPECT_EQ(broken.source.file_name, "改过的/磁钟乡2023.txt");
  EXPECT_TRUE(HasRule(broken.audit, "T3-01"));
  EXPECT_TRUE(broken.audit.HasErrors());
  EXPECT_NE(broken.source.id, seed.source.id);

  for (int i : {2, 3}) {
    EXPECT_FALSE(items[i].audit.read()) << i;
    EXPECT_FALSE(items[i].audit.refused.ui_message().empty());
    EXPECT_EQ(items[i].source.id, 0) << "a file that cannot be read is not kept";
  }
  EXPECT_NE(items[3].audit.refused.ui_message().find("空"), std::string::npos);

  // Kept byte for byte; two audit entries (one per kept file) name who uploaded what.
  ASSERT_OK_AND_ASSIGN_T(ReportSource kept, audit().Source(supervisor_, broken.source.id));
  EXPECT_EQ(kept.content, BrokenReport());
  EXPECT_EQ(kept.agency_id, std::nullopt);
  EXPECT_EQ(AuditCount(), before + 2);
  EXPECT_EQ(Count("report.audit_upload"), 2);
  EXPECT_NE(Log().back().actor.find("hubin.supervisor"), std::string::npos);
}

TEST_F(ReportAuditServiceTest, TooManyTooLargeNoneAndTheLeaderAreRefused) {
  std::vector<UploadedFile> many(21, UploadedFile{"a.txt", "x"});
  auto r = audit().AuditUploads(supervisor_, many);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().ui_message().find("一次最多审核20个文件，您选择了21个"), std::string::npos)
      << r.status().ui_message();
  EXPECT_EQ(audit().AuditUploads(supervisor_, {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(audit().AuditUploads(leader_, {{"a.txt", SeedReport()}}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(
      audit().AuditUploads(Actor::Public("1.2.3.4"), {{"a.txt", SeedReport()}}).status().code(),
      StatusCode::kPermissionDenied);

  ReportAuditService small(platform_->store(), clock_, platform_->reports(),
                           {.max_files = 20, .max_total_bytes = 10000});
  auto big = small.AuditUploads(supervisor_, {{"a.txt", SeedReport()}, {"b.txt", SeedReport()}});
  EXPECT_EQ(big.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(big.status().ui_message().find("上限"), std::string::npos) << big.status().ui_message();
  EXPECT_EQ(Count("report.audit_upload.rejected"), 5);
  EXPECT_EQ(Count("report.audit_upload"), 0);
}

TEST_F(ReportAuditServiceTest, UnitsAreFoundOnlyWithinScope) {
  std::string jiaokou = Replace(SeedReport(), "三门峡市湖滨区磁钟乡人民政府 2023",
                                "三门峡市湖滨区交口乡人民政府 2023");
  std::string unknown =
      Replace(SeedReport(), "三门峡市湖滨区磁钟乡人民政府 2023", "卢氏县横涧乡人民政府 2023");
  // The 磁钟乡 clerk may audit too: their own unit is found, a neighbour's is out of scope.
  std::vector<AuditedUpload> items =
      Upload(clerk_, {{"a.txt", SeedReport()}, {"b.txt", jiaokou}, {"c.txt", unknown}});
  ASSERT_EQ(items.size(), 3u);
  ASSERT_TRUE(items[0].unit);
  EXPECT_EQ(items[0].unit->id, town_);
  EXPECT_FALSE(items[1].unit);
  EXPECT_NE(items[1].unit_problem.find("不在您的管理范围内"), std::string::npos)
      << items[1].unit_problem;
  EXPECT_FALSE(items[2].unit);
  EXPECT_NE(items[2].unit_problem.find("系统中没有"), std::string::npos) << items[2].unit_problem;
  // The district's supervisor finds 交口乡.
  items = Upload(supervisor_, {{"b.txt", jiaokou}});
  ASSERT_TRUE(items[0].unit);
  EXPECT_EQ(items[0].unit->id, other_);
}

TEST_F(ReportAuditServiceTest, SavingReadsTheKeptFileAgainAndLinksIt) {
  std::vector<AuditedUpload> items = Upload(
      supervisor_, {{"磁钟乡2023年报告（改）.txt", BrokenReport()}, {"好.txt", SeedReport()}});
  int64_t broken = items[0].source.id, good = items[1].source.id;
  // The year must be the file's.
  auto wrong_year = audit().SaveAudited(supervisor_, broken, town_, 2024);
  EXPECT_EQ(wrong_year.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(wrong_year.status().ui_message().find("2023年，不是2024年"), std::string::npos);
  // Outside the supervisor's district.
  EXPECT_EQ(audit().SaveAudited(supervisor_, broken, elsewhere_, 2023).status().code(),
            StatusCode::kPermissionDenied);
  // Someone else's upload is not even visible.
  EXPECT_EQ(audit().SaveAudited(outsider_, broken, other_, 2023).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(audit().AuditStored(far_, broken).status().code(), StatusCode::kNotFound);

  ASSERT_OK_AND_ASSIGN_T(int64_t id, audit().SaveAudited(supervisor_, broken, town_, 2023));
  ASSERT_OK_AND_ASSIGN_T(ReportView v, platform_->reports().Get(clerk_, id));
  EXPECT_EQ(v.record.origin, ReportOrigin::kImported);
  EXPECT_EQ(v.record.status, ReportStatus::kDraft);
  EXPECT_EQ(v.record.version, 1);
  EXPECT_EQ(v.record.year, 2023);
  EXPECT_EQ(v.record.source_name, "磁钟乡2023年报告（改）.txt");
  EXPECT_EQ(v.record.source_id, broken);
  EXPECT_EQ(v.data.Get("t3.new.natural"), 3);  // the file's figures, errors and all
  EXPECT_GT(v.errors, 0);
  EXPECT_FALSE(v.data.narrative.at("一").empty());
  EXPECT_EQ(Count("report.create"), 1);
  EXPECT_EQ(Count("report.import_audited"), 1);

  // The file now belongs to 磁钟乡: its staff see it, it cannot be saved for another unit.
  ASSERT_OK_AND_ASSIGN_T(ReportSource file, audit().Source(clerk_, broken));
  EXPECT_EQ(file.agency_id, town_);
  EXPECT_EQ(file.content, BrokenReport());
  ASSERT_OK_AND_ASSIGN_T(AuditedUpload again, audit().AuditStored(clerk_, broken));
  ASSERT_TRUE(again.unit);
  EXPECT_EQ(again.unit->id, town_);
  EXPECT_FALSE(again.save.possible);
  ASSERT_EQ(again.save.versions.size(), 1u);
  EXPECT_EQ(again.save.versions[0].source_id, broken);
  EXPECT_EQ(audit().SaveAudited(supervisor_, broken, other_, 2023).status().code(),
            StatusCode::kFailedPrecondition);

  // The draft is open: the good file cannot be saved for the year until it is dealt with.
  ASSERT_OK_AND_ASSIGN_T(AuditedUpload good_view, audit().AuditStored(supervisor_, good));
  EXPECT_FALSE(good_view.save.possible);
  EXPECT_NE(good_view.save.why_not.find("第1版正在编辑"), std::string::npos)
      << good_view.save.why_not;
  auto blocked = audit().SaveAudited(supervisor_, good, town_, 2023);
  EXPECT_EQ(blocked.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(blocked.status().ui_message().find("正在编辑"), std::string::npos);
  EXPECT_EQ(Count("report.import_audited.rejected"), 5);
  ASSERT_OK_AND_ASSIGN_T(ReportSource unsaved, audit().Source(supervisor_, good));
  EXPECT_EQ(unsaved.agency_id, std::nullopt) << "a refused save leaves the file unsaved";

  // The unit's leader, who approves the imported report, reads its file but saves nothing.
  ASSERT_OK_AND_ASSIGN_T(ReportSource for_leader, audit().Source(leader_, broken));
  EXPECT_EQ(for_leader.content, BrokenReport());
  EXPECT_TRUE(audit().AuditStored(leader_, broken).ok());
  EXPECT_EQ(audit().Source(leader_, good).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(audit().SaveAudited(leader_, broken, town_, 2023).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(audit().Source(Actor::Public("1.2.3.4"), broken).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(ReportAuditServiceTest, APublishedYearGetsANewDraftVersionComparedWithIt) {
  Publish(2022);
  Publish(2023);
  std::vector<AuditedUpload> items = Upload(supervisor_, {{"broken.txt", BrokenReport()}});
  const AuditedUpload& item = items[0];
  ASSERT_TRUE(item.unit);
  // Year over year against the platform's 2022 report, figures compared with the published 2023.
  EXPECT_NE(item.compared_with.find("2022年度报告第1版（已发布）"), std::string::npos)
      << item.compared_with;
  ASSERT_TRUE(item.save.published);
  EXPECT_EQ(item.save.published->version, 1);
  EXPECT_EQ(item.save.differing_cells, 1);  // the one figure changed
  EXPECT_TRUE(item.save.possible);
  EXPECT_EQ(item.save.next_version, 2);

  ASSERT_OK_AND_ASSIGN_T(int64_t id, audit().SaveAudited(supervisor_, item.source.id, town_, 2023));
  ASSERT_OK_AND_ASSIGN_T(ReportView v, platform_->reports().Get(clerk_, id));
  EXPECT_EQ(v.record.version, 2);
  EXPECT_EQ(v.record.status, ReportStatus::kDraft);
  EXPECT_EQ(v.record.correction_note, "以导入的文件“broken.txt”替换");
  ASSERT_EQ(v.versions.size(), 2u);
  EXPECT_EQ(v.versions[0].status, ReportStatus::kPublished) << "the published version stays";
}

TEST_F(ReportAuditServiceTest, YearOverYearWithinTheBatch) {
  std::string earlier = SeedReport();
  for (size_t at = earlier.find("2023"); at != std::string::npos; at = earlier.find("2023", at))
    earlier.replace(at, 4, "2022");
  std::vector<AuditedUpload> items =
      Upload(supervisor_, {{"2023.txt", SeedReport()}, {"2022.txt", earlier}});
  ASSERT_EQ(items[1].audit.extracted.year, 2022);
  EXPECT_EQ(items[0].compared_with, "同批文件“2022.txt”");
  EXPECT_EQ(items[1].compared_with, "");
  // The narratives are the same: N-05 says so.
  EXPECT_TRUE(HasRule(items[0].audit, "N-05"));
}

TEST_F(ReportAuditServiceTest, FilesNeverSavedAreDeletedAfterThirtyDays) {
  std::vector<AuditedUpload> first =
      Upload(supervisor_, {{"a.txt", SeedReport()}, {"b.txt", BrokenReport()}});
  ASSERT_TRUE(audit().SaveAudited(supervisor_, first[1].source.id, town_, 2023).ok());
  clock_.Advance(31 * 86400);
  Upload(supervisor_, {{"c.txt", SeedReport()}});
  EXPECT_EQ(audit().Source(supervisor_, first[0].source.id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(audit().Source(supervisor_, first[1].source.id).ok());
  EXPECT_EQ(Count("report_source.purge"), 1);
}

TEST_F(ReportAuditServiceTest, FileNamesAreCleaned) {
  std::vector<AuditedUpload> items = Upload(
      supervisor_, {{"../../etc/磁钟乡.txt", SeedReport()}, {"/a//b/./c.txt", SeedReport()}});
  EXPECT_EQ(items[0].source.file_name, "etc/磁钟乡.txt");
  EXPECT_EQ(items[1].source.file_name, "a/b/c.txt");
}

}  // namespace
}  // namespace gongkai::service
