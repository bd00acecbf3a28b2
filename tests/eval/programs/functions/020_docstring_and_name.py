# docstrings and __name__ of functions
def documented():
    """Says what it does."""
    return 1
print(documented.__doc__)
print(documented.__name__)
print((lambda: 0).__name__)
