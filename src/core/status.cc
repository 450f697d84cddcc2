#include "core/status.h"

namespace gongkai {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kInvalidArgument:
      return "InvalidArgument";
    case StatusCode::kNotFound:
      return "NotFound";
    case StatusCode::kAlreadyExists:
      return "AlreadyExists";
    case StatusCode::kFailedPrecondition:
      return "FailedPrecondition";
    case StatusCode::kAborted:
      return "Aborted";
    case StatusCode::kPermissionDenied:
      return "PermissionDenied";
    case StatusCode::kUnauthenticated:
      return "Unauthenticated";
    case StatusCode::kResourceExhausted:
      return "ResourceExhausted";
    case StatusCode::kUnavailable:
      return "Unavailable";
    case StatusCode::kInternal:
      return "Internal";
  }
  return "Unknown";
}

namespace {
std::string_view GenericUiMessage(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "成功";
    case StatusCode::kInvalidArgument:
      return "输入有误，请检查后重试";
    case StatusCode::kNotFound:
      return "未找到相关记录";
    case StatusCode::kAlreadyExists:
      return "记录已存在";
    case StatusCode::kFailedPrecondition:
      return "当前状态下不能执行此操作";
    case StatusCode::kAborted:
      return "该记录已被他人修改，请刷新后重试";
    case StatusCode::kPermissionDenied:
      return "没有权限执行此操作";
    case StatusCode::kUnauthenticated:
      return "请先登录";
    case StatusCode::kResourceExhausted:
      return "请求过于频繁或内容过大，请稍后重试";
    case StatusCode::kUnavailable:
      return "服务暂时不可用，请稍后重试";
    case StatusCode::kInternal:
      return "系统内部错误，请联系管理员";
  }
  return "未知错误";
}
}  // namespace

std::string Status::ui_message() const {
  if (!ui_message_.empty()) return ui_message_;
  return std::string(GenericUiMessage(code_));
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

Status& Status::Annotate(std::string_view where_en, std::string_view where_zh) {
  if (ok()) return *this;
  message_ = std::string(where_en) + ": " + message_;
  if (!ui_message_.empty()) ui_message_ = std::string(where_zh) + "：" + ui_message_;
  return *this;
}

}  // namespace gongkai
