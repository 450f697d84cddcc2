// Art. 20 and 21 of 《政府信息公开条例》 and 《村民委员会组织法》 Art. 30: the catalogue codes.
#include "core/publication/catalogue.h"

#include <algorithm>
#include <string>

namespace gongkai::publication {
namespace {

constexpr std::string_view kArt20[] = {"20.1",  "20.2",  "20.3",  "20.4",  "20.5",
                                       "20.6",  "20.7",  "20.8",  "20.9",  "20.10",
                                       "20.11", "20.12", "20.13", "20.14", "20.15"};
// Art. 21, first sentence: city and county governments and their departments.
constexpr std::string_view kArt21Municipal[] = {"21.1", "21.2", "21.3", "21.4",
                                                "21.5", "21.6", "21.7"};
// Art. 21, second sentence: township governments.
constexpr std::string_view kArt21Rural[] = {"21.8", "21.9", "21.10", "21.11",
                                            "21.4", "21.5", "21.12", "21.7"};
constexpr std::string_view kVillage[] = {"village.1", "village.2", "village.3", "village.4",
                                         "village.5"};

}  // namespace

std::string_view CatalogueItem::label() const { return LabelOf("catalogue_item.", code); }

const std::vector<CatalogueItem>& AllCatalogueItems() {
  static const std::vector<CatalogueItem> all = [] {
    std::vector<CatalogueItem> v;
    for (auto c : kArt20) v.push_back({c});
    for (auto c : {"21.1", "21.2", "21.3", "21.4", "21.5", "21.6", "21.7", "21.8", "21.9", "21.10",
                   "21.11", "21.12"}) {
      v.push_back({c});
    }
    for (auto c : kVillage) v.push_back({c});
    return v;
  }();
  return all;
}

std::vector<CatalogueItem> CatalogueItemsFor(AgencyLevel level) {
  std::vector<CatalogueItem> v;
  if (level == AgencyLevel::kVillage) {
    for (auto c : kVillage) v.push_back({c});
    return v;
  }
  for (auto c : kArt20) v.push_back({c});
  if (level == AgencyLevel::kTownship) {
    for (auto c : kArt21Rural) v.push_back({c});
  } else if (level != AgencyLevel::kProvince) {
    // Art. 21 names 设区的市级、县级人民政府及其部门; provinces file under Art. 20 only.
    for (auto c : kArt21Municipal) v.push_back({c});
  }
  return v;
}

bool IsCatalogueItemFor(std::string_view code, AgencyLevel level) {
  auto items = CatalogueItemsFor(level);
  return std::any_of(items.begin(), items.end(),
                     [&](const CatalogueItem& i) { return i.code == code; });
}

const std::vector<std::string_view>& AllSubjects() {
  static const std::vector<std::string_view> all = {
      "general",  "economy",       "finance", "land",    "agriculture", "industry",   "commerce",
      "market",   "urban",         "science", "culture", "health",      "population", "labour",
      "security", "civil_affairs", "ethnic",  "foreign", "hmt",         "defence",    "other"};
  return all;
}

bool IsSubject(std::string_view code) {
  const auto& all = AllSubjects();
  return std::find(all.begin(), all.end(), code) != all.end();
}

std::string_view SubjectLabel(std::string_view code) { return LabelOf("subject.", code); }

}  // namespace gongkai::publication
