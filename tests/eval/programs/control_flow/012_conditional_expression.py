# conditional expressions nest and short-circuit
x = 7
print("odd" if x % 2 else "even")
print("small" if x < 5 else "medium" if x < 10 else "large")
calls = []
def mark(v):
    calls.append(v)
    return v
r = mark(1) if False else mark(2)
print(r, calls)
