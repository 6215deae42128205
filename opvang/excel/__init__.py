"""The uitvraag workbook: its format, safe reading of uploads, and writing workbooks.

`format` describes the sheets and columns (a promise to users, documented in the
README; a location's columns come from `opvang.velden`); `safety` refuses hostile files
before they are parsed; `reader` turns a workbook into raw rows; `cells` converts cells
to values; `validation` checks every row and plans the import; `preview` says what it
changes; `writer` makes the template, the export and the list of errors. The writes are
`opvang.services_import`.
"""
