// What an attachment may be: a document or image a reader can open safely, named plainly, at most
// kMaxAttachmentBytes. The type comes from the extension AND the file's first bytes, so a renamed
// executable or an HTML page called .pdf is refused.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::publication {

inline constexpr int64_t kMaxAttachmentBytes = 20 * 1024 * 1024;

// The content type to serve the file with, or InvalidArgument saying what is wrong (English and
// Chinese, naming the file).
Result<std::string> CheckAttachment(std::string_view file_name, std::string_view bytes);

}  // namespace gongkai::publication
