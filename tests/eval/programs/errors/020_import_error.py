# importing an unknown module raises ModuleNotFoundError, an ImportError
try:
    import pandas
except ImportError as e:
    print(type(e).__name__, "|", e, "|", e.name)
try:
    import definitely_not_a_module_xyz
except ModuleNotFoundError as e:
    print(e)
try:
    from math import not_a_function
except ImportError as e:
    print(type(e).__name__)
