# sign options for floats
for v in [1.5, -1.5, 0.0, -0.0]:
    print(f"[{v:+.1f}] [{v:-.1f}] [{v: .1f}]")
print(f"[{5:+}] [{-5:+}] [{5: }]")
print(f"[{3.0:+08.2f}]")
