// Transaction helpers: run a function inside a read or write transaction, committing on success.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include "storage/store.h"

namespace gongkai::service {

// fn(Transaction&) -> Status. Commits when fn succeeds; otherwise the transaction rolls back.
template <class Fn>
Status InWrite(storage::Store& store, Fn&& fn) {
  GK_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx,
                      store.Begin(storage::TxMode::kWrite));
  GK_RETURN_IF_ERROR(fn(*tx));
  return tx->Commit();
}

// fn(Transaction&) -> Result<T>.
template <class Fn>
auto InRead(storage::Store& store, Fn&& fn) -> decltype(fn(std::declval<storage::Transaction&>())) {
  GK_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx,
                      store.Begin(storage::TxMode::kRead));
  return fn(*tx);
}

}  // namespace gongkai::service
