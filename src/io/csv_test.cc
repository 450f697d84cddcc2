#include "io/csv.h"

#include <gtest/gtest.h>

namespace gongkai::io {
namespace {

using Fields = std::vector<std::string>;

TEST(ParseCsvTest, ReadsWhatSpreadsheetsWrite) {
  struct Case {
    std::string text;
    std::vector<std::pair<int, Fields>> want;
  } cases[] = {
      {"a,b\r\n1,2\r\n", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"\xEF\xBB\xBF" "a,b\n1,2", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"a,b\r1,2\r", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"\"x, y\",\"say \"\"hi\"\"\"\n", {{1, {"x, y", "say \"hi\""}}}},
      {"\"two\nlines\",z\nnext", {{1, {"two\nlines", "z"}}, {3, {"next"}}}},
      {"a,,\n\nb", {{1, {"a", "", ""}}, {2, {""}}, {3, {"b"}}}},
      {"磁钟乡人民政府,2024", {{1, {"磁钟乡人民政府", "2024"}}}},
      {"", {}},
  };
  for (const Case& c : cases) {
    auto got = ParseCsv(c.text);
    ASSERT_TRUE(got.ok()) << c.text << ": " << got.status().ToString();
    ASSERT_EQ(got->size(), c.want.size()) << c.text;
    for (size_t i = 0; i < c.want.size(); ++i) {
      EXPECT_EQ((*got)[i].line, c.want[i].first) << c.text;
      EXPECT_EQ((*got)[i].fields, c.want[i].second) << c.text;
    }
  }
}

TEST(ParseCsvTest, RefusesWithTheLine) {
  auto open = ParseCsv("a,b\n1,\"2\n3,4\n");
  ASSERT_FALSE(open.ok());
  EXPECT_NE(open.status().message().find("line 2"), std::string::npos);
  EXPECT_NE(open.status().ui_message().find("第2行"), std::string::npos);
  auto gbk = ParseCsv("a,b\n\xB4\xC5\xD6\xD3,1\n");  // 磁钟 in GBK
  ASSERT_FALSE(gbk.ok());
  EXPECT_NE(gbk.status().message().find("line 2: not UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::io
