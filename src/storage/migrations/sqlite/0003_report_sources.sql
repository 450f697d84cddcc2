-- 0003 report sources: published report files uploaded to be audited, kept byte for byte, and the
-- imported report versions that name the file they were read from.
-- Append-only: never edit a released migration; add 0004_... instead.

CREATE TABLE report_sources (
  id INTEGER PRIMARY KEY,
  -- The unit whose report it was saved as; NULL until then.
  agency_id INTEGER REFERENCES agencies (id) ON DELETE RESTRICT,
  -- Who uploaded it (NULL: the command line).
  uploader_id INTEGER REFERENCES users (id) ON DELETE RESTRICT,
  uploaded_by TEXT NOT NULL DEFAULT '',
  uploaded_at TEXT NOT NULL,
  file_name TEXT NOT NULL CHECK (file_name <> ''),
  media_kind TEXT NOT NULL CHECK (media_kind IN ('text', 'html', 'docx', 'pdf')),
  size INTEGER NOT NULL CHECK (size >= 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  content BLOB NOT NULL,
  CHECK (size = length(content))
);
-- Housekeeping finds the files never saved, by age.
CREATE INDEX report_sources_unsaved ON report_sources (uploaded_at) WHERE agency_id IS NULL;

ALTER TABLE annual_reports ADD COLUMN source_id INTEGER REFERENCES report_sources (id)
  ON DELETE RESTRICT;
CREATE INDEX annual_reports_source ON annual_reports (source_id) WHERE source_id IS NOT NULL;

-- The file never changes; its unit is set once, when it is first saved as that unit's report.
CREATE TRIGGER report_sources_kept BEFORE UPDATE ON report_sources
WHEN NEW.id <> OLD.id OR NEW.uploader_id IS NOT OLD.uploader_id OR
  NEW.uploaded_by <> OLD.uploaded_by OR NEW.uploaded_at <> OLD.uploaded_at OR
  NEW.file_name <> OLD.file_name OR NEW.media_kind <> OLD.media_kind OR NEW.size <> OLD.size OR
  NEW.sha256 <> OLD.sha256 OR NEW.content <> OLD.content OR
  (OLD.agency_id IS NOT NULL AND NEW.agency_id IS NOT OLD.agency_id)
BEGIN
  SELECT RAISE(ABORT, 'an uploaded report file is kept as it was uploaded');
END;
-- A file saved as a unit's report, or named by one, stays (also where foreign keys are off).
CREATE TRIGGER report_sources_saved_kept BEFORE DELETE ON report_sources
WHEN OLD.agency_id IS NOT NULL OR
  EXISTS (SELECT 1 FROM annual_reports WHERE annual_reports.source_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'an uploaded report file saved as a report is kept');
END;

-- The frozen published version covers the new column too (same rule as 0002, plus source_id).
DROP TRIGGER annual_reports_published_frozen;
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
  NEW.published_at <> OLD.published_at OR NEW.source_id IS NOT OLD.source_id)
BEGIN
  SELECT RAISE(ABORT, 'a published annual report is frozen: correct it with a new version');
END;
