#include "assets/assets.h"

namespace gongkai::assets {

const EmbeddedFile* Find(std::span<const EmbeddedFile> files, std::string_view path) {
  for (const EmbeddedFile& f : files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

}  // namespace gongkai::assets
