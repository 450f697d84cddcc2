// The forms of a case or item page's steps (applications and proactive disclosure alike): a
// step's defaults, overlaid with what was posted when it comes back refused.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace gongkai::web {

// What a refused step posted, to show again in its form.
struct StepFormInput {
  std::string action;  // the form's name, e.g. "correction_requested", "reviewed", "channel"
  std::map<std::string, std::string> values;
  std::string error;
  bool stale = false;  // refused because someone else changed the record meanwhile
};

struct FormBuilder {
  const StepFormInput* input;
  // The form `name` with its default `fields`; when it is the refused one, its posted values
  // (for the fields it has), its error, and open.
  nlohmann::json Make(const std::string& name, nlohmann::json fields) const {
    fields["error"] = nullptr;
    fields["open"] = false;
    if (input && input->action == name) {
      for (const auto& [k, v] : input->values) {
        if (fields.contains(k) && fields[k].is_string()) fields[k] = v;
      }
      fields["error"] = input->error;
      fields["open"] = true;
    }
    return fields;
  }
};

}  // namespace gongkai::web
