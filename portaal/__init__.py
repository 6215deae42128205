"""The top floor: the home page and the demo data, which use every app below."""
