"""A package of table modules."""
