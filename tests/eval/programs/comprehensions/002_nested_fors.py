# nested for clauses run left to right
print([(x, y) for x in range(3) for y in range(2)])
print([x * y for x in [1, 2] for y in [10, 100] if x != y])
matrix = [[1, 2], [3, 4], [5, 6]]
print([v for row in matrix for v in row])
print([[row[i] for row in matrix] for i in range(2)])
