#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {

Status SociTransaction::CheckUsable(std::string_view operation, bool writes) const {
  if (!open()) {
    return FailedPrecondition(std::string(operation) + ": the transaction is already committed",
                              "事务已提交，不能继续操作");
  }
  if (writes && mode_ == TxMode::kRead) {
    return FailedPrecondition(std::string(operation) + " needs a write transaction",
                              "只读事务中不能修改数据");
  }
  return OkStatus();
}

}  // namespace gongkai::storage
