-- 0001 foundation: agencies and their leading groups, staff users, sessions, the working-day calendar
-- and the hash-chained audit log. Enum columns hold the stable codes from core/terms.h.
-- Append-only: never edit a released migration; add 0002_... instead.

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES agencies (id) ON DELETE RESTRICT,
  level TEXT NOT NULL
    CHECK (level IN ('province', 'city', 'district', 'township', 'department', 'village')),
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  region_code TEXT NOT NULL DEFAULT '',
  office_name TEXT NOT NULL DEFAULT '',
  office_address TEXT NOT NULL DEFAULT '',
  office_phone TEXT NOT NULL DEFAULT '',
  office_hours TEXT NOT NULL DEFAULT '',
  office_email TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE INDEX agencies_parent ON agencies (parent_id);
-- Many agencies (departments) have no region code of their own, so only non-empty codes are unique.
CREATE UNIQUE INDEX agencies_region_code ON agencies (region_code) WHERE region_code <> '';

CREATE TABLE agency_group_members (
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  name TEXT NOT NULL,
  post TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('head', 'executive_deputy', 'deputy', 'member')),
  PRIMARY KEY (agency_id, position)
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('clerk', 'leader', 'admin', 'supervisor')),
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  password_hash TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE INDEX users_agency ON users (agency_id);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE INDEX sessions_user ON sessions (user_id);

-- body is the data-file form (core FormatCalendarYear), so one parser serves files and the database.
CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  body TEXT NOT NULL
);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY CHECK (seq > 0),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  before_json TEXT NOT NULL DEFAULT '',
  after_json TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, seq);

-- Tampering must be deliberate (drop the trigger first), and the hash chain then shows it.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The chain head: one row, moved by every append in the same transaction.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
