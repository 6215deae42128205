"""The GOO workbook: template, safety checks and the all-or-nothing import."""
