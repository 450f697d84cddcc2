-- 0007 search speed. Same number as migrations/sqlite/0007_search_prefix_index.sql, which adds
-- FTS5's one-character prefix index; GIN answers prefix queries from its sorted keys already.
-- Here the GIN indexes stop collecting new entries in a pending list: that list is scanned in
-- full by every search until VACUUM merges it, and the portal's items change far less often
-- than they are searched.
ALTER INDEX publication_search_title SET (fastupdate = off);
ALTER INDEX publication_search_body SET (fastupdate = off);
