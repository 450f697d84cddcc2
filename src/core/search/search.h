// Chinese full-text search, the pure part: the tokens the storage adapters index and the queries
// they run, for SQLite FTS5 (tokenize='unicode61 remove_diacritics 0') and
// PostgreSQL (to_tsvector('simple', …) + GIN, to_tsquery('simple', …)). Both engines only ever
// see space-separated tokens made here, so both give the same answers: exact substring semantics
// for Chinese, down to 1- and 2-character queries. docs/search.md has the design and the
// exactness argument; the short version:
//
//   text → Normalize → runs of CJK characters, of ASCII letters and of ASCII digits (anything
//   else separates) → a CJK run c1…cn gives c1c2, c2c3, …, c(n-1)cn, cn; a letter or digit run
//   gives itself (at most kMaxWordBytes).
//
//   query → Normalize → terms split on whitespace (all must match) → each term is a phrase of
//   the same tokens, except that its last run leaves out the final unigram (a CJK run of 2+
//   characters) or is matched as a prefix (a single CJK character, a letter or digit run).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::search {

// Bounds on a user query: characters after normalisation, and terms. Longer queries are cut
// (QueryPlan::truncated says so).
inline constexpr size_t kMaxQueryChars = 100;
inline constexpr size_t kMaxQueryTerms = 10;
// A letter or digit run longer than this is indexed (and queried) by its first kMaxWordBytes
// characters: PostgreSQL drops words over 2047 bytes, and nobody searches for longer ones.
inline constexpr size_t kMaxWordBytes = 64;

// The folding both sides of a search go through: full-width ASCII (U+FF01–FF5E) → ASCII, the
// ideographic space and the other Unicode spaces NFKC maps to U+0020 (U+00A0, U+2000–200A,
// U+202F, U+205F) → space, ASCII A–Z → a–z. Invalid UTF-8 bytes are dropped, so the result is
// always valid UTF-8 and has one character per valid character of `text`.
std::string Normalize(std::string_view text);

// The tokens of a document, in order (normalised first).
std::vector<std::string> IndexTokens(std::string_view text);
// The same tokens joined by single spaces: the value to store in the FTS5 column or to pass to
// to_tsvector('simple', …). "" for a text without letters, digits or CJK characters.
std::string IndexText(std::string_view text);

// One whitespace-separated term of a query: a phrase of tokens that must occur contiguously.
struct QueryTerm {
  std::string text;                 // the normalised term, without separators at either end
  std::vector<std::string> tokens;  // never empty
  bool prefix = false;              // the last token matches any token it begins
  bool operator==(const QueryTerm&) const = default;
};

struct QueryPlan {
  std::vector<QueryTerm> terms;  // all must match; duplicates removed; empty: nothing to search
  bool truncated = false;        // the query was cut to kMaxQueryChars or kMaxQueryTerms
  bool empty() const { return terms.empty(); }
  bool operator==(const QueryPlan&) const = default;
};

// The plan of a user's query. An empty plan (blank or punctuation only) means: ask for a query
// ("请输入检索词") and run nothing.
QueryPlan PlanQuery(std::string_view user_query);

// The FTS5 MATCH expression of a plan: `"人民 民政" AND "gov" *`. "" for an empty plan.
std::string ToFts5Match(const QueryPlan& plan);
// The to_tsquery('simple', …) text of a plan: `('人民' <-> '民政') & 'gov':*`. "" for an empty
// plan. Every token is single-quoted (and could not contain an operator anyway).
std::string ToTsQuery(const QueryPlan& plan);

// Whether every term of the plan occurs in Normalize(text) as a substring (false for an empty
// plan). Exact where the engines may over-match (docs/search.md); used to rank title hits first.
bool Contains(std::string_view text, const QueryPlan& plan);

// A piece of a snippet. The renderer escapes `text` itself and highlights marked pieces.
struct SnippetPiece {
  std::string text;
  bool marked = false;
  bool operator==(const SnippetPiece&) const = default;
};

// At most `width_chars` characters of `text` around the first occurrence of any term (matched on
// the normalised text, cut from the original on character boundaries), with "…" added where
// text was cut off, and every occurrence of every term in the window marked. Without an
// occurrence: the start of the text, nothing marked. Invalid UTF-8 bytes are left out. Adjacent
// pieces never have the same `marked`.
std::vector<SnippetPiece> Snippet(std::string_view text, const QueryPlan& plan, size_t width_chars);

}  // namespace gongkai::search
