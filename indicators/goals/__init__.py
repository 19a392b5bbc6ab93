"""Strategies, goals (delmål) with targets, and the status method that judges them.

Everything here is pure: it knows the catalogue and the numbers it is given, never a database.
"""
