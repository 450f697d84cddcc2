#include "core/field_error.h"

namespace gongkai {

Status FieldErrorsStatus(const std::vector<FieldError>& errors) {
  if (errors.empty()) return OkStatus();
  std::string en, zh;
  for (const FieldError& e : errors) {
    if (!en.empty()) en += "; ";
    en += e.field + ": " + e.en;
    if (!zh.empty()) zh += "；";
    zh += e.zh;
  }
  return InvalidArgument(en, zh);
}

}  // namespace gongkai
