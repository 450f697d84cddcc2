#include "core/disclosure/decision_figures.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "core/report/cell_parse.h"
#include "core/text.h"

namespace gongkai::disclosure {

Status ValidateDecisionFigures(const DecisionFigures& f, Date today) {
  if (f.year < kFirstFiguresYear || f.year > today.year()) {
    return InvalidArgument("year: " + std::to_string(f.year) + " is not between " +
                               std::to_string(kFirstFiguresYear) + " and " +
                               std::to_string(today.year()),
                           "年度应在" + std::to_string(kFirstFiguresYear) + "年至" +
                               std::to_string(today.year()) + "年之间");
  }
  const std::pair<int64_t, const char*> counts[] = {
      {f.licensing, "licensing"}, {f.penalty, "penalty"}, {f.coercion, "coercion"}};
  const char* labels_zh[] = {"行政许可", "行政处罚", "行政强制"};
  for (size_t i = 0; i < 3; ++i) {
    if (counts[i].first < 0 || counts[i].first > kMaxDecisionCount) {
      return InvalidArgument(std::string(counts[i].second) + ": " +
                                 std::to_string(counts[i].first) +
                                 " is not a count between 0 and " +
                                 std::to_string(kMaxDecisionCount),
                             std::string(labels_zh[i]) + "决定数量应为不小于0的整数");
    }
  }
  if (f.fee_fen < 0 || f.fee_fen > kMaxFeeFen) {
    return InvalidArgument("fee_fen: " + std::to_string(f.fee_fen) + " is out of range",
                           "行政事业性收费金额应为不小于0的金额（万元）");
  }
  return OkStatus();
}

void TallyTable2Figures(const DecisionFigures& f, report::ReportData& data) {
  data.Set("t2.licensing.decisions", f.licensing);
  data.Set("t2.penalty.decisions", f.penalty);
  data.Set("t2.coercion.decisions", f.coercion);
  data.Set("t2.fees.amount", f.fee_fen);
}

namespace {

enum Column { kAgency, kYear, kLicensing, kPenalty, kCoercion, kFee, kColumnCount };

struct ColumnDef {
  const char* key;
  const char* zh;  // the name a template file uses
  std::array<std::string_view, 4> aliases;  // besides key and zh, after HeaderKey
};

constexpr ColumnDef kColumns[kColumnCount] = {
    {"agency", "单位", {"单位名称", "agency_id", "agency_name", "单位id"}},
    {"year", "年度", {"年份", "", "", ""}},
    {"licensing", "行政许可", {"行政许可决定数量", "", "", ""}},
    {"penalty", "行政处罚", {"行政处罚决定数量", "", "", ""}},
    {"coercion", "行政强制", {"行政强制决定数量", "", "", ""}},
    {"fee", "行政事业性收费（万元）",
     {"行政事业性收费", "收费金额(万元)", "fee_wan_yuan", "fees"}},
};

// How a header cell is compared: full-width digits, parentheses and spaces normalised, ASCII
// lower-cased.
std::string HeaderKey(std::string_view s) {
  std::string t = report::AsciiDigits(TrimAscii(s));
  std::string out;
  for (size_t i = 0; i < t.size();) {
    if (t.compare(i, 3, "（") == 0) {
      out += '(';
      i += 3;
    } else if (t.compare(i, 3, "）") == 0) {
      out += ')';
      i += 3;
    } else {
      char c = t[i++];
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return out;
}

std::optional<Column> ColumnOf(std::string_view header) {
  std::string key = HeaderKey(header);
  if (key.empty()) return std::nullopt;
  for (int c = 0; c < kColumnCount; ++c) {
    const ColumnDef& d = kColumns[c];
    if (key == d.key || key == HeaderKey(d.zh)) return static_cast<Column>(c);
    for (std::string_view a : d.aliases) {
      if (!a.empty() && key == HeaderKey(a)) return static_cast<Column>(c);
    }
  }
  return std::nullopt;
}

class Problems {
 public:
  explicit Problems(std::vector<CsvProblem>* out) : out_(out) {}
  void Add(int line, int column, const std::string& en, const std::string& zh) {
    CsvProblem p;
    p.line = line;
    std::string where_en = line > 0 ? "line " + std::to_string(line) : "file";
    std::string where_zh = line > 0 ? "第" + std::to_string(line) + "行" : "文件";
    if (column >= 0) {
      p.column = kColumns[column].key;
      where_en += ", column " + p.column;
      where_zh += std::string("“") + kColumns[column].zh + "”列";
    }
    p.message = where_en + ": " + en;
    p.message_zh = where_zh + "：" + zh;
    out_->push_back(std::move(p));
  }

 private:
  std::vector<CsvProblem>* out_;
};

// A figure cell: a count, or money in 万元 for the fee. Reports a problem and returns false when
// it is not one.
bool ReadFigure(std::string_view raw, int line, int column, Problems& problems, int64_t* out) {
  std::string s = report::AsciiDigits(TrimAscii(raw));
  const bool money = column == kFee;
  if (s.empty()) {
    problems.Add(line, column, "the value is missing", "未填写数值");
    return false;
  }
  bool negative = s[0] == '-';
  std::string_view digits = negative ? std::string_view(s).substr(1) : std::string_view(s);
  int64_t v = 0;
  bool ok = money ? report::ParseWanYuan(digits, &v) : report::ParseCount(digits, &v);
  if (!ok) {
    problems.Add(line, column,
                 "'" + std::string(raw) + "' is not " +
                     (money ? "an amount in 10,000 yuan with at most four decimals"
                            : "a whole number"),
                 "“" + std::string(raw) + "”" +
                     (money ? "不是金额（单位万元，最多四位小数）" : "不是整数"));
    return false;
  }
  if (negative && v != 0) {
    problems.Add(line, column, "'" + std::string(raw) + "' is negative",
                 "“" + std::string(raw) + "”为负数，应不小于0");
    return false;
  }
  *out = v;
  return true;
}

}  // namespace

std::string FiguresCsvHeader() {
  std::string out;
  for (const ColumnDef& d : kColumns) out += (out.empty() ? "" : ",") + std::string(d.zh);
  return out;
}

FiguresCsv ReadFiguresCsv(std::span<const CsvLine> records, std::span<const AgencyName> agencies,
                          Date today) {
  FiguresCsv out;
  Problems problems(&out.problems);
  // Blank records (an empty line, a trailing separator line) are ignored.
  auto blank = [](const CsvLine& r) {
    return std::all_of(r.fields.begin(), r.fields.end(),
                       [](const std::string& f) { return TrimAscii(f).empty(); });
  };
  size_t first = 0;
  while (first < records.size() && blank(records[first])) ++first;
  if (first == records.size()) {
    problems.Add(0, -1, "the file is empty: a header line and at least one row are needed",
                 "文件为空：需要表头行和至少一行数据");
    return out;
  }
  // The header.
  const CsvLine& header = records[first];
  std::array<int, kColumnCount> index;
  index.fill(-1);
  bool header_ok = true;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::optional<Column> c = ColumnOf(header.fields[i]);
    if (!c) {
      problems.Add(header.line, -1,
                   "unknown column '" + header.fields[i] + "' (expected " + FiguresCsvHeader() +
                       ")",
                   "无法识别的列“" + header.fields[i] + "”（表头应为：" + FiguresCsvHeader() +
                       "）");
      header_ok = false;
    } else if (index[*c] >= 0) {
      problems.Add(header.line, *c, "the column appears twice", "该列重复出现");
      header_ok = false;
    } else {
      index[*c] = static_cast<int>(i);
    }
  }
  for (int c = 0; c < kColumnCount; ++c) {
    if (index[c] < 0) {
      problems.Add(header.line, c, "the column is missing from the header", "表头缺少该列");
      header_ok = false;
    }
  }
  if (!header_ok) return out;

  std::map<std::pair<int64_t, int>, int> seen;  // (agency, year) → line
  bool any = false;
  for (size_t r = first + 1; r < records.size(); ++r) {
    const CsvLine& rec = records[r];
    if (blank(rec)) continue;
    any = true;
    if (rec.fields.size() != header.fields.size()) {
      problems.Add(rec.line, -1,
                   std::to_string(rec.fields.size()) + " fields, but the header has " +
                       std::to_string(header.fields.size()),
                   "有" + std::to_string(rec.fields.size()) + "列，与表头的" +
                       std::to_string(header.fields.size()) + "列不符");
      continue;
    }
    auto field = [&](int c) { return std::string(TrimAscii(rec.fields[index[c]])); };
    DecisionFigures f;
    bool ok = true;
    // Agency: an id, else an exact full name.
    std::string agency = field(kAgency);
    int64_t id = 0;
    const AgencyName* found = nullptr;
    if (agency.empty()) {
      problems.Add(rec.line, kAgency, "the agency is missing", "未填写单位");
      ok = false;
    } else {
      if (report::ParseCount(agency, &id)) {
        for (const AgencyName& a : agencies)
          if (a.id == id) found = &a;
      } else {
        for (const AgencyName& a : agencies)
          if (a.name == agency) found = &a;
      }
      if (found == nullptr) {
        problems.Add(rec.line, kAgency, "no agency '" + agency + "' (give its id or full name)",
                     "没有单位“" + agency + "”（请填写单位编号或完整名称）");
        ok = false;
      } else {
        f.agency_id = found->id;
      }
    }
    // Year.
    std::string year_text = report::AsciiDigits(field(kYear));
    int64_t year = 0;
    if (!report::ParseCount(year_text, &year)) {
      problems.Add(rec.line, kYear,
                   year_text.empty() ? "the year is missing" : "'" + year_text + "' is not a year",
                   year_text.empty() ? "未填写年度" : "“" + year_text + "”不是年度");
      ok = false;
    } else if (year < kFirstFiguresYear || year > today.year()) {
      problems.Add(rec.line, kYear,
                   std::to_string(year) + " is not between " + std::to_string(kFirstFiguresYear) +
                       " and " + std::to_string(today.year()),
                   std::to_string(year) + "年不在" + std::to_string(kFirstFiguresYear) + "年至" +
                       std::to_string(today.year()) + "年之间");
      ok = false;
    } else {
      f.year = static_cast<int>(year);
    }
    ok = ReadFigure(rec.fields[index[kLicensing]], rec.line, kLicensing, problems, &f.licensing) &&
         ok;
    ok = ReadFigure(rec.fields[index[kPenalty]], rec.line, kPenalty, problems, &f.penalty) && ok;
    ok = ReadFigure(rec.fields[index[kCoercion]], rec.line, kCoercion, problems, &f.coercion) &&
         ok;
    ok = ReadFigure(rec.fields[index[kFee]], rec.line, kFee, problems, &f.fee_fen) && ok;
    if (f.agency_id > 0 && f.year > 0) {
      auto [it, inserted] = seen.emplace(std::make_pair(f.agency_id, f.year), rec.line);
      if (!inserted) {
        problems.Add(rec.line, -1,
                     "the same agency and year as line " + std::to_string(it->second),
                     "与第" + std::to_string(it->second) + "行的单位和年度重复");
        ok = false;
      }
    }
    if (ok) {
      out.rows.push_back(f);
      out.lines.push_back(rec.line);
    }
  }
  if (!any) {
    problems.Add(0, -1, "the file has a header but no rows", "文件只有表头，没有数据行");
  }
  return out;
}

}  // namespace gongkai::disclosure
