# isinstance relationships between built-in exceptions
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(UnboundLocalError, NameError), issubclass(ValueError, Exception))
print(issubclass(Exception, BaseException), issubclass(KeyError, ValueError))
print(issubclass(NotImplementedError, RuntimeError), issubclass(RecursionError, RuntimeError))
