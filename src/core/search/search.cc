#include "core/search/search.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace gongkai::search {
namespace {

// ---- UTF-8 ----------------------------------------------------------------------------------

// The length (1–4) of the well-formed character at s[i], stored in *cp; 0 when the bytes there
// are not well-formed UTF-8 (overlong forms, surrogates, > U+10FFFF, truncation, stray bytes).
size_t DecodeAt(std::string_view s, size_t i, char32_t* cp) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  const auto cont = [&](size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(i + 1)) return 0;
    *cp = (char32_t{b0} & 0x1F) << 6 | (byte(i + 1) & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    char32_t c =
        (char32_t{b0} & 0x0F) << 12 | (char32_t{byte(i + 1)} & 0x3F) << 6 | (byte(i + 2) & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    char32_t c = (char32_t{b0} & 0x07) << 18 | (char32_t{byte(i + 1)} & 0x3F) << 12 |
                 (char32_t{byte(i + 2)} & 0x3F) << 6 | (byte(i + 3) & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return 0;
    *cp = c;
    return 4;
  }
  return 0;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// The length of the character starting at a lead byte of valid UTF-8.
size_t LengthOfValid(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// ---- Folding and character classes ----------------------------------------------------------

char32_t Fold(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  if (c >= 0xFF01 && c <= 0xFF5E) {  // full-width ASCII
    c -= 0xFEE0;
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }
  if (c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F) {
    return ' ';
  }
  return c;
}

enum class Kind : uint8_t { kSeparator, kCjk, kLetter, kDigit };

struct Range {
  char32_t first, last;
};
// CJK characters that both engines keep inside a token: every assigned (Unicode 14) character of
// these blocks whose category is L* or N*. Checked against SQLite 3.40 FTS5 unicode61 and
// PostgreSQL 15's default parser under C.UTF-8 by src/storage/search_engine_test.cc. Left out on
// purpose: the kana voicing marks U+3099–309C (Mn, Sk) and the katakana middle dot U+30FB (Po),
// which both engines treat as separators, and unassigned code points (PostgreSQL splits there).
constexpr std::array kCjkRanges = {
    Range{0x1100, 0x11FF},    // Hangul Jamo
    Range{0x3005, 0x3007},    // 々 〆 〇
    Range{0x3021, 0x3029},    // Hangzhou numerals
    Range{0x3038, 0x303B},    // 〸〹〺 〻
    Range{0x3041, 0x3096},    // hiragana
    Range{0x309D, 0x309F},    // ゝゞゟ
    Range{0x30A1, 0x30FA},    // katakana
    Range{0x30FC, 0x30FF},    // ー ヽヾヿ
    Range{0x3131, 0x318E},    // Hangul compatibility Jamo
    Range{0x31F0, 0x31FF},    // katakana phonetic extensions
    Range{0x3400, 0x4DBF},    // CJK extension A
    Range{0x4E00, 0x9FFF},    // CJK unified ideographs
    Range{0xAC00, 0xD7A3},    // Hangul syllables
    Range{0xF900, 0xFA6D},    // CJK compatibility ideographs
    Range{0xFA70, 0xFAD9},    //
    Range{0xFF66, 0xFF9F},    // half-width katakana
    Range{0x20000, 0x2A6DF},  // extension B
    Range{0x2A700, 0x2B738},  // extension C
    Range{0x2B740, 0x2B81D},  // extension D
    Range{0x2B820, 0x2CEA1},  // extension E
    Range{0x2CEB0, 0x2EBE0},  // extension F
    Range{0x2F800, 0x2FA1D},  // compatibility supplement
    Range{0x30000, 0x3134A},  // extension G
};

// Kind of a folded character.
Kind KindOf(char32_t c) {
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') return Kind::kLetter;
    if (c >= '0' && c <= '9') return Kind::kDigit;
    return Kind::kSeparator;
  }
  if (c >= 0x4E00 && c <= 0x9FFF) return Kind::kCjk;  // the common case
  auto it = std::upper_bound(kCjkRanges.begin(), kCjkRanges.end(), c,
                             [](char32_t v, const Range& r) { return v < r.first; });
  if (it == kCjkRanges.begin()) return Kind::kSeparator;
  --it;
  return c <= it->last ? Kind::kCjk : Kind::kSeparator;
}

bool IsQuerySpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ---- Runs and tokens ------------------------------------------------------------------------

// A maximal run of one non-separator kind in normalised text: bytes [begin, end), `chars`
// characters.
struct Run {
  Kind kind;
  size_t begin, end, chars;
};

// The runs of normalised (valid UTF-8) text, in order.
template <class F>
void ForEachRun(std::string_view n, F&& f) {
  Run run{Kind::kSeparator, 0, 0, 0};
  for (size_t i = 0; i < n.size();) {
    char32_t c;
    size_t len = DecodeAt(n, i, &c);
    if (len == 0) {  // cannot happen on Normalize's output
      len = 1;
      c = 0;
    }
    Kind kind = KindOf(c);
    if (kind != run.kind) {
      if (run.kind != Kind::kSeparator) f(run);
      run = Run{kind, i, i, 0};
    }
    run.end = i + len;
    ++run.chars;
    i += len;
  }
  if (run.kind != Kind::kSeparator) f(run);
}

enum class Mode {
  kIndex,      // CJK: bigrams and the final unigram; letters/digits: the word
  kQueryLast,  // the last run of a query term: CJK of 2+: bigrams only; otherwise a prefix
};

// Emits the tokens of one run through emit(std::string_view); returns whether the last one is a
// prefix.
template <class Emit>
bool EmitRun(std::string_view n, const Run& run, Mode mode, Emit&& emit) {
  if (run.kind != Kind::kCjk) {
    emit(n.substr(run.begin, std::min(run.end - run.begin, kMaxWordBytes)));
    return mode == Mode::kQueryLast;
  }
  if (run.chars == 1) {
    emit(n.substr(run.begin, run.end - run.begin));
    return mode == Mode::kQueryLast;
  }
  size_t a = run.begin;
  size_t b = a + LengthOfValid(static_cast<unsigned char>(n[a]));
  while (b < run.end) {
    size_t c = b + LengthOfValid(static_cast<unsigned char>(n[b]));
    emit(n.substr(a, c - a));
    a = b;
    b = c;
  }
  if (mode == Mode::kIndex) emit(n.substr(a, b - a));
  return false;
}

void Escape(std::string_view s, char quote, std::string* out) {
  for (char c : s) {
    if (c == quote) {
      out->push_back(quote);
    } else if (c == '\\' && quote == '\'') {
      out->push_back('\\');
    }
    out->push_back(c);
  }
}

std::u32string Decode(std::string_view valid) {
  std::u32string out;
  for (size_t i = 0; i < valid.size();) {
    char32_t c;
    size_t len = DecodeAt(valid, i, &c);
    if (len == 0) {
      ++i;
      continue;
    }
    out.push_back(c);
    i += len;
  }
  return out;
}

}  // namespace

std::string Normalize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // fast path
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + ('a' - 'A')) : text[i]);
      ++i;
      continue;
    }
    char32_t c;
    size_t len = DecodeAt(text, i, &c);
    if (len == 0) {
      ++i;  // skip the bad byte
      continue;
    }
    char32_t folded = Fold(c);
    if (folded == c) {
      out.append(text.substr(i, len));
    } else {
      AppendUtf8(folded, &out);
    }
    i += len;
  }
  return out;
}

std::vector<std::string> IndexTokens(std::string_view text) {
  std::string n = Normalize(text);
  std::vector<std::string> tokens;
  ForEachRun(n, [&](const Run& run) {
    EmitRun(n, run, Mode::kIndex, [&](std::string_view t) { tokens.emplace_back(t); });
  });
  return tokens;
}

std::string IndexText(std::string_view text) {
  std::string n = Normalize(text);
  std::string out;
  out.reserve(n.size() * 2 + 16);  // CJK text roughly doubles
  ForEachRun(n, [&](const Run& run) {
    EmitRun(n, run, Mode::kIndex, [&](std::string_view t) {
      if (!out.empty()) out.push_back(' ');
      out.append(t);
    });
  });
  return out;
}

QueryPlan PlanQuery(std::string_view user_query) {
  QueryPlan plan;
  std::string n = Normalize(user_query);
  size_t first = 0;
  size_t last = n.size();
  while (first < last && IsQuerySpace(n[first])) ++first;
  while (last > first && IsQuerySpace(n[last - 1])) --last;
  std::string_view q = std::string_view(n).substr(first, last - first);
  size_t cut = 0;
  for (size_t chars = 0; cut < q.size() && chars < kMaxQueryChars; ++chars) {
    cut += LengthOfValid(static_cast<unsigned char>(q[cut]));
  }
  if (cut < q.size()) {
    plan.truncated = true;
    q = q.substr(0, cut);
  }
  for (size_t i = 0; i < q.size();) {
    while (i < q.size() && IsQuerySpace(q[i])) ++i;
    size_t j = i;
    while (j < q.size() && !IsQuerySpace(q[j])) ++j;
    std::string_view term = q.substr(i, j - i);
    i = j;
    std::vector<Run> runs;
    ForEachRun(term, [&](const Run& run) { runs.push_back(run); });
    if (runs.empty()) continue;  // punctuation only
    QueryTerm t;
    t.text = std::string(term.substr(runs.front().begin, runs.back().end - runs.front().begin));
    auto emit = [&](std::string_view tok) { t.tokens.emplace_back(tok); };
    for (size_t r = 0; r + 1 < runs.size(); ++r) EmitRun(term, runs[r], Mode::kIndex, emit);
    t.prefix = EmitRun(term, runs.back(), Mode::kQueryLast, emit);
    bool duplicate = std::any_of(plan.terms.begin(), plan.terms.end(),
                                 [&](const QueryTerm& u) { return u.text == t.text; });
    if (duplicate) continue;
    if (plan.terms.size() == kMaxQueryTerms) {
      plan.truncated = true;
      break;
    }
    plan.terms.push_back(std::move(t));
  }
  return plan;
}

std::string ToFts5Match(const QueryPlan& plan) {
  std::string out;
  for (const QueryTerm& term : plan.terms) {
    if (!out.empty()) out += " AND ";
    out.push_back('"');
    for (size_t k = 0; k < term.tokens.size(); ++k) {
      if (k > 0) out.push_back(' ');
      Escape(term.tokens[k], '"', &out);
    }
    out.push_back('"');
    if (term.prefix) out += " *";
  }
  return out;
}

std::string ToTsQuery(const QueryPlan& plan) {
  std::string out;
  for (const QueryTerm& term : plan.terms) {
    if (!out.empty()) out += " & ";
    const bool parens = term.tokens.size() > 1 && plan.terms.size() > 1;
    if (parens) out.push_back('(');
    for (size_t k = 0; k < term.tokens.size(); ++k) {
      if (k > 0) out += " <-> ";
      out.push_back('\'');
      Escape(term.tokens[k], '\'', &out);
      out.push_back('\'');
    }
    if (term.prefix) out += ":*";
    if (parens) out.push_back(')');
  }
  return out;
}

bool Contains(std::string_view text, const QueryPlan& plan) {
  if (plan.empty()) return false;
  std::string n = Normalize(text);
  return std::all_of(plan.terms.begin(), plan.terms.end(),
                     [&](const QueryTerm& t) { return n.find(t.text) != std::string::npos; });
}

std::vector<SnippetPiece> Snippet(std::string_view text, const QueryPlan& plan,
                                  size_t width_chars) {
  // The valid characters of `text`: folded code point and original bytes.
  std::u32string folded;
  std::vector<std::pair<size_t, size_t>> bytes;  // offset, length in `text`
  folded.reserve(text.size());
  bytes.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t c;
    size_t len = DecodeAt(text, i, &c);
    if (len == 0) {
      ++i;
      continue;
    }
    folded.push_back(Fold(c));
    bytes.emplace_back(i, len);
    i += len;
  }
  const size_t n = folded.size();
  if (width_chars == 0 || n == 0) return {};

  std::vector<std::u32string> needles;
  for (const QueryTerm& t : plan.terms) needles.push_back(Decode(t.text));

  // The first occurrence of any term.
  size_t hit = n;
  size_t hit_len = 0;
  for (const std::u32string& needle : needles) {
    if (needle.empty()) continue;
    auto end = folded.begin() + static_cast<std::ptrdiff_t>(std::min(n, hit + needle.size()));
    auto it = std::search(folded.begin(), end, needle.begin(), needle.end());
    size_t at = static_cast<size_t>(it - folded.begin());
    if (it != end && (at < hit || (at == hit && needle.size() > hit_len))) {
      hit = at;
      hit_len = needle.size();
    }
  }

  const size_t width = std::min(width_chars, n);
  size_t start = 0;
  if (hit < n) {
    const size_t lead = width > hit_len ? (width - hit_len) / 2 : 0;
    start = hit > lead ? hit - lead : 0;
  }
  const size_t stop = std::min(n, start + width);
  start = stop - width;

  std::vector<char> marked(stop - start, 0);
  for (const std::u32string& needle : needles) {
    const size_t m = needle.size();
    if (m == 0) continue;
    size_t from = start >= m - 1 ? start - (m - 1) : 0;
    const size_t limit = std::min(n, stop + m - 1);
    auto end = folded.begin() + static_cast<std::ptrdiff_t>(limit);
    while (from < limit) {
      auto it = std::search(folded.begin() + static_cast<std::ptrdiff_t>(from), end, needle.begin(),
                            needle.end());
      if (it == end) break;
      const size_t at = static_cast<size_t>(it - folded.begin());
      for (size_t k = std::max(at, start); k < std::min(at + m, stop); ++k) marked[k - start] = 1;
      from = at + 1;
    }
  }

  std::vector<SnippetPiece> pieces;
  auto add = [&](std::string_view s, bool mark) {
    if (pieces.empty() || pieces.back().marked != mark) pieces.push_back({std::string(), mark});
    pieces.back().text.append(s);
  };
  static constexpr std::string_view kEllipsis = "…";
  if (start > 0) add(kEllipsis, false);
  for (size_t k = start; k < stop; ++k) {
    add(text.substr(bytes[k].first, bytes[k].second), marked[k - start] != 0);
  }
  if (stop < n) add(kEllipsis, false);
  return pieces;
}

}  // namespace gongkai::search
