#include "core/disclosure/normative_document.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/testing/loaded_calendar.h"

namespace gongkai::disclosure {
namespace {

using testing::D;

NormativeDocument Doc(DocumentKind kind, const char* made, const char* repealed = nullptr) {
  NormativeDocument d;
  d.kind = kind;
  d.title = "关于印发某办法的通知";
  d.number = "湖政〔2024〕1号";
  d.made_on = D(made);
  if (repealed) d.repealed_on = D(repealed);
  return d;
}

TEST(NormativeDocumentTest, Validation) {
  const Date today = D("2025-06-30");
  struct Case {
    const char* name;
    NormativeDocument doc;
    bool ok;
    const char* zh;  // part of the UI message when refused
  };
  NormativeDocument no_title = Doc(DocumentKind::kRule, "2024-01-01");
  no_title.title = "  ";
  NormativeDocument no_number = Doc(DocumentKind::kRule, "2024-01-01");
  no_number.number = "";
  Case cases[] = {
      {"in force", Doc(DocumentKind::kNormative, "2024-03-01"), true, ""},
      {"repealed later", Doc(DocumentKind::kNormative, "2024-03-01", "2025-01-02"), true, ""},
      {"repealed the same day", Doc(DocumentKind::kRule, "2024-03-01", "2024-03-01"), true, ""},
      {"made today", Doc(DocumentKind::kRule, "2025-06-30"), true, ""},
      {"made tomorrow", Doc(DocumentKind::kRule, "2025-07-01"), false, "制发日期不能晚于今天"},
      {"repealed in the future", Doc(DocumentKind::kRule, "2024-03-01", "2025-07-01"), false,
       "废止日期不能晚于今天"},
      {"repealed before made", Doc(DocumentKind::kRule, "2024-03-01", "2024-02-29"), false,
       "废止日期不能早于制发日期"},
      {"no title", no_title, false, "文件标题"},
      {"no number", no_number, false, "发文字号"},
  };
  for (const Case& c : cases) {
    Status st = ValidateNormativeDocument(c.doc, today);
    EXPECT_EQ(st.ok(), c.ok) << c.name << ": " << st.ToString();
    if (!c.ok) {
      EXPECT_NE(st.ui_message().find(c.zh), std::string::npos) << c.name;
    }
  }
}

TEST(NormativeDocumentTest, NormaliseTrimsTitleAndNumber) {
  NormativeDocument d = Doc(DocumentKind::kRule, "2024-01-01");
  d.title = " 标题\t";
  d.number = " 湖政〔2024〕1号 ";
  Normalise(d);
  EXPECT_EQ(d.title, "标题");
  EXPECT_EQ(d.number, "湖政〔2024〕1号");
}

TEST(NormativeDocumentTest, TallyCountsMadeRepealedAndInForceAtYearEnd) {
  std::vector<NormativeDocument> docs = {
      Doc(DocumentKind::kNormative, "2022-05-01"),                // in force since before
      Doc(DocumentKind::kNormative, "2022-05-01", "2024-12-31"),  // repealed on the last day
      Doc(DocumentKind::kNormative, "2024-01-01"),                // made in the year
      Doc(DocumentKind::kNormative, "2024-02-01", "2024-11-30"),  // made and repealed in it
      Doc(DocumentKind::kNormative, "2025-01-01"),                // made after the year
      Doc(DocumentKind::kNormative, "2023-01-01", "2025-01-01"),  // repealed after the year
      Doc(DocumentKind::kRule, "2024-06-01"),
      Doc(DocumentKind::kRule, "2020-06-01", "2023-06-01"),  // repealed before the year
  };
  report::ReportData data;
  TallyTable2Documents(docs, 2024, data);
  EXPECT_EQ(data.Get("t2.normative.made"), 2);
  EXPECT_EQ(data.Get("t2.normative.repealed"), 2);
  EXPECT_EQ(data.Get("t2.normative.in_force"), 3);  // 2022-05-01, 2024-01-01, 2023-01-01
  EXPECT_EQ(data.Get("t2.rules.made"), 1);
  EXPECT_EQ(data.Get("t2.rules.repealed"), 0);
  EXPECT_EQ(data.Get("t2.rules.in_force"), 1);
  EXPECT_EQ(data.cells.size(), 6u);

  // Y-02 holds between consecutive years when both are counted from the same register.
  for (int year = 2021; year <= 2025; ++year) {
    report::ReportData prev, cur;
    TallyTable2Documents(docs, year - 1, prev);
    TallyTable2Documents(docs, year, cur);
    for (const char* row : {"t2.rules.", "t2.normative."}) {
      std::string r = row;
      EXPECT_EQ(cur.Get(r + "in_force"),
                prev.Get(r + "in_force") + cur.Get(r + "made") - cur.Get(r + "repealed"))
          << row << year;
    }
  }
}

TEST(NormativeDocumentTest, FilterByKindStateAndYear) {
  const Date today = D("2025-06-30");
  NormativeDocument in_force = Doc(DocumentKind::kNormative, "2024-03-01");
  NormativeDocument repealed = Doc(DocumentKind::kRule, "2022-03-01", "2025-01-10");
  DocumentFilter rules{.kind = DocumentKind::kRule, .in_force = {}, .year = {}};
  EXPECT_FALSE(Matches(rules, in_force, today));
  EXPECT_TRUE(Matches(rules, repealed, today));
  DocumentFilter current{.kind = {}, .in_force = true, .year = {}};
  EXPECT_TRUE(Matches(current, in_force, today));
  EXPECT_FALSE(Matches(current, repealed, today));
  DocumentFilter y2025{.kind = {}, .in_force = {}, .year = 2025};
  EXPECT_FALSE(Matches(y2025, in_force, today));
  EXPECT_TRUE(Matches(y2025, repealed, today));  // repealed in 2025
  DocumentFilter y2022{.kind = {}, .in_force = {}, .year = 2022};
  EXPECT_TRUE(Matches(y2022, repealed, today));  // made in 2022
}

TEST(NormativeDocumentTest, CodesAndLabels) {
  for (DocumentKind k : kAllDocumentKinds) EXPECT_EQ(ParseDocumentKind(Code(k)), k);
  EXPECT_EQ(Label(DocumentKind::kRule), "规章");
  EXPECT_EQ(Label(DocumentKind::kNormative), "行政规范性文件");
  EXPECT_EQ(TableRow(DocumentKind::kRule), "rules");
  EXPECT_FALSE(ParseDocumentKind("rules").has_value());
}

}  // namespace
}  // namespace gongkai::disclosure
