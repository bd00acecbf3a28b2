# os.path.join with several parts
import os.path
print(os.path.join("analysis", "codelists", "asthma.csv"))
print(os.path.join("a", ""))
print(os.path.join("a/", "b"))
print(os.path.join("a", "/abs", "c"))
print(os.path.join("single"))
