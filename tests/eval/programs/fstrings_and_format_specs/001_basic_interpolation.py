# f-string interpolation of names and expressions
name = "age"
i = 3
print(f"{name}_{i}")
print(f"{i + 1} items")
print(f"{name.upper()}!")
print(f"{[1, 2][0]} {'x' * 3}")
print(f"{{braces}} {i}")
