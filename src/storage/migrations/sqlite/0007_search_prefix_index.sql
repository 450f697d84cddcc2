-- 0007 search speed: publication_search gains FTS5's index of one-character prefixes, so a query
-- of one Chinese character ("村" → `"村" *`) reads one posting list instead of merging those of
-- every bigram starting with it. FTS5 cannot add the option to a table, so the index is rebuilt
-- from the stored tokens under a new name and renamed.
CREATE VIRTUAL TABLE publication_search_rebuilt USING fts5(
  title, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '1');
INSERT INTO publication_search_rebuilt (rowid, title, body)
  SELECT rowid, title, body FROM publication_search;
DROP TABLE publication_search;
ALTER TABLE publication_search_rebuilt RENAME TO publication_search;
