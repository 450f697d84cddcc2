// A problem with one field of a form, named so a page can show it next to the field.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace gongkai {

struct FieldError {
  std::string field;  // form field name, e.g. "applicant.id_number"
  std::string en;
  std::string zh;
};

// The form's errors as one Status (InvalidArgument) naming each field; ok when there are none.
Status FieldErrorsStatus(const std::vector<FieldError>& errors);

}  // namespace gongkai
