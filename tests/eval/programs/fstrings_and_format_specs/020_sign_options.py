# sign options for floats
for v in [1.5, -1.5, 0.0, -0.0]:
    print(f"[{v:+.1f}] [{v:-.1f}] [{v: .1f}]")
