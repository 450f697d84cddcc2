// Helpers for mapping core values to columns and back, shared by the SOCI adapters whose rows hold
// nullable dates and references (applications, review cases). Dates are ISO 'YYYY-MM-DD' text on
// every backend; a reference that is 0 in core is NULL in the database.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace gongkai::storage {

// A nullable text column as bound and read.
struct NullableText {
  std::string text;
  soci::indicator ind = soci::i_null;
};
inline NullableText OfDate(const std::optional<Date>& d) {
  if (!d) return {};
  return {d->ToString(), soci::i_ok};
}

// A nullable reference (user, application).
struct NullableId {
  int64_t id = 0;
  soci::indicator ind = soci::i_null;
  int64_t value() const { return ind == soci::i_ok ? id : 0; }
};
inline NullableId OfId(int64_t id) {
  if (id <= 0) return {};
  return {id, soci::i_ok};
}

// Reading back: false when the stored value is not one this binary knows.
template <class T>
bool ParseInto(std::optional<T> parsed, T* out) {
  if (!parsed) return false;
  *out = *parsed;
  return true;
}
inline bool TakeDate(const std::string& text, Date* out) {
  Result<Date> parsed = Date::Parse(text);
  if (!parsed.ok()) return false;
  *out = *parsed;
  return true;
}
inline bool TakeDate(const NullableText& column, std::optional<Date>* out) {
  out->reset();
  if (column.ind != soci::i_ok) return true;
  Date d;
  if (!TakeDate(column.text, &d)) return false;
  *out = d;
  return true;
}

// ":a, :b" for the column list "a, b".
inline std::string Placeholders(std::string_view columns) {
  std::string out = ":";
  for (char c : columns) {
    out += c;
    if (c == ' ') out += ':';
  }
  return out;
}

inline std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace gongkai::storage
