#include "web/app/portal_models.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

TEST(PortalModelsTest, PiecesAreEscapedAndMarked) {
  std::vector<search::SnippetPiece> pieces = {{"<b>财政", false}, {"预算", true}, {"\"&'", false}};
  EXPECT_EQ(PiecesHtml(pieces), "&lt;b&gt;财政<mark>预算</mark>&quot;&amp;&#39;");
}

TEST(PortalModelsTest, XmlEscapeDropsForbiddenCharacters) {
  EXPECT_EQ(XmlEscape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
  EXPECT_EQ(XmlEscape(std::string("x\x01y\tz\x1f", 6)), "xy\tz");
  EXPECT_EQ(XmlEscape("a\xef\xbf\xbe"
                      "b"),
            "ab");
  EXPECT_EQ(XmlEscape("磁钟乡"), "磁钟乡");
}

TEST(PortalModelsTest, ColumnQueryKeepsFiltersAndLeavesPageOneOut) {
  EXPECT_EQ(ColumnQuery({}), "");
  EXPECT_EQ(ColumnQuery({.item_code = "20.7", .page = 1}), "?item=20.7");
  EXPECT_EQ(ColumnQuery({.item_code = "20.7", .subject = "finance", .year = 2026, .page = 2}),
            "?item=20.7&subject=finance&year=2026&page=2");
}

TEST(PortalModelsTest, AtomFeedIsWellFormedWithAbsoluteUrls) {
  service::PortalFeed feed;
  feed.agency.id = 4;
  feed.agency.name = "磁钟乡<人民政府>";
  publication::Publication p;
  p.id = 7;
  p.live_version = 1;
  p.stage = publication::Stage::kPublished;
  p.first_released_on = Date::Parse("2026-03-02").value();
  publication::Version v;
  v.number = 1;
  v.content.title = "关于A&B的通知";
  v.content.body_html = "<p>第一段 &amp; 正文</p><p>第二段</p>";
  v.released_on = Date::Parse("2026-03-05").value();
  p.versions.push_back(v);
  feed.items.push_back(p);
  std::string xml = AtomFeed(feed, "https://gk.example.cn", Date::Parse("2026-04-01").value());
  EXPECT_NE(xml.find("<id>https://gk.example.cn/agencies/4/disclosure</id>"), std::string::npos);
  EXPECT_NE(xml.find("<title>磁钟乡&lt;人民政府&gt; 政府信息公开</title>"), std::string::npos);
  EXPECT_NE(xml.find("<updated>2026-03-05T00:00:00+08:00</updated>"), std::string::npos);
  EXPECT_NE(xml.find("rel=\"self\" type=\"application/atom+xml\" "
                     "href=\"https://gk.example.cn/agencies/4/disclosure/feed.atom\""),
            std::string::npos);
  EXPECT_NE(xml.find("<id>https://gk.example.cn/publications/7</id>"), std::string::npos);
  EXPECT_NE(xml.find("<title>关于A&amp;B的通知</title>"), std::string::npos);
  EXPECT_NE(xml.find("<published>2026-03-02T00:00:00+08:00</published>"), std::string::npos);
  EXPECT_NE(xml.find("<summary type=\"text\">第一段 &amp; 正文 第二段</summary>"),
            std::string::npos);
}

}  // namespace
}  // namespace gongkai::web

namespace gongkai::web {
namespace {

TEST(PortalModelsTest, SearchBeyondTheCountLimitSaysSoAndPagesEndThere) {
  service::SearchResults r;
  r.plan = search::PlanQuery("村");
  r.total = 1000;
  r.more = true;
  r.page = 50;
  r.hits.resize(20);
  nlohmann::json m = SearchModel(r, "村", 0, "");
  EXPECT_TRUE(m["more"].get<bool>());
  EXPECT_EQ(m["pages"], 50);
  EXPECT_FALSE(m.contains("next_url"));  // nothing is listed past the limit
  EXPECT_EQ(m["to"], 1000);
  r.more = false;
  r.total = 7;
  r.page = 1;
  r.hits.resize(7);
  EXPECT_FALSE(SearchModel(r, "村", 0, "")["more"].get<bool>());
}

}  // namespace
}  // namespace gongkai::web
