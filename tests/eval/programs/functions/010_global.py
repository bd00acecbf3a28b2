# global rebinds a module-level name
total = 0
def add(n):
    global total
    total += n
add(5)
add(7)
print(total)
def set_flag():
    global flag
    flag = True
set_flag()
print(flag)
