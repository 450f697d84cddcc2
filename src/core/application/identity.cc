#include "core/application/identity.h"

#include <cctype>

#include "core/text.h"

namespace gongkai::application {

namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Digit(char c) { return c - '0'; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Trimmed(std::string_view s) { return std::string(TrimAscii(s)); }

}  // namespace

bool IsValidResidentId(std::string_view id, Date today) {
  if (id.size() != 18 || !AllDigits(id.substr(0, 17))) return false;
  char last = static_cast<char>(std::toupper(static_cast<unsigned char>(id[17])));
  if (!(std::isdigit(static_cast<unsigned char>(last)) || last == 'X')) return false;
  if (id[0] == '0') return false;  // region codes start 1-9
  int year = std::stoi(std::string(id.substr(6, 4)));
  int month = std::stoi(std::string(id.substr(10, 2)));
  int day = std::stoi(std::string(id.substr(12, 2)));
  Result<Date> birth = Date::FromYmd(year, month, day);
  if (!birth.ok() || year < 1900 || *birth > today) return false;
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += Digit(id[i]) * kWeights[i];
  return kCheck[sum % 11] == last;
}

bool IsValidCreditCode(std::string_view code) {
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr int kWeights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8,  24, 10, 30, 28};
  if (code.size() != 18) return false;
  std::string upper = Upper(code);
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    size_t v = kAlphabet.find(upper[i]);
    if (v == std::string_view::npos) return false;
    sum += static_cast<int>(v) * kWeights[i];
  }
  if (!AllDigits(upper.substr(2, 6)) || upper[2] == '0') return false;  // region code
  int check = (31 - sum % 31) % 31;
  return kAlphabet[check] == upper[17];
}

bool IsValidPhone(std::string_view phone) {
  std::string p;
  for (char c : phone) {
    if (c == ' ') continue;
    p += c;
  }
  std::string_view s = p;
  if (s.starts_with("+86")) s.remove_prefix(3);
  if (s.size() == 11 && AllDigits(s) && s[0] == '1' && s[1] >= '3' && s[1] <= '9') return true;
  // Landline: 0 + 2-3 digit area code, '-', 7-8 digits, optional '-' extension of 1-6 digits.
  size_t dash = s.find('-');
  if (dash == std::string_view::npos || s[0] != '0') return false;
  std::string_view area = s.substr(0, dash);
  std::string_view rest = s.substr(dash + 1);
  std::string_view ext;
  size_t dash2 = rest.find('-');
  if (dash2 != std::string_view::npos) {
    ext = rest.substr(dash2 + 1);
    rest = rest.substr(0, dash2);
    if (ext.empty() || ext.size() > 6 || !AllDigits(ext)) return false;
  }
  return area.size() >= 3 && area.size() <= 4 && AllDigits(area) && rest.size() >= 7 &&
         rest.size() <= 8 && AllDigits(rest);
}

bool IsValidEmail(std::string_view email) {
  if (email.size() > 254) return false;
  size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view local = email.substr(0, at), domain = email.substr(at + 1);
  if (local.size() > 64 || domain.size() < 3) return false;
  for (char c : email) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == '"' || c == ',') {
      return false;
    }
  }
  size_t dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 2 <= domain.size() &&
         domain.front() != '.' && domain.find("..") == std::string_view::npos;
}

std::vector<FieldError> ValidateApplicationForm(const Application& app, Date today) {
  std::vector<FieldError> errors;
  auto add = [&](std::string field, std::string en, std::string zh) {
    errors.push_back({std::move(field), std::move(en), std::move(zh)});
  };
  const Applicant& a = app.applicant;
  // Well-formed text without control characters, within a sane length, in every free field.
  const struct {
    const std::string* value;
    const char* field;
    const char* zh;
    size_t max;
  } kFree[] = {{&a.name, "applicant.name", "申请人名称", 100},
               {&a.id_number, "applicant.id_number", "证件号码", 40},
               {&a.credit_code, "applicant.credit_code", "统一社会信用代码", 40},
               {&a.legal_representative, "applicant.legal_representative", "法定代表人", 50},
               {&a.contact_name, "applicant.contact_name", "联系人", 50},
               {&a.phone, "applicant.phone", "联系电话", 40},
               {&a.email, "applicant.email", "电子邮箱", 254},
               {&a.address, "applicant.address", "通信地址", 200},
               {&a.postcode, "applicant.postcode", "邮政编码", 10},
               {&app.request.title, "request.title", "信息名称", 500},
               {&app.request.document_number, "request.document_number", "文号", 100},
               {&app.request.description, "request.description", "内容描述", 5000},
               {&app.request.purpose, "request.purpose", "用途", 1000}};
  for (const auto& f : kFree) {
    Status st = CheckText(*f.value, 0, f.max, f.field, f.zh);
    if (!st.ok()) {
      add(f.field, st.message(), st.ui_message());
      return errors;  // malformed text: the other checks would only repeat it
    }
  }
  std::string name = Trimmed(a.name);
  if (name.empty()) {
    add("applicant.name", "the applicant's name is missing",
        IsOrganisation(a.type) ? "请填写申请单位名称" : "请填写申请人姓名");
  }
  if (IsOrganisation(a.type)) {
    if (!IsValidCreditCode(Trimmed(a.credit_code))) {
      add("applicant.credit_code",
          "the unified social credit code is not 18 characters with a valid check character",
          "统一社会信用代码应为18位，且校验位正确");
    }
    if (Trimmed(a.contact_name).empty()) {
      add("applicant.contact_name", "the organisation's contact person is missing", "请填写联系人");
    }
  } else {
    std::string id = Trimmed(a.id_number);
    if (id.empty()) {
      add("applicant.id_number", "the identity document number is missing", "请填写证件号码");
    } else if (a.id_type == IdDocumentType::kResidentId && !IsValidResidentId(id, today)) {
      add("applicant.id_number",
          "the resident ID number is not 18 characters with a valid birth date and check digit",
          "居民身份证号码应为18位，出生日期有效且校验位正确");
    } else if (id.size() > 40) {
      add("applicant.id_number", "the identity document number is too long", "证件号码过长");
    }
  }
  std::string phone = Trimmed(a.phone), email = Trimmed(a.email), address = Trimmed(a.address);
  if (phone.empty() && email.empty() && address.empty()) {
    add("applicant.phone", "no contact (phone, e-mail or address) is given",
        "请至少填写一种联系方式（电话、电子邮箱或通信地址）");
  }
  if (!phone.empty() && !IsValidPhone(phone)) {
    add("applicant.phone", "the phone number is neither a mobile nor a landline with area code",
        "电话号码格式不正确（手机号11位，或带区号的固定电话）");
  }
  if (!email.empty() && !IsValidEmail(email)) {
    add("applicant.email", "the e-mail address is malformed", "电子邮箱格式不正确");
  }
  if (app.request.way == DeliveryWay::kEmail && email.empty()) {
    add("applicant.email", "delivery by e-mail needs an e-mail address",
        "选择电子邮件获取时请填写电子邮箱");
  }
  if (app.request.way == DeliveryWay::kPost && address.empty()) {
    add("applicant.address", "delivery by post needs an address", "选择邮寄获取时请填写通信地址");
  }
  const RequestedInfo& r = app.request;
  if (Trimmed(r.title).empty() && Trimmed(r.description).empty()) {
    add("request.title", "neither the title nor a description of the information is given",
        "请填写所需政府信息的名称或内容描述");
  }
  if (app.receipt_date && *app.receipt_date > today) {
    add("receipt_date", "the receipt date " + app.receipt_date->ToString() + " is in the future",
        "收到申请日期不能晚于今天");
  }
  return errors;
}

std::string ApplicantKey(const Applicant& a) {
  if (IsOrganisation(a.type)) {
    std::string code = Upper(Trimmed(a.credit_code));
    if (!code.empty()) return "org:" + code;
  } else {
    std::string id = Upper(Trimmed(a.id_number));
    if (!id.empty()) return "id:" + std::string(Code(a.id_type)) + ":" + id;
  }
  std::string digits;
  for (char c : a.phone) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return "name:" + Trimmed(a.name) + "|" + digits;
}

}  // namespace gongkai::application
