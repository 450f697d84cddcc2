-- 0002 annual reports: one row per version of an agency's report for a year, the warnings explained
-- instead of fixed, and the units a region summary adds up. Enum columns hold core/annual_report.h codes.
-- Append-only: never edit a released migration; add 0003_... instead.

CREATE TABLE annual_reports (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  year INTEGER NOT NULL CHECK (year BETWEEN 2008 AND 2200),
  version INTEGER NOT NULL CHECK (version > 0),
  status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'published', 'superseded')),
  origin TEXT NOT NULL CHECK (origin IN ('entered', 'imported', 'summary')),
  format_id TEXT NOT NULL,
  body TEXT NOT NULL,
  correction_note TEXT NOT NULL DEFAULT '',
  return_comment TEXT NOT NULL DEFAULT '',
  source_name TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT '',
  submitted_by TEXT NOT NULL DEFAULT '',
  submitted_at TEXT NOT NULL DEFAULT '',
  approved_by TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL DEFAULT '',
  row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version > 0),
  UNIQUE (agency_id, year, version)
);
CREATE INDEX annual_reports_year ON annual_reports (year, agency_id);
-- At most one version being worked on (draft or awaiting approval) per agency and year.
CREATE UNIQUE INDEX annual_reports_one_open ON annual_reports (agency_id, year)
  WHERE status IN ('draft', 'pending');

-- A published version is frozen (rule P-02): the only change allowed is published → superseded when
-- a correction is published. Changing one must be deliberate (drop the trigger first).
CREATE TRIGGER annual_reports_published_frozen BEFORE UPDATE ON annual_reports
WHEN OLD.status IN ('published', 'superseded') AND (
  (NEW.status <> OLD.status AND NOT (OLD.status = 'published' AND NEW.status = 'superseded')) OR
  NEW.agency_id <> OLD.agency_id OR NEW.year <> OLD.year OR NEW.version <> OLD.version OR
  NEW.origin <> OLD.origin OR NEW.format_id <> OLD.format_id OR NEW.body <> OLD.body OR
  NEW.correction_note <> OLD.correction_note OR NEW.return_comment <> OLD.return_comment OR
  NEW.source_name <> OLD.source_name OR NEW.created_by <> OLD.created_by OR
  NEW.created_at <> OLD.created_at OR NEW.updated_by <> OLD.updated_by OR
  NEW.updated_at <> OLD.updated_at OR NEW.submitted_by <> OLD.submitted_by OR
  NEW.submitted_at <> OLD.submitted_at OR NEW.approved_by <> OLD.approved_by OR
  NEW.published_at <> OLD.published_at)
BEGIN
  SELECT RAISE(ABORT, 'a published annual report is frozen: correct it with a new version');
END;
CREATE TRIGGER annual_reports_no_delete_published BEFORE DELETE ON annual_reports
WHEN OLD.status IN ('published', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'a published annual report is frozen: correct it with a new version');
END;

CREATE TABLE report_acceptances (
  report_id INTEGER NOT NULL REFERENCES annual_reports (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  rule TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  accepted_by TEXT NOT NULL,
  accepted_at TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
);

CREATE TABLE report_summary_units (
  report_id INTEGER NOT NULL REFERENCES annual_reports (id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  PRIMARY KEY (report_id, unit_id)
);

-- The explanations and units of a published version are published with it: frozen too.
CREATE TRIGGER report_acceptances_frozen_update BEFORE UPDATE ON report_acceptances
WHEN (SELECT status FROM annual_reports WHERE id = OLD.report_id) IN ('published', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'a published annual report is frozen: correct it with a new version');
END;
CREATE TRIGGER report_acceptances_frozen_delete BEFORE DELETE ON report_acceptances
WHEN (SELECT status FROM annual_reports WHERE id = OLD.report_id) IN ('published', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'a published annual report is frozen: correct it with a new version');
END;
CREATE TRIGGER report_summary_units_frozen_update BEFORE UPDATE ON report_summary_units
WHEN (SELECT status FROM annual_reports WHERE id = OLD.report_id) IN ('published', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'a published annual report is frozen: correct it with a new version');
END;
CREATE TRIGGER report_summary_units_frozen_delete BEFORE DELETE ON report_summary_units
WHEN (SELECT status FROM annual_reports WHERE id = OLD.report_id) IN ('published', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'a published annual report is frozen: correct it with a new version');
END;
