// Portal search latency on 100,000 published items: PublicationService::Search as the /search page
// calls it, for a fixed set of queries (1-, 2-, 3- and 6-character Chinese terms of varied
// frequency, ASCII and number terms, two-term queries, a query without hits), against an anchor
// measured in the same run: the engine's raw count of every match of the same plan — FTS5 MATCH
// (sqlite3 C API on the same file) or tsvector @@ on PostgreSQL — without ranking, paging or
// loading.
//
//   search_bench [--items N] [--reps R] [--db PATH|postgresql://…] [--json OUT]
// On SQLite it builds the database (or reuses PATH when it already has N items). A PostgreSQL
// database must hold them already: `gongkai db copy --from PATH --to postgresql://…` of a SQLite
// one. Prints a Markdown table and writes the figures as JSON for bench/run.sh.
#include <soci/soci.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/search/search.h"
#include "service/platform.h"

using namespace gongkai;

namespace {

service::FakeClock clock_instance(1767225600 + 40 * 86400);  // 2026-02-10

// A fixed vocabulary of words found in township and county disclosures; the frequency of each query
// term follows from how often the generator picks the words that contain it.
const std::vector<std::string> kCommon = {
    "关于", "做好", "工作", "通知", "公示", "公告", "村民",   "群众", "政府",
    "乡镇", "落实", "开展", "情况", "资金", "项目", "管理",   "服务", "建设",
    "农村", "政策", "保障", "规定", "单位", "部门", "进一步", "加强", "组织",
    "实施", "要求", "有关", "申请", "审核", "发放", "标准",   "办理", "按照"};
const std::vector<std::string> kMedium = {
    "防汛",     "水利",     "耕地",     "补贴",     "救助",     "预算",     "决算",
    "宅基地",   "土地流转", "合作社",   "医疗保险", "养老保险", "安全生产", "环境整治",
    "道路硬化", "饮水安全", "危房改造", "秸秆禁烧", "森林防火", "疫情防控", "就业培训",
    "低保",     "特困供养", "残疾人",   "退役军人", "乡村振兴", "人居环境", "集体经济",
    "产业发展", "招标采购", "信息公开", "行政许可", "行政处罚"};
const std::vector<std::string> kRare = {"耕地地力保护", "高标准农田", "鑫源",     "磁钟",
                                        "量子",         "光伏电站",   "冷链物流", "非遗传承"};
const std::vector<std::string> kSuffix = {"的通知",   "的公示",   "公告",   "实施方案",
                                          "工作总结", "情况通报", "的决定", "管理办法"};
const std::vector<std::string> kPunct = {"，", "。", "；", "、", "：", "。\n"};

struct Query {
  std::string text;
  std::string kind;
};
const std::vector<Query> kQueries = {{"村", "1 character, very common"},
                                     {"鑫", "1 character, rare"},
                                     {"公示", "2 characters, common"},
                                     {"防汛", "2 characters, medium"},
                                     {"磁钟", "2 characters, rare"},
                                     {"合作社", "3 characters, medium"},
                                     {"宅基地", "3 characters, medium"},
                                     {"耕地地力保护", "6 characters, rare"},
                                     {"乡村振兴战略", "6 characters, rare phrase"},
                                     {"2025", "digits"},
                                     {"58", "digits, short"},
                                     {"gdp", "ASCII word"},
                                     {"救助 资金", "two terms, common"},
                                     {"预算 公开", "two terms, medium"},
                                     {"量子纠缠", "no hit"}};

std::string Pick(std::mt19937_64& rng, const std::vector<std::string>& v) {
  return v[rng() % v.size()];
}

std::string Word(std::mt19937_64& rng) {
  uint64_t r = rng() % 1000;
  if (r < 700) return Pick(rng, kCommon);
  if (r < 985) return Pick(rng, kMedium);
  if (r < 992) return std::to_string(2019 + rng() % 8) + "年";
  if (r < 996) return std::to_string(rng() % 100);
  if (r < 997) return "GDP";
  return Pick(rng, kRare);
}

std::string Title(std::mt19937_64& rng) {
  std::string t;
  int words = 2 + static_cast<int>(rng() % 4);
  for (int i = 0; i < words; ++i) t += Word(rng);
  return t + Pick(rng, kSuffix);
}

std::string Body(std::mt19937_64& rng) {
  const size_t target = 500 + rng() % 1500;  // characters
  std::string b = "<p>";
  size_t chars = 0;
  while (chars < target) {
    std::string w = Word(rng);
    b += w;
    chars += w.size() / 3 + 1;
    if (rng() % 5 == 0) {
      std::string p = Pick(rng, kPunct);
      if (p == "。\n") {
        b += "。</p><p>";
      } else {
        b += p;
      }
      ++chars;
    }
  }
  return b + "。</p>";
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

double Ms(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

int main(int argc, char** argv) {
  int items = 100000, reps = 21;
  std::string path, json_out;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--items") items = std::atoi(argv[i + 1]);
    if (a == "--reps") reps = std::atoi(argv[i + 1]);
    if (a == "--db") path = argv[i + 1];
    if (a == "--json") json_out = argv[i + 1];
  }
  if (path.empty()) {
    path = (std::filesystem::temp_directory_path() / "gongkai-search-bench.db").string();
  }
  auto p = service::OpenPlatform(path, clock_instance);
  if (!p.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", p.status().ToString().c_str());
    return 2;
  }
  auto& platform = **p;
  int64_t agency_id = 0;
  {
    auto tree = platform.agencies().Tree();
    if (tree.ok() && !tree->empty()) agency_id = tree->front().agency.id;
  }
  int64_t existing = 0;
  if (agency_id > 0) {
    auto tx = platform.store().Begin(storage::TxMode::kRead).value();
    storage::PublicationFilter f;
    f.agency_ids = {agency_id};
    f.on_portal = true;
    auto n = tx->CountPublications(f);
    existing = n.ok() ? *n : 0;
  }
  const bool postgres = path.starts_with("postgres");
  if (existing != items && postgres) {
    std::fprintf(stderr,
                 "search_bench: %s holds %lld items, not %d: copy a SQLite bench database there "
                 "(gongkai db copy)\n",
                 path.c_str(), static_cast<long long>(existing), items);
    return 2;
  }
  if (existing != items) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    p = service::OpenPlatform(path, clock_instance);
    if (!p.ok()) return 2;
    Agency a;
    a.level = AgencyLevel::kTownship;
    a.name = "基准测试乡人民政府";
    agency_id = (*p)->agencies().Create(service::Actor::Cli(), a).value();
    auto start = std::chrono::steady_clock::now();
    std::mt19937_64 rng(20260210);
    const Date first = Date::FromYmd(2019, 1, 1).value();
    int done = 0;
    while (done < items) {
      auto tx = (*p)->store().Begin(storage::TxMode::kWrite).value();
      for (int i = 0; i < 20000 && done < items; ++i, ++done) {
        publication::Publication pub;
        pub.agency_id = agency_id;
        pub.index_number = "BENCH/" + std::to_string(done + 1);
        pub.stage = publication::Stage::kPublished;
        pub.working_version = 1;
        pub.live_version = 1;
        Date released = first.AddDays(static_cast<int32_t>(done * 2600LL / items));
        pub.first_released_on = released;
        pub.created_at = released.ToString() + "T01:00:00.000Z";
        publication::Version v;
        v.content.title = Title(rng);
        v.content.subject = "general";
        v.content.item_code = "20.15";
        v.content.written_date = released;
        v.content.issuer = a.name;
        v.content.body_html = Body(rng);
        v.released_on = released;
        v.created_at = pub.created_at;
        v.created_by = "bench";
        pub.versions.push_back(v);
        publication::Event e;
        e.seq = 1;
        e.kind = publication::EventKind::kApproved;
        e.version = 1;
        e.date = released;
        e.recorded_at = pub.created_at;
        e.by = "bench";
        pub.events.push_back(e);
        auto id = tx->InsertPublication(pub);
        if (!id.ok()) {
          std::fprintf(stderr, "search_bench: insert: %s\n", id.status().ToString().c_str());
          return 3;
        }
      }
      if (!tx->Commit().ok()) return 3;
    }
    std::fprintf(stderr, "search_bench: %d items written in %.1f s\n", items,
                 Ms(std::chrono::steady_clock::now() - start) / 1000);
  }
  auto& svc = (*p)->publications();

  // The anchor: the engine's count of every match of a plan.
  sqlite3* raw = nullptr;
  std::unique_ptr<soci::session> pg;
  if (postgres) {
    pg = std::make_unique<soci::session>("postgresql", path);  // libpq takes the URL as it is
  } else if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    return 4;
  }
  auto count_matches = [&](const search::QueryPlan& plan) -> int64_t {
    if (pg) {
      long long n = 0;
      std::string query = search::ToTsQuery(plan);
      *pg << "SELECT count(*) FROM publication_search WHERE body @@ CAST(:q AS tsquery)",
          soci::use(query), soci::into(n);
      return n;
    }
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw,
                       "SELECT count(*) FROM publication_search WHERE publication_search MATCH ?",
                       -1, &st, nullptr);
    const std::string match = search::ToFts5Match(plan);
    sqlite3_bind_text(st, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    int64_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
  };

  struct Row {
    Query q;
    int64_t total = 0;    // what Search counted (up to its limit)
    bool more = false;    // more matched than it counted
    int64_t matches = 0;  // every matching item (the anchor's count)
    std::vector<double> service_ms, fts_ms;
  };
  std::vector<Row> rows;
  std::vector<double> all_service, all_fts;
  for (const Query& q : kQueries) {
    Row row{q, 0, false, 0, {}, {}};
    const search::QueryPlan plan = search::PlanQuery(q.text);
    for (int r = 0; r < reps; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      auto res = svc.Search(q.text, 0, 1);
      auto t1 = std::chrono::steady_clock::now();
      if (!res.ok()) {
        std::fprintf(stderr, "search_bench: %s\n", res.status().ToString().c_str());
        return 5;
      }
      row.total = res->total;
      row.more = res->more;
      auto t2 = std::chrono::steady_clock::now();
      row.matches = count_matches(plan);
      auto t3 = std::chrono::steady_clock::now();
      if (r == 0) continue;  // warm-up
      row.service_ms.push_back(Ms(t1 - t0));
      row.fts_ms.push_back(Ms(t3 - t2));
      all_service.push_back(Ms(t1 - t0));
      all_fts.push_back(Ms(t3 - t2));
    }
    rows.push_back(std::move(row));
  }
  if (raw != nullptr) sqlite3_close(raw);

  std::printf(
      "| Query | kind | matches | counted | p50 ms | p95 ms | FTS5 MATCH p50 ms | ratio |\n");
  std::printf("|---|---|---:|---:|---:|---:|---:|---:|\n");
  std::string json = "{\"items\": " + std::to_string(items) +
                     ", \"reps\": " + std::to_string(reps - 1) + ", \"queries\": [";
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    double p50 = Percentile(r.service_ms, 0.5), p95 = Percentile(r.service_ms, 0.95);
    double f50 = Percentile(r.fts_ms, 0.5);
    std::printf("| `%s` | %s | %lld | %lld%s | %.2f | %.2f | %.2f | %.1f |\n", r.q.text.c_str(),
                r.q.kind.c_str(), static_cast<long long>(r.matches),
                static_cast<long long>(r.total), r.more ? "+" : "", p50, p95, f50,
                f50 > 0 ? p50 / f50 : 0.0);
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "%s{\"query\": \"%s\", \"kind\": \"%s\", \"matches\": %lld, \"hits\": %lld, "
                  "\"more\": %s, \"p50\": %.3f, \"p95\": %.3f, \"fts_p50\": %.3f}",
                  i ? ", " : "", r.q.text.c_str(), r.q.kind.c_str(),
                  static_cast<long long>(r.matches), static_cast<long long>(r.total),
                  r.more ? "true" : "false", p50, p95, f50);
    json += buf;
  }
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "], \"p50\": %.3f, \"p95\": %.3f, \"p99\": %.3f, \"fts_p50\": %.3f, \"fts_p95\": "
                "%.3f, \"fts_p99\": %.3f}\n",
                Percentile(all_service, 0.5), Percentile(all_service, 0.95),
                Percentile(all_service, 0.99), Percentile(all_fts, 0.5), Percentile(all_fts, 0.95),
                Percentile(all_fts, 0.99));
  json += buf;
  std::printf(
      "\nAll queries: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (FTS5 MATCH: %.2f / %.2f / %.2f)\n",
      Percentile(all_service, 0.5), Percentile(all_service, 0.95), Percentile(all_service, 0.99),
      Percentile(all_fts, 0.5), Percentile(all_fts, 0.95), Percentile(all_fts, 0.99));
  if (!json_out.empty()) std::ofstream(json_out) << json;
  return 0;
}
