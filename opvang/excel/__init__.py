"""The uitvraag workbook: its format, safe reading of uploads, and writing workbooks.

`format` describes the sheets and columns (a promise to users, documented in the
README); `safety` refuses hostile files before they are parsed; `reader` turns a
workbook into raw rows; `cells` converts cells to values; `writer` makes the template,
the export and the list of errors. The import itself is `opvang.imports`.
"""
