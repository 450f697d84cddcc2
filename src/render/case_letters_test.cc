#include "render/case_letters.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>

#include "core/application/case_state.h"
#include "core/application/fees.h"
#include "core/testing/loaded_calendar.h"
#include "render/test_pdf.h"
#include "render/test_zip.h"

namespace gongkai::render {
namespace {

using namespace application;
using gongkai::testing::D;

Agency Cizhong() {
  Agency a;
  a.id = 4;
  a.name = "三门峡市湖滨区磁钟乡人民政府";
  a.short_name = "磁钟乡";
  a.office.name = "磁钟乡党政综合办公室";
  a.office.address = "三门峡市湖滨区磁钟乡政府院内";
  a.office.phone = "0398-2812345";
  return a;
}

CaseEvent Ev(EventKind kind, const char* date) {
  CaseEvent e;
  e.kind = kind;
  e.date = D(date);
  e.by = "王办事";
  return e;
}

// A case built event by event through Apply, as the service does.
class Case {
 public:
  Case() : calendar_(gongkai::testing::LoadedCalendar()) {
    app_.id = 17;
    app_.agency_id = 4;
    app_.serial_year = 2025;
    app_.serial_no = 3;
    app_.channel = IntakeChannel::kRegisteredPost;
    app_.applicant.name = "张三";
    app_.applicant.id_number = "411202198001011234";
    app_.applicant.phone = "13800000000";
    app_.request.title = "磁钟乡2024年农村危房改造补助对象名单";
    app_.request.description = "2024年度经审核确定的补助对象名单及各户补助金额";
    app_.request.form = DeliveryForm::kPaper;
    app_.request.way = DeliveryWay::kPost;
  }

  int Add(CaseEvent e) {
    auto next = Apply(app_, std::move(e), CaseContext{D("2025-12-31"), calendar_});
    EXPECT_TRUE(next.ok()) << next.status().ToString();
    if (next.ok()) app_ = *next;
    return app_.events.back().seq;
  }
  int Receive(const char* date = "2025-03-04") { return Add(Ev(EventKind::kReceived, date)); }

  Result<Letter> Build(LetterKind kind, int seq) const {
    return BuildCaseLetter(kind, app_, Cizhong(), ComputeDeadline(CaseAsOf(app_, seq), calendar_),
                           seq);
  }

  Application& app() { return app_; }
  const WorkingCalendar& calendar() const { return calendar_; }

 private:
  WorkingCalendar calendar_;
  Application app_;
};

// The letter rendered both ways, read back as text.
struct Rendered {
  std::vector<std::string> docx_paragraphs;  // every w:p of the DOCX, tables included
  std::string pdf;                           // what the PDF prints, flat; "" without pdftotext

  bool DocxHas(const std::string& s) const {
    for (const auto& p : docx_paragraphs) {
      if (p.find(s) != std::string::npos) return true;
    }
    return false;
  }
  bool DocxParagraph(const std::string& s) const {
    return std::find(docx_paragraphs.begin(), docx_paragraphs.end(), s) != docx_paragraphs.end();
  }
  bool PdfHas(const std::string& s) const {
    return pdf.empty() || pdf.find(testing::Flat(s)) != std::string::npos;
  }
};

Rendered Render(const Letter& letter) {
  Rendered r;
  auto docx = RenderLetterDocx(letter);
  EXPECT_TRUE(docx.ok()) << docx.status().ToString();
  if (docx.ok()) {
    testing::ZipReader zip(*docx);
    pugi::xml_document d;
    EXPECT_TRUE(d.load_string(zip.Read("word/document.xml").value_or("").c_str()));
    for (auto p : d.select_nodes("//w:p")) {
      std::string text;
      for (auto t : p.node().select_nodes(".//w:t")) text += t.node().text().get();
      r.docx_paragraphs.push_back(text);
    }
  }
  auto pdf = RenderLetterPdf(letter);
  EXPECT_TRUE(pdf.ok()) << pdf.status().ToString();
  if (pdf.ok() && testing::HavePdftotext()) r.pdf = testing::PrintedText(*pdf);
  return r;
}

// Each string must be in the DOCX and in the PDF.
void ExpectText(const Letter& letter, std::initializer_list<std::string> texts) {
  Rendered r = Render(letter);
  for (const auto& s : texts) {
    EXPECT_TRUE(r.DocxHas(s)) << "DOCX lacks " << s;
    EXPECT_TRUE(r.PdfHas(s)) << "PDF lacks " << s;
  }
}

std::string AllText(const Letter& l) {
  std::string s = l.title + l.number + l.addressee + l.issuer + l.date + l.seal;
  for (const auto& p : l.body) s += p + "\n";
  for (const auto& r : l.table) s += r.label + "|" + r.value + "\n";
  for (const auto& p : l.closing) s += p + "\n";
  return s;
}

TEST(CaseLettersTest, CodesAndLabels) {
  std::set<std::string_view> labels;
  for (LetterKind k : kAllLetterKinds) {
    EXPECT_EQ(ParseLetterKind(Code(k)), k);
    EXPECT_FALSE(Label(k).empty());
    labels.insert(Label(k));
  }
  EXPECT_EQ(labels.size(), std::size(kAllLetterKinds));
  EXPECT_EQ(Code(LetterKind::kFeeNotice), "fee_notice");
  EXPECT_FALSE(ParseLetterKind("nonsense"));
}

TEST(CaseLettersTest, Receipt) {
  Case c;
  int seq = c.Receive("2025-03-04");
  auto l = c.Build(LetterKind::kReceipt, seq);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->title, "政府信息公开申请受理回执");
  EXPECT_EQ(l->number, "〔2025〕第3号");
  EXPECT_EQ(l->addressee, "张三：");
  EXPECT_EQ(l->issuer, "三门峡市湖滨区磁钟乡人民政府");
  EXPECT_EQ(l->date, "2025年3月4日");
  EXPECT_EQ(l->seal, "（印章）");
  // Registered post: the day the agency signed for it (Art. 31); 20 working days → 1 April.
  ExpectText(
      *l, {"张三：", "〔2025〕第3号", "以本机关签收之日为收到申请之日", "第三十一条", "第三十三条",
           "20个工作日", "2025年4月1日前", "磁钟乡2024年农村危房改造补助对象名单", "纸质；邮寄",
           "0398-2812345", "（印章）", "三门峡市湖滨区磁钟乡人民政府"});
  // A receipt fits on one page.
  auto pdf = RenderLetterPdf(*l);
  ASSERT_TRUE(pdf.ok());
  if (testing::HavePdftotext()) {
    EXPECT_EQ(testing::Pages(testing::PdfText(*pdf)).size(), 1u);
  }
  Rendered r = Render(*l);
  EXPECT_TRUE(r.DocxParagraph("收到申请日期"));
  EXPECT_TRUE(r.DocxParagraph("2025年3月4日"));
  EXPECT_TRUE(r.DocxParagraph("答复期限"));
  EXPECT_TRUE(r.DocxParagraph("2025年4月1日前"));
  // 0 = the case's receipt, the same letter.
  auto again = c.Build(LetterKind::kReceipt, 0);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(AllText(*again), AllText(*l));
}

TEST(CaseLettersTest, ReceiptStatesTheDueDateAsAtReceiptAfterLaterEvents) {
  Case c;
  int seq = c.Receive("2025-03-04");
  int req = c.Add([] {
    CaseEvent e = Ev(EventKind::kExtensionRequested, "2025-03-25");
    e.days = 10;
    e.text = "需调取档案";
    return e;
  }());
  c.Add([&] {
    CaseEvent e = Ev(EventKind::kExtensionApproved, "2025-03-26");
    e.ref = req;
    return e;
  }());
  auto l = c.Build(LetterKind::kReceipt, seq);
  ASSERT_TRUE(l.ok());
  EXPECT_NE(AllText(*l).find("2025年4月1日"), std::string::npos);
  EXPECT_EQ(AllText(*l).find("2025年4月16日"), std::string::npos);
}

TEST(CaseLettersTest, Correction) {
  Case c;
  c.Receive("2025-03-04");
  int seq = c.Add([] {
    CaseEvent e = Ev(EventKind::kCorrectionRequested, "2025-03-06");
    e.until = D("2025-03-20");
    e.text = "一、请写明所需信息的形成年份；\n二、请写明该信息的制作机关。";
    return e;
  }());
  auto l = c.Build(LetterKind::kCorrection, seq);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->title, "政府信息公开申请补正告知书");
  EXPECT_EQ(l->date, "2025年3月6日");
  ExpectText(*l, {"张三：", "2025年3月4日", "第三十条", "一次性告知", "2025年3月20日前",
                  "视为放弃申请", "收到补正后的申请之日起计算"});
  // The items are paragraphs of their own.
  Rendered r = Render(*l);
  EXPECT_TRUE(r.DocxParagraph("一、请写明所需信息的形成年份；"));
  EXPECT_TRUE(r.DocxParagraph("二、请写明该信息的制作机关。"));
}

TEST(CaseLettersTest, Extension) {
  Case c;
  c.Receive("2025-03-04");
  int req = c.Add([] {
    CaseEvent e = Ev(EventKind::kExtensionRequested, "2025-03-25");
    e.days = 10;
    e.text = "所需信息涉及多年档案，需要调取核对";
    return e;
  }());
  int seq = c.Add([&] {
    CaseEvent e = Ev(EventKind::kExtensionApproved, "2025-03-26");
    e.ref = req;
    return e;
  }());
  auto l = c.Build(LetterKind::kExtension, seq);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->title, "政府信息公开申请延期答复告知书");
  EXPECT_EQ(l->date, "2025年3月26日");
  // 1 April + 10 working days, 4-6 April (清明) skipped → 16 April.
  ExpectText(
      *l, {"张三：", "第三十三条第二款", "政府信息公开工作机构负责人同意", "答复期限延长10个工作日",
           "2025年4月16日前", "所需信息涉及多年档案，需要调取核对"});
  // The request's number names its approval.
  auto by_request = c.Build(LetterKind::kExtension, req);
  ASSERT_FALSE(by_request.ok());
  EXPECT_EQ(by_request.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(
      by_request.status().ui_message().find("按其批准记录（第" + std::to_string(seq) + "项）"),
      std::string::npos);
}

TEST(CaseLettersTest, ConsultationOfAThirdPartyDoesNotNameTheApplicant) {
  Case c;
  c.Receive("2025-03-04");
  int seq = c.Add([] {
    CaseEvent e = Ev(EventKind::kConsultationSent, "2025-03-10");
    e.party = "三门峡某某建筑工程有限公司";
    e.consultation = ConsultationKind::kThirdParty;
    return e;
  }());
  auto l = c.Build(LetterKind::kConsultation, seq);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->title, "政府信息公开征求第三方意见书");
  EXPECT_EQ(l->addressee, "三门峡某某建筑工程有限公司：");
  EXPECT_EQ(l->date, "2025年3月10日");
  ExpectText(*l, {"三门峡某某建筑工程有限公司：", "第三十二条", "15个工作日", "2025年3月31日前",
                  "磁钟乡2024年农村危房改造补助对象名单", "不同意公开且有合理理由"});
  EXPECT_EQ(AllText(*l).find("张三"), std::string::npos);
  EXPECT_EQ(AllText(*l).find("13800000000"), std::string::npos);
}

TEST(CaseLettersTest, ConsultationOfAnotherAgency) {
  Case c;
  c.Receive("2025-03-04");
  int seq = c.Add([] {
    CaseEvent e = Ev(EventKind::kConsultationSent, "2025-03-10");
    e.party = "三门峡市湖滨区住房和城乡建设局";
    e.consultation = ConsultationKind::kOtherAgency;
    return e;
  }());
  auto l = c.Build(LetterKind::kConsultation, seq);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->title, "政府信息公开征求意见函");
  ExpectText(*l, {"三门峡市湖滨区住房和城乡建设局：", "第三十四条", "共同制作", "15个工作日",
                  "2025年3月31日前", "视为同意公开"});
  EXPECT_EQ(AllText(*l).find("第三十二条"), std::string::npos);
}

TEST(CaseLettersTest, FeeNoticePerVolume) {
  Case c;
  c.Receive("2025-03-04");
  const FeeRules& fees = RulesFor(D("2025-03-04")).fees;
  int seq = c.Add([&] {
    CaseEvent e = Ev(EventKind::kFeeNoticeIssued, "2025-03-12");
    e.fee_method = FeeMethod::kPerVolume;
    e.quantity = 150;
    e.amount_fen = PerVolumeFeeFen(fees, 150);
    return e;
  }());
  auto l = c.Build(LetterKind::kFeeNotice, seq);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->title, "政府信息公开信息处理费收费通知书");
  // 20 working days from 12 March, 4-6 April skipped → 10 April.
  ExpectText(*l, {"张三：", "第四十二条", "国办函〔2020〕109号", "第五条", "按量计收", "150页",
                  "1,700.00元", "第31至100页", "2025年4月10日前", "20个工作日", "视为放弃申请"});
  EXPECT_EQ(AllText(*l).find("第四条"), std::string::npos);
}

TEST(CaseLettersTest, FeeNoticePerItemExplainsTheMonthsCount) {
  const FeeRules& fees = RulesFor(D("2025-03-04")).fees;
  struct Row {
    int quantity;
    int64_t amount_fen;
    std::vector<std::string> expected;
  } rows[] = {
      // 35 items, the applicant's first this month: 20×100 + 5×200.
      {35, PerItemFeeFen(fees, 0, 35), {"35件", "3,000.00元", "第11至30件"}},
      // Items 29-33: only 28 before gives 800 元.
      {5, PerItemFeeFen(fees, 28, 5), {"5件", "累计28件", "800.00元", "第29至30件"}},
      // 500 元 for 5 items fits 10 to 25 items before: no bands are claimed.
      {5, 50000, {"5件", "500.00元", "按本月累计件数超额累进计算"}},
  };
  for (const Row& row : rows) {
    Case c;
    c.Receive("2025-03-04");
    int seq = c.Add([&] {
      CaseEvent e = Ev(EventKind::kFeeNoticeIssued, "2025-03-12");
      e.fee_method = FeeMethod::kPerItem;
      e.quantity = row.quantity;
      e.amount_fen = row.amount_fen;
      return e;
    }());
    auto l = c.Build(LetterKind::kFeeNotice, seq);
    ASSERT_TRUE(l.ok()) << l.status().ToString();
    std::string text = AllText(*l);
    EXPECT_NE(text.find("第四条"), std::string::npos);
    EXPECT_NE(text.find("按件计收"), std::string::npos);
    for (const auto& s : row.expected) EXPECT_NE(text.find(s), std::string::npos) << s;
  }
}

TEST(CaseLettersTest, AnswerGranted) {
  Case c;
  c.Receive("2025-03-04");
  int seq = c.Add([] {
    CaseEvent e = Ev(EventKind::kClosed, "2025-03-20");
    e.outcome = Outcome::kGranted;
    e.text =
        "您申请的信息已于2025年1月10日在本机关门户网站“政府信息公开”专栏公开。\n"
        "现随本答复书向您邮寄该名单的纸质复印件一份，共3页。";
    return e;
  }());
  auto l = c.Build(LetterKind::kAnswer, seq);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->title, "政府信息公开申请答复书");
  EXPECT_EQ(l->date, "2025年3月20日");
  ExpectText(*l, {"张三：", "2025年3月4日", "第三十六条第（一）项、第（二）项", "予以公开",
                  "行政复议", "60日", "行政诉讼", "6个月", "《中华人民共和国政府信息公开条例》"});
  Rendered r = Render(*l);
  EXPECT_TRUE(
      r.DocxParagraph("您申请的信息已于2025年1月10日在本机关门户网站“政府信息公开”专栏公开。"));
  EXPECT_TRUE(r.DocxParagraph("现随本答复书向您邮寄该名单的纸质复印件一份，共3页。"));
}

TEST(CaseLettersTest, AnswerAfterCorrectionAndExtension) {
  Case c;
  c.Receive("2025-03-04");
  c.Add([] {
    CaseEvent e = Ev(EventKind::kCorrectionRequested, "2025-03-06");
    e.until = D("2025-03-20");
    e.text = "请写明形成年份。";
    return e;
  }());
  c.Add(Ev(EventKind::kCorrectionReceived, "2025-03-10"));
  int req = c.Add([] {
    CaseEvent e = Ev(EventKind::kExtensionRequested, "2025-03-25");
    e.days = 15;
    e.text = "需调取档案";
    return e;
  }());
  c.Add([&] {
    CaseEvent e = Ev(EventKind::kExtensionApproved, "2025-03-26");
    e.ref = req;
    return e;
  }());
  int seq = c.Add([] {
    CaseEvent e = Ev(EventKind::kClosed, "2025-04-20");
    e.outcome = Outcome::kUnableNotHeld;
    e.text = "经检索，本机关未制作、获取您所申请的信息。";
    return e;
  }());
  auto l = c.Build(LetterKind::kAnswer, seq);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  ExpectText(*l, {"2025年3月10日收到补正后的申请", "答复期限已延长15个工作日",
                  "第三十六条第（四）项、第（五）项", "无法向您提供", "本机关未制作、获取"});
}

TEST(CaseLettersTest, AnswerForEveryOutcomeCitesItsArticle) {
  Case c;
  c.Receive("2025-03-04");
  const std::map<std::string, std::string> decision = {
      {"granted", "予以公开"},
      {"partial", "作区分处理"},
      {"withheld", "不予公开"},
      {"unable", "无法向您提供"},
      {"rejected", "不予处理"},
      {"other.no_correction", "逾期未补正"},
      {"other.no_payment", "逾期未缴纳信息处理费"}};
  for (Outcome o : kAllOutcomes) {
    Application app = c.app();
    CaseEvent closed = Ev(EventKind::kClosed, "2025-03-28");
    closed.seq = static_cast<int>(app.events.size()) + 1;
    closed.outcome = o;
    closed.text = "答复正文。";
    app.events.push_back(closed);
    app.outcome = o;
    app.closed_on = closed.date;
    app.state = CaseState::kClosed;
    auto l = BuildCaseLetter(LetterKind::kAnswer, app, Cizhong(),
                             ComputeDeadline(app, c.calendar()), closed.seq);
    ASSERT_TRUE(l.ok()) << Code(o) << " " << l.status().ToString();
    const std::string text = AllText(*l);
    const std::string code(Code(o)), basis(OutcomeBasis(o));
    EXPECT_NE(text.find("答复正文。"), std::string::npos) << code;
    EXPECT_NE(text.find("60日内依法申请行政复议"), std::string::npos) << code;
    if (basis.empty()) {
      EXPECT_EQ(text.find("条例》的规定"), std::string::npos) << code;
    } else {
      EXPECT_NE(text.find("《中华人民共和国政府信息公开条例》" + basis + "的规定"),
                std::string::npos)
          << code;
    }
    std::string group = code.substr(0, code.find('.'));
    auto it = decision.find(group == "other" ? code : group);
    if (it != decision.end()) {
      EXPECT_NE(text.find(it->second), std::string::npos) << code;
    } else {
      EXPECT_EQ(text.find("综上"), std::string::npos) << code;  // other.other: the reply alone
    }
  }
}

TEST(CaseLettersTest, RefusedWhenTheCaseHasNoSuchEvent) {
  Case c;
  int received = c.Receive("2025-03-04");
  int req = c.Add([] {
    CaseEvent e = Ev(EventKind::kExtensionRequested, "2025-03-25");
    e.days = 5;
    e.text = "需调取档案";
    return e;
  }());
  struct Row {
    LetterKind kind;
    int seq;
    StatusCode code;
    const char* zh;
  } rows[] = {
      {LetterKind::kFeeNotice, 0, StatusCode::kFailedPrecondition, "没有收费通知"},
      {LetterKind::kCorrection, 0, StatusCode::kFailedPrecondition, "没有补正告知"},
      {LetterKind::kConsultation, 0, StatusCode::kFailedPrecondition, "没有征求意见"},
      {LetterKind::kExtension, 0, StatusCode::kFailedPrecondition, "没有获批准的延期"},
      {LetterKind::kAnswer, 0, StatusCode::kFailedPrecondition, "尚未答复办结"},
      {LetterKind::kFeeNotice, 99, StatusCode::kInvalidArgument, "没有第99项"},
      {LetterKind::kCorrection, received, StatusCode::kFailedPrecondition,
       "不能据以出具补正告知书"},
      {LetterKind::kExtension, req, StatusCode::kFailedPrecondition, "尚未获批准"},
  };
  for (const Row& row : rows) {
    auto l = c.Build(row.kind, row.seq);
    ASSERT_FALSE(l.ok()) << Code(row.kind) << " " << row.seq;
    EXPECT_EQ(l.status().code(), row.code) << Code(row.kind);
    EXPECT_NE(l.status().ui_message().find(row.zh), std::string::npos) << l.status().ui_message();
    EXPECT_FALSE(l.status().message().empty());
  }
  // Not received yet: an online submission awaiting confirmation has no receipt.
  Case online;
  online.app().channel = IntakeChannel::kOnline;
  online.Add(Ev(EventKind::kSubmittedOnline, "2025-03-04"));
  auto receipt = online.Build(LetterKind::kReceipt, 0);
  ASSERT_FALSE(receipt.ok());
  EXPECT_EQ(receipt.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(receipt.status().ui_message().find("尚未确认收到"), std::string::npos);
  EXPECT_TRUE(AvailableLetters(online.app()).empty());
}

// A case with every kind of event; its letters, in order.
Case FullCase() {
  Case c;
  c.Receive("2025-03-04");  // 1
  c.Add([] {                // 2
    CaseEvent e = Ev(EventKind::kCorrectionRequested, "2025-03-06");
    e.until = D("2025-03-20");
    e.text = "一、请写明所需信息的形成年份；\n二、请写明该信息的制作机关。";
    return e;
  }());
  c.Add(Ev(EventKind::kCorrectionReceived, "2025-03-10"));  // 3
  c.Add([] {                                                // 4
    CaseEvent e = Ev(EventKind::kConsultationSent, "2025-03-12");
    e.party = "三门峡某某建筑工程有限公司";
    return e;
  }());
  c.Add([] {  // 5
    CaseEvent e = Ev(EventKind::kConsultationAnswered, "2025-03-17");
    e.ref = 4;
    e.text = "同意公开";
    return e;
  }());
  c.Add([] {  // 6
    CaseEvent e = Ev(EventKind::kExtensionRequested, "2025-03-18");
    e.days = 20;
    e.text = "所需信息涉及2019年以来的多年档案，需要逐件调取、核对";
    return e;
  }());
  c.Add([] {  // 7
    CaseEvent e = Ev(EventKind::kExtensionApproved, "2025-03-19");
    e.ref = 6;
    return e;
  }());
  c.Add([] {  // 8
    CaseEvent e = Ev(EventKind::kFeeNoticeIssued, "2025-03-20");
    e.fee_method = FeeMethod::kPerVolume;
    e.quantity = 150;
    e.amount_fen = 170000;
    return e;
  }());
  c.Add([] {  // 9
    CaseEvent e = Ev(EventKind::kFeePaid, "2025-03-24");
    e.ref = 8;
    return e;
  }());
  c.Add([] {  // 10
    CaseEvent e = Ev(EventKind::kClosed, "2025-04-15");
    e.outcome = Outcome::kPartial;
    e.text =
        "一、名单中各户的姓名、所在村组和补助金额，现予以公开，随本答复书邮寄纸质复印件。\n"
        "二、名单中各户的身份证号码、联系电话属于个人隐私，公开会对第三方合法权益造成损害，依照"
        "《中华人民共和国政府信息公开条例》第十五条的规定不予公开，已作区分处理。";
    return e;
  }());
  return c;
}

TEST(CaseLettersTest, AvailableLettersFollowTheEvents) {
  Case c = FullCase();
  ASSERT_EQ(c.app().events.size(), 10u);
  using P = std::pair<LetterKind, int>;
  EXPECT_EQ(AvailableLetters(c.app()), (std::vector<P>{{LetterKind::kReceipt, 1},
                                                       {LetterKind::kCorrection, 2},
                                                       {LetterKind::kConsultation, 4},
                                                       {LetterKind::kExtension, 7},
                                                       {LetterKind::kFeeNotice, 8},
                                                       {LetterKind::kAnswer, 10}}));
  // Every one builds and renders; GONGKAI_LETTERS_OUT=dir keeps them for people to look at.
  const char* out = std::getenv("GONGKAI_LETTERS_OUT");
  for (auto [kind, seq] : AvailableLetters(c.app())) {
    auto l = c.Build(kind, seq);
    ASSERT_TRUE(l.ok()) << Code(kind) << " " << l.status().ToString();
    auto pdf = RenderLetterPdf(*l);
    auto docx = RenderLetterDocx(*l);
    ASSERT_TRUE(pdf.ok() && docx.ok()) << Code(kind);
    if (out != nullptr) {
      std::filesystem::create_directories(out);
      std::string base = std::string(out) + "/" + std::string(Code(kind));
      std::ofstream(base + ".pdf", std::ios::binary) << *pdf;
      std::ofstream(base + ".docx", std::ios::binary) << *docx;
    }
  }
  // A receipt date recorded without its event still gives a receipt (0 = the case's receipt).
  Application old = c.app();
  old.events.erase(old.events.begin());
  EXPECT_EQ(AvailableLetters(old).front(), (P{LetterKind::kReceipt, 0}));
}

TEST(CaseLettersTest, CaseAsOfKeepsTheEventsUpToOne) {
  Case c = FullCase();
  Application at2 = CaseAsOf(c.app(), 2);
  EXPECT_EQ(at2.events.size(), 2u);
  EXPECT_EQ(at2.state, CaseState::kAwaitingCorrection);
  EXPECT_EQ(at2.receipt_date, D("2025-03-04"));
  EXPECT_FALSE(at2.outcome);
  EXPECT_FALSE(at2.closed_on);
  EXPECT_EQ(CaseAsOf(c.app(), 10).state, CaseState::kClosed);
  EXPECT_EQ(CaseAsOf(c.app(), 0).events.size(), 10u);
  // The extension letter states the due date as approved: day 0 is the corrected application's
  // 10 March, 20 + 20 working days, 3 paused by the consultation, 4-6 April and 1-5 May off, 27
  // April a working Sunday → 13 May.
  Deadline d = ComputeDeadline(CaseAsOf(c.app(), 7), c.calendar());
  ASSERT_TRUE(d.due);
  auto l = c.Build(LetterKind::kExtension, 7);
  ASSERT_TRUE(l.ok());
  EXPECT_NE(AllText(*l).find(d.due->ToChinese()), std::string::npos);
  EXPECT_EQ(*d.due, D("2025-05-13"));
}

}  // namespace
}  // namespace gongkai::render
