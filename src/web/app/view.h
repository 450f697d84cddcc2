// Views: mustache templates (embedded from templates/) rendered from JSON view models. Every page
// is a body template rendered inside layout.mustache. Mustache escapes HTML in {{x}} by default;
// {{{x}}} is used only for HTML we produced ourselves (the rendered body).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace gongkai::web {

struct PageChrome {
  std::string title;       // <title> and the page heading
  nlohmann::json user;     // null when anonymous; else {display_name, role_label, agency_name}
  std::string csrf_token;  // for the logout form in the header
  std::string nav;  // which link is current: "portal", "track", "admin", "publications",
                    // "applications", "disclosure", "reports"
};

class Views {
 public:
  Views();
  // Renders templates/<name>.mustache with model, inside the layout. Internal error if the template
  // is missing or invalid (a bug: templates ship inside the binary).
  Result<std::string> Page(const std::string& name, const nlohmann::json& model,
                           const PageChrome& chrome) const;
  Result<std::string> Render(const std::string& name, const nlohmann::json& model) const;
  // The URL of a static file with a content hash, so it can be cached forever.
  std::string StaticUrl(const std::string& path) const;

 private:
  nlohmann::json static_urls_;
};

}  // namespace gongkai::web
