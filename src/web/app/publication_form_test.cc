// Reading the proactive-disclosure forms: the draft form with every problem kept per field and
// what was typed, the body sanitised with its removals in Chinese, files checked one by one, and
// the step and channel forms.
#include "web/app/publication_form.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

namespace pub = publication;

FormFields DraftForm() {
  FormFields f;
  f.Add("title", "关于2026年秋季秸秆禁烧工作的通告");
  f.Add("index_number", "");
  f.Add("subject", "agriculture");
  f.Add("item_code", "21.8");
  f.Add("attribute", "proactive");
  f.Add("written_date", "2026-11-20");
  f.Add("changed_date", "");
  f.Add("document_number", "磁政〔2026〕12号");
  f.Add("issuer", "");
  f.Add("review_by", "2027-11-20");
  f.Add("body", "<p onclick=\"steal()\">全乡禁止露天焚烧秸秆。</p><script>alert(1)</script>");
  return f;
}

FormFields Replace(FormFields in, const std::string& name, const std::string& value) {
  FormFields out;
  for (const auto& [n, v] : in.all()) out.Add(n, n == name ? value : v);
  return out;
}

TEST(PublicationFormTest, ReadsEveryFieldAndSanitisesTheBody) {
  PublicationInput in = ParsePublicationForm(DraftForm());
  EXPECT_TRUE(in.errors.empty());
  EXPECT_EQ(in.content.title, "关于2026年秋季秸秆禁烧工作的通告");
  EXPECT_EQ(in.content.subject, "agriculture");
  EXPECT_EQ(in.content.item_code, "21.8");
  EXPECT_EQ(in.content.attribute, pub::Attribute::kProactive);
  EXPECT_EQ(in.content.written_date->ToString(), "2026-11-20");
  EXPECT_FALSE(in.content.changed_date.has_value());
  EXPECT_EQ(in.content.review_by->ToString(), "2027-11-20");
  EXPECT_EQ(in.content.document_number, "磁政〔2026〕12号");
  EXPECT_TRUE(in.index_number.empty());
  EXPECT_EQ(in.content.body_html.find("script"), std::string::npos);
  EXPECT_EQ(in.content.body_html.find("onclick"), std::string::npos);
  EXPECT_NE(in.content.body_html.find("全乡禁止露天焚烧秸秆。"), std::string::npos);
  // The typed body is kept as typed, for the form; the removals are reported in Chinese.
  EXPECT_NE(in.raw["body"].find("<script>"), std::string::npos);
  std::vector<std::string> zh = RemovedNotesZh(in.removed);
  ASSERT_EQ(zh.size(), 2u);
  EXPECT_EQ(zh[0], "onclick 属性");
  EXPECT_EQ(zh[1], "<script> 元素（连同其中的内容）");
}

TEST(PublicationFormTest, BadDatesChoicesAndIndexNumberAreFieldErrorsWithInputKept) {
  FormFields f = Replace(DraftForm(), "written_date", "2026/11/20");
  f = Replace(f, "attribute", "secret");
  f = Replace(f, "index_number", "磁钟/2026 1");
  PublicationInput in = ParsePublicationForm(f);
  EXPECT_EQ(in.errors["written_date"], "日期格式应为“2026-01-31”");
  EXPECT_EQ(in.errors["attribute"], "请选择公开属性");
  EXPECT_NE(in.errors["index_number"].find("索引号只能包含"), std::string::npos);
  EXPECT_EQ(in.raw["written_date"], "2026/11/20");

  PublicationFormContext ctx;
  ctx.level = AgencyLevel::kTownship;
  ctx.agency_name = "磁钟乡人民政府";
  ctx.index_scheme = "411202100/2026-00001";
  nlohmann::json m = PublicationFormModel(&in, nullptr, ctx);
  EXPECT_EQ(m["v"]["written_date"], "2026/11/20");
  EXPECT_EQ(m["v"]["index_number"], "磁钟/2026 1");
  EXPECT_EQ(m["err"]["attribute"], "请选择公开属性");
  EXPECT_TRUE(m["has_errors"].get<bool>());
  // The summary follows the form's order and links to each field.
  EXPECT_EQ(m["errors"][0]["id"], "f-index_number");
  EXPECT_EQ(m["errors"][1]["id"], "f-attribute");
  EXPECT_EQ(m["errors"][2]["id"], "f-written_date");
}

TEST(PublicationFormTest, CoreRulesMergeAsFieldErrors) {
  PublicationInput in = ParsePublicationForm(Replace(DraftForm(), "written_date", "2099-01-01"));
  pub::StepContext ctx;
  ctx.today = Date::Parse("2026-11-29").value();
  ctx.level = AgencyLevel::kTownship;
  AddFieldErrors(in, pub::ValidateContent(in.content, ctx, false, false));
  EXPECT_EQ(in.errors["written_date"], "成文日期不能晚于今天");
}

TEST(PublicationFormTest, CatalogueItemsAreGroupedForTheAgencyLevel) {
  PublicationFormContext township;
  township.level = AgencyLevel::kTownship;
  nlohmann::json m = PublicationFormModel(nullptr, nullptr, township);
  ASSERT_EQ(m["item_groups"].size(), 2u);
  EXPECT_EQ(m["item_groups"][0]["label"], "条例第二十条规定的主动公开事项");
  EXPECT_EQ(m["item_groups"][0]["options"].size(), 15u);
  EXPECT_EQ(m["item_groups"][0]["options"][0]["label"], "（1）行政法规、规章和规范性文件");
  EXPECT_EQ(m["v"]["attribute"], "proactive");

  PublicationFormContext village;
  village.level = AgencyLevel::kVillage;
  m = PublicationFormModel(nullptr, nullptr, village);
  ASSERT_EQ(m["item_groups"].size(), 1u);
  EXPECT_EQ(m["item_groups"][0]["label"], "村务公开事项");
  EXPECT_FALSE(m["revision"].get<bool>());
}

TEST(PublicationFormTest, EachRefusedFileIsNamed) {
  PublicationInput in = ParsePublicationForm(DraftForm());
  std::vector<MultipartPart> files(3);
  files[0] = {"files", "通告.pdf", true, "application/pdf", "%PDF-1.4 ..."};
  files[1] = {"files", "名单.pdf", true, "application/pdf", "<html><script>x</script></html>"};
  files[2] = {"files", "run.exe", true, "application/octet-stream", "MZ..."};
  CheckPublicationFiles(files, in);
  ASSERT_EQ(in.file_errors.size(), 2u);
  EXPECT_NE(in.file_errors[0]["message"].get<std::string>().find("名单.pdf"), std::string::npos);
  EXPECT_NE(in.file_errors[0]["message"].get<std::string>().find("不符"), std::string::npos);
  EXPECT_NE(in.file_errors[1]["message"].get<std::string>().find("run.exe"), std::string::npos);
  EXPECT_TRUE(in.errors.contains("files"));
}

TEST(PublicationStepFormTest, ReviewNeedsReviewerAndAnOpinionWhenFailed) {
  FormFields f;
  f.Add("kind", "reviewed");
  f.Add("reviewer", "  ");
  f.Add("conclusion", "pass");
  EXPECT_EQ(ParsePublicationStep(f).status().ui_message(), "请填写保密审查人");
  FormFields fail;
  fail.Add("kind", "reviewed");
  fail.Add("reviewer", "张审查");
  fail.Add("conclusion", "fail");
  EXPECT_EQ(ParsePublicationStep(fail).status().ui_message(), "审查未通过时请填写审查意见");
  fail.Add("text", "第三段涉及个人信息，请删除。");
  auto step = ParsePublicationStep(fail);
  ASSERT_TRUE(step.ok());
  EXPECT_EQ(step->kind, pub::EventKind::kReviewed);
  EXPECT_EQ(step->reviewer, "张审查");
  EXPECT_EQ(step->conclusion, pub::ReviewConclusion::kFail);
}

TEST(PublicationStepFormTest, ReturnNeedsACommentAndWithdrawalAReasonAndConfirmation) {
  FormFields ret;
  ret.Add("kind", "returned");
  EXPECT_EQ(ParsePublicationStep(ret).status().ui_message(), "退回修改时请填写意见");
  FormFields w;
  w.Add("kind", "withdrawn");
  w.Add("text", "政策已废止");
  EXPECT_NE(ParsePublicationStep(w).status().ui_message().find("确认撤回"), std::string::npos);
  w.Add("confirm", "yes");
  EXPECT_TRUE(ParsePublicationStep(w).ok());
  FormFields unknown;
  unknown.Add("kind", "created");
  EXPECT_EQ(ParsePublicationStep(unknown).status().code(), StatusCode::kInvalidArgument);
  FormFields approve;
  approve.Add("kind", "approved");
  EXPECT_EQ(ParsePublicationStep(approve)->kind, pub::EventKind::kApproved);
}

TEST(ChannelRecordFormTest, ReadsChannelDateAndDetailsAndRefusesThePortal) {
  FormFields f;
  f.Add("channel", "wechat");
  f.Add("date", "2026-11-28");
  f.Add("link", "https://mp.weixin.qq.com/s/abc");
  auto r = ParseChannelRecord(f);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->channel, pub::Channel::kWechat);
  EXPECT_EQ(r->date.ToString(), "2026-11-28");
  EXPECT_EQ(r->link, "https://mp.weixin.qq.com/s/abc");
  FormFields portal;
  portal.Add("channel", "portal");
  portal.Add("date", "2026-11-28");
  EXPECT_EQ(ParseChannelRecord(portal).status().code(), StatusCode::kInvalidArgument);
  FormFields bad_date;
  bad_date.Add("channel", "bulletin_board");
  bad_date.Add("date", "28/11/2026");
  EXPECT_EQ(ParseChannelRecord(bad_date).status().ui_message(), "发布日期格式应为“2026-01-31”");
}

}  // namespace
}  // namespace gongkai::web
