// The search tokens of core/search against the real engines, without the Store: SQLite FTS5
// (contentless, unicode61 remove_diacritics 0) and, when GONGKAI_TEST_PG_URL names a server,
// PostgreSQL's to_tsvector/to_tsquery('simple'). Guards the two assumptions docs/search.md rests
// on: every token survives the engine's own tokenizer unchanged, and the engine's phrase/prefix
// matching is the contiguous-token matching the core property tests simulate.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/search/search.h"
#include "storage/testing/pg_raw.h"

namespace gongkai::storage {
namespace {

using search::IndexText;
using search::IndexTokens;
using search::PlanQuery;
using search::QueryPlan;
using search::QueryTerm;

// Every code point from U+0080 to the end of CJK extension G (no surrogates), in order, then
// ASCII words: the CJK runs among them give a bigram of every pair of neighbours.
std::string AllCharacters() {
  std::string s = "Gov 2023 abc123 1e10e 0x1f ";
  for (char32_t c = 0x80; c <= 0x3134F; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (c < 0x800) {
      s += static_cast<char>(0xC0 | (c >> 6));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      s += static_cast<char>(0xE0 | (c >> 12));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (c >> 18));
      s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return s;
}

// IndexText of AllCharacters() in pieces of about `tokens` tokens (PostgreSQL caps a tsvector at
// 1 MB), each piece cut between tokens.
std::vector<std::string> IndexPieces(size_t tokens) {
  std::vector<std::string> pieces(1);
  size_t n = 0;
  for (const std::string& t : IndexTokens(AllCharacters())) {
    if (n == tokens) {
      pieces.emplace_back();
      n = 0;
    }
    if (!pieces.back().empty()) pieces.back() += ' ';
    pieces.back() += t;
    ++n;
  }
  return pieces;
}

bool EngineMatches(const std::vector<std::string>& doc, const QueryTerm& term) {
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

// Random documents and queries over a small alphabet, so that queries often hit.
struct Corpus {
  std::vector<std::string> docs;
  std::vector<std::string> queries;
};
Corpus RandomCorpus() {
  static const std::vector<std::string> parts = {
      "人",   "民",  "政",   "府", "公", "开", "年",  "〇", "ア", "2023",
      "２０", "Gov", "ｇｏ", "e1", "，", " ",  "。",  "・", "\"", "'",
      ":",    "*",   "&",    "|",  "!",  "(",  "<->", "-",  "\\"};
  std::mt19937 rng(2024);
  std::uniform_int_distribution<size_t> pick(0, parts.size() - 1);
  auto make = [&](size_t max_parts) {
    std::string s;
    for (size_t n = std::uniform_int_distribution<size_t>(1, max_parts)(rng); n > 0; --n) {
      s += parts[pick(rng)];
    }
    return s;
  };
  Corpus c;
  for (int i = 0; i < 300; ++i) c.docs.push_back(make(30));
  for (int i = 0; i < 300; ++i) c.queries.push_back(make(4));
  for (std::string q : {"人民", "民", "2023年", "２０２３", "gov", "\" OR NEAR( * : & | ! <->",
                        "人民，政府", "府 人", "e"}) {
    c.queries.push_back(q);
  }
  return c;
}

// The rows (1-based document numbers) the simulated engine finds for a plan.
std::set<int64_t> Expected(const Corpus& c, const QueryPlan& plan) {
  std::set<int64_t> rows;
  for (size_t d = 0; d < c.docs.size(); ++d) {
    std::vector<std::string> tokens = IndexTokens(c.docs[d]);
    bool all = !plan.empty();
    for (const QueryTerm& t : plan.terms) all = all && EngineMatches(tokens, t);
    if (all) rows.insert(static_cast<int64_t>(d + 1));
  }
  return rows;
}

// ---- SQLite FTS5 ----------------------------------------------------------------------------

class Sqlite {
 public:
  Sqlite() { sqlite3_open(":memory:", &db_); }
  ~Sqlite() { sqlite3_close(db_); }
  // Runs `sql` with text parameters; returns the first column of every row, or "error: …".
  std::vector<std::string> Query(const std::string& sql, const std::vector<std::string>& params) {
    sqlite3_stmt* stmt = nullptr;
    std::vector<std::string> out;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      return {"error: " + std::string(sqlite3_errmsg(db_))};
    }
    for (size_t i = 0; i < params.size(); ++i) {
      sqlite3_bind_text(stmt, static_cast<int>(i + 1), params[i].data(),
                        static_cast<int>(params[i].size()), SQLITE_TRANSIENT);
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      const unsigned char* v = sqlite3_column_text(stmt, 0);
      out.emplace_back(v != nullptr ? reinterpret_cast<const char*>(v) : "");
    }
    if (rc != SQLITE_DONE) out = {"error: " + std::string(sqlite3_errmsg(db_))};
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

constexpr const char* kFts5Table =
    "CREATE VIRTUAL TABLE doc USING fts5(body, content='', "
    "tokenize='unicode61 remove_diacritics 0')";

TEST(SearchEngineTest, Fts5KeepsEveryTokenWhole) {
  Sqlite db;
  ASSERT_TRUE(db.Query(kFts5Table, {}).empty());
  ASSERT_TRUE(db.Query("CREATE VIRTUAL TABLE vocab USING fts5vocab(doc, 'row')", {}).empty());
  for (const std::string& piece : IndexPieces(20000)) {
    ASSERT_TRUE(db.Query("INSERT INTO doc(body) VALUES (?)", {piece}).empty());
  }
  std::vector<std::string> terms = db.Query("SELECT term FROM vocab", {});
  std::vector<std::string> tokens = IndexTokens(AllCharacters());
  std::set<std::string> want(tokens.begin(), tokens.end());
  std::set<std::string> got(terms.begin(), terms.end());
  EXPECT_GT(want.size(), 100000u);
  EXPECT_EQ(got, want);
}

TEST(SearchEngineTest, Fts5MatchesLikeTheSimulation) {
  Sqlite db;
  ASSERT_TRUE(db.Query(kFts5Table, {}).empty());
  Corpus c = RandomCorpus();
  for (size_t d = 0; d < c.docs.size(); ++d) {
    ASSERT_TRUE(db.Query("INSERT INTO doc(rowid, body) VALUES (?, ?)",
                         {std::to_string(d + 1), IndexText(c.docs[d])})
                    .empty());
  }
  size_t hits = 0;
  for (const std::string& q : c.queries) {
    QueryPlan plan = PlanQuery(q);
    if (plan.empty()) continue;
    std::vector<std::string> rows =
        db.Query("SELECT rowid FROM doc WHERE doc MATCH ? ORDER BY rowid", {ToFts5Match(plan)});
    std::set<int64_t> got;
    for (const std::string& r : rows) {
      ASSERT_FALSE(r.starts_with("error")) << q << " → " << ToFts5Match(plan) << ": " << r;
      got.insert(std::stoll(r));
    }
    EXPECT_EQ(got, Expected(c, plan)) << q << " → " << ToFts5Match(plan);
    hits += got.size();
  }
  EXPECT_GT(hits, 1000u);
}

// ---- PostgreSQL -----------------------------------------------------------------------------

class Pg {
 public:
  explicit Pg(const std::string& url) : conn_(PQconnectdb(url.c_str())) {}
  ~Pg() { PQfinish(conn_); }
  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  std::vector<std::string> Query(const std::string& sql, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    for (const std::string& p : params) values.push_back(p.c_str());
    PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
    std::vector<std::string> out;
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      out.push_back("error: " + std::string(PQerrorMessage(conn_)));
    } else {
      for (int i = 0; i < PQntuples(r); ++i) out.emplace_back(PQgetvalue(r, i, 0));
    }
    PQclear(r);
    return out;
  }

 private:
  PGconn* conn_;
};

class SearchEnginePgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    maintenance_ = test_support::PgTestUrl();
    if (maintenance_.empty()) GTEST_SKIP() << "GONGKAI_TEST_PG_URL not set";
    std::string error;
    url_ = test_support::CreatePgTestDatabase(maintenance_, &error);
    ASSERT_EQ(error, "");
  }
  void TearDown() override {
    if (!url_.empty()) test_support::DropPgTestDatabase(maintenance_, url_);
  }
  std::string maintenance_, url_;
};

TEST_F(SearchEnginePgTest, SimpleConfigKeepsEveryTokenWhole) {
  Pg db(url_);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(db.Query("CREATE TABLE d (v tsvector)", {}).empty());
  for (const std::string& piece : IndexPieces(20000)) {
    ASSERT_TRUE(db.Query("INSERT INTO d VALUES (to_tsvector('simple', $1))", {piece}).empty());
  }
  std::vector<std::string> lexemes = db.Query("SELECT DISTINCT lexeme FROM d, unnest(v)", {});
  std::vector<std::string> tokens = IndexTokens(AllCharacters());
  std::set<std::string> want(tokens.begin(), tokens.end());
  std::set<std::string> got(lexemes.begin(), lexemes.end());
  EXPECT_EQ(got, want);
}

TEST_F(SearchEnginePgTest, TsQueryMatchesLikeTheSimulation) {
  Pg db(url_);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(db.Query("CREATE TABLE d (id bigint PRIMARY KEY, v tsvector)", {}).empty());
  ASSERT_TRUE(db.Query("CREATE INDEX d_v ON d USING gin (v)", {}).empty());
  Corpus c = RandomCorpus();
  for (size_t d = 0; d < c.docs.size(); ++d) {
    ASSERT_TRUE(db.Query("INSERT INTO d VALUES ($1, to_tsvector('simple', $2))",
                         {std::to_string(d + 1), IndexText(c.docs[d])})
                    .empty());
  }
  size_t hits = 0;
  for (const std::string& q : c.queries) {
    QueryPlan plan = PlanQuery(q);
    if (plan.empty()) continue;
    std::vector<std::string> rows = db.Query(
        "SELECT id FROM d WHERE v @@ to_tsquery('simple', $1) ORDER BY id", {ToTsQuery(plan)});
    std::set<int64_t> got;
    for (const std::string& r : rows) {
      ASSERT_FALSE(r.starts_with("error")) << q << " → " << ToTsQuery(plan) << ": " << r;
      got.insert(std::stoll(r));
    }
    EXPECT_EQ(got, Expected(c, plan)) << q << " → " << ToTsQuery(plan);
    hits += got.size();
  }
  EXPECT_GT(hits, 1000u);
}

}  // namespace
}  // namespace gongkai::storage
