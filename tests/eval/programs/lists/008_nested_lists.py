# nested lists and indexing
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(grid[1][2])
print([row[0] for row in grid])
grid[0][0] = 100
print(grid)
print(len(grid), len(grid[0]))
print(sum(sum(r) for r in grid))
