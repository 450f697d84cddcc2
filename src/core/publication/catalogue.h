// The disclosure catalogue's fixed vocabularies: the items an agency must publish (Art. 20's 15
// items, Art. 21's local topics, and 村务公开 for villages) and the subject categories (主题分类).
// Which items apply depends on the agency's level.
#pragma once

#include <string_view>
#include <vector>

#include "core/terms.h"

namespace gongkai::publication {

struct CatalogueItem {
  std::string_view code;  // "20.1" … "20.15", "21.1" … "21.12", "village.1" … "village.5"
  std::string_view label() const;
};

// Every item code, in catalogue order.
const std::vector<CatalogueItem>& AllCatalogueItems();
// The items an agency of `level` files under: Art. 20 for every government body; Art. 21's
// municipal topics for city/district/department, its rural topics for townships; villages file
// under 村务公开 only.
std::vector<CatalogueItem> CatalogueItemsFor(AgencyLevel level);
bool IsCatalogueItemFor(std::string_view code, AgencyLevel level);

// 主题分类 codes ("general", "finance", …), in the State Council's order.
const std::vector<std::string_view>& AllSubjects();
bool IsSubject(std::string_view code);
std::string_view SubjectLabel(std::string_view code);

}  // namespace gongkai::publication
