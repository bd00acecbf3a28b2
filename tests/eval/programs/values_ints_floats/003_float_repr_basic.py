# repr of common floats uses the shortest round-tripping form
print(0.1)
print(0.1 + 0.2)
print(1.0)
print(2.5)
print(1 / 3)
print(100.0)
print(3.14159)
print(-0.5)
