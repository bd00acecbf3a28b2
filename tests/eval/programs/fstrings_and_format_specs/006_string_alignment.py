# alignment of strings with fill characters
s = "abc"
print(f"[{s:10}]")
print(f"[{s:<10}]")
print(f"[{s:>10}]")
print(f"[{s:^10}]")
print(f"[{s:*^10}]")
print(f"[{s:->8}]")
print(f"[{s:.2}]")
print(f"[{s:5.1}]")
