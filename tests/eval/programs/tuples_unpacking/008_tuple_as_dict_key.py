# tuples as dict keys and in sets
grid = {}
grid[(0, 1)] = "a"
grid[1, 0] = "b"
print(grid[(1, 0)], grid[0, 1])
print(sorted(grid))
seen = {(1, 2), (1, 2), (2, 1)}
print(len(seen))
