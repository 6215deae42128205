"""No models of its own: User, UserSession and Rechtenwijziging stay in gemeenten.

Their migrations, AUTH_USER_MODEL = "gemeenten.User" and every foreign key to it in
other apps' migrations name gemeenten; moving them (a state-only move with
SeparateDatabaseAndState) would rename tables or leave them misnamed, and rewrite the
content types that permissions and history point to, for no change in behaviour.
accounts owns the behaviour around them. The module exists so that Django sends
accounts its post_migrate signal (apps without models get none), which creates the
cache table and restores the group's rights.
"""
