// Text keys the extractor compares labels and headings by (extract.h): width-normalised, without
// spaces and punctuation, without a leading list number.
#pragma once

#include <string>
#include <string_view>

namespace gongkai::report {

// Full-width ASCII (U+FF01–FF5E) → ASCII; U+3000 and no-break spaces → " ".
std::string NormaliseWidth(std::string_view text);
// NormaliseWidth, then spaces and punctuation (ASCII and CJK) removed: "（一） 予以公开" →
// "一予以公开".
std::string TextKey(std::string_view text);
// A key without its leading list number: "一本年新收…" → "本年新收…", "1属于国家秘密" →
// "属于国家秘密".
std::string_view StripListNumber(std::string_view key);
// Number of code points.
size_t KeyLength(std::string_view key);

}  // namespace gongkai::report
