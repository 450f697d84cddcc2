// Binds: the values of a statement whose SQL is put together at run time (a WHERE clause from a
// filter, an IN list). Add returns the placeholder to write into the SQL (":p0", ":p1", ...);
// Apply binds every value, in the order added, to the prepared query. Values are kept in a deque,
// so the references SOCI holds stay valid while more are added. Call Add once per expression:
// in `"a " + b.Add(x) + " b " + b.Add(y)` the two may run in either order.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <deque>
#include <string>
#include <variant>

namespace gongkai::storage {

class Binds {
 public:
  std::string Add(std::string value) { return Push(std::move(value)); }
  std::string Add(int64_t value) { return Push(value); }

  void Apply(soci::details::prepare_temp_type& query) {
    for (auto& value : values_) {
      std::visit([&](auto& v) { query, soci::use(v); }, value);
    }
  }

 private:
  template <class T>
  std::string Push(T value) {
    values_.emplace_back(std::move(value));
    return ":p" + std::to_string(values_.size() - 1);
  }

  std::deque<std::variant<int64_t, std::string>> values_;
};

}  // namespace gongkai::storage
