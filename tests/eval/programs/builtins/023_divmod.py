# divmod with ints and floats
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(divmod(7.5, 2), divmod(-7.5, 2))
print(divmod(0, 3))
q, r = divmod(125, 60)
print(f"{q}h{r:02d}m")
