// Reading the application form and the step forms of the case page: what is read for a person and
// for an organisation, every problem kept per field with what was typed, and malformed steps.
#include "web/app/application_form.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

namespace app = application;

Date D(const char* s) { return Date::Parse(s).value(); }

FormFields PersonForm() {
  FormFields f;
  f.Add("channel", "in_person");
  f.Add("receipt_date", "2026-11-27");
  f.Add("applicant.type", "natural");
  f.Add("applicant.name", "王小明");
  f.Add("applicant.id_type", "resident_id");
  f.Add("applicant.id_number", "11010519491231002X");
  f.Add("applicant.credit_code", "typed before switching to a person");
  f.Add("applicant.phone", "13800138000");
  f.Add("applicant.email", "");
  f.Add("applicant.address", "磁钟乡磁钟村");
  f.Add("applicant.postcode", "472000");
  f.Add("request.title", "2026年村道修建资金使用情况");
  f.Add("request.document_number", "磁政〔2026〕5号");
  f.Add("request.description", "");
  f.Add("request.purpose", "");
  f.Add("request.form", "paper");
  f.Add("request.way", "pick_up");
  return f;
}

FormFields Replace(FormFields in, const std::string& name, const std::string& value) {
  FormFields out;
  for (const auto& [n, v] : in.all()) out.Add(n, n == name ? value : v);
  return out;
}

TEST(ApplicationFormTest, ReadsAPersonsWalkInApplication) {
  ApplicationInput in = ParseApplicationForm(PersonForm(), /*staff=*/true);
  EXPECT_TRUE(in.errors.empty());
  EXPECT_EQ(in.app.channel, app::IntakeChannel::kInPerson);
  ASSERT_TRUE(in.app.receipt_date);
  EXPECT_EQ(*in.app.receipt_date, D("2026-11-27"));
  EXPECT_EQ(in.app.applicant.type, app::ApplicantType::kNatural);
  EXPECT_EQ(in.app.applicant.id_number, "11010519491231002X");
  EXPECT_EQ(in.app.applicant.credit_code, "");  // the other kind's fields are not read...
  EXPECT_EQ(in.raw["applicant.credit_code"], "typed before switching to a person");  // ...but kept
  EXPECT_EQ(in.app.request.document_number, "磁政〔2026〕5号");
  EXPECT_TRUE(app::ValidateApplicationForm(in.app, D("2026-11-29")).empty());
}

TEST(ApplicationFormTest, ReadsAnOrganisationWithoutPersonalDocument) {
  FormFields f = Replace(PersonForm(), "applicant.type", "legal");
  f.Add("applicant.legal_representative", "李律师");
  f.Add("applicant.contact_name", "张助理");
  ApplicationInput in = ParseApplicationForm(f, /*staff=*/false);
  EXPECT_TRUE(in.errors.empty());
  EXPECT_EQ(in.app.applicant.type, app::ApplicantType::kLegal);
  EXPECT_EQ(in.app.applicant.id_number, "");
  EXPECT_EQ(in.app.applicant.legal_representative, "李律师");
  EXPECT_FALSE(in.app.receipt_date);  // the public form has no receipt date
  EXPECT_FALSE(in.raw.contains("receipt_date"));
}

TEST(ApplicationFormTest, EveryBadFieldIsNamedAndWhatWasTypedIsKept) {
  struct Case {
    const char* field;
    const char* typed;
    const char* problem;  // part of the Chinese message
  } cases[] = {
      {"channel", "pigeon", "请选择申请方式"},    {"receipt_date", "2026-02-30", "日期格式"},
      {"receipt_date", "", "收到申请之日"},       {"applicant.type", "", "申请人类型"},
      {"request.way", "drone", "获取信息的方式"},
  };
  for (const Case& c : cases) {
    ApplicationInput in = ParseApplicationForm(Replace(PersonForm(), c.field, c.typed), true);
    ASSERT_TRUE(in.errors.contains(c.field)) << c.field;
    EXPECT_NE(in.errors[c.field].find(c.problem), std::string::npos) << in.errors[c.field];
    EXPECT_EQ(in.raw[c.field], c.typed);
  }
}

TEST(ApplicationFormTest, ValidatorProblemsGoNextToTheirFields) {
  FormFields f = Replace(PersonForm(), "applicant.id_number", "110105194912310021");
  f = Replace(f, "applicant.phone", "12345");
  ApplicationInput in = ParseApplicationForm(f, true);
  AddFieldErrors(in, app::ValidateApplicationForm(in.app, D("2026-11-29")));
  ASSERT_TRUE(in.errors.contains("applicant.id_number"));
  EXPECT_NE(in.errors["applicant.id_number"].find("校验位"), std::string::npos);
  ASSERT_TRUE(in.errors.contains("applicant.phone"));

  nlohmann::json m = ApplicationFormModel(&in, true, D("2026-11-29"));
  EXPECT_EQ(m["v"]["applicant"]["id_number"], "110105194912310021");
  EXPECT_EQ(m["err"]["applicant"]["id_number"], in.errors["applicant.id_number"]);
  EXPECT_TRUE(m["err"]["applicant"]["name"].is_null());
  ASSERT_EQ(m["errors"].size(), 2u);
  // The summary follows the form's order and links to each field.
  EXPECT_EQ(m["errors"][0]["id"], "f-applicant-id_number");
  EXPECT_EQ(m["errors"][0]["label"], "证件号码");
  EXPECT_EQ(m["errors"][1]["id"], "f-applicant-phone");
}

TEST(ApplicationFormTest, EmptyStaffFormIsDatedTodayInPerson) {
  nlohmann::json m = ApplicationFormModel(nullptr, true, D("2026-11-29"));
  EXPECT_EQ(m["v"]["receipt_date"], "2026-11-29");
  EXPECT_FALSE(m["has_errors"].get<bool>());
  EXPECT_EQ(m["channels"].size(), app::kAllIntakeChannels.size());
  EXPECT_TRUE(m["channels"][0]["selected"].get<bool>());
  EXPECT_EQ(m["receipt_meaning"], "申请人提交之日");
  EXPECT_EQ(m["person_types"].size(), 1u);
  EXPECT_EQ(m["organisation_types"].size(), 5u);
  nlohmann::json pub = ApplicationFormModel(nullptr, false, D("2026-11-29"));
  EXPECT_FALSE(pub["v"].contains("receipt_date"));
}

FormFields Step(std::initializer_list<std::pair<const char*, const char*>> fields) {
  FormFields f;
  for (const auto& [n, v] : fields) f.Add(n, v);
  return f;
}

TEST(ApplicationFormTest, StepForms) {
  const Date today = D("2026-11-29");
  auto e = ParseCaseEvent(
      Step({{"date", "2026-11-27"}, {"until", "2026-12-18"}, {"text", "请写明文件名称"}}),
      app::EventKind::kCorrectionRequested, today);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->date, D("2026-11-27"));
  EXPECT_EQ(*e->until, D("2026-12-18"));
  EXPECT_EQ(e->text, "请写明文件名称");

  e = ParseCaseEvent(Step({{"date", "2026-11-27"}, {"days", "20"}, {"text", "需调取档案"}}),
                     app::EventKind::kExtensionRequested, today);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->days, 20);

  e = ParseCaseEvent(
      Step({{"date", "2026-11-27"}, {"fee_method", "per_volume"}, {"quantity", "150"}}),
      app::EventKind::kFeeNoticeIssued, today);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->fee_method, app::FeeMethod::kPerVolume);
  EXPECT_EQ(e->quantity, 150);

  e = ParseCaseEvent(Step({{"date", "2026-11-28"}, {"outcome", "granted"}, {"text", "予以公开"}}),
                     app::EventKind::kClosed, today);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(*e->outcome, app::Outcome::kGranted);

  e = ParseCaseEvent(Step({{"text", "电话联系申请人"}}), app::EventKind::kNote, today);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->date, today);  // a note is dated when it is written

  struct Bad {
    FormFields form;
    app::EventKind kind;
    const char* problem;
  } bad[] = {
      {Step({{"date", "27/11/2026"}}), app::EventKind::kReceived, "日期格式"},
      {Step({}), app::EventKind::kReceived, "请填写日期"},
      {Step({{"date", "2026-11-27"}}), app::EventKind::kCorrectionRequested, "补正期限"},
      {Step({{"date", "2026-11-27"}, {"days", "二十"}}), app::EventKind::kExtensionRequested,
       "延长的工作日数"},
      {Step({{"date", "2026-11-27"}, {"days", "0"}}), app::EventKind::kExtensionRequested,
       "延长的工作日数"},
      {Step({{"date", "2026-11-27"}, {"outcome", "maybe"}}), app::EventKind::kClosed, "答复结果"},
      {Step({{"date", "2026-11-27"}, {"consultation", "x"}}), app::EventKind::kConsultationSent,
       "征求意见的类型"},
      {Step({{"date", "2026-11-27"}, {"fee_method", "per_item"}, {"quantity", "-1"}}),
       app::EventKind::kFeeNoticeIssued, "计费数量"},
      {Step({{"date", "2026-11-27"}}), app::EventKind::kFeePaid, "对应的记录"},
  };
  for (const Bad& b : bad) {
    auto r = ParseCaseEvent(b.form, b.kind, today);
    ASSERT_FALSE(r.ok()) << app::Code(b.kind);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().ui_message().find(b.problem), std::string::npos)
        << r.status().ui_message();
  }
}

TEST(ApplicationFormTest, FieldIds) {
  EXPECT_EQ(FieldId("applicant.id_number"), "f-applicant-id_number");
  EXPECT_EQ(FieldId("receipt_date"), "f-receipt_date");
}

}  // namespace
}  // namespace gongkai::web
