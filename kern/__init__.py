"""The ground floor: general machinery every app may use and that uses no app.

Text normalisation (`kern.text`), the plausible date range (`kern.dates`), Dutch whole
numbers (`kern.numbers`), and the form and model fields built on them (`kern.forms`,
`kern.fields`). Nothing here imports gemeenten, opvang or rapportage.
"""
