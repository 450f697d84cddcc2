#include "core/report/narrative_text.h"

#include <gtest/gtest.h>

namespace gongkai::report {
namespace {

TEST(NarrativeTextTest, Utf8RoundTripAndInvalidBytes) {
  std::string s = "收到申请15件。";
  EXPECT_EQ(DecodeUtf8(s).size(), 8u);
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(s)), s);
  EXPECT_EQ(DecodeUtf8("a\xff"), (std::u32string{U'a', U'\uFFFD'}));
}

TEST(NarrativeTextTest, Numbers) {
  EXPECT_EQ(ParseNumber(U"21"), 21);
  EXPECT_EQ(ParseNumber(U"２１"), 21);
  EXPECT_EQ(ParseNumber(U"零"), 0);
  EXPECT_EQ(ParseNumber(U"两"), 2);
  EXPECT_EQ(ParseNumber(U"十"), 10);
  EXPECT_EQ(ParseNumber(U"十五"), 15);
  EXPECT_EQ(ParseNumber(U"二十一"), 21);
  EXPECT_EQ(ParseNumber(U"一百零五"), 105);
  EXPECT_EQ(ParseNumber(U"三千二百"), 3200);
  EXPECT_EQ(ParseNumber(U"一万二千"), 12000);
  EXPECT_EQ(ParseNumber(U"二〇二三"), 2023);
  EXPECT_EQ(ParseNumber(U""), std::nullopt);
  EXPECT_EQ(ParseNumber(U"2a"), std::nullopt);
}

TEST(NarrativeTextTest, Punctuation) {
  for (char32_t c : std::u32string(U" ，。、；：“”（）《》—…!,."))
    EXPECT_TRUE(IsSpaceOrPunct(c)) << int(c);
  for (char32_t c : std::u32string(U"收a1一")) EXPECT_FALSE(IsSpaceOrPunct(c)) << int(c);
}

}  // namespace
}  // namespace gongkai::report
