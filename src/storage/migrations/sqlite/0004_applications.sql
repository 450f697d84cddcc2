-- 0004 disclosure applications: the snapshot row of each case, its append-only event history, and
-- the review and litigation records about disclosure decisions. Enum columns hold the codes of
-- core/application/application.h and core/litigation/review_case.h; dates are ISO 'YYYY-MM-DD'
-- text (date(x) = x holds only for a real date in that form), times ISO text like elsewhere.
-- Append-only: never edit a released migration; add 0005_... instead.

CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  query_code TEXT NOT NULL UNIQUE CHECK (query_code <> ''),
  serial_year INTEGER NOT NULL CHECK (serial_year BETWEEN 2008 AND 2200),
  serial_no INTEGER NOT NULL CHECK (serial_no > 0),
  channel TEXT NOT NULL CHECK (channel IN ('in_person', 'registered_post', 'ordinary_post',
                                           'online', 'fax', 'email')),
  submitted_on TEXT CHECK (submitted_on IS NULL OR date(submitted_on) = submitted_on),
  receipt_date TEXT CHECK (receipt_date IS NULL OR date(receipt_date) = receipt_date),
  applicant_type TEXT NOT NULL CHECK (applicant_type IN ('natural', 'commercial', 'research',
                                                         'nonprofit', 'legal', 'other_org')),
  applicant_name TEXT NOT NULL,
  applicant_id_type TEXT NOT NULL CHECK (applicant_id_type IN ('resident_id', 'passport',
                                                               'hk_macao_permit', 'taiwan_permit',
                                                               'other')),
  applicant_id_number TEXT NOT NULL DEFAULT '',
  applicant_credit_code TEXT NOT NULL DEFAULT '',
  applicant_legal_representative TEXT NOT NULL DEFAULT '',
  applicant_contact_name TEXT NOT NULL DEFAULT '',
  applicant_phone TEXT NOT NULL DEFAULT '',
  applicant_email TEXT NOT NULL DEFAULT '',
  applicant_address TEXT NOT NULL DEFAULT '',
  applicant_postcode TEXT NOT NULL DEFAULT '',
  request_title TEXT NOT NULL,
  request_document_number TEXT NOT NULL DEFAULT '',
  request_description TEXT NOT NULL DEFAULT '',
  request_purpose TEXT NOT NULL DEFAULT '',
  request_form TEXT NOT NULL CHECK (request_form IN ('paper', 'electronic')),
  request_way TEXT NOT NULL CHECK (request_way IN ('pick_up', 'post', 'email', 'online')),
  request_key TEXT NOT NULL DEFAULT '',
  applicant_key TEXT NOT NULL DEFAULT '',
  client_key TEXT NOT NULL DEFAULT '',
  -- NULL: unassigned (handler_id 0 in core).
  handler_id INTEGER REFERENCES users (id) ON DELETE RESTRICT,
  handler_name TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('awaiting_confirmation', 'handling', 'awaiting_correction',
                                       'consulting', 'awaiting_payment', 'closed')),
  outcome TEXT CHECK (outcome IS NULL OR outcome IN (
    'granted', 'partial', 'withheld.state_secret', 'withheld.prohibited',
    'withheld.security_stability', 'withheld.third_party', 'withheld.internal_affairs',
    'withheld.process_info', 'withheld.enforcement_files', 'withheld.inquiry', 'unable.not_held',
    'unable.needs_creation', 'unable.unclear', 'rejected.petition', 'rejected.repeat',
    'rejected.publication', 'rejected.excessive', 'rejected.confirm_reissue',
    'other.no_correction', 'other.no_payment', 'other.other')),
  closed_on TEXT CHECK (closed_on IS NULL OR date(closed_on) = closed_on),
  created_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  -- A closed case has its closing date and outcome; an open one neither (Table 三 relies on it).
  CHECK ((state = 'closed') = (closed_on IS NOT NULL)),
  CHECK ((outcome IS NULL) = (closed_on IS NULL)),
  UNIQUE (agency_id, serial_year, serial_no)
);
-- Lists by receipt date; the extra columns make Table 三's grouping (SummariseApplications) read
-- the index only.
CREATE INDEX applications_receipt
  ON applications (agency_id, receipt_date, closed_on, applicant_type, outcome);
-- Table 三 (Store::SummariseApplications): grouped by type and outcome in index order, no sort.
CREATE INDEX applications_tally
  ON applications (agency_id, applicant_type, outcome, receipt_date, closed_on);
CREATE INDEX applications_state ON applications (agency_id, state);
CREATE INDEX applications_applicant ON applications (agency_id, applicant_key);
CREATE INDEX applications_request ON applications (agency_id, request_key);
CREATE INDEX applications_client ON applications (client_key, created_at);

-- One row per event, numbered 1, 2, ... within its case; `ref` names an earlier event.
CREATE TABLE application_events (
  application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE RESTRICT,
  seq INTEGER NOT NULL CHECK (seq > 0),
  kind TEXT NOT NULL CHECK (kind IN ('submitted_online', 'received', 'correction_requested',
                                     'correction_received', 'consultation_sent',
                                     'consultation_answered', 'extension_requested',
                                     'extension_approved', 'extension_refused',
                                     'fee_notice_issued', 'fee_paid', 'closed', 'note')),
  event_date TEXT NOT NULL CHECK (date(event_date) = event_date),
  recorded_at TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL DEFAULT '',
  -- NULL: the public (by_user_id 0 in core).
  by_user_id INTEGER REFERENCES users (id) ON DELETE RESTRICT,
  days INTEGER NOT NULL DEFAULT 0,
  ref INTEGER NOT NULL DEFAULT 0 CHECK (ref >= 0 AND ref < seq),
  until_date TEXT CHECK (until_date IS NULL OR date(until_date) = until_date),
  party TEXT NOT NULL DEFAULT '',
  consultation TEXT NOT NULL CHECK (consultation IN ('third_party', 'other_agency')),
  fee_method TEXT NOT NULL CHECK (fee_method IN ('per_item', 'per_volume')),
  quantity INTEGER NOT NULL DEFAULT 0,
  amount_fen INTEGER NOT NULL DEFAULT 0,
  outcome TEXT CHECK (outcome IS NULL OR outcome IN (
    'granted', 'partial', 'withheld.state_secret', 'withheld.prohibited',
    'withheld.security_stability', 'withheld.third_party', 'withheld.internal_affairs',
    'withheld.process_info', 'withheld.enforcement_files', 'withheld.inquiry', 'unable.not_held',
    'unable.needs_creation', 'unable.unclear', 'rejected.petition', 'rejected.repeat',
    'rejected.publication', 'rejected.excessive', 'rejected.confirm_reissue',
    'other.no_correction', 'other.no_payment', 'other.other')),
  body TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (application_id, seq)
);

-- The history is append-only: changing it must be deliberate (drop the triggers first).
CREATE TRIGGER application_events_no_update BEFORE UPDATE ON application_events
BEGIN
  SELECT RAISE(ABORT, 'application_events is append-only');
END;
CREATE TRIGGER application_events_no_delete BEFORE DELETE ON application_events
BEGIN
  SELECT RAISE(ABORT, 'application_events is append-only');
END;

CREATE TABLE review_cases (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  -- NULL: no application on file (application_id 0 in core).
  application_id INTEGER REFERENCES applications (id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('review', 'suit_direct', 'suit_after_review')),
  role TEXT NOT NULL CHECK (role IN ('original', 'co_defendant_review_organ')),
  decision TEXT NOT NULL DEFAULT '',
  applicant TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  case_number TEXT NOT NULL DEFAULT '',
  filed_on TEXT NOT NULL CHECK (date(filed_on) = filed_on),
  result TEXT NOT NULL CHECK (result IN ('upheld', 'corrected', 'other', 'pending')),
  result_on TEXT CHECK (result_on IS NULL OR date(result_on) = result_on),
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  -- A result has its date; a pending case has neither (Table 四 relies on it).
  CHECK ((result = 'pending') = (result_on IS NULL))
);
CREATE INDEX review_cases_filed ON review_cases (agency_id, filed_on);
CREATE INDEX review_cases_application ON review_cases (application_id);
