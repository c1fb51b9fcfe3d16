"""Plans typed into sheets: an XLSX workbook (the task template or any sheet whose header row names
the columns) and rows pasted from Excel on the review page.

This is the manual route for a document the reader could not use. Both read rows the same way:
columns are recognised by meaning with the annex vocabulary (``extract.roles.role_of``), each row
becomes a task or a target or a Vietnamese message naming the row, and nothing is kept unless every
row is right.

* ``grid``: the neutral shape, a sheet of text cells with row numbers, and its canonical text
  ("Nhiệm vụ!A2<TAB>1<TAB>…") so spans point at cells;
* ``fields``: column vocabulary and the reading of one row into a task, a target or a header field;
* ``workbook``: a read workbook into a ``PlanDraft`` (``sheet_plan``);
* ``paste``: tab-separated text pasted from Excel into the rows of the review grid;
* ``template``: the XLSX template officials download.
"""
