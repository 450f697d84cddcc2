// End to end: the real application and HTTP server on an ephemeral port, a SQLite file with the
// demo data, and a plain HTTP client acting as a browser would.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "io/testing/seed_report.h"
#include "service/demo.h"
#include "service/platform.h"
#include "tests/e2e/http_client.h"
#include "web/app/app.h"
#include "web/http/http.h"
#include "web/http/server.h"

namespace gongkai::e2e {
namespace {

class WebE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("gongkai-e2e-" + std::to_string(::getpid())));
    std::filesystem::remove_all(*dir_);
    std::filesystem::create_directories(*dir_);
    service::PlatformOptions options;
    options.hasher = service::HasherOptions::FastForTests();
    // GONGKAI_E2E_DB runs the same suite on another (empty) database, e.g. PostgreSQL in CI.
    const char* url = std::getenv("GONGKAI_E2E_DB");
    auto p = service::OpenPlatform(url && *url ? std::string(url) : (*dir_ / "e2e.db").string(),
                                   clock_, options);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    platform_ = std::move(p).value().release();
    ASSERT_TRUE(service::SeedDemo(*platform_, {}).ok());
    app_ = new web::App(*platform_, {});
    router_ = new web::Router(web::BuildRouter(*app_));
    assets_ = new web::StaticAssets{{"app.css", {"text/css; charset=utf-8", "body{}", "\"css1\""}}};
    web::ServerOptions so;
    so.port = 0;
    so.access_log = false;
    server_ = new web::HttpServer(so, *router_, assets_);
    Status st = server_->Start();
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  static void TearDownTestSuite() {
    server_->Stop();
    delete server_;
    delete assets_;
    delete router_;
    delete app_;
    delete platform_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  HttpClient Client() { return HttpClient(server_->port()); }

  // Logs in through the form, as a browser does; returns the final response.
  HttpResult LogIn(HttpClient& c, const std::string& user, const std::string& password) {
    HttpResult form = c.Get("/login");
    EXPECT_EQ(form.status, 200);
    std::string csrf = InputValue(form.body, "_csrf");
    EXPECT_EQ(csrf.size(), 64u);
    return c.PostForm(
        "/login", "_csrf=" + csrf + "&next=%2Fadmin&username=" + user + "&password=" + password);
  }

  static inline service::SystemClock clock_;
  static inline std::filesystem::path* dir_ = nullptr;
  static inline service::Platform* platform_ = nullptr;
  static inline web::App* app_ = nullptr;
  static inline web::Router* router_ = nullptr;
  static inline web::StaticAssets* assets_ = nullptr;
  static inline web::HttpServer* server_ = nullptr;
};

TEST_F(WebE2eTest, PortalHomeListsTheAgencyTreeInChinese) {
  HttpClient c = Client();
  HttpResult r = c.Get("/");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html lang=\"zh-CN\">"), std::string::npos);
  for (const char* name : {"河南省人民政府", "三门峡市人民政府", "三门峡市湖滨区人民政府",
                           "三门峡市湖滨区磁钟乡人民政府", "磁钟乡磁钟村村民委员会",
                           "三门峡市湖滨区人力资源和社会保障局"}) {
    EXPECT_NE(r.body.find(name), std::string::npos) << name;
  }
  EXPECT_NE(r.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_NE(r.body.find("name=\"viewport\""), std::string::npos);
}

TEST_F(WebE2eTest, AgencyPageShowsOfficeAndLeadingGroup) {
  HttpClient c = Client();
  auto agencies = nlohmann::json::parse(c.Get("/api/v1/agencies").body)["agencies"];
  int64_t cizhong = 0;
  for (const auto& a : agencies) {
    if (a["short_name"] == "磁钟乡") cizhong = a["id"];
  }
  ASSERT_GT(cizhong, 0);
  HttpResult r = c.Get("/agencies/" + std::to_string(cizhong));
  ASSERT_EQ(r.status, 200);
  for (const char* text :
       {"党政综合办公室", "组长", "党委书记", "常务副组长", "下级单位", "磁钟村"}) {
    EXPECT_NE(r.body.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(c.Get("/agencies/99999").status, 404);
  EXPECT_EQ(c.Get("/agencies/abc").status, 404);
}

TEST_F(WebE2eTest, JsonApi) {
  HttpClient c = Client();
  HttpResult health = c.Get("/api/v1/health");
  ASSERT_EQ(health.status, 200);
  auto h = nlohmann::json::parse(health.body);
  EXPECT_EQ(h["status"], "ok");
  const char* url = std::getenv("GONGKAI_E2E_DB");
  EXPECT_EQ(h["database"],
            url && std::string(url).starts_with("postgres") ? "postgresql" : "sqlite");
  EXPECT_NE(health.Header("content-type").find("application/json"), std::string::npos);
  auto list = nlohmann::json::parse(c.Get("/api/v1/agencies").body);
  EXPECT_GE(list["agencies"].size(), 12u);
  HttpResult missing = c.Get("/api/v1/agencies/424242");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["code"], "NotFound");
  EXPECT_EQ(c.Get("/api/v1/agencies/-1").status, 400);

  // Annual reports: the published list and one report with its checks and explanations.
  std::string cizhong =
      std::to_string(platform_->users().FindByName("cizhong.clerk").value().agency_id);
  auto reports = nlohmann::json::parse(c.Get("/api/v1/agencies/" + cizhong + "/reports").body);
  ASSERT_GE(reports["reports"].size(), 2u);
  EXPECT_EQ(reports["reports"][0]["year"], 2023);
  EXPECT_EQ(reports["reports"][0]["published_on"], "2024-01-19");
  HttpResult one = c.Get("/api/v1/agencies/" + cizhong + "/reports/2023");
  ASSERT_EQ(one.status, 200);
  auto r = nlohmann::json::parse(one.body);
  EXPECT_EQ(r["schema"], "gongkai.annual-report/1");
  EXPECT_EQ(r["year"], 2023);
  EXPECT_TRUE(r.contains("checks"));
  EXPECT_FALSE(r["publication"]["explanations"].empty());
  EXPECT_EQ(c.Get("/api/v1/agencies/" + cizhong + "/reports/2021").status, 404);
}

TEST_F(WebE2eTest, ClerkLogsInAndSeesHerAgencyOnly) {
  HttpClient c = Client();
  HttpResult r = LogIn(c, "cizhong.clerk", service::kDemoPassword);
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("location"), "/admin");
  ASSERT_TRUE(c.cookies.count("gk_session"));
  HttpResult home = c.Get("/admin");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("三门峡市湖滨区磁钟乡人民政府"), std::string::npos);
  EXPECT_NE(home.body.find("王晓敏（公开专员）"), std::string::npos);
  EXPECT_NE(home.body.find("磁钟村"), std::string::npos);  // her subtree
  EXPECT_EQ(home.body.find("交口乡"), std::string::npos);  // a sibling township is out of scope
  EXPECT_EQ(home.body.find("用户管理"), std::string::npos);
  EXPECT_EQ(c.Get("/admin/users").status, 403);
  EXPECT_EQ(c.Get("/admin/audit").status, 403);

  std::string csrf = InputValue(home.body, "_csrf");
  HttpResult out = c.PostForm("/logout", "_csrf=" + csrf);
  EXPECT_EQ(out.status, 303);
  EXPECT_FALSE(c.cookies.count("gk_session"));
  EXPECT_EQ(c.Get("/admin").status, 303);
}

TEST_F(WebE2eTest, SupervisorSeesTheDistrictAndTheAuditLog) {
  HttpClient c = Client();
  ASSERT_EQ(LogIn(c, "hubin.supervisor", service::kDemoPassword).status, 303);
  HttpResult home = c.Get("/admin");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("交口乡"), std::string::npos);
  EXPECT_NE(home.body.find("三门峡市湖滨区人力资源和社会保障局"), std::string::npos);
  HttpResult audit = c.Get("/admin/audit");
  ASSERT_EQ(audit.status, 200);
  EXPECT_NE(audit.body.find("新增单位"), std::string::npos);
  EXPECT_NE(audit.body.find("登录"), std::string::npos);
}

TEST_F(WebE2eTest, AdminCreatesAUserWithinScope) {
  HttpClient c = Client();
  ASSERT_EQ(LogIn(c, "cizhong.admin", service::kDemoPassword).status, 303);
  HttpResult page = c.Get("/admin/users");
  ASSERT_EQ(page.status, 200);
  std::string csrf = InputValue(page.body, "_csrf");
  auto me = platform_->users().FindByName("cizhong.admin").value();
  HttpResult r =
      c.PostForm("/admin/users", "_csrf=" + csrf +
                                     "&username=village.clerk&display_name=%E6%9D%8E%E5%9B%9B"
                                     "&role=clerk&password=village-pass-1&agency_id=" +
                                     std::to_string(me.agency_id));
  EXPECT_EQ(r.status, 303);
  EXPECT_NE(r.Header("location").find("created=village.clerk"), std::string::npos);
  HttpResult dup = c.PostForm("/admin/users", "_csrf=" + csrf +
                                                  "&username=village.clerk&display_name=x"
                                                  "&role=clerk&password=village-pass-1&agency_id=" +
                                                  std::to_string(me.agency_id));
  EXPECT_NE(dup.Header("location").find("error="), std::string::npos);
  EXPECT_TRUE(platform_->users().FindByName("village.clerk").ok());
}

TEST_F(WebE2eTest, TwoAdminsEditTheSameAgencyTheSecondIsToldToReload) {
  auto admin = platform_->users().FindByName("cizhong.admin").value();
  std::string edit = "/admin/agencies/" + std::to_string(admin.agency_id);
  HttpClient a = Client(), b = Client();
  ASSERT_EQ(LogIn(a, "cizhong.admin", service::kDemoPassword).status, 303);
  ASSERT_EQ(LogIn(b, "cizhong.admin", service::kDemoPassword).status, 303);
  HttpResult form_a = a.Get(edit + "/edit"), form_b = b.Get(edit + "/edit");
  ASSERT_EQ(form_a.status, 200);
  std::string version = InputValue(form_a.body, "version");
  ASSERT_FALSE(version.empty());
  auto post = [&](HttpClient& c, const HttpResult& form, const std::string& phone) {
    return c.PostForm(
        edit, "_csrf=" + InputValue(form.body, "_csrf") + "&version=" + version +
                  "&name=%E4%B8%89%E9%97%A8%E5%B3%A1%E5%B8%82%E6%B9%96%E6%BB%A8%E5%8C%BA%E7%A3%81%"
                  "E9%92%9F%E4%B9%A1%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C"
                  "&office_name=%E5%85%9A%E6%94%BF%E7%BB%BC%E5%90%88%E5%8A%9E%E5%85%AC%E5%AE%A4&"
                  "office_phone=" +
                  phone +
                  "&member_name_0=%E6%9D%8E%E5%8D%AB%E4%B8%9C&member_post_0=x&member_role_0=head"
                  "&member_name_1=&member_post_1=&member_role_1=member");
  };
  HttpResult first = post(a, form_a, "0398-1111111");
  EXPECT_EQ(first.status, 303);
  HttpResult second = post(b, form_b, "0398-2222222");
  EXPECT_EQ(second.status, 409);
  EXPECT_NE(second.body.find("已被他人修改"), std::string::npos);
  EXPECT_NE(second.body.find("0398-2222222"),
            std::string::npos);  // the second user's input is kept
  auto stored = platform_->agencies().Get(admin.agency_id).value();
  EXPECT_EQ(stored.office.phone, "0398-1111111");
  EXPECT_EQ(stored.leading_group.size(), 1u);
  HttpResult bad = a.PostForm(edit, "_csrf=" + InputValue(form_a.body, "_csrf") + "&version=" +
                                        std::to_string(stored.version) + "&name=&region_code=12x");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(platform_->agencies().Get(admin.agency_id)->version,
            stored.version);  // nothing half-saved

  HttpClient clerk = Client();
  ASSERT_EQ(LogIn(clerk, "cizhong.clerk", service::kDemoPassword).status, 303);
  EXPECT_EQ(clerk.Get(edit + "/edit").status, 403);
}

// --- Annual reports ---------------------------------------------------------------------------

// The report form as the page shows it (every cell and narrative section), urlencoded, with some
// cells replaced: what a browser posts.
std::string ReportForm(const std::string& html, const std::map<std::string, std::string>& changes) {
  std::string out =
      "_csrf=" + InputValue(html, "_csrf") + "&row_version=" + InputValue(html, "row_version");
  static const std::regex kCell(R"re(name="(c\.[a-z0-9_.]+)" value="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kCell);
       it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[1], value = (*it)[2];
    if (auto c = changes.find(name); c != changes.end()) value = c->second;
    out += "&" + name + "=" + web::PercentEncode(value);
  }
  for (const char* n : {"n.一", "n.五", "n.六"}) out += "&" + web::PercentEncode(n) + "=";
  return out;
}

int64_t CizhongId(service::Platform& p) {
  return p.users().FindByName("cizhong.clerk").value().agency_id;
}

TEST_F(WebE2eTest, PublishedReportOnThePortalWithDownloads) {
  HttpClient c = Client();
  std::string base = "/agencies/" + std::to_string(CizhongId(*platform_)) + "/reports/2023";
  HttpResult agency = c.Get("/agencies/" + std::to_string(CizhongId(*platform_)));
  EXPECT_NE(agency.body.find(base), std::string::npos) << "agency page links its reports";
  HttpResult page = c.Get(base);
  ASSERT_EQ(page.status, 200);
  for (const char* h :
       {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项", "rowspan", "数据说明"}) {
    EXPECT_NE(page.body.find(h), std::string::npos) << h;
  }
  struct Want {
    const char* format;
    const char* type;
    const char* magic;
  };
  for (const Want& w :
       {Want{"pdf", "application/pdf", "%PDF-"},
        Want{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "PK"},
        Want{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"},
        Want{"json", "application/json", "{"}}) {
    HttpResult file = c.Get(base + "/download/" + w.format);
    EXPECT_EQ(file.status, 200) << w.format;
    EXPECT_EQ(file.Header("content-type"), w.type);
    EXPECT_TRUE(file.body.starts_with(w.magic)) << w.format;
    EXPECT_NE(file.Header("content-disposition").find("filename*=UTF-8''"), std::string::npos);
  }
  EXPECT_EQ(c.Get(base + "/download/exe").status, 400);
  EXPECT_EQ(c.Get(base + "?version=9").status, 404);
  EXPECT_EQ(c.Get("/agencies/" + std::to_string(CizhongId(*platform_)) + "/reports/2019").status,
            404);
  EXPECT_EQ(c.Get("/assets/report.css").status, 200);
}

TEST_F(WebE2eTest, ReportEditingStaleFormsBadFiguresAndRoles) {
  HttpClient a = Client(), b = Client(), leader = Client(), anon = Client();
  ASSERT_EQ(LogIn(a, "cizhong.clerk", service::kDemoPassword).status, 303);
  ASSERT_EQ(LogIn(b, "cizhong.clerk", service::kDemoPassword).status, 303);
  ASSERT_EQ(LogIn(leader, "cizhong.leader", service::kDemoPassword).status, 303);
  HttpResult list = a.Get("/admin/reports");
  ASSERT_EQ(list.status, 200);
  HttpResult created = a.PostForm(
      "/admin/reports", "_csrf=" + InputValue(list.body, "_csrf") +
                            "&agency_id=" + std::to_string(CizhongId(*platform_)) + "&year=2024");
  ASSERT_EQ(created.status, 303);
  std::string url = created.Header("location").substr(0, created.Header("location").find('?'));
  HttpResult form_a = a.Get(url), form_b = b.Get(url);
  ASSERT_EQ(form_a.status, 200);
  auto save = [&](HttpClient& c, const HttpResult& form,
                  std::map<std::string, std::string> changes) {
    return c.PostForm(url, ReportForm(form.body, changes));
  };
  // Bad figures: refused with the typed text kept, nothing saved; a truncated form is refused too.
  HttpResult bad = save(a, form_a, {{"c.t3.new.natural", "-2"}, {"c.t3.new.total", "1.5"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("不能为负数"), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"1.5\""), std::string::npos);
  HttpResult truncated = a.PostForm(
      url, "_csrf=" + InputValue(form_a.body, "_csrf") +
               "&row_version=" + InputValue(form_a.body, "row_version") + "&c.t3.new.natural=1");
  EXPECT_EQ(truncated.status, 422);
  EXPECT_NE(truncated.body.find("表单不完整"), std::string::npos);
  // First save wins; the second, from the same starting version, is told to reload with input kept.
  EXPECT_EQ(save(a, form_a, {{"c.t2.licensing.decisions", "7"}}).status, 303);
  HttpResult stale = save(b, form_b, {{"c.t2.licensing.decisions", "8"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("已被他人修改"), std::string::npos);
  EXPECT_NE(stale.body.find("value=\"8\""), std::string::npos);
  // Saving the re-shown page as it is must not overwrite the other change either.
  HttpResult again = b.PostForm(url, ReportForm(stale.body, {}));
  EXPECT_EQ(again.status, 409);
  HttpResult now = a.Get(url);
  EXPECT_NE(now.body.find("name=\"c.t2.licensing.decisions\" value=\"7\""), std::string::npos);
  // The leader may not edit; the clerk may not publish; the public does not see the draft.
  HttpResult leader_page = leader.Get(url);
  EXPECT_EQ(
      leader
          .PostForm(url + "/publish", "_csrf=" + InputValue(leader_page.body, "_csrf") +
                                          "&row_version=" + InputValue(now.body, "row_version"))
          .status,
      409);  // not submitted yet
  EXPECT_EQ(a.PostForm(url + "/publish", "_csrf=" + InputValue(now.body, "_csrf") +
                                             "&row_version=" + InputValue(now.body, "row_version"))
                .status,
            403);
  EXPECT_EQ(anon.Get("/agencies/" + std::to_string(CizhongId(*platform_)) + "/reports/2024").status,
            404);
  // Draft narrative from the figures, shown but not saved.
  HttpResult draft = a.PostForm(url + "/draft", ReportForm(now.body, {}));
  EXPECT_EQ(draft.status, 200);
  EXPECT_NE(draft.body.find("（一）主动公开"), std::string::npos);
  // Download of a draft is marked as such in its file name.
  HttpResult text = a.Get(url + "/download/text");
  EXPECT_EQ(text.status, 200);
  EXPECT_NE(text.Header("content-disposition").find("%E8%8D%89%E7%A8%BF"),
            std::string::npos);  // 草稿
}

TEST_F(WebE2eTest, SupervisorAddsUpUnitsReports) {
  HttpClient c = Client();
  ASSERT_EQ(LogIn(c, "hubin.supervisor", service::kDemoPassword).status, 303);
  std::string cizhong = std::to_string(CizhongId(*platform_));
  int64_t jiaokou = 0;
  auto agencies = platform_->agencies().List();
  ASSERT_TRUE(agencies.ok());
  for (const Agency& a : *agencies)
    if (a.short_name == "交口乡") jiaokou = a.id;
  HttpResult form = c.Get("/admin/reports/summary");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("交口乡"), std::string::npos);
  HttpResult one = c.Get("/admin/reports/summary?year=2023&unit=" + cizhong);
  ASSERT_EQ(one.status, 200);
  EXPECT_NE(one.body.find("（汇总）"), std::string::npos);
  EXPECT_NE(one.body.find("三门峡市湖滨区磁钟乡人民政府"), std::string::npos);  // the units summed
  HttpResult missing = c.Get("/admin/reports/summary?year=2023&unit=" + cizhong +
                             "&unit=" + std::to_string(jiaokou));
  EXPECT_NE(missing.body.find("交口乡人民政府尚未发布2023年度报告"), std::string::npos);
  HttpResult pdf = c.Get("/admin/reports/summary?year=2023&unit=" + cizhong + "&format=pdf");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  HttpResult bad = c.Get("/admin/reports/summary?year=abc&unit=" + cizhong);
  EXPECT_EQ(bad.status, 400);
}

TEST_F(WebE2eTest, WrongPasswordAndMissingCsrfAreRefused) {
  HttpClient c = Client();
  HttpResult wrong = LogIn(c, "cizhong.leader", "not-the-password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("用户名或密码错误"), std::string::npos);
  EXPECT_FALSE(c.cookies.count("gk_session"));

  HttpClient d = Client();
  d.Get("/login");
  HttpResult no_token = d.PostForm("/login", "username=cizhong.leader&password=gongkai-demo");
  EXPECT_EQ(no_token.status, 403);
  EXPECT_NE(no_token.body.find("页面已过期"), std::string::npos);
  std::string csrf = d.cookies["gk_csrf"];
  HttpResult cross =
      d.PostForm("/login", "_csrf=" + csrf + "&username=cizhong.leader&password=gongkai-demo",
                 {{"Origin", "https://evil.example"}});
  EXPECT_EQ(cross.status, 403);
  HttpResult ok = d.PostForm(
      "/login",
      "_csrf=" + csrf + "&username=cizhong.leader&password=gongkai-demo&next=%2F%2Fevil.example");
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.Header("location"), "/admin");  // no open redirect
}

TEST_F(WebE2eTest, MalformedRequestsGetClearErrors) {
  HttpClient c = Client();
  EXPECT_EQ(c.Get("/no/such/page").status, 404);
  EXPECT_EQ(c.Send("DELETE", "/", "", "").status, 405);
  c.Get("/login");
  HttpResult bad_form = c.Send("POST", "/login", "a=%ZZ", "application/x-www-form-urlencoded");
  EXPECT_EQ(bad_form.status, 400);
  EXPECT_EQ(c.Get("/static/app.css?v=1").Header("cache-control"),
            "public, max-age=31536000, immutable");
}

// --- Auditing uploaded reports (issue 5) ------------------------------------------------------

std::string SeedReportFile() { return io::testing::ReadSeedReport(); }

// A multipart/form-data body as a browser sends it: the CSRF field, then the files.
std::string MultipartBody(const std::string& boundary, const std::string& csrf,
                          const std::vector<std::pair<std::string, std::string>>& files) {
  std::string body = "--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n";
  for (const auto& [name, bytes] : files) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" +
            name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n";
  }
  return body + "--" + boundary + "--\r\n";
}

std::vector<std::string> SaveActions(const std::string& html) {
  std::vector<std::string> out;
  static const std::regex kAction(R"re(action="(/admin/reports/audit/\d+/save)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kAction);
       it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

TEST_F(WebE2eTest, SupervisorUploadsReportsSeesTheAuditAndSavesOne) {
  std::string seed = SeedReportFile();
  ASSERT_FALSE(seed.empty()) << "shared/fixtures must sit next to the project root";
  // 交口乡's report (the demo has none for 2023), with 3 applications never handled: T3-01.
  std::string jiaokou = seed;
  jiaokou.replace(jiaokou.find("磁钟乡人民政府 2023"), std::string("磁钟乡").size(), "交口乡");
  jiaokou.replace(jiaokou.find("一、本年新收政府信息公开申请数量\t\t0"),
                  std::string("一、本年新收政府信息公开申请数量\t\t0").size(),
                  "一、本年新收政府信息公开申请数量\t\t3");

  HttpClient c = Client();
  ASSERT_EQ(LogIn(c, "hubin.supervisor", service::kDemoPassword).status, 303);
  EXPECT_NE(c.Get("/admin").body.find("/admin/reports/audit"), std::string::npos);
  EXPECT_NE(c.Get("/admin/reports").body.find("审核已发布的年度报告文件"), std::string::npos);
  HttpResult form = c.Get("/admin/reports/audit");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("type=\"file\" multiple"), std::string::npos);
  EXPECT_NE(form.body.find("webkitdirectory"), std::string::npos);
  std::string csrf = InputValue(form.body, "_csrf");
  const std::string boundary = "----gongkaiE2eBoundary7MA4YWxk";
  const std::string type = "multipart/form-data; boundary=" + boundary;

  HttpResult audited =
      c.Send("POST", "/admin/reports/audit",
             MultipartBody(boundary, csrf,
                           {{"磁钟乡2023年报告.txt", seed},
                            {"交口乡2023年报告.txt", jiaokou},
                            {"扫描件.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)}}),
             type);
  ASSERT_EQ(audited.status, 200) << audited.body.substr(0, 2000);
  const std::string& page = audited.body;
  EXPECT_NE(page.find("共 3 个文件：读出报告 2 份，未能读取 1 个；有错误的报告 1 份"),
            std::string::npos);
  EXPECT_NE(page.find("扫描件.png</strong>：未能读取 — "), std::string::npos);
  EXPECT_NE(page.find("读出 200/200 格"), std::string::npos);
  // The broken cell is highlighted and linked to its violation, which names T3-01.
  EXPECT_NE(page.find("<td class=\"num bad\""), std::string::npos);
  EXPECT_TRUE(std::regex_search(page, std::regex(R"(<a href="#f2-v-\d+" title="[^"]*T3-01)")));
  EXPECT_NE(page.find("<code>T3-01</code>"), std::string::npos);
  // 磁钟乡 has published its 2023 report here: the file's figures agree with it.
  EXPECT_NE(page.find("第1版已发布，表格数字与本文件一致"), std::string::npos);
  EXPECT_NE(page.find("保存为该单位2023年度报告"), std::string::npos);
  std::vector<std::string> actions = SaveActions(page);
  ASSERT_EQ(actions.size(), 2u);

  // Saved as 交口乡's 2023 report: imported, linked to its file, with the file's figures.
  int64_t jiaokou_id = 0;
  auto agencies = platform_->agencies().List();
  ASSERT_TRUE(agencies.ok());
  for (const Agency& a : *agencies)
    if (a.short_name == "交口乡") jiaokou_id = a.id;
  std::string fields = "_csrf=" + csrf + "&agency_id=" + std::to_string(jiaokou_id) + "&year=2023";
  HttpResult saved = c.PostForm(actions[1], fields);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  std::string location = saved.Header("location");
  EXPECT_TRUE(std::regex_match(location, std::regex(R"(/admin/reports/\d+\?done=imported)")))
      << location;
  HttpResult report = c.Get(location);
  ASSERT_EQ(report.status, 200);
  EXPECT_NE(report.body.find("已将审核的文件保存为年度报告"), std::string::npos);
  EXPECT_NE(report.body.find("交口乡人民政府2023年政府信息公开工作年度报告"), std::string::npos);
  EXPECT_NE(report.body.find("导入（<a href=\"/admin/reports/audit/"), std::string::npos);
  EXPECT_NE(report.body.find("T3-01"), std::string::npos);
  std::string source = actions[1].substr(0, actions[1].size() - std::string("/save").size());
  HttpResult file = c.Get(source + "/file");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, jiaokou);
  EXPECT_NE(file.Header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_NE(file.Header("content-security-policy").find("sandbox"), std::string::npos);

  // Again: the draft is open, so it is refused and the file's page says why.
  HttpResult again = c.PostForm(actions[1], fields);
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("未能保存：三门峡市湖滨区交口乡人民政府2023年度报告第1版正在编辑"),
            std::string::npos);
  HttpResult stored = c.Get(source);
  ASSERT_EQ(stored.status, 200);
  EXPECT_NE(stored.body.find("本文件已保存为该单位2023年度报告"), std::string::npos);
  // A forged year, and a unit outside the district.
  HttpResult wrong_year = c.PostForm(
      actions[0],
      "_csrf=" + csrf + "&agency_id=" + std::to_string(CizhongId(*platform_)) + "&year=2022");
  EXPECT_EQ(wrong_year.status, 400);
  EXPECT_NE(wrong_year.body.find("文件中的报告年度是2023年，不是2022年"), std::string::npos);
  HttpResult outside = c.PostForm(actions[0], "_csrf=" + csrf + "&agency_id=1&year=2023");
  EXPECT_EQ(outside.status, 403);
  // No CSRF token: refused before anything is read.
  EXPECT_EQ(
      c.Send("POST", "/admin/reports/audit", MultipartBody(boundary, "", {{"a.txt", seed}}), type)
          .status,
      403);

  // Limits, with a Chinese reason on the upload page.
  std::vector<std::pair<std::string, std::string>> many(21, {"a.txt", "x"});
  HttpResult too_many =
      c.Send("POST", "/admin/reports/audit", MultipartBody(boundary, csrf, many), type);
  EXPECT_EQ(too_many.status, 400);
  EXPECT_NE(too_many.body.find("一次最多审核20个文件，您选择了21个"), std::string::npos);
  HttpResult too_big =
      c.Send("POST", "/admin/reports/audit",
             MultipartBody(boundary, csrf, {{"big.txt", std::string(65u << 20, 'x')}}), type);
  EXPECT_EQ(too_big.status, 400);
  EXPECT_NE(too_big.body.find("超过64.0 MB的上限"), std::string::npos);

  // Others: a unit's clerk elsewhere does not see the supervisor's files; a leader does not audit.
  HttpClient hrss = Client();
  ASSERT_EQ(LogIn(hrss, "hrss.clerk", service::kDemoPassword).status, 303);
  EXPECT_EQ(hrss.Get(source).status, 404);
  EXPECT_EQ(hrss.Get(source + "/file").status, 404);
  HttpClient leader = Client();
  ASSERT_EQ(LogIn(leader, "cizhong.leader", service::kDemoPassword).status, 303);
  EXPECT_EQ(leader.Get("/admin/reports/audit").status, 403);
}

}  // namespace
}  // namespace gongkai::e2e
