// Text helpers for the narrative rules (N-01, N-05): UTF-8 to code points and back, the characters
// that carry no content, and numbers written in Arabic, full-width or Chinese numerals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai::report {

// Code points of s; an invalid byte becomes U+FFFD so the text stays usable.
std::u32string DecodeUtf8(std::string_view s);
std::string EncodeUtf8(std::u32string_view s);

// Whitespace and punctuation (ASCII, CJK and full-width forms), which say nothing about content.
bool IsSpaceOrPunct(char32_t c);
// 0-9 and full-width ０-９.
bool IsDigit(char32_t c);
int DigitValue(char32_t c);  // for IsDigit characters
// 〇零一二两三四五六七八九十百千万.
bool IsChineseNumeral(char32_t c);

// "21", "２１", "二十一", "一百零五", "两" → the value; nullopt for anything else or an overflow.
std::optional<int64_t> ParseNumber(std::u32string_view s);

}  // namespace gongkai::report
