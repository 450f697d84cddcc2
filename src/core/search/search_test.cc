#include "core/search/search.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gongkai::search {
namespace {

using Tokens = std::vector<std::string>;

// What a storage adapter would do with the tokens: is the phrase in the document's token list?
bool EngineMatches(const Tokens& doc, const QueryTerm& term) {
  const size_t k = term.tokens.size();
  for (size_t i = 0; i + k <= doc.size(); ++i) {
    bool ok = true;
    for (size_t j = 0; ok && j < k; ++j) {
      const bool last = j + 1 == k;
      ok = last && term.prefix ? doc[i + j].starts_with(term.tokens[j])
                               : doc[i + j] == term.tokens[j];
    }
    if (ok) return true;
  }
  return false;
}

bool EngineMatches(std::string_view text, std::string_view query) {
  QueryPlan plan = PlanQuery(query);
  if (plan.empty()) return false;
  Tokens doc = IndexTokens(text);
  for (const QueryTerm& t : plan.terms) {
    if (!EngineMatches(doc, t)) return false;
  }
  return true;
}

std::string Render(const std::vector<SnippetPiece>& pieces) {
  std::string out;
  for (const SnippetPiece& p : pieces) out += p.marked ? "[" + p.text + "]" : p.text;
  return out;
}

// ---- Normalize ------------------------------------------------------------------------------

TEST(SearchNormalizeTest, FoldsFullWidthSpacesAndCase) {
  EXPECT_EQ(Normalize("ＡＢＣ１２３　ｘｙｚ"), "abc123 xyz");
  EXPECT_EQ(Normalize("２０２３年ＧＯＶ．ＣＮ"), "2023年gov.cn");
  EXPECT_EQ(Normalize("Hello\xC2\xA0World"), "hello world");     // NBSP
  EXPECT_EQ(Normalize("（一）！＂＃＆＇＊～"), "(一)!\"#&'*~");  // full-width punctuation
  EXPECT_EQ(Normalize("人民政府"), "人民政府");
  EXPECT_EQ(Normalize(""), "");
}

TEST(SearchNormalizeTest, SkipsInvalidUtf8) {
  EXPECT_EQ(Normalize("a\xFF人\xE4\xBA"), "a人");      // stray byte, truncated character
  EXPECT_EQ(Normalize("\xC0\xAF\xED\xA0\x80x"), "x");  // overlong '/', surrogate: every byte goes
  EXPECT_EQ(Normalize("\xF4\x90\x80\x80政"), "政");    // > U+10FFFF
  EXPECT_EQ(Normalize("\x80\x80\x80"), "");
}

TEST(SearchNormalizeTest, IsIdempotent) {
  for (std::string s : {"ＡＢＣ　１", "人民 Gov\xFF", "（２０２３）年"}) {
    EXPECT_EQ(Normalize(Normalize(s)), Normalize(s)) << s;
  }
}

// ---- Index tokens ---------------------------------------------------------------------------

TEST(SearchIndexTest, BigramsThenTheLastUnigram) {
  EXPECT_EQ(IndexTokens("中华人民共和国"),
            (Tokens{"中华", "华人", "人民", "民共", "共和", "和国", "国"}));
  EXPECT_EQ(IndexTokens("乡"), (Tokens{"乡"}));
  EXPECT_EQ(IndexTokens("人民，政府。"), (Tokens{"人民", "民", "政府", "府"}));
  EXPECT_EQ(IndexText("人民，政府。"), "人民 民 政府 府");
}

TEST(SearchIndexTest, LettersAndDigitsAreWords) {
  EXPECT_EQ(IndexTokens("2023年政务公开"), (Tokens{"2023", "年政", "政务", "务公", "公开", "开"}));
  EXPECT_EQ(IndexTokens("２０２３年"), (Tokens{"2023", "年"}));
  EXPECT_EQ(IndexTokens("GB2312编码 www.Gov.cn"),
            (Tokens{"gb", "2312", "编码", "码", "www", "gov", "cn"}));
  // PostgreSQL's parser reads "1e10e" as the float 1e10 and the word e: letters and digits are
  // separate words so that no token is ever split by an engine.
  EXPECT_EQ(IndexTokens("1e10e"), (Tokens{"1", "e", "10", "e"}));
}

TEST(SearchIndexTest, OtherScriptsAndSymbols) {
  EXPECT_EQ(IndexTokens("二〇二三年"), (Tokens{"二〇", "〇二", "二三", "三年", "年"}));
  EXPECT_EQ(IndexTokens("アニメ・マンガ"), (Tokens{"アニ", "ニメ", "メ", "マン", "ンガ", "ガ"}));
  EXPECT_EQ(IndexTokens("한국어"), (Tokens{"한국", "국어", "어"}));
  EXPECT_EQ(IndexTokens("𠮷野家"), (Tokens{"𠮷野", "野家", "家"}));  // extension B
  EXPECT_EQ(IndexTokens("café"), (Tokens{"caf"}));                   // é separates
  EXPECT_EQ(IndexTokens("①②③ ★ —— 《》"), Tokens{});
  EXPECT_EQ(IndexText("，。！？"), "");
  EXPECT_EQ(IndexText(""), "");
}

TEST(SearchIndexTest, LongWordsAreCut) {
  std::string word(200, 'a');
  Tokens t = IndexTokens(word + " 人");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], std::string(kMaxWordBytes, 'a'));
  EXPECT_EQ(t[1], "人");
}

TEST(SearchIndexTest, InvalidUtf8NeverCrashesAndNeverLeaks) {
  std::string bad = "人\xFF民\xC3政\xE4\xBA府\xF0\x9F";
  EXPECT_EQ(IndexTokens(bad), (Tokens{"人民", "民政", "政府", "府"}));
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
  for (const std::string& t : IndexTokens(all_bytes + all_bytes)) {
    EXPECT_EQ(Normalize(t), t);  // valid UTF-8, already normalised
  }
}

// ---- Query plans ----------------------------------------------------------------------------

TEST(SearchPlanTest, TwoCharacterQueryIsOneBigram) {
  QueryPlan p = PlanQuery("人民");
  ASSERT_EQ(p.terms.size(), 1u);
  EXPECT_EQ(p.terms[0], (QueryTerm{"人民", {"人民"}, false}));
  EXPECT_TRUE(EngineMatches("中华人民共和国", "人民"));
  EXPECT_TRUE(EngineMatches("为人民服务", "人民"));
  EXPECT_TRUE(EngineMatches("全体人民", "人民"));  // at the end of a run
  EXPECT_FALSE(EngineMatches("人，民", "人民"));   // not a substring
  EXPECT_FALSE(EngineMatches("民人", "人民"));
}

TEST(SearchPlanTest, OneCharacterQueryIsAPrefix) {
  QueryPlan p = PlanQuery("民");
  ASSERT_EQ(p.terms.size(), 1u);
  EXPECT_EQ(p.terms[0], (QueryTerm{"民", {"民"}, true}));
  EXPECT_TRUE(EngineMatches("人民", "民"));    // the final unigram
  EXPECT_TRUE(EngineMatches("民政局", "民"));  // a bigram's prefix
  EXPECT_TRUE(EngineMatches("民", "民"));
  EXPECT_FALSE(EngineMatches("人口", "民"));
}

TEST(SearchPlanTest, LongerCjkTermsAreBigramsWithoutTheUnigram) {
  EXPECT_EQ(PlanQuery("人民政府").terms[0].tokens, (Tokens{"人民", "民政", "政府"}));
  EXPECT_TRUE(EngineMatches("磁钟乡人民政府办公室", "人民政府"));
  EXPECT_FALSE(EngineMatches("人民的政府", "人民政府"));
  EXPECT_FALSE(EngineMatches("政府人民", "人民政府"));
}

TEST(SearchPlanTest, MixedDigitsAndHan) {
  QueryTerm t = PlanQuery("2023年").terms.at(0);
  EXPECT_EQ(t, (QueryTerm{"2023年", {"2023", "年"}, true}));
  EXPECT_TRUE(EngineMatches("2023年度报告", "2023年"));
  EXPECT_TRUE(EngineMatches("截至2023年底", "2023年"));
  EXPECT_FALSE(EngineMatches("2022年度报告", "2023年"));
  EXPECT_EQ(PlanQuery("2023年度").terms[0].tokens, (Tokens{"2023", "年度"}));
  EXPECT_FALSE(PlanQuery("2023年度").terms[0].prefix);
}

TEST(SearchPlanTest, FullWidthDigitsFoldToAscii) {
  EXPECT_EQ(PlanQuery("２０２３"), PlanQuery("2023"));
  EXPECT_EQ(PlanQuery("２０２３").terms[0], (QueryTerm{"2023", {"2023"}, true}));
  EXPECT_TRUE(EngineMatches("2023年", "２０２３"));
  EXPECT_TRUE(EngineMatches("２０２３年", "2023"));
  EXPECT_TRUE(EngineMatches("ＧＯＶ", "gov"));
  EXPECT_TRUE(EngineMatches("government", "GOV"));  // a word's prefix
}

TEST(SearchPlanTest, PunctuationInsideATermKeepsRunsApart) {
  QueryTerm t = PlanQuery("人民，政府").terms.at(0);
  EXPECT_EQ(t, (QueryTerm{"人民,政府", {"人民", "民", "政府"}, false}));  // ， folds to ,
  EXPECT_TRUE(EngineMatches("为了人民，政府工作", "人民，政府"));
  EXPECT_FALSE(EngineMatches("人民政府", "人民，政府"));
  // Leading and trailing punctuation is not part of the term.
  EXPECT_EQ(PlanQuery("“人民”").terms[0], (QueryTerm{"人民", {"人民"}, false}));
  EXPECT_EQ(PlanQuery("《条例》第十条").terms[0].text, "条例》第十条");
}

TEST(SearchPlanTest, WhitespaceSeparatesTermsAllOfWhichMustMatch) {
  QueryPlan p = PlanQuery("  人民\t政府　公开  人民 ");
  ASSERT_EQ(p.terms.size(), 3u);  // the repeated 人民 is dropped
  EXPECT_EQ(p.terms[0].text, "人民");
  EXPECT_EQ(p.terms[1].text, "政府");
  EXPECT_EQ(p.terms[2].text, "公开");
  EXPECT_FALSE(p.truncated);
  EXPECT_TRUE(EngineMatches("政府信息公开是人民的权利", "人民 政府 公开"));
  EXPECT_FALSE(EngineMatches("政府信息公开", "人民 政府 公开"));
}

TEST(SearchPlanTest, EmptyQueries) {
  for (std::string q : {"", "   ", "　", "，。、！", "\" * : & | ! <-> ( )", "\xFF\xFE", "——"}) {
    QueryPlan p = PlanQuery(q);
    EXPECT_TRUE(p.empty()) << q;
    EXPECT_EQ(ToFts5Match(p), "") << q;
    EXPECT_EQ(ToTsQuery(p), "") << q;
  }
}

TEST(SearchPlanTest, OperatorsAreOnlyEverWords) {
  QueryPlan p = PlanQuery("\" OR NEAR( * : & | ! <-> 人民:*");
  ASSERT_EQ(p.terms.size(), 3u);
  EXPECT_EQ(p.terms[0], (QueryTerm{"or", {"or"}, true}));
  EXPECT_EQ(p.terms[1], (QueryTerm{"near", {"near"}, true}));
  EXPECT_EQ(p.terms[2], (QueryTerm{"人民", {"人民"}, false}));
  EXPECT_EQ(ToFts5Match(p), R"("or" * AND "near" * AND "人民")");
  EXPECT_EQ(ToTsQuery(p), "'or':* & 'near':* & '人民'");

  QueryPlan q = PlanQuery(R"(a"b' c\d NOT x AND y)");
  EXPECT_EQ(ToFts5Match(q), R"("a b" * AND "c d" * AND "not" * AND "x" * AND "and" * AND "y" *)");
  EXPECT_EQ(ToTsQuery(q),
            R"(('a' <-> 'b':*) & ('c' <-> 'd':*) & 'not':* & 'x':* & 'and':* & 'y':*)");
}

TEST(SearchPlanTest, RenderersQuoteAndEscape) {
  QueryPlan p = PlanQuery("人民政府 2023年");
  EXPECT_EQ(ToFts5Match(p), R"("人民 民政 政府" AND "2023 年" *)");
  EXPECT_EQ(ToTsQuery(p), "('人民' <-> '民政' <-> '政府') & ('2023' <-> '年':*)");
  EXPECT_EQ(ToTsQuery(PlanQuery("人民政府")), "'人民' <-> '民政' <-> '政府'");
  // Tokens never hold quotes, but the renderers would escape them.
  QueryPlan odd;
  odd.terms.push_back(QueryTerm{"x", {"a\"b", "c'd\\e"}, true});
  EXPECT_EQ(ToFts5Match(odd), R"("a""b c'd\e" *)");
  EXPECT_EQ(ToTsQuery(odd), R"('a"b' <-> 'c''d\\e':*)");
}

TEST(SearchPlanTest, LongQueriesAreCut) {
  std::string long_query;
  for (int i = 0; i < 500; ++i) long_query += "政务公开";
  QueryPlan p = PlanQuery(long_query);
  EXPECT_TRUE(p.truncated);
  ASSERT_EQ(p.terms.size(), 1u);
  EXPECT_EQ(p.terms[0].text.size(), kMaxQueryChars * 3);
  EXPECT_EQ(p.terms[0].tokens.size(), kMaxQueryChars - 1);

  std::string many;
  for (int i = 0; i < 30; ++i) many += std::to_string(i) + " ";
  QueryPlan m = PlanQuery(many);
  EXPECT_TRUE(m.truncated);
  EXPECT_EQ(m.terms.size(), kMaxQueryTerms);

  EXPECT_FALSE(PlanQuery(std::string(kMaxQueryChars, 'a') + "   ").truncated);
  EXPECT_TRUE(PlanQuery(std::string(kMaxQueryChars + 1, 'a')).truncated);
  EXPECT_EQ(PlanQuery(std::string(1000, 'a')).terms[0].tokens[0], std::string(kMaxWordBytes, 'a'));
}

TEST(SearchPlanTest, InvalidUtf8InQueries) {
  EXPECT_EQ(PlanQuery("人\xFF民"), PlanQuery("人民"));
  QueryPlan p = PlanQuery("\xE4\xBA 政\x80府 \xF0");
  ASSERT_EQ(p.terms.size(), 1u);
  EXPECT_EQ(p.terms[0].text, "政府");
}

// ---- Contains and Snippet -------------------------------------------------------------------

TEST(SearchContainsTest, AllTermsAsSubstrings) {
  const std::string title = "磁钟乡人民政府２０２３年政府信息公开工作年度报告";
  EXPECT_TRUE(Contains(title, PlanQuery("人民政府")));
  EXPECT_TRUE(Contains(title, PlanQuery("2023年 公开")));
  EXPECT_TRUE(Contains(title, PlanQuery("民")));
  EXPECT_FALSE(Contains(title, PlanQuery("人民政府 申请")));
  EXPECT_FALSE(Contains(title, PlanQuery("")));
  // The engines ignore separators between runs; Contains does not.
  EXPECT_TRUE(EngineMatches("人民。政府", "人民，政府"));
  EXPECT_FALSE(Contains("人民。政府", PlanQuery("人民，政府")));
}

TEST(SearchSnippetTest, WindowAroundTheFirstHit) {
  const std::string text = "一二三四五六七八九十人民政府甲乙丙丁戊己庚辛壬癸";
  EXPECT_EQ(Render(Snippet(text, PlanQuery("人民政府"), 8)), "…九十[人民政府]甲乙…");
  EXPECT_EQ(Render(Snippet(text, PlanQuery("一二"), 6)), "[一二]三四五六…");
  EXPECT_EQ(Render(Snippet(text, PlanQuery("壬癸"), 6)), "…戊己庚辛[壬癸]");
  EXPECT_EQ(Render(Snippet(text, PlanQuery("人民政府"), 100)),
            "一二三四五六七八九十[人民政府]甲乙丙丁戊己庚辛壬癸");
  EXPECT_EQ(Render(Snippet(text, PlanQuery("没有"), 5)), "一二三四五…");
  EXPECT_TRUE(Snippet(text, PlanQuery("人民"), 0).empty());
  EXPECT_TRUE(Snippet("", PlanQuery("人民"), 10).empty());
  std::vector<SnippetPiece> pieces = Snippet(text, PlanQuery("人民"), 4);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0], (SnippetPiece{"…十", false}));
  EXPECT_EQ(pieces[1], (SnippetPiece{"人民", true}));
  EXPECT_EQ(pieces[2], (SnippetPiece{"政…", false}));
}

TEST(SearchSnippetTest, MarksEveryOccurrenceOfEveryTermInTheOriginalText) {
  const std::string text = "ＧＯＶ网站：Gov信息公开，公开目录（2023年）";
  EXPECT_EQ(Render(Snippet(text, PlanQuery("gov 公开 ２０２３"), 100)),
            "[ＧＯＶ]网站：[Gov]信息[公开]，[公开]目录（[2023]年）");
  // Overlapping and adjacent occurrences merge into one marked piece.
  EXPECT_EQ(Render(Snippet("哈哈哈哈，哈", PlanQuery("哈哈"), 10)), "[哈哈哈哈]，哈");
  EXPECT_EQ(Render(Snippet("人民政府", PlanQuery("人民 政府"), 10)), "[人民政府]");
  // A hit cut by the window is marked as far as it shows.
  EXPECT_EQ(Render(Snippet("甲乙丙丁人民政府信息", PlanQuery("丁人民政府信"), 3)), "…[丁人民]…");
}

TEST(SearchSnippetTest, InvalidUtf8IsLeftOut) {
  const std::string text = "前言\xFF\xFE人民\xE4政府\xC3";
  std::vector<SnippetPiece> pieces = Snippet(text, PlanQuery("人民政府"), 100);
  EXPECT_EQ(Render(pieces), "前言[人民政府]");
  for (const SnippetPiece& p : pieces) EXPECT_EQ(Normalize(p.text), p.text);
}

}  // namespace
}  // namespace gongkai::search
