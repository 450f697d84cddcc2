// Probable duplicate applications (Art. 36 (6) 重复申请 is the agency's decision; the platform only
// flags): the same applicant (ApplicantKey) asking for the same normalised request.
#pragma once

#include <string>
#include <string_view>

#include "core/application/application.h"

namespace gongkai::application {

// Title, document number and description with width folded (full-width → ASCII), ASCII lower-cased,
// and spaces and punctuation removed: "关于２０２３年 村道 修建的文件。" and
// "关于2023年村道修建的文件" match.
std::string RequestKey(const RequestedInfo& request);

}  // namespace gongkai::application
