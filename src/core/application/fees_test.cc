#include "core/application/fees.h"

#include <gtest/gtest.h>

namespace gongkai::application {
namespace {

const FeeRules kRules;

TEST(Fees, PerItemExamplesFrom109) {
  struct {
    int before, items;
    int64_t fen;
  } cases[] = {
      {0, 10, 0},       // free band
      {0, 11, 10000},   // item 11: 100 元
      {0, 30, 200000},  // 20 × 100 元
      {0, 35, 300000},  // statute.md: 20×100 + 5×200 = 3,000 元
      {0, 40, 400000},  // 20×100 + 10×200
      {0, 41, 430000},  // + item 41 at 300
      {10, 1, 10000},   // cumulative in the month: the 11th item costs
      {30, 5, 100000},  // items 31..35 at 200
      {5, 5, 0},        // still free
      {8, 4, 20000},    // items 9..12: two free, two at 100
  };
  for (const auto& c : cases) {
    EXPECT_EQ(PerItemFeeFen(kRules, c.before, c.items), c.fen) << c.before << "+" << c.items;
  }
}

TEST(Fees, PerVolumeExamplesFrom109) {
  struct {
    int pages;
    int64_t fen;
  } cases[] = {{1, 0},        {30, 0},       {31, 1000},   {100, 70000},
               {150, 170000}, {200, 270000}, {201, 274000}};
  for (const auto& c : cases) EXPECT_EQ(PerVolumeFeeFen(kRules, c.pages), c.fen) << c.pages;
}

TEST(Fees, FormatAndExplain) {
  EXPECT_EQ(FormatYuan(170000), "1,700.00元");
  EXPECT_EQ(FormatYuan(5), "0.05元");
  EXPECT_EQ(ExplainPerVolumeFee(kRules, 150),
            "第1至30页免费；第31至100页每页10.00元，共70页700.00元；第101至150页每页20."
            "00元，共50页1,000.00元；"
            "合计1,700.00元。");
  EXPECT_EQ(ExplainPerItemFee(kRules, 10, 1),
            "本月此前已计10件；第11件每件100.00元，共1件100.00元；合计100.00元。");
}

}  // namespace
}  // namespace gongkai::application
