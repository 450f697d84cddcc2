// The forms of the proactive-disclosure register (主动公开): the draft form (catalogue metadata,
// body, attachments) read into a Content with what was typed kept and every field's problem in
// Chinese next to it, the body sanitised with what was removed reported; the step forms of the
// item page (review, approval or return, withdrawal) and the channel record form.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/field_error.h"
#include "core/publication/publication.h"
#include "core/publication/workflow.h"
#include "core/terms.h"
#include "web/http/form.h"

namespace gongkai::web {

struct PublicationInput {
  publication::Content content;
  std::string index_number;                   // as typed; "" = generate
  std::map<std::string, std::string> raw;     // field name → what was typed
  std::map<std::string, std::string> errors;  // field name → its problem, in Chinese
  std::vector<std::string> removed;           // what sanitising the body removed (English notes)
  std::vector<nlohmann::json> file_errors;    // {name, message} per refused file
};

// Reads the draft form (fields "title", "index_number", "subject", "item_code", "attribute",
// "written_date", "changed_date", "document_number", "issuer", "review_by", "body"). Unknown
// choices, malformed dates and an index number of the wrong form are errors here; the body is
// sanitised (io/html_sanitize) into content.body_html. The content rules are core's
// (ValidateContent), merged with AddFieldErrors.
PublicationInput ParsePublicationForm(const FormFields& form);
// Checks the uploaded files ("files" parts) by type, content and size; a problem per file.
void CheckPublicationFiles(const std::vector<MultipartPart>& files, PublicationInput& input);
// Adds the validator's problems (the first one per field is kept).
void AddFieldErrors(PublicationInput& input, const std::vector<FieldError>& errors);

struct PublicationFormContext {
  AgencyLevel level = AgencyLevel::kTownship;
  std::string agency_name;  // the default 公开主体
  std::string index_scheme;  // an example of a generated index number, e.g. 411202100/2026-00001
  bool revision = false;    // editing a new version of a published item: 信息变更日期 is shown
  bool editing = false;     // an existing item (the index number is fixed)
};

// The template's model: values ("v"), errors ("err"), the error summary, the choices (subjects,
// catalogue items grouped by article, attributes). `input` null: an empty form, or `existing`'s
// content when editing.
nlohmann::json PublicationFormModel(const PublicationInput* input,
                                    const publication::Content* existing,
                                    const PublicationFormContext& ctx);

// The removal notes in Chinese ("script element" → "<script> 元素及其内容").
std::vector<std::string> RemovedNotesZh(const std::vector<std::string>& removed);

// A step of the item page from its form ("kind": submitted, reviewed, approved, returned,
// revision_started, withdrawn). Missing required text is InvalidArgument in Chinese; whether the
// step may happen, and by whom, is the service's decision.
Result<publication::Step> ParsePublicationStep(const FormFields& form);

// A channel record from its form: channel (not the portal), date, link, place, note.
Result<publication::ChannelRecord> ParseChannelRecord(const FormFields& form);

}  // namespace gongkai::web
