// What PostgreSQL needs from the shared SOCI transaction code (storage/soci/dialect.h).
#pragma once

#include "storage/soci/dialect.h"

namespace gongkai::storage::postgres {

const Dialect& PostgresDialect();

}  // namespace gongkai::storage::postgres
