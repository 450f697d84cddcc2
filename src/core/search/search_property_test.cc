// The exactness argument of docs/search.md, checked on random texts: an engine that matches the
// query plan's phrases against the index tokens (simulated here exactly as FTS5 and PostgreSQL
// match: contiguous tokens, the last one as a prefix when marked) finds
//   1. every substring of a document, unless the substring starts inside a run of letters or of
//      digits (ASCII words are matched from their start: "overnment" does not find
//      "government") — the only under-match;
//   2. nothing else for a term without separators or letter/digit/CJK boundaries inside;
//   3. for other terms, exactly what the "run" reading of docs/search.md predicts: separators
//      between runs are ignored and letter/digit/CJK runs may touch or be apart — the only
//      over-match.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/search/search.h"

namespace gongkai::search {
namespace {

using Tokens = std::vector<std::string>;

bool EngineMatches(const Tokens& doc, const QueryTerm& term) {
  const size_t k = term.tokens.size();
  for (size_t i = 0; i + k <= doc.size(); ++i) {
    bool ok = true;
    for (size_t j = 0; ok && j < k; ++j) {
      ok = j + 1 == k && term.prefix ? doc[i + j].starts_with(term.tokens[j])
                                     : doc[i + j] == term.tokens[j];
    }
    if (ok) return true;
  }
  return false;
}

// The alphabet of the random texts, as normalised strings, with an independent classification.
// Few CJK characters, so that random queries hit often; folded forms (Ａ, ２, 　) included.
enum class Kind { kSep, kCjk, kLetter, kDigit };
struct Letter {
  std::string s;     // as written in the document or query
  std::string norm;  // Normalize(s), spelled out by hand
  Kind kind;
};
const std::vector<Letter>& Alphabet() {
  static const std::vector<Letter> a = {
      {"人", "人", Kind::kCjk},  {"民", "民", Kind::kCjk},  {"政", "政", Kind::kCjk},
      {"府", "府", Kind::kCjk},  {"〇", "〇", Kind::kCjk},  {"ア", "ア", Kind::kCjk},
      {"a", "a", Kind::kLetter}, {"B", "b", Kind::kLetter}, {"Ａ", "a", Kind::kLetter},
      {"1", "1", Kind::kDigit},  {"２", "2", Kind::kDigit}, {" ", " ", Kind::kSep},
      {"，", ",", Kind::kSep},   {",", ",", Kind::kSep},    {"-", "-", Kind::kSep},
      {"　", " ", Kind::kSep},   {"・", "・", Kind::kSep},  {"\n", "\n", Kind::kSep},
  };
  return a;
}

struct Text {
  std::string raw;
  std::vector<const Letter*> letters;
  std::string Norm(size_t from, size_t to) const {
    std::string out;
    for (size_t i = from; i < to; ++i) out += letters[i]->norm;
    return out;
  }
};

Text RandomText(std::mt19937& rng, size_t max_len, size_t sep_weight) {
  const auto& a = Alphabet();
  Text t;
  std::uniform_int_distribution<size_t> len(0, max_len);
  // Separators are rarer than letters, so runs have some length.
  std::uniform_int_distribution<size_t> pick(0, a.size() - 1 + 10);
  for (size_t n = len(rng); n > 0; --n) {
    size_t k = pick(rng);
    if (k >= a.size()) k = k % 11;  // extra weight for the first 11 (non-separators)
    if (a[k].kind == Kind::kSep && std::uniform_int_distribution<size_t>(0, 9)(rng) >= sep_weight) {
      k = 0;
    }
    t.raw += a[k].s;
    t.letters.push_back(&a[k]);
  }
  return t;
}

struct TextRun {
  Kind kind;
  std::u32string chars;  // one key per letter, see KeyOf
};

// Letters that normalise alike (a, Ａ) compare alike: one key per normalised form.
char32_t KeyOf(const Letter& l) {
  static std::map<std::string, char32_t> keys;
  auto [it, added] = keys.try_emplace(l.norm, static_cast<char32_t>(keys.size() + 1));
  return it->second;
}

// Runs of a sequence of letters.
std::vector<TextRun> RunsOf(const std::vector<const Letter*>& letters, size_t from, size_t to) {
  std::vector<TextRun> runs;
  Kind prev = Kind::kSep;
  for (size_t i = from; i < to; ++i) {
    const Letter* l = letters[i];
    if (l->kind != Kind::kSep) {
      if (l->kind != prev) runs.push_back(TextRun{l->kind, {}});
      runs.back().chars.push_back(KeyOf(*l));
    }
    prev = l->kind;
  }
  return runs;
}

bool StartsWith(const std::u32string& s, const std::u32string& p) { return s.starts_with(p); }
bool EndsWith(const std::u32string& s, const std::u32string& p) { return s.ends_with(p); }

// The run reading: the query's runs q1..qk match consecutive document runs d_i..d_(i+k-1), kinds
// equal, q1 a suffix of d_i (a whole word for letters/digits), the middle ones equal, qk a prefix
// of its run; a single run: a CJK substring or a word's prefix.
bool RunsMatch(const std::vector<TextRun>& doc, const std::vector<TextRun>& q) {
  const size_t k = q.size();
  if (k == 0) return false;
  for (size_t i = 0; i + k <= doc.size(); ++i) {
    bool ok = true;
    for (size_t j = 0; ok && j < k; ++j) {
      const TextRun& d = doc[i + j];
      const TextRun& r = q[j];
      if (d.kind != r.kind) {
        ok = false;
      } else if (k == 1) {
        ok = r.kind == Kind::kCjk ? d.chars.find(r.chars) != std::u32string::npos
                                  : StartsWith(d.chars, r.chars);
      } else if (j == 0) {
        ok = r.kind == Kind::kCjk ? EndsWith(d.chars, r.chars) : d.chars == r.chars;
      } else if (j + 1 == k) {
        ok = StartsWith(d.chars, r.chars);
      } else {
        ok = d.chars == r.chars;
      }
    }
    if (ok) return true;
  }
  return false;
}

bool IsWhitespace(const Letter* l) { return l->norm == " " || l->norm == "\n"; }

TEST(SearchPropertyTest, SubstringsAreFoundExceptMidWord) {
  std::mt19937 rng(20240601);
  size_t checked = 0, found = 0, mid_word = 0;
  for (int round = 0; round < 4000; ++round) {
    Text doc = RandomText(rng, 40, 3);
    if (doc.letters.empty()) continue;
    const Tokens tokens = IndexTokens(doc.raw);
    const std::string norm = Normalize(doc.raw);
    ASSERT_EQ(norm, doc.Norm(0, doc.letters.size()));
    for (int q = 0; q < 8; ++q) {
      std::uniform_int_distribution<size_t> at(0, doc.letters.size() - 1);
      size_t from = at(rng);
      size_t to = std::min(doc.letters.size(), from + 1 + at(rng) % 8);
      // One term: stop at whitespace, skip leading separators (they are not part of the term).
      for (size_t i = from; i < to; ++i) {
        if (IsWhitespace(doc.letters[i])) {
          to = i;
          break;
        }
      }
      while (from < to && doc.letters[from]->kind == Kind::kSep) ++from;
      if (from >= to) continue;
      std::string query;
      for (size_t i = from; i < to; ++i) query += doc.letters[i]->s;
      QueryPlan plan = PlanQuery(query);
      ASSERT_EQ(plan.terms.size(), 1u) << query;
      const QueryTerm& term = plan.terms[0];
      ASSERT_NE(norm.find(term.text), std::string::npos) << query;
      ASSERT_TRUE(Contains(doc.raw, plan)) << query;
      ++checked;
      const Kind first = doc.letters[from]->kind;
      const bool inside_word =
          first != Kind::kCjk && from > 0 && doc.letters[from - 1]->kind == first;
      if (EngineMatches(tokens, term)) {
        ++found;
      } else {
        ASSERT_TRUE(inside_word) << "missed substring \"" << query << "\" of \"" << doc.raw << "\"";
        ++mid_word;
      }
    }
  }
  EXPECT_GT(checked, 20000u);
  EXPECT_GT(found, checked * 8 / 10);
  RecordProperty("substrings", static_cast<int>(checked));
  RecordProperty("found", static_cast<int>(found));
  RecordProperty("missed_mid_word", static_cast<int>(mid_word));
}

TEST(SearchPropertyTest, EngineMatchIsTheRunReadingAndOverMatchNeedsTwoRuns) {
  std::mt19937 rng(42);
  size_t queries = 0, matched = 0, substring = 0, over = 0, single_run = 0;
  for (int round = 0; round < 4000; ++round) {
    Text doc = RandomText(rng, 30, 3);
    const Tokens tokens = IndexTokens(doc.raw);
    const std::string norm = Normalize(doc.raw);
    const std::vector<TextRun> doc_runs = RunsOf(doc.letters, 0, doc.letters.size());
    for (int q = 0; q < 10; ++q) {
      Text query = RandomText(rng, 5, 2);
      std::erase_if(query.letters, IsWhitespace);
      query.raw.clear();
      for (const Letter* l : query.letters) query.raw += l->s;
      QueryPlan plan = PlanQuery(query.raw);
      const std::vector<TextRun> q_runs = RunsOf(query.letters, 0, query.letters.size());
      if (q_runs.empty()) {
        ASSERT_TRUE(plan.empty()) << query.raw;
        continue;
      }
      ASSERT_EQ(plan.terms.size(), 1u) << query.raw;
      const QueryTerm& term = plan.terms[0];
      ++queries;
      const bool engine = EngineMatches(tokens, term);
      ASSERT_EQ(engine, RunsMatch(doc_runs, q_runs))
          << "query \"" << query.raw << "\" document \"" << doc.raw << "\"";
      const bool is_substring = norm.find(term.text) != std::string::npos;
      ASSERT_EQ(Contains(doc.raw, plan), is_substring);
      matched += engine;
      substring += is_substring;
      if (q_runs.size() == 1) {
        ++single_run;
        // One run: a CJK substring, or a prefix of a word — exact.
        if (q_runs[0].kind == Kind::kCjk) {
          ASSERT_EQ(engine, is_substring) << query.raw << " in " << doc.raw;
        } else if (engine) {
          ASSERT_TRUE(is_substring) << query.raw << " in " << doc.raw;
        }
      } else if (engine && !is_substring) {
        ++over;
      }
    }
  }
  EXPECT_GT(queries, 20000u);
  EXPECT_GT(single_run, 5000u);
  EXPECT_GT(matched, 3000u);
  // Over-matches (separators ignored between runs) stay a small part of the hits.
  EXPECT_LT(over, matched / 4);
  RecordProperty("queries", static_cast<int>(queries));
  RecordProperty("engine_matches", static_cast<int>(matched));
  RecordProperty("substrings", static_cast<int>(substring));
  RecordProperty("over_matches", static_cast<int>(over));
}

TEST(SearchPropertyTest, SnippetsShowTheTextAndMarkOnlyTerms) {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    Text doc = RandomText(rng, 60, 3);
    Text query = RandomText(rng, 6, 3);
    QueryPlan plan = PlanQuery(query.raw);
    const size_t width = std::uniform_int_distribution<size_t>(1, 30)(rng);
    std::vector<SnippetPiece> pieces = Snippet(doc.raw, plan, width);
    std::string joined;
    for (size_t i = 0; i < pieces.size(); ++i) {
      const SnippetPiece& p = pieces[i];
      ASSERT_FALSE(p.text.empty());
      if (i > 0) {
        ASSERT_NE(p.marked, pieces[i - 1].marked);
      }
      if (p.marked) {
        // A marked piece is made of term occurrences: each of its characters is in some term.
        const std::string n = Normalize(p.text);
        for (size_t c = 0; c < n.size();) {
          size_t len = 1;
          while (c + len < n.size() && (static_cast<unsigned char>(n[c + len]) & 0xC0) == 0x80) {
            ++len;
          }
          bool in_some_term = false;
          for (const QueryTerm& t : plan.terms) {
            in_some_term = in_some_term || t.text.find(n.substr(c, len)) != std::string::npos;
          }
          ASSERT_TRUE(in_some_term) << p.text;
          c += len;
        }
      }
      joined += p.text;
    }
    if (doc.raw.empty()) {
      ASSERT_TRUE(pieces.empty());
      continue;
    }
    // Without the ellipses the snippet is a piece of the original text, at most `width` long.
    std::string body = joined;
    const std::string ellipsis = "…";
    bool cut_front = body.starts_with(ellipsis) && !doc.raw.starts_with(ellipsis);
    if (cut_front) body.erase(0, ellipsis.size());
    if (body.ends_with(ellipsis)) body.erase(body.size() - ellipsis.size());
    ASSERT_NE(doc.raw.find(body), std::string::npos) << joined << " from " << doc.raw;
    size_t chars = 0;
    for (unsigned char c : body) chars += (c & 0xC0) != 0x80;
    ASSERT_EQ(chars, std::min(width, doc.letters.size()));
    // The first hit is in the window when it fits.
    const std::string norm = Normalize(doc.raw);
    bool any_hit = false;
    for (const QueryTerm& t : plan.terms)
      any_hit = any_hit || norm.find(t.text) != std::string::npos;
    bool any_marked = false;
    for (const SnippetPiece& p : pieces) any_marked = any_marked || p.marked;
    ASSERT_EQ(any_marked, any_hit) << query.raw << " in " << doc.raw << " → " << joined;
  }
}

}  // namespace
}  // namespace gongkai::search
