-- 0006 Table 二's records: the register of rules (规章) and normative documents (行政规范性文件)
-- each agency makes and repeals, and its yearly decision and fee figures. Codes are those of
-- core/disclosure/*.h; dates are ISO 'YYYY-MM-DD' text (date(x) = x holds only for a real date in
-- that form); money is integer fen.
-- Append-only: never edit a released migration; add 0007_... instead.

CREATE TABLE normative_documents (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('rule', 'normative')),
  title TEXT NOT NULL CHECK (title <> ''),
  number TEXT NOT NULL CHECK (number <> ''),
  made_on TEXT NOT NULL CHECK (date(made_on) = made_on),
  -- NULL: in force. A repeal is never dated before the document was made.
  repealed_on TEXT CHECK (repealed_on IS NULL OR
                          (date(repealed_on) = repealed_on AND repealed_on >= made_on)),
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  -- One 发文字号 names one document of the agency.
  CONSTRAINT normative_documents_number_key UNIQUE (agency_id, number)
);
CREATE INDEX normative_documents_made ON normative_documents (agency_id, made_on);

-- One row per agency and year.
CREATE TABLE decision_figures (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  year INTEGER NOT NULL CHECK (year BETWEEN 2008 AND 2200),
  licensing INTEGER NOT NULL CHECK (licensing >= 0),
  penalty INTEGER NOT NULL CHECK (penalty >= 0),
  coercion INTEGER NOT NULL CHECK (coercion >= 0),
  fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  CONSTRAINT decision_figures_year_key UNIQUE (agency_id, year)
);
