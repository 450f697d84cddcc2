-- 0005 proactive disclosure: the register's items (publications), every version of their content,
-- their append-only history, where they went out (channels), their attachments, and the Chinese
-- full-text index. Enum columns hold the codes of core/publication/publication.h; dates are ISO
-- 'YYYY-MM-DD' text. Append-only: never edit a released migration; add 0006_... instead.

CREATE TABLE publications (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  index_number TEXT NOT NULL CHECK (index_number <> ''),
  -- Generated index numbers count per agency and year; typed ones have neither (NULL).
  serial_year INTEGER CHECK (serial_year IS NULL OR serial_year BETWEEN 2000 AND 2200),
  serial_no INTEGER CHECK (serial_no IS NULL OR serial_no > 0),
  stage TEXT NOT NULL CHECK (stage IN ('draft', 'in_review', 'awaiting_approval', 'published',
                                       'catalogued', 'withdrawn')),
  working_version INTEGER NOT NULL CHECK (working_version > 0),
  live_version INTEGER NOT NULL DEFAULT 0 CHECK (live_version >= 0),
  first_released_on TEXT CHECK (first_released_on IS NULL OR
                                date(first_released_on) = first_released_on),
  withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR date(withdrawn_on) = withdrawn_on),
  -- The portal's view (the live version), kept with the row so the column pages read one index.
  on_portal INTEGER NOT NULL DEFAULT 0 CHECK (on_portal IN (0, 1)),
  portal_title TEXT NOT NULL DEFAULT '',
  portal_item_code TEXT NOT NULL DEFAULT '',
  portal_subject TEXT NOT NULL DEFAULT '',
  portal_year INTEGER NOT NULL DEFAULT 0,
  -- The working version's, for the back office lists.
  title TEXT NOT NULL DEFAULT '',
  item_code TEXT NOT NULL DEFAULT '',
  written_date TEXT CHECK (written_date IS NULL OR date(written_date) = written_date),
  review_by TEXT CHECK (review_by IS NULL OR date(review_by) = review_by),
  created_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
  CHECK (live_version <= working_version),
  CHECK (on_portal = 0 OR (live_version > 0 AND stage <> 'withdrawn')),
  UNIQUE (index_number),
  UNIQUE (agency_id, serial_year, serial_no)
);
-- The portal's column pages: an agency's live items, newest first, by item or year.
CREATE INDEX publications_portal
  ON publications (agency_id, on_portal, first_released_on DESC, id DESC);
CREATE INDEX publications_portal_item
  ON publications (agency_id, on_portal, portal_item_code, first_released_on DESC, id DESC);
CREATE INDEX publications_stage ON publications (agency_id, stage);

CREATE TABLE publication_versions (
  publication_id INTEGER NOT NULL REFERENCES publications (id) ON DELETE RESTRICT,
  number INTEGER NOT NULL CHECK (number > 0),
  title TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  item_code TEXT NOT NULL DEFAULT '',
  attribute TEXT NOT NULL CHECK (attribute IN ('proactive', 'on_request', 'withheld')),
  written_date TEXT CHECK (written_date IS NULL OR date(written_date) = written_date),
  changed_date TEXT CHECK (changed_date IS NULL OR date(changed_date) = changed_date),
  document_number TEXT NOT NULL DEFAULT '',
  issuer TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  review_by TEXT CHECK (review_by IS NULL OR date(review_by) = review_by),
  released_on TEXT CHECK (released_on IS NULL OR date(released_on) = released_on),
  created_at TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (publication_id, number)
);

CREATE TABLE publication_events (
  publication_id INTEGER NOT NULL REFERENCES publications (id) ON DELETE RESTRICT,
  seq INTEGER NOT NULL CHECK (seq > 0),
  kind TEXT NOT NULL CHECK (kind IN ('created', 'edited', 'submitted', 'reviewed', 'approved',
                                     'returned', 'revision_started', 'withdrawn',
                                     'channel_recorded')),
  version INTEGER NOT NULL CHECK (version >= 0),
  event_date TEXT NOT NULL CHECK (date(event_date) = event_date),
  recorded_at TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL DEFAULT '',
  by_user_id INTEGER REFERENCES users (id) ON DELETE RESTRICT,
  reviewer TEXT NOT NULL DEFAULT '',
  conclusion TEXT NOT NULL CHECK (conclusion IN ('pass', 'fail')),
  channel TEXT CHECK (channel IS NULL OR channel IN ('portal', 'wechat', 'new_media', 'led',
                                                     'bulletin_board', 'village_board')),
  body TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (publication_id, seq)
);
CREATE TRIGGER publication_events_no_update BEFORE UPDATE ON publication_events
BEGIN
  SELECT RAISE(ABORT, 'publication_events is append-only');
END;
CREATE TRIGGER publication_events_no_delete BEFORE DELETE ON publication_events
BEGIN
  SELECT RAISE(ABORT, 'publication_events is append-only');
END;

CREATE TABLE publication_attachments (
  id INTEGER PRIMARY KEY,
  publication_id INTEGER NOT NULL REFERENCES publications (id) ON DELETE RESTRICT,
  -- The version it was added to: the portal shows those up to the live version.
  version INTEGER NOT NULL CHECK (version > 0),
  file_name TEXT NOT NULL CHECK (file_name <> ''),
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  uploaded_at TEXT NOT NULL DEFAULT '',
  uploaded_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX publication_attachments_item ON publication_attachments (publication_id, id);

CREATE TABLE publication_channels (
  id INTEGER PRIMARY KEY,
  publication_id INTEGER NOT NULL REFERENCES publications (id) ON DELETE RESTRICT,
  channel TEXT NOT NULL CHECK (channel IN ('portal', 'wechat', 'new_media', 'led',
                                           'bulletin_board', 'village_board')),
  posted_on TEXT NOT NULL CHECK (date(posted_on) = posted_on),
  link TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  photo_attachment_id INTEGER REFERENCES publication_attachments (id) ON DELETE RESTRICT,
  recorded_by TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX publication_channels_item ON publication_channels (publication_id, id);
CREATE INDEX publication_channels_date ON publication_channels (posted_on, channel);

-- Full-text index of the live items: rowid = publications.id; title and body hold the bigram
-- tokens of core/search (space-separated), so unicode61 keeps each token whole. Rows are written
-- in the same transaction as the item. (A contentless table cannot delete rows on SQLite 3.40
-- without the old tokens, so this one keeps its content.)
CREATE VIRTUAL TABLE publication_search USING fts5(
  title, body, tokenize = 'unicode61 remove_diacritics 0');
