#include "core/report/narrative_numbers.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include "core/report/cell_label.h"
#include "core/report/narrative_text.h"

namespace gongkai::report {

namespace {

using Text = std::u32string;
using View = std::u32string_view;

enum class Topic {
  kNew,
  kHandled,
  kReview,
  kSuits,
  kSuitDirect,
  kSuitAfter,
  kMade,
  kRepealed,
  kInForce
};

struct Anchor {
  View word;
  Topic topic;
};

// Longest first, so "复议后起诉" wins over "复议" at the same place.
constexpr Anchor kAnchors[] = {
    {U"未经复议直接起诉", Topic::kSuitDirect},
    {U"复议后起诉", Topic::kSuitAfter},
    {U"现行有效", Topic::kInForce},
    {U"直接起诉", Topic::kSuitDirect},
    {U"行政复议", Topic::kReview},
    {U"行政诉讼", Topic::kSuits},
    {U"复议", Topic::kReview},
    {U"诉讼", Topic::kSuits},
    {U"起诉", Topic::kSuits},
    {U"新收", Topic::kNew},
    {U"收到", Topic::kNew},
    {U"受理", Topic::kNew},
    {U"接到", Topic::kNew},
    {U"接收", Topic::kNew},
    {U"办结", Topic::kHandled},
    {U"答复", Topic::kHandled},
    {U"制发", Topic::kMade},
    {U"印发", Topic::kMade},
    {U"出台", Topic::kMade},
    {U"制定", Topic::kMade},
    {U"废止", Topic::kRepealed},
};

// Words that may stand between a keyword and its number without changing what is counted.
constexpr View kFiller[] = {U"政府信息公开申请",
                            U"信息公开申请",
                            U"公开申请",
                            U"申请",
                            U"依申请公开",
                            U"政府信息公开",
                            U"信息公开",
                            U"政府信息",
                            U"行政规范性文件",
                            U"规范性文件",
                            U"规章",
                            U"案件",
                            U"件数",
                            U"数量",
                            U"总数",
                            U"数",
                            U"各类",
                            U"共计",
                            U"共",
                            U"计",
                            U"合计",
                            U"总计",
                            U"了",
                            U"为",
                            U"的",
                            U"达",
                            U"案",
                            U"事项",
                            U"情况",
                            U"类",
                            U"相关",
                            U"行政",
                            U"已",
                            U"均",
                            U"全部",
                            U"新",
                            U"涉及",
                            U"因",
                            U"被申请",
                            U"被提起",
                            U"被",
                            U"提起",
                            U"引起",
                            U"工作",
                            U"方面",
                            U"：",
                            U":",
                            U"依法",
                            U"本年度",
                            U"本年",
                            U"全年",
                            U"年内",
                            U"本机关",
                            U"并",
                            U"且"};

// Between a negation and what it denies ("未收到任何组织或个人依法申请…").
constexpr View kNegationFiller[] = {
    U"任何",     U"组织",     U"或者",   U"或",     U"和",       U"及",   U"与",
    U"、",       U"个人",     U"公民",   U"法人",   U"其他组织", U"依法", U"政府信息公开",
    U"信息公开", U"政府信息", U"公开",   U"的",     U"新的",     U"有关", U"关于",
    U"向",       U"对",       U"本机关", U"本单位", U"本部门",   U"我",   U"乡",
    U"镇",       U"街道",     U"局",     U"委",     U"办",       U"县",   U"区",
    U"市",       U"提出",     U"提交",   U"书面",   U"因",       U"引起", U"涉及",
    U"被申请",   U"被提起",   U"被",     U"提起",   U"申请人",   U"行政", U"案件",
    U"一起",     U"工作",     U"相关",   U"针对"};

constexpr View kReceiptNegations[] = {U"没有收到", U"没有接到", U"未收到", U"未接到", U"未新收"};
constexpr View kOtherNegations[] = {U"没有发生", U"没有出现", U"未发生",
                                    U"未出现",   U"未产生",   U"未被"};

// A clause with one of these compares, divides or estimates: its numbers are not table values.
constexpr View kSkipWords[] = {U"上年", U"去年", U"上一年", U"同比", U"环比", U"较",
                               U"增长", U"增加", U"减少",   U"下降", U"上升", U"累计",
                               U"历年", U"其中", U"分别",   U"平均", U"占",   U"约",
                               U"近",   U"超过", U"以上",   U"多于", U"少于", U"不足"};

constexpr View kUnits = U"件个条起宗份次";
// After the unit, these make the number a duration or a count of something else.
constexpr View kAfterUnit[] = {U"工作日", U"月",   U"小时", U"天",   U"日",  U"人",
                               U"以上",   U"多",   U"余",   U"左右", U"批",  U"方面",
                               U"部门",   U"单位", U"村",   U"社区", U"平台"};

bool At(View s, size_t i, View w) { return s.substr(i, w.size()) == w; }
bool Has(View s, View w) { return s.find(w) != View::npos; }

// Whether s splits wholly into words of the list (empty s does).
template <size_t N>
bool Covered(View s, const View (&words)[N]) {
  std::vector<bool> reach(s.size() + 1, false);
  reach[0] = true;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!reach[i]) continue;
    for (View w : words) {
      if (At(s, i, w)) reach[i + w.size()] = true;
    }
  }
  return reach[s.size()];
}

// Full-width digits to ASCII; spaces out (published texts put them around numbers: "21 条").
Text Normalise(View s) {
  Text out(s.size(), U'\0');  // written through a pointer, then cut (as DecodeUtf8)
  char32_t* o = out.data();
  for (char32_t c : s) {
    if (c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0' || c == U'\r') continue;
    *o++ = c >= U'０' && c <= U'９' ? U'0' + (c - U'０') : c;
  }
  out.resize(static_cast<size_t>(o - out.data()));
  return out;
}

std::vector<View> Split(View s, bool (*is_break)(View, size_t)) {
  std::vector<View> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || is_break(s, i)) {
      if (i > start) out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool SentenceBreak(View s, size_t i) {
  switch (s[i]) {
    case U'。':
    case U'！':
    case U'？':
    case U'；':
    case U';':
    case U'!':
    case U'?':
    case U'\n':
      return true;
    default:
      return false;
  }
}

bool ClauseBreak(View s, size_t i) {
  switch (s[i]) {
    case U',':  // "1,234" keeps its comma
      return !(i > 0 && i + 1 < s.size() && IsDigit(s[i - 1]) && IsDigit(s[i + 1]));
    case U'，':
    case U'（':
    case U'）':
    case U'(':
    case U')':
    case U'【':
    case U'】':
      return true;
    default:
      return false;
  }
}

// A year other than the report's ("2022年") marks a comparison.
bool MentionsOtherYear(View s, int year) {
  for (size_t i = 0; i + 4 < s.size(); ++i) {
    if (s[i + 4] != U'年' || (i > 0 && IsDigit(s[i - 1]))) continue;
    int y = 0;
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) {
      digits &= IsDigit(s[i + k]);
      if (digits) y = y * 10 + DigitValue(s[i + k]);
    }
    if (digits && y != year) return true;
  }
  return false;
}

bool Skipped(View prefix, int year) {
  for (View w : kSkipWords) {
    if (Has(prefix, w)) return true;
  }
  return MentionsOtherYear(prefix, year);
}

struct Found {
  size_t begin, end;
  Topic topic;
};

// Whether c starts one of kAnchors: most characters do not, and are passed over at once.
bool StartsAnAnchor(char32_t c) {
  static const std::u32string kFirsts = [] {
    std::u32string firsts;
    for (const Anchor& a : kAnchors)
      if (firsts.find(a.word[0]) == std::u32string::npos) firsts += a.word[0];
    return firsts;
  }();
  return kFirsts.find(c) != std::u32string::npos;
}

std::vector<Found> Anchors(View clause) {
  std::vector<Found> out;
  for (size_t i = 0; i < clause.size();) {
    if (!StartsAnAnchor(clause[i])) {
      ++i;
      continue;
    }
    bool matched = false;
    for (const Anchor& a : kAnchors) {
      if (At(clause, i, a.word)) {
        out.push_back({i, i + a.word.size(), a.topic});
        i += a.word.size();
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  return out;
}

bool IsReviewOrSuit(Topic t) {
  return t == Topic::kReview || t == Topic::kSuits || t == Topic::kSuitDirect ||
         t == Topic::kSuitAfter;
}

// "N件": numbers followed by a counting unit, as (begin, end of number, value).
struct Number {
  size_t begin, end;
  int64_t value;
};

std::vector<Number> Numbers(View clause) {
  std::vector<Number> out;
  for (size_t i = 0; i < clause.size();) {
    bool arabic = IsDigit(clause[i]);
    if (!arabic && !IsChineseNumeral(clause[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < clause.size() &&
           (arabic ? IsDigit(clause[j]) || clause[j] == U',' : IsChineseNumeral(clause[j])))
      ++j;
    size_t begin = i;
    i = j;
    if (j >= clause.size() || !Has(kUnits, View(&clause[j], 1))) continue;
    if (begin > 0 && (clause[begin - 1] == U'第' || clause[begin - 1] == U'.')) continue;
    bool other_thing = false;
    for (View w : kAfterUnit) other_thing |= At(clause, j + 1, w);
    if (other_thing) continue;
    Text digits;
    for (size_t k = begin; k < j; ++k) {
      if (clause[k] != U',') digits.push_back(clause[k]);
    }
    if (auto v = ParseNumber(digits)) out.push_back({begin, j, *v});
  }
  return out;
}

std::vector<std::string> CellsFor(Topic t, View filler) {
  std::string kind = Has(filler, U"规范性文件") ? "normative" : Has(filler, U"规章") ? "rules" : "";
  switch (t) {
    case Topic::kNew:
      return {"t3.new.total"};
    case Topic::kHandled:
      return {"t3.handled_total.total"};
    case Topic::kReview:
      return {"t4.review.total"};
    case Topic::kSuits:
      return {"t4.suit_direct.total", "t4.suit_after_review.total"};
    case Topic::kSuitDirect:
      return {"t4.suit_direct.total"};
    case Topic::kSuitAfter:
      return {"t4.suit_after_review.total"};
    case Topic::kMade:
      return kind.empty() ? std::vector<std::string>{} : std::vector{"t2." + kind + ".made"};
    case Topic::kRepealed:
      return kind.empty() ? std::vector<std::string>{} : std::vector{"t2." + kind + ".repealed"};
    case Topic::kInForce:
      return kind.empty() ? std::vector<std::string>{} : std::vector{"t2." + kind + ".in_force"};
  }
  return {};
}

// "未收到…申请", "未发生…行政复议、行政诉讼": zero claims. Returns true when the clause had a
// negation (its numbers are then not read either).
bool Negations(View clause, const std::vector<Found>& anchors,
               std::vector<std::vector<std::string>>* zeros) {
  size_t at = View::npos, len = 0;
  bool receipt = false;
  for (View w : kReceiptNegations) {
    size_t p = clause.find(w);
    if (p < at) at = p, len = w.size(), receipt = true;
  }
  for (View w : kOtherNegations) {
    size_t p = clause.find(w);
    if (p < at) at = p, len = w.size(), receipt = false;
  }
  if (at == View::npos) return false;
  bool review_or_suit = false;
  for (const Found& a : anchors) review_or_suit |= IsReviewOrSuit(a.topic);
  size_t from = at + len;
  if (review_or_suit) {
    // Each review or suit keyword after the negation, reached through filler words only.
    for (const Found& a : anchors) {
      if (a.begin < from) continue;
      if (!IsReviewOrSuit(a.topic) ||
          !Covered(clause.substr(from, a.begin - from), kNegationFiller))
        break;
      zeros->push_back(CellsFor(a.topic, U""));
      from = a.end;
    }
    return true;
  }
  if (!receipt || !(Has(clause, U"公开") || Has(clause, U"信息"))) return true;
  size_t request = clause.find(U"申请", from);
  if (request == View::npos || !Covered(clause.substr(from, request - from), kNegationFiller))
    return true;
  if (At(clause, request, U"申请人")) return true;  // "未收到申请人…" denies something else
  zeros->push_back({"t3.new.total"});
  return true;
}

std::string Shorten(View sentence) {
  constexpr size_t kMax = 80;
  if (sentence.size() <= kMax) return EncodeUtf8(sentence);
  return EncodeUtf8(sentence.substr(0, kMax)) + "…";
}

}  // namespace

std::vector<NarrativeClaim> ExtractClaims(std::string_view text, int year) {
  std::vector<NarrativeClaim> out;
  Text all = Normalise(DecodeUtf8(text));
  for (View sentence : Split(all, SentenceBreak)) {
    bool mentions_request = Has(sentence, U"申请");
    bool mentions_carry = Has(sentence, U"结转");
    std::string quoted;  // the sentence as claims quote it, made for the first claim
    auto quote = [&] {
      if (quoted.empty()) quoted = Shorten(sentence);
      return quoted;
    };
    for (View clause : Split(sentence, ClauseBreak)) {
      std::vector<Found> anchors = Anchors(clause);
      if (anchors.empty()) continue;
      std::vector<std::vector<std::string>> zeros;
      if (Negations(clause, anchors, &zeros)) {
        if (Skipped(clause, year)) continue;
        for (auto& cells : zeros) out.push_back({quote(), std::move(cells), 0, {}});
        continue;
      }
      for (const Number& n : Numbers(clause)) {
        // The nearest keyword before the number, and nothing but filler in between.
        const Found* a = nullptr;
        for (const Found& f : anchors) {
          if (f.end <= n.begin) a = &f;
        }
        if (a == nullptr) continue;
        if (a->begin > 0 && Has(U"不未没无非", View(&clause[a->begin - 1], 1)))
          continue;  // 不予受理
        View filler = clause.substr(a->end, n.begin - a->end);
        if (!Covered(filler, kFiller) || Skipped(clause.substr(0, n.end), year)) continue;
        if (a->topic == Topic::kNew && !Has(filler, U"申请")) continue;
        if (a->topic == Topic::kHandled && !mentions_request) continue;
        std::vector<std::string> cells = CellsFor(a->topic, filler);
        if (cells.empty()) continue;
        std::vector<std::string> alternative;
        if (a->topic == Topic::kNew && mentions_carry)
          alternative = {"t3.new.total", "t3.carried_in.total"};
        out.push_back({quote(), std::move(cells), n.value, std::move(alternative)});
      }
    }
  }
  return out;
}

std::vector<Violation> CheckNarrativeNumbers(const FormatDef& f, const ReportData& r) {
  std::vector<Violation> out;
  std::set<std::tuple<std::string, std::vector<std::string>, int64_t>> seen;
  for (const char* numeral : {"一", "六"}) {
    auto it = r.narrative.find(numeral);
    if (it == r.narrative.end() || it->second.empty()) continue;
    for (const NarrativeClaim& c : ExtractClaims(it->second, r.year)) {
      // Table value; skipped when the format lacks a cell or a cell is not a number.
      auto sum = [&](const std::vector<std::string>& cells) -> std::optional<int64_t> {
        int64_t total = 0;
        for (const auto& cell : cells) {
          auto v = r.cells.find(cell);
          if (!f.HasCell(cell) || v == r.cells.end() || v->second.state != CellState::kNumber)
            return std::nullopt;
          total += v->second.value;
        }
        return total;
      };
      std::optional<int64_t> table = sum(c.cells);
      if (!table || *table == c.stated) continue;
      if (!c.alternative.empty() && sum(c.alternative) == c.stated) continue;
      if (!seen.insert({c.sentence, c.cells, c.stated}).second) continue;
      std::string label_zh, label_en;
      for (const auto& cell : c.cells) {
        label_zh += (label_zh.empty() ? "" : "与") + CellLabel(f, cell);
        label_en += (label_en.empty() ? "" : " + ") + cell;
      }
      if (c.cells.size() > 1) label_zh += "之和";
      std::string s = numeral;
      out.push_back({"N-01", Severity::kWarning, c.cells, *table, c.stated, true,
                     "第" + s + "部分“" + c.sentence + "”所述数字为" + std::to_string(c.stated) +
                         "，与" + label_zh + "（" + std::to_string(*table) + "）不一致",
                     "section " + s + " says " + std::to_string(c.stated) + " in \"" + c.sentence +
                         "\" but " + label_en + " is " + std::to_string(*table)});
    }
  }
  return out;
}

}  // namespace gongkai::report
