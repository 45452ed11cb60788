-- The desk's queue at 100,000 applications (tests/bench/desk.bench.ts): its order — open applications first, then by
-- due date, then by number — as an index, alone and after each equality filter, so a page is an index range scan
-- with LIMIT instead of a sort of every row. The deadline filters (open, due on or before a date) are ranges of the
-- first index.
CREATE INDEX applications_queue_idx ON applications ((closed_on IS NULL) DESC, due_on NULLS FIRST, id);
CREATE INDEX applications_queue_agency_idx ON applications (agency_id, (closed_on IS NULL) DESC, due_on NULLS FIRST, id);
CREATE INDEX applications_queue_status_idx ON applications (status, (closed_on IS NULL) DESC, due_on NULLS FIRST, id);
-- 仅工作人员代填 (about a tenth of all applications): the same order over those alone.
CREATE INDEX applications_queue_assisted_idx ON applications ((closed_on IS NULL) DESC, due_on NULLS FIRST, id)
  WHERE staff_assisted;
-- The annual report's part 4 reads the applications with a reconsideration or lawsuit: a few, found by this index.
CREATE INDEX procedure_actions_case_filed_idx ON procedure_actions (application_id)
  WHERE action->>'type' = 'case-filed';
