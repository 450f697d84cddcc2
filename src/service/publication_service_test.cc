#include "service/publication_service.h"

#include <gtest/gtest.h>

#include "core/testing/loaded_calendar.h"
#include "service/service_fixture_test.h"

namespace gongkai::service {
namespace {

using publication::Channel;
using publication::Content;
using publication::EventKind;
using publication::Stage;

class PublicationServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    for (int y = 2023; y <= 2026; ++y) {
      auto year = ParseCalendarYear(testing::ReadCalendarFile(y));
      ASSERT_TRUE(year.ok());
      ASSERT_TRUE(platform_->calendar().Load(Actor::Cli(), *year).ok());
    }
    district_ = AddAgency(AgencyLevel::kDistrict, std::nullopt, "湖滨区人民政府");
    township_ = AddAgency(AgencyLevel::kTownship, district_, "磁钟乡人民政府");
    other_ = AddAgency(AgencyLevel::kTownship, district_, "交口乡人民政府");
    clerk_ = Actor::Staff(AddUser("cz.clerk", Role::kClerk, township_), "127.0.0.1");
    leader_ = Actor::Staff(AddUser("cz.leader", Role::kLeader, township_), "127.0.0.1");
    other_clerk_ = Actor::Staff(AddUser("jk.clerk", Role::kClerk, other_), "127.0.0.1");
    supervisor_ = Actor::Staff(AddUser("hb.super", Role::kSupervisor, district_), "127.0.0.1");
  }

  PublicationService& svc() { return platform_->publications(); }

  static Content Draft(const char* title = "磁钟乡春耕生产补贴发放方案",
                       const char* written = "2025-11-10") {
    Content c;
    c.title = title;
    c.subject = "agriculture";
    c.item_code = "21.8";
    c.written_date = testing::D(written);
    c.body_html = "<p>补贴对象为全乡种粮农户，标准每亩96.5元。</p>";
    return c;
  }
  int64_t Version(int64_t id) { return svc().Get(clerk_, id).value().item.version; }
  Status Do(const Actor& who, int64_t id, EventKind kind, std::string text = {},
            std::string reviewer = {}) {
    publication::Step s;
    s.kind = kind;
    s.text = std::move(text);
    s.reviewer = std::move(reviewer);
    return svc().Step(who, id, Version(id), s);
  }
  int64_t PublishedItem(const char* title = "磁钟乡春耕生产补贴发放方案") {
    auto id = svc().Create(clerk_, township_, Draft(title));
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    EXPECT_TRUE(Do(clerk_, *id, EventKind::kSubmitted).ok());
    EXPECT_TRUE(Do(clerk_, *id, EventKind::kReviewed, "", "保密员").ok());
    Status st = Do(leader_, *id, EventKind::kApproved);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return *id;
  }

  int64_t district_ = 0, township_ = 0, other_ = 0;
  Actor clerk_, leader_, other_clerk_, supervisor_;
};

TEST_F(PublicationServiceTest, DraftReviewApprovePublishesAndAuditsEveryStep) {
  int64_t before = AuditCount();
  int64_t id = PublishedItem();
  EXPECT_EQ(AuditCount(), before + 4);
  ASSERT_OK_AND_ASSIGN_T(PublicationView v, svc().Get(clerk_, id));
  EXPECT_EQ(v.item.stage, Stage::kPublished);
  EXPECT_EQ(v.item.index_number, "GK" + std::to_string(township_) + "/2025-00001");
  EXPECT_EQ(v.item.Live()->content.issuer, "磁钟乡人民政府");  // defaulted
  EXPECT_EQ(v.timeliness.status, publication::Timeliness::kOnTime);
  ASSERT_EQ(v.channels.size(), 1u);  // the portal, automatically
  EXPECT_EQ(v.channels[0].channel, Channel::kPortal);
  ASSERT_OK_AND_ASSIGN_T(PortalItem portal, svc().Portal(id));
  EXPECT_EQ(portal.live->content.title, "磁钟乡春耕生产补贴发放方案");
  ASSERT_OK_AND_ASSIGN_T(SearchResults found, svc().Search("补贴", 0, 1));
  ASSERT_EQ(found.total, 1);
  EXPECT_TRUE(found.hits[0].title_match);
  EXPECT_EQ(svc().Create(clerk_, township_, Draft("第二条")).value() > id, true);
}

TEST_F(PublicationServiceTest, OnlyTheLeaderApprovesAndRefusalsAreAudited) {
  auto id = svc().Create(clerk_, township_, Draft());
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(Do(clerk_, *id, EventKind::kSubmitted).ok());
  ASSERT_TRUE(Do(clerk_, *id, EventKind::kReviewed, "", "保密员").ok());
  int64_t before = AuditCount();
  Status clerk_approves = Do(clerk_, *id, EventKind::kApproved);
  EXPECT_EQ(clerk_approves.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Do(other_clerk_, *id, EventKind::kWithdrawn, "x").code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(AuditCount(), before + 2);  // both refusals logged
  // Not on the portal, not findable.
  EXPECT_EQ(svc().Portal(*id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(svc().Search("补贴", 0, 1)->total, 0);
  // The leader returns it with a comment; the clerk sees it back in drafts.
  EXPECT_EQ(Do(leader_, *id, EventKind::kReturned).code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(Do(leader_, *id, EventKind::kReturned, "请补充补贴发放时间").ok());
  PublicationListQuery q;
  q.list = PublicationList::kDrafts;
  ASSERT_OK_AND_ASSIGN_T(auto drafts, svc().List(clerk_, q));
  ASSERT_EQ(drafts.size(), 1u);
  // A stale form (version read before the return) is refused.
  publication::Step s;
  s.kind = EventKind::kSubmitted;
  EXPECT_EQ(svc().Step(clerk_, *id, 1, s).code(), StatusCode::kAborted);
}

TEST_F(PublicationServiceTest, TypedIndexNumbersAreCheckedAndUnique) {
  ASSERT_TRUE(svc().Create(clerk_, township_, Draft(), "411202200/2025-00009").ok());
  auto dup = svc().Create(clerk_, township_, Draft("另一条"), "411202200/2025-00009");
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(dup.status().ui_message().find("已被其他信息使用"), std::string::npos);
  EXPECT_EQ(svc().Create(clerk_, township_, Draft(), "<b>1</b>").status().code(),
            StatusCode::kInvalidArgument);
  Content future = Draft("未来", "2026-01-10");
  EXPECT_EQ(svc().Create(clerk_, township_, future).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(PublicationServiceTest, RevisionKeepsThePortalVersionAndWithdrawalHidesIt) {
  int64_t id = PublishedItem();
  ASSERT_TRUE(Do(clerk_, id, EventKind::kRevisionStarted).ok());
  Content revised = Draft("磁钟乡春耕生产补贴发放方案（修订）");
  revised.changed_date = testing::D("2025-11-20");
  ASSERT_TRUE(svc().Edit(clerk_, id, Version(id), revised).ok());
  EXPECT_EQ(svc().Portal(id)->live->content.title, "磁钟乡春耕生产补贴发放方案");
  EXPECT_EQ(svc().Search("修订", 0, 1)->total, 0);
  ASSERT_TRUE(Do(clerk_, id, EventKind::kSubmitted).ok());
  ASSERT_TRUE(Do(clerk_, id, EventKind::kReviewed, "", "保密员").ok());
  ASSERT_TRUE(Do(leader_, id, EventKind::kApproved).ok());
  EXPECT_EQ(svc().Portal(id)->live->content.title, "磁钟乡春耕生产补贴发放方案（修订）");
  EXPECT_EQ(svc().Search("修订", 0, 1)->total, 1);
  ASSERT_TRUE(Do(clerk_, id, EventKind::kWithdrawn, "政策已调整").ok());
  auto gone = svc().Portal(id);
  EXPECT_EQ(gone.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(gone.status().ui_message().find("撤回"), std::string::npos);
  EXPECT_EQ(svc().Search("修订", 0, 1)->total, 0);
  ASSERT_OK_AND_ASSIGN_T(PublicationView v, svc().Get(supervisor_, id));  // the record stays
  EXPECT_EQ(v.item.versions.size(), 2u);
}

TEST_F(PublicationServiceTest, AttachmentsAreCheckedByContentAndShownOnlyWhenPublished) {
  auto id = svc().Create(clerk_, township_, Draft());
  ASSERT_TRUE(id.ok());
  std::string pdf = "%PDF-1.4\n...";
  ASSERT_OK_AND_ASSIGN_T(int64_t att, svc().Attach(clerk_, *id, Version(*id), "名单.pdf", pdf));
  // Disguised: HTML called .pdf; an executable; script in the name.
  EXPECT_EQ(svc().Attach(clerk_, *id, Version(*id), "a.pdf", "<html><script>").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(svc().Attach(clerk_, *id, Version(*id), "setup.exe", "MZ...").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(svc().Attach(clerk_, *id, Version(*id), "<script>x.pdf", pdf).status().code(),
            StatusCode::kInvalidArgument);
  std::string data;
  EXPECT_EQ(svc().PortalAttachment(att, &data).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(Do(clerk_, *id, EventKind::kSubmitted).ok());
  ASSERT_TRUE(Do(clerk_, *id, EventKind::kReviewed, "", "保密员").ok());
  ASSERT_TRUE(Do(leader_, *id, EventKind::kApproved).ok());
  ASSERT_TRUE(svc().PortalAttachment(att, &data).ok());
  EXPECT_EQ(data, pdf);
  EXPECT_EQ(svc().Portal(*id)->attachments.size(), 1u);
}

TEST_F(PublicationServiceTest, ChannelsNeedTheirEvidenceAndAreCountedPerYear) {
  int64_t id = PublishedItem();
  publication::ChannelRecord r;
  r.channel = Channel::kWechat;
  r.date = testing::D("2025-11-28");
  EXPECT_EQ(svc().RecordChannel(clerk_, id, Version(id), r).status().code(),
            StatusCode::kInvalidArgument);  // no link
  r.link = "https://mp.weixin.qq.com/s/abc";
  ASSERT_TRUE(svc().RecordChannel(clerk_, id, Version(id), r).ok());
  r.channel = Channel::kBulletinBoard;
  r.link.clear();
  EXPECT_FALSE(svc().RecordChannel(clerk_, id, Version(id), r).ok());  // no place
  r.place = "乡政府院内公开栏";
  std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "data";
  ASSERT_TRUE(svc().RecordChannel(clerk_, id, Version(id), r, "现场.png", png).ok());
  r.date = testing::D("2025-11-29");  // tomorrow
  EXPECT_FALSE(svc().RecordChannel(clerk_, id, Version(id), r).ok());
  r.channel = Channel::kPortal;
  r.date = testing::D("2025-11-28");
  EXPECT_FALSE(svc().RecordChannel(clerk_, id, Version(id), r).ok());
  ASSERT_OK_AND_ASSIGN_T(auto counts, svc().ChannelCounts(township_, 2025));
  ASSERT_EQ(counts.size(), 3u);  // portal, wechat, board
  EXPECT_EQ(counts[1].channel, Channel::kWechat);
  // The evidence photo is not a public attachment.
  EXPECT_TRUE(svc().Portal(id)->attachments.empty());
}

TEST_F(PublicationServiceTest, ListsFollowArticle26AndReviewDates) {
  // Written 2025-10-09; 20 working days after the National Day break → 2025-11-05; today is
  // 2025-11-28: overdue.
  ASSERT_TRUE(svc().Create(clerk_, township_, Draft("超期草稿", "2025-10-09")).ok());
  ASSERT_TRUE(svc().Create(clerk_, township_, Draft("即将到期", "2025-11-03")).ok());
  ASSERT_TRUE(svc().Create(clerk_, township_, Draft("时间充裕", "2025-11-27")).ok());
  ASSERT_OK_AND_ASSIGN_T(auto counts, svc().Counts(clerk_, 0));
  auto count = [&](PublicationList l) {
    for (auto& [list, n] : counts) {
      if (list == l) return n;
    }
    return int64_t{-1};
  };
  EXPECT_EQ(count(PublicationList::kAll), 3);
  EXPECT_EQ(count(PublicationList::kOverdue), 1);
  EXPECT_EQ(count(PublicationList::kDueSoon), 1);
  EXPECT_EQ(count(PublicationList::kDrafts), 3);
  // The supervisor sees the township's register; the other township's clerk does not.
  PublicationListQuery q;
  q.agency_id = township_;
  EXPECT_EQ(svc().List(supervisor_, q)->size(), 3u);
  EXPECT_EQ(svc().List(other_clerk_, q).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(PublicationServiceTest, TheNarrativeDraftCountsItemsAndChannelsOfTheYear) {
  int64_t id = PublishedItem();
  publication::ChannelRecord r;
  r.channel = Channel::kWechat;
  r.date = testing::D("2025-11-28");
  r.link = "https://mp.weixin.qq.com/s/abc";
  ASSERT_TRUE(svc().RecordChannel(clerk_, id, Version(id), r).ok());
  ASSERT_OK_AND_ASSIGN_T(int64_t report, platform_->reports().Create(clerk_, township_, 2025));
  ASSERT_OK_AND_ASSIGN_T(report::NarrativeFacts facts,
                         platform_->reports().NarrativeFactsFromRecords(clerk_, report));
  EXPECT_EQ(facts.items_published, 1);
  ASSERT_EQ(facts.channels.size(), 2u);
  EXPECT_EQ(facts.channels[0], (std::pair<std::string, int64_t>{"政府网站信息公开专栏", 1}));
  EXPECT_EQ(facts.channels[1], (std::pair<std::string, int64_t>{"政务微信公众号", 1}));
  EXPECT_EQ(facts.fee_notices, 0);
  EXPECT_TRUE(facts.people_government);
  std::string text = report::DraftNarrative({}, facts)["一"];
  EXPECT_NE(text.find("通过政务微信公众号发布1条"), std::string::npos) << text;
}

}  // namespace
}  // namespace gongkai::service
