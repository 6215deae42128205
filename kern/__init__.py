"""The ground floor: general machinery every app may use and that uses no app.

Text normalisation (`kern.text`), the plausible date range (`kern.dates`), Dutch whole
numbers read (`kern.numbers`) and written (`kern.formatting`, with dates), the form and
model fields built on them (`kern.forms`, `kern.fields`), the audit trail's base models
and querysets and the client IP (`kern.audit`), the security log (`kern.security_log`),
the append-only and history-check triggers for migrations (`kern.triggers`), the
no-delete admin mixin (`kern.admin`) and workbook primitives (`kern.xlsx`). Nothing here
imports an app of ours (an import-linter contract in pyproject.toml).
"""
