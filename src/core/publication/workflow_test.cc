#include "core/publication/workflow.h"

#include <gtest/gtest.h>

#include "core/publication/catalogue.h"
#include "core/publication/index_number.h"
#include "core/publication/timeliness.h"
#include "core/testing/loaded_calendar.h"

namespace gongkai::publication {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

StepContext Ctx(const char* today = "2025-03-20") {
  StepContext c;
  c.today = D(today);
  c.level = AgencyLevel::kTownship;
  c.by = "公开专员";
  c.by_user_id = 7;
  c.recorded_at = std::string(today) + "T02:00:00Z";
  return c;
}

Content Complete() {
  Content c;
  c.title = "磁钟乡2025年春耕生产补贴发放方案";
  c.subject = "agriculture";
  c.item_code = "21.8";
  c.written_date = D("2025-03-03");
  c.issuer = "磁钟乡人民政府";
  c.body_html = "<p>补贴对象与标准</p>";
  return c;
}

Step S(EventKind kind) {
  Step s;
  s.kind = kind;
  return s;
}

Publication Published() {
  auto p = NewPublication(3, "411202100/2025-00001", Complete(), Ctx());
  EXPECT_TRUE(p.ok()) << p.status().message();
  auto s1 = Apply(*p, S(EventKind::kSubmitted), Ctx());
  Step review = S(EventKind::kReviewed);
  review.reviewer = "保密员";
  auto s2 = Apply(*s1, review, Ctx());
  auto s3 = Apply(*s2, S(EventKind::kApproved), Ctx("2025-03-21"));
  EXPECT_TRUE(s3.ok()) << s3.status().message();
  return *s3;
}

TEST(PublicationWorkflow, DraftReviewApprovePublishes) {
  Publication p = Published();
  EXPECT_EQ(p.stage, Stage::kPublished);
  EXPECT_EQ(p.live_version, 1);
  EXPECT_TRUE(p.OnPortal());
  EXPECT_EQ(p.first_released_on, D("2025-03-21"));
  EXPECT_EQ(p.Live()->released_on, D("2025-03-21"));
  ASSERT_EQ(p.events.size(), 4u);
  EXPECT_EQ(p.events[2].reviewer, "保密员");
  EXPECT_EQ(p.events[3].seq, 4);
}

TEST(PublicationWorkflow, NothingIsPublishedWithoutReviewAndApproval) {
  auto p = NewPublication(3, "X-1", Complete(), Ctx());
  ASSERT_TRUE(p.ok());
  // Straight to approval from a draft, or approval while in review: refused, item unchanged.
  auto direct = Apply(*p, S(EventKind::kApproved), Ctx());
  EXPECT_EQ(direct.status().code(), StatusCode::kFailedPrecondition);
  auto submitted = Apply(*p, S(EventKind::kSubmitted), Ctx());
  ASSERT_TRUE(submitted.ok());
  EXPECT_FALSE(Apply(*submitted, S(EventKind::kApproved), Ctx()).ok());
  EXPECT_FALSE(Apply(*submitted, S(EventKind::kChannelRecorded), Ctx()).ok());
  EXPECT_EQ(submitted->stage, Stage::kInReview);
}

TEST(PublicationWorkflow, FailedReviewAndReturnGoBackToDraftWithAReason) {
  auto p = NewPublication(3, "X-1", Complete(), Ctx());
  auto s = Apply(*p, S(EventKind::kSubmitted), Ctx());
  Step fail = S(EventKind::kReviewed);
  fail.reviewer = "保密员";
  fail.conclusion = ReviewConclusion::kFail;
  EXPECT_EQ(Apply(*s, fail, Ctx()).status().code(), StatusCode::kInvalidArgument);  // no opinion
  fail.text = "附件含有个人身份证号码";
  auto back = Apply(*s, fail, Ctx());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->stage, Stage::kDraft);
  Step no_reviewer = S(EventKind::kReviewed);
  EXPECT_FALSE(Apply(*s, no_reviewer, Ctx()).ok());

  Step pass = S(EventKind::kReviewed);
  pass.reviewer = "保密员";
  auto approved_stage = Apply(*s, pass, Ctx());
  ASSERT_EQ(approved_stage->stage, Stage::kAwaitingApproval);
  EXPECT_FALSE(Apply(*approved_stage, S(EventKind::kReturned), Ctx()).ok());  // no comment
  Step ret = S(EventKind::kReturned);
  ret.text = "请补充补贴标准";
  auto returned = Apply(*approved_stage, ret, Ctx());
  ASSERT_TRUE(returned.ok());
  EXPECT_EQ(returned->stage, Stage::kDraft);
  EXPECT_EQ(returned->events.back().text, "请补充补贴标准");
}

TEST(PublicationWorkflow, SubmittingAnIncompleteDraftNamesEachField) {
  Content c;
  c.title = "只有标题";
  auto p = NewPublication(3, "X-1", c, Ctx());
  ASSERT_TRUE(p.ok());  // a draft may be incomplete
  auto s = Apply(*p, S(EventKind::kSubmitted), Ctx());
  ASSERT_FALSE(s.ok());
  const std::string& en = s.status().message();
  EXPECT_NE(en.find("subject"), std::string::npos);
  EXPECT_NE(en.find("item_code"), std::string::npos);
  EXPECT_NE(en.find("written_date"), std::string::npos);
  EXPECT_NE(s.status().ui_message().find("成文日期"), std::string::npos);
}

TEST(PublicationWorkflow, ContentChecks) {
  StepContext ctx = Ctx();
  Content c = Complete();
  EXPECT_TRUE(ValidateContent(c, ctx, true, false).empty());
  c.written_date = D("2025-03-21");  // tomorrow
  EXPECT_EQ(ValidateContent(c, ctx, true, false).size(), 1u);
  c = Complete();
  c.item_code = "21.1";  // municipal topic: not for a township
  EXPECT_EQ(ValidateContent(c, ctx, true, false)[0].field, "item_code");
  ctx.level = AgencyLevel::kDistrict;
  EXPECT_TRUE(ValidateContent(c, ctx, true, false).empty());
  ctx.level = AgencyLevel::kVillage;
  c.item_code = "village.4";
  EXPECT_TRUE(ValidateContent(c, ctx, true, false).empty());
  c.title = std::string(201 * 3, 'a');
  EXPECT_FALSE(ValidateContent(c, ctx, true, false).empty());
  c = Complete();
  c.title = "bad\x01title";
  EXPECT_FALSE(ValidateContent(c, Ctx(), true, false).empty());
  c = Complete();
  c.review_by = D("2025-03-01");
  EXPECT_EQ(ValidateContent(c, Ctx(), true, false)[0].field, "review_by");
  // A revision must say when the information changed.
  c = Complete();
  EXPECT_EQ(ValidateContent(c, Ctx(), true, true)[0].field, "changed_date");
}

TEST(PublicationWorkflow, NonProactiveItemsAreCataloguedNotPublished) {
  Content c = Complete();
  c.attribute = Attribute::kWithheld;
  auto p = NewPublication(3, "X-1", c, Ctx());
  auto s = Apply(*p, S(EventKind::kSubmitted), Ctx());
  Step pass = S(EventKind::kReviewed);
  pass.reviewer = "保密员";
  auto a = Apply(*Apply(*s, pass, Ctx()), S(EventKind::kApproved), Ctx());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->stage, Stage::kCatalogued);
  EXPECT_FALSE(a->OnPortal());
  EXPECT_FALSE(Apply(*a, S(EventKind::kWithdrawn), Ctx()).ok());
}

TEST(PublicationWorkflow, RevisionKeepsThePublishedVersionUntilApproved) {
  Publication p = Published();
  auto r = Apply(p, S(EventKind::kRevisionStarted), Ctx("2025-04-01"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->working_version, 2);
  EXPECT_EQ(r->live_version, 1);
  EXPECT_TRUE(r->OnPortal());
  EXPECT_TRUE(r->RevisionPending());
  Step edit = S(EventKind::kEdited);
  edit.content = r->Working()->content;
  edit.content->title = "磁钟乡2025年春耕生产补贴发放方案（修订）";
  auto e = Apply(*r, edit, Ctx("2025-04-01"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->Live()->content.title, "磁钟乡2025年春耕生产补贴发放方案");
  // Submitting the revision needs the changed date.
  EXPECT_FALSE(Apply(*e, S(EventKind::kSubmitted), Ctx("2025-04-01")).ok());
  edit.content->changed_date = D("2025-03-31");
  e = Apply(*r, edit, Ctx("2025-04-01"));
  auto s = Apply(*e, S(EventKind::kSubmitted), Ctx("2025-04-01"));
  ASSERT_TRUE(s.ok()) << s.status().message();
  Step pass = S(EventKind::kReviewed);
  pass.reviewer = "保密员";
  auto a = Apply(*Apply(*s, pass, Ctx("2025-04-02")), S(EventKind::kApproved), Ctx("2025-04-02"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->live_version, 2);
  EXPECT_EQ(a->Live()->content.title, "磁钟乡2025年春耕生产补贴发放方案（修订）");
  EXPECT_EQ(a->first_released_on, D("2025-03-21"));
  EXPECT_EQ(a->versions.size(), 2u);
}

TEST(PublicationWorkflow, WithdrawalNeedsAReasonAndDropsAPendingRevision) {
  Publication p = Published();
  auto r = Apply(p, S(EventKind::kRevisionStarted), Ctx("2025-04-01"));
  EXPECT_FALSE(Apply(*r, S(EventKind::kWithdrawn), Ctx("2025-04-01")).ok());
  Step w = S(EventKind::kWithdrawn);
  w.text = "政策已废止";
  auto out = Apply(*r, w, Ctx("2025-04-01"));
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->stage, Stage::kWithdrawn);
  EXPECT_FALSE(out->OnPortal());
  EXPECT_EQ(out->versions.size(), 1u);
  EXPECT_EQ(out->withdrawn_on, D("2025-04-01"));
  EXPECT_TRUE(AllowedSteps(*out).empty());
}

TEST(PublicationWorkflow, ChannelsAreRecordedOnlyForLiveItems) {
  Publication p = Published();
  Step ch = S(EventKind::kChannelRecorded);
  EXPECT_FALSE(Apply(p, ch, Ctx()).ok());  // which channel?
  ch.channel = Channel::kWechat;
  auto r = Apply(p, ch, Ctx());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->events.back().channel, Channel::kWechat);
}

TEST(PublicationTimeliness, Article26CountsTwentyWorkingDays) {
  WorkingCalendar cal = testing::LoadedCalendar();
  auto p = NewPublication(3, "X-1", Complete(), Ctx());  // written 2025-03-03 (Mon)
  ASSERT_TRUE(p.ok());
  auto t = TimelinessOf(*p, cal, D("2025-03-10"));
  EXPECT_EQ(t.due, D("2025-03-31"));
  EXPECT_EQ(t.status, Timeliness::kPending);
  EXPECT_EQ(t.working_days_left, 15);
  EXPECT_EQ(TimelinessOf(*p, cal, D("2025-03-25")).status, Timeliness::kDueSoon);
  auto over = TimelinessOf(*p, cal, D("2025-04-02"));
  EXPECT_EQ(over.status, Timeliness::kOverdue);
  EXPECT_EQ(over.working_days_left, -2);
  EXPECT_EQ(TimelinessOf(Published(), cal, D("2025-04-30")).status, Timeliness::kOnTime);

  // Written before 清明 2025: 4 April is skipped and the make-up Sunday 27 April counts.
  Content c = Complete();
  c.written_date = D("2025-04-01");
  auto q = NewPublication(3, "X-2", c, Ctx("2025-04-01"));
  auto tq = TimelinessOf(*q, cal, D("2025-04-01"));
  EXPECT_EQ(tq.due, D("2025-04-29"));
  EXPECT_FALSE(tq.provisional);
}

TEST(PublicationTimeliness, LateAndStale) {
  WorkingCalendar cal = testing::LoadedCalendar();
  Content c = Complete();
  c.written_date = D("2025-01-02");
  c.review_by = D("2025-06-30");
  auto p = NewPublication(3, "X-1", c, Ctx());
  auto s = Apply(*p, S(EventKind::kSubmitted), Ctx());
  Step pass = S(EventKind::kReviewed);
  pass.reviewer = "保密员";
  auto a = Apply(*Apply(*s, pass, Ctx()), S(EventKind::kApproved), Ctx());
  EXPECT_EQ(TimelinessOf(*a, cal, D("2025-03-20")).status, Timeliness::kLate);
  EXPECT_FALSE(IsStale(*a, D("2025-06-30")));
  EXPECT_TRUE(IsStale(*a, D("2025-07-01")));
}

TEST(PublicationIndexNumber, FormatAndChecks) {
  EXPECT_EQ(FormatIndexNumber("411202100", 2025, 12), "411202100/2025-00012");
  EXPECT_TRUE(ValidateIndexNumber("411202100/2025-00012").ok());
  EXPECT_FALSE(ValidateIndexNumber("").ok());
  EXPECT_FALSE(ValidateIndexNumber("a b").ok());
  EXPECT_FALSE(ValidateIndexNumber("<script>").ok());
  EXPECT_FALSE(ValidateIndexNumber(std::string(65, 'a')).ok());
}

TEST(PublicationCatalogue, ItemsByLevel) {
  EXPECT_EQ(CatalogueItemsFor(AgencyLevel::kProvince).size(), 15u);
  EXPECT_EQ(CatalogueItemsFor(AgencyLevel::kDistrict).size(), 22u);
  EXPECT_EQ(CatalogueItemsFor(AgencyLevel::kTownship).size(), 23u);
  EXPECT_EQ(CatalogueItemsFor(AgencyLevel::kVillage).size(), 5u);
  for (const auto& item : AllCatalogueItems()) {
    EXPECT_NE(item.label(), "catalogue_item." + std::string(item.code)) << item.code;
  }
  for (auto s : AllSubjects()) EXPECT_NE(SubjectLabel(s), "subject." + std::string(s));
  EXPECT_EQ(Label(Channel::kLed), "LED电子显示屏");
  EXPECT_EQ(ParseStage("awaiting_approval"), Stage::kAwaitingApproval);
}

TEST(PublicationCodes, EveryEnumHasACodeAndALabel) {
  auto has_term = [](std::string prefix, std::string_view code) {
    return FindTerm(prefix + std::string(code)) != nullptr;
  };
  for (Stage v : kAllStages) {
    EXPECT_TRUE(has_term("publication_stage.", Code(v))) << Code(v);
    EXPECT_EQ(ParseStage(Code(v)), v);
  }
  for (Attribute v : kAllAttributes) {
    EXPECT_TRUE(has_term("disclosure_attribute.", Code(v))) << Code(v);
    EXPECT_EQ(ParseAttribute(Code(v)), v);
  }
  for (Channel v : kAllChannels) {
    EXPECT_TRUE(has_term("channel.", Code(v))) << Code(v);
    EXPECT_EQ(ParseChannel(Code(v)), v);
  }
  for (EventKind v : kAllEventKinds) {
    EXPECT_TRUE(has_term("publication_event.", Code(v))) << Code(v);
    EXPECT_EQ(ParseEventKind(Code(v)), v);
  }
  for (auto v : {ReviewConclusion::kPass, ReviewConclusion::kFail}) {
    EXPECT_TRUE(has_term("review_conclusion.", Code(v)));
    EXPECT_EQ(ParseReviewConclusion(Code(v)), v);
  }
  for (auto v :
       {Timeliness::kNoDate, Timeliness::kPending, Timeliness::kDueSoon, Timeliness::kOverdue,
        Timeliness::kOnTime, Timeliness::kLate, Timeliness::kNotApplicable}) {
    EXPECT_TRUE(has_term("publication_timeliness.", Code(v))) << Code(v);
  }
}

}  // namespace
}  // namespace gongkai::publication
