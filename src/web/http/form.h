// Form body parsers: application/x-www-form-urlencoded and multipart/form-data (RFC 7578).
// Both are fuzzed (tests/fuzz). They never throw; malformed input returns InvalidArgument saying
// where.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace gongkai::web {

struct FormLimits {
  size_t max_fields = 1000;
  size_t max_parts = 100;
  size_t max_name_bytes = 256;
  size_t max_part_headers = 16;         // header lines per multipart part
  size_t max_part_header_bytes = 8192;  // all header lines of one part together
};

class FormFields {
 public:
  void Add(std::string name, std::string value) {
    fields_.emplace_back(std::move(name), std::move(value));
  }
  // First value for name, or "".
  const std::string& Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  std::vector<std::string> GetAll(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& all() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

Result<FormFields> ParseUrlEncoded(std::string_view body, const FormLimits& limits = {});

struct MultipartPart {
  std::string name;      // from Content-Disposition name="…"
  std::string filename;  // from filename="…" (may be empty: a plain field)
  bool has_filename = false;
  std::string content_type;  // "text/plain" when absent
  std::string data;
};

// content_type is the request's Content-Type header (the boundary is read from it).
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body,
                                                  std::string_view content_type,
                                                  const FormLimits& limits = {});

// Plain fields of a multipart body as FormFields (files are skipped).
FormFields FieldsOf(const std::vector<MultipartPart>& parts);

}  // namespace gongkai::web
