# isinstance and issubclass with hierarchies and tuples
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C))
print(isinstance(b, (C, A)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, object))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int))
print(isinstance("s", (int, str)))
