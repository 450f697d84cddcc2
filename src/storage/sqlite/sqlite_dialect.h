// What SQLite needs from the shared SOCI transaction code (storage/soci/dialect.h).
#pragma once

#include "storage/soci/dialect.h"

namespace gongkai::storage::sqlite {

const Dialect& SqliteDialect();

}  // namespace gongkai::storage::sqlite
