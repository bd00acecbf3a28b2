# nested replacement fields inside the spec
w = 8
p = 3
x = 2.718281828
print(f"[{x:{w}.{p}f}]")
print(f"[{'hi':{w}}]")
print(f"[{'hi':>{w}}]")
fill = "#"
print(f"[{42:{fill}^{w}}]")
for width in range(3, 6):
    print(f"[{1:0{width}d}]")
