#include "core/application/identity.h"

#include <gtest/gtest.h>

#include "core/application/duplicates.h"
#include "core/testing/loaded_calendar.h"

namespace gongkai::application {
namespace {

using testing::D;

TEST(Identity, ResidentIdChecksumAndBirthDate) {
  const Date today = D("2026-11-28");
  EXPECT_TRUE(IsValidResidentId("11010519491231002X", today));  // GB 11643 example
  EXPECT_TRUE(IsValidResidentId("11010519491231002x", today));
  EXPECT_TRUE(IsValidResidentId("411202198506151234", today));
  EXPECT_FALSE(IsValidResidentId("440524188001010014", today));  // born before 1900
  EXPECT_FALSE(IsValidResidentId("110105194912310021", today));  // wrong check digit
  EXPECT_FALSE(IsValidResidentId("11010519491331002X", today));  // month 13
  EXPECT_FALSE(IsValidResidentId("11010520300101002X", today));  // born in the future
  EXPECT_FALSE(IsValidResidentId("1101051949123100", today));    // too short
  EXPECT_FALSE(IsValidResidentId("11010519491231002Y", today));
  EXPECT_FALSE(IsValidResidentId("A1010519491231002X", today));
}

TEST(Identity, CreditCodeChecksum) {
  EXPECT_TRUE(IsValidCreditCode("91350100M000100Y43"));
  EXPECT_TRUE(IsValidCreditCode("91350100m000100y43"));
  EXPECT_FALSE(IsValidCreditCode("91350100M000100Y44"));  // wrong check character
  EXPECT_FALSE(IsValidCreditCode("91350100M000100I43"));  // I is not in the alphabet
  EXPECT_FALSE(IsValidCreditCode("91350100M000100Y4"));
}

TEST(Identity, PhoneAndEmail) {
  EXPECT_TRUE(IsValidPhone("13800138000"));
  EXPECT_TRUE(IsValidPhone("+86 138 0013 8000"));
  EXPECT_TRUE(IsValidPhone("0398-2812345"));
  EXPECT_TRUE(IsValidPhone("010-12345678-123"));
  EXPECT_FALSE(IsValidPhone("12800138000"));
  EXPECT_FALSE(IsValidPhone("1380013800"));
  EXPECT_FALSE(IsValidPhone("398-2812345"));
  EXPECT_TRUE(IsValidEmail("zhang.san@example.cn"));
  EXPECT_FALSE(IsValidEmail("zhang.san@"));
  EXPECT_FALSE(IsValidEmail("a@b@c.cn"));
  EXPECT_FALSE(IsValidEmail("a b@c.cn"));
  EXPECT_FALSE(IsValidEmail("a@cn"));
}

Application ValidPerson() {
  Application app;
  app.applicant.type = ApplicantType::kNatural;
  app.applicant.name = "张三";
  app.applicant.id_number = "11010519491231002X";
  app.applicant.phone = "13800138000";
  app.request.title = "2023年村道修建资金使用情况";
  return app;
}

TEST(Identity, FormCollectsEveryError) {
  const Date today = D("2026-11-28");
  EXPECT_TRUE(ValidateApplicationForm(ValidPerson(), today).empty());
  Application bad = ValidPerson();
  bad.applicant.name = " ";
  bad.applicant.id_number = "110105194912310021";
  bad.applicant.phone = "12345";
  bad.request.title.clear();
  bad.receipt_date = D("2026-11-29");
  std::vector<FieldError> errors = ValidateApplicationForm(bad, today);
  std::vector<std::string> fields;
  for (const FieldError& e : errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"applicant.name", "applicant.id_number",
                                              "applicant.phone", "request.title", "receipt_date"}));
  Status st = FieldErrorsStatus(errors);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.ui_message().find("校验位"), std::string::npos);
}

TEST(Identity, OrganisationNeedsCreditCodeAndContact) {
  Application org = ValidPerson();
  org.applicant.type = ApplicantType::kLegal;
  org.applicant.name = "某律师事务所";
  std::vector<FieldError> errors = ValidateApplicationForm(org, D("2026-11-28"));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "applicant.credit_code");
  EXPECT_EQ(errors[1].field, "applicant.contact_name");
  org.applicant.credit_code = "91350100M000100Y43";
  org.applicant.contact_name = "李四";
  EXPECT_TRUE(ValidateApplicationForm(org, D("2026-11-28")).empty());
}

TEST(Identity, ControlCharactersAndBadUtf8AreRefused) {
  Application app = ValidPerson();
  app.request.description = "abc\x01";
  EXPECT_EQ(ValidateApplicationForm(app, D("2026-11-28")).at(0).field, "request.description");
  app.request.description = "\xff\xfe";
  EXPECT_EQ(ValidateApplicationForm(app, D("2026-11-28")).at(0).field, "request.description");
}

TEST(Duplicates, KeysIgnoreWidthSpacesPunctuationAndCase) {
  RequestedInfo a, b, c;
  a.title = "关于２０２３年 村道 修建的文件。";
  a.document_number = "湖政〔2023〕1号";
  b.title = "关于2023年村道修建的文件";
  b.document_number = "湖政[2023]1号";
  c.title = "关于2024年村道修建的文件";
  EXPECT_EQ(RequestKey(a), RequestKey(b));
  EXPECT_NE(RequestKey(a), RequestKey(c));
  Applicant p, q;
  p.name = "张三";
  p.id_number = "11010519491231002x";
  q.name = "张 三";
  q.id_number = "11010519491231002X";
  EXPECT_EQ(ApplicantKey(p), ApplicantKey(q));
}

}  // namespace
}  // namespace gongkai::application
