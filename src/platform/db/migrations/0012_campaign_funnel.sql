-- Campaign throughput: a sent message's status is updated three or four times within seconds
-- (accepted, sent, delivered, read). With full pages every such UPDATE wrote a new version on
-- another page and a new entry in each of the table's five indexes (the GIN one included); free
-- space on each page lets PostgreSQL keep them heap-only (HOT): no index writes. Applies to pages
-- written from now on.
alter table messages set (fillfactor = 70);
