// The numbers of proactive disclosure, as one value (statute.md: never literals in code).
#pragma once

#include "core/date.h"

namespace gongkai::publication {

struct PublicationRules {
  // Art. 26: within 20 working days of the information being formed or changed.
  int publish_within_working_days = 20;
  // Lists warn this many working days before the Art. 26 date.
  int due_soon_working_days = 5;
};

// The rules in force on `date` (the 2019 text throughout, so far).
inline PublicationRules PublicationRulesFor(Date /*date*/) { return PublicationRules{}; }

}  // namespace gongkai::publication
