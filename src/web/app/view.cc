#include "web/app/view.h"

#include <kainjow/mustache.hpp>

#include <memory>
#include <unordered_map>

#include "assets/assets.h"

namespace gongkai::web {

namespace mstch = kainjow::mustache;

namespace {

mstch::data ToData(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mstch::data d{mstch::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), ToData(it.value()));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mstch::data d{mstch::data::type::list};
      for (const auto& v : j) d.push_back(ToData(v));
      return d;
    }
    case nlohmann::json::value_t::string: {
      // Mustache treats "" as true in {{#x}} sections; false renders as "" and hides the section.
      const auto& str = j.get_ref<const std::string&>();
      return str.empty() ? mstch::data(false) : mstch::data(str);
    }
    case nlohmann::json::value_t::boolean:
      return mstch::data(j.get<bool>());
    case nlohmann::json::value_t::null:
      return mstch::data(false);
    default:
      return mstch::data(j.dump());
  }
}

// Short stable hash (FNV-1a) of a file's bytes for cache-busting URLs.
std::string ContentHash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, 10);
}

}  // namespace

Views::Views() {
  for (const auto& f : assets::StaticFiles()) {
    static_urls_[std::string(f.path)] =
        "/static/" + std::string(f.path) + "?v=" + ContentHash(f.data);
  }
}

std::string Views::StaticUrl(const std::string& path) const {
  return static_urls_.contains(path) ? static_urls_[path].get<std::string>() : "/static/" + path;
}

Result<std::string> Views::Render(const std::string& name, const nlohmann::json& model) const {
  // Parsed templates are kept per thread: parsing is most of the cost of a page, and kainjow's
  // render() is not const, so one parsed copy cannot be shared between threads.
  thread_local std::unordered_map<std::string, std::unique_ptr<mstch::mustache>> parsed;
  auto it = parsed.find(name);
  if (it == parsed.end()) {
    const assets::EmbeddedFile* f = assets::Find(assets::Templates(), name + ".mustache");
    if (f == nullptr) return Internal("template " + name + " is missing");
    auto tmpl = std::make_unique<mstch::mustache>(std::string(f->data));
    if (!tmpl->is_valid()) return Internal("template " + name + ": " + tmpl->error_message());
    it = parsed.emplace(name, std::move(tmpl)).first;
  }
  return it->second->render(ToData(model));
}

Result<std::string> Views::Page(const std::string& name, const nlohmann::json& model,
                                const PageChrome& chrome) const {
  GK_ASSIGN_OR_RETURN(std::string body, Render(name, model));
  nlohmann::json layout = {
      {"title", chrome.title},
      // A page whose body carries its own <h1> (an embedded report) says so with "own_heading".
      {"show_heading", !(model.is_object() && model.value("own_heading", false))},
      {"body", body},
      {"user", chrome.user},
      {"csrf", chrome.csrf_token},
      {"nav_portal", chrome.nav == "portal"},
      {"nav_admin", chrome.nav == "admin"},
      {"nav_reports", chrome.nav == "reports"},
      {"nav_applications", chrome.nav == "applications"},
      {"nav_disclosure", chrome.nav == "disclosure"},
      {"nav_publications", chrome.nav == "publications"},
      {"nav_track", chrome.nav == "track"},
      {"nav_search", chrome.nav == "search"},
      {"css_url", StaticUrl("app.css")},
      {"logo_url", StaticUrl("emblem.svg")},
  };
  // A page with a feed announces it in <head> (model "feed_url", "feed_title").
  if (model.is_object() && model.contains("feed_url") && model["feed_url"].is_string()) {
    layout["feed"] = {{"url", model["feed_url"]}, {"title", model.value("feed_title", "")}};
  }
  return Render("layout", layout);
}

}  // namespace gongkai::web
