// Small text checks shared by every validator: UTF-8 well-formedness, length in characters, no
// control characters. Lengths count Unicode code points, because that is what a user counts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai {

bool IsValidUtf8(std::string_view s);
// Number of code points; only meaningful for valid UTF-8.
size_t Utf8Length(std::string_view s);
std::string_view TrimAscii(std::string_view s);
// Whether s equals `lower` (which is in ASCII lower case) with its ASCII letters in any case.
bool EqualsAsciiCaseless(std::string_view s, std::string_view lower);
// Control bytes of s other than \t \n \f \r (how binary data shows in text); nullopt when s
// holds a NUL byte.
std::optional<size_t> CountControlBytes(std::string_view s);
// InvalidArgument naming the field (English and Chinese) when s is not valid UTF-8, contains
// control characters, or its length is outside [min_chars, max_chars].
Status CheckText(std::string_view s, size_t min_chars, size_t max_chars, std::string_view field_en,
                 std::string_view field_zh);

}  // namespace gongkai
