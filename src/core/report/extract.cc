#include "core/report/extract.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_set>

#include "core/report/cell_label.h"
#include "core/report/cell_parse.h"
#include "core/report/extract_text.h"

namespace gongkai::report {
namespace {

// ---------------------------------------------------------------------------------------------
// Tokens: the cells of a block, classified.

enum class TokenKind { kEmpty, kValue, kText };

struct Token {
  std::string text;  // width-normalised, trimmed
  int column = -1;
  TokenKind kind = TokenKind::kText;
};

std::string_view TrimmedView(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) --b;
  return s.substr(a, b - a);
}

std::string Trim(std::string_view s) { return std::string(TrimmedView(s)); }

// Whether every character of t is one a figure can be written with, before AsciiDigits: digits,
// separators, dashes, spaces, "万元", in ASCII or full width. Labels fail at their first character,
// without the copy AsciiDigits makes.
bool HasOnlyFigureCharacters(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    auto b = static_cast<unsigned char>(t[i]);
    if (b < 0x80) {
      if ((b < '0' || b > '9') && !std::strchr(".,-/ \t", b)) return false;
      ++i;
      continue;
    }
    if (b < 0xC0 || b >= 0xF0 || i + (b >= 0xE0 ? 2 : 1) >= t.size()) return false;
    auto cont = [&](size_t k) { return static_cast<unsigned char>(t[i + k]) & 0x3F; };
    char32_t c =
        b >= 0xE0 ? ((b & 0x0F) << 12) | (cont(1) << 6) | cont(2) : ((b & 0x1F) << 6) | cont(1);
    bool figure = (c >= 0xFF0C && c <= 0xFF19) || c == 0x2212 || c == 0x2013 || c == 0x2014 ||
                  c == 0x2015 || c == 0x3000 || c == 0xA0 || c == U'万' || c == U'元';
    if (!figure) return false;
    i += b >= 0xE0 ? 3 : 2;
  }
  return true;
}

bool IsValueText(std::string_view t) {
  // A figure is short ("12,345", "1.2346万元", "——"); prose is not worth normalising.
  if (t.empty() || t.size() > 40 || t.find(' ') != std::string_view::npos) return false;
  if (!HasOnlyFigureCharacters(t)) return false;
  std::string s = AsciiDigits(t);
  if (s.empty()) return false;
  if (IsDashText(s)) return true;
  if (s.ends_with("万元")) s.resize(s.size() - std::string_view("万元").size());
  if (s.starts_with("-") && s.size() > 1) s.erase(0, 1);
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c != '.' && c != ',')
      return false;
  }
  return digit && s.front() != '.' && s.back() != '.';
}

// A cell "予以公开 0 0" or "0 0 0" (columns one space apart) is split into its label and values.
void AppendTokens(const SourceCell& cell, std::vector<Token>* out) {
  // Most cells are a count in ASCII digits: a figure as it stands (what the general path below
  // finds for them, without its copies).
  const std::string_view raw = cell.text;
  if (!raw.empty() && raw.size() <= 40 &&
      std::all_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    out->push_back({std::string(raw), cell.column, TokenKind::kValue});
    return;
  }
  std::string text = NormaliseWidth(cell.text);
  if (std::string_view trimmed = TrimmedView(text); trimmed.size() != text.size())
    text = std::string(trimmed);  // most cells come trimmed: no second copy for them
  if (text.empty()) {
    out->push_back({"", cell.column, TokenKind::kEmpty});
    return;
  }
  if (IsValueText(text)) {
    out->push_back({std::move(text), cell.column, TokenKind::kValue});
    return;
  }
  // Prose (no label followed by figures is this long) or a single word: one text token.
  if (text.size() > 300 || text.find(' ') == std::string::npos) {
    out->push_back({std::move(text), cell.column, TokenKind::kText});
    return;
  }
  std::vector<std::pair<std::string, int>> parts;  // word, offset in the cell
  for (size_t i = 0; i < text.size();) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) parts.push_back({text.substr(i, j - i), static_cast<int>(i)});
    i = j + 1;
  }
  size_t first_value = parts.size();
  while (first_value > 0 && IsValueText(parts[first_value - 1].first)) --first_value;
  // "1. 属于…" keeps its list number; only trailing figures are split off.
  if (first_value == parts.size() || (first_value == 0 && parts.size() < 2)) {
    out->push_back({text, cell.column, TokenKind::kText});
    return;
  }
  if (first_value > 0) {
    std::string label = text.substr(0, static_cast<size_t>(parts[first_value].second));
    out->push_back({Trim(label), cell.column, TokenKind::kText});
  }
  for (size_t k = first_value; k < parts.size(); ++k) {
    int col = cell.column < 0 ? -1 : cell.column + parts[k].second;
    out->push_back({parts[k].first, col, TokenKind::kValue});
  }
}

struct Line {
  std::vector<Token> tokens;
  int line = 0;
  size_t block = 0;
  bool page_break_before = false;
  size_t FirstValue() const {
    for (size_t i = 0; i < tokens.size(); ++i)
      if (tokens[i].kind == TokenKind::kValue) return i;
    return tokens.size();
  }
  bool HasValues() const { return FirstValue() < tokens.size(); }
  // The tokens joined by spaces, and its TextKey. Format detection, headings, the title and the
  // money unit each ask for them, so they are made once, on first use: by then (after
  // MergeStackedFigures) the tokens no longer change.
  const std::string& Text() const {
    if (!text_) {
      text_.emplace();
      for (const auto& t : tokens) {
        if (t.text.empty()) continue;
        if (!text_->empty()) *text_ += ' ';
        *text_ += t.text;
      }
    }
    return *text_;
  }
  const std::string& Key() const {
    if (!key_) key_ = TextKey(Text());
    return *key_;
  }

 private:
  mutable std::optional<std::string> text_, key_;
};

std::vector<Line> Tokenise(const SourceDocument& doc) {
  std::vector<Line> lines;
  bool page_break = false;
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    const SourceBlock& block = doc.blocks[b];
    if (block.kind == BlockKind::kPageBreak) {
      page_break = true;
      continue;
    }
    Line line;
    line.tokens.reserve(block.cells.size());
    line.line = block.line;
    line.block = b;
    line.page_break_before = page_break;
    page_break = false;
    for (const auto& cell : block.cells) AppendTokens(cell, &line.tokens);
    bool any = false;
    for (const auto& t : line.tokens) any |= t.kind != TokenKind::kEmpty;
    if (any) lines.push_back(std::move(line));
  }
  return lines;
}

// pdftotext breaks a number too wide for its cell around the row's own line: "1234" on the line
// above, "5678" on the line below, at the same column, and a gap in the row between them. Such a
// pair is joined into one figure placed in the gap, and the two lines go.
bool DigitsOnly(const Line& line) {
  int64_t ignored;
  for (const auto& t : line.tokens)
    if (t.kind != TokenKind::kEmpty &&
        (t.kind != TokenKind::kValue || t.column < 0 || !ParseCount(t.text, &ignored)))
      return false;
  return true;
}

std::vector<const Token*> NonEmpty(const Line& line) {
  std::vector<const Token*> out;
  for (const auto& t : line.tokens)
    if (t.kind != TokenKind::kEmpty) out.push_back(&t);
  return out;
}

bool Overlaps(const Token& a, const Token& b) {
  int a_end = a.column + static_cast<int>(KeyLength(a.text));
  int b_end = b.column + static_cast<int>(KeyLength(b.text));
  return a.column < b_end && b.column < a_end;
}

// Figures of one row printed on several lines, as pdftotext lays out a row whose cells wrap or are
// centred vertically: a figure-only line next to a row's line (no text between) belongs to it. Each
// of its figures either continues the figure in the same column ("100" above "94" → 10094, "1234"
// above "567") or fills a gap in the row. Returns the row as it would become and how many figures
// were continued, or nothing when a figure would land on the row's label.
std::optional<std::pair<std::vector<Token>, size_t>> Attach(const Line& figures, const Line& row,
                                                            bool figures_above) {
  std::vector<Token> tokens = row.tokens;
  size_t joined = 0, count = 0;
  for (const Token* v : NonEmpty(figures)) {
    ++count;
    Token* hit = nullptr;
    for (auto& t : tokens)
      if (t.kind != TokenKind::kEmpty && t.column >= 0 && Overlaps(t, *v)) hit = &t;
    if (hit == nullptr) {
      tokens.push_back(*v);  // a gap in the row
      continue;
    }
    int64_t ignored;
    if (hit->kind != TokenKind::kValue || !ParseCount(hit->text, &ignored)) return std::nullopt;
    hit->text = figures_above ? v->text + hit->text : hit->text + v->text;
    ++joined;
  }
  // A whole row of figures under another is the next row's, not the rest of this one.
  if (count >= 3 && joined == count) return std::nullopt;
  std::stable_sort(tokens.begin(), tokens.end(), [](const Token& a, const Token& b) {
    return a.column >= 0 && b.column >= 0 && a.column < b.column;
  });
  return std::make_pair(std::move(tokens), joined);
}

void MergeStackedFigures(std::vector<Line>& lines) {
  std::vector<char> drop(lines.size(), 0);
  auto is_row = [&](size_t k) { return !drop[k] && lines[k].HasValues() && !DigitsOnly(lines[k]); };
  std::optional<size_t> prev;  // the last line kept
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& v = lines[i];
    if (v.line > 0 && v.HasValues() && DigitsOnly(v)) {
      std::optional<std::pair<std::vector<Token>, size_t>> up, down;
      if (prev && lines[*prev].line + 1 == v.line && is_row(*prev))
        up = Attach(v, lines[*prev], false);
      if (i + 1 < lines.size() && lines[i + 1].line == v.line + 1 && is_row(i + 1))
        down = Attach(v, lines[i + 1], true);
      // A figure split around the row's line leaves a gap there: filling a gap is likelier than
      // continuing a figure, which is likelier than nothing.
      bool use_down = down && (!up || down->second < up->second);
      if (use_down) {
        lines[i + 1].tokens = std::move(down->first);
        drop[i] = 1;
        continue;
      }
      if (up) {
        lines[*prev].tokens = std::move(up->first);
        lines[*prev].line = v.line;  // so a figure line below this one is still next to the row
        drop[i] = 1;
        continue;
      }
    }
    prev = i;
  }
  size_t kept = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!drop[i]) {
      if (kept != i) lines[kept] = std::move(lines[i]);  // never move onto itself: that empties it
      ++kept;
    }
  }
  lines.resize(kept);
}

// ---------------------------------------------------------------------------------------------
// Title and year.

std::optional<int> YearIn(std::string_view text, size_t* at) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) digits &= text[i + k] >= '0' && text[i + k] <= '9';
    if (!digits || (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')) continue;
    if (i + 4 < text.size() && text[i + 4] >= '0' && text[i + 4] <= '9') continue;
    size_t j = i + 4;
    while (j < text.size() && text[j] == ' ') ++j;
    if (text.substr(j).starts_with("年")) {
      int y = std::stoi(std::string(text.substr(i, 4)));
      if (y >= 2000 && y <= 2100) {
        *at = i;
        return y;
      }
    }
  }
  return std::nullopt;
}

// Markdown heading marks ("# ") in front of a title.
std::string TrimHeadingMarks(std::string text) {
  size_t i = 0;
  while (i < text.size() && (text[i] == '#' || text[i] == ' ')) ++i;
  return text.substr(i);
}

// A year in Chinese numerals, "二〇二四年" → 2024.
std::optional<int> ChineseYearIn(std::string_view text, size_t* at) {
  static constexpr std::string_view kDigits[] = {"〇", "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九"};
  auto digit_at = [&](size_t i, size_t* len) -> int {
    if (text.substr(i).starts_with("零") || text.substr(i).starts_with("○")) {
      *len = 3;
      return 0;
    }
    for (int d = 0; d < 10; ++d)
      if (text.substr(i).starts_with(kDigits[d])) {
        *len = kDigits[d].size();
        return d;
      }
    return -1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    size_t j = i, len = 0;
    int year = 0, n = 0;
    for (int d; n < 4 && (d = digit_at(j, &len)) >= 0; ++n, j += len) year = year * 10 + d;
    if (n == 4 && text.substr(j).starts_with("年") && year >= 2000 && year <= 2100) {
      *at = i;
      return year;
    }
  }
  return std::nullopt;
}

bool LooksLikeTitle(std::string_view text) {
  std::string k = TextKey(text);
  auto has = [&](std::string_view w) { return k.find(w) != std::string::npos; };
  return has("年度报告") || has("年报") ||
         ((has("政府信息公开") || has("政务公开")) && has("报告"));
}

// The agency is what the title says before the year or before 政府信息公开 / 政务公开, whichever
// comes first ("…局政府信息公开工作年度报告（2024年度）").
std::string AgencyBefore(const std::string& title, size_t year_at) {
  size_t end = year_at;
  for (std::string_view w : {"政府信息公开", "政务公开"}) end = std::min(end, title.find(w));
  std::string agency = Trim(title.substr(0, end));
  // "名称：某局…" from a page's metadata box.
  if (size_t colon = agency.rfind("："); colon != std::string::npos)
    agency = Trim(agency.substr(colon + 3));
  if (size_t colon = agency.rfind(':'); colon != std::string::npos)
    agency = Trim(agency.substr(colon + 1));
  if (agency.ends_with("关于")) agency = Trim(agency.substr(0, agency.size() - 6));
  return agency;
}

void ReadTitle(const std::vector<Line>& lines, size_t first_heading, ExtractedReport* out) {
  size_t limit = std::min({first_heading, lines.size(), size_t{15}});
  std::string fallback;  // a title without a year, e.g. "政府信息公开工作年度报告"
  for (size_t i = 0; i < limit; ++i) {
    if (lines[i].HasValues() && lines[i].tokens.size() > 2) continue;
    // The title alone, or wrapped over two lines ("…人民政府2023年政府" / "信息公开工作年度报告").
    std::vector<std::string> candidates = {TrimHeadingMarks(lines[i].Text())};
    if (i > 0 && !lines[i - 1].HasValues())
      candidates.push_back(TrimHeadingMarks(lines[i - 1].Text()) + candidates[0]);
    for (const auto& text : candidates) {
      if (KeyLength(text) > 80 || !LooksLikeTitle(text)) continue;
      size_t at = 0;
      std::optional<int> y = YearIn(text, &at);
      if (!y) y = ChineseYearIn(text, &at);
      if (!y) {
        if (fallback.empty()) fallback = text;
        continue;
      }
      out->title = text;
      out->year = *y;
      out->agency_name = AgencyBefore(text, at);
      // The agency on its own line above "2023年政府信息公开工作年度报告".
      if (out->agency_name.empty() && i > 0 && text == candidates[0]) {
        std::string above = TrimHeadingMarks(lines[i - 1].Text());
        if (KeyLength(above) <= 40 && above.find_first_of("0123456789") == std::string::npos &&
            above.find("：") == std::string::npos) {
          out->agency_name = Trim(above);
          out->title = above + text;
        }
      }
      return;
    }
  }
  out->title = fallback;
  if (!fallback.empty()) out->agency_name = AgencyBefore(fallback, fallback.size());
}

// ---------------------------------------------------------------------------------------------
// Section headings.

// KeyLength(text) > n, without counting the rest of a long paragraph.
bool LongerThan(std::string_view text, size_t n) {
  size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++count > n) return true;
  return false;
}

int NumeralIndex(std::string_view key, size_t* len) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六"};
  for (int i = 0; i < 6; ++i) {
    if (key.starts_with(kNumerals[i])) {
      *len = kNumerals[i].size();
      return i;
    }
  }
  return -1;
}

// The section (0–5) this line is the heading of, given the last heading found; -1 if none.
int HeadingOf(const Line& line, const FormatDef& f, const std::vector<std::string>& headings,
              int last) {
  if (line.HasValues() || line.tokens.empty()) return -1;
  if (LongerThan(line.Text(), 40)) return -1;
  const std::string& key = line.Key();
  size_t len = 0;
  int numeral = NumeralIndex(key, &len);
  std::string_view rest = numeral >= 0 ? std::string_view(key).substr(len) : std::string_view(key);
  if (rest.empty()) return -1;
  for (int s = last + 1; s < static_cast<int>(f.sections.size()) && s < 6; ++s) {
    if (numeral >= 0 && numeral != s) continue;
    const std::string& heading = headings[static_cast<size_t>(s)];
    if (rest == heading) return s;
    if (numeral < 0) continue;  // an unnumbered line must be the heading exactly
    if (rest.find(heading) != std::string_view::npos) return s;
    if (heading.find(rest) != std::string::npos && KeyLength(rest) * 4 >= KeyLength(heading) * 3)
      return s;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Rows.

// What MatchScore needs of a key besides its bytes: its length in characters, and its byte pairs
// hashed into 256 bits. A text contains another only if it has all of the other's pairs, so most
// label/row pairs are ruled out without comparing their bytes.
struct KeyShape {
  size_t length = 0;
  std::array<uint64_t, 4> pairs{};

  KeyShape() = default;
  explicit KeyShape(std::string_view key) : length(KeyLength(key)) {
    for (size_t i = 1; i < key.size(); ++i) {
      unsigned h =
          (static_cast<unsigned char>(key[i - 1]) * 31u + static_cast<unsigned char>(key[i])) &
          255u;
      pairs[h >> 6] |= uint64_t{1} << (h & 63);
    }
  }
  bool PairsWithin(const KeyShape& other) const {
    for (size_t k = 0; k < pairs.size(); ++k)
      if ((pairs[k] & ~other.pairs[k]) != 0) return false;
    return true;
  }
};

struct RowSpec {
  const TableDef* table;
  std::string row_id;
  std::string key;  // label key without list number
  std::vector<std::string> cells;
  KeyShape shape;
};

std::vector<RowSpec> RowSpecs(const FormatDef& f) {
  std::vector<RowSpec> specs;
  for (const TableDef* t : {&f.t2, &f.t3, &f.t4}) {
    std::vector<std::string> ids = t->CellIds();
    for (const auto& row : t->rows) {
      std::string key(StripListNumber(TextKey(row.label)));
      KeyShape shape(key);
      RowSpec spec{t, row.id, std::move(key), {}, shape};
      std::string prefix = t->id + "." + row.id + ".";
      for (const auto& id : ids)
        if (id.starts_with(prefix)) spec.cells.push_back(id);
      specs.push_back(std::move(spec));
    }
  }
  return specs;
}

// Group headers and column titles: printed beside row labels, never labels themselves.
std::set<std::string> GroupKeys(const FormatDef& f, const std::vector<RowSpec>& specs) {
  std::set<std::string> keys = {"信息内容", "申请人情况",
                                "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和"};
  for (const TableDef* t : {&f.t2, &f.t3, &f.t4}) {
    for (const auto& row : t->rows)
      if (!row.group.empty()) keys.insert(std::string(StripListNumber(TextKey(row.group))));
    for (const auto& col : t->columns) keys.insert(TextKey(col.label));
  }
  for (const auto& s : specs) keys.erase(s.key);
  return keys;
}

// What the extractor compares a format's rows and headings by, computed once per format.
struct FormatKeys {
  std::vector<RowSpec> specs;
  std::set<std::string> groups;
  std::set<std::string> row_keys;
  // Group headers and column titles with their list numbers ("三本年度办理结果", "三不予公开").
  std::vector<std::string> group_texts;
  std::vector<std::string> headings;  // section heading keys, in order
  std::unordered_set<std::string> fragments;

  static size_t CharLen(char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  }

  explicit FormatKeys(const FormatDef& f) : specs(RowSpecs(f)), groups(GroupKeys(f, specs)) {
    for (const auto& spec : specs) row_keys.insert(spec.key);
    for (const TableDef* t : {&f.t2, &f.t3, &f.t4}) {
      for (const auto& row : t->rows)
        if (!row.group.empty() && !row_keys.count(std::string(StripListNumber(TextKey(row.group)))))
          group_texts.push_back(TextKey(row.group));
      for (const auto& col : t->columns) group_texts.push_back(TextKey(col.label));
    }
    for (const auto& g : groups) group_texts.push_back(g);
    // Every piece of them, cut at character boundaries, for IsGroupFragment.
    for (const auto& g : group_texts) {
      for (size_t a = 0; a < g.size(); a += CharLen(g[a]))
        for (size_t b = a + CharLen(g[a]); b <= g.size(); b += b < g.size() ? CharLen(g[b]) : 1)
          fragments.insert(g.substr(a, b - a));
    }
    for (const auto& section : f.sections) headings.push_back(TextKey(section.heading));
  }
};

const FormatKeys& KeysOf(const FormatDef& f) {
  static const FormatKeys k2021(Format2021()), k2019(Format2019());
  if (&f == &Format2019()) return k2019;
  if (&f == &Format2021()) return k2021;
  static thread_local std::map<const FormatDef*, std::unique_ptr<FormatKeys>> others;
  auto& slot = others[&f];
  if (!slot) slot = std::make_unique<FormatKeys>(f);
  return *slot;
}

// Whether needle occurs in haystack. Labels and keys are short Chinese text, where most
// characters share their first UTF-8 byte; comparing a whole first character before the rest
// saves string_view::find's call to memcmp at nearly every position.
bool Contains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > haystack.size()) return false;
  const char* h = haystack.data();
  const char* n = needle.data();
  size_t head = std::min<size_t>(needle.size(), 3);
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    bool same_start =
        h[i] == n[0] && (head < 2 || h[i + 1] == n[1]) && (head < 3 || h[i + 2] == n[2]);
    if (same_start && std::memcmp(h + i, n, needle.size()) == 0) return true;
  }
  return false;
}

int MatchScore(std::string_view label, const KeyShape& label_shape, std::string_view key,
               const KeyShape& key_shape) {
  if (label.empty()) return 0;
  if (label == key) return 4;
  // Every score below needs one of them to contain the other.
  if (!key_shape.PairsWithin(label_shape) && !label_shape.PairsWithin(key_shape)) return 0;
  const size_t ll = label_shape.length, kl = key_shape.length;
  if (std::min(ll, kl) >= 4 && (key.starts_with(label) || label.starts_with(key))) return 3;
  if (kl >= 4 && Contains(label, key)) return 2;
  if (ll >= 6 && Contains(key, label)) return 1;
  return 0;
}

struct RowFill {
  std::vector<Token> values;  // as placed so far
  int line = 0;
  bool complete = false;
};

class Extractor {
 public:
  static constexpr size_t kNoRow = SIZE_MAX;

  Extractor(const FormatDef& f, const std::vector<Line>& lines, ExtractedReport* out)
      : f_(f),
        lines_(lines),
        out_(out),
        keys_(KeysOf(f)),
        specs_(keys_.specs),
        groups_(keys_.groups),
        row_keys_(keys_.row_keys),
        fills_(specs_.size()) {}

  void Run(size_t from, size_t to, size_t t4_from) {
    std::vector<std::string> pending;  // label keys of the value-less lines just above
    size_t open = kNoRow;              // a row still waiting for figures on the next lines
    for (size_t i = from; i < to; ++i) {
      const Line& line = lines_[i];
      if (line.page_break_before) pending.clear();
      size_t fv = line.FirstValue();
      std::string label = LabelKey(line, fv);
      if (fv ==
          line.tokens.size()) {  // no figures: a header, a wrapped label, or unreadable figures
        if (PlaceUnreadableRow(line)) {
          pending.clear();
          continue;
        }
        NoteEmptyRow(label, line.line);
        if (!label.empty()) {
          pending.push_back(label);
          if (pending.size() > 4) pending.erase(pending.begin());
        }
        continue;
      }
      std::vector<Token> values(line.tokens.begin() + static_cast<long>(LabelEnd(line, fv)),
                                line.tokens.end());
      // A label wrapped over lines may leave this line without one: the lines above carry it.
      std::optional<size_t> spec =
          label.empty() && pending.empty() ? std::nullopt : Match(pending, label);
      // Only a whole row's figures follow a label from the lines above; more (Table 四's fifteen
      // under its header) are not that row's.
      if (spec && label.empty() && CountValues(values) > specs_[*spec].cells.size()) spec.reset();
      pending.clear();
      if (spec) {
        size_t label_end = LabelEnd(line, fv);
        Place(*spec, values, line.line, label_end > 0 ? line.tokens[label_end - 1].column : -1);
        last_row_ = spec;
        open = fills_[*spec]->complete ? kNoRow : *spec;
        continue;
      }
      if (!label.empty()) {
        Note("", line.line, "figures after an unknown label '" + line.Text() + "' were ignored",
             "第" + std::to_string(line.line) + "行“" + line.Text() +
                 "”不是表格的行名，其数字未读取");
        continue;
      }
      if (open != kNoRow) {  // figures continuing a row whose label was above
        if (Continue(open, values)) open = kNoRow;
        continue;
      }
      if (MergeBrokenNumbers(i, values)) continue;
      if (i >= t4_from && PlaceT4(values, line.line)) continue;
      Note("", line.line, "figures without a row label were ignored: '" + line.Text() + "'",
           "第" + std::to_string(line.line) + "行的数字“" + line.Text() + "”没有行名，未读取");
    }
  }

  // The fee amount's column says （单位：元） instead of 万元.
  void set_money_in_yuan(bool yuan) { money_in_yuan_ = yuan; }

  void Finish() {
    for (size_t s = 0; s < specs_.size(); ++s) {
      const RowSpec& spec = specs_[s];
      const std::optional<RowFill>& fill = fills_[s];
      for (size_t k = 0; k < spec.cells.size(); ++k) {
        const std::string& cell = spec.cells[k];
        if (!fill && empty_rows_.count(s)) {
          out_->data.cells[cell] = CellValue::Blank();  // the label is printed, its cells are empty
          ++out_->cells_read;
          continue;
        }
        if (!fill) {
          Unreadable(cell, 0, "row not found", "未找到该行");
          continue;
        }
        const auto& values = fill->values;
        if (k >= values.size()) {
          Unreadable(cell, fill->line,
                     "figure missing: the row has only " + std::to_string(values.size()) + " of " +
                         std::to_string(spec.cells.size()),
                     "缺少数字：该行只有" + std::to_string(values.size()) + "个数字，应有" +
                         std::to_string(spec.cells.size()) + "个");
          continue;
        }
        CellValue v = values[k].kind == TokenKind::kEmpty
                          ? CellValue::Blank()
                          : ParseCellText(values[k].text, f_.IsMoney(cell));
        int64_t fen = 0;
        if (f_.IsMoney(cell) && money_in_yuan_ && v.state != CellState::kBlank &&
            v.state != CellState::kDash && ParseYuan(AsciiDigits(values[k].text), &fen)) {
          v = CellValue::Number(fen);
          Note(cell, fill->line,
               "the amount is printed in 元 (the format asks for 万元); converted",
               CellLabel(f_, cell) + "按“元”填报（格式要求“万元”），已换算");
        }
        if (v.state == CellState::kUnreadable) {
          Note(cell, fill->line, "cannot read '" + values[k].text + "' as a figure",
               "“" + values[k].text + "”不是数字");
        } else {
          ++out_->cells_read;
        }
        out_->data.cells[cell] = v;
      }
    }
  }

 private:
  // A Table 二/三 row printed with its label and nothing else: its cells are blank. (Table 四's
  // block names also head its columns, so they are never taken as empty rows.)
  void NoteEmptyRow(const std::string& label, int line) {
    if (label.empty()) return;
    for (size_t s = 0; s < specs_.size(); ++s) {
      if (specs_[s].table == &f_.t4 || specs_[s].key != label) continue;
      if (!Filled(s)) empty_rows_.emplace(s, line);
      return;
    }
  }

  // "行政许可 | 约3": a row label followed only by cells that hold digits but are no figures. Read
  // as the row with those cells unreadable, rather than as a header.
  bool PlaceUnreadableRow(const Line& line) {
    for (size_t i = 0; i < line.tokens.size(); ++i) {
      const Token& t = line.tokens[i];
      if (t.kind != TokenKind::kText) continue;
      std::string key(StripListNumber(TextKey(t.text)));
      if (key.empty() || groups_.count(key)) continue;
      std::optional<size_t> spec;
      const KeyShape shape(key);
      for (size_t s = 0; s < specs_.size(); ++s)
        if (!Filled(s) && MatchScore(key, shape, specs_[s].key, specs_[s].shape) >= 3) spec = s;
      if (!spec) return false;
      std::vector<Token> rest;
      for (size_t k = i + 1; k < line.tokens.size(); ++k) {
        if (line.tokens[k].kind == TokenKind::kEmpty) continue;
        if (line.tokens[k].text.find_first_of("0123456789") == std::string::npos) return false;
        rest.push_back(line.tokens[k]);
        rest.back().kind = TokenKind::kValue;  // a cell's content, read (and refused) as a figure
      }
      if (rest.empty() || rest.size() > specs_[*spec].cells.size()) return false;
      Place(*spec, rest, line.line);
      fills_[*spec]->complete = true;  // what is missing stays missing, not taken from below
      return true;
    }
    return false;
  }

  bool Filled(size_t s) const { return fills_[s].has_value(); }

  static size_t CountValues(const std::vector<Token>& tokens) {
    size_t n = 0;
    for (const auto& t : tokens) n += t.kind == TokenKind::kValue;
    return n;
  }

  // Where the figures start: after the last text token before the first value.
  static size_t LabelEnd(const Line& line, size_t fv) {
    size_t end = 0;
    for (size_t i = 0; i < fv; ++i)
      if (line.tokens[i].kind == TokenKind::kText) end = i + 1;
    // "约3" or "3件" in the first column is a figure that cannot be read, not part of the label.
    while (end > 1 && IsCellLike(line.tokens[end - 1].text)) --end;
    return end;
  }

  static bool IsCellLike(const std::string& text) {
    if (KeyLength(text) > 4 || text.find_first_of("0123456789") == std::string::npos) return false;
    size_t d = text.find_first_not_of("0123456789");
    // "1." and "2、其他" start with a list number: labels, not cells.
    return !(d > 0 && d != std::string::npos &&
             (text[d] == '.' || text.compare(d, 3, "、") == 0 || text.compare(d, 3, "．") == 0));
  }

  // The row label a line carries, without group headers, column titles and the fragments of them
  // that a merged cell wrapped over several lines leaves beside labels ("本年", "（三）不").
  std::string LabelKey(const Line& line, size_t fv) const {
    std::string key;
    size_t end = fv < line.tokens.size() ? LabelEnd(line, fv) : fv;
    for (size_t i = 0; i < end; ++i) {
      if (line.tokens[i].kind != TokenKind::kText) continue;
      std::string words;
      const std::string& text = line.tokens[i].text;
      for (size_t a = 0; a < text.size();) {
        size_t b = text.find(' ', a);
        if (b == std::string::npos) b = text.size();
        std::string word = TextKey(std::string_view(text).substr(a, b - a));
        if (!word.empty() && !IsGroupFragment(word)) words += word;
        a = b + 1;
      }
      std::string k(StripListNumber(words));
      if (k.empty() || groups_.count(k)) continue;
      key += k;
    }
    return key;
  }

  bool IsGroupFragment(const std::string& word) const {
    return !row_keys_.count(word) && keys_.fragments.count(word);
  }

  // The row a line's label names. A label wrapped over lines has its first part on the lines
  // above (the last one to four of them, joined) and maybe its middle or end on this line.
  std::optional<size_t> Match(const std::vector<std::string>& pending,
                              const std::string& label) const {
    if (label.empty() && pending.empty()) return std::nullopt;
    std::vector<std::pair<std::string, KeyShape>> candidates;
    if (!label.empty()) candidates.push_back({label, KeyShape(label)});
    std::string above;
    for (size_t k = 0; k < pending.size(); ++k) {
      above = pending[pending.size() - 1 - k] + above;
      std::string joined(StripListNumber(above + label));
      KeyShape shape(joined);
      candidates.push_back({std::move(joined), shape});
    }
    int best = 0;
    std::optional<size_t> found;
    for (size_t s = 0; s < specs_.size(); ++s) {
      int score = 0;
      for (size_t c = 0; c < candidates.size(); ++c) {
        const auto& [key, shape] = candidates[c];
        int sc = MatchScore(key, shape, specs_[s].key, specs_[s].shape);
        // An exact match using the lines above beats a partial one on this line alone.
        if (c > 0 && key == specs_[s].key) sc = 5;
        score = std::max(score, sc);
      }
      bool taken = Filled(s);
      if (score > best || (score == best && score > 0 && found && Filled(*found) && !taken)) {
        best = score;
        found = s;
      }
    }
    return found;
  }

  void Place(size_t s, std::vector<Token> values, int line, int label_column = -1) {
    const size_t n = specs_[s].cells.size();
    if (Filled(s)) {
      Note(specs_[s].cells[0], line,
           "the row appears again (first on line " + std::to_string(fills_[s]->line) +
               "); the second one was ignored",
           "该行重复出现（首次在第" + std::to_string(fills_[s]->line) + "行），后一处未读取");
      return;
    }
    std::vector<Token> all = values;
    while (!values.empty() && values.back().kind == TokenKind::kEmpty) values.pop_back();
    while (values.size() > n && values.front().kind != TokenKind::kValue &&
           !(values.front().kind == TokenKind::kText && IsCellLike(values.front().text)))
      values.erase(values.begin());
    RowFill fill{{}, line, false};
    const std::string grid_key = specs_[s].table->id + "@" + std::to_string(label_column);
    auto grid = first_value_column_.find(grid_key);
    bool ambiguous =
        values.size() < n || (!values.empty() && values.front().kind == TokenKind::kEmpty);
    if (ambiguous && grid != first_value_column_.end() && IsGrid(all)) {
      // A grid row (tab paste, HTML, Word) whose spill-over and blank cells are indistinguishable:
      // its figures sit where rows with the label in the same column had theirs.
      fill.values.assign(n, Token{"", -1, TokenKind::kEmpty});
      for (const auto& t : all) {
        int k = t.column - grid->second;
        if (k >= 0 && k < static_cast<int>(n)) fill.values[static_cast<size_t>(k)] = t;
      }
    } else if (values.size() >= n) {
      if (values.size() > n)
        Note(specs_[s].cells[0], line,
             "the row has more figures than columns; the extra ones were ignored",
             "该行数字多于列数，多余的未读取");
      fill.values.assign(values.begin(), values.begin() + static_cast<long>(n));
    } else if (all.size() >= n && all.front().kind != TokenKind::kEmpty) {
      fill.values.assign(all.begin(), all.begin() + static_cast<long>(n));  // trailing blanks
    } else if (auto placed = ByColumn(*specs_[s].table, values, n)) {
      fill.values = *placed;
    } else {
      fill.values = values;  // the rest may follow on the next lines
    }
    while (!fill.values.empty() && fill.values.front().kind == TokenKind::kText &&
           !IsCellLike(fill.values.front().text))
      fill.values.erase(fill.values.begin());
    fill.complete = fill.values.size() >= n;
    if (fill.complete) Learn(*specs_[s].table, fill.values);
    bool full = fill.complete && IsGrid(fill.values);
    for (const auto& t : fill.values) full &= t.kind == TokenKind::kValue;
    if (full && label_column >= 0)
      first_value_column_.emplace(grid_key, fill.values.front().column);
    fills_[s] = std::move(fill);
  }

  // Cells in consecutive grid columns (not display columns of aligned text).
  static bool IsGrid(const std::vector<Token>& tokens) {
    for (size_t k = 0; k < tokens.size(); ++k)
      if (tokens[k].column < 0 || (k > 0 && tokens[k].column != tokens[k - 1].column + 1))
        return false;
    return !tokens.empty();
  }

  // Adds figures to a row found on an earlier line; whether the row is now complete.
  bool Continue(size_t s, const std::vector<Token>& values) {
    const size_t n = specs_[s].cells.size();
    RowFill& fill = *fills_[s];
    for (const auto& t : values)
      if (t.kind == TokenKind::kValue && fill.values.size() < n) fill.values.push_back(t);
    fill.complete = fill.values.size() >= n;
    return fill.complete;
  }

  // Column centres seen in complete rows of a table, per value index.
  void Learn(const TableDef& t, const std::vector<Token>& values) {
    auto& cols = columns_[t.id];
    if (cols.size() < values.size()) cols.resize(values.size());
    for (size_t k = 0; k < values.size(); ++k)
      if (values[k].column >= 0 && values[k].kind == TokenKind::kValue)
        cols[k].push_back(values[k].column);
  }

  // Figures of a row with blank cells placed under the columns complete rows used.
  std::optional<std::vector<Token>> ByColumn(const TableDef& t, const std::vector<Token>& values,
                                             size_t n) const {
    auto it = columns_.find(t.id);
    if (it == columns_.end() || it->second.size() != n || values.empty()) return std::nullopt;
    std::vector<int> centre(n);
    for (size_t k = 0; k < n; ++k) {
      auto c = it->second[k];
      if (c.empty()) return std::nullopt;
      std::nth_element(c.begin(), c.begin() + static_cast<long>(c.size() / 2), c.end());
      centre[k] = c[c.size() / 2];
    }
    std::vector<Token> placed(n, Token{"", -1, TokenKind::kEmpty});
    for (const auto& v : values) {
      if (v.kind != TokenKind::kValue) continue;
      if (v.column < 0) return std::nullopt;
      size_t best = 0;
      for (size_t k = 1; k < n; ++k)
        if (std::abs(centre[k] - v.column) < std::abs(centre[best] - v.column)) best = k;
      if (placed[best].kind != TokenKind::kEmpty) return std::nullopt;  // two figures, one column
      placed[best] = v;
    }
    return placed;
  }

  // Table 四 printed as one row of 15 figures under a three-line header (no row label), or as
  // several lines of figures that add up to 15.
  bool PlaceT4(const std::vector<Token>& values, int line) {
    std::vector<size_t> t4;
    for (size_t s = 0; s < specs_.size(); ++s)
      if (specs_[s].table == &f_.t4 && !Filled(s)) t4.push_back(s);
    if (t4.size() != f_.t4.rows.size()) return false;
    std::vector<Token> v = values;
    while (!v.empty() && v.back().kind == TokenKind::kEmpty) v.pop_back();
    t4_buffer_.insert(t4_buffer_.end(), v.begin(), v.end());
    if (t4_line_ == 0) t4_line_ = line;
    size_t per = f_.t4.columns.size();
    if (t4_buffer_.size() < per * t4.size()) return true;
    for (size_t r = 0; r < t4.size(); ++r) {
      RowFill fill{{t4_buffer_.begin() + static_cast<long>(r * per),
                    t4_buffer_.begin() + static_cast<long>((r + 1) * per)},
                   t4_line_,
                   true};
      fills_[t4[r]] = std::move(fill);
    }
    if (t4_buffer_.size() > per * t4.size())
      Note("t4.review.upheld", t4_line_,
           "Table 四 has more than 15 figures; the extra ones were ignored",
           "表四的数字多于15个，多余的未读取");
    t4_buffer_.clear();
    return true;
  }

  // A number too wide for its cell wraps onto the next line under itself: "12" / "3" → 123.
  bool MergeBrokenNumbers(size_t i, const std::vector<Token>& values) {
    if (i == 0 || lines_[i - 1].line == 0 || lines_[i].line != lines_[i - 1].line + 1) return false;
    if (!last_row_ || !Filled(*last_row_)) return false;
    RowFill& fill = *fills_[*last_row_];
    if (fill.line != lines_[i - 1].line) return false;
    std::vector<std::pair<size_t, std::string>> merges;
    for (const auto& v : values) {
      if (v.kind == TokenKind::kEmpty) continue;
      int64_t ignored;
      if (v.kind != TokenKind::kValue || v.column < 0 || !ParseCount(v.text, &ignored))
        return false;
      bool found = false;
      for (size_t k = 0; k < fill.values.size(); ++k) {
        const Token& above = fill.values[k];
        int end = above.column + static_cast<int>(above.text.size());
        if (above.kind == TokenKind::kValue && v.column >= above.column && v.column <= end) {
          merges.push_back({k, v.text});
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    if (merges.empty()) return false;
    for (const auto& [k, digits] : merges) fill.values[k].text += digits;
    Note(specs_[*last_row_].cells[0], lines_[i].line,
         "a figure continued on the next line was joined to the one above",
         "跨行断开的数字已与上一行合并");
    return true;
  }

  void Note(const std::string& cell, int line, std::string en, std::string zh) {
    out_->problems.push_back({cell, line, std::move(en), std::move(zh)});
  }
  void Unreadable(const std::string& cell, int line, const std::string& en, const std::string& zh) {
    out_->data.cells[cell] = CellValue::Unreadable("");
    Note(cell, line, cell + ": " + en, CellLabel(f_, cell) + "：" + zh);
  }

  const FormatDef& f_;
  const std::vector<Line>& lines_;
  ExtractedReport* out_;
  const FormatKeys& keys_;
  const std::vector<RowSpec>& specs_;
  const std::set<std::string>& groups_;
  const std::set<std::string>& row_keys_;
  std::vector<std::optional<RowFill>> fills_;  // by spec: the row's figures once it is found
  std::map<size_t, int> empty_rows_;           // rows seen as a label alone, by line
  bool money_in_yuan_ = false;
  // "t3@0" → the grid column where figures start in complete rows whose label is in column 0.
  std::map<std::string, int> first_value_column_;
  std::map<std::string, std::vector<std::vector<int>>> columns_;
  std::vector<Token> t4_buffer_;
  int t4_line_ = 0;
  std::optional<size_t> last_row_;
};

// ---------------------------------------------------------------------------------------------
// Format version.

const FormatDef& DetectFormat(const std::vector<Line>& lines, std::string* reason,
                              std::string* reason_zh) {
  static constexpr std::string_view k2019[] = {"本年新制作数量", "本年新公开数量", "对外公开总数量",
                                               "上一年项目数量", "政府集中采购",   "采购项目数量"};
  static constexpr std::string_view k2021[] = {"本年制发件数", "本年废止件数", "现行有效件数",
                                               "本年处理决定数量", "申请人无正当理由逾期不补正"};
  std::string hit2019, hit2021;
  for (const auto& line : lines) {
    if (line.HasValues() && line.tokens.size() > 1) continue;
    if (line.Text().size() > 200) continue;  // a paragraph of prose, not a table header
    const std::string& key = line.Key();
    for (std::string_view m : k2019)
      if (hit2019.empty() && Contains(key, m)) hit2019 = m;
    for (std::string_view m : k2021)
      if (hit2021.empty() && Contains(key, m)) hit2021 = m;
    if (!hit2021.empty()) break;  // the 2021 format then, whatever else the tables have
  }
  if (!hit2019.empty() && hit2021.empty()) {
    *reason = "the tables have the 2019 trial format's heading " + hit2019;
    *reason_zh = "表格有2019年试行格式的栏目“" + hit2019 + "”";
    return Format2019();
  }
  *reason = hit2021.empty() ? "no format-specific heading found; the 2021 format is assumed"
                            : "the tables have the 2021 format's heading " + hit2021;
  *reason_zh = hit2021.empty() ? "未见区分格式的栏目，按2021年版格式读取"
                               : "表格有2021年版格式的栏目“" + hit2021 + "”";
  return Format2021();
}

}  // namespace

ExtractedReport ExtractReport(const SourceDocument& doc, const ExtractOptions& options) {
  ExtractedReport out;
  std::vector<Line> lines = Tokenise(doc);
  // Only text laid out by columns (pdftotext, aligned text) stacks a row's figures on lines.
  if (doc.reader == "pdf" || doc.reader == "text") MergeStackedFigures(lines);
  const FormatDef& f = DetectFormat(lines, &out.format_reason, &out.format_reason_zh);
  out.data.format_id = f.id;

  // Section headings, in order.
  std::vector<std::pair<int, size_t>> headings;  // section index, line index
  int last = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    int s = HeadingOf(lines[i], f, KeysOf(f).headings, last);
    if (s < 0) continue;
    headings.push_back({s, i});
    last = s;
  }
  auto heading_line = [&](int s) -> std::optional<size_t> {
    for (const auto& [sec, at] : headings)
      if (sec == s) return at;
    return std::nullopt;
  };
  ReadTitle(lines, headings.empty() ? lines.size() : headings.front().second, &out);
  if (out.year == 0) out.year = options.year_hint;
  if (out.year == 0)
    out.problems.push_back(
        {"", 0, "the report year was not found in the title", "标题中未找到报告年度"});

  for (const auto& [s, at] : headings)
    out.data.sections.push_back(f.sections[static_cast<size_t>(s)].numeral);
  for (size_t h = 0; h < headings.size(); ++h) {
    int s = headings[h].first;
    if (s != 0 && s != 4 && s != 5) continue;
    size_t end = h + 1 < headings.size() ? headings[h + 1].second : lines.size();
    std::string text;
    for (size_t i = headings[h].second + 1; i < end; ++i) {
      if (!text.empty()) text += '\n';
      text += lines[i].Text();
    }
    out.data.narrative[f.sections[static_cast<size_t>(s)].numeral] = text;
  }

  // Tables: from section 二's heading (else after the title) to section 五's (else the end).
  size_t from = heading_line(1).value_or(heading_line(0) ? *heading_line(0) + 1 : 0);
  size_t to = heading_line(4).value_or(lines.size());
  if (to < from) to = lines.size();
  size_t t4_from = heading_line(3).value_or(from);
  Extractor extractor(f, lines, &out);
  for (size_t i = from; i < to; ++i) {
    const std::string& key = lines[i].Key();
    if (key.find("金额") != std::string::npos && key.find("单位") != std::string::npos) {
      extractor.set_money_in_yuan(key.find("万元") == std::string::npos &&
                                  key.find("元") != std::string::npos);
      break;
    }
  }
  extractor.Run(from, to, t4_from);
  extractor.Finish();
  return out;
}

}  // namespace gongkai::report
