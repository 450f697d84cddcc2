// Test helpers: read a part of a ZIP package (DOCX, XLSX) held in memory.
#pragma once

#include <zip.h>

#include <optional>
#include <string>
#include <vector>

namespace gongkai::render::testing {

class ZipReader {
 public:
  explicit ZipReader(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src != nullptr) {
      zip_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
      if (zip_ == nullptr) zip_source_free(src);
    }
    zip_error_fini(&error);
  }
  ~ZipReader() {
    if (zip_ != nullptr) zip_discard(zip_);
  }
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  bool ok() const { return zip_ != nullptr; }
  std::vector<std::string> Names() const {
    std::vector<std::string> out;
    for (zip_int64_t i = 0; ok() && i < zip_get_num_entries(zip_, 0); ++i)
      out.push_back(zip_get_name(zip_, i, 0));
    return out;
  }
  std::optional<std::string> Read(const std::string& name) const {
    if (!ok()) return std::nullopt;
    zip_stat_t st;
    if (zip_stat(zip_, name.c_str(), 0, &st) != 0) return std::nullopt;
    zip_file_t* f = zip_fopen(zip_, name.c_str(), 0);
    if (f == nullptr) return std::nullopt;
    std::string out(st.size, '\0');
    zip_int64_t n = zip_fread(f, out.data(), st.size);
    zip_fclose(f);
    if (n != static_cast<zip_int64_t>(st.size)) return std::nullopt;
    return out;
  }

 private:
  zip_t* zip_ = nullptr;
};

}  // namespace gongkai::render::testing
