"""Accounts: login, two factors, sessions, roles as groups with permissions, rights changes.

One floor above gemeenten (whose models it uses: User, UserSession, Rechtenwijziging)
and below the task apps. The security log is kern's, so gemeenten needs nothing here.
"""
