# zero padding for ints and floats
print(f"{7:03}")
print(f"{7:03d}")
print(f"{-7:04}")
print(f"{3.5:06.2f}")
print(f"{-3.5:07.2f}")
print(f"{12345:03}")
print(f"{5:=+5}")
