#include "core/publication/led_feed.h"

#include <gtest/gtest.h>

namespace gongkai::publication {
namespace {

TEST(LedFeedTest, WidthCountsCjkAsOneAndAsciiAsHalfRoundedUp) {
  struct Case {
    const char* text;
    int width;
  } cases[] = {
      {"", 0},
      {"a", 1},
      {"ab", 1},
      {"abc", 2},
      {"磁钟乡", 3},
      {"2026年", 3},
      {"关于2026年", 5},
      {"（通知）", 4},
      {"a\xff"
       "b",
       1},  // the invalid byte does not count
  };
  for (const auto& c : cases) EXPECT_EQ(LedWidth(c.text), c.width) << c.text;
}

TEST(LedFeedTest, LinesAreCutAtCharacterBoundariesToTheWidth) {
  struct Case {
    const char* title;
    int width;
    const char* line;
  } cases[] = {
      {"磁钟乡2026年财政预算公开", 4, "磁钟乡20"},
      {"磁钟乡2026年财政预算公开", 5, "磁钟乡2026"},
      {"磁钟乡2026年财政预算公开", 6, "磁钟乡2026年"},
      {"磁钟乡2026年财政预算公开", 7, "磁钟乡2026年财"},
      {"磁钟乡2026年财政预算公开", 64, "磁钟乡2026年财政预算公开"},
      {"abcdefghij", 4, "abcdefgh"},
      {"  关于\n开展\t工作  ", 10, "关于 开展 工作"},
      {"关于\xe5\x8f开展", 4, "关于开展"},  // a truncated sequence is dropped
      {"\xe3\x80\x80全角空格", 8, "全角空格"},
  };
  for (const auto& c : cases) {
    std::string line = LedLine(c.title, c.width);
    EXPECT_EQ(line, c.line) << c.title << " @" << c.width;
    EXPECT_LE(LedWidth(line), c.width);
  }
}

TEST(LedFeedTest, FeedKeepsOrderSkipsEmptyTitlesAndStopsAtLines) {
  std::vector<std::string> titles = {"第一条通知", "", "第二条", "第三条"};
  EXPECT_EQ(LedFeed(titles, 4, 2), "第一条通\r\n第二条\r\n");
  EXPECT_EQ(LedFeed(titles, 8, 50), "第一条通知\r\n第二条\r\n第三条\r\n");
  EXPECT_EQ(LedFeed({}, 8, 5), "");
}

}  // namespace
}  // namespace gongkai::publication
