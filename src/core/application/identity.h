// Checks of what an applicant writes on the form (Art. 29): identity numbers with their check
// digits, phone and e-mail. Field errors are collected, not stopped at the first, so a form can
// mark every wrong field at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/application/application.h"
#include "core/date.h"
#include "core/field_error.h"

namespace gongkai::application {

// 18-character resident identity number (GB 11643-1999): region, a real birth date not after
// `today`, sequence, and the ISO 7064 MOD 11-2 check character (0-9 or X).
bool IsValidResidentId(std::string_view id, Date today);
// 18-character unified social credit code (GB 32100-2015): registration authority, organisation
// kind, region, body, and the MOD 31 check character over 0-9 and A-Y without I, O, Z, S, V.
bool IsValidCreditCode(std::string_view code);
// A mainland mobile number (11 digits, 1[3-9]...) or a landline with area code (0xx-xxxxxxx[x],
// optional extension), optionally prefixed with +86.
bool IsValidPhone(std::string_view phone);
bool IsValidEmail(std::string_view email);

using gongkai::FieldError;

// Every problem of the applicant and request parts of a new application.
std::vector<FieldError> ValidateApplicationForm(const Application& app, Date today);

using gongkai::FieldErrorsStatus;

// Normalised identity of the applicant: the ID number or credit code in upper case, else
// name|phone digits. Two applications with equal keys come from the same applicant.
std::string ApplicantKey(const Applicant& a);

}  // namespace gongkai::application
