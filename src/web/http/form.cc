#include "web/http/form.h"

#include "web/http/http.h"

namespace gongkai::web {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Status FormError(size_t field, const std::string& en, const std::string& zh) {
  return InvalidArgument("form field " + std::to_string(field) + ": " + en,
                         "表单第" + std::to_string(field) + "个字段" + zh);
}

Status PartError(size_t part, const std::string& en, const std::string& zh) {
  return InvalidArgument("multipart part " + std::to_string(part) + ": " + en,
                         "第" + std::to_string(part) + "部分" + zh);
}

// Header parameters: `type; a=token; b="quoted \" string"`. Parameter names are lower-cased.
struct HeaderValue {
  std::string type;
  std::vector<std::pair<std::string, std::string>> params;
  const std::string* Find(std::string_view name) const {
    for (const auto& [key, value] : params) {
      if (key == name) return &value;
    }
    return nullptr;
  }
};

bool ParseHeaderValue(std::string_view in, HeaderValue* out) {
  size_t i = in.find(';');
  out->type = std::string(Trim(in.substr(0, i)));
  for (char& c : out->type) c = Lower(c);
  while (i < in.size()) {
    ++i;  // skip ';'
    while (i < in.size() && (in[i] == ' ' || in[i] == '\t')) ++i;
    if (i == in.size()) break;  // tolerate a trailing ';'
    size_t eq = in.find('=', i);
    if (eq == std::string_view::npos) return false;
    std::string name(Trim(in.substr(i, eq - i)));
    if (name.empty()) return false;
    for (char& c : name) c = Lower(c);
    i = eq + 1;
    while (i < in.size() && (in[i] == ' ' || in[i] == '\t')) ++i;
    std::string value;
    if (i < in.size() && in[i] == '"') {
      ++i;
      bool closed = false;
      while (i < in.size()) {
        char c = in[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\' && i < in.size()) c = in[i++];
        value += c;
      }
      if (!closed) return false;
      while (i < in.size() && (in[i] == ' ' || in[i] == '\t')) ++i;
      if (i < in.size() && in[i] != ';') return false;
    } else {
      size_t end = in.find(';', i);
      if (end == std::string_view::npos) end = in.size();
      value = std::string(Trim(in.substr(i, end - i)));
      i = end;
    }
    out->params.emplace_back(std::move(name), std::move(value));
  }
  return true;
}

Result<std::string> BoundaryOf(std::string_view content_type) {
  HeaderValue ct;
  if (!ParseHeaderValue(content_type, &ct) || ct.type != "multipart/form-data") {
    return InvalidArgument("multipart: Content-Type is not multipart/form-data",
                           "请求类型不是 multipart/form-data");
  }
  const std::string* boundary = ct.Find("boundary");
  // RFC 2046 §5.1.1: 1 to 70 characters.
  if (boundary == nullptr || boundary->empty() || boundary->size() > 70) {
    return InvalidArgument("multipart: missing or invalid boundary in Content-Type",
                           "multipart 请求缺少有效的 boundary");
  }
  return *boundary;
}

// Parses the header block of one part (text before the blank line, without it).
Status ParsePartHeaders(std::string_view block, size_t part_no, const FormLimits& limits,
                        MultipartPart* part) {
  if (block.size() > limits.max_part_header_bytes) {
    return PartError(part_no, "headers too large", "的头部过大");
  }
  bool has_disposition = false;
  size_t lines = 0;
  while (!block.empty()) {
    size_t eol = block.find("\r\n");
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
    if (++lines > limits.max_part_headers) {
      return PartError(part_no, "too many headers", "的头部行数过多");
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return PartError(part_no, "malformed header line " + std::to_string(lines),
                       "的第" + std::to_string(lines) + "个头部格式错误");
    }
    std::string_view name = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (IEquals(name, "content-disposition")) {
      HeaderValue cd;
      if (!ParseHeaderValue(value, &cd) || cd.type != "form-data") {
        return PartError(part_no, "malformed Content-Disposition",
                         "的 Content-Disposition 格式错误");
      }
      const std::string* field = cd.Find("name");
      if (field == nullptr || field->empty()) {
        return PartError(part_no, "Content-Disposition has no name",
                         "的 Content-Disposition 缺少 name");
      }
      if (field->size() > limits.max_name_bytes) {
        return PartError(part_no, "field name too long", "的字段名过长");
      }
      part->name = *field;
      if (const std::string* filename = cd.Find("filename")) {
        part->filename = *filename;
        part->has_filename = true;
      }
      has_disposition = true;
    } else if (IEquals(name, "content-type")) {
      part->content_type = std::string(value);
    }
  }
  if (!has_disposition) {
    return PartError(part_no, "missing Content-Disposition", "缺少 Content-Disposition");
  }
  return OkStatus();
}

}  // namespace

const std::string& FormFields::Get(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [key, value] : fields_) {
    if (key == name) return value;
  }
  return kEmpty;
}

bool FormFields::Has(std::string_view name) const {
  for (const auto& field : fields_) {
    if (field.first == name) return true;
  }
  return false;
}

std::vector<std::string> FormFields::GetAll(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : fields_) {
    if (key == name) out.push_back(value);
  }
  return out;
}

Result<FormFields> ParseUrlEncoded(std::string_view body, const FormLimits& limits) {
  FormFields fields;
  size_t count = 0;
  while (!body.empty()) {
    size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;  // "a=1&&b=2" is what some clients send
    if (++count > limits.max_fields) {
      return InvalidArgument("form: more than " + std::to_string(limits.max_fields) + " fields",
                             "表单字段超过" + std::to_string(limits.max_fields) + "个");
    }
    size_t eq = pair.find('=');
    std::string name;
    std::string value;
    if (!PercentDecode(pair.substr(0, eq), true, &name)) {
      return FormError(count, "malformed percent-escape in name", "的名称中有错误的百分号编码");
    }
    if (name.empty()) return FormError(count, "empty name", "的名称为空");
    if (name.size() > limits.max_name_bytes) {
      return FormError(count, "name too long", "的名称过长");
    }
    if (eq != std::string_view::npos && !PercentDecode(pair.substr(eq + 1), true, &value)) {
      return FormError(count, "malformed percent-escape in value of \"" + name + "\"",
                       "的值中有错误的百分号编码");
    }
    fields.Add(std::move(name), std::move(value));
  }
  return fields;
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body,
                                                  std::string_view content_type,
                                                  const FormLimits& limits) {
  GK_ASSIGN_OR_RETURN(std::string boundary, BoundaryOf(content_type));
  const std::string dash_boundary = "--" + boundary;
  const std::string delimiter = "\r\n" + dash_boundary;

  // The first boundary starts the body or follows a preamble line (RFC 2046 §5.1.1).
  size_t pos;
  if (body.substr(0, dash_boundary.size()) == dash_boundary) {
    pos = dash_boundary.size();
  } else {
    size_t found = body.find(delimiter);
    if (found == std::string_view::npos) {
      return InvalidArgument("multipart: no boundary found in body",
                             "multipart 正文中找不到分隔符");
    }
    pos = found + delimiter.size();
  }

  std::vector<MultipartPart> parts;
  for (;;) {
    // After a boundary: "--" closes the body; otherwise optional padding then CRLF.
    if (body.substr(pos, 2) == "--") return parts;  // the epilogue is ignored
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    const size_t part_no = parts.size() + 1;
    if (body.substr(pos, 2) != "\r\n") {
      if (pos >= body.size()) {
        return InvalidArgument("multipart: missing closing boundary",
                               "multipart 正文缺少结束分隔符");
      }
      return PartError(part_no, "boundary not followed by CRLF", "的分隔符后缺少换行");
    }
    pos += 2;
    if (part_no > limits.max_parts) {
      return InvalidArgument("multipart: more than " + std::to_string(limits.max_parts) + " parts",
                             "multipart 部分超过" + std::to_string(limits.max_parts) + "个");
    }

    MultipartPart part;
    part.content_type = "text/plain";
    std::string_view rest = body.substr(pos);
    size_t headers_end;
    if (rest.substr(0, 2) == "\r\n") {
      headers_end = 0;  // no headers at all; reported as missing Content-Disposition below
    } else {
      headers_end = rest.find("\r\n\r\n");
      if (headers_end == std::string_view::npos) {
        if (rest.size() > limits.max_part_header_bytes) {
          return PartError(part_no, "headers too large", "的头部过大");
        }
        return PartError(part_no, "headers not terminated by a blank line", "的头部未以空行结束");
      }
    }
    GK_RETURN_IF_ERROR(ParsePartHeaders(rest.substr(0, headers_end), part_no, limits, &part));
    pos += headers_end + (headers_end == 0 ? 2 : 4);

    // The data runs to the next delimiter that is followed by "--", padding or CRLF; other matches
    // are data (the boundary is chosen not to occur in the data, but stay robust if it nearly
    // does).
    size_t search = pos;
    size_t end;
    for (;;) {
      end = body.find(delimiter, search);
      if (end == std::string_view::npos) {
        return InvalidArgument(
            "multipart part " + std::to_string(part_no) + ": missing closing boundary",
            "第" + std::to_string(part_no) + "部分缺少结束分隔符");
      }
      size_t after = end + delimiter.size();
      std::string_view tail = body.substr(after, 2);
      if (tail == "--" || tail == "\r\n" ||
          (!tail.empty() && (tail[0] == ' ' || tail[0] == '\t')) || tail.size() < 2) {
        break;
      }
      search = end + 1;
    }
    part.data = std::string(body.substr(pos, end - pos));
    parts.push_back(std::move(part));
    pos = end + delimiter.size();
  }
}

FormFields FieldsOf(const std::vector<MultipartPart>& parts) {
  FormFields fields;
  for (const auto& part : parts) {
    if (!part.has_filename) fields.Add(part.name, part.data);
  }
  return fields;
}

}  // namespace gongkai::web
