#include "render/zip_writer.h"

#include <zip.h>

namespace gongkai::render {

namespace {

Status ZipFailure(const std::string& what, zip_error_t* error) {
  std::string detail = error != nullptr ? zip_error_strerror(error) : "";
  return Internal("ZIP writer failed: " + what + ": " + detail,
                  "生成文件失败（压缩包）：" + what + "：" + detail);
}

}  // namespace

Result<std::string> WriteZip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return ZipFailure("buffer", &error);
  zip_source_keep(buffer);  // kept past zip_close so the bytes can be read back
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    Status s = ZipFailure("open", &error);
    zip_source_free(buffer);
    return s;
  }
  for (const auto& [name, data] : parts) {
    zip_source_t* part = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (part == nullptr || zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8) < 0) {
      if (part != nullptr) zip_source_free(part);
      Status s = ZipFailure("add " + name, zip_get_error(archive));
      zip_discard(archive);
      zip_source_free(buffer);
      return s;
    }
  }
  if (zip_close(archive) < 0) {
    Status s = ZipFailure("close", zip_get_error(archive));
    zip_discard(archive);
    zip_source_free(buffer);
    return s;
  }
  std::string out;
  if (zip_source_open(buffer) == 0) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(buffer, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
      out.resize(st.size);
      zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
      if (n != static_cast<zip_int64_t>(st.size)) out.clear();
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  if (out.empty())
    return Internal("ZIP writer failed: cannot read the package back",
                    "生成文件失败：无法读取压缩包");
  return out;
}

}  // namespace gongkai::render
